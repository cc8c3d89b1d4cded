"""The door on a real server (`streamlit run dashboard.py`, st.App with the door's middleware):
nothing without a sign-in from the first request of a fresh process, the sign-in form and
its cookie, sign-out on one replica holding on another, the guessing attack that used to
lock everyone out, the headers, and no request leaving the machine whatever the client sends."""

from __future__ import annotations

import asyncio
import random
import socket
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsdash.app import auth, door_cookie
from newsdash.app.door_cookie import KNOWN_BROWSER_COOKIE, SIGN_IN_COOKIE
from newsdash.app.serve import stop
from newsdash.app.signin_store import SignInStore
from tests.conftest import start_app
from tests.doorclient import GUESS_PAUSE_S, call, cookie_header, origin_of, post_sign_in, signed_in_cookies
from tests.netwatch import RecordingProxy
from tests.test_auth import ENCODED, PASSWORD
from tests.test_secure_defaults import put_upload
from tests.wsclient import Session, run_async

SECRET = "a shared cookie secret for the tests' replicas 0123456789"
SPACING = 2.0  # seconds between two checks of one account (10 when deployed)


def gated_env(state: str) -> dict[str, str]:
    return {auth.ENV_VAR: ENCODED, "DASHBOARD_COOKIE_SECRET": SECRET, "DASHBOARD_STATE_DIR": state,
            auth.SPACING_ENV: str(SPACING)}


@pytest.fixture(scope="module")
def replicas():
    """Two app processes sharing one sign-in record and one cookie secret (two replicas),
    each Python side's HTTP sent to a recording proxy (nothing may try to leave)."""
    state = tempfile.mkdtemp(prefix="newsdash-door-")
    proxy = RecordingProxy()
    env = {**gated_env(state), **proxy.env()}
    with ThreadPoolExecutor(2) as pool:
        started = list(pool.map(lambda _: start_app(env=env), range(2)))
    try:
        yield [url for _, url in started], state, proxy
    finally:
        for proc, _ in started:
            stop(proc)
        proxy.close()


# --- a fresh process ------------------------------------------------------------------------

async def websocket_refused(url: str, headers: dict[str, str] | None = None) -> bool:
    from websockets.exceptions import InvalidStatus

    try:
        session = await Session.open(url, headers)
    except InvalidStatus:
        return True
    try:
        await session.run(timeout=20)
    except Exception:  # noqa: BLE001 - closed at once
        return True
    finally:
        await session.close()
    return False


def wait_for_port(url: str, timeout: float = 60) -> None:
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise AssertionError("the server never listened")


def test_from_the_first_request_of_a_fresh_process_nothing_is_served_without_a_sign_in(tmp_path):
    """Before: in the first seconds (before a page run imported the patches) a session
    that never signed in uploaded files, and the metrics answered 200."""
    proc, url = start_app(env=gated_env(str(tmp_path)), wait=False)
    try:
        wait_for_port(url)
        answers = [call(f"{url}/_stcore/metrics").status, call(f"{url}/_stcore/upload_file/s/f", "PUT", b"x").status,
                   call(f"{url}/").status]
        assert answers == [404, 403, 303]
        assert put_upload(url, "any-session", 1000) == 403  # with Streamlit's XSRF cookie and header too
        assert run_async(websocket_refused(url))
        for path in ("/_stcore/host-config", "/static/js/index.js", "/media/0123.csv", "/component/x/y"):
            assert call(url + path).status == 403, path
        assert call(f"{url}/_stcore/health").text == "ok"  # the bare health check stays open
    finally:
        stop(proc)


# --- the form and the cookie --------------------------------------------------------------

def test_a_page_address_goes_to_the_form_and_back_after_signing_in(replicas):
    [url, _], *_ = replicas
    first = call(f"{url}/demining?lang=ar")
    assert first.status == 303 and first.header("Location") == "/sign-in?next=%2Fdemining%3Flang%3Dar"
    form = call(url + first.header("Location"))
    assert form.status == 200 and '<html lang="ar" dir="rtl">' in form.text
    assert 'value="/demining?lang=ar"' in form.text
    answer = post_sign_in(url, PASSWORD, next_="/demining?lang=ar")
    assert answer.status == 303 and answer.header("Location") == "/demining?lang=ar"
    line = answer.cookies()[SIGN_IN_COOKIE]
    assert {part.strip() for part in line.split(";")[1:]} == {"Path=/", "HttpOnly", "SameSite=Lax",
                                                             f"Max-Age={12 * 3600}"}  # no Secure over plain http
    assert "HttpOnly" in answer.cookies()[KNOWN_BROWSER_COOKIE]
    page = call(f"{url}/demining?lang=ar", headers=cookie_header({SIGN_IN_COOKIE: answer.cookie_value(SIGN_IN_COOKIE)}))
    assert page.status == 200 and b"<div id=\"root\">" in page.body


def test_behind_tls_the_cookie_is_secure():
    from newsdash.app import door_asgi

    config = door_asgi.door.DoorConfig()
    assert door_asgi._secure({"scheme": "https"}, config) and door_asgi._secure({"scheme": "wss"}, config)
    assert not door_asgi._secure({"scheme": "http"}, config)
    assert door_asgi._secure({"scheme": "http"}, door_asgi.door.DoorConfig(secure_always=True))


def test_the_form_refuses_another_site_and_an_open_redirect(replicas):
    [url, _], *_ = replicas
    for origin in ("http://127.0.0.1:1", "https://evil.example", None):
        refused = post_sign_in(url, PASSWORD, origin=origin)
        assert refused.status == 403 and SIGN_IN_COOKIE not in refused.cookies(), origin
    answer = post_sign_in(url, PASSWORD, next_="https://evil.example/x")
    assert answer.status == 303 and answer.header("Location") == "/"


def test_the_websocket_takes_the_cookie_and_only_the_apps_own_origin(replicas):
    [url, _], *_ = replicas
    cookies = signed_in_cookies(url, PASSWORD)
    jar = cookie_header(cookies)

    async def views(headers: dict[str, str]) -> int:
        session = await Session.open(url, headers)
        try:
            return (await session.run()).metrics
        finally:
            await session.close()

    assert run_async(views({**jar, "Origin": origin_of(url)})) >= 4  # the overview's figures
    other_port = origin_of(url).rsplit(":", 1)[0] + ":9"
    assert run_async(websocket_refused(url, {**jar, "Origin": other_port}))  # a page on another port
    assert run_async(websocket_refused(url, {**jar, "Origin": "http://evil.example"}))
    assert run_async(websocket_refused(url, {"Origin": origin_of(url)}))  # no cookie


def test_a_sign_in_holds_on_another_replica_and_a_sign_out_on_one_holds_on_both(replicas):
    [a, b], *_ = replicas
    cookies = signed_in_cookies(a, PASSWORD)
    jar = cookie_header(cookies)
    assert call(f"{b}/", headers=jar).status == 200  # another replica (or a restart): no new sign-in
    out = call(f"{a}/sign-out", "POST", b"", {**jar, "Origin": origin_of(a),
                                               "Content-Type": "application/x-www-form-urlencoded"})
    assert out.status == 303 and out.cookies()[SIGN_IN_COOKIE].startswith(f"{SIGN_IN_COOKIE}=;")
    time.sleep(1.2)  # each replica reads the sign-outs at most once a second
    assert call(f"{a}/", headers=jar).status == 303  # a copy of the old cookie fails ...
    assert call(f"{b}/", headers=jar).status == 303  # ... on every replica
    assert run_async(websocket_refused(b, {**jar, "Origin": origin_of(b)}))


def test_sign_out_needs_the_apps_own_page(replicas):
    [url, _], *_ = replicas
    jar = cookie_header(signed_in_cookies(url, PASSWORD))
    refused = call(f"{url}/sign-out", "POST", b"", {**jar, "Origin": "http://127.0.0.1:1"})
    assert refused.status == 403
    assert call(f"{url}/", headers=jar).status == 200  # still signed in
    assert 'method="post"' in call(f"{url}/sign-out", headers=jar).text  # GET shows a button, signs nobody out


# --- headers and leaks ------------------------------------------------------------------------

def test_every_answer_carries_the_security_headers_and_no_server_name(replicas):
    [url, _], *_ = replicas
    jar = cookie_header(signed_in_cookies(url, PASSWORD))
    for path, headers in (("/", {}), ("/sign-in", {}), ("/_stcore/health", {}), ("/_stcore/metrics", jar),
                          ("/", jar), ("/_stcore/host-config", jar)):
        answer = call(url + path, headers=headers)
        assert "frame-ancestors 'self'" in answer.header("Content-Security-Policy"), path
        assert answer.header("X-Content-Type-Options") == "nosniff"
        assert answer.header("Referrer-Policy") == "strict-origin-when-cross-origin"
        assert answer.header("X-Frame-Options") == "SAMEORIGIN"
        assert answer.header("Server") is None, path


def test_no_request_leaves_the_machine_whatever_origin_a_client_claims(replicas):
    """Before: a foreign Origin made the server look its address up at checkip.amazonaws.com."""
    [url, _], _state, proxy = replicas
    jar = cookie_header(signed_in_cookies(url, PASSWORD))
    for origin in ("http://evil.example", "http://203.0.113.5:8501"):
        assert run_async(websocket_refused(url, {**jar, "Origin": origin}))
        call(f"{url}/_stcore/health", headers={"Origin": origin})
        call(f"{url}/_stcore/host-config", headers={**jar, "Origin": origin})
    time.sleep(1.5)
    assert proxy.attempts == []


def test_an_anonymous_client_learns_no_server_path(replicas):
    [url, _], *_ = replicas
    answers = [call(f"{url}{p}") for p in ("/", "/sign-in", "/_stcore/host-config", "/x/../../etc")]
    answers.append(post_sign_in(url, "wrong"))
    for answer in answers:
        assert "dashboard.py" not in answer.text and "/work" not in answer.text and "/home" not in answer.text


# --- the attack that locked everyone out ----------------------------------------------------------

ATTACK_SECONDS = 10
WORKERS = 8


def test_guessers_from_many_addresses_lock_nobody_out(replicas):
    """Before: a handful of sessions from random addresses kept the brake closed, and the
    right password was refused 3 times of 3. Now: guessers in two networks, eight at a time
    across both replicas; a browser that signed in before gets in at once, a new reader from
    another network within the account's spacing, and the account sees at most one check
    every SPACING seconds in all. (A newcomer may lose a slot or two to the guessers'
    polling: it comes back when told, they never stop asking.)"""
    urls, state, _ = replicas
    known = signed_in_cookies(urls[0], PASSWORD)[KNOWN_BROWSER_COOKIE]  # this browser signed in before
    time.sleep(SPACING)
    start, stop_at = time.time(), time.monotonic() + ATTACK_SECONDS
    seen = {"checked": 0, "refused": 0, "in": 0}
    lock = threading.Lock()

    def guesser(worker: int) -> None:
        rng = random.Random(worker)
        while time.monotonic() < stop_at:
            address = f"{rng.choice(('203.0.113', '198.51.100'))}.{rng.randrange(1, 255)}"
            answer = post_sign_in(urls[worker % 2], f"guess {rng.random()}", forwarded_for=address)
            with lock:
                seen[{401: "checked", 429: "refused", 303: "in"}[answer.status]] += 1
            time.sleep(GUESS_PAUSE_S)

    with ThreadPoolExecutor(WORKERS + 1) as pool:
        attackers = [pool.submit(guesser, w) for w in range(WORKERS)]
        time.sleep(ATTACK_SECONDS * 0.6)  # the guessers' networks have failed a few times by now
        returning = post_sign_in(urls[1], PASSWORD, cookies={KNOWN_BROWSER_COOKIE: known},
                                 forwarded_for="203.0.113.200")  # even from the guessers' own network
        newcomer, tries, began = None, 0, time.monotonic()
        while tries < 5:
            tries += 1
            newcomer = post_sign_in(urls[0], PASSWORD, forwarded_for="192.0.2.10")
            if newcomer.status != 429:
                break
            time.sleep(float(newcomer.header("Retry-After")))
        waited = time.monotonic() - began
        for attacker in attackers:
            attacker.result()
    assert returning.status == 303
    assert newcomer.status == 303 and waited <= 3 * SPACING + 1, (newcomer.status, waited, tries)
    print(f"attack: {seen}, the newcomer waited {waited:.1f} s over {tries} tries")
    assert seen["in"] == 0 and seen["refused"] > seen["checked"], seen
    checks = SignInStore(state).checks_since(start)
    assert checks <= ATTACK_SECONDS / SPACING + 3, (checks, seen)  # the guessers', the two readers'
    assert seen["checked"] >= 2


def test_the_in_page_check_reads_the_same_cookie(replicas, monkeypatch):
    """AppTest has no cookies: the gate's seam gives it the one a browser would send."""
    from streamlit.testing.v1 import AppTest

    from newsdash.app import door_asgi, gate
    from tests.conftest import DASHBOARD

    [url, _], state, _ = replicas
    for name, value in gated_env(state).items():
        monkeypatch.setenv(name, value)
    door_asgi.forget_config()
    cookies = signed_in_cookies(url, PASSWORD)
    monkeypatch.setattr(gate, "_cookies", lambda: {SIGN_IN_COOKIE: cookies[SIGN_IN_COOKIE]})
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception and at.metric
    signed = cookies[SIGN_IN_COOKIE]
    middle = len(signed) - 10  # a character inside the signature, changed for another
    tampered = signed[:middle] + ("A" if signed[middle] != "A" else "B") + signed[middle + 1:]
    monkeypatch.setattr(gate, "_cookies", lambda: {SIGN_IN_COOKIE: tampered})
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.metric and [t.value for t in at.title] == ["Sign in"]
    door_asgi.forget_config()
    assert door_cookie.SIGN_IN_COOKIE in cookies and asyncio.iscoroutinefunction(door_asgi.sign_in_endpoint)
