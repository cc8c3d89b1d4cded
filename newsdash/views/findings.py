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
from newsdash.reading.formatting import counted_unit, format_date, format_number, format_value
from newsdash.reading.i18n import t
from newsdash.textsafety import html_text
from newsdash.views.comparison import HIGHER, INCONSISTENT, LOWER, Comparison

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
