"""Charts on screen (newsdash.views.charts.screen_chart): the words as page HTML that wraps at
any width, the plot without them; the figure for downloads keeps every word."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from newsdash.data.corpus import load_corpus
from newsdash.reading.formatting import digits_for
from newsdash.views import charts, screen_charts
from newsdash.views.chart_layout import legend_rows


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def build(corpus, chart_id, lang="en", **filters):
    return charts.build_chart(corpus.article(), corpus, chart_id, lang, **filters)


def footer_names(fig):
    return [a.name for a in fig.layout.annotations if a.yref == "paper" and a.xref == "paper"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_words_move_into_the_page_and_the_export_keeps_them(corpus, lang):
    loaded = corpus.article()
    chart = charts.get_chart(loaded, "hectares", corpus)
    full = build(corpus, chart.id, lang)
    before = json.dumps(full.to_plotly_json(), sort_keys=True, default=str)
    screen = charts.screen_chart(full, chart.kind, lang)

    assert not screen.figure.layout.title.text
    assert footer_names(screen.figure) == []
    assert screen.figure.layout.margin.t == charts.SCREEN_TOP_PX
    assert chart.title.get(lang) in screen.heading_html
    assert chart.subtitle.get(lang).replace('"', "&quot;").split()[0] in screen.heading_html
    assert 'role="heading" aria-level="2"' in screen.heading_html
    footer = charts.plain_text(screen.footer_html)
    for text in (chart.note.get(lang), chart.source.get(lang)):
        assert " ".join(digits_for(text, lang).split()) in footer.replace("&quot;", '"').replace("&#x27;", "'")
    # the figure given is untouched: title, note and source stay on it; the download's
    # figure (export words) adds the claim caveat, which the page says once in its banner
    assert json.dumps(full.to_plotly_json(), sort_keys=True, default=str) == before
    assert {"note", "source"} <= set(footer_names(full))
    exported = charts.build_chart(loaded, corpus, chart.id, lang, export=charts.ExportWords())
    assert {"note", "caveat", "source"} <= set(footer_names(exported))
    assert chart.title.get(lang) in full.layout.title.text.replace(charts.RLM, "").replace("</b><br><b>", " ")
    if lang == "ar":
        assert screen.heading_html.count('<p dir="rtl" lang="ar"') == 2  # title, subtitle (then the key's lines)
        assert charts.RLM not in screen.heading_html + screen.footer_html


def test_screen_words_are_escaped_html(corpus):
    fig = go.Figure(layout={"title": {"text": "<b>&lt;img src=x onerror=alert(1)&gt;</b>"}})
    fig.add_annotation(name="note", text="a &lt;script&gt;<br>second line", xref="paper", yref="paper", x=0, y=0)
    screen = charts.screen_chart(fig, "bars", "en")
    assert "<img" not in screen.heading_html and "&lt;img src=x onerror=alert(1)&gt;" in screen.heading_html
    assert "<script" not in screen.footer_html and "a &lt;script&gt; second line" in screen.footer_html


def test_arabic_date_ticks_are_thinned_for_a_phone(corpus):
    full = build(corpus, "buildings", "ar")
    screen = charts.screen_chart(full, "measure_series", "ar").figure
    assert len(full.layout.xaxis.tickvals) > charts.SCREEN_MOST_TICKS
    step = -(-len(full.layout.xaxis.tickvals) // charts.SCREEN_MOST_TICKS)
    assert list(screen.layout.xaxis.ticktext) == list(full.layout.xaxis.ticktext)[::step]
    assert 2 <= len(screen.layout.xaxis.tickvals) <= charts.SCREEN_MOST_TICKS


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_timeline_writes_each_label_above_its_row(corpus, lang):
    full = build(corpus, "chart_timeline", lang)
    screen = charts.screen_chart(full, "timeline", lang).figure
    labels = [a for a in screen.layout.annotations if a.yref == "y"]
    assert [a.text for a in labels] == list(full.layout.yaxis.ticktext)
    assert [a.y for a in labels] == [row - charts.SCREEN_TIMELINE_BAR / 2 for row in full.layout.yaxis.tickvals]
    assert {a.xanchor for a in labels} == {"right" if lang == "ar" else "left"}
    assert screen.layout.yaxis.showticklabels is False
    rows_shown = len(labels) - 0.5 + screen_charts.SCREEN_TIMELINE_TOP_ROWS
    assert screen.layout.height == (charts.SCREEN_TOP_PX + charts.SCREEN_BOTTOM_PX
                                    + charts.LEGEND_ROW_PX * legend_rows(screen)
                                    + round(charts.SCREEN_TIMELINE_ROW_PX * rows_shown))
    assert list(screen.layout.yaxis.range) == [len(labels) - 0.5, -screen_charts.SCREEN_TIMELINE_TOP_ROWS]


def test_a_two_line_timeline_label_fits_above_its_bar_and_below_the_legend(corpus):
    """A label wrapped on two lines (12 px text, about 15 px a line) stays between its bar
    and the bar above it, and the first one stays inside the plot, under the legends."""
    label_px = 2 * 15
    room_px = charts.SCREEN_TIMELINE_ROW_PX * (1 - charts.SCREEN_TIMELINE_BAR)
    assert room_px >= label_px
    above_first_px = charts.SCREEN_TIMELINE_ROW_PX * (screen_charts.SCREEN_TIMELINE_TOP_ROWS - charts.SCREEN_TIMELINE_BAR / 2)
    assert above_first_px >= label_px
    full = build(corpus, "chart_timeline", "ar")
    assert any("<br>" in text for text in full.layout.yaxis.ticktext)  # the case this guards


def test_the_modebar_keeps_only_the_buttons_readers_use(corpus):
    loaded = corpus.article()
    config = charts.plotly_config(charts.get_chart(loaded, "road_km", corpus), loaded, "en")
    assert config["modeBarButtons"] == [["toImage", "resetScale2d"]]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_hover_lines_are_short_enough_for_a_phone(corpus, lang):
    loaded = corpus.article()
    longest = 0
    for chart in loaded.article.charts:
        fig = build(corpus, chart.id, lang)
        for trace in fig.data:
            for hover in trace.hovertext or []:
                lines = [charts.plain_text(line) for line in hover.split("<br>")]
                longest = max(longest, *(len(line) for line in lines))
    assert 20 < longest <= charts.HOVER_WRAP


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_bars_on_screen_leave_room_for_the_longest_value(corpus, lang):
    fig = build(corpus, "chart_helped_home", lang)
    screen = charts.screen_chart(fig, "bars", lang).figure
    assert list(screen.data[0].x) == [127, 19]  # the counts themselves are unchanged
    end = 127 * charts.BAR_VALUE_ROOM
    assert list(screen.layout.xaxis.range) == ([end, 0] if lang == "ar" else [0, end])
    assert fig.layout.xaxis.range is None  # the export keeps its own margins for the values
