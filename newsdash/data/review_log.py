"""The review log: every save, approval and refusal of an article, kept with the data.

One JSON object a line in data/review/log.jsonl, appended by newsdash.curation.review
and never rewritten: when, which editor, what they did, to which article and version,
and for an approval of a change to an article already on the record, what changed
(the correction readers are shown). Read here, in the data layer, because readers'
pages and every export show the corrections it holds.

Where things are, under the data folder:
- articles/<id>.yaml         approved: what readers see (an article placed there by hand,
                             before the review existed, counts as approved);
- review/pending/<id>.yaml   saved by one editor, awaiting a second; never shown to readers;
- review/replaced/, review/refused/   earlier versions and refused ones, kept for the record;
- review/log.jsonl           this log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsdash.data.yamlsafe import read_bytes
from newsdash.errors import DataError

REVIEW_DIR = "review"
LOG_FILE = f"{REVIEW_DIR}/log.jsonl"
PENDING_DIR = f"{REVIEW_DIR}/pending"
MAX_LOG_BYTES = 20_000_000
ACTIONS = ("saved", "approved", "refused")


@dataclass(frozen=True)
class Change:
    """One thing an approved change altered: a record (figure_1, event_2, or article)
    and a field, with the label readers know the record by and the old and new values
    (for a figure's value: value, qualifier, value_max and unit)."""

    record: str
    field: str
    label: dict = field(default_factory=dict)  # {"en": ..., "ar": ...}
    was: object = None
    now: object = None


@dataclass(frozen=True)
class Entry:
    at: str  # ISO 8601, UTC
    action: str  # saved, approved, refused
    editor: str
    article: str
    version: str = ""  # sha256 of the article file's bytes saved or approved
    correction: bool = False  # a change to an article already on the record
    changes: tuple[Change, ...] = ()
    note: str = ""  # a refusal's reason

    @property
    def day(self) -> str:
        return self.at[:10]

    def as_json(self) -> str:
        record = {"at": self.at, "action": self.action, "editor": self.editor, "article": self.article,
                  "version": self.version, "correction": self.correction,
                  "changes": [vars(c) for c in self.changes], "note": self.note}
        return json.dumps(record, ensure_ascii=False, sort_keys=False)


def entry_from(record: object) -> Entry:
    """An entry from one parsed line; ValueError when it is not one."""
    if not isinstance(record, dict) or record.get("action") not in ACTIONS:
        raise ValueError("not a review entry (at, action, editor, article)")
    texts = {name: record.get(name) for name in ("at", "editor", "article")}
    if not all(isinstance(value, str) and value for value in texts.values()):
        raise ValueError("an entry needs at, editor and article as text")
    datetime.fromisoformat(texts["at"])  # a ValueError when it is no date and time
    changes = record.get("changes") or []
    if not isinstance(changes, list) or not all(isinstance(c, dict) and isinstance(c.get("label") or {}, dict)
                                                for c in changes):
        raise ValueError("changes must be a list of records, each label a mapping")
    changes = tuple(Change(str(c.get("record", "")), str(c.get("field", "")),
                           {k: str(v) for k, v in (c.get("label") or {}).items()}, c.get("was"), c.get("now"))
                    for c in changes)
    return Entry(texts["at"], record["action"], texts["editor"], texts["article"], str(record.get("version") or ""),
                 bool(record.get("correction")), changes, str(record.get("note") or ""))


def read_log(data: Path) -> tuple[tuple[Entry, ...], tuple[DataError, ...]]:
    """Every entry of the log, oldest first, and a placed error for each line that does
    not read (the rest still count). No log yet: nothing, no error."""
    path = data / LOG_FILE
    if not path.exists():
        return (), ()
    try:
        text = read_bytes(path, MAX_LOG_BYTES, root=data).decode("utf-8")
    except (DataError, UnicodeDecodeError, OSError) as problem:
        return (), (DataError(str(path), f"the review log cannot be read: {problem}"),)
    entries, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(entry_from(json.loads(line)))
        except (ValueError, RecursionError) as problem:  # json.JSONDecodeError is a ValueError
            errors.append(DataError(str(path), f"not a review entry: {problem}", line=number))
    return tuple(entries), tuple(errors)


def corrections(entries: tuple[Entry, ...], article_id: str | None = None) -> tuple[Entry, ...]:
    """The approved changes to this article (to every article: None) once it was on the
    record, oldest first."""
    return tuple(e for e in entries if e.action == "approved" and e.correction
                 and (article_id is None or e.article == article_id))


def last_saved(entries: tuple[Entry, ...], article_id: str, version: str) -> Entry | None:
    """The save that put this very version up for review."""
    return next((e for e in reversed(entries)
                 if e.article == article_id and e.action == "saved" and e.version == version), None)
