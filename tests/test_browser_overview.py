"""Headless Chromium against `streamlit run`: the overview's metrics are drawn."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_overview_metrics_render_in_a_real_browser(page, app_url):
    page.goto(app_url)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert "1,937" in values
    assert "26,000+" in values
    assert page.locator('[data-testid="stException"]').count() == 0


def test_overview_in_arabic_shows_arabic_digits(page, app_url):
    page.goto(f"{app_url}/?lang=ar")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert "١٬٩٣٧" in values
    assert "أكثر من ٢٦٬٠٠٠" in values
    direction = page.locator('[data-testid="stMain"]').evaluate("e => getComputedStyle(e).direction")
    assert direction == "rtl"
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
