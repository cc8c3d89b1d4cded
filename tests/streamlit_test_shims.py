"""What every AppTest makes again that a test process needs once, made once (Streamlit
1.67.0; tests/test_streamlit_test_shims.py fails on another version: check the names below
still do what this says, then move the pin).

Each new AppTest builds a component manager that scans every installed distribution's
metadata for Streamlit components (`streamlit.components.v2.manifest_scanner.
scan_component_manifests`, about 600 distributions here): an eighth of the CPU of a page's
AppTest run. The installed packages do not change while the tests run, so the first scan's
answer holds for every later AppTest."""

from __future__ import annotations

import functools

STREAMLIT_VERSION_CHECKED = "1.67.0"


def scan_installed_components_once() -> None:
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    if getattr(scan, "scanned_once", False):
        return
    first_answer = functools.cache(scan)

    def scanned_once(max_workers: int | None = None) -> list:
        return list(first_answer(max_workers))  # a list of its own: a caller may change it

    scanned_once.scanned_once = True
    manifest_scanner.scan_component_manifests = scanned_once
