"""The embed code in a browser: a host page (a CMS's, served from a loopback http.server)
embeds a chart's standalone page (newsdash.app.public_routes) in an iframe; the iframe takes
the chart's height at 1440 px and again when the page narrows to 390 px, and a message
from anywhere else does not change it."""

from __future__ import annotations

import functools
import shutil
import threading
import warnings
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page
from starlette.applications import Starlette

from newsdash.app import public_routes
from newsdash.data.corpus import load_corpus
from newsdash.exports import embeds
from newsdash.views.data_pages import page_charts
from tests.conftest import ROOT, require_browser

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def host_url(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - yields the host page's URL
    """A folder as a CMS would serve it: the host page with the embed code, the chart page
    as the dashboard serves it, and plotly.js beside it."""
    require_browser()
    corpus = load_corpus(ROOT / "data")
    loaded = corpus.article()
    chart_id = page_charts(corpus, loaded, loaded.article.figures[0].category)[0].id
    site = tmp_path_factory.mktemp("site")
    (site / "embed" / "chart").mkdir(parents=True)
    page = TestClient(Starlette(routes=public_routes.routes())).get(f"/embed/chart/{chart_id}").text
    (site / "embed" / "chart" / "one.html").write_text(page, encoding="utf-8")
    shutil.copy(public_routes.PLOTLY_JS, site / "embed" / "plotly.min.js")
    host = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A story</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
            "<body style='margin:0 auto;max-width:1000px;padding:8px'><p>The story's first paragraph.</p>"
            f"{embeds.embed_code('embed/chart/one.html', 'A chart')}<p>After the chart.</p></body></html>")
    (site / "host.html").write_text(host, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/host.html"
    server.shutdown()
    server.server_close()


HEIGHTS = """() => { const frame = document.querySelector('iframe[data-newsdash-embed]');
  const inner = frame.contentDocument.documentElement;
  return {frame: frame.getBoundingClientRect().height, content: Math.ceil(inner.getBoundingClientRect().height),
          drawn: !!frame.contentDocument.querySelector('.main-svg')}; }"""


def settled(page: Page) -> dict:
    """The iframe's height once it has followed the chart's (within a pixel)."""
    page.wait_for_function("""() => { const f = document.querySelector('iframe[data-newsdash-embed]');
        const d = f.contentDocument; return d && d.querySelector('.main-svg')
          && Math.abs(f.getBoundingClientRect().height - Math.ceil(d.documentElement.getBoundingClientRect().height)) <= 1; }""",
                           timeout=20_000)
    return page.evaluate(HEIGHTS)


def test_the_iframe_takes_the_charts_height_at_any_width(browser: Browser, host_url: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(host_url)
    wide = settled(page)
    assert wide["drawn"] and wide["frame"] != embeds.DEFAULT_EMBED_HEIGHT
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(f"() => document.querySelector('iframe').getBoundingClientRect().height > {wide['frame'] + 20}",
                           timeout=20_000)  # words wrap on a phone: the chart grows, the iframe with it
    narrow = settled(page)
    assert narrow["frame"] > wide["frame"]
    # the iframe scrolls nothing: its whole content shows
    assert page.evaluate("document.querySelector('iframe').contentDocument.documentElement.clientHeight") >= narrow["content"] - 1
    context.close()


def test_a_message_from_elsewhere_does_not_resize_the_iframe(browser: Browser, host_url: str):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(host_url)
    before = settled(page)["frame"]
    page.evaluate(f"() => window.postMessage({{type: '{embeds.HEIGHT_MESSAGE}', height: 40}}, '*')")
    page.wait_for_timeout(300)
    assert page.evaluate(HEIGHTS)["frame"] == before
    context.close()
