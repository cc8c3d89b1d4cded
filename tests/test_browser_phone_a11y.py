"""Headless Chromium at a phone's width (390 px), every page in English and Arabic: no
sideways scroll, no chart text outside its chart, the language switch on screen without
opening a menu, the page's language on <html> and in its tab title, and axe-core
(WCAG 2.2 AA rules) finding nothing serious or critical. One page load per page and
language, every check on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from newsdash.reading.i18n import t
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # npm ci (scripts/test.sh)
PHONE = {"width": 390, "height": 844}
ERROR = '[data-testid="stException"]'
# what shows when each page has drawn (after its title)
PAGES = {
    "": ("page_overview", '[data-testid="stMetricValue"]'),
    "demining": ("page_demining", '[data-testid="stPlotlyChart"] .main-svg'),
    "returns": ("page_returns", '[data-testid="stPlotlyChart"] .main-svg'),
    "timeline": ("page_timeline", '[data-testid="stPlotlyChart"] .main-svg'),
    "original_text": ("page_original", ".nd-text"),
    "data_method": ("page_method", '[data-testid="stDataFrame"]:visible, .nd-cards:visible'),  # the grid, or cards on a phone
    "add_article": ("page_add", "textarea"),
}
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}

# Every SVG text of every chart whose box reaches outside the chart's own box
TEXT_OUTSIDE_CHARTS = """() => {
  const out = [];
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const box = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('.main-svg text')) {
      const r = text.getBoundingClientRect();
      if (!text.textContent.trim() || r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.push(text.textContent.slice(0, 60));
    }
  }
  return out;
}"""

# Text nodes holding Arabic letters whose nearest lang attribute is not Arabic
ARABIC_WITHOUT_ARABIC_LANG = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\\u0600-\\u06FF]/.test(node.data)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript')) continue;
    const marked = parent.closest('[lang]');
    if (!marked || !marked.getAttribute('lang').startsWith('ar')) found.push(node.data.slice(0, 40));
  }
  return found;
}"""

AXE_SERIOUS = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values:
      ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}, resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def open_settled(page: Page, app_url: str, path: str, lang: str) -> None:
    page.goto(f"{app_url}/{path}{'?lang=ar' if lang == 'ar' else ''}")
    page.wait_for_selector(f"h1, {ERROR}", timeout=60_000)
    page.wait_for_selector(f"{PAGES[path][1]}, {ERROR}", timeout=60_000)
    page.wait_for_timeout(800)  # the last elements of the run after the first chart
    errors = page.locator(ERROR)
    assert errors.count() == 0, errors.first.inner_text()


# a tile's value cut with an ellipsis: wider inside than its box
CUT_TILE_VALUES = """() => [...document.querySelectorAll('[data-testid="stMetricValue"] *')]
  .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent)"""
# a page link's label cut the same way (a record link's "more than 34,000" lost its number)
CUT_LINK_LABELS = CUT_TILE_VALUES.replace('[data-testid="stMetricValue"] *', '[data-testid="stPageLink"] *')


def tiles_top_to_bottom(page: Page) -> list[str]:
    labels = page.locator('[data-testid="stMetricLabel"]')
    placed = [(labels.nth(i).bounding_box()["y"], labels.nth(i).inner_text()) for i in range(labels.count())]
    return [text.strip() for _, text in sorted(placed)]


def figure_labels_in_order(lang: str) -> list[str]:
    from newsdash.data.corpus import load_corpus
    from newsdash.views import overview

    corpus = load_corpus()
    names = overview.measure_names(corpus, lang)  # a figure on a measure goes by the measure's one name
    return [overview.figure_name(fig, names, lang)
            for figures in overview.figures_by_category(corpus.article()).values() for fig in figures]


def require_axe() -> Path:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci` (scripts/test.sh does)")
    return AXE


@pytest.fixture
def phone(page: Page) -> Page:
    """A tab at a phone's width, whose probes the CSP lets run (axe is injected:
    the tests' context has PROBES_ALLOWED)."""
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_reads_on_a_phone_and_passes_axe(phone: Page, app_url: str, path: str, lang: str):
    open_settled(phone, app_url, path, lang)

    # no sideways scroll, no chart text cut off at the chart's edge
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.evaluate(TEXT_OUTSIDE_CHARTS) == []
    assert phone.evaluate(CUT_TILE_VALUES) == []  # "more than 26,000 explosive objects" wraps, whole
    assert phone.evaluate(CUT_LINK_LABELS) == []

    # the language switch on screen, in the page itself (not in the sidebar's menu)
    other = LANGUAGE_NAMES["ar" if lang == "en" else "en"]
    switch = phone.get_by_role("radio", name=other)
    expect(switch).to_be_visible()
    assert switch.evaluate("el => !el.closest('[data-testid=\"stSidebar\"]')")
    box = switch.bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]

    # tiles one under another in the article's order (not column by column)
    if path == "":
        assert tiles_top_to_bottom(phone) == figure_labels_in_order(lang)

    # the uploader in the page's words, without Streamlit's English "200MB per file"
    if path == "add_article":
        expect(phone.locator('[data-testid="stFileUploaderDropzone"] button')).to_contain_text(t("add_choose_file", lang))
        expect(phone.locator('[data-testid="stFileUploaderDropzoneInstructions"]')).to_be_hidden()

    # the page's language and its own title
    assert phone.evaluate("document.documentElement.lang") == lang
    assert phone.title() == t(PAGES[path][0], lang)
    if lang == "ar":
        assert phone.evaluate(ARABIC_WITHOUT_ARABIC_LANG) == []
    assert switch.evaluate("el => el.closest('[lang]').lang") == ("ar" if lang == "en" else "en")  # named in itself

    # WCAG 2.2 AA rules of axe-core: nothing serious or critical
    phone.add_script_tag(path=str(require_axe()))
    assert phone.evaluate(AXE_SERIOUS) == []


def test_the_language_switch_works_on_a_phone_without_the_menu(phone: Page, app_url: str):
    open_settled(phone, app_url, "demining", "en")
    phone.get_by_role("radio", name="العربية").click()
    expect(phone.locator("h1").first).to_have_text(t("page_demining", "ar"))
    expect(phone).to_have_title(t("page_demining", "ar"))
    assert phone.evaluate("document.documentElement.lang") == "ar"
    phone.get_by_role("radio", name="English").click()
    expect(phone.locator("h1").first).to_have_text(t("page_demining", "en"))
    assert phone.evaluate("document.documentElement.lang") == "en"
