"""Extraction off the page's thread: a pasted text is read in a child process, at a lower
priority, with a time limit, and at most two at once.

Reading is linear in the text and stops after MAX_CANDIDATES, but a page must not trust
that alone: a paste that still takes too long is stopped (the child is killed, which a
thread cannot be), and while it runs the server's own threads keep the processor first,
so one editor's paste cannot slow every other reader's page.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from newsdash.data.folders import data_dir
from newsdash.data.measures import load_measures
from newsdash.reading.candidates import Extraction, extract, guess_published
from newsdash.reading.setting import party_names

TIME_LIMIT_S = 10.0
AT_ONCE = 2
LOWER_PRIORITY = 10  # added to the child's niceness
ROOT = Path(__file__).resolve().parents[2]
_SLOTS = threading.BoundedSemaphore(AT_ONCE)
LIGHT_CHARS = 20_000
LIGHT_CANDIDATES = 60


class TooSlow(Exception):
    """The text took longer than the time limit to read (or waited that long for a turn)."""

    def __init__(self, seconds: float):
        super().__init__(f"reading the text took longer than {seconds:g} s and was stopped")
        self.seconds = seconds


def run_bounded(module: str, function: str, *args, seconds: float = TIME_LIMIT_S):  # noqa: ANN002, ANN201
    """``module.function(*args)`` in a child Python process (a plain interpreter, not a fork
    of the server and its threads); TooSlow when it, or the wait for a turn, exceeds ``seconds``."""
    if not _SLOTS.acquire(timeout=seconds):
        raise TooSlow(seconds)
    try:
        return _in_child(pickle.dumps((module, function, args)), seconds)
    finally:
        _SLOTS.release()


def _in_child(request: bytes, seconds: float):  # noqa: ANN202
    child = subprocess.Popen([sys.executable, "-m", "newsdash.curation.worker"], cwd=ROOT,  # noqa: S603
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = child.communicate(request, timeout=seconds)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise TooSlow(seconds) from None
    if child.returncode != 0 or not out:
        raise RuntimeError(f"the reading process failed: {err.decode('utf-8', 'replace')[-500:]}")
    return pickle.loads(out)  # noqa: S301 - our own child's answer


def extract_bounded(text: str, published: str | None, seconds: float = TIME_LIMIT_S) -> Extraction:
    return run_bounded("newsdash.reading.candidates", "extract", text, published, seconds=seconds)


def dateline_bounded(text: str, seconds: float = TIME_LIMIT_S) -> date | None:
    return run_bounded("newsdash.reading.candidates", "guess_published", text, seconds=seconds)


def read_bounded(text: str, chosen: date | None, seconds: float = TIME_LIMIT_S) -> tuple[date | None, Extraction]:
    """The publication date (the one chosen, else the dateline's) and the candidates, in one child."""
    return run_bounded("newsdash.curation.worker", "read_article", text, chosen, seconds=seconds)


def light(text: str, extraction: Extraction) -> bool:
    """A text an ordinary article's size, whose draft is built in a few tens of milliseconds
    in the page itself; larger ones are drafted in a child like their reading."""
    return len(text) <= LIGHT_CHARS and len(extraction.figures) + len(extraction.events) <= LIGHT_CANDIDATES


def draft_bounded(incoming, extraction: Extraction, seed_name: str, figures: list[int], events: list[int],  # noqa: ANN001, ANN201, PLR0913
                  measures: dict | None = None, seconds: float = TIME_LIMIT_S):
    """review.draft_for in a child: each quote is made unique in the text, which on 300
    candidates in 200 KB costs seconds."""
    return run_bounded("newsdash.views.add_article", "draft_for", incoming, extraction, seed_name, figures, events,
                       measures, seconds=seconds)


def read_article(text: str, chosen: date | None) -> tuple[date | None, Extraction]:
    published = chosen or guess_published(text)
    return published, extract(text, published, record_parties(data_dir()))


def record_parties(data: Path) -> dict[str, tuple[str, ...]]:
    """The names of the parties of data/measures.yaml (none when it cannot be read): the
    same figure in two sentences is one claim only when the same party states it."""
    return party_names(load_measures(data)[0].parties)


def _serve() -> None:
    """The child: read one request on stdin, write the pickled answer on stdout."""
    try:
        os.nice(LOWER_PRIORITY)  # the server's readers keep the processor first
    except OSError:
        pass  # refused on some systems; the time limit still holds
    module, function, args = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 - from our parent
    answer = getattr(importlib.import_module(module), function)(*args)
    sys.stdout.buffer.write(pickle.dumps(answer))


if __name__ == "__main__":
    _serve()
