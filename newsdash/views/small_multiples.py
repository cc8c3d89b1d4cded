"""Small multiples: one figure against the latest earlier value of its measure."""

from __future__ import annotations

import math
import textwrap
from datetime import timedelta

import plotly.graph_objects as go

from newsdash.reading.formatting import counted_unit, format_date, format_number, format_value
from newsdash.reading.i18n import t
from newsdash.textsafety import html_text
from newsdash.views import axes
from newsdash.views.chart_parts import (
    BLUE,
    FONT_AR,
    FONT_EN,
    GREY,
    SYMBOL_OF_QUALIFIER,
    VERMILLION,
    as_day,
    plotly_safe,
)
from newsdash.views.comparison import Comparison
from newsdash.views.findings import comparison_title
from newsdash.views.template import white_unless_default

# 6/ SMALL MULTIPLES: one figure against the latest earlier report of its series

SMALL_PLOT_PX = 190
LABEL_MARGIN_PX = 175  # room right of the plot for the article's label (150 cut "29 December 2021")
LABEL_WRAP_AT = 20  # characters per line of a point's value label
GAP_SHARE = 0.2  # kept for callers: a gap this share of the axis or more shows at a glance


def comparison_chart(comparison: Comparison, lang: str, name: str | None = None) -> go.Figure:
    """A small chart of one comparison (newsdash.views.comparison): the series' last reports
    as a line, its latest value and the article's figure as labelled points, on a value
    axis zoomed to them so a small gap (2,320 against 2,326.6) shows. `name` is the measure's
    one name (else the figure's label)."""
    c, rtl = comparison, lang == "ar"
    window = _comparison_window(c)
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[r.as_of for r in window], y=[r.value for r in window], mode="lines+markers",
        line={"color": BLUE, "width": 2}, showlegend=False, name=plotly_safe(t("last_report", lang), lang),
        marker={"color": BLUE, "size": 8, "symbol": [SYMBOL_OF_QUALIFIER.get(r.qualifier, "circle") for r in window]},
        hovertext=[plotly_safe(f"{_reading_words(r.value, r.qualifier, c.figure.unit, lang)} · {r.source_title}", lang)
                   for r in window],
        hovertemplate="%{hovertext}<extra></extra>",
    ))
    # the article's label in the right margin, clear of the line; the last report's
    # above its point, towards the side with room
    first, last = as_day(window[0].as_of, end=False), as_day(c.article_date, end=True)
    far = (last - as_day(c.last.as_of, end=False)) > (last - first) / 2
    fig.add_trace(_labelled_point(c.last.as_of, c.last.value, BLUE, SYMBOL_OF_QUALIFIER.get(c.last.qualifier, "circle"),
                                  _reading_words(c.last.value, c.last.qualifier, c.figure.unit, lang),
                                  [t("last_report", lang), format_date(c.last.as_of, lang)],
                                  "top right" if far else "top left", lang))
    symbol = article_symbol(c.figure.qualifier)
    fig.add_trace(_labelled_point(c.article_date, float(c.figure.value), VERMILLION, symbol,
                                  _reading_words(c.figure.value, c.figure.qualifier, c.figure.unit, lang),
                                  [t("article_short", lang), format_date(c.article_date, lang)],
                                  "middle right", lang))
    low, high = comparison_value_range(c)
    fig.update_yaxes(range=[low, high], tickformat=",", showgrid=True, nticks=4)
    pad = max((last - first) * 0.04, timedelta(days=3))
    fig.update_xaxes(type="date", range=[(first - pad).isoformat(), (last + pad).isoformat()], nticks=4)
    if rtl:  # Arabic month names and digits, fewer ticks than a full-size chart
        months = axes.month_ticks(first - pad, last + pad, most=4)
        fig.update_xaxes(tickmode="array", tickvals=[d.isoformat() for d in months],
                         ticktext=[format_date(d.isoformat()[:7], "ar") for d in months], tickfont=axes.TICK_FONT)
        ticks = _ticks_between(low, high)
        fig.update_yaxes(tickmode="array", tickvals=ticks, ticktext=[format_number(v, "ar") for v in ticks],
                         tickfont=axes.TICK_FONT)
    title, title_lines = small_title(c, name or c.figure.label.get(lang), lang)
    top = 48 + TITLE_LINE_PX * title_lines  # and room under it for the last report's label above its point
    height = SMALL_PLOT_PX + top + 36
    fig.update_layout(
        title={"text": title, "x": 0.98 if rtl else 0.02, "xanchor": "right" if rtl else "left",
               # Plotly anchors a title's first line and sets the others above it: down by them
               "y": 1 - (10 + TITLE_LINE_PX * (title_lines - 1)) / height, "yanchor": "top", "yref": "container",
               "font": {"size": 13}},
        font={"family": FONT_AR if rtl else FONT_EN, "size": 12, "color": "#222222"},
        height=height, margin={"t": top, "b": 36, "l": 56, "r": LABEL_MARGIN_PX},
        **white_unless_default(), showlegend=False, hoverlabel={"align": "right" if rtl else "left"},
    )
    return fig


TITLE_WRAP = 36  # characters per title line: a small chart is a phone's width (44 ran past it at 390 px)
TITLE_LINE_PX = 18


def small_title(c: Comparison, name: str, lang: str) -> tuple[str, int]:
    """The small chart's title, as Plotly text, and its number of lines: the measure's one
    name in bold, then what the chart shows (newsdash.views.findings.comparison_title),
    wrapped to the chart's width."""
    name_lines = textwrap.wrap(name, TITLE_WRAP) or [""]
    finding_lines = textwrap.wrap(comparison_title(c, lang), TITLE_WRAP)
    text = "<br>".join([*(f"<b>{plotly_safe(line, lang)}</b>" for line in name_lines),
                        *(plotly_safe(line, lang) for line in finding_lines)])
    return text, len(name_lines) + len(finding_lines)


# THE KEY: what each marker means, once above the small charts

ARTICLE_SYMBOL = {"more_than": "triangle-up", "about": "diamond-open"}  # else a filled diamond
KEY_GLYPH = {"diamond": "◆", "diamond-open": "◇", "triangle-up": "▲", "circle": "●", "circle-open": "○"}


def article_symbol(qualifier: str) -> str:
    return ARTICLE_SYMBOL.get(qualifier, "diamond")


def markers_key(comparisons: list[Comparison], lang: str) -> str:
    """The small charts' key, as escaped HTML: the article's claim (vermillion diamond) and
    the earlier reports (blue dots), with the shapes of the qualifiers that appear."""
    def entry(colour: str, symbol: str, words: str, glyphs: bool = False) -> str:
        glyph = f'<span aria-hidden="true" style="color:{colour};font-size:1.25em">{symbol if glyphs else KEY_GLYPH[symbol]}</span>'
        return f'<span style="white-space:nowrap">{glyph} {html_text(words)}</span>'

    article = {c.figure.qualifier for c in comparisons}
    earlier = {r.qualifier for c in comparisons for r in _comparison_window(c)}
    entries = [entry(VERMILLION, "diamond", t("key_article_claim", lang)),
               entry(BLUE, "circle", t("key_earlier_reports", lang))]
    for qualifier, key in (("more_than", "key_more_than"), ("about", "key_about")):
        # a qualifier's shape once, in grey: it means the same for the article and the reports
        shapes = dict.fromkeys([*([article_symbol(qualifier)] if qualifier in article else []),
                                *([SYMBOL_OF_QUALIFIER[qualifier]] if qualifier in earlier else [])])
        if shapes:
            entries.append(entry(GREY, "".join(KEY_GLYPH[s] for s in shapes), t(key, lang), glyphs=True))
    direction = ' dir="rtl" style="text-align:right"' if lang == "ar" else ""
    label = html_text(t("key_title", lang))
    return f'<p class="nd-markers-key"{direction}><b>{label}</b> ' + " &nbsp; ".join(entries) + "</p>"


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
    bold = "<br>".join(f"<b>{plotly_safe(line, lang)}</b>" for line in textwrap.wrap(words, LABEL_WRAP_AT))
    text = "<br>".join([bold, *(plotly_safe(line, lang) for line in what)])
    return go.Scatter(x=[day], y=[value], mode="markers+text", text=[text], textposition=position,
                      textfont={"color": colour, "size": 12}, showlegend=False, cliponaxis=False,
                      marker={"color": colour, "size": 13, "symbol": symbol, "line": {"color": colour, "width": 2}},
                      hovertext=[text], hovertemplate="%{hovertext}<extra></extra>")


def cited_points(c: Comparison) -> list[tuple[str, float]]:
    """(date, value) of every point the overview's sentence about this comparison cites
    or the small chart draws: the window's reports (the last one, the one before it) and
    the article's figure."""
    return [*((r.as_of, r.value) for r in _comparison_window(c)), (c.article_date, float(c.figure.value))]


def comparison_value_range(c: Comparison) -> tuple[float, float]:
    """The value axis of a small chart: every report drawn and the article's figure inside
    it, with room above for the last report's label. A small gap (2,320 against 2,326.6)
    stays visible because the window holds only the series' last reports."""
    values = [value for _, value in cited_points(c)]
    low, high = min(values), max(values)
    span = (high - low) or max(abs(high) * 0.01, 1.0)
    return low - span * 0.25, high + span * 0.6  # more room above, for the last report's label


def _ticks_between(low: float, high: float, most: int = 4) -> list[float]:
    """Round tick values inside [low, high], at most about `most` of them."""
    raw = (high - low) / most
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in axes.NICE_STEPS if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 10) for i in range(int((high - first) / step) + 1)]


