"""Series charts: one measure of the record (data/measures.yaml) drawn with its context
rows and every confirmed article's figures on it.

A measure's chart is made from the data alone (`measure_chart`): its words come from
the measure, its points from the corpus. The article being viewed is emphasised in the
article colour; the other articles' figures stay visible as the record, each labelled
by who said it and when. Qualifiers are kept: "more than" is a lower bound wherever it
is drawn.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.context import Context, in_language
from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.measures import LineStyle, Measure, party_name
from newsdash.data.models import Bilingual, Chart, Strict
from newsdash.reading.formatting import format_date, format_number, quantity, unit_label
from newsdash.reading.i18n import t
from newsdash.views import axes
from newsdash.views.chart_parts import (
    ARTICLE_COLOUR,
    AXIS_TITLE_PX,
    BLACK,
    BLUE,
    CHAR_PX,
    EDGE_PX,
    GAP_MONTHS,
    GREEN,
    GREY,
    KEYS_LEGEND,
    LOWER_BOUND_REACH,
    PURPLE,
    SKY,
    SYMBOL_OF_QUALIFIER,
    YELLOW,
    article_figure_row,
    chart_row,
    hover_label,
    plotly_safe,
    value_text,
)
from newsdash.views.comparison import figure_date
from newsdash.views.findings import Point, measure_titles

SERIES_KINDS = frozenset({"measure_series"})
COLOUR_OF = {"blue": BLUE, "green": GREEN, "sky": SKY, "purple": PURPLE, "yellow": YELLOW, "black": BLACK,
             "grey": GREY}
RECORD_COLOUR = BLACK  # other articles' figures: visible, never in the article colour


# 1/ THE CHART OF A MEASURE, FROM THE DATA


class RecordPoint(Strict):
    """One confirmed article's figure on a measure: what was said, by whom, when."""

    article_id: str
    figure_id: str
    value: int | float
    qualifier: str
    value_max: int | float | None = None
    unit: str
    day: str
    speaker: Bilingual


class MeasureChart(Chart):
    """A chart made from a measure (never written in an article's YAML): its words are
    the measure's, its points every confirmed article's figures on it."""

    line: LineStyle
    points: tuple[RecordPoint, ...] = ()
    label: Bilingual | None = None  # the measure's one name (the title says what its series did)


def _figures_on(corpus: Corpus, loaded: LoadedArticle | None, measure_id: str) -> list[tuple[LoadedArticle, object]]:
    """(article, figure) for every confirmed figure on this measure across the corpus;
    the article being viewed counts even when it is not (yet) in the corpus."""
    pairs = list(corpus.figures_by_measure.get(measure_id, ()))
    if loaded is not None and corpus.article(loaded.id) is not loaded:  # not (or not this copy) in the corpus
        pairs = [(a, f) for a, f in pairs if a.id != loaded.id]
        pairs += [(loaded, f) for f in loaded.article.confirmed_figures if f.measure == measure_id]
    return pairs


def record_points(corpus: Corpus, loaded: LoadedArticle | None, measure_id: str) -> tuple[RecordPoint, ...]:
    """Every article's figure on this measure, oldest first."""
    points = []
    for article, fig in _figures_on(corpus, loaded, measure_id):
        info = article.article.article
        speaker = Bilingual(en=fig.attribution("en"), ar=fig.attribution("ar"))
        points.append(RecordPoint(article_id=article.id, figure_id=fig.id, value=fig.value, qualifier=fig.qualifier,
                                  value_max=fig.value_max, unit=fig.unit, day=figure_date(fig, info.published),
                                  speaker=speaker))
    return tuple(sorted(points, key=lambda p: (p.day, p.article_id)))


def _slug(measure: Measure) -> str:
    return f"{measure.category}-{measure.id}".replace("_", "-")


def measure_chart(corpus: Corpus, loaded: LoadedArticle | None, measure_id: str) -> MeasureChart:
    """The chart of one measure: its words from data/measures.yaml, its points from every
    confirmed article. `loaded` names the article being viewed (its figure ids are listed)."""
    measure = corpus.measures[measure_id]
    points = record_points(corpus, loaded, measure_id)
    own = [p.figure_id for p in points if loaded is not None and p.article_id == loaded.id]
    return MeasureChart(id=measure.id, slug=_slug(measure), kind="measure_series", figures=own,
                        context_measure=measure.id, title=titled(corpus, measure, points), subtitle=_subtitle(measure), label=measure.label,
                        note=measure.note, source=measure.source, line=measure.line, points=points)


def same_work_by_others(corpus: Corpus, measure: Measure) -> list[Measure]:
    """The other parties' counts of the same work (same category and unit, and a word of
    the quantity in common: UNHCR's bus departures and the displaced in Armenia are both
    people, but not the same work): drawn beside this one, each on its own chart, never
    joined to it as one line."""
    words = _quantity_words(measure)
    return [m for m in corpus.measures.values()
            if m.id != measure.id and m.category == measure.category and m.unit == measure.unit
            and m.party != measure.party and words & _quantity_words(m)]


def _quantity_words(measure: Measure) -> set[str]:
    return {w.lower() for w in (*measure.words.en, *measure.words.ar)}


def _subtitle(measure: Measure) -> Bilingual:
    """The measure's subtitle; under an editors' title, led by the measure's name (a
    computed title starts with it), so the chart always says what it counts."""
    if measure.title_override is None:
        return measure.subtitle
    return Bilingual(**{lang: f"{measure.label.get(lang)}: {measure.subtitle.get(lang)}" for lang in ("en", "ar")})


def series_points(corpus: Corpus, measure: Measure, points: tuple[RecordPoint, ...]) -> list[Point]:
    """Every report drawn on a measure's chart: its context rows and every article's figure."""
    rows = context_of_measure(corpus.context, measure.id)
    return [*(Point(str(r.as_of), float(r.value), str(r.qualifier)) for r in rows.itertuples()),
            *(Point(p.day, float(p.value), p.qualifier) for p in points)]


def titled(corpus: Corpus, measure: Measure, points: tuple[RecordPoint, ...] = ()) -> Bilingual:
    """The chart's title: what the series did, computed from every report drawn on it
    (newsdash.views.findings), or the editors' `title_override` when the computed one is not
    the story; naming who counts it when another party counts the same work."""
    if measure.title_override is not None:
        title = {lang: measure.title_override.get(lang) for lang in ("en", "ar")}
    else:
        title = measure_titles(series_points(corpus, measure, points), {"en": measure.label.en, "ar": measure.label.ar},
                               measure.unit)
    if not same_work_by_others(corpus, measure):
        return Bilingual(**title)
    return Bilingual(**{lang: f"{title[lang]} — {party_name(measure, corpus.measures, lang)}" for lang in ("en", "ar")})


def context_of_measure(context: Context, measure_id: str) -> pd.DataFrame:
    """The context rows of one measure, from whichever table holds them."""
    frames = [f[f["measure"] == measure_id] for f in (context.demining, context.returns)]
    return pd.concat([f for f in frames if not f.empty] or frames[:1])


def category_charts(corpus: Corpus, loaded: LoadedArticle | None, category: str | None = None) -> list[MeasureChart]:
    """One chart per measure of this category (every category: None) that has anything
    to draw (a context row or an article's figure), in the order of data/measures.yaml,
    except that another party's count of the same work comes right after the first one's."""
    charts = []
    for measure in _same_work_together(corpus):
        if category is not None and measure.category != category:
            continue
        chart = measure_chart(corpus, loaded, measure.id)
        if chart.points or not context_of_measure(corpus.context, measure.id).empty:
            charts.append(chart)
    return charts


def _same_work_together(corpus: Corpus) -> list[Measure]:
    ordered: list[Measure] = []
    for measure in corpus.measures.values():
        if measure not in ordered:
            ordered += [measure, *(m for m in same_work_by_others(corpus, measure) if m not in ordered)]
    return ordered


# 2/ ROWS: EXACTLY WHAT IS DRAWN


def series_rows(chart: MeasureChart, loaded: LoadedArticle | None, corpus: Corpus, lang: str) -> list[dict]:
    """The measure's context rows, then every article's figure on it: the viewed
    article's in the series "article", the others' in "record"."""
    measure = corpus.measures[chart.context_measure]
    rows = [
        chart_row(chart, series=measure.id, label=measure.label.get(lang), date=r.as_of, date_end=r.as_of,
             value=float(r.value), qualifier=r.qualifier, unit=measure.unit,
             attributed_to=in_language(r.reported_by, r.reported_by_ar, lang),
             source_title=in_language(r.source_title, r.source_title_ar, lang), source_url=r.source_url,
             note=in_language(r.note, r.note_ar, lang))
        for r in context_of_measure(corpus.context, measure.id).sort_values("as_of", kind="stable").itertuples()
    ]
    for article, fig in _figures_on(corpus, loaded, measure.id):
        row = article_figure_row(chart, article, fig, lang, figure_date(fig, article.article.article.published))
        viewed = loaded is not None and article.id == loaded.id
        # on a measure's chart a figure goes by the measure's one name
        rows.append({**row, "series": "article" if viewed else "record", "label": measure.label.get(lang)})
    return rows


def point_words(point: RecordPoint, lang: str) -> str:
    """'Andrei Rudenko, 29 December 2021: more than 50,000 refugees': who, when, what."""
    value = quantity(point.value, point.qualifier, point.unit, lang, point.value_max)
    return f"{point.speaker.get(lang)}, {format_date(point.day, lang)}: {value}"


# 3/ DRAWING PIECES


def months_without_report(first: str, second: str) -> int:
    """Whole calendar months strictly between two reports' months (28 Feb -> 20 Aug: 5)."""
    a, b = date.fromisoformat(str(first)[:10]), date.fromisoformat(str(second)[:10])
    return max((b.year - a.year) * 12 + b.month - a.month - 1, 0)


def report_gaps(dates: list[str]) -> list[int]:
    """Positions i where no report falls for GAP_MONTHS whole months or more between
    dates[i] and dates[i + 1]: there a line joining the two would invent a trend."""
    return [i for i in range(len(dates) - 1) if months_without_report(dates[i], dates[i + 1]) >= GAP_MONTHS]


def _broken_at(values: list, gaps: list[int], filler=None) -> list:  # noqa: ANN001
    """The values with `filler` after each gap position: Plotly breaks its line there."""
    out = []
    for i, value in enumerate(values):
        out.append(value)
        if i in gaps:
            out.append(filler)
    return out


def _series_trace(rows: pd.DataFrame, name: str, colour: str, lang: str, dash: str = "solid") -> list[go.Scatter]:
    """A reported series: a line with markers whose shape says the qualifier; the line
    is broken where months pass without a report, and a dotted one bridges the gap."""
    dates, gaps = list(rows["date"]), report_gaps(list(rows["date"]))
    symbols = [SYMBOL_OF_QUALIFIER[q] for q in rows["qualifier"]]
    line = go.Scatter(
        x=_broken_at(dates, gaps), y=_broken_at(list(rows["value"]), gaps), mode="lines+markers",
        name=plotly_safe(name, lang), connectgaps=False, line={"color": colour, "width": 2, "dash": dash},
        marker={"color": colour, "size": 8, "symbol": _broken_at(symbols, gaps, "circle")},
        hovertext=_broken_at([hover_label(r, lang) for r in rows.itertuples()], gaps, ""),
        hovertemplate="%{hovertext}<extra></extra>",
    )
    if not gaps:
        return [line]
    values = list(rows["value"])
    bridge = go.Scatter(
        x=[d for i in gaps for d in (dates[i], dates[i + 1], None)],
        y=[v for i in gaps for v in (values[i], values[i + 1], None)],
        mode="lines", name=plotly_safe(t("key_gap", lang), lang), showlegend=False, hoverinfo="skip",
        line={"color": colour, "width": 1.5, "dash": "dot"}, meta="gap",
    )
    return [line, bridge]


def _article_trace(row, lang: str, reach: float) -> go.Scatter:  # noqa: ANN001
    """The article's figure, unlike any series point: large, vermillion, labelled.

    A lower bound gets an upward triangle and an open-ended bar upward; "about" an
    open diamond; an exact value a filled diamond.
    """
    symbol = {"more_than": "triangle-up", "about": "diamond-open"}.get(row.qualifier, "diamond")
    trace = go.Scatter(
        x=[row.date], y=[row.value], mode="markers+text", name=plotly_safe(t("article_point", lang), lang),
        marker={"color": ARTICLE_COLOUR, "size": 15, "symbol": symbol, "line": {"color": ARTICLE_COLOUR, "width": 2}},
        text=[plotly_safe(value_text(row, lang), lang)], textposition="top left", textfont={"color": ARTICLE_COLOUR},
        hovertext=[hover_label(row, lang)], hovertemplate="%{hovertext}<extra></extra>",
    )
    if row.qualifier == "more_than":
        trace.error_y = {"type": "data", "symmetric": False, "array": [reach], "arrayminus": [0],
                         "color": ARTICLE_COLOUR, "thickness": 2, "width": 0}
    return trace


def _qualifier_keys(qualifiers: set[str], lang: str, gaps: bool = False) -> list[go.Scatter]:
    """The key to the marker shapes that appear in a series and to the dotted line over
    months without a report: a second legend, apart from the series themselves."""
    keys = []
    for qualifier, key in (("more_than", "key_more_than"), ("about", "key_about")):
        if qualifier in qualifiers:
            keys.append(go.Scatter(x=[None], y=[None], mode="markers", name=plotly_safe(t(key, lang), lang),
                                   marker={"color": GREY, "size": 9, "symbol": SYMBOL_OF_QUALIFIER[qualifier]},
                                   hoverinfo="skip", legend=KEYS_LEGEND))
    if gaps:
        keys.append(go.Scatter(x=[None], y=[None], mode="lines", name=plotly_safe(t("key_gap", lang), lang),
                               line={"color": GREY, "width": 1.5, "dash": "dot"}, hoverinfo="skip",
                               legend=KEYS_LEGEND))
    return keys


def _has_gaps(fig: go.Figure) -> bool:
    return any(trace.meta == "gap" for trace in fig.data)


def _reach(frame: pd.DataFrame) -> float:
    values = pd.to_numeric(frame["value"], errors="coerce")
    return float(values.max()) * LOWER_BOUND_REACH if values.notna().any() else 0.0


def _value_axis(fig: go.Figure, frame: pd.DataFrame, unit: str, lang: str) -> None:
    """The unit's own axis from zero, tall enough to show a lower bound's open bar whole,
    its numbers written as the charts' labels write them (2,500, not 2.5k)."""
    values = pd.to_numeric(frame["value"], errors="coerce")
    top = float(values.max()) if values.notna().any() else 1.0
    if (frame["qualifier"] == "more_than").any():
        top += _reach(frame)
    fig.update_yaxes(title=plotly_safe(unit_label(unit, lang), lang), range=[0, top * 1.08], tickformat=",~f",
                     automargin=False)
    # the axis's width is known here, so the title, notes and source can share the image's left edge
    widest = format_number(axes.nice_ticks(top * 1.08)[-1], lang)
    fig.update_layout(margin={"l": EDGE_PX + AXIS_TITLE_PX + CHAR_PX * len(widest) + 8})


def _record_trace(rows: pd.DataFrame, lang: str, reach: float) -> go.Scatter:
    """Other articles' figures: the record, drawn in their own style, smaller than the
    viewed article's and never in its colour; a lower bound keeps its open bar."""
    symbols = [{"more_than": "triangle-up", "about": "diamond-open"}.get(q, "diamond") for q in rows["qualifier"]]
    reaches = [reach if q == "more_than" else 0 for q in rows["qualifier"]]
    trace = go.Scatter(
        x=list(rows["date"]), y=list(rows["value"]), mode="markers", name=plotly_safe(t("record_point", lang), lang),
        marker={"color": RECORD_COLOUR, "size": 11, "symbol": symbols, "line": {"color": RECORD_COLOUR, "width": 1.5}},
        hovertext=[hover_label(r, lang) for r in rows.itertuples()], hovertemplate="%{hovertext}<extra></extra>",
        meta="record",
    )
    if any(reaches):
        trace.error_y = {"type": "data", "symmetric": False, "array": reaches, "arrayminus": [0] * len(reaches),
                         "color": RECORD_COLOUR, "thickness": 1.5, "width": 0}
    return trace


# 4/ DRAWING A MEASURE


def draw_measure_series(frame: pd.DataFrame, chart: Chart, lang: str) -> go.Figure:
    """The context series as a line in the measure's style, the record's points, and the
    viewed article's figure emphasised and labelled."""
    fig = go.Figure()
    series = frame[~frame["is_article"]]
    line = getattr(chart, "line", None) or LineStyle(colour="blue")
    if not series.empty:
        fig.add_traces(_series_trace(series, series["label"].iloc[0], COLOUR_OF[line.colour], lang, line.dash))
    reach = _reach(frame)
    record = frame[frame["series"] == "record"]
    if not record.empty:
        fig.add_trace(_record_trace(record, lang, reach))
    for row in frame[frame["series"] == "article"].itertuples():
        fig.add_trace(_article_trace(row, lang, reach))
    fig.add_traces(_qualifier_keys(set(series["qualifier"]) | set(record["qualifier"]), lang, _has_gaps(fig)))
    _value_axis(fig, frame, frame["unit"].iloc[0] if not frame.empty else "", lang)
    fig.update_xaxes(type="date")
    return fig
