"""Headless Chromium against `streamlit run`: the Original text and Data & method pages.

The Arabic text really is right to left; a figure's "See the sentence" link on the
overview lands on its highlighted quote, scrolled into view; a highlight's link goes
back to its chart; the provenance table renders and a filtered URL restores its filter.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LOAD = 60_000
SELECTED = "mark.q-selected[id]"
IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"""


def open_overview(page, app_url: str, lang: str) -> None:
    page.goto(f"{app_url}/?lang={lang}" if lang != "en" else app_url)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=LOAD)


def no_exception(page) -> bool:
    return page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_arabic_text_is_right_to_left_in_its_own_font(page, app_url, lang):
    page.goto(f"{app_url}/original_text?lang={lang}")
    page.wait_for_selector(".nd-ar", timeout=LOAD)
    style = page.eval_on_selector("#p-6", """el => { const s = getComputedStyle(el);
        return [s.direction, s.textAlign, s.fontFamily]; }""")
    assert style[0] == "rtl"
    assert style[1] == "right"
    assert "Noto Naskh Arabic" in style[2]
    assert page.locator(".nd-ar").count() == 15
    # the Arabic column is first in reading order: left in English, right in Arabic
    arabic_x = page.locator("#p-6").bounding_box()["x"]
    english_x = page.locator('.nd-en[data-paragraph="6"]').bounding_box()["x"]
    assert (arabic_x < english_x) if lang == "en" else (arabic_x > english_x)
    assert no_exception(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_see_the_sentence_lands_on_the_highlighted_quote_in_view(page, app_url, lang):
    open_overview(page, app_url, lang)
    page.locator('a[href*="fig=explosive_objects_neutralised"]').first.click()
    page.wait_for_url("**/original_text?*fig=explosive_objects_neutralised*", timeout=LOAD)
    mark = page.wait_for_selector(SELECTED, timeout=LOAD)
    assert mark.get_attribute("id") == "q-explosive_objects_neutralised"
    assert mark.inner_text() == "أكثر من 26000 مادة متفجرة"
    # the page scrolls itself to the quote: wait for it, then check it is on screen
    page.wait_for_function(IN_VIEW, arg="q-explosive_objects_neutralised", timeout=LOAD)
    value = "more than 26,000 explosive objects" if lang == "en" else "أكثر من ٢٦٬٠٠٠ مادة متفجرة"
    assert value in page.locator(".nd-card").inner_text()
    assert no_exception(page)


def test_a_highlight_links_back_to_its_chart(page, app_url):
    page.goto(f"{app_url}/original_text?fig=buildings_inspected")
    page.wait_for_selector(SELECTED, timeout=LOAD)
    title = page.get_attribute("#q-buildings_inspected", "title")
    assert title == "Buildings inspected: 1,937 buildings"  # the label a reader knows, not the record id
    page.locator('a.q-link[href="demining?fig=buildings_inspected"]').first.click()
    page.wait_for_url("**/demining?fig=buildings_inspected*", timeout=LOAD)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=LOAD)
    assert no_exception(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_data_table_renders_and_a_filtered_url_restores_its_filter(page, app_url, lang):
    page.goto(f"{app_url}/data_method?lang={lang}&method_kinds=figure")
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=LOAD)
    caption = ("Showing 8 of 94 rows: article figures only" if lang == "en"
               else "عرض ٨ من ٩٤ صفا: أرقام المقال فقط")
    page.get_by_text(caption).wait_for(timeout=LOAD)
    page.reload()
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=LOAD)
    page.get_by_text(caption).wait_for(timeout=LOAD)
    assert "method_kinds=figure" in page.url
    page.wait_for_selector("#note-note_claims_unverified", timeout=LOAD)
    assert page.locator(".nd-note").count() == 3
    assert no_exception(page)
