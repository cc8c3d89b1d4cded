"""The small chart of one comparison (charts.comparison_chart), the comparison in the
chart notes and in the Data & method table, with the real data."""

from __future__ import annotations

import pytest

from newsdash.data.corpus import load_corpus
from newsdash.reading.formatting import digits_for
from newsdash.views import charts
from newsdash.views import data_method as m
from newsdash.views.comparison import compare_article


@pytest.fixture(scope="module")
def corpus():  # noqa: ANN201
    return load_corpus()


def comparison(corpus, figure_id: str):  # noqa: ANN001, ANN201
    return next(c for c in compare_article(corpus.articles[0], corpus) if c.figure.id == figure_id)


def labels(fig) -> str:  # noqa: ANN001
    return " ".join(text for trace in fig.data for text in (trace.text or ()))


def test_hectares_label_both_values_on_an_axis_zoomed_to_their_gap(corpus):
    fig = charts.comparison_chart(comparison(corpus, "hectares_surveyed"), "en")
    text = labels(fig)
    assert "<b>2,326.6 hectares</b><br>last report<br>20 December 2021" in text
    assert "<b>2,320 hectares</b><br>article<br>29 December 2021" in text
    low, high = fig.layout.yaxis.range
    assert 2000 < low < 2257 and 2326.6 < high < 2400  # not a 0-2,500 scale; August's report drawn too
    assert (2326.6 - 2320) / (high - low) >= 0.04  # the gap still shows
    article = next(t for t in fig.data if t.text and "article" in t.text[0])
    last = next(t for t in fig.data if t.text and "last report" in t.text[0])
    assert (list(article.y), list(article.x)) == ([2320.0], ["2021-12-29"])
    assert (list(last.y), list(last.x)) == ([2326.6], ["2021-12-20"])


def test_the_series_line_runs_from_its_last_step_to_its_last_report(corpus):
    fig = charts.comparison_chart(comparison(corpus, "buildings_inspected"), "en")
    line = fig.data[0]
    assert list(line.x) == ["2021-08-20", "2021-12-20"] and list(line.y) == [1927.0, 1937.0]
    assert "<b>1,937 buildings</b>" in labels(fig)
    low, high = fig.layout.yaxis.range
    assert low < 1927 and 1937 < high < 2000


def test_a_lower_bound_keeps_its_words_and_its_triangle(corpus):
    fig = charts.comparison_chart(comparison(corpus, "refugees_returned"), "en")
    article = next(t for t in fig.data if t.text and "article" in t.text[0])
    assert article.marker.symbol == "triangle-up"
    assert "<b>more than 50,000</b><br><b>refugees</b>" in article.text[0]
    assert "<b>50,658 refugees</b><br>last report<br>24 January 2021" in labels(fig)


def test_the_arabic_small_chart_writes_arabic_digits_and_months(corpus):
    fig = charts.comparison_chart(comparison(corpus, "hectares_surveyed"), "ar")
    text = labels(fig)
    assert "٢٬٣٢٦٫٦ هكتار" in text and "٢٬٣٢٠ هكتارًا" in text
    assert "آخر تقرير‏<br>‏٢٠ ديسمبر ٢٠٢١" in text
    assert all(not any(ch.isascii() and ch.isdigit() for ch in tick) for tick in fig.layout.yaxis.ticktext)
    assert "٢٬٣٠٠" in fig.layout.yaxis.ticktext
    assert "نوفمبر ٢٠٢١" in fig.layout.xaxis.ticktext


@pytest.mark.parametrize(("chart_id", "lang", "sentence"), [
    ("hectares", "en", "Against the last earlier report: below 2,326.6 hectares (20 December 2021)."),
    ("road_km", "en", "Against the last earlier report: the same number as more than 683 km (20 December 2021)."),
    ("returned_to_karabakh_cumulative", "en", "Against the last earlier report: consistent with 50,658 refugees (24 January 2021)."),
    ("hectares", "ar", "مقارنة بآخر تقرير سابق: أقل من ٢٬٣٢٦٫٦ هكتار (٢٠ ديسمبر ٢٠٢١)."),
])
def test_the_chart_note_ends_with_the_comparison(corpus, chart_id, lang, sentence):
    fig = charts.build_chart(corpus.articles[0], corpus, chart_id, lang)
    note = next(a for a in fig.layout.annotations if a.name == "note").text
    flat = note.replace("<br>", " ").replace(charts.RLM, "")
    assert flat.endswith(sentence)
    chart = charts.get_chart(corpus.articles[0], chart_id, corpus)
    # the editors' note stays first (in Arabic with Arabic-Indic digits, like every chart text)
    assert flat.startswith(digits_for(chart.note.get(lang), lang)[:40])


def test_a_chart_without_a_series_keeps_its_note_as_written(corpus):
    fig = charts.build_chart(corpus.articles[0], corpus, "chart_helped_home", "en")
    note = next(a for a in fig.layout.annotations if a.name == "note").text
    assert note == "Exact counts as stated by Andrei Rudenko on 29 Dec 2021."


def test_the_data_and_method_table_has_the_comparison_of_each_figure(corpus):
    frame = m.provenance_frame(corpus, "en").set_index("id")
    assert frame.loc["hectares_surveyed", "comparison"] == "below 2,326.6 hectares (20 December 2021)"
    assert frame.loc["buildings_inspected", "comparison"] == "the same number as 1,937 buildings (20 December 2021)"
    assert frame.loc["refugees_returned", "comparison"] == "consistent with 50,658 refugees (24 January 2021)"
    assert frame.loc["armenians_helped_home", "comparison"] is None or frame.loc["armenians_helped_home"].isna()["comparison"]
    arabic = m.provenance_frame(corpus, "ar").set_index("id")
    assert arabic.loc["roads_cleared_km", "comparison"] == "الرقم نفسه: أكثر من ٦٨٣ كم (٢٠ ديسمبر ٢٠٢١)"
    assert m.column_labels("en")["comparison"] == "Against the last earlier report"
