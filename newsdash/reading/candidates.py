"""Assisted curation: candidate figures and dated events in a new article.

``extract(text, published)`` reads UTF-8 Arabic or English wire copy and returns what an
editor would curate by hand: figures (value, range maximum, qualifier, a unit guessed
from the noun after the number) and events (ISO date at the precision the text gives),
each with its verbatim quote and character offsets in the text. Candidates are
suggestions for an editor to confirm, never data the dashboard shows on its own.
Pure logic: no streamlit here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date

import yaml

from newsdash.reading.date_phrases import DateMatch, find_dates
from newsdash.reading.figure_phrases import FigureMatch, find_figures
from newsdash.reading.i18n import t
from newsdash.reading.lexicon import NUMBER_WORDS, UNIT_WORDS
from newsdash.reading.normalize import Normalized, normalize
from newsdash.reading.numerals import read_numerals
from newsdash.reading.setting import PartyNames, another_event, read_setting

KNOWN_UNITS = frozenset(UNIT_WORDS.values())
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
DATELINE_CHARS = 600
# An editor checks a few dozen candidates in an article; past this many of a kind the text is
# not an article (or needs splitting), and reading further would only cost time and memory.
MAX_CANDIDATES = 300
SENTENCE_END = re.compile(r"[.!?؟](?=\s)|\n")
NUMBER_BUDGET = 10 * MAX_CANDIDATES  # numbers read at most (many are years, days, ids)
NUMBER_LIKE = re.compile(
    r"\d+|(?<![^\W\d_])[وبل]?(?:" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + r")(?![^\W\d_])"
)


@dataclass(frozen=True)
class FigureCandidate:
    value: int | float
    value_max: int | float | None
    qualifier: str  # exact, more_than, less_than, about, range
    unit: str | None  # an English unit name we know, else the noun as written
    quote: str
    start: int
    end: int
    how: tuple[str, ...] = ()  # the rules that read it: reason() says them in words
    low_confidence: bool = False  # digits out of order, a guessed unit: an editor checks it first
    also: tuple[tuple[int, int], ...] = ()  # the same figure stated again (headline, same sentence)

    @property
    def unit_known(self) -> bool:
        return self.unit in KNOWN_UNITS

    def reason(self, lang: str = "en") -> str:
        return reason_words(self.how or ("digits",), lang)


@dataclass(frozen=True)
class EventCandidate:
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when the year is unknown
    date_precision: str  # day, month, year
    quote: str
    start: int
    end: int
    basis: str  # "stated" in the text, resolved against the "published" date, or "context" (a date before it)
    how: tuple[str, ...] = ()
    low_confidence: bool = False
    also: tuple[tuple[int, int], ...] = ()

    def reason(self, lang: str = "en") -> str:
        return reason_words(self.how or ("as_written",), lang)


@dataclass(frozen=True)
class Extraction:
    language: str
    published: str | None
    figures: tuple[FigureCandidate, ...]
    events: tuple[EventCandidate, ...]
    truncated: bool = False  # more than MAX_CANDIDATES figures or dates: only the first are here

    def as_dict(self) -> dict:
        figures = [_candidate_dict(f) for f in self.figures]
        record = {"language": self.language, "published": self.published,
                  "figures": figures, "events": [_candidate_dict(e) for e in self.events]}
        if self.truncated:
            record["truncated"] = f"more than {MAX_CANDIDATES} candidates: only the first {MAX_CANDIDATES} are listed"
        return record


def reason_words(how: tuple[str, ...], lang: str = "en") -> str:
    """The rules that read a candidate, in words: "ألف multiplier; qualifier word before the number"."""
    return ("؛ " if lang == "ar" else "; ").join(t(f"why_{rule}", lang) for rule in how)


def _candidate_dict(candidate: FigureCandidate | EventCandidate) -> dict:
    record = asdict(candidate)
    del record["how"], record["low_confidence"], record["also"]
    if record.get("value_max", 0) is None:
        del record["value_max"]
    record["reason"] = candidate.reason()
    if candidate.low_confidence:
        record["confidence"] = "low"
    if candidate.also:
        record["also"] = [list(span) for span in candidate.also]
    return record


def extract(text: str, published: date | str | None = None, parties: PartyNames | None = None) -> Extraction:
    """Candidate figures and events of a text; dates without a year need ``published``.
    ``parties`` (party id -> names, from the data) tell one party's claim from another's
    when the same figure is stated in two sentences.

    Work is linear in the text's length and stops building candidates after
    MAX_CANDIDATES of a kind, so a hostile paste costs about what an article does."""
    when = date.fromisoformat(published) if isinstance(published, str) else published
    whole = normalize(text)
    horizon = _horizon(whole.text)
    norm = Normalized(text, whole.text[:horizon], whole.origin[:horizon])
    dates = find_dates(norm, when)
    figures = find_figures(norm.text, read_numerals(norm.text), dates, MAX_CANDIDATES)
    truncated = horizon < len(whole.text) or len(figures) > MAX_CANDIDATES or len(dates) > MAX_CANDIDATES
    found_figures = _confirm_reversed([_figure(norm, f) for f in figures[:MAX_CANDIDATES]])
    found_events = [_event(norm, d) for d in dates[:MAX_CANDIDATES]]
    places = _Places(text, parties)
    return Extraction(
        language_of(text), when.isoformat() if when else None,
        tuple(_merge_repeats(found_figures, places, lambda f: (f.value, f.value_max, f.unit))),
        tuple(_merge_repeats(found_events, places, lambda e: e.date and e.date[:4])),
        truncated,
    )


def _horizon(folded: str) -> int:
    """Where reading stops: after NUMBER_BUDGET numbers (digit runs and number words, found
    by one regular expression), so "1 " 99,500 times costs what 3,000 numbers cost."""
    for count, match in enumerate(NUMBER_LIKE.finditer(folded), start=1):
        if count > NUMBER_BUDGET:
            return match.start()
    return len(folded)


class _Places:
    """Which sentence a character is in, whether it is in the headline (the first line), and
    what its sentence says of a figure (who counts it, total or flow)."""

    def __init__(self, text: str, parties: PartyNames | None = None):
        first = text.lstrip("\n")
        self.headline_end = len(text) - len(first) + first.find("\n") if "\n" in first else -1
        self.breaks = [m.end() for m in SENTENCE_END.finditer(text)]
        self.text, self.parties, self._settings = text, parties or {}, {}

    def setting(self, candidate: FigureCandidate) -> tuple[str | None, str | None, bool]:
        """(party, kind, another incident) of a figure stated again, read once per figure."""
        key = (candidate.start, candidate.end)
        if key not in self._settings:
            found = read_setting(self.text, candidate.start, candidate.end, self.parties)
            self._settings[key] = (found.party, found.kind, another_event(found))
        return self._settings[key]

    def same_claim(self, first: FigureCandidate, second: FigureCandidate) -> bool:
        """The same value and noun (the merge key), qualifier and party, in any two
        sentences (a headline, the lede, a spokesman's quote), of no two different kinds."""
        if first.unit is None or first.qualifier != second.qualifier:
            return False
        (party, kind, another), (party_2, kind_2, another_2) = self.setting(first), self.setting(second)
        if party is None or party != party_2 or another or another_2:
            return False  # "3 injured. In another incident 3 injured": two claims
        return kind is None or kind_2 is None or kind == kind_2

    def sentence(self, position: int) -> int:
        return bisect_right(self.breaks, position)

    def in_headline(self, position: int) -> bool:
        return position < self.headline_end


def _confirm_reversed(figures: list[FigureCandidate]) -> list[FigureCandidate]:
    """Digits out of order read in reverse are confirmed when the text also writes that
    number of the same thing in order ("35 ألف لغم" in the headline, "000 35 لغم" in the body)."""
    in_order = {(f.value, f.unit) for f in figures if "reversed" not in f.how}
    return [replace(f, low_confidence=False, how=(*f.how, "reversed_confirmed"))
            if "reversed" in f.how and (f.value, f.unit) in in_order and not _guessed_unit(f) else f for f in figures]


def _guessed_unit(figure: FigureCandidate) -> bool:
    return any(rule in figure.how for rule in ("unit_nisba", "unit_noun", "no_unit"))


def _merge_repeats(found: list, places: _Places, key: Callable) -> list:  # noqa: ANN001
    """The same figure (or date) in the same sentence, or repeated from the headline, is one
    candidate with every span: the body's wording (and its qualifier) stands, the headline's
    is listed in ``also``. A bare headline figure merges into a qualified one in the body."""
    kept: list = []
    by_key: dict = {}
    for candidate in found:
        twin = next((i for i in by_key.get(key(candidate), []) if _repeats(kept[i], candidate, places)), None)
        if twin is None:
            by_key.setdefault(key(candidate), []).append(len(kept))
            kept.append(candidate)
            continue
        first, second = kept[twin], candidate
        main, other = (second, first) if _prefer(second, first, places) else (first, second)
        kept[twin] = replace(main, also=tuple(sorted({*main.also, (other.start, other.end), *other.also})),
                             how=tuple(dict.fromkeys((*main.how, "repeated"))))
    return kept


def _repeats(first, second, places: _Places) -> bool:  # noqa: ANN001
    headline = places.in_headline(first.start) != places.in_headline(second.start)
    if isinstance(first, EventCandidate):  # "منذ 2015" in the headline is "30 أيلول 2015" in the body
        if not (first.date and second.date):
            return False
        coarser = first.date.startswith(second.date) or second.date.startswith(first.date)
        same_words = first.date == second.date and first.quote.lower() == second.quote.lower()
        return (same_words and places.sentence(first.start) == places.sentence(second.start)) or (headline and coarser)
    same_words = first.qualifier == second.qualifier
    bare_headline = headline and "exact" in (getattr(first, "qualifier", "exact"), getattr(second, "qualifier", "exact"))
    if not (same_words or bare_headline):
        return False
    return headline or places.sentence(first.start) == places.sentence(second.start) or places.same_claim(first, second)


def _prefer(candidate, other, places: _Places) -> bool:  # noqa: ANN001
    """The body's qualified wording over a headline's bare one; a date known to the day over
    its headline's month or year."""
    if isinstance(candidate, EventCandidate) and len(candidate.date) != len(other.date):
        return len(candidate.date) > len(other.date)
    if getattr(candidate, "qualifier", "exact") != getattr(other, "qualifier", "exact"):
        return getattr(candidate, "qualifier", "exact") != "exact"
    return places.in_headline(other.start) and not places.in_headline(candidate.start)


def to_yaml(extraction: Extraction) -> str:
    return yaml.safe_dump(extraction.as_dict(), allow_unicode=True, sort_keys=False, width=100)


def language_of(text: str) -> str:
    """"ar" when Arabic letters outnumber Latin ones, else "en"."""
    return "ar" if len(ARABIC_LETTER.findall(text)) >= len(LATIN_LETTER.findall(text)) else "en"


def guess_published(text: str) -> date | None:
    """The dateline: the first full date the text states near its start, if any."""
    for event in extract(text[:DATELINE_CHARS]).events:
        if event.basis == "stated" and event.date_precision == "day":
            return date.fromisoformat(event.date)
    return None


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


def _figure(norm: Normalized, match: FigureMatch) -> FigureCandidate:
    start, end = norm.span(match.start, match.end)
    unit = match.unit
    if unit is None and match.unit_span:
        unit = norm.original[slice(*norm.span(*match.unit_span))].lower()
    return FigureCandidate(_number(match.value), _number(match.value_max), match.qualifier, unit,
                           norm.original[start:end], start, end, match.how, match.low)


def _event(norm: Normalized, match: DateMatch) -> EventCandidate:
    start, end = norm.span(match.start, match.end)
    return EventCandidate(match.date, match.precision, norm.original[start:end], start, end, match.basis,
                          match.how)
