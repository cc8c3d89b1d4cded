"""Headless Chromium against `streamlit run`: the overview's lede leads to its sentence, and a
shared link to a sub-page works on a fresh server. (The metrics drawn, in both languages:
tests/test_browser_reading.py, on the views it loads.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "number"), [("en", "2,320 hectares"), ("ar", "٢٬٣٢٠ هكتارًا")])
def test_the_lede_renders_and_its_number_lands_on_its_sentence(page, app_url, lang, number):
    page.goto(f"{app_url}/?lang={lang}")
    lede = page.wait_for_selector(".nd-lede", timeout=60_000)
    assert ("2,326.6 hectares" if lang == "en" else "٢٬٣٢٦٫٦ هكتار") in lede.inner_text()
    # each small chart is drawn
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= 5",
                           timeout=60_000)
    page.locator(".nd-lede a", has_text=number).click()
    page.wait_for_url("**/original_text?*fig=hectares_surveyed*", timeout=60_000)
    assert (f"lang={lang}" in page.url) == (lang == "ar")
    mark = page.wait_for_selector("mark.q-selected[id]", timeout=60_000)
    assert mark.get_attribute("id") == "q-hectares_surveyed"
    assert mark.inner_text() == "مسح 2320 هكتارا من الأراضي"
    # (that the page then scrolls to the mark: tests/test_browser_text_pages.py)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_shared_sub_page_link_on_a_fresh_server_runs_through_the_entry_script(page):
    """Streamlit runs a `pages/` folder app in legacy mode until st.navigation is first
    called: the very first request, to a sub-page, must still get the language switch,
    the navigation and the language of the link."""
    from tests.conftest import require_browser, start_app

    require_browser()
    proc, url = start_app()
    try:
        page.goto(f"{url}/data_method?lang=ar")
        page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
        page.wait_for_selector("text=البيانات والمنهجية", timeout=60_000)
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "نظرة عامة" in nav and "data_method" not in nav
        # the right-to-left style arrives with the page's elements: wait for it, then read it
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).direction === 'rtl'",
            timeout=30_000)
        assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "البيانات والمنهجية"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
