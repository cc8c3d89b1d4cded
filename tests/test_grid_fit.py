"""The wide tables' grids fitted to a laptop's page (newsdash.views.grid_fit), and the
phone's cards grouped by kind of row (newsdash.views.table_cards)."""

from __future__ import annotations

import pandas as pd
import pytest

from newsdash.reading.i18n import LANGS
from newsdash.views import data_method, data_pages, grid_fit
from newsdash.views.table_cards import CardGroup, CardSpec, grouped_cards_html


@pytest.mark.parametrize("lang", LANGS)
def test_every_set_of_columns_fits_the_page_at_1440(lang):
    for _, widths in data_method.GRID_TABS:
        assert grid_fit.fits_the_page(widths, list(widths)), widths
    assert grid_fit.fits_the_page(data_pages.returns_grid_widths(lang), list(data_pages.returns_grid_widths(lang)))
    shown = [c for _, widths in data_method.GRID_TABS for c in widths]
    assert set(shown) == set(data_method.SHOWN_ORDER)  # every column in one tab or another


def test_lines_and_row_height_follow_the_longest_cell():
    assert grid_fit.lines_needed("about 9,000", 120) == 1
    assert grid_fit.lines_needed(None, 120) == 1
    long = "Shelter agency weekly bulletin, citing the valley council, 3 March 2021"  # 72 characters
    assert grid_fit.lines_needed(long, 120) == 6  # 15 characters a line, words kept whole
    assert grid_fit.lines_needed("x" * 40, 120) == 3  # a word longer than the line is broken
    frame = pd.DataFrame({"short": ["a", "b"], "long": ["a", long]})
    assert grid_fit.row_height(frame, {"short": 100, "long": 600}) is None  # one line: the grid's own
    height = grid_fit.row_height(frame, {"short": 100, "long": 120})
    assert height == 15 * (1 + 1.4 * 5) + 10
    assert grid_fit.row_height(frame, {"short": 100, "long": 120}, ["short"]) is None  # the long one not shown
    two_lines = pd.DataFrame({"c": ["Shelter agency weekly bulletin"]})
    assert grid_fit.row_height(two_lines, {"c": 120}) == grid_fit.WRAPPING_ROW  # the grid wraps above 64 px only


def test_grouped_cards_escape_their_titles_and_open_only_the_chosen_group():
    spec = CardSpec(heading="label", always=("value",), labels={"value": "Value"})
    rows = pd.DataFrame({"label": ["Families back", "Shelters open"], "value": [1200.0, 14.0]})
    markup = grouped_cards_html([CardGroup("<b>Counts</b>", rows, open=True), CardGroup("Dates", rows.iloc[:1]),
                                 CardGroup("Nothing", rows.iloc[:0])], spec, "en")
    assert "<b>Counts</b>" not in markup and "&lt;b&gt;Counts&lt;/b&gt; (2)</summary>" in markup
    assert markup.count('<details class="nd-card-group" dir="ltr" lang="en" open>') == 1
    assert "<summary>Dates (1)</summary>" in markup and "Nothing" not in markup
    assert markup.count('<li class="nd-card">') == 3 and markup.count("<style>") == 1
    arabic = grouped_cards_html([CardGroup("أعداد", rows)], spec, "ar")
    assert "<summary>أعداد (٢)</summary>" in arabic


def test_the_data_and_method_cards_open_the_articles_figures_only():
    from newsdash.data.corpus import load_corpus

    corpus = load_corpus()
    frame = data_method.article_provenance_frame(corpus, corpus.article().id, "en")
    markup = data_method.provenance_cards_html(corpus, corpus.article().id, list(data_method.KINDS),
                                               data_method.categories(frame), "en")
    assert '<details class="nd-card-group" dir="ltr" lang="en" open><summary>Article figures (8)</summary>' in markup
    assert '<details class="nd-card-group" dir="ltr" lang="en"><summary>Context series (74)</summary>' in markup
