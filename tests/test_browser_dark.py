"""Dark mode in the running app (Chromium with the reader's scheme dark): Streamlit's frame
follows the reader's setting ([theme.dark]), the app's own drawing follows it too
(newsdash/app/dark_css.py): the page's background is dark, the charts' text light, and
axe-core finds nothing serious or critical on any page, in English and Arabic."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from tests.test_browser_phone_a11y import AXE_SERIOUS, ERROR, PAGES, require_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LUMINANCE = """(colour) => {
  const m = colour.match(/\\d+(\\.\\d+)?/g).map(Number);
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(m[0]) + 0.7152 * lin(m[1]) + 0.0722 * lin(m[2]);
}"""
COLOURS = f"""() => {{
  const luminance = {LUMINANCE};
  const app = getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor;
  const texts = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg text')]
    .filter(t => t.textContent.trim()).map(t => getComputedStyle(t).fill);
  return {{app: luminance(app), chartText: texts.map(luminance)}};
}}"""


@pytest.fixture
def dark(browser) -> Page:  # noqa: ANN001
    # axe is injected as an inline script, which the CSP refuses (tests/test_browser_page_scripts.py checks it)
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="dark", bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_is_dark_with_light_chart_text_and_passes_axe(dark: Page, app_url: str, lang: str):
    axe = require_axe()
    problems = {}
    for path in PAGES:
        dark.goto(f"{app_url}/{path}{'?lang=ar' if lang == 'ar' else ''}")
        dark.wait_for_selector(f"{PAGES[path][1]}, {ERROR}", timeout=60_000)
        dark.wait_for_timeout(1000)
        assert dark.locator(ERROR).count() == 0
        colours = dark.evaluate(COLOURS)
        assert colours["app"] < 0.05, path  # the page's background is dark
        if path in ("demining", "returns", "timeline", ""):
            assert colours["chartText"], path
            # the charts' words and numbers: light, none left in dark ink (a label in a data
            # colour, the article's vermillion say, keeps that colour)
            assert min(colours["chartText"]) > 0.1, (path, colours["chartText"])
            assert sum(v > 0.5 for v in colours["chartText"]) >= 0.6 * len(colours["chartText"]), path
        dark.add_script_tag(path=str(axe))
        if found := dark.evaluate(AXE_SERIOUS):
            problems[path or "overview"] = found
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
