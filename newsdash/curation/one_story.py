"""Saving a text as a seed: one story is one article, and no two seeds share a number.

Two editors saving at the same moment each numbered their seed after the seeds they saw
(both 005_...), and the same text saved under two ids became two articles. Every write to
the seeds folder (the Add an article page's Save, `newsdash new-article`) now happens
holding one lock on that folder, so checking which story is on the record, choosing the
next number and writing the seed happen as one step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsdash.curation.draft import seed_file_name
from newsdash.data.corpus import load_corpus, seeds_dir_for
from newsdash.data.loading import LoadedArticle
from newsdash.data.review_log import PENDING_DIR
from newsdash.data.store import locked, save_lock
from newsdash.data.stories import holder_of, story_key
from newsdash.data.yamlsafe import load_with_lines, read_text
from newsdash.errors import DataError


@contextmanager
def seeds_locked(seeds: Path) -> Iterator[None]:
    """Hold the seeds folder's lock (every process and thread waits its turn, on every
    replica that mounts the folder: newsdash.data.store.locked)."""
    seeds.mkdir(parents=True, exist_ok=True)
    with locked(save_lock(seeds)):
        yield


def story_on_record(raw: bytes, data: Path) -> LoadedArticle | None:
    """The article on the record that already holds this text, or None (drafts do not count)."""
    return holder_of(raw.decode("utf-8", errors="replace"), load_corpus(data).articles)


def story_awaiting_review(raw: bytes, data: Path) -> str | None:
    """The id of the article awaiting review (data/review/pending/) whose seed holds this
    text's story, or None: two editors must not send one story to review twice."""
    key = story_key(raw.decode("utf-8", errors="replace"))
    seeds = seeds_dir_for(data)
    for path in sorted((data / PENDING_DIR).glob("*.yaml")):
        try:
            record, _ = load_with_lines(path, root=data)
            seed = (record.get("article") or {}).get("seed") or {}
            text = read_text(seeds / str(seed.get("file")), root=seeds)
        except (DataError, OSError, AttributeError):
            continue  # a pending file that does not read is the review's to report
        if story_key(text) == key:
            return path.stem
    return None


def seed_name_now(raw: bytes, seeds: Path) -> str:
    """The seed's name as the folder stands now (call it holding seeds_locked): the name of
    the same bytes if they are there, else the next free number."""
    return seed_file_name(raw, seeds)
