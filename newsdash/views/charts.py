"""Chart builders: pure functions from the data to the rows drawn and to a go.Figure.

`chart_frame` gives exactly the data a chart draws, one row per value, with its
provenance; `build_chart` draws that frame. Every word on a chart comes from the
article's `charts:` block (title, subtitle, note, source) or from the interface words
in `newsdash.reading.i18n`. Qualifiers are never dropped: "more than" is drawn as a lower
bound (an upward triangle with an open-ended bar), "about" as an open marker.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.context import Context, in_language
from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Chart, Figure
from newsdash.data.tables import source_title as article_source_title
from newsdash.errors import DataError
from newsdash.reading.dates import precision_of, span_of
from newsdash.reading.formatting import (
    count_noun,
    counted_unit,
    day_for,
    digits_for,
    format_date,
    format_number,
    format_value,
    unit_label,
)
from newsdash.reading.i18n import TEXT, t
from newsdash.views import axes
from newsdash.views.comparison import Comparison, compare_article, note_sentence

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, YELLOW, BLACK = PALETTE
GREY = "#6E6E6E"  # neutral, for keys and context that must not compete with the data
# Colour has one meaning: vermillion is the article's figure, and nothing else is ever
# drawn in it (nor in the orange beside it), so a reader finds the article at a glance.
ARTICLE_COLOUR = VERMILLION

COLUMNS = [
    "chart_id", "record_id", "series", "label", "date", "date_end", "precision", "value", "qualifier", "unit",
    "is_article", "quote", "quote_start", "quote_end", "attributed_to", "source_title", "source_url", "note",
]
TIMELINE_LAYERS = ("article_events", "fighting", "demining_period", "context_events")
FIGHTING_FIGURE = "fighting_duration_months"
SYMBOL_OF_QUALIFIER = {"exact": "circle", "more_than": "triangle-up", "about": "circle-open"}
LOWER_BOUND_REACH = 0.08  # the open-ended bar reaches 8% of the axis above a lower bound
WRAP_AT = 100  # characters per line of a bottom annotation
GAP_MONTHS = 3  # whole months without a report: the line there is dotted, not drawn as a trend
AUTORANGE_PAD = 0.05  # about the share of the dates' span Plotly adds at each end
BAR_HEADROOM = 1.1  # ticks up to 10% above the tallest bar, where Plotly's autorange ends
# Which axes of each chart kind are dates and values (the timeline's y-axis is its rows)
DATE_AXIS_KINDS = frozenset({"measure_series", "returns_series", "timeline"})
VALUE_AXIS_KINDS = frozenset({"measure_series", "returns_series"})  # bars carry their values as labels
FONT_EN = "Noto Sans, Arial, sans-serif"
FONT_AR = "Noto Naskh Arabic, Noto Sans Arabic, sans-serif"


# 1/ LOOKUPS


def get_chart(loaded: LoadedArticle, chart_id: str) -> Chart:
    """The chart with this id; a missing one is a data error an editor can fix."""
    for chart in loaded.article.charts:
        if chart.id == chart_id:
            return chart
    raise DataError(str(loaded.path), f"no chart with id '{chart_id}'", record_id=chart_id)


RLM = "\u200f"


def _escape(text: str, lang: str = "en") -> str:
    """Text safe for Plotly, which reads a few HTML tags: data must never become markup.

    In Arabic mode the text is fenced with right-to-left marks: SVG text runs left to
    right by default, which would put a final full stop or an opening quote at the
    wrong end.
    """
    safe = html.escape(digits_for(str(text), lang), quote=False)  # Arabic-Indic digits outside quotes
    return f"{RLM}{safe}{RLM}" if lang == "ar" else safe


def _iso(day: date) -> str:
    return day.isoformat()


# 2/ ROWS: EXACTLY WHAT IS DRAWN


def _row(chart: Chart, **values) -> dict:
    row = dict.fromkeys(COLUMNS, "")
    row.update(chart_id=chart.id, value=None, quote_start=None, quote_end=None, is_article=False,
               precision="day")
    row.update(values)
    return row


def _figure_notes(loaded: LoadedArticle, figure_id: str, lang: str) -> str:
    """The editors' notes that concern this figure by id."""
    notes = [n.text.get(lang) for n in loaded.article.notes if figure_id in n.concerns.figures]
    return " ".join(notes)


def _figure_row(chart: Chart, loaded: LoadedArticle, fig: Figure, lang: str, day: str) -> dict:
    span = loaded.spans[fig.id]
    return _row(chart, record_id=fig.id, series="article", label=fig.label.get(lang), date=day, date_end=day,
                value=fig.value, qualifier=fig.qualifier, unit=fig.unit, is_article=True,
                quote=fig.quote, quote_start=span.start, quote_end=span.end,
                attributed_to=fig.attribution(lang), source_title=article_source_title(loaded, lang),
                note=_figure_notes(loaded, fig.id, lang))


def _context_rows(chart: Chart, frame: pd.DataFrame, label_of, unit: str, lang: str) -> list[dict]:  # noqa: ANN001
    return [
        _row(chart, series=r.measure, label=label_of(r.measure), date=r.as_of, date_end=r.as_of,
             value=float(r.value), qualifier=r.qualifier, unit=unit,
             attributed_to=in_language(r.reported_by, r.reported_by_ar, lang),
             source_title=in_language(r.source_title, r.source_title_ar, lang), source_url=r.source_url,
             note=in_language(r.note, r.note_ar, lang))
        for r in _in_measure_order(frame).itertuples()
    ]


def _in_measure_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Measures in the order the table first names them, each by date."""
    order = {m: i for i, m in enumerate(dict.fromkeys(frame["measure"]))}
    return frame.sort_values(["measure", "as_of"], key=lambda col: col.map(order) if col.name == "measure" else col,
                             kind="stable")


def _measure_rows(chart: Chart, loaded: LoadedArticle, context: Context, lang: str) -> list[dict]:
    fig = loaded.article.figure(chart.figures[0])
    series = context.demining[context.demining["measure"] == chart.context_measure]
    rows = _context_rows(chart, series, lambda _m: t("series_ministry", lang), fig.unit, lang)
    return rows + [_figure_row(chart, loaded, fig, lang, loaded.article.article.published)]


def _returns_rows(chart: Chart, loaded: LoadedArticle, context: Context, lang: str,
                  series: Iterable[str] | None = None) -> list[dict]:
    fig = loaded.article.figure(chart.figures[0])
    frame = context.returns
    if series is not None:
        frame = frame[frame["measure"].isin(list(series))]
    rows = _context_rows(chart, frame, lambda m: _measure_label(m, lang), "people", lang)
    day = fig.period.as_of or fig.period.end or loaded.article.article.published
    return rows + [_figure_row(chart, loaded, fig, lang, day)]


def _measure_label(measure: str, lang: str) -> str:
    try:
        return t(f"measure_{measure}", lang)
    except KeyError:
        return measure


def returns_measures(context: Context) -> list[str]:
    """The context series of the returns chart, in the table's order."""
    return list(dict.fromkeys(context.returns["measure"]))


def _bar_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    published = loaded.article.article.published
    rows = []
    for fid in chart.figures:
        fig = loaded.article.figure(fid)
        row = _figure_row(chart, loaded, fig, lang, published)
        rows.append({**row, "series": fig.id, "date": fig.period.start or published, "date_end": published})
    return rows


# 2b/ TIMELINE ROWS


def _span_row(chart: Chart, layer: str, label: str, start: str, end: str, precision: str, **extra) -> dict:
    return _row(chart, series=layer, label=label, date=start, date_end=end, precision=precision, **extra)


def _article_event_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    rows = []
    for event in loaded.article.events:
        first, last = span_of(event.date)
        span = loaded.spans[event.id]
        rows.append(_span_row(chart, "article_events", event.label.get(lang), _iso(first), _iso(last),
                              event.date_precision, record_id=event.id, is_article=True, quote=event.quote,
                              quote_start=span.start, quote_end=span.end,
                              source_title=article_source_title(loaded, lang), note=event.translation))
    return rows


def _period_dates(fig: Figure) -> tuple[str, str, str]:
    """First and last day of a figure's period, and the precision of its start."""
    start, end = span_of(fig.period.start)[0], span_of(fig.period.end)[1]
    return _iso(start), _iso(end), precision_of(fig.period.start)


def _fighting_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    """The fighting as the span of the article's own 'about a month and a half' figure."""
    rows = []
    for fig in (f for f in loaded.article.figures if f.id == FIGHTING_FIGURE):
        start, end, precision = _period_dates(fig)
        row = _figure_row(chart, loaded, fig, lang, start)
        rows.append({**row, "series": "fighting", "label": t("fighting_row", lang), "date_end": end,
                     "precision": precision})
    return rows


def _demining_period_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    """One span for the period the demining totals share; its quote is the event that
    dates its start ("since November 2020"), when the article has one."""
    figs = [f for f in loaded.article.figures if f.category == "demining" and f.period.start]
    if not figs:
        return []
    start, end, precision = _period_dates(figs[0])
    covered = ", ".join(f.id for f in figs if f.period == figs[0].period)
    row = _span_row(chart, "demining_period", t("demining_row", lang), start, end, precision, is_article=True,
                    source_title=article_source_title(loaded, lang), note=covered)
    starts = [e for e in loaded.article.events if e.date == figs[0].period.start]
    if starts:
        span = loaded.spans[starts[0].id]
        row.update(record_id=starts[0].id, quote=starts[0].quote, quote_start=span.start, quote_end=span.end)
    return [row]


def _context_event_rows(chart: Chart, context: Context, lang: str) -> list[dict]:
    rows = []
    for event in context.events:
        first, last = span_of(event.date)
        rows.append(_span_row(chart, "context_events", event.label(lang), _iso(first), _iso(last),
                              event.precision, source_title=in_language(event.source_title, event.source_title_ar, lang),
                              source_url=event.source_url, note=in_language(event.note, event.note_ar, lang)))
    return rows


def _to_day(value: str | date | None, end: bool) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    first, last = span_of(str(value))
    return last if end else first


def _timeline_rows(chart: Chart, loaded: LoadedArticle, context: Context, lang: str,
                   layers: Iterable[str] | None = None, date_from=None, date_to=None) -> list[dict]:  # noqa: ANN001
    builders = {
        "article_events": lambda: _article_event_rows(chart, loaded, lang),
        "fighting": lambda: _fighting_rows(chart, loaded, lang),
        "demining_period": lambda: _demining_period_rows(chart, loaded, lang),
        "context_events": lambda: _context_event_rows(chart, context, lang),
    }
    wanted = TIMELINE_LAYERS if layers is None else [layer for layer in TIMELINE_LAYERS if layer in set(layers)]
    rows = _once([row for layer in wanted for row in builders[layer]()])
    low, high = _to_day(date_from, end=False), _to_day(date_to, end=True)
    # a span is kept when any part of it falls inside the range
    return [r for r in rows if (low is None or r["date_end"] >= _iso(low)) and (high is None or r["date"] <= _iso(high))]


def _once(rows: list[dict]) -> list[dict]:
    """Each event once: a context event on the very day of an article's own day-precise
    date is the same moment told by another outlet, so the article's row stands for it
    (the article is what the dashboard shows; the context row stays in the data tables)."""
    article_days = {r["date"] for r in rows
                    if r["series"] == "article_events" and r["precision"] == "day" and r["date"] == r["date_end"]}
    return [r for r in rows if not (r["series"] == "context_events" and r["precision"] == "day"
                                    and r["date"] in article_days)]


def chart_frame(loaded: LoadedArticle, context: Context, chart_id: str, lang: str, **filters) -> pd.DataFrame:
    """Exactly the data the chart draws, one row per value, with its provenance.

    Filters: returns_series takes `series` (context measures to keep); timeline takes
    `layers` (of TIMELINE_LAYERS), `date_from` and `date_to` (ISO day, month or year).
    """
    chart = get_chart(loaded, chart_id)
    if chart.kind == "measure_series":
        rows = _measure_rows(chart, loaded, context, lang, **filters)
    elif chart.kind == "returns_series":
        rows = _returns_rows(chart, loaded, context, lang, **filters)
    elif chart.kind == "bars":
        rows = _bar_rows(chart, loaded, lang, **filters)
    else:
        rows = _timeline_rows(chart, loaded, context, lang, **filters)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["is_article"] = frame["is_article"].astype(bool)
    # offsets are whole numbers; context rows have none
    frame[["quote_start", "quote_end"]] = frame[["quote_start", "quote_end"]].astype("Int64")
    return frame


# 3/ DRAWING PIECES


def value_text(row, lang: str) -> str:  # noqa: ANN001
    """'more than 26,000 explosive objects': value, qualifier and unit together."""
    return f"{format_value(row.value, row.qualifier, lang)} {unit_label(row.unit, lang)}"


HOVER_WRAP = 44  # characters per hover line: a phone's hover box stays inside 390 px


def _hover_line(text: str, lang: str) -> str:
    """One line of a hover label, wrapped (each piece escaped and fenced on its own)."""
    return "<br>".join(_escape(piece, lang) for piece in textwrap.wrap(str(text), HOVER_WRAP) or [""])


def _hover(row, lang: str) -> str:  # noqa: ANN001
    lines = [f"<b>{_hover_line(row.label, lang)}</b>", _escape(value_text(row, lang), lang),
             _escape(day_for(row.date, lang), lang)]
    if row.attributed_to:
        who = t("attributed_to" if row.is_article else "reported_by", lang)
        lines.append(_hover_line(f"{who}: {row.attributed_to}", lang))
    lines.append(_hover_line(row.source_title, lang))
    return "<br>".join(lines)


def months_without_report(first: str, second: str) -> int:
    """Whole calendar months strictly between two reports' months (28 Feb -> 20 Aug: 5)."""
    a, b = date.fromisoformat(str(first)[:10]), date.fromisoformat(str(second)[:10])
    return max((b.year - a.year) * 12 + b.month - a.month - 1, 0)


def report_gaps(dates: list[str]) -> list[int]:
    """Positions i where no report falls for GAP_MONTHS whole months or more between
    dates[i] and dates[i + 1]: there a line joining the two would invent a trend."""
    return [i for i in range(len(dates) - 1) if months_without_report(dates[i], dates[i + 1]) >= GAP_MONTHS]


def _broken_at(values: list, gaps: list[int], filler=None) -> list:  # noqa: ANN001
    """The values with `filler` after each gap position: Plotly breaks its line there."""
    out = []
    for i, value in enumerate(values):
        out.append(value)
        if i in gaps:
            out.append(filler)
    return out


def _series_trace(rows: pd.DataFrame, name: str, colour: str, lang: str, dash: str = "solid") -> list[go.Scatter]:
    """A reported series: a line with markers whose shape says the qualifier; the line
    is broken where months pass without a report, and a dotted one bridges the gap."""
    dates, gaps = list(rows["date"]), report_gaps(list(rows["date"]))
    symbols = [SYMBOL_OF_QUALIFIER[q] for q in rows["qualifier"]]
    line = go.Scatter(
        x=_broken_at(dates, gaps), y=_broken_at(list(rows["value"]), gaps), mode="lines+markers",
        name=_escape(name, lang), connectgaps=False, line={"color": colour, "width": 2, "dash": dash},
        marker={"color": colour, "size": 8, "symbol": _broken_at(symbols, gaps, "circle")},
        hovertext=_broken_at([_hover(r, lang) for r in rows.itertuples()], gaps, ""),
        hovertemplate="%{hovertext}<extra></extra>",
    )
    if not gaps:
        return [line]
    values = list(rows["value"])
    bridge = go.Scatter(
        x=[d for i in gaps for d in (dates[i], dates[i + 1], None)],
        y=[v for i in gaps for v in (values[i], values[i + 1], None)],
        mode="lines", name=_escape(t("key_gap", lang), lang), showlegend=False, hoverinfo="skip",
        line={"color": colour, "width": 1.5, "dash": "dot"}, meta="gap",
    )
    return [line, bridge]


def _article_trace(row, lang: str, reach: float) -> go.Scatter:  # noqa: ANN001
    """The article's figure, unlike any series point: large, vermillion, labelled.

    A lower bound gets an upward triangle and an open-ended bar upward; "about" an
    open diamond; an exact value a filled diamond.
    """
    symbol = {"more_than": "triangle-up", "about": "diamond-open"}.get(row.qualifier, "diamond")
    trace = go.Scatter(
        x=[row.date], y=[row.value], mode="markers+text", name=_escape(t("article_point", lang), lang),
        marker={"color": ARTICLE_COLOUR, "size": 15, "symbol": symbol, "line": {"color": ARTICLE_COLOUR, "width": 2}},
        text=[_escape(value_text(row, lang), lang)], textposition="top left", textfont={"color": ARTICLE_COLOUR},
        hovertext=[_hover(row, lang)], hovertemplate="%{hovertext}<extra></extra>",
    )
    if row.qualifier == "more_than":
        trace.error_y = {"type": "data", "symmetric": False, "array": [reach], "arrayminus": [0],
                         "color": ARTICLE_COLOUR, "thickness": 2, "width": 0}
    return trace


KEYS_LEGEND = "legend2"  # the symbols' key, on its own line under the series


def _qualifier_keys(qualifiers: set[str], lang: str, gaps: bool = False) -> list[go.Scatter]:
    """The key to the marker shapes that appear in a series and to the dotted line over
    months without a report: a second legend, apart from the series themselves."""
    keys = []
    for qualifier, key in (("more_than", "key_more_than"), ("about", "key_about")):
        if qualifier in qualifiers:
            keys.append(go.Scatter(x=[None], y=[None], mode="markers", name=_escape(t(key, lang), lang),
                                   marker={"color": GREY, "size": 9, "symbol": SYMBOL_OF_QUALIFIER[qualifier]},
                                   hoverinfo="skip", legend=KEYS_LEGEND))
    if gaps:
        keys.append(go.Scatter(x=[None], y=[None], mode="lines", name=_escape(t("key_gap", lang), lang),
                               line={"color": GREY, "width": 1.5, "dash": "dot"}, hoverinfo="skip",
                               legend=KEYS_LEGEND))
    return keys


def _has_gaps(fig: go.Figure) -> bool:
    return any(trace.meta == "gap" for trace in fig.data)


def _reach(frame: pd.DataFrame) -> float:
    values = pd.to_numeric(frame["value"], errors="coerce")
    return float(values.max()) * LOWER_BOUND_REACH if values.notna().any() else 0.0


def _value_axis(fig: go.Figure, frame: pd.DataFrame, unit: str, lang: str) -> None:
    """The unit's own axis from zero, tall enough to show a lower bound's open bar whole,
    its numbers written as the charts' labels write them (2,500, not 2.5k)."""
    values = pd.to_numeric(frame["value"], errors="coerce")
    top = float(values.max()) if values.notna().any() else 1.0
    if (frame["qualifier"] == "more_than").any():
        top += _reach(frame)
    fig.update_yaxes(title=_escape(unit_label(unit, lang), lang), range=[0, top * 1.08], tickformat=",~f",
                     automargin=False)
    # the axis's width is known here, so the title, notes and source can share the image's left edge
    widest = format_number(axes.nice_ticks(top * 1.08)[-1], lang)
    fig.update_layout(margin={"l": EDGE_PX + AXIS_TITLE_PX + CHAR_PX * len(widest) + 8})


def _wrap(text: str, width: int = WRAP_AT) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _wrapped(text: str, width: int, lang: str) -> str:
    """Escaped text broken into lines of at most `width` characters: wrapped, never cut."""
    return "<br>".join(_escape(line, lang) for line in _wrap(text, width))


TITLE_PX = 78  # title and one line of subtitle above the legend
LEGEND_ROW_PX = 24
LINE_PX = 16
SUBTITLE_WRAP = 110  # characters per subtitle line at the export width
TITLE_WRAP = 80  # characters per line of an 18 px bold title at the export width
TITLE_LINE_PX = 24
ASSUMED_WIDTH_PX = 900  # to guess how many rows a legend wraps to; extra width only adds space
EDGE_PX = 12  # the one left (right in Arabic) edge of title, legend, notes and source
EXPORT_WIDTH_PX = 1000  # newsdash.exports.chart_files.EXPORT_WIDTH (not imported: export imports nothing of the charts)
AXIS_TITLE_PX = 24  # the value axis's rotated unit
CHAR_PX = 8  # about the width of a 13 px character, to size margins for labels
RIGHT_PX = 30
NOTE_COLOUR = "#333333"
GRID_COLOUR = "#E6E6E6"


@dataclass(frozen=True)
class ExportWords:
    """What only a downloaded image carries: the claim caveat (on screen it is the page's
    banner) and the newsroom's credit line."""

    credit: str = ""


def _different_things(frame: pd.DataFrame, lang: str) -> str:
    """For two or more context series on one chart: a sentence saying they count
    different things, and what each counts, so no reader compares or adds them."""
    measures = list(dict.fromkeys(frame.loc[~frame["is_article"], "series"]))
    if len(measures) < 2:
        return ""
    meanings = [f"{_measure_label(m, lang)}: {t(f'measure_{m}_means', lang)}" for m in measures
                if f"measure_{m}_means" in TEXT]
    return " ".join([t("series_count_different_things", lang), *(f"{m}." for m in meanings)])


def _bottom_texts(frame: pd.DataFrame, chart: Chart, loaded: LoadedArticle, lang: str,
                  export: ExportWords | None) -> list[tuple[str, str, str]]:
    texts = [("note", chart.note.get(lang), NOTE_COLOUR)]
    if chart.kind == "returns_series" and (different := _different_things(frame, lang)):
        texts.append(("different", different, NOTE_COLOUR))
    if export is not None:
        texts.append(("caveat", loaded.article.article.claim_caveat.get(lang), NOTE_COLOUR))
    texts.append(("source", chart.source.get(lang), GREY))
    if export is not None and export.credit:
        texts.append(("credit", export.credit, GREY))
    return texts


def _bottom_annotations(fig: go.Figure, texts: list[tuple[str, str, str]], lang: str, edge_shift: int) -> int:
    """The chart's note (and what only an export carries: the claim caveat, the credit)
    and the source line under the plot, each a named annotation on the image's one edge;
    returns the pixels they take, for the bottom margin."""
    shift, rtl = 52, lang == "ar"
    for name, text, colour in texts:
        lines = _wrap(text)
        fig.add_annotation(
            name=name, text="<br>".join(_escape(line, lang) for line in lines), showarrow=False,
            xref="paper", yref="paper", x=1 if rtl else 0, y=0, xanchor="right" if rtl else "left",
            xshift=edge_shift if rtl else -edge_shift,
            yanchor="top", yshift=-shift, align="right" if rtl else "left", font={"size": 12, "color": colour},
        )
        shift += LINE_PX * len(lines) + 6
    return shift


def _legend_rows(fig: go.Figure, legend: str = "legend") -> int:
    """How many rows a horizontal legend takes at the assumed width."""
    widths = [40 + 7.5 * len(trace.name or "") for trace in fig.data
              if trace.showlegend is not False and trace.name and (trace.legend or "legend") == legend]
    rows, used = (1 if widths else 0), 0.0
    for width in widths:
        if used and used + width > ASSUMED_WIDTH_PX:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def _frame_figure(fig: go.Figure, frame: pd.DataFrame, chart: Chart, loaded: LoadedArticle, lang: str,
                  plot_px: int, subtitle: str, export: ExportWords | None = None) -> go.Figure:
    """Title, subtitle, legends, fonts and the bottom annotations, the same on every chart.

    Sizes are in pixels from the top, so a long legend pushes the plot down instead of
    covering the subtitle. Title, legends, notes and source share one edge, EDGE_PX from
    the image's side, whatever the width of the axis labels.
    """
    rtl = lang == "ar"
    margin = fig.layout.margin
    left, right = margin.l or 60, margin.r or RIGHT_PX
    edge_shift = (right if rtl else left) - EDGE_PX
    bottom = _bottom_annotations(fig, _bottom_texts(frame, chart, loaded, lang, export), lang, edge_shift)
    subtitle_lines = _wrap(subtitle, SUBTITLE_WRAP)
    title_lines = _wrap(chart.title.get(lang), TITLE_WRAP)
    title_px = TITLE_PX + 18 * (len(subtitle_lines) - 1) + TITLE_LINE_PX * (len(title_lines) - 1)
    rows, key_rows = _legend_rows(fig), _legend_rows(fig, KEYS_LEGEND)
    top = title_px + LEGEND_ROW_PX * (rows + key_rows) + 16
    height = top + plot_px + bottom + 10
    side = {"x": 1 if rtl else 0, "xanchor": "right" if rtl else "left", "xref": "container"}
    # indentation moves entries rightwards whatever the direction: it sets the left edge only;
    # the right edge is a share of the width, EDGE_PX at the export width
    legend = {"orientation": "h", **side, "yref": "container", "yanchor": "top", "indentation": 0 if rtl else EDGE_PX - 4,
              **({"x": 1 - EDGE_PX / EXPORT_WIDTH_PX} if rtl else {})}
    fig.update_layout(
        title={"text": "<br>".join(f"<b>{_escape(line, lang)}</b>" for line in title_lines),
               "subtitle": {"text": "<br>".join(_escape(line, lang) for line in subtitle_lines)},
               **side, "pad": {"r": EDGE_PX} if rtl else {"l": EDGE_PX},
               # Plotly anchors a title's first line and sets the others above it: move it down for them
               "y": 1 - (12 + TITLE_LINE_PX * (len(title_lines) - 1)) / height, "yanchor": "top",
               "yref": "container", "font": {"size": 18}},
        font={"family": FONT_AR if rtl else FONT_EN, "size": 13, "color": "#222222"},
        legend={**legend, "y": 1 - title_px / height},
        margin={"t": top, "b": bottom + 10, "l": left, "r": right},
        height=height, template="plotly_white", hoverlabel={"align": "right" if rtl else "left"},
    )
    if key_rows:
        fig.update_layout({KEYS_LEGEND: {**legend, "y": 1 - (title_px + LEGEND_ROW_PX * rows) / height,
                                         # the title is not indented with the entries: a space or two puts it on the edge
                                         "title": {"text": ("" if rtl else "&nbsp;&nbsp;") + _escape(t("key_title", lang), lang),
                                                   "font": {"size": 13}}}})
    # the same gridlines on screen and in every export: values only, no date grid
    fig.update_xaxes(showgrid=fig.layout.xaxis.showgrid or False, gridcolor=GRID_COLOUR, zeroline=False,
                     showline=True, linecolor="#BBBBBB")
    fig.update_yaxes(showgrid=fig.layout.yaxis.showgrid is not False, gridcolor=GRID_COLOUR, zeroline=False)
    return fig


# 4/ ONE DRAWING FUNCTION PER CHART KIND


def _draw_measure_series(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    fig = go.Figure()
    series = frame[~frame["is_article"]]
    if not series.empty:
        fig.add_traces(_series_trace(series, t("series_ministry", lang), BLUE, lang))
    for row in frame[frame["is_article"]].itertuples():
        fig.add_trace(_article_trace(row, lang, _reach(frame)))
    fig.add_traces(_qualifier_keys(set(series["qualifier"]), lang, _has_gaps(fig)))
    _value_axis(fig, frame, frame["unit"].iloc[0] if not frame.empty else "", lang)
    fig.update_xaxes(type="date")
    return fig


# fixed per series, so hiding one series does not recolour the others
RETURNS_STYLE = {
    "returned_to_karabakh_cumulative": (BLUE, "solid"),
    "departures_on_return_buses_cumulative": (GREEN, "dash"),
    "refugee_like_in_armenia": (PURPLE, "longdash"),  # never "dot": dotted means no report
}


def _draw_returns_series(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    """Each context series labelled by who counted it; they are never summed."""
    fig = go.Figure()
    series = frame[~frame["is_article"]]
    for measure, rows in series.groupby("series", sort=False):
        colour, dash = RETURNS_STYLE.get(str(measure), (SKY, "dashdot"))
        fig.add_traces(_series_trace(rows, rows["label"].iloc[0], colour, lang, dash))
    for row in frame[frame["is_article"]].itertuples():
        fig.add_trace(_article_trace(row, lang, _reach(frame)))
    fig.add_traces(_qualifier_keys(set(series["qualifier"]), lang, _has_gaps(fig)))
    _value_axis(fig, frame, "people", lang)
    fig.update_xaxes(type="date")
    return fig


BAR_ROW_PX = 52
BAR_WRAP = 30  # characters per line of a bar's label


def _draw_bars(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    """The article's counts as compact horizontal bars, each labelled with its value:
    every bar is an article figure, so every bar is the article's colour."""
    rtl = lang == "ar"
    labels = [_wrapped(label, BAR_WRAP, lang) for label in frame["label"]]
    fig = go.Figure(go.Bar(
        y=labels, x=list(frame["value"]), orientation="h", marker={"color": ARTICLE_COLOUR},
        text=[_escape(value_text(r, lang), lang) for r in frame.itertuples()], textposition="outside",
        hovertext=[_hover(r, lang) for r in frame.itertuples()], hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False, cliponaxis=False, width=0.6,
    ))
    longest = max((len(line) for label in frame["label"] for line in _wrap(label, BAR_WRAP)), default=0)
    label_px = EDGE_PX + CHAR_PX * longest + 10
    # no value axis: each bar carries its value, written out, beside it
    fig.update_xaxes(visible=False, rangemode="tozero", autorange="reversed" if rtl else True)
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", showgrid=False, automargin=False)
    value_px = CHAR_PX * max((len(value_text(r, lang)) for r in frame.itertuples()), default=0) + 10
    fig.update_layout(margin={"l": value_px if rtl else label_px, "r": label_px if rtl else value_px})
    return fig


LAYER_STYLE = {  # colour, and the symbol for a one-day date
    "article_events": (BLUE, "diamond"),
    "fighting": (PURPLE, "diamond"),
    "demining_period": (GREEN, "diamond"),
    "context_events": (GREY, "x-thin-open"),
}


def _span_ms(row) -> float:  # noqa: ANN001
    """Length of a span in milliseconds, to the end of its last day (a whole month is drawn whole)."""
    start = date.fromisoformat(row.date)
    end = date.fromisoformat(row.date_end) + timedelta(days=1)
    return (end - start).total_seconds() * 1000


def _timeline_hover(row, lang: str) -> str:  # noqa: ANN001
    lines = [f"<b>{_hover_line(row.label, lang)}</b>"]
    when = day_for(row.date, lang) if row.date == row.date_end else f"{day_for(row.date, lang)} – {day_for(row.date_end, lang)}"
    lines.append(_escape(f"{when} ({precision_label(row.precision, lang)})", lang))
    if row.value is not None and not pd.isna(row.value):
        lines.append(_escape(value_text(row, lang), lang))
    lines.append(_hover_line(row.source_title, lang))
    return "<br>".join(lines)


def _layer_traces(rows: pd.DataFrame, layer: str, positions: list[int], lang: str) -> list:
    """A layer's spans as horizontal bars, its one-day dates as markers; one legend entry."""
    colour, symbol = LAYER_STYLE[layer]
    is_span = rows["date"] != rows["date_end"]
    name = _escape(t(f"layer_{layer}", lang), lang)
    traces = []
    spans, days = rows[is_span], rows[~is_span]
    span_y = [p for p, s in zip(positions, is_span, strict=True) if s]
    day_y = [p for p, s in zip(positions, is_span, strict=True) if not s]
    if not spans.empty:
        traces.append(go.Bar(
            y=span_y, base=list(spans["date"]), x=[_span_ms(r) for r in spans.itertuples()], orientation="h",
            marker={"color": colour, "opacity": 0.55 if layer != "article_events" else 0.8}, width=0.6,
            name=name, legendgroup=layer, showlegend=True,
            hovertext=[_timeline_hover(r, lang) for r in spans.itertuples()], hovertemplate="%{hovertext}<extra></extra>",
        ))
    if not days.empty:
        traces.append(go.Scatter(
            y=day_y, x=list(days["date"]), mode="markers", name=name, legendgroup=layer,
            showlegend=spans.empty, marker={"color": colour, "size": 13, "symbol": symbol,
                                            "line": {"color": colour, "width": 2}},
            hovertext=[_timeline_hover(r, lang) for r in days.itertuples()], hovertemplate="%{hovertext}<extra></extra>",
        ))
    return traces


def precision_label(precision: str, lang: str) -> str:
    """'month only': how exactly the source dates an event."""
    return t(f"precision_{precision}", lang) if precision in ("day", "month", "year") else precision


TIMELINE_WRAP = 34  # characters per line of a row's label: wrapped, never cut


def _row_px(frame: pd.DataFrame) -> int:
    """Height of one timeline row, enough for the longest label's lines."""
    lines = max((len(_wrap(label, TIMELINE_WRAP)) for label in frame["label"]), default=1)
    return max(34, 17 * lines + 10)


def _draw_timeline(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    """One row per dated item, earliest at the top, each label whole on its lines."""
    rtl = lang == "ar"
    frame = frame.sort_values(["date", "date_end"], kind="stable").reset_index(drop=True)
    fig = go.Figure()
    for layer in TIMELINE_LAYERS:
        rows = frame[frame["series"] == layer]
        if not rows.empty:
            fig.add_traces(_layer_traces(rows, layer, list(rows.index), lang))
    fig.update_yaxes(tickvals=list(frame.index), ticktext=[_wrapped(x, TIMELINE_WRAP, lang) for x in frame["label"]],
                     # earliest at the top, half a row above the first: no empty band over the rows
                     range=[len(frame) - 0.5, -0.5], side="right" if rtl else "left", showgrid=False,
                     automargin=False)
    fig.update_xaxes(type="date", showgrid=True)
    longest = max((len(line) for label in frame["label"] for line in _wrap(label, TIMELINE_WRAP)), default=0)
    label_px = EDGE_PX + CHAR_PX * longest + 12
    fig.update_layout(barmode="overlay", bargap=0.3,
                      margin={"l": RIGHT_PX + 20 if rtl else label_px, "r": label_px if rtl else RIGHT_PX + 20})
    return fig


def _date_range(fig: go.Figure, date_from, date_to) -> None:  # noqa: ANN001
    """A date filter also frames the axis, so a long span does not stretch past it."""
    low, high = _to_day(date_from, end=False), _to_day(date_to, end=True)
    if low and high:
        fig.update_xaxes(range=[_iso(low - timedelta(days=3)), _iso(high + timedelta(days=4))])


DRAW = {
    "measure_series": _draw_measure_series,
    "returns_series": _draw_returns_series,
    "bars": _draw_bars,
    "timeline": _draw_timeline,
}


def build_chart(loaded: LoadedArticle, context: Context, chart_id: str, lang: str,
                export: ExportWords | None = None, **filters) -> go.Figure:
    """The chart as a go.Figure: the frame's rows drawn, with the chart's words on it.

    `export` makes the figure for a download: it then also carries the claim caveat (on
    screen the page shows it once, in a banner) and the newsroom's credit line.
    """
    chart = _with_comparison_note(get_chart(loaded, chart_id), loaded, context, lang)
    frame = chart_frame(loaded, context, chart_id, lang, **filters)
    fig = DRAW[chart.kind](frame, chart, lang)
    if chart.kind == "timeline":
        _date_range(fig, filters.get("date_from"), filters.get("date_to"))
    if lang == "ar":
        _arabic_axes(fig, frame, chart.kind)
    subtitle = " ".join(filter(None, [chart.subtitle.get(lang),
                                      range_sentence(filters.get("date_from"), filters.get("date_to"), lang)]))
    return _frame_figure(fig, frame, chart, loaded, lang, _plot_px(frame, chart.kind), subtitle, export)


def _plot_px(frame: pd.DataFrame, kind: str) -> int:
    """The plot's height: a timeline grows with its rows (and their wrapped labels), bars
    are a compact row each, series a fixed panel."""
    if kind == "timeline":
        return 10 + _row_px(frame) * len(frame)
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


# 4b/ EMPTY STATES: a sentence instead of an empty axis


def nothing_to_draw(frame: pd.DataFrame, kind: str) -> str | None:
    """Why a chart has nothing to draw (an i18n key), or None when it has.

    A series chart whose context series are all missing (or all filtered out) would be
    the article's point alone on a degenerate axis; a timeline with no row, an empty one.
    """
    if frame.empty:
        return "chart_empty_timeline" if kind == "timeline" else "chart_empty"
    if kind in ("measure_series", "returns_series") and frame["is_article"].all():
        return "chart_no_series"
    return None


def empty_message(loaded: LoadedArticle, context: Context, chart_id: str, lang: str, **filters) -> str | None:
    """The sentence a page shows instead of this chart, or None when there is something to draw."""
    chart = get_chart(loaded, chart_id)
    frame = chart_frame(loaded, context, chart_id, lang, **filters)
    key = nothing_to_draw(frame, chart.kind)
    if key is None:
        return None
    values = "; ".join(f"{r.label}: {value_text(r, lang)}" for r in frame[frame["is_article"]].itertuples())
    return t(key, lang).format(title=chart.title.get(lang), values=values)


def _with_comparison_note(chart: Chart, loaded: LoadedArticle, context: Context, lang: str) -> Chart:
    """The chart with its note in this language followed by how its figure stands
    against the last earlier report (newsdash.views.comparison), when it has one."""
    sentence = note_sentence(compare_article(loaded, context), chart.id, lang) if chart.context_measure else ""
    if not sentence:
        return chart
    note = chart.note.model_copy(update={lang: f"{chart.note.get(lang)} {sentence}"})
    return chart.model_copy(update={"note": note})


def _arabic_axes(fig: go.Figure, frame: pd.DataFrame, kind: str) -> None:
    """Ticks labelled in Arabic (newsdash.views.axes): months over the dates the chart shows,
    round numbers up to the top of its value axis. The timeline's rows keep their labels."""
    if frame.empty:
        return
    if kind in DATE_AXIS_KINDS:
        shown = fig.layout.xaxis.range  # a date filter's frame, else the dates drawn
        first = _to_day(shown[0] if shown else min(frame["date"]), end=False)
        last = _to_day(shown[1] if shown else max(frame["date_end"].fillna(frame["date"])), end=True)
        pad = timedelta(0) if shown else (last - first) * AUTORANGE_PAD  # Plotly's margin around the dates
        axes.arabic_date_axis(fig, first - pad, last + pad)
    if kind in VALUE_AXIS_KINDS:
        shown = fig.layout.yaxis.range  # the value axis the series charts set; bars autorange above their top
        axes.arabic_value_axis(fig, shown[1] if shown else float(pd.to_numeric(frame["value"]).max()) * BAR_HEADROOM)


# 5/ NAMES, DOWNLOADS AND ALT TEXT


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def file_stem(chart: Chart, loaded: LoadedArticle, lang: str, filter_tag: str = "") -> str:
    """'demining-roads-km_2021-12-29_en': chart, article date, filter (if any), language."""
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
    """A sentence or three a screen reader can say instead of the chart."""
    parts = [f"{chart.title.get(lang)}.", chart.subtitle.get(lang)]
    published = day_for(loaded.article.article.published, lang)
    for fid in chart.figures:
        fig = loaded.article.figure(fid)
        value = f"{fig.label.get(lang)}, {format_value(fig.value, fig.qualifier, lang, fig.value_max)} {unit_label(fig.unit, lang)}"
        parts.append(t("alt_figure", lang).format(value=value, date=published))
    if chart.context_measure:
        parts.append(t("alt_series", lang))
    if chart.kind == "timeline":
        dates = sorted(e.date for e in loaded.article.events)
        if dates:
            parts.append(t("alt_timeline", lang).format(
                count=format_number(len(dates), lang), dates=count_noun("dates", len(dates), lang),
                first=day_for(dates[0], lang), last=day_for(dates[-1], lang)))
    return digits_for(" ".join(parts), lang)  # the subtitle's own digits too


# 6/ SMALL MULTIPLES: one figure against the latest earlier report of its series

SMALL_PLOT_PX = 190
LABEL_MARGIN_PX = 150  # room right of the plot for the article's label
LABEL_WRAP_AT = 20  # characters per line of a point's value label
GAP_SHARE = 0.2  # the gap between the article and the last report takes at least this share of the axis


def comparison_chart(comparison: Comparison, lang: str) -> go.Figure:
    """A small chart of one comparison (newsdash.views.comparison): the series' last reports
    as a line, its latest value and the article's figure as labelled points, on a value
    axis zoomed to them so a small gap (2,320 against 2,326.6) shows."""
    c, rtl = comparison, lang == "ar"
    window = _comparison_window(c)
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[r.as_of for r in window], y=[r.value for r in window], mode="lines+markers",
        line={"color": BLUE, "width": 2}, showlegend=False, name=_escape(t("last_report", lang), lang),
        marker={"color": BLUE, "size": 8, "symbol": [SYMBOL_OF_QUALIFIER.get(r.qualifier, "circle") for r in window]},
        hovertext=[_escape(f"{_reading_words(r.value, r.qualifier, c.figure.unit, lang)} · {r.source_title}", lang)
                   for r in window],
        hovertemplate="%{hovertext}<extra></extra>",
    ))
    # the article's label in the right margin, clear of the line; the last report's
    # above its point, towards the side with room
    first, last = _to_day(window[0].as_of, end=False), _to_day(c.article_date, end=True)
    far = (last - _to_day(c.last.as_of, end=False)) > (last - first) / 2
    fig.add_trace(_labelled_point(c.last.as_of, c.last.value, BLUE, SYMBOL_OF_QUALIFIER.get(c.last.qualifier, "circle"),
                                  _reading_words(c.last.value, c.last.qualifier, c.figure.unit, lang),
                                  [t("last_report", lang), format_date(c.last.as_of, lang)],
                                  "top right" if far else "top left", lang))
    symbol = {"more_than": "triangle-up", "about": "diamond-open"}.get(c.figure.qualifier, "diamond")
    fig.add_trace(_labelled_point(c.article_date, float(c.figure.value), VERMILLION, symbol,
                                  _reading_words(c.figure.value, c.figure.qualifier, c.figure.unit, lang),
                                  [t("article_short", lang), format_date(c.article_date, lang)],
                                  "middle right", lang))
    low, high = comparison_value_range(c)
    fig.update_yaxes(range=[low, high], tickformat=",", showgrid=True, nticks=4)
    pad = max((last - first) * 0.04, timedelta(days=3))
    fig.update_xaxes(type="date", range=[_iso(first - pad), _iso(last + pad)], nticks=4)
    if rtl:  # Arabic month names and digits, fewer ticks than a full-size chart
        months = axes.month_ticks(first - pad, last + pad, most=4)
        fig.update_xaxes(tickmode="array", tickvals=[d.isoformat() for d in months],
                         ticktext=[format_date(d.isoformat()[:7], "ar") for d in months], tickfont=axes.TICK_FONT)
        ticks = _ticks_between(low, high)
        fig.update_yaxes(tickmode="array", tickvals=ticks, ticktext=[format_number(v, "ar") for v in ticks],
                         tickfont=axes.TICK_FONT)
    fig.update_layout(
        title={"text": f"<b>{_escape(c.figure.label.get(lang), lang)}</b>", "x": 0.98 if rtl else 0.02,
               "xanchor": "right" if rtl else "left", "font": {"size": 15}},
        font={"family": FONT_AR if rtl else FONT_EN, "size": 12, "color": "#222222"},
        height=SMALL_PLOT_PX + 80, margin={"t": 44, "b": 36, "l": 56, "r": LABEL_MARGIN_PX},
        template="plotly_white", showlegend=False, hoverlabel={"align": "right" if rtl else "left"},
    )
    return fig


def _comparison_window(c: Comparison) -> list:
    """The reports the small chart draws: from the last step (or the start of the flat
    run, if earlier) to the latest one."""
    starts = [r.as_of for r in (c.previous, c.flat_since) if r is not None]
    first = min(starts)
    return [r for r in c.history if r.as_of >= first]


def _reading_words(value: float, qualifier: str, unit: str, lang: str) -> str:
    return f"{format_value(value, qualifier, lang)} {counted_unit(unit, value, lang)}"


def _labelled_point(day: str, value: float, colour: str, symbol: str, words: str, what: list[str], position: str,
                    lang: str) -> go.Scatter:
    """One point with its value in bold and, under it, what it is and its date, each on
    its own short line so the label fits beside a chart 390 px wide."""
    bold = "<br>".join(f"<b>{_escape(line, lang)}</b>" for line in textwrap.wrap(words, LABEL_WRAP_AT))
    text = "<br>".join([bold, *(_escape(line, lang) for line in what)])
    return go.Scatter(x=[day], y=[value], mode="markers+text", text=[text], textposition=position,
                      textfont={"color": colour, "size": 12}, showlegend=False, cliponaxis=False,
                      marker={"color": colour, "size": 13, "symbol": symbol, "line": {"color": colour, "width": 2}},
                      hovertext=[text], hovertemplate="%{hovertext}<extra></extra>")


def comparison_value_range(c: Comparison) -> tuple[float, float]:
    """The value axis of a small chart: the window's values with room for the labels,
    narrowed around the article and the last report when their gap would otherwise
    take less than GAP_SHARE of it (the earlier reports may then run off the bottom)."""
    article, last = float(c.figure.value), c.last.value
    values = [r.value for r in _comparison_window(c)] + [article]
    low, high = min(values), max(values)
    span = (high - low) or max(abs(high) * 0.01, 1.0)
    low, high = low - span * 0.4, high + span * 0.8  # more room above, for the last report's label
    gap = abs(article - last)
    if gap and gap < GAP_SHARE * (high - low):
        middle, half = (article + last) / 2, gap / GAP_SHARE / 2
        low, high = middle - half, middle + half
    return low, high


def _ticks_between(low: float, high: float, most: int = 4) -> list[float]:
    """Round tick values inside [low, high], at most about `most` of them."""
    raw = (high - low) / most
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in axes.NICE_STEPS if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 10) for i in range(int((high - first) / step) + 1)]


# 7/ ON SCREEN: THE WORDS IN THE PAGE, THE PLOT IN THE FIGURE
#
# A downloaded image must carry its title, notes and source line; on screen they are
# better as page text, which wraps at any width (at 390 px Plotly cuts them mid-word).
# The screen figure is made from the full one, so whatever the export carries the page
# shows too, and the export itself never changes.

SCREEN_TOP_PX = 30  # above the plot: the legend (Plotly widens the margin to fit it)
SCREEN_BOTTOM_PX = 40  # below the plot: the date or category ticks
SCREEN_TIMELINE_ROW_PX = 46  # a row label above its bar, then the bar
SCREEN_TIMELINE_BAR = 0.4  # of a row: the rest of the row holds the label above
SCREEN_MOST_TICKS = 4  # date ticks at most: "نوفمبر ٢٠٢٠" four times fits 390 px
_TAGS = re.compile(r"<br\s*/?>|</?b>", re.IGNORECASE)


@dataclass(frozen=True)
class ScreenChart:
    """A chart as a page shows it: the words as escaped HTML above and below the plot."""

    figure: go.Figure
    heading_html: str  # title and subtitle
    footer_html: str  # the notes, caveat and source line, in the export's order


def plain_text(plotly_text: str | None) -> str:
    """The words of a Plotly text (escaped by _escape, with <b> and <br> tags) as plain
    text: the tags and the right-to-left marks dropped, the entities read back."""
    text = _TAGS.sub(lambda m: " " if m.group().lower().startswith("<br") else "", plotly_text or "")
    return " ".join(html.unescape(text).replace(RLM, "").split())


def _is_footer(annotation) -> bool:  # noqa: ANN001
    """A line of words under the plot (note, caveat, source, credit), not a data label."""
    return annotation.xref == "paper" and annotation.yref == "paper" and (annotation.y or 0) <= 0


def _text_html(text: str, lang: str, style: str, role: str = "") -> str:
    direction = ' dir="rtl" lang="ar"' if lang == "ar" else ""
    align = "text-align:right;" if lang == "ar" else ""
    return f'<p{direction}{role} style="margin:0 0 0.3rem 0;{align}{style}">{html.escape(text)}</p>'


def screen_chart(fig: go.Figure, kind: str, lang: str) -> ScreenChart:
    """The figure without its title, subtitle and footer lines, with small margins,
    and those words as HTML for the page (pure: the figure given is not changed)."""
    layout = fig.layout
    title, subtitle = plain_text(layout.title.text), plain_text(layout.title.subtitle.text)
    footer = [a for a in layout.annotations if _is_footer(a)]
    heading = "".join([
        _text_html(title, lang, "font-weight:700;font-size:1.1rem;", ' role="heading" aria-level="2"') if title else "",
        _text_html(subtitle, lang, "color:#333333;") if subtitle else "",
    ])
    lines = "".join(_text_html(plain_text(a.text), lang, f"font-size:0.875rem;color:{_page_grey(a)};") for a in footer)
    screen = go.Figure(fig)
    margin = layout.margin
    plot_px = (layout.height or 450) - (margin.t or 0) - (margin.b or 0)
    legend_px = LEGEND_ROW_PX * _legend_rows(screen)
    rtl = lang == "ar"
    screen.update_layout(
        title=None,
        margin={"t": SCREEN_TOP_PX, "b": SCREEN_BOTTOM_PX, "l": 10, "r": 10, "autoexpand": True},
        height=SCREEN_TOP_PX + legend_px + plot_px + SCREEN_BOTTOM_PX,
        legend={"xref": "paper", "yref": "paper", "x": 1 if rtl else 0, "y": 1.02, "yanchor": "bottom",
                "xanchor": "right" if rtl else "left"},
    )
    screen.layout.annotations = [a for a in layout.annotations if not _is_footer(a)]  # update_layout keeps them
    if kind == "bars":
        _room_for_values(screen, rtl)
    screen.update_xaxes(automargin=True)
    screen.update_yaxes(automargin=True)
    _few_date_ticks(screen)
    if kind == "timeline":
        _labels_above_rows(screen, lang)
    block = '<div class="chart-words">{}</div>'
    return ScreenChart(screen, block.format(heading), block.format(lines) if lines else "")


BAR_VALUE_ROOM = 1.8  # the value axis runs to this many times the longest bar


def _room_for_values(fig: go.Figure, rtl: bool) -> None:
    """On screen the bars' margins are small (a phone has no room for them), so the value
    written beside the longest bar is kept inside the plot by a longer value axis: the
    bars stay in proportion to each other and to zero."""
    longest = max((max(trace.x or [0]) for trace in fig.data if trace.type == "bar"), default=0)
    if longest > 0:
        end = longest * BAR_VALUE_ROOM
        fig.update_xaxes(range=[end, 0] if rtl else [0, end], autorange=False)


def _page_grey(annotation) -> str:  # noqa: ANN001
    """The annotation's colour, or the page's dark grey: on screen every line of words
    keeps at least 4.5:1 against white (WCAG 1.4.3)."""
    return GREY if annotation.font.color == GREY else "#333333"


def _few_date_ticks(fig: go.Figure) -> None:
    """At most SCREEN_MOST_TICKS date ticks, level, so a narrow chart does not turn its
    month labels on their side: every other (or third) of an Arabic axis's fixed
    ticks, and a tick count for Plotly's own."""
    xaxis = fig.layout.xaxis
    if xaxis.type != "date":
        return
    values = list(xaxis.tickvals or [])
    if xaxis.tickmode == "array" and len(values) > SCREEN_MOST_TICKS:
        step = -(-len(values) // SCREEN_MOST_TICKS)
        fig.update_xaxes(tickvals=values[::step], ticktext=list(xaxis.ticktext)[::step])
    elif xaxis.tickmode != "array":
        fig.update_xaxes(nticks=SCREEN_MOST_TICKS + 1)


def _labels_above_rows(fig: go.Figure, lang: str) -> None:
    """A timeline with each row's label above its bar, across the plot's whole width,
    instead of beside it: a phone keeps its width for the dates."""
    yaxis = fig.layout.yaxis
    rows = list(yaxis.tickvals or [])
    rtl = lang == "ar"
    labels = [go.layout.Annotation(
        text=text, xref="paper", x=1 if rtl else 0, xanchor="right" if rtl else "left", yref="y",
        y=row - SCREEN_TIMELINE_BAR / 2, yanchor="bottom", showarrow=False, font={"size": 12, "color": "#222222"},
        align="right" if rtl else "left") for row, text in zip(rows, yaxis.ticktext or [], strict=False)]
    fig.update_yaxes(showticklabels=False, range=[len(rows) - 0.5, -0.6], autorange=False)
    fig.update_traces(width=SCREEN_TIMELINE_BAR, selector={"type": "bar"})
    fig.layout.annotations = list(fig.layout.annotations) + labels
    fig.update_layout(height=SCREEN_TOP_PX + LEGEND_ROW_PX * _legend_rows(fig) + SCREEN_TIMELINE_ROW_PX * len(rows)
                      + SCREEN_BOTTOM_PX)
