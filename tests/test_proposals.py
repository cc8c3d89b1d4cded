"""Proposals (newsdash.curation.proposals): a candidate's unit and quote words against
each measure of data/measures.yaml, with the reason in words."""

from __future__ import annotations

import pytest

from newsdash.curation.proposals import propose, propose_for_quote, quote_words
from newsdash.data.measures import load_measures
from tests.conftest import ROOT

MEASURES = load_measures(ROOT / "data")[0]


SEED = (ROOT / "seeds" / "000_3a55c9cc56337ab1.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("quote", "unit", "measure"), [
    ("تم فحص 1937 مبنى", "buildings", "buildings"),
    ("مسح 2320 هكتارا من الأراضي", "hectares", "hectares"),
    ("تطهير 683 كيلومترا من الطرق", "kilometres", "road_km"),
    ("أكثر من 26000 مادة متفجرة", "explosive objects", "explosive_objects"),
    ("أكثر من 50 ألف لاجئ", "refugees", "returned_to_karabakh_cumulative"),
])
def test_the_first_articles_figures_are_proposed_on_their_series(quote: str, unit: str, measure: str) -> None:
    """«وبجهود وزارة الدفاع ، منذ تشرين الثاني/ نوفمبر 2020»: the party and the running total
    are in the sentence; «ووفقا له ... بالفعل» refers back to the ministry's sentence."""
    proposal = propose_for_quote(SEED, quote, unit, MEASURES)
    assert proposal.measure == measure
    assert proposal.category == MEASURES[measure].category
    assert (proposal.setting.party, proposal.setting.kind) == ("russian_mod", "total")


def test_the_quote_alone_proposes_no_series() -> None:
    """"more than 34,000 refugees" says neither who counts them nor since when."""
    proposal = propose("أكثر من 34 ألف لاجئ", "refugees", MEASURES)
    assert proposal.measure is None
    assert proposal.category == "returns"  # the words still suggest where it belongs
    assert proposal.reason("en").startswith("Proposed on no series: the text does not say who counts it nor "
                                            "whether it is a running total or a flow.")
    assert "docs/measures.md" in proposal.reason("ar")


def test_no_measure_in_another_unit_even_when_the_words_match() -> None:
    """A measure counts in one unit; the loader refuses a figure in another."""
    text = "قالت وزارة الدفاع الروسية إن 500 عائلة عادت حتى الآن."
    proposal = propose_for_quote(text, "500 عائلة", "families", MEASURES)
    assert proposal.measure is None and proposal.new_measure is None


def test_a_tie_between_measures_of_the_unit_proposes_none() -> None:
    """127 Armenians (people): no word of either people-counting measure, so the editor chooses."""
    assert propose_for_quote(SEED, "127 أرمنيًا", "people", MEASURES).measure is None


def test_arabic_prefixes_are_read_off() -> None:
    assert {"اللاجئين", "لاجئين"} <= quote_words("واللاجئين")
    assert "الطرق" in quote_words("والطرق")
