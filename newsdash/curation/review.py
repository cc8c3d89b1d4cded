"""Nobody publishes alone: a saved article awaits a second editor's approval.

An editor's save writes the article to data/review/pending/<id>.yaml (never read by the
pages readers see) and logs it; a second editor approves it, which puts it in
data/articles/ where readers see it, or refuses it, which moves it aside. Nobody
approves their own save. A change to an article already on the record goes the same
way; once approved, readers see it as a dated correction with the old values
(newsdash.data.review_log holds the log and reads it for the pages and exports).

Every action names the editor doing it, an identity the app layer vouches for
(newsdash.app.editors: a named account, or the one local editor of a machine): an
action without one is refused here, whatever the page showed or a client sent.
"""

from __future__ import annotations

import fcntl
import os
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsdash.curation import confirm
from newsdash.curation.confirm import SaveRefused
from newsdash.curation.draft import sha256_hex
from newsdash.data.corpus import article_files, seeds_dir_for
from newsdash.data.loading import load_article
from newsdash.data.review_log import LOG_FILE, PENDING_DIR, REVIEW_DIR, Change, Entry, last_saved, read_log
from newsdash.data.yamlsafe import parse_with_lines, read_bytes
from newsdash.errors import DataError

REFUSED_DIR = f"{REVIEW_DIR}/refused"
REPLACED_DIR = f"{REVIEW_DIR}/replaced"
VALUE_FIELDS = ("value", "qualifier", "value_max", "unit")
FIGURE_FIELDS = ("label", "measure", "category", "period", "quote", "attributed_to")
EVENT_FIELDS = ("date", "label", "quote")
ARTICLE_FIELDS = ("title", "published", "outlet", "speaker", "claim_caveat")


class ReviewRefused(SaveRefused):
    """An action the review does not allow (no editor, one's own save, nothing pending)."""


# 1/ WHO MAY DO WHAT

def same_editor(one: str, other: str) -> bool:
    return one.strip().casefold() == other.strip().casefold()


def require_editor(editor: str | None, action: str) -> str:
    if not editor or not editor.strip():
        raise ReviewRefused(f"only a signed-in editor may {action}: sign in as an editor first", "editor")
    return editor.strip()


def approval_refusal(editor: str | None, saved_by: str | None) -> str | None:
    """Why this editor may not approve this save (None: they may)."""
    if not editor:
        return "only a signed-in editor may approve"
    if saved_by is None:
        return "no save of this version is in the review log: save it through the page"
    if same_editor(editor, saved_by):
        return f"{saved_by} saved it: a second editor approves it, nobody approves their own"
    return None


# 2/ WHAT AWAITS REVIEW

@dataclass(frozen=True)
class Pending:
    article_id: str
    path: Path
    version: str
    saved: Entry | None  # who saved this very version, and when (None: not through the review)
    correction: bool  # a change to an article already on the record
    changes: tuple[Change, ...]


def pending_path(data: Path, article_id: str) -> Path:
    return data / PENDING_DIR / f"{article_id}.yaml"


def on_record_path(data: Path, article_id: str) -> Path:
    return data / "articles" / f"{article_id}.yaml"


def pending(data: Path) -> list[Pending]:
    """Every article awaiting review, the oldest save first."""
    folder = data / PENDING_DIR
    entries, _ = read_log(data)
    found = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        if path.name.startswith(".") or not path.is_file() or path.is_symlink():
            continue
        found.append(_pending(data, path, entries))
    return sorted(found, key=lambda p: p.saved.at if p.saved else "")


def _pending(data: Path, path: Path, entries: tuple[Entry, ...]) -> Pending:
    raw = read_bytes(path, root=data)
    article_id = path.stem
    on_record = on_record_path(data, article_id)
    changes = changes_between(_parsed(on_record, data), _parsed_bytes(path, raw)) if on_record.exists() else ()
    return Pending(article_id, path, sha256_hex(raw), last_saved(entries, article_id, sha256_hex(raw)),
                   on_record.exists(), changes)


# 3/ SAVE, APPROVE, REFUSE: each logged

def submit(article: Mapping, seed_raw: bytes, data: Path, editor: str | None, now: datetime | None = None) -> Entry:
    """Save a confirmed article for review, as this editor; the log entry, or SaveRefused."""
    editor = require_editor(editor, "save an article")
    article_id = str(article["article"].get("id") or "")
    with _locked(data):
        # a new measure the draft proposed and the editor kept is added to data/measures.yaml
        # now (a measure with no approved figure draws nothing for readers)
        path = confirm.save_with_new_measures(article, seed_raw, data, confirm.save_for_review,
                                              target=pending_path(data, article_id))
        raw = path.read_bytes()
        on_record = on_record_path(data, article_id)
        correction = on_record.exists()
        changes = changes_between(_parsed(on_record, data), _parsed_bytes(path, raw)) if correction else ()
        entry = Entry(_stamp(now), "saved", editor, article_id, sha256_hex(raw), correction, changes)
        append(data, entry)
    return entry


def approve(data: Path, article_id: str, editor: str | None, now: datetime | None = None) -> Entry:
    """Put the pending version on the record, as a second editor; the log entry."""
    editor = require_editor(editor, "approve an article")
    with _locked(data):
        waiting = _the_pending(data, article_id)
        if reason := approval_refusal(editor, waiting.saved.editor if waiting.saved else None):
            raise ReviewRefused(f"{article_id}: not approved: {reason}", "editor")
        _, problems = load_article(waiting.path, seeds_dir_for(data), root=data)
        if problems:  # the data moved on since the save (a measure renamed, a seed removed)
            raise ReviewRefused(f"{article_id}: not approved: it no longer passes validation: {problems[0]}",
                                "article.id")
        target = on_record_path(data, article_id)
        if waiting.correction:  # the version readers saw is kept for the record
            _keep_aside(target, data / REPLACED_DIR, article_id, now)
            os.replace(waiting.path, target)
        else:
            _move_new(waiting.path, target)
        entry = Entry(_stamp(now), "approved", editor, article_id, waiting.version, waiting.correction,
                      waiting.changes)
        append(data, entry)
    return entry


def refuse(data: Path, article_id: str, editor: str | None, reason: str = "", now: datetime | None = None) -> Entry:
    """Send the pending version back (its editor may withdraw it too); the log entry. The
    version readers see, if any, stays; a seed no article uses any more is removed."""
    editor = require_editor(editor, "refuse an article")
    with _locked(data):
        waiting = _the_pending(data, article_id)
        seed = _seed_file(_parsed(waiting.path, data))
        _keep_aside(waiting.path, data / REFUSED_DIR, article_id, now, move=True)
        if seed and not _seed_in_use(data, seed):
            (seeds_dir_for(data) / seed).unlink(missing_ok=True)
        entry = Entry(_stamp(now), "refused", editor, article_id, waiting.version, waiting.correction,
                      waiting.changes, reason.strip()[:500])
        append(data, entry)
    return entry


def _the_pending(data: Path, article_id: str) -> Pending:
    path = pending_path(data, article_id)
    if not confirm.ARTICLE_ID.match(article_id) or not path.is_file():
        raise ReviewRefused(f"{article_id}: nothing of that id awaits review", "article.id")
    return _pending(data, path, read_log(data)[0])


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def append(data: Path, entry: Entry) -> None:
    """One line at the end of the log, written whole (O_APPEND, flushed to disk)."""
    path = data / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (entry.as_json() + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(data: Path) -> Iterator[None]:
    """One review action at a time on this data folder, across processes (two editors
    approving at once, or saving the same id)."""
    lock = data / REVIEW_DIR / ".lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _move_new(source: Path, target: Path) -> None:
    """A new article takes its name on the record, never over a file placed meanwhile."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise ReviewRefused(f"article.id: {target.name} is on the record already", "article.id") from None
    source.unlink()


def _keep_aside(path: Path, folder: Path, article_id: str, now: datetime | None, move: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _stamp(now).replace(":", "").replace("+0000", "Z")
    aside = folder / f"{article_id}.{stamp}.{secrets.token_hex(2)}.yaml"
    if move:
        os.replace(path, aside)
    else:
        aside.write_bytes(path.read_bytes())


def _seed_file(parsed: Mapping | None) -> str | None:
    seed = ((parsed or {}).get("article") or {}).get("seed") or {}
    name = seed.get("file") if isinstance(seed, Mapping) else None
    return name if isinstance(name, str) and name and "/" not in name and not name.startswith(".") else None


def _seed_in_use(data: Path, seed: str) -> bool:
    folder = data / PENDING_DIR
    others = [*article_files(data), *(sorted(folder.glob("*.yaml")) if folder.is_dir() else ())]
    return any(_seed_file(_parsed(path, data)) == seed for path in others)


# 4/ WHAT A CHANGE CHANGED

def parsed_file(path: Path) -> dict | None:
    """A pending or approved article file as plain data (for a preview), or None."""
    return _parsed(path, path.parent)


def _parsed(path: Path, data: Path) -> dict | None:
    try:
        return _parsed_bytes(path, read_bytes(path, root=data))
    except (DataError, OSError):
        return None


def _parsed_bytes(path: Path, raw: bytes) -> dict | None:
    try:
        parsed, _ = parse_with_lines(path, raw.decode("utf-8"))
    except (DataError, UnicodeDecodeError):
        return None
    return parsed if isinstance(parsed, dict) else None


def changes_between(old: Mapping | None, new: Mapping | None) -> tuple[Change, ...]:
    """What differs between two versions of an article, record by record: a figure's
    value (with qualifier, range and unit, as readers read it), its words and period,
    figures and dates added or removed, the article's title, date and caveat."""
    old, new = old or {}, new or {}
    changes = [Change("article", name, {}, (old.get("article") or {}).get(name), (new.get("article") or {}).get(name))
               for name in ARTICLE_FIELDS
               if (old.get("article") or {}).get(name) != (new.get("article") or {}).get(name)]
    changes += _list_changes(old.get("figures"), new.get("figures"), FIGURE_FIELDS, with_value=True)
    changes += _list_changes(old.get("events"), new.get("events"), EVENT_FIELDS)
    return tuple(changes)


def _list_changes(old: object, new: object, fields: tuple[str, ...], with_value: bool = False) -> list[Change]:
    before, after = _by_id(old), _by_id(new)
    changes = []
    for record_id in [*before, *(i for i in after if i not in before)]:
        was, now = before.get(record_id), after.get(record_id)
        label = dict((now or was).get("label") or {})
        if was is None or now is None:
            changes.append(Change(record_id, "record", label, _shown(was, with_value), _shown(now, with_value)))
            continue
        if with_value and _value(was) != _value(now):
            changes.append(Change(record_id, "value", label, _value(was), _value(now)))
        changes += [Change(record_id, name, label, was.get(name), now.get(name))
                    for name in fields if was.get(name) != now.get(name)]
    return changes


def _by_id(records: object) -> dict[str, dict]:
    return {str(r["id"]): r for r in records or () if isinstance(r, Mapping) and "id" in r} \
        if isinstance(records, list) else {}


def _value(record: Mapping) -> dict:
    return {name: record.get(name) for name in VALUE_FIELDS}


def _shown(record: Mapping | None, with_value: bool) -> dict | None:
    """A whole record added or removed, as readers read it: its value, or its date."""
    if record is None:
        return None
    return _value(record) if with_value else {"date": record.get("date")}
