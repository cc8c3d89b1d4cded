"""Data & method with data whose text a spreadsheet would run as a formula: the page is
drawn, and the press kit (which copies the sources byte for byte) is refused, cell by cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdash.data.corpus import DATA_DIR_ENV
from tests.conftest import open_page
from tests.hostile_cases import formulas_in_text_fields, make_copy


@pytest.fixture
def formula_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = make_copy(tmp_path)
    formulas_in_text_fields(tmp_path)
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return tmp_path


def test_the_press_kit_button_gives_way_to_the_cells_that_hold_formulas(formula_data):
    at = open_page("pages/data_method.py")
    assert not at.exception
    refusals = [e.value for e in at.error if "press kit is not built" in e.value]
    assert len(refusals) == 1
    text = refusals[0]
    assert "buildings_inspected" in text and "label.en" in text and "returns_series.csv:2" in text
    assert str(formula_data) not in text  # paths from the project folder, never the server's
    assert "press_kit_download" not in [button.key for button in at.get("download_button")]


def test_the_press_kit_button_is_there_for_clean_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(make_copy(tmp_path)))
    at = open_page("pages/data_method.py")
    assert not [e.value for e in at.error if "press kit is not built" in e.value]
    assert at.get("download_button")
