"""What the Data & method page says: one provenance table of every figure, date and
context row, the filter over it in a sentence, how the data was curated (text kept in
data/method.yaml), the validation status and the context flags.

Pure: no streamlit, no file read (the method text comes from newsdash.data.method).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from newsdash.data.context import in_language
from newsdash.data.corpus import Corpus, series_by_measure
from newsdash.data.loading import LoadedArticle
from newsdash.data.method import Method
from newsdash.data.models import Note
from newsdash.data.tables import source_title
from newsdash.reading.formatting import (
    QUALIFIER_WORDS,
    count_noun,
    digits_for,
    format_date,
    format_number,
    unit_label,
)
from newsdash.reading.i18n import TEXT, category_label, pick, t
from newsdash.views import grid_fit
from newsdash.views.comparison import compare_article, in_words
from newsdash.views.grid_fit import SITE_NAME  # noqa: F401 - the pages' link columns
from newsdash.views.links import sentence_link
from newsdash.views.page_links import page_url
from newsdash.views.table_cards import CardGroup, CardSpec, grouped_cards_html

# 1/ HOW THE DATA WAS CURATED: text in data/method.yaml, read by newsdash.data.method


def credit_line(method: Method | None, lang: str) -> str:
    """The credit line exported images carry: data/method.yaml's `credit` (newsdash.data.method),
    else the default. A method file that cannot be read (None) is reported on the Data & method
    page; the images still get the default credit rather than none."""
    if method is not None and method.credit is not None:
        return method.credit.get(lang)
    return t("credit_default", lang)


LATIN_LETTER = re.compile("[A-Za-z]")
RLE, PDF_MARK = "\u202b", "\u202c"  # right-to-left embedding, and its end


def image_credit(credit: str, lang: str) -> str:
    """The credit as an Arabic image draws it: embedded right to left when it holds a
    Latin name. An image's text runs left to right, so "رسم بياني: The Desk" put the
    name first, on the right, and the colon after the Arabic words."""
    return f"{RLE}{credit}{PDF_MARK}" if lang == "ar" and LATIN_LETTER.search(credit) else credit


# 2/ ONE TABLE OF EVERY ROW, WITH ITS PROVENANCE

COLUMNS = [
    "kind", "category", "id", "label", "date", "precision", "value", "qualifier", "unit", "quote",
    "quote_start", "quote_end", "translation", "attributed_to", "source_title", "source_url", "source_file",
    "status", "note", "comparison", "sentence",
]
# interface words for the table's columns and row kinds, (English, Arabic)
COLUMN_LABELS = {
    "kind": ("Kind", "النوع"), "category": ("Category", "الفئة"), "id": ("Id", "المعرّف"),
    "label": ("Label", "التسمية"), "date": ("Date or period", "التاريخ أو الفترة"),
    "precision": ("Date precision", "دقة التاريخ"), "value": ("Value", "القيمة"),
    "qualifier": ("Qualifier", "الصفة"), "unit": ("Unit", "الوحدة"), "quote": ("Quote (verbatim)", "الاقتباس الحرفي"),
    "quote_start": ("Quote start", "بداية الاقتباس"), "quote_end": ("Quote end", "نهاية الاقتباس"),
    "translation": ("Translation (editors')", "الترجمة (المحررون)"), "attributed_to": ("Attributed to", "منسوب إلى"),
    "source_title": ("Source", "المصدر"), "source_url": ("Source link", "رابط المصدر"),
    "source_file": ("Source file", "ملف المصدر"), "status": ("Status", "الحالة"), "note": ("Note", "ملاحظة"),
    "comparison": ("Against the last earlier report", "مقارنة بآخر تقرير سابق"),
    "sentence": ("In the text", "في النص"),
}
KINDS = {
    "figure": ("Article figures", "أرقام المقال"),
    "event": ("Article dates", "تواريخ المقال"),
    "context_series": ("Context series", "سلاسل السياق"),
    "context_event": ("Context events", "أحداث السياق"),
}
TIMELINE = ("Timeline", "الجدول الزمني")


def figure_rows(loaded: LoadedArticle, lang: str, names: dict[str, str] | None = None) -> list[dict]:
    rows = []
    for fig in loaded.article.figures:
        period = fig.period
        when = period.as_of or f"{period.start or '…'} – {period.end or '…'}"
        rows.append({**_article_source(loaded, fig.id, lang), "kind": "figure", "category": fig.category, "id": fig.id,
                     "label": (names or {}).get(fig.measure or "", fig.label.get(lang)), "date": when,
                     "value": float(fig.value),
                     "qualifier": fig.qualifier, "unit": fig.unit, "quote": fig.quote,
                     "translation": fig.translation, "attributed_to": fig.attribution(lang), "status": fig.status})
    return rows


def event_rows(loaded: LoadedArticle, lang: str) -> list[dict]:
    return [{**_article_source(loaded, e.id, lang), "kind": "event", "category": "timeline", "id": e.id,
             "label": e.label.get(lang), "date": e.date, "precision": e.date_precision, "quote": e.quote,
             "translation": e.translation, "status": e.status}
            for e in loaded.article.events]


def _article_source(loaded: LoadedArticle, record_id: str, lang: str) -> dict:
    """Where an article row comes from: the article, the seed file, the quote's offsets,
    and a link to the sentence on the Original text page."""
    span = loaded.spans[record_id]
    return {"source_title": source_title(loaded, lang), "source_file": f"seeds/{loaded.article.article.seed.file}",
            "quote_start": span.start, "quote_end": span.end,
            "sentence": page_url(*sentence_link(record_id, lang))}


def context_series_rows(frame: pd.DataFrame, category: str, units: dict[str, str], lang: str = "en",
                        labels: dict[str, str] | None = None) -> list[dict]:
    """The context rows; on Arabic pages the measure's name and the editors' renderings
    of who counted, the source and the note (English: the measure's id and the originals)."""
    return [{"kind": "context_series", "category": category, "label": (labels or {}).get(r.measure, r.measure),
             "date": r.as_of, "value": float(r.value), "qualifier": r.qualifier, "unit": units.get(r.measure),
             "attributed_to": in_language(r.reported_by, r.reported_by_ar, lang) or None,
             "source_title": in_language(r.source_title, r.source_title_ar, lang), "source_url": r.source_url,
             "note": in_language(r.note, r.note_ar, lang) or None}
            for r in frame.itertuples()]


def context_event_rows(corpus: Corpus, lang: str = "en") -> list[dict]:
    return [{"kind": "context_event", "category": "timeline", "label": e.label(lang), "date": e.date,
             "precision": e.precision, "source_title": in_language(e.source_title, e.source_title_ar, lang),
             "source_url": e.source_url, "note": in_language(e.note, e.note_ar, lang) or None}
            for e in corpus.context.events]


def measure_names(corpus: Corpus, lang: str) -> dict[str, str]:
    """Each measure's one name in the language (its label in data/measures.yaml): a
    context row and an article's figure on the measure both go by it."""
    return {measure.id: measure.label.get(lang) for measure in corpus.measures.values()}


def provenance_frame(corpus: Corpus, lang: str) -> pd.DataFrame:
    """Every figure, date and context row, each with where it comes from."""
    by_measure = series_by_measure(corpus.context)
    units, names = measure_units(corpus), measure_names(corpus, lang)
    rows = [row for a in corpus.articles
            for row in with_comparisons(figure_rows(a, lang, names), a, corpus, by_measure, lang) + event_rows(a, lang)]
    rows += context_series_rows(corpus.context.demining, "demining", units, lang, names)
    rows += context_series_rows(corpus.context.returns, "returns", units, lang, names)
    rows += context_event_rows(corpus, lang)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    # offsets are whole numbers where a row has them (nullable, not float)
    return frame.astype({"quote_start": "Int64", "quote_end": "Int64"})


def article_provenance_frame(corpus: Corpus, article_id: str, lang: str) -> pd.DataFrame:
    """The table of the article shown and the context rows (with many articles, not every
    article's rows)."""
    if len(corpus.articles) > 1:
        corpus = replace(corpus, articles=(corpus.article(article_id),))
    return provenance_frame(corpus, lang)


def with_comparisons(rows: list[dict], loaded: LoadedArticle, corpus: Corpus, by_measure: dict,
                     lang: str) -> list[dict]:
    """An article's figure rows, each with how it stands against the last earlier report
    of its series (newsdash.views.comparison), where it has one."""
    words = {c.figure.id: in_words(c, lang) for c in compare_article(loaded, corpus, by_measure)}
    return [{**row, "comparison": words.get(row["id"])} for row in rows]


def measure_units(corpus: Corpus) -> dict[str, str]:
    """A context measure's unit, from data/measures.yaml."""
    return {measure.id: measure.unit for measure in corpus.measures.values()}


def column_labels(lang: str) -> dict[str, str]:
    return {column: pick(COLUMN_LABELS[column], lang) for column in COLUMNS}


def kind_label(kind: str, lang: str) -> str:
    return pick(KINDS[kind], lang)


def category_name(category: str, lang: str) -> str:
    return pick(TIMELINE, lang) if category == "timeline" else category_label(category, lang)


ISO_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")
ARABIC_TEXT_COLUMNS = ("label", "attributed_to", "source_title", "note")  # the quote and links stay as they are


def display_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as shown: kinds and categories in words of the language; in Arabic the
    dates written out, the codes in words (card_words) and the numbers and words in Arabic-Indic digits (the quotes, the
    English translation and the links as they are)."""
    shown = frame.assign(kind=[kind_label(k, lang) for k in frame["kind"]],
                         category=[category_name(c, lang) for c in frame["category"]])
    if lang != "ar":
        return shown
    def number(value: object) -> object:
        return None if pd.isna(value) else format_number(float(value), lang)

    return card_words(shown, lang).assign(  # qualifiers, units, precisions and statuses in Arabic words
        date=[ISO_DATE.sub(lambda m: format_date(m.group(), lang), d) if isinstance(d, str) else d for d in shown["date"]],
        value=[number(v) for v in shown["value"]],
        quote_start=[None if pd.isna(v) else digits_for(str(v), lang) for v in shown["quote_start"]],
        quote_end=[None if pd.isna(v) else digits_for(str(v), lang) for v in shown["quote_end"]],
        **{c: [digits_for(v, lang) if isinstance(v, str) else v for v in shown[c]] for c in ARABIC_TEXT_COLUMNS},
    )


def categories(frame: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(frame["category"]))


# the grid's order: what a row is, when, how much and who said it first (the date and
# value were the fifth and seventh columns, cut off at a laptop's width in Arabic)
SHOWN_ORDER = [
    "label", "date", "value", "qualifier", "unit", "attributed_to", "source_title", "source_url", "sentence",
    "kind", "category", "id", "precision", "quote", "translation", "quote_start", "quote_end", "source_file",
    "status", "note", "comparison",
]
# At a laptop's width the grid in three tabs, each with columns that fit the page whole
# (all 21 in one grid ran to 3,666 px behind a sideways scroll: "Attributed to" was cut at
# the edge, the rest hidden): the tab's i18n key, then each column's width in px.
GRID_TABS = (
    ("grid_tab_sources", {"label": 180, "date": 110, "value": 65, "qualifier": 80, "unit": 85,
                          "attributed_to": 140, "source_title": 185, "sentence": 125}),
    ("grid_tab_quotes", {"label": 160, "quote": 190, "translation": 190, "status": 75, "comparison": 220,
                         "note": 130}),
    ("grid_tab_record", {"label": 140, "kind": 90, "category": 75, "id": 100, "precision": 105,
                         "quote_start": 100, "quote_end": 100, "source_file": 95, "source_url": 160}),
)
LINK_COLUMNS = ("sentence", "source_url")


def sized(column: dict, width: int) -> dict:
    """A column's settings (st.column_config) at a width in px."""
    return {**column, "width": width}  # one line each: the words "See the sentence", a site's name


def grid_row_heights(corpus: Corpus, article_id: str, kinds: Sequence[str], cats: Sequence[str],
                     lang: str) -> tuple[int | None, ...]:
    """Each tab's row height: its longest cells wrap whole (newsdash.views.grid_fit)."""
    frame = display_frame(filtered(article_provenance_frame(corpus, article_id, lang), kinds, cats), lang)
    return tuple(grid_fit.row_height(frame, widths, [c for c in widths if c not in LINK_COLUMNS])
                 for _, widths in GRID_TABS)


OPEN_KINDS = ("figure",)  # on a phone, the kinds of rows shown without a tap
CARD_ALWAYS = ("date", "value", "qualifier", "unit", "attributed_to", "source_title", "sentence")


def card_words(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table's codes in words for a card: "more than" for more_than, "hectares" in
    Arabic letters, "day" for a date's precision, "confirmed" for a status."""
    def worded(values: pd.Series, words) -> list:  # noqa: ANN001
        return [words(v) if isinstance(v, str) and v else v for v in values]

    return frame.assign(
        qualifier=worded(frame["qualifier"], lambda q: pick(QUALIFIER_WORDS.get(q, (q, q)), lang)),
        unit=worded(frame["unit"], lambda u: unit_label(u, lang)),
        precision=worded(frame["precision"], lambda p: pick(TEXT.get(f"precision_{p}", (p, p)), lang)),
        status=worded(frame["status"], lambda s: pick(TEXT.get(f"status_{s}", (s, s)), lang)),
    )


def provenance_cards_html(corpus: Corpus, article_id: str, kinds: Sequence[str], cats: Sequence[str],
                          lang: str) -> str:
    """The filtered table (article_provenance_frame) as one card per row, for a phone:
    the row's label, date, value, who said it and its source always shown, every other cell one
    tap away."""
    frame = filtered(article_provenance_frame(corpus, article_id, lang), kinds, cats)
    shown = card_words(display_frame(frame, lang), lang)[SHOWN_ORDER]
    spec = CardSpec(heading="label", always=CARD_ALWAYS, labels=column_labels(lang),
                    links={"source_url": None, "sentence": t("see_in_text", lang)},
                    verbatim=("id", "quote", "source_file"), english=("translation",))
    # one group per kind of row: the article's figures open, the rest (81 context reports
    # made the page 29,000 px tall on a phone) one tap away
    groups = [CardGroup(kind_label(kind, lang), shown[(frame["kind"] == kind).to_numpy()], open=kind in OPEN_KINDS)
              for kind in KINDS]
    return grouped_cards_html(groups, spec, lang)


# 3/ THE FILTER, AND WHAT IT HIDES IN A SENTENCE


def filtered(frame: pd.DataFrame, kinds: Sequence[str], cats: Sequence[str]) -> pd.DataFrame:
    return frame[frame["kind"].isin(kinds) & frame["category"].isin(cats)]


def shown_table(frame: pd.DataFrame, kinds: Sequence[str], cats: Sequence[str], lang: str):  # noqa: ANN201
    """(rows kept, the table to draw): filtered, worded in the language and made an Arrow
    table, which st.dataframe sends as it is instead of converting a pandas frame."""
    from newsdash.data.tables import arrow_table

    shown = filtered(frame, kinds, cats)
    return len(shown), arrow_table(display_frame(shown, lang))


def rows_caption(shown: int, total: int, kinds: Sequence[str], cats: Sequence[str],
                 all_cats: Sequence[str], lang: str) -> str:
    """'Showing 8 of 94 rows: article figures only (hidden: article dates, …).'"""
    if len(kinds) == len(KINDS) and len(cats) == len(all_cats):
        return t("rows_all", lang).format(total=format_number(total, lang))
    if not kinds or not cats:
        return t("rows_none", lang).format(total=format_number(total, lang))
    comma, semicolon = ("، ", "؛ ") if lang == "ar" else (", ", "; ")
    parts, hidden = [], []
    if len(kinds) < len(KINDS):
        parts.append(comma.join(_in_sentence(kind_label(k, lang)) for k in kinds))
        hidden += [_in_sentence(kind_label(k, lang)) for k in KINDS if k not in kinds]
    if len(cats) < len(all_cats):
        parts.append(comma.join(_in_sentence(category_name(c, lang)) for c in cats))
        hidden += [_in_sentence(category_name(c, lang)) for c in all_cats if c not in cats]
    only = semicolon.join(t("rows_only", lang).format(what=part) for part in parts)
    return t("rows_some", lang).format(shown=format_number(shown, lang), total=format_number(total, lang),
                                       only=only, hidden=comma.join(hidden), rows=count_noun("rows", total, lang))


def _in_sentence(label: str) -> str:
    """'Article figures' inside a sentence: 'article figures' (Arabic has no case)."""
    return label[:1].lower() + label[1:]


# 4/ VALIDATION, NOTES


def validation_summary(corpus: Corpus, lang: str) -> str:
    """What the loader proved, in a sentence: counts of what passed."""
    figures = sum(len(a.article.figures) for a in corpus.articles)
    events = sum(len(a.article.events) for a in corpus.articles)
    context = len(corpus.context.demining) + len(corpus.context.returns) + len(corpus.context.events)
    # a prefix, said to be one in words: an ellipsis would wander in Arabic text
    digests = ", ".join(f"`{a.article.article.seed.sha256[:12]}`" for a in corpus.articles)  # ids: as they are
    return t("validation_ok", lang).format(
        articles=format_number(len(corpus.articles), lang), figures=format_number(figures, lang),
        events=format_number(events, lang), context=format_number(context, lang), digests=digests)


def note_concerns(note: Note, lang: str, figures: Sequence = (), names: dict[str, str] | None = None) -> str:
    """What a note is about: a quoted phrase, some figures (named by their labels, given
    the article's `figures`, or their measures' one names, given `names`), or every figure."""
    if note.concerns.all_figures:
        return t("concerns_all", lang)
    parts = []
    if note.concerns.quote:
        parts.append(t("concerns_quote", lang).format(quote=note.concerns.quote))
    if note.concerns.figures:  # the figures by the names a reader knows, not their record ids
        labels = [next(((names or {}).get(f.measure or "", f.label.get(lang)) for f in figures if f.id == fid), fid)
                  for fid in note.concerns.figures]
        parts.append(t("concerns_figures", lang).format(ids=("، " if lang == "ar" else ", ").join(labels)))
    return "; ".join(parts)
