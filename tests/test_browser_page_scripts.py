"""Every page's own scripts run under the door's CSP (newsdash/app/page_scripts.py): every
page in English and Arabic, no `securitypolicyviolation` event nor CSP console message,
while the charts draw and what the scripts do happens: the page's language on <html>, a
chart link scrolling to its chart, the selected quote scrolled into view, the uploader's
word in Arabic, and the print layout's chart sizing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from newsdash.data.corpus import load_corpus
from newsdash.exports import embeds
from newsdash.reading.i18n import t
from newsdash.views import original_text as hl
from newsdash.views.data_pages import page_charts
from tests.app_walk import walk_every_page
from tests.browser_pages import ERROR, PAGES
from tests.conftest import ROOT, STILL_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WAIT = 60_000

WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '') + ' ' + (e.sourceFile || ''));
});"""


@pytest.fixture(scope="module")
def csp_context(browser):  # noqa: ANN001, ANN201 - a Playwright BrowserContext
    """A context that does not bypass the CSP, watching every document for violations."""
    context = browser.new_context(**STILL_PAGES, viewport={"width": 1440, "height": 900})
    context.add_init_script(WATCH)
    yield context
    context.close()


@pytest.fixture
def page(csp_context) -> Page:  # noqa: ANN001
    """A new tab of the module's context, with its own list of CSP console messages; the
    tab before it closes once it is open (the renderer stays warm)."""
    earlier = list(csp_context.pages)
    found = csp_context.new_page()
    for tab in earlier:
        tab.close()
    found.console_messages_csp = []
    found.on("console", lambda m: found.console_messages_csp.append(m.text)
             if "Content Security Policy" in m.text else None)
    return found


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations") + page.console_messages_csp


def settle(page: Page, url: str, path: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{PAGES[path][1]}, {ERROR}", timeout=WAIT)
    page.wait_for_timeout(1200)  # the run's last elements and their scripts
    assert page.locator(ERROR).count() == 0


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_runs_its_scripts_with_no_csp_violation(page: Page, app_url: str, lang: str):
    """One page load, then every page by the sidebar's links, as a reader goes (each page's
    scripts come with its run, loaded or reached by a link)."""
    def scripts_ran(path: str, shown_lang: str) -> None:
        assert page.evaluate("document.documentElement.lang") == shown_lang, path  # the language script ran
        if path.endswith("/add_article"):
            word = page.locator('[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p')
            assert word.inner_text().strip() == t("add_choose_file", shown_lang)  # the uploader's word, relabelled
        assert violations(page) == [], f"{path}: {violations(page)}"

    shown = walk_every_page(page, app_url, scripts_ran, langs=(lang,))
    assert len(shown) == len(PAGES)


def test_a_chart_link_scrolls_to_its_chart_and_the_selected_quote_is_in_view(page: Page, app_url: str):
    corpus = load_corpus(ROOT / "data")
    loaded = corpus.article()
    category = loaded.article.figures[0].category
    chart_id = page_charts(corpus, loaded, category)[-1].id  # the page's last chart: below the fold
    home = embeds.chart_home(corpus, loaded, next(c for c in page_charts(corpus, loaded, category) if c.id == chart_id))
    stem = home.removeprefix("pages/").removesuffix(".py")
    page.goto(f"{app_url}/{stem}#{embeds.chart_anchor(chart_id)}")  # its title below Streamlit's header, not under it
    page.wait_for_function(f"""() => {{ const el = document.getElementById({embeds.chart_anchor(chart_id)!r});
        if (!el) return false; const top = el.getBoundingClientRect().top; return top > 56 && top < 200; }}""",
                           timeout=WAIT)
    record = hl.record_ids(loaded)[-1]
    page.goto(f"{app_url}/original_text?fig={record}")
    page.wait_for_function("""() => { const el = document.querySelector('.nd-text mark.q-selected');
        if (!el) return false; const r = el.getBoundingClientRect(); return r.top > 0 && r.bottom < innerHeight; }""",
                           timeout=WAIT)
    assert violations(page) == []


def test_printing_sizes_the_charts_with_no_csp_violation(page: Page, app_url: str):
    settle(page, f"{app_url}/demining", "demining")
    page.emulate_media(media="print")
    page.wait_for_selector('[data-testid="stPlotlyChart"] svg.main-svg[data-nd-print]', state="attached", timeout=10_000)
    page.emulate_media(media="screen")
    page.wait_for_function("() => !document.querySelector('svg[data-nd-print]')", timeout=10_000)
    assert violations(page) == []
