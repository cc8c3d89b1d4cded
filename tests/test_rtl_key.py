"""The chart key in Arabic reads right to left: each symbol on the right of its text, the
entries from the right edge leftwards, on screen (an HTML key in a right-to-left paragraph)
and in every export (annotations placed by newsdash.views.chart_layout, since Plotly's
legend always puts its symbol on the left). English keeps Plotly's legend. The figures'
layout is tested directly."""

from __future__ import annotations

import re

import pytest

from newsdash.views import charts
from newsdash.views.chart_layout import KEY_GLYPH_PX, ExportWords
from newsdash.views.screen_charts import plain_text


def _charts_with_a_key(loaded) -> list[tuple[str, str]]:  # noqa: ANN001
    """(chart id, kind) of a measure's chart (series and symbols' key) and the timeline (layers)."""
    timeline = next(c.id for c in loaded.article.charts if c.kind == "timeline")
    return [("hectares", "measure_series"), ("explosive_objects", "measure_series"), (timeline, "timeline")]


def _key(fig) -> list:  # noqa: ANN001
    return [a for a in fig.layout.annotations if (a.name or "").startswith("key_")]


def _pairs(fig) -> list[tuple]:  # noqa: ANN001
    """(symbol, text) annotations of each key entry, in the order drawn."""
    key = [a for a in _key(fig) if a.name != "key_title"]
    return list(zip(key[::2], key[1::2], strict=True))


@pytest.mark.parametrize("export", [None, ExportWords(credit="Graphic: the newsroom")])
def test_in_arabic_each_symbol_is_right_of_its_text_and_entries_run_right_to_left(corpus, loaded, export):
    for chart_id, _ in _charts_with_a_key(loaded):
        fig = charts.build_chart(loaded, corpus, chart_id, "ar", export=export)
        assert fig.layout.showlegend is False, chart_id  # no Plotly legend, symbol on the left
        pairs = _pairs(fig)
        assert len(pairs) >= 2, chart_id
        for glyph, text in pairs:
            assert (glyph.name, text.name) == ("key_glyph", "key_text")
            # both end on the right (xanchor right, from the plot's right edge): the symbol's
            # right edge is right of the text's, by the symbol's room
            assert glyph.xanchor == text.xanchor == "right" and glyph.x == text.x == 1
            assert glyph.xshift - KEY_GLYPH_PX > text.xshift, (chart_id, plain_text(text.text))
            assert glyph.yshift == text.yshift  # on one line
        # within a row, the first entry (the first trace) is rightmost, the next left of it
        rows: dict[float, list[float]] = {}
        for glyph, _ in pairs:
            rows.setdefault(glyph.yshift, []).append(glyph.xshift)
        assert all(shifts == sorted(shifts, reverse=True) for shifts in rows.values()), chart_id


def test_the_arabic_key_names_every_entry_plotly_would_have_shown(corpus, loaded):
    english = charts.build_chart(loaded, corpus, "hectares", "en")
    arabic = charts.build_chart(loaded, corpus, "hectares", "ar")
    names = [plain_text(tr.name) for tr in english.data if tr.showlegend is not False and tr.name]
    assert len(names) == len(_pairs(arabic)) == 5  # series, article, more than, about, no report
    texts = [plain_text(text.text) for _, text in _pairs(arabic)]
    assert texts == ["الأراضي التي تم تطهيرها أو مسحها", "رقم المقال", "أكثر من", "نحو", "لا تقرير لثلاثة أشهر أو أكثر"]
    glyphs = [plain_text(glyph.text) for glyph, _ in _pairs(arabic)]
    assert glyphs == ["─●─", "◆", "▲", "○", "┈┈"]
    assert [plain_text(a.text) for a in _key(arabic) if a.name == "key_title"] == ["دليل الرموز:"]
    assert english.layout.showlegend is not False and not _key(english)  # English keeps Plotly's legend


def test_on_screen_the_arabic_key_is_a_right_to_left_paragraph_symbol_first(corpus, loaded):
    for chart_id, kind in _charts_with_a_key(loaded):
        screen = charts.screen_chart(charts.build_chart(loaded, corpus, chart_id, "ar"), kind, "ar")
        assert not _key(screen.figure) and screen.figure.layout.showlegend is False
        keys = re.findall(r'<p class="nd-key" dir="rtl"[^>]*>(.*?)</p>', screen.heading_html)
        assert keys, chart_id
        entries = re.findall(r'<span class="nd-key-entry"><span aria-hidden="true"[^>]*>([^<]+)</span> ([^<]+)</span>',
                             "".join(keys))
        # in a right-to-left paragraph what comes first is on the right: the symbol, then its text
        assert len(entries) == len(_pairs(charts.build_chart(loaded, corpus, chart_id, "ar"))), chart_id
    english = charts.screen_chart(charts.build_chart(loaded, corpus, "hectares", "en"), "measure_series", "en")
    assert "nd-key" not in english.heading_html


def test_the_key_escapes_its_words(corpus, loaded):
    fig = charts.build_chart(loaded, corpus, "hectares", "ar")
    fig.data[0].name = "<img src=x onerror=alert(1)>"
    from newsdash.views.chart_layout import right_to_left_key
    fig.layout.annotations = [a for a in fig.layout.annotations if not (a.name or "").startswith("key_")]
    fig.update_layout(showlegend=None)
    right_to_left_key(fig, 100, 190, 18, "ar")
    html = charts.screen_chart(fig, "measure_series", "ar").heading_html
    assert "<img" not in html and "&lt;img" in html
