"""The benchmark at its smallest sizes (--quick), so it cannot rot: every expected row is
written to the Markdown table and the JSON file with a numeric ratio. No timing asserts."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdash.bench import browser
from newsdash.bench.config import QUICK
from newsdash.bench.rerun import dashboard_pages
from tests.conftest import ROOT, browser_available, require_browser

BROWSER_SECTIONS = ("First view", "Interaction", "Memory", "Export")
CHART_PAGES = ("demining", "returns", "timeline")  # the pages that draw charts


def expected_rows(with_browser: bool) -> set[tuple[str, str]]:
    """(section, measure) of every row the quick run must write."""
    rows = set()
    for page in dashboard_pages():
        name = f"{Path(page).stem} (en)"
        rows |= {("Page rerun", f"{name}, figures-only baseline"), ("Page rerun", f"{name}, same output")}
        if Path(page).stem in CHART_PAGES:
            rows.add(("Page rerun", f"{name}, frozen-figures baseline"))
    for count in QUICK.scale_sizes:
        for label in ("validate", "load", "Data & method page, first view"):
            rows.add(("Scale", f"{label}, {count} {'article' if count == 1 else 'articles'} (per article)"))
        rows.add(("Scale", f"Data & method page, warm rerun, {count} {'article' if count == 1 else 'articles'}"))
    if with_browser:
        rows |= {("First view", f"`streamlit run` to first chart drawn ({browser.FIRST_VIEW_PAGE})"),
                 *(("Interaction", name) for name, *_ in browser.INTERACTIONS),
                 *(("Interaction", f"{name}, frozen-heap baseline") for name, *_ in browser.INTERACTIONS),
                 ("Memory", "server RSS idle"),
                 ("Memory", f"server RSS with {QUICK.sessions + 1} sessions"),
                 ("Memory", "per-session increment"),
                 ("Export", "one chart PNG, persistent browser vs fresh kaleido"),
                 ("Export", "press kit (every chart, PNG, SVG and PDF, both languages)")}
    return rows


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "newsdash.bench", "--quick", "--out", str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def test_quick_benchmark_writes_every_row_with_a_numeric_ratio(quick_run: Path):
    if not browser_available():
        require_browser()  # fails under CI=true; elsewhere the browser rows are checked below as skipped
    report = json.loads((quick_run / "bench.json").read_text(encoding="utf-8"))
    written = {(row["section"], row["name"]): row for row in report["rows"]}
    assert expected_rows(browser_available()) <= set(written)
    for row in written.values():
        assert isinstance(row["ratio"], float) and math.isfinite(row["ratio"]) and row["ratio"] > 0, row
        assert row["value"] > 0 and row["baseline"] > 0, row
        assert row["runs"] >= 1
        assert row["ok"] in (True, False, None)
    assert report["mode"] == "quick"
    assert report["failed"] == {}


def test_page_rerun_budgets_apply_where_the_issue_puts_them(quick_run: Path):
    """Every page is held to 1.3x of Streamlit drawing its same output; a page with charts
    also to 1.3x of its figures alone; the frozen-figures baseline is reported only."""
    report = json.loads((quick_run / "bench.json").read_text(encoding="utf-8"))
    budgets = {row["name"]: row["budget"] for row in report["rows"] if row["section"] == "Page rerun"}
    for page in dashboard_pages():
        name, has_charts = f"{Path(page).stem} (en)", Path(page).stem in CHART_PAGES
        assert budgets[f"{name}, same output"] == 1.3
        assert budgets[f"{name}, figures-only baseline"] == (1.3 if has_charts else None)
        assert budgets.get(f"{name}, frozen-figures baseline", "absent") == (None if has_charts else "absent")


def test_interaction_budget_is_against_the_bare_app_and_the_frozen_heap_row_is_reported_only(quick_run: Path):
    if not browser_available():
        pytest.skip("no browser: no interaction rows")
    report = json.loads((quick_run / "bench.json").read_text(encoding="utf-8"))
    budgets = {row["name"]: row["budget"] for row in report["rows"] if row["section"] == "Interaction"}
    for name, *_ in browser.INTERACTIONS:
        assert budgets[name] == 1.3
        assert budgets[f"{name}, frozen-heap baseline"] is None


def test_quick_benchmark_writes_a_markdown_table_with_the_same_rows(quick_run: Path):
    table = (quick_run / "bench.md").read_text(encoding="utf-8")
    report = json.loads((quick_run / "bench.json").read_text(encoding="utf-8"))
    assert "| Section | Measure | Ours | Baseline | Ratio | Budget | Runs | Note |" in table
    for row in report["rows"]:
        assert f"| {row['section']} | {row['name']} |" in table
    assert report["machine"]["cores"] >= 1


def test_browser_sections_are_skipped_only_without_a_browser(quick_run: Path):
    report = json.loads((quick_run / "bench.json").read_text(encoding="utf-8"))
    sections = {row["section"] for row in report["rows"]}
    if browser_available():
        assert set(BROWSER_SECTIONS) <= sections
        assert report["skipped"] == {}
    else:
        assert not sections & set(BROWSER_SECTIONS)
        assert set(report["skipped"]) == {"browser", "export"}
