"""The provenance check: every value, qualifier and date proven by the reading grammar."""

from __future__ import annotations

import pytest

from newsdash.data.provenance import ProvenanceProblem, check_event_date, check_figure, locate
from newsdash.reading.dates import precision_of, span_of


# One grammar: the provenance check reads a quote with the extractor's reader, so a figure
# an editor confirms from a candidate is proven by the rules that found it.
@pytest.mark.parametrize(("quote", "value", "qualifier"), [
    ("تم فحص 1937 مبنى", 1937, "exact"),
    ("أكثر من 50 ألف لاجئ", 50_000, "more_than"),
    ("أكثر من ٢٦٬٠٠٠ مادة", 26_000, "more_than"),
    ("نحو ٣ آلاف", 3_000, "about"),
    ("2.5 million people", 2_500_000, "exact"),
    ("استمرت نحو شهر ونصف", 1.5, "about"),
    ("more than 20 buildings", 20, "more_than"),
    ("حوالي 5 أشخاص", 5, "about"),
])
def test_a_quote_proves_its_value_and_qualifier(quote, value, qualifier):
    check_figure(quote, value, qualifier)


def test_a_lost_qualifier_is_refused():
    with pytest.raises(ProvenanceProblem, match="qualifier 'exact' disagrees with the quote, which says 'more_than'"):
        check_figure("أكثر من 26000 مادة متفجرة", 26000, "exact")


def test_a_wrong_value_is_refused_on_the_value_field():
    with pytest.raises(ProvenanceProblem, match="value 1,973 disagrees with the quote, which says 1,937") as error:
        check_figure("تم فحص 1937 مبنى", 1973, "exact")
    assert error.value.field == "value"


def test_a_range_needs_both_ends():
    check_figure("ما بين 3 و5 آلاف شخص", 3000, "range", 5000)
    with pytest.raises(ProvenanceProblem, match="disagrees"):
        check_figure("ما بين 3 و5 آلاف شخص", 3000, "range", 6000)


def test_two_numbers_in_one_quote_are_refused():
    with pytest.raises(ProvenanceProblem, match="several numbers 127, 19"):
        check_figure("127 أرمنيًا و 19 أذربيجانيًا", 127, "exact")


def test_year_after_a_month_is_not_a_figure():
    check_figure("منذ تشرين الثاني/ نوفمبر 2020، تم فحص 1937 مبنى", 1937, "exact")


def test_a_quote_without_a_number_is_refused():
    with pytest.raises(ProvenanceProblem, match="states no number"):
        check_figure("تم فحص المباني", 1937, "exact")


def test_an_event_date_is_read_from_either_month_name_and_the_day():
    check_event_date("يوم 10 تشرين الثاني/نوفمبر 2020", "2020-11-10")
    check_event_date("في نهاية شهر أيلول/سبتمبر 2020", "2020-09")
    check_event_date("يوم 10 تشرين الثاني/نوفمبر 2020", "2020-11")  # more precise than the record
    with pytest.raises(ProvenanceProblem, match="does not name month 10"):
        check_event_date("في نهاية شهر أيلول/سبتمبر 2020", "2020-10")
    with pytest.raises(ProvenanceProblem, match="does not name the year 2021"):
        check_event_date("في نهاية شهر أيلول/سبتمبر 2020", "2021-09")
    with pytest.raises(ProvenanceProblem, match="does not name day 11"):
        check_event_date("يوم 10 تشرين الثاني/نوفمبر 2020", "2020-11-11")


def test_a_date_without_its_year_is_read_against_the_publication_date():
    with pytest.raises(ProvenanceProblem, match="year 2021"):
        check_event_date("يوم 9 نوفمبر", "2021-11-09")
    check_event_date("يوم 9 نوفمبر", "2021-11-09", published="2021-12-29")


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
