"""Every hostile or broken data folder (tests/hostile_cases.py) through the command line
and through the app: the exact errors, with their lines, and the good article still shown."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.corpus import load_corpus
from newsdash.yamlsafe import load_with_lines
from tests.conftest import DASHBOARD, ROOT
from tests.hostile_cases import BROKEN, CASES, HOSTILE, Case, make_copy

PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
BY_NAME = {case.name: case for case in CASES}
# every page with: one broken file beside the good article; no valid article at all;
# an error message quoting hostile text; a broken context table
PAGE_CASES = ["broken_article_beside_good", "bidi_override_rlo", "odd_record_id", "context_csv_extra_cell"]


@pytest.fixture
def hostile_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Prepare a case in a fresh copy of the data and point the app at it."""
    def prepare(case: Case) -> Path:
        data = make_copy(tmp_path)
        case.prepare(tmp_path)
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
        return tmp_path
    return prepare


def test_the_corpus_is_big_enough_and_every_folder_is_used():
    assert len(CASES) >= 25
    folders = {p.name for p in HOSTILE.iterdir() if p.is_dir()}
    assert folders <= set(BY_NAME), f"folders without a case: {folders - set(BY_NAME)}"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_prints_the_exact_errors(case: Case, hostile_copy):
    root = hostile_copy(case)
    result = subprocess.run([sys.executable, "-m", "newsdash", "validate", str(root / "data")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "Traceback" not in result.stderr
    printed = result.stderr.replace(f"{root}/", "").splitlines()
    if not case.errors:
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("OK: 1 article(s), 8 figures, 5 events")
        return
    assert result.returncode == 1
    assert printed == [*case.expected(root), f"{len(case.errors)} error(s) found."]


def _run_app(page: str | None = None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()  # the entry script first, as a browser would
    if page:
        at.switch_page(page)
        at.run()
    return at


def _assert_errors_shown(at: AppTest, case: Case, root: Path) -> None:
    assert not at.exception, [e.value for e in at.exception]
    shown = "\n".join(e.value for e in at.error).replace(f"{root}/", "")
    for line in case.expected(root):
        assert line in shown


def _reads_the_corpus(page: str) -> bool:
    text = (ROOT / page).read_text(encoding="utf-8")
    return "load_corpus()" in text or "page_start()" in text


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_app_shows_the_errors_and_the_good_article(case: Case, hostile_copy):
    root = hostile_copy(case)
    at = _run_app(None if case.page == "pages/overview.py" else case.page)
    if not case.errors:
        assert not at.exception and not at.error
        return
    _assert_errors_shown(at, case, root)
    assert len(at.error) == 1
    if case.page != "pages/overview.py":  # the page's other content still shows the data
        assert len(at.dataframe[0].value) >= 13  # every figure and event, at least
        return
    metrics = {m.label: m.value for m in at.metric}
    if case.good_articles:
        assert metrics["Buildings inspected"] == "1,937 buildings"
        assert metrics["Explosive objects detected and neutralised"] == "26,000+ explosive objects"
    else:
        assert not metrics
        assert at.info[0].value == "No valid article to show."


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("name", PAGE_CASES)
def test_every_page_shows_the_errors_without_a_traceback(name: str, page: str, hostile_copy):
    case = BY_NAME[name]
    root = hostile_copy(case)
    at = _run_app(page)
    if not _reads_the_corpus(page):  # e.g. Add article works on an uploaded text only
        assert not at.exception, [e.value for e in at.exception]
        return
    _assert_errors_shown(at, case, root)
    if not case.good_articles:
        assert not at.metric and not at.get("plotly_chart")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_no_case_reaches_the_last_resort_handler(case: Case, tmp_path: Path):
    """corpus._load_guarded turns an unforeseen exception into an error; none may need it."""
    make_copy(tmp_path)
    case.prepare(tmp_path)
    corpus = load_corpus(tmp_path / "data")
    assert not [e for e in corpus.errors if "please report this" in e.message]
    assert len(corpus.articles) == (case.good_articles if case.errors else 1)


def test_alias_bomb_is_refused_before_it_costs_memory():
    bomb = HOSTILE / "alias_bomb" / BROKEN
    tracemalloc.start()
    try:
        with pytest.raises(Exception, match="anchors"):
            load_with_lines(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # expanded, the nine levels would be 9**9 = 387 million strings


def test_a_python_tag_runs_nothing(tmp_path: Path):
    marker = Path("/tmp/newsdash-pwned")  # the path the tag in the case would touch
    marker.unlink(missing_ok=True)
    make_copy(tmp_path)
    BY_NAME["python_object_apply_tag"].prepare(tmp_path)
    load_corpus(tmp_path / "data")
    assert not marker.exists()
