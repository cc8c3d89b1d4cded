"""A draft article file from the extractor's candidates, for an editor to confirm.

The draft validates like any article (every quote found once in the seed, every value
and date proven from its quote), but every record is ``status: draft`` and every field
only an editor can fill (label, translation, who said it) holds a ``[draft]``
placeholder. The loader keeps drafts off the dashboard; a record marked confirmed while
a placeholder remains is an error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import yaml

from newsdash.curation.proposals import Proposal, propose_for_quote, propose_in_text
from newsdash.data.loading import split_paragraphs
from newsdash.data.measures import Measure
from newsdash.data.models import DRAFT_MARKS
from newsdash.data.provenance import ProvenanceProblem, check_event_date, check_figure
from newsdash.reading.candidates import KNOWN_UNITS, EventCandidate, Extraction, FigureCandidate
from newsdash.reading.formatting import UNITS, format_date, format_value, unit_label
from newsdash.reading.lexicon import UNIT_NAMES_AR
from newsdash.textsafety import BIDI_CONTROLS, character_problem, number_problem, one_line

MAX_ARTICLE_BYTES = 200_000
SEED_NAME = re.compile(r"^(\d{3})_[0-9a-f]{16}\.txt$")
DRAFT_EN, DRAFT_AR = DRAFT_MARKS
MAX_GROWTH = 8  # words added on either side to make a quote unique
MAX_HEADLINE = 200  # a longer first line is a paragraph, not a title
SENTENCE_ENDS = (".", "\u06d4", "\u3002")  # a headline ends without a full stop
BIDI_PATTERN = re.compile("[\u202a-\u202e\u2066-\u2069]")
RECORD_LINE = re.compile(r"^( *)- id: (figure|event)_(\d+)\n", re.MULTILINE)
HEADER = """\
# DRAFT written by `python -m newsdash new-article` (or the Add an article page) from
# seeds/{seed}. Every figure and event below is a machine suggestion, status: draft,
# and the dashboard does not show it. To publish one: check its value, qualifier, unit
# and quote against the text; fill in every {mark} placeholder (labels, category,
# attributed_to, translation, and the article block); check the period (it defaults to
# the publication date); then set status: confirmed. `python -m newsdash validate`
# proves each quote and refuses a confirmed record that still holds a placeholder.
# A figure's `party` and `kind` are what its sentence says (who counts it; running
# total or flow); a `proposed_measure` is a new series for it, written to
# data/measures.yaml when the article is confirmed on the Add an article page (by hand:
# move it there, then delete it here). See docs/adding-an-article.md.
"""


class _NoAliases(yaml.SafeDumper):
    """The loader refuses YAML aliases; never write one."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def seed_file_name(raw: bytes, seeds_dir: Path) -> str:
    """NNN_<first 16 hex of sha256>.txt, numbered after the existing seeds; a text that
    is already a seed, byte for byte, keeps the name it has."""
    existing = sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    same = next((p.name for p in existing if p.stat().st_size == len(raw) and p.read_bytes() == raw), None)
    numbers = [int(m.group(1)) for p in existing if (m := SEED_NAME.match(p.name))]
    return same or f"{max(numbers, default=-1) + 1:03d}_{sha256_hex(raw)[:16]}.txt"


def unit_words(unit: str | None, lang: str) -> str:
    """A unit in a language: the dashboard's own words (i18n), else the extractor's."""
    if not unit:
        return ""
    if unit in UNITS or lang != "ar":
        return unit_label(unit, lang)
    return UNIT_NAMES_AR.get(unit, unit)


def draft_article_id(raw: bytes) -> str:
    return f"draft-{sha256_hex(raw)[:16]}"


def build_draft(raw: bytes, text: str, extraction: Extraction, seed_file: str,  # noqa: PLR0913
                figures: Iterable[int] | None = None, events: Iterable[int] | None = None,
                measures: Mapping[str, Measure] | None = None) -> tuple[dict, list[str]]:
    """The article as a dict, and the quotes left out (not unique, or no date resolvable).

    ``figures`` and ``events`` are the indexes kept (all when None), so ids stay tied to
    the candidate numbers an editor saw (figure_3 is the third candidate figure). With
    ``measures``, each figure carries the measure and category proposed for it.
    """
    published = extraction.published
    keep_f = set(range(len(extraction.figures))) if figures is None else set(figures)
    keep_e = set(range(len(extraction.events))) if events is None else set(events)
    records, left_out = {"figures": [], "events": []}, []
    for i, candidate in enumerate(extraction.figures):
        if i in keep_f:
            record = _figure_record(text, candidate, i + 1, published)
            proposal = propose_in_text(text, candidate.start, candidate.end, candidate.quote,
                                       candidate.unit or "", measures) if measures and record else None
            _add(records["figures"], left_out, candidate, _with_proposal(record, proposal))
    for i, candidate in enumerate(extraction.events):
        if i in keep_e:
            _add(records["events"], left_out, candidate, _event_record(text, candidate, i + 1, published))
    for record in (*records["figures"], *records["events"]):
        record["translation"] = _quote_translation(record["quote"], extraction.language)
    article = {"article": _article_block(raw, text, extraction, seed_file), **records,
               "paragraphs": _paragraphs(text, extraction.language), "notes": []}
    return article, left_out


def _add(records: list, left_out: list, candidate, record: dict | None) -> None:  # noqa: ANN001
    if record is None:
        left_out.append(candidate.quote)
    else:
        records.append(record)


def _with_proposal(record: dict | None, proposal: Proposal | None) -> dict | None:
    """The figure with what its sentence says (who counts it, total or flow), the unit its
    sentence names when the quote has no noun, and the measure and category proposed for
    it (the editor accepts or changes them); a new measure is kept on the figure until the
    article is confirmed. As it was when there are no measures."""
    if record is None or proposal is None:
        return record
    record["category"] = proposal.category or record["category"]
    if _holds_draft_mark(record["unit"]) and proposal.unit in KNOWN_UNITS:
        record["unit"] = proposal.unit  # "نحو 15 ألفا": the noun is elsewhere in the sentence
    said = {"party": proposal.setting.party, "kind": proposal.setting.kind}
    with_measure = {}
    for key, value in record.items():  # the measure right after the category, as editors write it
        with_measure[key] = value
        if key == "category" and proposal.measure:
            with_measure["measure"] = proposal.measure
        if key == "unit":
            with_measure.update({k: v for k, v in said.items() if v})
    if proposal.new_measure is not None:
        with_measure["proposed_measure"] = proposal.new_measure
    return with_measure


def _holds_draft_mark(value: object) -> bool:
    return isinstance(value, str) and value.startswith(DRAFT_EN)


def proposal_reason(record: dict, measures: Mapping[str, Measure], lang: str = "en", text: str = "") -> str:
    return propose_for_quote(text, record["quote"], record["unit"], measures).reason(lang)


def draft_yaml(article: dict, extraction: Extraction | None = None,
               measures: Mapping[str, Measure] | None = None, text: str = "") -> str:
    """The draft as YAML; with the extraction, a comment above each record says which rule
    read it and marks a low-confidence reading, and with the measures, what is proposed
    for each figure and why (comments: the file validates as before)."""
    seed = article["article"]["seed"]["file"]
    body = yaml.dump(article, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    if extraction is not None:
        figures = {f["id"]: f for f in article.get("figures", [])}
        body = RECORD_LINE.sub(lambda m: _why_comment(m, extraction, figures, measures, text) + m.group(0), body)
    return HEADER.format(seed=seed, mark=DRAFT_EN) + body


def _why_comment(match: re.Match, extraction: Extraction, figures: Mapping[str, dict] | None = None,
                 measures: Mapping[str, Measure] | None = None, text: str = "") -> str:
    indent, kind, number = match.group(1), match.group(2), int(match.group(3))
    candidates = extraction.figures if kind == "figure" else extraction.events
    if not 0 < number <= len(candidates):
        return ""
    candidate = candidates[number - 1]
    lines = [f"read by: {candidate.reason()}"]
    if candidate.low_confidence:
        lines.append("LOW CONFIDENCE: check this reading against the text first")
    if candidate.also:
        spans = ", ".join(f"{start}-{end}" for start, end in candidate.also)
        lines.append(f"also stated at characters {spans} of the seed")
    record = (figures or {}).get(f"{kind}_{number}")
    if record is not None and measures:
        lines.append(proposal_reason(record, measures, "en", text))
    return "".join(f"{indent}# {one_line(line)}\n" for line in lines)


def bidi_problem(text: str) -> tuple[int, str] | None:
    """(line, why) when the text holds a bidirectional control (U+202A-E, U+2066-9), which
    could show "1937" as "7391" beside a candidate that reads 1,937; refused as in data files."""
    found = BIDI_PATTERN.search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()) + 1, character_problem(found.group())


def text_problem(text: str) -> tuple[int, str] | None:
    """(line, why) when a pasted or uploaded text may not become a seed: a bidirectional
    control anywhere, or a hidden character inside or beside a number (textsafety)."""
    return bidi_problem(text) or number_problem(text)


def _article_block(raw: bytes, text: str, extraction: Extraction, seed_file: str) -> dict:
    title = headline(text)
    original = title or f"{DRAFT_EN} the title in the text's language (the text has no headline)"
    return {
        "id": draft_article_id(raw),
        "status": "draft",
        "outlet": _placeholder("outlet", "الناشر"),
        "wire_agency": _placeholder("wire agency", "وكالة الأنباء"),
        "published": extraction.published,
        "language": extraction.language,
        "title_original": original,
        "title": {"en": title if title and extraction.language == "en" else f"{DRAFT_EN} English title",
                  "ar": title if title and extraction.language == "ar" else f"{DRAFT_AR} العنوان بالعربية"},
        "speaker": {"name": _placeholder("speaker", "المتحدث"), "role": _placeholder("role", "الصفة")},
        "seed": {"file": seed_file, "sha256": sha256_hex(raw)},
        "claim_caveat": _placeholder("whose claims are these figures, and has anyone verified them?",
                                     "لمن هذه الأرقام، وهل تحقق منها أحد؟"),
    }


def _placeholder(en: str, ar: str) -> dict:
    return {"en": f"{DRAFT_EN} {en}", "ar": f"{DRAFT_AR} {ar}"}


def headline(text: str) -> str | None:
    """The text's headline, whole, or None when it has none: a first paragraph of one short
    line that does not end a sentence. Wire copy often starts with its dateline sentence
    ("BAKU, Dec 7 (Agency) - ... said."), which is no title."""
    paragraphs = split_paragraphs(text)
    first = paragraphs[0].strip()
    if len(paragraphs) < 2 or not first or "\n" in first or len(first) > MAX_HEADLINE:
        return None
    if first.endswith(SENTENCE_ENDS) or character_problem(first) or any(c in BIDI_CONTROLS for c in first):
        return None
    return first


def _paragraphs(text: str, language: str) -> list[dict]:
    """Each paragraph's kind and English text: an English paragraph is its own English (no
    translation is asked of it); an Arabic one waits for the editor's translation."""
    has_headline = headline(text) is not None
    return [{"index": i, "kind": "headline" if i == 0 and has_headline else "body",
             "translation": paragraph.strip() if language == "en" and paragraph.strip()
             else f"{DRAFT_EN} translate this paragraph"}
            for i, paragraph in enumerate(split_paragraphs(text))]


def _quote_translation(quote: str, language: str) -> str:
    """The English of a quote: the quote itself in an English text."""
    return quote if language == "en" else f"{DRAFT_EN} translate the quote"


def _figure_record(text: str, figure: FigureCandidate, number: int, published: str | None) -> dict | None:
    def proves(quote: str) -> bool:
        return _passes(lambda: check_figure(quote, figure.value, figure.qualifier, figure.value_max))

    quote = unique_quote(text, figure.start, figure.end, proves)
    if quote is None or published is None:
        return None
    record = {"id": f"figure_{number}", "status": "draft", "label": _figure_label(figure),
              "category": "unsorted", "value": figure.value}
    if figure.value_max is not None:
        record["value_max"] = figure.value_max
    return record | {
        "qualifier": figure.qualifier,
        "unit": figure.unit if figure.unit_known else f"{DRAFT_EN} {figure.unit or 'unit'}",
        "period": {"as_of": published}, "attributed_to": f"{DRAFT_EN} who states this figure?",
        "quote": quote, "translation": f"{DRAFT_EN} translate the quote",
    }


def _figure_label(figure: FigureCandidate) -> dict:
    words = {lang: format_value(figure.value, figure.qualifier, lang, figure.value_max) for lang in ("en", "ar")}
    units = {lang: unit_words(figure.unit, lang) for lang in ("en", "ar")}
    return {"en": f"{DRAFT_EN} {words['en']} {units['en']}".strip(),
            "ar": f"{DRAFT_AR} {words['ar']} {units['ar']}".strip()}


def _event_record(text: str, event: EventCandidate, number: int, published: str | None) -> dict | None:
    if event.date is None:
        return None

    def proves(quote: str) -> bool:
        return _passes(lambda: check_event_date(quote, event.date, published))

    quote = unique_quote(text, event.start, event.end, proves)
    if quote is None:
        return None
    inferred = event.basis == "published"
    return {"id": f"event_{number}", "status": "draft", "date": event.date,
            "date_precision": event.date_precision, "label": _event_label(event.date, inferred),
            "quote": quote, "translation": f"{DRAFT_EN} translate the quote"}


def _event_label(iso: str, inferred: bool) -> dict:
    note_en = "; year from the publication date" if inferred else ""
    note_ar = "؛ السنة من تاريخ النشر" if inferred else ""
    return {"en": f"{DRAFT_EN} describe what happened ({format_date(iso, 'en')}{note_en})",
            "ar": f"{DRAFT_AR} صف ما حدث ({format_date(iso, 'ar')}{note_ar})"}


def _passes(check: Callable[[], None]) -> bool:
    try:
        check()
    except ProvenanceProblem:
        return False
    return True


def unique_quote(text: str, start: int, end: int, proves: Callable[[str], bool]) -> str | None:
    """The candidate's words, lengthened by whole words (within its line) until they
    occur once in the text and still prove the record; None when no such quote exists."""
    lefts, rights = _word_edges_left(text, start), _word_edges_right(text, end)
    for total in range(2 * MAX_GROWTH + 1):
        # words before first: "منذ تشرين الثاني/ نوفمبر 2020" reads better than a trailing "2020،"
        for left in reversed(range(max(0, total - len(rights) + 1), min(total, len(lefts) - 1) + 1)):
            quote = text[lefts[left]:rights[total - left]]
            if text.count(quote) == 1 and character_problem(quote) is None and proves(quote):
                return quote
    return None


def _word_edges_left(text: str, start: int) -> list[int]:
    edges = [start]
    for _ in range(MAX_GROWTH):
        match = re.search(r"[^\s]+[ \t]*$", text[max(0, edges[-1] - 200):edges[-1]])
        if not match:
            break
        edges.append(max(0, edges[-1] - 200) + match.start())
    return edges


def _word_edges_right(text: str, end: int) -> list[int]:
    edges = [end]
    for _ in range(MAX_GROWTH):
        match = re.compile(r"[ \t]*[^\s]+").match(text, edges[-1])
        if not match:
            break
        edges.append(match.end())
    return edges
