"""Dates as the text gives them: a day, a month or only a year."""

from __future__ import annotations

import calendar
import re
from datetime import date

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISION_BY_PARTS = {1: "year", 2: "month", 3: "day"}


def parse_partial(text: str) -> tuple[int, int | None, int | None]:
    """Split 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' into parts, refusing impossible dates."""
    match = PARTIAL_DATE.match(str(text))
    if not match:
        raise ValueError(f"'{text}' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(p) if p else None for p in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"'{text}' is not a day of that month")
    return year, month, day


def precision_of(text: str) -> str:
    """'day', 'month' or 'year', by how much of the date is given."""
    parts = [p for p in parse_partial(text) if p is not None]
    return PRECISION_BY_PARTS[len(parts)]


def span_of(text: str) -> tuple[date, date]:
    """First and last day that a partial date can mean (a month spans the month)."""
    year, month, day = parse_partial(text)
    if day is not None:
        return date(year, month, day), date(year, month, day)
    if month is not None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)
