"""Shared page widgets: the only module of the package that imports streamlit.

Pages call these for what every page needs: the cached corpus, the language switch,
data errors shown as errors (never tracebacks), and right-to-left text blocks.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from newsdash import corpus as corpus_mod
from newsdash.i18n import LANGS, t
from newsdash.url_state import parse_choice, parse_multi, serialize_multi

RTL_STYLE = "direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif;"


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_corpus(data_dir: str, fingerprint: tuple) -> corpus_mod.Corpus:
    # fingerprint is only part of the cache key: a changed file means a new entry
    return corpus_mod.load_corpus(corpus_mod.Path(data_dir))


def load_corpus() -> corpus_mod.Corpus:
    """The corpus, cached, reloaded when any data or seed file changes on disk."""
    folder = corpus_mod.data_dir()
    return _cached_corpus(str(folder), corpus_mod.fingerprint(folder))


def notice(message: str | None) -> None:
    if message:
        st.caption(f"⚠️ {message}")


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


def sync_url(key: str, value: str | Sequence[str], default: str | Sequence[str]) -> None:
    """Write a widget's value to the URL, or drop it when it is the default."""
    text = value if isinstance(value, str) else serialize_multi(value)
    default_text = default if isinstance(default, str) else serialize_multi(default)
    if text == default_text:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def language() -> str:
    """The sidebar language switch; the choice lives in the URL as ?lang=ar."""
    if "lang" not in st.session_state:
        parsed = parse_choice("lang", st.query_params.get("lang"), LANGS, "en")
        st.session_state["lang"] = parsed.value
        notice(parsed.notice)
    lang = st.sidebar.segmented_control(
        "Language / اللغة", LANGS, key="lang", required=True,
        format_func=lambda code: {"en": "English", "ar": "العربية"}[code],
    )
    sync_url("lang", lang, "en")
    return lang


# Arabic mode: the main area reads right to left; charts keep Plotly's own layout.
RTL_PAGE_CSS = """<style>
[data-testid="stMain"] { direction: rtl; }
[data-testid="stMain"] p, [data-testid="stMain"] h1, [data-testid="stMain"] h2,
[data-testid="stMain"] h3, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMetricValue"], [data-testid="stMetricLabel"], [data-testid="stCaptionContainer"] {
  text-align: right; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; }
[data-testid="stPlotlyChart"], [data-testid="stDataFrame"], code { direction: ltr; }
</style>"""


def apply_direction(lang: str) -> None:
    """Right-to-left for the whole main area when the interface is Arabic."""
    if lang == "ar":
        st.html(RTL_PAGE_CSS)


def show_errors(corpus: corpus_mod.Corpus, lang: str) -> None:
    """Every data error, each on its own line, in an error box; the page goes on."""
    if corpus.errors:
        lines = "\n".join(f"- `{error}`" for error in corpus.errors)
        st.error(f"{t('data_errors', lang)}\n\n{lines}")


def rtl_html(text: str, tag: str = "div", extra_style: str = "") -> str:
    """Escaped text in a right-to-left block with an Arabic font."""
    return f'<{tag} dir="rtl" lang="ar" style="{RTL_STYLE}{extra_style}">{html.escape(text)}</{tag}>'


def text_block(text: str, lang: str) -> None:
    """Plain text in the direction of its language (Arabic right-to-left)."""
    if lang == "ar":
        st.markdown(rtl_html(text), unsafe_allow_html=True)
    else:
        st.markdown(html.escape(text).replace("\n", "  \n"), unsafe_allow_html=True)


def show_chart(fig, chart, loaded, lang: str, filter_tag: str = "") -> None:  # noqa: ANN001
    """Draw a chart built in newsdash.charts, with its alt text and a modebar
    image download named after the chart. Chart-level extras (the download menu)
    belong here so every page gets them at once."""
    from newsdash.charts import alt_text, plotly_config

    st.plotly_chart(fig, key=f"chart_{chart.id}", config=plotly_config(chart, loaded, lang, filter_tag),
                    alt=alt_text(chart, loaded, lang))
