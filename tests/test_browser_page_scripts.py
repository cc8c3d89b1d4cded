"""The page's own scripts run under the door's CSP (newsdash/app/page_scripts.py), no
`securitypolicyviolation` event nor CSP console message, while what they do happens: a
chart link scrolling to its chart, the selected quote scrolled into view, the print
layout's chart sizing. Every page in both languages under the CSP: the walk of
tests/test_secure_defaults.py, which also watches the network."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from newsdash.data.corpus import load_corpus
from newsdash.exports import embeds
from newsdash.views import original_text as hl
from newsdash.views.data_pages import page_charts
from tests.browser_pages import ERROR, PAGES
from tests.conftest import ROOT
from tests.csp_watch import csp_watching_context, violations, watched_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WAIT = 60_000


@pytest.fixture(scope="module")
def csp_context(browser):  # noqa: ANN001, ANN201 - a Playwright BrowserContext
    context = csp_watching_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(csp_context) -> Page:  # noqa: ANN001
    return watched_tab(csp_context)


def settle(page: Page, url: str, path: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{PAGES[path][1]}, {ERROR}", timeout=WAIT)
    page.wait_for_timeout(1200)  # the run's last elements and their scripts
    assert page.locator(ERROR).count() == 0


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
