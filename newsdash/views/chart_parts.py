"""What every chart builder shares: the palette, the columns of a chart's rows, escaping,
hovers and the sizes of the words around a plot.

The builders (bar_charts, timeline_chart, series_charts, small_multiples, chart_layout)
use only this public part: `plotly_safe` and `plotly_safe_lines` (data text made safe for
Plotly), `wrap_lines`, `hover_line` and `hover_label`, `chart_row` and
`article_figure_row` (one row of a chart's frame), `as_day`, `value_text`,
`precision_label` and the constants. A name with a leading underscore stays in its file.
"""

from __future__ import annotations

import html
import textwrap
from datetime import date, datetime

from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Chart, Figure
from newsdash.data.tables import source_title as article_source_title
from newsdash.reading.dates import span_of
from newsdash.reading.formatting import day_for, digits_for, quantity
from newsdash.reading.i18n import t

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, YELLOW, BLACK = PALETTE
GREY = "#6E6E6E"  # neutral, for keys and context that must not compete with the data
# Colour has one meaning: vermillion is the article's figure, and nothing else is ever
# drawn in it (nor in the orange beside it), so a reader finds the article at a glance.
ARTICLE_COLOUR = VERMILLION
# What each colour means, on every chart: the article's own figures and dates in
# vermillion (a span the article's figures share in the orange beside it), a context
# series counted by others in blue, other articles' figures in black, context events
# and keys in grey.
ARTICLE_SPAN_COLOUR = ORANGE
SERIES_COLOUR = BLUE
RECORD_COLOUR = BLACK
CONTEXT_COLOUR = GREY
TIMELINE_COLOURS = {  # the timeline's layers, by what they are
    "article_events": ARTICLE_COLOUR,
    "fighting": ARTICLE_COLOUR,
    "demining_period": ARTICLE_SPAN_COLOUR,
    "context_events": CONTEXT_COLOUR,
}

COLUMNS = [
    "chart_id", "record_id", "series", "label", "date", "date_end", "precision", "value", "qualifier", "unit",
    "is_article", "quote", "quote_start", "quote_end", "attributed_to", "source_title", "source_url", "note",
    "article_id",  # the article a figure's row comes from ('' for a context row)
    "correction",  # the dated corrections of that figure once on the record ('' for none)
]
TIMELINE_LAYERS = ("article_events", "fighting", "demining_period", "context_events")
SYMBOL_OF_QUALIFIER = {"exact": "circle", "more_than": "triangle-up", "about": "circle-open"}
LOWER_BOUND_REACH = 0.08  # the open-ended bar reaches 8% of the axis above a lower bound
WRAP_AT = 100  # characters per line of a bottom annotation
GAP_MONTHS = 3  # whole months without a report: the line there is dotted, not drawn as a trend
AUTORANGE_PAD = 0.05  # about the share of the dates' span Plotly adds at each end
BAR_HEADROOM = 1.1  # ticks up to 10% above the tallest bar, where Plotly's autorange ends
# Which axes of each chart kind are dates and values (the timeline's y-axis is its rows)
DATE_AXIS_KINDS = frozenset({"measure_series", "timeline"})
VALUE_AXIS_KINDS = frozenset({"measure_series"})  # bars carry their values as labels
FONT_EN = "Noto Sans, Arial, sans-serif"
FONT_AR = "Noto Naskh Arabic, Noto Sans Arabic, sans-serif"
KEYS_LEGEND = "legend2"  # the symbols' key, on its own line under the series


RLM = "\u200f"


def plotly_safe(text: str, lang: str = "en") -> str:
    """Text safe for Plotly, which reads a few HTML tags: data must never become markup.

    In Arabic mode the text is fenced with right-to-left marks: SVG text runs left to
    right by default, which would put a final full stop or an opening quote at the
    wrong end.
    """
    safe = html.escape(digits_for(str(text), lang), quote=False)  # Arabic-Indic digits outside quotes
    return f"{RLM}{safe}{RLM}" if lang == "ar" else safe


def chart_row(chart: Chart, **values) -> dict:
    """One row of a chart's frame: every column, the chart's id, no value yet, unless given."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(chart_id=chart.id, value=None, quote_start=None, quote_end=None, is_article=False,
               precision="day")
    row.update(values)
    return row


def _figure_notes(loaded: LoadedArticle, figure_id: str, lang: str) -> str:
    """The editors' notes that concern this figure by id."""
    notes = [n.text.get(lang) for n in loaded.article.notes if figure_id in n.concerns.figures]
    return " ".join(notes)


def article_figure_row(chart: Chart, loaded: LoadedArticle, fig: Figure, lang: str, day: str) -> dict:
    """The row of one of the article's figures, with its quote, who said it and the notes on it."""
    span = loaded.spans[fig.id]
    return chart_row(chart, record_id=fig.id, article_id=loaded.id, series="article", label=fig.label.get(lang), date=day, date_end=day,
                value=fig.value, qualifier=fig.qualifier, unit=fig.unit, is_article=True,
                quote=fig.quote, quote_start=span.start, quote_end=span.end,
                attributed_to=fig.attribution(lang), source_title=article_source_title(loaded, lang),
                note=_figure_notes(loaded, fig.id, lang))



def as_day(value: str | date | None, end: bool) -> date | None:
    """The first (or, with `end`, the last) day a date, month or year covers; None for none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    first, last = span_of(str(value))
    return last if end else first



def value_text(row, lang: str) -> str:  # noqa: ANN001
    """'more than 26,000 explosive objects': value, qualifier and unit together."""
    return quantity(row.value, row.qualifier, row.unit, lang)


HOVER_WRAP = 44  # characters per hover line: a phone's hover box stays inside 390 px


def hover_line(text: str, lang: str) -> str:
    """One line of a hover label, wrapped (each piece escaped and fenced on its own)."""
    return "<br>".join(plotly_safe(piece, lang) for piece in textwrap.wrap(str(text), HOVER_WRAP) or [""])


def hover_label(row, lang: str) -> str:  # noqa: ANN001
    lines = [f"<b>{hover_line(row.label, lang)}</b>", plotly_safe(value_text(row, lang), lang),
             plotly_safe(day_for(row.date, lang), lang)]
    if row.attributed_to:
        who = t("attributed_to" if row.is_article else "reported_by", lang)
        lines.append(hover_line(f"{who}: {row.attributed_to}", lang))
    lines.append(hover_line(row.source_title, lang))
    return "<br>".join(lines)



def wrap_lines(text: str, width: int = WRAP_AT) -> list[str]:
    """The text's lines of at most `width` characters (one empty line for no text)."""
    return textwrap.wrap(text, width) or [""]


def plotly_safe_lines(text: str, width: int, lang: str) -> str:
    """Escaped text broken into lines of at most `width` characters: wrapped, never cut."""
    return "<br>".join(plotly_safe(line, lang) for line in wrap_lines(text, width))


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


def precision_label(precision: str, lang: str) -> str:
    """'month only': how exactly the source dates an event; 'approximate' for a span drawn
    from a duration the article gives ('about a month and a half')."""
    if precision == APPROXIMATE:
        return t("approximate", lang)
    return t(f"precision_{precision}", lang) if precision in ("day", "month", "year") else precision


APPROXIMATE = "approximate"  # the precision of a span worked out from a duration


