"""The benchmark's capacity section at its smallest (--quick: 3 readers per replica for a
few seconds, one replica and two behind nginx), so it cannot rot: every row written, the
numbers reported, no reader met an error. No timing asserts."""

from __future__ import annotations

import json

import pytest

from newsdash.bench import capacity
from newsdash.bench.config import QUICK
from tests.test_bench import assert_every_row_written_with_a_numeric_ratio, run_quick

pytestmark = pytest.mark.slow
SECTIONS_CAPACITY = ("capacity",)


def expected_rows(per_replica: int) -> set[str]:
    rows = {"two replicas against one: reruns a second, readers with no pause",
            f"two replicas against one, {per_replica} readers per replica: reruns a second",
            "a new browser's static files (empty cache), server CPU, against its first view"}
    for setup, replicas in (("one replica", 1), ("two replicas behind nginx", 2)):
        readers = f"{per_replica} readers per replica" + (f", {per_replica * replicas} in all" if replicas > 1 else "")
        rows |= {f"{setup}, {readers}: a filter change, p95", f"{setup}, {readers}: reruns a second",
                 f"{setup}, {per_replica * replicas} arrivals at once: first view, p95"}
    return rows


@pytest.fixture(scope="module")
def quick_capacity_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    reason = capacity.no_nginx_reason()
    if reason:
        pytest.skip(reason)
    out = run_quick(tmp_path_factory.mktemp("bench-capacity"), SECTIONS_CAPACITY)
    assert_every_row_written_with_a_numeric_ratio(out, SECTIONS_CAPACITY)
    return json.loads((out / "bench.json").read_text(encoding="utf-8"))


def test_every_capacity_row_is_written(quick_capacity_run: dict):
    names = {row["name"] for row in quick_capacity_run["rows"] if row["section"] == "Capacity"}
    assert names == expected_rows(QUICK.capacity_sessions)


def test_no_reader_met_an_error_and_every_reader_was_served(quick_capacity_run: dict):
    for row in quick_capacity_run["rows"]:
        if row["name"].endswith("a filter change, p95"):
            summary = row["extra"]
            assert summary["errors"] == 0, row["note"]
            assert summary["reruns"] > 0 and summary["reruns_per_s"] > 0
            assert summary["first_view_p95_s"] > 0 and summary["bytes_per_first_view"] > summary["bytes_per_rerun"] > 0
            assert summary["server_cpu_ms_per_rerun"] > 0
            assert summary["server_cpu_ms_per_first_view"] > 0
            assert summary["rss_readers_mb"] > 50 and summary["rss_idle_mb"] > 50 and summary["flat_per_s"] > 0  # RSS may fall


def test_nginx_spread_the_readers_over_both_replicas(quick_capacity_run: dict):
    two = next(row["extra"] for row in quick_capacity_run["rows"]
               if row["name"].startswith("two replicas behind nginx") and row["name"].endswith("p95")
               and "filter change" in row["name"])
    assert set(two["per_replica"]) == {"a", "b"}
    assert sum(two["per_replica"].values()) == 2 * QUICK.capacity_sessions


def test_the_goals_are_the_issues_absolute_numbers(quick_capacity_run: dict):
    budgets = {row["name"]: (row["baseline"], row["budget"]) for row in quick_capacity_run["rows"]}
    per = QUICK.capacity_sessions
    assert budgets[f"one replica, {per} readers per replica: a filter change, p95"] == (1.0, 1.0)
    assert budgets[f"one replica, {per} arrivals at once: first view, p95"] == (3.0, 1.0)
    rows = {row["name"]: row for row in quick_capacity_run["rows"]}
    scale = rows[f"two replicas against one, {per} readers per replica: reruns a second"]
    two_p95 = rows[f"two replicas behind nginx, {per} readers per replica, {2 * per} in all: a filter change, p95"]
    assert (two_p95["baseline"], two_p95["budget"]) == (1.0, 1.0)
    assert scale["met"] is (scale["ratio"] >= 1.8 and two_p95["value"] <= 1.0)


def test_a_new_browsers_static_files_are_measured_on_one_replica(quick_capacity_run: dict):
    one = next(row["extra"] for row in quick_capacity_run["rows"]
               if row["name"].startswith("one replica") and row["name"].endswith("a filter change, p95"))
    assert one["static_mb"] > 4  # the page, its scripts and the chart library's 4.7 MB chunk
    assert one["static_cpu_ms"] > 0


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert capacity.pct(values, 95) == 95.0 and capacity.pct(values, 50) == 50.0
    assert capacity.pct([3.0], 95) == 3.0 and capacity.pct([], 95) == 0.0


def test_the_collection_after_every_run_is_off_and_the_heap_still_settled():
    """.streamlit/config.toml switches off Streamlit's gc.collect(2) after every run (a
    hidden option), which is safe only while dashboard.py settles the heap (heap.py)."""
    import tomllib

    from streamlit import config

    from tests.conftest import ROOT

    assert "runner.postScriptGC" in config._config_options_template  # still an option of Streamlit's
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["runner"]["postScriptGC"] is False
    assert "heap.settle()" in (ROOT / "dashboard.py").read_text(encoding="utf-8")
