"""Chart builders: the rows each chart draws and the figure drawn from them."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from newsdash.reading.formatting import digits_for
from newsdash.views import charts
from newsdash.views.chart_parts import plotly_safe
from tests.conftest import ROOT


def frame(corpus, chart_id, lang="en", **filters):
    return charts.chart_frame(corpus.article(), corpus, chart_id, lang, **filters)


def build(corpus, chart_id, lang="en", **filters):
    return charts.build_chart(corpus.article(), corpus, chart_id, lang, **filters)


def article_trace(fig):
    return next(tr for tr in fig.data if tr.name == "The article's figure")


def annotation(fig, name):
    return next(a for a in fig.layout.annotations if a.name == name)


@pytest.mark.parametrize("default", ["streamlit", "plotly_white"])
def test_every_chart_is_drawn_on_the_white_template(corpus, loaded, monkeypatch, default):
    """Whatever plotly's default template is when the chart is built: Streamlit makes its
    own the default when it is imported (its placeholder colours #000001...); the app makes
    plotly_white the default again (newsdash/views/template.py), and a chart built under
    another default names plotly_white in its layout."""
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401 - registers Streamlit's template

    monkeypatch.setattr(pio.templates, "default", default)
    ids = [c.id for c in charts.category_charts(corpus, loaded)] + [c.id for c in loaded.article.charts]
    for chart_id in ids:
        layout = build(corpus, chart_id).to_dict()["layout"]
        assert layout["template"]["layout"].get("plot_bgcolor") == "white", chart_id
        assert layout["template"] == pio.templates["plotly_white"].to_plotly_json(), chart_id



IMPORTS_THEN_DEFAULT = "import plotly.io as pio; {imports}; print(pio.templates.default)"


@pytest.mark.parametrize(("imports", "default"), [
    ("import newsdash.views; import streamlit", "streamlit"),  # what importing streamlit does
    ("import newsdash.views; import streamlit; import newsdash.app.state", "plotly_white"),  # the app puts ours back
    ("import streamlit; import newsdash.views", "plotly_white"),  # as under `streamlit run`
])
def test_the_app_makes_white_the_default_template_after_streamlit_made_its_own(imports, default):
    """In a fresh process, the default template after these imports (each new chart takes
    the default as it stands; naming another costs a full check per figure)."""
    done = subprocess.run([sys.executable, "-c", IMPORTS_THEN_DEFAULT.format(imports=imports)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == default

# 1/ DEMINING: ONE CHART PER MEASURE


def test_buildings_article_point_is_1937_at_the_published_date(corpus):
    fig = build(corpus, "buildings")
    point = article_trace(fig)
    assert list(point.y) == [1937]
    assert list(point.x) == ["2021-12-29"]
    assert point.marker.symbol == "diamond"  # exact: a filled marker, no bar
    assert point.error_y.array is None
    assert fig.layout.yaxis.title.text == "buildings"


def test_hectares_article_point_and_ministry_series_last_point(corpus):
    fig = build(corpus, "hectares")
    series = fig.data[0]
    assert series.name == "Land cleared or surveyed"  # the measure's label, from data/measures.yaml
    assert series.x[-1] == "2021-12-20" and series.y[-1] == 2326.6
    assert series.mode == "lines+markers"
    point = article_trace(fig)
    assert (list(point.x), list(point.y)) == (["2021-12-29"], [2320])
    assert fig.layout.yaxis.title.text == "hectares"


def test_each_measure_has_its_own_unit_axis(corpus):
    units = {cid: build(corpus, cid).layout.yaxis.title.text
             for cid in ("buildings", "hectares", "road_km", "explosive_objects")}
    assert units == {"buildings": "buildings", "hectares": "hectares",
                     "road_km": "km", "explosive_objects": "explosive objects"}


def test_explosives_more_than_26000_is_drawn_as_a_lower_bound(corpus):
    fig = build(corpus, "explosive_objects")
    point = article_trace(fig)
    assert list(point.y) == [26000]
    assert point.marker.symbol == "triangle-up"
    assert point.error_y.arrayminus == (0,) and point.error_y.array[0] > 0  # open upward only
    assert point.text == ("more than 26,000 explosive objects",)
    assert "more than 26,000 explosive objects" in point.hovertext[0]


def test_series_markers_say_each_reports_qualifier(corpus):
    series = build(corpus, "road_km").data[0]
    last = dict(zip(series.x, series.marker.symbol, strict=True))
    assert last["2021-12-20"] == "triangle-up"  # the ministry's "more than 683 km"
    assert last["2020-12-01"] == "circle-open"  # "about 10"
    names = [tr.name for tr in build(corpus, "road_km").data]
    assert "more than" in names and "about" in names


def test_series_hover_shows_value_qualifier_date_and_source(corpus):
    series = build(corpus, "road_km").data[0]
    hover = series.hovertext[-1]
    assert "more than 683 km" in hover
    assert "2021-12-20" in hover
    assert "news.am, 20 Dec 2021" in hover


# 2/ RETURNS


def test_refugees_are_a_lower_bound_at_50000_on_the_article_date(corpus):
    point = article_trace(build(corpus, "returned_to_karabakh_cumulative"))
    assert (list(point.x), list(point.y)) == (["2021-12-29"], [50000])
    assert point.marker.symbol == "triangle-up"
    assert point.error_y.arrayminus == (0,) and point.error_y.array[0] > 0


def test_each_returns_measure_has_its_own_chart_and_none_is_summed(corpus):
    charts_by_id = {c.id: c for c in charts.category_charts(corpus, corpus.article(), "returns")}
    assert list(charts_by_id) == ["returned_to_karabakh_cumulative", "departures_on_return_buses_cumulative",
                                  "refugee_like_in_armenia"]  # the order of data/measures.yaml
    lines = {cid: [tr for tr in build(corpus, cid).data if tr.mode == "lines+markers"] for cid in charts_by_id}
    assert [tr.name for tr in lines["refugee_like_in_armenia"]] == ["Still displaced in Armenia (Armenia/UN count)"]
    assert max(y for y in lines["refugee_like_in_armenia"][0].y if y is not None) == 90000
    assert max(y for y in lines["returned_to_karabakh_cumulative"][0].y if y is not None) == 50658
    assert lines["departures_on_return_buses_cumulative"][0].line.dash == "dash"  # the measure's line style
    assert lines["departures_on_return_buses_cumulative"][0].line.color == charts.GREEN


def test_a_measure_chart_draws_its_context_rows_and_the_article_figure(corpus):
    rows = frame(corpus, "returned_to_karabakh_cumulative")
    assert set(rows["series"]) == {"returned_to_karabakh_cumulative", "article"}
    assert len(rows) == 8
    assert rows[rows["series"] == "article"]["value"].tolist() == [50000]


def test_helped_home_bars_are_127_and_19(corpus):
    fig = build(corpus, "chart_helped_home")
    bars = fig.data[0]
    assert bars.orientation == "h"
    assert list(bars.x) == [127, 19]
    assert list(bars.y) == ["Armenians helped to return<br>home", "Azerbaijanis helped to return<br>home"]
    assert list(bars.text) == ["127 people", "19 people"]
    assert fig.layout.height < 400  # a compact chart of two rows, not two tall columns


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
    # about 1.5 months back from the ceasefire, as the article says, not from 1 September
    assert (fighting["date"], fighting["date_end"], fighting["precision"]) == ("2020-09-26", "2020-11-10", "approximate")
    assert (fighting["value"], fighting["qualifier"], fighting["unit"]) == (1.5, "about", "months")
    assert fighting["label"] == "Length of the fighting: about 1.5 months"  # the figure the timeline chart lists
    first, after = span_of_trace_point(build(corpus, "chart_timeline"), "Length of the fighting")
    assert (str(first), str(after)) == ("2020-09-26", "2020-11-11")


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
        {"series": "fighting", "date": "2020-09-26", "date_end": "2020-11-10", "precision": "approximate",
         "is_article": True, "quote_start": 1724, "quote_end": 1743},
    ]


# 4/ PROVENANCE IN THE FRAME


def test_frame_has_the_contract_columns(corpus):
    required = {"chart_id", "series", "label", "date", "value", "qualifier", "unit", "is_article", "quote",
                "quote_start", "quote_end", "source_title", "source_url", "note"}
    for chart in corpus.article().article.charts:
        assert required <= set(frame(corpus, chart.id).columns), chart.id


def test_article_rows_carry_the_verbatim_quote_and_offsets(corpus, loaded):
    row = frame(corpus, "hectares").query("is_article").iloc[0]
    assert row["quote"] == "مسح 2320 هكتارا من الأراضي"
    assert loaded.seed_text[row["quote_start"]:row["quote_end"]] == row["quote"]
    assert "surveyed" in row["note"]  # the editors' note on this figure


def test_context_rows_carry_their_source(corpus):
    rows = frame(corpus, "hectares").query("not is_article")
    last = rows.iloc[-1]
    assert (last["date"], last["value"]) == ("2021-12-20", 2326.6)
    assert last["source_title"] == "news.am, 20 Dec 2021"
    assert last["source_url"] == "https://news.am/eng/news/678332.html"
    assert len(rows) == 16


# 5/ WORDS FROM THE DATA, IN BOTH LANGUAGES


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_titles_and_bottom_lines_come_from_the_data(corpus, loaded, lang):
    chart = charts.get_chart(loaded, "explosive_objects", corpus)
    fig = build(corpus, "explosive_objects", lang)
    title = fig.layout.title.text.replace(charts.RLM, "").replace("</b><br><b>", " ")
    assert title == f"<b>{chart.title.get(lang)}</b>"  # the computed finding, wrapped whole
    assert digits_for(chart.subtitle.get(lang), lang) in fig.layout.title.subtitle.text  # Arabic-Indic in Arabic
    assert digits_for(chart.source.get(lang), lang) in annotation(fig, "source").text
    assert annotation(fig, "note").text.replace("<br>", " ").replace(charts.RLM, "").startswith(
        digits_for(chart.note.get(lang), lang)[:40])


def test_arabic_mode_uses_arabic_words_and_digits(corpus):
    fig = build(corpus, "explosive_objects", "ar")
    assert "المواد المتفجرة" in fig.layout.title.text
    point = next(tr for tr in fig.data if "رقم المقال" in tr.name)
    assert "أكثر من ٢٦٬٠٠٠ مادة متفجرة" in point.text[0]
    assert fig.layout.yaxis.title.text == charts.RLM + "مادة متفجرة" + charts.RLM


def test_text_from_the_data_is_escaped():
    assert plotly_safe("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


# 6/ NAMES, DOWNLOADS, ALT TEXT


@pytest.mark.parametrize(("chart_id", "lang", "tag", "stem"), [
    ("road_km", "en", "", "demining-road-km_2021-12-29_en"),
    ("buildings", "ar", "", "demining-buildings_2021-12-29_ar"),
    ("chart_timeline", "en", "2020-11-to-2021-06_article-fighting",
     "ceasefire-timeline_2021-12-29_2020-11-to-2021-06-article-fighting_en"),
])
def test_file_stem(corpus, loaded, chart_id, lang, tag, stem):
    assert charts.file_stem(charts.get_chart(loaded, chart_id, corpus), loaded, lang, tag) == stem


def test_timeline_filter_tag():
    assert charts.timeline_filter_tag() == ""
    assert charts.timeline_filter_tag(list(charts.TIMELINE_LAYERS)) == ""
    assert charts.timeline_filter_tag(["fighting", "article_events"], "2020-11", "2021-06") == \
        "2020-11-to-2021-06_article-fighting"


def test_plotly_config_names_the_download_after_the_chart(corpus, loaded):
    config = charts.plotly_config(charts.get_chart(loaded, "road_km", corpus), loaded, "en")
    assert config["toImageButtonOptions"]["filename"] == "demining-road-km_2021-12-29_en"
    assert config["displaylogo"] is False


def test_alt_text_states_the_key_values(corpus, loaded):
    text = charts.alt_text(charts.get_chart(loaded, "explosive_objects", corpus), loaded, "en")
    assert text.startswith("Explosive objects neutralised: steep rise until January 2021 (more than 23,000 explosive "
                           "objects), slower after (26,088 explosive objects by December 2021).")
    assert ("This article's figure: Andrei Rudenko, citing the efforts of the Russian defence ministry, "
            "29 December 2021: more than 26,000 explosive objects.") in text
    bars = charts.alt_text(charts.get_chart(loaded, "chart_helped_home", corpus), loaded, "en")
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
    fig = build(corpus, "buildings", "ar")
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
    for chart_id in ("hectares", "road_km", "explosive_objects", "returned_to_karabakh_cumulative"):
        fig = build(corpus, chart_id, "ar")
        top = fig.layout.yaxis.range[1]
        assert fig.layout.yaxis.tickvals[0] == 0
        assert max(fig.layout.yaxis.tickvals) <= top < max(fig.layout.yaxis.tickvals) * 2


def test_arabic_bars_get_arabic_values_and_keep_their_category_labels(corpus):
    fig = build(corpus, "chart_helped_home", "ar")
    assert [text.strip(charts.RLM) for text in fig.data[0].text] == ["١٢٧ شخصًا", "١٩ شخصًا"]
    assert fig.layout.xaxis.visible is False  # no value axis: each bar is labelled with its value
    assert fig.layout.xaxis.autorange == "reversed" and fig.layout.yaxis.side == "right"  # bars grow leftwards


def test_an_arabic_timeline_keeps_its_row_labels_and_dates_its_axis_in_arabic(corpus):
    fig = build(corpus, "chart_timeline", "ar")
    rows = frame(corpus, "chart_timeline", "ar")
    assert len(fig.layout.yaxis.ticktext) == len(rows)  # one label per dated row, as in English
    assert fig.layout.xaxis.ticktext[0] == "سبتمبر ٢٠٢٠"  # from the first event's month
    assert "ديسمبر ٢٠٢١" in fig.layout.xaxis.ticktext


def test_a_date_filter_frames_the_arabic_month_ticks(corpus):
    fig = build(corpus, "chart_timeline", "ar", date_from="2021-03", date_to="2021-12")
    assert fig.layout.xaxis.range == ("2022-01-04", "2021-02-26")  # time runs right to left in Arabic
    assert fig.layout.xaxis.tickvals[0] == "2021-03-01"
    assert all("2021-03-01" <= v <= "2022-01-04" for v in fig.layout.xaxis.tickvals)
    assert fig.layout.xaxis.ticktext[0] == "مارس ٢٠٢١"


def test_english_charts_keep_plotlys_own_ticks(corpus):
    for chart_id in ("buildings", "chart_helped_home"):
        fig = build(corpus, chart_id, "en")
        assert fig.layout.xaxis.tickvals is None
        assert fig.layout.yaxis.tickvals is None
    # the timeline writes its own, from the first event's month, so its ticks cover the events
    assert build(corpus, "chart_timeline", "en").layout.xaxis.tickvals[0] == "2020-09-01"


@pytest.mark.parametrize(("top", "ticks"), [
    (2092.0, [0, 500, 1000, 1500, 2000]),
    (737.6, [0, 200, 400, 600]),
    (139.7, [0, 25, 50, 75, 100, 125]),
    (1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (0.0, [0.0]),
])
def test_nice_ticks(top, ticks):
    from newsdash.views.axes import nice_ticks

    assert nice_ticks(top) == ticks


def test_month_ticks_start_at_the_first_whole_month_and_thin_out_over_long_spans():
    from datetime import date

    from newsdash.views.axes import month_ticks

    assert month_ticks(date(2021, 3, 1), date(2021, 6, 30)) == [date(2021, m, 1) for m in (3, 4, 5, 6)]
    assert month_ticks(date(2021, 3, 2), date(2021, 6, 30)) == [date(2021, m, 1) for m in (4, 5, 6)]
    over_three_years = month_ticks(date(2019, 1, 1), date(2021, 12, 31))
    assert over_three_years == [date(y, m, 1) for y in (2019, 2020, 2021) for m in (1, 7)]


# 7/ WHAT A GRAPHICS EDITOR CHECKS: ONE COLOUR, GAPS, EMPTY STATES, ONE EDGE


def colours_of(trace) -> set[str]:  # noqa: ANN001
    colours = {trace.marker.color} if isinstance(trace.marker.color, str) else set(trace.marker.color or ())
    if getattr(trace, "line", None) is not None and trace.line.color:
        colours.add(trace.line.color)
    return colours


def test_the_articles_colour_marks_the_articles_figures_and_nothing_else(corpus):
    orange = {charts.ARTICLE_COLOUR.lower(), charts.ORANGE.lower()}
    for chart in corpus.article().article.charts:
        for lang in ("en", "ar"):
            for trace in build(corpus, chart.id, lang).data:
                coloured = {c.lower() for c in colours_of(trace)} & orange
                names = (charts.t("article_point", lang), charts.RLM + charts.t("article_point", lang) + charts.RLM)
                is_article = (trace.name in names or trace.type == "bar" and chart.kind == "bars"
                              or chart.kind == "timeline" and trace.legendgroup != "context_events")
                assert not coloured or is_article, (chart.id, lang, trace.name)
    timeline = build(corpus, "chart_timeline")
    fighting = next(tr for tr in timeline.data if tr.name == "Fighting")
    assert fighting.marker.color == charts.ARTICLE_COLOUR  # the article's figure, as on every page
    bars = build(corpus, "chart_helped_home").data[0]
    assert bars.marker.color == charts.ARTICLE_COLOUR  # 127 and 19 are both the article's, one colour


def test_months_without_a_report_are_counted_between_report_months():
    assert charts.months_without_report("2021-02-28", "2021-08-20") == 5  # March to July
    assert charts.months_without_report("2021-08-20", "2021-12-20") == 3
    assert charts.months_without_report("2020-12-31", "2021-03-31") == 2  # quarterly: not a gap
    assert charts.report_gaps(["2021-01-11", "2021-02-12", "2021-02-28", "2021-08-20", "2021-12-20"]) == [2, 3]


def test_the_hectares_line_breaks_over_months_without_a_report_and_a_dotted_line_bridges_them(corpus):
    fig = build(corpus, "hectares")
    series = fig.data[0]
    at = list(series.x).index("2021-02-28")
    assert series.x[at + 1] is None and series.y[at + 1] is None  # the solid line stops on 28 Feb 2021
    assert series.x[at + 2] == "2021-08-20" and series.y[at + 2] == 2257
    bridge = next(tr for tr in fig.data if tr.meta == "gap")
    assert list(bridge.x) == ["2021-02-28", "2021-08-20", None, "2021-08-20", "2021-12-20", None]
    assert list(bridge.y) == [1500, 2257, None, 2257, 2326.6, None]
    assert bridge.line.dash == "dot" and bridge.line.color == charts.BLUE
    keys = [tr.name for tr in fig.data if tr.legend == charts.KEYS_LEGEND]
    assert keys == ["more than", "about", "no report for three months or more"]


def test_series_and_the_symbols_key_are_two_legends(corpus):
    fig = build(corpus, "returned_to_karabakh_cumulative")
    first = [tr.name for tr in fig.data if (tr.legend or "legend") == "legend" and tr.showlegend is not False]
    assert first == ["Returned to Karabakh (Russian side's count)", "The article's figure"]
    assert "Key:" in fig.layout.legend2.title.text
    assert fig.layout.legend2.y < fig.layout.legend.y  # under the series, on its own row


def test_each_returns_chart_says_what_its_measure_counts(corpus):
    departures = annotation(build(corpus, "departures_on_return_buses_cumulative"), "note").text.replace("<br>", " ")
    assert departures.startswith("Departures, not people: many travellers used the buses more than once.")
    displaced = annotation(build(corpus, "refugee_like_in_armenia"), "note").text.replace("<br>", " ")
    assert "not a running total" in displaced and "No formal refugee status" in displaced


def test_the_screen_chart_leaves_the_caveat_to_the_page_and_the_export_carries_it_with_the_credit(corpus, loaded):
    screen = build(corpus, "road_km")
    assert [a.name for a in screen.layout.annotations] == ["note", "source"]
    words = charts.ExportWords(credit="Graphic: The Example Desk")
    exported = charts.build_chart(loaded, corpus, "road_km", "en", export=words)
    assert [a.name for a in exported.layout.annotations] == ["note", "caveat", "source", "credit"]
    assert annotation(exported, "caveat").text.replace("<br>", " ") == (
        "All figures are claims by Russia, a party to the ceasefire arrangements; none is independently verified.")
    assert annotation(exported, "credit").text == "Graphic: The Example Desk"
    assert exported.layout.height > screen.layout.height  # the footer grows, nothing is squeezed


@pytest.mark.parametrize("chart_id", ["road_km", "returned_to_karabakh_cumulative", "chart_helped_home", "chart_timeline"])
def test_title_legend_and_footer_share_one_left_edge(corpus, chart_id):
    fig = charts.build_chart(corpus.article(), corpus, chart_id, "en", export=charts.ExportWords("Credit"))
    left = fig.layout.margin.l
    assert fig.layout.title.x == 0 and fig.layout.title.pad.l == charts.EDGE_PX
    for note in fig.layout.annotations:
        assert (note.x, note.xanchor, left + note.xshift) == (0, "left", charts.EDGE_PX), note.name


def test_an_arabic_chart_keeps_its_edge_on_the_right(corpus):
    fig = charts.build_chart(corpus.article(), corpus, "chart_timeline", "ar", export=charts.ExportWords("C"))
    right = fig.layout.margin.r
    assert fig.layout.title.x == 1 and fig.layout.title.pad.r == charts.EDGE_PX
    assert (fig.layout.legend.x, fig.layout.legend.xanchor, fig.layout.legend.indentation) == (0.988, "right", 0)
    for note in fig.layout.annotations:
        if not note.name.startswith("key_"):  # the key's first entry shares the edge, the others run leftwards
            assert (note.x, note.xanchor, right - note.xshift) == (1, "right", charts.EDGE_PX), note.name
    first_symbol = next(a for a in fig.layout.annotations if a.name == "key_glyph")
    assert (first_symbol.xanchor, right - first_symbol.xshift) == ("right", charts.EDGE_PX)


def test_value_axes_write_whole_numbers_with_separators_and_dates_have_no_grid(corpus):
    fig = build(corpus, "explosive_objects")
    assert fig.layout.yaxis.tickformat == ",~f"  # 25,000, as the labels write it, not 25k
    assert fig.layout.xaxis.showgrid is False and fig.layout.yaxis.showgrid is True
    assert fig.layout.yaxis.gridcolor == fig.layout.xaxis.gridcolor == charts.GRID_COLOUR


def test_timeline_labels_are_wrapped_whole_never_cut(corpus):
    fig = build(corpus, "chart_timeline")
    labels = [text.replace("<br>", " ") for text in fig.layout.yaxis.ticktext]
    assert "Joint Russian-Turkish ceasefire monitoring centre starts work in Aghdam district" in labels
    assert not any("…" in text for text in fig.layout.yaxis.ticktext)
    assert all(len(line) <= charts.TIMELINE_WRAP for text in fig.layout.yaxis.ticktext for line in text.split("<br>"))


def test_an_event_in_the_article_and_the_context_layer_is_drawn_once(corpus):
    rows = frame(corpus, "chart_timeline")
    assert rows["date"].tolist().count("2020-11-09") == 1  # the trilateral statement: the article's row only
    assert rows["date"].tolist().count("2021-12-29") == 1
    nov_9 = rows[rows["date"] == "2020-11-09"].iloc[0]
    assert (nov_9["series"], nov_9["label"]) == ("article_events", "Trilateral statement signed")
    context = frame(corpus, "chart_timeline", layers=["context_events"])
    assert "2020-11-09" in context["date"].tolist()  # without the article's layer the context row is drawn
    assert len(rows) == 11


def test_a_filtered_timeline_says_which_months_it_shows(corpus):
    fig = build(corpus, "chart_timeline", date_from="2021-03", date_to="2021-12")
    assert fig.layout.title.subtitle.text.endswith("Shown: March 2021 to December 2021.")
    arabic = build(corpus, "chart_timeline", "ar", date_from="2021-03", date_to="2021-12")
    assert "المعروض: من مارس ٢٠٢١ إلى ديسمبر ٢٠٢١." in arabic.layout.title.subtitle.text
    assert "Shown" not in build(corpus, "chart_timeline").layout.title.subtitle.text


def test_nothing_to_draw_is_said_in_words(corpus, loaded):
    empty_timeline = frame(corpus, "chart_timeline", layers=[])
    assert charts.nothing_to_draw(empty_timeline, "timeline") == "chart_empty_timeline"
    returned = frame(corpus, "returned_to_karabakh_cumulative")
    assert charts.nothing_to_draw(returned[returned["is_article"]], "measure_series") == "chart_no_series"
    assert charts.nothing_to_draw(returned, "measure_series") is None
    assert charts.nothing_to_draw(frame(corpus, "chart_helped_home"), "bars") is None
    no_rows = replace(corpus, context=replace(corpus.context, returns=corpus.context.returns.iloc[0:0]))
    message = charts.empty_message(loaded, no_rows, "returned_to_karabakh_cumulative", "en")
    assert message == ("Nothing to draw for “Returned to Karabakh (Russian side's count)”: no earlier report to set "
                       "the article's figure against is in the context data or chosen. The article's figure: Returned "
                       "to Karabakh (Russian side's count): more than 50,000 refugees.")
    arabic = charts.empty_message(loaded, corpus, "chart_timeline", "ar", layers=[])
    assert arabic.startswith("لا شيء يُرسم في «وقف إطلاق النار وما تلاه»")
    assert charts.empty_message(loaded, corpus, "chart_timeline", "en") is None


def test_a_long_title_wraps_whole_and_pushes_the_legend_down(corpus, loaded, monkeypatch):
    chart = charts.get_chart(loaded, "road_km", corpus)
    one_line = chart.title.model_copy(update={"en": "A title on one line"})
    monkeypatch.setattr(charts, "get_chart", lambda *_: chart.model_copy(update={"title": one_line}))
    short = build(corpus, "road_km")
    long_title = chart.title.model_copy(update={"en": "A chart title much longer than any in the article, written "
                                                      "to see it wrap onto a second line whole"})
    monkeypatch.setattr(charts, "get_chart", lambda *_: chart.model_copy(update={"title": long_title}))
    fig = build(corpus, "road_km")
    assert fig.layout.title.text == ("<b>A chart title much longer than any in the article, written to see it wrap "
                                     "onto a</b><br><b>second line whole</b>")
    assert fig.layout.margin.t == short.layout.margin.t + charts.TITLE_LINE_PX
