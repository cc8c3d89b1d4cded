"""Demining progress: the article's four figures, each on its own chart and unit,
against the Russian defence ministry's running totals."""

from contextlib import nullcontext

import streamlit as st

from newsdash.app.downloads import chart_or_message
from newsdash.app.layout import caveat_banner, page_link, text_block
from newsdash.app.state import article_flags, cached_view, page_start
from newsdash.app.url import linked_record, url_multiselect
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md
from newsdash.views import data_pages as view
from newsdash.views import overview
from newsdash.views.links import sentence_link

lang, corpus, loaded = page_start()

# 1/ THE FOUR FIGURES, WITH THEIR QUALIFIERS
st.title(t("page_demining", lang))
caveat_banner(loaded, lang)  # once per page; every downloaded image carries it too
text_block(t("demining_intro", lang), lang)
charts_by_measure = view.measure_charts(loaded)
linked = view.linked_chart(loaded, list(charts_by_measure.values()), linked_record(loaded))
st.html(overview.TILE_CSS)  # a value with its unit wraps instead of being cut
columns = st.columns(max(len(charts_by_measure), 1))
for column, chart in zip(columns, charts_by_measure.values(), strict=False):
    figure = view.figures_of(loaded, chart)[0]
    with column:
        st.metric(md(figure.label.get(lang)), md(overview.tile_value(figure, lang)),  # the unit in the value
                  help=md(overview.metric_help(figure, lang)), border=True)

# 2-4/ THE FILTER, ITS WARNINGS AND THE CHARTS: a fragment, so changing the filter
# reruns and redraws this part only, not the figures above it
@st.fragment
def measures_and_charts() -> None:
    # 2/ MEASURE FILTER (IN THE URL) AND WHAT IT HIDES
    measures = list(charts_by_measure)
    chosen = url_multiselect(t("filter_measures", lang), measures, key="demining_measures", default=measures,
                             lang=lang, format_func=lambda m: view.measure_label(loaded, m, lang))
    st.caption(md(view.filter_caption([view.measure_label(loaded, m, lang) for m in chosen],
                                    [view.measure_label(loaded, m, lang) for m in measures], "what_measures", lang)))

    # 3/ WARNINGS: AN ARTICLE TOTAL BELOW AN EARLIER REPORT
    for flag in view.flags_for(article_flags(corpus, loaded), chosen):
        st.warning(md(cached_view(view.flag_sentence, flag, loaded, corpus.context, lang)), icon=":material/warning:")

    # 4/ ONE CHART PER CHOSEN MEASURE, THE LINKED ONE FIRST
    if linked is not None and linked.context_measure not in chosen:
        st.info(t("linked_hidden", lang).format(label=md(view.measure_label(loaded, linked.context_measure, lang))))
    shown = [charts_by_measure[m] for m in chosen]
    for chart in view.highlighted_first(shown, linked):
        figure = view.figures_of(loaded, chart)[0]
        with st.container(border=True) if chart is linked else nullcontext():  # a frame for the linked one only
            if chart is linked:
                st.info(t("linked_figure", lang), icon=":material/link:")
            chart_or_message(loaded, chart, lang)
            if notes := view.notes_on(loaded, figure.id, lang):
                st.caption("\n\n".join(md(note) for note in notes))
            page, params = sentence_link(figure.id, lang)
            page_link(page, label=t("see_in_text", lang), icon=":material/format_quote:", query_params=params)


measures_and_charts()
