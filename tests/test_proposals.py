"""Proposals (newsdash.curation.proposals): a candidate's unit and quote words against
each measure of data/measures.yaml, with the reason in words."""

from __future__ import annotations

import pytest

from newsdash.curation.proposals import propose, quote_words
from newsdash.data.measures import load_measures
from tests.conftest import ROOT

MEASURES = load_measures(ROOT / "data")[0]


@pytest.mark.parametrize(("quote", "unit", "measure"), [
    ("أكثر من 34 ألف لاجئ", "refugees", "returned_to_karabakh_cumulative"),
    ("أكثر من 50 ألف لاجئ", "refugees", "returned_to_karabakh_cumulative"),
    ("تم فحص 1937 مبنى", "buildings", "buildings"),
    ("مسح 2320 هكتارا من الأراضي", "hectares", "hectares"),
    ("تطهير 683 كيلومترا من الطرق", "kilometres", "road_km"),
    ("أكثر من 26000 مادة متفجرة", "explosive objects", "explosive_objects"),
    ("more than 3,000 refugees returned", "refugees", "returned_to_karabakh_cumulative"),
])
def test_the_measure_whose_unit_and_words_the_quote_has(quote: str, unit: str, measure: str) -> None:
    proposal = propose(quote, unit, MEASURES)
    assert proposal.measure == measure
    assert proposal.category == MEASURES[measure].category


def test_the_reason_names_the_measure_the_unit_and_the_words() -> None:
    proposal = propose("أكثر من 34 ألف لاجئ", "refugees", MEASURES)
    assert proposal.words == ("لاجئ",)
    assert proposal.reason("en") == ("Proposed: Returned to Karabakh (Russian side's count). It counts refugees, "
                                     "and the quote says لاجئ.")
    assert proposal.reason("ar").startswith("المقترح: ")


def test_no_measure_in_another_unit_even_when_the_words_match() -> None:
    """A measure counts in one unit; the loader refuses a figure in another."""
    proposal = propose("عاد 500 لاجئ", "families", MEASURES)
    assert proposal.measure is None
    assert proposal.category == "returns"  # the words still suggest where it belongs
    assert "data/measures.yaml" in proposal.reason("en") and "docs/measures.md" in proposal.reason("en")


def test_a_figure_on_no_known_measure_is_told_how_to_add_one() -> None:
    proposal = propose("نحو شهر ونصف", "months", MEASURES)
    assert (proposal.measure, proposal.category) == (None, None)
    assert proposal.reason("en").startswith("On no known measure (unit months, no word of a measure in the quote): "
                                            "the figure is shown as a tile and in the text.")
    assert "docs/measures.md" in proposal.reason("ar")


def test_a_tie_between_measures_of_the_unit_proposes_none() -> None:
    """127 Armenians (people): no word of either people-counting measure, so the editor chooses."""
    assert propose("127 أرمنيًا", "people", MEASURES).measure is None


def test_arabic_prefixes_are_read_off() -> None:
    assert {"اللاجئين", "لاجئين"} <= quote_words("واللاجئين")
    assert "الطرق" in quote_words("والطرق")
