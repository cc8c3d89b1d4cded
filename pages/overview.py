"""Overview: the headline, the source card, what is new in the article and what is not
(in words, then one small chart per figure with an earlier report), the article's
figures, the caveat."""

from newsdash.app.preload import start_loading_the_chart_library

start_loading_the_chart_library()  # first: the browser loads the chart library while the server works

import streamlit as st

from newsdash.app.downloads import measure_downloads
from newsdash.app.layout import page_link, text_block
from newsdash.app.state import cached_view, page_start
from newsdash.reading.formatting import format_number
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md  # data text shown as Markdown stays literal
from newsdash.views import overview as view
from newsdash.views.links import sentence_link
from newsdash.views.review import article_corrections

lang, corpus, loaded = page_start()

# 1/ HEADLINE AND SOURCE
info = loaded.article.article
st.title(md(info.title.get(lang)))
if info.language != lang:  # the headline as the source wrote it, in its own language and direction
    text_block(info.title_original, info.language)
st.caption(md(view.source_line(info, lang)))

# 2/ THE CAVEAT, AND EVERY CORRECTION MADE SINCE THE ARTICLE WAS FIRST APPROVED
st.warning(f"**{t('caveat_title', lang)}.** {md(info.claim_caveat.get(lang))}")
for correction in cached_view(article_corrections, corpus, loaded.id, lang):
    st.info(md(correction), icon=":material/edit_note:")

# 3/ THE LEDE: each figure against the latest earlier report of its series, in words,
# every number linked to its sentence (escaped HTML, built once per data state)
st.header(t("lede_heading", lang))
st.html(cached_view(view.article_lede, loaded, corpus, lang))

# 4/ SMALL MULTIPLES: one small chart per figure with an earlier report
comparisons = cached_view(view.article_comparisons, loaded, corpus)[: view.SMALL_MULTIPLES]
if comparisons:
    st.subheader(t("small_multiples_heading", lang))
    st.html(cached_view(view.small_multiples_key, loaded, corpus, lang))  # what each marker means
    for row in view.in_rows(comparisons, 2):  # row by row, so a phone stacks them in order
        for column, comparison in zip(st.columns(2), row, strict=False):
            with column:
                st.plotly_chart(cached_view(view.small_chart, loaded, corpus, comparison.figure.id, lang),
                                key=f"overview_small_{comparison.figure.id}", config={"displayModeBar": False})
                measure_downloads(loaded, comparison.chart_id, lang)  # the measure's chart as files

# 5/ FIGURES: a tile each, with its unit; a sortable table when there are too many
st.header(t("headline_figures", lang))
if view.shows_table(loaded):
    st.caption(t("figures_table_intro", lang).format(count=format_number(len(loaded.article.confirmed_figures), lang)))
    st.dataframe(cached_view(view.figures_table, loaded, lang, view.measure_names(corpus, lang)), hide_index=True,
                 key="overview_figures",
                 column_config={t("see_in_text", lang): st.column_config.LinkColumn(display_text=t("see_in_text", lang)),
                                t("value", lang): st.column_config.NumberColumn(format="%g")})
else:
    names = view.measure_names(corpus, lang)  # a figure on a measure goes by the measure's one name
    for category, figures in view.figures_by_category(loaded).items():
        st.subheader(view.category_heading(category, lang))
        for row in view.in_rows(figures, 3):
            for column, fig in zip(st.columns(3), row, strict=False):
                with column, st.container(key=f"figure_tile_{fig.id}"):
                    st.metric(md(view.figure_name(fig, names, lang)), md(view.tile_value(fig, lang)),
                              help=md(view.metric_help(fig, lang)), border=True)
                    page, params = sentence_link(fig.id, lang)
                    page_link(page, label=t("see_in_text", lang), icon=":material/format_quote:",
                              query_params=params)

# 6/ WHERE TO GO NEXT
st.divider()
for path, key in view.PAGE_LINKS:
    page_link(path, label=t(key, lang), query_params={"lang": lang})
