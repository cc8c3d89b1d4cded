"""Sharing a chart: the link to its view, the embed code, the 'cite this' text
(newsdash.exports.embeds, citations) and the chart's standalone page served by
newsdash.app.public_routes (Starlette's TestClient). The iframe resizing in a browser:
tests/test_browser_embed.py."""

from __future__ import annotations

import json
import re
import warnings
from datetime import date
from pathlib import Path

import pytest
from starlette.applications import Starlette

from newsdash.app import public_routes
from newsdash.data.corpus import load_corpus
from newsdash.exports import embeds
from newsdash.exports.citations import citation
from newsdash.exports.offline import PLOTLY_JS
from newsdash.views.charts import get_chart
from tests.conftest import ROOT
from tests.hostile_cases import CASES, make_copy

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

WESTERN_DIGIT = re.compile("[0-9]")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data")


@pytest.fixture(scope="module")
def client():
    return TestClient(Starlette(routes=public_routes.routes()))


def measure_chart_id(corpus) -> str:
    from newsdash.views.data_pages import page_charts

    return page_charts(corpus, corpus.article(), corpus.article().article.figures[0].category)[0].id


# 1/ THE BUILDERS


def test_the_link_to_a_view_keeps_its_filters_and_points_at_the_chart():
    url = embeds.chart_view_url("https://news.example/dash/", "pages/timeline.py",
                                {"lang": "ar", "timeline_layers": "fighting,context_events"}, "any_chart")
    assert url == ("https://news.example/dash/timeline?lang=ar&timeline_layers=fighting%2Ccontext_events"
                   "#chart-any_chart")


def test_the_chart_page_url_is_under_the_dashboards_base():
    assert (embeds.chart_page_url("https://news.example/dash", "c", {"lang": "ar"})
            == "https://news.example/dash/embed/chart/c?lang=ar")
    assert embeds.chart_page_url("http://127.0.0.1:8501/", "c", {}) == "http://127.0.0.1:8501/embed/chart/c"


def test_the_embed_code_is_a_full_width_iframe_with_its_resizing_listener():
    code = embeds.embed_code("https://news.example/dash/embed/chart/c?lang=ar&x=1", 'Title "with" <b>markup</b>')
    iframe = re.search(r"<iframe ([^>]*)></iframe>", code).group(1)
    assert 'src="https://news.example/dash/embed/chart/c?lang=ar&amp;x=1"' in iframe
    assert 'title="Title &quot;with&quot; &lt;b&gt;markup&lt;/b&gt;"' in iframe
    assert "width:100%" in iframe and "border:0" in iframe and "data-newsdash-embed" in iframe
    script = re.search(r"<script>(.*)</script>", code, re.S).group(1)
    assert "addEventListener('message'" in script and embeds.HEIGHT_MESSAGE in script
    assert "event.source" in script and "event.origin" in script  # only this iframe, from its own origin


def test_the_chart_page_reports_its_height_and_escapes_its_words():
    page = embeds.chart_page_html({"data": [], "layout": {"title": {"text": "</script><b>x"}}}, {}, lang="ar",
                                  title="<title>", heading_html="<p>h</p>", footer_html="<p>f</p>", alt='a"b',
                                  credit="<i>c</i>", view_url="https://x/?a=1&b=2", view_words="<see>",
                                  plotly_src="../plotly.min.js")
    assert '<html lang="ar" dir="rtl">' in page
    assert "<title>&lt;title&gt;</title>" in page and "&lt;i&gt;c&lt;/i&gt;" in page and "&lt;see&gt;" in page
    assert 'aria-label="a&quot;b"' in page and 'href="https://x/?a=1&amp;b=2"' in page
    assert "</script><b>" not in page  # data JSON cannot close its script
    assert f"type: '{embeds.HEIGHT_MESSAGE}'" in page and "ResizeObserver" in page and "postMessage" in page


# 2/ CITE THIS


def test_the_citation_names_the_outlet_speaker_date_link_and_retrieval(corpus):
    info = corpus.article().article.article
    text = citation(info, "A chart", "https://news.example/dash/demining#chart-x", date(2026, 12, 6), "en")
    assert text.startswith(f"{info.outlet.en} / {info.wire_agency.en} (29 December 2021). {info.speaker.name.en}, ")
    assert "In A chart, " in text and "https://news.example/dash/demining#chart-x" in text
    assert text.endswith("(retrieved 6 December 2026).")


def test_the_arabic_citation_is_arabic_with_arabic_indic_digits_outside_the_link(corpus):
    info = corpus.article().article.article
    link = "https://news.example/dash/demining?lang=ar#chart-x2"
    text = citation(info, "رسم", link, "2026-12-06", "ar")
    assert info.outlet.ar in text and info.speaker.name.ar in text and "تاريخ الاسترجاع ٦ ديسمبر ٢٠٢٦" in text
    assert "٢٩ ديسمبر ٢٠٢١" in text
    assert not WESTERN_DIGIT.search(text.replace(link, ""))


# 3/ THE STANDALONE CHART PAGE, SERVED


def test_the_chart_page_may_be_framed_by_the_configured_embed_origins_only(client, corpus, monkeypatch):
    from newsdash.app import door_asgi

    monkeypatch.setenv("DASHBOARD_EMBED_ORIGINS", "https://cms.example.org, not an origin")
    door_asgi.forget_config()
    try:
        policy = client.get(f"/embed/chart/{measure_chart_id(corpus)}").headers["content-security-policy"]
    finally:
        monkeypatch.delenv("DASHBOARD_EMBED_ORIGINS")
        door_asgi.forget_config()
    assert policy.endswith("frame-ancestors 'self' https://cms.example.org")
    assert "frame-ancestors *" not in policy


def test_the_chart_page_draws_the_chart_in_the_asked_language(client, corpus):
    chart_id = measure_chart_id(corpus)
    for lang in ("en", "ar"):
        response = client.get(f"/embed/chart/{chart_id}", params={"lang": lang})
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        page = response.text
        assert f'<html lang="{lang}"' in page and '<script src="../plotly.min.js">' in page
        figure = json.loads(re.search(r'id="nd-figure">(.*?)</script>', page, re.S).group(1))
        assert figure["data"] and corpus.measures[chart_id].label.get(lang) in page
        chart = get_chart(corpus.article(), chart_id, corpus)
        home = Path(embeds.chart_home(corpus, corpus.article(), chart)).stem
        query = "?lang=ar" if lang == "ar" else ""
        assert f'href="http://testserver/{home}{query}#chart-{chart_id}"' in page


def test_the_chart_page_links_back_to_its_view_in_the_dashboard(corpus):
    chart_id = measure_chart_id(corpus)
    client = TestClient(Starlette(routes=public_routes.routes("/news/dash")))
    page = client.get(f"/news/dash/embed/chart/{chart_id}", params={"lang": "ar"}).text
    assert re.search(rf'href="http://testserver/news/dash/\w+\?lang=ar#chart-{chart_id}"', page)


def test_an_unknown_chart_article_or_language_is_a_404_or_the_default(client, corpus):
    assert client.get("/embed/chart/no_such_chart").status_code == 404
    assert client.get(f"/embed/chart/{measure_chart_id(corpus)}", params={"article": "nope"}).status_code == 404
    response = client.get(f"/embed/chart/{measure_chart_id(corpus)}", params={"lang": "<script>"})
    assert response.status_code == 200 and '<html lang="en"' in response.text
    assert "<script>" not in response.text.split("</head>")[0].replace("<script src=", "")


def test_the_timeline_page_takes_the_timeline_filter(client, corpus):
    from newsdash.views.data_pages import charts_of_kind

    timeline = charts_of_kind(corpus.article(), "timeline")[0].id
    every = client.get(f"/embed/chart/{timeline}").text
    fewer = client.get(f"/embed/chart/{timeline}", params={"timeline_layers": "fighting"}).text
    traces = [len(json.loads(re.search(r'id="nd-figure">(.*?)</script>', p, re.S).group(1))["data"])
              for p in (every, fewer)]
    assert traces[1] < traces[0]
    assert "timeline_layers=fighting#chart-" in fewer


def test_plotly_js_is_served_from_the_dashboard(client):
    response = client.get("/embed/plotly.min.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    assert response.content == PLOTLY_JS.read_bytes()


def test_markup_in_the_data_stays_text_on_the_chart_page(tmp_path, monkeypatch):
    data = make_copy(tmp_path)
    next(case for case in CASES if case.name == "markup_in_every_text_field").prepare(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    corpus = load_corpus(data)
    client = TestClient(Starlette(routes=public_routes.routes()))
    for lang in ("en", "ar"):
        page = client.get(f"/embed/chart/{measure_chart_id(corpus)}", params={"lang": lang}).text
        assert "<script>window.__xss" not in page and "<img src=x" not in page
