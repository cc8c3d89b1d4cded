"""Chart builders: pure functions from the data to the rows drawn and to a go.Figure.

`chart_frame` gives exactly the data a chart draws, one row per value, with its
provenance; `build_chart` draws that frame. A chart is either a measure's (its id is the
measure's id in data/measures.yaml: the measure's words, its context rows and every
confirmed article's figures on it, newsdash.views.series_charts) or one of the article's
own `charts:` (bars, timeline), whose words are in the article's YAML. Other words come
from `newsdash.reading.i18n`. Qualifiers are never dropped: "more than" is drawn as a
lower bound (an upward triangle with an open-ended bar), "about" as an open marker.

The builders live in modules of their own (series_charts, bar_charts, timeline_chart,
chart_layout, small_multiples, screen_charts); this module is the one callers import. Each
kind offers its rows and its drawing (series_rows and draw_measure_series, bar_rows and
draw_bars, timeline_rows and draw_timeline); chart_layout frames any of them
(frame_figure, arabic_axes) and chart_parts holds what they all share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.context import Context
from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Chart
from newsdash.errors import DataError
from newsdash.reading.formatting import (
    count_noun,
    day_for,
    digits_for,
    format_date,
    format_number,
    quantity,
)
from newsdash.reading.i18n import t
from newsdash.views.bar_charts import BAR_ROW_PX, bar_rows, draw_bars
from newsdash.views.chart_layout import ExportWords, arabic_axes, frame_figure
from newsdash.views.chart_parts import (
    ARTICLE_COLOUR,
    BLACK,
    BLUE,
    COLUMNS,
    EDGE_PX,
    GREEN,
    GREY,
    GRID_COLOUR,
    HOVER_WRAP,
    KEYS_LEGEND,
    LEGEND_ROW_PX,
    ORANGE,
    PURPLE,
    RLM,
    TIMELINE_LAYERS,
    TITLE_LINE_PX,
    precision_label,
    value_text,
)
from newsdash.views.comparison import compare_article, note_sentence
from newsdash.views.findings import Count, Span, counts_title, timeline_title
from newsdash.views.review import figure_corrections
from newsdash.views.screen_charts import (
    BAR_VALUE_ROOM,
    SCREEN_BOTTOM_PX,
    SCREEN_MOST_TICKS,
    SCREEN_TIMELINE_BAR,
    SCREEN_TIMELINE_ROW_PX,
    SCREEN_TOP_PX,
    ScreenChart,
    plain_text,
    screen_chart,
)
from newsdash.views.series_charts import (
    MeasureChart,
    category_charts,
    draw_measure_series,
    measure_chart,
    months_without_report,
    point_words,
    report_gaps,
    series_rows,
)
from newsdash.views.small_multiples import GAP_SHARE, comparison_chart, comparison_value_range
from newsdash.views.timeline_chart import (
    DAYS_OF_UNIT,
    TIMELINE_WRAP,
    draw_timeline,
    frame_date_filter,
    timeline_row_px,
    timeline_rows,
)

__all__ = [  # what callers use from here, wherever it is built
    "ARTICLE_COLOUR", "BAR_VALUE_ROOM", "BLACK", "BLUE", "COLUMNS", "EDGE_PX", "GAP_SHARE", "GREEN", "GREY", "GRID_COLOUR", "HOVER_WRAP",
    "KEYS_LEGEND", "LEGEND_ROW_PX", "ORANGE", "PURPLE", "RLM", "SCREEN_BOTTOM_PX", "SCREEN_MOST_TICKS",
    "SCREEN_TIMELINE_BAR", "SCREEN_TIMELINE_ROW_PX", "SCREEN_TOP_PX", "TIMELINE_LAYERS", "TIMELINE_WRAP",
    "TITLE_LINE_PX", "ExportWords", "MeasureChart", "ScreenChart", "alt_text",
    "build_chart", "category_charts", "chart_frame", "comparison_chart", "comparison_value_range", "empty_message",
    "file_stem", "get_chart", "titled_chart", "measure_chart", "months_without_report", "nothing_to_draw", "plain_text",
    "plotly_config", "precision_label", "report_gaps", "screen_chart", "t", "timeline_filter_tag",
]

Source = Corpus | Context  # a corpus draws the record; a bare context only the article's own charts


# 1/ LOOKUPS


def _context(source: Source) -> Context:
    return source.context if isinstance(source, Corpus) else source


def get_chart(loaded: LoadedArticle, chart_id: str, source: Source | None = None) -> Chart:
    """The chart with this id: a measure's (when `source` is the corpus and the id is a
    measure's), else one of the article's own; a missing one is a data error."""
    if isinstance(source, Corpus) and chart_id in source.measures:
        return measure_chart(source, loaded, chart_id)
    return titled_chart(_article_chart(loaded, chart_id), loaded, source)


def _article_chart(loaded: LoadedArticle, chart_id: str) -> Chart:
    """One of the article's own charts as its YAML gives it (its `title` is its name)."""
    for chart in loaded.article.charts:
        if chart.id == chart_id:
            return chart
    raise DataError(str(loaded.path), f"no chart with id '{chart_id}'", record_id=chart_id)


def titled_chart(chart: Chart, loaded: LoadedArticle, source: Source | None = None) -> Chart:
    """An article's chart with the title that says what it shows, computed from what it
    draws (newsdash.views.findings), or the editors' `title_override`; under an override the
    subtitle starts with the chart's name, so the chart still says what it counts. A
    measure's chart is titled already (newsdash.views.series_charts)."""
    if isinstance(chart, MeasureChart):
        return chart
    if chart.title_override is not None:
        subtitle = {lang: f"{chart.title.get(lang)}: {chart.subtitle.get(lang)}" for lang in ("en", "ar")}
        return chart.model_copy(update={"title": chart.title_override, "subtitle": type(chart.subtitle)(**subtitle)})
    names = {m: measure.label for m, measure in source.measures.items()} if isinstance(source, Corpus) else {}
    titles = {lang: _computed_title(chart, loaded, names, lang) for lang in ("en", "ar")}
    if not all(titles.values()):
        return chart
    return chart.model_copy(update={"title": type(chart.title)(**titles)})


def _computed_title(chart: Chart, loaded: LoadedArticle, names: dict, lang: str) -> str | None:
    figures = [f for f in loaded.article.confirmed_figures if f.id in chart.figures]

    def label(fig) -> str:  # noqa: ANN001 - a figure on a measure goes by the measure's one name
        return names[fig.measure].get(lang) if fig.measure in names else fig.label.get(lang)

    if chart.kind == "bars":
        return counts_title([Count(label(f), float(f.value), f.qualifier, f.unit,
                                   None if f.value_max is None else float(f.value_max)) for f in figures], lang)
    spans = [Span(label(f), float(f.value), f.qualifier, f.unit, f.period.end or f.period.as_of) for f in figures
             if f.unit in DAYS_OF_UNIT and (f.period.end or f.period.as_of)]
    return timeline_title(spans[0] if spans else None, [e.date for e in loaded.article.events], lang)


def chart_frame(loaded: LoadedArticle, source: Source, chart_id: str, lang: str, **filters) -> pd.DataFrame:
    """Exactly the data the chart draws, one row per value, with its provenance.

    Filters: the timeline takes `layers` (of TIMELINE_LAYERS), `date_from` and `date_to`
    (ISO day, month or year).
    """
    chart = get_chart(loaded, chart_id, source)
    if isinstance(chart, MeasureChart):
        rows = series_rows(chart, loaded, source, lang)
    elif chart.kind == "bars":
        rows = bar_rows(chart, loaded, lang, **filters)
    else:
        names = {m: measure.label.get(lang) for m, measure in source.measures.items()} if isinstance(source, Corpus) else None
        rows = timeline_rows(chart, loaded, _context(source), lang, names=names, **filters)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["correction"] = _corrections_of(frame, source, lang)
    frame["is_article"] = frame["is_article"].astype(bool)
    # offsets are whole numbers; context rows have none
    frame[["quote_start", "quote_end"]] = frame[["quote_start", "quote_end"]].astype("Int64")
    return frame


# 2/ DRAWING

DRAW = {
    "measure_series": draw_measure_series,
    "bars": draw_bars,
    "timeline": draw_timeline,
}


def build_chart(loaded: LoadedArticle, source: Source, chart_id: str, lang: str,
                export: ExportWords | None = None, **filters) -> go.Figure:
    """The chart as a go.Figure: the frame's rows drawn, with the chart's words on it.

    `export` makes the figure for a download: it then also carries the claim caveat (on
    screen the page shows it once, in a banner) and the newsroom's credit line.
    """
    chart = _with_comparison_note(get_chart(loaded, chart_id, source), loaded, source, lang)
    frame = chart_frame(loaded, source, chart_id, lang, **filters)
    chart = _with_correction_note(chart, frame, lang)
    fig = DRAW[chart.kind](frame, chart, lang)
    if chart.kind == "timeline":
        frame_date_filter(fig, filters.get("date_from"), filters.get("date_to"), lang)
    if lang == "ar":
        arabic_axes(fig, frame, chart.kind)
    subtitle = " ".join(filter(None, [chart.subtitle.get(lang),
                                      range_sentence(filters.get("date_from"), filters.get("date_to"), lang)]))
    return frame_figure(fig, frame, chart, loaded, lang, _plot_px(frame, chart.kind), subtitle, export)


def _plot_px(frame: pd.DataFrame, kind: str) -> int:
    """The plot's height: a timeline grows with its rows (and their wrapped labels), bars
    are a compact row each, series a fixed panel."""
    if kind == "timeline":
        return 10 + timeline_row_px(frame) * len(frame)
    if kind == "bars":
        return 30 + BAR_ROW_PX * len(frame)
    return 340


def range_sentence(date_from, date_to, lang: str) -> str:  # noqa: ANN001
    """'Shown: March 2021 to December 2021.' for a date-filtered chart, else ''."""
    if not (date_from or date_to):
        return ""
    first = format_date(str(date_from)[:7], lang) if date_from else t("range_start", lang)
    last = format_date(str(date_to)[:7], lang) if date_to else t("range_end", lang)
    return t("range_shown", lang).format(first=first, last=last)


def _with_comparison_note(chart: Chart, loaded: LoadedArticle, source: Source, lang: str) -> Chart:
    """The chart with its note in this language followed by how the viewed article's
    figure stands against the latest earlier value (newsdash.views.comparison)."""
    sentence = note_sentence(compare_article(loaded, source), chart.id, lang) if chart.context_measure else ""
    if not sentence:
        return chart
    note = chart.note.model_copy(update={lang: f"{chart.note.get(lang)} {sentence}"})
    return chart.model_copy(update={"note": note})


def _corrections_of(frame: pd.DataFrame, source: Source, lang: str) -> list[str]:
    """Each row's dated corrections (a figure corrected once on the record), '' for none."""
    if not isinstance(source, Corpus) or frame.empty:
        return [""] * len(frame)
    return [figure_corrections(source, str(article), str(record), lang) if article else ""
            for article, record in zip(frame["article_id"].fillna(""), frame["record_id"], strict=True)]


def _with_correction_note(chart: Chart, frame: pd.DataFrame, lang: str) -> Chart:
    """The chart with every dated correction of a figure it draws after its note, so a
    corrected number is said as corrected on screen and in every download made after."""
    said = list(dict.fromkeys(c for c in frame["correction"] if c))
    if not said:
        return chart
    note = chart.note.model_copy(update={lang: " ".join(filter(None, [chart.note.get(lang), *said]))})
    return chart.model_copy(update={"note": note})


# 3/ EMPTY STATES: a sentence instead of an empty axis


def nothing_to_draw(frame: pd.DataFrame, kind: str) -> str | None:
    """Why a chart has nothing to draw (an i18n key), or None when it has.

    A measure's chart with no context row and a single figure would be that point alone
    on a degenerate axis; a timeline with no row, an empty one.
    """
    if frame.empty:
        return "chart_empty_timeline" if kind == "timeline" else "chart_empty"
    if kind == "measure_series" and frame["is_article"].all() and len(frame) < 2:
        return "chart_no_series"
    return None


def empty_message(loaded: LoadedArticle, source: Source, chart_id: str, lang: str, **filters) -> str | None:
    """The sentence a page shows instead of this chart, or None when there is something to draw."""
    chart = get_chart(loaded, chart_id, source)
    frame = chart_frame(loaded, source, chart_id, lang, **filters)
    key = nothing_to_draw(frame, chart.kind)
    chart = chart if isinstance(chart, MeasureChart) else _article_chart(loaded, chart_id)  # by its name
    if key is None:
        return None
    values = "; ".join(f"{r.label}: {value_text(r, lang)}" for r in frame[frame["is_article"]].itertuples())
    name = chart.label if isinstance(chart, MeasureChart) and chart.label else chart.title  # the measure's one name
    return t(key, lang).format(title=name.get(lang), values=values)


# 4/ NAMES, DOWNLOADS AND ALT TEXT


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def file_stem(chart: Chart, loaded: LoadedArticle, lang: str, filter_tag: str = "") -> str:
    """'demining-road-km_2021-12-29_en': chart, article date, filter (if any), language."""
    parts = [chart.slug, loaded.article.article.published, _slug(filter_tag), lang]
    return "_".join(p for p in parts if p)


def timeline_filter_tag(layers: Iterable[str] | None = None, date_from: str | None = None,
                        date_to: str | None = None) -> str:
    """A short file-name tag for a filtered timeline ('' when nothing is filtered)."""
    parts = []
    if date_from or date_to:
        parts.append(f"{date_from or 'start'}-to-{date_to or 'end'}")
    if layers is not None and set(layers) != set(TIMELINE_LAYERS):
        parts.append("-".join(layer.split("_")[0] for layer in TIMELINE_LAYERS if layer in set(layers)) or "none")
    return "_".join(parts)


MODEBAR_BUTTONS = ("toImage", "resetScale2d")


def plotly_config(chart: Chart, loaded: LoadedArticle, lang: str, filter_tag: str = "") -> dict:
    """Plotly's modebar: the image download is named after the chart; no logo.

    Only the buttons a reader uses, the image download and the reset after a zoom (a drag
    on the plot still zooms): each button is a keyboard tab stop, and the eight Plotly
    shows by default made 32 on a page of four charts."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": file_stem(chart, loaded, lang, filter_tag), "scale": 2},
        "modeBarButtons": [list(MODEBAR_BUTTONS)],
    }


def alt_text(chart: Chart, loaded: LoadedArticle, lang: str) -> str:
    """A sentence or three a screen reader can say instead of the chart: on a measure's
    chart, every article's figure with who said it and when."""
    chart = titled_chart(chart, loaded)  # what the chart shows, first
    parts = [f"{chart.title.get(lang)}.", chart.subtitle.get(lang)]
    published = day_for(loaded.article.article.published, lang)
    if isinstance(chart, MeasureChart):
        for point in chart.points:
            key = "alt_point_viewed" if point.article_id == loaded.id else "alt_point_record"
            parts.append(t(key, lang).format(point=point_words(point, lang)))
    else:
        for fid in chart.figures:
            fig = loaded.article.figure(fid)
            value = f"{fig.label.get(lang)}, {quantity(fig.value, fig.qualifier, fig.unit, lang, fig.value_max)}"
            parts.append(t("alt_figure", lang).format(value=value, date=published))
    if chart.kind == "timeline":
        dates = sorted(e.date for e in loaded.article.events)
        if dates:
            parts.append(t("alt_timeline", lang).format(
                count=format_number(len(dates), lang), dates=count_noun("dates", len(dates), lang),
                first=day_for(dates[0], lang), last=day_for(dates[-1], lang)))
    return digits_for(" ".join(parts), lang)  # the subtitle's own digits too
