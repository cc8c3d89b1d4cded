"""Reading the numbers a quote states, as the wire copy writes them.

Handles Western, Arabic-Indic and Eastern Arabic-Indic digits, both scripts'
thousands and decimal separators, multiplier words (ألف، مليون، مليار, thousand,
million) and "a month and a half" (شهر ونصف). It is the provenance check's reader:
a figure's value must be what its quote says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MULTIPLIERS = {
    "ألف": 1_000, "آلاف": 1_000, "الف": 1_000, "ألفا": 1_000, "ألفًا": 1_000,
    "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000,
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}
NUMBER = re.compile(r"\d+(?:[,٬]\d{3})*(?:[.٫]\d+)?")
HALF_AFTER = re.compile(r"^\s*(?:و\s*نصف|ونصف|and a half)")
WORD_AFTER = re.compile(r"^\s*(\w+)")
QUALIFIER_WORDS = {
    "more_than": ("أكثر من", "اكثر من", "ما يزيد على", "ما يزيد عن", "more than", "over "),
    "about": ("نحو", "حوالي", "حوالى", "قرابة", "ما يقارب", "زهاء", "about", "nearly", "almost"),
}
# "a month and a half" with no digit: the noun itself means one.
UNIT_AND_HALF = re.compile(r"(شهر|عام|سنة|ساعة|يوم|month|year)\s+(?:و\s*نصف|ونصف|and a half)")


@dataclass(frozen=True)
class Reading:
    """A number found in a text, with where it stands (character offsets)."""

    value: float
    start: int
    end: int


def to_western_digits(text: str) -> str:
    """Same length as the input, so offsets stay valid."""
    return text.translate(DIGITS)


def read_numbers(text: str) -> list[Reading]:
    """Every number a text states, with its multiplier word applied."""
    plain = to_western_digits(text)
    readings = [_reading_at(plain, m) for m in NUMBER.finditer(plain)]
    readings += [Reading(1.5, m.start(), m.end()) for m in UNIT_AND_HALF.finditer(plain)]
    return sorted(readings, key=lambda r: r.start)


def _reading_at(text: str, match: re.Match) -> Reading:
    digits = match.group().replace(",", "").replace("٬", "").replace("٫", ".")
    value, end = float(digits), match.end()
    half = HALF_AFTER.match(text[end:])
    if half:
        value, end = value + 0.5, end + half.end()
    word = WORD_AFTER.match(text[end:])
    if word and word.group(1).lower() in MULTIPLIERS:
        value, end = value * MULTIPLIERS[word.group(1).lower()], end + word.end()
    return Reading(value, match.start(), end)


def qualifier_of(text: str) -> str:
    """'more_than', 'about' or 'exact', from the words the quote uses."""
    lowered = text.lower()
    for qualifier, words in QUALIFIER_WORDS.items():
        if any(word in lowered for word in words):
            return qualifier
    return "exact"
