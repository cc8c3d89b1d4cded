"""What the demining, returns and timeline pages say, as plain functions of the data.

The page scripts only lay these out: which charts a page has, what a filter hides (in a
sentence), the warnings that concern the shown measures, and the rows listed under a
chart. No streamlit here, so all of it is tested without an app.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

import pandas as pd

from newsdash.data.context import Context, Flag, in_language
from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.measures import party_name
from newsdash.data.models import Chart, Figure
from newsdash.data.tables import arrow_table
from newsdash.reading.formatting import (
    count_noun,
    day_for,
    digits_for,
    format_date,
    format_number,
    format_value,
    quantity,
)
from newsdash.reading.i18n import t
from newsdash.textsafety import html_text
from newsdash.views import grid_fit
from newsdash.views.charts import TIMELINE_LAYERS, MeasureChart, category_charts, precision_label
from newsdash.views.grid_fit import SITE_NAME  # noqa: F401 - the pages' link columns
from newsdash.views.links import sentence_link
from newsdash.views.overview import metric_caption
from newsdash.views.page_links import page_url
from newsdash.views.series_charts import point_words, same_work_by_others
from newsdash.views.table_cards import CardSpec, cards_html

DEFAULT_LAYERS = ("article_events", "fighting", "demining_period")  # context is the optional layer


# 1/ WHICH CHARTS, WHICH FIGURES


def charts_of_kind(loaded: LoadedArticle, *kinds: str) -> list[Chart]:
    return [c for c in loaded.article.charts if c.kind in kinds]


def page_charts(corpus: Corpus, loaded: LoadedArticle, category: str) -> list[MeasureChart]:
    """A category page's measure charts: one per measure of the category that has
    anything to draw, in the order of data/measures.yaml."""
    return category_charts(corpus, loaded, category)


def own_charts(loaded: LoadedArticle, category: str) -> list[Chart]:
    """The article's own bar charts whose figures are of this category."""
    return [c for c in charts_of_kind(loaded, "bars") if any(f.category == category for f in figures_of(loaded, c))]


def figures_in(loaded: LoadedArticle, category: str) -> list[Figure]:
    """The article's confirmed figures of one category, in its order (the page's tiles)."""
    return [f for f in loaded.article.confirmed_figures if f.category == category]


def figures_of(loaded: LoadedArticle, chart: Chart) -> list[Figure]:
    return [loaded.article.figure(fid) for fid in chart.figures]


def measure_label(corpus: Corpus, measure: str, lang: str) -> str:
    """A measure by its label in data/measures.yaml (its id if it has none), naming who
    counts it when another party counts the same work (the filter then tells them apart)."""
    known = corpus.measures.get(measure)
    if known is None:
        return measure
    if same_work_by_others(corpus, known) and party_name(known, corpus.measures, lang) not in known.label.get(lang):
        return f"{known.label.get(lang)} — {party_name(known, corpus.measures, lang)}"
    return known.label.get(lang)


def measure_labels(corpus: Corpus, measures: list[str], lang: str) -> dict[str, str]:
    """measure_label of each measure, by its id: a filter's options and its caption."""
    return {measure: measure_label(corpus, measure, lang) for measure in measures}


def measure_unit(corpus: Corpus, measure: str) -> str:
    known = corpus.measures.get(measure)
    return known.unit if known else ""


@dataclass(frozen=True)
class RecordLink:
    """Another article's figure on a measure's chart, and where its sentence is."""

    words: str  # who said it, when, and what
    page: str
    params: dict


def record_links(chart: MeasureChart, loaded: LoadedArticle, lang: str) -> list[RecordLink]:
    """The other articles' figures a measure's chart draws, each linked to its sentence."""
    links = []
    for point in chart.points:
        if point.article_id != loaded.id:
            page, params = sentence_link(point.figure_id, lang, point.article_id)
            links.append(RecordLink(digits_for(point_words(point, lang), lang), page, params))
    return links


def linked_chart(loaded: LoadedArticle, charts: Sequence[Chart], record_id: str | None) -> Chart | None:
    """The chart drawing the figure a link (?fig=) points at, if it is among these."""
    return next((c for c in charts if record_id and record_id in c.figures), None)


def highlighted_first(charts: Sequence[Chart], first: Chart | None) -> list[Chart]:
    return sorted(charts, key=lambda c: c is not first)


# 2/ WHAT A FILTER HIDES, IN A SENTENCE


def filter_caption(shown: Sequence[str], everything: Sequence[str], what_key: str, lang: str) -> str:
    """'Showing 2 of 4 measures: Land surveyed, Roads … (hidden: …).'"""
    total, what = format_number(len(everything), lang), t(what_key, lang)
    if len(shown) == len(everything):
        return t("showing_all", lang).format(total=total, what=what)
    if not shown:
        return t("showing_none", lang).format(total=total, what=what)
    comma = "، " if lang == "ar" else ", "
    hidden = [name for name in everything if name not in shown]
    return t("showing_some", lang).format(shown=format_number(len(shown), lang), total=total, what=what,
                                          names=comma.join(shown), hidden=comma.join(hidden))


# 3/ WARNINGS: A RUNNING TOTAL THAT FALLS


def flags_for(flags: Sequence[Flag], measures: Sequence[str]) -> list[Flag]:
    return [f for f in flags if f.measure in set(measures)]


def _source_of(context: Context, measure: str, as_of: str, lang: str = "en") -> str:
    for frame in (context.demining, context.returns):
        hit = frame[(frame["measure"] == measure) & (frame["as_of"] == as_of)]
        if not hit.empty:
            return in_language(str(hit["source_title"].iloc[0]), str(hit["source_title_ar"].iloc[0]), lang)
    return ""


def flag_sentence(flag: Flag, corpus: Corpus, lang: str) -> str:
    """The warning in words, with both values in the measure's unit and both sources."""
    context = corpus.context
    unit, label = measure_unit(corpus, flag.measure), measure_label(corpus, flag.measure, lang)
    later_source = (t("the_article", lang) if flag.later_source.startswith("the article")
                    else digits_for(_source_of(context, flag.measure, flag.later_date, lang) or flag.later_source, lang))
    return t("flag_fall", lang).format(
        label=label, later=quantity(flag.later_value, "exact", unit, lang),
        later_date=format_date(flag.later_date, lang), later_source=later_source,
        earlier=quantity(flag.earlier_value, "exact", unit, lang),
        earlier_date=format_date(flag.earlier_date, lang),
        earlier_source=digits_for(_source_of(context, flag.measure, flag.earlier_date, lang), lang),
    )


def notes_on(loaded: LoadedArticle, figure_id: str, lang: str) -> list[str]:
    """Editors' notes naming this figure (the all-figures caveat is shown elsewhere)."""
    return [n.text.get(lang) for n in loaded.article.notes if figure_id in n.concerns.figures]


# 4/ RETURNS: THE CONTEXT TABLE


def returns_context_table(corpus: Corpus, series: Sequence[str], lang: str) -> pd.DataFrame:
    """The sourced rows behind the returns charts, one per report, with its link."""
    rows = corpus.context.returns[corpus.context.returns["measure"].isin(list(series))]
    def words(column: str) -> list[str]:  # the editors' Arabic rendering on Arabic pages, digits included
        return [digits_for(in_language(en, ar, lang), lang) for en, ar in zip(rows[column], rows[f"{column}_ar"], strict=True)]

    return pd.DataFrame({
        t("date", lang): [day_for(day, lang) for day in rows["as_of"]],
        t("col_series", lang): [measure_label(corpus, m, lang) for m in rows["measure"]],
        t("col_value", lang): [format_value(v, q, lang) for v, q in zip(rows["value"], rows["qualifier"], strict=True)],
        t("col_counted_by", lang): words("reported_by"),
        t("col_source", lang): words("source_title"),
        t("col_link", lang): rows["source_url"],
        t("col_note", lang): words("note"),
    }).reset_index(drop=True)


# Each column's width at a laptop's width (i18n keys of the headers): together inside the
# page, where the grid's "Source" and "Note" ran past its right edge
RETURNS_GRID_WIDTHS = {"date": 90, "col_series": 160, "col_value": 110, "col_counted_by": 145, "col_source": 165,
                       "col_link": 160, "col_note": 140}




def returns_grid_widths(lang: str) -> dict[str, int]:
    return {t(key, lang): width for key, width in RETURNS_GRID_WIDTHS.items()}


def returns_context_row_height(corpus: Corpus, series: Sequence[str], lang: str) -> int | None:
    """The grid's row height at which its longest cell wraps whole (the link is one line)."""
    widths = returns_grid_widths(lang)
    shown = [c for c in widths if c != t("col_link", lang)]
    return grid_fit.row_height(returns_context_table(corpus, series, lang), widths, shown)


def returns_context_arrow(corpus: Corpus, series: Sequence[str], lang: str):  # noqa: ANN201 - pyarrow.Table
    """returns_context_table as an Arrow table, which st.dataframe sends as it is."""
    return arrow_table(returns_context_table(corpus, series, lang))


def returns_context_cards(corpus: Corpus, series: Sequence[str], lang: str) -> str:
    """The same rows as cards for a phone: each report's series as its heading, then its
    date, value, who counted, source, link and note, every cell in view."""
    frame = returns_context_table(corpus, series, lang)
    columns = list(frame.columns)
    spec = CardSpec(heading=t("col_series", lang), always=[c for c in columns if c != t("col_series", lang)],
                    labels={c: c for c in columns}, links={t("col_link", lang): None})
    return cards_html(frame, spec, lang, t("context_table", lang))


def figure_said_html(loaded: LoadedArticle, figure_id: str, lang: str, names: dict[str, str] | None = None) -> str:
    """What the article says about one figure, as one escaped HTML block: its label and
    value in words, the Arabic paragraph with the quote marked, the editors' translation
    and who it is attributed to (both English, isolated left to right). A figure on a
    measure goes by the measure's one name (`names`)."""
    figure = loaded.article.figure(figure_id)
    name = (names or {}).get(figure.measure or "", figure.label.get(lang))
    parts = [f"<p><strong>{html_text(name)}</strong>: {html_text(metric_caption(figure, lang))}</p>",
             quote_in_paragraph_html(loaded, figure.id),
             labelled_ltr_html(t("editors_translation", lang), paragraph_translation(loaded, figure.id)),
             labelled_html(t("attributed_to", lang), digits_for(figure.attribution(lang), lang))]
    return _one_block(parts, lang)


# 5/ TIMELINE: MONTHS, RANGES, THE LIST UNDER THE CHART


def timeline_months(loaded: LoadedArticle, context: Context, chart_id: str, lang: str) -> tuple[tuple, dict]:
    """The months the date slider offers (every month the timeline draws) and their names
    in the language, worked out together so a page can cache them as one piece."""
    from newsdash.views.charts import chart_frame

    months = tuple(month_options(chart_frame(loaded, context, chart_id, lang)))
    return months, {month: month_label(month, lang) for month in months}


def month_options(frame: pd.DataFrame) -> list[str]:
    """Every month from the first to the last date drawn, as 'YYYY-MM'."""
    if frame.empty:
        return []
    first, last = min(frame["date"]), max(frame["date_end"])
    months = pd.period_range(first[:7], last[:7], freq="M")
    return [str(m) for m in months]


def month_label(month: str, lang: str) -> str:
    """'2020-09' -> 'September 2020' / 'سبتمبر ٢٠٢٠' (a month, never a fake day)."""
    return format_date(month[:7], lang)


def dates_caption(first: str, last: str, months: Sequence[str], hidden: int, total: int, lang: str) -> str:
    words = {"first": month_label(first, lang), "last": month_label(last, lang)}
    if (first, last) == (months[0], months[-1]):
        return t("dates_all", lang).format(**words)
    return t("dates_some", lang).format(hidden=format_number(hidden, lang), total=format_number(total, lang),
                                        items=count_noun("items", total, lang), **words)


def layer_name(layer: str, lang: str) -> str:
    return t(f"layer_{layer}", lang)


def layer_options() -> list[str]:
    return list(TIMELINE_LAYERS)


@dataclass(frozen=True)
class ListedDate:
    """One line of the list under the timeline."""

    record_id: str
    label: str
    when: str
    precision: str
    source_title: str
    source_url: str
    note: str


def _when(row, lang: str) -> str:  # noqa: ANN001
    """'2020-09' shown as the month it is, not as a fake day."""
    if row.precision == "month" and row.date[:7] == row.date_end[:7]:
        return month_label(row.date[:7], lang)
    start = month_label(row.date[:7], lang) if row.precision == "month" else format_date(row.date, lang)
    return start if row.date == row.date_end else f"{start} – {format_date(row.date_end, lang)}"


def listed_dates(frame: pd.DataFrame, layers: Sequence[str], lang: str) -> list[ListedDate]:
    """The drawn rows of these layers, earliest first, as the page lists them.

    Plain Python over the records, not pandas filtering and sorting: on a table of a few
    rows that took milliseconds on every rerun of the page. The sort is stable, missing
    dates last, as pandas' sort_values was.
    """
    wanted = set(layers)
    records = [SimpleNamespace(**r) for r in frame.to_dict("records") if r["series"] in wanted]
    rows = sorted(records, key=lambda r: (_missing_last(r.date), _missing_last(r.date_end)))
    return [ListedDate(
        record_id=r.record_id, label=r.label, when=_when(r, lang),
        precision=t("precision_is", lang).format(precision=precision_label(r.precision, lang)),
        source_title=r.source_title, source_url=r.source_url, note="" if r.is_article else r.note,
    ) for r in rows]


CAPTION_STYLE = "color:rgba(49,51,63,0.6);font-size:0.875rem;margin-bottom:0.5rem"


def _one_block(parts: list[str], lang: str) -> str:
    """Escaped parts as one HTML block, right to left and right-aligned in Arabic."""
    direction = ' dir="rtl" lang="ar" style="text-align:right"' if lang == "ar" else ""
    return f"<div{direction}>" + "".join(parts) + "</div>"
RULE_STYLE = "border-top:1px solid rgba(49,51,63,0.2);margin-top:0.25rem;padding-top:1rem"


def ruled(block: str) -> str:
    """An HTML block with a rule above it, to divide the dates of one panel. A <div>, not
    an <hr>: the block stays one HTML block that Markdown does not read."""
    return f'<div style="{RULE_STYLE}">{block}</div>'


def listed_date_html(loaded: LoadedArticle, item: ListedDate, lang: str, open_source: str = "") -> str:
    """One item of the list under the timeline as one escaped HTML block: its label and
    date, its precision, and then either the Arabic sentence with the quote marked and
    the editors' translation (the article's dates) or the note and a link to the source
    (context events, `open_source` being the link's words). One block, not five
    elements: the page draws them again at every filter change."""
    # notes and source titles are English in the data: isolated, so an Arabic page keeps
    # their quotation marks and full stops where they belong
    note = f" · {isolated_html(digits_for(item.note, lang))}" if item.note else ""
    parts = [f'<p style="margin-bottom:0.25rem"><strong>{html_text(item.label)}</strong> · {html_text(item.when)}</p>',
             f'<div style="{CAPTION_STYLE}">{html_text(item.precision)}{note}</div>']
    if item.record_id:
        parts.append(quote_in_paragraph_html(loaded, item.record_id))
        parts.append(labelled_ltr_html(t("editors_translation", lang), record_translation(loaded, item.record_id)))
    elif item.source_url:
        parts.append(f'<a href="{html.escape(item.source_url)}" target="_blank" rel="noopener noreferrer">'
                     f'{html_text(open_source)}: {isolated_html(digits_for(item.source_title, lang))} ↗</a>')
    return _one_block(parts, lang)


def dated_items(loaded: LoadedArticle, context: Context, chart_id: str, lang: str, listed: Sequence[str],
                **filters) -> list[tuple[str, str]]:
    """(record id, HTML block) for each drawn row of the `listed` layers, earliest first:
    the list under the timeline, for the rows the chart draws with these filters."""
    from newsdash.views.charts import chart_frame

    frame = chart_frame(loaded, context, chart_id, lang, **filters)
    open_source = t("open_source", lang)
    return [(item.record_id, listed_date_html(loaded, item, lang, open_source))
            for item in listed_dates(frame, listed, lang)]


BORDERED = "border:1px solid rgba(49,51,63,0.2);border-radius:0.5rem;padding:1rem;margin-bottom:1rem"
NOTICE_STYLE = "background:rgba(28,131,225,0.1);color:#004280;border-radius:0.5rem;padding:0.75rem 1rem;margin-bottom:0.75rem"
LINK_STYLE = "display:inline-block;margin-top:0.5rem"


def dated_list_html(loaded: LoadedArticle, context: Context, chart_id: str, lang: str, listed: Sequence[str],
                    linked_id: str | None = None, **filters) -> str:
    """The article's dates under the timeline as one bordered HTML block: each date
    (listed_date_html) with a link to its sentence, rules between them, and a notice
    above the one a shared link opened. One element to send and draw at every rerun, not
    two or three per date: the page's rerun is held to the cost of drawing its chart
    alone (newsdash.bench, "Page rerun")."""
    items = []
    for record_id, block in dated_items(loaded, context, chart_id, lang, listed, **filters):
        # the notice and the link on the text's side (the page's CSS would align them left)
        side = ' dir="rtl" style="text-align:right"' if lang == "ar" else ""
        notice = (f'<div role="note" dir="{"rtl" if lang == "ar" else "ltr"}" style="{NOTICE_STYLE}">{html_text(t("linked_figure", lang))}</div>'
                  if record_id and record_id == linked_id else "")
        link = (f'<div{side}><a style="{LINK_STYLE}" href="{html.escape(page_url(*sentence_link(record_id, lang)))}">'
                f'{html_text(t("see_in_text", lang))}</a></div>' if record_id else "")
        items.append(notice + block + link)
    ruled_items = [ruled(item) if index else item for index, item in enumerate(items)]
    return f'<div style="{BORDERED}">{"".join(ruled_items)}</div>' if items else ""


def context_events_html(loaded: LoadedArticle, context: Context, chart_id: str, lang: str, **filters) -> str:
    """The context events the chart draws, listed in one HTML block, each in a bordered
    box like st.container(border=True): one element to send and draw when the layer is
    switched on, not two per event (they have no sentence of the article to link to)."""
    blocks = dated_items(loaded, context, chart_id, lang, ["context_events"], **filters)
    return "".join(f'<div style="{BORDERED}">{block}</div>' for _, block in blocks)


def _missing_last(value: object) -> tuple:
    missing = value is None or value != value  # None or NaN
    return (missing, "" if missing else value)


def record_translation(loaded: LoadedArticle, record_id: str) -> str:
    """The editors' translation of a figure's or event's quote."""
    records = [*loaded.article.figures, *loaded.article.events]
    return next((r.translation for r in records if r.id == record_id), "")


# 6/ THE SENTENCE A FIGURE COMES FROM

RTL_BLOCK = "direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif;line-height:1.9;"


def paragraph_of(loaded: LoadedArticle, record_id: str) -> tuple[int, int]:
    """(paragraph index, start offset of that paragraph) holding the record's quote."""
    span, start = loaded.spans[record_id], 0
    for index, paragraph in enumerate(loaded.paragraphs_original):
        if start <= span.start < start + len(paragraph):
            return index, start
        start += len(paragraph) + 2  # the "\n\n" between paragraphs
    raise ValueError(f"{record_id}: quote offsets outside the seed")


def quote_in_paragraph_html(loaded: LoadedArticle, record_id: str) -> str:
    """The Arabic paragraph the quote stands in, right to left, the quote marked; escaped."""
    index, start = paragraph_of(loaded, record_id)
    paragraph, span = loaded.paragraphs_original[index], loaded.spans[record_id]
    before, quote, after = (paragraph[: span.start - start], paragraph[span.start - start: span.end - start],
                            paragraph[span.end - start:])
    marked = f"{html.escape(before)}<mark>{html.escape(quote)}</mark>{html.escape(after)}"
    return f'<div dir="rtl" lang="ar" data-verbatim style="{RTL_BLOCK}">{marked}</div>'


def paragraph_translation(loaded: LoadedArticle, record_id: str) -> str:
    index, _ = paragraph_of(loaded, record_id)
    return next(p.translation for p in loaded.article.paragraphs if p.index == index)


ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def isolated_html(text: str) -> str:
    """Escaped text isolated in its own direction (<bdi>), marked in its language: Arabic
    where it has Arabic letters (an editors' rendering), else English (the source's own
    words), so neither moves the other's full stops and brackets."""
    if ARABIC_LETTER.search(text):
        return f'<bdi dir="rtl" lang="ar">{html_text(text)}</bdi>'
    return f'<bdi dir="ltr" lang="en">{html_text(text)}</bdi>'


def labelled_html(label: str, text: str) -> str:
    """'Label: text' in the caption style, the text isolated in its own direction."""
    return (f'<div style="color:rgba(49,51,63,0.6);font-size:0.875rem;margin-bottom:0.5rem">'
            f'{html.escape(label)}: {isolated_html(text)}</div>')


def labelled_ltr_html(label: str, text: str) -> str:
    """'Label: English text' in the caption style, the English isolated left to right so
    an Arabic page does not move its full stop or brackets; both escaped."""
    return (f'<div style="color:rgba(49,51,63,0.6);font-size:0.875rem;margin-bottom:0.5rem">'
            f'{html.escape(label)}: <bdi dir="ltr" lang="en">{html_text(text)}</bdi></div>')
