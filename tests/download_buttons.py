"""One download button of the app, run alone in AppTest as a reader of one language sees
it: a script of a few lines that calls the function drawing the button on the shipped
record (tests/test_export.py's press kit, tests/test_offline.py's offline file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.conftest import ROOT

if TYPE_CHECKING:  # imported when a test runs the script, not when a module uses button_script
    from streamlit.testing.v1 import AppTest


def button_script(module: str, function: str, corpus_argument: str) -> str:
    """The script: `function` of `module` called with the loaded record (`corpus_argument`
    names what of it, e.g. "load_corpus()") and the URL's language."""
    return f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from {module} import {function}
from newsdash.app.state import load_corpus

{function}({corpus_argument}, st.query_params.get("lang", "en"))
"""


def run_button(script: str, lang: str = "en") -> AppTest:
    """The script run once in `lang`; it raised nothing."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(script, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    return at


def button_labels(at: AppTest) -> list[str]:
    return [button.label for button in at.get("download_button")]
