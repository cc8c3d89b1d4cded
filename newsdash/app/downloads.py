"""A chart on the page with its download menu (PNG, SVG, PDF, HTML, CSV), and the press
kit: every file made only when its button is clicked."""

from __future__ import annotations

import threading
from dataclasses import replace
from functools import partial

import streamlit as st

from newsdash import caches
from newsdash.app import run_context
from newsdash.app.memo import once_per_run
from newsdash.app.share import chart_anchor_html, share_chart
from newsdash.app.state import (
    cached_corpus,
    cached_view,
    chart_alt_text,
    data_state,
    load_corpus,
    method_of,
    screen_chart,
)
from newsdash.data import corpus as corpus_mod
from newsdash.errors import DataError
from newsdash.exports.embeds import chart_home
from newsdash.reading.i18n import t
from newsdash.textsafety import code_span
from newsdash.textsafety import md_escape as md_text


def show_chart(chart, loaded, lang: str, filter_tag: str = "", filters: dict | None = None) -> None:  # noqa: ANN001
    """Draw a chart built in newsdash.views.charts, with its alt text, a modebar with
    one button (reset, in the page's language), and the download menu under it. Pass the same
    `filters` given to build_chart, so the CSV download is exactly the data drawn."""
    from newsdash.views.screen_charts import chart_config

    screen = screen_chart(chart, loaded, lang, filters)
    # the anchor a link to this chart lands on, inside its heading (newsdash.app.share)
    st.markdown(chart_anchor_html(chart.id) + screen.heading_html, unsafe_allow_html=True)
    st.plotly_chart(screen.figure, key=f"chart_{chart.id}", config=chart_config(lang), alt=chart_alt_text(chart, loaded, lang))
    if screen.footer_html:
        st.markdown(screen.footer_html, unsafe_allow_html=True)
    download_menu(chart, loaded, lang, filter_tag, filters)


def chart_or_message(loaded, chart, lang: str, filter_tag: str = "", filters: dict | None = None) -> None:  # noqa: ANN001
    """The chart (show_chart), or, when it has nothing to draw, a sentence saying so
    instead of an empty axis, and no downloads of an empty image."""
    from newsdash.views.charts import empty_message

    filters = filters or {}
    message = cached_view(empty_message, loaded, load_corpus(), chart.id, lang, **filters)
    if message:
        st.info(md_text(message), icon=":material/info:")
        return
    show_chart(chart, loaded, lang, filter_tag, filters)


def measure_downloads(loaded, chart_id: str, lang: str) -> None:  # noqa: ANN001
    """The download menu of a measure's chart where the page draws it small (the
    Overview): the same files as under that chart on its own page."""
    from newsdash.views.charts import get_chart

    # once per state of the data: finding a measure's chart builds every chart of its page
    chart = cached_view(get_chart, loaded, chart_id, load_corpus())
    download_menu(chart, loaded, lang)


# Downloads: each file is made only when its button is clicked. Streamlit runs a
# callable `data` in a worker thread, so an export never holds up this page or another
# user's; the shared browser (newsdash.exports.static_export) renders two images at a time.
DOWNLOAD_ICONS = {"png": ":material/image:", "svg": ":material/draw:", "pdf": ":material/picture_as_pdf:",
                  "html": ":material/public:", "csv": ":material/table:"}


def download_menu(chart, loaded, lang: str, filter_tag: str = "", filters: dict | None = None) -> None:  # noqa: ANN001
    """PNG, SVG, HTML and CSV of the chart as drawn, named after it and its filter.

    `filters` are those the page passed to build_chart: the CSV is exactly the data drawn.
    Without a browser for images the menu says so and offers HTML and CSV.

    The menu's buttons are made only while it is open: a page with four charts would
    otherwise make sixteen download buttons at every rerun, about a third of its work.
    Opening or closing the menu reruns the page (or the filter's fragment the chart is in),
    so the menu is always made in the same run as its chart, from the same state of the data.
    It is not a fragment of its own: Streamlit copies the page's element stack at every
    fragment call, and the overview's five menus cost its every rerun 13% (docs/performance.md);
    opening a menu takes about 85 ms longer in the browser instead.
    """
    menu = st.popover(t("download", lang), icon=":material/download:", key=download_menu_key(chart.id),
                      on_change="rerun")
    if menu.open:
        with menu:
            _download_buttons(chart, loaded, lang, filter_tag, filters)


def download_menu_key(chart_id: str) -> str:
    """The session-state key of a chart's download menu: True while it is open."""
    return f"download_menu_{chart_id}"


def _download_buttons(chart, loaded, lang: str, filter_tag: str, filters: dict | None) -> None:  # noqa: ANN001
    from newsdash.exports import chart_files as export
    from newsdash.views.charts import (
        ExportWords,
        build_chart,
        chart_frame,
        file_stem,
    )
    from newsdash.views.data_method import credit_line, image_credit
    from newsdash.views.screen_charts import chart_config

    corpus = load_corpus()
    context = corpus  # a measure's chart draws every article's figures on it
    state = data_state()  # the method text is read only when a file is asked for

    credit = credit_line(method_of(*state)[0], lang)

    def export_figure():  # noqa: ANN202 - the page's chart with the caveat and credit a file carries
        words = ExportWords(credit=image_credit(credit, lang), article_url=loaded.article.article.url or "")
        return build_chart(loaded, context, chart.id, lang, export=words, **(filters or {}))

    files = export.ChartFiles(
        export_figure, lambda: chart_frame(loaded, context, chart.id, lang, **(filters or {})),
        file_stem(chart, loaded, lang, filter_tag), lang, chart.title.get(lang),
        chart_config(lang), credit)
    unavailable = once_per_run(("static export",), export.static_unavailable_reason)
    st.caption(t("download_help", lang))
    if unavailable:
        st.caption(t("static_unavailable", lang).format(reason=unavailable))
    for fmt in export.offered_formats(unavailable):
        st.download_button(t(f"download_{fmt}", lang), data=partial(files.data, fmt),
                           file_name=files.file_name(fmt), mime=export.MIME[fmt], on_click="ignore",
                           key=f"download_{chart.id}_{fmt}", icon=DOWNLOAD_ICONS[fmt])
    share_chart(chart, loaded, lang, chart_home(corpus, loaded, chart))  # link, embed, cite (newsdash.app.share)


_press_kit_lock = threading.Lock()
_press_kit_cache: dict[tuple, bytes] = {}
caches.owns("app.downloads:_press_kit_cache", _press_kit_cache.clear)
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
        newer = cached_corpus(folder, now)
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


_formula_cache: dict[tuple[str, str], list[DataError]] = {}
caches.owns("app.downloads:_formula_cache", _formula_cache.clear)


def _formula_refusals(corpus: corpus_mod.Corpus, folder: str, fingerprint: str) -> list[DataError]:
    """The cells of the kit's sources a spreadsheet would run as formulas (the kit is not
    built from them), once per state of the data, each placed by its path in the data folder."""
    from newsdash.data.formula_check import formula_errors_in

    key = (folder, fingerprint)
    if key not in _formula_cache:
        _formula_cache.clear()
        root = corpus_mod.Path(folder).parent
        _formula_cache[key] = [replace(error, file=_inside(error.file, root))
                               for error in formula_errors_in(corpus.sources())]
    return _formula_cache[key]


def _inside(file: str, root: corpus_mod.Path) -> str:
    """A file's path from the project folder: readers never see the server's own paths."""
    path = corpus_mod.Path(file)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name


def press_kit_download(corpus: corpus_mod.Corpus, lang: str) -> None:
    """The press kit button for the Data & method page, built only when clicked."""
    from newsdash.exports.chart_files import static_unavailable_reason
    from newsdash.exports.presskit import kit_name

    folder, fingerprint = data_state()
    session = run_context.session_id() or ""
    st.header(t("press_kit_heading", lang))
    if refusals := _formula_refusals(corpus, str(folder), fingerprint):
        lines = "\n".join(f"- {code_span(str(error))}" for error in refusals)  # data text stays literal
        st.error(f"{t('press_kit_refused_formulas', lang)}\n\n{lines}")
        return
    if said := _kit_notices.pop(session, None):
        st.warning(t(said, lang))
    st.download_button(t("press_kit", lang), data=lambda: _press_kit_bytes(corpus, str(folder), fingerprint, session),
                       file_name=f"{kit_name(corpus)}.zip", mime="application/zip", on_click="ignore",
                       key="press_kit_download", icon=":material/folder_zip:", type="primary")
    st.caption(t("press_kit_help", lang))
    if unavailable := once_per_run(("static export",), static_unavailable_reason):
        st.caption(t("press_kit_no_images", lang).format(reason=unavailable))
