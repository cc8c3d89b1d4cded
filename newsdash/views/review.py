"""What the review says: an article's dated corrections, what awaits review, and the
review log's table (newsdash.data.review_log; the actions are newsdash.curation.review)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from newsdash.data.corpus import Corpus
from newsdash.data.review_log import Change, Entry
from newsdash.reading.formatting import (
    counted_unit,
    digits_for,
    format_date,
    format_number,
    format_timestamp,
    format_value,
)
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape

ISO_DAY = re.compile(r"\d{4}(?:-\d{2}){0,2}")  # a date as the data holds it: 2020-11, 2020-11-10
LOG_ROWS = 200  # the latest entries shown on Data & method
_FIELD_WORDS = {"label": ("label", "التسمية"), "measure": ("series", "السلسلة"), "category": ("category", "الفئة"),
                "period": ("period", "الفترة"), "quote": ("quote", "الاقتباس"),
                "attributed_to": ("attribution", "النسبة"), "date": ("date", "التاريخ"),
                "title": ("title", "العنوان"), "published": ("publication date", "تاريخ النشر"),
                "outlet": ("outlet", "الناشر"), "speaker": ("speaker", "المتحدث"),
                "claim_caveat": ("caveat", "التنبيه")}


FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop: a run laid out in its own direction


def semicolon(lang: str) -> str:
    """Between the changes of one entry: the Arabic semicolon on an Arabic page."""
    return "؛ " if lang == "ar" else "; "


def isolated(text: str) -> str:
    """Text set in its own direction inside the sentence around it: on an Arabic page an
    article id (2020-12-06-outlet) or an English quote keeps its order, and an Arabic
    quote on an English page its own. Only for what is shown, never stored."""
    return f"{FSI}{text}{PDI}" if text else text


def value_text(value: object, lang: str, depth: int = 0) -> str:
    """A figure's value as readers read it ('2,230 hectares'), or any other old value as text
    (a log line nested deeper than a record holds is cut short, never recursed into)."""
    if depth > 3:
        return "…"
    if isinstance(value, Mapping) and isinstance(value.get("value"), int | float) and value.get("qualifier"):
        number = format_value(value["value"], str(value["qualifier"]), lang, value.get("value_max"))
        unit = str(value.get("unit") or "")
        return f"{number} {counted_unit(unit, value['value'], lang)}".strip() if unit else number
    if isinstance(value, Mapping) and "date" in value:  # a date as the pages write it, in the language's digits
        date = str(value["date"])
        return format_date(date, lang) if ISO_DAY.fullmatch(date) else digits_for(date, lang)
    if isinstance(value, Mapping) and ("en" in value or "ar" in value):
        return f"“{value.get(lang) or value.get('en') or ''}”"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {value_text(v, lang, depth + 1)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, str) and ISO_DAY.fullmatch(value):  # a publication date: a date, not a quote
        return format_date(value, lang)
    return f"“{value}”" if isinstance(value, str) else digits_for(str(value), lang)


def change_text(change: Change, lang: str) -> str:
    """'Refugees returned was more than 2,230 hectares', 'title was “…”', 'event_2 removed (was 2020-11-10)'."""
    label = change.label.get(lang) or change.label.get("en") or change.record
    words_of = _changed_language(change, lang)  # an English label changed alone: its English words, said so
    field = _field_words(change.field, lang) + (t(f"in_language_{words_of}", lang) if words_of != lang else "")
    if change.record == "article":
        label = field
    elif change.field not in ("value", "record"):
        label = f"{label} ({field})"
    if change.field == "record":
        if change.now is None:
            return t("correction_removed", lang).format(label=label, was=value_text(change.was, lang))
        return t("correction_added", lang).format(label=label)
    was = value_text(change.was, words_of)
    return t("correction_was", lang).format(label=label, was=isolated(was) if words_of != lang else was)


def _changed_language(change: Change, lang: str) -> str:
    """The language whose words changed, for a text kept in both: the reader's, unless only
    the other one's changed (then "X was X" in the reader's words would say nothing)."""
    was, now, other = change.was, change.now, "en" if lang == "ar" else "ar"
    if (isinstance(was, Mapping) and isinstance(now, Mapping) and was.get(lang) == now.get(lang)
            and was.get(other) != now.get(other)):
        return other
    return lang


def _field_words(name: str, lang: str) -> str:
    pair = _FIELD_WORDS.get(name, (name, name))
    return pair[1] if lang == "ar" else pair[0]


def correction_sentence(entry: Entry, lang: str) -> str:
    """'Corrected on 3 March 2026: Refugees returned was 2,230 hectares.'"""
    what = semicolon(lang).join(change_text(c, lang) for c in entry.changes) or "-"
    return t("correction_on", lang).format(date=format_date(entry.day, lang), what=what)


def corrections_text(entries: tuple[Entry, ...], lang: str = "en") -> list[str]:
    return [correction_sentence(entry, lang) for entry in entries]


def article_corrections(corpus: Corpus, article_id: str, lang: str) -> tuple[str, ...]:
    """The dated corrections readers see under an article's title, oldest first."""
    return tuple(corrections_text(corpus.corrections(article_id), lang))


def log_frame(entries: tuple[Entry, ...], lang: str) -> pd.DataFrame:
    """The review log as a table, the latest first: when, who, what, which article, what changed."""
    rows = [{t("log_col_at", lang): format_timestamp(entry.at, lang),
             t("log_col_editor", lang): entry.editor,
             t("log_col_action", lang): t(f"log_{entry.action}", lang),
             t("log_col_article", lang): isolated(entry.article),
             t("log_col_changes", lang): _what_changed(entry, lang)}
            for entry in reversed(entries)]
    columns = [t(f"log_col_{name}", lang) for name in ("at", "editor", "action", "article", "changes")]
    return pd.DataFrame(rows, columns=columns)


def _what_changed(entry: Entry, lang: str) -> str:
    """A change's list of changes, or that it is a new article; a refusal's reason after it."""
    changes = [change_text(c, lang) for c in entry.changes] if entry.correction else [t("review_new", lang)]
    return semicolon(lang).join([*changes, *([t("log_reason", lang).format(note=entry.note)] if entry.note else [])])


def corpus_log_frame(corpus: Corpus, lang: str) -> pd.DataFrame:
    """log_frame of a corpus's latest LOG_ROWS entries, each cell escaped for st.table (which
    reads Markdown: a name or reason stays literal); the whole log is data/review/log.jsonl.
    A page caches it by the data state, the log's included."""
    return log_frame(corpus.review_log[-LOG_ROWS:], lang).map(md_escape)


def figure_corrections(corpus: Corpus, article_id: str, figure_id: str, lang: str = "en") -> str:
    """The dated corrections that touched this figure (or its article's own fields), as one
    cell of the figures table every export carries; empty when none did."""
    sentences = []
    for entry in corpus.corrections(article_id):
        touched = [c for c in entry.changes if c.record in (figure_id, "article")]
        if touched:
            what = semicolon(lang).join(change_text(c, lang) for c in touched)
            sentences.append(t("correction_on", lang).format(date=format_date(entry.day, lang), what=what))
    return " ".join(sentences)


def with_corrections(figures: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """The figures table with a `correction` column: what readers are told was corrected."""
    out = figures.copy()
    out["correction"] = [figure_corrections(corpus, str(a), str(f)) for a, f in zip(out["article_id"], out["id"],
                                                                                     strict=True)]
    return out
