"""Headless Chromium at 1440 px: the wide tables' grids show every column whole, inside
the table's right edge, and every cell's text wraps whole within its row (issue 21's
screenshot review: the Returns page's "Source" and the Data & method table's
"Attributed to" were cut at the edge, the columns after them hidden behind a sideways
scroll). The grid draws on a canvas: the test reads its accessible table (the columns it
has drawn), its scroller (any sideways scroll), and measures each cell's words in the
page's own font at its column's width, as the grid wraps them (Streamlit 1.67.0's grid:
14 px text about 15 px high, 8.5 px padding, lines 1.4 apart, wrapped only in rows taller than 64 px)."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from playwright.sync_api import Page

from newsdash.reading.i18n import t
from newsdash.views import data_method as method_view
from newsdash.views import data_pages as returns_view
from newsdash.views.grid_fit import SITE_NAME
from tests.test_browser_phone_a11y import open_settled

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 1400}

# The grid drawn: how many columns it has, how many it drew, and any sideways scroll
GRID_STATE = """(grid) => {
  const table = grid.querySelector('table[role="grid"]');
  const scroller = grid.querySelector('.dvn-scroller');
  return {columns: Number(table.getAttribute('aria-colcount')),
          drawn: table.querySelectorAll('th[role="columnheader"]').length,
          headers: [...table.querySelectorAll('th[role="columnheader"]')].map(th => th.textContent),
          overflow: scroller.scrollWidth - scroller.clientWidth};
}"""

# Each cell that would not fit: greedy wrapping of its words at the column's width in the
# grid's font (a word longer than a line is broken), against the row's height; a link and
# a header are one line
CUT_CELLS = """([cells, rowHeight]) => {
  const context = document.createElement('canvas').getContext('2d');
  context.font = '14px ' + getComputedStyle(document.body).fontFamily;
  const padding = 17, fontHeight = 15, lineFactor = 1.4;
  const linesOf = (text, room) => {
    let lines = 1, line = '';
    for (const word of text.split(/\\s+/).filter(Boolean)) {
      const tried = line ? line + ' ' + word : word;
      if (context.measureText(tried).width <= room) { line = tried; continue; }
      if (line) { lines += 1; }
      line = word;
      while (context.measureText(line).width > room) {  // broken inside the word
        let cut = line.length - 1;
        while (cut > 1 && context.measureText(line.slice(0, cut)).width > room) cut -= 1;
        lines += 1; line = line.slice(cut);
      }
    }
    return lines;
  };
  const cut = [];
  for (const [text, width, oneLine] of cells) {
    const room = width - padding;
    if (oneLine) { if (context.measureText(text).width > room) cut.push(`${text} (${width} px, one line)`); continue; }
    const lines = linesOf(text, room);
    const height = fontHeight * (1 + lineFactor * (lines - 1)) + 3;
    if (lines > 1 && (rowHeight === null || rowHeight <= 64 || height > rowHeight))
      cut.push(`${text.slice(0, 50)} (${width} px: ${lines} lines, row ${rowHeight})`);
  }
  return cut;
}"""


def site(address: str) -> str:
    match = re.match(SITE_NAME, address)
    return match.group(1) if match else address


def cells(frame: pd.DataFrame, widths: dict[str, int], headers: dict[str, str], links: dict[str, object]) -> list[list]:
    """[text, column width, one line?] for every cell and header shown."""
    out = []
    for column, width in widths.items():
        out.append([headers[column], width, True])  # its header, on one line
        for value in frame[column]:
            if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == "":
                continue
            text = links[column](value) if column in links else str(value)
            out.append([text, width, column in links])
    return out


def check_grid(page: Page, grid, frame: pd.DataFrame, widths: dict[str, int], headers: dict[str, str],
               links: dict[str, object], row_height: int | None) -> None:
    state = grid.evaluate(GRID_STATE)
    assert state["columns"] == len(widths), state  # every column of the set ...
    assert state["drawn"] == state["columns"], state  # ... drawn, none past the right edge
    assert state["overflow"] <= 1, state  # no sideways scroll
    assert state["headers"] == [headers[c] for c in widths]
    cut = page.evaluate(CUT_CELLS, [cells(frame, widths, headers, links), row_height])
    assert not cut, cut


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_sourced_context_table_shows_every_column_whole_at_1440(page: Page, app_url, lang):
    from newsdash.data.corpus import load_corpus

    corpus = load_corpus()
    series = [c.id for c in returns_view.page_charts(corpus, corpus.article(), "returns")]
    frame = returns_view.returns_context_table(corpus, series, lang)
    widths = returns_view.returns_grid_widths(lang)
    page.set_viewport_size(DESKTOP)
    open_settled(page, app_url, "returns", lang)
    grid = page.locator('.st-key-returns_context_grid [data-testid="stDataFrame"]')
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    check_grid(page, grid, frame, widths, {c: c for c in widths}, {t("col_link", lang): site},
               returns_view.returns_context_row_height(corpus, series, lang))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_data_and_method_table_shows_every_column_whole_at_1440(page: Page, app_url, lang):
    from newsdash.data.corpus import load_corpus

    corpus = load_corpus()
    article = corpus.article().id
    raw = method_view.article_provenance_frame(corpus, article, lang)
    frame = method_view.display_frame(raw, lang)
    if lang == "en":  # the grid's number format (%g)
        frame = frame.assign(value=[None if pd.isna(v) else f"{v:g}" for v in frame["value"]])
    heights = method_view.grid_row_heights(corpus, article, list(method_view.KINDS),
                                           method_view.categories(raw), lang)
    labels = method_view.column_labels(lang)
    links = {"sentence": lambda _: t("see_in_text", lang), "source_url": site}
    page.set_viewport_size(DESKTOP)
    open_settled(page, app_url, "data_method", lang)
    for (tab, widths), height in zip(method_view.GRID_TABS, heights, strict=True):
        page.get_by_role("tab", name=t(tab, lang)).click()
        grid = page.locator('.st-key-method_rows_grid [role="tabpanel"]:visible [data-testid="stDataFrame"]')
        grid.wait_for(state="visible")
        page.wait_for_timeout(500)
        check_grid(page, grid, frame, widths, labels, {c: f for c, f in links.items() if c in widths}, height)
