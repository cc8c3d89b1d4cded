"""The frame every chart shares: title, subtitle, legends, notes and source line on one
edge, and Arabic ticks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Chart
from newsdash.reading.i18n import t
from newsdash.views import axes
from newsdash.views.chart_parts import (
    ASSUMED_WIDTH_PX,
    AUTORANGE_PAD,
    BAR_HEADROOM,
    DATE_AXIS_KINDS,
    EDGE_PX,
    EXPORT_WIDTH_PX,
    FONT_AR,
    FONT_EN,
    GREY,
    GRID_COLOUR,
    KEYS_LEGEND,
    LEGEND_ROW_PX,
    LINE_PX,
    NOTE_COLOUR,
    RIGHT_PX,
    SUBTITLE_WRAP,
    TITLE_LINE_PX,
    TITLE_PX,
    TITLE_WRAP,
    VALUE_AXIS_KINDS,
    as_day,
    plotly_safe,
    wrap_lines,
)
from newsdash.views.template import white_unless_default


@dataclass(frozen=True)
class ExportWords:
    """What only a downloaded image carries: the claim caveat (on screen it is the page's
    banner) and the newsroom's credit line."""

    credit: str = ""
    article_url: str = ""  # where the article was published, named in the source line when known


def _bottom_texts(frame: pd.DataFrame, chart: Chart, loaded: LoadedArticle, lang: str,
                  export: ExportWords | None) -> list[tuple[str, str, str]]:
    texts = [("note", chart.note.get(lang), NOTE_COLOUR)]
    if export is not None:
        texts.append(("caveat", loaded.article.article.claim_caveat.get(lang), NOTE_COLOUR))
    source = chart.source.get(lang)
    if export is not None and export.article_url:
        source = t("source_article_url", lang).format(source=source, url=export.article_url)
        source = f"\u202b{source}\u202c" if lang == "ar" else source  # the URL after the words, right to left
    texts.append(("source", source, GREY))
    if export is not None and export.credit:
        texts.append(("credit", export.credit, GREY))
    return texts


def _bottom_annotations(fig: go.Figure, texts: list[tuple[str, str, str]], lang: str, edge_shift: int) -> int:
    """The chart's note (and what only an export carries: the claim caveat, the credit)
    and the source line under the plot, each a named annotation on the image's one edge;
    returns the pixels they take, for the bottom margin."""
    shift, rtl = 52, lang == "ar"
    for name, text, colour in texts:
        lines = wrap_lines(text)
        fig.add_annotation(
            name=name, text="<br>".join(plotly_safe(line, lang) for line in lines), showarrow=False,
            xref="paper", yref="paper", x=1 if rtl else 0, y=0, xanchor="right" if rtl else "left",
            xshift=edge_shift if rtl else -edge_shift,
            yanchor="top", yshift=-shift, align="right" if rtl else "left", font={"size": 12, "color": colour},
        )
        shift += LINE_PX * len(lines) + 6
    return shift


def legend_rows(fig: go.Figure, legend: str = "legend") -> int:
    """How many rows a horizontal legend takes at the assumed width (none when the
    figure shows no legend: an Arabic figure carries its key as annotations)."""
    if fig.layout.showlegend is False:
        return 0
    widths = [40 + 7.5 * len(trace.name or "") for trace in fig.data
              if trace.showlegend is not False and trace.name and (trace.legend or "legend") == legend]
    rows, used = (1 if widths else 0), 0.0
    for width in widths:
        if used and used + width > ASSUMED_WIDTH_PX:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def frame_figure(fig: go.Figure, frame: pd.DataFrame, chart: Chart, loaded: LoadedArticle, lang: str,
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
    subtitle_lines = wrap_lines(subtitle, SUBTITLE_WRAP)
    title_lines = wrap_lines(chart.title.get(lang), TITLE_WRAP)
    title_px = TITLE_PX + 18 * (len(subtitle_lines) - 1) + TITLE_LINE_PX * (len(title_lines) - 1)
    rows, key_rows = legend_rows(fig), legend_rows(fig, KEYS_LEGEND)
    key_rows += 1 if rtl and key_rows else 0  # in Arabic the key's title is a line of its own, above it
    top = title_px + LEGEND_ROW_PX * (rows + key_rows) + 16
    height = top + plot_px + bottom + 10
    side = {"x": 1 if rtl else 0, "xanchor": "right" if rtl else "left", "xref": "container"}
    # indentation moves entries rightwards whatever the direction: it sets the left edge only;
    # the right edge is a share of the width, EDGE_PX at the export width
    # a horizontal legend lays its entries out left to right: in Arabic they are given in
    # reverse, so the first is on the right where a reader starts
    legend = {"orientation": "h", **side, "yref": "container", "yanchor": "top", "indentation": 0 if rtl else EDGE_PX - 4,
              "traceorder": "reversed" if rtl else "normal",
              **({"x": 1 - EDGE_PX / EXPORT_WIDTH_PX} if rtl else {})}
    fig.update_layout(
        title={"text": "<br>".join(f"<b>{plotly_safe(line, lang)}</b>" for line in title_lines),
               "subtitle": {"text": "<br>".join(plotly_safe(line, lang) for line in subtitle_lines)},
               **side, "pad": {"r": EDGE_PX} if rtl else {"l": EDGE_PX},
               # Plotly anchors a title's first line and sets the others above it: move it down for them
               "y": 1 - (12 + TITLE_LINE_PX * (len(title_lines) - 1)) / height, "yanchor": "top",
               "yref": "container", "font": {"size": 18}},
        font={"family": FONT_AR if rtl else FONT_EN, "size": 13, "color": "#222222"},
        legend={**legend, "y": 1 - title_px / height},
        margin={"t": top, "b": bottom + 10, "l": left, "r": right},
        height=height, **white_unless_default(), hoverlabel={"align": "right" if rtl else "left"},
    )
    if key_rows:
        fig.update_layout({KEYS_LEGEND: {**legend, "y": 1 - (title_px + LEGEND_ROW_PX * rows) / height,
                                         # the title is not indented with the entries: a space or two puts it on the edge
                                         "title": {"text": ("" if rtl else "&nbsp;&nbsp;") + plotly_safe(t("key_title", lang), lang),
                                                   "font": {"size": 13}, **({"side": "top right"} if rtl else {})}}})
    if rtl:
        right_to_left_key(fig, title_px, top, right - EDGE_PX, lang)
    # the same gridlines on screen and in every export: values only, no date grid
    fig.update_xaxes(showgrid=fig.layout.xaxis.showgrid or False, gridcolor=GRID_COLOUR, zeroline=False,
                     showline=True, linecolor="#BBBBBB")
    fig.update_yaxes(showgrid=fig.layout.yaxis.showgrid is not False, gridcolor=GRID_COLOUR, zeroline=False)
    return fig



def arabic_axes(fig: go.Figure, frame: pd.DataFrame, kind: str) -> None:
    """Ticks labelled in Arabic (newsdash.views.axes): months over the dates the chart shows,
    round numbers up to the top of its value axis. The timeline's rows keep their labels."""
    if frame.empty:
        return
    if kind in DATE_AXIS_KINDS and fig.layout.xaxis.tickmode != "array":  # a timeline writes its own ticks
        shown = fig.layout.xaxis.range  # a date filter's frame, else the dates drawn
        first = as_day(shown[0] if shown else min(frame["date"]), end=False)
        last = as_day(shown[1] if shown else max(frame["date_end"].fillna(frame["date"])), end=True)
        pad = timedelta(0) if shown else (last - first) * AUTORANGE_PAD  # Plotly's margin around the dates
        axes.arabic_date_axis(fig, first - pad, last + pad)
    if kind in VALUE_AXIS_KINDS:
        shown = fig.layout.yaxis.range  # the value axis the series charts set; bars autorange above their top
        axes.arabic_value_axis(fig, shown[1] if shown else float(pd.to_numeric(frame["value"]).max()) * BAR_HEADROOM)




# THE KEY IN ARABIC, RIGHT TO LEFT
#
# Plotly draws a legend's symbol on the left of its text and has no right-to-left legend,
# so an Arabic key read backwards. In Arabic the legends are replaced by annotations placed
# here: each entry's symbol (a glyph in the trace's colour) on the right of its text, the
# entries from the right edge leftwards, the rows where the legends were. The screen turns
# these annotations into an HTML key that wraps at any width (newsdash.views.screen_charts).

KEY_GLYPHS = {"diamond": "◆", "diamond-open": "◇", "triangle-up": "▲", "circle": "●", "circle-open": "○",
              "x-thin-open": "✕", "square": "■"}
GLYPH_FONT = "DejaVu Sans, Noto Sans Symbols 2, sans-serif"  # has every glyph above
KEY_GLYPH_PX = 30  # the symbol's room, right of its text
KEY_GAP_PX = 4


def shown_in_legend(fig: go.Figure, trace) -> bool:  # noqa: ANN001
    """Whether Plotly would give the trace a legend entry."""
    if fig.layout.showlegend is False or not trace.name:
        return False
    return trace.showlegend is True or (trace.showlegend is None and len(fig.data) > 1)


def key_glyph(trace) -> tuple[str, str, float]:  # noqa: ANN001
    """The symbol of a trace's legend entry as text: (glyph, colour, opacity)."""
    marker = trace.marker
    if trace.type == "bar":
        shapes = marker.pattern.shape if marker.pattern is not None else None
        hatched = any(shapes) if isinstance(shapes, (list, tuple)) else bool(shapes)
        return ("▨" if hatched else "■"), str(marker.color), float(marker.opacity or 1)
    mode = trace.mode or "markers"
    symbol = marker.symbol if marker is not None else None
    symbol = (symbol[0] if isinstance(symbol, (list, tuple)) and symbol else symbol) or "circle"
    dot = KEY_GLYPHS.get(symbol, "●")
    if "lines" in mode:
        line = "┈┈" if (trace.line.dash or "solid") != "solid" else "──"
        return (f"{line[0]}{dot}{line[1]}" if "markers" in mode else line), str(trace.line.color), 1.0
    return dot, str(marker.color), 1.0


def right_to_left_key(fig: go.Figure, title_px: int, top: int, right_px: int, lang: str) -> None:
    """The figure's legends (the series', then the symbols' key with its title on a line of
    its own) drawn as annotations, right to left; the legends themselves hidden. `right_px`
    is how far right of the plot the key's edge is (the title's edge)."""
    row = 0
    for legend in ("legend", KEYS_LEGEND):
        traces = [tr for tr in fig.data if shown_in_legend(fig, tr) and (tr.legend or "legend") == legend]
        if not traces:
            continue
        if legend == KEYS_LEGEND:
            fig.add_annotation(**_key_place(top, title_px, row, right_px), name="key_title", font={"size": 13},
                               text=f"<b>{plotly_safe(t('key_title', lang), lang)}</b>")
            row += 1
        used = 0.0
        for trace in traces:
            width = 40 + 7.5 * len(trace.name)  # as legend_rows counts them: the same rows
            if used and used + width > ASSUMED_WIDTH_PX:
                row, used = row + 1, 0.0
            glyph, colour, opacity = key_glyph(trace)
            place = _key_place(top, title_px, row, right_px - used)
            fig.add_annotation(**place, name="key_glyph", text=glyph, opacity=opacity,
                               font={"size": 15, "color": colour, "family": GLYPH_FONT})
            text_place = {**place, "xshift": place["xshift"] - KEY_GLYPH_PX - KEY_GAP_PX}
            fig.add_annotation(**text_place, name="key_text", text=trace.name, font={"size": 13})
            used += width
        row += 1
    fig.update_layout(showlegend=False)


def _key_place(top: int, title_px: int, row: int, right_shift: float) -> dict:
    """Where an entry of the key's `row` ends on the right: so many pixels right of the
    plot's right edge, the row's middle so many pixels above the plot's top."""
    return {"xref": "paper", "x": 1, "xanchor": "right", "xshift": right_shift, "yref": "paper", "y": 1,
            "yanchor": "middle", "yshift": top - title_px - LEGEND_ROW_PX * row - LEGEND_ROW_PX / 2 - 6,
            "showarrow": False, "align": "right"}
