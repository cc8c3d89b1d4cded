"""Widgets whose value lives in the URL: a shared link reopens the same view.

Each filter or choice is read from the query string once per session (garbage gives the
default and a notice, newsdash.app.url_state), written back when it changes (dropped when
it is the default), and kept across a language switch.

Why not Streamlit's own `bind="query-params"` (checked on Streamlit BIND_CHECKED_ON, in
December 2026, on every filter; tests/test_url_bind_app.py holds what was found): a bound
widget keeps its *labels* in the URL (`format_func`'s text: `?article=29 December 2026 ·
<title>`, `?demining_measures=<translated name>`), not our ids. So
- every link shared so far, which names ids, would be dropped, silently;
- a link made in English names nothing an Arabic page knows, and the reverse: after a
  language switch or in a shared link, the filter falls back to its default;
- a bad value is dropped with no word to the reader (ours says so);
- a bound value equal to the default always leaves the URL: `?article=` could not stay in
  the link when the latest article is chosen (`pinned`), and a bound parameter cannot be
  written through st.query_params at all.
Binding is not slower: every filter bound (Streamlit writing the URL, none of the code
below) the warm reruns of the pages with filters took about as long or up to 2 ms less
(best of 100 AppTest reruns a page, on 2 shared cores at load 7-17: demining 8.6 against
10.1 ms, returns 8.2/9.4, timeline 4.9/5.3, data & method 7.7/7.8, original text
3.0/5.1; `python -m newsdash.bench --quick --only rerun` within its noise). It was
refused for what it does, not for its speed: taking it would lose ids in the URL, links
across languages, the notice and the pinned article, which are what this module is for.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from newsdash.app.url_state import (
    Shown,
    ids_after_switch,
    kept_key,
    known_ids,
    parse_choice,
    range_ids,
    seed_multi,
    serialize_multi,
)

BIND_CHECKED_ON = "1.67.0"  # the Streamlit whose bind="query-params" was tried (see above)


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
    """Initial value of a filter: the URL's, else what the reader chose on the last visit
    to the page in this session (url_state.seed_multi), else the default."""
    if key not in st.session_state:
        parsed = seed_multi(key, st.query_params.get(key), st.session_state.get(kept_key(key)), options, default)
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
    if initial not in st.session_state or key not in st.session_state:  # first drawn, or drawn again after another page
        parsed = seed_multi(key, st.query_params.get(key), st.session_state.get(kept_key(key)), options, list(default))
        notice(parsed.notice)
        chosen = parsed.value
        st.session_state[initial] = (chosen[0], chosen[-1]) if len(chosen) in (1, 2) else tuple(default)
    return st.session_state[initial]


def sync_url(key: str, value: str | Sequence[str], default: str | Sequence[str] | None) -> None:
    """Write a widget's value to the URL, or drop it when it is the default (a default of
    None: always write it)."""
    text = value if isinstance(value, str) else serialize_multi(value)
    default_text = default if isinstance(default, str) or default is None else serialize_multi(default)
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
    st.session_state[kept_key(key)] = chosen
    sync_url(key, chosen, default)
    return chosen


def url_selectbox(label: str, options: Sequence[str], *, key: str, default: str, lang: str, format_func,  # noqa: ANN001
                  container=None, pinned: bool = False) -> str:  # noqa: ANN001 - st.sidebar; the page by default
    """A choice of one id, labelled in the language, in the URL as ?key=id (dropped when it
    is the default, unless `pinned`: a default that moves, as the latest article does when
    one is added, must not move a shared link's view), and the same choice after a
    language switch."""
    _give_back_after_switch(key, lang, lambda ids: ids[0] if ids else default)
    url_choice(key, options, default)
    chosen = (container or st).selectbox(label, options, key=key, format_func=format_func)
    chosen = chosen if chosen in options else default
    _remember_shown(key, lang, (chosen,))
    sync_url(key, chosen, None if pinned else default)
    return chosen


def url_select_range(label: str, options: Sequence[str], *, key: str, lang: str, format_func) -> tuple[str, str]:  # noqa: ANN001
    """A filter: a range of options (months, in order) on a select slider, labelled in the
    language, in the URL as ?key=first,last, and the same range after a language switch.
    In Arabic the slider runs right to left, as the page does: its options are given
    latest first, so the earliest is at its right end (Streamlit's slider has no
    direction of its own); the range returned and in the URL stays first, last."""
    whole = (options[0], options[-1])
    # after a switch the slider is given both its ids and `value` (only `value` makes it a
    # range): Streamlit logs once per process that a widget had both; the ids win
    _give_back_after_switch(key, lang, tuple)
    shown = list(options)[::-1] if lang == "ar" else options
    value = st.select_slider(label, options=shown, key=key, value=url_range(key, options, whole),
                             format_func=format_func)
    first, last = range_ids(value, options, whole)
    _remember_shown(key, lang, (first, last))
    st.session_state[kept_key(key)] = [first, last]
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
