"""Overview: the headline, the source card, the article's figures, the caveat."""

import streamlit as st

from newsdash import overview as view
from newsdash.i18n import t
from newsdash.links import sentence_link
from newsdash.textsafety import md_escape as md  # data text shown as Markdown stays literal
from newsdash.widgets import page_link, page_start, text_block

lang, corpus, loaded = page_start()

# 1/ HEADLINE AND SOURCE
info = loaded.article.article
st.title(md(info.title.get(lang)))
if lang == "en":
    text_block(info.title_original, "ar")
st.caption(md(view.source_line(info, lang)))

# 2/ THE CAVEAT
st.warning(f"**{t('caveat_title', lang)}.** {md(info.claim_caveat.get(lang))}")

# 3/ FIGURES, BY CATEGORY
st.header(t("headline_figures", lang))
for category, figures in view.figures_by_category(loaded).items():
    st.subheader(view.category_heading(category, lang))
    for index, fig in enumerate(figures):
        if index % 3 == 0:  # a row of columns at a time: on a phone the tiles stack in reading order
            columns = st.columns(3)
        with columns[index % 3]:
            st.metric(md(fig.label.get(lang)), view.metric_value(fig, lang), help=md(view.metric_help(fig, lang)), border=True)
            st.caption(md(view.metric_caption(fig, lang)))
            page, params = sentence_link(fig.id, lang)
            page_link(page, label=t("see_in_text", lang), icon=":material/format_quote:", query_params=params)

# 4/ WHERE TO GO NEXT
st.divider()
for path, key in view.PAGE_LINKS:
    page_link(path, label=t(key, lang), query_params={"lang": lang})
