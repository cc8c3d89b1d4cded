"""Returns: refugees returned and people helped home by side, what the article says
about each group, and what others counted."""

import streamlit as st

from newsdash.app.downloads import chart_or_message
from newsdash.app.layout import caveat_banner, page_link, text_block
from newsdash.app.state import article_flags, cached_view, page_start
from newsdash.app.url import linked_record, url_multiselect
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md
from newsdash.views import data_pages as view
from newsdash.views import overview
from newsdash.views.charts import returns_measures
from newsdash.views.links import sentence_link

lang, corpus, loaded = page_start()

# 1/ THE FIGURES, WITH THEIR QUALIFIERS
st.title(t("page_returns", lang))
caveat_banner(loaded, lang)  # once per page; every downloaded image carries it too
text_block(t("returns_intro", lang), lang)
series_chart, bars_chart = view.chart_of(loaded, "chart_refugees"), view.chart_of(loaded, "chart_helped_home")
figures = view.figures_of(loaded, series_chart) + view.figures_of(loaded, bars_chart)
linked_id = linked_record(loaded)
st.html(overview.TILE_CSS)  # a value with its unit wraps instead of being cut
for column, figure in zip(st.columns(len(figures)), figures, strict=True):
    with column:
        st.metric(md(figure.label.get(lang)), md(overview.tile_value(figure, lang)),  # the unit in the value
                  help=md(overview.metric_help(figure, lang)), border=True)

# 2/ CONTEXT SERIES FILTER (IN THE URL) AND WHAT IT HIDES
every_series = returns_measures(corpus.context)
chosen = url_multiselect(t("filter_series", lang), every_series, key="returns_series", default=every_series,
                         lang=lang, format_func=lambda m: view.returns_series_label(m, lang))
st.caption(md(view.filter_caption([view.returns_series_label(m, lang) for m in chosen],
                                [view.returns_series_label(m, lang) for m in every_series], "what_series", lang)))
for flag in view.flags_for(article_flags(corpus, loaded), chosen):
    st.warning(md(cached_view(view.flag_sentence, flag, loaded, corpus.context, lang)), icon=":material/warning:")

# 3/ THE CHARTS
for chart, filters in ((series_chart, {"series": chosen}), (bars_chart, {})):
    tag = "" if len(chosen) == len(every_series) or not filters else "-".join(c.split("_")[0] for c in chosen)
    chart_or_message(loaded, chart, lang, tag, filters)

# 4/ WHAT THE ARTICLE SAYS ABOUT EACH GROUP (each one escaped HTML block, built once)
st.header(t("what_article_says", lang))
for figure in figures:
    with st.container(border=True):
        if figure.id == linked_id:
            st.info(t("linked_figure", lang), icon=":material/link:")
        st.markdown(cached_view(view.figure_said_html, loaded, figure.id, lang), unsafe_allow_html=True)
        page, params = sentence_link(figure.id, lang)
        page_link(page, label=t("see_in_text", lang), icon=":material/format_quote:", query_params=params)

# 5/ THE SOURCED CONTEXT BEHIND THE CHART
st.header(t("context_table", lang))
table = cached_view(view.returns_context_arrow, corpus.context, chosen, lang)
st.dataframe(table, hide_index=True, height=38 + 35 * table.num_rows,
             column_config={t("col_link", lang): st.column_config.LinkColumn()})
