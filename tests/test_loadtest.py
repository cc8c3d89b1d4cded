"""The load test at its smallest (2 sessions, each one round of its five steps), so it
cannot rot: every step ran, no error, figures reported. No timing asserts: the machine
is shared."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsdash.bench.loadtest import markdown, timing_stats
from tests.conftest import BENCH_BROWSER_OPTIONS, ROOT, require_browser


@pytest.mark.browser
def test_a_short_run_reports_every_step_without_errors(tmp_path):
    require_browser()
    out = tmp_path / "load.json"
    result = subprocess.run([sys.executable, "-m", "newsdash.bench.loadtest", "--sessions", "2", "--seconds", "1",
                             "--json", str(out), *BENCH_BROWSER_OPTIONS], cwd=ROOT, capture_output=True, text=True, timeout=600)
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert result.returncode == 0, summary["error_samples"]
    assert summary["errors"] == 0 and summary["sessions"] == 2
    assert set(summary["steps"]) == {"open demining", "change filter", "switch language", "open returns",
                                     "open timeline"}
    assert all(step["count"] >= 1 and step["p50_s"] > 0 for step in summary["steps"].values())
    assert summary["overall"]["p95_s"] >= summary["overall"]["p50_s"]
    assert summary["rss_mb"]["peak"] >= summary["rss_mb"]["start"] > 0
    assert "| all steps |" in result.stdout


def test_it_refuses_a_url_off_this_machine():
    result = subprocess.run([sys.executable, "-m", "newsdash.bench.loadtest", "--url", "http://example.org"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "must be on loopback" in result.stderr


def test_percentiles_and_the_table():
    stats = timing_stats([float(s) for s in range(1, 101)])
    assert stats == {"count": 100, "p50_s": 50.5, "p95_s": 95.0, "max_s": 100.0}
    summary = {"sessions": 20, "seconds": 60, "cpus": 2, "errors": 0,
               "rss_mb": {"start": 70.0, "peak": 400.0, "end": 380.0},
               "steps": {"open returns": stats}, "overall": stats}
    table = markdown(summary)
    assert "20 sessions for 60 s on 2 cores; errors: 0" in table
    assert "| open returns | 100 | 50.50 s | 95.00 s | 100.00 s |" in table
