"""The frame of every page: the language switch, the page list, the page marked in its
language and read right to left in Arabic, text blocks in their direction, links between
pages, the claim caveat, data errors shown as errors (never tracebacks), and a translated
uploader.
"""

from __future__ import annotations

import copy

import streamlit as st

from newsdash import caches
from newsdash.app import page_scripts
from newsdash.app.dark_css import DARK_CSS
from newsdash.app.fixed_scripts import PAGE_SCRIPT, UPLOADER_BUTTON
from newsdash.app.legacy_pages import run_through_entry_script
from newsdash.app.print_css import PRINT_CSS
from newsdash.app.url import notice, sync_url
from newsdash.app.url_state import parse_choice
from newsdash.data import corpus as corpus_mod
from newsdash.errors import for_readers
from newsdash.reading.i18n import LANGS, t
from newsdash.textsafety import code_span, html_text
from newsdash.textsafety import md_escape as md_text
from newsdash.views.overview import TILE_CSS

RTL_STYLE = "direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif;"


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


# In both languages: a page link's label wraps instead of being cut with an ellipsis (on a
# phone "…: more than 34,000 refugees" lost its number after "more than").
PAGE_CSS = """<style>
[data-testid="stPageLink"] p, [data-testid="stPageLink"] span {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
/* Tap targets of 24 x 24 px at least (WCAG 2.2, 2.5.8): a chip's remove button, the
   multiselect's typing field, a help icon, a link inside a sentence */
[data-testid="stMultiSelect"] [data-tag] [role="button"], [data-testid="stMultiSelect"] [data-tag] button {
  min-width: 24px; min-height: 24px; display: inline-flex; align-items: center; justify-content: center; }
[data-testid="stMultiSelect"] input { min-width: 24px !important; }
[data-testid="stMultiSelect"] button, [data-testid="stSelectbox"] button { min-width: 24px; min-height: 24px; }
[data-testid="stTooltipIcon"], [data-testid="stTooltipHoverTarget"] { min-width: 24px; min-height: 24px;
  display: inline-flex; align-items: center; justify-content: center; }
/* ... the "?" itself is the button inside that box, drawn 16 x 16: the button is the target */
[data-testid="stTooltipIcon"] button, [data-testid="stTooltipHoverTarget"] > button[aria-label] {
  min-width: 24px; min-height: 24px; display: inline-flex; align-items: center; justify-content: center; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] a, [data-testid="stMain"] .stHtml a,
[data-testid="stMain"] [data-testid="stHtml"] a, [data-testid="stMain"] .nd-sources a {
  padding-block: 2px; }
/* A link to a chart (#chart- and its id) lands with its chart's title below Streamlit's header, not under it */
[data-testid="stMain"] [id^="chart-"] { scroll-margin-top: 4.5rem; }
</style>"""


# Arabic mode: the main area reads right to left; charts keep Plotly's own layout. A
# select's options open in a layer outside the main area: read left to right, a long
# Arabic option showed its end and hid its start (an article's date) past the edge.
RTL_PAGE_CSS = """<style>
[data-testid="stMain"], [data-testid="stSidebarContent"] { direction: rtl; }
[data-testid="stMain"] p, [data-testid="stMain"] h1, [data-testid="stMain"] h2,
[data-testid="stMain"] h3, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMetricValue"], [data-testid="stMetricLabel"], [data-testid="stCaptionContainer"] {
  text-align: right; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; }
[data-testid="stPlotlyChart"], [data-testid="stDataFrame"], code { direction: ltr; }
[role="listbox"] [role="option"], [role="listbox"] [role="option"] * { direction: rtl; text-align: right; }
/* a chart's download and share menu opens in a layer outside the main area too: its
   caption ended with its full stop at the left, its buttons' words out of order */
[data-testid="stPopoverBody"] { direction: rtl; text-align: right; }
[data-testid="stPopoverBody"] code, [data-testid="stPopoverBody"] textarea,
[data-testid="stPopoverBody"] input { direction: ltr; text-align: left; }
/* a file name in the uploader reads left to right, whatever the page direction */
[data-testid="stFileUploaderDropzone"] * { unicode-bidi: plaintext; }
/* Streamlit's own menu speaks English only: not on an Arabic page */
[data-testid="stMainMenu"] { display: none; }
/* the language switch inside the page's edge: its last button was cut at the right */
[data-testid="stMain"] [data-testid="stButtonGroup"] { max-width: 100%; padding-inline-end: 2px; }
/* ... and laid out left to right as on an English page: Streamlit draws a segmented
   control's joined borders and corners for that order, and turned right to left the
   "English" button lost its outer border and corners at the page's right edge */
[data-testid="stMain"] .st-key-lang [data-testid="stButtonGroup"] { direction: ltr; }
</style>"""


def apply_direction(lang: str) -> None:
    """The page marked in its language, right-to-left for the main area in Arabic, and
    the style sheets every page may need (tiles, tables, the uploader, print, dark)."""
    page_scripts.draw(PAGE_SCRIPT["ar" if lang == "ar" else "en"],
                      before=PAGE_CSS + (RTL_PAGE_CSS if lang == "ar" else "") + DARK_CSS + PRINT_CSS
                      + TILE_CSS + RESPONSIVE_CSS + UPLOADER_CSS)


# The uploader's instructions ("200MB per file • TXT", a limit that is not ours, in English)
# are hidden; its button's word is replaced (newsdash.app.fixed_scripts.UPLOADER_BUTTON).
UPLOADER_CSS = """<style>[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }</style>"""


def file_uploader(label: str, lang: str, **kwargs):  # noqa: ANN003, ANN201 - UploadedFile | None
    """st.file_uploader with its own words in the page's language (the interface's text
    only: a fixed string of newsdash.reading.i18n, never data, goes into the script, as JSON)."""
    run_through_entry_script()  # the Add an article page's first call (newsdash.app.legacy_pages)
    upload = st.file_uploader(label, **kwargs)
    page_scripts.draw(UPLOADER_BUTTON["ar" if lang == "ar" else "en"])
    return upload


def show_errors(corpus: corpus_mod.Corpus, lang: str) -> None:
    """Every data error, each on its own line, in an error box; the page goes on."""
    if corpus.errors:
        folder = corpus_mod.data_dir()  # paths shown relative to the record, never the server's
        lines = "\n".join(f"- {code_span(for_readers(str(error), folder))}" for error in corpus.errors)
        st.error(f"{t('data_errors', lang)}\n\n{lines}")


def rtl_html(text: str, tag: str = "div", extra_style: str = "") -> str:
    """Escaped text in a right-to-left block with an Arabic font."""
    return f'<{tag} dir="rtl" lang="ar" style="{RTL_STYLE}{extra_style}">{html_text(text)}</{tag}>'


def text_block(text: str, lang: str) -> None:
    """Plain text in the direction of its language (Arabic right-to-left)."""
    if lang == "ar":
        st.markdown(rtl_html(text), unsafe_allow_html=True)
    else:  # left to right even on an Arabic page; one HTML block: no Markdown
        st.markdown(f'<div dir="ltr" lang="en" style="text-align:left">{html_text(text)}</div>', unsafe_allow_html=True)


def caveat_banner(loaded, lang: str) -> None:  # noqa: ANN001
    """The claim caveat once per page, above its charts (every downloaded image carries it too)."""
    st.warning(f"**{t('caveat_title', lang)}.** {md_text(loaded.article.article.claim_caveat.get(lang))}",
               icon=":material/campaign:")


# The app's pages for st.navigation, made once per process and language (see navigation_pages)
_menu_pages: dict[tuple, tuple[st.Page, ...]] = {}
caches.owns("app.layout:_menu_pages", _menu_pages.clear)


def navigation_pages(entries: list[tuple[str, str, str, bool]], lang: str) -> list[st.Page]:
    """An st.Page for each (path, title's i18n key, icon, default) of `entries`, titled in
    the reader's language, for st.navigation.

    Making an st.Page resolves its file on disk and checks its icon: the app's seven cost
    every run of every page about 0.8 ms, a twentieth of a chart page's rerun. They are made
    once per process and language, and each run gets copies of its own: st.navigation marks
    the page it picks as callable and the page's run unmarks it, so one object shared by
    two sessions running at once could be refused to the second."""
    key = (lang, tuple(entries))
    if key not in _menu_pages:
        _menu_pages[key] = tuple(st.Page(path, title=t(title, lang), icon=icon, default=default)
                                 for path, title, icon, default in entries)
    return [copy.copy(page) for page in _menu_pages[key]]


_link_targets: dict[str, st.Page] = {}
caches.owns("app.layout:_link_targets", _link_targets.clear)


def figure_tiles(figures, lang: str, names: dict[str, str] | None = None) -> None:  # noqa: ANN001 - Figure list
    """The article's figures of a page as tiles, each value with its unit and the claim
    in its help, each named by its measure's one name (`names`); or, when the article
    has none here, a sentence saying so."""
    from newsdash.views import overview

    if not figures:
        st.info(t("no_figures_in_category", lang), icon=":material/info:")
        return
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        with column, st.container(key=f"figure_tile_{figure.id}"):  # TILE_CSS finds it by this key
            st.metric(md_text(overview.figure_name(figure, names, lang)), md_text(overview.tile_value(figure, lang)),  # the unit in the value
                      help=md_text(overview.metric_help(figure, lang)), border=True)


def page_link(path: str, label: str, icon: str | None = None, query_params: dict | None = None) -> None:
    """st.page_link to one of the app's pages (a path such as "pages/timeline.py").

    Given the path, Streamlit resolves it and every registered page on disk at each call
    (realpath and lstat: a fifth of the timeline page's rerun with its seven links). An
    st.Page made once per process for the path names the same page (Streamlit identifies
    a page by its URL path and checks its file against the registered one)."""
    if path not in _link_targets:
        _link_targets[path] = st.Page(path)
    st.page_link(_link_targets[path], label=label, icon=icon, query_params=query_params)



# Below this width a grid shows two or three columns of a wide table and hides the rest
# behind a sideways scroll in a canvas: the table is shown as cards instead
# (newsdash.views.table_cards). Streamlit's own layout turns to a phone's below 640 px.
NARROW_SCREEN_PX = 640
# Every responsive table's two containers are keyed <name>_grid and <name>_cards.
RESPONSIVE_CSS = f"""<style>
@media (max-width: {NARROW_SCREEN_PX}px) {{ [class*="st-key-"][class*="_grid"] {{ display: none !important; }} }}
@media (min-width: {NARROW_SCREEN_PX + 1}px) {{ [class*="st-key-"][class*="_cards"] {{ display: none !important; }} }}
</style>"""


def responsive_table(name: str, table, cards_html: str, tabs: dict[str, dict] | None = None,  # noqa: ANN001
                     **dataframe_args) -> None:
    """A table as a grid on a wide screen and as cards on a phone: both are drawn and a
    style in every page's head (RESPONSIVE_CSS) shows one by the screen's width (a hidden
    one is out of the page for screen readers too). `name` keys the two containers; the
    rest goes to st.dataframe. With `tabs` (a tab's label: its own st.dataframe arguments,
    such as the columns it shows), the grid is one tab per set of columns, each fitting
    the page."""
    with st.container(key=f"{name}_grid"):
        if not tabs:
            st.dataframe(table, **dataframe_args)
        for tab, own_args in zip(st.tabs(list(tabs)) if tabs else (), (tabs or {}).values(), strict=True):
            with tab:
                st.dataframe(table, **{**dataframe_args, **own_args})
    with st.container(key=f"{name}_cards"):
        st.html(cards_html)
