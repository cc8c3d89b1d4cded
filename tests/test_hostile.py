"""Every hostile or broken data folder (tests/hostile_cases.py) through the command line
and through the app: the exact errors, with their lines, and the good article still shown."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsdash import cli
from newsdash.data.corpus import fingerprint, load_corpus
from newsdash.data.yamlsafe import load_with_lines, read_bytes
from newsdash.errors import DataError, for_readers
from tests.conftest import ARTICLE, DASHBOARD, ROOT
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


def validate_in_process(folder: Path, capsys: pytest.CaptureFixture) -> subprocess.CompletedProcess:
    """`newsdash validate FOLDER` run in this process (the command line's own main), as the
    finished process would report it; one case below runs the real command line."""
    capsys.readouterr()
    code = cli.main(["validate", str(folder)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["newsdash", "validate"], code, out, err)


def validate_as_a_command(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsdash", "validate", str(folder)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_prints_the_exact_errors(case: Case, hostile_copy, capsys):
    root = hostile_copy(case)
    # the first case through the real command line: its exit code and streams end to end
    result = validate_as_a_command(root / "data") if case is CASES[0] else validate_in_process(root / "data", capsys)
    assert "Traceback" not in result.stderr
    printed = [line for line in result.stderr.replace(f"{root}/", "").splitlines()
               if not line.startswith("warning:") and not line.endswith("warning(s).")]  # an orphaned seed, say
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
    assert f"{root}/" not in "\n".join(e.value for e in at.error)  # readers see no server path
    for line in case.expected(root):
        assert for_readers(line) in shown  # (a path outside the record cut to its last part)


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
        assert metrics["Explosive objects neutralised"] == "26,000+ explosive objects"  # the measure's one name
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


# --- what is not a regular file: nothing waits on it, and its going is seen -----------


class _Rescuer:
    """Opens a named pipe's write end after `after` seconds and closes it, so a reader
    stuck on the pipe (the bug this guards against) gets end-of-file: the test then
    fails on its assertions instead of hanging the whole run."""

    def __init__(self, pipe: Path, after: float = 20.0):
        self.pipe, self.done = pipe, threading.Event()
        self.thread = threading.Thread(target=self._run, args=(after,), daemon=True)
        self.thread.start()

    def _run(self, after: float) -> None:
        if self.done.wait(after):
            return
        while not self.done.is_set():
            try:
                os.close(os.open(self.pipe, os.O_WRONLY | os.O_NONBLOCK))  # ENXIO while no reader waits
            except OSError:
                pass
            time.sleep(0.2)

    def stop(self) -> None:
        self.done.set()
        self.thread.join(timeout=5)


def test_a_named_pipe_is_refused_unread_and_removing_it_changes_the_fingerprint(tmp_path: Path):
    data = make_copy(tmp_path)
    before = fingerprint(data)
    pipe = data / "articles" / "zz.yaml"
    os.mkfifo(pipe)
    rescuer = _Rescuer(pipe, after=10)
    try:
        with_pipe = fingerprint(data)
        corpus = load_corpus(data)
    finally:
        rescuer.stop()
    assert (str(pipe), "named pipe") in with_pipe and with_pipe != before
    assert [str(e) for e in corpus.errors] == [f"{pipe}:1: -: -: is a named pipe, not a regular file; "
                                               "only regular files are read"]
    assert corpus.article().article.figure("buildings_inspected").value == 1937
    pipe.unlink()
    assert fingerprint(data) == before  # the key changes back: the next rerun recovers


def test_the_app_renders_beside_a_named_pipe_and_recovers_when_it_is_removed(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    data = make_copy(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    pipe = data / "articles" / "zz.yaml"
    os.mkfifo(pipe)
    rescuer = _Rescuer(pipe)
    try:
        at = AppTest.from_file(DASHBOARD, default_timeout=15).run()  # a regression times out here
    finally:
        rescuer.stop()
    assert not at.exception, [e.value for e in at.exception]
    assert "data/articles/zz.yaml:1: -: -: is a named pipe, not a regular file" in at.error[0].value
    assert {m.label: m.value for m in at.metric}["Buildings inspected"] == "1,937 buildings"
    pipe.unlink()
    at.run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Buildings inspected"] == "1,937 buildings"


def test_a_link_inside_the_data_folder_is_read(tmp_path: Path):
    data = make_copy(tmp_path)
    article = data / "articles" / ARTICLE
    (data / "kept").mkdir()
    article.rename(data / "kept" / ARTICLE)
    article.symlink_to(Path("..") / "kept" / ARTICLE)
    corpus = load_corpus(data)
    assert not corpus.errors
    assert corpus.article().article.figure("buildings_inspected").value == 1937


def test_a_file_above_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2_000_000)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(DataError, match="file is 2,000,000 bytes, above the limit of 1,000,000"):
        read_bytes(big, root=tmp_path)
    assert reads == []
