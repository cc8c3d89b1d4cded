"""What the Add an article page shows, as plain functions: the text read from an upload
or a paste (size-limited), the candidates as editable rows, the text with every
candidate marked (escaped HTML, right to left for Arabic) and the draft to download.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsdash.curation.draft import (
    MAX_ARTICLE_BYTES,
    build_draft,
    draft_article_id,
    draft_yaml,
    text_problem,
    unit_words,
)
from newsdash.data.loading import LoadedArticle, split_paragraphs
from newsdash.data.measures import Measure
from newsdash.data.stories import holder_of
from newsdash.reading.candidates import EventCandidate, Extraction, FigureCandidate
from newsdash.reading.formatting import count_noun, format_date, format_number, format_value
from newsdash.reading.i18n import t

FIGURE_COLUMNS = ["keep", "mark", "quote", "reading", "unit", "why", "confidence", "status"]
EVENT_COLUMNS = ["keep", "mark", "quote", "reading", "basis", "why", "confidence", "status"]
LOW_STYLE = "outline:2px dashed #b3261e;outline-offset:1px;"
ALSO_STYLE = "background:#fff8d6;border-bottom:1px dotted #c9a400;"
MARK_STYLE = {
    "figure": "background:#fff1a8;border-bottom:2px solid #c9a400;",
    "event": "background:#d9ebff;border-bottom:2px solid #3b7dd8;",
}
DROPPED_STYLE = "background:none;border-bottom:1px dashed #999;text-decoration:line-through;color:#777;"
TEXT_STYLE = {
    "ar": "direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif;"
          "font-size:1.1rem;line-height:2.1;",
    "en": "direction:ltr;text-align:left;line-height:1.8;",
}


@dataclass(frozen=True)
class Incoming:
    """The article's bytes, or why there are none: ("too_large", size) or ("unreadable", why)."""

    raw: bytes | None = None
    problem: tuple[str, str] | None = None

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8") if self.raw else ""


def incoming(uploaded: bytes | None, pasted: str | None) -> Incoming:
    """An upload wins over a paste; either must be UTF-8 text of at most MAX_ARTICLE_BYTES."""
    raw = uploaded if uploaded else (pasted or "").strip().encode("utf-8")
    if not raw.strip():
        return Incoming()
    if len(raw) > MAX_ARTICLE_BYTES:
        return Incoming(problem=("too_large", str(len(raw))))
    if raw.startswith(b"\xef\xbb\xbf"):
        return Incoming(problem=("unreadable", "it starts with a byte-order mark; save it as UTF-8 without BOM"))
    if b"\x00" in raw:
        return Incoming(problem=("unreadable", "it contains NUL bytes, so it is not a text file"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Incoming(problem=("unreadable", f"it is not UTF-8 (byte {exc.start})"))
    # "\u202e1937" shows as 7391 and "19\u200f37" as 3719 while both read 1,937: refused, with the line
    if problem := text_problem(text):
        return Incoming(problem=("unreadable", f"line {problem[0]}: it {problem[1]}"))
    return Incoming(raw)


def on_record_message(text: str, articles: Iterable[LoadedArticle], lang: str) -> tuple[str, str] | None:
    """(what to say, the article's id) when the text's story is already on the record."""
    holder = holder_of(text, articles)
    if holder is None:
        return None
    info = holder.article.article
    return t("add_on_record", lang).format(title=info.title.get(lang), article=info.id), info.id


def problem_message(problem: tuple[str, str], lang: str) -> str:
    kind, detail = problem
    if kind == "too_large":
        return t("add_too_large", lang).format(size=format_number(int(detail), lang),
                                               limit=format_number(MAX_ARTICLE_BYTES, lang))
    return t("add_unreadable", lang).format(problem=detail)


def editor_key(kind: str, raw: bytes) -> str:
    """A new text gets fresh tick boxes: the editor's key carries the text's digest."""
    return f"add_{kind}_{hashlib.sha256(raw).hexdigest()[:12]}"


def figure_mark(number: int) -> str:
    return f"F{number}"


def event_mark(number: int) -> str:
    return f"D{number}"


def figure_reading(figure: FigureCandidate, lang: str) -> str:
    """'more than 26,000 explosive objects': the parsed value, qualifier kept."""
    value = format_value(figure.value, figure.qualifier, lang, figure.value_max)
    return f"{value} {unit_words(figure.unit, lang)}".strip()


def event_reading(event: EventCandidate, lang: str) -> str:
    if event.date is None:
        return "?"
    return f"{format_date(event.date, lang)} ({t('precision_' + event.date_precision, lang)})"


def confidence_words(candidate: FigureCandidate | EventCandidate, lang: str) -> str:
    return t("confidence_low" if candidate.low_confidence else "confidence_normal", lang)


def figure_rows(extraction: Extraction, lang: str) -> list[dict]:
    return [{"keep": True, "mark": figure_mark(i + 1), "quote": f.quote, "reading": figure_reading(f, lang),
             "unit": unit_words(f.unit, lang) if f.unit_known else (f.unit or ""), "why": f.reason(lang),
             "confidence": confidence_words(f, lang), "status": t("unconfirmed", lang)}
            for i, f in enumerate(extraction.figures)]


def event_rows(extraction: Extraction, lang: str) -> list[dict]:
    return [{"keep": e.date is not None, "mark": event_mark(i + 1), "quote": e.quote,
             "reading": event_reading(e, lang), "basis": t(f"basis_{e.basis}", lang), "why": e.reason(lang),
             "confidence": confidence_words(e, lang), "status": t("unconfirmed", lang)}
            for i, e in enumerate(extraction.events)]


def kept_caption(draft: Draft, extraction: Extraction, lang: str) -> str:
    counts = {"figures": draft.figures, "figures_total": len(extraction.figures),
              "events": draft.events, "events_total": len(extraction.events)}
    nouns = {"figures_noun": count_noun("figures", len(extraction.figures), lang),
             "events_noun": count_noun("dates", len(extraction.events), lang)}
    return t("add_kept", lang).format(**{k: format_number(v, lang) for k, v in counts.items()}, **nouns)


def file_name_label(key: str, name: str, lang: str) -> str:
    """A file name inside Arabic text, kept left to right (000_… not …_000)."""
    return t(key, lang).format(name=f"\u200e{name}\u200e" if lang == "ar" else name)


def kept_indexes(keeps: list[bool]) -> list[int]:
    return [i for i, keep in enumerate(keeps) if keep]


def marked_html(text: str, extraction: Extraction, kept_figures: list[int], kept_events: list[int],
                lang: str) -> str:
    """The article with each candidate marked: every character escaped, paragraphs kept,
    the text's own direction (an Arabic article reads right to left in either interface)."""
    marks = []
    for kind, candidates, mark, reading, kept in (
            ("figure", extraction.figures, figure_mark, figure_reading, kept_figures),
            ("event", extraction.events, event_mark, event_reading, kept_events)):
        for i, c in enumerate(candidates):
            about = (mark(i + 1), reading(c, lang), c.reason(lang), c.low_confidence, i in kept)
            marks.append((c.start, c.end, kind, *about, False))
            marks += [(start, end, kind, *about, True) for start, end in c.also]
    body = _with_marks(text, sorted(marks), lang)
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in split_paragraphs(body))
    direction = extraction.language
    return f'<div dir="{"rtl" if direction == "ar" else "ltr"}" lang="{direction}" ' \
           f'style="{TEXT_STYLE[direction]}">{paragraphs}</div>'


def _with_marks(text: str, marks: list[tuple], lang: str) -> str:
    parts, position = [], 0
    for start, end, kind, label, reading, why, low, kept, repeat in marks:
        if start < position:
            continue  # overlapping marks: the first one stands
        parts.append(html.escape(text[position:start]))
        parts.append(_mark(text[start:end], kind, label, (reading, why), (low, kept, repeat), lang))
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def _mark(words: str, kind: str, label: str, about: tuple[str, str], flags: tuple[bool, bool, bool],
          lang: str) -> str:
    """One candidate in the text: its reference (F3), what it reads, why, and how sure."""
    reading, why = about
    low, kept, repeat = flags
    classes = f"cand {kind}" + ("" if kept else " dropped") + (" low" if low else "") + (" repeat" if repeat else "")
    style = (ALSO_STYLE if repeat else MARK_STYLE[kind]) + (LOW_STYLE if low else "") + ("" if kept else DROPPED_STYLE)
    title = " · ".join([label, reading, why] + [t("confidence_low", lang)] * low + [t("unconfirmed", lang)])
    reference = label + ("?" if low else "")
    return (f'<mark class="{classes}" title="{html.escape(title)}" '
            f'style="{style}padding:0 .15em;border-radius:3px;">{html.escape(words)}'
            f'<sup style="font-size:.65em;color:#555;margin-inline-start:.15em;">{reference}</sup></mark>')


@dataclass(frozen=True)
class Draft:
    yaml_text: str
    file_name: str
    seed_name: str
    left_out: tuple[str, ...]
    figures: int
    events: int
    article: dict = field(default_factory=dict)  # the draft itself, for the confirm form


def draft_for(incoming_: Incoming, extraction: Extraction, seed_name: str,  # noqa: PLR0913
              kept_figures: list[int], kept_events: list[int], measures: Mapping[str, Measure] | None = None) -> Draft:
    """The draft YAML for the ticked candidates, with the measure and category proposed for
    each figure; seed_name is the name new-article gives the text (newsdash.curation.draft.
    seed_file_name, which looks at the seeds folder: the caller's part)."""
    raw = incoming_.raw or b""
    article, left_out = build_draft(raw, incoming_.text, extraction, seed_name, kept_figures, kept_events, measures)
    return Draft(draft_yaml(article, extraction, measures, incoming_.text), f"{draft_article_id(raw)}.yaml", seed_name, tuple(left_out),
                 len(article["figures"]), len(article["events"]), article)
