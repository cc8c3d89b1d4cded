"""The gate inside a page run: who this run's browser signed in as at the door, the lock on
the data when nobody did, and the way out.

The door itself (newsdash/app/door_asgi.py) stands in front of Streamlit: a browser without
a valid sign-in cookie never gets the websocket, so no page run starts for it. This is the
second lock, for what the door cannot see: a run whose cookie expired or was signed out
while its websocket stayed open, a page script run without the door (AppTest, or a server
started on a page script directly), Streamlit's legacy pages mode on a fresh server. It
reads the same cookie (st.context.cookies, the websocket's own) with the same checks.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlsplit

import streamlit as st

from newsdash.app import door, door_asgi, door_page, guard, identity, oidc, run_context
from newsdash.app.door_cookie import SIGN_IN_COOKIE, SignIn
from newsdash.app.memo import once_per_run
from newsdash.reading.i18n import t


def _cookies() -> dict[str, str]:
    """This run's cookies (a seam: AppTest sends none, the tests give a signed one here)."""
    return dict(st.context.cookies)


def current_sign_in() -> SignIn | None:
    """The valid sign-in of this run's browser, or None (once per run)."""
    return once_per_run(("door sign-in",), _sign_in_now)


def _sign_in_now() -> SignIn | None:
    config = door_asgi.current_config()
    if not door_asgi.anything_to_sign_in_with(config):
        return None  # and the browser's cookies are not read (a laptop's dashboard has no door)
    return door_asgi.signed_in(config, {SIGN_IN_COOKIE: _cookies().get(SIGN_IN_COOKIE, "")})


def current_identity() -> identity.Identity | None:
    found = current_sign_in()
    return found.identity if found else None


def sign_in_required() -> bool:
    return door_asgi.current_config().required(any(s.closes_the_door for s in identity.sources()))


def require_sign_in() -> None:
    """Stop a run that has no right to the data (called by the data state, newsdash.app.state)."""
    if sign_in_required() and current_sign_in() is None:
        st.stop()


def password_gate(lang: str) -> None:
    """In the entry script: note this run's browser for the guard, show who is signed in
    and the way out; when a sign-in is required and this browser has none, say where to
    sign in and stop."""
    found = current_sign_in()
    if session := run_context.session_id():
        guard.DOORS.note_run(session, found.id if found else None)
    if found is not None:
        _signed_in_sidebar(found.identity, lang)
        return
    if sign_in_required():
        _sign_in_elsewhere(lang)
        st.stop()


def sign_in_href(lang: str) -> str:
    """The door's sign-in form, coming back to this page afterwards."""
    config = door_asgi.current_config()
    target = f"{config.base}/"
    if url := _page_url():
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
    target = door.safe_next(target, config.base)
    return f"{config.base}/{door.SIGN_IN}?next={quote(target, safe='')}&lang={lang}"


def _page_url() -> str | None:
    try:
        return st.context.url
    except Exception:  # noqa: BLE001 - no browser URL (AppTest)
        return None


def _sign_in_elsewhere(lang: str) -> None:
    st.title(door_page.w("title", lang))
    st.markdown(f'<a href="{escape(sign_in_href(lang))}" target="_self">{escape(door_page.w("submit", lang))}</a>',
                unsafe_allow_html=True)


def _signed_in_sidebar(who: identity.Identity, lang: str) -> None:
    """Who is signed in, the way out (a form posting to the door's sign-out route), and for
    the editors a word when the hash sits in the old place."""
    config = door_asgi.current_config()
    if who.source == oidc.SOURCE:  # the newsroom's account: its name and its role here
        role = t("oidc_role_editor" if who.is_editor else "oidc_role_reader", lang)
        st.sidebar.caption(t("oidc_signed_in_as", lang).format(name=who.name, role=role))
    elif who.name:
        st.sidebar.caption(door_page.w("signed_in_as", lang).format(who=who.name))
    action = f"{config.base}/{door.SIGN_OUT}"
    st.sidebar.markdown(
        f'<form method="post" action="{escape(action)}" target="_self" class="newsdash-sign-out">'
        f'<input type="hidden" name="lang" value="{escape(lang)}">'
        f'<button type="submit" style="min-height:44px;padding:.25rem 1rem;font:inherit;cursor:pointer;'
        f'border:1px solid currentColor;border-radius:.5rem;background:transparent;color:inherit">'
        f'{escape(t("sign_out", lang))}</button></form>', unsafe_allow_html=True)
    if config.hash_in_old_place and who.source == identity.PASSWORD:
        st.sidebar.warning(t("password_hash_old_place", lang))
