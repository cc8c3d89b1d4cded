"""Which series (data/measures.yaml) a candidate figure is a claim about, read from its
sentence, not only its quote.

A series is one party's count of one quantity, of one kind: a running total, a flow
(per day, weekend, week or month) or a count on a date. A figure is proposed on a
measure only when all three match what the words around it say (newsdash.reading.setting):
the party that counts it (named, or referred back to), the period ("over the past day",
«حتى الآن»), and the quantity (its unit and the measure's words, in the quote or, for a
quote with no noun, in the sentence). Otherwise, when the text says who counts and what
kind, a NEW measure is proposed, kept in the draft and added to the record only when an
editor confirms the article. Every proposal gives its reason in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsdash.data.measures import Measure, parties_of
from newsdash.reading.candidates import KNOWN_UNITS
from newsdash.reading.i18n import t
from newsdash.reading.setting import Setting, party_names, read_setting

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Arabic prefixes a word of the quote may carry (and, the, with/by the, for the)
PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
ADD_A_MEASURE = "docs/measures.md"
NEW_LINE = {"colour": "sky", "dash": "dashdot"}  # another party's series: not the record's blue


@dataclass(frozen=True)
class Proposal:
    measure: str | None  # an id of data/measures.yaml (or of new_measure), or None
    category: str | None
    unit: str
    words: tuple[str, ...] = ()
    label: tuple[str, str] | None = None  # the measure's label (en, ar)
    setting: Setting = Setting()
    party_name: tuple[str, str] | None = None  # who counts, in words (en, ar)
    new_measure: dict | None = None  # a measure for data/measures.yaml, added when the article is confirmed

    def reason(self, lang: str) -> str:
        from newsdash.curation.draft import unit_words  # (draft imports this module)

        unit = unit_words(self.unit, lang) or self.unit
        words = "، ".join(self.words) if lang == "ar" else ", ".join(self.words)
        party = (self.party_name[1] if lang == "ar" else self.party_name[0]) if self.party_name else ""
        setting = self.setting
        kind = kind_words(setting.kind, setting.per, lang)
        if self.measure and self.new_measure is None:
            label = (self.label[1] if lang == "ar" else self.label[0]) if self.label else self.measure
            return t("propose_measure", lang).format(measure=label, party=party, party_words=setting.party_words,
                                                     kind=kind, period_words=setting.period_words,
                                                     unit=unit, words=words)
        if self.new_measure is not None:
            label = self.new_measure["label"]["ar" if lang == "ar" else "en"]
            return t("propose_new_measure", lang).format(party=party, kind=kind, unit=unit, label=label,
                                                         id=self.new_measure["id"],
                                                         party_words=setting.party_words,
                                                         period_words=setting.period_words)
        if not self.words and self.unit in KNOWN_UNITS:  # no series counts this quantity at all
            return t("propose_none", lang).format(unit=unit, guide=ADD_A_MEASURE)
        missing = [t(f"missing_{what}", lang) for what, known in
                   (("party", setting.party), ("kind", setting.kind), ("quantity", self.words)) if not known]
        if not missing:  # all read, but no page draws this quantity: the editor chooses
            return t("propose_none", lang).format(unit=unit, guide=ADD_A_MEASURE)
        return t("propose_unread", lang).format(missing=t("missing_and", lang).join(missing), guide=ADD_A_MEASURE)


def kind_words(kind: str | None, per: str | None, lang: str, suffix: str = "") -> str:
    """'a running total', 'a day's flow', «حصيلة تراكمية»..."""
    if kind is None:
        return ""
    return t(f"kind_{kind}" + (f"_{per}" if kind == "flow" and per else "") + suffix, lang)


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


def propose_in_text(text: str, start: int, end: int, quote: str, unit: str,
                    measures: Mapping[str, Measure]) -> Proposal:
    """The proposal for the figure at text[start:end], its sentence read."""
    setting = read_setting(text, start, end, party_names(parties_of(measures)))
    return propose(quote, unit, measures, setting)


def propose_for_quote(text: str, quote: str, unit: str, measures: Mapping[str, Measure]) -> Proposal:
    """As propose_in_text, for a quote found in the text (a draft's quotes are unique)."""
    at = text.find(quote)
    if at < 0:
        return propose(quote, unit, measures)
    return propose_in_text(text, at, at + len(quote), quote, unit, measures)


def propose(quote: str, unit: str, measures: Mapping[str, Measure], setting: Setting | None = None) -> Proposal:
    """The measure for a figure with this quote, unit and setting; a new measure when the
    text says who counts it and what kind it is but no series of the record matches."""
    setting = setting or Setting()
    unit = unit or setting.noun_unit or ""  # the noun elsewhere in the sentence, for a quote with none
    # a noun the reader does not know as a unit ("departures") is matched by the measures' words
    quantity = _same_quantity(quote, unit if unit in KNOWN_UNITS else "", setting.sentence, measures)
    matching = [(score, m, w) for score, m, w in quantity if _same_series(m, setting)]
    party = parties_of(measures).get(setting.party or "")
    party_name = (party.name.en, party.name.ar) if party else None
    if matching and (len(matching) == 1 or matching[0][0] > matching[1][0]):
        _, measure, words = matching[0]
        return Proposal(measure.id, measure.category, measure.unit, words, (measure.label.en, measure.label.ar),
                        setting, party_name)
    if quantity and unit not in KNOWN_UNITS and len({m.unit for _, m, _ in quantity}) == 1:
        unit = quantity[0][1].unit  # no noun anywhere, but the sentence's words name one quantity
    categories = {m.category for _, m, _ in quantity} or {m.category for m in measures.values() if m.unit == unit}
    category = next(iter(categories)) if len(categories) == 1 else None
    words = quantity[0][2] if quantity else ()
    if party is None or setting.kind is None or not quantity or unit not in KNOWN_UNITS or category is None:
        # a new series needs who counts, what kind, and words of a quantity the record draws
        # ("127 أرمنيًا" is people, but of no quantity a series counts)
        return Proposal(None, category, unit, words, None, setting, party_name)
    new = new_measure(party.id, party_name, unit, category, setting, measures, quantity)
    return Proposal(new["id"], category, unit, words, (new["label"]["en"], new["label"]["ar"]), setting,
                    party_name, new)


def _same_quantity(quote: str, unit: str, sentence: str, measures: Mapping[str, Measure]) -> list:
    """(score, measure, words) for each measure of the unit whose words the quote (first)
    or its sentence has, best first; any unit when the figure has no noun at all."""
    found = []
    for measure in measures.values():
        if unit and measure.unit != unit:
            continue
        in_quote, in_sentence = matched_words(quote, measure), matched_words(sentence, measure)
        if in_quote or in_sentence:
            found.append(((len(in_quote), len(in_sentence)), measure, in_quote or in_sentence))
    return sorted(found, key=lambda s: s[0], reverse=True)


def _same_series(measure: Measure, setting: Setting) -> bool:
    """The same party and the same kind (for a flow, the same period)."""
    if setting.party != measure.party or setting.kind != measure.kind:
        return False
    return measure.kind != "flow" or measure.per == setting.per


def new_measure(party: str, party_name: tuple[str, str], unit: str, category: str, setting: Setting,  # noqa: PLR0913
                measures: Mapping[str, Measure], quantity: list) -> dict:
    """A measure for data/measures.yaml, in our own words, for one party's count of one kind."""
    from newsdash.curation.draft import unit_words

    suffix = setting.per if setting.kind == "flow" and setting.per else setting.kind
    base = "_".join(re.findall(r"[a-z0-9]+", f"{party} {unit} {suffix}"))
    taken, number, mid = set(measures), 2, base
    while mid in taken:
        mid, number = f"{base}_{number}", number + 1
    how = {lang: kind_words(setting.kind, setting.per, lang, "_label") for lang in ("en", "ar")}
    what = {lang: unit_words(unit, lang) or unit for lang in ("en", "ar")}
    label = {"en": f"{what['en'].capitalize()}, {how['en']} ({party_name[0]})",
             "ar": f"{what['ar']}، {how['ar']} ({party_name[1]})"}
    record = {"id": mid, "label": label, "unit": unit, "category": category, "party": party,
              "kind": setting.kind}
    if setting.kind == "flow":
        record["per"] = setting.per
    kind = {lang: kind_words(setting.kind, setting.per, lang) for lang in ("en", "ar")}
    same_unit = [m for _, m, _ in quantity if m.unit == unit] or [m for m in measures.values() if m.unit == unit]
    words = {lang: sorted({w for m in same_unit for w in getattr(m.words, lang)}) for lang in ("en", "ar")}
    return record | {
        "title": label,
        "subtitle": {"en": f"{kind['en'].capitalize()} of {what['en']}, as counted by {party_name[0]}.",
                     "ar": f"{kind['ar']} ({what['ar']})، وفق إحصاء {party_name[1]}."},
        "note": {"en": f"{party_name[0]}'s own count: it is drawn beside other parties' counts, never joined to them.",
                 "ar": f"إحصاء {party_name[1]} نفسها: يُرسم بجانب إحصاءات الجهات الأخرى ولا يُوصل بها."},
        "source": {"en": f"Source: {party_name[0]} via news outlets; articles as labelled",
                   "ar": f"المصدر: {party_name[1]} عبر وسائل الإعلام؛ المقالات كما هو مبيّن"},
        "line": dict(NEW_LINE),
        "words": words,
    }
