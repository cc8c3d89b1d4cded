"""The dashboard as one offline HTML file (newsdash.exports.offline): both languages, every
chart of the pages as JSON, plotly.js inside it once, every link an anchor in the file,
every text escaped, under its size budget; and `newsdash export --static`.
The file in a browser with the network cut off: tests/test_browser_offline.py."""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdash.cli import main
from newsdash.data.corpus import load_corpus
from newsdash.data.method import load_method
from newsdash.exports import offline
from newsdash.views import charts as chart_views
from newsdash.views import original_text as text_views
from newsdash.views import overview
from newsdash.views.data_method import credit_line
from tests.conftest import ROOT
from tests.download_buttons import button_labels, button_script, run_button
from tests.hostile_cases import CASES, make_copy


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data")


@pytest.fixture(scope="module")
def page(corpus) -> str:
    return offline.offline_html(corpus, corpus.article(), load_method(ROOT / "data")[0], made_on="2026-12-01")


class Anchors(HTMLParser):
    """Every id, every href, and each language section's ids."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.sources: list[str] = []
        self.section_lang = ""
        self.ids_by_lang: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "section" and "nd-lang" in (attrs.get("class") or ""):
            self.section_lang = attrs["lang"]
        if "id" in attrs:
            self.ids.append(attrs["id"])
            self.ids_by_lang.setdefault(self.section_lang, []).append(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.sources.append(attrs["src"])


def parsed(page: str) -> Anchors:
    parser = Anchors()
    parser.feed(page)
    return parser


def charts_json(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="nd-charts">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_the_file_is_under_its_size_budget(page: str):
    size = len(page.encode("utf-8"))
    assert size < offline.SIZE_BUDGET
    assert size < 5_000_000  # 5 MB as a mail server counts it, too


def test_plotly_js_is_inside_the_file_once_and_nothing_is_fetched(page: str):
    packed = re.findall(r'<script type="application/octet-stream" id="nd-plotly">(.*?)</script>', page, re.S)
    assert len(packed) == 1
    assert gzip.decompress(base64.b64decode(packed[0])) == offline.PLOTLY_JS.read_bytes()
    assert parsed(page).sources == []  # no <script src>, <img src>, <iframe src>
    assert "<link" not in page and "@import" not in page and "cdn." not in page.lower()


def test_both_languages_with_their_direction(page: str):
    sections = re.findall(r'<section class="nd-lang" lang="(\w+)" dir="(\w+)"', page)
    assert sections == [("en", "ltr"), ("ar", "rtl")]
    assert '<button type="button" data-lang="ar"' in page  # the switch


def test_every_chart_the_pages_draw_is_in_the_file_in_both_languages(page: str, corpus):
    loaded = corpus.article()
    expected = [chart.id for _, charts in offline.page_charts(corpus, loaded) for chart, filters in charts
                if not chart_views.empty_message(loaded, corpus, chart.id, "en", **filters)]
    small = [c.figure.id for c in overview.article_comparisons(loaded, corpus)[: overview.SMALL_MULTIPLES]]
    assert len(expected) >= 5 and small
    figures = charts_json(page)
    for lang in ("en", "ar"):
        assert [k for k in figures if k.startswith(f"{lang}-chart-")] == [f"{lang}-chart-{c}" for c in expected]
        assert [k for k in figures if k.startswith(f"{lang}-small-")] == [f"{lang}-small-{f}" for f in small]
    for key, figure in figures.items():
        assert figure["data"], key  # something to draw
        assert f'data-chart="{key}"' in page  # and a place to draw it


def test_the_shared_template_is_in_the_file_once(page: str):
    figures = charts_json(page)
    assert not any("template" in figure["layout"] for figure in figures.values())
    template = re.search(r'<script type="application/json" id="nd-template">(.*?)</script>', page, re.S)
    assert json.loads(template.group(1))["layout"]  # plotly_white, once


def test_every_link_lands_in_the_file(page: str):
    anchors = parsed(page)
    ids = set(anchors.ids)
    assert len(ids) == len(anchors.ids), "ids are unique"
    internal = [h for h in anchors.hrefs if h.startswith("#")]
    assert internal and all(h[1:] in ids for h in internal), [h for h in internal if h[1:] not in ids][:5]
    others = [h for h in anchors.hrefs if not h.startswith("#")]
    assert all(h.startswith("https://") for h in others), others  # sources only: no link into the app


def test_every_record_links_to_its_sentence_and_back(page: str, corpus):
    loaded = corpus.article()
    anchors = parsed(page)
    for lang in ("en", "ar"):
        ids = set(anchors.ids_by_lang[lang])
        for record in text_views.record_ids(loaded):
            sentence, card = f"{lang}-q-{record}", f"{lang}-record-{record}"
            assert sentence in ids and card in ids
            assert f'href="#{sentence}"' in page  # the card's link to its sentence
            assert re.search(rf'<a class="q-link" href="#{card}"', page)  # and the sentence's link back


def test_the_lede_links_each_figure_to_its_sentence(page: str, corpus):
    comparisons = overview.article_comparisons(corpus.article(), corpus)
    ledes = re.findall(r'<div class="nd-lede".*?</div>', page, re.S)
    assert len(ledes) == 2
    for lang, lede in zip(("en", "ar"), ledes, strict=True):
        for c in comparisons[: overview.LEDE_ITEMS]:
            assert f'href="#{lang}-q-{c.figure.id}"' in lede


def test_each_figure_card_has_who_when_where_and_the_verbatim_quote(page: str, corpus):
    loaded = corpus.article()
    info = loaded.article.article
    for figure in loaded.article.confirmed_figures:
        card = re.search(rf'<article class="nd-record" id="en-record-{figure.id}">(.*?)</article>', page, re.S)
        text = card.group(1)
        assert html.escape(figure.quote) in text
        assert html.escape(figure.attribution("en")) in text
        assert info.outlet.en in text and "29 December 2021" in text


def test_the_caveat_and_the_credit_in_both_languages(page: str, corpus):
    info = corpus.article().article.article
    method = load_method(ROOT / "data")[0]
    for lang in ("en", "ar"):
        assert info.claim_caveat.get(lang) in page
        assert html.escape(credit_line(method, lang)) in page


def test_the_arabic_half_writes_its_numbers_in_arabic_indic_digits(page: str):
    arabic = page[page.index('<section class="nd-lang" lang="ar"'):page.index('<script type="application/json"')]
    lede = re.search(r'<div class="nd-lede".*?<ul>(.*?)</ul>', arabic, re.S).group(1)
    assert re.search("[\u0660-\u0669]", lede) and not re.search("[0-9]", re.sub(r"<[^>]+>", "", lede))


def test_markup_in_every_text_field_stays_text(tmp_path: Path):
    data = make_copy(tmp_path)
    next(case for case in CASES if case.name == "markup_in_every_text_field").prepare(tmp_path)
    corpus = load_corpus(data)
    assert not corpus.errors
    page = offline.offline_html(corpus, corpus.article(), load_method(data)[0])
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    for raw in ("<script>window.__xss", "<img src=x", "<b>bold?</b>", 'href="javascript:'):
        assert raw not in page, raw
    assert parsed(page).sources == []


def test_export_static_writes_the_file(tmp_path: Path, capsys):
    out = tmp_path / "dashboard.html"
    assert main(["export", "--static", "--out", str(out), "--data", str(ROOT / "data")]) == 0
    assert out.stat().st_size < offline.SIZE_BUDGET
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"wrote {out}" in capsys.readouterr().out


def test_export_static_names_an_unknown_article(tmp_path: Path, capsys):
    assert main(["export", "--static", "--out", str(tmp_path / "x.html"), "--article", "no-such-article",
                 "--data", str(ROOT / "data")]) == 1
    assert "no article 'no-such-article'" in capsys.readouterr().err


OFFLINE_SCRIPT = button_script("newsdash.app.offline_download", "offline_download", "load_corpus().article()")


@pytest.mark.slow
def test_the_download_button_says_what_the_file_holds_in_arabic(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(ROOT / "data"))
    at = run_button(OFFLINE_SCRIPT, "ar")
    assert button_labels(at) == ["تنزيل اللوحة في ملف واحد يعمل دون اتصال (HTML)"]
    assert at.caption[0].value.startswith("القصة وكل الرسوم البيانية (تفاعلية)")


def test_the_file_behind_the_button_is_built_once_per_data_state(monkeypatch):
    from newsdash.app import offline_download
    from newsdash.data.corpus import state_digest

    calls = []
    real = offline.offline_bytes
    monkeypatch.setattr(offline, "offline_bytes", lambda *a, **k: calls.append(1) or real(*a, **k))
    state = state_digest(ROOT / "data")
    article = load_corpus(ROOT / "data").article().id
    first = offline_download._offline_file(str(ROOT / "data"), state, article)
    again = offline_download._offline_file(str(ROOT / "data"), state, article)
    assert first is again and len(calls) == 1 and first.startswith(b"<!DOCTYPE html>")
