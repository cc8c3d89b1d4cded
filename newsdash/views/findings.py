"""Findings, not labels: what a series did and what an article adds, in one sentence.

Two pure computations, each with its words in both languages (newsdash.reading.i18n):

- `series_shape` reads a measure's reports (dates, values, qualifiers) and finds its
  phases: one report only, flat, a rise, a fall, a knee where the rate changes sharply
  (steep then nearly flat, or slow then steep), a peak or a trough. `series_title` says
  it as a chart title with the values and months it rests on ("Roads cleared of
  explosives: steep rise until February 2021 (478 km), nearly flat after (683 km by
  December 2021)").
- `overview_finding` reads the overview's comparisons (newsdash.views.comparison) and
  says what the article adds: every figure a repeat, some higher, some lower, some that
  do not fit, or nothing that can be compared.

No number is worked out from a bound or an estimate: a title names the reported values
with their qualifiers ("more than 2,257 hectares"), never a difference between them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsdash.reading.dates import span_of
from newsdash.reading.formatting import count_noun, counted_unit, format_date, format_number, format_value
from newsdash.reading.i18n import t
from newsdash.textsafety import html_text
from newsdash.views.comparison import HIGHER, INCONSISTENT, LOWER, Comparison, whole_months

# 1/ THE SHAPE OF A SERIES

FLAT_SHARE = 0.02  # every report within 2% of the largest: the series is flat
KNEE_RATIO = 2.5  # one phase at least this many times as fast as the other: a knee
NEARLY_FLAT_RATIO = 6.0  # ... and at least this many times: the slow phase is nearly flat,
NEARLY_FLAT_SHARE = 0.05  # ... if it also moved the series by at most 5% of where it stood: a reader
# reads "nearly flat" as "barely changed", so a slow phase that still added a quarter is "slower"
QUALIFIER_RANK = {"exact": 0, "about": 1, "range": 2, "less_than": 3, "more_than": 4}

ONE, FLAT, RISE, FALL, KNEE, PEAK, TROUGH = "one", "flat", "rise", "fall", "knee", "peak", "trough"


@dataclass(frozen=True)
class Point:
    """One report on a series: its date (ISO day or month), value and qualifier."""

    day: str
    value: float
    qualifier: str = "exact"


@dataclass(frozen=True)
class Shape:
    """What a series did. `knee` is the report where its rate changed (a knee, a peak or
    a trough); `before` and `after` name the two phases of a knee: 'steep_rise',
    'slow_fall'... then 'nearly_flat', 'slower' or 'steep'."""

    kind: str
    first: Point
    last: Point
    knee: Point | None = None
    before: str = ""
    after: str = ""


def _day(iso: str) -> date:
    return span_of(iso)[0]


def usable_points(points: Sequence[Point]) -> list[Point]:
    """The reports a shape is read from, oldest first: one per date (the most exact), and
    no lower bound that an earlier report already passed ("more than 50,000" after 50,658
    says nothing of where the series went)."""
    by_day: dict[date, Point] = {}
    for point in sorted(points, key=lambda p: (_day(p.day), QUALIFIER_RANK.get(p.qualifier, 9))):
        by_day.setdefault(_day(point.day), point)
    kept: list[Point] = []
    for point in by_day.values():
        if point.qualifier == "more_than" and kept and point.value < max(p.value for p in kept):
            continue
        kept.append(point)
    return kept


def _days(a: Point, b: Point) -> int:
    return max((_day(b.day) - _day(a.day)).days, 1)


def _slope(a: Point, b: Point) -> float:
    return (b.value - a.value) / _days(a, b)


def _fit_error(points: Sequence[Point], k: int) -> float:
    """Squared distance of the reports from the two straight lines first-knee-last."""
    first, knee, last = points[0], points[k], points[-1]
    error = 0.0
    for i, point in enumerate(points):
        a, b = (first, knee) if i <= k else (knee, last)
        expected = a.value + _slope(a, b) * (_day(point.day) - _day(a.day)).days
        error += (point.value - expected) ** 2
    return error


def _best_knee(points: Sequence[Point]) -> int:
    """The report that best splits the series into two straight phases."""
    return min(range(1, len(points) - 1), key=lambda k: (_fit_error(points, k), k))


def series_shape(points: Sequence[Point]) -> Shape | None:
    """The phases of a series (None when it has no report)."""
    kept = usable_points(points)
    if not kept:
        return None
    first, last = kept[0], kept[-1]
    if len(kept) == 1:
        return Shape(ONE, first, last)
    values = [p.value for p in kept]
    scale = max(abs(v) for v in values) or 1.0
    if max(values) - min(values) <= FLAT_SHARE * scale:
        return Shape(FLAT, first, last)
    overall = RISE if last.value > first.value else FALL
    if len(kept) == 2:  # noqa: PLR2004 - two reports make one straight line
        return Shape(overall, first, last)
    k = _best_knee(kept)
    knee = kept[k]
    before, after = _slope(first, knee), _slope(knee, last)
    moved = FLAT_SHARE * scale
    if before * after < 0 and min(abs(knee.value - first.value), abs(last.value - knee.value)) > moved:
        return Shape(PEAK if before > 0 else TROUGH, first, last, knee)
    direction = "rise" if (before if abs(before) >= abs(after) else after) > 0 else "fall"
    if abs(before) >= KNEE_RATIO * abs(after):
        barely_moved = abs(last.value - knee.value) <= NEARLY_FLAT_SHARE * max(abs(knee.value), abs(last.value))
        calm = "nearly_flat" if abs(before) >= NEARLY_FLAT_RATIO * abs(after) and barely_moved else "slower"
        return Shape(KNEE, first, last, knee, f"steep_{direction}", calm)
    if abs(after) >= KNEE_RATIO * abs(before):
        return Shape(KNEE, first, last, knee, f"slow_{direction}", "steep")
    return Shape(overall, first, last)


# 2/ A CHART'S TITLE FROM ITS SHAPE


def _value(point: Point, unit: str, lang: str) -> str:
    """'478 km', 'more than 2,257 hectares', 'نحو ٩٠٬٠٠٠ شخص'."""
    return f"{format_value(point.value, point.qualifier, lang)} {counted_unit(unit, point.value, lang)}"


def _month(point: Point, lang: str) -> str:
    """'February 2021' / 'فبراير ٢٠٢١': a title speaks in months, the hover gives the day."""
    return format_date(point.day[:7], lang)


def series_title(shape: Shape | None, label: str, unit: str, lang: str) -> str:
    """The chart's title: the measure's name and what its series did, with the values and
    months it rests on; the name alone when there is nothing to read."""
    if shape is None:
        return label
    words = {
        "label": label,
        "first": _value(shape.first, unit, lang), "first_date": _month(shape.first, lang),
        "last": _value(shape.last, unit, lang), "last_date": _month(shape.last, lang),
    }
    if shape.knee is not None:
        words |= {"knee": _value(shape.knee, unit, lang), "knee_date": _month(shape.knee, lang)}
    if shape.kind == KNEE:
        words |= {"before": t(f"phase_{shape.before}", lang), "after": t(f"phase_after_{shape.after}", lang)}
    return t(f"finding_{shape.kind}", lang).format(**words)


def measure_titles(points: Sequence[Point], label: Mapping[str, str], unit: str) -> dict[str, str]:
    """The computed title in both languages: {'en': ..., 'ar': ...}."""
    shape = series_shape(points)
    return {lang: series_title(shape, label[lang], unit, lang) for lang in ("en", "ar")}


# 3/ THE OVERVIEW'S FINDING: WHAT THE ARTICLE ADDS

MOST_EXCEPTIONS = 3  # exceptions named one by one; past this, "and N more"


def _exception(c: Comparison, lang: str, names: Mapping[str, str]) -> str:
    """'<b>Land cleared or surveyed</b> is lower (2,320 hectares against 2,326.6 hectares
    on 20 December 2021)': both reported values with their qualifiers, no difference."""
    fig, unit = c.figure, c.figure.unit
    figure = f"{format_value(fig.value, fig.qualifier, lang, fig.value_max)} {counted_unit(unit, fig.value, lang)}"
    last = f"{format_value(c.last.value, c.last.qualifier, lang)} {counted_unit(unit, c.last.value, lang)}"
    return t(f"finding_item_{c.status}", lang).format(
        label=f"<b>{html_text(names.get(c.measure, fig.label.get(lang)))}</b>", figure=html_text(figure),
        last=html_text(last),
        date=html_text(format_date(c.last.as_of, lang)))


def _whose(repeats: Sequence[Comparison], parties: Mapping[str, str], lang: str) -> str:
    """' (Russian defence ministry; the latest of 20 December 2021)': who counts the totals
    the article repeats (when the measures say) and the date of the latest."""
    names = list(dict.fromkeys(parties[c.measure] for c in repeats if c.measure in parties))
    latest = html_text(format_date(max((c.last.as_of for c in repeats), key=_day), lang))
    if not names:
        return t("finding_latest", lang).format(date=latest)
    return t("finding_whose", lang).format(whom=html_text((", " if lang == "en" else "، ").join(names)), date=latest)


def overview_finding(comparisons: Sequence[Comparison], parties: Mapping[str, str], lang: str,
                     names: Mapping[str, str] | None = None) -> str:
    """The overview's first sentence, as escaped HTML: what the article's figures add to
    the record. `parties` names who counts each measure (measure id -> name), `names` each
    measure (its one name, the label; else the figure's own label)."""
    if not comparisons:
        return html_text(t("finding_nothing_to_compare", lang))
    repeats = [c for c in comparisons if c.adds_nothing]
    others = [c for c in comparisons if not c.adds_nothing]
    others.sort(key=lambda c: (c.status != LOWER, c.status != INCONSISTENT, c.status != HIGHER))
    named = [_exception(c, lang, names or {}) for c in others[:MOST_EXCEPTIONS]]
    if len(others) > MOST_EXCEPTIONS:
        named.append(t("finding_and_more", lang).format(count=_number(len(others) - MOST_EXCEPTIONS, lang)))
    items = ("؛ " if lang == "ar" else "; ").join(named)
    total = _number(len(comparisons), lang)
    if repeats and not others:
        return t("finding_all_repeat", lang).format(whose=_whose(repeats, parties, lang))
    if repeats:
        lead = t("finding_some_repeat", lang).format(count=_number(len(repeats), lang), total=total,
                                                     whose=_whose(repeats, parties, lang))
        key = "finding_only" if len(others) == 1 else "finding_but"
        return t(key, lang).format(lead=lead, items=items)
    if all(c.status == HIGHER for c in others):
        return t("finding_all_higher", lang).format(items=items)
    return t("finding_none_repeat", lang).format(items=items)


def _number(n: int, lang: str) -> str:
    return format_number(n, lang)


# 4/ THE OTHER CHARTS' TITLES: A SMALL MULTIPLE, A CHART OF COUNTS, A TIMELINE
#
# Each says what its chart shows, with the values it rests on and their qualifiers. A
# ratio or a gap is worked out only from what allows it: from exact values as such, from a
# lower bound over an exact value as "at least", never from a bound as if it were exact.

RATIO_WORTH_SAYING = 1.5  # below this, two counts are said side by side, not as a multiple


def _qualified(value: float, qualifier: str, unit: str, lang: str, value_max: float | None = None) -> str:
    return f"{format_value(value, qualifier, lang, value_max)} {counted_unit(unit, value_max or value, lang)}"


def comparison_title(c: Comparison, lang: str) -> str:
    """A small multiple's finding, under the measure's name: how the article's figure stands
    against the latest earlier report ('the article's 2,320 hectares is below the 2,326.6
    hectares of 20 December 2021'); both values as reported, no difference worked out."""
    fig = c.figure
    return t(f"small_title_{c.status}", lang).format(
        figure=_qualified(fig.value, fig.qualifier, fig.unit, lang, fig.value_max),
        last=_qualified(c.last.value, c.last.qualifier, fig.unit, lang),
        date=format_date(c.last.as_of, lang).replace(" ", NBSP))  # a date is never split over two lines


NBSP = "\u00a0"


@dataclass(frozen=True)
class Count:
    """One bar of a chart of counts: its label, value, qualifier and unit."""

    label: str
    value: float
    qualifier: str
    unit: str
    value_max: float | None = None


def _ratio_key(top: Count, other: Count) -> str | None:
    """How a multiple of two counts may be said: exact over exact as is; a lower bound over
    an exact value as 'at least'; 'about' over exact or about as 'about'; else not at all."""
    if other.qualifier != "exact" and not (other.qualifier == "about" and top.qualifier == "about"):
        return None
    return {"exact": "bars_ratio", "more_than": "bars_ratio_at_least", "about": "bars_ratio_about"}.get(top.qualifier)


def counts_title(counts: Sequence[Count], lang: str) -> str | None:
    """A chart of counts' finding: the largest against the next ('Armenians helped to return
    home: 127 people, 6.7 times as many as Azerbaijanis helped to return home (19 people)');
    None when there is nothing to count."""
    if not counts:
        return None
    top, *rest = sorted(counts, key=lambda c: -c.value)
    words = {"top_label": top.label, "top": _qualified(top.value, top.qualifier, top.unit, lang, top.value_max)}
    if not rest:
        return t("bars_one", lang).format(**words)
    other = rest[0]
    words |= {"next_label": other.label,
              "next": _qualified(other.value, other.qualifier, other.unit, lang, other.value_max)}
    key = _ratio_key(top, other) if other.value > 0 and top.unit == other.unit else None
    ratio = top.value / other.value if key else 0.0
    if ratio < RATIO_WORTH_SAYING:
        return t("bars_against", lang).format(**words)
    return t(key, lang).format(**words, ratio=format_number(round(ratio, 1), lang))


@dataclass(frozen=True)
class Span:
    """A duration the article gives (its label, value, qualifier, unit) and the date it ends."""

    label: str
    value: float
    qualifier: str
    unit: str
    ends: str


def timeline_title(span: Span | None, dates: Sequence[str], lang: str) -> str | None:
    """A timeline's finding: how long the span the article gives lasted, to when, and how
    long after it the article's latest date comes ('Length of the fighting: about 1.5 months,
    to 10 November 2020; the article's latest date, 29 December 2021, more than 13 months
    later'); without a span, how many dates over which months. None without a date."""
    if not dates:
        return None
    last = max(dates, key=lambda d: span_of(d)[1])
    if span is None:
        first = min(dates, key=lambda d: span_of(d)[0])
        return t("timeline_title_dates", lang).format(
            count=format_number(len(dates), lang), dates=count_noun("dates", len(dates), lang),
            first=format_date(first, lang), last=format_date(last, lang))
    ends, begins = span_of(span.ends)[1], span_of(last)[0]
    gap = whole_months(ends.isoformat(), begins.isoformat())
    # the gap is counted from the latest day the span may end to the earliest the date may be:
    # "more than" unless both are days and the gap is whole months to the day
    exact = span_of(span.ends)[0] == ends and span_of(last)[0] == span_of(last)[1] and begins.day == ends.day
    return t("timeline_title_span", lang).format(
        label=span.label, duration=_qualified(span.value, span.qualifier, span.unit, lang),
        ends=format_date(span.ends, lang), last=format_date(last, lang),
        gap=_qualified(gap, "exact" if exact else "more_than", "months", lang))
