"""The command line, run as a user runs it: a subprocess, its output, its exit status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ARTICLE, ROOT


def run_cli(*args: str, data: Path | None = None) -> subprocess.CompletedProcess:
    env_data = {"DASHBOARD_DATA_DIR": str(data)} if data else {}
    import os

    env = {**os.environ, **env_data}
    return subprocess.run([sys.executable, "-m", "newsdash", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_validate_passes_on_the_shipped_data():
    result = run_cli("validate", str(ROOT / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 1 article(s), 8 figures, 5 events")
    assert "hectares: 2,320 on 2021-12-29" in result.stdout


def test_validate_lists_errors_and_exits_1_without_traceback(data_copy):
    path = data_copy / "articles" / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 127", "value: 172").replace("unit: months", "unit: Months"), encoding="utf-8")
    result = run_cli("validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    # schema errors are reported before provenance is checked: one error here
    assert lines[-1] == "1 error(s) found."
    assert any(line.endswith("fighting_duration_months: unit: unit 'Months' must be lowercase (e.g. 'months')")
               for line in lines)
    assert "Traceback" not in result.stderr


def test_validate_reports_a_missing_folder(tmp_path):
    result = run_cli("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere' / 'articles'}: -: -: no articles folder here" in result.stderr


def test_export_csv_has_every_figure_with_provenance():
    result = run_cli("export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows][:2] == ["buildings_inspected", "hectares_surveyed"]
    buildings = rows[0]
    assert buildings["value"] == "1937"
    assert buildings["quote"] == "تم فحص 1937 مبنى"
    assert (buildings["quote_start"], buildings["quote_end"]) == ("935", "951")
    refugees = next(r for r in rows if r["id"] == "refugees_returned")
    assert (refugees["value"], refugees["qualifier"]) == ("50000", "more_than")
    # the measure says which series of the record a figure sits on; a figure on none is blank
    assert (buildings["measure"], refugees["measure"]) == ("buildings", "returned_to_karabakh_cumulative")
    assert next(r for r in rows if r["id"] == "fighting_duration_months")["measure"] == ""
    assert len(rows) == 8


def test_export_json_keeps_qualifiers_and_fractions():
    result = run_cli("export", "--format", "json")
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert records["fighting_duration_months"]["value"] == 1.5
    assert records["fighting_duration_months"]["qualifier"] == "about"
    assert records["explosive_objects_neutralised"]["value"] == 26000
    assert records["explosive_objects_neutralised"]["translation"] == "more than 26,000 explosive objects"
