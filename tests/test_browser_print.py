"""A printed page (newsdash.app.print_css): at A4's printable width every chart is inside
the page, the sidebar and the controls are left out, and the source lines are printed.
Print is emulated (page.emulate_media) on a page drawn at 1440 px, as a reader prints it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHART = '[data-testid="stPlotlyChart"] .main-svg'
A4_PRINTABLE_PX = 186 / 25.4 * 96  # 186 mm at 96 px to the inch: 703 px
WAIT_MS = 10_000

BOXES = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .svg-container')].map(box => {
    const svg = box.querySelector('svg.main-svg').getBoundingClientRect();
    return {left: svg.left - main.left, right: svg.right - main.left, width: svg.width}; });
  const shown = sel => [...document.querySelectorAll(sel)].some(e => e.getBoundingClientRect().width > 0);
  return {main: main.width, charts, sidebar: shown('[data-testid="stSidebar"]'),
          controls: shown('[data-testid="stMultiSelect"]') || shown('[data-testid="stPopover"]'),
          sources: [...document.querySelectorAll('.chart-words p')].filter(p => p.getBoundingClientRect().height > 0)
                     .map(p => p.innerText).filter(t => t.length > 0).length};
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_printed_charts_stay_inside_an_a4_page(page: Page, app_url: str, lang: str):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{app_url}/demining?lang={lang}")
    page.wait_for_selector(CHART, timeout=60_000)
    page.wait_for_timeout(1500)  # every chart drawn
    screen = page.evaluate(BOXES)
    assert max(c["width"] for c in screen["charts"]) > A4_PRINTABLE_PX  # wider than paper on screen
    page.emulate_media(media="print")
    page.wait_for_selector("svg.main-svg[data-nd-print]", state="attached", timeout=WAIT_MS)  # the print script ran
    page.wait_for_timeout(300)  # and the layout followed
    printed = page.evaluate(BOXES)
    assert printed["main"] <= A4_PRINTABLE_PX + 1
    assert printed["charts"] and all(c["left"] >= -1 and c["right"] <= A4_PRINTABLE_PX + 1
                                     for c in printed["charts"]), printed["charts"]
    assert not printed["sidebar"] and not printed["controls"]
    assert printed["sources"] >= len(printed["charts"])  # each chart's note and source line
    page.emulate_media(media="screen")
    # the screen as before: no chart keeps the viewBox it had on paper (waited for, not a fixed
    # pause: on a busy machine the page's script answers the media change later)
    page.wait_for_function("() => document.querySelectorAll('svg.main-svg[viewBox]').length === 0",
                           polling=100, timeout=WAIT_MS)
