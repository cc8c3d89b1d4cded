"""Shared page widgets: the only module of the package that imports streamlit.

Pages call these for what every page needs: the cached corpus, the language switch,
data errors shown as errors (never tracebacks), and right-to-left text blocks.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import streamlit as st

from newsdash.app import auth, guard, heap
from newsdash.app.memo import Memo
from newsdash.app.url_state import (
    Shown,
    ids_after_switch,
    known_ids,
    parse_choice,
    parse_multi,
    range_ids,
    serialize_multi,
)
from newsdash.data import corpus as corpus_mod
from newsdash.data.context import Context
from newsdash.data.loading import LoadedArticle
from newsdash.errors import DataError
from newsdash.reading.i18n import LANGS, t
from newsdash.textsafety import code_span, html_text
from newsdash.textsafety import md_escape as md_text


def _leave_legacy_pages_mode() -> None:
    """Make a page opened by its own URL run through dashboard.py.

    Streamlit treats an app with a `pages/` folder as a legacy multipage app until
    some session runs `st.navigation`: on a freshly started server, a shared link to a
    sub-page would run that page alone (no language switch, no navigation). Every page
    imports this module, so the first such run switches the legacy mode off and reruns,
    and the rerun goes through the entry script like every later one.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if PagesManager.uses_pages_directory and get_script_run_ctx() is not None:
        PagesManager.uses_pages_directory = False
        st.rerun()


RTL_STYLE = "direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif;"


# cache_resource, not cache_data: cache_data unpickles a fresh copy on every call, and
# for the corpus (pydantic models, data frames) that cost more than the page itself
# (about 10 ms a call). The corpus is frozen and never changed after loading, so one
# shared object is safe.
@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_corpus(data_dir: str, fingerprint: str) -> corpus_mod.Corpus:
    # fingerprint is only part of the cache key: a changed file means a new entry
    corpus = corpus_mod.load_corpus(corpus_mod.Path(data_dir), state=fingerprint)
    heap.note_growth()
    return corpus


_this_run = threading.local()


def once_per_run(key: tuple, compute):  # noqa: ANN001, ANN201
    """compute() once per script run: for answers that may change between reruns (files
    on disk, an installed browser) but that a page asks for many times in one run. A run
    is told apart by Streamlit's per-run cursor table, a new dict at every rerun."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    run = getattr(get_script_run_ctx(), "cursors", None)
    if run is None:  # not in a script run (bare mode): nothing to share
        return compute()
    memo = getattr(_this_run, "memo", None)
    if memo is None or memo[0] is not run:
        memo = _this_run.memo = (run, {})
    if key not in memo[1]:
        memo[1][key] = compute()
    return memo[1][key]


def data_state() -> tuple[str, str]:
    """The data folder and a digest of its fingerprint, worked out once per script run.

    A page asks for them many times (the corpus, each chart, each download menu), and
    each fingerprint lists and checks every file; within one run the files are taken as
    they were at its first call, so a page never mixes two states of the data either.
    The cached loaders get the digest, not the fingerprint: Streamlit hashes every cache
    argument on every call, and a short string hashes much faster than a tuple per file.
    """
    require_sign_in()  # every page's data comes through here, however the page was run
    return once_per_run(("data", os.environ.get(corpus_mod.DATA_DIR_ENV)), _data_state_now)


def _data_state_now() -> tuple[str, str]:
    folder = corpus_mod.data_dir()
    return str(folder), corpus_mod.state_digest(folder)


# The page views, charts and tables of one state of the data, shared by every session:
# keyed by the data folder, its state digest and short arguments (newsdash.app.memo).
_views = Memo(max_entries=512)


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
    return once_per_run(("corpus", *state), lambda: _cached_corpus(*state))


def chart_figure(loaded, chart_id: str, lang: str, **filters):  # noqa: ANN001, ANN201
    """A chart from newsdash.views.charts, built once per data state, language and filter:
    building a Plotly figure on every rerun is several times slower than drawing one.
    The figure is frozen (newsdash.views.frozen_figure): its dict form is made once, here,
    not by st.plotly_chart at every rerun; an export changes a copy, go.Figure(fig)."""
    from newsdash.views.charts import build_chart
    from newsdash.views.frozen_figure import freeze

    corpus = load_corpus()  # a measure's chart draws every article's figures on it
    key = ("chart", *data_state(), loaded.id, chart_id, lang, _key_part(filters))
    return _views.get(key, lambda: freeze(build_chart(loaded, corpus, chart_id, lang, **filters)))


def chart_rows(loaded, chart_id: str, lang: str, **filters):  # noqa: ANN001, ANN201
    """The rows a chart draws (newsdash.views.charts.chart_frame), cached like chart_figure."""
    from newsdash.views.charts import chart_frame

    return cached_view(chart_frame, loaded, load_corpus(), chart_id, lang, **filters)


def page_start(require_article: bool = True):  # noqa: ANN201 - (lang, Corpus, LoadedArticle | None)
    """What every page begins with: the language, the corpus with its errors shown, and
    the article to show. Without a valid article, a page that needs one says so and
    stops there; the rest of the app keeps running."""
    lang = st.session_state.get("lang", "en")
    corpus = load_corpus()
    show_errors(corpus, lang)
    loaded = current_article(corpus, lang)
    if loaded is None and require_article:
        st.info(t("no_articles", lang))
        st.stop()
    return lang, corpus, loaded


def current_article(corpus: corpus_mod.Corpus, lang: str):  # noqa: ANN201 - LoadedArticle | None
    """The article the pages show. With more than one, a selector in the sidebar picks
    it (kept in the URL as ?article=<id>), so a page shows one article's figures and
    charts, never those of every article at once; with one article nothing is drawn."""
    if len(corpus.articles) <= 1:
        return corpus.article()
    ids = [a.id for a in corpus.articles]
    titles = {a.id: f"{a.article.article.published} · {a.article.article.title.get(lang)}" for a in corpus.articles}
    chosen = url_selectbox(t("choose_article", lang), ids, key="article", default=ids[0], lang=lang,
                           format_func=titles.get, container=st.sidebar)
    return corpus.article(chosen)


def article_flags(corpus: corpus_mod.Corpus, loaded) -> tuple:  # noqa: ANN001
    """The flags a page shows beside one article: the context's own, and those of this
    article's figures (not every article's, when there are many)."""
    if len(corpus.articles) <= 1 or loaded is None:
        return corpus.flags
    return _cached_article_flags(*data_state(), loaded.id)


@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_article_flags(data_dir: str, fingerprint: str, article_id: str) -> tuple:
    corpus = _cached_corpus(data_dir, fingerprint)
    return corpus.context.flags + tuple(corpus_mod.article_vs_series(corpus.article(article_id), corpus.context))


def provenance_table(loaded, lang: str):  # noqa: ANN001, ANN201 - pandas.DataFrame
    """The Data & method table (newsdash.views.data_method.provenance_frame) of the article shown and
    the context rows, built once per data state, article and language, not every rerun."""
    return cached_view(_provenance_frame, load_corpus(), loaded.id if loaded else "", lang)


def provenance_rows(loaded, lang: str, kinds: Sequence[str], categories: Sequence[str]) -> tuple:  # noqa: ANN001
    """(rows kept, table to draw) of the Data & method table with these filters
    (newsdash.views.data_method.shown_table), worked out once per data state and filter."""
    return cached_view(_provenance_rows, load_corpus(), loaded.id if loaded else "", lang, tuple(kinds), tuple(categories))


def _provenance_rows(corpus: corpus_mod.Corpus, article_id: str, lang: str, kinds: tuple, categories: tuple) -> tuple:
    from newsdash.views.data_method import shown_table

    frame = cached_view(_provenance_frame, corpus, article_id, lang)
    return shown_table(frame, kinds, categories, lang)


def _provenance_frame(corpus: corpus_mod.Corpus, article_id: str, lang: str):  # noqa: ANN202
    from dataclasses import replace

    from newsdash.views.data_method import provenance_frame

    if len(corpus.articles) > 1:
        corpus = replace(corpus, articles=(corpus.article(article_id),))
    return provenance_frame(corpus, lang)


_link_targets: dict[str, st.Page] = {}


def page_link(path: str, label: str, icon: str | None = None, query_params: dict | None = None) -> None:
    """st.page_link to one of the app's pages (a path such as "pages/timeline.py").

    Given the path, Streamlit resolves it and every registered page on disk at each call
    (realpath and lstat: a fifth of the timeline page's rerun with its seven links). An
    st.Page made once per process for the path names the same page (Streamlit identifies
    a page by its URL path and checks its file against the registered one)."""
    if path not in _link_targets:
        _link_targets[path] = st.Page(path)
    st.page_link(_link_targets[path], label=label, icon=icon, query_params=query_params)


def notice(message: str | None) -> None:
    if message:
        st.caption(f"⚠️ {message}")


def linked_record(loaded) -> str | None:  # noqa: ANN001
    """The figure or event a link points at (?fig=), if the article has it. An unknown
    id gives the default view and a notice, once: it is then dropped from the URL."""
    ids = [f.id for f in loaded.article.figures] + [e.id for e in loaded.article.events]
    parsed = parse_choice("fig", st.query_params.get("fig"), ids, "")
    if parsed.notice:
        notice(parsed.notice)
        st.query_params.pop("fig", None)
    return parsed.value or None


def url_choice(key: str, options: Sequence[str], default: str) -> str:
    """Initial value of a widget from the URL, once per session."""
    if key not in st.session_state:
        parsed = parse_choice(key, st.query_params.get(key), options, default)
        st.session_state[key] = parsed.value
        notice(parsed.notice)
    return st.session_state[key]


def url_multi(key: str, options: Sequence[str], default: Sequence[str]) -> list[str]:
    if key not in st.session_state:
        parsed = parse_multi(key, st.query_params.get(key), options, default)
        st.session_state[key] = parsed.value
        notice(parsed.notice)
    return st.session_state[key]


def url_range(key: str, options: Sequence[str], default: tuple[str, str]) -> tuple[str, str]:
    """A range slider's first value from the URL (?timeline_range=2020-11,2021-06).

    Given to the slider as `value`, not written to its key: a slider knows it is a range
    only from the value it is created with. Read once per session, so the value stays
    the same on every rerun (a changed `value` would make it a new widget).
    """
    initial = f"_{key}_from_url"
    if initial not in st.session_state:
        parsed = parse_multi(key, st.query_params.get(key), options, list(default))
        notice(parsed.notice)
        chosen = parsed.value
        st.session_state[initial] = (chosen[0], chosen[-1]) if len(chosen) in (1, 2) else tuple(default)
    return st.session_state[initial]


def sync_url(key: str, value: str | Sequence[str], default: str | Sequence[str]) -> None:
    """Write a widget's value to the URL, or drop it when it is the default."""
    text = value if isinstance(value, str) else serialize_multi(value)
    default_text = default if isinstance(default, str) else serialize_multi(default)
    if text == default_text:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def url_multiselect(label: str, options: Sequence[str], *, key: str, default: Sequence[str], lang: str,
                    format_func) -> list[str]:  # noqa: ANN001
    """A filter: a multiselect of ids, labelled in the language, its choice in the URL
    (?key=id,id), and the same choice after a language switch (see url_state)."""
    _give_back_after_switch(key, lang, list)
    url_multi(key, options, default)
    chosen = known_ids(st.multiselect(label, options, key=key, format_func=format_func), options)
    _remember_shown(key, lang, chosen)
    sync_url(key, chosen, default)
    return chosen


def url_selectbox(label: str, options: Sequence[str], *, key: str, default: str, lang: str, format_func,  # noqa: ANN001
                  container=None) -> str:  # noqa: ANN001 - a Streamlit container (st.sidebar); the page by default
    """A choice of one id, labelled in the language, in the URL as ?key=id (dropped when it
    is the default), and the same choice after a language switch."""
    _give_back_after_switch(key, lang, lambda ids: ids[0] if ids else default)
    url_choice(key, options, default)
    chosen = (container or st).selectbox(label, options, key=key, format_func=format_func)
    chosen = chosen if chosen in options else default
    _remember_shown(key, lang, (chosen,))
    sync_url(key, chosen, default)
    return chosen


def url_select_range(label: str, options: Sequence[str], *, key: str, lang: str, format_func) -> tuple[str, str]:  # noqa: ANN001
    """A filter: a range of options (months) on a select slider, labelled in the language,
    in the URL as ?key=first,last, and the same range after a language switch."""
    whole = (options[0], options[-1])
    # after a switch the slider is given both its ids and `value` (only `value` makes it a
    # range): Streamlit logs once per process that a widget had both; the ids win
    _give_back_after_switch(key, lang, tuple)
    value = st.select_slider(label, options=options, key=key, value=url_range(key, options, whole),
                             format_func=format_func)
    first, last = range_ids(value, options, whole)
    _remember_shown(key, lang, (first, last))
    sync_url(key, [first, last], list(whole))
    return first, last


def _shown_key(key: str) -> str:
    return f"_{key}_shown"


def _give_back_after_switch(key: str, lang: str, as_value) -> None:  # noqa: ANN001 - ids -> the widget's value
    """Before the widget is drawn: when the language changed since it was last shown, give
    it back its ids. The browser keeps the old language's labels and sends them back; on
    the run after a switch Streamlit still reads them with the old labels, on the next one
    with the new: unmatched, they came back as the labels themselves (where a format_func
    names an unknown id by itself) or as nothing. A value written to the key wins over the
    browser's and is sent to it, which relabels the chips or the slider. A widget not drawn
    in the last run (another page was open) has no state: the URL seeds it instead."""
    if key not in st.session_state:
        return
    ids = ids_after_switch(st.session_state.get(_shown_key(key)), lang)
    if ids is not None:
        st.session_state[key] = as_value(ids)


def _remember_shown(key: str, lang: str, ids: Sequence[str]) -> None:
    st.session_state[_shown_key(key)] = Shown(lang, tuple(ids))


def _configured_hash() -> str | None:
    # once per run: Streamlit reads and parses secrets.toml again at every st.secrets call
    return once_per_run(("password hash",), _configured_hash_now)[0]


def _hash_in_old_place() -> bool:
    """The hash came from [auth] password_hash, the section Streamlit keeps for st.login."""
    return once_per_run(("password hash",), _configured_hash_now)[1]


def _configured_hash_now() -> tuple[str | None, bool]:
    return auth.hash_from_secrets(st.secrets if st.secrets.load_if_toml_exists() else None)


def require_sign_in() -> None:
    """Stop a run that has no right to the data. The gate in dashboard.py is the front
    door; this is the lock on the data itself, for a page run without the entry script
    (Streamlit's legacy pages mode on a freshly started server can do that)."""
    encoded = _configured_hash()
    if encoded and not _signed_in(encoded):
        st.stop()


def sign_in_state() -> tuple[bool, bool]:
    """(a password is set, this session gave it): what a page that writes data asks."""
    encoded = _configured_hash()
    return bool(encoded), bool(encoded) and _signed_in(encoded)


def password_gate(lang: str) -> None:
    """When a password hash is configured, stop here until this session has given the
    password. The sign-in form is then the only page, whatever the URL asks for."""
    encoded = _configured_hash()
    signed_in = bool(encoded) and _signed_in(encoded)
    _tell_the_guard(encoded, signed_in)
    if signed_in:
        _signed_in_sidebar(lang)
    if not encoded or signed_in:
        return  # a changed hash signs every session out
    form = partial(_sign_in_page, encoded, lang)
    # the form under every page's own address: a shared link (/demining?lang=ar) shows the
    # form, not "page not found", and after sign-in the rerun opens the page it names
    pages = [st.Page(form, title=t("login_title", lang), url_path="sign-in", default=True)]
    pages += [st.Page(form, title=t("login_title", lang), url_path=stem) for stem in _page_stems()]
    st.navigation(pages, position="hidden").run()
    st.stop()


def _page_stems() -> list[str]:
    """The pages beside the entry script: the app folder, also when the package is installed
    elsewhere (newsdash serve --app-dir, the Docker image)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    folder = Path(ctx.main_script_path).parent if ctx else corpus_mod.PROJECT_ROOT
    return sorted(p.stem for p in (folder / "pages").glob("*.py"))


def _signed_in(encoded: str) -> bool:
    """This session gave the password, or its browser did, recently, with this same hash
    (a reload or a new tab is a new session: guard.BROWSERS remembers the browser)."""
    if st.session_state.get("_signed_in_with") == encoded:
        return True
    if guard.BROWSERS.knows(_browser(), encoded):
        st.session_state["_signed_in_with"] = encoded
        return True
    return False


def _signed_in_sidebar(lang: str) -> None:
    """The way out, and for the editors a word when the hash sits in the old place."""
    st.sidebar.button(t("sign_out", lang), key="sign_out", icon=":material/logout:", on_click=_sign_out)
    if _hash_in_old_place():
        st.sidebar.warning(t("password_hash_old_place", lang))


def _sign_out() -> None:
    """Forget this session's sign-in and its browser (a reload would otherwise let it in
    again); the rerun that follows the click shows the form."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    st.session_state.pop("_signed_in_with", None)
    guard.BROWSERS.forget(_browser())
    if ctx := get_script_run_ctx():
        guard.DOORS.sign_out(ctx.session_id)


def _browser() -> bytes | None:
    return guard.browser_token(st.context.cookies.get("_streamlit_xsrf"))


def _tell_the_guard(encoded: str | None, signed_in: bool) -> None:
    """Downloads and cache clearing are checked outside any page run (newsdash/app/guard.py):
    tell it whether a password is set, and this session's sign-in and browser."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if ctx := get_script_run_ctx():
        browser = _browser() if signed_in else None
        guard.DOORS.note_run(ctx.session_id, encoded, signed_in, browser)


def _sign_in_page(encoded: str, lang: str) -> None:
    st.title(t("login_title", lang))
    try:
        stored = auth.parse_hash(encoded)
    except auth.AuthConfigError as problem:  # fail closed: nobody is let in
        st.error(t("auth_misconfigured", lang).format(reason=problem))
        return
    with st.form("sign_in"):
        password = st.text_input(t("password", lang), type="password", max_chars=auth.MAX_PASSWORD_LENGTH)
        submitted = st.form_submit_button(t("sign_in", lang), type="primary")
    if not submitted:
        return
    verdict = _check_password(password, stored, lang)
    if verdict:
        st.session_state["_signed_in_with"] = encoded
        guard.BROWSERS.remember(_browser(), encoded)
        st.rerun()
    st.error(t("wrong_password" if verdict is False else "sign_in_busy", lang))


def _check_password(password: str, stored: auth.StoredHash, lang: str) -> bool | None:
    """Wait for the slot the brake books, then check (the wait blocks this session only);
    None when the brake refuses: the password is then not checked at all."""
    address = _client_address()
    wait = auth.BRAKE.book(address)
    if wait is None:
        return None
    if wait:
        with st.spinner(t("checking_password", lang)):
            time.sleep(wait)
    ok = auth.verify_password(password, stored)
    auth.BRAKE.record(address, ok)
    return ok


def _client_address() -> str:
    """The reader's address for the brake. Streamlit's server (uvicorn) takes it from
    X-Forwarded-For only when the connection comes from loopback (the nginx of deploy/),
    and then the last address not on loopback, the one nginx added; Streamlit reports
    loopback itself as None."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "loopback"


def language() -> str:
    """The language switch, at the head of every page (on a phone the sidebar is a menu
    a reader would have to open first); the choice lives in the URL as ?lang=ar."""
    if "lang" not in st.session_state:
        parsed = parse_choice("lang", st.query_params.get("lang"), LANGS, "en")
        st.session_state["lang"] = parsed.value
        notice(parsed.notice)
    lang = st.segmented_control(
        "Language / اللغة", LANGS, key="lang", required=True,
        format_func=lambda code: {"en": "English", "ar": "العربية"}[code],
    )
    sync_url("lang", lang, "en")
    return lang


# Arabic mode: the main area reads right to left; charts keep Plotly's own layout.
RTL_PAGE_CSS = """<style>
[data-testid="stMain"], [data-testid="stSidebarContent"] { direction: rtl; }
[data-testid="stMain"] p, [data-testid="stMain"] h1, [data-testid="stMain"] h2,
[data-testid="stMain"] h3, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMetricValue"], [data-testid="stMetricLabel"], [data-testid="stCaptionContainer"] {
  text-align: right; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; }
[data-testid="stPlotlyChart"], [data-testid="stDataFrame"], code { direction: ltr; }
</style>"""


# The page's language on <html> itself (WCAG 3.1.1): Streamlit writes <html lang="en">
# whatever the page says, and its text elements take no lang attribute. A fixed script,
# run in the page (st.html runs no script unless told to); it holds no data. The switch
# back to English needs it as much as the switch to Arabic. Not dir="rtl" on <html>:
# Streamlit's frame (the sidebar's rail, the header) is laid out for left to right and
# its rail then covers the text; the main area's direction is set by RTL_PAGE_CSS.
# The language switch names each language in itself ("العربية" on an English page): that
# option is marked in its own language too (WCAG 3.1.2), once the switch is drawn.
DOCUMENT_LANGUAGE_JS = """<script>
document.documentElement.lang = "{lang}";
(function markOptions(tries) {{
  const options = document.querySelectorAll('[data-testid="stMain"] [role="radio"]');
  options.forEach(function (option) {{
    option.lang = /[\u0600-\u06ff]/.test(option.textContent) ? "ar" : "en";
  }});
  if (options.length === 0 && tries > 0) setTimeout(function () {{ markOptions(tries - 1); }}, 200);
}})(25);
</script>"""


def apply_direction(lang: str) -> None:
    """The page marked in its language, and right-to-left for the main area in Arabic."""
    script = DOCUMENT_LANGUAGE_JS.format(lang="ar" if lang == "ar" else "en")
    st.html((RTL_PAGE_CSS if lang == "ar" else "") + script, unsafe_allow_javascript=True)


# Streamlit's uploader writes its own words in English whatever the page's language:
# "Upload" on its button and "200MB per file • TXT" under it, a limit that is not ours
# (the label gives the article's real limit, in the reader's language). The instructions
# are hidden by a style; the button's word is replaced by a script (CSS content would
# leave the button without an accessible name), tried for a few seconds while it draws.
UPLOADER_CSS = """<style>[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }</style>"""
UPLOADER_BUTTON_JS = """<script>
(function relabel(tries) {
  const words = document.querySelectorAll(
    '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p');
  words.forEach(function (p) { p.textContent = %s; });
  if (words.length === 0 && tries > 0) setTimeout(function () { relabel(tries - 1); }, 200);
})(25);
</script>"""


def file_uploader(label: str, lang: str, **kwargs):  # noqa: ANN003, ANN201 - UploadedFile | None
    """st.file_uploader with its own words in the page's language (the interface's text
    only: a fixed string of newsdash.reading.i18n, never data, goes into the script, as JSON)."""
    st.html(UPLOADER_CSS)
    upload = st.file_uploader(label, **kwargs)
    st.html(UPLOADER_BUTTON_JS % json.dumps(t("add_choose_file", lang)), unsafe_allow_javascript=True)
    return upload


def show_errors(corpus: corpus_mod.Corpus, lang: str) -> None:
    """Every data error, each on its own line, in an error box; the page goes on."""
    if corpus.errors:
        lines = "\n".join(f"- {code_span(str(error))}" for error in corpus.errors)  # data text stays literal
        st.error(f"{t('data_errors', lang)}\n\n{lines}")


def rtl_html(text: str, tag: str = "div", extra_style: str = "") -> str:
    """Escaped text in a right-to-left block with an Arabic font."""
    return f'<{tag} dir="rtl" lang="ar" style="{RTL_STYLE}{extra_style}">{html_text(text)}</{tag}>'


def text_block(text: str, lang: str) -> None:
    """Plain text in the direction of its language (Arabic right-to-left)."""
    if lang == "ar":
        st.markdown(rtl_html(text), unsafe_allow_html=True)
    else:
        st.markdown(f"<div>{html_text(text)}</div>", unsafe_allow_html=True)  # one HTML block: no Markdown


def show_chart(fig, chart, loaded, lang: str, filter_tag: str = "", filters: dict | None = None) -> None:  # noqa: ANN001
    """Draw a chart built in newsdash.views.charts, with its alt text, a modebar image
    download named after the chart, and the download menu under it. Pass the same
    `filters` given to build_chart, so the CSV download is exactly the data drawn."""
    from newsdash.views.charts import alt_text, plotly_config

    screen = screen_chart(fig, chart, loaded, lang, filters)
    st.markdown(screen.heading_html, unsafe_allow_html=True)
    st.plotly_chart(screen.figure, key=f"chart_{chart.id}", config=plotly_config(chart, loaded, lang, filter_tag),
                    alt=alt_text(chart, loaded, lang))
    if screen.footer_html:
        st.markdown(screen.footer_html, unsafe_allow_html=True)
    _download_menu_fragment(fig, chart, loaded, lang, filter_tag, filters, drawn_state=data_state()[1])  # the full figure: words on the image


def screen_chart(fig, chart, loaded, lang: str, filters: dict | None = None):  # noqa: ANN001, ANN201
    """The page's form of a chart (newsdash.views.charts.screen_chart): its words as HTML that
    wraps, the plot without them. Made once per chart, like chart_figure, whose
    arguments it is keyed on; the figure is frozen."""
    from newsdash.views.charts import screen_chart as make_screen_chart
    from newsdash.views.frozen_figure import freeze

    key = ("screen", *data_state(), loaded.id, chart.id, lang, _key_part(filters or {}))

    def make():  # noqa: ANN202
        screen = make_screen_chart(fig, chart.kind, lang)
        return type(screen)(freeze(screen.figure), screen.heading_html, screen.footer_html)

    return _views.get(key, make)


def chart_or_message(loaded, chart, lang: str, filter_tag: str = "", filters: dict | None = None) -> None:  # noqa: ANN001
    """The chart (show_chart), or, when it has nothing to draw, a sentence saying so
    instead of an empty axis, and no downloads of an empty image."""
    from newsdash.views.charts import empty_message

    filters = filters or {}
    message = cached_view(empty_message, loaded, load_corpus(), chart.id, lang, **filters)
    if message:
        st.info(md_text(message), icon=":material/info:")
        return
    show_chart(chart_figure(loaded, chart.id, lang, **filters), chart, loaded, lang, filter_tag, filters)


def caveat_banner(loaded, lang: str) -> None:  # noqa: ANN001
    """The claim caveat once per page, above its charts (every downloaded image carries it too)."""
    st.warning(f"**{t('caveat_title', lang)}.** {md_text(loaded.article.article.claim_caveat.get(lang))}",
               icon=":material/campaign:")


# Downloads: each file is made only when its button is clicked. Streamlit runs a
# callable `data` in a worker thread, so an export never holds up this page or another
# user's; the shared browser (newsdash.exports.static_export) renders two images at a time.
DOWNLOAD_ICONS = {"png": ":material/image:", "svg": ":material/draw:", "pdf": ":material/picture_as_pdf:",
                  "html": ":material/public:", "csv": ":material/table:"}


def download_menu(fig, chart, loaded, lang: str, filter_tag: str = "", filters: dict | None = None,  # noqa: ANN001
                  drawn_state: str | None = None) -> None:
    """PNG, SVG, HTML and CSV of the chart as drawn, named after it and its filter.

    `filters` are those the page passed to build_chart: the CSV is exactly the data drawn.
    Without a browser for images the menu says so and offers HTML and CSV.

    The menu's buttons are made only while it is open: a page with four charts would
    otherwise make sixteen download buttons at every rerun, about a third of its work.
    Opening or closing the menu reruns this fragment alone, not the page. `drawn_state`
    is the data state the chart was drawn from (data_state): if the files changed since,
    the menu says so and offers the new state's chart, never the old chart beside new data.
    """
    menu = st.popover(t("download", lang), icon=":material/download:", key=download_menu_key(chart.id),
                      on_change="rerun")
    if menu.open:
        with menu:
            _download_buttons(fig, chart, loaded, lang, filter_tag, filters, drawn_state)


_download_menu_fragment = st.fragment(download_menu)


def download_menu_key(chart_id: str) -> str:
    """The session-state key of a chart's download menu: True while it is open."""
    return f"download_menu_{chart_id}"


def _download_buttons(fig, chart, loaded, lang: str, filter_tag: str, filters: dict | None,  # noqa: ANN001
                      drawn_state: str | None = None) -> None:
    from newsdash.exports import chart_files as export
    from newsdash.views.charts import (
        ExportWords,
        build_chart,
        chart_frame,
        file_stem,
        get_chart,
        plotly_config,
    )
    from newsdash.views.data_method import credit_line

    corpus = load_corpus()
    if drawn_state is not None and drawn_state != data_state()[1]:  # the menu reruns alone, later
        st.caption(t("download_data_changed", lang))
        fresh = corpus.article(loaded.id)
        try:
            chart = get_chart(fresh, chart.id, corpus) if fresh and fresh.id == loaded.id else None
        except DataError:
            chart = None
        if chart is None:
            return
        loaded = fresh  # the export figure below is drawn from the data as it is now
    context = corpus  # a measure's chart draws every article's figures on it
    folder = corpus_mod.Path(data_state()[0])

    def export_figure():  # noqa: ANN202 - the page's chart with the caveat and credit a file carries
        words = ExportWords(credit=credit_line(folder, lang))
        return build_chart(loaded, context, chart.id, lang, export=words, **(filters or {}))

    files = export.ChartFiles(
        export_figure, lambda: chart_frame(loaded, context, chart.id, lang, **(filters or {})),
        file_stem(chart, loaded, lang, filter_tag), lang, chart.title.get(lang),
        plotly_config(chart, loaded, lang, filter_tag))
    unavailable = once_per_run(("static export",), export.static_unavailable_reason)
    st.caption(t("download_help", lang))
    if unavailable:
        st.caption(t("static_unavailable", lang).format(reason=unavailable))
    for fmt in export.offered_formats(unavailable):
        st.download_button(t(f"download_{fmt}", lang), data=partial(files.data, fmt),
                           file_name=files.file_name(fmt), mime=export.MIME[fmt], on_click="ignore",
                           key=f"download_{chart.id}_{fmt}", icon=DOWNLOAD_ICONS[fmt])


_press_kit_lock = threading.Lock()
_press_kit_cache: dict[tuple, bytes] = {}
_kit_notices: dict[str, str] = {}  # by session: what its last kit held, said at its next rerun


def _press_kit_bytes(corpus: corpus_mod.Corpus, folder: str, fingerprint: str, session: str = "") -> bytes:
    """The kit of one state of the data, built once: one build at a time, the last kept.

    The kit is built from the corpus alone, files included (newsdash.exports.presskit). If the
    files changed between the page's drawing and the click, the kit is built whole from
    the new state instead (unless that has more errors), the kit's README says so first,
    and the page says so at its next rerun: never the page's figures beside new files."""
    from newsdash.exports.presskit import NEWER_THAN_PAGE, build_press_kit

    notice = None
    now = corpus_mod.state_digest(corpus_mod.Path(folder))
    if now != fingerprint:
        newer = _cached_corpus(folder, now)
        if len(newer.errors) <= len(corpus.errors):
            corpus, fingerprint, notice = newer, now, NEWER_THAN_PAGE
        _kit_notices[session] = "press_kit_newer" if notice else "press_kit_older"
        while len(_kit_notices) > 1000:  # sessions that never came back
            del _kit_notices[next(iter(_kit_notices))]
    key = (folder, fingerprint, notice)
    with _press_kit_lock:
        if key not in _press_kit_cache:
            _press_kit_cache.clear()
            _press_kit_cache[key] = build_press_kit(corpus, data_dir=corpus_mod.Path(folder), notice=notice)
        return _press_kit_cache[key]


def press_kit_download(corpus: corpus_mod.Corpus, lang: str) -> None:
    """The press kit button for the Data & method page, built only when clicked."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from newsdash.exports.chart_files import static_unavailable_reason
    from newsdash.exports.presskit import kit_name

    folder, fingerprint = data_state()
    session = getattr(get_script_run_ctx(), "session_id", "")
    st.header(t("press_kit_heading", lang))
    if said := _kit_notices.pop(session, None):
        st.warning(t(said, lang))
    st.download_button(t("press_kit", lang), data=lambda: _press_kit_bytes(corpus, str(folder), fingerprint, session),
                       file_name=f"{kit_name(corpus)}.zip", mime="application/zip", on_click="ignore",
                       key="press_kit_download", icon=":material/folder_zip:", type="primary")
    st.caption(t("press_kit_help", lang))
    if unavailable := once_per_run(("static export",), static_unavailable_reason):
        st.caption(t("press_kit_no_images", lang).format(reason=unavailable))


# Last, after every name above exists: the rerun it may request interrupts this import,
# and another session importing the module at that moment must still find them all
# (called earlier, two first visitors at once got "cannot import name ...").
_leave_legacy_pages_mode()
