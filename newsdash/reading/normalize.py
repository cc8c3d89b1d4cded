"""A searchable copy of the text that still knows where each character came from.

Wire copy spells the same word many ways: أكثر / اكثر, مئة / مائة, هكتارا / هكتاراً,
Arabic-Indic or Western digits. The grammar runs on one spelling (hamza forms folded,
diacritics and tatweel dropped, digits Western, lower case) and every match is mapped
back to offsets in the original text, so a quote is always the source's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdash.reading.numbers import DIGITS

# harakat and tanween, superscript alef, tatweel, and invisible direction marks
DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f"]
)
FOLDED = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "٬": ",", "٫": ".", "٪": "%", "\u00a0": " ", "\u202f": " ",
})


@dataclass(frozen=True)
class Normalized:
    """``text`` is the folded copy; ``origin[i]`` is where its character i stood."""

    original: str
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of a folded span, keeping trailing diacritics (هكتاراً)."""
        first = self.origin[start]
        last = self.origin[end - 1] + 1
        while last < len(self.original) and self.original[last] in DROPPED:
            last += 1
        return first, last


def fold_char(char: str) -> str:
    folded = char.translate(DIGITS).translate(FOLDED)
    lower = folded.lower()
    return lower if len(lower) == 1 else folded


def fold(text: str) -> str:
    """The folded spelling of a word or phrase (for building word tables)."""
    return "".join(fold_char(c) for c in text if c not in DROPPED)


def normalize(text: str) -> Normalized:
    origin = [index for index, char in enumerate(text) if char not in DROPPED]
    kept = "".join(text[i] for i in origin) if len(origin) < len(text) else text
    folded = kept.translate(DIGITS).translate(FOLDED)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a letter whose lower case is two characters: one by one
        lowered = "".join(fold_char(c) for c in kept)
    return Normalized(text, lowered, tuple(origin))
