"""Signing out (a form in the sidebar posting to the door's sign-out route), and where the
password hash is configured ([dashboard], not Streamlit's [auth])."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app import auth
from tests.conftest import DASHBOARD
from tests.doorclient import browser_signed_in
from tests.test_auth import ENCODED, PASSWORD, shows_data

OTHER = auth.hash_password("another long password", salt=b"fedcba9876543210")


@pytest.fixture
def gated(monkeypatch, tmp_path):
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)
    monkeypatch.setenv("DASHBOARD_STATE_DIR", str(tmp_path / "state"))


def test_a_signed_in_reader_sees_sign_out_posting_to_the_door(gated, monkeypatch):
    browser_signed_in(monkeypatch)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert shows_data(at)
    [form] = [m.value for m in at.sidebar.markdown if "sign-out" in m.value]
    assert '<form method="post" action="/sign-out"' in form and ">Sign out</button>" in form


def test_the_new_texts_are_in_both_languages():
    from newsdash.reading.i18n import t

    assert t("sign_out", "ar") == "تسجيل الخروج"
    assert "[dashboard]" in t("password_hash_old_place", "ar") and "[auth]" in t("password_hash_old_place", "ar")


def test_without_a_password_there_is_no_sign_out(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert shows_data(at) and not [m for m in at.sidebar.markdown if "sign-out" in m.value]


# --- where the hash is read ----------------------------------------------------------------

def test_the_dashboard_section_comes_first_then_the_old_place_then_the_environment():
    env = {auth.ENV_VAR: OTHER}
    assert auth.hash_from_secrets({"dashboard": {"password_hash": ENCODED}, "auth": {"password_hash": OTHER}},
                                  env) == (ENCODED, False)
    assert auth.hash_from_secrets({"auth": {"password_hash": ENCODED}}, env) == (ENCODED, True)
    assert auth.hash_from_secrets({"auth": {"client_id": "x"}}, env) == (OTHER, False)  # st.login's own keys
    assert auth.hash_from_secrets(None, env) == (OTHER, False)
    assert auth.hash_from_secrets({"dashboard": {"password_hash": " "}}, {}) == (None, False)


def signed_in_with_secrets(monkeypatch, tmp_path, section: str) -> AppTest:  # noqa: ANN001
    """A browser signed in with the hash configured in this section of secrets.toml (the
    door's cookie is minted under the same secrets: AppTest's are set for its runs only)."""
    monkeypatch.setenv("DASHBOARD_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)  # the same hash: the same generation in the cookie
    browser_signed_in(monkeypatch)
    monkeypatch.delenv(auth.ENV_VAR)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets[section] = {"password_hash": ENCODED}
    return at.run()


def test_the_hash_in_the_dashboard_section_opens_without_a_warning(monkeypatch, tmp_path):
    at = signed_in_with_secrets(monkeypatch, tmp_path, "dashboard")
    assert shows_data(at) and not at.sidebar.warning


def test_the_old_auth_section_still_works_and_tells_editors_to_move_it(monkeypatch, tmp_path):
    at = signed_in_with_secrets(monkeypatch, tmp_path, "auth")
    assert shows_data(at)
    assert [w.value for w in at.sidebar.warning] == [
        "Editors: move password_hash from [auth] to [dashboard] in secrets.toml "
        "(Streamlit keeps [auth] for its own sign-in)."]


@pytest.mark.browser
def test_in_a_browser_sign_out_then_reload_shows_the_form(page, gated_url):
    url = gated_url
    context = page.context
    page.goto(f"{url}/?lang=en")
    page.fill('input[type="password"]', PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_selector('input[type="password"]', timeout=60_000)
    assert "/sign-in" in page.url
    page.goto(f"{url}/?lang=en")
    page.wait_for_selector('input[type="password"]', timeout=60_000)
    assert page.locator('[data-testid="stMetricValue"]').count() == 0
    assert not [c for c in context.cookies() if c["name"] == "newsdash_sign_in"]
