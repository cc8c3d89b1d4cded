"""The chart library requested first on a session's first page (newsdash/app/preload.py)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from newsdash.app import preload

ROOT = Path(__file__).resolve().parent.parent


def test_the_installed_streamlit_has_exactly_one_chart_library_chunk():
    """Fails when a Streamlit upgrade renames the chunk: the request would then be skipped."""
    assert st.__version__ == preload.CHECKED_ON, "another Streamlit: is PlotlyChart.*.js still the chart chunk?"
    chunk = preload.chart_library_chunk()
    assert chunk is not None and chunk.startswith("./static/js/PlotlyChart.") and chunk.endswith(".js")
    assert (Path(st.__file__).parent / "static" / chunk.removeprefix("./")).is_file()


def scripts(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html") if "import(" in element.proto.body]


def test_a_session_requests_the_library_once_on_its_first_run():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert scripts(at) == [f'<script>import("{preload.chart_library_chunk()}").catch(function () {{}});</script>']
    at.run()
    assert scripts(at) == []  # a rerun does not send it again


def test_every_chart_page_requests_it_before_its_own_imports():
    for name in ("overview", "demining", "returns", "timeline"):
        lines = [line for line in (ROOT / "pages" / f"{name}.py").read_text().splitlines()
                 if line.startswith(("import ", "from ", "start_loading"))]
        assert lines[:2] == ["from newsdash.app.preload import start_loading_the_chart_library",
                             "start_loading_the_chart_library()  # first: the browser loads the chart library "
                             "while the server works"], name
