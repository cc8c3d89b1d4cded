"""Original text: the Arabic article right to left beside its English translation,
every figure and date highlighted; the selected one is scrolled to and shown on a card."""

import streamlit as st

from newsdash.app import page_scripts
from newsdash.app.layout import page_link
from newsdash.app.state import cached_view, page_start
from newsdash.app.url import url_selectbox
from newsdash.reading.i18n import t
from newsdash.views import original_text as hl
from newsdash.views.links import chart_link
from newsdash.views.overview import measure_names

lang, corpus, loaded = page_start()
names = measure_names(corpus, lang)  # a figure on a measure goes by the measure's one name

# 1/ TITLE AND HOW TO READ THE PAGE
st.title(t("page_original", lang))
st.caption(t("original_intro", lang))

# 2/ WHICH RECORD TO HIGHLIGHT: in the URL as ?fig=<id>, so a link can point at a sentence
options = ["", *hl.record_ids(loaded)]
selected = url_selectbox(
    t("select_record", lang), options, key="fig", default="", lang=lang,
    format_func=lambda rid: hl.record_label(loaded, rid, lang, names) if rid else t("no_selection", lang),
)

# 3/ THE SELECTED RECORD: what it says, where it stands, and its chart
if selected:
    with st.container(border=True, key="original_card"):
        st.html(hl.card_html(loaded, selected, lang, names))
        page, params = chart_link(loaded, selected, lang)
        page_link(page, label=t("open_chart", lang), icon=":material/bar_chart:", query_params=params)

# 4/ THE ARTICLE, PARAGRAPH BY PARAGRAPH, AND A SCROLL TO THE SELECTED QUOTE
st.html(hl.CSS)
st.html(cached_view(hl.article_html, loaded, lang, selected or None, names))
if selected:
    page_scripts.draw(page_scripts.SCROLL_TO_SELECTED)
