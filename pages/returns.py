"""Returns: one chart per returns measure (data/measures.yaml), each drawing its counts and
every confirmed article's figure on it, the article's own counts as bars, what the
article says about each figure, and the sourced rows behind the charts."""

from newsdash.app.preload import start_loading_the_chart_library

start_loading_the_chart_library()  # first: the browser loads the chart library while the server works

import streamlit as st

from newsdash.app.downloads import chart_or_message
from newsdash.app.layout import caveat_banner, figure_tiles, page_link, responsive_table, text_block
from newsdash.app.state import article_flags, cached_view, page_start
from newsdash.app.url import linked_record, url_multiselect
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md
from newsdash.views import data_pages as view
from newsdash.views.links import sentence_link
from newsdash.views.overview import measure_names

CATEGORY = "returns"
lang, corpus, loaded = page_start()

# 1/ THE ARTICLE'S FIGURES, WITH THEIR QUALIFIERS
st.title(t("page_returns", lang))
caveat_banner(loaded, lang)  # once per page; every downloaded image carries it too
text_block(t("returns_intro", lang), lang)
figures = view.figures_in(loaded, CATEGORY)
charts_by_measure = {c.id: c for c in cached_view(view.page_charts, corpus, loaded, CATEGORY)}
linked_id = linked_record(loaded)
figure_tiles(figures, lang, measure_names(corpus, lang))  # or, without figures in this category, a sentence saying so

# 2/ MEASURE FILTER (IN THE URL) AND WHAT IT HIDES
every_series = list(charts_by_measure)
labels = cached_view(view.measure_labels, corpus, every_series, lang)
chosen = url_multiselect(t("filter_series", lang), every_series, key="returns_series", default=every_series,
                         lang=lang, format_func=labels.get)
if every_series:
    st.caption(md(view.filter_caption([labels[m] for m in chosen], list(labels.values()), "what_series", lang)))
for flag in view.flags_for(article_flags(corpus, loaded), chosen):
    st.warning(md(cached_view(view.flag_sentence, flag, corpus, lang)), icon=":material/warning:")

# 3/ THE CHARTS: each chosen measure's, then the article's own counts
own = view.own_charts(loaded, CATEGORY)
if not every_series and not own:
    st.info(t("no_measures_to_draw", lang), icon=":material/info:")
for measure in chosen:
    chart = charts_by_measure[measure]
    chart_or_message(loaded, chart, lang)
    for link in view.record_links(chart, loaded, lang):  # the record: other articles, to their sentences
        page_link(link.page, label=md(link.words), icon=":material/format_quote:", query_params=link.params)
for chart in own:
    chart_or_message(loaded, chart, lang)

# 4/ WHAT THE ARTICLE SAYS ABOUT EACH FIGURE (each one escaped HTML block, built once)
if figures:
    st.header(t("what_article_says", lang))
for figure in figures:
    with st.container(border=True):
        if figure.id == linked_id:
            st.info(t("linked_figure", lang), icon=":material/link:")
        st.markdown(cached_view(view.figure_said_html, loaded, figure.id, lang, measure_names(corpus, lang)),
                    unsafe_allow_html=True)
        page, params = sentence_link(figure.id, lang)
        page_link(page, label=t("see_in_text", lang), icon=":material/format_quote:", query_params=params)

# 5/ THE SOURCED CONTEXT BEHIND THE CHARTS
table = cached_view(view.returns_context_arrow, corpus, chosen, lang)
if table.num_rows:
    st.header(t("context_table", lang))
    row_height = cached_view(view.returns_context_row_height, corpus, chosen, lang)  # long text wraps whole
    columns = {name: {"width": width} for name, width in view.returns_grid_widths(lang).items()}  # all inside the page
    columns[t("col_link", lang)] = st.column_config.LinkColumn(width=columns[t("col_link", lang)]["width"],
                                                               display_text=view.SITE_NAME)
    responsive_table("returns_context", table, cached_view(view.returns_context_cards, corpus, chosen, lang),
                     hide_index=True, height=38 + (row_height or 35) * table.num_rows, row_height=row_height,
                     column_config=columns)
