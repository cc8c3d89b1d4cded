"""What awaits review, for a signed-in editor: each pending article with who saved it and
what it says or changes, and the buttons to approve or refuse it; and the save that puts
an article there.

Readers never get this list (it is drawn only for an editor), and the actions ask the
editor again at the moment they act (newsdash.curation.review refuses one without an
editor, and an editor approving their own save).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from newsdash.app.editors import current_editor
from newsdash.curation import review
from newsdash.curation.confirm import SaveRefused, confirm
from newsdash.reading.formatting import format_date
from newsdash.reading.i18n import t
from newsdash.textsafety import md_escape as md
from newsdash.views import confirm_form
from newsdash.views import review as view

NOTICE = "_review_notice"  # what the last action did, shown after the rerun it asks for


def save_for_review(draft: dict, raw: bytes, answers: dict, data: Path, *, editor: str | None,
                    lang: str, sections_: list[confirm_form.FormSection]) -> confirm_form.Saved:
    """Save the confirmed article for review, as this editor (newsdash.curation.review);
    on a refusal, the reason and the field it names, in words (newsdash.views.confirm_form)."""
    try:
        entry = review.submit(confirm(draft, answers), raw, data, editor)
    except SaveRefused as refused:
        return confirm_form.refusal_said(refused, sections_, lang)
    except OSError as problem:
        return confirm_form.write_failure_said(problem, data, lang)
    return confirm_form.saved_said(review.pending_path(data, entry.article), entry.editor, lang)


def review_queue(data: Path, lang: str) -> None:
    """The pending articles, to a signed-in editor; nothing at all to anyone else."""
    editor = current_editor()
    if not editor:
        return
    st.subheader(t("review_heading", lang))
    if notice := st.session_state.pop(NOTICE, None):
        (st.success if notice[0] else st.error)(md(notice[1]))
    waiting = review.pending(data)
    if not waiting:
        st.caption(t("review_none", lang))
    for item in waiting:
        _pending_item(data, item, editor, lang)


def _pending_item(data: Path, item: review.Pending, editor: str, lang: str) -> None:
    kind = t("review_correction" if item.correction else "review_new", lang)
    if item.saved:
        line = t("review_item", lang).format(article=view.isolated(item.article_id), kind=kind,
                                            editor=view.isolated(item.saved.editor),
                                            date=format_date(item.saved.day, lang))
    else:
        line = t("review_item_unlogged", lang).format(article=view.isolated(item.article_id), kind=kind)
    with st.container(border=True, key=f"review_{item.article_id}"):
        st.markdown(md(line))
        for sentence in _preview(item, lang):
            st.markdown(f"- {md(sentence)}")
        own = bool(item.saved) and review.same_editor(editor, item.saved.editor)
        if own:
            st.caption(t("review_own", lang))
        reason = st.text_input(t("review_reason", lang), key=f"review_reason_{item.article_id}")
        left, right = st.columns(2)
        approve = left.button(t("review_approve", lang), key=f"review_approve_{item.article_id}",
                              type="primary", disabled=own or item.saved is None)
        refuse = right.button(t("review_refuse", lang), key=f"review_refuse_{item.article_id}")
    if approve:
        _act(lambda: review.approve(data, item.article_id, current_editor()), "review_approved", item, lang)
    if refuse:
        _act(lambda: review.refuse(data, item.article_id, current_editor(), reason), "review_refused", item, lang)


def _preview(item: review.Pending, lang: str) -> list[str]:
    """A change: what it changes. A new article: its title and each figure with its quote."""
    if item.correction:
        return [view.change_text(change, lang) for change in item.changes] or ["-"]
    parsed = review.parsed_file(item.path) or {}
    title = ((parsed.get("article") or {}).get("title") or {}).get(lang) or ""
    figures = [t("review_figure", lang).format(label=(f.get("label") or {}).get(lang) or f.get("id"),
                                               value=view.value_text(f, lang),
                                               quote=view.isolated(f.get("quote") or ""))
               for f in parsed.get("figures") or () if isinstance(f, dict)]
    return [f"“{title}”", *figures]


def _act(action, done: str, item: review.Pending, lang: str) -> None:  # noqa: ANN001
    try:
        action()
    except SaveRefused as refused:
        st.session_state[NOTICE] = (False, t("review_not_done", lang).format(reason=refused.message))
    else:
        st.session_state[NOTICE] = (True, t(done, lang).format(article=view.isolated(item.article_id)))
    st.rerun()
