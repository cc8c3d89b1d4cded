"""Dates as wire copy writes them, at the precision the text gives them.

"9 تشرين الثاني/ نوفمبر 2020" is a day; "أيلول/سبتمبر 2020" a month; "عام 2020" and
"العام الماضي" a year. A date without a year ("في 9 نوفمبر", "last year") is resolved
against the publication date and says so (``basis: published``); without a
publication date it keeps ``date: None`` rather than a guessed year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from newsdash.reading.lexicon import (
    MONTH_NEXT,
    MONTH_PAST,
    MONTH_THIS,
    ORDINAL_DAYS,
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    SAME_MONTH,
    SEASONS,
    UNIT_WORDS,
    YEAR_CUES,
)
from newsdash.reading.months import ABBREVIATIONS, MONTH_NUMBER
from newsdash.reading.normalize import Normalized, fold
from newsdash.reading.spans import SpanSet

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
    + "|".join(map(fold, MONTH_NEXT)) + ")|(?P<this>" + "|".join(map(fold, MONTH_THIS)) + r"))(?![^\W\d_])"
)
ORDINAL_ALTS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ORDINAL_DAYS, key=len, reverse=True))
# "الخامس من كانون الأول" (the fifth of December): the day as an ordinal word before the month
ORDINAL_DAY_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:يوم\s+)?[وبلف]?(?P<ord>{ORDINAL_ALTS})\s+(?:من\s+)?(?:شهر\s+)?$"
)
# "السابع من الشهر نفسه", "في 7 من الشهر الجاري": a day of a month named by reference
_SAME = "|".join(re.escape(fold(p)).replace(r"\ ", r"\s+") for p in SAME_MONTH)
_REFERENCE = "|".join(re.escape(fold(p)).replace(r"\ ", r"\s+")
                      for offset, ps in RELATIVE_MONTHS.items() for p in ps if not p.isascii())
DAY_OF_REFERENCED_MONTH = re.compile(
    rf"(?<![^\W\d_])(?:(?P<ord>{ORDINAL_ALTS})|(?<![\d.,])(?P<day>[0-3]?\d)(?!\d))\s+من\s+"
    rf"(?:(?P<same>{_SAME})|(?P<rel>{_REFERENCE}))(?![^\W\d_])"
)
WORD_BEFORE_ORDINAL = re.compile(r"([^\W\d_]+)\s+$")
NOT_A_DAY = frozenset(fold(w) for w in ("الأسبوع", "النصف", "الربع", "الثلث", "العشر", "الأيام", "الأسابيع",
                                        "الفصل", "الشطر", "week", "half", "quarter"))
SEASON_YEAR = re.compile(
    r"(?<![^\W\d_])(?P<season>" + "|".join(map(fold, SEASONS))
    + r")\s+(?:of\s+|من\s+)?(?:عام\s+|العام\s+)?" + r"(?P<year>(?:1[89]|20)\d{2})(?!\d)"
)
RELATIVE_YEAR_AFTER = re.compile(
    r"[\s,،]*(?:من\s+|of\s+)?(?P<phrase>"
    + "|".join(re.escape(fold(p)) for ps in RELATIVE_YEARS.values() for p in ps) + r")(?![^\W\d_])"
)
YEAR_OFFSET = {fold(p): offset for offset, ps in RELATIVE_YEARS.items() for p in ps}
ENGLISH_BEFORE = re.compile(r"(?<![^\W\d_])(?P<rel>last|next|this(?P<past>\s+past)?)\s+$")
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
    how: tuple[str, ...] = ()  # the rules that read it (i18n why_<rule>)

    def _with(self, how: tuple[str, ...]) -> DateMatch:
        return replace(self, how=tuple(dict.fromkeys(self.how + how)))


def find_dates(norm: Normalized, published: date | None) -> list[DateMatch]:
    """Every date in the text (folded offsets), the longest reading where two overlap."""
    text = norm.text
    found = [d for m in MONTH.finditer(text) if _capitalised(norm, m) and (d := _month_date(text, m, published))]
    found += _years_with_cue(text) + _relative_phrases(text, published) + _seasons(text)
    kept = _longest_first(found)
    return _longest_first(kept + _days_of_referenced_months(text, kept, published))


def _seasons(text: str) -> list[DateMatch]:
    """"the spring of 2019", "صيف 2020": the text gives the year, and no month."""
    return [DateMatch(m.group("year"), "year", m.start(), m.end(), how=("season",)) for m in SEASON_YEAR.finditer(text)]


def _days_of_referenced_months(text: str, dates: list[DateMatch], published: date | None) -> list[DateMatch]:
    """"في السابع من الشهر نفسه": the month the text named last; "من الشهر الجاري": the
    month of publication. Both keep the day."""
    found, previous, month = [], 0, None
    for match in DAY_OF_REFERENCED_MONTH.finditer(text):
        day = ORDINAL_DAYS[_name(match.group("ord"))] if match.group("ord") else int(match.group("day"))
        how = ("ordinal_day",) if match.group("ord") else ()
        if match.group("same"):
            while previous < len(dates) and dates[previous].end <= match.start():
                month = _month_of(dates[previous]) or month
                previous += 1
            if month:
                found.append(_dated(match.start(), match.end(), *month, day, "context")._with(
                    how + ("month_from_context",)))
        elif published:
            offset = {fold(p): o for o, ps in RELATIVE_MONTHS.items() for p in ps}[_name(match.group("rel"))]
            months = published.year * 12 + published.month - 1 + offset
            found.append(_dated(match.start(), match.end(), months // 12, months % 12 + 1, day, "published")._with(
                how + ("relative_month",)))
    return found


def _month_of(earlier: DateMatch) -> tuple[int, int] | None:
    """Year and month of a date known at least to the month."""
    if earlier.date and earlier.precision in ("day", "month"):
        return int(earlier.date[:4]), int(earlier.date[5:7])
    return None


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
    ordinal = None if day_match else ORDINAL_DAY_BEFORE.search(text, max(0, start - 40), start)
    if ordinal and _names_a_part(text, ordinal.start("ord")):
        ordinal = None
    day = int(day_match.group("day")) if day_match else None
    how: tuple[str, ...] = ()
    if day_match:
        start = day_match.start()
    elif ordinal:  # "الخامس من كانون الأول": the fifth of December
        day, start, how = ORDINAL_DAYS[_name(ordinal.group("ord"))], ordinal.start("ord"), ("ordinal_day",)
    elif (after := DAY_AFTER.match(text, end)) and _name(match.group("m1")) in ENGLISH_MONTHS:
        day, end = int(after.group("day")), after.end()
    year_match = YEAR_AFTER.match(text, end)
    if year_match and not HIJRI_AFTER.match(text, year_match.end("year")):
        return _dated(start, year_match.end(), int(year_match.group("year")), month, day)._with(
            ("as_written", *how))
    found = _month_without_year(text, match, start, end, month, day, published)
    return found._with(how) if found else None


def _names_a_part(text: str, start: int) -> bool:
    """"الأسبوع الأول من نوفمبر" is the first week, not the first day."""
    before = WORD_BEFORE_ORDINAL.search(text, max(0, start - 20), start)
    return bool(before) and before.group(1) in NOT_A_DAY


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
    english = ENGLISH_BEFORE.search(text, max(0, match.start() - 12), match.start())
    direction = _direction(relative, english)
    end = (of_year or relative).end() if (of_year or relative) else end
    start = english.start() if english and day is None else start
    if day is None and direction is None and not of_year and not _month_alone_ok(text, match):
        return None
    how = ("year_from_published",) + (("month_this",) if direction == "this" else ())
    if published is None:
        return DateMatch(None, "day" if day else "month", start, end, "published", how)
    if of_year:
        year = published.year + YEAR_OFFSET[re.sub(r"\s+", " ", of_year.group("phrase"))]
    else:
        year = _year_for(published, month, day, direction)
    return _dated(start, end, year, month, day, basis="published")._with(how)


def _direction(relative: re.Match | None, english: re.Match | None) -> str | None:
    if relative:
        return "past" if relative.group("past") else "next" if relative.group("next") else "this"
    if english:
        return "past" if english.group("past") else {"last": "past", "next": "next"}.get(english.group("rel"), "this")
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
        found.append(DateMatch(match.group("year"), "year", match.start(), match.end(), how=("year_cue",)))
    return found


def _relative_phrases(text: str, published: date | None) -> list[DateMatch]:
    """"العام الماضي" / "last year" (a year), "الشهر الماضي" / "last month" (a month)."""
    found = []
    for pattern, offset, precision in RELATIVE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _shifted(published, offset, precision) if published else None
            found.append(DateMatch(iso, precision, match.start(), match.end(), "published", (f"relative_{precision}",)))
    return found


RELATIVE_PATTERNS = [  # compiled once: "العام الماضي", "last month", ...
    (re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(fold(p)) for p in phrases) + r")(?![^\W\d_])"),
     offset, precision)
    for tables, precision in ((RELATIVE_YEARS, "year"), (RELATIVE_MONTHS, "month"))
    for offset, phrases in tables.items()
]


def _shifted(published: date, offset: int, precision: str) -> str:
    if precision == "year":
        return f"{published.year + offset:04d}"
    months = published.year * 12 + published.month - 1 + offset
    return f"{months // 12:04d}-{months % 12 + 1:02d}"
