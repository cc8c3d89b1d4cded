"""Each figure proposed on the series it belongs to: the same party, the same kind (running
total or flow) and the same quantity, read from its sentence and the one before; otherwise
a new measure, kept in the draft. One claim said twice is one candidate. Stories in
tests/series_stories.py (our own words, Arabic and English)."""

from __future__ import annotations

import pytest

from newsdash.curation.draft import build_draft
from newsdash.curation.proposals import propose_in_text
from newsdash.data.measures import load_measures
from newsdash.reading.candidates import extract
from newsdash.reading.setting import party_names
from tests.conftest import ROOT
from tests.series_stories import STORIES

MEASURES = load_measures(ROOT / "data")[0]
PARTIES = party_names(MEASURES.parties)


def draft_figures(story: str) -> dict[float, dict]:
    """The draft's figure records of a story, by value."""
    text, published = STORIES[story]
    raw = text.encode("utf-8")
    article, _ = build_draft(raw, text, extract(text, published, PARTIES), "001_test.txt", measures=MEASURES)
    return {f["value"]: f for f in article["figures"]}


def proposal(story: str, value: float):  # noqa: ANN201
    text, published = STORIES[story]
    figure = next(f for f in extract(text, published, PARTIES).figures if f.value == value)
    return propose_in_text(text, figure.start, figure.end, figure.quote, figure.unit or "", MEASURES)


@pytest.mark.parametrize("story", ["en_day", "ar_day", "en_weekday", "ar_weekday"])
def test_a_days_flow_is_a_new_series_never_a_point_on_the_running_total(story: str):
    flow = draft_figures(story)[1100 if story.endswith("_day") else 850]
    assert flow["measure"] != "returned_to_karabakh_cumulative"
    assert (flow["party"], flow["kind"]) == ("russian_mod", "flow")
    new = flow["proposed_measure"]
    assert (new["id"], new["party"], new["kind"], new["per"], new["unit"], new["category"]) == (
        "russian_mod_refugees_day", "russian_mod", "flow", "day", "refugees", "returns")
    assert flow["measure"] == new["id"]  # chosen in the form, added to measures.yaml on confirm


@pytest.mark.parametrize(("story", "value"), [("en_day", 36000), ("ar_day", 36000),
                                              ("en_weekday", 34000), ("ar_weekday", 34000)])
def test_the_running_total_beside_the_flow_is_proposed_on_the_running_total(story: str, value: int):
    total = draft_figures(story)[value]
    assert (total["measure"], total["party"], total["kind"], total["unit"]) == (
        "returned_to_karabakh_cumulative", "russian_mod", "total", "refugees")
    assert "proposed_measure" not in total


@pytest.mark.parametrize("story", ["en_day", "ar_day"])
def test_a_running_total_without_a_noun_in_its_quote_takes_the_noun_of_its_sentence(story: str):
    """"36,000" and «أكثر من 36 ألفا»: the noun and the word for total are elsewhere in the sentence."""
    text, published = STORIES[story]
    figure = next(f for f in extract(text, published, PARTIES).figures if f.value == 36000)
    assert figure.unit is None  # the quote alone names nothing
    assert draft_figures(story)[36000]["unit"] == "refugees"


@pytest.mark.parametrize("story", ["en_month", "ar_month"])
def test_a_months_flow_of_hectares_is_not_put_on_the_running_total(story: str):
    figure = draft_figures(story)[300]
    assert figure["measure"] == "russian_mod_hectares_month"
    assert (figure["proposed_measure"]["kind"], figure["proposed_measure"]["per"]) == ("flow", "month")
    assert figure["category"] == "demining"


@pytest.mark.parametrize("story", ["en_anama", "ar_anama"])
def test_another_partys_count_of_the_same_quantity_is_its_own_series(story: str):
    figure = draft_figures(story)[1250]
    assert figure["measure"] == "anama_hectares_total" != "hectares"
    assert (figure["party"], figure["kind"]) == ("anama", "total")
    new = figure["proposed_measure"]
    assert new["label"] == {"en": "Hectares, running total (ANAMA (Azerbaijan's mine action agency))",
                            "ar": "هكتار، حصيلة تراكمية (الوكالة الوطنية الأذربيجانية لمكافحة الألغام (أناما))"}
    assert new["category"] == "demining" and new["unit"] == "hectares"


def test_the_reason_says_party_kind_and_quantity_in_both_languages():
    found = proposal("en_weekday", 34000)
    assert found.reason("en") == (
        "Proposed: Returned to Karabakh (Russian side's count). Same party: Russian defence ministry (the text "
        "says «Russian Defence Ministry»). Same kind: a running total («In total»). Same quantity: refugees "
        "(refugees).")
    assert found.reason("ar").startswith("المقترح: العائدون إلى قره باغ (إحصاء الجانب الروسي). الجهة نفسها: "
                                         "وزارة الدفاع الروسية")
    assert "حصيلة تراكمية" in found.reason("ar")


def test_the_reason_for_a_new_measure_names_the_party_and_the_kind():
    found = proposal("ar_anama", 1250)
    assert found.reason("en").startswith("No series of the record holds ANAMA (Azerbaijan's mine action agency)'s "
                                         "count of hectares as a running total: proposed a new measure")
    assert "يقول النص «الوكالة الوطنية الأذربيجانية لمكافحة الألغام" in found.reason("ar")
    assert "data/measures.yaml" in found.reason("ar")


def test_a_figure_whose_party_the_text_does_not_say_gets_no_series():
    text = "Some 1,250 hectares of land have been cleared so far, officials said.\n"
    figure = extract(text, "2021-01-20", PARTIES).figures[0]
    found = propose_in_text(text, figure.start, figure.end, figure.quote, figure.unit, MEASURES)
    assert (found.measure, found.new_measure) == (None, None)
    assert "does not say who counts it" in found.reason("en")


@pytest.mark.parametrize("story", ["en_twice", "ar_twice"])
def test_one_claim_said_twice_is_one_candidate_with_both_spans(story: str):
    text, published = STORIES[story]
    [figure] = extract(text, published, PARTIES).figures
    assert (figure.value, figure.qualifier, figure.unit) == (2000, "more_than", "refugees")
    [(start, end)] = figure.also
    assert text[start:end] in ("More than 2,000 refugees", "أكثر من ألفي لاجئ")
    assert start > figure.end  # the spokesman's words, in the next sentence


def test_the_same_number_said_by_two_parties_is_two_claims():
    text, published = STORIES["en_two_parties"]
    figures = [f for f in extract(text, published, PARTIES).figures if f.value == 1250]
    assert len(figures) == 2
    drafted = build_draft(text.encode(), text, extract(text, published, PARTIES), "001_t.txt", measures=MEASURES)[0]
    assert [f.get("measure") for f in drafted["figures"]] == ["anama_hectares_total", "hectares"]


@pytest.mark.parametrize("story", ["en_mod", "ar_mod"])
def test_each_of_the_russian_sides_running_totals_gets_its_series(story: str):
    figures = draft_figures(story)
    assert {value: f.get("measure") for value, f in figures.items()} == {
        2257: "hectares", 683: "road_km", 1937: "buildings", 26000: "explosive_objects"}
    assert {(f["party"], f["kind"]) for f in figures.values()} == {("russian_mod", "total")}


def test_unhcrs_departures_and_the_displaced_count_go_to_their_own_parties_series():
    figures = draft_figures("en_unhcr")
    assert (figures[34564]["measure"], figures[34564]["party"], figures[34564]["unit"]) == (
        "departures_on_return_buses_cumulative", "unhcr", "people")  # the series' unit for "departures"
    assert (figures[37000]["measure"], figures[37000]["kind"]) == ("refugee_like_in_armenia", "level")
