"""From a draft to a confirmed article on the record, and its safe write.

The Add an article page (and any tool) hands the draft dict and the editor's answers,
one flat mapping keyed by where each answer goes ("article.title.en",
"figures.figure_1.label.ar", "figures.figure_1.keep", "paragraphs.0.translation").
``confirm`` puts them in place; ``save_confirmed`` writes the article to
data/articles/<id>.yaml and its text to the seeds folder, only after the very bytes it
writes pass the same validation as `python -m newsdash validate`, never over an
existing article, and leaving nothing behind when it refuses.
"""

from __future__ import annotations

import copy
import os
import re
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from newsdash.curation.draft import sha256_hex
from newsdash.curation.one_story import seed_name_now, seeds_locked, story_awaiting_review, story_on_record
from newsdash.data.corpus import article_files, seeds_dir_for
from newsdash.data.loading import load_article
from newsdash.data.measures import MEASURES_FILE, load_measures
from newsdash.data.models import DRAFT_MARKS
from newsdash.data.store import journal
from newsdash.errors import DataError

ARTICLE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARTICLE_FIELDS = ("id", "title.en", "title.ar", "outlet.en", "outlet.ar", "wire_agency.en", "wire_agency.ar",
                  "speaker.name.en", "speaker.name.ar", "speaker.role.en", "speaker.role.ar",
                  "claim_caveat.en", "claim_caveat.ar")
FIGURE_FIELDS = ("label.en", "label.ar", "unit", "attributed_to", "attributed_to_ar", "translation", "measure", "category",
                 "period")
EVENT_FIELDS = ("label.en", "label.ar", "translation")
# the Arabic attribution falls back to the original wording; a figure on no measure is a tile
OPTIONAL = {"attributed_to_ar", "measure"}
# a refusal of what the text said of a figure (who counts it, its kind) is told at the
# measure the editor chose: the form asks for the measure, not for these
SHOWN_AT = {"party": "measure", "kind": "measure"}
HEADER = """\
# Confirmed on the Add an article page (or with newsdash.curation.confirm) from
# seeds/{seed}. Every quote is a verbatim span of the seed; `python -m newsdash
# validate` proves each value, qualifier and date from its quote.
"""


class SaveRefused(Exception):
    """Why a confirmed article was not written, in words that name the field to mend.

    ``problems`` holds each field the save refused (the form's key) with why, in words
    and without the field's path ("" for a field still empty), so the form can say it
    beside the field."""

    def __init__(self, message: str, field: str = "-", problems: Mapping[str, str] | None = None):
        super().__init__(message)
        self.message, self.field = message, field
        self.problems = dict(problems) if problems is not None else (
            {} if field == "-" else {field: _FIELD_PREFIX.sub("", message, count=1)})


_FIELD_PREFIX = re.compile(r"^[a-z0-9_.]+: ")


class _NoAliases(yaml.SafeDumper):
    """The loader refuses YAML aliases; never write one."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def holds_placeholder(value: object) -> bool:
    """The draft still holds a mark for the editor to replace (DRAFT_MARKS) in this value."""
    return isinstance(value, str) and any(mark in value for mark in DRAFT_MARKS)


def value_at(record: Mapping, path: str) -> object:
    """The value at a dotted path ('title.en') in a draft's record, None where there is none."""
    value: object = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _set(record: dict, path: str, value: object) -> None:
    *parents, last = path.split(".")
    for part in parents:
        record = record.setdefault(part, {})
    record[last] = value


def _shown(value: object) -> str:
    """What a form field starts with: the draft's value, or nothing where it is a placeholder."""
    if value is None or holds_placeholder(value):
        return ""
    return str(value)


def period_text(period: Mapping | None) -> str:
    """A period as one line: '2020-12-06' (as of) or '2020-09/2020-11-10' (start/end)."""
    period = period or {}
    if period.get("as_of"):
        return str(period["as_of"])
    return f"{period.get('start') or ''}/{period.get('end') or ''}"


def parse_period(text: str) -> dict:
    start, slash, end = text.strip().partition("/")
    if not slash:
        return {"as_of": start.strip()} if start.strip() else {}
    return {key: value.strip() for key, value in (("start", start), ("end", end)) if value.strip()}


def form_defaults(draft: Mapping) -> dict[str, object]:
    """The form's first values: what the draft knows, every placeholder left empty, every
    candidate kept (the editor unticks the wrong ones)."""
    answers: dict[str, object] = {"article.id": ""}
    for name in ARTICLE_FIELDS[1:]:
        answers[f"article.{name}"] = _shown(value_at(draft["article"], name))
    for figure in draft.get("figures", []):
        answers[f"figures.{figure['id']}.keep"] = True
        for name in FIGURE_FIELDS:
            value = period_text(figure.get("period")) if name == "period" else value_at(figure, name)
            answers[f"figures.{figure['id']}.{name}"] = _shown(value)
        if answers[f"figures.{figure['id']}.category"] == "unsorted":
            answers[f"figures.{figure['id']}.category"] = ""
    for event in draft.get("events", []):
        answers[f"events.{event['id']}.keep"] = True
        for name in EVENT_FIELDS:
            answers[f"events.{event['id']}.{name}"] = _shown(value_at(event, name))
    for paragraph in draft.get("paragraphs", []):
        answers[f"paragraphs.{paragraph['index']}.translation"] = _shown(paragraph.get("translation"))
    return answers


def confirm(draft: Mapping, answers: Mapping[str, object]) -> dict:
    """The confirmed article: the draft with the editor's answers in place, the unticked
    candidates dropped, every kept record and the article marked confirmed."""
    article = copy.deepcopy(dict(draft))
    info = article["article"]
    info.pop("status", None)  # confirmed is the default
    for name in ARTICLE_FIELDS:
        _set(info, name, _text(answers, f"article.{name}", value_at(info, name)))
    _title_original_from_title(info)
    article["figures"] = [_confirmed_figure(f, answers) for f in article.get("figures", [])
                          if answers.get(f"figures.{f['id']}.keep", True)]
    article["events"] = [_confirmed_event(e, answers) for e in article.get("events", [])
                         if answers.get(f"events.{e['id']}.keep", True)]
    for paragraph in article.get("paragraphs", []):
        key = f"paragraphs.{paragraph['index']}.translation"
        paragraph["translation"] = _text(answers, key, paragraph.get("translation"))
    return article


def _text(answers: Mapping[str, object], key: str, draft_value: object = None) -> str:
    """The editor's answer; where the form did not ask (an English text's own English, a
    unit the machine knows), the draft's value stands."""
    value = answers[key] if key in answers else draft_value
    return str(value or "").strip()


def _title_original_from_title(info: dict) -> None:
    """A text with no headline: its original title is the title the editor gave in the
    text's language (the draft proposes none rather than the dateline sentence)."""
    if holds_placeholder(info.get("title_original")):
        info["title_original"] = value_at(info, f"title.{info.get('language')}") or ""


def _confirmed_figure(figure: dict, answers: Mapping[str, object]) -> dict:
    key = f"figures.{figure['id']}"
    figure = {k: v for k, v in figure.items() if k != "status"}
    for name in FIGURE_FIELDS:
        value = _text(answers, f"{key}.{name}", period_text(figure.get("period")) if name == "period"
                      else value_at(figure, name))
        if name == "unit":
            value = value.lower()  # units are written in lower case: nothing to decide there
        if name == "period":
            figure["period"] = parse_period(value)
        elif name in OPTIONAL and not value:
            figure.pop(name, None)
        else:
            _set(figure, name, value)
    return figure


def _confirmed_event(event: dict, answers: Mapping[str, object]) -> dict:
    event = {k: v for k, v in event.items() if k != "status"}
    for name in EVENT_FIELDS:
        _set(event, name, _text(answers, f"events.{event['id']}.{name}", value_at(event, name)))
    return event


def unfinished(article: Mapping) -> list[str]:
    """Where the confirmed article still has an empty answer or a draft placeholder, as
    'figures.figure_1.label.en': checked first, so the editor hears of every gap at once."""
    gaps = [f"article.{name}" for name in ARTICLE_FIELDS if not _filled(value_at(article["article"], name))]
    for kind, names in (("figures", FIGURE_FIELDS), ("events", EVENT_FIELDS)):
        for record in article.get(kind, []):
            gaps += [f"{kind}.{record['id']}.{name}" for name in names
                     if name not in OPTIONAL and name != "period" and not _filled(value_at(record, name))]
            if kind == "figures" and not record.get("period"):
                gaps.append(f"figures.{record['id']}.period")
    gaps += [f"paragraphs.{p['index']}.translation" for p in article.get("paragraphs", [])
             if not _filled(p.get("translation"))]
    return gaps


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not holds_placeholder(value)


def confirmed_yaml(article: Mapping) -> str:
    body = yaml.dump(dict(article), Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    return HEADER.format(seed=article["article"]["seed"]["file"]) + body


def save_confirmed(article: Mapping, seed_raw: bytes, data: Path, *, gated: bool = False,
                   signed_in: bool = False) -> Path:
    """Write data/articles/<id>.yaml and the seed; the path written, or SaveRefused.

    ``gated``: a password is set, so only a signed-in editor may write."""
    if gated and not signed_in:
        raise SaveRefused("sign in first: a password protects this dashboard, and only a signed-in editor may "
                          "save an article")
    article_id = _refuse_unready(article, seed_raw)
    target = data / "articles" / f"{article_id}.yaml"
    return _write_with_its_seed(article, seed_raw, data, target, new_id_at=target)


def _refuse_unready(article: Mapping, seed_raw: bytes) -> str:
    """The article's id, once every field is filled, the id is one and the text is the
    draft's own; else SaveRefused naming what to mend."""
    if gaps := unfinished(article):
        raise SaveRefused(f"{', '.join(gaps)}: still empty or holding a draft placeholder: fill in every field",
                          gaps[0], dict.fromkeys(gaps, ""))
    article_id = str(article["article"].get("id") or "")
    if not ARTICLE_ID.match(article_id):
        raise SaveRefused(f"article.id: '{article_id}' is not an article id: lowercase letters, digits and "
                          "hyphens, e.g. 2020-12-06-outlet-speaker", "article.id")
    if sha256_hex(seed_raw) != article["article"]["seed"]["sha256"]:
        raise SaveRefused("article.seed.sha256: the text is not the one the draft was made from", "article.seed")
    return article_id


def _write_with_its_seed(article: Mapping, seed_raw: bytes, data: Path, target: Path, *,
                         new_id_at: Path | None) -> Path:
    """The seed and the article's validated YAML written to target, one save at a time: the
    id (when new_id_at names the new article's file), the story and the seed number are
    checked and taken together; a refused save leaves the folders as they were."""
    seeds = seeds_dir_for(data)
    with seeds_locked(seeds):
        if new_id_at is not None:
            _refuse_taken(str(article["article"]["id"]), new_id_at, data)
        article = _on_a_seed_of_its_own(article, seed_raw, data)
        # a save killed from here on leaves the journal: the next start removes its seed
        # unless an article names it (newsdash.data.store.tidy)
        with journal(seeds, article["article"]["seed"]["file"]):
            written_seed = _put_seed(seeds / article["article"]["seed"]["file"], seed_raw)
            try:
                _write_validated(confirmed_yaml(article).encode("utf-8"), target, seeds, data, _lists_of(article))
            except BaseException:
                if written_seed:
                    written_seed.unlink(missing_ok=True)
                raise
    return target


def _on_a_seed_of_its_own(article: Mapping, seed_raw: bytes, data: Path) -> dict:
    """The article named after its seed as the folder stands now (the draft's number may
    have been taken by another save since); refused when its story is on the record."""
    _refuse_a_story_held(seed_raw, data, str(article["article"].get("id") or ""))
    article = copy.deepcopy(dict(article))
    article["article"]["seed"]["file"] = seed_name_now(seed_raw, seeds_dir_for(data))
    return article


def _refuse_a_story_held(seed_raw: bytes, data: Path, article_id: str) -> None:
    """Refused when another article holds this text's story, on the record or awaiting
    review; the article itself may hold it (a correction is given on its own text)."""
    holder = story_on_record(seed_raw, data)
    if holder is not None and holder.id != article_id:
        raise SaveRefused(f"this text is already on the record as the article '{holder.id}' ({holder.path.name}): "
                          "one story is one article; add what is new to that article instead", "article.seed")
    waiting = story_awaiting_review(seed_raw, data)
    if waiting is not None and waiting != article_id:
        raise SaveRefused(f"this text already awaits review as the article '{waiting}': one story is one article; "
                          "a second editor approves or refuses it first", "article.seed")


def save_for_review(article: Mapping, seed_raw: bytes, data: Path, target: Path) -> Path:
    """Write the article to ``target``, the review's pending file (newsdash.curation.review),
    and its seed, after the same checks and validation as save_confirmed; the path, or
    SaveRefused. An article already on the record may be given again under its id: that
    is a change to it, reviewed like a new one; the article readers see stays as it is."""
    _refuse_a_story_held(seed_raw, data, str(article["article"].get("id") or ""))  # first: no field mends it
    article_id = _refuse_unready(article, seed_raw)
    if target.exists():
        raise SaveRefused(f"article.id: a version of '{article_id}' already awaits review: a second editor "
                          "approves or refuses it first", "article.id")
    on_record = data / "articles" / f"{article_id}.yaml"
    new_id_at = None if on_record.exists() else on_record  # a new article: its id must not be another file's
    return _write_with_its_seed(article, seed_raw, data, target, new_id_at=new_id_at)


def _refuse_taken(article_id: str, target: Path, data: Path) -> None:
    """Never over an existing article: not its file, nor its id under another file name."""
    if target.exists():
        raise SaveRefused(f"article.id: an article file {target.name} already exists: choose another id",
                          "article.id")
    pattern = re.compile(rf"^  id: ['\"]?{re.escape(article_id)}['\"]?\s*$", re.MULTILINE)
    for path in article_files(data):
        if pattern.search(path.read_text(encoding="utf-8", errors="replace")):
            raise SaveRefused(f"article.id: {path.name} already holds an article with id '{article_id}': "
                              "choose another id", "article.id")


def _put_seed(path: Path, raw: bytes) -> Path | None:
    """The text into the seeds folder; the path when this call wrote it (None when the very
    same bytes are there already). A different text under the name is refused."""
    if path.exists():
        if path.read_bytes() != raw:
            raise SaveRefused(f"article.seed.file: seeds/{path.name} already holds another text", "article.seed")
        return None
    temp = _hidden_copy(path, raw, ".tmp")
    try:
        _give_name(temp, path)
    except FileExistsError:
        raise SaveRefused(f"article.seed.file: seeds/{path.name} was written meanwhile: save again",
                          "article.seed") from None
    finally:
        temp.unlink(missing_ok=True)
    return path


def _hidden_copy(target: Path, raw: bytes, suffix: str) -> Path:
    """The bytes beside the target under a hidden, unique name (no loader reads it), until
    _give_name gives them the target's name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name.removesuffix('.yaml')}.{secrets.token_hex(4)}{suffix}")
    temp.write_bytes(raw)
    return temp


def _give_name(temp: Path, target: Path) -> None:
    """The temporary file takes the target's name, never over an existing file: a hard link
    fails if the name was taken meanwhile (two editors saving at once); where the file
    system has no hard links, a check and os.replace."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temp, target)


def _write_validated(payload: bytes, target: Path, seeds: Path, data: Path, lists: Mapping[str, str]) -> None:
    """Write beside the target under a hidden name (no loader reads it), validate those
    bytes, then give them the target's name, refusing if it was taken meanwhile."""
    temp = _hidden_copy(target, payload, ".yaml.tmp")
    try:
        _, problems = load_article(temp, seeds, root=data)
        if problems:
            raise SaveRefused("; ".join(_for_editor(p, temp, target) for p in problems),
                              _form_field(problems[0], lists), _in_words(problems, lists))
        try:
            _give_name(temp, target)
        except FileExistsError:
            raise SaveRefused(f"article.id: an article file {target.name} already exists: choose another id",
                              "article.id") from None
    finally:
        temp.unlink(missing_ok=True)


def _lists_of(article: Mapping) -> dict[str, str]:
    """Each figure's and event's id, with the list it is in ("figures", "events")."""
    return {record["id"]: kind for kind in ("figures", "events") for record in article.get(kind) or ()
            if isinstance(record, Mapping) and "id" in record}


def _form_field(problem: DataError, lists: Mapping[str, str]) -> str:
    """The form's key for the field a validation problem names (figures.figure_1.category),
    so the page can name the field in the form's own words."""
    record = re.sub(r"^(paragraphs)\[(\d+)\]$", r"\1.\2", str(problem.record_id))  # paragraphs[0]: no id
    where = f"{record}.{SHOWN_AT.get(problem.field, problem.field)}"
    return f"{lists[record]}.{where}" if record in lists else where


def _in_words(problems: list[DataError], lists: Mapping[str, str]) -> dict[str, str]:
    """Each refused field (the form's key) with the first reason given for it, no path."""
    said: dict[str, str] = {}
    for problem in problems:
        said.setdefault(_form_field(problem, lists), problem.message)
    return said


def _for_editor(problem: DataError, temp: Path, target: Path) -> str:
    """A validation problem as the editor reads it: named after the file to be, not the temp."""
    return str(problem).replace(str(temp), target.name)


# --- new series proposed by the draft (a new party's count, or a flow beside a total) ---


def save_with_new_measures(article: Mapping, seed_raw: bytes, data: Path, save: Callable[..., Path] | None = None,
                           **save_options: object) -> Path:
    """save (save_confirmed, or save_for_review), after adding to data/measures.yaml each
    new measure the draft proposed and the editor kept for a figure (the figure names it);
    the measures file is put back as it was when the save is refused."""
    save = save or save_confirmed
    article, new = _without_proposals(article)
    path = data / MEASURES_FILE
    before = path.read_bytes() if path.exists() else None
    if new:
        _add_measures(path, before, new)
    try:
        return save(article, seed_raw, data, **save_options)
    except BaseException:
        if new and before is not None:
            _replace_bytes(path, before)
        raise


def _without_proposals(article: Mapping) -> tuple[dict, list[dict]]:
    """The article without its figures' proposed measures, and the ones its figures name."""
    article = copy.deepcopy(dict(article))
    new: dict[str, dict] = {}
    for figure in article.get("figures", []):
        proposed = figure.pop("proposed_measure", None)
        if isinstance(proposed, Mapping) and proposed.get("id") == figure.get("measure"):
            new.setdefault(str(proposed["id"]), dict(proposed))
    return article, list(new.values())


def _add_measures(path: Path, before: bytes | None, new: list[dict]) -> None:
    """Append the measures to the file's list (the file ends with it), and check the file
    still loads; refused, nothing is changed."""
    if before is None:
        raise SaveRefused(f"{MEASURES_FILE} is missing: a new measure cannot be added", "-")
    known = load_measures(path.parent)[0]
    taken = [m["id"] for m in new if m["id"] in known]
    if taken:
        raise SaveRefused(f"measure '{taken[0]}' was added meanwhile: choose it for the figure", "-")
    entries = yaml.dump(new, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    block = "".join(f"  {line}\n" for line in entries.splitlines())
    text = before.decode("utf-8").rstrip("\n") + "\n\n" + block
    _replace_bytes(path, text.encode("utf-8"))
    _, _, errors = load_measures(path.parent)
    if errors:
        _replace_bytes(path, before)
        raise SaveRefused(f"the new measure could not be added: {errors[0]}", "-")


def _replace_bytes(path: Path, raw: bytes) -> None:
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    temp.write_bytes(raw)
    os.replace(temp, path)
