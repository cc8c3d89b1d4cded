"""Numbers as wire copy writes them: digits of either script, or words.

Reads "1,937", "٢٦٬٠٠٠", "2.5 مليون", "50 ألف", "ثلاثة آلاف وخمسمئة", "خمسة وعشرون",
"twenty-five", "two and a half million", "مليون ونصف" and "شهر ونصف" (a month and a
half). Works on the folded text (normalize.py); offsets are folded offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newsdash.reading.lexicon import (
    CONJUNCTION_AR,
    DEFINITE_NUMBER_WORDS,
    DUAL_NOUNS,
    DUAL_TIME,
    FRACTIONS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    SINGULAR_TIME,
    UNIT_WORDS,
)
from newsdash.reading.spans import overlapping_any

MULTIPLIER_ALTS = "|".join(sorted(map(re.escape, MULTIPLIER_WORDS), key=len, reverse=True))
DIGIT_NUMBER = re.compile(
    r"(?<![a-z0-9.,:])(?<![a-z]-)"
    rf"(\d+,\d{{1,2}}(?=\s*(?:{MULTIPLIER_ALTS})(?!\w))"  # "2,5 مليون": a decimal comma
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3}){2,}"  # "1.250.000": two dots or more are thousands separators
    r"|\d+(?:\.\d+)?)(?!\d)(?!:\d)"  # not a time of day (10:30)
)
MAX_DIGITS = 16  # a count longer than this is a serial number or a hash, never a figure
# "12.450" may be 12,450 (a dot as thousands separator) or 12.45: the noun after it decides.
DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![a-z])")  # "the 7th division" names a division
# Digit groups separated by single spaces: "35 000" (a space as thousands separator), or
# "000 35" and "417 12", a number whose groups a right-to-left layout printed in reverse.
SPACED_GROUPS = re.compile(r"(?<![\d.,:])\d{1,3}(?: \d{1,3}){1,4}(?!\d)(?![.,:]\d)")
PHONE = re.compile(r"(?<![\w+])(?:\+|00(?=[1-9]))\d{1,3}(?:[ \-]\d{1,8}){2,5}(?!\d)|\+\d{7,15}(?!\d)"
                   r"|(?<![\w.,])0\d{1,3}[ \-]\d{3}[ \-]?\d{3,4}(?!\d)")
DUAL_NOUN = re.compile(
    r"(?<![^\W\d_])(?<!\d )[وبل]?(?P<noun>" + "|".join(sorted(map(re.escape, DUAL_NOUNS), key=len, reverse=True))
    + r")(?:\s+(?:اثنين|اثنان|اثنتين|اثنتان))?(?![^\W\d_])"
)
NOUN_THEN_NUMBER = re.compile(
    r"(?<![^\W\d_])[وبل]?(?P<noun>ال[^\W\d_]+)\s+(?P<number>"
    + "|".join(sorted(map(re.escape, DEFINITE_NUMBER_WORDS), key=len, reverse=True)) + r")(?![^\W\d_])"
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
class _Span:
    start: int
    end: int


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
    how: tuple[str, ...] = ()  # the rules that read it, for the editor (see i18n why_*)
    low: bool = False  # a reading an editor must check: digits out of order
    thousands: float | None = None  # "12.450": the value if the dot separates thousands


def read_numerals(text: str) -> list[Numeral]:
    """Every number in the folded text, words and digits, in reading order, no overlaps."""
    found = _time_fractions(text) + _nouns_as_numbers(text)
    digits = _digit_numerals(text)
    taken = [*found, *(_Span(m.start(), m.end()) for m in PHONE.finditer(text))]  # a phone number is no count
    found += [n for n, busy in zip(digits, overlapping_any(digits, taken), strict=True) if not busy]
    words = _word_numerals(text)
    found += [n for n, taken in zip(words, overlapping_any(words, found), strict=True) if not taken]
    return sorted(found, key=lambda n: n.start)


def _nouns_as_numbers(text: str) -> list[Numeral]:
    """"جريحين" (two wounded) and "الأيام الخمسة" (the five days): the count is in the noun."""
    found = [Numeral(2, m.start(), m.end(), 2, unit=DUAL_NOUNS[m.group("noun")], how=("dual",))
             for m in DUAL_NOUN.finditer(text)]
    for match in NOUN_THEN_NUMBER.finditer(text):
        unit = UNIT_WORDS.get(match.group("noun")[2:])
        if unit:
            value = DEFINITE_NUMBER_WORDS[match.group("number")]
            found.append(Numeral(value, match.start("noun"), match.end(), value, unit=unit, how=("after_noun",)))
    return found


def _time_fractions(text: str) -> list[Numeral]:
    numerals = []
    for match in TIME_AND_FRACTION.finditer(text):
        noun = match.group(1)
        whole = 2 if noun in DUAL_TIME else 1
        value = whole + FRACTIONS[match.group(2) or match.group(3)]
        unit = DUAL_TIME.get(noun) or SINGULAR_TIME[noun]
        numerals.append(Numeral(value, match.start(), match.end(), value, unit=unit, how=("fraction",)))
    return numerals


def _digit_numerals(text: str) -> list[Numeral]:
    numerals: list[Numeral] = []
    groups, next_group = _spaced_groups(text), 0
    for match in DIGIT_NUMBER.finditer(text):
        if numerals and match.start() < numerals[-1].end:
            continue  # already read as part of "3 آلاف و500" or "35 000"
        while next_group < len(groups) and groups[next_group][1] <= match.start():
            next_group += 1  # a run that no number starts (it follows a letter): not a number
        if next_group < len(groups) and groups[next_group][0] <= match.start():
            numerals.append(_grouped(text, *groups[next_group]))
            next_group += 1
            continue
        token = match.group(1)
        if ORDINAL_SUFFIX.match(text, match.end()) or not any(c in "123456789" for c in token) \
                or len(token) > MAX_DIGITS:
            continue  # "7th" names a thing; a bare 0 or 000 is a fragment; 20 digits are an id, not a count
        numerals.append(_digit_numeral(text, token, match.start(), match.end()))
    return numerals


def _digit_numeral(text: str, token: str, start: int, end: int) -> Numeral:
    how: tuple[str, ...] = ()
    if token.count(".") > 1:
        base, how = float(token.replace(".", "")), ("dot_thousands",)
    else:
        base = float(token.replace(",", ".") if _decimal_comma(token) else token.replace(",", ""))
    numeral = _with_words_after(text, base, start, end, token.isdigit(), how)
    if numeral.scale == 1 and DOT_THOUSANDS.fullmatch(token) and numeral.value == base:
        return _replace(numeral, thousands=float(token.replace(".", "")))
    return numeral


def _spaced_groups(text: str) -> list[tuple[int, int, float, str]]:
    """Runs of digit groups that read as one number: (start, end, value, rule)."""
    runs = []
    for match in SPACED_GROUPS.finditer(text):
        groups = match.group().split(" ")
        tail_whole = all(len(g) == 3 for g in groups[1:])
        head_whole = all(len(g) == 3 for g in groups[:-1])
        if tail_whole and not groups[0].startswith("0"):
            runs.append((match.start(), match.end(), float("".join(groups)), "space_thousands"))
        elif head_whole and not groups[-1].startswith("0") and (groups[0].startswith("0") or len(groups[-1]) < 3):
            runs.append((match.start(), match.end(), float("".join(reversed(groups))), "reversed"))
    return runs


def _grouped(text: str, start: int, end: int, value: float, rule: str) -> Numeral:
    numeral = _with_words_after(text, value, start, end, False, (rule,))
    return _replace(numeral, low=rule == "reversed")


def _replace(numeral: Numeral, **changes) -> Numeral:  # noqa: ANN003
    return replace(numeral, **changes)


def _decimal_comma(token: str) -> bool:
    return "," in token and len(token.rsplit(",", 1)[1]) < 3


def _with_words_after(text: str, base: float, start: int, end: int, bare: bool,  # noqa: PLR0913
                      how: tuple[str, ...] = ()) -> Numeral:
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
    how = how + ("multiplier",) * bool(multiplier) + ("fraction",) * bool(fraction)
    return Numeral(value, start, end, base, scale, plain=bare and not multiplier and not fraction, how=how)


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
        return Numeral(value, self.start, self.end, base, scale, how=("words",))


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
