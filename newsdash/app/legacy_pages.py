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

import sys

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx, script_runner

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
    """If this run is the legacy mode's (of a page alone, or of the entry script), turn the
    mode off for the whole server and rerun: the rerun goes through dashboard.py as itself.

    Called first by the entry script's page run (dashboard.py) and by what every page asks
    for first: the data state (every page showing data) and the uploader (the Add an
    article page). A legacy run of the entry script itself (a first visit to /) is rerun
    too, before it draws anything: Streamlit identifies a widget by its key and the script
    it runs in, and there the entry script runs as the legacy mode's page, not as itself.
    Its language switch would have one identity in that run and another in every later
    one: the reader's first click on it reached a widget the server no longer knew, which
    came back empty (the page stayed in English, the URL said ?lang=-). Not at import: a
    rerun requested while a module is being imported leaves it half made, and another
    session waiting for that import then gets the half-made module ("cannot import name
    ..."). Two first visitors at once can both be started in the legacy mode before
    either turns it off: each run is checked.
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
    if _run_by_the_legacy_mode():
        st.rerun()


def _run_by_the_legacy_mode() -> bool:
    """The legacy mode runs its page, the entry script included, through its runner
    function `_mpa_v1`; a run in the navigation mode, or a fragment's rerun, has no such
    runner on its stack."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _LEGACY_RUNNER:
            return True
        frame = frame.f_back
    return False
