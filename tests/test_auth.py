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
from tests.conftest import DASHBOARD, ROOT
from tests.doorclient import browser_signed_in

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
# (the sign-in form itself is the door's: tests/test_door.py, tests/test_door_server.py)

@pytest.fixture
def gated(monkeypatch, tmp_path):
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)
    monkeypatch.setenv("DASHBOARD_STATE_DIR", str(tmp_path / "state"))


def shows_data(at: AppTest) -> bool:
    return bool(at.metric) or any("Rudenko" in e.value for e in at.caption)


def test_without_a_configured_hash_there_is_no_gate(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.text_input and shows_data(at)


def test_without_a_sign_in_the_page_says_where_to_sign_in_and_shows_no_data(gated):
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert not shows_data(at) and not at.exception
    assert '/sign-in?next=%2F&amp;lang=en"' in at.markdown[0].value


def test_a_browser_signed_in_at_the_door_sees_the_overview(gated, monkeypatch):
    browser_signed_in(monkeypatch)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Buildings inspected"] == "1,937 buildings"
    at.run()  # still signed in on the next rerun
    assert at.metric


def test_a_changed_hash_signs_the_browser_out(gated, monkeypatch):
    browser_signed_in(monkeypatch)
    monkeypatch.setenv(auth.ENV_VAR, auth.hash_password("a new shared password"))
    assert not shows_data(AppTest.from_file(DASHBOARD, default_timeout=60).run())


def test_the_hash_may_come_from_streamlit_secrets(monkeypatch, tmp_path):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    monkeypatch.setenv("DASHBOARD_STATE_DIR", str(tmp_path / "state"))
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["auth"] = {"password_hash": ENCODED}
    at.run()
    assert not shows_data(at)


@pytest.mark.browser
def test_in_a_browser_every_url_shows_the_sign_in_form_first(page, gated_url):
    """A sub-page link opened directly must not get past the door either; after signing in
    the browser is on the page it asked for, in the language it asked for."""
    url = gated_url
    page.goto(f"{url}/demining?lang=en")
    page.wait_for_selector('input[type="password"]', timeout=30_000)
    assert page.url == f"{url}/sign-in?next=%2Fdemining%3Flang%3Den"
    assert "1,937" not in page.inner_text("body")
    page.fill('input[type="password"]', PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    assert page.url.startswith(f"{url}/demining")  # (the app may drop lang=en, its default, from the URL)
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Demining progress"  # the linked page
    assert "1,937" in page.inner_text('[data-testid="stMain"]')
    assert all(c["httpOnly"] for c in page.context.cookies() if c["name"].startswith("newsdash_"))


def test_a_page_run_without_the_entry_script_gets_no_data(gated):
    """AppTest's switch_page before any run runs the page file alone, as Streamlit's
    legacy pages mode can on a fresh server: the data itself must stay locked."""
    for page in ("pages/overview.py", "pages/demining.py", "pages/data_method.py", "pages/original_text.py"):
        at = AppTest.from_file(DASHBOARD, default_timeout=60)
        at.switch_page(page)
        at.run()
        assert not at.exception
        assert not shows_data(at) and not at.get("plotly_chart") and not at.dataframe, page
