"""What the sentence around a figure says about it: who counts it, over what period, and
of what, when the quote itself does not say.

A figure alone ("15 ألفا", "1,250 ha") cannot tell a day's flow from a running total, nor
one agency's count from another's. The words that do are elsewhere in its sentence or in
the one before: "ANAMA said", "the ministry's spokesman", "over the past day",
«حتى الآن», «منذ بداية». ``read_setting`` finds them; the party names come from the data
(data/measures.yaml, `parties:`), the period phrases from newsdash.reading.lexicon.
Pure logic: no streamlit, no measure ids.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsdash import caches
from newsdash.reading.lexicon import (
    ANOTHER_EVENT,
    FLOW_PHRASES,
    FOREIGN_NATIONALITY,
    LEVEL_PHRASES,
    REFERS_BACK,
    REPORTING_VERBS,
    STATEMENT_DAY,
    TOTAL_PHRASES,
    UNIT_WORDS,
    WEEKDAY_PHRASES,
)
from newsdash.reading.normalize import fold, normalize

# a full stop before a lower-case word or a digit ends an abbreviation ("Nov. 14"), not a sentence
SENTENCE_END = re.compile(r"[.!?؟](?=\s+(?![a-z0-9]))|\n")
TIME_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years", "percent"})
CLAUSE_END = re.compile(r"[,،;؛:]")
PREFIX = "(?:[وبفك]?ال|لل|[وبلف]{1,2})?"  # Arabic prefixes: "وبجهود", "لوزارة", "اللاجئين", "للاجئين"
MIN_WORDS = 4  # a shorter "sentence" ("(تستمر)", a byline) names no one: look before it
PartyNames = Mapping[str, Sequence[str]]  # party id -> its names and aliases


@dataclass(frozen=True)
class Setting:
    """What the words around one figure say."""

    sentence: str = ""
    party: str | None = None  # a party id, or None: no party named or referred back to
    party_words: str = ""  # the words that name it, as written
    kind: str | None = None  # total, flow or level; None when no period is stated
    per: str | None = None  # a flow's period: day, weekend, week, month
    period_words: str = ""
    noun_unit: str | None = None  # the unit a noun of the sentence names, for a quote with none


def party_names(parties: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
    """{party id: names} from the data's parties (objects with all_aliases())."""
    return {pid: tuple(party.all_aliases()) for pid, party in parties.items()}  # type: ignore[attr-defined]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    starts = [0, *ends]
    return [(s, e) for s, e in zip(starts, [*ends, len(text)], strict=True) if text[s:e].strip()]


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The text's sentences and their starts, made once per text (a draft reads every
    figure's setting in the same text; a str caches its own hash)."""
    spans = sentence_spans(text)
    return spans, [s for s, _ in spans]


caches.owns("reading.setting:_sentences", _sentences.cache_clear)


def read_setting(text: str, start: int, end: int, parties: PartyNames) -> Setting:
    """Who counts the figure at text[start:end], over what period, and its noun."""
    spans, starts = _sentences(text)
    index = max(0, bisect_right(starts, start) - 1) if spans else 0
    s_start, s_end = spans[index] if spans else (0, len(text))
    sentence = text[s_start:s_end]
    here, there = start - s_start, end - s_start
    party, party_words = _party(text, spans, index, here, parties)
    kind, per, period_words = _period(sentence, here, there)
    return Setting(sentence.strip(), party, party_words, kind, per, period_words, _noun(sentence, here, there))


# --- who counts -------------------------------------------------------------------------


def _party(text: str, spans: list[tuple[int, int]], index: int, here: int,
           parties: PartyNames) -> tuple[str | None, str]:
    """The party the sentence names (the one nearest before the figure, else after it);
    else the one the sentence before names; else, when the sentence or the one before
    refers back ("the ministry said", «وأضاف», «ووفقا له»), the last party named before."""
    if not spans or not parties:
        return None, ""
    s_start, s_end = spans[index]
    named = named_parties(text[s_start:s_end], parties)
    if named:
        before = [n for n in named if n[0] < here]
        chosen = before[-1] if before else named[0]
        return chosen[2], text[s_start + chosen[0]:s_start + chosen[1]]
    refers = _refers_back(text[s_start:s_end])
    if not refers and _has_reporting_verb(text[s_start:s_end]):
        return None, ""  # "farmers said ...": a speaker of its own, not the party named before
    for back in range(index - 1, -1, -1):
        b_start, b_end = spans[back]
        words = text[b_start:b_end]
        named = named_parties(words, parties)
        if named:
            return named[-1][2], words[named[-1][0]:named[-1][1]]
        if len(words.split()) >= MIN_WORDS and not (refers or _refers_back(words)):
            return None, ""  # a sentence that names no one and refers back to no one: stop
        refers = refers or _refers_back(words)
    return None, ""


def named_parties(sentence: str, parties: PartyNames) -> list[tuple[int, int, str]]:
    """(start, end, party id) of every party name in the sentence, the longest name first
    where names overlap; a name followed (Arabic) or preceded (English) by another
    country's adjective is that country's office, not the party ("وزارة الدفاع الأذربيجانية")."""
    pattern, by_alias = _party_pattern(tuple((pid, tuple(names)) for pid, names in sorted(parties.items())))
    if pattern is None:
        return []
    norm = normalize(sentence)
    found = []
    for match in pattern.finditer(norm.text):
        if _foreign(norm.text, match.start(1), match.end(1)):
            continue
        start, end = norm.span(match.start(1), match.end(1))
        found.append((start, end, by_alias[match.group(1)]))
    return found


@lru_cache(maxsize=16)
def _party_pattern(parties: tuple) -> tuple[re.Pattern | None, dict[str, str]]:
    by_alias = {}
    for pid, names in parties:
        for name in names:
            if fold(name).strip():
                by_alias.setdefault(fold(name).strip(), pid)
    if not by_alias:
        return None, {}
    alternation = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_]){PREFIX}({alternation})(?![^\W_])"), by_alias


caches.owns("reading.setting:_party_pattern", _party_pattern.cache_clear)


def _foreign(folded: str, start: int, end: int) -> bool:
    after = folded[end:end + 30].split()
    before = folded[max(0, start - 30):start].split()
    return bool((after and after[0] in FOREIGN_NATIONALITY) or (before and before[-1] in FOREIGN_NATIONALITY))


def _has_reporting_verb(sentence: str) -> bool:
    return any(word in REPORTING_VERBS or word[1:] in REPORTING_VERBS for word in fold(sentence).split())


def _refers_back(words: str) -> bool:
    return bool(_phrase_hits(words, REFERS_BACK))


def another_event(setting: Setting) -> bool:
    """The sentence tells of another incident, place or count ("in another incident", «وفي حادث آخر»)."""
    return bool(_phrase_hits(setting.sentence, ANOTHER_EVENT))


# --- over what period -------------------------------------------------------------------


def _period(sentence: str, here: int, there: int) -> tuple[str | None, str | None, str]:
    """The period phrase nearest the figure in its clause, else in its sentence. A weekday
    counts only when no other phrase is there, and not right after a reporting verb
    ("said on Sunday" dates the statement, not the count)."""
    hits = [(s, e, "flow", per) for s, e, per in _phrase_hits(sentence, FLOW_PHRASES)]
    hits += [(s, e, "total", None) for s, e, _ in _phrase_hits(sentence, TOTAL_PHRASES)]
    hits += [(s, e, "level", None) for s, e, _ in _phrase_hits(sentence, LEVEL_PHRASES)]
    hits = _without_overlaps(hits)
    weekdays = [(s, e, "flow", "day") for s, e, _ in _phrase_hits(sentence, WEEKDAY_PHRASES)
                if not _after_reporting_verb(sentence, s)]
    clause = _clause(sentence, here, there)
    for pool in ([h for h in hits if _inside(h, clause)], hits,
                 [h for h in weekdays if _inside(h, clause)], weekdays):
        if pool:
            s, e, kind, per = min(pool, key=lambda h: _distance(h, here, there))
            return kind, per, sentence[s:e]
    return None, None, ""


def _without_overlaps(hits: list) -> list:
    """A longer phrase wins over one inside it ("since yesterday" over "since")."""
    kept = []
    for hit in sorted(hits, key=lambda h: h[0] - h[1]):
        if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept):
            kept.append(hit)
    return kept


def _clause(sentence: str, here: int, there: int) -> tuple[int, int]:
    cuts = [m.start() for m in CLAUSE_END.finditer(sentence) if not _inside_number(sentence, m.start())]
    start = max([c + 1 for c in cuts if c < here], default=0)
    end = min([c for c in cuts if c >= there], default=len(sentence))
    return start, end


def _inside_number(sentence: str, at: int) -> bool:
    """A comma between digits is a thousands separator, not a clause's end."""
    return 0 < at < len(sentence) - 1 and sentence[at - 1].isdigit() and sentence[at + 1].isdigit()


def _inside(hit: tuple, span: tuple[int, int]) -> bool:
    return span[0] <= hit[0] and hit[1] <= span[1]


def _distance(hit: tuple, here: int, there: int) -> int:
    return here - hit[1] if hit[1] <= here else max(0, hit[0] - there)


def _after_reporting_verb(sentence: str, at: int) -> bool:
    before = fold(sentence[max(0, at - 60):at]).split()[-6:]  # «قالت وزارة الدفاع ... يوم الأحد»
    return any(word in REPORTING_VERBS or word[1:] in REPORTING_VERBS or word in STATEMENT_DAY for word in before)


def _phrase_hits(sentence: str, table: Mapping[str, object]) -> list[tuple[int, int, object]]:
    """(start, end, value) of each phrase of a folded table in the sentence (whole words,
    an Arabic prefix allowed), in the sentence's own offsets."""
    pattern = _table_pattern(tuple(sorted(table, key=len, reverse=True)))
    norm = normalize(sentence)
    return [(*norm.span(m.start(1), m.end(1)), table[m.group(1)]) for m in pattern.finditer(norm.text)]


@lru_cache(maxsize=16)
def _table_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![^\W_]){PREFIX}({alternation})(?![^\W_])")


caches.owns("reading.setting:_table_pattern", _table_pattern.cache_clear)


# --- of what ----------------------------------------------------------------------------


def _noun(sentence: str, here: int, there: int) -> str | None:
    """The unit a noun of the sentence names, nearest the figure (for "نحو 15 ألفا" in
    "ارتفع إجمالي عدد اللاجئين العائدين إلى نحو 15 ألفا")."""
    hits = [h for h in _phrase_hits(sentence, UNIT_WORDS)
            if (h[1] <= here or h[0] >= there) and h[2] not in TIME_UNITS]
    if not hits:
        return None
    return str(min(hits, key=lambda h: _distance(h, here, there))[2])
