"""What is new in an article, and what is not: each figure against the latest earlier
value of its context series.

A figure is comparable when it names a measure (`figures[].measure`, defined in
data/measures.yaml). For each one this module works out, from the data only:

- the latest value of that measure reported before the figure's date, by a context row
  or by another confirmed article, with its date, qualifier and source (whose it was);
- how the figure stands against it: the same number, higher, lower, a bound ("more
  than") the earlier value already satisfies, or a number below an earlier lower bound;
- how the series moved before that value (its last step) and how long it had been
  flat (within FLAT_SHARE of that value).

Pure: no streamlit, no article ids. The words are in newsdash.reading.i18n; the sentences are
put together in newsdash.views.overview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pandas as pd

from newsdash import caches
from newsdash.data.context import Context, is_cumulative
from newsdash.data.corpus import Corpus, series_by_measure
from newsdash.data.loading import LoadedArticle
from newsdash.data.models import Figure
from newsdash.data.tables import source_title as article_source_title
from newsdash.reading.dates import span_of
from newsdash.reading.formatting import counted_unit, digits_for, format_date, format_value
from newsdash.reading.i18n import t

SAME, HIGHER, LOWER, CONSISTENT, INCONSISTENT = "same", "higher", "lower", "consistent", "inconsistent"
STATUSES = (SAME, HIGHER, LOWER, CONSISTENT, INCONSISTENT)
# A series is "flat" while every report stays within this share of its latest value:
# 1,927 -> 1,937 buildings (0.5%) is flat; 2,257 -> 2,326.6 hectares (3%) is not.
FLAT_SHARE = 0.01


@dataclass(frozen=True)
class Reading:
    """One reported value of a context series, with where it was printed."""

    value: float
    qualifier: str
    as_of: str
    source_title: str = ""
    source_url: str = ""
    reported_by: str = ""
    article_id: str = ""  # another confirmed article's figure, else a context row
    source_title_ar: str = ""  # the editors' Arabic rendering of the source (data/context, or the article's)

    def source(self, lang: str) -> str:
        """The source as a page in this language names it: in Arabic, its Arabic rendering
        where there is one, with Arabic-Indic digits."""
        return digits_for(self.source_title_ar or self.source_title, lang) if lang == "ar" else self.source_title


@dataclass(frozen=True)
class Comparison:
    """One article figure against the latest earlier value of its series."""

    figure: Figure
    measure: str
    chart_id: str
    article_date: str
    status: str
    last: Reading
    previous: Reading | None  # the report before `last`, for the series' last step
    flat_since: Reading  # the earliest report of the flat run that ends at `last`
    history: tuple[Reading, ...]  # every earlier report, oldest first
    cumulative: bool

    @property
    def step(self) -> float | None:
        """How much the series moved in its last step before the article (10 buildings)."""
        return None if self.previous is None else self.last.value - self.previous.value

    @property
    def flat_change(self) -> float:
        """How much the series moved over its flat run (0 when the run is one report)."""
        return self.last.value - self.flat_since.value

    @property
    def months_since_last(self) -> int:
        """Whole months from the latest earlier report to the article's figure."""
        return whole_months(self.last.as_of, self.article_date)

    @property
    def months_flat(self) -> int:
        """Whole months the series had been flat when the article gave its figure."""
        return whole_months(self.flat_since.as_of, self.article_date)

    @property
    def adds_nothing(self) -> bool:
        """The figure says no more than the series already did."""
        return self.status in (SAME, CONSISTENT)


# 1/ WHICH FIGURES HAVE A SERIES


def comparable_figures(loaded: LoadedArticle) -> list[tuple[Figure, str, str]]:
    """(figure, measure, chart id) for each confirmed figure on a measure, in the
    article's order; a measure's chart has the measure's id."""
    return [(f, f.measure, f.measure) for f in loaded.article.confirmed_figures if f.measure]


def figure_date(figure: Figure, published: str) -> str:
    """The date a figure stands for: its as-of date, else the end of its period, else
    the article's publication date."""
    return figure.period.as_of or figure.period.end or published


# 2/ HOW A FIGURE STANDS AGAINST AN EARLIER VALUE


def status_of(figure: Figure, last: Reading) -> str:
    """same / higher / lower / consistent / inconsistent, qualifiers included.

    - "more than X": CONSISTENT when the earlier value already passed X (more than
      50,000 against 50,658), else HIGHER (the bound is above it).
    - "less than X": CONSISTENT when the earlier value is below X, else INCONSISTENT.
    - a range: CONSISTENT when the earlier value lies in it, else HIGHER or LOWER.
    - a number (exact or about): SAME when the numbers are equal, whatever their
      qualifiers (683 against "more than 683": both qualifiers are kept for the
      reader); HIGHER or LOWER otherwise, and INCONSISTENT when it is below a value
      the earlier report gave as a lower bound.
    """
    value, earlier = float(figure.value), float(last.value)
    if figure.qualifier == "more_than":
        passed = earlier > value or (earlier == value and last.qualifier == "more_than")
        return CONSISTENT if passed else HIGHER
    if figure.qualifier == "less_than":
        return CONSISTENT if earlier < value else INCONSISTENT
    if figure.qualifier == "range" and figure.value_max is not None:
        if value <= earlier <= float(figure.value_max):
            return CONSISTENT
        return HIGHER if earlier < value else LOWER
    if value == earlier:
        return SAME
    if value > earlier:
        return HIGHER
    return INCONSISTENT if last.qualifier == "more_than" else LOWER


# 3/ THE SERIES BEFORE THE FIGURE


def readings(series: pd.DataFrame) -> list[Reading]:
    """A series' rows as readings, oldest first (rows of one date keep the table's order)."""
    rows = series.sort_values("as_of", kind="stable")
    return [Reading(float(r.value), str(r.qualifier), str(r.as_of), str(r.source_title), str(r.source_url),
                    str(r.reported_by or ""), source_title_ar=str(getattr(r, "source_title_ar", "") or ""))
            for r in rows.itertuples()]


def earlier_than(history: Sequence[Reading], day: str) -> list[Reading]:
    """The readings dated before `day`. A partial date ('2021-12') counts from its
    first day, so a report of December 2021 is not 'earlier' than 29 December 2021."""
    first_day = span_of(day)[0].isoformat()
    return [r for r in history if _last_day(r.as_of) < first_day]


@lru_cache(maxsize=8192)
def _last_day(as_of: str) -> str:
    """The last day a date covers, as ISO text (the same few dates recur across articles)."""
    return span_of(as_of)[1].isoformat()


caches.owns("views.comparison:_last_day", _last_day.cache_clear)


def flat_start(history: Sequence[Reading]) -> Reading:
    """The earliest reading from which every later one stays within FLAT_SHARE of the last."""
    last = history[-1]
    start = last
    for reading in reversed(history[:-1]):
        if abs(last.value - reading.value) > FLAT_SHARE * abs(last.value):
            break
        start = reading
    return start


def compare_figure(figure: Figure, measure: str, chart_id: str, day: str,  # noqa: PLR0913
                   series: pd.DataFrame | Sequence[Reading], totals: frozenset[str] = frozenset()) -> Comparison | None:
    """The figure against the latest earlier value of its measure (a table's rows, or
    readings oldest first); None when nothing was reported before the figure's date."""
    history = tuple(earlier_than(readings(series) if isinstance(series, pd.DataFrame) else series, day))
    if not history:
        return None
    last = history[-1]
    previous = next((r for r in reversed(history) if r.as_of < last.as_of), None)
    return Comparison(figure=figure, measure=measure, chart_id=chart_id, article_date=day,
                      status=status_of(figure, last), last=last, previous=previous,
                      flat_since=flat_start(history), history=history, cumulative=is_cumulative(measure, totals))


def record_readings(corpus: Corpus, measure: str, but: str) -> list[Reading]:
    """Every other confirmed article's figure on this measure, as readings that say
    whose it was (who said it, in which outlet) and when."""
    return [r for r in _all_record_readings(corpus, measure) if r.article_id != but]


_record_cache: dict[int, tuple] = {}  # id(corpus) -> (corpus, {measure: readings}): made once per corpus
caches.owns("views.comparison:_record_cache", _record_cache.clear)


def _all_record_readings(corpus: Corpus, measure: str) -> tuple[Reading, ...]:
    """Every confirmed article's figure on this measure as readings, made once per corpus
    (with many articles, each comparison would otherwise make them all again)."""
    kept = _record_cache.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        _record_cache.clear()  # one corpus at a time: the latest state of the data
        kept = _record_cache[id(corpus)] = (corpus, {})
    by_measure = kept[1]
    if measure not in by_measure:
        by_measure[measure] = tuple(
            Reading(float(fig.value), fig.qualifier, figure_date(fig, other.article.article.published),
                    article_source_title(other), "", fig.attributed_to, other.id, article_source_title(other, "ar"))
            for other, fig in corpus.figures_by_measure.get(measure, ()))
    return by_measure[measure]


def compare_article(loaded: LoadedArticle, source: Corpus | Context, by_measure: dict | None = None) -> list[Comparison]:
    """Every comparable figure of the article against the latest earlier value of its
    measure, in the article's order. With the corpus, the other confirmed articles'
    figures count as well as the context rows. `by_measure` (corpus.series_by_measure)
    saves splitting the context tables again."""
    corpus = source if isinstance(source, Corpus) else None
    context = corpus.context if corpus else source
    by_measure = series_by_measure(context) if by_measure is None else by_measure
    published = loaded.article.article.published
    found = []
    for figure, measure, chart_id in comparable_figures(loaded):
        series = by_measure.get(measure)
        history = readings(series) if series is not None else []
        if corpus is not None:
            history = sorted(history + record_readings(corpus, measure, loaded.id), key=lambda r: r.as_of)
        comparison = compare_figure(figure, measure, chart_id, figure_date(figure, published), history,
                                    context.totals)
        if comparison is not None:
            found.append(comparison)
    return found


def comparison_of(comparisons: Sequence[Comparison], figure_id: str) -> Comparison | None:
    return next((c for c in comparisons if c.figure.id == figure_id), None)


# 4/ IN A FEW WORDS: for a table cell or a chart's note


def reading_when(reading: Reading, lang: str) -> str:
    """When a value was reported and, for another article's figure, who said it:
    '6 December 2020, said by X in another article'."""
    when = format_date(reading.as_of, lang)
    if not reading.article_id:
        return when
    return t("cmp_said_by", lang).format(date=when, who=reading.reported_by)


def in_words(c: Comparison, lang: str) -> str:
    """'below 2,326.6 hectares (20 December 2021)', 'الرقم نفسه: أكثر من ٦٨٣ كم (٢٠ ديسمبر ٢٠٢١)'."""
    last = f"{format_value(c.last.value, c.last.qualifier, lang)} {counted_unit(c.figure.unit, c.last.value, lang)}"
    return t(f"cmp_short_{c.status}", lang).format(last=last, date=reading_when(c.last, lang))


def note_sentence(comparisons: Sequence[Comparison], chart_id: str, lang: str) -> str:
    """The sentence a chart's note gains: how its figure stands against the last
    earlier report ('' when the chart has no comparison)."""
    found = [in_words(c, lang) for c in comparisons if c.chart_id == chart_id]
    return t("cmp_note", lang).format(short=("؛ " if lang == "ar" else "; ").join(found)) if found else ""


# 5/ DATES


def whole_months(earlier: str, later: str) -> int:
    """Whole calendar months from one date to another (24 Jan 2021 -> 29 Dec 2021: 11)."""
    first, last = _day(earlier), _day(later)
    months = (last.year - first.year) * 12 + last.month - first.month
    if last.day < first.day:
        months -= 1
    return max(months, 0)


def _day(value: str) -> date:
    return span_of(value)[0]
