"""Axis ticks written out in Arabic.

Plotly labels a date axis with its own English month names ("Jan 2021") and numbers with
Western digits, whatever the chart's language; it can only do otherwise with a locale
file it would have to fetch. An Arabic chart therefore gets its ticks chosen here and
its labels written as the rest of the Arabic interface writes them: "يناير ٢٠٢١",
"١٬٥٠٠" (newsdash.reading.formatting.format_date and format_number).

The ticks are fixed: zooming an Arabic chart keeps them where they are (fewer labels in
a close view), which costs less than a chart whose axis speaks another language.
"""

from __future__ import annotations

import math
from datetime import date

import plotly.graph_objects as go

from newsdash.reading.formatting import format_date, format_number

NICE_STEPS = (1, 2, 2.5, 5, 10)
MONTH_STEPS = (1, 2, 3, 6, 12)
TICK_FONT = {"size": 14}  # Arabic-Indic digits are small glyphs: at Plotly's 12 px "٢٬٠٠٠" is hard to read


def nice_ticks(top: float, most: int = 6) -> list[float]:
    """0 and round steps up to `top`: at most `most` steps of 1, 2, 2.5 or 5 times a
    power of ten (2,092 -> 0, 500, ..., 2,000)."""
    if top <= 0:
        return [0.0]
    raw = top / most
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in NICE_STEPS if m * magnitude >= raw)
    return [round(i * step, 10) for i in range(int(top / step + 1e-9) + 1)]


def month_ticks(first: date, last: date, most: int = 8) -> list[date]:
    """First days of months from `first` to `last`, every 1, 2, 3, 6 or 12 months (the
    fewest that keep at most `most` ticks), on months a year divides evenly into
    (January, March, May... for two)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in MONTH_STEPS if months / s <= most), MONTH_STEPS[-1])
    ticks, index = [], first.year * 12 + first.month - 1
    if first.day > 1:
        index += 1  # the first tick is the first whole month on the axis
    index += -index % step
    while (day := date(index // 12, index % 12 + 1, 1)) <= last:
        ticks.append(day)
        index += step
    return ticks


def arabic_date_axis(fig: go.Figure, first: date, last: date) -> None:
    days = month_ticks(first, last)
    fig.update_xaxes(tickmode="array", tickvals=[d.isoformat() for d in days],
                     ticktext=[format_date(d.isoformat()[:7], "ar") for d in days], tickfont=TICK_FONT)


def arabic_value_axis(fig: go.Figure, top: float) -> None:
    values = nice_ticks(top)
    fig.update_yaxes(tickmode="array", tickvals=values, ticktext=[format_number(v, "ar") for v in values],
                     tickfont=TICK_FONT)
