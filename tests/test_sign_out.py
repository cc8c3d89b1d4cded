"""Signing out, and where the password hash is configured ([dashboard], not Streamlit's [auth])."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app import auth, gate, guard
from tests.conftest import DASHBOARD, start_app
from tests.test_auth import ENCODED, PASSWORD, shows_data, sign_in

TOKEN = b"0123456789abcdef"  # a browser's `_streamlit_xsrf` token, as AppTest has no cookie
OTHER = auth.hash_password("another long password", salt=b"fedcba9876543210")


@pytest.fixture
def gated(monkeypatch):
    import streamlit as st

    monkeypatch.setenv(auth.ENV_VAR, ENCODED)
    monkeypatch.setattr(gate, "_browser", lambda: TOKEN)
    st.cache_resource.clear()
    auth.BRAKE.reset()
    guard.BROWSERS.forget(TOKEN)
    yield
    guard.BROWSERS.forget(TOKEN)
    auth.BRAKE.reset()


def signed_in_app() -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    sign_in(at, PASSWORD)
    assert shows_data(at)
    return at


def sign_out_button(at: AppTest):  # noqa: ANN201
    return next(b for b in at.sidebar.button if b.key == "sign_out")


def test_a_signed_in_reader_sees_sign_out_and_it_forgets_the_session_and_the_browser(gated):
    at = signed_in_app()
    assert sign_out_button(at).label == "Sign out"
    assert at.session_state["_signed_in_with"] == ENCODED and guard.BROWSERS.knows(TOKEN, ENCODED)
    sign_out_button(at).click()
    at.run()
    assert not at.exception and not shows_data(at)
    assert "_signed_in_with" not in at.session_state
    assert not guard.BROWSERS.knows(TOKEN, ENCODED)
    # (AppTest draws nothing in a run whose page the gate's navigation replaced; the form
    # after the click itself is checked in a browser below)


def test_after_signing_out_a_reload_shows_the_form(gated):
    stays = signed_in_app()
    assert shows_data(AppTest.from_file(DASHBOARD, default_timeout=60).run())  # a reload, not signed out
    sign_out_button(stays).click()
    stays.run()
    reload = AppTest.from_file(DASHBOARD, default_timeout=60).run()  # a new session, the same browser
    assert not shows_data(reload)
    assert reload.text_input[0].label == "Password"


def test_the_new_texts_are_in_both_languages():
    from newsdash.reading.i18n import t

    assert t("sign_out", "ar") == "تسجيل الخروج"
    assert "[dashboard]" in t("password_hash_old_place", "ar") and "[auth]" in t("password_hash_old_place", "ar")


def test_without_a_password_there_is_no_sign_out(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert shows_data(at) and not [b for b in at.sidebar.button if b.key == "sign_out"]


# --- where the hash is read ----------------------------------------------------------------

def test_the_dashboard_section_comes_first_then_the_old_place_then_the_environment():
    env = {auth.ENV_VAR: OTHER}
    assert auth.hash_from_secrets({"dashboard": {"password_hash": ENCODED}, "auth": {"password_hash": OTHER}},
                                  env) == (ENCODED, False)
    assert auth.hash_from_secrets({"auth": {"password_hash": ENCODED}}, env) == (ENCODED, True)
    assert auth.hash_from_secrets({"auth": {"client_id": "x"}}, env) == (OTHER, False)  # st.login's own keys
    assert auth.hash_from_secrets(None, env) == (OTHER, False)
    assert auth.hash_from_secrets({"dashboard": {"password_hash": " "}}, {}) == (None, False)


def test_the_hash_in_the_dashboard_section_opens_without_a_warning(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    auth.BRAKE.reset()
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["dashboard"] = {"password_hash": ENCODED}
    at.run()
    assert not shows_data(at)
    sign_in(at, PASSWORD)
    assert shows_data(at) and not at.sidebar.warning


def test_the_old_auth_section_still_works_and_tells_editors_to_move_it(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    auth.BRAKE.reset()
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["auth"] = {"password_hash": ENCODED}
    at.run()
    assert not shows_data(at) and not at.sidebar.warning  # nothing said before signing in
    sign_in(at, PASSWORD)
    assert shows_data(at)
    assert [w.value for w in at.sidebar.warning] == [
        "Editors: move password_hash from [auth] to [dashboard] in secrets.toml "
        "(Streamlit keeps [auth] for its own sign-in)."]


@pytest.mark.browser
def test_in_a_browser_sign_out_then_reload_shows_the_form(browser, monkeypatch):
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)
    proc, url = start_app()
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/?lang=en")
        page.fill('input[type="password"]', PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_selector('input[type="password"]', timeout=60_000)
        page.reload()
        page.wait_for_selector('input[type="password"]', timeout=60_000)
        page.wait_for_timeout(500)
        assert page.locator('[data-testid="stMetricValue"]').count() == 0
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_gate_knows_the_pages_of_the_app_folder_it_runs(tmp_path):
    """Installed as a package, newsdash is not beside the app: the sign-in form's addresses
    come from the folder of the entry script Streamlit runs."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "budget.py").write_text("", encoding="utf-8")
    (tmp_path / "pages" / "votes.py").write_text("", encoding="utf-8")
    (tmp_path / "app.py").write_text("import streamlit as st\nfrom newsdash.app import gate\n"
                                     "st.write(', '.join(gate._page_stems()))\n", encoding="utf-8")
    at = AppTest.from_file(str(tmp_path / "app.py"), default_timeout=30).run()
    assert [m.value for m in at.markdown] == ["budget, votes"]
