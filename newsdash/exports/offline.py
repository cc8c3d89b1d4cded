"""The whole dashboard as one self-contained HTML file that opens from disk with no network.

Both languages in one file, with a switch (no server): the story (the headline, the
source, the caveat and the Overview's sentences), the small multiples and every page's
charts (interactive: plotly.js inside the file once, each chart as JSON, one script draws
them), every figure and date with its source (who, when, where, the verbatim quote, the
editors' translation) linked to its sentence, the original text with each sentence
marked and linked back, the method and the credit.

Built from the pure views the pages use (newsdash.views.*), never by scraping the app.
Every text is escaped: the views escape theirs, this module escapes its own. Links the
views make to the app's pages (a sentence, a chart) are turned into anchors in the file.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import plotly
import plotly.graph_objects as go
import plotly.io as pio

from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.method import Method
from newsdash.exports.offline_page import PAGE_CSS, PAGE_JS
from newsdash.reading.formatting import format_date
from newsdash.reading.i18n import LANGS, t
from newsdash.textsafety import html_text
from newsdash.views import charts as chart_views
from newsdash.views import data_pages, overview
from newsdash.views import original_text as text_views
from newsdash.views.data_method import credit_line
from newsdash.views.links import PAGE_OF_CATEGORY, TIMELINE_PAGE, chart_link, sentence_link

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
SIZE_BUDGET = 5 * 1024 * 1024  # bytes: small enough to send by email


@dataclass(frozen=True)
class OfflineChart:
    """One chart of the file: where it is (an anchor), its words, its figure as JSON."""

    anchor: str
    figure_json: dict
    heading_html: str = ""
    footer_html: str = ""
    alt: str = ""
    config: dict | None = None


# 1/ ANCHORS: every place a link of the file can land


def anchor(lang: str, kind: str, ident: str) -> str:
    """'ar-q-<record id>': unique in the file, one per language."""
    return f"{lang}-{kind}-{ident}"


def _prefixed_ids(markup: str, lang: str) -> str:
    """The Original text view's ids (q-<record>, note-<id>) made unique per language.

    The views escape every text (a '"' becomes &quot;), so 'id="' only starts a tag's
    attribute, never data."""
    return re.sub(r'\b(id|href)="(#?)(q|note)-', lambda m: f'{m[1]}="{m[2]}{lang}-{m[3]}-', markup)


def _in_file_links(markup: str, loaded: LoadedArticle, lang: str, chart_anchors: dict[str, str]) -> str:
    """Each link a view made to the app's pages, for a record of this article, turned into
    the anchor of the same place in the file: its sentence, or its chart."""
    for record in text_views.record_ids(loaded):
        sentence = html.escape(text_views.page_url(*sentence_link(record, lang)))
        markup = markup.replace(f'href="{sentence}"', f'href="#{anchor(lang, "q", record)}"')
        to_chart = html.escape(text_views.page_url(*chart_link(loaded, record, lang)))
        target = chart_anchors.get(record, anchor(lang, "record", record))
        markup = markup.replace(f'href="{to_chart}"', f'href="#{target}"')
    return markup


# 2/ THE CHARTS, AS THE PAGES DRAW THEM


def figure_json(fig: go.Figure) -> dict:
    """The figure as Plotly's JSON (numbers, dates and text as Plotly reads them)."""
    return json.loads(pio.to_json(fig, validate=False, pretty=False))


def page_charts(corpus: Corpus, loaded: LoadedArticle) -> list[tuple[str, list]]:
    """(page title key, charts) in the order of the app's pages: each category page's
    measure charts and the article's own, then the timeline with its default layers."""
    pages = []
    for category, page in PAGE_OF_CATEGORY.items():
        if page == TIMELINE_PAGE:
            continue
        charts = [*data_pages.page_charts(corpus, loaded, category), *data_pages.own_charts(loaded, category)]
        pages.append((f"page_{Path(page).stem}", [(c, {}) for c in charts]))
    timelines = data_pages.charts_of_kind(loaded, "timeline")[:1]
    pages.append(("page_timeline", [(c, {"layers": list(data_pages.DEFAULT_LAYERS)}) for c in timelines]))
    return pages


def offline_chart(corpus: Corpus, loaded: LoadedArticle, chart, lang: str, filters: dict) -> OfflineChart | None:  # noqa: ANN001
    """A page's chart as the page shows it (words as HTML, the plot as JSON); None when it
    has nothing to draw (the page says so in a sentence, which the file leaves out)."""
    if chart_views.empty_message(loaded, corpus, chart.id, lang, **filters):
        return None
    screen = chart_views.screen_chart(chart_views.build_chart(loaded, corpus, chart.id, lang, **filters),
                                      chart.kind, lang, copy=False)
    return OfflineChart(anchor(lang, "chart", chart.id), figure_json(screen.figure), screen.heading_html,
                        screen.footer_html, chart_views.alt_text(chart, loaded, lang),
                        chart_views.plotly_config(chart, loaded, lang))


def small_charts(corpus: Corpus, loaded: LoadedArticle, lang: str) -> list[OfflineChart]:
    """The Overview's small multiples: one per figure with an earlier report."""
    comparisons = overview.article_comparisons(loaded, corpus)[: overview.SMALL_MULTIPLES]
    return [OfflineChart(anchor(lang, "small", c.figure.id), figure_json(chart_views.comparison_chart(c, lang)),
                         config={"displayModeBar": False})
            for c in comparisons]


def _shared_template(charts: Iterable[OfflineChart]) -> dict:
    """The Plotly template every chart uses (plotly_white, about 7 kB), taken out of each
    chart's JSON to sit in the file once; a chart with another template keeps its own."""
    shared: dict | None = None
    for chart in charts:
        template = chart.figure_json.get("layout", {}).get("template")
        if template is None:
            continue
        if shared is None:
            shared = template
        if template == shared:
            del chart.figure_json["layout"]["template"]
    return shared or {}


# 3/ THE PARTS OF ONE LANGUAGE


def _figure_html(chart: OfflineChart) -> str:
    config = html.escape(json.dumps(chart.config or {}), quote=True)
    described = f' aria-describedby="{chart.anchor}-alt"' if chart.alt else ""
    alt = f'<p class="nd-sr" id="{chart.anchor}-alt">{html_text(chart.alt)}</p>' if chart.alt else ""
    return (f'<figure class="nd-figure" id="{chart.anchor}">{chart.heading_html}'
            f'<div class="nd-plot" data-chart="{chart.anchor}" data-config="{config}"{described}></div>'
            f'{alt}{chart.footer_html}</figure>')


def _records_html(loaded: LoadedArticle, lang: str, chart_anchors: dict[str, str],
                  names: dict[str, str] | None = None) -> str:
    """A card per figure and date: the facts the Original text page's card gives (who,
    what, the verbatim quote, the translation, the outlet and date), the link to its
    sentence and to its chart; its sentence links back here."""
    cards = []
    for record in text_views.record_ids(loaded):
        rows = []
        for label, text in text_views.record_facts(loaded, record, lang, names):
            value = html_text(text)
            if label == t("quote", lang):  # the source's words, in the source's language and direction
                value = f'<bdi dir="rtl" lang="ar">{value}</bdi>'
            rows.append(f"<dt>{html_text(label)}</dt><dd>{value}</dd>")
        links = [f'<a href="#{anchor(lang, "q", record)}">{html_text(t("offline_to_sentence", lang))}</a>']
        if record in chart_anchors:
            links.append(f'<a href="#{chart_anchors[record]}">{html_text(t("offline_to_chart", lang))}</a>')
        cards.append(f'<article class="nd-record" id="{anchor(lang, "record", record)}"><dl>{"".join(rows)}</dl>'
                     f'<p class="nd-links">{"".join(links)}</p></article>')
    return f'<div class="nd-records">{"".join(cards)}</div>'


def article_text_html(loaded: LoadedArticle, lang: str, names: dict[str, str] | None = None) -> str:
    """The Original text page's article (text_views), each mark's link pointing back to its
    record's card in this file, and its ids made unique per language."""
    marks = [replace(m, href=f"#note-{m.record_id}" if m.kind == "note" else f"#{anchor(lang, 'record', m.record_id)}")
             for m in text_views.article_marks(loaded, lang, names)]
    originals = loaded.paragraphs_original
    starts = text_views.paragraph_starts(originals)
    places = text_views.note_places(loaded)
    heads = "".join(f'<div class="nd-head">{html_text(t(key, lang))}</div>' for key in ("col_original", "col_translation"))
    parts = [heads, *(text_views.note_html(n, lang) for n in places.get(None, []))]
    for index, (original, paragraph) in enumerate(zip(originals, loaded.article.paragraphs, strict=True)):
        if paragraph.boilerplate:
            parts.append(text_views.boilerplate_label(paragraph, lang))
        local = text_views.shifted(marks, starts[index], len(original))
        parts.append(text_views.paragraph_html(index, original, paragraph, local, None, loaded))
        parts += [text_views.note_html(n, lang) for n in places.get(index, [])]
    markup = f'<div class="nd-text" dir="{"rtl" if lang == "ar" else "ltr"}">{"".join(parts)}</div>'
    return _prefixed_ids(markup, lang).replace(' id="p-', f' id="{lang}-p-')


def _method_html(method: Method | None, lang: str) -> str:
    if method is None:
        return ""
    steps = "".join(f"<h3>{html_text(step.heading.get(lang))}</h3><p>{html_text(step.text.get(lang))}</p>"
                    for step in method.steps)
    return f'<h2 id="{anchor(lang, "part", "method")}">{html_text(method.title.get(lang))}</h2>{steps}'


def _toc(lang: str, parts: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#{anchor(lang, "part", part)}">{html_text(words)}</a></li>' for part, words in parts)
    return f'<nav class="nd-toc" aria-label="{html.escape(t("offline_contents", lang))}"><ul>{items}</ul></nav>'


def language_section(corpus: Corpus, loaded: LoadedArticle, method: Method | None, lang: str,
                     made_on: str) -> tuple[str, list[OfflineChart]]:
    """One language's half of the file, and the charts it draws."""
    info = loaded.article.article
    small = small_charts(corpus, loaded, lang)
    drawn: list[OfflineChart] = [*small]
    chart_anchors: dict[str, str] = {}
    pages_html = []
    for title_key, charts in page_charts(corpus, loaded):
        made = [(chart, offline_chart(corpus, loaded, chart, lang, filters)) for chart, filters in charts]
        made = [(chart, done) for chart, done in made if done is not None]
        if not made:
            continue
        for chart, done in made:
            drawn.append(done)
            for record in chart.figures:
                chart_anchors.setdefault(record, done.anchor)
        pages_html.append(f"<h3>{html_text(t(title_key, lang))}</h3>" + "".join(_figure_html(d) for _, d in made))
    if any(c.kind == "timeline" for c in loaded.article.charts):  # every date is drawn on the timeline
        timeline = anchor(lang, "chart", data_pages.charts_of_kind(loaded, "timeline")[0].id)
        for event in loaded.article.events:
            chart_anchors.setdefault(event.id, timeline)

    lede = _in_file_links(overview.article_lede(loaded, corpus, lang), loaded, lang, chart_anchors)
    parts = [("story", t("offline_story", lang)), ("charts", t("offline_charts", lang)),
             ("records", t("offline_records", lang)), ("text", t("page_original", lang))]
    if method is not None:
        parts.append(("method", method.title.get(lang)))
    direction = "rtl" if lang == "ar" else "ltr"
    body = "".join([
        _toc(lang, parts),
        f"<h1>{html_text(info.title.get(lang))}</h1>",
        f'<p class="nd-meta">{html_text(overview.source_line(info, lang))}</p>',
        f'<p class="nd-caveat" role="note"><b>{html_text(t("caveat_title", lang))}.</b> '
        f"{html_text(info.claim_caveat.get(lang))}</p>",
        f'<h2 id="{anchor(lang, "part", "story")}">{html_text(t("lede_heading", lang))}</h2>', lede,
        (f"<h3>{html_text(t('small_multiples_heading', lang))}</h3>"
         f'<div class="nd-grid">{"".join(_figure_html(c) for c in small)}</div>') if small else "",
        f'<h2 id="{anchor(lang, "part", "charts")}">{html_text(t("offline_charts", lang))}</h2>', *pages_html,
        f'<h2 id="{anchor(lang, "part", "records")}">{html_text(t("offline_records", lang))}</h2>',
        _records_html(loaded, lang, chart_anchors, overview.measure_names(corpus, lang)),
        f'<h2 id="{anchor(lang, "part", "text")}">{html_text(t("page_original", lang))}</h2>',
        f'<p class="nd-meta">{html_text(t("original_intro", lang))}</p>',
        article_text_html(loaded, lang, overview.measure_names(corpus, lang)),
        _method_html(method, lang),
        f'<footer class="nd-credit"><p>{html_text(credit_line(method, lang))}</p>'
        f"<p>{html_text(t('offline_made', lang).format(date=format_date(made_on, lang)))}</p></footer>",
    ])
    title = f"{info.title.get(lang)} · {t('app_title', lang)}"
    section = (f'<section class="nd-lang" lang="{lang}" dir="{direction}" data-title="{html.escape(title)}">'
               f"{body}</section>")
    return section, drawn


# 4/ THE FILE


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element: no '<' (so no '</script>'), no line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def offline_html(corpus: Corpus, loaded: LoadedArticle, method: Method | None = None,
                 made_on: str | None = None) -> str:
    """The whole dashboard of one article, both languages, as one HTML document."""
    made_on = made_on or date.today().isoformat()
    sections, drawn = [], []
    for lang in LANGS:
        section, charts = language_section(corpus, loaded, method, lang, made_on)
        sections.append(section)
        drawn += charts
    template = _shared_template(drawn)
    charts_json = {chart.anchor: chart.figure_json for chart in drawn}
    switch = "".join(f'<button type="button" data-lang="{lang}" lang="{lang}" aria-pressed="{str(lang == "en").lower()}">'
                     f'{html_text({"en": "English", "ar": "العربية"}[lang])}</button>' for lang in LANGS)
    info = loaded.article.article
    title = f"{info.title.get('en')} · {t('app_title', 'en')}"
    config = {"displaylogo": False, "responsive": True, "modeBarButtons": [list(chart_views.MODEBAR_BUTTONS)]}
    return "".join([
        '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="color-scheme" content="light dark">\n',
        f"<title>{html.escape(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n",
        f'<div class="nd-bar" role="group" aria-label="Language / اللغة">{switch}</div>\n',
        f'<noscript><p lang="en">{html_text(t("offline_no_script", "en"))}</p>'
        f'<p lang="ar" dir="rtl">{html_text(t("offline_no_script", "ar"))}</p></noscript>\n',
        "\n".join(sections),
        f'\n<script type="application/json" id="nd-charts">{_script_json(charts_json)}</script>',
        f'\n<script type="application/json" id="nd-template">{_script_json(template)}</script>',
        f'\n<script type="application/json" id="nd-config">{_script_json(config)}</script>',
        f'\n<script type="application/octet-stream" id="nd-plotly">{packed_plotly_js()}</script>',
        f"\n<script>{PAGE_JS}</script>\n</body>\n</html>\n",
    ])


def packed_plotly_js() -> str:
    """plotly.js as the plotly package ships it, gzipped, in base64 (no '<' in it): the
    file's script unpacks it in the browser (newsdash.exports.offline_page)."""
    return base64.b64encode(gzip.compress(PLOTLY_JS.read_bytes(), compresslevel=9, mtime=0)).decode("ascii")


def offline_bytes(corpus: Corpus, loaded: LoadedArticle, method: Method | None = None,
                  made_on: str | None = None) -> bytes:
    return offline_html(corpus, loaded, method, made_on).encode("utf-8")


def offline_name(loaded: LoadedArticle) -> str:
    """'2021-12-29-sputnik-rudenko-karabakh_dashboard.html'."""
    return f"{loaded.id}_dashboard.html"
