"""Which measure (data/measures.yaml) a candidate figure most likely is a claim about.

A measure is proposed only when it counts in the figure's unit (the loader refuses any
other) and at least one word of the quote is among the measure's words; the most words
win, and a tie proposes nothing, so the editor chooses. Without a measure, words alone
may still suggest a category. Every proposal carries its reason, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsdash.data.measures import Measure
from newsdash.reading.i18n import t

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Arabic prefixes a word of the quote may carry (and, the, with/by the, for the)
PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
ADD_A_MEASURE = "docs/measures.md"


@dataclass(frozen=True)
class Proposal:
    measure: str | None  # an id of data/measures.yaml, or None: on no known measure
    category: str | None
    unit: str
    words: tuple[str, ...] = ()
    label: tuple[str, str] | None = None  # the measure's label (en, ar), or the category's measure's

    def reason(self, lang: str) -> str:
        from newsdash.curation.draft import unit_words  # (draft imports this module)

        unit = unit_words(self.unit, lang) or self.unit
        words = "، ".join(self.words) if lang == "ar" else ", ".join(self.words)
        label = (self.label[1] if lang == "ar" else self.label[0]) if self.label else ""
        if self.measure:
            return t("propose_measure", lang).format(measure=label, unit=unit, words=words)
        if self.category:
            return t("propose_category_only", lang).format(category=self.category, words=words, unit=unit,
                                                           guide=ADD_A_MEASURE)
        return t("propose_none", lang).format(unit=unit, guide=ADD_A_MEASURE)


def quote_words(quote: str) -> set[str]:
    """The words of a quote, lowercased, each also without an Arabic prefix."""
    found = set()
    for word in WORD.findall(quote.lower()):
        found.add(word)
        found.update(word[len(p):] for p in PREFIXES if word.startswith(p) and len(word) - len(p) >= 2)
    return found


def matched_words(quote: str, measure: Measure) -> tuple[str, ...]:
    words = quote_words(quote)
    return tuple(w for w in (*measure.words.en, *measure.words.ar) if w.lower() in words)


def propose(quote: str, unit: str, measures: Mapping[str, Measure]) -> Proposal:
    """The measure and category for a figure with this quote and unit."""
    scored = [(len(words), m, words) for m in measures.values() if (words := matched_words(quote, m))]
    same_unit = sorted(((n, m, w) for n, m, w in scored if m.unit == unit), key=lambda s: -s[0])
    if same_unit and (len(same_unit) == 1 or same_unit[0][0] > same_unit[1][0]):
        _, measure, words = same_unit[0]
        return Proposal(measure.id, measure.category, unit, words, (measure.label.en, measure.label.ar))
    by_words = sorted(scored, key=lambda s: -s[0])
    categories = {m.category for n, m, _ in by_words if n == by_words[0][0]} if by_words else set()
    if len(categories) == 1:
        _, measure, words = by_words[0]
        return Proposal(None, measure.category, unit, words)
    return Proposal(None, None, unit)
