"""Candidate figures: a number with the words that change what it means.

A qualifier before it ("أكثر من", "nearly") or after it ("تقريبا"), a second number
that makes a range ("30 - 40 ألف", "ما بين 15 و20", "between 15 and 20"), and the noun
after it, from which the unit is guessed. Numbers inside a date are not figures; nor
is a bare year with no unit ("تأسست 1991").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from newsdash.reading.date_phrases import DateMatch
from newsdash.reading.lexicon import (
    ARABIC_PREFIXES,
    COUNT_UNITS,
    FRACTIONS,
    IDENTIFIER_CUES,
    NOT_UNITS,
    NUMBER_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    UNIT_WORDS,
)
from newsdash.reading.normalize import fold
from newsdash.reading.numerals import FRACTION_AFTER, Numeral
from newsdash.reading.spans import overlapping_any

_BEFORE = {fold(phrase): q for q, phrases in QUALIFIERS_BEFORE.items() for phrase in phrases}
_AFTER = {fold(phrase): q for q, phrases in QUALIFIERS_AFTER.items() for phrase in phrases}


def _phrases(table: dict[str, str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(table, key=len, reverse=True))


QUALIFIER_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:[{ARABIC_PREFIXES}](?=[^\W\d_]))?(?P<phrase>{_phrases(_BEFORE)})\s*$"
)
QUALIFIER_AFTER = re.compile(rf"\s*(?P<phrase>{_phrases(_AFTER)})(?![^\W\d_])")
BETWEEN_BEFORE = re.compile(r"(?<![^\W\d_])(?:و?ما\s*)?(?:بين|between)\s+$")
BETWEEN_JOIN = re.compile(r"\s*(?:و|and|الي|to)\s*")
DASH_JOIN = re.compile(r"\s*[-–—]\s*")
CLAUSE_BREAK = re.compile(r"[.,،؛;:!?()\"«»\[\]\n/\d]")
WORD = re.compile(r"[^\W\d_]+")
PERCENT = re.compile(r"\s*%")
WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")
GUESSED = ("unit_nisba", "unit_noun")  # a unit the machine guessed: low confidence ("no_unit" only says so)
ORDINAL_BEFORE = re.compile(r"(?<![^\W\d_])ال\s*$")  # "الـ 7" once the tatweel is folded away


@dataclass(frozen=True)
class FigureMatch:
    """A figure found in the folded text; ``unit_span`` is the noun when the unit is not
    one we know (the caller reads it from the original text)."""

    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    start: int
    end: int
    unit_span: tuple[int, int] | None = None
    how: tuple[str, ...] = ()  # the rules that read it, in reading order (i18n why_<rule>)
    low: bool = False  # a reading an editor must check before anything else


@dataclass(frozen=True)
class Unit:
    name: str | None
    end: int
    span: tuple[int, int] | None = None
    guess: str | None = None  # "unit_nisba", "unit_noun" (kept as written) or "no_unit"


def find_figures(text: str, numerals: list[Numeral], dates: list[DateMatch],
                 limit: int | None = None) -> list[FigureMatch]:
    """The figures in reading order; at most ``limit`` + 1 (the caller says "more than
    that"), so a text of 100,000 numbers costs no more than one of ``limit``."""
    in_date = overlapping_any(numerals, dates)
    free = [n for n, dated in zip(numerals, in_date, strict=True) if not dated]
    figures, i = [], 0
    while i < len(free) and (limit is None or len(figures) <= limit):
        if _identifier(text, free[i]):
            i += 1
            continue
        ranged = _range(text, free[i], free[i + 1]) if i + 1 < len(free) and not _identifier(text, free[i + 1]) \
            else None
        if ranged:
            figures.append(ranged)
            i += 2
            continue
        if single := _single(text, free[i]):
            figures.append(single)
        i += 1
    return sorted(figures, key=lambda f: f.start)


def _identifier(text: str, numeral: Numeral) -> bool:
    """"القرار 2254", "Resolution 2254": a name, not a count."""
    before = WORD_BEFORE.search(text, max(0, numeral.start - 20), numeral.start)
    return bool(before) and before.group(1) in IDENTIFIER_CUES


def _year_like(numeral: Numeral) -> bool:
    return numeral.plain and 1800 <= numeral.value <= 2100


def _range(text: str, first: Numeral, second: Numeral) -> FigureMatch | None:
    """"30 - 40 ألف" is 30,000 to 40,000: the multiplier after the second applies to both."""
    between = BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start)
    join = (BETWEEN_JOIN if between else DASH_JOIN).fullmatch(text, first.end, second.start)
    if not join or (_year_like(first) and _year_like(second)) or first.unit:
        return None
    low = first.value
    if first.scale == 1 and second.scale > 1 and first.base <= second.base:
        low = first.value * second.scale
    if low >= second.value:
        return None
    unit = _unit_after(text, second)
    start = between.start() if between else first.start
    how = _merged(first.how, second.how, ("range",), (unit.guess,) if unit.guess else ())
    return FigureMatch(low, second.value, "range", unit.name, start, unit.end, unit.span, how,
                       first.low or second.low or unit.guess in GUESSED)


def _merged(*parts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rule for part in parts for rule in part))


def _single(text: str, numeral: Numeral) -> FigureMatch | None:
    before = QUALIFIER_BEFORE.search(text, max(0, numeral.start - 24), numeral.start)
    qualifier = _BEFORE[_spaced(before.group("phrase"))] if before else "exact"
    after_number = QUALIFIER_AFTER.match(text, numeral.end)
    unit = _unit_after(text, numeral, after_number.end() if after_number else numeral.end)
    if _year_like(numeral) and not before and unit.name is None:
        return None  # a bare year ("تأسست 1991"): only a known unit makes it a count
    if ORDINAL_BEFORE.search(text, max(0, numeral.start - 4), numeral.start) and unit.guess:
        return None  # "الفرقة الـ 7", "الدورة الـ76": an ordinal names a thing ("الـ 48 ساعة" counts)
    value, end = numeral.value, unit.end
    how = list(numeral.how)
    if numeral.thousands is not None and unit.name in COUNT_UNITS:
        value, how = numeral.thousands, [*how, "dot_thousands"]  # "12.450 لغما": 12,450 mines
    elif numeral.thousands is not None:
        how.append("dot_decimal")  # "2.500 كيلومتر": 2.5 km, but an editor should look
    half = FRACTION_AFTER.match(text, end) if numeral.scale == 1 and not numeral.unit else None
    if half and unit.name:  # "ثلاثة أشهر ونصف": three and a half months
        value, end = value + FRACTIONS[half.group(1) or half.group(2)], half.end()
    after = after_number or QUALIFIER_AFTER.match(text, end)
    if before:
        how.append("qualifier_before")
    if after and qualifier == "exact":
        qualifier, end = _AFTER[_spaced(after.group("phrase"))], max(end, after.end())
        how.append("qualifier_after")
    if unit.guess:
        how.append(unit.guess)
    start = before.start("phrase") if before else numeral.start
    low = numeral.low or unit.guess in GUESSED or "dot_decimal" in how
    return FigureMatch(value, None, qualifier, unit.name, start, end, unit.span, tuple(how), low)


def _spaced(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase)


def _unit_after(text: str, numeral: Numeral, position: int | None = None) -> Unit:
    """The unit, from the noun after the number: known nouns give an English unit name."""
    position = numeral.end if position is None else position
    if numeral.unit:
        return Unit(numeral.unit, position)
    percent = PERCENT.match(text, position)
    if percent:
        return Unit("percent", percent.end())
    words = _clause_words(text, position)
    return _known_unit(words) or _fallback_unit(words, position)


def _clause_words(text: str, position: int) -> list[tuple[str, int, int]]:
    limit = position + 80  # never scan past the words that can name the unit: linear in the text
    stop = CLAUSE_BREAK.search(text, position, limit)
    end = min(stop.start() if stop else len(text), limit)
    return [(m.group(), m.start(), m.end()) for m in islice(WORD.finditer(text, position, end), 4)]


def _known_unit(words: list[tuple[str, int, int]]) -> Unit | None:
    """Two-word nouns first ("مادة متفجرة"), then one word; English may put adjectives
    before the noun ("5,000 Syrian refugees"), Arabic after it."""
    if words and words[0][0] in ("من", "of"):
        words = words[1:]
    for k, (word, _, end) in enumerate(words[:3]):
        if k + 1 < len(words) and (unit := _lookup(f"{word} {words[k + 1][0]}")):
            return Unit(unit, words[k + 1][2])
        if unit := _lookup(word):
            return Unit(unit, end, guess=None if _known(word) else "unit_nisba")
        if not word.isascii() or word in NOT_UNITS:
            return None
    return None


def _lookup(phrase: str) -> str | None:
    stripped = " ".join(w.removeprefix("ال") if len(w) > 4 else w for w in phrase.split())
    for form in (phrase, stripped, phrase.removesuffix("s")):
        if form in UNIT_WORDS:
            return UNIT_WORDS[form]
    if " " not in stripped and len(stripped) >= 5 and stripped.endswith(("يا", "يين", "يون")):
        return "people"  # a nisba noun: أرمنيًا، أذربيجانيًا، سوريين
    return None


def _known(word: str) -> bool:
    return any(form in UNIT_WORDS for form in (word, word.removeprefix("ال"), word.removesuffix("s")))


def _fallback_unit(words: list[tuple[str, int, int]], position: int) -> Unit:
    """An unknown noun is kept as written, for the editor to name the unit."""
    if not words or words[0][0] in NOT_UNITS or words[0][0] in NUMBER_WORDS:
        return Unit(None, position, guess="no_unit")
    word, start, end = words[0]
    return Unit(None, end, (start, end), "unit_noun")
