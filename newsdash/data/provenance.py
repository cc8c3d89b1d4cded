"""Proving that every figure and event comes from the seed's own words.

A quote must stand in the seed exactly once (so its offsets are unambiguous); the
number it states, read with its multiplier word, must equal the figure's value; its
qualifier words ("more than", "about") must match the figure's qualifier; an event's
quote must name its date. Anything else is an error: nothing is shown unproven.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from newsdash.reading.candidates import reads_date, reads_figure
from newsdash.reading.dates import parse_partial
from newsdash.reading.months import months_in
from newsdash.reading.numbers import qualifier_of, read_numbers, to_western_digits

YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
GAP = re.compile(r"[\s/،,]*")
DAY_BEFORE = re.compile(r"(?<!\d)(\d{1,2})\s*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class ProvenanceProblem(ValueError):
    """Why a quote does not prove its record; the loader places it at `field`."""

    def __init__(self, message: str, field: str = "quote"):
        super().__init__(message)
        self.field = field


def sha256_text(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def locate(quote: str, seed: str) -> Span:
    """The quote's character offsets in the seed; it must occur exactly once."""
    count = seed.count(quote)
    if count == 0:
        raise ProvenanceProblem("quote not found in the source text")
    if count > 1:
        raise ProvenanceProblem(f"quote occurs {count} times in the source text; lengthen it")
    start = seed.index(quote)
    return Span(start, start + len(quote))


def check_value(quote: str, value: float, qualifier: str) -> None:
    """The quote states this value, with this qualifier, and no other number."""
    readings = [r for r in read_numbers(quote) if not _is_year(quote, r)]
    if not readings:
        raise ProvenanceProblem("the quote states no number")
    stated = [r.value for r in readings]
    if len(stated) > 1:
        raise ProvenanceProblem(f"the quote states several numbers {_fmt(stated)}; shorten it")
    if stated[0] != value:
        raise ProvenanceProblem(
            f"value {_fmt([value])} disagrees with the quote, which says {_fmt(stated)}", "value"
        )
    said = qualifier_of(quote)
    if said != qualifier:
        raise ProvenanceProblem(
            f"qualifier '{qualifier}' disagrees with the quote, which says '{said}'", "qualifier"
        )


def check_figure(quote: str, value: float, qualifier: str, value_max: float | None = None) -> None:
    """check_value first; where it cannot prove the quote (numbers in words, ranges,
    "less than", a year beside the number) the extractor's fuller grammar may: the quote,
    read on its own, must state exactly this one figure. Its errors stay check_value's."""
    problem = None
    if value_max is None and qualifier in ("exact", "more_than", "about"):
        try:
            check_value(quote, value, qualifier)
            return
        except ProvenanceProblem as exc:
            problem = exc
    if reads_figure(quote, value, qualifier, value_max):
        return
    stated = _fmt([value]) + (f" to {_fmt([value_max])}" if value_max is not None else "")
    raise problem or ProvenanceProblem(f"the quote does not state {qualifier} {stated}", "value")


def check_event_date(quote: str, date: str, published: str | None = None) -> None:
    """check_date first; a quote without its year ("9 نوفمبر", "العام الماضي") proves the
    date when read against the article's publication date."""
    try:
        check_date(quote, date)
    except ProvenanceProblem:
        if published and reads_date(quote, date, published):
            return
        raise


def check_date(quote: str, date: str) -> None:
    """The quote names the event's year, month and (for a day) the day."""
    year, month, day = parse_partial(date)
    plain = to_western_digits(quote)
    if str(year) not in YEAR.findall(plain):
        raise ProvenanceProblem(f"the quote does not name the year {year}", "date")
    if month is None:
        return
    named = months_in(plain)
    if month not in {m for m, _, _ in named}:
        raise ProvenanceProblem(f"the quote does not name month {month}", "date")
    if day is not None and day not in _days_before_months(plain, named):
        raise ProvenanceProblem(f"the quote does not name day {day}", "date")


def _days_before_months(text: str, named: list[tuple[int, int, int]]) -> set[int]:
    days = set()
    for _, start, _ in named:
        match = DAY_BEFORE.search(text[:start])
        if match:
            days.add(int(match.group(1)))
    return days


def _is_year(quote: str, reading) -> bool:  # noqa: ANN001
    """A four-digit number right after a month name is a year, not a figure."""
    plain = to_western_digits(quote)
    token = plain[reading.start : reading.end]
    if not YEAR.fullmatch(token):
        return False
    return any(GAP.fullmatch(plain[end : reading.start]) for _, _, end in months_in(plain))


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:,.0f}" if float(v).is_integer() else f"{v:,}" for v in values)
