"""The machine's reading of a new article's text and the draft built from an editor's
choices, cached per text and choice (st.cache_data) for the Add an article page.

Here, not in the page script: a page script runs again at every rerun, and a cached
function defined there is made again each time, its source read and hashed for its key
(milliseconds a rerun). The worker's functions are looked up on its module at each call,
so a test can replace them."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from newsdash.curation import worker
from newsdash.curation.draft import seed_file_name
from newsdash.curation.worker import TooSlow
from newsdash.views import add_article as view


@st.cache_data(show_spinner=False, max_entries=8)
def cached_reading(text: str, chosen):  # noqa: ANN001, ANN201
    # read in a child process with a time limit (newsdash.curation.worker): a hostile paste
    # neither holds this page's thread nor slows other readers; a stopped one is remembered
    try:
        return worker.read_bounded(text, chosen)
    except TooSlow as slow:
        return slow.seconds


@st.cache_data(show_spinner=False, max_entries=16)
def cached_draft(raw: bytes, published: str | None, figures: tuple, events: tuple, seeds: str,  # noqa: ANN201, PLR0913
                 seed_names: tuple, data_state: tuple, _extraction, _measures):  # noqa: ANN001
    # each tick re-runs the page: the draft (quotes made unique in the text) is built once per
    # choice; seed_names is only part of the key (a new seed file changes the next NNN_ number);
    # the extraction follows from raw and published, so it is left out of the key, and the
    # measures (the proposals) from the data folder's state
    incoming_ = view.incoming(raw, None)
    seed_name = seed_file_name(raw or b"", Path(seeds))  # as new-article would name it
    if worker.light(incoming_.text, _extraction):
        return view.draft_for(incoming_, _extraction, seed_name, list(figures), list(events), _measures)
    try:  # a long text: off this thread, with the time limit, like its reading
        return worker.draft_bounded(incoming_, _extraction, seed_name, list(figures), list(events), _measures)
    except TooSlow as slow:
        return slow.seconds
