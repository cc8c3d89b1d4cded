"""Assisted curation: candidate figures and dated events in a new article.

``extract(text, published)`` reads UTF-8 Arabic or English wire copy and returns what an
editor would curate by hand: figures (value, range maximum, qualifier, a unit guessed
from the noun after the number) and events (ISO date at the precision the text gives),
each with its verbatim quote and character offsets in the text. Candidates are
suggestions for an editor to confirm, never data the dashboard shows on its own.
Pure logic: no streamlit here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

import yaml

from newsdash.extract.dates import DateMatch, find_dates
from newsdash.extract.figures import FigureMatch, find_figures
from newsdash.extract.lexicon import UNIT_WORDS
from newsdash.extract.normalize import Normalized, normalize
from newsdash.extract.numerals import read_numerals

KNOWN_UNITS = frozenset(UNIT_WORDS.values())
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
DATELINE_CHARS = 600


@dataclass(frozen=True)
class FigureCandidate:
    value: int | float
    value_max: int | float | None
    qualifier: str  # exact, more_than, less_than, about, range
    unit: str | None  # an English unit name we know, else the noun as written
    quote: str
    start: int
    end: int

    @property
    def unit_known(self) -> bool:
        return self.unit in KNOWN_UNITS


@dataclass(frozen=True)
class EventCandidate:
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when the year is unknown
    date_precision: str  # day, month, year
    quote: str
    start: int
    end: int
    basis: str  # "stated" in the text, or resolved against the "published" date


@dataclass(frozen=True)
class Extraction:
    language: str
    published: str | None
    figures: tuple[FigureCandidate, ...]
    events: tuple[EventCandidate, ...]

    def as_dict(self) -> dict:
        figures = [_figure_dict(f) for f in self.figures]
        return {"language": self.language, "published": self.published,
                "figures": figures, "events": [asdict(e) for e in self.events]}


def _figure_dict(figure: FigureCandidate) -> dict:
    record = asdict(figure)
    if figure.value_max is None:
        del record["value_max"]
    return record


def extract(text: str, published: date | str | None = None) -> Extraction:
    """Candidate figures and events of a text; dates without a year need ``published``."""
    when = date.fromisoformat(published) if isinstance(published, str) else published
    norm = normalize(text)
    dates = find_dates(norm, when)
    figures = find_figures(norm.text, read_numerals(norm.text), dates)
    return Extraction(
        language_of(text), when.isoformat() if when else None,
        tuple(_figure(norm, f) for f in figures), tuple(_event(norm, d) for d in dates),
    )


def to_yaml(extraction: Extraction) -> str:
    return yaml.safe_dump(extraction.as_dict(), allow_unicode=True, sort_keys=False, width=100)


def language_of(text: str) -> str:
    """"ar" when Arabic letters outnumber Latin ones, else "en"."""
    return "ar" if len(ARABIC_LETTER.findall(text)) >= len(LATIN_LETTER.findall(text)) else "en"


def guess_published(text: str) -> date | None:
    """The dateline: the first full date the text states near its start, if any."""
    for event in extract(text[:DATELINE_CHARS]).events:
        if event.basis == "stated" and event.date_precision == "day":
            return date.fromisoformat(event.date)
    return None


def reads_figure(quote: str, value: float, qualifier: str, value_max: float | None = None) -> bool:
    """The quote, read on its own, states exactly this one figure."""
    figures = extract(quote).figures
    return len(figures) == 1 and (figures[0].value, figures[0].value_max, figures[0].qualifier) == (
        value, value_max, qualifier)


def reads_date(quote: str, iso: str, published: date | str | None) -> bool:
    """The quote, read on its own against the publication date, states exactly this date."""
    events = extract(quote, published).events
    return len(events) == 1 and events[0].date == iso


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


def _figure(norm: Normalized, match: FigureMatch) -> FigureCandidate:
    start, end = norm.span(match.start, match.end)
    unit = match.unit
    if unit is None and match.unit_span:
        unit = norm.original[slice(*norm.span(*match.unit_span))].lower()
    return FigureCandidate(_number(match.value), _number(match.value_max), match.qualifier, unit,
                           norm.original[start:end], start, end)


def _event(norm: Normalized, match: DateMatch) -> EventCandidate:
    start, end = norm.span(match.start, match.end)
    return EventCandidate(match.date, match.precision, norm.original[start:end], start, end, match.basis)
