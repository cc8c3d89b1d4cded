"""The Arabic timeline's date slider runs right to left, as the page does: the earliest
month at its right end, the latest at its left, every month in Arabic-Indic digits; the
range it gives (and the link) stays first month, last month. English keeps left to right."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest, app_test

from tests.conftest import DASHBOARD, open_page
from tests.navigation_pages import NavigationPages


def _slider(at):  # noqa: ANN001, ANN202
    return at.select_slider(key="timeline_range")


def test_the_arabic_date_slider_runs_right_to_left_in_arabic_digits():
    at = open_page("pages/timeline.py", lang="ar")
    assert not at.exception
    options = list(_slider(at).proto.options)
    # Streamlit draws the first option at the slider's left end: the latest month there,
    # so the earliest is on the right, where an Arabic reader starts
    assert options[0] == "ديسمبر ٢٠٢١" and options[-1] == "سبتمبر ٢٠٢٠"
    assert not any(re.search(r"[0-9]", option) for option in options)  # Arabic-Indic digits only


def test_english_keeps_the_earliest_month_on_the_left():
    at = open_page("pages/timeline.py")
    options = list(_slider(at).proto.options)
    assert options[0] == "September 2020" and options[-1] == "December 2021"


def test_a_range_chosen_on_the_arabic_slider_filters_first_to_last_and_links_the_same_way(monkeypatch):
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)  # the page inside the entry script
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    at.switch_page("pages/timeline.py")
    at.run()
    at.button_group(key="lang").set_value("ar").run()
    assert list(_slider(at).proto.options)[0] == "ديسمبر ٢٠٢١"
    _slider(at).set_value(("2021-01", "2020-11")).run()  # its left end first, as the reader drags it
    assert not at.exception
    assert at.query_params["timeline_range"] == "2020-11,2021-01"  # the link is the same in both languages
    assert any("من نوفمبر ٢٠٢٠ إلى يناير ٢٠٢١" in c.value for c in at.caption)


def test_an_english_link_opens_the_same_range_on_the_arabic_slider():
    at = open_page("pages/timeline.py", lang="ar", timeline_range="2020-11,2021-01")
    assert not at.exception
    assert sorted(_slider(at).value) == ["2020-11", "2021-01"]
    assert any("من نوفمبر ٢٠٢٠ إلى يناير ٢٠٢١" in c.value for c in at.caption)
