"""The tests' warm browser context (tests/conftest.py: `warm_context`, `page`) keeps
compiled scripts between tests, and nothing of a reader: after a test, its cookies and
its origins' local storage and IndexedDB are gone, and its tab is parked on the app's
health check (so the next test's tab finds the renderer warm)."""

from __future__ import annotations

import pytest

from tests.conftest import forget_readers_state, park

pytestmark = pytest.mark.browser

LEAVE_A_TRACE = """async () => {
  localStorage.setItem('trace', 'left by a reader');
  await new Promise((done) => { const open = indexedDB.open('trace', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kept');
    open.onsuccess = () => { open.result.close(); done(); }; });
}"""
TRACES = """async () => ({
  local: localStorage.getItem('trace'),
  databases: (await indexedDB.databases()).map((d) => d.name),
})"""


def test_a_tests_cookies_and_storage_are_forgotten_and_its_tab_parked(warm_context, app_url):  # noqa: ANN001
    reader = warm_context.new_page()
    reader.goto(f"{app_url}/_stcore/health")
    reader.evaluate(LEAVE_A_TRACE)
    warm_context.add_cookies([{"name": "trace", "value": "1", "url": app_url}])
    assert reader.evaluate(TRACES) == {"local": "left by a reader", "databases": ["trace"]}
    reader.goto(f"{app_url}/demining")

    origin = park(reader)
    assert origin == app_url
    assert reader.url == f"{app_url}/_stcore/health"  # the tab stays, on the smallest document
    forget_readers_state(warm_context, {origin})

    assert warm_context.cookies() == []
    assert reader.evaluate(TRACES) == {"local": None, "databases": []}
    reader.close()


def test_park_leaves_a_tab_that_is_on_no_site_alone(warm_context):  # noqa: ANN001
    blank = warm_context.new_page()
    assert park(blank) is None and blank.url == "about:blank"
    blank.close()
