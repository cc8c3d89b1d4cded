"""Saving a text as a seed: one story is one article, and no two seeds share a number.

Two editors saving at the same moment each numbered their seed after the seeds they saw
(both 005_...), and the same text saved under two ids became two articles. Every write to
the seeds folder (the Add an article page's Save, `newsdash new-article`) now happens
holding one lock on that folder, so checking which story is on the record, choosing the
next number and writing the seed happen as one step.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsdash.curation.draft import seed_file_name
from newsdash.data.corpus import load_corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.stories import holder_of

try:
    import fcntl
except ImportError:  # no flock (Windows): saves are not serialised there
    fcntl = None


@contextmanager
def seeds_locked(seeds: Path) -> Iterator[None]:
    """Hold the seeds folder's lock (every process and thread waits its turn)."""
    seeds.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    folder = os.open(seeds, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # closing releases the lock


def story_on_record(raw: bytes, data: Path) -> LoadedArticle | None:
    """The article on the record that already holds this text, or None (drafts do not count)."""
    return holder_of(raw.decode("utf-8", errors="replace"), load_corpus(data).articles)


def seed_name_now(raw: bytes, seeds: Path) -> str:
    """The seed's name as the folder stands now (call it holding seeds_locked): the name of
    the same bytes if they are there, else the next free number."""
    return seed_file_name(raw, seeds)
