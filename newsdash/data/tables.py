"""Flat tables of every figure, event and context row with its provenance."""

from __future__ import annotations

import pandas as pd

from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.reading.formatting import format_date
from newsdash.textsafety import csv_cell

FIGURE_COLUMNS = [
    "article_id", "id", "category", "label_en", "label_ar", "value", "qualifier", "unit", "measure",
    "period_start", "period_end", "as_of", "attributed_to", "quote", "quote_start", "quote_end",
    "translation", "source_title", "status",
]
EVENT_COLUMNS = [
    "article_id", "id", "date", "date_precision", "label_en", "label_ar", "quote",
    "quote_start", "quote_end", "translation", "source_title",
]


def source_title(loaded: LoadedArticle, lang: str = "en") -> str:
    """How a row names the article it came from: outlet, wire and date (in Arabic on
    Arabic pages: the outlet's Arabic name, the date in words, the original headline)."""
    info = loaded.article.article
    if lang == "ar":
        return f"{info.outlet.ar} / {info.wire_agency.ar}، {format_date(info.published, 'ar')}: {info.title.ar}"
    return f"{info.outlet.en} / {info.wire_agency.en}, {info.published}: {info.title.en}"


def figure_rows(loaded: LoadedArticle) -> list[dict]:
    rows = []
    for fig in loaded.article.figures:
        span = loaded.spans[fig.id]
        rows.append({
            "article_id": loaded.id, "id": fig.id, "category": fig.category,
            "label_en": fig.label.en, "label_ar": fig.label.ar, "value": fig.value,
            "qualifier": fig.qualifier, "unit": fig.unit, "measure": fig.measure or "",
            "period_start": fig.period.start,
            "period_end": fig.period.end, "as_of": fig.period.as_of,
            "attributed_to": fig.attributed_to, "quote": fig.quote, "quote_start": span.start,
            "quote_end": span.end, "translation": fig.translation,
            "source_title": source_title(loaded), "status": fig.status,
        })
    return rows


def event_rows(loaded: LoadedArticle) -> list[dict]:
    return [{
        "article_id": loaded.id, "id": e.id, "date": e.date, "date_precision": e.date_precision,
        "label_en": e.label.en, "label_ar": e.label.ar, "quote": e.quote,
        "quote_start": loaded.spans[e.id].start, "quote_end": loaded.spans[e.id].end,
        "translation": e.translation, "source_title": source_title(loaded),
    } for e in loaded.article.events]


def figures_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [row for a in corpus.articles for row in figure_rows(a)]
    # object dtype keeps 1937 an integer beside 1.5, as the data states them
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS, dtype=object)


def events_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [row for a in corpus.articles for row in event_rows(a)]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def csv_text(frame: pd.DataFrame) -> str:
    """The one way the project writes a table as CSV (the command line, chart downloads,
    the press kit): no index, and no text cell a spreadsheet would run as a formula."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = pd.Series([csv_cell(v) for v in out[column]], index=out.index, dtype=object)
    return out.to_csv(index=False)


def arrow_table(frame: pd.DataFrame):  # noqa: ANN201 - pyarrow.Table
    """A table ready for st.dataframe, made once: Streamlit sends an Arrow table as it
    is, where a pandas frame is converted again at every rerun. No index column."""
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)
