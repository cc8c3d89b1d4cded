"""Add an article: paste or upload a new text, see the figures and dates the machine
finds marked in it, untick the wrong ones, download a draft, or fill in what only an
editor knows and, signed in as an editor, save it for review. Nothing reaches readers
until a second editor approves it (the list of what awaits review is at the top, for
editors)."""


import streamlit as st

from newsdash.app import layout, state
from newsdash.app.drafting import cached_draft, cached_reading
from newsdash.app.editors import current_editor, editor_panel
from newsdash.app.review_queue import review_queue, save_for_review
from newsdash.curation.draft import MAX_ARTICLE_BYTES
from newsdash.data import corpus as corpus_mod
from newsdash.errors import for_readers
from newsdash.reading.candidates import MAX_CANDIDATES
from newsdash.reading.formatting import format_date, format_number
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md  # the uploaded text stays literal in Markdown
from newsdash.views import add_article as view
from newsdash.views import confirm_form

lang = st.session_state.get("lang", "en")
SAVED_NOTICE = "_add_saved_notice"  # the last save's message, shown after the rerun that lists it for review

# 1/ TITLE, AND THE ERRORS OF THE DATA FOLDER A CONFIRMED ARTICLE IS SAVED INTO
st.title(t("page_add", lang))
st.caption(t("add_intro", lang))
corpus = state.load_corpus()  # its measures are what the proposals choose from
layout.show_errors(corpus, lang)

# 1b/ EDITORS: WHO IS SIGNED IN, AND WHAT AWAITS A SECOND EDITOR'S APPROVAL (editors only)
editor_panel(lang)
review_queue(corpus_mod.data_dir(), lang)

# 2/ THE TEXT: AN UPLOAD OR A PASTE, AT MOST 200 KB
upload = layout.file_uploader(t("add_upload", lang).format(limit=format_number(MAX_ARTICLE_BYTES // 1000, lang)),
                              lang, type=["txt"], key="add_upload")
pasted = st.text_area(t("add_paste", lang), key="add_paste", height=160)
incoming = view.incoming(upload.getvalue() if upload else None, pasted)
if incoming.problem:
    st.error(view.problem_message(incoming.problem, lang))
    st.stop()
if not incoming.raw:
    st.info(t("add_empty", lang))
    st.stop()
saved = st.session_state.get(f"{view.editor_key('confirm', incoming.raw)}.saved")  # the last Save of this text
if (on_record := view.on_record_message(incoming.text, corpus.articles, lang)) and not (saved and saved.path):
    # one story, one article:
    st.error(md(on_record[0]))  # said at once; its reading stays below to compare, and Save refuses it
    layout.page_link("pages/overview.py", t("page_overview", lang), icon=":material/dashboard:",
                     query_params={"article": on_record[1]})

# 3/ THE PUBLICATION DATE: DATES WITHOUT A YEAR ARE READ AGAINST IT
chosen = st.date_input(t("add_published", lang), value=None, key="add_published")
reading = cached_reading(incoming.text, chosen)
if not isinstance(reading, tuple):
    st.error(t("add_too_slow", lang).format(seconds=format_number(reading, lang)))
    st.stop()
published, extraction = reading
if published and not chosen:
    st.caption(t("add_published_guess", lang).format(date=format_date(published.isoformat(), lang)))
elif not published:
    st.warning(t("add_published_none", lang))
if extraction.truncated:
    st.warning(t("add_truncated", lang).format(limit=format_number(MAX_CANDIDATES, lang)))
if not extraction.figures and not extraction.events:
    st.info(t("add_nothing", lang))
    st.stop()

# 4/ THE CANDIDATES: TICK WHAT IS RIGHT (the marked text above follows the ticks)
text_box = st.container()
labels = {"keep": t("col_keep", lang), "mark": t("col_ref", lang), "quote": t("quote", lang),
          "reading": t("col_reading", lang), "unit": t("col_unit_guess", lang),
          "basis": t("col_year_from", lang), "why": t("col_why", lang), "confidence": t("col_confidence", lang),
          "status": t("status", lang)}
columns = {name: st.column_config.TextColumn(label) for name, label in labels.items()}
columns["keep"] = st.column_config.CheckboxColumn(labels["keep"], width="small")
kept = {}
for kind, rows, heading in (("figures", view.figure_rows(extraction, lang), "add_figures_heading"),
                            ("events", view.event_rows(extraction, lang), "add_events_heading")):
    st.subheader(t(heading, lang))
    st.badge(t("unconfirmed", lang), icon=":material/pending:", color="orange")
    if rows:
        edited = st.data_editor(rows, key=view.editor_key(kind, incoming.raw), column_config=columns,
                                disabled=[c for c in rows[0] if c != "keep"], hide_index=True)
        kept[kind] = view.kept_indexes([row["keep"] for row in edited])
    else:
        kept[kind] = []
with text_box:
    st.subheader(t("add_text_heading", lang))
    st.caption(t("add_legend", lang))
    if any(c.low_confidence for c in (*extraction.figures, *extraction.events)):
        st.caption(t("add_low_legend", lang))
    st.markdown(view.marked_html(incoming.text, extraction, kept["figures"], kept["events"], lang),
                unsafe_allow_html=True)

# 5/ THE DRAFT: YAML FOR data/articles/, THE TEXT FOR seeds/ (a draft needs its publication date)
st.divider()
if not published:
    st.info(t("add_no_draft", lang))
    st.stop()
seeds = corpus_mod.seeds_dir_for(corpus_mod.data_dir())
seed_names = tuple(sorted(p.name for p in seeds.glob("*.txt")))
measures = corpus.measures
draft = cached_draft(incoming.raw, extraction.published, tuple(kept["figures"]), tuple(kept["events"]), str(seeds),
                     seed_names, state.data_state(), extraction, measures)
if not isinstance(draft, view.Draft):
    st.error(t("add_too_slow", lang).format(seconds=format_number(draft, lang)))
    st.stop()
st.caption(view.kept_caption(draft, extraction, lang))
if draft.left_out:
    st.warning(t("add_left_out", lang).format(quotes="، ".join(f"«{md(q)}»" for q in draft.left_out)))
left, right = st.columns(2)
with left:
    st.download_button(t("add_download", lang), data=draft.yaml_text.encode("utf-8"), file_name=draft.file_name,
                       mime="application/x-yaml", on_click="ignore", type="primary",
                       icon=":material/download:", key="add_download")
with right:
    st.download_button(view.file_name_label("add_download_seed", draft.seed_name, lang), data=incoming.raw,
                       file_name=draft.seed_name, mime="text/plain", on_click="ignore",
                       icon=":material/description:", key="add_download_seed")
st.caption(t("add_download_help", lang))

# 6/ CONFIRM AND SAVE FOR REVIEW: WHAT ONLY AN EDITOR KNOWS, THEN THE ARTICLE UP FOR A SECOND EDITOR
st.divider()
st.subheader(t("confirm_heading", lang))
st.caption(t("confirm_intro", lang))
st.caption(t("save_explained", lang))
editor = current_editor()
sections = confirm_form.sections(draft.article, incoming.text, lang, measures)
form_key = view.editor_key("confirm", incoming.raw)  # a new text starts an empty form


def save_the_form() -> None:
    # runs on Save, before the page is drawn again (so the list of what awaits review above
    # holds it, and a refusal is said beside each field it names); the editor is asked
    # again as it acts: a forged click without one is refused
    answers = {f.key: st.session_state.get(f"{form_key}.{f.key}") for s in sections for f in s.fields}
    st.session_state[f"{form_key}.saved"] = save_for_review(  # said until the next Save of this form
        draft.article, incoming.raw, answers, corpus_mod.data_dir(), editor=current_editor(), lang=lang,
        sections_=sections)


beside = saved.beside if saved else {}
with st.form(form_key, enter_to_submit=False, border=False):
    for section in sections:
        st.markdown(f"**{md(section.heading)}**")
        if section.caption:  # the measure proposed for a figure, and why
            st.caption(md(section.caption))
        for field in section.fields:
            key = f"{form_key}.{field.key}"
            if field.options:
                st.selectbox(field.label, field.options, key=key,
                             index=field.options.index(field.default) if field.default in field.options else 0,
                             format_func=field.option_labels.get)
            else:
                widget = st.text_area if field.long else st.text_input
                widget(field.label, value=field.default, key=key, help=md(field.help) if field.help else None)
            if field.key in beside:  # on a refusal every field keeps what was typed: the widgets hold it
                st.error(md(beside[field.key]), icon=":material/error:")
    st.form_submit_button(t("confirm_save", lang), type="primary", icon=":material/save:",
                          disabled=editor is None, on_click=save_the_form)
if editor is None:
    st.info(t("editor_needed", lang))
if saved and saved.path is None:
    st.error(for_readers(saved.message, corpus_mod.data_dir()))  # a refusal names no server path
elif saved:
    st.success(saved.message)
