"""AppTest: a filter chosen on a page is still chosen when the reader comes back to the
page in the same session (Streamlit forgets the state of a widget a run does not draw),
and back in the link; a link that names the filter still wins."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest, app_test

from tests.conftest import DASHBOARD
from tests.navigation_pages import NavigationPages


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    return at


def visit(at: AppTest, page: str, **params: str) -> AppTest:
    at.switch_page(page)
    at.query_params.clear()  # a page link or the menu opens a page with no query string but its own
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize(("page", "key", "chosen"), [
    ("pages/demining.py", "demining_measures", ["hectares", "buildings"]),
    ("pages/data_method.py", "method_kinds", ["figure"]),
])
def test_a_filter_is_kept_while_the_reader_looks_at_another_page(app, page, key, chosen):
    visit(app, page)
    everything = app.multiselect(key=key).value
    app.multiselect(key=key).set_value(chosen).run()
    visit(app, "pages/original_text.py")
    assert key not in app.session_state  # Streamlit has forgotten the widget
    visit(app, page)
    assert app.multiselect(key=key).value == [c for c in everything if c in chosen]
    assert app.query_params[key] == ",".join(app.multiselect(key=key).value)  # and the link says so again


def test_the_date_range_is_kept_too(app):
    visit(app, "pages/timeline.py")
    app.select_slider(key="timeline_range").set_value(("2020-11", "2021-01")).run()
    visit(app, "pages/demining.py")
    visit(app, "pages/timeline.py")
    assert app.select_slider(key="timeline_range").value == ("2020-11", "2021-01")
    assert app.query_params["timeline_range"] == "2020-11,2021-01"


def test_a_link_naming_the_filter_wins_over_the_kept_choice(app):
    visit(app, "pages/demining.py")
    app.multiselect(key="demining_measures").set_value(["hectares"]).run()
    visit(app, "pages/returns.py")
    visit(app, "pages/demining.py", demining_measures="road_km")
    assert app.multiselect(key="demining_measures").value == ["road_km"]
