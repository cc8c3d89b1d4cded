"""The tests' one patch of Streamlit's internals (tests/streamlit_test_shims.py) is made
for the version it was checked on and keeps AppTest's answer."""

from __future__ import annotations

import streamlit
from streamlit.components.v2 import manifest_scanner

from tests.streamlit_test_shims import STREAMLIT_VERSION_CHECKED, scan_installed_components_once


def test_the_shim_names_the_streamlit_version_it_was_checked_on():
    assert STREAMLIT_VERSION_CHECKED == streamlit.__version__  # an upgrade: check the shim again


def test_the_component_scan_runs_once_and_answers_as_the_first_scan_did(monkeypatch):
    calls = []

    def counted_scan(max_workers=None):  # noqa: ANN001, ANN202 - stands in for Streamlit's scan
        calls.append(max_workers)
        return [("manifest", "root")]

    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", counted_scan)
    scan_installed_components_once()
    scan = manifest_scanner.scan_component_manifests
    first, second = scan(), scan()
    assert first == second == [("manifest", "root")] and first is not second
    assert calls == [None]
