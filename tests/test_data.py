"""The shipped data: every figure and event, its value, and its place in the seed."""

from __future__ import annotations

import hashlib

import pytest

from newsdash.data.corpus import PROJECT_ROOT, load_corpus

SEED = PROJECT_ROOT / "seeds" / "000_3a55c9cc56337ab1.txt"
ORIGINAL = PROJECT_ROOT.parent / "shared" / "seeds" / "000_3a55c9cc56337ab1.txt"


@pytest.fixture(scope="module")
def loaded():
    corpus = load_corpus(PROJECT_ROOT / "data")
    assert corpus.errors == ()
    return corpus.article()


def test_seed_is_byte_identical_to_the_original():
    raw = SEED.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == "34ecce79c2a75c3e6d4476e985ba1c866953902dbd93a22ea47853952f4c5ef4"
    assert not raw.endswith(b"\n")
    assert "۔".encode() in raw  # the Urdu full stop of the dateline is kept
    if ORIGINAL.exists():
        assert raw == ORIGINAL.read_bytes()


EXPECTED_FIGURES = [
    ("buildings_inspected", 1937, "exact", "buildings", "demining"),
    ("hectares_surveyed", 2320, "exact", "hectares", "demining"),
    ("roads_cleared_km", 683, "exact", "kilometres", "demining"),
    ("explosive_objects_neutralised", 26000, "more_than", "explosive objects", "demining"),
    ("refugees_returned", 50000, "more_than", "refugees", "returns"),
    ("armenians_helped_home", 127, "exact", "people", "returns"),
    ("azerbaijanis_helped_home", 19, "exact", "people", "returns"),
    ("fighting_duration_months", 1.5, "about", "months", "conflict"),
]


def test_every_figure_the_article_states_and_no_other(loaded):
    got = [(f.id, f.value, f.qualifier, f.unit, f.category) for f in loaded.article.figures]
    assert got == EXPECTED_FIGURES


def test_whole_numbers_stay_integers(loaded):
    assert isinstance(loaded.article.figure("buildings_inspected").value, int)
    assert loaded.article.figure("refugees_returned").value == 50_000


EXPECTED_EVENTS = [
    ("hostilities_resumed", "2020-09", "month"),
    ("trilateral_statement_signed", "2020-11-09", "day"),
    ("ceasefire_in_force", "2020-11-10", "day"),
    ("demining_count_start", "2020-11", "month"),
    ("rudenko_statement", "2021-12-29", "day"),
]


def test_every_dated_event(loaded):
    assert [(e.id, e.date, e.date_precision) for e in loaded.article.events] == EXPECTED_EVENTS


def test_vague_dates_keep_their_vagueness_in_the_label(loaded):
    events = {e.id: e for e in loaded.article.events}
    assert "the end of September 2020" in events["hostilities_resumed"].label.en
    assert "since November 2020" in events["demining_count_start"].label.en


def test_every_quote_sits_at_its_offsets(loaded):
    records = [*loaded.article.figures, *loaded.article.events]
    for record in records:
        span = loaded.spans[record.id]
        assert loaded.seed_text[span.start : span.end] == record.quote
    assert loaded.spans["buildings_inspected"].start == loaded.seed_text.index("تم فحص 1937 مبنى")


def test_paragraphs_align_with_the_seed_and_mark_boilerplate(loaded):
    paragraphs = loaded.article.paragraphs
    assert len(paragraphs) == len(loaded.paragraphs_original) == 15
    boilerplate = [p.index for p in paragraphs if p.boilerplate]
    assert boilerplate == [1, 5, 14]
    assert loaded.paragraphs_original[5] == "(تستمر)"
    assert paragraphs[5].translation == "(continues)"
    assert "1,937" in paragraphs[6].translation


def test_required_editors_notes(loaded):
    notes = {n.id: n for n in loaded.article.notes}
    assert set(notes) == {"note_mining_company", "note_hectares_cleared", "note_claims_unverified"}
    assert all(n.kind == "editors_reading" for n in notes.values())
    assert all(n.text.en.startswith("Editors' reading") for n in notes.values())
    assert "РМК" in notes["note_mining_company"].text.en
    assert "очищено" in notes["note_hectares_cleared"].text.en
    assert notes["note_hectares_cleared"].concerns.figures == ["hectares_surveyed"]
    assert notes["note_claims_unverified"].concerns.all_figures


def test_article_block(loaded):
    info = loaded.article.article
    assert (info.outlet.en, info.wire_agency.en, info.published, info.language) == (
        "UrduPoint Network", "Sputnik", "2021-12-29", "ar")
    assert info.speaker.name.en == "Andrei Rudenko"
    assert info.seed.file == SEED.name
    assert info.title_original == loaded.paragraphs_original[0]
