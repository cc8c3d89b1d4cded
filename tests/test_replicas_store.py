"""One record folder for every replica (newsdash.data.store): the deployment's layout with
the seeds inside, the first start on an empty volume, a save killed half-way cleaned up
at the next start, orphans reported, and two processes saving at the same moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdash.cli import validate
from newsdash.curation import confirm as c
from newsdash.data import store
from newsdash.data.corpus import file_states, load_corpus, seeds_dir_for, state_digest
from tests import record_data as rd
from tests.test_one_story import another_story, confirmed

ROOT = rd.ROOT
PYTHON = sys.executable
FIRST_SEED = "000_3a55c9cc56337ab1.txt"


@pytest.fixture
def record(tmp_path: Path) -> Path:
    """A deployment's record folder, filled from the checkout as on a first start."""
    folder = tmp_path / "record"
    assert store.fill_if_empty(folder, ROOT / "data")
    return folder


def run_python(code: str, data: Path, **options) -> subprocess.Popen:  # noqa: ANN003
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([PYTHON, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **options)


def prepare(data: Path, bundle: Path | None = None) -> str:
    """What the image's entrypoint and the unit's ExecStartPre say on start (in this
    process: the command itself is run once, below)."""
    return "\n".join(store.prepare(data, bundle))


@pytest.mark.slow
def test_the_entrypoint_prepares_the_folder_then_becomes_the_command(tmp_path: Path):
    volume = tmp_path / "volume"
    command = [PYTHON, "-m", "newsdash.data.store", "prepare", "--bundle", str(ROOT / "data"), "--",
               PYTHON, "-c", "import os; print('serving', os.getpid())"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
                          env={**os.environ, "DASHBOARD_DATA_DIR": str(volume), "PYTHONPATH": str(ROOT)})
    assert "newsdash: " in done.stderr and "was empty; the bundled record" in done.stderr
    assert done.stdout.strip().startswith("serving ")
    assert load_corpus(volume).errors == ()


def hidden(folder: Path) -> list[str]:
    """Hidden names left anywhere in the record but the lock files."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*") if p.name not in store.IGNORED_AT_TOP)


# --- the layout -------------------------------------------------------------------------

def test_the_checkout_keeps_its_seeds_beside_the_data():
    assert seeds_dir_for(ROOT / "data") == ROOT / "seeds"


def test_a_record_folder_holds_its_own_seeds_and_lists_each_file_once(record: Path):
    assert seeds_dir_for(record) == record / "seeds"
    assert sorted(p.name for p in (record / "seeds").iterdir()) == [FIRST_SEED]
    corpus = load_corpus(record)
    assert corpus.errors == () and [a.id for a in corpus.articles] == ["2021-12-29-sputnik-rudenko-karabakh"]
    assert corpus.articles[0].seed_path == record / "seeds" / FIRST_SEED
    listed = list(file_states(record))
    assert listed.count(str(record / "seeds" / FIRST_SEED)) == 1


def test_the_sign_in_store_and_the_locks_are_no_part_of_the_record(record: Path):
    """The gate writes <data>/.state/ at every sign-in attempt: if it counted, every page's
    caches would start again after each attempt."""
    c.save_confirmed(confirmed(rd.seed_bytes(), record / "seeds"), rd.seed_bytes(), record)
    assert (record / ".save.lock").is_file()  # a regular file: flock on a folder fails on NFS
    before = state_digest(record)
    (record / ".state").mkdir()
    (record / ".state" / "brake.json").write_text('{"tries": 1}', encoding="utf-8")
    with store.locked(store.save_lock(record / "seeds")):
        assert state_digest(record) == before
    (record / "seeds" / "stray.txt").write_text("x", encoding="utf-8")
    assert state_digest(record) != before  # a seed still counts


# --- the first start --------------------------------------------------------------------

def test_an_empty_volume_gets_the_bundled_record_and_a_record_is_never_written_over(tmp_path: Path):
    volume = tmp_path / "volume"
    (volume / "lost+found").mkdir(parents=True)  # what a fresh ext4 volume holds
    assert "was empty; the bundled record" in prepare(volume, ROOT / "data")
    assert (volume / "articles" / rd.FIRST_ARTICLE).read_bytes() == (ROOT / "data" / "articles" /
                                                                    rd.FIRST_ARTICLE).read_bytes()
    assert (volume / "seeds" / FIRST_SEED).read_bytes() == (ROOT / "seeds" / FIRST_SEED).read_bytes()
    assert hidden(volume) == []
    edited = volume / "measures.yaml"
    edited.write_bytes(edited.read_bytes() + b"\n# kept\n")
    (volume / "articles" / rd.FIRST_ARTICLE).unlink()  # even a record missing an article is a record
    assert "bundled record" not in prepare(volume, ROOT / "data")
    assert edited.read_bytes().endswith(b"# kept\n")
    assert not (volume / "articles" / rd.FIRST_ARTICLE).exists()


@pytest.mark.slow
def test_two_replicas_starting_on_one_empty_volume_copy_the_record_once(tmp_path: Path):
    volume = tmp_path / "volume"
    code = "from pathlib import Path; from newsdash.data import store; import sys; " \
           f"print(store.fill_if_empty(Path({str(volume)!r}), Path({str(ROOT / 'data')!r})))"
    starts = [run_python(code, volume) for _ in range(2)]
    said = sorted(proc.communicate(timeout=60)[0].strip() for proc in starts)
    assert said == ["False", "True"]
    assert load_corpus(volume).errors == () and hidden(volume) == []


# --- saves ------------------------------------------------------------------------------

def test_a_save_writes_into_the_record_folder_and_leaves_nothing_hidden(record: Path):
    c.save_confirmed(confirmed(rd.seed_bytes(), record / "seeds"), rd.seed_bytes(), record)
    assert (record / "seeds" / rd.SEED_NAME).read_bytes() == rd.seed_bytes()
    assert load_corpus(record).article(rd.ARTICLE_ID) is not None
    assert hidden(record) == []


KILLED_SAVE = """
import os, sys, time
from pathlib import Path
from newsdash.curation import confirm as c
from tests import record_data as rd
from tests.test_one_story import confirmed

data = Path(os.environ["DASHBOARD_DATA_DIR"])
real = c._hidden_copy

def copy_then_hang(target, raw, suffix):
    temp = real(target, raw, suffix)
    if suffix == ".yaml.tmp":  # the seed has its name, the article is a temporary file
        print("saving", flush=True)
        time.sleep(120)
    return temp

c._hidden_copy = copy_then_hang
c.save_confirmed(confirmed(rd.seed_bytes(), data / "seeds"), rd.seed_bytes(), data)
"""


@pytest.mark.slow
def test_a_save_killed_half_way_leaves_nothing_after_the_next_start(record: Path):
    saving = run_python(KILLED_SAVE, record, start_new_session=True)
    assert saving.stdout.readline().strip() == "saving"
    os.killpg(saving.pid, signal.SIGKILL)  # the replica dies: no finally, no cleanup
    saving.wait(timeout=10)
    seed = record / "seeds" / rd.SEED_NAME
    assert seed.exists() and len(hidden(record)) == 2  # the journal and the article's temporary file
    assert not (record / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()

    first = prepare(record)  # the next start, at once
    assert f"removed what an unfinished save left: {seed}" in first
    assert not seed.exists()
    [temp] = hidden(record)  # younger than a minute: it may be another replica's save under way
    assert temp.startswith(f"articles/.{rd.ARTICLE_ID}.") and temp.endswith(".yaml.tmp")
    old = time.time() - 2 * store.STALE_SECONDS
    os.utime(record / temp, (old, old))
    second = prepare(record)
    assert f"removed what an unfinished save left: {record / temp}" in second
    assert hidden(record) == []
    assert load_corpus(record).errors == ()
    # and the editor's save, made again, goes through
    c.save_confirmed(confirmed(rd.seed_bytes(), record / "seeds"), rd.seed_bytes(), record)
    assert load_corpus(record).article(rd.ARTICLE_ID) is not None


def test_a_seed_an_article_names_is_kept_when_its_save_died_after_placing_it(record: Path):
    c.save_confirmed(confirmed(rd.seed_bytes(), record / "seeds"), rd.seed_bytes(), record)
    (record / "seeds" / ".save-dead0001.tmp").write_text(f'{{"seed": "{rd.SEED_NAME}"}}', encoding="utf-8")
    store.tidy(record)
    assert (record / "seeds" / rd.SEED_NAME).exists() and hidden(record) == []


def test_orphans_are_reported_at_start_and_by_validate(record: Path, capsys: pytest.CaptureFixture):
    stray = record / "seeds" / "007_0123456789abcdef.txt"
    stray.write_text("A text no article names.\n", encoding="utf-8")
    pending = record / "review" / "pending"
    pending.mkdir(parents=True)
    waiting = pending / "2020-01-01-gone.yaml"
    waiting.write_text("article:\n  seed:\n    file: 009_fedcba9876543210.txt\n", encoding="utf-8")
    started = prepare(record)
    assert f"warning: {stray}: no article names this seed" in started
    assert f"warning: {waiting}: its seed 009_fedcba9876543210.txt is missing" in started
    assert stray.exists()  # reported, never removed: an editor may have put it there
    assert validate(record) == 0
    said = capsys.readouterr().err
    assert f"warning: {stray}: no article names this seed" in said
    assert "009_fedcba9876543210.txt is missing" in said


TWO_SAVES = """
import os, sys, time
from pathlib import Path
from newsdash.curation import confirm as c
from tests.test_one_story import confirmed
from tests import test_one_story, record_data as rd

data = Path(os.environ["DASHBOARD_DATA_DIR"])
article_id = sys.argv[1]
raw = rd.seed_bytes() if article_id == rd.ARTICLE_ID else test_one_story.another_story()
article = confirmed(raw, data / "seeds", article_id)  # both numbered from the same folder
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.005)
c.save_confirmed(article, raw, data)
print("saved", flush=True)
"""


@pytest.mark.slow
def test_two_replicas_saving_at_the_same_moment_keep_both_saves(record: Path, tmp_path: Path):
    ids = [rd.ARTICLE_ID, "2020-12-06-sputnik-mod-bridges"]
    go = tmp_path / "go"
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(record), "PYTHONPATH": str(ROOT)}
    savers = [subprocess.Popen([PYTHON, "-c", TWO_SAVES, article_id, str(go)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for article_id in ids]
    time.sleep(1.5)  # both imported and waiting (a late one only saves later: the test still holds)
    go.touch()
    results = [proc.communicate(timeout=120) for proc in savers]
    assert [out.strip() for out, _ in results] == ["saved", "saved"], [err[-2000:] for _, err in results]
    corpus = load_corpus(record)
    assert corpus.errors == ()
    held = {a.id: a.article.article.seed.file for a in corpus.articles}
    assert set(ids) <= set(held)
    numbers = sorted(name[:3] for name in held.values())
    assert numbers == ["000", "001", "002"]
    assert hidden(record) == []
    assert another_story() != rd.seed_bytes()
