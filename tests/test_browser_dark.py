"""Dark mode in the running app: Streamlit's frame follows the reader's setting ([theme.dark])
or the theme chosen in Streamlit's own menu (⋮: System, Light, Dark), and the app's own
drawing follows the theme Streamlit shows (newsdash/app/dark_css.py): the page's background
is dark, the charts' text light, and axe-core finds nothing serious or critical on any page,
in English and Arabic; a reader who chooses Light on a dark system gets dark chart text."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from newsdash.reading.i18n import t
from tests.browser_pages import ERROR, PAGES, SETTLED_JS, require_axe, serious_violations

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


def with_system_scheme(page: Page, scheme: str) -> Page:
    """The tab at 1440 px on a system set to `scheme`. axe is injected as an inline script,
    which the CSP refuses (tests/test_browser_page_scripts.py checks it): the tests'
    context lets their probes run."""
    page.set_viewport_size({"width": 1440, "height": 900})
    page.emulate_media(color_scheme=scheme)
    return page


SCHEME = """() => getComputedStyle(document.querySelector('[data-testid="stApp"]')).colorScheme"""


def choose_theme(page: Page, theme: str) -> None:
    """Choose System, Light or Dark in Streamlit's own menu (⋮), as a reader would; the
    choice is kept for the session's next pages. It does not rerun the script."""
    page.click('[data-testid="stMainMenu"]')
    page.locator(f"text={theme}").last.click()
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => ({SCHEME})() === '{theme.lower()}'", timeout=10_000)


def arrive(tab: Page, path: str, lang: str) -> None:
    """Wait for the page: its own title in the language, what shows when it has drawn, the
    run's end."""
    expect(tab).to_have_title(t(PAGES[path][0], lang), timeout=60_000)
    tab.wait_for_selector(f"{PAGES[path][1]}, {ERROR}", timeout=60_000)
    tab.wait_for_function(SETTLED_JS, timeout=60_000)


def go_to(tab: Page, path: str, lang: str) -> None:
    """The next page by the sidebar's link, as a reader goes from page to page."""
    tab.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first.click()
    arrive(tab, path, lang)


def dark_with_light_chart_text(tab: Page, path: str) -> None:
    """The page's background is dark and, on a page with charts, their words and numbers
    light: none left in dark ink (a label in a data colour, the article's vermillion say,
    keeps that colour)."""
    colours = tab.evaluate(COLOURS)
    assert colours["app"] < 0.05, path
    if path in ("demining", "returns", "timeline", ""):
        assert colours["chartText"], path
        assert min(colours["chartText"]) > 0.1, (path, colours["chartText"])
        assert sum(v > 0.5 for v in colours["chartText"]) >= 0.6 * len(colours["chartText"]), path


@pytest.mark.parametrize(("lang", "how"), [("en", "system"), ("ar", "system"), ("ar", "menu")],
                         ids=["en-system", "ar-system", "en-then-ar-menu"])
def test_every_page_is_dark_with_light_chart_text_and_passes_axe(page: Page, app_url: str, lang: str, how: str):
    """The first page opened by its address, on a dark system, or light with Dark chosen
    in Streamlit's menu there; every other page by the sidebar's links. axe-core reads every
    page on the dark system. Streamlit's menu is on English pages only (hidden on Arabic
    ones): Dark is chosen on the English page, which is checked and read by axe-core, then
    the reader switches to Arabic, the theme chosen stays, and every page is checked again,
    the first read by axe-core (the same theme as a dark system's, reached another way)."""
    require_axe()
    problems = {}
    menu = how == "menu"
    dark = with_system_scheme(page, "light" if menu else "dark")
    first = next(iter(PAGES))
    dark.goto(f"{app_url}/{first}{'?lang=ar' if lang == 'ar' and not menu else ''}")
    arrive(dark, first, "en" if menu else lang)
    if menu:
        choose_theme(dark, "Dark")
        dark.wait_for_timeout(1000)
        dark_with_light_chart_text(dark, first)
        if found := serious_violations(dark):
            problems["overview (en)"] = found
        dark.get_by_role("radio", name="العربية").click()
        arrive(dark, first, "ar")
    for path in PAGES:
        if path != first:
            go_to(dark, path, lang)
        if menu:
            assert dark.evaluate(SCHEME) == "dark", path
        dark.wait_for_timeout(1000)
        assert dark.locator(ERROR).count() == 0
        dark_with_light_chart_text(dark, path)
        if (not menu or path == first) and (found := serious_violations(dark)):
            problems[path or "overview"] = found
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)


def test_charts_follow_a_theme_chosen_in_the_menu_without_a_rerun(page: Page, app_url: str):
    """A dark system, Light then Dark chosen in Streamlit's menu on an open page (the
    script does not rerun): the charts' text follows the theme Streamlit shows each time."""
    dark = with_system_scheme(page, "dark")
    dark.goto(f"{app_url}/demining")  # the menu is on English pages (hidden on Arabic ones: English only)
    dark.wait_for_selector(PAGES["demining"][1], timeout=60_000)
    dark.wait_for_timeout(1000)
    assert min(dark.evaluate(COLOURS)["chartText"]) > 0.1  # dark: light text
    choose_theme(dark, "Light")
    colours = dark.evaluate(COLOURS)
    assert colours["app"] > 0.9  # the page is light
    # and so is every chart: no light ink left (the dark theme's is above 0.5), the light theme's greys and data colours
    assert max(colours["chartText"]) < 0.3, colours["chartText"]
    assert serious_violations(dark) == []
    choose_theme(dark, "Dark")
    colours = dark.evaluate(COLOURS)
    assert colours["app"] < 0.05 and min(colours["chartText"]) > 0.1
