"""Measures are data: defined once in data/measures.yaml, named by figures and context
rows, and every wrong name or unit is an error placed at file, line, record and field."""

from __future__ import annotations

from pathlib import Path

from newsdash.data.corpus import load_corpus
from newsdash.data.measures import load_measures
from tests.conftest import ARTICLE, ROOT


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_measures_file_defines_the_ids_the_context_tables_use():
    measures, raw, errors = load_measures(ROOT / "data")
    assert errors == []
    assert list(measures) == ["hectares", "road_km", "buildings", "explosive_objects",
                              "returned_to_karabakh_cumulative", "departures_on_return_buses_cumulative",
                              "refugee_like_in_armenia"]
    assert measures["road_km"].unit == "kilometres"
    assert measures["returned_to_karabakh_cumulative"].category == "returns"
    assert measures["refugee_like_in_armenia"].cumulative is False
    assert measures["departures_on_return_buses_cumulative"].line.dash == "dash"
    assert "هكتار" in measures["hectares"].words.ar
    assert raw == (ROOT / "data" / "measures.yaml").read_bytes()


def test_the_first_article_figures_are_on_their_measures():
    corpus = load_corpus(ROOT / "data")
    figures = {f.id: f.measure for f in corpus.article().article.figures}
    assert figures["buildings_inspected"] == "buildings"
    assert figures["refugees_returned"] == "returned_to_karabakh_cumulative"
    assert figures["armenians_helped_home"] is None
    assert corpus.errors == ()


def test_a_figure_on_an_unknown_measure_is_an_error_at_its_line(data_copy: Path):
    article = data_copy / "articles" / ARTICLE
    edit(article, "    measure: road_km\n", "    measure: road_miles\n")
    corpus = load_corpus(data_copy)
    assert corpus.articles == ()
    [error] = corpus.errors
    assert (error.file, error.line, error.record_id, error.field) == (
        str(article), line_of(article, "measure: road_miles"), "roads_cleared_km", "measure")
    assert "no measure 'road_miles'" in error.message


def test_a_figure_in_another_unit_than_its_measure_is_an_error(data_copy: Path):
    article = data_copy / "articles" / ARTICLE
    edit(article, "    measure: buildings\n", "    measure: hectares\n")
    [error] = load_corpus(data_copy).errors
    assert (error.record_id, error.field, error.line) == ("buildings_inspected", "measure",
                                                          line_of(article, "measure: hectares"))
    assert "unit is 'buildings' but measure 'hectares' counts 'hectares'" in error.message


def test_a_figure_in_another_category_than_its_measure_is_an_error(data_copy: Path):
    """Told on Returns (its tile, its links) and drawn on Demining (its measure's chart): the
    editor is asked to make them agree, at the category's line."""
    article = data_copy / "articles" / ARTICLE
    edit(article, "Buildings inspected, ar: مبانٍ تم فحصها}\n    category: demining\n",
         "Buildings inspected, ar: مبانٍ تم فحصها}\n    category: returns\n")
    [error] = load_corpus(data_copy).errors
    assert (error.record_id, error.field, error.line) == ("buildings_inspected", "category",
                                                          line_of(article, "category: returns"))
    assert error.message == ("the figure's category is 'returns' but measure 'buildings' is in 'demining': "
                             "give it that category, or another measure")


def test_a_measure_removed_from_the_file_reports_the_figures_on_it_next_load(data_copy: Path):
    assert load_corpus(data_copy).errors == ()  # the article is kept between loads
    measures = data_copy / "measures.yaml"
    edit(measures, "  - id: road_km\n", "  - id: road_length\n")
    corpus = load_corpus(data_copy)
    assert ("roads_cleared_km", "measure") in {(e.record_id, e.field) for e in corpus.errors}
    assert "road_length" in corpus.measures


def test_a_context_row_on_an_unknown_measure_is_an_error_at_its_line(data_copy: Path):
    table = data_copy / "context" / "returns_series.csv"
    edit(table, "2021-01-22,returned_to_karabakh_cumulative,", "2021-01-22,returned_home,")
    corpus = load_corpus(data_copy)
    [error] = [e for e in corpus.errors if e.file == str(table)]
    assert (error.line, error.field) == (line_of(table, "2021-01-22,returned_home"), "measure")
    assert "no measure 'returned_home'" in error.message
    assert 50390 not in set(corpus.context.returns["value"])


def test_a_broken_measures_file_names_the_measure_and_field(data_copy: Path):
    measures = data_copy / "measures.yaml"
    edit(measures, "    unit: kilometres\n", "    unit: Kilometres\n")
    errors = load_corpus(data_copy).errors
    error = next(e for e in errors if e.file == str(measures))
    assert (error.line, error.record_id, error.field) == (line_of(measures, "unit: Kilometres"), "road_km", "unit")


def test_the_measures_file_is_among_the_sources_with_the_bytes_parsed(data_copy: Path):
    corpus = load_corpus(data_copy)
    loaded_bytes = (data_copy / "measures.yaml").read_bytes()
    edit(data_copy / "measures.yaml", "Land cleared or surveyed", "Land cleared")
    assert corpus.sources()[data_copy / "measures.yaml"] == loaded_bytes


def test_every_measure_says_who_counts_it_and_what_kind_it_is():
    measures = load_measures(ROOT / "data")[0]
    assert {m.id: (m.party, m.kind) for m in measures.values()} == {
        "hectares": ("russian_mod", "total"), "road_km": ("russian_mod", "total"),
        "buildings": ("russian_mod", "total"), "explosive_objects": ("russian_mod", "total"),
        "returned_to_karabakh_cumulative": ("russian_mod", "total"),
        "departures_on_return_buses_cumulative": ("unhcr", "total"),
        "refugee_like_in_armenia": ("armenia_migration_un", "level")}
    assert measures["returned_to_karabakh_cumulative"].since == "2020-11-14"
    assert measures["refugee_like_in_armenia"].area.en == "Armenia"
    assert measures.parties["anama"].name.en.startswith("ANAMA")
    assert "Russian peacekeepers" in measures.parties["russian_mod"].aliases.en


def test_a_figure_stated_by_another_party_than_its_measure_is_an_error_at_its_line(data_copy: Path):
    """ANAMA's hectares on the Russian side's series: refused, with file, line, figure and field."""
    article = data_copy / "articles" / ARTICLE
    edit(article, "    measure: hectares\n", "    measure: hectares\n    party: anama\n")
    [error] = load_corpus(data_copy).errors
    assert (error.file, error.line, error.record_id, error.field) == (
        str(article), line_of(article, "party: anama"), "hectares_surveyed", "party")
    assert "counted by 'anama' but measure 'hectares' is counted by 'russian_mod'" in error.message


def test_a_flow_on_a_running_total_is_an_error_at_its_line(data_copy: Path):
    article = data_copy / "articles" / ARTICLE
    edit(article, "    measure: returned_to_karabakh_cumulative\n",
         "    measure: returned_to_karabakh_cumulative\n    kind: flow\n")
    [error] = load_corpus(data_copy).errors
    assert (error.record_id, error.field, error.line) == ("refugees_returned", "kind", line_of(article, "kind: flow"))
    assert "a flow is never a point on a running total" in error.message


def test_a_figure_stated_as_its_measures_party_and_kind_is_valid(data_copy: Path):
    article = data_copy / "articles" / ARTICLE
    edit(article, "    measure: hectares\n", "    measure: hectares\n    party: russian_mod\n    kind: total\n")
    assert load_corpus(data_copy).errors == ()


def test_a_measure_of_an_unknown_party_is_an_error(data_copy: Path):
    measures = data_copy / "measures.yaml"
    edit(measures, "    party: unhcr\n", "    party: un_agency\n")
    error = next(e for e in load_corpus(data_copy).errors if e.file == str(measures))
    assert (error.line, error.record_id, error.field) == (
        line_of(measures, "party: un_agency"), "departures_on_return_buses_cumulative", "party")


def test_a_flow_must_say_its_period(data_copy: Path):
    measures = data_copy / "measures.yaml"
    edit(measures, "قره باغ\"}\n    kind: total\n    since: \"2020-11\"\n", "قره باغ\"}\n    kind: flow\n")
    error = next(e for e in load_corpus(data_copy).errors if e.file == str(measures))
    assert error.record_id == "departures_on_return_buses_cumulative"
    assert "per: day, weekend, week or month" in error.message


def test_a_value_outside_its_choices_says_what_was_found_as_in_an_article(data_copy: Path):
    """measures.yaml is placed by the same rule as an article (newsdash.data.placing):
    the measure's id, the field's path, and the value the editor wrote."""
    measures = data_copy / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    measures.write_text(text.replace("{colour: blue, dash: solid}", "{colour: red, dash: solid}", 1), encoding="utf-8")
    _, _, errors = load_measures(data_copy)
    above = text.splitlines()[:line_of(measures, "colour: red")]
    measure_id = next(line.split(": ", 1)[1] for line in reversed(above) if line.startswith("  - id: "))
    assert [str(e) for e in errors] == [
        f"{measures}:{len(above)}: {measure_id}: line.colour: "
        "Input should be 'blue', 'green', 'sky', 'purple', 'yellow', 'black' or 'grey', got 'red'"]
