"""The digits and multiplier words every reader of numbers shares.

Wire copy writes digits in three scripts (Western, Arabic-Indic, Eastern Arabic-Indic) and
scales numbers with words (ألف، مليون، مليار, thousand, million). The grammar that reads
numbers and their qualifiers (numerals, figure_phrases, candidates) is built on these, and
the provenance check uses that same grammar: a figure is proven by the reader that finds it.
"""

from __future__ import annotations

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MULTIPLIERS = {
    "ألف": 1_000, "آلاف": 1_000, "الف": 1_000, "ألفا": 1_000, "ألفًا": 1_000,
    "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000,
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}


def to_western_digits(text: str) -> str:
    """Same length as the input, so offsets stay valid."""
    return text.translate(DIGITS)
