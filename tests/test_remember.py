"""A browser that gave the password stays signed in across reloads and new tabs of the same
app process (newsdash/app/guard.py Browsers); a browser without its cookie gets the form."""

from __future__ import annotations

import pytest

from tests.conftest import STILL_PAGES
from tests.test_auth import PASSWORD

METRIC = '[data-testid="stMetricValue"]'
CHART = '[data-testid="stPlotlyChart"] .main-svg'
FORM = 'input[type="password"]'


def shows_the_data(page) -> None:  # noqa: ANN001 - a Playwright page
    page.wait_for_selector(METRIC, timeout=60_000)
    page.wait_for_selector(CHART, timeout=150_000)
    assert page.locator(FORM).count() == 0
    assert "1,937" in page.inner_text('[data-testid="stMain"]')


@pytest.mark.browser
def test_a_reload_and_a_new_tab_stay_signed_in_and_another_browser_gets_the_form(browser, page, gated_url):
    reader = page.context
    page.goto(f"{gated_url}/demining?lang=en")
    page.fill(FORM, PASSWORD)
    page.keyboard.press("Enter")
    shows_the_data(page)

    page.reload()  # a new Streamlit session, the same browser cookie
    shows_the_data(page)
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Demining progress"
    tab = reader.new_page()
    tab.goto(f"{gated_url}/demining?lang=en")
    shows_the_data(tab)

    stranger = browser.new_context(**STILL_PAGES)  # no cookie: another browser
    other = stranger.new_page()
    other.goto(f"{gated_url}/demining?lang=en")
    other.wait_for_selector(FORM, timeout=60_000)
    other.wait_for_timeout(500)
    assert other.locator(METRIC).count() == 0 and other.locator(CHART).count() == 0
    assert "1,937" not in other.inner_text("body")
    stranger.close()
