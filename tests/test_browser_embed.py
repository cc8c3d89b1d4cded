"""The embed code in a browser, against the real dashboard: a host page (a CMS's, served
from a loopback http.server on another port) embeds a chart's standalone page, served by
`streamlit run dashboard.py` behind its door, in an iframe; the iframe takes the chart's
height at 1440 px and again when the page narrows to 390 px, a message from anywhere else
does not change it, and a site that is not among the configured embed origins cannot
frame the chart (the page's CSP frame-ancestors)."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Frame, Page

from newsdash.app.serve import loopback_server, stop
from newsdash.data.corpus import load_corpus
from newsdash.exports import embeds
from newsdash.views.data_pages import page_charts
from tests.conftest import ROOT, STILL_PAGES, require_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def _host(folder) -> ThreadingHTTPServer:  # noqa: ANN001 - a Path
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - yields (allowed host page, other host page)
    """Two sites as a CMS would serve them, each with a host page holding the embed code of
    a chart of the dashboard; the dashboard allows the first as an embed origin only."""
    require_browser()
    corpus = load_corpus(ROOT / "data")
    loaded = corpus.article()
    chart_id = page_charts(corpus, loaded, loaded.article.figures[0].category)[0].id
    site = tmp_path_factory.mktemp("site")
    allowed, other = _host(site), _host(site)
    allowed_origin = f"http://127.0.0.1:{allowed.server_address[1]}"
    proc, app_url = loopback_server(env={"DASHBOARD_EMBED_ORIGINS": allowed_origin})
    host = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A story</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
            "<body style='margin:0 auto;max-width:1000px;padding:8px'><p>The story's first paragraph.</p>"
            f"{embeds.embed_code(f'{app_url}/embed/chart/{chart_id}', 'A chart')}<p>After the chart.</p></body></html>")
    (site / "host.html").write_text(host, encoding="utf-8")
    yield f"{allowed_origin}/host.html", f"http://127.0.0.1:{other.server_address[1]}/host.html"
    stop(proc)
    for server in (allowed, other):
        server.shutdown()
        server.server_close()


@pytest.fixture
def host_url(sites) -> str:  # noqa: ANN001
    return sites[0]


FRAME_HEIGHT = "() => document.querySelector('iframe[data-newsdash-embed]').getBoundingClientRect().height"
CONTENT = """() => ({content: Math.ceil(document.documentElement.getBoundingClientRect().height),
  inner: document.documentElement.clientHeight, drawn: !!document.querySelector('.main-svg')})"""


def chart_frame(page: Page) -> Frame:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = [f for f in page.frames if "/embed/chart/" in f.url]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError("no chart frame")


def settled(page: Page) -> dict:
    """The iframe's height once it has followed the chart's (within a pixel): the chart's
    page is another origin, so each side is read in its own frame."""
    frame = chart_frame(page)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        inside = frame.evaluate(CONTENT)
        height = page.evaluate(FRAME_HEIGHT)
        if inside["drawn"] and abs(height - inside["content"]) <= 1:
            return {**inside, "frame": height}
        page.wait_for_timeout(100)
    raise AssertionError(f"the iframe did not follow the chart: {height} against {inside}")


def test_the_iframe_takes_the_charts_height_at_any_width(browser: Browser, host_url: str):
    context = browser.new_context(**STILL_PAGES, viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(host_url)
    wide = settled(page)
    assert wide["drawn"] and wide["frame"] != embeds.DEFAULT_EMBED_HEIGHT
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(f"() => document.querySelector('iframe').getBoundingClientRect().height > {wide['frame'] + 20}",
                           timeout=20_000)  # words wrap on a phone: the chart grows, the iframe with it
    narrow = settled(page)
    assert narrow["frame"] > wide["frame"]
    assert narrow["inner"] >= narrow["content"] - 1  # the iframe scrolls nothing: its whole content shows
    context.close()


def test_a_message_from_elsewhere_does_not_resize_the_iframe(browser: Browser, host_url: str):
    context = browser.new_context(**STILL_PAGES, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(host_url)
    before = settled(page)["frame"]
    page.evaluate(f"() => window.postMessage({{type: '{embeds.HEIGHT_MESSAGE}', height: 40}}, '*')")
    page.wait_for_timeout(300)
    assert page.evaluate(FRAME_HEIGHT) == before
    context.close()


def test_a_site_that_is_not_an_embed_origin_cannot_frame_the_chart(browser: Browser, sites):  # noqa: ANN001
    context = browser.new_context(**STILL_PAGES, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "frame-ancestors" in message.text else None)
    page.goto(sites[1])
    page.wait_for_timeout(3000)
    assert not [f for f in page.frames if "/embed/chart/" in f.url and f.evaluate("!!document.querySelector('.main-svg')")]
    assert blocked  # Chromium names the policy that refused it
    context.close()
