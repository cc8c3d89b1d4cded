"""Share and cite a chart, in its download menu: the link to this view, the embed code and
the 'cite this' text (newsdash.exports.embeds, citations), each in a code block with
Streamlit's copy button; and the chart's anchor on its page, which the link scrolls to."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import streamlit as st

from newsdash.exports import embeds
from newsdash.exports.citations import citation
from newsdash.reading.i18n import t


def dashboard_base(page: str) -> str:
    """The dashboard's URL, from the reader's (Streamlit gives it without its query): the
    page's own path taken off the end, so the link works under any base path or host."""
    url = (st.context.url or "").rstrip("/")
    stem = Path(page).stem
    return url[: -len(stem) - 1] if url.endswith(f"/{stem}") else url


def view_params() -> dict[str, str]:
    """The view's state as the URL holds it (language, article, filters); not ?fig=, which
    points at one figure rather than the chart."""
    return {key: value for key, value in st.query_params.items() if key != "fig"}


def share_chart(chart, loaded, lang: str, home: str) -> None:  # noqa: ANN001 - Chart, LoadedArticle
    """Link, embed code and citation of a chart drawn on the page `home` ('pages/x.py')."""
    base = dashboard_base(home)
    params = view_params()
    view = embeds.chart_view_url(base, home, params, chart.id)
    page_params = {key: value for key, value in params.items() if key in ("lang", "article", "timeline_layers")}
    title = chart.title.get(lang)
    st.caption(t("share_heading", lang))
    st.text(t("share_link", lang))
    st.code(view, language=None, wrap_lines=True)
    st.text(t("share_embed", lang))
    st.code(embeds.embed_code(embeds.chart_page_url(base, chart.id, page_params), title), language="html",
            wrap_lines=True)
    st.text(t("share_cite", lang))
    st.code(citation(loaded.article.article, title, view, date.today(), lang), language=None, wrap_lines=True)


def chart_anchor_html(chart_id: str) -> str:
    """The chart's place on its page: '#chart-<id>' lands on this empty block, drawn at the
    start of the chart's heading (newsdash.app.fixed_scripts scrolls a link to it). A <div>,
    never an inline tag: the heading goes through Markdown, and Markdown takes text that
    starts with a <div> as raw HTML, where an inline tag first would have the rest of the
    heading read as Markdown (a link or an image in the data's text would become one)."""
    return f'<div id="{html.escape(embeds.chart_anchor(chart_id))}"></div>'
