"""Every download comes from one state of the data: an editor saving a file while a reader
has the page open never gives a kit whose figures, source files and manifest disagree."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsdash import cli
from newsdash.app import downloads
from newsdash.data.corpus import changed_since, load_corpus, state_digest
from newsdash.exports import presskit
from tests.conftest import ARTICLE, ROOT

YAML = f"data/articles/{ARTICLE}"
NO_BROWSER = "/nonexistent/chromium"


@pytest.fixture(autouse=True)
def _no_images(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BROWSER_PATH", NO_BROWSER)  # the data is what matters here, and quick


def read_kit(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def figure_values(files: dict[str, bytes]) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(files["data/figures.csv"].decode("utf-8-sig")))
    return {row["id"]: row["value"] for row in rows}


def figure_labels(files: dict[str, bytes]) -> dict[str, str]:
    return {f["id"]: f["label_en"] for f in json.loads(files["data/figures.json"])}


def built_from(files: dict[str, bytes]) -> dict[str, str]:
    return {e["path"]: e["sha256"] for e in json.loads(files["MANIFEST.json"])["built_from"]}


def edit(path: Path, old: str, new: str) -> bytes:
    before = path.read_bytes()
    text = before.decode("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return before


def test_a_kit_built_after_an_edit_holds_the_state_its_figures_came_from(data_copy: Path):
    corpus = load_corpus(data_copy)  # as the page loaded it
    article = data_copy / "articles" / ARTICLE
    loaded_bytes = edit(article, "value: 1937", "value: 683")  # an editor saves meanwhile
    files = read_kit(presskit.build_press_kit(corpus, data_dir=data_copy, images=False))
    assert figure_values(files)["buildings_inspected"] == "1937"
    assert files[f"source/{YAML}"] == loaded_bytes  # the bytes parsed, not the file as it is now
    assert b"value: 1937" in files[f"source/{YAML}"]
    assert built_from(files)[YAML] == hashlib.sha256(loaded_bytes).hexdigest()
    assert built_from(files)[YAML] != hashlib.sha256(article.read_bytes()).hexdigest()
    seed = corpus.article().article.article.seed
    assert built_from(files)[f"seeds/{seed.file}"] == seed.sha256
    assert changed_since(corpus, data_copy)


def test_the_context_tables_in_the_kit_are_those_the_corpus_read(data_copy: Path):
    corpus = load_corpus(data_copy)
    table = data_copy / "context" / "mod_demining_series.csv"
    loaded_bytes = edit(table, "2020-12-18,195,about,87,about,423,", "2020-12-18,195,about,87,about,424,")
    files = read_kit(presskit.build_press_kit(corpus, data_dir=data_copy, images=False))
    assert files["source/data/context/mod_demining_series.csv"] == loaded_bytes
    rows = csv.DictReader(io.StringIO(files["data/context_demining.csv"].decode("utf-8-sig")))
    assert {r["value"] for r in rows if r["as_of"] == "2020-12-18" and r["measure"] == "buildings"} == {"423"}


def test_the_page_click_after_a_valid_edit_builds_the_new_state_whole_and_says_so(data_copy: Path):
    folder, drawn = str(data_copy), state_digest(data_copy)
    corpus = load_corpus(data_copy)  # the page's corpus
    article = data_copy / "articles" / ARTICLE
    edit(article, "label: {en: Buildings inspected,", "label: {en: Buildings checked,")
    files = read_kit(downloads._press_kit_bytes(corpus, folder, drawn, "reader-1"))
    assert files["README.md"].decode().startswith(f"**{presskit.NEWER_THAN_PAGE}**")
    assert figure_labels(files)["buildings_inspected"] == "Buildings checked"
    assert files[f"source/{YAML}"] == article.read_bytes()
    assert built_from(files)[YAML] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert downloads._kit_notices.pop("reader-1") == "press_kit_newer"


def test_the_page_click_after_a_broken_edit_keeps_the_page_state_whole(data_copy: Path):
    folder, drawn = str(data_copy), state_digest(data_copy)
    corpus = load_corpus(data_copy)
    loaded_bytes = edit(data_copy / "articles" / ARTICLE, "value: 1937", "value: 683")  # disagrees with its quote
    files = read_kit(downloads._press_kit_bytes(corpus, folder, drawn, "reader-2"))
    assert not files["README.md"].decode().startswith("**")
    assert figure_values(files)["buildings_inspected"] == "1937"
    assert files[f"source/{YAML}"] == loaded_bytes
    assert built_from(files)[YAML] == hashlib.sha256(loaded_bytes).hexdigest()
    assert downloads._kit_notices.pop("reader-2") == "press_kit_older"


KIT_PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from newsdash.app.downloads import press_kit_download
from newsdash.app.state import load_corpus

st.session_state["session"] = get_script_run_ctx().session_id
press_kit_download(load_corpus(), "en")
"""


def test_the_page_says_at_its_next_rerun_that_the_kit_held_newer_data(data_copy: Path):
    at = AppTest.from_string(KIT_PAGE, default_timeout=60).run()
    assert not at.exception and not at.warning
    drawn, corpus = state_digest(data_copy), load_corpus(data_copy)
    edit(data_copy / "articles" / ARTICLE, "label: {en: Buildings inspected,", "label: {en: Buildings checked,")
    downloads._press_kit_bytes(corpus, str(data_copy), drawn, at.session_state["session"])  # the click
    at.run()
    assert [w.value for w in at.warning] == [
        "The data changed on disk after this page was drawn: your last press kit holds the newer data, "
        "whole (its README says so), which this page now shows."]
    at.run()
    assert not at.warning  # said once


CHART_PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from newsdash.views.charts import get_chart
from newsdash.app.downloads import show_chart
from newsdash.app.state import load_corpus

loaded = load_corpus().article()
show_chart(get_chart(loaded, "buildings", load_corpus()), loaded, "en")
"""


def test_a_chart_download_opened_after_a_change_is_of_the_chart_drawn_with_it(data_copy: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    """Opening the menu reruns the page around it (the menu is no fragment of its own): the
    chart is drawn again from the new state, and its files are of that state, whole."""
    import streamlit as st

    made: dict[str, object] = {}
    real = st.download_button

    def keep(label, data, *args, **kwargs):  # noqa: ANN001, ANN202
        made[kwargs["key"].rsplit("_", 1)[-1]] = data
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", keep)
    at = AppTest.from_string(CHART_PAGE, default_timeout=60).run()
    assert not at.exception and not made  # the menu is closed: no button made
    edit(data_copy / "context" / "mod_demining_series.csv",
         "2020-12-18,195,about,87,about,423,", "2020-12-18,195,about,87,about,424,")
    at.session_state[downloads.download_menu_key("buildings")] = True  # the reader opens the menu
    at.run()
    assert not at.exception
    assert drawn_on_screen(at) == 424
    assert drawn_value(made) == ("424", 424)  # the table and the chart of the same, new state


def drawn_on_screen(at: AppTest) -> float:
    """The ministry's 18 December 2020 building count in the chart the page drew."""
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    trace = next(t for t in figure["data"] if "2020-12-18" in t["x"])
    return trace["y"][trace["x"].index("2020-12-18")]


def drawn_value(made: dict) -> tuple[str, float]:
    """The ministry's 18 December 2020 building count in the CSV download and in the
    figure the image and HTML downloads are drawn from."""
    rows = csv.DictReader(io.StringIO(made["csv"]().decode("utf-8-sig")))
    in_table = next(r["value"] for r in rows if r["date"] == "2020-12-18")
    trace = made["html"].func.__self__.export_figure().data[0]  # the figure the files are drawn from
    return in_table, trace.y[list(trace.x).index("2020-12-18")]


def test_the_cli_builds_again_when_the_data_changes_during_the_build(data_copy: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture):
    article = data_copy / "articles" / ARTICLE
    real = presskit.build_press_kit
    calls = []

    def build_while_an_editor_saves(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 1:
            edit(article, "label: {en: Buildings inspected,", "label: {en: Buildings checked,")
        return real(*args, **kwargs)

    monkeypatch.setattr(presskit, "build_press_kit", build_while_an_editor_saves)
    assert cli.main(["export", str(tmp_path / "kit"), "--data", str(data_copy), "--no-images"]) == 0
    assert "the data changed on disk while the kit was being built" in capsys.readouterr().err
    assert len(calls) == 2
    files = read_kit(next((tmp_path / "kit").glob("*.zip")).read_bytes())
    assert figure_labels(files)["buildings_inspected"] == "Buildings checked"
    assert files[f"source/{YAML}"] == article.read_bytes()
