"""What the overview page says, as plain functions of the data."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd

from newsdash.data.context import Context
from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.measures import party_name
from newsdash.data.models import ArticleInfo, Figure
from newsdash.reading.formatting import (
    counted_unit,
    format_date,
    format_number,
    format_short,
    format_value,
    months_phrase,
    quantity,
    unit_short,
)
from newsdash.reading.i18n import category_label, t
from newsdash.textsafety import html_text
from newsdash.views.comparison import (
    CONSISTENT,
    Comparison,
    compare_article,
    comparison_of,
    reading_when,
    whole_months,
)
from newsdash.views.findings import overview_finding
from newsdash.views.links import sentence_link
from newsdash.views.page_links import page_url

PAGE_LINKS = [
    ("pages/demining.py", "page_demining"),
    ("pages/returns.py", "page_returns"),
    ("pages/timeline.py", "page_timeline"),
    ("pages/original_text.py", "page_original"),
    ("pages/data_method.py", "page_method"),
]


def source_line(info: ArticleInfo, lang: str) -> str:
    """'Source: UrduPoint Network / Sputnik · 2021-12-29 · Andrei Rudenko, Deputy …'"""
    parts = [
        f"{t('source_card', lang)}: {info.outlet.get(lang)} / {info.wire_agency.get(lang)}",
        f"{t('published', lang)}: {format_date(info.published, lang)}",
        f"{t('speaker', lang)}: {info.speaker.name.get(lang)}, {info.speaker.role.get(lang)}",
    ]
    return " · ".join(parts)


def figures_by_category(loaded: LoadedArticle) -> dict[str, list[Figure]]:
    groups: dict[str, list[Figure]] = {}
    for fig in loaded.article.confirmed_figures:
        groups.setdefault(fig.category, []).append(fig)
    return groups


def category_heading(category: str, lang: str) -> str:
    return category_label(category, lang)


def metric_value(fig: Figure, lang: str) -> str:
    """'26,000+': short enough never to be cut, so the qualifier is never dropped."""
    return format_short(fig.value, fig.qualifier, lang, fig.value_max)


def metric_caption(fig: Figure, lang: str) -> str:
    """The value in words with its unit: 'more than 26,000 explosive objects'."""
    return quantity(fig.value, fig.qualifier, fig.unit, lang, fig.value_max)


def metric_help(fig: Figure, lang: str) -> str:
    """The tooltip: the value in words, the verbatim quote, its translation, who said it."""
    return "\n\n".join([
        metric_caption(fig, lang),
        f"{t('quote', lang)}: «{fig.quote}»",
        f"{t('translation', lang)}: {fig.translation}",
        f"{t('attributed_to', lang)}: {fig.attribution(lang)}",
    ])


def tile_value(fig: Figure, lang: str) -> str:
    """The tile's value with its unit, qualifier first: '2,320 ha', '26,000+ explosive
    objects', 'أكثر من ٢٦٬٠٠٠ مادة متفجرة'."""
    return f"{format_short(fig.value, fig.qualifier, lang, fig.value_max)} {unit_short(fig.unit, fig.value, lang)}"


# A tile's value keeps its unit, so it may be long ("more than 26,000 explosive objects"):
# it wraps instead of being cut with an ellipsis, at a size that fits three to a row. Every
# page's tiles sit in a container keyed figure_tile_<id> (pages/overview.py, app.layout.figure_tiles).
TILE_CSS = """<style>
[class*="st-key-figure_tile_"] [data-testid="stMetricValue"],
[class*="st-key-figure_tile_"] [data-testid="stMetricValue"] *,
[class*="st-key-figure_tile_"] [data-testid="stMetricLabel"],
[class*="st-key-figure_tile_"] [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[class*="st-key-figure_tile_"] [data-testid="stMetricValue"] { font-size: 1.9rem; line-height: 1.25; }
</style>"""


def in_rows(items: Sequence, size: int) -> list[list]:
    """Items in rows of `size`, for one st.columns per row."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


# THE LEDE: each comparable figure against the latest earlier report (newsdash.views.comparison)

MAX_TILES = 40  # past this many figures the overview lists them in one sortable table
LEDE_ITEMS = 8  # comparisons told in sentences; the rest are in the Data & method table
SMALL_MULTIPLES = 8  # small charts at most
STALE_MONTHS = 2  # a last report this old is said to be old


def shows_table(loaded: LoadedArticle) -> bool:
    """Too many figures for tiles: thousands of tiles take a browser about a minute."""
    return len(loaded.article.confirmed_figures) > MAX_TILES


def value_words(value: float, qualifier: str, unit: str, lang: str) -> str:
    """'more than 683 km', 'أكثر من ٦٨٣ كم', '٢٬٣٢٠ هكتارًا'."""
    return f"{format_value(value, qualifier, lang)} {counted_unit(unit, value, lang)}"


def _link(href: str, text: str, external: bool = False) -> str:
    extra = ' target="_blank" rel="noopener"' if external else ""
    return f'<a href="{html.escape(href)}"{extra}>{html_text(text)}</a>'


def _isolated(text: str) -> str:
    """A source title (often Latin script) kept in its own direction inside a sentence."""
    return f"<bdi>{html_text(text)}</bdi>"


def figure_name(fig: Figure, names: Mapping[str, str] | None, lang: str) -> str:
    """A figure's name: its measure's one label where it has a measure (`names`: measure id
    -> label), else its own label."""
    return (names or {}).get(fig.measure or "", fig.label.get(lang))


def measure_names(source: Corpus | Context, lang: str) -> dict[str, str]:
    """Each measure's one name, its label in data/measures.yaml (none without the corpus)."""
    return {mid: m.label.get(lang) for mid, m in source.measures.items()} if isinstance(source, Corpus) else {}


def comparison_sentence(c: Comparison, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The comparison in one sentence of HTML: the figure linked to its sentence on the
    Original text page, the earlier value with its date. Every text is escaped."""
    fig = c.figure
    key = "cmp_consistent_more_than" if c.status == CONSISTENT and fig.qualifier == "more_than" else f"cmp_{c.status}"
    href = page_url(*sentence_link(fig.id, lang))
    figure = value_words(fig.value, fig.qualifier, fig.unit, lang) if fig.qualifier != "range" else metric_caption(fig, lang)
    return t(key, lang).format(
        label=f"<b>{html_text(figure_name(fig, names, lang))}</b>",
        figure=_link(href, figure),
        last=html_text(value_words(c.last.value, c.last.qualifier, fig.unit, lang)),
        date=html_text(reading_when(c.last, lang)),
    )


def series_sentence(c: Comparison, lang: str) -> str:
    """How the series stood: old when the article came long after its last report,
    else how it moved in its last step ('had risen by 10 in 4 months, from 1,927'), the
    amount only when both reports are exact."""
    if c.months_since_last >= STALE_MONTHS:
        return t("cmp_stale", lang).format(months=months_phrase(c.months_since_last, lang))
    if c.previous is None:
        return ""
    step = round(c.last.value - c.previous.value, 6)
    if c.last.qualifier != "exact" or c.previous.qualifier != "exact":
        # "more than 674" to "more than 683": how much the count moved is not known; a rise
        # worked out from a bound or an estimate would state a number no source gave
        key = "cmp_step_unknown"
    elif step == 0:
        return t("cmp_step_none", lang).format(date=html_text(format_date(c.previous.as_of, lang)))
    else:
        key = "cmp_step_rise" if step > 0 else "cmp_step_fall"
    return t(key, lang).format(
        change=html_text(format_number(abs(step), lang)),
        months=months_phrase(whole_months(c.previous.as_of, c.last.as_of), lang),
        earlier=html_text(value_words(c.previous.value, c.previous.qualifier, c.figure.unit, lang)),
        date=html_text(format_date(c.previous.as_of, lang)),
    )


def lede_html(comparisons: Sequence[Comparison], total: int, lang: str,  # noqa: PLR0913
              parties: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> str:
    """The overview's opening: the finding in one sentence (newsdash.views.findings), how many
    figures have an earlier report, one item per comparison (at most LEDE_ITEMS), and the
    sources of the earlier values, linked. `parties` names who counts each measure, `names`
    each measure (its one name)."""
    # the finding leads, a size above the text: the one sentence a reader takes away
    finding = (f'<p class="nd-finding" style="font-size:larger;font-weight:bold">'
               f'{overview_finding(comparisons, parties or {}, lang, names)}</p>')
    if not comparisons:
        body = finding
    else:
        count = t("lede_count", lang).format(count=format_number(len(comparisons), lang),
                                             total=format_number(total, lang))
        items = "".join(f"<li>{comparison_sentence(c, lang, names)} {series_sentence(c, lang)}</li>"
                        for c in comparisons[:LEDE_ITEMS])
        more = ""
        if len(comparisons) > LEDE_ITEMS:
            more = f"<p>{html_text(t('cmp_more', lang).format(count=format_number(len(comparisons) - LEDE_ITEMS, lang)))}</p>"
        body = (f'{finding}<p>{html_text(count)}</p><ul>{items}</ul>{more}'
                f'{_sources_line(comparisons[:LEDE_ITEMS], lang)}')
    direction = ' dir="rtl" lang="ar" style="text-align:right"' if lang == "ar" else ""
    return f'<div class="nd-lede"{direction}>{body}</div>'


def _sources_line(comparisons: Sequence[Comparison], lang: str) -> str:
    sources = {c.last.source_url: c.last.source(lang) for c in comparisons if c.last.source_url}
    if not sources:  # every earlier value is another article's, named in its sentence
        return ""
    links = ("؛ " if lang == "ar" else "; ").join(
        f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{_isolated(title)}</a>'
        for url, title in sources.items())
    return f'<p class="nd-sources">{html_text(t("cmp_sources", lang))}: {links}.</p>'


# MANY FIGURES: one sortable table instead of a tile each


def figures_table(loaded: LoadedArticle, lang: str, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per figure: name, value with its unit, category, and a link to its sentence."""
    figures = loaded.article.confirmed_figures
    return pd.DataFrame({
        t("label", lang): [figure_name(f, names, lang) for f in figures],
        t("col_figure", lang): [metric_caption(f, lang) for f in figures],
        t("value", lang): [float(f.value) for f in figures],
        t("col_category", lang): [category_label(f.category, lang) for f in figures],
        t("see_in_text", lang): [page_url(*sentence_link(f.id, lang)) for f in figures],
    })


# WHAT THE PAGE CACHES: one call each, keyed by the article and the language


def article_comparisons(loaded: LoadedArticle, source: Corpus | Context) -> list[Comparison]:
    """The article's figures against the latest earlier value of their measures: the
    context rows, and with the corpus every other confirmed article's figures too."""
    return compare_article(loaded, source)


def article_lede(loaded: LoadedArticle, source: Corpus | Context, lang: str) -> str:
    """The lede of this article, as escaped HTML."""
    return lede_html(compare_article(loaded, source), len(loaded.article.confirmed_figures), lang,
                     measure_parties(source, lang), measure_names(source, lang))


def measure_parties(source: Corpus | Context, lang: str) -> dict[str, str]:
    """Who counts each measure, in words (none without the corpus's measures)."""
    if not isinstance(source, Corpus):
        return {}
    return {mid: party_name(m, source.measures, lang) for mid, m in source.measures.items()}


def small_multiples_key(loaded: LoadedArticle, source: Corpus | Context, lang: str) -> str:
    """The key to the small charts' markers, as escaped HTML."""
    from newsdash.views.small_multiples import markers_key

    return markers_key(compare_article(loaded, source)[:SMALL_MULTIPLES], lang)


def small_chart(loaded: LoadedArticle, source: Corpus | Context, figure_id: str, lang: str):  # noqa: ANN201 - FrozenFigure
    """The small chart of one comparable figure, frozen for drawing on every rerun."""
    from newsdash.views.charts import comparison_chart
    from newsdash.views.frozen_figure import freeze

    comparison = comparison_of(compare_article(loaded, source), figure_id)
    return freeze(comparison_chart(comparison, lang, measure_names(source, lang).get(comparison.measure)))
