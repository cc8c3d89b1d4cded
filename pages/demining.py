"""Demining progress: one chart per demining measure (data/measures.yaml), each drawing
the Russian defence ministry's running totals and every confirmed article's figure on
it, the chosen article's emphasised."""

from newsdash.app.preload import start_loading_the_chart_library

start_loading_the_chart_library()  # first: the browser loads the chart library while the server works

from contextlib import nullcontext

import streamlit as st

from newsdash.app.downloads import chart_or_message
from newsdash.app.layout import caveat_banner, figure_tiles, page_link, text_block
from newsdash.app.state import article_flags, cached_view, page_start
from newsdash.app.url import linked_record, url_multiselect
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md
from newsdash.views import data_pages as view
from newsdash.views.links import sentence_link
from newsdash.views.overview import measure_names

CATEGORY = "demining"
lang, corpus, loaded = page_start()

# 1/ THE ARTICLE'S FIGURES, WITH THEIR QUALIFIERS
st.title(t("page_demining", lang))
caveat_banner(loaded, lang)  # once per page; every downloaded image carries it too
text_block(t("demining_intro", lang), lang)
figures = view.figures_in(loaded, CATEGORY)
charts_by_measure = {c.id: c for c in cached_view(view.page_charts, corpus, loaded, CATEGORY)}
linked = view.linked_chart(loaded, list(charts_by_measure.values()), linked_record(loaded))
figure_tiles(figures, lang, measure_names(corpus, lang))  # or, without figures in this category, a sentence saying so


# 2-4/ THE FILTER, ITS WARNINGS AND THE CHARTS: a fragment, so changing the filter
# reruns and redraws this part only, not the figures above it
@st.fragment
def measures_and_charts() -> None:
    # 2/ MEASURE FILTER (IN THE URL) AND WHAT IT HIDES
    measures = list(charts_by_measure)
    if not measures:
        st.info(t("no_measures_to_draw", lang), icon=":material/info:")
        return
    labels = cached_view(view.measure_labels, corpus, measures, lang)
    chosen = url_multiselect(t("filter_measures", lang), measures, key="demining_measures", default=measures,
                             lang=lang, format_func=labels.get)
    st.caption(md(view.filter_caption([labels[m] for m in chosen], list(labels.values()), "what_measures", lang)))

    # 3/ WARNINGS: AN ARTICLE TOTAL BELOW AN EARLIER REPORT
    for flag in view.flags_for(article_flags(corpus, loaded), chosen):
        st.warning(md(cached_view(view.flag_sentence, flag, corpus, lang)), icon=":material/warning:")

    # 4/ ONE CHART PER CHOSEN MEASURE, THE LINKED ONE FIRST
    if linked is not None and linked.id not in chosen:
        st.info(t("linked_hidden", lang).format(label=md(labels[linked.id])))
    shown = [charts_by_measure[m] for m in chosen]
    for chart in view.highlighted_first(shown, linked):
        with st.container(border=True) if chart is linked else nullcontext():  # a frame for the linked one only
            if chart is linked:
                st.info(t("linked_figure", lang), icon=":material/link:")
            chart_or_message(loaded, chart, lang)
            for figure in view.figures_of(loaded, chart):
                if notes := view.notes_on(loaded, figure.id, lang):
                    st.caption("\n\n".join(md(note) for note in notes))
                page, params = sentence_link(figure.id, lang)
                page_link(page, label=t("see_in_text", lang), icon=":material/format_quote:", query_params=params)
            for link in view.record_links(chart, loaded, lang):  # the record: other articles, to their sentences
                page_link(link.page, label=md(link.words), icon=":material/format_quote:", query_params=link.params)


measures_and_charts()
