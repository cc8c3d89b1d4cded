"""On screen: the words of a chart as page text, the plot in the figure."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import plotly.graph_objects as go

from newsdash.reading.i18n import TEXT
from newsdash.views.chart_layout import legend_rows
from newsdash.views.chart_parts import (
    GREY,
    LEGEND_ROW_PX,
    RLM,
)

# 7/ ON SCREEN: THE WORDS IN THE PAGE, THE PLOT IN THE FIGURE
#
# A downloaded image must carry its title, notes and source line; on screen they are
# better as page text, which wraps at any width (at 390 px Plotly cuts them mid-word).
# The screen figure is made from the full one, so whatever the export carries the page
# shows too, and the export itself never changes.

SCREEN_TOP_PX = 30  # above the plot: the legend (Plotly widens the margin to fit it)
SCREEN_BOTTOM_PX = 40  # below the plot: the date or category ticks
SCREEN_TIMELINE_ROW_PX = 62  # a row label above its bar (two lines at most), then the bar
SCREEN_TIMELINE_TOP_ROWS = 0.8  # room above the first bar for its label, in rows
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
    """The words of a Plotly text (escaped by plotly_safe, with <b> and <br> tags) as plain
    text: the tags and the right-to-left marks dropped, the entities read back."""
    text = _TAGS.sub(lambda m: " " if m.group().lower().startswith("<br") else "", plotly_text or "")
    return " ".join(html.unescape(text).replace(RLM, "").split())


def _is_footer(annotation) -> bool:  # noqa: ANN001
    """A line of words under the plot (note, caveat, source, credit), not a data label."""
    return annotation.xref == "paper" and annotation.yref == "paper" and (annotation.y or 0) <= 0


def _is_key(annotation) -> bool:  # noqa: ANN001
    """A piece of the right-to-left key an Arabic figure carries instead of Plotly's legend
    (newsdash.views.chart_layout.right_to_left_key)."""
    return (annotation.name or "").startswith("key_")


def key_html(key: list, lang: str) -> str:
    """The right-to-left key as page HTML, which wraps at any width: each symbol (hidden
    from screen readers: the text says it) before its text, so on the right of it in a
    right-to-left paragraph; the symbols' key after the series' on a line of its own.
    Escaped: the annotations' text is plotly_safe text, read back to plain words."""
    if not key:
        return ""
    direction = ' dir="rtl" lang="ar"' if lang == "ar" else ""
    lines, entries, glyph = [], [], None
    for annotation in key:
        if annotation.name == "key_title":
            if entries:
                lines.append(entries)
            entries = [f"<b>{html.escape(plain_text(annotation.text))}</b>"]
        elif annotation.name == "key_glyph":
            glyph = (f'<span aria-hidden="true" style="color:{html.escape(str(annotation.font.color))};'
                     f'opacity:{annotation.opacity or 1};font-family:DejaVu Sans,sans-serif">'
                     f"{html.escape(plain_text(annotation.text))}</span>")
        else:
            entries.append(f'<span class="nd-key-entry">{glyph or ""} {html.escape(plain_text(annotation.text))}</span>')
            glyph = None
    lines.append(entries)
    rows = "".join(f'<p class="nd-key"{direction} style="margin:0 0 0.2rem 0;text-align:right;font-size:0.875rem;'
                   f'display:flex;flex-wrap:wrap;gap:0.2rem 1.2rem">{"".join(row)}</p>' for row in lines)
    return rows


def _text_html(text: str, lang: str, style: str, role: str = "") -> str:
    direction = ' dir="rtl" lang="ar"' if lang == "ar" else ""
    align = "text-align:right;" if lang == "ar" else ""
    return f'<p{direction}{role} style="margin:0 0 0.3rem 0;{align}{style}">{html.escape(text)}</p>'


def screen_chart(fig: go.Figure, kind: str, lang: str, *, copy: bool = True) -> ScreenChart:
    """The figure without its title, subtitle and footer lines, with small margins,
    and those words as HTML for the page. The figure given is not changed, unless
    copy=False: a caller that built the figure for the screen alone saves the copy
    (copying a figure validates every property again: the most costly part of a first view)."""
    layout = fig.layout
    title, subtitle = plain_text(layout.title.text), plain_text(layout.title.subtitle.text)
    footer = [a for a in layout.annotations if _is_footer(a)]
    heading = "".join([
        _text_html(title, lang, "font-weight:700;font-size:1.1rem;", ' role="heading" aria-level="2"') if title else "",
        _text_html(subtitle, lang, "color:#333333;") if subtitle else "",
    ])
    lines = "".join(_text_html(plain_text(a.text), lang, f"font-size:0.875rem;color:{_page_grey(a)};") for a in footer)
    key = [a for a in layout.annotations if _is_key(a)]
    heading += key_html(key, lang)
    screen = go.Figure(fig) if copy else fig
    margin = layout.margin
    plot_px = (layout.height or 450) - (margin.t or 0) - (margin.b or 0)
    legend_px = 0 if key else LEGEND_ROW_PX * legend_rows(screen)
    rtl = lang == "ar"
    screen.update_layout(
        title=None,
        margin={"t": SCREEN_TOP_PX, "b": SCREEN_BOTTOM_PX, "l": 10, "r": 10, "autoexpand": True},
        height=SCREEN_TOP_PX + legend_px + plot_px + SCREEN_BOTTOM_PX,
        legend={"xref": "paper", "yref": "paper", "x": 1 if rtl else 0, "y": 1.02, "yanchor": "bottom",
                "xanchor": "right" if rtl else "left"},
    )
    # update_layout keeps them
    screen.layout.annotations = [a for a in layout.annotations if not _is_footer(a) and not _is_key(a)]
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
    fig.update_yaxes(showticklabels=False, range=[len(rows) - 0.5, -SCREEN_TIMELINE_TOP_ROWS], autorange=False)
    fig.update_traces(width=SCREEN_TIMELINE_BAR, selector={"type": "bar"})
    fig.layout.annotations = list(fig.layout.annotations) + labels
    fig.update_layout(height=SCREEN_TOP_PX + LEGEND_ROW_PX * legend_rows(fig) + round(SCREEN_TIMELINE_ROW_PX * (len(rows) - 0.5 + SCREEN_TIMELINE_TOP_ROWS))
                      + SCREEN_BOTTOM_PX)


# 8/ THE CHART'S TOOLBAR ON THE PAGE
#
# One button: the reset after a zoom (a drag on the plot still zooms). Plotly's camera
# saved the screen figure, without title, source, caveat or credit, under the file name
# the download menu gives the proper export: the menu is the one way to a file. In Arabic
# Plotly speaks Arabic: its locale, defined in the chart's own config (nothing is fetched).
MODEBAR_BUTTONS = ("resetScale2d",)
PLOTLY_WORDS = ("plotly_reset_axes", "plotly_autoscale", "plotly_double_click")


def chart_config(lang: str) -> dict:
    """Plotly's config for a chart on the page (and in the standalone HTML)."""
    config: dict = {"displaylogo": False, "modeBarButtons": [list(MODEBAR_BUTTONS)]}
    if lang == "ar":
        words = {TEXT[key][0]: TEXT[key][1] for key in PLOTLY_WORDS}
        config.update(locale="ar", locales={"ar": {"dictionary": words, "format": {"decimal": "٫", "thousands": "٬"}}})
    return config
