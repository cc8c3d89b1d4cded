"""Ceasefire timeline: the article's dates at the precision it gives them, the fighting
and the demining period as spans, and an optional layer of context events."""

from newsdash.app.preload import start_loading_the_chart_library

start_loading_the_chart_library()  # first: the browser loads the chart library while the server works

import streamlit as st

from newsdash.app.downloads import chart_or_message
from newsdash.app.layout import caveat_banner, text_block
from newsdash.app.state import cached_view, chart_rows, page_start
from newsdash.app.url import linked_record, url_multiselect, url_select_range
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md
from newsdash.views import charts
from newsdash.views import data_pages as view

lang, corpus, loaded = page_start(require_article=False)  # no article or no timeline: one message
timelines = view.charts_of_kind(loaded, "timeline") if loaded else []
if not timelines:  # no article, or an article with no timeline of its own: said in words
    st.title(t("page_timeline", lang))
    st.info(t("no_timeline" if loaded else "no_articles", lang), icon=":material/info:")
    st.stop()
chart = timelines[0]

# 1/ TITLE
st.title(t("page_timeline", lang))
caveat_banner(loaded, lang)  # once per page; every downloaded image carries it too
text_block(t("timeline_intro", lang), lang)

# 2-4/ FILTERS, CHART AND LIST: a fragment, so changing a filter reruns this part only
@st.fragment
def filters_chart_and_list() -> None:
    # 2/ FILTERS: LAYERS AND A RANGE OF MONTHS, BOTH IN THE URL
    layers = view.layer_options()
    chosen_layers = url_multiselect(t("filter_layers", lang), layers, key="timeline_layers",
                                    default=view.DEFAULT_LAYERS, lang=lang,
                                    format_func=lambda layer: view.layer_name(layer, lang))

    months, month_names = cached_view(view.timeline_months, loaded, corpus.context, chart.id, lang)
    whole = [months[0], months[-1]]
    first, last = url_select_range(t("filter_dates", lang), months, key="timeline_range", lang=lang,
                                   format_func=month_names.get)

    filtered_dates = [first, last] != whole
    filters = {"layers": chosen_layers, **({"date_from": first, "date_to": last} if filtered_dates else {})}
    frame = chart_rows(loaded, chart.id, lang, **filters)
    in_layers = chart_rows(loaded, chart.id, lang, layers=chosen_layers)
    st.caption(md(view.filter_caption([view.layer_name(x, lang) for x in chosen_layers],
                                    [view.layer_name(x, lang) for x in layers], "what_layers", lang)))
    st.caption(view.dates_caption(first, last, months, len(in_layers) - len(frame), len(in_layers), lang))

    # 3/ THE CHART
    tag = charts.timeline_filter_tag(chosen_layers, *((first, last) if filtered_dates else (None, None)))
    chart_or_message(loaded, chart, lang, tag, filters)

    # 4/ THE DATES LISTED, WITH THEIR PRECISION AND QUOTES: one escaped HTML panel, each
    # date with its link to the sentence, the dates divided by rules
    linked_id = linked_record(loaded)
    article_layers = [x for x in chosen_layers if x != "context_events"]
    listed = cached_view(view.dated_list_html, loaded, corpus.context, chart.id, lang, article_layers, linked_id,
                         **filters)
    if listed:
        st.header(t("events_list", lang))
        st.markdown(listed, unsafe_allow_html=True)

    if "context_events" in chosen_layers:
        st.header(t("context_events_list", lang))
        st.markdown(cached_view(view.context_events_html, loaded, corpus.context, chart.id, lang, **filters),
                    unsafe_allow_html=True)


filters_chart_and_list()
