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


# The `page` fixture: the tab a test left goes on to the next test (its load is then about
# half the renderer's work of one in a new tab), its viewport, media and listeners put
# back; a tab a test gave a route (or a script, a handler) does not. The four tests below
# run in this order, on one test process.
TABS_SEEN = []
HEARD = []
PHONE = {"width": 390, "height": 844}


def test_a_tab_goes_on_to_the_next_test(page, app_url):  # noqa: ANN001
    page.goto(f"{app_url}/_stcore/health")
    page.evaluate("() => sessionStorage.setItem('trace', 'left by a reader')")  # cleared with the origin's storage
    TABS_SEEN.append((page, page.viewport_size))


def test_the_next_test_gets_the_same_tab_parked_and_with_no_storage(page, app_url):  # noqa: ANN001
    first, viewport = TABS_SEEN[0]
    assert page is first and page.url == f"{app_url}/_stcore/health"
    assert page.evaluate("() => sessionStorage.length") == 0
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme="dark", media="print")
    page.on("console", lambda message: HEARD.append(message.text))


def test_a_viewport_media_and_listeners_are_put_back(page):  # noqa: ANN001
    first, viewport = TABS_SEEN[0]
    assert page is first and page.viewport_size == viewport != PHONE
    assert page.evaluate("() => matchMedia('(prefers-color-scheme: light)').matches && matchMedia('screen').matches")
    assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
    page.evaluate("() => console.log('heard by nobody')")
    page.wait_for_timeout(200)
    assert HEARD == []  # the earlier test's listener is gone
    page.route("**/never", lambda route: route.abort())  # what cannot be put back


def test_a_tab_given_a_route_is_not_passed_on(page):  # noqa: ANN001
    first, _ = TABS_SEEN[0]
    assert page is not first and first.is_closed()
