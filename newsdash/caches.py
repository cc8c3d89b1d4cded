"""Every cache of the app, in one list: what each holds, what it is keyed on and when it
is emptied; and `clear_all()`, which empties them all (tests call it for a cold start).

A cache here is anything kept between calls to save work: an lru_cache, a module-level
dict or list used as a memo, a Streamlit cache, a newsdash.app.memo.Memo. The module
that owns a cache says how to empty it with `owns(name, clear)` at import time; this
module imports nothing from the layers and never streamlit, so every layer can do that.
`tests/test_caches.py` finds every cache in the code and fails on one missing here.

Not caches, and not listed: what lives and dies with one object (functools.cached_property
on a Corpus), and the module state in `NOT_CACHES` below (sessions, security, registries),
which clearing would change the app's behaviour, not only its speed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Cache:
    name: str  # "<module under newsdash, or pages.<page>>:<variable or function>"
    holds: str
    key: str
    cleared: str  # when the running app empties or replaces its entries
    cleared_with: str | None = None  # another cache's name whose clear empties this one too


CACHES: tuple[Cache, ...] = (
    # data: the corpus loader keeps what it read, per file, so an edit costs one file
    Cache("data.corpus:_kept", "each article's load result (validated article or its errors) and its flags",
          "data folder, then article path; reused while its YAML's and seed's fingerprint entries match",
          "per load: files gone from the folder dropped; beyond KEPT_FOLDERS folders, the oldest"),
    Cache("data.corpus:_kept_measures", "the measures a folder's kept articles were checked against",
          "data folder", "when the measures change (the kept articles are checked again)",
          cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_seeds", "one copy of each seed's bytes and text", "seed path and its fingerprint entry",
          "an entry is replaced when the seed changes", cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_contexts", "the context tables and their errors", "data folder and the tables' entries",
          "replaced when a context file changes", cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_measures", "data/measures.yaml read: measures, source and errors",
          "data folder and the file's entry", "replaced when measures.yaml changes", cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_series", "the context split into series by measure", "the context object (identity)",
          "replaced with the next context", cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_listed", "the last state digest of a folder and the file entries it was made from",
          "data folder", "replaced at each state_digest", cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_logs", "the review log as read", "data folder and the log's entry",
          "replaced when the log changes", cleared_with="data.corpus:_kept"),
    Cache("data.corpus:_digests", "content digests of files left untouched for SETTLED_NS",
          "path; reused while inode, size, mtime and ctime are unchanged", "never: a changed file gets a new entry",
          cleared_with="data.corpus:_kept"),
    Cache("data.stories:_keys", "the story key of a seed text", "the seed's recorded sha256",
          "emptied when it reaches 20,000 keys"),
    # reading: pure functions of short arguments
    Cache("reading.formatting:_arabic_plural_form", "Babel's Arabic plural form of a count", "the count",
          "least recently used beyond 256"),
    Cache("reading.setting:_sentences", "a text's sentence spans and starts", "the text",
          "least recently used beyond 4"),
    Cache("reading.setting:_party_pattern", "the compiled pattern of the parties' names", "the parties and names",
          "least recently used beyond 16"),
    Cache("reading.setting:_table_pattern", "the compiled pattern of a phrase table", "the phrases",
          "least recently used beyond 16"),
    # views
    Cache("views.comparison:_last_day", "the last day a date covers, as ISO text", "the date text",
          "least recently used beyond 8,192"),
    Cache("views.comparison:_record_cache", "every confirmed article's readings of a measure",
          "id(corpus), checked against the corpus itself, then the measure", "one corpus at a time: a new corpus empties it"),
    # exports
    Cache("exports.static_export:_last_search", "where choreographer found a Chromium (or None)", "none: one answer",
          "searched again after SEARCH_AGAIN_AFTER_S (30 s)"),
    # app: Streamlit's caches and our own
    Cache("streamlit:cache_resource", "the corpus (app.state.cached_corpus) and one article's flags "
          "(app.state._cached_article_flags), shared, never copied",
          "the arguments: data folder, state digest (and article id)", "least recently used beyond max_entries; "
          "a Streamlit clear_cache message (only a signed-in browser reaches the websocket: newsdash.app.door)"),
    Cache("streamlit:cache_data", "the Add an article page's reading and draft (app.drafting.cached_reading, "
          "cached_draft), copied on every call", "the text and the editor's choices",
          "least recently used beyond max_entries; a clear_cache message as above"),
    Cache("app.drafting:cached_reading", "the machine's reading of a pasted or uploaded text",
          "the text and the chosen language", "see streamlit:cache_data", cleared_with="streamlit:cache_data"),
    Cache("app.drafting:cached_draft", "the draft article built from the kept figures and events",
          "the text's bytes, date, kept records, seeds folder and names, measures' state",
          "see streamlit:cache_data", cleared_with="streamlit:cache_data"),
    Cache("app.state:cached_corpus", "the corpus of one state of the data", "data folder and state digest",
          "see streamlit:cache_resource", cleared_with="streamlit:cache_resource"),
    Cache("app.state:_cached_article_flags", "one article's flags against the context",
          "data folder, state digest, article id", "see streamlit:cache_resource",
          cleared_with="streamlit:cache_resource"),
    Cache("app.state:_views", "page views, charts (frozen), tables and the method text of one state of the data, "
          "shared by every session (newsdash.app.memo.Memo)",
          "data folder, state digest, the view's name and short arguments", "least recently used beyond 512"),
    Cache("app.memo:_this_run", "answers asked for many times in one script run (data state, corpus, "
          "password hash, editors, static export)", "the script run, then the question", "at every new run"),
    Cache("app.downloads:_press_kit_cache", "the press kit's zip bytes (the last one built)",
          "data folder, state digest, the newer-than-page notice", "a kit of another state replaces it"),
    Cache("app.downloads:_formula_cache", "the press kit's sources' cells that would run as formulas",
          "data folder, state digest", "another state replaces it"),
    Cache("app.offline_download:_offline_cache", "the offline file's bytes (the last one built)",
          "data folder, state digest, article id", "a file of another state or article replaces it"),
    Cache("app.public_routes:_preview_images", "the link previews' PNG, one per language",
          "data folder, state digest, language", "emptied when it holds images of an older state of the data"),
    Cache("app.layout:_menu_pages", "the app's st.Page objects for st.navigation (each run gets copies)",
          "language and the page list", "never"),
    Cache("app.layout:_link_targets", "an st.Page per page path, for st.page_link", "the page path", "never"),
    Cache("app.preload:chart_library_chunk", "the URL of Streamlit's Plotly chunk", "none: one answer", "never"),
    Cache("app.auth:_decoy", "a password hash checked when no account matches (same time either way)",
          "none: one answer", "never"),
)

# Module state that looks like a cache but is not one: emptying it changes what the app does.
NOT_CACHES = {
    "app.downloads:_kit_notices": "by session: what its last press kit held, said at its next rerun",
    "app.memo:_ALL": "every Memo made, for app.memo.clear_all (the benchmark's cold start)",
    "app.heap:_settled": "when the heap was last frozen (newsdash.app.heap)",
    "caches:_clear": "how to empty each cache listed here (owns)",
    "exports.static_export:_shared": "the one running exporter (a browser process), stopped at exit",
    "app.door_asgi:_stores": "the sign-in record (brake, sign-outs) of each state folder: security state",
    "app.identity:_sources": "the registered identity sources (newsdash.app.identity): a registry",
    "app.page_scripts:_registered": "every script the pages may run, registered at import: the CSP is built from it",
}

BY_NAME = {cache.name: cache for cache in CACHES}
_clear: dict[str, Callable[[], None]] = {}
_lock = threading.Lock()


def owns(name: str, clear: Callable[[], None]) -> None:
    """Register how to empty a listed cache; its owning module calls this once, at import."""
    if name not in BY_NAME:
        raise KeyError(f"cache {name!r} is not listed in newsdash/caches.py: say what it holds, "
                       "what it is keyed on and when it is cleared")
    with _lock:
        _clear[name] = clear


def clear_all() -> None:
    """Empty every cache whose module is loaded (one not loaded holds nothing yet)."""
    with _lock:
        clears = list(_clear.values())
    for clear in clears:
        clear()


def registered() -> set[str]:
    """The names of the caches that can be emptied now, directly or through another."""
    with _lock:
        direct = set(_clear)
    return direct | {c.name for c in CACHES if c.cleared_with in direct}
