"""The record as one folder every replica reads and writes, and keeping it whole.

A deployment keeps everything a save writes in one folder, DASHBOARD_DATA_DIR, which
every replica mounts (a named volume under compose, the unit's StateDirectory under
systemd, one ReadWriteMany volume under Kubernetes):

    <data>/articles/  context/  measures.yaml  method.yaml   the record
    <data>/seeds/                                             the original texts
    <data>/review/    pending/, replaced/, refused/, log.jsonl
    <data>/.state/                                            the sign-in's shared store

The checkout keeps its own layout, data/ and seeds/ side by side: a data folder without
a seeds/ of its own finds them beside it (newsdash.data.corpus.seeds_dir_for).

On start (`python -m newsdash.data.store prepare`, the image's entrypoint and the
unit's ExecStartPre):
- an empty folder is filled with the bundled record (the image's or the checkout's
  data/ and seeds/), never over an existing one, under the save lock so two replicas
  starting on one empty volume copy it once;
- a save that was killed half-way is cleaned up: every save writes hidden temporary
  files beside its targets and a journal naming the seed it adds, and gives the files
  their names only once they passed validation, all under the seeds folder's lock. A
  journal found under that lock is a save that never finished: the seed it names is
  removed unless an article names it, then the journal; hidden temporary files older
  than a minute go too;
- orphans are reported (never removed): a seed no article names, an article whose seed
  is missing. `newsdash validate` reports them as well.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsdash.data.corpus import NOT_THE_RECORD, SEEDS_INSIDE, data_dir, seeds_dir_for
from newsdash.data.review_log import PENDING_DIR, REVIEW_DIR

try:
    import fcntl
except ImportError:  # no flock (Windows): saves are not serialised there
    fcntl = None

SAVE_LOCK = ".save.lock"  # every save holds it (newsdash.curation.one_story): see save_lock
FIRST_START_LOCK = ".lock"  # in the data folder, while an empty one is filled
JOURNAL_PREFIX = ".save-"  # seeds/.save-<token>.tmp: a save under way (see journal)
STALE_SECONDS = 60  # a temporary file or journal older than this belongs to no running save
TEMP_NAME = re.compile(r"^\..+\.tmp$")  # every temporary name the saves use: .<name>.<token>[.yaml].tmp
SEED_LINE = re.compile(r"^\s+file:\s*['\"]?([^'\"\s/]+\.txt)['\"]?\s*$", re.MULTILINE)
RECORD_FOLDERS = ("articles", PENDING_DIR, f"{REVIEW_DIR}/replaced", f"{REVIEW_DIR}/refused")
IGNORED_AT_TOP = frozenset({"lost+found"}) | NOT_THE_RECORD  # what an empty volume may hold


# 1/ ONE SAVE AT A TIME, ACROSS PROCESSES AND HOSTS

@contextmanager
def locked(lock: Path) -> Iterator[None]:
    """Hold this lock file (every process and thread waits its turn). A regular file
    opened for writing: flock on a folder's own descriptor fails on NFS (a Kubernetes
    ReadWriteMany volume), where the kernel turns flock into a POSIX lock."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o664)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def save_lock(seeds: Path) -> Path:
    """The lock every save holds, beside the seeds folder it writes to: in a record folder
    (seeds inside) that is the data folder itself; in the checkout, the folder holding
    data/ and seeds/. Never inside a folder a page or a test lists."""
    return seeds.parent / SAVE_LOCK


@contextmanager
def journal(seeds: Path, seed_name: str) -> Iterator[None]:
    """A note that a save is adding this seed, kept while it runs (call it holding the
    lock). A save killed before it ends leaves the note: the start-up cleanup then
    removes the seed, unless an article names it, and the note."""
    path = seeds / f"{JOURNAL_PREFIX}{secrets.token_hex(4)}.tmp"
    path.write_text(json.dumps({"seed": seed_name}), encoding="utf-8")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


# 2/ THE FIRST START ON AN EMPTY FOLDER

def holds_a_record(data: Path) -> bool:
    """Anything in the folder but what an empty volume holds (lost+found, the lock, the
    sign-in's store): then it is somebody's record, and never written over."""
    try:
        return any(entry.name not in IGNORED_AT_TOP for entry in os.scandir(data))
    except FileNotFoundError:
        return False


def fill_if_empty(data: Path, bundle: Path) -> bool:
    """Copy the bundled record (a data folder, with its seeds inside or beside it) into
    an empty data folder; True when it did. A folder holding anything is left alone."""
    data.mkdir(parents=True, exist_ok=True)
    with locked(data / FIRST_START_LOCK):  # two replicas on one empty volume: the second finds it full
        if holds_a_record(data):
            return False
        incoming = data / f".incoming-{secrets.token_hex(4)}.tmp"
        shutil.copytree(bundle, incoming, ignore=shutil.ignore_patterns(*NOT_THE_RECORD, "*.tmp"))
        seeds = seeds_dir_for(bundle)
        if seeds.is_dir() and not (incoming / SEEDS_INSIDE).exists():
            shutil.copytree(seeds, incoming / SEEDS_INSIDE, ignore=shutil.ignore_patterns(*NOT_THE_RECORD, "*.tmp"))
        (incoming / SEEDS_INSIDE).mkdir(exist_ok=True)  # the record's seeds live inside it from now on
        for entry in sorted(incoming.iterdir()):
            os.rename(entry, data / entry.name)  # same folder: each name appears whole
        incoming.rmdir()
    return True


# 3/ WHAT A KILLED SAVE LEFT, AND ORPHANS

@dataclass
class Tidy:
    removed: list[Path] = field(default_factory=list)  # temporary files and unfinished saves' seeds
    orphan_seeds: list[Path] = field(default_factory=list)  # seeds no article names
    missing_seeds: list[tuple[Path, str]] = field(default_factory=list)  # (article file, seed it names)

    def lines(self) -> list[str]:
        said = [f"removed what an unfinished save left: {path}" for path in self.removed]
        said += [f"warning: {path}: no article names this seed (an orphan: keep it for a new article, "
                 "or remove it)" for path in self.orphan_seeds]
        said += [f"warning: {path}: its seed {seed} is missing from the seeds folder"
                 for path, seed in self.missing_seeds]
        return said


def tidy(data: Path, now: float | None = None, stale: float = STALE_SECONDS) -> Tidy:
    """Clean up after saves that never finished (journals and temporary files older than
    `stale` seconds), then list the orphans. Holds the save lock: a save running on
    another replica is never cut short."""
    now = time.time() if now is None else now
    seeds = seeds_dir_for(data)
    report = Tidy()
    with locked(save_lock(seeds)):
        named = seeds_named(data)
        # every save holds this lock from its journal to its end: a journal seen now is a
        # save that died, however young
        for note in sorted(seeds.glob(f"{JOURNAL_PREFIX}*.tmp")):
            seed = _journal_seed(note)
            if seed and seed not in named and (seeds / seed).is_file():
                (seeds / seed).unlink()
                report.removed.append(seeds / seed)
            note.unlink(missing_ok=True)
        # a new measure's temporary file is written outside it: those wait for their minute
        for path in _temporary_files(data, seeds):
            if _age(path, now) > stale:
                shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink(missing_ok=True)
                report.removed.append(path)
        report.orphan_seeds, report.missing_seeds = orphans(data)
    return report


def orphans(data: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(seeds no article names, (article file, seed) pairs whose seed is missing)."""
    seeds = seeds_dir_for(data)
    by_file = _seeds_by_file(data)
    named = {seed for names in by_file.values() for seed in names}
    unnamed = [path for path in sorted(seeds.glob("*.txt")) if not path.name.startswith(".")
               and path.name not in named] if seeds.is_dir() else []
    missing = [(path, seed) for path, names in by_file.items() for seed in names
               if path.parent in (data / "articles", data / PENDING_DIR) and not (seeds / seed).is_file()]
    return unnamed, missing


def orphan_warnings(data: Path) -> list[str]:
    """The orphans in words, as `newsdash validate` and the start-up log say them."""
    unnamed, missing = orphans(data)
    missing = [(path, seed) for path, seed in missing if path.parent != data / "articles"]  # those are errors
    return Tidy(orphan_seeds=unnamed, missing_seeds=missing).lines()


def seeds_named(data: Path) -> set[str]:
    """Every seed file an article names: on the record, awaiting review, or kept aside."""
    return {seed for names in _seeds_by_file(data).values() for seed in names}


def _seeds_by_file(data: Path) -> dict[Path, list[str]]:
    found = {}
    for folder in RECORD_FOLDERS:
        for path in sorted((data / folder).glob("*.yaml")) if (data / folder).is_dir() else ():
            if path.name.startswith(".") or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            found[path] = SEED_LINE.findall(text)
    return found


def _journal_seed(note: Path) -> str | None:
    try:
        seed = json.loads(note.read_text(encoding="utf-8")).get("seed")
    except (OSError, ValueError, AttributeError):
        return None
    return seed if isinstance(seed, str) and "/" not in seed and not seed.startswith(".") else None


def _temporary_files(data: Path, seeds: Path) -> list[Path]:
    """Hidden temporary names in every folder a save or the review writes to."""
    folders = {data, seeds, data / "articles", data / PENDING_DIR, data / REVIEW_DIR,
               data / f"{REVIEW_DIR}/replaced", data / f"{REVIEW_DIR}/refused"}
    found = []
    for folder in sorted(folders):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        found += [Path(e.path) for e in entries if TEMP_NAME.match(e.name) and not e.name.startswith(JOURNAL_PREFIX)
                  and (e.is_file(follow_symlinks=False) or e.name.startswith(".incoming-"))]
    return found


def _age(path: Path, now: float) -> float:
    try:
        return now - path.lstat().st_mtime
    except FileNotFoundError:
        return 0.0


# 4/ ON START: `python -m newsdash.data.store prepare [--bundle FOLDER] [-- COMMAND ...]`

def prepare(data: Path, bundle: Path | None) -> list[str]:
    """Fill an empty data folder from the bundle, clean up, report: the lines said."""
    said = []
    if bundle is not None and bundle.resolve() != data.resolve() and fill_if_empty(data, bundle):
        said.append(f"{data}: was empty; the bundled record ({bundle}) copied in")
    said += [f"{data}: {line}" if not line.startswith("warning") else line for line in tidy(data).lines()]
    return said


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "prepare":
        print("usage: python -m newsdash.data.store prepare [--bundle FOLDER] [-- COMMAND ...]", file=sys.stderr)
        return 2
    args, command = argv[1:], []
    if "--" in args:
        args, command = args[:args.index("--")], args[args.index("--") + 1:]
    bundle = Path(args[args.index("--bundle") + 1]) if "--bundle" in args else None
    for line in prepare(data_dir(), bundle):
        print(f"newsdash: {line}", file=sys.stderr, flush=True)
    if command:
        os.execvp(command[0], command)  # the server takes this process's place (signals reach it)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
