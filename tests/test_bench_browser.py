"""The quick benchmark's browser section (first view, interaction, memory), a module of
its own so that it runs beside the other sections (tests/test_bench.py) in the other
test process. No timing asserts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdash.bench import browser
from newsdash.bench.config import QUICK
from tests.conftest import browser_available
from tests.test_bench import (
    assert_every_row_written_with_a_numeric_ratio,
    assert_the_markdown_table_has_the_same_rows,
    run_quick,
)

pytestmark = pytest.mark.browser
SECTIONS_THERE = ("browser",)
BROWSER_SECTIONS = ("First view", "Interaction", "Memory")


@pytest.fixture(scope="module")
def quick_browser_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The quick run's browser section in the tests' browser and its V8 flags (Chromium's
    headless shell: less CPU than the full browser the benchmark drives by default)."""
    return run_quick(tmp_path_factory.mktemp("bench-browser"), SECTIONS_THERE, tests_browser=True)


def test_quick_browser_benchmark_writes_every_row_with_a_numeric_ratio(quick_browser_run: Path):
    assert_every_row_written_with_a_numeric_ratio(quick_browser_run, SECTIONS_THERE)


def test_interaction_budget_is_against_the_bare_app_and_the_frozen_heap_row_is_reported_only(quick_browser_run: Path):
    if not browser_available():
        pytest.skip("no browser: no interaction rows")
    report = json.loads((quick_browser_run / "bench.json").read_text(encoding="utf-8"))
    budgets = {row["name"]: row["budget"] for row in report["rows"] if row["section"] == "Interaction"}
    for name, *_ in browser.measured_interactions(QUICK.interactions):
        assert budgets[name] == 1.3
        assert budgets[f"{name}, frozen-heap baseline"] is None


def test_quick_browser_benchmark_writes_a_markdown_table_with_the_same_rows(quick_browser_run: Path):
    assert_the_markdown_table_has_the_same_rows(quick_browser_run)


def test_the_browser_sections_are_skipped_only_without_a_browser(quick_browser_run: Path):
    report = json.loads((quick_browser_run / "bench.json").read_text(encoding="utf-8"))
    sections = {row["section"] for row in report["rows"]}
    if browser_available():
        assert set(BROWSER_SECTIONS) <= sections
        assert report["skipped"] == {}
    else:
        assert not sections & set(BROWSER_SECTIONS)
        assert set(report["skipped"]) == {"browser"}
