"""A password check under the process's sign-in brake (newsdash.app.auth.BRAKE), for
every password form: the reader's (newsdash.app.gate) and the editors' (newsdash.app.editors),
so guesses add up whichever form they go to."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from newsdash.app import auth
from newsdash.reading.i18n import t

Answer = TypeVar("Answer")


def checked_under_brake(address: str, check: Callable[[], Answer], lang: str) -> Answer | None:
    """Wait for the slot the brake books for this address, then check (the wait blocks this
    session only); None when the brake refuses: nothing is checked at all."""
    wait = auth.BRAKE.book(address)
    if wait is None:
        return None
    if wait:
        with st.spinner(t("checking_password", lang)):
            time.sleep(wait)
    answer = check()
    auth.BRAKE.record(address, bool(answer))
    return answer
