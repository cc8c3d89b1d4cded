"""Who the editor of this session is, and the form where an editor signs in as themselves.

The identity is decided on the server, per Streamlit session, and never read from a
widget or from session_state (a client can send any widget value, a forged websocket
message included): an editor account's name once its password was checked here
(newsdash.app.auth: named hashes in secrets), or the one local editor of a machine
where editing was turned on explicitly, for a browser on that machine only. Every save,
approval and refusal asks `current_editor()` at the moment it acts, and
newsdash.curation.review refuses an action without one.

An editor who signed in at the door (newsdash/app/door_asgi.py: a name and password at the
sign-in form, or an identity source such as OpenID Connect whose role says editor) is that
editor here too: `current_editor` reads the door's signed cookie first. A reader who signed
in with the shared password may still sign in as an editor on a page (the form below), for
that session only.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field

import streamlit as st

from newsdash.app import auth, brake, door_page, gate, oidc, run_context
from newsdash.app.memo import once_per_run
from newsdash.reading.i18n import t


@dataclass
class EditorSessions:
    """The editor each open session signed in as, with the hash they gave (a changed or
    removed account signs its sessions out) and a random ticket the session keeps in
    its own state: both must match. Module state, out of every client's reach (unlike
    widget values and Streamlit's caches); the ticket also ties the sign-in to that
    session's state, which Streamlit clears with it."""

    _by_session: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def sign_in(self, session: str, name: str, encoded: str) -> str:
        """Sign this session in as this editor; the ticket for the session to keep."""
        ticket = secrets.token_urlsafe(24)
        with self._lock:
            self._by_session[session] = (name, encoded, ticket)
            if len(self._by_session) > 512:  # closed sessions never say goodbye
                self._forget_closed()
        return ticket

    def sign_out(self, session: str) -> None:
        with self._lock:
            self._by_session.pop(session, None)

    def editor(self, session: str, ticket: object, accounts: dict[str, str]) -> str | None:
        entry = self._by_session.get(session)
        if (entry and isinstance(ticket, str) and hmac.compare_digest(entry[2], ticket)
                and accounts.get(entry[0]) == entry[1]):
            return entry[0]
        return None

    def _forget_closed(self) -> None:
        self._by_session = {s: v for s, v in self._by_session.items() if not run_context.is_closed(s)}


SESSIONS = EditorSessions()
TICKET = "_editor_ticket"


@dataclass(frozen=True)
class Setup:
    accounts: dict[str, str]  # name: hash
    local: str | None  # the local editor's name, when editing is on for this machine


def setup() -> Setup:
    return once_per_run(("editors",), _setup_now)


def _setup_now() -> Setup:
    secrets = st.secrets if st.secrets.load_if_toml_exists() else None
    return Setup(auth.editor_hashes(secrets), auth.local_editor(secrets))


def _session_id() -> str | None:
    return run_context.session_id()


def _on_this_machine() -> bool:
    """The browser runs where the server does: Streamlit reports a loopback client as no
    address (behind a proxy on the same machine, the address the proxy forwarded)."""
    return not st.context.ip_address


def current_editor() -> str | None:
    """The editor this session acts as, or None: a reader."""
    config = setup()
    door_identity = gate.current_identity()
    if door_identity is not None and door_identity.is_editor and door_identity.name:
        return door_identity.name  # signed in at the door as this editor (its cookie is checked there)
    if config.accounts:  # accounts set: only a signed-in account edits, never the local name
        session = _session_id()
        return SESSIONS.editor(session, st.session_state.get(TICKET), config.accounts) if session else None
    if config.local and _on_this_machine():
        return config.local
    return None


def _signed_in_at_the_door(editor: str | None) -> bool:
    found = gate.current_identity()
    return bool(editor) and found is not None and found.is_editor and found.name == editor


def _door_source() -> str | None:
    found = gate.current_identity()
    return found.source if found else None


def editor_panel(lang: str) -> str | None:
    """The editors' box of a page that writes: who is signed in (and a way out), the
    sign-in form, or how editing is turned on. The editor, or None."""
    config = setup()
    editor = current_editor()
    st.subheader(t("editor_heading", lang))
    at_the_door = _signed_in_at_the_door(editor)
    if editor and at_the_door and _door_source() == oidc.SOURCE:  # the newsroom's account, at its provider
        st.caption(t("editor_signed_in_provider", lang).format(name=editor))
    elif editor and (config.accounts or at_the_door):
        st.caption(t("editor_signed_in", lang).format(name=editor))
        if not at_the_door:  # the door's sign-in ends with the sidebar's Sign out
            st.button(t("editor_sign_out", lang), key="editor_sign_out", on_click=sign_out)
    elif editor:
        st.caption(t("editor_local", lang).format(name=editor))
    elif config.accounts:
        _sign_in_form(config.accounts, lang)
    elif config.local:
        st.info(t("editor_local_elsewhere", lang))
    else:
        st.info(t("editor_off", lang))
    return editor


def _sign_in_form(accounts: dict[str, str], lang: str) -> None:
    with st.form("editor_sign_in", enter_to_submit=True):
        name = st.text_input(t("editor_name", lang), key="editor_name", max_chars=auth.MAX_EDITOR_NAME)
        password = st.text_input(t("editor_password", lang), type="password", key="editor_password",
                                 max_chars=auth.MAX_PASSWORD_LENGTH)
        submitted = st.form_submit_button(t("editor_sign_in", lang))
    if not submitted:
        return
    verdict, wait = _check(name, password, accounts)
    if verdict is None:
        st.error(door_page.message("busy", lang, seconds=door_page.seconds_text(wait)))
    elif not verdict:
        st.error(t("editor_wrong", lang))
    else:
        st.session_state[TICKET] = SESSIONS.sign_in(_session_id() or "", verdict, accounts[verdict])
        st.rerun()


def _check(name: str, password: str, accounts: dict[str, str]) -> tuple[str | None | bool, float]:
    """(the editor's name, or False for a wrong pair, or None when the brake refuses the
    attempt; the seconds to wait then): the same brake as the door's form, every replica's."""
    found = auth.find_editor(name, accounts)
    return brake.checked_under_brake(brake.account_of(name, accounts), found[1] if found else None,
                                     lambda: auth.verify_editor(name, password, accounts) or False)


def sign_out() -> None:
    """This session acts as no editor any more (its own button, or the reader's Sign out)."""
    st.session_state.pop(TICKET, None)
    if session := _session_id():
        SESSIONS.sign_out(session)
