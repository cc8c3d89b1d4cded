"""Bars: an article's own counts (its `bars` charts), each bar labelled with its value."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Chart
from newsdash.views.chart_parts import (
    ARTICLE_COLOUR,
    CHAR_PX,
    EDGE_PX,
    article_figure_row,
    hover_label,
    plotly_safe,
    plotly_safe_lines,
    value_text,
    wrap_lines,
)


def bar_rows(chart: Chart, loaded: LoadedArticle, lang: str) -> list[dict]:
    published = loaded.article.article.published
    rows = []
    for fid in chart.figures:
        fig = loaded.article.figure(fid)
        row = article_figure_row(chart, loaded, fig, lang, published)
        rows.append({**row, "series": fig.id, "date": fig.period.start or published, "date_end": published})
    return rows



BAR_ROW_PX = 52
BAR_WRAP = 30  # characters per line of a bar's label


def draw_bars(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    """The article's counts as compact horizontal bars, each labelled with its value:
    every bar is an article figure, so every bar is the article's colour."""
    rtl = lang == "ar"
    labels = [plotly_safe_lines(label, BAR_WRAP, lang) for label in frame["label"]]
    fig = go.Figure(go.Bar(
        y=labels, x=list(frame["value"]), orientation="h", marker={"color": ARTICLE_COLOUR},
        text=[plotly_safe(value_text(r, lang), lang) for r in frame.itertuples()], textposition="outside",
        hovertext=[hover_label(r, lang) for r in frame.itertuples()], hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False, cliponaxis=False, width=0.6,
    ))
    longest = max((len(line) for label in frame["label"] for line in wrap_lines(label, BAR_WRAP)), default=0)
    label_px = EDGE_PX + CHAR_PX * longest + 10
    # no value axis: each bar carries its value, written out, beside it
    fig.update_xaxes(visible=False, rangemode="tozero", autorange="reversed" if rtl else True)
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", showgrid=False, automargin=False)
    value_px = CHAR_PX * max((len(value_text(r, lang)) for r in frame.itertuples()), default=0) + 10
    fig.update_layout(margin={"l": value_px if rtl else label_px, "r": label_px if rtl else value_px})
    return fig


