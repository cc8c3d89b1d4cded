"""The timeline: the article's dates at their precision, the periods its figures cover,
and the context events, one row each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.context import Context, in_language
from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Chart, Figure
from newsdash.data.tables import source_title as article_source_title
from newsdash.reading.dates import precision_of, span_of
from newsdash.reading.formatting import counted_unit, day_for, format_date, format_value
from newsdash.reading.i18n import t
from newsdash.views import axes
from newsdash.views.chart_parts import (
    APPROXIMATE,
    CHAR_PX,
    EDGE_PX,
    RIGHT_PX,
    TIMELINE_COLOURS,
    TIMELINE_LAYERS,
    article_figure_row,
    as_day,
    chart_row,
    hover_line,
    plotly_safe,
    plotly_safe_lines,
    precision_label,
    value_text,
    wrap_lines,
)

# 2b/ TIMELINE ROWS


def _span_row(chart: Chart, layer: str, label: str, start: str, end: str, precision: str, **extra) -> dict:
    return chart_row(chart, series=layer, label=label, date=start, date_end=end, precision=precision, **extra)


def _article_event_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    rows = []
    for event in loaded.article.events:
        first, last = span_of(event.date)
        span = loaded.spans[event.id]
        rows.append(_span_row(chart, "article_events", event.label.get(lang), first.isoformat(), last.isoformat(),
                              event.date_precision, record_id=event.id, is_article=True, quote=event.quote,
                              quote_start=span.start, quote_end=span.end,
                              source_title=article_source_title(loaded, lang), note=event.translation))
    return rows


def _period_dates(fig: Figure) -> tuple[str, str, str]:
    """First and last day of a figure's period, and the precision of its start (a
    figure with only an as-of date is that one day, or month)."""
    first = fig.period.start or fig.period.as_of or fig.period.end
    last = fig.period.end or fig.period.as_of or fig.period.start
    return span_of(first)[0].isoformat(), span_of(last)[1].isoformat(), precision_of(first)


# A duration the article gives, in days: the span it draws is as long as the article says
DAYS_OF_UNIT = {"days": 1, "weeks": 7, "months": 30.44, "years": 365.25}
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def duration_span(fig: Figure) -> tuple[str, str, str]:
    """First and last day of the span a figure stands for, and its precision. A duration
    ('about a month and a half', unit months) is drawn as long as the article says, from its
    period's more precise bound (back from 10 November 2020, not from 1 September): the
    article's words, not the widest reading of its dates; a qualified one is approximate."""
    start, end, precision = _period_dates(fig)
    days = DAYS_OF_UNIT.get(fig.unit)
    if days is None or fig.qualifier in ("range", "more_than", "less_than"):
        return start, end, precision
    length = timedelta(days=max(round(float(fig.value) * days), 1) - 1)
    first = fig.period.start or fig.period.as_of
    last = fig.period.end or fig.period.as_of
    exactness = APPROXIMATE if fig.qualifier == "about" else "day"
    if last and (not first or PRECISION_RANK[precision_of(last)] >= PRECISION_RANK[precision_of(first)]):
        finish = span_of(last)[1]
        return (finish - length).isoformat(), finish.isoformat(), exactness
    begin = span_of(first)[0]
    return begin.isoformat(), (begin + length).isoformat(), exactness


def _fighting_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    """The spans of the figures the timeline chart lists (its `figures:` in the article's
    YAML, e.g. how long the fighting lasted), each labelled with the figure and its value."""
    rows = []
    for fig in (f for f in loaded.article.confirmed_figures if f.id in chart.figures):
        start, end, precision = duration_span(fig)
        row = article_figure_row(chart, loaded, fig, lang, start)
        label = f"{fig.label.get(lang)}: {format_value(fig.value, fig.qualifier, lang, fig.value_max)} " \
                f"{counted_unit(fig.unit, fig.value, lang)}"
        rows.append({**row, "series": "fighting", "label": label, "date_end": end, "precision": precision})
    return rows


def _demining_period_rows(chart: Chart, loaded: LoadedArticle, lang: str, names: dict | None = None) -> list[dict]:
    """One span for the period the demining totals share; its quote is the event that
    dates its start ("since November 2020"), when the article has one."""
    figs = [f for f in loaded.article.figures if f.category == "demining" and f.period.start]
    if not figs:
        return []
    start, end, precision = _period_dates(figs[0])
    # what the span covers, by name (a measure's one name), never by id
    covered = ", ".join((names or {}).get(f.measure or "", f.label.get(lang)) for f in figs if f.period == figs[0].period)
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
        rows.append(_span_row(chart, "context_events", event.label(lang), first.isoformat(), last.isoformat(),
                              event.precision, source_title=in_language(event.source_title, event.source_title_ar, lang),
                              source_url=event.source_url, note=in_language(event.note, event.note_ar, lang)))
    return rows



def timeline_rows(chart: Chart, loaded: LoadedArticle, context: Context, lang: str,
                   layers: Iterable[str] | None = None, date_from=None, date_to=None,  # noqa: ANN001
                   names: dict | None = None) -> list[dict]:
    builders = {
        "article_events": lambda: _article_event_rows(chart, loaded, lang),
        "fighting": lambda: _fighting_rows(chart, loaded, lang),
        "demining_period": lambda: _demining_period_rows(chart, loaded, lang, names),
        "context_events": lambda: _context_event_rows(chart, context, lang),
    }
    wanted = TIMELINE_LAYERS if layers is None else [layer for layer in TIMELINE_LAYERS if layer in set(layers)]
    rows = _once([row for layer in wanted for row in builders[layer]()])
    low, high = as_day(date_from, end=False), as_day(date_to, end=True)
    # a span is kept when any part of it falls inside the range
    return [r for r in rows if (low is None or r["date_end"] >= low.isoformat()) and (high is None or r["date"] <= high.isoformat())]


def _once(rows: list[dict]) -> list[dict]:
    """Each event once: a context event on the very day of an article's own day-precise
    date is the same moment told by another outlet, so the article's row stands for it
    (the article is what the dashboard shows; the context row stays in the data tables)."""
    article_days = {r["date"] for r in rows
                    if r["series"] == "article_events" and r["precision"] == "day" and r["date"] == r["date_end"]}
    return [r for r in rows if not (r["series"] == "context_events" and r["precision"] == "day"
                                    and r["date"] in article_days)]



LAYER_SYMBOL = {"context_events": "x-thin-open"}  # a one-day date's symbol: a diamond, a cross for context


def _span_ms(row) -> float:  # noqa: ANN001
    """Length of a span in milliseconds, to the end of its last day (a whole month is drawn whole)."""
    start = date.fromisoformat(row.date)
    end = date.fromisoformat(row.date_end) + timedelta(days=1)
    return (end - start).total_seconds() * 1000


def _timeline_hover(row, lang: str) -> str:  # noqa: ANN001
    lines = [f"<b>{hover_line(row.label, lang)}</b>"]
    when = day_for(row.date, lang) if row.date == row.date_end else f"{day_for(row.date, lang)} – {day_for(row.date_end, lang)}"
    lines.append(plotly_safe(f"{when} ({precision_label(row.precision, lang)})", lang))
    if row.value is not None and not pd.isna(row.value):
        lines.append(plotly_safe(value_text(row, lang), lang))
    lines.append(hover_line(row.source_title, lang))
    return "<br>".join(lines)


def _layer_traces(rows: pd.DataFrame, layer: str, positions: list[int], lang: str) -> list:
    """A layer's spans as horizontal bars, its one-day dates as markers; one legend entry."""
    colour, symbol = TIMELINE_COLOURS[layer], LAYER_SYMBOL.get(layer, "diamond")
    is_span = rows["date"] != rows["date_end"]
    name = plotly_safe(t(f"layer_{layer}", lang), lang)
    traces = []
    spans, days = rows[is_span], rows[~is_span]
    span_y = [p for p, s in zip(positions, is_span, strict=True) if s]
    day_y = [p for p, s in zip(positions, is_span, strict=True) if not s]
    if not spans.empty:
        traces.append(go.Bar(
            y=span_y, base=list(spans["date"]), x=[_span_ms(r) for r in spans.itertuples()], orientation="h",
            # an approximate span (a duration the article gives "about") is hatched, not solid
            marker={"color": colour, "opacity": 0.55 if layer == "context_events" else 0.85,
                    "pattern": {"shape": ["/" if p == APPROXIMATE else "" for p in spans["precision"]],
                                "fgcolor": "#FFFFFF", "solidity": 0.3}}, width=0.6,
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



TIMELINE_WRAP = 34  # characters per line of a row's label: wrapped, never cut


def timeline_row_px(frame: pd.DataFrame) -> int:
    """Height of one timeline row, enough for the longest label's lines."""
    lines = max((len(wrap_lines(label, TIMELINE_WRAP)) for label in frame["label"]), default=1)
    return max(34, 17 * lines + 10)


def draw_timeline(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    """One row per dated item, earliest at the top, each label whole on its lines."""
    rtl = lang == "ar"
    frame = frame.sort_values(["date", "date_end"], kind="stable").reset_index(drop=True)
    fig = go.Figure()
    for layer in TIMELINE_LAYERS:
        rows = frame[frame["series"] == layer]
        if not rows.empty:
            fig.add_traces(_layer_traces(rows, layer, list(rows.index), lang))
    fig.update_yaxes(tickvals=list(frame.index), ticktext=[plotly_safe_lines(x, TIMELINE_WRAP, lang) for x in frame["label"]],
                     # earliest at the top, half a row above the first: no empty band over the rows
                     range=[len(frame) - 0.5, -0.5], side="right" if rtl else "left", showgrid=False,
                     automargin=False)
    fig.update_xaxes(type="date", showgrid=True)
    if not frame.empty:
        date_ticks(fig, as_day(frame["date"].min(), end=False), as_day(frame["date_end"].max(), end=True), lang)
    if rtl:  # time runs right to left in Arabic, so each label sits by its bar
        fig.update_xaxes(autorange="reversed")
    longest = max((len(line) for label in frame["label"] for line in wrap_lines(label, TIMELINE_WRAP)), default=0)
    label_px = EDGE_PX + CHAR_PX * longest + 12
    fig.update_layout(barmode="overlay", bargap=0.3,
                      margin={"l": RIGHT_PX + 20 if rtl else label_px, "r": label_px if rtl else RIGHT_PX + 20})
    return fig


TIMELINE_MOST_TICKS = 6


def date_ticks(fig: go.Figure, first: date, last: date, lang: str) -> None:
    """Month ticks from the first dated item's month on, so the ticks cover the events
    (Plotly's own start at the next round half-year), written in the page's language."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in axes.MONTH_STEPS if months / s <= TIMELINE_MOST_TICKS), axes.MONTH_STEPS[-1])
    index, ticks = first.year * 12 + first.month - 1, []
    while (day := date(index // 12, index % 12 + 1, 1)) <= last:
        ticks.append(day)
        index += step
    text = [format_date(d.isoformat()[:7], lang) for d in ticks]
    if lang != "ar":  # 'Sep 2020': short enough for four to a phone's width
        text = [f"{words.split()[0][:3]} {words.split()[1]}" for words in text]
    fig.update_xaxes(tickmode="array", tickvals=[d.isoformat() for d in ticks], ticktext=text,
                     **({"tickfont": axes.TICK_FONT} if lang == "ar" else {}))


def frame_date_filter(fig: go.Figure, date_from, date_to, lang: str = "en") -> None:  # noqa: ANN001
    """A date filter also frames the axis, so a long span does not stretch past it; its
    ticks start at the frame's first month."""
    low, high = as_day(date_from, end=False), as_day(date_to, end=True)
    if low and high:
        shown = [(low - timedelta(days=3)).isoformat(), (high + timedelta(days=4)).isoformat()]
        fig.update_xaxes(range=shown[::-1] if lang == "ar" else shown)
        date_ticks(fig, low, high, lang)


