"""Headless Chromium: a shared view survives a language switch on every filtered page.
Filter, switch to Arabic, switch back, then open the link in a new page: the URL holds
ids throughout, the chips (and the date slider) are relabelled in each language, and the
reopened link shows the same view with no "Ignored an unknown value" notice."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser_pages import ERROR, SETTLED_JS

pytestmark = pytest.mark.browser

CHART_SVG = '[data-testid="stPlotlyChart"] .main-svg'
TABLE = '[data-testid="stDataFrame"]'
SLIDER_ENDS = '[data-testid="stSlider"] [data-testid="stSliderThumbValue"]'
HEADINGS = {
    "demining": ("Demining progress", "تقدم إزالة الألغام"),
    "returns": ("Returns", "العودة"),
    "timeline": ("Ceasefire timeline", "الجدول الزمني لوقف إطلاق النار"),
    "data_method": ("Data & method", "البيانات والمنهجية"),
}
NOTICE = "Ignored an unknown value"
TRACES_JS = "() => [...document.querySelectorAll('.js-plotly-plot')].map(el => el.data.length)"


def wait_drawn(page: Page, path: str) -> None:
    """Wait for the page's chart (its table on Data & method) and the end of the run, or
    fail with the app's error."""
    page.wait_for_selector(f"{TABLE if path == 'data_method' else CHART_SVG}, {ERROR}", timeout=60_000)
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    errors = page.locator(ERROR)
    assert errors.count() == 0, errors.first.inner_text()


def filter_widget(page: Page, key: str):  # noqa: ANN201 - Locator
    return page.locator(f".st-key-{key}")


def chips(page: Page, key: str) -> list[str]:
    return filter_widget(page, key).locator("[data-tag]").all_inner_texts()


def params(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query, keep_blank_values=True).items()}


def switch_language(page: Page, path: str, lang: str) -> None:
    """Click the language switch, wherever the page has it, and wait for the new language."""
    page.get_by_role("radio", name="العربية" if lang == "ar" else "English").click()
    expect(page.locator("h1").first).to_have_text(HEADINGS[path][lang == "ar"], timeout=30_000)
    wait_drawn(page, path)


def remove_chip(page: Page, key: str, label: str) -> None:
    before = len(chips(page, key))
    filter_widget(page, key).get_by_role("button", name=f"Remove {label}").click()
    expect(filter_widget(page, key).locator("[data-tag]")).to_have_count(before - 1)
    expect(page).to_have_url(re.compile(rf"{key}="))  # written during the run: wait for its end
    page.wait_for_function(SETTLED_JS, timeout=60_000)


def view(page: Page, keys: list[str]) -> dict:
    """What a reader sees of the filtered view: each filter's chips, the slider's ends, the
    number of traces on each chart."""
    return {"chips": {key: chips(page, key) for key in keys},
            "slider": page.locator(SLIDER_ENDS).all_inner_texts(),
            "traces": page.evaluate(TRACES_JS)}


def no_notice(page: Page) -> None:
    assert not [text for text in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts() if NOTICE in text]


def round_trip(page: Page, app_url: str, path: str, keys: list[str],
               arabic: dict[str, list[str]], arabic_slider: list[str] | None = None) -> dict:
    """After the page was filtered in English: switch to Arabic (the same ids, Arabic chips),
    back to English (the same view), then the link in a new page (the same view again)."""
    filtered, ids = view(page, keys), params(page)
    assert all(re.fullmatch(r"[a-z0-9_,-]+", ids[key]) for key in keys), ids

    switch_language(page, path, "ar")
    expect(page).to_have_url(re.compile(r"lang=ar"))
    assert params(page) == {**ids, "lang": "ar"}
    in_arabic = view(page, keys)
    assert in_arabic["chips"] == arabic
    assert in_arabic["traces"] == filtered["traces"]
    if arabic_slider is not None:
        assert in_arabic["slider"] == arabic_slider
    no_notice(page)

    switch_language(page, path, "en")
    expect(page).not_to_have_url(re.compile(r"lang="))
    assert params(page) == ids
    assert view(page, keys) == filtered
    no_notice(page)

    reopened = page.context.new_page()  # a new tab: a session of its own, from the link alone
    reopened.set_viewport_size({"width": 1440, "height": 1000})
    try:
        reopened.goto(page.url)
        wait_drawn(reopened, path)
        expect(reopened.locator("h1").first).to_have_text(HEADINGS[path][0])
        assert view(reopened, keys) == filtered
        assert params(reopened) == ids
        no_notice(reopened)
    finally:
        reopened.close()
    return filtered


def open_at_desktop_width(page: Page, app_url: str, path: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.goto(f"{app_url}/{path}")
    wait_drawn(page, path)


def test_demining_filter_survives_a_language_switch(page: Page, app_url: str):
    open_at_desktop_width(page, app_url, "demining")
    remove_chip(page, "demining_measures", "Roads cleared of explosives")
    assert params(page)["demining_measures"] == "hectares,buildings,explosive_objects"  # data/measures.yaml's order
    filtered = round_trip(page, app_url, "demining", ["demining_measures"], {
        "demining_measures": ["الأراضي التي تم تطهيرها أو مسحها", "المباني التي تم فحصها",
                              "المواد المتفجرة التي تم إبطال مفعولها"]})
    assert len(filtered["traces"]) == 3


def test_returns_filter_survives_a_language_switch(page: Page, app_url: str):
    open_at_desktop_width(page, app_url, "returns")
    all_traces = page.evaluate(TRACES_JS)
    remove_chip(page, "returns_series", "Still displaced in Armenia (Armenia/UN count)")
    assert params(page)["returns_series"] == "returned_to_karabakh_cumulative,departures_on_return_buses_cumulative"
    filtered = round_trip(page, app_url, "returns", ["returns_series"], {
        "returns_series": ["العائدون إلى قره باغ (إحصاء الجانب الروسي)",
                           "المغادرون بحافلات العودة من يريفان (إحصاء المفوضية)"]})
    assert len(filtered["traces"]) == len(all_traces) - 1  # one chart a measure: the hidden one is gone


def test_timeline_layers_and_dates_survive_a_language_switch(page: Page, app_url: str):
    open_at_desktop_width(page, app_url, "timeline")
    remove_chip(page, "timeline_layers", "Fighting")
    start = page.locator('[data-testid="stSlider"] input[type=range]').first
    start.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"timeline_range=2020-11%2C2021-12"))
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    expect(page.locator(SLIDER_ENDS)).to_have_text(["November 2020", "December 2021"])
    assert params(page)["timeline_layers"] == "article_events,demining_period"
    filtered = round_trip(page, app_url, "timeline", ["timeline_layers"], {
        "timeline_layers": ["تواريخ المقال", "الفترة التي تغطيها حصيلة إزالة الألغام"]},
        arabic_slider=["نوفمبر ٢٠٢٠", "ديسمبر ٢٠٢١"])
    assert filtered["slider"] == ["November 2020", "December 2021"]
    assert filtered["traces"][0] > 0  # a chart with something on it, not an empty one


def test_method_filters_survive_a_language_switch(page: Page, app_url: str):
    open_at_desktop_width(page, app_url, "data_method")
    remove_chip(page, "method_kinds", "Context events")
    remove_chip(page, "method_categories", "Timeline")
    ids = params(page)
    assert ids["method_kinds"] == "figure,event,context_series"
    assert ids["method_categories"] == "demining,returns,conflict"
    shown = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="Showing").first.inner_text()
    filtered = round_trip(page, app_url, "data_method", ["method_kinds", "method_categories"], {
        "method_kinds": ["أرقام المقال", "تواريخ المقال", "سلاسل السياق"],
        "method_categories": ["إزالة الألغام", "العودة", "النزاع"]})
    assert filtered["chips"]["method_kinds"] == ["Article figures", "Article dates", "Context series"]
    expect(page.locator('[data-testid="stCaptionContainer"]').filter(has_text="Showing").first).to_have_text(shown)
