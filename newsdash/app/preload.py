"""Start the browser loading the chart library while the server is still working.

Streamlit's page loads Plotly's code (a 4.7 MB chunk of its frontend, then seconds of
parsing and compiling on a slow machine or a phone) only when the first chart reaches
it. On a first view the server first spends seconds on imports, the data and the
charts, so the reader waited for the two one after the other. A page's first statement
now asks the browser for the same chunk, so both happen side by side; the chart's own
import then finds the module loaded. Measured with newsdash.bench ("First view": the
demining page drawn from a fresh `streamlit run`; see docs/performance.md).

The chunk is found by name in the installed Streamlit, a name its frontend's build gives
(no public API says it; checked on CHECKED_ON); when it is not there nothing is sent and
the page loads the chunk as before. tests/test_preload.py fails on another Streamlit or
when the chunk is not found: look at the frontend's chunks again, then raise CHECKED_ON.
Sent once per session: a rerun does not need it. Same origin only: nothing is fetched
from elsewhere.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

from newsdash import caches
from newsdash.app import page_scripts

CHECKED_ON = "1.67.0"
CHUNK_GLOB = "PlotlyChart.*.js"  # how Streamlit 1.67's frontend names the chunk
_SENT = "_chart_library_requested"


@cache
def chart_library_chunk() -> str | None:
    """The chunk's URL relative to the page (under any base path), or None."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = sorted(folder.glob(CHUNK_GLOB))
    return f"./static/js/{found[0].name}" if len(found) == 1 else None


caches.owns("app.preload:chart_library_chunk", chart_library_chunk.cache_clear)


def start_loading_the_chart_library() -> None:
    """Once per session, before a page's imports (see the module's docstring)."""
    chunk = chart_library_chunk()
    if chunk is None or st.session_state.get(_SENT):
        return
    st.session_state[_SENT] = True
    page_scripts.draw(_request_script(chunk))


def _request_script(chunk: str) -> page_scripts.PageScript:
    """An import() of our own origin's file, its name from the installed package, as JSON."""
    return page_scripts.script(f"<script>import({json.dumps(chunk)}).catch(function () {{}});</script>")


# registered at import, for the CSP (newsdash/app/page_scripts.py)
if chart_library_chunk() is not None:
    _request_script(chart_library_chunk())
