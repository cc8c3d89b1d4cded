"""The password gate: the sign-in form, a browser remembered after sign-in, and sign out.

Pure logic (hashes, the brake) lives in newsdash.app.auth; what is checked outside any
page run (downloads, cache clearing) in newsdash.app.guard.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from newsdash.app import auth, brake, editors, guard, run_context
from newsdash.app.memo import once_per_run
from newsdash.data import corpus as corpus_mod
from newsdash.reading.i18n import t


def _configured_hash() -> str | None:
    # once per run: Streamlit reads and parses secrets.toml again at every st.secrets call
    return once_per_run(("password hash",), _configured_hash_now)[0]


def _hash_in_old_place() -> bool:
    """The hash came from [auth] password_hash, the section Streamlit keeps for st.login."""
    return once_per_run(("password hash",), _configured_hash_now)[1]


def _configured_hash_now() -> tuple[str | None, bool]:
    return auth.hash_from_secrets(st.secrets if st.secrets.load_if_toml_exists() else None)


def require_sign_in() -> None:
    """Stop a run that has no right to the data. The gate in dashboard.py is the front
    door; this is the lock on the data itself, for a page run without the entry script
    (Streamlit's legacy pages mode on a freshly started server can do that)."""
    encoded = _configured_hash()
    if encoded and not _signed_in(encoded):
        st.stop()


def password_gate(lang: str) -> None:
    """When a password hash is configured, stop here until this session has given the
    password. The sign-in form is then the only page, whatever the URL asks for."""
    encoded = _configured_hash()
    signed_in = bool(encoded) and _signed_in(encoded)
    _tell_the_guard(encoded, signed_in)
    if signed_in:
        _signed_in_sidebar(lang)
    if not encoded or signed_in:
        return  # a changed hash signs every session out
    form = partial(_sign_in_page, encoded, lang)
    # the form under every page's own address: a shared link (/demining?lang=ar) shows the
    # form, not "page not found", and after sign-in the rerun opens the page it names
    pages = [st.Page(form, title=t("login_title", lang), url_path="sign-in", default=True)]
    pages += [st.Page(form, title=t("login_title", lang), url_path=stem) for stem in _page_stems()]
    st.navigation(pages, position="hidden").run()
    st.stop()


def _page_stems() -> list[str]:
    """The pages beside the entry script: the app folder, also when the package is installed
    elsewhere (newsdash serve --app-dir, the Docker image)."""
    entry = run_context.entry_script()
    folder = entry.parent if entry else corpus_mod.PROJECT_ROOT
    return sorted(p.stem for p in (folder / "pages").glob("*.py"))


def _signed_in(encoded: str) -> bool:
    """This session gave the password, or its browser did, recently, with this same hash
    (a reload or a new tab is a new session: guard.BROWSERS remembers the browser)."""
    if st.session_state.get("_signed_in_with") == encoded:
        return True
    if guard.BROWSERS.knows(_browser(), encoded):
        st.session_state["_signed_in_with"] = encoded
        return True
    return False


def _signed_in_sidebar(lang: str) -> None:
    """The way out, and for the editors a word when the hash sits in the old place."""
    st.sidebar.button(t("sign_out", lang), key="sign_out", icon=":material/logout:", on_click=_sign_out)
    if _hash_in_old_place():
        st.sidebar.warning(t("password_hash_old_place", lang))


def _sign_out() -> None:
    """Forget this session's sign-in and its browser (a reload would otherwise let it in
    again); the rerun that follows the click shows the form."""
    st.session_state.pop("_signed_in_with", None)
    guard.BROWSERS.forget(_browser())
    if session := run_context.session_id():
        guard.DOORS.sign_out(session)
    editors.sign_out()  # an editor signed in on this session is signed out with it


def _browser() -> bytes | None:
    return guard.this_browser()  # a seam: AppTest sends no cookie, tests give a token here


def _tell_the_guard(encoded: str | None, signed_in: bool) -> None:
    """Downloads and cache clearing are checked outside any page run (newsdash/app/guard.py):
    tell it whether a password is set, and this session's sign-in and browser."""
    if session := run_context.session_id():
        browser = _browser() if signed_in else None
        guard.DOORS.note_run(session, encoded, signed_in, browser)


def _sign_in_page(encoded: str, lang: str) -> None:
    st.title(t("login_title", lang))
    try:
        stored = auth.parse_hash(encoded)
    except auth.AuthConfigError as problem:  # fail closed: nobody is let in
        st.error(t("auth_misconfigured", lang).format(reason=problem))
        return
    with st.form("sign_in"):
        password = st.text_input(t("password", lang), type="password", max_chars=auth.MAX_PASSWORD_LENGTH)
        submitted = st.form_submit_button(t("sign_in", lang), type="primary")
    if not submitted:
        return
    verdict = _check_password(password, stored, lang)
    if verdict:
        st.session_state["_signed_in_with"] = encoded
        guard.BROWSERS.remember(_browser(), encoded)
        st.rerun()
    st.error(t("wrong_password" if verdict is False else "sign_in_busy", lang))


def _check_password(password: str, stored: auth.StoredHash, lang: str) -> bool | None:
    """The reader password checked under the brake; None when the brake refuses."""
    return brake.checked_under_brake(_client_address(), lambda: auth.verify_password(password, stored), lang)


def _client_address() -> str:
    """The reader's address for the brake. Streamlit's server (uvicorn) takes it from
    X-Forwarded-For only when the connection comes from loopback (the nginx of deploy/),
    and then the last address not on loopback, the one nginx added; Streamlit reports
    loopback itself as None."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "loopback"
