"""The tests' warm browser context (tests/conftest.py: `warm_context`, `page`) keeps
compiled scripts between tests, and nothing of a reader: after a test, its cookies and
its origins' local storage and IndexedDB are gone, and its tab is parked on the app's
health check (so the next test's tab finds the renderer warm)."""

from __future__ import annotations

import pytest

from tests.conftest import done_with, forget_readers_state, next_tab, park

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


# The `page` fixture (`next_tab`, then `done_with`): the tab a test left goes on to the
# next test (its load is then about half the renderer's work of one in a new tab), its
# viewport, media and listeners put back; a tab a test gave a route (or a script, a
# handler) does not. Three tests in a row, played here in one.
PHONE = {"width": 390, "height": 844}


def test_a_tab_goes_on_with_its_settings_put_back_unless_it_was_given_a_route(warm_context, app_url):  # noqa: ANN001
    first = next_tab(warm_context)  # a test that leaves a trace in the tab's storage
    viewport = first.viewport_size
    first.goto(f"{app_url}/_stcore/health")
    first.evaluate("() => sessionStorage.setItem('trace', 'left by a reader')")  # cleared with the origin's storage
    done_with(warm_context, first)

    second = next_tab(warm_context)  # a test that changes the tab's settings
    assert second is first and second.url == f"{app_url}/_stcore/health"
    assert second.evaluate("() => sessionStorage.length") == 0
    second.set_viewport_size(PHONE)
    second.emulate_media(color_scheme="dark", media="print")
    heard = []
    second.on("console", lambda message: heard.append(message.text))
    done_with(warm_context, second)

    third = next_tab(warm_context)  # the same tab, as it was
    assert third is first and third.viewport_size == viewport != PHONE
    assert third.evaluate("() => matchMedia('(prefers-color-scheme: light)').matches && matchMedia('screen').matches")
    assert third.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
    third.evaluate("() => console.log('heard by nobody')")
    third.wait_for_timeout(200)
    assert heard == []  # the earlier test's listener is gone
    third.route("**/never", lambda route: route.abort())  # what cannot be put back
    done_with(warm_context, third)

    fourth = next_tab(warm_context)
    assert fourth is not first and first.is_closed()
    done_with(warm_context, fourth)
