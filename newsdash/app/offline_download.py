"""The download button of the dashboard as one offline file (newsdash.exports.offline), on
the Data & method page: built when clicked, once per state of the data and article."""

from __future__ import annotations

import threading

import streamlit as st

from newsdash import caches
from newsdash.app.state import cached_corpus, data_state, method_of
from newsdash.reading.i18n import t

_offline_lock = threading.Lock()
_offline_cache: dict[tuple, bytes] = {}
caches.owns("app.offline_download:_offline_cache", _offline_cache.clear)


def _offline_file(folder: str, state: str, article_id: str) -> bytes:
    """The file of one state of the data and one article, built once (the last one kept):
    a download runs in a worker thread, so everything it needs comes as arguments."""
    from newsdash.exports.offline import offline_bytes

    key = (folder, state, article_id)
    with _offline_lock:
        if key not in _offline_cache:
            corpus = cached_corpus(folder, state)
            _offline_cache.clear()
            _offline_cache[key] = offline_bytes(corpus, corpus.article(article_id), method_of(folder, state)[0])
        return _offline_cache[key]


def offline_download(loaded, lang: str) -> None:  # noqa: ANN001 - LoadedArticle | None
    """The heading, the button and what the file holds; nothing without an article."""
    from newsdash.exports.offline import offline_name

    if loaded is None:
        return
    folder, state = data_state()
    st.header(t("offline_heading", lang))
    st.download_button(t("offline_download", lang), data=lambda: _offline_file(folder, state, loaded.id),
                       file_name=offline_name(loaded), mime="text/html", on_click="ignore",
                       key="offline_download", icon=":material/offline_pin:")
    st.caption(t("offline_help", lang))
