"""Streamlit's own doors behind the password (newsdash/guard.py): cache clearing, media
files, deferred downloads and metrics; the patches checked against the Streamlit they were
written for; and an attacker on the websocket against a real server on loopback."""

from __future__ import annotations

import asyncio
import inspect
import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest
import streamlit

from newsdash import auth, guard
from tests.conftest import start_app
from tests.test_auth import ENCODED, PASSWORD
from tests.wsclient import Session, sign_in_states


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
    media, metrics = guard._routes()
    assert media.match("/media/abc.csv")["file_id"] == "abc.csv" and metrics.match("/_stcore/metrics")
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


# --- an attacker on the websocket -------------------------------------------------------

ATTACK_SECONDS = 45
WORKERS = 8
RIGHT_AT = 15  # the attacker's list holds the password in 15th place
GUESSES_PER_SESSION = 4


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
        proc, url = start_app()
    try:
        asyncio.run(_first_view(url))  # the first page run installs the guard
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


async def _first_view(url: str) -> None:
    session = await Session.open(url)
    await session.run()
    await session.close()


def test_an_attacker_with_new_sessions_and_clear_cache_gets_a_handful_of_guesses(gated_app):
    """Before: 42 guesses a minute, the password accepted at guess 8. The brake allows 5
    at once, then one every 12 s: at most 5 + 45 / 12 in 45 s, so the 15th never comes."""
    seen = asyncio.run(attack(gated_app))
    assert seen["sessions"] > WORKERS  # the attack really opened new sessions
    assert seen["accepted"] == 0
    assert 5 <= seen["checked"] <= 5 + ATTACK_SECONDS // 12 + 1, seen


def test_metrics_are_closed(gated_app):
    with pytest.raises(urllib.error.HTTPError) as closed:
        urllib.request.urlopen(f"{gated_app}/_stcore/metrics", timeout=10)
    assert closed.value.code == 404
    with urllib.request.urlopen(f"{gated_app}/_stcore/health", timeout=10) as health:
        assert health.status == 200  # the rest of Streamlit's routes still answer


def test_a_guessed_media_id_gets_nothing(gated_app):
    for path in ("/media/0123456789abcdef0123456789abcdef0123456789abcdef01234567.csv", "/media/x/../y.csv"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(gated_app + path, timeout=10)
        assert refused.value.code == 404
