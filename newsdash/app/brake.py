"""A password check made inside a page run (the editors' form on a page, newsdash.app.editors)
under the same brake as the door's sign-in form: the shared record every replica reads
(newsdash/app/signin_store.py), so guesses add up whichever form they go to."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from newsdash.app import door, door_asgi, door_cookie
from newsdash.app.signin_store import StoreUnavailable

Answer = TypeVar("Answer")


def checked_under_brake(account: str, encoded: str | None, check: Callable[[], Answer]) -> tuple[Answer | None, float]:
    """(the check's answer, 0) when the brake gave this attempt a slot; (None, seconds to
    wait) when it refused: nothing was checked at all."""
    config = door_asgi.current_config()
    known = door_cookie.read_known_browser(st.context.cookies.get(door_cookie.KNOWN_BROWSER_COOKIE), config.secret,
                                           time.time(), account, door_cookie.generation(encoded) if encoded else None)
    address = st.context.ip_address if isinstance(st.context.ip_address, str) else "loopback"
    store = door_asgi.store_for(config)
    try:
        booking = store.book(account, address, known)
    except StoreUnavailable:
        return None, config.spacing
    if not booking.granted:
        return None, booking.retry_after
    answer = check()
    store.record(booking, bool(answer))
    return answer, 0.0


def account_of(name: str, accounts: dict[str, str]) -> str:
    return door.account_key(name, accounts)
