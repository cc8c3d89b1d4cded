"""Streamlit's own doors behind the password (newsdash/app/guard.py): cache clearing, media
files, deferred downloads and metrics; the patches checked against the Streamlit they were
written for; and an attacker on the websocket against a real server on loopback."""

from __future__ import annotations

import asyncio
import inspect
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
import streamlit

from newsdash.app import auth, guard
from tests.conftest import start_app
from tests.nginx_stack import PASSWORD as DEPLOY_PASSWORD
from tests.test_auth import ENCODED, PASSWORD
from tests.wsclient import Session, run_async, sign_in_states


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def doors(monkeypatch):
    """A fresh Doors in place of the process's one, with a clock the test moves."""
    fresh = guard.Doors(clock=Clock(), alive=lambda session: session != "closed")
    monkeypatch.setattr(guard, "DOORS", fresh)
    return fresh


# --- the Streamlit these patches were written for ----------------------------------------

def test_streamlit_is_the_version_the_patches_were_checked_on():
    """On an upgrade: read each patched internal again (see guard.py), then raise CHECKED_ON."""
    assert streamlit.__version__ == guard.CHECKED_ON


def test_streamlit_still_routes_each_door_through_the_patched_place():
    from starlette.applications import Starlette
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.web.server.starlette import starlette_routes

    assert 'elif msg_type == "clear_cache":\n                self._handle_clear_cache_request()' in \
        inspect.getsource(AppSession.handle_backmsg)
    for patched in (AppSession._handle_clear_cache_request, MediaFileManager.add,
                    DeferredFileHandler.handle, Starlette.__call__):
        assert getattr(patched, "guarded", False), patched
    assert starlette_routes._ROUTE_MEDIA == "media/{file_id:path}"
    assert starlette_routes.ROUTE_METRICS == "_stcore/metrics"
    assert "media_storage.get_file(file_id)" in inspect.getsource(starlette_routes.create_media_routes)
    assert starlette_routes._ROUTE_UPLOAD_FILE == "_stcore/upload_file/{session_id}/{file_id}"
    media, metrics, upload = guard._routes()
    assert media.match("/media/abc.csv")["file_id"] == "abc.csv" and metrics.match("/_stcore/metrics")
    assert upload.match("/_stcore/upload_file/s1/f1")["session_id"] == "s1"
    # a deferred download's placeholder remembers its session under this name
    assert '"session_id": session_id' in inspect.getsource(MediaFileManager.add_deferred)


def test_uvicorn_takes_x_forwarded_for_only_from_loopback_and_its_last_untrusted_entry():
    """What st.context.ip_address (the brake's key) rests on behind deploy/'s nginx."""
    from uvicorn.config import Config
    from uvicorn.middleware.proxy_headers import _TrustedHosts

    trusted = _TrustedHosts(Config(app=None).forwarded_allow_ips)
    assert "127.0.0.1" in trusted and "::1" in trusted and "203.0.113.9" not in trusted
    # nginx appends the real client to what the client claimed: the claim is ignored
    assert trusted.get_trusted_client_address("198.51.100.1, 203.0.113.9")[0] == "203.0.113.9"


# --- clear_cache ----------------------------------------------------------------------

def test_clear_cache_is_ignored_for_a_session_that_has_not_signed_in(doors):
    from streamlit.runtime.app_session import AppSession

    calls = []

    @streamlit.cache_resource
    def expensive() -> int:
        calls.append(1)
        return len(calls)

    session = SimpleNamespace(id="guesser", _session_state=SimpleNamespace(clear=lambda: calls.append("state")))
    expensive()
    doors.note_run("guesser", ENCODED, signed_in=False, browser=None)
    AppSession._handle_clear_cache_request(session)
    expensive()
    assert calls == [1]  # nothing was cleared

    doors.note_run("guesser", ENCODED, signed_in=True, browser=b"t" * 32)
    AppSession._handle_clear_cache_request(session)
    expensive()
    assert calls == [1, "state", 1]  # a signed-in reader may clear, and is signed out by it
    assert not doors.is_signed_in("guesser")


def test_without_a_password_clear_cache_works_as_streamlit_made_it(doors):
    doors.note_run("anyone", None, signed_in=False, browser=None)
    assert doors.may_clear_cache("anyone")
    assert not guard.Doors().may_clear_cache("anyone")  # before any run says: treated as gated


# --- media files ----------------------------------------------------------------------

BROWSER = b"b" * 32
OTHER_BROWSER = b"o" * 32


def test_a_download_answers_only_the_signed_in_browser_that_asked_and_only_briefly(doors):
    doors.note_run("reader", ENCODED, signed_in=True, browser=BROWSER)
    doors.note_run("stranger", ENCODED, signed_in=False, browser=None)
    doors.grant("f1", "reader", guard.DOWNLOAD_SECONDS)
    assert doors.may_fetch("f1", BROWSER)
    assert not doors.may_fetch("f1", None)  # no cookie
    assert not doors.may_fetch("f1", OTHER_BROWSER)  # another browser, signed in or not
    assert not doors.may_fetch("f2", BROWSER)  # a file nobody was granted
    doors.clock.now += guard.DOWNLOAD_SECONDS + 1
    assert not doors.may_fetch("f1", BROWSER)  # expired


def test_a_download_stops_answering_when_its_session_signs_out_or_closes(doors):
    doors.note_run("reader", ENCODED, signed_in=True, browser=BROWSER)
    doors.grant("f1", "reader", 60)
    doors.note_run("reader", ENCODED, signed_in=False, browser=None)
    assert not doors.may_fetch("f1", BROWSER)
    doors.note_run("closed", ENCODED, signed_in=True, browser=BROWSER)
    doors.grant("f2", "closed", 60)
    assert not doors.may_fetch("f2", BROWSER)
    doors.note_run("reader", "scrypt$other", signed_in=True, browser=BROWSER)
    doors.grant("f3", "reader", 60)
    doors.note_run("someone", ENCODED, signed_in=False, browser=None)  # the hash changed back
    assert not doors.may_fetch("f3", BROWSER)


def test_without_a_password_links_still_expire(doors):
    doors.note_run("reader", None, signed_in=False, browser=None)
    doors.grant("f1", "reader", guard.DOWNLOAD_SECONDS)
    assert doors.may_fetch("f1", None)
    doors.clock.now += guard.DOWNLOAD_SECONDS + 1
    assert not doors.may_fetch("f1", None)


def test_grants_are_forgotten_when_they_expire_so_memory_stays_bounded(doors):
    doors.note_run("reader", None, signed_in=False, browser=None)
    for i in range(2000):
        doors.grant(f"f{i}", "reader", 10)
        doors.clock.now += 1
    assert len(doors._grants) <= 512 + 10


def test_the_browser_token_is_the_one_inside_streamlits_xsrf_cookie():
    from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

    token = b"x" * 32
    first, second = generate_xsrf_token_string(token, 1), generate_xsrf_token_string(token, 1)
    assert first != second  # a fresh mask each time the cookie is set ...
    assert guard.browser_token(first) == guard.browser_token(second) == token  # ... the same token
    assert guard.browser_token(None) is None and guard.browser_token("garbage") is None


# --- browsers remembered across reloads ---------------------------------------------------

READER, OTHER = b"r" * 16, b"o" * 16  # two browsers' tokens (Streamlit's are 16 bytes)
OTHER_HASH = auth.hash_password("another shared password")


def test_a_browser_that_signed_in_is_known_for_the_period_and_then_not():
    clock = Clock()
    browsers = guard.Browsers(hours=12, clock=clock)
    browsers.remember(READER, ENCODED)
    assert browsers.knows(READER, ENCODED)  # a reload, a new tab
    assert not browsers.knows(OTHER, ENCODED)  # another browser
    assert not browsers.knows(None, ENCODED) and not browsers.knows(b"", ENCODED)  # no cookie
    assert not browsers.knows(READER[:8], ENCODED)  # a made-up short token
    assert READER not in browsers._known  # only a hash of the token is kept
    clock.now += 12 * 3600 - 1
    assert browsers.knows(READER, ENCODED)  # using it does not renew it ...
    clock.now += 1
    assert not browsers.knows(READER, ENCODED)  # ... 12 h after the sign-in it is over


def test_a_changed_hash_forgets_every_browser_even_when_the_old_one_comes_back():
    browsers = guard.Browsers(clock=Clock())
    browsers.remember(READER, ENCODED)
    assert not browsers.knows(READER, OTHER_HASH)
    assert not browsers.knows(READER, ENCODED)
    assert not browsers.knows(READER, None)  # no password configured: nothing to remember


def test_forgetting_one_browser_leaves_the_others():
    browsers = guard.Browsers(clock=Clock())
    browsers.remember(READER, ENCODED)
    browsers.remember(OTHER, ENCODED)
    browsers.forget(OTHER)
    assert browsers.knows(READER, ENCODED) and not browsers.knows(OTHER, ENCODED)


def test_at_most_cap_browsers_are_kept_the_oldest_sign_in_goes_first():
    clock = Clock()
    browsers = guard.Browsers(hours=1, cap=3, clock=clock)
    tokens = [bytes([i]) * 16 for i in range(5)]
    for token in tokens[:3]:
        browsers.remember(token, ENCODED)
        clock.now += 60
    browsers.remember(tokens[0], ENCODED)  # signs in again: now the newest
    browsers.remember(tokens[3], ENCODED)
    assert len(browsers._known) == 3
    assert [browsers.knows(t, ENCODED) for t in tokens[:4]] == [True, False, True, True]
    clock.now += 3600  # all expired: the next sign-in clears them out
    browsers.remember(tokens[4], ENCODED)
    browsers.remember(tokens[1], ENCODED)
    browsers.remember(tokens[2], ENCODED)
    browsers.remember(tokens[3], ENCODED)
    assert len(browsers._known) == 3
    assert [browsers.knows(t, ENCODED) for t in tokens] == [False, True, True, True, False]


def test_sign_in_hours_from_the_environment_are_bounded():
    assert guard._sign_in_hours({}) == 12.0
    assert guard._sign_in_hours({guard.SIGN_IN_ENV: "2.5"}) == 2.5
    assert guard._sign_in_hours({guard.SIGN_IN_ENV: "0"}) == 0.0  # every new page asks
    assert guard._sign_in_hours({guard.SIGN_IN_ENV: "-3"}) == 0.0
    assert guard._sign_in_hours({guard.SIGN_IN_ENV: "100000"}) == 168.0
    assert guard._sign_in_hours({guard.SIGN_IN_ENV: "nan"}) == 12.0
    assert guard._sign_in_hours({guard.SIGN_IN_ENV: "soon"}) == 12.0
    assert not guard.Browsers(hours=0, clock=Clock()).knows(READER, ENCODED)
    never = guard.Browsers(hours=0, clock=Clock())
    never.remember(READER, ENCODED)
    assert not never.knows(READER, ENCODED)


# --- an attacker on the websocket -------------------------------------------------------

ATTACK_SECONDS = 12
SPACING = 2  # the brake's seconds between checks once the free ones are used (12 when deployed)
WORKERS = 8
RIGHT_AT = 15  # the attacker's list holds the password in 15th place
GUESSES_PER_SESSION = 1  # a new session for every guess: the brake must hold across sessions


async def attack(url: str) -> dict:
    """WORKERS at once, each: a new session (half of them claiming another address in
    X-Forwarded-For), then clear_cache before every guess, and a new session every
    GUESSES_PER_SESSION guesses; a refused guess goes back in the queue."""
    guesses = asyncio.Queue()
    for i in range(1, 200):
        guesses.put_nowait(PASSWORD if i == RIGHT_AT else f"guess number {i}")
    seen = {"checked": 0, "refused": 0, "accepted": 0, "sessions": 0}
    deadline = time.monotonic() + ATTACK_SECONDS

    async def one(worker: int) -> None:
        while time.monotonic() < deadline and seen["sessions"] < 200:
            seen["sessions"] += 1
            headers = {"X-Forwarded-For": f"203.0.113.{seen['sessions'] % 250}"} if worker % 2 else {}
            session = await Session.open(url, headers)
            try:
                form = await session.run()
                for _ in range(GUESSES_PER_SESSION):
                    await session.clear_cache()
                    guess = await guesses.get()
                    result = await session.run(sign_in_states(form, guess))
                    if result.metrics:
                        seen["accepted"] += 1
                        return
                    if "Wrong password." in result.alerts:
                        seen["checked"] += 1
                    else:
                        seen["refused"] += 1
                        guesses.put_nowait(guess)
                        await asyncio.sleep(1)
            finally:
                await session.close()

    tasks = [asyncio.create_task(one(w)) for w in range(WORKERS)]
    await asyncio.wait(tasks, timeout=ATTACK_SECONDS)  # what is still waiting for a slot is cut off
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return seen


@pytest.fixture(scope="module")
def gated_app():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(auth.ENV_VAR, ENCODED)
        patch.setenv(auth.SPACING_ENV, str(SPACING))
        proc, url = start_app()
    try:
        run_async(_first_view(url))  # the first page run installs the guard
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


async def _first_view(url: str) -> None:
    session = await Session.open(url)
    await session.run()
    await session.close()


# (these three run before the attack below: it leaves the server's brake full for a minute)
def test_metrics_are_closed(gated_app):
    with pytest.raises(urllib.error.HTTPError) as closed:
        urllib.request.urlopen(f"{gated_app}/_stcore/metrics", timeout=10)
    assert closed.value.code == 404
    with urllib.request.urlopen(f"{gated_app}/_stcore/health", timeout=10) as health:
        assert health.status == 200  # the rest of Streamlit's routes still answer


def test_a_session_that_has_not_signed_in_cannot_upload(gated_app):
    from tests.test_secure_defaults import put_upload

    async def upload_as(password: str | None) -> int:
        session = await Session.open(gated_app)
        try:
            form = await session.run()
            if password:
                await session.run(sign_in_states(form, password))
            return await asyncio.to_thread(put_upload, gated_app, session.session_id, 1000)
        finally:
            await session.close()

    assert run_async(upload_as(None)) == 404
    assert run_async(upload_as(PASSWORD)) == 204


def test_a_guessed_media_id_gets_nothing(gated_app):
    for path in ("/media/0123456789abcdef0123456789abcdef0123456789abcdef01234567.csv", "/media/x/../y.csv"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(gated_app + path, timeout=10)
        assert refused.value.code == 404


def test_an_attacker_with_new_sessions_and_clear_cache_gets_a_handful_of_guesses(gated_app):
    """Before: 42 guesses a minute, the password accepted at guess 8. The brake allows 5
    at once, then one every SPACING s: at most 5 + 12 / 2 in 12 s, so the 15th never comes."""
    seen = run_async(attack(gated_app))
    assert seen["sessions"] > WORKERS  # the attack really opened new sessions
    assert seen["accepted"] == 0
    assert 5 <= seen["checked"] <= 5 + ATTACK_SECONDS // SPACING + 1 < RIGHT_AT, seen


def test_the_brakes_spacing_from_the_environment_is_bounded():
    assert auth._spacing({}) == 12.0
    assert auth._spacing({auth.SPACING_ENV: "2"}) == 2.0
    assert auth._spacing({auth.SPACING_ENV: "0"}) == 1.0  # never without a brake
    assert auth._spacing({auth.SPACING_ENV: "1e9"}) == 600.0
    assert auth._spacing({auth.SPACING_ENV: "inf"}) == 12.0
    assert auth._spacing({auth.SPACING_ENV: "often"}) == 12.0


def test_download_seconds_from_the_environment_are_bounded():
    assert guard._download_seconds({}) == 60
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "8"}) == 8
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "0"}) == 1
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "1e9"}) == 3600
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "soon"}) == 60
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "nan"}) == 60  # never "forever"
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "inf"}) == 60


# --- deferred downloads ---------------------------------------------------------------

class FakeMediaFiles:
    """Streamlit's MediaFileManager as DeferredFileHandler sees it: one placeholder of A's."""

    def __init__(self) -> None:
        self._deferred_callables = {"placeholder": {"session_id": "A"}}
        self.ran = 0

    def execute_deferred(self, file_id: str) -> str:
        self.ran += 1
        return "/media/0a1b2c.csv"


def deferred_request(file_id: str):  # noqa: ANN201
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.backend_operation_request.request_id = "r1"
    msg.backend_operation_request.deferred_file.file_id = file_id
    return msg.backend_operation_request


def test_a_deferred_download_runs_only_for_its_own_signed_in_session(doors):
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    media = FakeMediaFiles()
    handler = DeferredFileHandler(lambda: media)
    doors.note_run("A", ENCODED, signed_in=True, browser=BROWSER)
    doors.note_run("B", ENCODED, signed_in=True, browser=OTHER_BROWSER)
    refused = run_async(handler.handle(deferred_request("placeholder"), "B"))
    assert refused.error_msg and media.ran == 0  # B knows A's placeholder id: nothing runs
    assert not run_async(handler.handle(deferred_request("unknown"), "A")).deferred_file.url
    served = run_async(handler.handle(deferred_request("placeholder"), "A"))
    assert served.deferred_file.url == "/media/0a1b2c.csv" and media.ran == 1
    assert doors.may_fetch("0a1b2c", BROWSER) and not doors.may_fetch("0a1b2c", OTHER_BROWSER)
    doors.note_run("A", ENCODED, signed_in=False, browser=None)  # A signed out (a cleared state)
    assert run_async(handler.handle(deferred_request("placeholder"), "A")).error_msg
    assert media.ran == 1


# --- in a browser -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def gated_app_short_links():
    """A gated app whose clicked downloads answer 8 s."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(auth.ENV_VAR, ENCODED)
        patch.setenv(guard.DOWNLOAD_ENV, "8")
        proc, url = start_app()
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def fetch_status(url: str, headers: dict | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def download_a_chart_csv(page, url: str, password: str = PASSWORD):  # noqa: ANN001, ANN201 - playwright Download
    """Sign in on the demining page and download its first chart's CSV."""
    page.goto(f"{url}/demining?lang=en")
    page.fill('input[type="password"]', password)
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=150_000)
    page.locator('[data-testid="stPopover"] button').first.click()
    csv_button = page.locator('[data-testid="stDownloadButton"] button', has_text="(CSV)").first
    csv_button.wait_for(timeout=30_000)
    with page.expect_download(timeout=60_000) as download_info:
        csv_button.click()
    return download_info.value


@pytest.mark.browser
def test_a_downloaded_csv_answers_only_its_signed_in_browser_and_briefly(browser, gated_app_short_links):
    url = gated_app_short_links
    reader = browser.new_context(accept_downloads=True)
    page = reader.new_page()
    download = download_a_chart_csv(page, url)
    clicked = time.monotonic()
    assert "/media/" in download.url and download.suggested_filename.endswith(".csv")
    content = Path(download.path()).read_bytes()
    assert content.startswith("\ufeffchart_id,record_id".encode())
    assert b"\nhectares," in content  # the chart's own rows (the first measure of data/measures.yaml)

    again = reader.request.get(download.url)  # the same browser, its cookies: still there
    assert again.status == 200 and again.body() == content
    assert fetch_status(download.url) == 404  # no cookie
    stranger = browser.new_context()
    stranger_page = stranger.new_page()
    stranger_page.goto(url)
    stranger_page.wait_for_selector('input[type="password"]', timeout=60_000)
    assert any(c["name"] == "_streamlit_xsrf" for c in stranger.cookies())
    assert stranger.request.get(download.url).status == 404  # another browser's session
    time.sleep(max(0.0, clicked + 8.5 - time.monotonic()))
    assert reader.request.get(download.url).status == 404  # expired, though still signed in
    stranger.close()
    reader.close()


@pytest.fixture
def password_for_the_stack(monkeypatch):
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)


@pytest.mark.browser
def test_behind_nginx_a_signed_in_download_works_and_nothing_else_answers(browser, password_for_the_stack, request):
    """deploy/nginx-newsdash.conf with two app processes: the cookie reaches the app."""
    url = request.getfixturevalue("stack").url.rstrip("/")  # test_deploy's, started with the password set
    reader = browser.new_context(accept_downloads=True)
    download = download_a_chart_csv(reader.new_page(), url, DEPLOY_PASSWORD)
    assert download.url.startswith(f"{url}/media/")
    assert reader.request.get(download.url).status == 200
    assert fetch_status(download.url) == 404
    assert fetch_status(download.url, {"X-Forwarded-For": "127.0.0.1"}) == 404
    assert fetch_status(f"{url}/_stcore/metrics") == 404
    reader.close()
