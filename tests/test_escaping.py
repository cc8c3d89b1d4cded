"""Markup in every text field of the data (tests/hostile_cases.PAYLOAD: a <script>, an
<img onerror>, a Markdown image from a foreign host, a javascript: link, a formula, a
backtick) is shown as text on every page, in both languages, and in the exports: nothing
runs, nothing is fetched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app.serve import stop
from tests.app_walk import walk_every_page
from tests.conftest import DASHBOARD, ROOT, require_browser
from tests.hostile_cases import CASES, make_copy
from tests.netwatch import requests_of, start_plain_app

PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
MARKUP = next(case for case in CASES if case.name == "markup_in_every_text_field")
RAW_TAGS = ("<script>window.__xss", "<img src=x", "<b>bold?</b>")
ESCAPED = "&lt;script&gt;window.__xss=1&lt;/script&gt;"
# Markdown that would act: an image or link to the foreign host, a formula, a code span
LIVE_MARKDOWN = re.compile(r"(?<!\\)\]\(http://203\.0\.113\.7|(?<!\\)\]\(javascript:|(?<!\\)\$x\^2|(?<!\\)`tick")
# st.markdown(unsafe_allow_html=True) reads no Markdown inside an HTML block that starts
# with such a tag, up to the first blank line (CommonMark's HTML block, type 6)
HTML_BLOCK = re.compile(r"\s*<(div|aside|section|p|table|ul|ol|details|h[1-6])[\s>/]", re.IGNORECASE)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
MARKDOWN_KINDS = ("title", "header", "subheader", "caption", "info", "warning", "error", "success")


@pytest.fixture(scope="module")
def markup_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the data with markup in every text field for the module's AppTests:
    they only read it, so after the first the app's caches (keyed on the folder and its
    state) hold it loaded, as a server's would."""
    root = tmp_path_factory.mktemp("markup_data")
    data = make_copy(root)
    MARKUP.prepare(root)
    return data


@pytest.fixture
def markup_data(markup_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(markup_folder))
    return markup_folder


def run(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page)
    return at.run()


def rendered_bodies(at: AppTest) -> tuple[list[str], list[str]]:
    """(bodies rendered as HTML, bodies rendered as Markdown). st.markdown with
    unsafe_allow_html is both; st.html is HTML only (no Markdown)."""
    markdown_html = [e.value for e in at.markdown if e.proto.allow_html]
    as_html = markdown_html + [e.proto.body for e in at.get("html")]
    as_markdown = [body for body in markdown_html if markdown_reads(body)]
    as_markdown += [e.value for e in at.markdown if not e.proto.allow_html]
    as_markdown += [e.value for kind in MARKDOWN_KINDS for e in at.get(kind)]
    as_markdown += [m.label for m in at.metric] + [m.proto.help for m in at.metric]
    as_markdown += [e.proto.label for e in at.get("page_link")]
    return as_html, as_markdown


def markdown_reads(body: str) -> bool:
    """Whether Streamlit's Markdown would read any of this HTML-allowed body."""
    return not (HTML_BLOCK.match(body) and not BLANK_LINE.search(body))


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_markup_in_the_data_stays_text_on_every_page(page: str, lang: str, markup_data: Path):
    at = run(page, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    as_html, as_markdown = rendered_bodies(at)
    for body in as_html:
        assert not any(tag in body for tag in RAW_TAGS), body[:300]
    for body in as_markdown:
        assert not LIVE_MARKDOWN.search(body), body[:300]


def test_the_payload_reaches_the_pages_escaped(markup_data: Path):
    """The check above means something: the payload is on the pages, escaped."""
    at = run("pages/original_text.py", "en")
    as_html, _ = rendered_bodies(at)
    assert any(ESCAPED in body for body in as_html)
    overview = run("pages/overview.py", "en")
    labels = [m.label for m in overview.metric]
    assert any(r"!\[pixel\](http://203.0.113.7/pixel.png)" in label for label in labels)


# --- in a browser ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def markup_app(tmp_path_factory):
    require_browser()
    root = tmp_path_factory.mktemp("markup")
    data = make_copy(root)
    MARKUP.prepare(root)
    proc, url = start_plain_app(data_dir=data)
    yield url
    stop(proc)


def hover_over_charts(page, count: int = 2) -> None:
    """Move the mouse across the plot areas: hover labels carry data text too."""
    for area in page.locator('[data-testid="stPlotlyChart"] .nsewdrag').all()[:count]:
        area.scroll_into_view_if_needed()
        box = area.bounding_box()
        if box:
            for step in range(1, 10):
                page.mouse.move(box["x"] + box["width"] * step / 10, box["y"] + box["height"] / 2)


def nothing_injected_ran(page, path: str, lang: str) -> None:  # noqa: ANN001 - a Playwright Page
    hover_over_charts(page)
    where = f"{path} ({lang})"
    assert page.evaluate("typeof window.__xss") == "undefined", where
    assert page.locator('img[src="x"]').count() == 0, where
    assert page.locator('[data-testid="stException"]').count() == 0, where


@pytest.mark.browser
def test_no_injected_script_runs_and_nothing_is_fetched(page, markup_app):
    """Every page in both languages, clicked through in one tab (tests/app_walk.py)."""
    with requests_of(page.context) as log:
        shown = walk_every_page(page, markup_app, on_each=lambda path, lang: nothing_injected_ran(page, path, lang))
        shown_text = page.inner_text("body")
    assert len({path for path, _ in shown}) == len(PAGES)  # the sidebar has every page
    assert log.foreign() == []
    assert "window.__xss" in shown_text  # the payload was on the page, as text


@pytest.mark.browser
def test_exported_html_and_svg_keep_the_markup_inert(page, markup_data: Path):
    from newsdash.data.corpus import load_corpus
    from newsdash.exports.chart_files import html_bytes, image_bytes
    from newsdash.views.charts import build_chart

    corpus = load_corpus(markup_data)
    loaded = corpus.article()
    with requests_of(page.context) as log:
        for lang in ("en", "ar"):
            fig = build_chart(loaded, corpus, "buildings", lang)
            page.set_content(html_bytes(fig, lang, "t").decode("utf-8"))
            page.wait_for_selector(".main-svg", timeout=30_000)
            assert page.evaluate("typeof window.__xss") == "undefined"
            svg = image_bytes(fig, "svg").decode("utf-8")
            assert "window.__xss" in svg and "<script" not in svg and "<img" not in svg
    assert [u for u in log.foreign() if not u.startswith("about:")] == []
