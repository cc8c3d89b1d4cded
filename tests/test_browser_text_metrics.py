"""The browser the Playwright tests drive (tests/conftest.py: TEST_BROWSER, Debian's
chromium-headless-shell) lays out text as the full chromium does: the same advance widths
for the app's fonts in English and Arabic, and the same boxes for every block of text on a
page of the app, at a phone's width and a laptop's. The layout tests hold for readers'
browsers only while this holds."""

from __future__ import annotations

import pytest

from tests.browser_pages import open_settled
from tests.conftest import CHROMIUM, STILL_PAGES, TEST_BROWSER, TEST_BROWSER_ARGS, require_browser

pytestmark = pytest.mark.browser

# (CSS font, text): the app's Latin face, Arabic text in its Arabic face, and digits of both
SAMPLES = [
    ('14px "Source Sans", sans-serif', "since mid-November 2020; more than 26,000 hectares"),
    ('16px "Noto Naskh Arabic", serif', "أكثر من 26 ألف هكتار منذ منتصف نوفمبر"),
    ('bold 28px "Noto Naskh Arabic", serif', "٢٦٬٠٠٠ هكتار و١٬٩٣٧ مبنى"),
]
WIDTHS = """(samples) => { const context = document.createElement('canvas').getContext('2d');
  return samples.map(([font, text]) => { context.font = font; return context.measureText(text).width; }); }"""
# every block of text on the page: its tag, its first words, and its box
TEXT_BOXES = """() => [...document.querySelectorAll('h1, h2, h3, p, li, mark, [data-testid=stMetricValue]')]
  .filter((el) => el.offsetParent !== null)
  .map((el) => { const r = el.getBoundingClientRect();
    return [el.tagName, el.textContent.trim().slice(0, 30), Math.round(r.left), Math.round(r.width),
            Math.round(r.height)]; })"""
VIEWS = [("original_text", "ar", 390), ("", "en", 1440), ("returns", "ar", 1440)]


@pytest.fixture(scope="module")
def full_chromium(playwright):  # noqa: ANN001, ANN201 - a Playwright Browser
    require_browser()
    if TEST_BROWSER == CHROMIUM:
        pytest.skip("the tests drive the full chromium itself: there is nothing to compare")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=TEST_BROWSER_ARGS)
    yield browser
    browser.close()


def text_layouts(browser, app_url: str) -> dict[tuple, tuple[list, list]]:  # noqa: ANN001 - a Playwright Browser
    """Each view's advance widths and text boxes, read in one tab of a new context."""
    context = browser.new_context(**STILL_PAGES, bypass_csp=True)
    try:
        tab = context.new_page()
        layouts = {}
        for path, lang, width in VIEWS:
            tab.set_viewport_size({"width": width, "height": 900})
            open_settled(tab, app_url, path, lang)
            layouts[path, lang, width] = tab.evaluate(WIDTHS, SAMPLES), tab.evaluate(TEXT_BOXES)
        return layouts
    finally:
        context.close()


@pytest.fixture(scope="module")
def both_layouts(browser, full_chromium, app_url):  # noqa: ANN001, ANN201 - (ours, the full chromium's)
    return text_layouts(browser, app_url), text_layouts(full_chromium, app_url)


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: "-".join(map(str, view)).lstrip("-"))
def test_the_tests_browser_lays_out_text_as_the_full_chromium(both_layouts, view):  # noqa: ANN001
    (ours_widths, ours_boxes), (full_widths, full_boxes) = (layouts[view] for layouts in both_layouts)
    assert ours_widths == pytest.approx(full_widths, abs=0.01)
    assert len(ours_boxes) >= 3  # the page drew its text: the comparison below compares something
    assert ours_boxes == full_boxes
