"""Proving that every figure and event comes from the seed's own words.

A quote must stand in the seed exactly once (so its offsets are unambiguous); read on
its own by the reading grammar (newsdash.reading, the one the extractor uses too), it
must state exactly the figure's value and qualifier ("more than", "about"), or name the
event's date. Anything else is an error: nothing is shown unproven.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsdash.reading.candidates import extract
from newsdash.reading.dates import parse_partial


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


def check_figure(quote: str, value: float, qualifier: str, value_max: float | None = None) -> None:
    """The quote, read on its own by the reading grammar (newsdash.reading, the same one the
    extractor uses), states exactly this one figure: this value, range maximum and qualifier."""
    stated = extract(quote).figures
    if not stated:
        raise ProvenanceProblem("the quote states no number")
    if len(stated) > 1:
        raise ProvenanceProblem(f"the quote states several numbers {_fmt([f.value for f in stated])}; shorten it")
    said = stated[0]
    if (said.value, said.value_max) != (value, value_max):
        raise ProvenanceProblem(f"value {_amount(value, value_max)} disagrees with the quote, which says "
                                f"{_amount(said.value, said.value_max)}", "value")
    if said.qualifier != qualifier:
        raise ProvenanceProblem(
            f"qualifier '{qualifier}' disagrees with the quote, which says '{said.qualifier}'", "qualifier"
        )


def check_event_date(quote: str, date: str, published: str | None = None) -> None:
    """The quote names the event's date, at least as precisely as the record gives it (a
    quote naming 10 November 2020 proves "2020-11"). A quote without its year ("9 نوفمبر",
    "العام الماضي") is read against the article's publication date."""
    named = [e.date for e in extract(quote, published).events if e.date]
    if any(found == date or found.startswith(date + "-") for found in named):
        return
    year, month, day = parse_partial(date)
    if not any(found.startswith(f"{year:04d}") for found in named):
        raise ProvenanceProblem(f"the quote does not name the year {year}", "date")
    if month is not None and not any(found.startswith(f"{year:04d}-{month:02d}") for found in named):
        raise ProvenanceProblem(f"the quote does not name month {month}", "date")
    raise ProvenanceProblem(f"the quote does not name day {day}", "date")


def _amount(value: float, value_max: float | None) -> str:
    return _fmt([value]) + (f" to {_fmt([value_max])}" if value_max is not None else "")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:,.0f}" if float(v).is_integer() else f"{v:,}" for v in values)
