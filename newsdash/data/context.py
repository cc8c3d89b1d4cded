"""Sourced context tables from other outlets, validated row by row.

Each row keeps its source title and URL. A cumulative total that falls from one date
to the next is flagged, never silently kept: either a report is wrong or it counts
something else, and an editor must see that.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from newsdash.data.measures import parties_of
from newsdash.data.placing import Placer
from newsdash.data.yamlsafe import decode_text, read_bytes
from newsdash.errors import DataError
from newsdash.reading.dates import parse_partial
from newsdash.reading.formatting import format_date
from newsdash.reading.setting import named_parties, party_names
from newsdash.textsafety import character_problem

QUALIFIERS = ("exact", "more_than", "about")
DEMINING_FILE = "mod_demining_series.csv"
RETURNS_FILE = "returns_series.csv"
EVENTS_FILE = "context_events.csv"
DEMINING_MEASURES = ("hectares", "road_km", "buildings", "explosive_objects")


def _no_hidden_characters(cls, value: object) -> object:  # noqa: ANN001
    """No cell may hold bidi controls or control characters (see newsdash.textsafety)."""
    problem = character_problem(value) if isinstance(value, str) else None
    if problem:
        raise ValueError(problem)
    return value


LATIN_LETTERS = re.compile("[A-Za-z]")


def _outlet_in_arabic(cls, value: str) -> str:  # noqa: ANN001
    """An Arabic rendering of a source names its outlet in Arabic letters ("نيوز آم", not
    "news.am"): an Arabic page never names a source in Latin script. Empty: the original."""
    if LATIN_LETTERS.search(value):
        raise ValueError(f"the Arabic source title names its outlet in Latin letters ({value!r}): "
                         "write the name in Arabic letters, as an Arabic newsroom would")
    return value


class ContextRow(BaseModel):
    """One sourced value: what, when, how sure, and who printed it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    as_of: str
    measure: str = Field(min_length=1)
    value: float = Field(ge=0)
    qualifier: str
    reported_by: str = ""
    source_title: str = Field(min_length=1)
    source_url: str = Field(pattern=r"^https?://\S+$")
    note: str = ""
    # the editors' Arabic renderings, shown on Arabic pages; the fields above keep the
    # source's own words (an empty rendering shows the original)
    reported_by_ar: str = ""
    source_title_ar: str = ""
    note_ar: str = ""

    _safe = field_validator("*")(_no_hidden_characters)
    _arabic_outlet = field_validator("source_title_ar")(_outlet_in_arabic)

    @field_validator("as_of")
    @classmethod
    def _date(cls, value: str) -> str:
        parse_partial(value)
        return value

    @field_validator("qualifier")
    @classmethod
    def _qualifier(cls, value: str) -> str:
        if value not in QUALIFIERS:
            raise ValueError(f"qualifier must be one of {', '.join(QUALIFIERS)}, got '{value}'")
        return value


class ContextEvent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    date: str
    precision: str
    event: str = Field(min_length=1)
    event_ar: str = ""  # the editors' Arabic rendering; `event` keeps the source's words
    source_title: str = Field(min_length=1)
    source_url: str = Field(pattern=r"^https?://\S+$")
    note: str = ""
    source_title_ar: str = ""  # the editors' Arabic renderings, as in ContextRow
    note_ar: str = ""

    _safe = field_validator("*")(_no_hidden_characters)
    _arabic_outlet = field_validator("source_title_ar")(_outlet_in_arabic)
    _date = field_validator("date")(ContextRow._date.__func__)

    def label(self, lang: str) -> str:
        """The Arabic rendering on Arabic pages where there is one, else the English."""
        return self.event_ar if lang == "ar" and self.event_ar else self.event


def in_language(original: str, arabic: str, lang: str) -> str:
    """The editors' Arabic rendering on an Arabic page when there is one, else the
    original words (a source title, who counted, a note)."""
    return arabic if lang == "ar" and arabic else original


# A source title as the tables write it: "news.am, 20 Dec 2021" (the outlet, then the day)
TITLE_DAY = re.compile(r"^(?P<outlet>[^,]+), (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2})[a-z]* (?P<year>\d{4})$")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def outlet_names(pairs) -> dict[str, str]:  # noqa: ANN001 - (English title, Arabic title) pairs
    """Each outlet's Arabic name as the editors wrote it in the tables: the part before the
    first comma of an Arabic title, for the same part of its English title ("news.am" ->
    "موقع نيوز آم"). An outlet written two ways keeps the first."""
    names: dict[str, str] = {}
    for english, arabic in pairs:
        if english and arabic:
            names.setdefault(english.split(",")[0].strip(), arabic.split("،")[0].strip())
    return names


def arabic_title_fallback(title: str, names: Mapping[str, str]) -> str:
    """An Arabic title for a source the editors left without one, when it can be written
    from what the tables already hold: the outlet's Arabic name, with the day in Arabic
    ("news.am, 20 Dec 2021" -> "موقع نيوز آم، ٢٠ ديسمبر ٢٠٢١"). Empty when it cannot
    (an outlet never named in Arabic, or more than an outlet and a day): the page shows the
    original then."""
    outlet = title.strip()
    day = ""
    if found := TITLE_DAY.match(outlet):
        if found["month"] not in MONTH_ABBREVIATIONS:
            return ""
        outlet = found["outlet"].strip()
        day = f"{found['year']}-{MONTH_ABBREVIATIONS.index(found['month']) + 1:02d}-{int(found['day']):02d}"
    if outlet not in names or "," in outlet:
        return ""
    return f"{names[outlet]}، {format_date(day, 'ar')}" if day else names[outlet]


def with_arabic_titles(frame: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """The rows whose Arabic title is empty given one by arabic_title_fallback where it can."""
    if frame.empty:
        return frame
    filled = [arabic or arabic_title_fallback(english, names)
              for english, arabic in zip(frame["source_title"], frame["source_title_ar"], strict=True)]
    return frame.assign(source_title_ar=filled)


MINISTRY = ("Russian defence ministry", "وزارة الدفاع الروسية")  # who reports the demining totals


@dataclass(frozen=True)
class Flag:
    """A cumulative total lower than the one reported before it."""

    measure: str
    earlier_date: str
    earlier_value: float
    later_date: str
    later_value: float
    later_source: str

    def sentence(self) -> str:
        return (f"{self.measure}: {self.later_value:,g} on {self.later_date} ({self.later_source}) "
                f"is below {self.earlier_value:,g} reported on {self.earlier_date}")


@dataclass(frozen=True)
class Context:
    demining: pd.DataFrame
    returns: pd.DataFrame
    events: tuple[ContextEvent, ...]
    flags: tuple[Flag, ...]
    sources: tuple[tuple[Path, bytes], ...] = ()  # each table read, with the bytes parsed
    totals: frozenset[str] = frozenset()  # the measures declared running totals (data/measures.yaml)


_EXTRA_CELLS = "\x00extra"  # DictReader's key for cells beyond the header's columns


def csv_rows(path: Path, raw: bytes, errors: list[DataError]) -> list[tuple[int, dict]]:
    """(line number, row) pairs; line 1 is the header. A row whose cell count differs
    from the header's is reported and left out: its cells cannot be trusted to their column."""
    reader = csv.DictReader(io.StringIO(decode_text(path, raw), newline=""), restkey=_EXTRA_CELLS, strict=True)
    rows = []
    try:
        for row in reader:
            if _EXTRA_CELLS in row or None in row.values():
                cells = sum(v is not None for k, v in row.items() if k != _EXTRA_CELLS)
                cells += len(row.get(_EXTRA_CELLS, []))
                message = f"the row has {cells} cells; the header has {len(reader.fieldnames)} columns"
                errors.append(DataError(str(path), message, reader.line_num, f"row {reader.line_num}"))
            else:
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise DataError(str(path), f"CSV error: {exc}", reader.line_num + 1) from None  # the line being read
    if reader.fieldnames is None:
        raise DataError(str(path), "the table is empty: it needs at least its header row", 1)
    return rows


def _validated(path: Path, rows, model, errors: list[DataError], measures=None, columns=None) -> list:  # noqa: ANN001
    """The rows that pass the model; with `measures` (data/measures.yaml), a row must also
    name one of them, and who reported it must be that measure's party (a row naming
    another party's agency is another series). `columns(row)` names the file's column of
    a model field where they differ (the wide ministry table), so an error names the cell."""
    good = []
    for line, row in rows:
        try:
            record = model.model_validate(row)
            if measures is not None and record.measure not in measures:
                message = f"no measure '{record.measure}' in measures.yaml (add it there first)"
                errors.append(DataError(str(path), message, line, f"row {line}", "measure"))
                continue
            if measures is not None and (problem := _party_problem(record, measures)):
                errors.append(DataError(str(path), problem, line, f"row {line}", "reported_by"))
                continue
            good.append(record)
        except ValidationError as exc:
            placed = Placer(str(path), lines={(): line}, record=f"row {line}", unknown="unknown column").validation_errors(exc)
            names = columns(row) if columns else {}
            errors += [replace(e, field=names.get(e.field, e.field)) for e in placed]
    return good


def demining_cell(row: dict) -> dict[str, str]:
    """The wide table's column of each per-measure field of a long row."""
    measure = row.get("measure", "")
    return {"value": measure, "qualifier": f"{measure}_qualifier", "note": f"{measure}_note",
            "note_ar": f"{measure}_note_ar"}


def header_of(path: Path, raw: bytes) -> list[str]:
    """The table's first row (its column names)."""
    return next(csv.reader(io.StringIO(decode_text(path, raw), newline="")), [])


def _party_problem(row: ContextRow, measures) -> str | None:  # noqa: ANN001
    """Why the row's reported_by is not its measure's party (None when it is, or when it
    names no party the data knows)."""
    parties = parties_of(measures)
    if not parties or not row.reported_by:
        return None
    named = {pid for _, _, pid in named_parties(row.reported_by, party_names(parties))}
    measure = measures[row.measure]
    if not named or measure.party in named:
        return None
    return (f"reported by '{row.reported_by}' ({', '.join(sorted(named))}) but measure '{row.measure}' is "
            f"counted by '{measure.party}': one party's count is its own series")


def demining_columns() -> tuple[str, ...]:
    """The wide ministry table's columns: each measure's value and qualifier, the report's
    source, then each measure's note and its Arabic rendering (a note concerns one measure:
    it reaches that measure's chart and CSV only)."""
    values = [c for m in DEMINING_MEASURES for c in (m, f"{m}_qualifier")]
    notes = [f"{m}_note" for m in DEMINING_MEASURES] + [f"{m}_note_ar" for m in DEMINING_MEASURES]
    return ("as_of", *values, "source_title", "source_url", "source_title_ar", *notes)


def demining_header_errors(path: Path, header: list[str] | None) -> list[DataError]:
    """A column the wide table does not know is refused rather than silently ignored; a
    row-wide `note` names the per-measure columns that replaced it."""
    errors, known = [], set(demining_columns())
    for column in header or []:
        if column in known:
            continue
        if column in ("note", "note_ar"):
            suffix = column.removeprefix("note")
            message = ("a note concerns one measure: write it in that measure's column ("
                       + ", ".join(f"{m}_note{suffix}" for m in DEMINING_MEASURES) + ")")
        else:
            message = "unknown column (known: " + ", ".join(demining_columns()) + ")"
        errors.append(DataError(str(path), message, 1, "header", column))
    return errors


def _demining_long(path: Path, rows: list[tuple[int, dict]], errors: list[DataError]) -> list[tuple[int, dict]]:
    """The wide ministry table as one row per measure, each with its own note; empty cells
    mean no figure, and a note on a figure the report did not give is an error."""
    long = []
    for line, row in rows:
        common = {k: row.get(k) or "" for k in ("source_title", "source_url", "source_title_ar")}
        for measure in DEMINING_MEASURES:
            notes = {"note": row.get(f"{measure}_note") or "", "note_ar": row.get(f"{measure}_note_ar") or ""}
            if (row.get(measure) or "").strip():
                long.append((line, {"as_of": row.get("as_of", ""), "measure": measure,
                                    "value": row[measure], "reported_by": MINISTRY[0], "reported_by_ar": MINISTRY[1],
                                    "qualifier": row.get(f"{measure}_qualifier", ""), **common, **notes}))
            elif any(notes.values()):
                message = "a note on a figure the report did not give (the empty cell says so already)"
                field = f"{measure}_note" if notes["note"] else f"{measure}_note_ar"
                errors.append(DataError(str(path), message, line, f"row {line}", field))
    return long


def find_falls(frame: pd.DataFrame, totals: frozenset[str] | set[str]) -> list[Flag]:
    """Flag every value of a running total (a measure of `totals`) below the previous one
    of the same measure; a flow or a count on a date may fall."""
    flags = []
    for measure, group in frame.sort_values("as_of").groupby("measure", sort=False):
        if str(measure) not in totals:
            continue
        previous = None
        for row in group.itertuples():
            if previous is not None and row.value < previous.value:
                flags.append(Flag(str(measure), previous.as_of, previous.value, row.as_of,
                                  row.value, row.source_title))
            previous = row
    return flags


def running_totals(measures) -> frozenset[str]:  # noqa: ANN001
    """The ids of the measures declared running totals (kind: total); none without measures."""
    return frozenset(mid for mid, m in (measures or {}).items() if getattr(m, "kind", None) == "total")


def is_cumulative(measure: str, totals: frozenset[str] | set[str]) -> bool:
    """A running total by its measure's declared kind, never by its name."""
    return measure in totals


def _frame(rows: list[ContextRow]) -> pd.DataFrame:
    columns = list(ContextRow.model_fields)
    return pd.DataFrame([r.model_dump() for r in rows], columns=columns)


def load_context(context_dir: Path, measures=None) -> tuple[Context, list[DataError]]:  # noqa: ANN001
    """Read the three tables; a missing table is an error, a bad row is skipped and reported.

    Only regular files inside the data folder (context_dir's parent) are read. With
    `measures` (data/measures.yaml), a row naming another measure, or reported by another
    party than its measure's, is an error, and a running total that falls is flagged."""
    errors: list[DataError] = []
    tables, sources = {}, []
    for name in (DEMINING_FILE, RETURNS_FILE, EVENTS_FILE):
        try:
            raw = read_bytes(context_dir / name, root=context_dir.parent)
            sources.append((context_dir / name, raw))
            tables[name] = csv_rows(context_dir / name, raw, errors)
            if name == DEMINING_FILE:
                errors += demining_header_errors(context_dir / name, header_of(context_dir / name, raw))
        except FileNotFoundError:
            errors.append(DataError(str(context_dir / name), "context table not found"))
            tables[name] = []
        except DataError as error:
            errors.append(error)
            tables[name] = []
    demining_rows = _demining_long(context_dir / DEMINING_FILE, tables[DEMINING_FILE], errors)
    demining = _frame(_validated(context_dir / DEMINING_FILE, demining_rows, ContextRow, errors, measures,
                                 demining_cell))
    returns = _frame(_validated(context_dir / RETURNS_FILE, tables[RETURNS_FILE], ContextRow, errors, measures))
    events = tuple(_validated(context_dir / EVENTS_FILE, tables[EVENTS_FILE], ContextEvent, errors))
    # a source the editors left without an Arabic title: the outlet's Arabic name and the day in Arabic
    names = outlet_names([*zip(demining["source_title"], demining["source_title_ar"], strict=True),
                          *zip(returns["source_title"], returns["source_title_ar"], strict=True),
                          *((e.source_title, e.source_title_ar) for e in events)])
    demining, returns = with_arabic_titles(demining, names), with_arabic_titles(returns, names)
    events = tuple(e if e.source_title_ar else e.model_copy(
        update={"source_title_ar": arabic_title_fallback(e.source_title, names)}) for e in events)
    totals = running_totals(measures)
    flags = tuple(find_falls(demining, totals) + find_falls(returns, totals))
    return Context(demining, returns, events, flags, tuple(sources), totals), errors
