"""The original article as HTML: each paragraph of the seed right-to-left beside its
English translation, every figure and event quote marked where it stands, and the
editors' notes placed at the sentence they concern.

Pure: no streamlit. Every text is escaped here. Quotes are placed by their offsets in
the raw seed and each piece between two offsets is escaped on its own, so an offset
never falls inside an HTML entity. Marks that cross each other are split into properly
nested pieces; only the first piece of a record carries its id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Event, Figure, Note, Paragraph
from newsdash.reading.formatting import digits_for, format_date, quantity
from newsdash.reading.i18n import t
from newsdash.views.links import chart_link
from newsdash.views.page_links import SCROLL_TO_SELECTED_JS, page_url  # noqa: F401 - the page's script, re-exported

ARABIC_FONT = "'Noto Naskh Arabic','Noto Sans Arabic',serif"
ARABIC_STYLE = f"direction:rtl;text-align:right;font-family:{ARABIC_FONT};"
LATIN_STYLE = "direction:ltr;text-align:left;"
CHART_ICON = "↗"
NOTE_ICON = "✎"
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")

CSS = """
<style>
.nd-text { display:grid; grid-template-columns:1fr 1fr; column-gap:2rem; row-gap:.35rem; }
.nd-text .nd-head { font-weight:600; font-size:.85rem; opacity:.75; border-bottom:1px solid rgba(128,128,128,.4); }
.nd-text .nd-ar { font-size:1.2rem; line-height:2.1; }
.nd-text .nd-en { font-size:1rem; line-height:1.7; }
.nd-text .nd-headline { font-weight:700; font-size:1.3rem; }
.nd-text .nd-full { grid-column:1 / -1; }
.nd-text .nd-boilerplate { color:#5f5f5f; font-style:italic; }  /* 6.4:1 on white (WCAG AA) */
.nd-text .nd-bp-label { color:#5f5f5f; font-size:.75rem; margin-top:.6rem;
  border-top:1px dashed rgba(128,128,128,.5); padding-top:.2rem; }
.nd-text mark.q { color:#111; border-radius:3px; padding:0 .1em; scroll-margin:40vh; }
.nd-text mark.q-figure { background:#fde68a; }
.nd-text mark.q-event { background:#bfdbfe; }
.nd-text mark.q-note { background:transparent; color:inherit; border-bottom:2px dotted #c2410c; }
.nd-text mark.q-draft { background:#e5e7eb; }
.nd-text mark.q mark.q { box-shadow:inset 0 -3px 0 rgba(0,0,0,.35); }
.nd-text mark.q-selected { background:#f59e0b; outline:3px solid #b45309; outline-offset:1px; }
.nd-text a.q-link { text-decoration:none; font-size:.7em; vertical-align:super; margin:0 .1em;
  display:inline-flex; align-items:center; justify-content:center; min-width:24px; min-height:24px; }  /* a tap target (WCAG 2.5.8) */
.nd-note { border-inline-start:4px solid #c2410c; background:rgba(194,65,12,.08);
  padding:.4rem .8rem; margin:.3rem 0 .8rem; border-radius:4px; }
.nd-note .nd-note-label { font-weight:700; font-size:.8rem; color:#c2410c; }
.nd-note .nd-note-sources { font-size:.8rem; opacity:.85; }
.nd-card dl { display:grid; grid-template-columns:max-content 1fr; gap:.25rem 1rem; margin:0; }
.nd-card dt { font-weight:600; opacity:.8; }
.nd-card dd { margin:0; }
.nd-card code { font-size:.85em; }
.nd-card .nd-quote { font-size:1.15em; }
@media (max-width: 720px) { .nd-text { grid-template-columns:1fr; } }
</style>
"""


@dataclass(frozen=True)
class Mark:
    """One quote to highlight: where it stands, what it is, what hovering says."""

    record_id: str
    kind: str  # figure, event or note
    start: int
    end: int
    title: str
    href: str
    link_title: str
    draft: bool = False


# 1/ WHAT EACH RECORD SAYS WHEN HOVERED, AND WHERE IT LINKS


def figure_title(fig: Figure, lang: str, names: Mapping[str, str] | None = None) -> str:
    """'Explosive objects neutralised: more than 26,000 explosive objects': the reader's
    words, never the record's id (that stays in the Data & method table); a figure on a
    measure goes by the measure's one name (`names`: measure id -> label)."""
    value = quantity(fig.value, fig.qualifier, fig.unit, lang, fig.value_max)
    draft = f" ({t('draft', lang)})" if fig.status == "draft" else ""
    return f"{(names or {}).get(fig.measure or '', fig.label.get(lang))}: {value}{draft}"


def event_title(event: Event, lang: str) -> str:
    """'Hostilities resume in Karabakh (...): September 2020 (known to the month only)'."""
    draft = f" ({t('draft', lang)})" if event.status == "draft" else ""
    return f"{event.label.get(lang)}: {event_date(event, lang)}{draft}"


def event_date(event: Event, lang: str) -> str:
    """The date in words at the precision the text gives: 'September 2020 (known to the month only)'.

    Words, not ISO: inside Arabic text an ISO date reads backwards (29-12-2021)."""
    precision = t(f"date_precision_{event.date_precision}", lang)
    return f"{format_date(event.date, lang)} ({precision})"


def article_marks(loaded: LoadedArticle, lang: str, names: Mapping[str, str] | None = None) -> list[Mark]:
    """A mark for every figure, event and quoted note, at its offsets in the seed."""
    open_chart = t("open_chart", lang)
    marks = []
    for fig in loaded.article.figures:
        marks.append(_record_mark(loaded, fig.id, "figure", figure_title(fig, lang, names), lang, open_chart,
                                  fig.status == "draft"))
    for event in loaded.article.events:
        marks.append(_record_mark(loaded, event.id, "event", event_title(event, lang), lang, open_chart,
                                  event.status == "draft"))
    for note in loaded.article.notes:
        if note.concerns.quote:
            span = loaded.spans[note.id]
            title = t("editors_note_label", lang)
            marks.append(Mark(note.id, "note", span.start, span.end, title, f"#note-{note.id}",
                              t("open_note", lang)))
    return marks


def _record_mark(loaded, record_id, kind, title, lang, link_title, draft) -> Mark:  # noqa: ANN001, PLR0913
    span = loaded.spans[record_id]
    href = page_url(*chart_link(loaded, record_id, lang))
    return Mark(record_id, kind, span.start, span.end, title, href, link_title, draft)


# 2/ MARKING ONE TEXT BY OFFSETS


def mark_text(text: str, marks: Iterable[Mark], selected: str | None = None, with_ids: bool = True) -> str:
    """Escaped text with each mark wrapped in <mark>, offsets relative to the text.

    Marks that cross are closed and reopened so the tags nest; the chart links wait
    until the outermost mark closes, so a mark's text is exactly its quote.
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[int]] = {}
    # at one offset, open the longest first so shorter marks nest inside it
    for i in sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, marks[i].record_id)):
        starts.setdefault(marks[i].start, []).append(i)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[int] = []
    first_piece_done: set[int] = set()
    links: list[int] = []
    for here, following in zip(cuts, [*cuts[1:], None], strict=True):
        links += _close_marks_ending(here, marks, stack, out, selected)
        if not stack:
            out += [_link_html(marks[i]) for i in links]
            links = []
        for i in starts.get(here, []):
            first = with_ids and i not in first_piece_done
            first_piece_done.add(i)
            out.append(_open_tag(marks[i], selected, first))
            stack.append(i)
        if following is not None:
            out.append(html.escape(text[here:following]))
    return "".join(out)


def _close_marks_ending(here: int, marks: list[Mark], stack: list[int], out: list[str],
                        selected: str | None) -> list[int]:
    """Close every open mark that ends here; reopen (as continuations) those inside
    them that go on. Returns the marks that ended."""
    ending = [i for i in stack if marks[i].end == here]
    if not ending:
        return []
    reopen = []
    while any(i in ending for i in stack):
        i = stack.pop()
        out.append("</mark>")
        if i not in ending:
            reopen.append(i)
    for i in reversed(reopen):
        out.append(_open_tag(marks[i], selected, first=False))
        stack.append(i)
    return ending


def _open_tag(mark: Mark, selected: str | None, first: bool) -> str:
    classes = ["q", f"q-{mark.kind}"]
    if mark.draft:
        classes.append("q-draft")
    if mark.record_id == selected:
        classes.append("q-selected")
    if not first:
        classes.append("q-cont")
    ident = f' id="q-{html.escape(mark.record_id)}"' if first else ""
    return (f'<mark{ident} class="{" ".join(classes)}" data-record="{html.escape(mark.record_id)}" '
            f'title="{html.escape(mark.title)}">')


def _link_html(mark: Mark) -> str:
    icon = NOTE_ICON if mark.kind == "note" else CHART_ICON
    label = html.escape(f"{mark.link_title}: {mark.title}")
    return f'<a class="q-link" href="{html.escape(mark.href)}" title="{label}" aria-label="{label}">{icon}</a>'


# 3/ THE ARTICLE, PARAGRAPH BY PARAGRAPH


def paragraph_starts(paragraphs: list[str]) -> list[int]:
    """Offset in the seed of each paragraph (they are separated by a blank line)."""
    starts, offset = [], 0
    for text in paragraphs:
        starts.append(offset)
        offset += len(text) + 2
    return starts


def paragraph_of(offset: int, starts: list[int]) -> int:
    return max(i for i, start in enumerate(starts) if start <= offset)


def shifted(marks: Iterable[Mark], offset: int, length: int) -> list[Mark]:
    """The marks that touch a paragraph, clipped and made relative to it."""
    return [Mark(m.record_id, m.kind, max(m.start - offset, 0), min(m.end - offset, length), m.title,
                 m.href, m.link_title, m.draft)
            for m in marks if m.start < offset + length and m.end > offset]


def translation_marks(translation: str, loaded: LoadedArticle, arabic_marks: list[Mark]) -> list[Mark]:
    """The same records marked in the English, where their translation stands once."""
    texts = {r.id: r.translation for r in [*loaded.article.figures, *loaded.article.events]}
    marks = []
    for mark in arabic_marks:
        words = texts.get(mark.record_id)
        if words and translation.count(words) == 1:
            start = translation.index(words)
            marks.append(Mark(mark.record_id, mark.kind, start, start + len(words), mark.title, mark.href,
                              mark.link_title, mark.draft))
    return marks


def note_places(loaded: LoadedArticle) -> dict[int | None, list[Note]]:
    """Where each note is shown: the paragraph of its quote, else of its first figure;
    None (the top) for a note about all figures."""
    starts = paragraph_starts(loaded.paragraphs_original)
    places: dict[int | None, list[Note]] = {}
    for note in loaded.article.notes:
        anchor = note.concerns
        record = note.id if anchor.quote else (anchor.figures[0] if anchor.figures else None)
        where = None if anchor.all_figures or record is None else paragraph_of(loaded.spans[record].start, starts)
        places.setdefault(where, []).append(note)
    return places


NOTE_NAME_WORDS = 8


def note_landmark_name(note: Note, lang: str) -> str:
    """A name for the note's landmark: its label and its first words, so a screen reader's
    list of landmarks tells one note from another (WCAG 1.3.1; axe-core landmark-unique)."""
    words = note.text.get(lang).split()
    opening = " ".join(words[:NOTE_NAME_WORDS]) + ("…" if len(words) > NOTE_NAME_WORDS else "")
    return f"{t('editors_note_label', lang)}: {opening}"


def note_html(note: Note, lang: str) -> str:
    """A note, labelled as the editors' reading, in the interface language."""
    style = ARABIC_STYLE if lang == "ar" else LATIN_STYLE
    sources = ", ".join(
        f'<a href="{html.escape(s.url)}" target="_blank" rel="noopener">'
        f'{html.escape(digits_for(s.title_ar, lang) if lang == "ar" and s.title_ar else s.title)}</a>'
        for s in note.sources)
    sources_html = (f'<div class="nd-note-sources">{html.escape(t("note_sources", lang))}: {sources}</div>'
                    if sources else "")
    return (f'<aside class="nd-note nd-full" id="note-{html.escape(note.id)}" data-note="{html.escape(note.id)}" '
            f'aria-label="{html.escape(note_landmark_name(note, lang))}" '
            f'lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}" style="{style}">'
            f'<div class="nd-note-label">{NOTE_ICON} {html.escape(t("editors_note_label", lang))}</div>'
            f'<div class="nd-note-text">{html.escape(note.text.get(lang))}</div>{sources_html}</aside>')


def paragraph_html(index: int, original: str, paragraph: Paragraph, marks: list[Mark], selected: str | None,
                   loaded: LoadedArticle) -> str:
    """One aligned pair: the Arabic paragraph with its marks and the English beside it."""
    kind_classes = f"nd-kind-{paragraph.kind}"
    if paragraph.boilerplate:
        kind_classes += " nd-boilerplate"
    if paragraph.kind == "headline":
        kind_classes += " nd-headline"
    english_marks = translation_marks(paragraph.translation, loaded, marks)
    # data-verbatim: the source's words, as published (tests/test_browser_reading.py leaves them out)
    arabic = (f'<div class="nd-ar {kind_classes}" id="p-{index}" data-paragraph="{index}" data-verbatim dir="rtl" lang="ar" '
              f'style="{ARABIC_STYLE}">{mark_text(original, marks, selected)}</div>')
    english = (f'<div class="nd-en {kind_classes}" data-paragraph="{index}" dir="ltr" lang="en" '
               f'style="{LATIN_STYLE}">{mark_text(paragraph.translation, english_marks, selected, False)}</div>')
    return arabic + english


def boilerplate_label(paragraph: Paragraph, lang: str) -> str:
    label = html.escape(t(f"boilerplate_{paragraph.kind}", lang))
    return f'<div class="nd-bp-label nd-full" data-boilerplate="{paragraph.kind}">{label}</div>'


def article_html(loaded: LoadedArticle, lang: str, selected: str | None = None,
                 names: Mapping[str, str] | None = None) -> str:
    """The whole article: column heads, notes about every figure, then each paragraph
    pair followed by the notes placed at it. In Arabic the Arabic column is first, on
    the right. `names`: each measure's one name, for the figures' link titles."""
    originals = loaded.paragraphs_original
    starts = paragraph_starts(originals)
    marks = article_marks(loaded, lang, names)
    places = note_places(loaded)
    parts = [_column_heads(lang)]
    parts += [note_html(n, lang) for n in places.get(None, [])]
    for index, (original, paragraph) in enumerate(zip(originals, loaded.article.paragraphs, strict=True)):
        if paragraph.boilerplate:
            parts.append(boilerplate_label(paragraph, lang))
        local = shifted(marks, starts[index], len(original))
        parts.append(paragraph_html(index, original, paragraph, local, selected, loaded))
        parts += [note_html(n, lang) for n in places.get(index, [])]
    direction = "rtl" if lang == "ar" else "ltr"
    return f'<div class="nd-text" dir="{direction}">{"".join(parts)}</div>'


def _column_heads(lang: str) -> str:
    return (f'<div class="nd-head" dir="{"rtl" if lang == "ar" else "ltr"}">{html.escape(t("col_original", lang))}</div>'
            f'<div class="nd-head" dir="{"rtl" if lang == "ar" else "ltr"}">{html.escape(t("col_translation", lang))}</div>')


# 4/ THE SELECTED RECORD'S CARD, AND SCROLLING TO IT


def record_ids(loaded: LoadedArticle) -> list[str]:
    """Every figure and event id, in the data's order: the selector's options."""
    return [f.id for f in loaded.article.figures] + [e.id for e in loaded.article.events]


def record_label(loaded: LoadedArticle, record_id: str, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The record as a reader knows it: its label, or its measure's one name (`names`:
    measure id -> label) for a figure on a measure (the id stays in the card's details)."""
    record = _record(loaded, record_id)
    return (names or {}).get(getattr(record, "measure", None) or "", record.label.get(lang))


def _record(loaded: LoadedArticle, record_id: str) -> Figure | Event:
    return next(r for r in [*loaded.article.figures, *loaded.article.events] if r.id == record_id)


def record_facts(loaded: LoadedArticle, record_id: str, lang: str,
                 names: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """What the card says about a record to a reader, as (label, text) rows: no id,
    offsets or status (those are record_details, folded away)."""
    record = _record(loaded, record_id)
    info = loaded.article.article
    if isinstance(record, Figure):
        what = [(t("value", lang), quantity(record.value, record.qualifier, record.unit, lang, record.value_max)),
                (t("attributed_to", lang), record.attribution(lang))]
    else:
        what = [(t("date", lang), event_date(record, lang))]
    return [
        (t("label", lang), record_label(loaded, record_id, lang, names)),
        *what,
        (t("quote", lang), record.quote),
        (t("translation", lang), record.translation),
        (t("source_card", lang), f"{info.outlet.get(lang)} / {info.wire_agency.get(lang)}{_comma(lang)}"
                                 f"{format_date(info.published, lang)}"),
    ]


def record_details(loaded: LoadedArticle, record_id: str, lang: str) -> list[tuple[str, str]]:
    """The record's data and method details: its id, its offsets in the seed, its status."""
    record, span, seed = _record(loaded, record_id), loaded.spans[record_id], loaded.article.article.seed
    return [
        (t("record_id", lang), record_id),
        (t("offsets", lang), t("offsets_text", lang).format(start=digits_for(str(span.start), lang),
                                                            end=digits_for(str(span.end), lang), file=seed.file)),
        (t("status", lang), t(f"status_{record.status}", lang)),
    ]


def _comma(lang: str) -> str:
    return "، " if lang == "ar" else ", "


def card_html(loaded: LoadedArticle, record_id: str, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The selected record as a definition list; the quote right-to-left, ids and
    file names isolated so Arabic text around them cannot reorder them."""
    quote_label, id_label = t("quote", lang), t("record_id", lang)
    seed_file = html.escape(loaded.article.article.seed.file)
    def rows(facts: list[tuple[str, str]]) -> str:
        out = []
        for label, text in facts:
            body = html.escape(text).replace(seed_file, f'<bdi dir="ltr">{seed_file}</bdi>')
            if label == id_label:
                body = f'<bdi dir="ltr"><code>{body}</code></bdi>'
            if label == quote_label:
                # inline, so the quote starts beside its label in either interface direction
                body = f'<bdi class="nd-quote" dir="rtl" lang="ar" data-verbatim style="font-family:{ARABIC_FONT};">{body}</bdi>'
            elif lang == "ar" and label != id_label and not ARABIC_LETTER.search(text):
                # English on an Arabic card (the editors' translation): isolated left to right,
                # or "2,320 hectares of land surveyed" shows its number at the wrong end
                body = f'<bdi dir="ltr" lang="en">{body}</bdi>'
            out.append(f"<dt>{html.escape(label)}</dt><dd>{body}</dd>")
        return "".join(out)

    direction = "rtl" if lang == "ar" else "ltr"
    details = (f'<details><summary>{html.escape(t("method_details", lang))}</summary>'
               f'<dl>{rows(record_details(loaded, record_id, lang))}</dl></details>')
    return (f'<div class="nd-card" data-record="{html.escape(record_id)}" dir="{direction}">'
            f'<dl>{rows(record_facts(loaded, record_id, lang, names))}</dl>{details}</div>')


