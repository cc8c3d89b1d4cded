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


# per-measure notes: a note of the ministry's wide table concerns one measure


def notes_of(frame, lang: str = "en") -> dict[tuple[str, str], str]:
    column = "note_ar" if lang == "ar" else "note"
    return {(r.as_of, r.measure): getattr(r, column) for r in frame.itertuples() if getattr(r, column)}


def test_each_ministry_note_sits_on_its_own_measure_only():
    """28 Feb 2021 gave an area note and a buildings note: each reaches its own measure,
    and the report's other two measures carry none."""
    context, errors = load_context(ROOT / "data" / "context", MEASURES)
    assert errors == []
    assert notes_of(context.demining) == {
        ("2020-12-01", "buildings"): "buildings are houses and facilities inspected",
        ("2020-12-18", "explosive_objects"): "Artsakhpress printed the same statement as 73500 explosive objects "
                                             "(a tenfold typo)",
        ("2021-02-28", "hectares"): "area given as more than 15 square kilometres",
        ("2021-02-28", "buildings"): "plus 30 public structures",
    }
    assert notes_of(context.demining, "ar")[("2021-02-28", "buildings")] == "إضافة إلى ٣٠ منشأة عامة"


def test_a_row_wide_note_column_is_refused_with_the_columns_to_use(tmp_path: Path):
    folder = context_copy(tmp_path)
    path = folder / "mod_demining_series.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",note", *(line + "," for line in lines[1:])]) + "\n", encoding="utf-8")
    errors = load_context(folder, MEASURES)[1]
    assert [str(e) for e in errors] == [
        f"{path}:1: header: note: a note concerns one measure: write it in that measure's column "
        "(hectares_note, road_km_note, buildings_note, explosive_objects_note)"]


def test_a_note_on_a_figure_not_given_and_a_bad_note_name_their_cell(tmp_path: Path):
    folder = context_copy(tmp_path)
    path = folder / "mod_demining_series.csv"
    text = path.read_text(encoding="utf-8")
    # 5 Dec 2020 gave no building count (line 4); 28 Nov 2020's hectares note gets a bidi control (line 2)
    text = text.replace("آرتساخ برس، ٥ ديسمبر ٢٠٢٠,,,,,", "آرتساخ برس، ٥ ديسمبر ٢٠٢٠,,,no count,,")
    text = text.replace("أعاد نشره موقع أرمينيان كلوب,,", "أعاد نشره موقع أرمينيان كلوب,a\u202eb,")
    path.write_text(text, encoding="utf-8")
    errors = load_context(folder, MEASURES)[1]
    assert [(e.line, e.field) for e in errors] == [(4, "buildings_note"), (2, "hectares_note")]
    assert errors[0].message == "a note on a figure the report did not give (the empty cell says so already)"
