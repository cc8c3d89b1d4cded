"""What a warm rerun no longer works out again: the app's page list (its st.Page objects,
made once per process and language, every run handing st.navigation copies of its own),
each chart's text for screen readers and the filter's labels (once per state of the data)."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest, app_test

from newsdash.app import layout
from newsdash.views import charts, data_pages
from tests.conftest import DASHBOARD
from tests.navigation_pages import NavigationPages

PAGE_COUNT = 7  # dashboard.py's PAGES


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Every st.Page made and every page list st.navigation is given, run by run."""
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    seen: dict[str, list] = {"made": [], "given": []}
    real_page, real_navigation = st.Page, st.navigation

    def page(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        made = real_page(*args, **kwargs)
        seen["made"].append(made)
        return made

    def navigation(pages, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen["given"].append(list(pages))
        return real_navigation(pages, *args, **kwargs)

    monkeypatch.setattr(st, "Page", page)
    monkeypatch.setattr(st, "navigation", navigation)
    layout._menu_pages.clear()  # this process may have made them for another test
    return seen


def test_the_pages_are_made_once_per_language_and_each_run_gets_copies(watched: dict[str, list]):
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception
    first_run = len(watched["made"])
    assert first_run >= PAGE_COUNT  # the page list, and the links the page draws
    at.run()
    assert not at.exception
    assert len(watched["made"]) == first_run  # nothing made again: resolving seven files cost a run 0.8 ms

    one, two = watched["given"][-2:]
    titles = [p.title for p in one]
    assert titles == [p.title for p in two] and (titles[0], titles[-2]) == ("Overview", "Data & method")
    assert [p.url_path for p in one] == [p.url_path for p in two]
    kept = next(pages for (lang, _), pages in layout._menu_pages.items() if lang == "en")
    # each run its own objects: st.navigation marks the one it picks as callable, its run unmarks it
    assert not {id(p) for p in one} & {id(p) for p in two}
    assert not {id(p) for p in one + two} & {id(p) for p in kept}

    at.button_group(key="lang").set_value("ar").run()
    assert not at.exception
    assert [p.title for p in watched["given"][-1]][::5] == ["نظرة عامة", "البيانات والمنهجية"]
    assert len(watched["made"]) == first_run + PAGE_COUNT  # the Arabic titles, made once too



def test_a_warm_rerun_words_no_chart_and_no_filter_label_again(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    calls = {"alt": 0, "label": 0}
    real_alt, real_label = charts.alt_text, data_pages.measure_label

    def alt_text(*args):  # noqa: ANN002, ANN202
        calls["alt"] += 1
        return real_alt(*args)

    def measure_label(*args):  # noqa: ANN002, ANN202
        calls["label"] += 1
        return real_label(*args)

    monkeypatch.setattr(charts, "alt_text", alt_text)
    monkeypatch.setattr(data_pages, "measure_label", measure_label)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    at.switch_page("pages/returns.py").run()
    assert not at.exception
    drawn = [chart.proto.alt for chart in at.get("plotly_chart")]
    assert drawn and all(drawn)
    assert "this article's figure: andrei rudenko" in drawn[0].lower() and "more than 50,000 refugees" in drawn[0]
    calls.update(alt=0, label=0)
    at.run()
    assert not at.exception
    assert calls == {"alt": 0, "label": 0}
    assert [chart.proto.alt for chart in at.get("plotly_chart")] == drawn
