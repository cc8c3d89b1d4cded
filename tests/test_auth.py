"""The password gate: hashes, constant-time checks, the growing wait, the command that
makes a hash, and the gate in the app (AppTest) and in a browser."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app import auth
from tests.conftest import DASHBOARD, ROOT, start_app

PASSWORD = "correct horse battery staple"
SALT = b"0123456789abcdef"
ENCODED = auth.hash_password(PASSWORD, salt=SALT)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# --- hashes -----------------------------------------------------------------------------

def test_the_hash_is_salted_scrypt_written_out_in_full():
    key = hashlib.scrypt(PASSWORD.encode(), salt=SALT, n=2**14, r=8, p=1, dklen=32)
    assert ENCODED == f"scrypt$16384$8$1${b64(SALT)}${b64(key)}"
    assert auth.hash_password(PASSWORD) != auth.hash_password(PASSWORD)  # a fresh salt each time


def test_the_right_password_passes_and_near_misses_fail():
    stored = auth.parse_hash(ENCODED)
    assert auth.verify_password(PASSWORD, stored)
    for wrong in ["", "correct horse battery stapl", PASSWORD.upper(), PASSWORD + " ", "x" * 5000]:
        assert not auth.verify_password(wrong, stored)


def test_a_pbkdf2_hash_is_accepted_too():
    key = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), SALT, 200_000, 32)
    stored = auth.parse_hash(f"pbkdf2_sha256$200000${b64(SALT)}${b64(key)}")
    assert auth.verify_password(PASSWORD, stored) and not auth.verify_password("nope", stored)


def test_the_comparison_is_constant_time(monkeypatch):
    calls = []

    def spy(a, b):
        calls.append((len(a), len(b)))
        return a == b

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    auth.verify_password("wrong", auth.parse_hash(ENCODED))
    assert calls == [(32, 32)]


@pytest.mark.parametrize(("encoded", "message"), [
    ("hunter2", "must come from `python -m newsdash hash-password`"),
    ("scrypt$1024$8$1$MDEyMzQ1Njc4OWFiY2RlZg$" + "A" * 43, "n a power of two of at least 16384"),
    ("scrypt$20000$8$1$MDEyMzQ1Njc4OWFiY2RlZg$" + "A" * 43, "n a power of two of at least 16384"),
    ("scrypt$x$8$1$MDEy$AAAA", "malformed"),
    ("scrypt$16384$8$1$c2FsdA$" + "A" * 43, "salt or key is too short"),
    ("pbkdf2_sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$" + "A" * 43, "at least 100,000 iterations"),
    ("md5$abc", "must come from"),
])
def test_an_unusable_hash_is_refused_with_a_reason(encoded, message):
    with pytest.raises(auth.AuthConfigError, match=message.replace("(", r"\(").replace("`", ".")):
        auth.parse_hash(encoded)


def test_secrets_come_first_then_the_environment():
    env = {auth.ENV_VAR: " from-env "}
    assert auth.configured_hash({"password_hash": "from-secrets"}, env) == "from-secrets"
    assert auth.configured_hash(None, env) == "from-env"
    assert auth.configured_hash({}, {}) is None
    assert auth.configured_hash({"password_hash": "  "}, {auth.ENV_VAR: ""}) is None


# --- the growing wait -------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_failure_doubles_the_wait_of_that_address_up_to_the_cap():
    clock = Clock()
    throttle = auth.Throttle(clock=clock, free=1000)
    waits = []
    for _ in range(9):
        wait = throttle.book("10.0.0.1")
        waits.append(wait)
        clock.now += wait  # the check happens at its slot
        throttle.record("10.0.0.1", success=False)
    assert waits == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert throttle.book("10.0.0.2") == 0  # another address is not slowed by its failures


def test_a_new_session_from_the_same_address_does_not_start_afresh():
    """The brake is keyed on the address: a fresh session (or a cleared cache) is no reset."""
    throttle = auth.Throttle(clock=Clock(), free=1000)
    for _ in range(3):
        throttle.record("10.0.0.1", success=False) if throttle.book("10.0.0.1") is not None else None
    assert throttle.book("10.0.0.1") == 1 + 2 + 4  # slots at 0, 1, 3: the next at 7


def test_attempts_at_the_same_moment_queue_instead_of_waiting_alike():
    """24 sessions guessing at once, each from its own address: slots 12 s apart once the
    5 free ones are used, and nothing booked more than a minute ahead."""
    throttle = auth.Throttle(clock=Clock(), free=5, spacing=12, max_wait=60)
    waits = [throttle.book(f"10.0.0.{i}") for i in range(24)]
    assert waits[:5] == [0, 0, 0, 0, 0]
    assert waits[5:10] == [12, 24, 36, 48, 60]
    assert waits[10:] == [None] * 14  # refused: not checked at all


def test_at_most_a_handful_of_checks_a_minute_whatever_the_client_does():
    """A guesser with a new address for every attempt, trying every second for an hour."""
    clock = Clock()
    throttle = auth.Throttle(clock=clock)
    checks_at = []
    for second in range(3600):
        clock.now = 1000.0 + second
        wait = throttle.book(f"addr{second}")
        if wait is not None:
            checks_at.append(clock.now + wait)
            throttle.record(f"addr{second}", success=False)
    per_minute = [sum(1 for at in checks_at if 1000 + 60 * m <= at < 1060 + 60 * m) for m in range(60)]
    assert max(per_minute) <= 5 + 5  # the 5 free ones, then one every 12 s
    assert max(per_minute[2:]) == 5
    assert len(checks_at) == 5 + (max(checks_at) - 1004) / 12  # the free ones, then a slot every 12 s


def test_a_right_password_clears_its_address_and_is_not_counted_as_a_guess():
    throttle = auth.Throttle(clock=Clock(), free=2, spacing=12)
    assert throttle.book("reader") == 0
    throttle.record("reader", success=True)
    assert throttle.book("reader") == 0 and throttle.book("other") == 0  # one booking left the count
    assert throttle.book("third") == 12


def test_attempts_are_forgotten_after_the_window_so_memory_stays_bounded():
    clock = Clock()
    throttle = auth.Throttle(clock=clock, window=600, free=0, spacing=0.01, max_wait=10**6)
    for i in range(500):
        throttle.book(f"s{i}")
    clock.now += 601 + 500 * 0.01
    assert throttle.book("s1") == 0
    assert list(throttle._attempts) == ["s1"] and len(throttle._recent) == 1


# --- the command ------------------------------------------------------------------------

def hash_command(password: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsdash", "hash-password", "--stdin"], input=password + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_the_command_prints_a_hash_that_verifies():
    result = hash_command(PASSWORD)
    assert result.returncode == 0
    encoded = result.stdout.strip()
    assert encoded.startswith("scrypt$16384$8$1$")
    assert auth.verify_password(PASSWORD, auth.parse_hash(encoded))
    assert "[dashboard] password_hash" in result.stderr and auth.ENV_VAR in result.stderr


def test_the_command_refuses_a_short_password():
    result = hash_command("short")
    assert result.returncode == 1 and not result.stdout
    assert "at least 10 characters" in result.stderr


# --- the gate in the app ----------------------------------------------------------------

@pytest.fixture
def gated(monkeypatch):
    import streamlit as st

    monkeypatch.setenv(auth.ENV_VAR, ENCODED)
    st.cache_resource.clear()
    auth.BRAKE.reset()  # a fresh brake: failures of other tests do not count
    yield
    auth.BRAKE.reset()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input[0].input(password)
    at.button[0].click()
    return at.run()


def shows_data(at: AppTest) -> bool:
    return bool(at.metric) or any("Rudenko" in e.value for e in at.caption)


def test_without_a_configured_hash_there_is_no_gate(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.text_input and shows_data(at)


def test_a_wrong_password_shows_an_error_and_no_data(gated):
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert at.title[0].value == "This dashboard is shared with a password"
    assert not shows_data(at)
    sign_in(at, "guess")
    assert not at.exception
    assert [e.value for e in at.error] == ["Wrong password."]
    assert not shows_data(at)


def test_the_right_password_opens_the_overview(gated):
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    sign_in(at, "guess")  # one failure first: the next check waits 1 s
    sign_in(at, PASSWORD)
    assert auth.BRAKE._attempts == {}  # the right password cleared this address
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Buildings inspected"] == "1,937 buildings"
    at.run()  # still signed in on the next rerun
    assert at.metric


def test_the_hash_may_come_from_streamlit_secrets(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["auth"] = {"password_hash": ENCODED}
    at.run()
    assert not shows_data(at)
    sign_in(at, PASSWORD)
    assert at.metric


def test_a_misconfigured_hash_lets_nobody_in(monkeypatch):
    monkeypatch.setenv(auth.ENV_VAR, "hunter2")
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception and not shows_data(at) and not at.text_input
    assert at.error[0].value.startswith("The password gate is misconfigured, so nobody can sign in:")


def test_arabic_sign_in(gated):
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = "ar"
    at.run()
    assert at.title[0].value == "هذه اللوحة مشتركة بكلمة مرور"
    sign_in(at, "خطأ")
    assert at.error[0].value == "كلمة المرور غير صحيحة."


@pytest.mark.browser
def test_in_a_browser_every_url_shows_the_sign_in_form_first(page, monkeypatch):
    """A sub-page link opened directly must not get past the gate either."""
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)
    proc, url = start_app()
    try:
        page.goto(f"{url}/demining?lang=en")
        page.wait_for_selector('input[type="password"]', timeout=30_000)
        page.wait_for_timeout(500)
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[data-testid="stMetricValue"]').count() == 0
        assert "1,937" not in page.inner_text("body")
        page.fill('input[type="password"]', PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_selector('[data-testid="stMetricValue"]', timeout=30_000)
        assert page.locator('[data-testid="stMain"] h1').inner_text() == "Demining progress"  # the linked page
        assert "1,937" in page.inner_text('[data-testid="stMain"]')
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_page_run_without_the_entry_script_gets_no_data(gated):
    """AppTest's switch_page before any run runs the page file alone, as Streamlit's
    legacy pages mode can on a fresh server: the data itself must stay locked."""
    for page in ("pages/overview.py", "pages/demining.py", "pages/data_method.py", "pages/original_text.py"):
        at = AppTest.from_file(DASHBOARD, default_timeout=60)
        at.switch_page(page)
        at.run()
        assert not at.exception
        assert not shows_data(at) and not at.get("plotly_chart") and not at.dataframe, page


def test_a_refused_attempt_says_so_and_checks_nothing(gated, monkeypatch):
    monkeypatch.setattr(auth, "BRAKE", auth.Throttle(free=0, spacing=100, max_wait=10))
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    sign_in(at, "guess")
    assert [e.value for e in at.error] == ["Wrong password."]
    checked = []
    monkeypatch.setattr(auth, "verify_password", lambda *args: checked.append(args) or True)
    sign_in(at, PASSWORD)
    assert [e.value for e in at.error] == ["Too many sign-in attempts right now. Try again in a minute."]
    assert checked == [] and not shows_data(at)
