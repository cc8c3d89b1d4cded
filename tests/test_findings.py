"""Findings, not labels (newsdash.views.findings): each measure chart's title says what
its series did, the Overview's first sentence says what the article adds, the small
charts draw every point they cite with a key, and the timeline draws what the article
says. Pure functions, both languages, real values."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdash.data.measures import Measure
from newsdash.views import charts, findings
from newsdash.views.comparison import HIGHER, LOWER, compare_article
from newsdash.views.findings import Point, overview_finding, series_shape, series_title
from newsdash.views.small_multiples import cited_points, markers_key


@pytest.fixture(scope="module")
def loaded(corpus):  # noqa: ANN001, ANN201
    return corpus.articles[0]


# 1/ THE SHAPE OF A SERIES, ONE TEST PER SHAPE


def points(*pairs) -> list[Point]:  # noqa: ANN002
    return [Point(day, value, qualifier) for day, value, qualifier in pairs]


ROADS = points(("2020-11-28", 5.5, "exact"), ("2020-12-18", 87, "about"), ("2021-01-11", 182.8, "exact"),
               ("2021-02-12", 420.8, "exact"), ("2021-02-28", 478, "exact"), ("2021-08-20", 674, "more_than"),
               ("2021-12-20", 683, "more_than"), ("2021-12-29", 683, "exact"))


def test_a_knee_steep_then_slower_with_its_values_and_months():
    shape = series_shape(ROADS)
    assert (shape.kind, shape.knee.day, shape.before, shape.after) == ("knee", "2021-02-28", "steep_rise", "slower")
    assert series_title(shape, "Roads cleared of explosives", "kilometres", "en") == (
        "Roads cleared of explosives: steep rise until February 2021 (478 km), slower after "
        "(683 km by December 2021)")
    assert series_title(shape, "الطرق التي تم تطهيرها من المتفجرات", "kilometres", "ar") == (
        "الطرق التي تم تطهيرها من المتفجرات: ارتفاع حاد حتى فبراير ٢٠٢١ (٤٧٨ كم)، ثم تباطؤ بعده "
        "(٦٨٣ كم بحلول ديسمبر ٢٠٢١)")


def test_nearly_flat_only_when_the_slow_phase_barely_moved_the_series():
    """Roads added 43% after their knee: "slower", not "nearly flat"; a series that adds 2%
    after its knee is nearly flat."""
    settled = series_shape(points(("2020-11-28", 10, "exact"), ("2021-01-31", 500, "exact"),
                                  ("2021-06-30", 505, "exact"), ("2021-12-31", 510, "exact")))
    assert (settled.kind, settled.before, settled.after) == ("knee", "steep_rise", "nearly_flat")
    assert series_title(settled, "Roads cleared", "kilometres", "en") == (
        "Roads cleared: steep rise until January 2021 (500 km), nearly flat after (510 km by December 2021)")
    assert series_shape(ROADS).after == "slower"


def test_a_rise_a_fall_flat_and_one_report():
    rise = series_shape(points(("2021-02-28", 24267, "about"), ("2021-06-15", 34564, "exact")))
    assert series_title(rise, "Bus departures", "people", "en") == (
        "Bus departures: up from about 24,267 people in February 2021 to 34,564 people in June 2021")
    fall = series_shape(points(("2020-12-31", 90000, "about"), ("2021-03-31", 68050, "exact"),
                               ("2021-06-30", 36989, "about")))
    assert fall.kind == "fall"
    assert series_title(fall, "نازحون", "people", "ar") == (
        "نازحون: انخفاض من نحو ٩٠٬٠٠٠ شخص في ديسمبر ٢٠٢٠ إلى نحو ٣٦٬٩٨٩ شخصًا في يونيو ٢٠٢١")
    flat = series_shape(points(("2021-08-20", 1927, "exact"), ("2021-10-01", 1930, "exact"),
                               ("2021-12-20", 1937, "exact")))
    assert series_title(flat, "Buildings", "buildings", "en") == (
        "Buildings: flat from August 2021 to December 2021, at 1,937 buildings")
    one = series_shape(points(("2021-12-29", 1250, "exact")))
    assert series_title(one, "ANAMA hectares", "hectares", "en") == (
        "ANAMA hectares: one report so far, 1,250 hectares in December 2021")
    assert series_shape([]) is None and series_title(None, "Label", "hectares", "en") == "Label"


def test_a_peak_and_a_slow_start():
    peak = series_shape(points(("2021-01-01", 100, "exact"), ("2021-03-01", 500, "exact"),
                               ("2021-05-01", 900, "exact"), ("2021-07-01", 300, "exact")))
    assert (peak.kind, peak.knee.value) == ("peak", 900)
    assert series_title(peak, "Displaced", "people", "en") == (
        "Displaced: up to 900 people in May 2021, then down to 300 people by July 2021")
    slow = series_shape(points(("2021-01-01", 100, "exact"), ("2021-06-01", 120, "exact"),
                               ("2021-07-01", 600, "exact"), ("2021-08-01", 1100, "exact")))
    assert (slow.kind, slow.before, slow.after) == ("knee", "slow_rise", "steep")


def test_a_lower_bound_an_earlier_report_passed_says_nothing_of_the_shape():
    kept = findings.usable_points(points(("2021-01-24", 50658, "exact"), ("2021-12-29", 50000, "more_than")))
    assert [p.value for p in kept] == [50658]
    # one date given twice: the exact report stands for it
    kept = findings.usable_points(points(("2021-12-20", 683, "more_than"), ("2021-12-20", 683, "exact")))
    assert [p.qualifier for p in kept] == ["exact"]


# 2/ EVERY MEASURE CHART OF THE RECORD, TITLED FROM ITS DATA


@pytest.mark.parametrize(("measure", "en", "ar"), [
    ("road_km", "Roads cleared of explosives: steep rise until February 2021 (478 km), slower after "
                "(683 km by December 2021)",
     "الطرق التي تم تطهيرها من المتفجرات: ارتفاع حاد حتى فبراير ٢٠٢١ (٤٧٨ كم)، ثم تباطؤ بعده (٦٨٣ كم بحلول "
     "ديسمبر ٢٠٢١)"),
    ("buildings", "Buildings inspected: steep rise until February 2021 (1,512 buildings), slower after "
                  "(1,937 buildings by December 2021)",
     "المباني التي تم فحصها: ارتفاع حاد حتى فبراير ٢٠٢١ (١٬٥١٢ مبنى)، ثم تباطؤ بعده (١٬٩٣٧ مبنى بحلول "
     "ديسمبر ٢٠٢١)"),
    ("refugee_like_in_armenia", "Still displaced in Armenia (Armenia/UN count): down from about 90,000 people in "
                                "December 2020 to about 36,989 people in June 2021",
     "ما زالوا نازحين في أرمينيا (إحصاء أرمينيا والأمم المتحدة): انخفاض من نحو ٩٠٬٠٠٠ شخص في ديسمبر ٢٠٢٠ إلى "
     "نحو ٣٦٬٩٨٩ شخصًا في يونيو ٢٠٢١"),
])
def test_each_measure_chart_is_titled_by_what_its_series_did(corpus, loaded, measure, en, ar):
    chart = charts.get_chart(loaded, measure, corpus)
    assert (chart.title.en, chart.title.ar) == (en, ar)
    fig = charts.build_chart(loaded, corpus, measure, "en")
    assert fig.layout.title.text.replace("</b><br><b>", " ") == f"<b>{en}</b>"


def test_a_lower_bound_is_said_as_one_in_a_title(corpus, loaded):
    title = charts.get_chart(loaded, "hectares", corpus).title
    assert "(more than 1,500 hectares)" in title.en and "(أكثر من ١٬٥٠٠ هكتار)" in title.ar


def test_an_editors_title_replaces_the_computed_one_and_the_name_moves_to_the_subtitle(corpus, loaded):
    measures = dict(corpus.measures)
    chosen = measures["road_km"].model_copy(update={"title_override": {"en": "Roads: the work is done",
                                                                         "ar": "الطرق: انتهى العمل"}})
    measures["road_km"] = Measure.model_validate(chosen.model_dump())
    edited = replace(corpus, measures=type(corpus.measures)(measures, corpus.measures.parties))
    chart = charts.get_chart(loaded, "road_km", edited)
    assert (chart.title.en, chart.title.ar) == ("Roads: the work is done", "الطرق: انتهى العمل")
    assert chart.subtitle.en.startswith("Roads cleared of explosives: Cumulative kilometres")


def test_a_measure_has_one_name_an_override_both_languages():
    from pydantic import ValidationError

    base = {"id": "m", "label": {"en": "A", "ar": "أ"}, "unit": "hectares", "category": "demining",
            "party": "p", "kind": "level", "subtitle": {"en": "S.", "ar": "س"}, "note": {"en": "N", "ar": "ن"},
            "source": {"en": "S", "ar": "م"}}
    assert Measure.model_validate({**base, "title": {"en": "A", "ar": "أ"}}).title_override is None
    with pytest.raises(ValidationError, match="one name, its label"):
        Measure.model_validate({**base, "title": {"en": "Another name", "ar": "أ"}})
    with pytest.raises(ValidationError, match="title_override.ar"):
        Measure.model_validate({**base, "title_override": {"en": "Only English"}})


# 3/ THE OVERVIEW'S FINDING


def parties(corpus, lang: str) -> dict[str, str]:  # noqa: ANN001
    from newsdash.views.overview import measure_parties

    return measure_parties(corpus, lang)


def names(corpus, lang: str) -> dict[str, str]:  # noqa: ANN001
    from newsdash.views.overview import measure_names

    return measure_names(corpus, lang)


def test_the_overview_finding_of_the_record(corpus, loaded):
    comparisons = compare_article(loaded, corpus)
    assert overview_finding(comparisons, parties(corpus, "en"), "en", names(corpus, "en")) == (
        "4 of the 5 figures that can be checked repeat totals already published (Russian defence ministry; the "
        "latest of 20 December 2021); only <b>Land cleared or surveyed</b> is lower (2,320 hectares against "
        "2,326.6 hectares on 20 December 2021).")
    assert overview_finding(comparisons, parties(corpus, "ar"), "ar", names(corpus, "ar")) == (
        "٤ من أصل ٥ من الأرقام التي يمكن التحقق منها تكرر حصائل سبق نشرها (وزارة الدفاع الروسية؛ وآخرها في ٢٠ "
        "ديسمبر ٢٠٢١)؛ والاستثناء الوحيد أن <b>الأراضي التي تم تطهيرها أو مسحها</b> أقل (٢٬٣٢٠ هكتارًا مقابل "
        "٢٬٣٢٦٫٦ هكتار في ٢٠ ديسمبر ٢٠٢١).")


def test_the_finding_when_all_repeat_some_are_higher_or_nothing_compares(corpus, loaded):
    comparisons = compare_article(loaded, corpus)
    repeats = [c for c in comparisons if c.adds_nothing]
    assert overview_finding(repeats, {}, "en") == (
        "Nothing new: every figure that can be checked repeats totals already published (the latest of 20 December "
        "2021).")
    higher = [replace(c, status=HIGHER) for c in comparisons[:2]]
    assert overview_finding(higher, {}, "en") == (  # without the measures' names: the figures' own labels
        "New numbers: <b>Buildings inspected</b> is higher (1,937 buildings against 1,937 buildings on 20 December "
        "2021); <b>Land surveyed</b> is higher (2,320 hectares against 2,326.6 hectares on 20 December "
        "2021).")
    mixed = [*repeats, replace(comparisons[0], status=LOWER), replace(comparisons[2], status=HIGHER)]
    text = overview_finding(mixed, parties(corpus, "en"), "en", names(corpus, "en"))
    assert text.startswith("4 of the 6 figures that can be checked repeat") and "; only" not in text
    assert "<b>Buildings inspected</b> is lower" in text and "<b>Roads cleared of explosives</b> is higher" in text
    assert overview_finding([], {}, "ar").startswith("لا يمكن مقارنة أي رقم في هذا المقال")


def test_the_finding_never_works_out_a_rise_from_a_bound(corpus, loaded):
    roads = next(c for c in compare_article(loaded, corpus) if c.measure == "road_km")
    text = overview_finding([replace(roads, status=HIGHER)], {}, "en")
    assert "683 km against more than 683 km" in text and " by " not in text  # both values, no difference


def test_the_finding_escapes_data_text(corpus, loaded):
    comparison = compare_article(loaded, corpus)[1]
    hostile = comparison.figure.model_copy(update={"label": comparison.figure.label.model_copy(
        update={"en": "<script>x</script>"})})
    text = overview_finding([replace(comparison, figure=hostile)], {}, "en")
    assert "<script>" not in text and "&lt;script&gt;" in text


# 4/ SMALL MULTIPLES: EVERY CITED POINT INSIDE THE FRAME, AND A KEY


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_point_a_small_chart_cites_is_inside_its_frame(corpus, loaded, lang):
    for comparison in compare_article(loaded, corpus):
        fig = charts.comparison_chart(comparison, lang)
        low, high = fig.layout.yaxis.range
        first, last = fig.layout.xaxis.range
        for day, value in cited_points(comparison):
            assert low < value < high, (comparison.measure, value)
            assert first <= day[:10] <= last, (comparison.measure, day)
    land = next(c for c in compare_article(loaded, corpus) if c.measure == "hectares")
    assert ("2021-08-20", 2257.0) in cited_points(land)  # the August report the lede cites


def test_the_small_charts_key_says_what_each_marker_means(corpus, loaded):
    key = markers_key(compare_article(loaded, corpus), "en")
    assert "◆</span> the article&#x27;s claim" in key and "●</span> earlier reports" in key
    assert "▲</span> more than" in key  # the article's "more than 26,000" and the earlier bounds
    arabic = markers_key(compare_article(loaded, corpus), "ar")
    assert "ما يقوله المقال" in arabic and 'dir="rtl"' in arabic
    article = next(t for t in charts.comparison_chart(compare_article(loaded, corpus)[0], "en").data
                   if t.text and "article" in t.text[0])
    assert article.marker.symbol == "diamond"


# 5/ THE TIMELINE: WHAT THE ARTICLE SAYS, ITS TICKS, ITS COLOURS, ARABIC


def test_the_fighting_bar_spans_the_articles_words_and_is_approximate(corpus, loaded):
    frame = charts.chart_frame(loaded, corpus, "chart_timeline", "en")
    fighting = frame[frame["series"] == "fighting"].iloc[0]
    assert (fighting["date"], fighting["date_end"], fighting["precision"]) == ("2020-09-26", "2020-11-10", "approximate")
    fig = charts.build_chart(loaded, corpus, "chart_timeline", "en")
    bar = next(t for t in fig.data if t.type == "bar" and t.legendgroup == "fighting")
    assert list(bar.base) == ["2020-09-26"] and bar.x[0] == 46 * 86_400_000  # 46 days: about 1.5 months
    assert list(bar.marker.pattern.shape) == ["/"]


def test_the_timeline_ticks_start_at_the_first_event(corpus, loaded):
    fig = charts.build_chart(loaded, corpus, "chart_timeline", "en")
    assert fig.layout.xaxis.tickvals[0] == "2020-09-01" and fig.layout.xaxis.ticktext[0] == "Sep 2020"
    arabic = charts.build_chart(loaded, corpus, "chart_timeline", "ar")
    assert arabic.layout.xaxis.ticktext[0] == "سبتمبر ٢٠٢٠"
    assert arabic.layout.xaxis.autorange == "reversed"  # time runs right to left: labels sit by their bars


def test_the_timeline_colours_mean_what_they_mean_elsewhere(corpus, loaded):
    fig = charts.build_chart(loaded, corpus, "chart_timeline", "en", layers=list(charts.TIMELINE_LAYERS))
    colour = {t.legendgroup: t.marker.color for t in fig.data}
    assert colour["article_events"] == colour["fighting"] == charts.ARTICLE_COLOUR
    assert colour["demining_period"] == charts.ORANGE and colour["context_events"] == charts.GREY


def test_the_demining_period_names_its_measures_never_their_ids(corpus, loaded):
    frame = charts.chart_frame(loaded, corpus, "chart_timeline", "en")
    note = frame[frame["series"] == "demining_period"].iloc[0]["note"]
    assert note.startswith("Buildings inspected, Land cleared or surveyed") and "_" not in note
