"""Shared fixtures: project paths, a clean Streamlit cache per test, a copy of the
data to break, and a running app plus Debian's Chromium for browser tests."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from newsdash.app.serve import loopback_server

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTICLE = "2021-12-29-sputnik-rudenko-karabakh.yaml"


# The fast loop for everyday work (`bash scripts/test.sh -m "not slow"`, under two minutes)
# leaves out what runs the app: a page in AppTest (the *_app.py files and these), a server,
# a browser, the benchmark. The whole suite runs them all.
RUNS_THE_APP = {"test_hostile", "test_door_server", "test_record", "test_bench", "test_escaping", "test_guard", "test_extract_bounds",
                "test_packaging", "test_review_attack", "test_one_data_state", "test_live_edits", "test_auth",
                "test_loadtest", "test_sign_out", "test_remember", "test_deploy", "test_secure_defaults"}


# Seconds each of the longest test modules took in a whole run of the suite (7 December
# 2026: two processes, an idle machine; the wall seconds of its tests, fixtures included),
# for the order below: only their order matters. Any other module: its tests by kind, in
# the same units (about the means of that run's other modules).
MODULE_SECONDS = {
    "test_browser_reading": 134, "test_bench_browser": 103, "test_browser_dark": 95,
    "test_secure_defaults": 55, "test_bench": 57, "test_browser_page_scripts": 20, "test_escaping": 49,
    "test_browser_text_pages": 48, "test_browser_data_pages": 48, "test_hostile": 40,
    "test_browser_offline": 38, "test_loadtest": 38, "test_browser_review": 38, "test_export": 36,
    "test_browser_language_switch": 35, "test_browser_fresh_server": 35, "test_oidc_browser": 35,
    "test_bench_capacity": 28, "test_guard": 24, "test_door_server": 23, "test_deploy": 22,
    "test_extract_bounds": 20, "test_browser_overview": 17, "test_replicas_app": 17,
    "test_browser_export": 16, "test_browser_confirm": 16, "test_record": 15, "test_browser_door": 14,
    "test_door_nginx": 14, "test_add_article_app": 14, "test_browser_print": 14,
    "test_browser_add_article": 13, "test_remember": 13, "test_browser_embed": 12,
    "test_record_pages_app": 11, "test_auth": 10, "test_offline": 10, "test_travel_server": 7,
    "test_review_app": 7, "test_one_data_state": 6, "test_language_switch_app": 6, "test_url_garbage_app": 6,
    "test_charts": 6, "test_review_attack": 6, "test_replicas_store": 6, "test_sign_out": 5, "test_cli": 5,
    "test_confirm_app": 5, "test_layers": 5,
}
SECONDS_PER_TEST = {"browser": 5.0, "slow": 0.5, "fast": 0.03}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        stem = item.path.stem
        if stem.endswith("_app") or stem in RUNS_THE_APP or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    _longest_module_first(items)


def _longest_module_first(items: list[pytest.Item]) -> None:
    """The test processes take modules in this order (scripts/test.sh runs xdist with
    --no-loadscope-reorder): the longest first, so that both finish at about the same
    time instead of one waiting out a long module taken last. A stable sort: a module's
    tests keep their order, but for the tests of one view (`_view_order`)."""
    seconds: dict[str, float] = {}
    for item in items:
        kind = "browser" if item.get_closest_marker("browser") else \
            "slow" if item.get_closest_marker("slow") else "fast"
        seconds[item.path.stem] = seconds.get(item.path.stem, 0.0) + SECONDS_PER_TEST[kind]
    seconds.update({stem: measured for stem, measured in MODULE_SECONDS.items() if stem in seconds})
    first_seen = {item.path: index for index, item in reversed(list(enumerate(items)))}
    items.sort(key=lambda item: (-seconds[item.path.stem], first_seen[item.path], _view_order(item)))


def _view_order(item: pytest.Item) -> tuple:
    """Within a module, the tests of one view (tests/browser_pages.py's `View`: a page, a
    language, a width) run one after another, those that change the page last: the view is
    loaded once for all of them (tests/test_browser_reading.py). Other tests keep their place."""
    from tests.browser_pages import View

    view = getattr(item, "callspec", None) and item.callspec.params.get("view")
    if not isinstance(view, View):
        return (0,)
    return (1, view, item.get_closest_marker("changes_the_page") is not None)


def pytest_configure(config: pytest.Config) -> None:  # noqa: ARG001 - pytest's hook
    from tests.streamlit_test_shims import scan_installed_components_once

    scan_installed_components_once()


@pytest.fixture(scope="module", autouse=True)
def _heap_settled_only_where_tested(request: pytest.FixtureRequest):
    """The app settles its heap (newsdash/app/heap.py: collect everything, then freeze it)
    after a run that built something long-lived, once per cache a server fills. Under
    AppTest the heap is the test process's, every test module's included, and every cold
    run settled it: a quarter of the CPU of the AppTest pages. test_heap tests the settle
    itself, a page run's included; elsewhere a run leaves the heap as it is."""
    if request.module.__name__.endswith("test_heap"):
        yield
        return
    from newsdash.app import heap

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(heap, "settle", lambda *args, **kwargs: False)
        yield


@pytest.fixture(scope="module", autouse=True)
def _cold_caches_per_module():
    """Streamlit's caches outlive an AppTest within one process. Every cache is keyed on
    the data folder and its state, so a test sees its own data whatever ran before it;
    each test module starts cold, so its tests see the same caches however the modules
    are shared out between the test processes (a module's tests run in order on one)."""
    clear_caches()
    yield
    clear_caches()


@pytest.fixture(scope="module")
def corpus():  # noqa: ANN201 - the project's own record (data/ and seeds/), loaded once a module
    from newsdash.data.corpus import load_corpus

    return load_corpus()


@pytest.fixture(scope="module")
def loaded(corpus):  # noqa: ANN001, ANN201 - its latest article
    return corpus.article()


@pytest.fixture
def cold_caches():
    """For a test about a first (cold) run, or one that counts calls a cache would save."""
    clear_caches()
    yield
    clear_caches()


def clear_caches() -> None:
    """Every cache of the app, through the one list of them (newsdash/caches.py)."""
    import newsdash.app.state  # noqa: F401 - registers Streamlit's caches and the page views' memo
    from newsdash import caches

    caches.clear_all()


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of data/ and seeds/, selected through DASHBOARD_DATA_DIR."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def browser_available() -> bool:
    return Path(CHROMIUM).exists()


def require_browser() -> None:
    """Skip with a reason where no browser can be had; under CI a missing browser fails."""
    if browser_available():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium not found at {CHROMIUM}; CI must install it (scripts/test.sh)")
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium to run browser tests")


# The browser the Playwright tests drive: Debian's chromium-headless-shell, Chromium's own
# headless build of the same version (what Playwright itself runs headless), when it is
# installed (scripts/test.sh does); the full chromium otherwise. The browser tests took 560
# CPU-seconds on it and 647 on the full browser (docs/performance.md). kaleido's exports
# keep the full chromium (CHROMIUM), as deployments do.
HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")
TEST_BROWSER = str(HEADLESS_SHELL) if HEADLESS_SHELL.exists() else CHROMIUM
# One renderer process for every tab of a site (ports are not part of a site: every test
# server on 127.0.0.1 is one): a test's new tab then runs in the process the tests before it
# warmed, where V8 has already compiled Streamlit's 7 MB of scripts. A Demining page load took
# about 5 CPU-seconds in a new context and 2.5 in a warm tab (tests/conftest.py's `page`).
# The headless shell hints its fonts fully unless told not to: its text was then about 3%
# wider than the full browser's (a grid cell of the Returns page's sources wrapped to six
# lines); unhinted, it lays out text as the full browser does
# (tests/test_browser_text_metrics.py holds it).
# V8 in its cheapest tiers for pages that live seconds: its baseline compiler only (no
# optimising compilers, whose work a short-lived page never pays back), on the page's own
# thread (no background compiling and collecting beside it), and no code cache written for
# scripts that a test tab never reads back. The same scripts give the same results; a page
# load costs about a fifth less CPU (docs/performance.md). kaleido's and the full
# benchmark's browsers keep V8's defaults.
CHEAP_JS_ARGS = ["--js-flags=--single-threaded --max-opt=1", "--v8-cache-options=none"]
TEST_BROWSER_ARGS = [*CHROMIUM_ARGS, "--process-per-site", "--font-render-hinting=none", *CHEAP_JS_ARGS]
# the same browser and V8 flags for the benchmark's and the load test's commands
BENCH_BROWSER_OPTIONS = ["--chromium", TEST_BROWSER, *(f"--chromium-arg={arg}" for arg in CHEAP_JS_ARGS)]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright: use Debian's Chromium (its headless shell), never a downloaded one."""
    return {**browser_type_launch_args, "executable_path": TEST_BROWSER, "args": TEST_BROWSER_ARGS}


# The app's Content-Security-Policy refuses scripts it did not write itself, and the tests'
# own probes are such scripts (axe-core, wait_for_function with an expression). The tests'
# browsers bypass it; tests/test_browser_door.py checks the policy in a browser that does not.
PROBES_ALLOWED = {"bypass_csp": True}


# The tests' reader prefers reduced motion: Streamlit then leaves out its animations (the
# running indicator, the skeletons' shimmer), which headless Chromium otherwise draws frame
# by frame while a test waits. test_browser_reading took 104 CPU-seconds with motion, 84
# without; no test here is about an animation.
STILL_PAGES = {"reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """pytest-playwright's `page`: a context whose probes the CSP lets run, without motion."""
    return {**browser_context_args, **PROBES_ALLOWED, **STILL_PAGES}


@pytest.fixture(scope="session")
def warm_context(browser, browser_context_args):  # noqa: ANN001, ANN201 - a Playwright BrowserContext
    """The browser context the tests' `page`s open in, one per test process. Between tests
    it forgets what a test left (cookies, and the storage of every origin), so each test
    starts as a new reader; what it keeps is the compiled scripts and the HTTP cache of
    Streamlit's immutable files, as a reader's browser keeps them."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


# What a test may do to its tab. A viewport, emulated media and listeners are put back after
# the test, and the tab goes on to the next one; a tab that has been through anything else
# (scripts run on every new document, routes, a handler, timeouts) is closed after its test.
TAB_SETTINGS = ("add_init_script", "route", "route_from_har", "route_web_socket", "expose_function",
                "expose_binding", "set_viewport_size", "emulate_media", "set_extra_http_headers", "on", "once",
                "add_locator_handler", "set_default_timeout", "set_default_navigation_timeout")
PUT_BACK = {"set_viewport_size", "emulate_media", "on", "once"}
# the warm context's media (Playwright's light scheme, STILL_PAGES' reduced motion)
CONTEXT_MEDIA = {"media": "null", "color_scheme": "light", "reduced_motion": "reduce", "contrast": "null",
                 "forced_colors": "null"}


def tab_for_the_next_test(tab):  # noqa: ANN001, ANN201 - a Playwright Page
    """The tab, with each of its setters noting its call in `tab.changed_by` (name, args)."""
    tab.changed_by = []
    tab.first_viewport = tab.viewport_size

    def noting(name: str, setter):  # noqa: ANN001, ANN202
        def changed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            tab.changed_by.append((name, args, kwargs))
            return setter(*args, **kwargs)
        return changed

    for name in TAB_SETTINGS:
        setattr(tab, name, noting(name, getattr(tab, name)))
    return tab


def put_back(tab) -> None:  # noqa: ANN001 - a Playwright Page
    """Undo what the test set on its tab. When something cannot be undone, the tab keeps
    its notes (`changed_by`) and is not passed on."""
    if tab.is_closed() or any(name not in PUT_BACK for name, _, _ in tab.changed_by):
        return
    for name, args, _ in tab.changed_by:
        if name in ("on", "once"):
            with contextlib.suppress(Exception):  # a `once` listener that has run is gone already
                type(tab).remove_listener(tab, *args)
    if any(name == "set_viewport_size" for name, _, _ in tab.changed_by):
        type(tab).set_viewport_size(tab, tab.first_viewport)
    if any(name == "emulate_media" for name, _, _ in tab.changed_by):
        type(tab).emulate_media(tab, **CONTEXT_MEDIA)
    tab.changed_by = []


def next_tab(context):  # noqa: ANN001, ANN201 - a Playwright BrowserContext, a Page
    """The tab the previous test left (parked on the app's health check, its settings put
    back), or a new one; any other tab of the context closes once it is chosen (after a
    new tab is open: the page process stays). A page load in the same tab costs the
    renderer about half of one in a new tab."""
    earlier = [tab for tab in context.pages if not tab.is_closed()]
    reusable = [tab for tab in earlier if getattr(tab, "changed_by", None) == []]
    tab = reusable[-1] if reusable else tab_for_the_next_test(context.new_page())
    for parked in earlier:
        if parked is not tab:
            parked.close()
    return tab


def done_with(context, tab) -> None:  # noqa: ANN001 - a Playwright BrowserContext and Page
    """After a test: its tab parked, its settings put back, what it left as a reader forgotten."""
    origin = park(tab)
    put_back(tab)
    forget_readers_state(context, {origin} if origin else set())


@pytest.fixture
def page(warm_context):  # noqa: ANN001, ANN201 - a Playwright Page
    """pytest-playwright's `page`, as a tab of the warm context (`next_tab`)."""
    tab = next_tab(warm_context)
    yield tab
    done_with(warm_context, tab)


def park(tab) -> str | None:  # noqa: ANN001 - a Playwright Page
    """Leave the tab on its site's smallest document, its app's session ended; the origin
    it was on."""
    from urllib.parse import urlsplit

    if tab.is_closed():
        return None
    address = urlsplit(tab.url)
    if address.scheme not in ("http", "https"):
        return None
    origin = f"{address.scheme}://{address.netloc}"
    try:
        tab.goto(f"{origin}/_stcore/health", timeout=5_000)
    except Exception:  # noqa: BLE001 - the test's server may be gone: the tab is only closed next time
        pass
    return origin


def forget_readers_state(context, origins: set[str]) -> None:  # noqa: ANN001 - a Playwright BrowserContext
    """Cookies, and local storage, IndexedDB and caches of every origin a test used."""
    origins = origins | {o["origin"] for o in context.storage_state()["origins"]}
    context.clear_cookies()
    context.clear_permissions()
    if origins and context.pages:
        cdp = context.new_cdp_session(context.pages[0])
        for origin in origins:
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        cdp.detach()


def start_app(data_dir: Path | None = None, script: str = DASHBOARD, env: dict[str, str] | None = None,
              wait: bool = True) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run` on a free loopback port and wait until it answers. Each server
    keeps its sign-in record (the brake, sign-outs) in a folder of its own unless env names
    one (DASHBOARD_STATE_DIR): test servers never share a budget by accident."""
    import tempfile

    env = {"DASHBOARD_STATE_DIR": tempfile.mkdtemp(prefix="newsdash-state-"), **(env or {})}
    if data_dir:
        env["DASHBOARD_DATA_DIR"] = str(data_dir)
    return loopback_server(script, env=env, options=("--browser.gatherUsageStats", "false"), wait=wait)


@pytest.fixture(scope="session")
def app_url():
    """One running dashboard on the shipped data, shared by the browser tests."""
    require_browser()
    proc, url = start_app()
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def gated_url():
    """One running dashboard behind the reader password (tests/test_auth.py's PASSWORD),
    shared by the browser tests of the door that need no setting of their own (each test
    process starts it once, when a test first asks for it). Each test signs in from a
    browser context of its own: a sign-out revokes only that browser's cookie, and no
    test here enters a wrong password, so none spends another's share of the brake."""
    require_browser()
    from newsdash.app import auth
    from tests.test_auth import ENCODED

    proc, url = start_app(env={auth.ENV_VAR: ENCODED})
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def open_page(page: str, **params: str):  # noqa: ANN201 - AppTest
    """Open a page as a visitor would: the entry script first (it sets the language),
    then the page, with the URL's query parameters."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    return at.run()



@pytest.fixture
def editors_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - yields (data folder, url)
    """A running app on a copy of the record with two editor accounts, Amal Haddad and Ben
    Roy, both with tests/test_auth.py's PASSWORD (the review's tests)."""
    from newsdash.app import auth
    from tests import record_data as rd
    from tests.test_auth import ENCODED

    monkeypatch.setenv(auth.EDITORS_ENV, f"Amal Haddad:{ENCODED},Ben Roy:{ENCODED}")
    data = rd.data_folder(tmp_path)
    proc, url = start_app(data)
    yield data, url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="class")
def stack(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - yields a tests.nginx_stack.Stack
    """nginx on a free loopback port before two app processes sharing one password, for
    the tests of one class (tests/nginx_stack.py); all stopped afterwards."""
    from tests.nginx_stack import running_stack

    yield from running_stack(tmp_path_factory)


# Property tests on a shared two-core machine: Hypothesis's health check fails a test whose
# inputs are slow to generate (a loaded machine, not the code) and its deadline a slow
# example; neither is what these tests check, so both are off for every property test.
hypothesis_settings.register_profile("shared_machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("shared_machine")


def pytest_collection_finish(session: pytest.Session) -> None:  # noqa: ARG001 - pytest's hook
    """What collection made (every test module, its imports and their objects) lives as
    long as the process: frozen, Python's collector no longer walks it at each full
    collection. Five Python-heavy modules (AppTest, validate, exports): 73.5 to 70.2
    CPU-seconds (docs/performance.md)."""
    gc.collect()
    gc.freeze()
