"""Text that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd|...`,
`@SUM(...)`, a leading tab) in labels, an attribution, a context source title and a
note: every CSV the project writes holds it after a single quote, the JSON keeps it
verbatim, and `validate` warns about each field without failing."""

from __future__ import annotations

import csv
import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsdash import cli
from newsdash.data.corpus import load_corpus
from newsdash.data.tables import csv_text
from newsdash.errors import DataError
from newsdash.exports import chart_files as export
from newsdash.exports.presskit import build_press_kit
from newsdash.textsafety import csv_cell, starts_like_formula
from newsdash.views import charts
from tests.conftest import ROOT
from tests.hostile_cases import ART, FORMULAS, formulas_in_text_fields, make_copy

HOSTILE_TEXTS = [read for _rel, _old, _new, read in FORMULAS]
ARTICLE_TEXTS = [read for rel, _old, _new, read in FORMULAS if rel == ART]


@pytest.fixture
def formula_data(tmp_path: Path) -> Path:
    """A copy of the data with FORMULAS written in; still valid."""
    data = make_copy(tmp_path)
    formulas_in_text_fields(tmp_path)
    return data


def cells_of(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def live_formulas(cells: list[str]) -> list[str]:
    return [cell for cell in cells if starts_like_formula(cell)]


def test_a_cell_that_could_run_gets_a_quote_and_numbers_stay_numbers():
    for text in ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "=1+1",
                 "\tlabel", "\rlabel", "-3 people", "-cmd", "-2+3", "+"]:
        assert csv_cell(text) == "'" + text
    for value in [-3, -3.5, 0, 1937, "-3", "+1.5", "-2e-3", "Buildings inspected", "a=b", "", None, True]:
        assert csv_cell(value) == value
    frame = pd.DataFrame({"label": ["=1+1", "-3 people", "fine"], "value": [-3, 1937, -2]})
    assert csv_text(frame) == "label,value\n'=1+1,-3\n'-3 people,1937\nfine,-2\n"
    frame["value"] = [-3.0, 1937.0, -2.5]  # the downloads also write whole numbers whole
    assert export.csv_bytes(frame).decode("utf-8-sig") == "label,value\n'=1+1,-3\n'-3 people,1937\nfine,-2.5\n"
    assert frame["label"].tolist() == ["=1+1", "-3 people", "fine"]  # the frame itself is untouched


def test_the_command_line_csv_neutralises_and_the_json_keeps_the_text(formula_data, capsys):
    assert cli.main(["export", "--format", "csv", "--data", str(formula_data)]) == 0
    cells = cells_of(capsys.readouterr().out)
    assert live_formulas(cells) == []
    for text in ARTICLE_TEXTS:
        assert "'" + text in cells and text not in cells
    assert "1937" in cells  # numbers are written as numbers

    assert cli.main(["export", "--format", "json", "--data", str(formula_data)]) == 0
    records = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert records["buildings_inspected"]["label_en"] == '=HYPERLINK("http://x","y")'
    assert records["buildings_inspected"]["value"] == 1937
    assert records["refugees_returned"]["attributed_to"] == "+cmd|' /C calc'!A0"
    assert records["armenians_helped_home"]["label_en"] == "@SUM(1+1)"
    assert records["azerbaijanis_helped_home"]["label_en"] == "\tAzerbaijanis helped to return home"


def test_every_chart_csv_download_neutralises(formula_data):
    # a measure's chart names its figures by the measure's label: a formula there too
    measures = formula_data / "measures.yaml"
    measures.write_text(measures.read_text(encoding="utf-8").replace(
        "label: {en: Buildings inspected,", 'label: {en: "=HYPERLINK(\\"http://x\\",\\"y\\")",', 1), encoding="utf-8")
    corpus = load_corpus(formula_data)
    assert corpus.errors == ()
    loaded = corpus.article()
    seen: list[str] = []
    for chart in [*charts.category_charts(corpus, loaded), *loaded.article.charts]:  # the measures' charts too
        for lang in ("en", "ar"):
            files = export.ChartFiles(charts.build_chart(loaded, corpus, chart.id, lang),
                                      charts.chart_frame(loaded, corpus, chart.id, lang),
                                      charts.file_stem(chart, loaded, lang), lang, chart.title.get(lang))
            cells = cells_of(files.data("csv").decode("utf-8-sig"))
            assert live_formulas(cells) == [], (chart.id, lang)
            seen += cells
    for text in HOSTILE_TEXTS:  # each reaches some chart's CSV, quoted
        assert "'" + text in seen and text not in seen


class NoBrowser:
    """An exporter that cannot draw: the kit still holds every chart's CSV."""

    def unavailable_reason(self) -> str:
        return "no browser in this test"


def test_validate_refuses_each_field_placed_by_file_line_record_and_field(formula_data, capsys):
    assert cli.main(["validate", str(formula_data)]) == 1
    printed = capsys.readouterr()
    assert not printed.out.startswith("OK")
    article = formula_data / "articles" / ART.rsplit("/", 1)[1]
    lines = article.read_text(encoding="utf-8").splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if text in line)

    def says(lead: str) -> str:
        return (f"begins with {lead}, which a spreadsheet may run as a formula when it opens this file; "
                "reword it so that it starts with a letter, a digit or a quotation mark")

    assert printed.err.splitlines() == [
        f"{article}:{line_of('HYPERLINK')}: buildings_inspected: label.en: {says(repr('='))}",
        f"{article}:{line_of('+cmd')}: refugees_returned: attributed_to: {says(repr('+'))}",
        f"{article}:{line_of('@SUM')}: armenians_helped_home: label.en: {says(repr('@'))}",
        f"{article}:{line_of('Azerbaijanis helped')}: azerbaijanis_helped_home: label.en: {says('a tab')}",
        f"{formula_data}/context/mod_demining_series.csv:3: row 3: buildings_note: {says(repr('-'))}",
        f"{formula_data}/context/returns_series.csv:2: row 2: source_title: {says(repr('='))}",
        "6 error(s) found.",
    ]


def test_the_press_kit_is_not_built_from_sources_holding_a_formula(formula_data, capsys):
    """The kit copies its sources byte for byte: it refuses rather than carry a live cell."""
    with pytest.raises(DataError) as refused:
        build_press_kit(load_corpus(formula_data), data_dir=formula_data, exporter=NoBrowser())
    assert refused.value.record_id == "buildings_inspected" and refused.value.field == "label.en"
    assert cli.main(["export", str(formula_data.parent / "kit"), "--data", str(formula_data), "--no-images"]) == 1
    assert "which a spreadsheet may run as a formula" in capsys.readouterr().err
    assert not (formula_data.parent / "kit").exists() or not any((formula_data.parent / "kit").iterdir())



def test_the_tables_own_csv_download_is_off():
    """st.dataframe's toolbar writes cells raw: the app turns that download off."""
    probe = ("from streamlit import config; config.get_config_options(force_reparse=True);"
             "print(config.get_option('client.disableDataExport'))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_a_warning_is_written_like_an_error_and_survives_the_cache():
    warning = DataError("data/x.yaml", "begins with '='", 7, "fig", "label.en", severity="warning")
    assert str(warning) == "data/x.yaml:7: fig: label.en: warning: begins with '='"
    assert warning.is_warning and not DataError("f", "m").is_warning
    assert pickle.loads(pickle.dumps(warning)) == warning  # st.cache_data pickles errors
