"""Data & method: every figure, date and context row with its provenance, how the data
was curated, the validation status, the flags and the editors' notes."""

import streamlit as st

from newsdash.app.downloads import press_kit_download
from newsdash.app.layout import responsive_table, text_block
from newsdash.app.offline_download import offline_download
from newsdash.app.state import (
    article_flags,
    cached_view,
    method_text,
    page_start,
    provenance_rows,
    provenance_table,
)
from newsdash.app.url import url_multiselect
from newsdash.data.corpus import data_dir
from newsdash.errors import for_readers
from newsdash.reading.formatting import digits_for
from newsdash.reading.i18n import t
from newsdash.textsafety import code_span
from newsdash.textsafety import md_escape as md  # data text shown as Markdown stays literal
from newsdash.views import data_method as view
from newsdash.views import original_text as hl
from newsdash.views import review as review_view
from newsdash.views.data_pages import flag_sentence

lang, corpus, loaded = page_start(require_article=False)  # the method and errors show without one


# 1/ TITLE
st.title(t("page_method", lang))
st.caption(t("method_intro", lang))

# 2/ ONE TABLE OF EVERY ROW, FILTERED BY KIND AND CATEGORY (both in the URL)
st.header(t("table_heading", lang))
frame = provenance_table(loaded, lang)
all_kinds, all_categories = list(view.KINDS), view.categories(frame)
left, right = st.columns(2)
with left:
    kinds = url_multiselect(t("filter_kinds", lang), all_kinds, key="method_kinds", default=all_kinds,
                            lang=lang, format_func=lambda kind: view.kind_label(kind, lang))
with right:
    categories = url_multiselect(t("filter_categories", lang), all_categories, key="method_categories",
                                 default=all_categories, lang=lang,
                                 format_func=lambda category: view.category_name(category, lang))

shown, table = provenance_rows(loaded, lang, kinds, categories)
st.caption(view.rows_caption(shown, len(frame), kinds, categories, all_categories, lang))
labels = view.column_labels(lang)
columns = {
    **{column: st.column_config.Column(label) for column, label in labels.items()},
    # Arabic values come written in Arabic-Indic digits: text, not numbers to format
    "value": (st.column_config.TextColumn(labels["value"]) if lang == "ar"
              else st.column_config.NumberColumn(labels["value"], format="%g")),
    "source_url": st.column_config.LinkColumn(labels["source_url"], display_text=view.SITE_NAME),
    "sentence": st.column_config.LinkColumn(labels["sentence"], display_text=t("see_in_text", lang)),
}
heights = cached_view(view.grid_row_heights, corpus, loaded.id if loaded else "", tuple(kinds), tuple(categories), lang)
tabs = {  # at a laptop's width one tab per set of columns, each set inside the page, long text wrapped
    t(tab, lang): {"key": f"method_table_{tab}", "column_order": list(widths), "row_height": height,
                   "height": 38 + (height or 35) * min(shown, 5),  # five rows in view, the rest a scroll away
                   "column_config": {column: view.sized(columns[column], width) for column, width in widths.items()}}
    for (tab, widths), height in zip(view.GRID_TABS, heights, strict=True)
}
responsive_table(  # a grid on a wide screen, a card per row on a phone
    "method_rows", table, cached_view(view.provenance_cards_html, corpus, loaded.id if loaded else "",
                                           tuple(kinds), tuple(categories), lang),
    tabs=tabs, hide_index=True, placeholder="",  # an empty cell, not "None"
)

# 3/ HOW THE DATA WAS CURATED (the words live in data/method.yaml)
method, method_errors = method_text()
if method_errors:
    st.error(t("method_errors", lang) + "\n\n" + "\n".join(f"- {code_span(for_readers(str(error), data_dir()))}"
                                                                      for error in method_errors))
if method:
    st.header(md(method.title.get(lang)))
    for step in method.steps:
        st.subheader(md(step.heading.get(lang)))
        text_block(digits_for(step.text.get(lang), lang), lang)  # Arabic-Indic digits, quotes kept as they are

# 4/ VALIDATION STATUS
st.header(t("validation_heading", lang))
if corpus.errors:
    st.error(t("data_errors", lang))
if corpus.articles:
    st.success(view.validation_summary(corpus, lang))

# 5/ FLAGS: RUNNING TOTALS THAT FALL, ARTICLE FIGURES BELOW AN EARLIER REPORT
st.header(t("flags_heading", lang))
flags = article_flags(corpus, loaded)
for flag in flags:
    st.warning(md(cached_view(flag_sentence, flag, corpus, lang) if loaded else flag.sentence()))
if not flags:
    st.caption(t("no_flags", lang))

# 6/ THE EDITORS' NOTES, each labelled as the editors' reading
if loaded:
    st.header(t("notes_heading", lang))
    st.html(hl.CSS)
    for note in loaded.article.notes:
        st.html(hl.note_html(note, lang))
        st.caption(md(view.note_concerns(note, lang, loaded.article.figures, view.measure_names(corpus, lang))))

# 7/ THE REVIEW LOG: EVERY SAVE, APPROVAL AND REFUSAL (data/review/log.jsonl)
st.header(t("log_heading", lang))
st.caption(t("log_intro", lang))
if corpus.review_log:  # a plain table (read cell by cell by screen readers), the latest entries first
    st.table(cached_view(review_view.corpus_log_frame, corpus, lang), hide_index=True)
    if len(corpus.review_log) > review_view.LOG_ROWS:
        st.caption(t("log_more", lang).format(shown=review_view.LOG_ROWS, total=len(corpus.review_log)))
else:
    st.caption(t("log_empty", lang))

# 8/ THE DASHBOARD AS ONE OFFLINE FILE; THE PRESS KIT: every chart, the data, the sources, README
# and manifest in one zip
offline_download(loaded, lang)
press_kit_download(corpus, lang)
