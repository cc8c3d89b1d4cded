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

from newsdash.bench import browser, edits
from newsdash.bench.config import FULL, QUICK
from newsdash.bench.rerun import dashboard_pages
from tests.conftest import BENCH_BROWSER_OPTIONS, ROOT, browser_available, require_browser

CHART_PAGES = ("overview", "demining", "returns", "timeline")  # the pages that draw charts (the overview its small ones)
# The quick run in two halves, each a module of its own, so the two test processes run
# them at the same time: the browser section here beside, the rest in test_bench_browser.py
# (and the capacity section in test_bench_capacity.py).
SECTIONS_HERE = ("rerun", "export", "scale", "edits")


def expected_rows(sections: tuple[str, ...], with_browser: bool) -> set[tuple[str, str]]:
    """(section, measure) of every row the quick run of these sections must write."""
    rows = set()
    if "rerun" in sections:
        for page in dashboard_pages():
            name = f"{Path(page).stem} (en)"
            rows |= {("Page rerun", f"{name}, figures-only baseline"), ("Page rerun", f"{name}, same output")}
            if Path(page).stem in CHART_PAGES:
                rows.add(("Page rerun", f"{name}, frozen-figures baseline"))
    if "scale" in sections:
        for count in QUICK.scale_sizes:
            for label in ("validate", "load", "Data & method page, first view"):
                rows.add(("Scale", f"{label}, {count} {'article' if count == 1 else 'articles'} (per article)"))
            rows.add(("Scale", f"Data & method page, warm rerun, {count} {'article' if count == 1 else 'articles'}"))
    if "edits" in sections:
        rows |= {("Edits", f"an edit at {QUICK.edit_size} articles, against loading one article"),
                 ("Edits", f"a {QUICK.big_article_figures}-figure article's first view (overview page)")}
    if "browser" in sections and with_browser:
        rows |= {("First view", f"`streamlit run` to first chart drawn ({browser.FIRST_VIEW_PAGE})"),
                 *(("Interaction", name) for name, *_ in browser.measured_interactions(QUICK.interactions)),
                 *(("Interaction", f"{name}, frozen-heap baseline")
                   for name, *_ in browser.measured_interactions(QUICK.interactions)),
                 ("Memory", "server RSS idle"),
                 ("Memory", f"server RSS with {QUICK.sessions + 1} sessions"),
                 ("Memory", "per-session increment")}
    if "export" in sections and with_browser:
        rows |= {("Export", "one chart PNG, persistent browser vs fresh kaleido"),
                 ("Export", "press kit (every chart, PNG, SVG and PDF, both languages)")}
    return rows


def run_quick(out: Path, sections: tuple[str, ...], tests_browser: bool = False) -> Path:
    """`python -m newsdash.bench --quick --only SECTIONS`, its report in out; with
    `tests_browser`, in the tests' browser with their V8 flags (tests/conftest.py)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    browser_option = BENCH_BROWSER_OPTIONS if tests_browser else []
    done = subprocess.run([sys.executable, "-m", "newsdash.bench", "--quick", "--out", str(out), "--only", *sections,
                           *browser_option], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def assert_every_row_written_with_a_numeric_ratio(out: Path, sections: tuple[str, ...]) -> None:
    if not browser_available():
        require_browser()  # fails under CI=true; elsewhere the browser rows are checked as skipped
    report = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    written = {(row["section"], row["name"]): row for row in report["rows"]}
    assert expected_rows(sections, browser_available()) <= set(written)
    for row in written.values():
        assert isinstance(row["ratio"], float) and math.isfinite(row["ratio"]) and row["ratio"] > 0, row
        assert row["value"] > 0 and row["baseline"] > 0, row
        assert row["runs"] >= 1
        assert row["ok"] in (True, False, None)
    assert report["mode"] == "quick"
    assert report["failed"] == {}


def assert_the_markdown_table_has_the_same_rows(out: Path) -> None:
    table = (out / "bench.md").read_text(encoding="utf-8")
    report = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert "| Section | Measure | Ours | Baseline | Ratio | Budget | Runs | Note |" in table
    for row in report["rows"]:
        assert f"| {row['section']} | {row['name']} |" in table
    assert report["machine"]["cores"] >= 1


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_quick(tmp_path_factory.mktemp("bench"), SECTIONS_HERE)


def test_quick_benchmark_writes_every_row_with_a_numeric_ratio(quick_run: Path):
    assert_every_row_written_with_a_numeric_ratio(quick_run, SECTIONS_HERE)


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


def test_quick_benchmark_writes_a_markdown_table_with_the_same_rows(quick_run: Path):
    assert_the_markdown_table_has_the_same_rows(quick_run)


def test_the_export_section_is_skipped_only_without_a_browser(quick_run: Path):
    report = json.loads((quick_run / "bench.json").read_text(encoding="utf-8"))
    sections = {row["section"] for row in report["rows"]}
    if browser_available():
        assert "Export" in sections
        assert report["skipped"] == {}
    else:
        assert "Export" not in sections
        assert set(report["skipped"]) == {"export"}


def test_every_section_of_the_benchmark_is_run_by_one_of_the_two_halves():
    from newsdash.bench.__main__ import SECTIONS
    from tests.test_bench_browser import SECTIONS_THERE
    from tests.test_bench_capacity import SECTIONS_CAPACITY

    assert sorted(SECTIONS_HERE + SECTIONS_THERE + SECTIONS_CAPACITY) == sorted(SECTIONS)


# the rows of the Edits section, without running the benchmark

def test_the_edit_row_is_held_to_three_times_loading_one_article():
    row = edits.edit_row({"count": 1000, "full_load": [12.0, 10.0, 11.0], "edit": [0.02, 0.04, 0.03]})
    assert (row.section, row.name) == ("Edits", "an edit at 1,000 articles, against loading one article")
    assert row.baseline == 0.011 and row.value == 0.03 and row.runs == 3
    assert row.budget == 3.0 and row.ok  # 0.03 s is 2.7x loading one article (11 ms)
    slow = edits.edit_row({"count": 1000, "full_load": [11.0], "edit": [0.5]})
    assert slow.ok is False  # a full reload at every edit (the old behaviour) is far over budget


def test_the_long_article_row_is_reported_against_the_shipped_article():
    row = edits.big_article_row({"figures": 5000, "big": [9.0, 7.0, 8.0], "shipped": [1.0, 2.0, 1.5]})
    assert (row.section, row.name) == ("Edits", "a 5,000-figure article's first view (overview page)")
    assert (row.value, row.baseline, row.budget, row.ok) == (8.0, 1.5, None, None)


def test_the_full_run_measures_every_interaction_and_the_quick_one_both_kinds_of_change():
    """The quick run drives one interaction in the browser (its first): a multiselect on the
    dashboard, a selectbox on the baseline; the full run drives every one."""
    assert browser.measured_interactions(FULL.interactions) == browser.INTERACTIONS
    quick = browser.measured_interactions(QUICK.interactions)
    assert len(quick) == 1 < len(browser.INTERACTIONS)
    _name, _path, change, _baseline, base_change = quick[0]
    assert (len(change.options), len(base_change.options)) == (1, 2)  # add_back, then choose


def widget_options(at, key: str) -> list[str]:  # noqa: ANN001 - AppTest
    """The options of the multiselect or selectbox keyed `key`, as the browser lists them."""
    for widget in [*at.multiselect, *at.selectbox]:
        if widget.key == key:
            return list(widget.options)
    raise AssertionError(f"no multiselect or selectbox keyed {key!r}: {[w.key for w in [*at.multiselect, *at.selectbox]]}")


@pytest.mark.parametrize("interaction", browser.INTERACTIONS, ids=lambda i: i[1])
def test_every_interactions_widgets_offer_the_options_it_clicks(interaction: tuple, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    """What the browser section clicks, for the interactions the quick run leaves to the
    full one too: the dashboard page's widget, and the baseline app's, offer those options."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import open_page

    _name, path, change, baseline, base_change = interaction
    dashboard = open_page(f"pages/{path}.py")
    assert set(change.options) <= set(widget_options(dashboard, change.widget_key))
    for key, value in browser.apps(tmp_path)[baseline].env.items():
        monkeypatch.setenv(key, value)
    base = AppTest.from_file(browser.BASELINE_APP, default_timeout=60).run()
    assert set(base_change.options) <= set(widget_options(base, base_change.widget_key))


def test_the_full_run_measures_the_sizes_the_issue_names():
    assert (FULL.edit_size, FULL.big_article_figures) == (1000, 5000)
    assert QUICK.edit_size < FULL.edit_size and QUICK.big_article_figures < FULL.big_article_figures


def test_the_long_article_generator_makes_a_valid_article_with_every_figure_proven(tmp_path: Path):
    from newsdash.data.corpus import load_corpus

    data = edits.many_figures_article(tmp_path, 300)
    corpus = load_corpus(data)
    assert not corpus.errors
    loaded = corpus.article()
    assert loaded.id == "bench-300-figures"
    assert len(loaded.article.figures) == 300 + 8  # the shipped article's eight, then the generated ones
    last = loaded.article.figure("f299")
    assert last.value == 10299 and loaded.seed_text[loaded.spans["f299"].start:].startswith("عدد 10299")


def test_a_5000_figure_article_fits_the_loaders_size_limit(tmp_path: Path):
    from newsdash.data.yamlsafe import MAX_FILE_BYTES

    data = edits.many_figures_article(tmp_path, 5000)
    assert (data / "articles" / "bench-5000-figures.yaml").stat().st_size < MAX_FILE_BYTES


def test_an_edit_keeps_the_article_valid_and_changes_only_one_file(tmp_path: Path):
    from newsdash.bench.scale import synthetic_corpus
    from newsdash.data.corpus import load_corpus

    data = synthetic_corpus(tmp_path, 3)
    before = {p.name: p.read_bytes() for p in (data / "articles").iterdir()}
    edits.edit_one(data, 1)
    after = {p.name: p.read_bytes() for p in (data / "articles").iterdir()}
    assert [name for name in before if before[name] != after[name]] == ["bench-0001.yaml"]
    corpus = load_corpus(data)
    assert not corpus.errors
    assert corpus.article("bench-0001-sputnik-rudenko-karabakh").article.article.title.en.startswith("Edit 1: ")


def test_like_a_server_still_replaces_what_apptest_makes_at_every_run():
    """newsdash.bench.rerun.like_a_server rests on AppTest's internals: on another
    Streamlit, read AppTest._run again, then raise LIKE_A_SERVER_CHECKED_ON."""
    import inspect

    import streamlit
    from streamlit.testing.v1 import app_test

    from newsdash.bench import rerun

    assert streamlit.__version__ == rerun.LIKE_A_SERVER_CHECKED_ON
    each_run = inspect.getsource(app_test.AppTest._run)
    assert "script_cache = ScriptCache()" in each_run
    assert "PagesManager.uses_pages_directory = None" in each_run and "pages_manager = PagesManager(" in each_run


def test_the_flags_given_for_chromium_reach_the_browser_section(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """`--chromium-arg` (the tests give the quick run their cheap-JavaScript flags) goes to
    the browser the section launches, after the benchmark's own flags."""
    from newsdash.bench import __main__ as bench_main
    from newsdash.bench import browser

    launched = {}
    monkeypatch.setattr(browser, "run", lambda *args: launched.setdefault("args", args) and [])
    monkeypatch.setattr(bench_main, "skip_reason", lambda *args: None)
    bench_main.main(["--quick", "--only", "browser", "--out", str(tmp_path), "--chromium", "/opt/chromium",
                     "--chromium-arg=--js-flags=--max-opt=1", "--chromium-arg=--v8-cache-options=none"])
    assert launched["args"][-3:-1] == ("/opt/chromium", ("--js-flags=--max-opt=1", "--v8-cache-options=none"))
