"""Each article figure against the latest earlier value of its context series
(newsdash.views.comparison), with the real data and with made-up series."""

from __future__ import annotations

import pandas as pd
import pytest

from newsdash.data.corpus import load_corpus
from newsdash.data.models import Figure
from newsdash.reading.formatting import counted_unit, months_phrase
from newsdash.views import comparison as cmp


@pytest.fixture(scope="module")
def found() -> dict[str, cmp.Comparison]:
    corpus = load_corpus()
    return {c.figure.id: c for c in cmp.compare_article(corpus.articles[0], corpus.context)}


def test_every_figure_with_a_series_is_compared_and_no_other(found):
    assert set(found) == {"buildings_inspected", "hectares_surveyed", "roads_cleared_km",
                          "explosive_objects_neutralised", "refugees_returned"}


def test_buildings_repeat_the_ministry_total_of_20_december(found):
    c = found["buildings_inspected"]
    assert c.status == cmp.SAME
    assert (c.figure.value, c.last.value, c.last.as_of) == (1937, 1937.0, "2021-12-20")
    assert c.last.source_title == "news.am, 20 Dec 2021"
    assert c.last.source_url == "https://news.am/eng/news/678332.html"
    assert c.last.reported_by == "Russian defence ministry"
    # the series rose by 10 from August to December 2021: flat (within 1%) since August
    assert (c.previous.as_of, c.previous.value, c.step) == ("2021-08-20", 1927.0, 10.0)
    assert (c.flat_since.as_of, c.flat_change, c.months_flat) == ("2021-08-20", 10.0, 4)
    assert c.adds_nothing


def test_roads_683_km_is_the_same_number_as_more_than_683(found):
    c = found["roads_cleared_km"]
    assert c.status == cmp.SAME
    assert (c.figure.value, c.figure.qualifier) == (683, "exact")
    assert (c.last.value, c.last.qualifier, c.last.as_of) == (683.0, "more_than", "2021-12-20")


def test_hectares_2320_sit_below_the_ministry_2326_6(found):
    c = found["hectares_surveyed"]
    assert c.status == cmp.LOWER
    assert (c.figure.value, c.last.value, c.last.as_of) == (2320, 2326.6, "2021-12-20")
    assert round(c.step, 1) == 69.6  # from more than 2,257 on 20 Aug 2021
    assert c.flat_since == c.last  # 3% in four months is not flat
    assert not c.adds_nothing


def test_more_than_50000_refugees_is_consistent_with_50658_of_january(found):
    c = found["refugees_returned"]
    assert c.status == cmp.CONSISTENT
    assert (c.figure.value, c.figure.qualifier) == (50000, "more_than")
    assert (c.last.value, c.last.as_of) == (50658.0, "2021-01-24")
    assert c.last.source_title == "Pakistan Point News / Sputnik, 24 Jan 2021"
    assert c.months_since_last == 11
    assert c.flat_since.as_of == "2021-01-22"  # 50,390 is within 1% of 50,658


def test_more_than_26000_explosive_objects_is_consistent_with_26088(found):
    c = found["explosive_objects_neutralised"]
    assert (c.status, c.last.value) == (cmp.CONSISTENT, 26088.0)


def _fig(value: float, qualifier: str = "exact", value_max: float | None = None, **period) -> Figure:
    return Figure(id="x", label={"en": "X", "ar": "س"}, category="demining", value=value, value_max=value_max,
                  qualifier=qualifier, unit="buildings", period=period or {"as_of": "2022-01-10"},
                  attributed_to="someone", quote="q", translation="t")


@pytest.mark.parametrize(("value", "qualifier", "last", "last_qualifier", "expected"), [
    (100, "exact", 100, "exact", cmp.SAME),
    (100, "exact", 100, "more_than", cmp.SAME),
    (100, "about", 100, "exact", cmp.SAME),
    (120, "exact", 100, "exact", cmp.HIGHER),
    (90, "exact", 100, "exact", cmp.LOWER),
    (90, "exact", 100, "more_than", cmp.INCONSISTENT),
    (100, "more_than", 120, "exact", cmp.CONSISTENT),
    (100, "more_than", 100, "more_than", cmp.CONSISTENT),
    (100, "more_than", 100, "exact", cmp.HIGHER),
    (100, "more_than", 80, "exact", cmp.HIGHER),
    (100, "less_than", 80, "exact", cmp.CONSISTENT),
    (100, "less_than", 120, "exact", cmp.INCONSISTENT),
])
def test_status_of_every_qualifier(value, qualifier, last, last_qualifier, expected):
    reading = cmp.Reading(float(last), last_qualifier, "2021-12-01")
    assert cmp.status_of(_fig(value, qualifier), reading) == expected


def test_a_range_is_consistent_when_the_earlier_value_lies_in_it():
    reading = cmp.Reading(35000.0, "exact", "2021-12-01")
    assert cmp.status_of(_fig(30000, "range", 40000), reading) == cmp.CONSISTENT
    assert cmp.status_of(_fig(36000, "range", 40000), reading) == cmp.HIGHER


def _series(*rows: tuple[str, float, str]) -> pd.DataFrame:
    return pd.DataFrame([{"as_of": d, "measure": "m", "value": v, "qualifier": q, "reported_by": "R",
                          "source_title": f"S {d}", "source_url": "https://example.org", "note": ""}
                         for d, v, q in rows])


def test_only_reports_before_the_figure_count_and_a_month_date_is_not_before_its_own_month():
    series = _series(("2021-11-01", 90, "exact"), ("2022-01", 150, "exact"), ("2022-02-01", 200, "exact"))
    c = cmp.compare_figure(_fig(100), "m", "chart", "2022-01-10", series)
    assert (c.last.value, c.last.as_of, c.status) == (90.0, "2021-11-01", cmp.HIGHER)
    assert c.previous is None and c.step is None
    assert cmp.compare_figure(_fig(100), "m", "chart", "2021-10-01", series) is None


def test_a_series_unchanged_for_months_is_flat_since_its_first_equal_report():
    series = _series(("2021-01-01", 500, "exact"), ("2021-03-01", 1000, "exact"), ("2021-06-01", 1005, "exact"),
                     ("2021-09-01", 1005, "exact"))
    c = cmp.compare_figure(_fig(1005), "m", "chart", "2021-12-15", series)
    assert (c.status, c.flat_since.as_of, c.flat_change, c.months_flat) == (cmp.SAME, "2021-03-01", 5.0, 9)


def test_whole_months():
    assert cmp.whole_months("2021-01-24", "2021-12-29") == 11
    assert cmp.whole_months("2021-08-20", "2021-12-20") == 4
    assert cmp.whole_months("2021-12-20", "2021-12-29") == 0


def test_arabic_counted_nouns_and_months_follow_the_plural_categories():
    assert counted_unit("hectares", 2320, "ar") == "هكتارًا"  # 20: many
    assert counted_unit("hectares", 5, "ar") == "هكتارات"  # few
    assert counted_unit("hectares", 2326.6, "ar") == "هكتار"  # a fraction
    assert counted_unit("refugees", 50000, "ar") == "لاجئ"  # other
    assert counted_unit("buildings", 1937, "en") == "buildings"
    assert months_phrase(11, "ar") == "١١ شهرًا"
    assert months_phrase(4, "ar") == "٤ أشهر"
    assert months_phrase(2, "ar") == "شهرين"
    assert months_phrase(11, "en") == "11 months"
    assert months_phrase(1, "en") == "1 month"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(("value", "qualifier", "last", "last_qualifier", "words"), [
    (120, "exact", 100, "exact", ("above the last earlier report (100 buildings", "أعلى من آخر تقرير سابق (١٠٠ مبنى")),
    (90, "exact", 100, "exact", ("below the last earlier report (100 buildings", "أقل من آخر تقرير سابق (١٠٠ مبنى")),
    (90, "exact", 100, "more_than", ("does not fit the last earlier report (more than 100 buildings",
                                     "لا يتسق مع آخر تقرير سابق (أكثر من ١٠٠ مبنى")),
    (100, "less_than", 80, "exact", ("consistent with the last earlier report (80 buildings",
                                     "متسق مع آخر تقرير سابق (٨٠ مبنى")),
])
def test_every_status_has_its_sentence_in_both_languages(lang, value, qualifier, last, last_qualifier, words):
    from newsdash.views.overview import comparison_sentence, series_sentence

    series = _series(("2021-06-01", 95, "exact"), ("2021-12-01", last, last_qualifier))
    c = cmp.compare_figure(_fig(value, qualifier), "m", "chart", "2021-12-15", series)
    sentence = comparison_sentence(c, lang)
    assert words[lang == "ar"] in sentence
    assert 'href="original_text?fig=x' in sentence
    assert series_sentence(c, lang)  # how the series moved before it: never left blank here


def test_an_article_without_any_comparison_says_so_in_words():
    from newsdash.views.overview import lede_html

    assert "No figure in this article can be set against an earlier report" in lede_html([], 3, "en")
    assert "لا يمكن مقارنة أي رقم في هذا المقال بتقرير سابق" in lede_html([], 3, "ar")
