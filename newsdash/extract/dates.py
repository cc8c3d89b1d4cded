"""Dates as wire copy writes them, at the precision the text gives them.

"9 تشرين الثاني/ نوفمبر 2020" is a day; "أيلول/سبتمبر 2020" a month; "عام 2020" and
"العام الماضي" a year. A date without a year ("في 9 نوفمبر", "last year") is resolved
against the publication date and says so (``basis: published``); without a
publication date it keeps ``date: None`` rather than a guessed year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from newsdash.extract.lexicon import (
    MONTH_NEXT,
    MONTH_PAST,
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    UNIT_WORDS,
    YEAR_CUES,
)
from newsdash.extract.normalize import Normalized, fold
from newsdash.extract.spans import SpanSet
from newsdash.months import ABBREVIATIONS, MONTH_NUMBER

MONTHS = {fold(name): number for name, number in MONTH_NUMBER.items()}
ABBREVIATED = {fold(name) for name in ABBREVIATIONS}
ENGLISH_MONTHS = {name for name in MONTHS if name.isascii()}


def _alternation(words) -> str:  # noqa: ANN001
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") + (r"\.?" if w in ABBREVIATED else "") for w in ordered)


MONTH_NAMES = _alternation(MONTHS)
MONTH = re.compile(
    rf"(?<![^\W\d_])(?P<m1>{MONTH_NAMES})(?![^\W\d_])"
    rf"(?:\s*[/(\-–—]\s*(?P<m2>{MONTH_NAMES})(?![^\W\d_])(?:\s*\))?)?"
)
YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?!\d)(?:\s*[ءم](?![^\W\d_]))?"
DAY_BEFORE = re.compile(r"(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:من\s+|of\s+)?(?:شهر\s+)?$")
DAY_AFTER = re.compile(r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]\d)(?!\d)")
YEAR_AFTER = re.compile(r"[\s,،]*(?:من\s+)?(?:عام|العام|سنه|لعام|of)?\s*" + YEAR)
MONTH_PAST_NEXT = re.compile(
    r"\s+(?:من\s+)?(?:(?P<past>" + "|".join(map(fold, MONTH_PAST)) + ")|(?P<next>"
    + "|".join(map(fold, MONTH_NEXT)) + r"))(?![^\W\d_])"
)
RELATIVE_YEAR_AFTER = re.compile(
    r"[\s,،]*(?:من\s+|of\s+)?(?P<phrase>"
    + "|".join(re.escape(fold(p)) for ps in RELATIVE_YEARS.values() for p in ps) + r")(?![^\W\d_])"
)
YEAR_OFFSET = {fold(p): offset for offset, ps in RELATIVE_YEARS.items() for p in ps}
ENGLISH_BEFORE = re.compile(r"(?<![^\W\d_])(?P<rel>last|next|this)\s+$")
CUE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(map(fold, YEAR_CUES + ("شهر", "اوايل", "اواخر", "منتصف", "بدايه", "mid")))
    + r")\s+$"
)
YEAR_WITH_CUE = re.compile(
    r"(?<![^\W\d_])(?P<cue>" + "|".join(re.escape(fold(c)) for c in YEAR_CUES) + r")\s+" + YEAR
)
YEAR_WITH_ERA = re.compile(r"(?<![\d.,])(?P<year>(?:1[89]|20)\d{2})\s*[ءم](?![^\W\d_])")
HIJRI_AFTER = re.compile(r"\s*ه(?:ـ|\s|$|\W)")
WORD_AFTER = re.compile(r"\s*([^\W\d_]+)")


@dataclass(frozen=True)
class DateMatch:
    """A date found in the folded text; ``date`` is ISO at its precision, or None."""

    date: str | None
    precision: str
    start: int
    end: int
    basis: str = "stated"  # or "published": the year (or more) came from the publication date


def find_dates(norm: Normalized, published: date | None) -> list[DateMatch]:
    """Every date in the text (folded offsets), the longest reading where two overlap."""
    text = norm.text
    found = [d for m in MONTH.finditer(text) if _capitalised(norm, m) and (d := _month_date(text, m, published))]
    found += _years_with_cue(text) + _relative_phrases(text, published)
    return _longest_first(found)


def _longest_first(found: list[DateMatch]) -> list[DateMatch]:
    kept, taken = [], SpanSet()
    for match in sorted(found, key=lambda d: d.start - d.end):
        if taken.add(match.start, match.end):
            kept.append(match)
    return sorted(kept, key=lambda d: d.start)


def _capitalised(norm: Normalized, match: re.Match) -> bool:
    """English month names are capitalised in wire copy; "may" and "march" are words too."""
    if not match.group("m1").isascii():
        return True
    return norm.original[norm.origin[match.start()]].isupper()


def _month_date(text: str, match: re.Match, published: date | None) -> DateMatch | None:
    month = MONTHS[_name(match.group("m1"))]
    end = match.end() if _same_month(match, month) else match.end("m1")
    start = match.start()
    day_match = DAY_BEFORE.search(text, max(0, start - 12), start)
    day = int(day_match.group("day")) if day_match else None
    if day_match:
        start = day_match.start()
    elif (after := DAY_AFTER.match(text, end)) and _name(match.group("m1")) in ENGLISH_MONTHS:
        day, end = int(after.group("day")), after.end()
    year_match = YEAR_AFTER.match(text, end)
    if year_match and not HIJRI_AFTER.match(text, year_match.end("year")):
        return _dated(start, year_match.end(), int(year_match.group("year")), month, day)
    return _month_without_year(text, match, start, end, month, day, published)


def _name(found: str) -> str:
    return re.sub(r"\s+", " ", found).rstrip(".")


def _same_month(match: re.Match, month: int) -> bool:
    second = match.group("m2")
    return second is not None and MONTHS[_name(second)] == month


def _dated(start: int, end: int, year: int, month: int, day: int | None, basis: str = "stated") -> DateMatch:
    if day is not None and 1 <= day <= calendar.monthrange(year, month)[1]:
        return DateMatch(f"{year:04d}-{month:02d}-{day:02d}", "day", start, end, basis)
    return DateMatch(f"{year:04d}-{month:02d}", "month", start, end, basis)


def _month_without_year(text, match, start, end, month, day, published):  # noqa: ANN001, ANN202, PLR0913
    """"نوفمبر الماضي", "last November", "9 نوفمبر": the year comes from publication."""
    of_year = RELATIVE_YEAR_AFTER.match(text, end)
    relative = None if of_year else MONTH_PAST_NEXT.match(text, end)
    english = ENGLISH_BEFORE.search(text, max(0, match.start() - 6), match.start())
    direction = _direction(relative, english)
    end = (of_year or relative).end() if (of_year or relative) else end
    start = english.start() if english and day is None else start
    if day is None and direction is None and not of_year and not _month_alone_ok(text, match):
        return None
    if published is None:
        return DateMatch(None, "day" if day else "month", start, end, "published")
    if of_year:
        year = published.year + YEAR_OFFSET[re.sub(r"\s+", " ", of_year.group("phrase"))]
    else:
        year = _year_for(published, month, day, direction)
    return _dated(start, end, year, month, day, basis="published")


def _direction(relative: re.Match | None, english: re.Match | None) -> str | None:
    if relative:
        return "past" if relative.group("past") else "next"
    if english:
        return {"last": "past", "next": "next", "this": "this"}[english.group("rel")]
    return None


def _month_alone_ok(text: str, match: re.Match) -> bool:
    """A month name with no day or year is a date only after a cue ("في نوفمبر", "in May"),
    and never an abbreviation: "مارس" is also a verb, "may" a modal."""
    name = _name(match.group("m1"))
    if name in ABBREVIATED:
        return False
    return bool(CUE_BEFORE.search(text, max(0, match.start() - 12), match.start()))


def _year_for(published: date, month: int, day: int | None, direction: str | None) -> int:
    """The latest such month on or before publication, unless the text says "next"."""
    stated = (month, day or 1)
    if direction == "this":
        return published.year
    if direction == "next":
        return published.year if stated > (published.month, published.day) else published.year + 1
    if direction == "past":
        return published.year if month < published.month else published.year - 1
    return published.year if stated <= (published.month, published.day) else published.year - 1


def _years_with_cue(text: str) -> list[DateMatch]:
    """"عام 2020", "in 2019", "2021ء": a year, unless a unit follows ("في 2020 مبنى")."""
    found = []
    for match in list(YEAR_WITH_CUE.finditer(text)) + list(YEAR_WITH_ERA.finditer(text)):
        after = WORD_AFTER.match(text, match.end())
        if after and after.group(1).removeprefix("ال") in UNIT_WORDS:
            continue
        if HIJRI_AFTER.match(text, match.end("year")):
            continue
        found.append(DateMatch(match.group("year"), "year", match.start(), match.end()))
    return found


def _relative_phrases(text: str, published: date | None) -> list[DateMatch]:
    """"العام الماضي" / "last year" (a year), "الشهر الماضي" / "last month" (a month)."""
    found = []
    for tables, precision in ((RELATIVE_YEARS, "year"), (RELATIVE_MONTHS, "month")):
        for offset, phrases in tables.items():
            pattern = r"(?<![^\W\d_])(?:" + "|".join(re.escape(fold(p)) for p in phrases) + r")(?![^\W\d_])"
            for match in re.finditer(pattern, text):
                iso = _shifted(published, offset, precision) if published else None
                found.append(DateMatch(iso, precision, match.start(), match.end(), "published"))
    return found


def _shifted(published: date, offset: int, precision: str) -> str:
    if precision == "year":
        return f"{published.year + offset:04d}"
    months = published.year * 12 + published.month - 1 + offset
    return f"{months // 12:04d}-{months % 12 + 1:02d}"
