"""Headless Chromium on the running app: a filtered URL of the demining and timeline pages
reopens the same view after a reload. (That each chart page draws in both languages:
tests/test_browser_reading.py, on the views it loads.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser_pages import ERROR

pytestmark = pytest.mark.browser

CHART_SVG = '[data-testid="stPlotlyChart"] .main-svg'
CHART = '[data-testid="stPlotlyChart"]'
CHART_TITLE = '.chart-words [role="heading"]'  # written above each chart (newsdash.views.charts.screen_chart)


def open_chart_page(page: Page, app_url: str, path: str, query: str = "") -> None:
    page.goto(f"{app_url}/{path}{'?' + query if query else ''}")
    wait_for_chart(page)


def wait_for_chart(page: Page) -> None:
    """Wait for a drawn chart, or fail at once with the app's error if one shows instead."""
    page.wait_for_selector(f"{CHART_SVG}, {ERROR}", timeout=60_000)
    errors = page.locator(ERROR)
    assert errors.count() == 0, errors.first.inner_text()


def caption_texts(page: Page) -> list[str]:
    return page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()


def test_demining_filtered_url_survives_a_reload(page: Page, app_url: str):
    open_chart_page(page, app_url, "demining", "demining_measures=hectares,road_km")
    expect(page.locator(CHART)).to_have_count(2)
    expect(page.locator(CHART_TITLE).first).to_contain_text("Land cleared or surveyed: ")
    assert any(text.startswith("Showing 2 of 4 measures") for text in caption_texts(page))
    page.reload()
    wait_for_chart(page)
    expect(page.locator(CHART)).to_have_count(2)


def test_demining_filter_change_is_written_to_the_url_and_restored(page: Page, app_url: str):
    open_chart_page(page, app_url, "demining", "demining_measures=hectares,road_km")
    page.get_by_role("button", name="Remove Roads cleared of explosives").click()
    expect(page.locator(CHART)).to_have_count(1)
    expect(page).to_have_url(re.compile(r"demining_measures=hectares$"))
    page.reload()
    wait_for_chart(page)
    expect(page.locator(CHART)).to_have_count(1)
    expect(page.locator(CHART_TITLE).first).to_contain_text("Land cleared or surveyed: ")


def test_timeline_filtered_url_survives_a_reload(page: Page, app_url: str):
    open_chart_page(page, app_url, "timeline", "timeline_layers=article_events,context_events&timeline_range=2020-11,2021-01")
    legend = page.locator(f"{CHART_SVG} .legendtext")
    expect(legend.filter(has_text="Context (other outlets)")).to_have_count(1)
    assert any("November 2020 to January 2021" in text for text in caption_texts(page))
    page.reload()
    wait_for_chart(page)
    expect(page.locator(f"{CHART_SVG} .legendtext").filter(has_text="Context (other outlets)")).to_have_count(1)
    expect(page.locator(f"{CHART_SVG} .legendtext").filter(has_text="Fighting")).to_have_count(0)
