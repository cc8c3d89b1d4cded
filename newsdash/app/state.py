"""The state of the data for a page run, and every cache of it.

The data folder and its state digest (worked out once per run), the corpus (cached per
state), the page views, charts and tables built from it (one process-wide memo, keyed by
that state), and what every page begins with: the language, the corpus and the article.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

import streamlit as st

from newsdash import caches
from newsdash.app import heap
from newsdash.app.gate import require_sign_in
from newsdash.app.layout import show_errors
from newsdash.app.legacy_pages import run_through_entry_script
from newsdash.app.memo import Memo, once_per_run
from newsdash.app.url import url_selectbox
from newsdash.data import corpus as corpus_mod
from newsdash.data.context import Context
from newsdash.data.loading import LoadedArticle
from newsdash.reading.formatting import format_date
from newsdash.reading.i18n import t
from newsdash.textsafety import code_span
from newsdash.views.template import make_white_the_default

# Importing streamlit made its own template plotly's default: ours again, so that each new
# chart has it as it stands (newsdash/views/template.py).
make_white_the_default()

# Streamlit's caches are global to the process: one clear each (newsdash/caches.py lists them).
caches.owns("streamlit:cache_data", st.cache_data.clear)
caches.owns("streamlit:cache_resource", st.cache_resource.clear)


# cache_resource, not cache_data: cache_data unpickles a fresh copy on every call, and
# for the corpus (pydantic models, data frames) that cost more than the page itself
# (about 10 ms a call). The corpus is frozen and never changed after loading, so one
# shared object is safe.
@st.cache_resource(show_spinner=False, max_entries=4)
def cached_corpus(data_dir: str, fingerprint: str) -> corpus_mod.Corpus:
    # fingerprint is only part of the cache key: a changed file means a new entry
    corpus = corpus_mod.load_corpus(corpus_mod.Path(data_dir), state=fingerprint)
    heap.note_growth()
    return corpus


def data_state() -> tuple[str, str]:
    """The data folder and a digest of its fingerprint, worked out once per script run.

    A page asks for them many times (the corpus, each chart, each download menu), and
    each fingerprint lists and checks every file; within one run the files are taken as
    they were at its first call, so a page never mixes two states of the data either.
    The cached loaders get the digest, not the fingerprint: Streamlit hashes every cache
    argument on every call, and a short string hashes much faster than a tuple per file.
    """
    return once_per_run(("data", os.environ.get(corpus_mod.DATA_DIR_ENV)), _checked_data_state)


def _checked_data_state() -> tuple[str, str]:
    """Every page's data comes through here, however the page was run: a page run alone
    (newsdash.app.legacy_pages) reruns through the entry script, and the sign-in is
    checked, once per run (a stopped run never gets the state: st.stop raises here)."""
    run_through_entry_script()
    require_sign_in()
    return _data_state_now()


def _data_state_now() -> tuple[str, str]:
    folder = corpus_mod.data_dir()
    return str(folder), corpus_mod.state_digest(folder)


# The page views, charts and tables of one state of the data, shared by every session:
# keyed by the data folder, its state digest and short arguments (newsdash.app.memo).
_views = Memo(max_entries=512)
caches.owns("app.state:_views", _views.clear)


def _key_part(value):  # noqa: ANN001, ANN202
    """A short hashable stand-in for a view argument. An article counts as its id and the
    corpus or context as nothing: the data-state digest in every key decides them."""
    if isinstance(value, LoadedArticle):
        return ("article", value.id)
    if isinstance(value, corpus_mod.Corpus | Context):
        return (type(value).__name__,)
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_key_part(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((name, _key_part(item)) for name, item in value.items()))
    return value


def cached_view(view, *args, **kwargs):  # noqa: ANN001, ANN201
    """view(*args, **kwargs), worked out once per state of the data and arguments.

    For the pure functions of newsdash a page would otherwise run on every rerun (pandas
    on small tables, HTML of the whole article: milliseconds each). The result is shared
    by every session: read it, never change it in place.
    """
    key = ("view", *data_state(), view.__module__, view.__qualname__, _key_part(args), _key_part(kwargs))
    return _views.get(key, lambda: view(*args, **kwargs))


def load_corpus() -> corpus_mod.Corpus:
    """The corpus, cached, reloaded when any data or seed file changes on disk."""
    state = data_state()
    return once_per_run(("corpus", *state), lambda: cached_corpus(*state))


def chart_rows(loaded, chart_id: str, lang: str, **filters):  # noqa: ANN001, ANN201
    """The rows a chart draws (newsdash.views.charts.chart_frame), cached like screen_chart."""
    from newsdash.views.charts import chart_frame

    return cached_view(chart_frame, loaded, load_corpus(), chart_id, lang, **filters)


def page_start(require_article: bool = True):  # noqa: ANN201 - (lang, Corpus, LoadedArticle | None)
    """What every page begins with: the language, the corpus with its errors shown, and
    the article to show. Without a valid article, a page that needs one says so and
    stops there; the rest of the app keeps running."""
    lang = st.session_state.get("lang", "en")
    corpus = load_corpus()
    show_errors(corpus, lang)
    if (missing := linked_but_missing(corpus)) is not None:
        article_not_here(missing, corpus, lang)  # waits for it (then reruns), or says so and stops
    loaded = current_article(corpus, lang)
    if loaded is None and require_article:
        st.info(t("no_articles", lang))
        st.stop()
    return lang, corpus, loaded


def current_article(corpus: corpus_mod.Corpus, lang: str):  # noqa: ANN201 - LoadedArticle | None
    """The article the pages show. With more than one, a selector in the sidebar picks
    it, the latest published first and chosen (kept in the URL as ?article=<id>), so a
    page shows one article's figures and charts, never those of every article at once;
    with one article nothing is drawn."""
    if len(corpus.articles) <= 1:
        return corpus.article()
    ids = [a.id for a in corpus.newest_first]
    titles = {a.id: f"{format_date(a.article.article.published, lang)} · {a.article.article.title.get(lang)}"
              for a in corpus.articles}
    chosen = url_selectbox(t("choose_article", lang), ids, key="article", default=ids[0], lang=lang,
                           format_func=titles.get, container=st.sidebar, pinned=True)
    return corpus.article(chosen)


# A link to an article saved a moment ago on another replica: the save's files reach this
# one through the shared folder within a rerun, but a network file system may show a new
# file a little later (attribute caching). The page waits this long once, then says so.
ARTICLE_WAIT_SECONDS = 3.0
ARTICLE_POLL_SECONDS = 0.2
_WAITED = "_article_link_waited_for"


def linked_but_missing(corpus: corpus_mod.Corpus) -> str | None:
    """The ?article= id of the link when no article of the record has it, else None."""
    wanted = st.query_params.get("article")
    return wanted if wanted and not holds(corpus, wanted) else None


def holds(corpus: corpus_mod.Corpus, article_id: str) -> bool:
    found = corpus.article(article_id)  # the latest when the id is unknown: checked here
    return found is not None and found.id == article_id


def article_not_here(wanted: str, corpus: corpus_mod.Corpus, lang: str) -> None:
    """Never another article in its place (the latest, as a link without ?article= shows,
    would pass for the one linked): wait briefly for it once per session and id, rerun
    when it arrived; else say so in words, offer the latest article, and stop the page."""
    if st.session_state.get(_WAITED) != wanted:
        st.session_state[_WAITED] = wanted
        if article_arrives(wanted, corpus.state):
            st.rerun()
    shown = wanted if len(wanted) <= 80 else wanted[:80] + "…"
    st.warning(t("article_not_here", lang).format(id=code_span(shown)), icon=":material/search_off:")
    if corpus.articles and st.button(t("open_latest_article", lang)):
        st.query_params.pop("article", None)
        st.session_state.pop("article", None)
        st.rerun()
    st.stop()


def article_arrives(wanted: str, state: str, wait: float | None = None) -> bool:
    """Whether the article shows up in the data folder within `wait` seconds: the folder's
    state is taken again every ARTICLE_POLL_SECONDS (a listing and a stat of each file,
    about a millisecond for the shipped record), and loaded only when it changed."""
    deadline = time.monotonic() + (ARTICLE_WAIT_SECONDS if wait is None else wait)
    folder = corpus_mod.data_dir()
    while True:
        now = corpus_mod.state_digest(folder)
        if now != state:
            state = now
            if holds(cached_corpus(str(folder), now), wanted):
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(ARTICLE_POLL_SECONDS)


def article_flags(corpus: corpus_mod.Corpus, loaded) -> tuple:  # noqa: ANN001
    """The flags a page shows beside one article: the context's own, and those of this
    article's figures (not every article's, when there are many)."""
    if len(corpus.articles) <= 1 or loaded is None:
        return corpus.flags
    return _cached_article_flags(*data_state(), loaded.id)


@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_article_flags(data_dir: str, fingerprint: str, article_id: str) -> tuple:
    corpus = cached_corpus(data_dir, fingerprint)
    return corpus.context.flags + tuple(corpus_mod.article_vs_series(corpus.article(article_id), corpus.context))


def provenance_table(loaded, lang: str):  # noqa: ANN001, ANN201 - pandas.DataFrame
    """The Data & method table (newsdash.views.data_method.provenance_frame) of the article shown and
    the context rows, built once per data state, article and language, not every rerun."""
    from newsdash.views.data_method import article_provenance_frame

    return cached_view(article_provenance_frame, load_corpus(), loaded.id if loaded else "", lang)


def provenance_rows(loaded, lang: str, kinds: Sequence[str], categories: Sequence[str]) -> tuple:  # noqa: ANN001
    """(rows kept, table to draw) of the Data & method table with these filters
    (newsdash.views.data_method.shown_table), worked out once per data state and filter."""
    return cached_view(_provenance_rows, load_corpus(), loaded.id if loaded else "", lang, tuple(kinds), tuple(categories))


def _provenance_rows(corpus: corpus_mod.Corpus, article_id: str, lang: str, kinds: tuple, categories: tuple) -> tuple:
    from newsdash.views.data_method import article_provenance_frame, shown_table

    frame = cached_view(article_provenance_frame, corpus, article_id, lang)  # the whole table, kept on its own
    return shown_table(frame, kinds, categories, lang)


def method_text() -> tuple:
    """data/method.yaml read and checked (newsdash.data.method): (Method or None, errors),
    once per state of the data (an edited method.yaml shows on the next rerun)."""
    return method_of(*data_state())


def method_of(folder: str, state: str) -> tuple:
    """method_text of a data state taken earlier (a download made after the page's run)."""
    from newsdash.data.method import load_method

    def read() -> tuple:
        method, errors = load_method(corpus_mod.Path(folder))
        return method, tuple(errors)

    return _views.get(("method", folder, state), read)


def screen_chart(chart, loaded, lang: str, filters: dict | None = None):  # noqa: ANN001, ANN201
    """The page's form of a chart (newsdash.views.charts.screen_chart): its words as HTML that
    wraps, the plot without them. Built once per data state, article, chart, language and
    filter: building a Plotly figure on every rerun is several times slower than drawing
    one. The figure is built for the screen alone and turned into its screen form in place,
    then frozen (newsdash.views.frozen_figure): its dict form is made once, here, not by
    st.plotly_chart at every rerun. A download builds its own full figure, with the words
    an image carries (newsdash.app.downloads)."""
    from newsdash.views.charts import build_chart
    from newsdash.views.charts import screen_chart as make_screen_chart
    from newsdash.views.frozen_figure import freeze

    filters = filters or {}
    key = ("screen", *data_state(), loaded.id, chart.id, lang, _key_part(filters))

    def make():  # noqa: ANN202
        figure = build_chart(loaded, load_corpus(), chart.id, lang, **filters)  # a measure's chart draws every article
        screen = make_screen_chart(figure, chart.kind, lang, copy=False)
        return type(screen)(freeze(screen.figure), screen.heading_html, screen.footer_html)

    return _views.get(key, make)


def chart_alt_text(chart, loaded, lang: str) -> str:  # noqa: ANN001
    """The chart's text for screen readers (newsdash.views.charts.alt_text), once per data
    state, article, chart and language, like screen_chart: it titles the chart from its
    figures and words every point on it, which no rerun needs to do again."""
    from newsdash.views.charts import alt_text

    key = ("alt", *data_state(), loaded.id, chart.id, lang)
    return _views.get(key, lambda: alt_text(chart, loaded, lang))
