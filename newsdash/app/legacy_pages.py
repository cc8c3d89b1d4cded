"""Every page run through the entry script, although the page files sit in `pages/`.

Why: Streamlit treats an app with a folder named `pages/` beside its entry script as a
legacy multipage app (the folder alone decides, `st.navigation` or not) until some
session calls `st.navigation`. On a freshly started server the first visit to a sub-page
URL (a shared link to /returns?lang=ar) would run pages/returns.py alone: no language
switch, no password gate, no navigation. Our agreed layout names the folder `pages/`,
and no public setting turns the legacy mode off (`client.showSidebarNavigation` only
hides its menu), so a page run alone turns it off here and reruns: the rerun goes
through dashboard.py like every later one.

It uses Streamlit's private API (PagesManager.uses_pages_directory, the runner's
`_mpa_v1`), checked on CHECKED_ON only: with any other Streamlit the import fails, so an
upgrade makes someone check this again (tests/test_browser_fresh_server.py opens
sub-pages on a fresh server) before changing CHECKED_ON.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx, script_runner

from newsdash import caches

CHECKED_ON = "1.67.0"


def check_streamlit_version(installed: str = st.__version__) -> None:
    """Refuse to run on a Streamlit this workaround was not checked on."""
    if installed != CHECKED_ON:
        raise RuntimeError(
            f"newsdash/app/legacy_pages.py was checked on Streamlit {CHECKED_ON}, not {installed}: "
            "run tests/test_browser_fresh_server.py, see whether the workaround is still needed, "
            "then update CHECKED_ON")


check_streamlit_version()
# the function Streamlit runs a legacy run through (missing in another version: the import fails)
_LEGACY_RUNNER = script_runner._mpa_v1.__code__


def run_through_entry_script() -> None:
    """If this run is the legacy mode's run of a page alone, turn the mode off for the
    whole server and rerun: the rerun goes through dashboard.py.

    Called first by what every page asks for first: the data state (every page showing
    data) and the uploader (the Add an article page). A legacy run of the entry script
    itself (a first visit to /) needs no rerun: its st.navigation turns the mode off and
    runs the page. Not at import: a rerun requested while a module is being imported
    leaves it half made, and another session waiting for that import then gets the
    half-made module ("cannot import name ..."). Two first visitors at once can both be
    started in the legacy mode before either turns it off: each run is checked.
    """
    ctx = get_script_run_ctx()
    if ctx is None:  # outside a script run (tools, download threads)
        return
    if config.get_option("global.appTest"):
        # AppTest turns the legacy mode back on before each of its runs (a server never
        # does), so every page it switches to would count as a first visit, and the rerun
        # would lose the entry script's widgets of its earlier run: there the page runs
        # alone, as it always has; tests/test_browser_fresh_server.py checks the server
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
    if _page_runs_alone(ctx.main_script_path):
        st.rerun()


def _page_runs_alone(entry: str) -> bool:
    """The legacy mode runs the page through its runner function `_mpa_v1`; a page run
    through the entry script, or a fragment's rerun, has the entry script's frame first
    or no such runner at all."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _LEGACY_RUNNER:
            return True
        if _same_file(frame.f_code.co_filename, entry):
            return False
        frame = frame.f_back
    return False


@lru_cache(maxsize=256)
def _same_file(name: str, entry: str) -> bool:
    return os.path.realpath(name) == os.path.realpath(entry)


caches.owns("app.legacy_pages:_same_file", _same_file.cache_clear)
