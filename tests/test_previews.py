"""Link previews (newsdash.exports.previews, newsdash.app.public_routes): a chat's crawler
asking for a page gets its title, a one-line description and an image, in the page's
language; a reader's browser gets the app as before."""

from __future__ import annotations

import re
import warnings

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from newsdash.app import public_routes
from newsdash.data.corpus import load_corpus
from newsdash.exports import previews
from newsdash.exports.chart_files import png_size
from tests.conftest import ROOT, require_browser
from tests.hostile_cases import CASES, make_copy

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"
WHATSAPP = "WhatsApp/2.23.20.0"
CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"


def the_app(base_path: str = "") -> TestClient:
    """Streamlit's part stood in for by one route answering every path as its index.html does."""
    def index(request) -> PlainTextResponse:  # noqa: ANN001
        return PlainTextResponse("<title>Streamlit</title>")

    app = Starlette(routes=[*public_routes.routes(base_path), Route("/{path:path}", index)],
                    middleware=[Middleware(public_routes.LinkPreviewMiddleware, base_path=base_path)])
    return TestClient(app)


def meta(page: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', page)
    return found.group(1) if found else ""


@pytest.mark.parametrize("agent, expected", [
    (SLACK, True), (WHATSAPP, True), ("Twitterbot/1.0", True), ("facebookexternalhit/1.1", True),
    ("TelegramBot (like TwitterBot)", True), ("Mozilla/5.0 (compatible; Discordbot/2.0)", True),
    (CHROME, False), ("", False), (None, False)])
def test_the_crawlers_of_chats_are_recognised(agent, expected):
    assert previews.is_link_preview_agent(agent) is expected


def test_each_page_path_has_its_title():
    assert previews.page_key("/") == "page_overview" and previews.page_key("") == "page_overview"
    assert previews.page_key("/timeline") == "page_timeline" and previews.page_key("/news/dash/data_method") == "page_method"
    assert previews.page_key("/_stcore/health") is None and previews.page_key("/media/x.png") is None


def test_the_overview_preview_says_whose_figures_in_both_languages():
    loaded = load_corpus(ROOT / "data").article()
    info = loaded.article.article
    english = previews.page_preview(loaded, "page_overview", "en")
    assert english.title == info.title.en
    count = len(loaded.article.confirmed_figures)
    assert english.description == (f"{count} figures claimed by {info.speaker.name.en} ({info.outlet.en}, "
                                   "29 December 2021), each traced to the words of its source.")
    arabic = previews.page_preview(loaded, "page_overview", "ar")
    assert arabic.title == info.title.ar and "٢٩ ديسمبر ٢٠٢١" in arabic.description
    assert not re.search("[0-9]", arabic.description)
    timeline = previews.page_preview(loaded, "page_timeline", "en")
    assert timeline.title.startswith("Ceasefire timeline · ") and len(timeline.description) <= 200


def test_a_crawler_gets_the_pages_title_description_and_image():
    client = the_app()
    page = client.get("/timeline", params={"lang": "ar"}, headers={"user-agent": SLACK}).text
    loaded = load_corpus(ROOT / "data").article()
    assert meta(page, "og:title").startswith("الجدول الزمني لوقف إطلاق النار · ")
    assert meta(page, "og:description") and meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "og:image") == "http://testserver/preview/preview-ar.png"
    assert meta(page, "og:url") == "http://testserver/timeline?lang=ar"
    assert '<html lang="ar" dir="rtl">' in page and loaded.article.article.title.ar in page


def test_a_reader_and_other_paths_get_the_app_unchanged():
    client = the_app()
    assert client.get("/timeline", headers={"user-agent": CHROME}).text == "<title>Streamlit</title>"
    assert client.get("/_stcore/health", headers={"user-agent": SLACK}).text == "<title>Streamlit</title>"


def test_under_a_base_path():
    client = the_app("/news/dash")
    page = client.get("/news/dash/", headers={"user-agent": WHATSAPP}).text
    assert meta(page, "og:image") == "http://testserver/news/dash/preview/preview-en.png"
    assert client.get("/elsewhere/timeline", headers={"user-agent": WHATSAPP}).text == "<title>Streamlit</title>"


def test_markup_in_the_data_stays_text_in_the_preview(tmp_path, monkeypatch):
    data = make_copy(tmp_path)
    next(case for case in CASES if case.name == "markup_in_every_text_field").prepare(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    for lang in ("en", "ar"):
        page = the_app().get("/", params={"lang": lang}, headers={"user-agent": SLACK}).text
        assert "<script>window.__xss" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page


@pytest.mark.slow
def test_the_preview_image_is_a_png_of_the_preview_size_rendered_once(monkeypatch):
    require_browser()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(ROOT / "data"))
    public_routes._preview_images.clear()
    client = the_app()
    response = client.get("/preview/preview-ar.png")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert png_size(response.content) == (previews.IMAGE_WIDTH, previews.IMAGE_HEIGHT)
    assert client.get("/preview/preview-ar.png").content == response.content
    assert len(public_routes._preview_images) == 1
    assert client.get("/preview/preview-xx.png").status_code == 404
