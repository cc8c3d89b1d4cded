"""A new series proposed by a draft (another party's count) reaches data/measures.yaml only
when an editor confirms the article; then its figure is drawn on its own series, beside
the Russian side's, never on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdash.curation import confirm as c
from newsdash.curation.draft import build_draft, draft_yaml
from newsdash.data.corpus import load_corpus
from newsdash.data.measures import load_measures
from newsdash.reading.candidates import extract
from newsdash.reading.setting import party_names
from tests.series_stories import STORIES

ARTICLE_ID = "2021-01-20-test-wire-anama"


def anama_draft(data: Path) -> tuple[dict, bytes]:
    text, published = STORIES["en_anama"]
    raw = text.encode("utf-8")
    measures = load_measures(data)[0]
    extraction = extract(text, published, party_names(measures.parties))
    return build_draft(raw, text, extraction, "001_test_anama.txt", measures=measures)[0], raw


def answers_for(draft: dict, **changes: str) -> dict:
    """Every empty field filled in our own words; the proposals kept as the draft made them."""
    answers = c.form_defaults(draft)
    for key, value in answers.items():
        if value == "":
            answers[key] = "Test words"
    answers["article.id"] = ARTICLE_ID
    answers.update({k.replace("__", "."): v for k, v in changes.items()})
    return answers


def test_the_draft_with_its_new_measure_validates_and_changes_no_measure(data_copy: Path):
    draft, raw = anama_draft(data_copy)
    before = (data_copy / "measures.yaml").read_bytes()
    figure = next(f for f in draft["figures"] if f["value"] == 1250)
    assert figure["proposed_measure"]["id"] == "anama_hectares_total"
    (data_copy.parent / "seeds" / "001_test_anama.txt").write_bytes(raw)
    (data_copy / "articles" / "draft-anama.yaml").write_text(draft_yaml(draft), encoding="utf-8")
    corpus = load_corpus(data_copy)
    assert corpus.errors == ()
    assert len(corpus.drafts) == 1  # validated (its figure on the measure it proposes), not shown
    assert "anama_hectares_total" not in corpus.measures
    assert (data_copy / "measures.yaml").read_bytes() == before  # nothing is added by a draft


def test_confirming_adds_the_new_measure_and_draws_the_figure_on_it(data_copy: Path):
    draft, raw = anama_draft(data_copy)
    c.save_with_new_measures(c.confirm(draft, answers_for(draft)), raw, data_copy)
    corpus = load_corpus(data_copy)
    assert corpus.errors == ()
    new = corpus.measures["anama_hectares_total"]
    assert (new.party, new.kind, new.unit, new.category) == ("anama", "total", "hectares", "demining")
    figure = next(f for f in corpus.article(ARTICLE_ID).article.figures if f.value == 1250)
    assert (figure.measure, figure.party, figure.kind) == ("anama_hectares_total", "anama", "total")
    assert "proposed_measure" not in (data_copy / "articles" / f"{ARTICLE_ID}.yaml").read_text(encoding="utf-8")
    # the Russian side's running total is not flagged by ANAMA's smaller count
    assert [f for f in corpus.flags if f.measure == "hectares" and f.later_value == 1250] == []


def test_a_refused_save_leaves_the_measures_file_as_it_was(data_copy: Path):
    draft, raw = anama_draft(data_copy)
    before = (data_copy / "measures.yaml").read_bytes()
    with pytest.raises(c.SaveRefused):
        c.save_with_new_measures(c.confirm(draft, answers_for(draft, article__id="Not An Id")), raw, data_copy)
    assert (data_copy / "measures.yaml").read_bytes() == before


def test_choosing_the_russian_series_for_anamas_count_is_refused(data_copy: Path):
    """The editor overrides the proposal: validate refuses one party's count on another's series."""
    draft, raw = anama_draft(data_copy)
    number = next(f["id"] for f in draft["figures"] if f["value"] == 1250)
    with pytest.raises(c.SaveRefused) as refused:
        c.save_with_new_measures(c.confirm(draft, answers_for(draft, **{f"figures__{number}__measure": "hectares"})),
                                 raw, data_copy)
    assert "counted by 'anama' but measure 'hectares' is counted by 'russian_mod'" in refused.value.message
    assert refused.value.field == f"figures.{number}.measure"  # told beside the measure the editor chose
    assert "anama_hectares_total" not in load_measures(data_copy)[0]


def test_a_draft_naming_a_new_measure_without_proposing_it_is_an_error(data_copy: Path):
    draft, raw = anama_draft(data_copy)
    figure = next(f for f in draft["figures"] if f["value"] == 1250)
    del figure["proposed_measure"]
    (data_copy.parent / "seeds" / "001_test_anama.txt").write_bytes(raw)
    (data_copy / "articles" / "draft-anama.yaml").write_text(draft_yaml(draft), encoding="utf-8")
    [error] = load_corpus(data_copy).errors
    assert (error.record_id, error.field) == (figure["id"], "measure")
    assert "no measure 'anama_hectares_total'" in error.message


def test_two_parties_counts_of_the_same_work_are_two_charts_side_by_side_each_named(data_copy: Path):
    """On the Demining page ANAMA's hectares come right after the Russian side's, each chart
    naming its party; neither chart holds the other's point."""
    from newsdash.views.series_charts import category_charts

    draft, raw = anama_draft(data_copy)
    c.save_with_new_measures(c.confirm(draft, answers_for(draft)), raw, data_copy)
    corpus = load_corpus(data_copy)
    charts = category_charts(corpus, corpus.article(ARTICLE_ID), "demining")
    assert [chart.id for chart in charts][:2] == ["hectares", "anama_hectares_total"]
    hectares, anama = charts[0], charts[1]
    assert hectares.title.en.startswith("Land cleared or surveyed: steep rise until February 2021")
    assert hectares.title.en.endswith("— Russian defence ministry")
    assert anama.title.en.endswith("— ANAMA (Azerbaijan's mine action agency)")
    assert anama.title.ar.endswith("— الوكالة الوطنية الأذربيجانية لمكافحة الألغام (أناما)")
    assert [p.value for p in anama.points] == [1250]
    assert 1250 not in [p.value for p in hectares.points]
    assert charts[2].title.en == ("Roads cleared of explosives: steep rise until February 2021 (478 km), slower "
                                  "after (683 km by December 2021)")  # no other party counts roads: no party named


def test_the_lede_never_compares_anamas_count_with_the_russian_sides(data_copy: Path):
    """ANAMA's 1,250 ha is the first value of its own series: nothing earlier to compare it
    with, so the Overview says nothing is new or lower (not "below the 2,326.6 ha")."""
    from newsdash.views.comparison import compare_article
    from newsdash.views.overview import article_lede

    draft, raw = anama_draft(data_copy)
    c.save_with_new_measures(c.confirm(draft, answers_for(draft)), raw, data_copy)
    corpus = load_corpus(data_copy)
    loaded = corpus.article(ARTICLE_ID)
    assert compare_article(loaded, corpus) == []
    assert "2,326.6" not in article_lede(loaded, corpus, "en")


def test_the_form_offers_the_new_measure_chosen_with_the_reason(data_copy: Path):
    from newsdash.views import confirm_form

    draft, raw = anama_draft(data_copy)
    number = next(f["id"] for f in draft["figures"] if f["value"] == 1250)
    sections = confirm_form.sections(draft, raw.decode(), "en", load_measures(data_copy)[0])
    section = next(s for s in sections if any(f.key == f"figures.{number}.measure" for f in s.fields))
    measure = next(f for f in section.fields if f.key == f"figures.{number}.measure")
    assert measure.default == "anama_hectares_total"
    assert measure.options == ("", "hectares", "anama_hectares_total")  # the Russian series stays a choice
    assert measure.option_labels["anama_hectares_total"].startswith("new: Hectares, running total (ANAMA")
    assert section.caption.startswith("No series of the record holds ANAMA")


def test_the_measure_filter_names_both_parties(data_copy: Path):
    from newsdash.views.data_pages import measure_label

    draft, raw = anama_draft(data_copy)
    c.save_with_new_measures(c.confirm(draft, answers_for(draft)), raw, data_copy)
    corpus = load_corpus(data_copy)
    assert measure_label(corpus, "hectares", "en") == "Land cleared or surveyed — Russian defence ministry"
    assert measure_label(corpus, "hectares", "ar").endswith("— وزارة الدفاع الروسية")
    assert measure_label(corpus, "anama_hectares_total", "en") == (
        "Hectares, running total (ANAMA (Azerbaijan's mine action agency))")  # its label names it already
    assert measure_label(corpus, "road_km", "en") == "Roads cleared of explosives"
