"""Headless Chromium: on an Arabic page no interactive control keeps an English
aria-label, title or placeholder of Streamlit's (newsdash.app.aria_labels, checked on
Streamlit 1.67.0): the main menu, the sidebar's buttons, a multiselect's "Clear all",
"Open" and "Remove …", a help icon's "Help for …", a heading's link, the table toolbar;
and a switch back to English gives Streamlit's words back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from newsdash.app.aria_labels import STREAMLIT_VERSION_CHECKED
from tests.test_browser_phone_a11y import open_settled

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 1400}
PHONE = {"width": 390, "height": 1400}
PAGES = ["", "demining", "returns", "timeline", "original_text", "data_method", "add_article"]
# the language switch names itself in both languages, on purpose
BILINGUAL = {"Language / اللغة"}

# Every control a reader can reach (and the landmarks Streamlit names) with a label,
# title or placeholder holding an English word
ENGLISH_LABELS = """() => {
  const found = [];
  const controls = document.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"], '
      + '[role="radio"], [role="tab"], [role="combobox"], [role="listbox"], [role="option"], [role="slider"], '
      + '[role="checkbox"], [tabindex], nav, section, [aria-label], [title], [placeholder]');
  for (const el of controls) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && /[A-Za-z]{2,}/.test(value.replace('UTF-8', '')))
        found.push(`${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') || ''}] ${name}="${value.slice(0, 40)}"`);
    }
  }
  return found;
}"""


def english_labels(page: Page) -> list[str]:
    return [label for label in page.evaluate(ENGLISH_LABELS) if not any(ok in label for ok in BILINGUAL)]


def show_toolbars(page: Page) -> None:
    """A table's toolbar (search, full screen, columns) is drawn when the pointer is over it."""
    grids = page.locator('[data-testid="stDataFrame"]:visible')
    if grids.count():
        grids.first.hover()
        page.wait_for_timeout(500)


def test_the_script_names_the_streamlit_version_it_was_checked_on():
    import streamlit

    assert STREAMLIT_VERSION_CHECKED == streamlit.__version__ == "1.67.0"  # an upgrade: check the labels again


@pytest.mark.parametrize("path", PAGES)
def test_an_arabic_page_has_no_english_label_on_its_controls(page: Page, app_url, path):
    page.set_viewport_size(DESKTOP)
    open_settled(page, app_url, path, "ar")
    show_toolbars(page)
    page.wait_for_timeout(300)  # the script relabels what was just drawn
    assert english_labels(page) == []
    if path == "returns":  # what it covers: Streamlit's controls, with Arabic labels now
        assert page.locator('[data-testid="stMainMenuButton"]').get_attribute("aria-label") == "القائمة الرئيسية"
        assert page.locator('[data-testid="stMultiSelect"] [aria-label="مسح الكل"]').count() == 1
        assert page.locator('[data-testid="stMultiSelect"] [aria-label^="إزالة "]').count() >= 2
        assert page.locator('[data-testid="stElementToolbar"] [aria-label="بحث"]').count() >= 1


def test_a_phones_arabic_page_too_and_english_comes_back_after_the_switch(page: Page, app_url):
    page.set_viewport_size(PHONE)
    open_settled(page, app_url, "data_method", "ar")
    assert english_labels(page) == []
    page.get_by_role("radio", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('[data-testid="stMainMenuButton"]')).to_have_attribute("aria-label", "Main menu")
    labels = " ".join(page.evaluate(ENGLISH_LABELS))
    assert re.search(r'"Remove ', labels) and "Clear all" in labels
