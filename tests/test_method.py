"""Unit tests of the Data & method page's logic: the provenance table, the filter
sentence, the method text from data/method.yaml, the validation sentence."""

from __future__ import annotations

import pytest

from newsdash.data.corpus import load_corpus
from newsdash.data.method import load_method
from newsdash.views import data_method as m
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data")


@pytest.fixture(scope="module")
def frame(corpus):
    return m.provenance_frame(corpus, "en")


def test_the_table_has_one_row_per_figure_date_and_context_row(corpus, frame):
    context = len(corpus.context.demining) + len(corpus.context.returns) + len(corpus.context.events)
    assert len(frame) == 8 + 5 + context == 94
    assert list(frame.columns) == m.COLUMNS
    assert frame["kind"].value_counts().to_dict() == {
        "context_series": 74, "figure": 8, "context_event": 7, "event": 5}


def test_article_rows_carry_quote_offsets_and_seed(corpus, frame):
    loaded = corpus.article()
    for row in frame[frame["kind"].isin(["figure", "event"])].itertuples():
        assert loaded.seed_text[row.quote_start:row.quote_end] == row.quote
        assert row.source_file == "seeds/000_3a55c9cc56337ab1.txt"
        assert row.sentence == f"original_text?fig={row.id}"


def test_figure_rows_keep_value_qualifier_and_period(frame):
    row = frame.set_index("id").loc["explosive_objects_neutralised"]
    assert (row["value"], row["qualifier"], row["unit"]) == (26000, "more_than", "explosive objects")
    assert row["date"] == "2020-11 – 2021-12-29"
    assert frame.set_index("id").loc["refugees_returned", "date"] == "2021-12-29"


def test_context_rows_carry_their_source_and_only_derivable_units(frame):
    context = frame[frame["kind"] == "context_series"]
    assert context["source_url"].str.startswith("http").all()
    assert context["source_title"].str.len().min() > 0
    units = context.groupby("label")["unit"].first().dropna().to_dict()
    # each row named by its measure's one name (data/measures.yaml), never its id
    assert units == {"Buildings inspected": "buildings", "Explosive objects neutralised": "explosive objects",
                     "Land cleared or surveyed": "hectares", "Returned to Karabakh (Russian side's count)": "refugees",
                     "Roads cleared of explosives": "kilometres",
                     "Return-bus departures from Yerevan (UNHCR count)": "people",
                     "Still displaced in Armenia (Armenia/UN count)": "people"}
    first = context[(context["label"] == "Land cleared or surveyed")].sort_values("date").iloc[0]
    assert (first["date"], first["value"]) == ("2020-11-28", 14.67)


def test_the_arabic_table_uses_arabic_labels(corpus):
    frame = m.display_frame(m.provenance_frame(corpus, "ar"), "ar")
    row = frame.set_index("id").loc["buildings_inspected"]
    # the figure goes by its measure's one name (data/measures.yaml), as on every other page
    assert (row["kind"], row["category"], row["label"]) == ("أرقام المقال", "إزالة الألغام", "المباني التي تم فحصها")
    assert row["sentence"] == "original_text?fig=buildings_inspected&lang=ar"


ALL_CATS = ["demining", "returns", "conflict", "timeline"]


@pytest.mark.parametrize("shown, kinds, cats, lang, expected", [
    (94, list(m.KINDS), ALL_CATS, "en", "Showing all 94 rows."),
    (8, ["figure"], ALL_CATS, "en",
     "Showing 8 of 94 rows: article figures only (hidden: article dates, context series, context events)."),
    (15, list(m.KINDS), ["returns"], "en",
     "Showing 15 of 94 rows: returns only (hidden: demining, conflict, timeline)."),
    (0, [], ALL_CATS, "en", "Showing 0 of 94 rows: choose at least one kind and one category above."),
    (8, ["figure"], ALL_CATS, "ar",
     "عرض ٨ من ٩٤ صفا: أرقام المقال فقط (مخفي: تواريخ المقال، سلاسل السياق، أحداث السياق)."),
])
def test_the_caption_says_what_the_filter_hides(shown, kinds, cats, lang, expected):
    assert m.rows_caption(shown, 94, kinds, cats, ALL_CATS, lang) == expected


def test_filtering_by_kind_and_category(frame):
    assert len(m.filtered(frame, ["figure"], ["demining"])) == 4
    assert len(m.filtered(frame, list(m.KINDS), ["timeline"])) == 5 + 7
    assert m.filtered(frame, [], ALL_CATS).empty


def test_the_shipped_method_text_is_valid_and_bilingual():
    method, errors = load_method(ROOT / "data")
    assert errors == []
    assert method.title.en == "How the data was curated"
    assert len(method.steps) == 6
    assert all(step.text.ar and step.text.en for step in method.steps)


@pytest.mark.parametrize("text, expected", [
    ("title: {en: A, ar: ب}\nsteps: []\n", "method.yaml:2: method: steps: List should have at least 1 item"),
    ("title: {en: A}\nsteps:\n  - heading: {en: A, ar: ب}\n    text: {en: A, ar: ب}\n",
     "method.yaml:1: method: title.ar: Field required"),
    ("title: {en: A, ar: ب}\nsteps: [\n", "method.yaml:3: -: -: YAML error"),
])
def test_a_broken_method_file_is_placed_at_its_line(tmp_path, text, expected):
    (tmp_path / "method.yaml").write_text(text, encoding="utf-8")
    method, errors = load_method(tmp_path)
    assert method is None
    assert expected in str(errors[0])


def test_a_missing_method_file_is_an_error(tmp_path):
    method, errors = load_method(tmp_path)
    assert method is None and str(errors[0]).endswith("method file not found")


def test_the_validation_sentence_counts_what_was_proven(corpus):
    assert m.validation_summary(corpus, "en") == (
        "Validation passed: 1 article(s), 8 figures and 5 dates, every quote found exactly once in its source "
        "text (its SHA-256 begins `34ecce79c2a7`) and every value, qualifier and date proven from its quote; "
        "81 context rows read, each with its source.")


def test_what_each_note_concerns(corpus):
    notes = {n.id: n for n in corpus.article().article.notes}
    assert m.note_concerns(notes["note_mining_company"], "en") == "Concerns the words «الشركة الروسية للتعدين»"
    assert m.note_concerns(notes["note_hectares_cleared"], "en") == "Concerns: hectares_surveyed"  # no figures given
    figures = corpus.article().article.figures
    assert m.note_concerns(notes["note_hectares_cleared"], "ar", figures) == "تخص: أراضٍ تم مسحها"  # the label, not the id
    assert m.note_concerns(notes["note_claims_unverified"], "ar") == "تخص: كل الأرقام"
