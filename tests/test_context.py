"""The sourced context tables: loaded, validated, each row with its source."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsdash.data.context import load_context
from newsdash.data.measures import Measures, load_measures
from tests.conftest import ROOT

MEASURES = load_measures(ROOT / "data")[0]


def test_demining_series_is_long_and_sourced():
    context, errors = load_context(ROOT / "data" / "context")
    assert errors == []
    frame = context.demining
    last = frame[(frame["as_of"] == "2021-12-20")].set_index("measure")["value"].to_dict()
    assert last == {"hectares": 2326.6, "road_km": 683, "buildings": 1937, "explosive_objects": 26088}
    assert frame["source_url"].str.startswith("https://").all()
    # empty cells are "no figure", not zero
    assert not ((frame["as_of"] == "2020-12-05") & (frame["measure"] == "buildings")).any()


def test_returns_and_events_load():
    context, _ = load_context(ROOT / "data" / "context")
    returned = context.returns[context.returns["measure"] == "returned_to_karabakh_cumulative"]
    assert returned["value"].tolist()[-1] == 50658
    assert len(context.events) == 7
    assert context.events[0].date == "2020-09-27"


def context_copy(tmp_path: Path) -> Path:
    """A private copy of the three context tables, to break one of them."""
    folder = tmp_path / "context"
    shutil.copytree(ROOT / "data" / "context", folder)
    return folder


def test_a_falling_cumulative_total_is_flagged(tmp_path: Path):
    folder = context_copy(tmp_path)
    path = folder / "mod_demining_series.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2021-08-20,2257,", "2021-08-20,1257,"), encoding="utf-8")
    context, errors = load_context(folder, MEASURES)
    assert errors == []
    assert [f.sentence() for f in context.flags] == [
        "hectares: 1,257 on 2021-08-20 (news.am, 20 Aug 2021) is below 1,500 reported on 2021-02-28"
    ]


def test_a_fall_is_flagged_by_the_measures_declared_kind_not_its_name(tmp_path: Path):
    """hectares has no "_cumulative" in its id: it is flagged because measures.yaml says
    kind: total. Declared a count on a date, the same fall is no contradiction."""
    folder = context_copy(tmp_path)
    path = folder / "mod_demining_series.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2021-08-20,2257,", "2021-08-20,1257,"), encoding="utf-8")
    as_level = Measures({**MEASURES, "hectares": MEASURES["hectares"].model_copy(update={"kind": "level",
                                                                                         "since": None})},
                        MEASURES.parties)
    assert load_context(folder, as_level)[0].flags == ()
    assert load_context(folder)[0].flags == ()  # no measures: no kind known, nothing guessed from a name


def test_a_row_reported_by_another_party_than_its_measures_is_an_error(tmp_path: Path):
    """ANAMA's hectares put on the Russian side's series: refused at the row, not drawn."""
    folder = context_copy(tmp_path)
    path = folder / "returns_series.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("50390,exact,Russian defence ministry", "50390,exact,UNHCR"), encoding="utf-8")
    context, errors = load_context(folder, MEASURES)
    [error] = errors
    assert (error.file, error.line, error.record_id, error.field) == (str(path), 7, "row 7", "reported_by")
    assert "counted by 'russian_mod'" in error.message
    assert 50390 not in context.returns["value"].tolist()


def test_a_bad_row_names_file_line_and_field(tmp_path: Path):
    folder = context_copy(tmp_path)
    path = folder / "returns_series.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("49054,exact", "49054,roughly"), encoding="utf-8")
    _, errors = load_context(folder)
    assert [str(e) for e in errors] == [
        f"{path}:6: row 6: qualifier: qualifier must be one of exact, more_than, about, got 'roughly'"
    ]


def test_the_article_total_below_the_ministry_series_is_flagged():
    from newsdash.data.corpus import load_corpus

    flags = [f for f in load_corpus(ROOT / "data").flags if f.measure == "hectares"]
    assert [(f.earlier_value, f.later_value, f.earlier_date) for f in flags] == [(2326.6, 2320.0, "2021-12-20")]
