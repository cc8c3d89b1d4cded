"""Every script the app's pages run, in one registry: the door's CSP allows them by their
hashes (newsdash/app/door_asgi.py), so none needs 'unsafe-inline'.

A page script is fixed text, registered when its module is imported (`script(...)`, at
module level: the CSP is sent with Streamlit's index.html, before any page run), and drawn
only through `draw` (st.html with unsafe_allow_javascript, nowhere else: a static scan in
tests/test_page_scripts.py fails on a call site that bypasses this module). A script
holds no data: what varies (the record to scroll to, the chart a link points at) is read
from the page itself, so its hash is known before the first request. Variants per
language are registered one by one.

The modules that register scripts are listed in SCRIPT_MODULES; `all_scripts` imports
them, so the door's CSP covers every one (the test checks the list against the sources).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import import_module

from newsdash.views.original_text import SCROLL_TO_SELECTED_JS

SCRIPT_MODULES = (
    "newsdash.app.page_scripts",
    "newsdash.app.layout",
    "newsdash.app.preload",
    "newsdash.app.print_css",
    "newsdash.app.share",
    "newsdash.app.aria_labels",
)


class UnregisteredScript(ValueError):
    """A script drawn that the CSP does not know: the browser would block it."""


@dataclass(frozen=True)
class PageScript:
    html: str  # "<script>…</script>", exactly as it reaches the page


_registered: dict[str, PageScript] = {}
_lock = threading.Lock()


def script(html: str) -> PageScript:
    """Register a script (at a module's import) and return it for `draw`."""
    text = html.strip()
    if not (text.startswith("<script>") and text.endswith("</script>")) or text.count("<script") != 1:
        raise ValueError("a page script is one <script>…</script> element")
    with _lock:
        return _registered.setdefault(text, PageScript(text))


def draw(page_script: PageScript, *, before: str = "") -> None:
    """Draw a registered script, after `before` (style sheets or markup: no script)."""
    import streamlit as st

    if _registered.get(page_script.html) is not page_script:
        raise UnregisteredScript("draw only scripts registered with page_scripts.script at import")
    if "<script" in before.lower():
        raise UnregisteredScript("a script inside `before` would bypass the registry")
    st.html(before + page_script.html, unsafe_allow_javascript=True)


def all_scripts() -> tuple[str, ...]:
    """Every registered script's HTML, once the modules that register them are imported."""
    for name in SCRIPT_MODULES:
        import_module(name)
    with _lock:
        return tuple(_registered)


# Original text: the selected record's quote, marked q-selected by the view, scrolled to
# once the article is drawn (the page runs it only when a record is selected).
SCROLL_TO_SELECTED = script(SCROLL_TO_SELECTED_JS)
