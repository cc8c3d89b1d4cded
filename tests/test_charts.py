"""Chart builders: the rows each chart draws and the figure drawn from them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from newsdash import charts
from newsdash.corpus import load_corpus
from newsdash.i18n import digits_for


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def loaded(corpus):
    return corpus.article()


def frame(corpus, chart_id, lang="en", **filters):
    return charts.chart_frame(corpus.article(), corpus.context, chart_id, lang, **filters)


def build(corpus, chart_id, lang="en", **filters):
    return charts.build_chart(corpus.article(), corpus.context, chart_id, lang, **filters)


def article_trace(fig):
    return next(tr for tr in fig.data if tr.name == "The article's figure")


def annotation(fig, name):
    return next(a for a in fig.layout.annotations if a.name == name)


# 1/ DEMINING: ONE CHART PER MEASURE


def test_buildings_article_point_is_1937_at_the_published_date(corpus):
    fig = build(corpus, "chart_buildings")
    point = article_trace(fig)
    assert list(point.y) == [1937]
    assert list(point.x) == ["2021-12-29"]
    assert point.marker.symbol == "diamond"  # exact: a filled marker, no bar
    assert point.error_y.array is None
    assert fig.layout.yaxis.title.text == "buildings"


def test_hectares_article_point_and_ministry_series_last_point(corpus):
    fig = build(corpus, "chart_hectares")
    series = fig.data[0]
    assert series.name == "Defence ministry totals, as printed by outlets"
    assert series.x[-1] == "2021-12-20" and series.y[-1] == 2326.6
    assert series.mode == "lines+markers"
    point = article_trace(fig)
    assert (list(point.x), list(point.y)) == (["2021-12-29"], [2320])
    assert fig.layout.yaxis.title.text == "hectares"


def test_each_measure_has_its_own_unit_axis(corpus):
    units = {cid: build(corpus, cid).layout.yaxis.title.text
             for cid in ("chart_buildings", "chart_hectares", "chart_roads", "chart_explosives")}
    assert units == {"chart_buildings": "buildings", "chart_hectares": "hectares",
                     "chart_roads": "km", "chart_explosives": "explosive objects"}


def test_explosives_more_than_26000_is_drawn_as_a_lower_bound(corpus):
    fig = build(corpus, "chart_explosives")
    point = article_trace(fig)
    assert list(point.y) == [26000]
    assert point.marker.symbol == "triangle-up"
    assert point.error_y.arrayminus == (0,) and point.error_y.array[0] > 0  # open upward only
    assert point.text == ("more than 26,000 explosive objects",)
    assert "more than 26,000 explosive objects" in point.hovertext[0]


def test_series_markers_say_each_reports_qualifier(corpus):
    series = build(corpus, "chart_roads").data[0]
    last = dict(zip(series.x, series.marker.symbol, strict=True))
    assert last["2021-12-20"] == "triangle-up"  # the ministry's "more than 683 km"
    assert last["2020-12-01"] == "circle-open"  # "about 10"
    names = [tr.name for tr in build(corpus, "chart_roads").data]
    assert "more than" in names and "about" in names


def test_series_hover_shows_value_qualifier_date_and_source(corpus):
    series = build(corpus, "chart_roads").data[0]
    hover = series.hovertext[-1]
    assert "more than 683 km" in hover
    assert "2021-12-20" in hover
    assert "news.am, 20 Dec 2021" in hover


# 2/ RETURNS


def test_refugees_are_a_lower_bound_at_50000_on_the_article_date(corpus):
    point = article_trace(build(corpus, "chart_refugees"))
    assert (list(point.x), list(point.y)) == (["2021-12-29"], [50000])
    assert point.marker.symbol == "triangle-up"
    assert point.error_y.arrayminus == (0,) and point.error_y.array[0] > 0


def test_returns_series_are_labelled_by_who_counted_and_never_summed(corpus):
    fig = build(corpus, "chart_refugees")
    lines = [tr for tr in fig.data if tr.mode == "lines+markers"]
    assert [tr.name for tr in lines] == [
        "Returned to Karabakh (Russian side's count)",
        "Still refugee-like in Armenia (Armenia/UN count)",
        "Return-bus departures from Yerevan (UNHCR count)",
    ]
    assert max(max(tr.y) for tr in lines) == 90000  # no stacked or summed values


def test_returns_series_filter_keeps_only_the_chosen_series(corpus):
    rows = frame(corpus, "chart_refugees", series=["returned_to_karabakh_cumulative"])
    assert set(rows["series"]) == {"returned_to_karabakh_cumulative", "article"}
    assert len(rows) == 8


def test_helped_home_bars_are_127_and_19(corpus):
    bars = build(corpus, "chart_helped_home").data[0]
    assert list(bars.y) == [127, 19]
    assert list(bars.x) == ["Armenians helped to return home", "Azerbaijanis helped to return home"]
    assert list(bars.text) == ["127 people", "19 people"]


# 3/ TIMELINE


def span_of_trace_point(fig, label):
    """(first day, day after the last) of a drawn span, from a bar's base and length."""
    for trace in fig.data:
        if trace.type != "bar":
            continue
        ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
        for y, base, length in zip(trace.y, trace.base, trace.x, strict=True):
            if ticks[y].startswith(label):
                start = datetime.fromisoformat(base)
                return start.date(), (start + timedelta(milliseconds=length)).date()
    raise AssertionError(f"no span labelled {label!r}")


def test_month_precision_event_spans_the_whole_month(corpus):
    rows = frame(corpus, "chart_timeline")
    hostilities = rows[rows["label"].str.startswith("Hostilities resume")].iloc[0]
    assert (hostilities["date"], hostilities["date_end"], hostilities["precision"]) == ("2020-09-01", "2020-09-30", "month")
    fig = build(corpus, "chart_timeline")
    first, after = span_of_trace_point(fig, "Hostilities resume")
    assert (str(first), str(after)) == ("2020-09-01", "2020-10-01")  # through 30 September


def test_fighting_is_a_span_to_the_ceasefire(corpus):
    rows = frame(corpus, "chart_timeline")
    fighting = rows[rows["series"] == "fighting"].iloc[0]
    assert (fighting["date"], fighting["date_end"]) == ("2020-09-01", "2020-11-10")
    assert (fighting["value"], fighting["qualifier"], fighting["unit"]) == (1.5, "about", "months")
    first, after = span_of_trace_point(build(corpus, "chart_timeline"), "Fighting")
    assert (str(first), str(after)) == ("2020-09-01", "2020-11-11")


def test_demining_period_spans_the_figures_period(corpus):
    rows = frame(corpus, "chart_timeline")
    period = rows[rows["series"] == "demining_period"].iloc[0]
    assert (period["date"], period["date_end"]) == ("2020-11-01", "2021-12-29")
    assert period["quote"] == "منذ تشرين الثاني/ نوفمبر 2020"


def test_day_precision_events_are_markers_on_their_day(corpus):
    fig = build(corpus, "chart_timeline", layers=["article_events"])
    markers = next(tr for tr in fig.data if tr.type == "scatter")
    assert list(markers.x) == ["2020-11-09", "2020-11-10", "2021-12-29"]


def test_context_layer_present_and_absent_with_the_filter(corpus):
    with_context = build(corpus, "chart_timeline")
    names = {tr.name for tr in with_context.data}
    assert "Context (other outlets)" in names
    context_trace = next(tr for tr in with_context.data if tr.name == "Context (other outlets)")
    assert context_trace.marker.symbol == "x-thin-open" and context_trace.marker.color == charts.GREY
    without = build(corpus, "chart_timeline", layers=["article_events", "fighting", "demining_period"])
    assert "Context (other outlets)" not in {tr.name for tr in without.data}


def test_context_events_are_labelled_in_the_page_language(corpus):
    english = frame(corpus, "chart_timeline", layers=["context_events"], date_from="2021-01", date_to="2021-01")
    arabic = frame(corpus, "chart_timeline", "ar", layers=["context_events"], date_from="2021-01", date_to="2021-01")
    assert english["label"].tolist() == ["Joint Russian-Turkish ceasefire monitoring centre starts work in Aghdam district"]
    assert arabic["label"].tolist() == ["بدء عمل مركز المراقبة الروسي التركي المشترك لوقف إطلاق النار في منطقة أغدام"]
    # the citation in the editors' Arabic rendering on Arabic pages; the link is the source's own
    assert arabic["source_title"].tolist() == ["برنامج الدراسات الأرمنية، جامعة جنوب كاليفورنيا"]
    assert english["source_title"].tolist() == ["Armenian Studies, USC"]
    assert arabic["source_url"].tolist() == english["source_url"].tolist()


def test_timeline_frame_exact_rows_for_a_filtered_chart(corpus):
    rows = frame(corpus, "chart_timeline", layers=["article_events", "fighting"],
                 date_from="2020-11", date_to="2020-11")
    got = rows[["series", "date", "date_end", "precision", "is_article", "quote_start", "quote_end"]]
    assert got.to_dict("records") == [
        {"series": "article_events", "date": "2020-11-09", "date_end": "2020-11-09", "precision": "day",
         "is_article": True, "quote_start": 1326, "quote_end": 1383},
        {"series": "article_events", "date": "2020-11-10", "date_end": "2020-11-10", "precision": "day",
         "is_article": True, "quote_start": 1668, "quote_end": 1712},
        {"series": "article_events", "date": "2020-11-01", "date_end": "2020-11-30", "precision": "month",
         "is_article": True, "quote_start": 904, "quote_end": 933},
        {"series": "fighting", "date": "2020-09-01", "date_end": "2020-11-10", "precision": "month",
         "is_article": True, "quote_start": 1724, "quote_end": 1743},
    ]


# 4/ PROVENANCE IN THE FRAME


def test_frame_has_the_contract_columns(corpus):
    required = {"chart_id", "series", "label", "date", "value", "qualifier", "unit", "is_article", "quote",
                "quote_start", "quote_end", "source_title", "source_url", "note"}
    for chart in corpus.article().article.charts:
        assert required <= set(frame(corpus, chart.id).columns), chart.id


def test_article_rows_carry_the_verbatim_quote_and_offsets(corpus, loaded):
    row = frame(corpus, "chart_hectares").query("is_article").iloc[0]
    assert row["quote"] == "مسح 2320 هكتارا من الأراضي"
    assert loaded.seed_text[row["quote_start"]:row["quote_end"]] == row["quote"]
    assert "surveyed" in row["note"]  # the editors' note on this figure


def test_context_rows_carry_their_source(corpus):
    rows = frame(corpus, "chart_hectares").query("not is_article")
    last = rows.iloc[-1]
    assert (last["date"], last["value"]) == ("2021-12-20", 2326.6)
    assert last["source_title"] == "news.am, 20 Dec 2021"
    assert last["source_url"] == "https://news.am/eng/news/678332.html"
    assert len(rows) == 16


# 5/ WORDS FROM THE DATA, IN BOTH LANGUAGES


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_titles_and_bottom_lines_come_from_the_data(corpus, loaded, lang):
    chart = charts.get_chart(loaded, "chart_explosives")
    fig = build(corpus, "chart_explosives", lang)
    assert chart.title.get(lang) in fig.layout.title.text
    assert digits_for(chart.subtitle.get(lang), lang) in fig.layout.title.subtitle.text  # Arabic-Indic in Arabic
    assert digits_for(chart.source.get(lang), lang) in annotation(fig, "source").text
    assert loaded.article.article.claim_caveat.get(lang).split()[0] in annotation(fig, "caveat").text
    assert annotation(fig, "note").text.replace("<br>", " ").replace(charts.RLM, "").startswith(
        digits_for(chart.note.get(lang), lang)[:40])


def test_arabic_mode_uses_arabic_words_and_digits(corpus):
    fig = build(corpus, "chart_explosives", "ar")
    assert "المواد المتفجرة" in fig.layout.title.text
    point = next(tr for tr in fig.data if "رقم المقال" in tr.name)
    assert "أكثر من ٢٦٬٠٠٠ مادة متفجرة" in point.text[0]
    assert fig.layout.yaxis.title.text == charts.RLM + "مادة متفجرة" + charts.RLM


def test_text_from_the_data_is_escaped():
    assert charts._escape("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


# 6/ NAMES, DOWNLOADS, ALT TEXT


@pytest.mark.parametrize(("chart_id", "lang", "tag", "stem"), [
    ("chart_roads", "en", "", "demining-roads-km_2021-12-29_en"),
    ("chart_buildings", "ar", "", "demining-buildings_2021-12-29_ar"),
    ("chart_timeline", "en", "2020-11-to-2021-06_article-fighting",
     "ceasefire-timeline_2021-12-29_2020-11-to-2021-06-article-fighting_en"),
])
def test_file_stem(loaded, chart_id, lang, tag, stem):
    assert charts.file_stem(charts.get_chart(loaded, chart_id), loaded, lang, tag) == stem


def test_timeline_filter_tag():
    assert charts.timeline_filter_tag() == ""
    assert charts.timeline_filter_tag(list(charts.TIMELINE_LAYERS)) == ""
    assert charts.timeline_filter_tag(["fighting", "article_events"], "2020-11", "2021-06") == \
        "2020-11-to-2021-06_article-fighting"


def test_plotly_config_names_the_download_after_the_chart(loaded):
    config = charts.plotly_config(charts.get_chart(loaded, "chart_roads"), loaded, "en")
    assert config["toImageButtonOptions"]["filename"] == "demining-roads-km_2021-12-29_en"
    assert config["displaylogo"] is False


def test_alt_text_states_the_key_values(loaded):
    text = charts.alt_text(charts.get_chart(loaded, "chart_explosives"), loaded, "en")
    assert text.startswith("Explosive objects detected and neutralised.")
    assert "more than 26,000 explosive objects on 2021-12-29" in text
    bars = charts.alt_text(charts.get_chart(loaded, "chart_helped_home"), loaded, "en")
    assert "127 people" in bars and "19 people" in bars


def test_building_is_deterministic(corpus):
    assert build(corpus, "chart_timeline").to_json() == build(corpus, "chart_timeline").to_json()


def test_unknown_chart_is_a_data_error(corpus):
    from newsdash.errors import DataError

    with pytest.raises(DataError, match="no chart with id 'chart_nope'"):
        build(corpus, "chart_nope")


def test_a_date_filter_frames_the_timeline_axis(corpus):
    fig = build(corpus, "chart_timeline", date_from="2020-11", date_to="2021-01")
    assert fig.layout.xaxis.range == ("2020-10-29", "2021-02-04")  # a few days' margin each side
    assert build(corpus, "chart_timeline").layout.xaxis.range is None


# ARABIC AXES: ticks written as the Arabic interface writes dates and numbers

LATIN_OR_WESTERN_DIGIT = set("0123456789") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_an_arabic_series_chart_labels_its_months_and_values_in_arabic(corpus):
    fig = build(corpus, "chart_buildings", "ar")
    assert fig.layout.xaxis.tickvals == ("2021-01-01", "2021-03-01", "2021-05-01", "2021-07-01", "2021-09-01",
                                         "2021-11-01", "2022-01-01")
    assert fig.layout.xaxis.ticktext[0] == "يناير ٢٠٢١"
    assert fig.layout.xaxis.ticktext[-1] == "يناير ٢٠٢٢"
    # the value axis runs to 1,937 and a bit: 0 to 2,000 in steps of 500
    assert fig.layout.yaxis.tickvals == (0, 500, 1000, 1500, 2000)
    assert fig.layout.yaxis.ticktext == ("٠", "٥٠٠", "١٬٠٠٠", "١٬٥٠٠", "٢٬٠٠٠")
    for text in fig.layout.xaxis.ticktext + fig.layout.yaxis.ticktext:
        assert not set(text) & LATIN_OR_WESTERN_DIGIT, text


def test_arabic_ticks_never_run_past_the_value_axis(corpus):
    for chart_id in ("chart_hectares", "chart_roads", "chart_explosives", "chart_refugees"):
        fig = build(corpus, chart_id, "ar")
        top = fig.layout.yaxis.range[1]
        assert fig.layout.yaxis.tickvals[0] == 0
        assert max(fig.layout.yaxis.tickvals) <= top < max(fig.layout.yaxis.tickvals) * 2


def test_arabic_bars_get_arabic_values_and_keep_their_category_labels(corpus):
    fig = build(corpus, "chart_helped_home", "ar")
    assert fig.layout.yaxis.ticktext == ("٠", "٢٥", "٥٠", "٧٥", "١٠٠", "١٢٥")  # the bars reach 127
    assert fig.layout.xaxis.tickvals is None  # the bars' own labels, not dates


def test_an_arabic_timeline_keeps_its_row_labels_and_dates_its_axis_in_arabic(corpus):
    fig = build(corpus, "chart_timeline", "ar")
    rows = frame(corpus, "chart_timeline", "ar")
    assert len(fig.layout.yaxis.ticktext) == len(rows)  # one label per dated row, as in English
    assert fig.layout.xaxis.ticktext[0] == "أكتوبر ٢٠٢٠"
    assert "يناير ٢٠٢٢" in fig.layout.xaxis.ticktext


def test_a_date_filter_frames_the_arabic_month_ticks(corpus):
    fig = build(corpus, "chart_timeline", "ar", date_from="2021-03", date_to="2021-12")
    assert fig.layout.xaxis.range == ("2021-02-26", "2022-01-04")
    assert fig.layout.xaxis.tickvals[0] == "2021-03-01"
    assert all("2021-03-01" <= v <= "2022-01-04" for v in fig.layout.xaxis.tickvals)
    assert fig.layout.xaxis.ticktext[0] == "مارس ٢٠٢١"


def test_english_charts_keep_plotlys_own_ticks(corpus):
    for chart_id in ("chart_buildings", "chart_helped_home", "chart_timeline"):
        fig = build(corpus, chart_id, "en")
        assert fig.layout.xaxis.tickvals is None
        assert fig.layout.yaxis.tickvals is None or chart_id == "chart_timeline"


@pytest.mark.parametrize(("top", "ticks"), [
    (2092.0, [0, 500, 1000, 1500, 2000]),
    (737.6, [0, 200, 400, 600]),
    (139.7, [0, 25, 50, 75, 100, 125]),
    (1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (0.0, [0.0]),
])
def test_nice_ticks(top, ticks):
    from newsdash.axes import nice_ticks

    assert nice_ticks(top) == ticks


def test_month_ticks_start_at_the_first_whole_month_and_thin_out_over_long_spans():
    from datetime import date

    from newsdash.axes import month_ticks

    assert month_ticks(date(2021, 3, 1), date(2021, 6, 30)) == [date(2021, m, 1) for m in (3, 4, 5, 6)]
    assert month_ticks(date(2021, 3, 2), date(2021, 6, 30)) == [date(2021, m, 1) for m in (4, 5, 6)]
    over_three_years = month_ticks(date(2019, 1, 1), date(2021, 12, 31))
    assert over_three_years == [date(y, m, 1) for y in (2019, 2020, 2021) for m in (1, 7)]
