"""The travel routes in the running app (`streamlit run dashboard.py`, the door in front):
a chat's crawler gets a page's preview tags when no sign-in is set and the sign-in form
when one is; the preview image is a PNG; behind a sign-in the chart page, plotly.js and
the image need the door's cookie like everything else."""

from __future__ import annotations

import re

import pytest

from newsdash.app import door
from newsdash.app.serve import loopback_server, stop
from newsdash.data.corpus import load_corpus
from newsdash.views.data_pages import page_charts
from tests.conftest import ROOT
from tests.doorclient import call

pytestmark = pytest.mark.slow
CRAWLER = {"User-Agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"}


def a_chart_id() -> str:
    corpus = load_corpus(ROOT / "data")
    loaded = corpus.article()
    return page_charts(corpus, loaded, loaded.article.figures[0].category)[0].id


@pytest.fixture(scope="module")
def open_app():  # noqa: ANN201 - yields the URL
    proc, url = loopback_server()
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def closed_app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - yields the URL
    proc, url = loopback_server(env={door.REQUIRED_ENV: "1",
                                     door.STATE_DIR_ENV: str(tmp_path_factory.mktemp("state"))})
    yield url
    stop(proc)


def test_a_crawler_gets_the_pages_preview_tags_and_a_reader_the_app(open_app):
    answer = call(f"{open_app}/demining?lang=ar", headers=CRAWLER)
    assert answer.status == 200
    page = answer.body.decode()
    assert '<meta property="og:title"' in page and '<html lang="ar"' in page
    image = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    assert image == f"{open_app}/preview/preview-ar.png"
    assert "script-src 'none'" in answer.header("content-security-policy")
    reader = call(f"{open_app}/demining")
    assert reader.status == 200 and b"og:title" not in reader.body  # Streamlit's own page


def test_the_preview_image_is_a_png(open_app):
    answer = call(f"{open_app}/preview/preview-en.png", timeout=120)
    assert answer.status == 200 and answer.header("content-type") == "image/png"
    assert answer.body.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_chart_page_and_plotly_are_served_with_no_sign_in_set(open_app):
    chart = call(f"{open_app}/embed/chart/{a_chart_id()}")
    assert chart.status == 200 and "frame-ancestors 'self'" in chart.header("content-security-policy")
    assert call(f"{open_app}/embed/plotly.min.js").status == 200


def test_behind_a_sign_in_a_crawler_gets_the_form_and_the_routes_need_the_cookie(closed_app):
    answer = call(f"{closed_app}/demining", headers=CRAWLER)
    assert answer.status == 303 and answer.header("location").startswith("/sign-in?next=")
    for path in (f"/embed/chart/{a_chart_id()}", "/embed/plotly.min.js", "/preview/preview-en.png"):
        refused = call(f"{closed_app}{path}")
        assert refused.status == 403, path
        assert b"og:" not in refused.body and b"Plotly" not in refused.body
