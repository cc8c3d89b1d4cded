"""Numbers as wire copy writes them: digits of either script, or words.

Reads "1,937", "٢٦٬٠٠٠", "2.5 مليون", "50 ألف", "ثلاثة آلاف وخمسمئة", "خمسة وعشرون",
"twenty-five", "two and a half million", "مليون ونصف" and "شهر ونصف" (a month and a
half). Works on the folded text (normalize.py); offsets are folded offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdash.extract.lexicon import (
    CONJUNCTION_AR,
    DUAL_TIME,
    FRACTIONS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    SINGULAR_TIME,
)
from newsdash.extract.spans import overlapping_any

MULTIPLIER_ALTS = "|".join(sorted(map(re.escape, MULTIPLIER_WORDS), key=len, reverse=True))
DIGIT_NUMBER = re.compile(
    r"(?<![a-z0-9.,:])(?<![a-z]-)"
    rf"(\d+,\d{{1,2}}(?=\s*(?:{MULTIPLIER_ALTS})(?!\w))"  # "2,5 مليون": a decimal comma
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?)(?!\d)(?!:\d)"  # not a time of day (10:30)
)
MULTIPLIER_AFTER = re.compile(rf"\s*({MULTIPLIER_ALTS})(?!\w)")
REMAINDER_AFTER = re.compile(r"\s*و\s*(\d+)(?![\d.,])")  # "3 آلاف و500": 3,500
FRACTION_AFTER = re.compile(r"\s*(?:و\s*(نصف|ربع)|and\s+a\s+(half|quarter))(?!\w)")
TIME_AND_FRACTION = re.compile(
    r"(?<!\w)(?:(?:a|an)\s+)?(" + "|".join(sorted(map(re.escape, {**SINGULAR_TIME, **DUAL_TIME}),
                                                   key=len, reverse=True))
    + r")\s+(?:و\s*(نصف|ربع)|and\s+a\s+(half|quarter))(?!\w)"
)
WORD = re.compile(r"[^\W\d_]+")
START_PREFIXES = "وبل"


@dataclass(frozen=True)
class Numeral:
    """A number the text states; ``base`` and ``scale`` keep "40 ألف" as 40 x 1,000."""

    value: float
    start: int
    end: int
    base: float
    scale: int = 1
    plain: bool = False  # bare digits only: could be a year or a day of the month
    unit: str | None = None  # set when the number is its own noun ("شهر ونصف")


def read_numerals(text: str) -> list[Numeral]:
    """Every number in the folded text, words and digits, in reading order, no overlaps."""
    found = _time_fractions(text) + _digit_numerals(text)
    words = _word_numerals(text)
    found += [n for n, taken in zip(words, overlapping_any(words, found), strict=True) if not taken]
    return sorted(found, key=lambda n: n.start)


def _time_fractions(text: str) -> list[Numeral]:
    numerals = []
    for match in TIME_AND_FRACTION.finditer(text):
        noun = match.group(1)
        whole = 2 if noun in DUAL_TIME else 1
        value = whole + FRACTIONS[match.group(2) or match.group(3)]
        unit = DUAL_TIME.get(noun) or SINGULAR_TIME[noun]
        numerals.append(Numeral(value, match.start(), match.end(), value, unit=unit))
    return numerals


def _digit_numerals(text: str) -> list[Numeral]:
    numerals: list[Numeral] = []
    for match in DIGIT_NUMBER.finditer(text):
        if numerals and match.start() < numerals[-1].end:
            continue  # already read as part of "3 آلاف و500"
        token = match.group(1)
        base = float(token.replace(",", ".") if _decimal_comma(token) else token.replace(",", ""))
        numerals.append(_with_words_after(text, base, match.start(), match.end(), token.isdigit()))
    return numerals


def _decimal_comma(token: str) -> bool:
    return "," in token and len(token.rsplit(",", 1)[1]) < 3


def _with_words_after(text: str, base: float, start: int, end: int, bare: bool) -> Numeral:
    """Apply a multiplier word and a fraction after the digits: "3 ملايين ونصف"."""
    value, scale = base, 1
    multiplier = MULTIPLIER_AFTER.match(text, end)
    if multiplier:
        scale = MULTIPLIER_WORDS[multiplier.group(1)]
        value, end = base * scale, multiplier.end()
        remainder = REMAINDER_AFTER.match(text, end)
        if remainder and int(remainder.group(1)) < scale and not MULTIPLIER_AFTER.match(text, remainder.end()):
            value, end = value + int(remainder.group(1)), remainder.end()
    fraction = FRACTION_AFTER.match(text, end)
    if fraction:
        value += FRACTIONS[fraction.group(1) or fraction.group(2)] * scale
        end = fraction.end()
    return Numeral(value, start, end, base, scale, plain=bare and not multiplier and not fraction)


# --- numbers written as words ----------------------------------------------------------

@dataclass
class _Reading:
    """Running state while reading a run of number words, left to right."""

    start: int
    total: float = 0
    current: float = 0
    last: str = ""
    end: int = 0
    words: int = 0
    scaled: list[tuple[float, int]] = field(default_factory=list)

    def numeral(self) -> Numeral:
        value = self.total + self.current
        base, scale = (self.scaled[0] if len(self.scaled) == 1 and not self.current else (value, 1))
        return Numeral(value, self.start, self.end, base, scale)


def _word_numerals(text: str) -> list[Numeral]:
    tokens = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
    numerals, i = [], 0
    while i < len(tokens):
        reading, next_i = _read_words(text, tokens, i)
        if reading:
            numerals.append(reading.numeral())
            i = next_i
        else:
            i += 1
    return numerals


def _first_word(word: str) -> tuple[tuple[float, str] | None, int]:
    """The number a run starts with, allowing a one-letter prefix (بثلاثة، لخمسة)."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word], 0
    if word in FRACTIONS or word in ("a", "an"):
        return (FRACTIONS.get(word, 1), "lead"), 0
    if word[:1] in START_PREFIXES and len(word) > 3 and word[1:] in NUMBER_WORDS:
        return NUMBER_WORDS[word[1:]], 1
    return None, 0


def _read_words(text: str, tokens: list, i: int) -> tuple[_Reading | None, int]:
    entry, prefix = _first_word(tokens[i][0])
    if entry is None or entry[1] == "scale_plural":  # "آلاف" alone is "thousands of", no number
        return None, i
    reading = _Reading(start=tokens[i][1] + prefix)
    _take(reading, entry, tokens[i][2])
    j = i + 1
    while j < len(tokens):
        step = _next_word(text, tokens, j, reading)
        if step is None:
            break
        j = step
    return (reading, j) if _complete(reading) else (None, i)


def _complete(reading: _Reading) -> bool:
    """A lone "one", "a", "half" or واحد is not a figure; a lone number word is."""
    if reading.last == "lead" or (reading.words == 1 and reading.last == "bound"):
        return False
    return reading.total + reading.current > 0


def _next_word(text: str, tokens: list, j: int, reading: _Reading) -> int | None:
    """Take the word at j (and a connector before it) if it continues the number."""
    word, start, end = tokens[j]
    gap = text[tokens[j - 1][2]:start]
    joined = False
    if word in ("and", CONJUNCTION_AR) and j + 1 < len(tokens) and gap.strip() == "":
        gap_after = text[end:tokens[j + 1][1]]
        word, start, end, gap, joined = *tokens[j + 1], gap_after, True
        j += 1
    elif word.startswith(CONJUNCTION_AR) and word[1:] in {**NUMBER_WORDS, **FRACTIONS}:
        word, joined = word[1:], True
    if gap.strip() not in ("", "-"):
        return None
    if joined and word in FRACTIONS and reading.last not in ("lead", ""):
        return _take_fraction(reading, FRACTIONS[word], end) and j + 1
    if joined and word == "a" and j + 1 < len(tokens) and tokens[j + 1][0] in FRACTIONS:
        return _take_fraction(reading, FRACTIONS[tokens[j + 1][0]], tokens[j + 1][2]) and j + 2
    if word in ("a", "an") and reading.last == "lead" and j + 1 < len(tokens) and _is_scale(tokens[j + 1][0]):
        return j + 1  # "half a million": the "a" carries nothing (and "a a a ..." reads no further)
    entry = NUMBER_WORDS.get(word)
    if entry is None or not _fits(reading.last, entry[1], joined, gap, reading.current):
        return None
    _take(reading, entry, end)
    return j + 1


def _fits(last: str, kind: str, joined: bool, gap: str, current: float) -> bool:  # noqa: PLR0911
    """Which word may follow which: "خمسة وعشرون", "ثلاث مئة", "twenty-five", "مئة ألف"."""
    if "-" in gap:
        return last == "ten" and kind in ("unit", "bound") and not joined
    if kind == "scale":
        return not joined and last in ("unit", "teen", "ten", "teen_suffix", "hundred", "hundreds", "lead",
                                       "fraction")
    if kind == "scale_plural":
        return not joined and last in ("unit", "teen_suffix") and 3 <= current <= 10
    if kind == "teen_suffix":
        return not joined and last in ("unit", "bound") and current < 10
    if kind == "hundred" and not joined:
        return last in ("unit", "bound", "lead") and current < 10
    larger = last in ("hundred", "hundreds", "scale", "scale_plural", "dual")
    if kind in ("unit", "bound", "teen", "ten", "hundred", "hundreds"):
        english_pair = last == "ten" and kind in ("unit", "bound") and not joined
        arabic_pair = joined and ((last in ("unit", "bound") and kind == "ten") or (last == "ten" and kind == "unit"))
        return larger or english_pair or arabic_pair
    return False


def _is_scale(word: str) -> bool:
    return NUMBER_WORDS.get(word, (0, ""))[1] == "scale"


def _take(reading: _Reading, entry: tuple[float, str], end: int) -> None:
    value, kind = entry
    if kind in ("scale", "scale_plural"):
        group = reading.current or 1
        reading.scaled.append((group, int(value)))
        reading.total += group * value
        reading.current = 0
    elif kind == "hundred" and reading.last in ("unit", "bound", "lead") and reading.current < 10:
        reading.current *= 100
        kind = "hundreds"
    elif kind == "teen_suffix" and reading.last in ("unit", "bound"):
        reading.current += 10
        kind = "teen"
    elif kind == "dual":
        reading.total += value
    else:
        reading.current += value
    reading.last, reading.end, reading.words = kind, end, reading.words + 1


def _take_fraction(reading: _Reading, fraction: float, end: int) -> bool:
    """"مليون ونصف" adds half a million; "ثلاثة ونصف" adds a half."""
    scale = reading.scaled[-1][1] if reading.last in ("scale", "scale_plural") else 1
    if reading.last == "dual":
        scale = 1_000 if reading.total < 1_000_000 else 1_000_000
    reading.current += fraction * scale
    reading.last, reading.end = "fraction", end
    return True
