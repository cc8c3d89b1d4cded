"""The readers behind the provenance check: numbers, qualifiers, dates."""

from __future__ import annotations

import pytest

from newsdash.data.provenance import ProvenanceProblem, check_date, check_value, locate
from newsdash.reading.dates import precision_of, span_of
from newsdash.reading.numbers import qualifier_of, read_numbers


@pytest.mark.parametrize(("text", "values"), [
    ("تم فحص 1937 مبنى", [1937]),
    ("أكثر من 50 ألف لاجئ", [50_000]),
    ("أكثر من ٢٦٬٠٠٠ مادة", [26_000]),
    ("نحو ٣ آلاف", [3_000]),
    ("2.5 million people", [2_500_000]),
    ("استمرت نحو شهر ونصف", [1.5]),
    ("127 أرمنيًا و 19 أذربيجانيًا", [127, 19]),
])
def test_read_numbers(text, values):
    assert [r.value for r in read_numbers(text)] == values


def test_reading_offsets_cover_the_multiplier_word():
    text = "عاد أكثر من 50 ألف لاجئ"
    reading = read_numbers(text)[0]
    assert text[reading.start : reading.end] == "50 ألف"


@pytest.mark.parametrize(("text", "qualifier"), [
    ("أكثر من 26000", "more_than"), ("نحو شهر ونصف", "about"), ("حوالي 5", "about"),
    ("more than 20", "more_than"), ("1937 مبنى", "exact"),
])
def test_qualifier_of(text, qualifier):
    assert qualifier_of(text) == qualifier


def test_year_after_a_month_is_not_a_figure():
    check_value("منذ تشرين الثاني/ نوفمبر 2020، تم فحص 1937 مبنى", 1937, "exact")


def test_four_digit_figure_after_a_comma_is_still_a_figure():
    with pytest.raises(ProvenanceProblem, match="several numbers 2,020, 1,937"):
        check_value("بلغ 2020، تم فحص 1937 مبنى", 1937, "exact")


def test_check_date_reads_both_month_names_and_the_day():
    check_date("يوم 10 تشرين الثاني/نوفمبر 2020", "2020-11-10")
    check_date("في نهاية شهر أيلول/سبتمبر 2020", "2020-09")
    with pytest.raises(ProvenanceProblem, match="does not name month 10"):
        check_date("في نهاية شهر أيلول/سبتمبر 2020", "2020-10")
    with pytest.raises(ProvenanceProblem, match="does not name the year 2021"):
        check_date("في نهاية شهر أيلول/سبتمبر 2020", "2021-09")


def test_locate_refuses_absent_and_ambiguous_quotes():
    assert locate("ب", "أبج") .start == 1
    with pytest.raises(ProvenanceProblem, match="not found"):
        locate("د", "أبج")
    with pytest.raises(ProvenanceProblem, match="occurs 2 times"):
        locate("ب", "أبب")


def test_partial_dates():
    assert precision_of("2020-09") == "month"
    assert [d.isoformat() for d in span_of("2020-09")] == ["2020-09-01", "2020-09-30"]
    assert [d.isoformat() for d in span_of("2020-02")] == ["2020-02-01", "2020-02-29"]
