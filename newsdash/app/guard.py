"""What the door (newsdash/app/door_asgi.py) cannot see from a request, checked where
Streamlit keeps it (Streamlit 1.67.0): which session a /media file belongs to, and uvicorn's
server header. Each is a patch of a private place, isolated here and pinned (CHECKED_ON,
UVICORN_CHECKED_ON); tests/test_guard.py fails when a patched place changes.

With the door in front, Streamlit's websocket, uploads, metrics and static files are closed
to a browser that has not signed in (so its `clear_cache` message, its uploads and the
metrics need nothing here any more). What stays:
- a file a page draws (a download button's bytes) is stored by Streamlit under `/media/<id>`
  and answered to any GET that knows the id, for as long as the file is kept; a deferred
  download runs for any session that names its placeholder id. No public API ties either to
  the session that asked, so: a media file answers only while a grant for it is live (a file
  drawn on a page for PAGE_FILE_SECONDS, a clicked download for DOWNLOAD_SECONDS) and only
  while the session that asked is open; behind a sign-in, only to the browser whose session
  asked (the id of its sign-in cookie, which every page run notes here); a deferred
  download runs only for the session it was offered to. The door asks `DOORS.may_fetch`.
- uvicorn adds `server: uvicorn` to every answer, and `streamlit run` gives no way to turn
  it off: `quiet_server_header()` turns it off on the uvicorn configuration that is
  importing the app (dashboard.py calls it as uvicorn imports it).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from newsdash.app import auth

CHECKED_ON = "1.67.0"
UVICORN_CHECKED_ON = "0.55.0"
DOWNLOAD_ENV = "DASHBOARD_DOWNLOAD_SECONDS"


def _download_seconds(environ: dict | None = None) -> float:
    """How long a clicked download's file answers: 60 s (long enough for the browser to
    fetch it, even the press kit), or DASHBOARD_DOWNLOAD_SECONDS between 1 and 3600."""
    return auth.setting_seconds(DOWNLOAD_ENV, 60.0, 1.0, 3600.0, environ)


DOWNLOAD_SECONDS = _download_seconds()
PAGE_FILE_SECONDS = 3600.0  # a file drawn on a page (renewed at every rerun that draws it)
_LOGGER = logging.getLogger(__name__)


@dataclass
class Doors:
    """Which files each session may fetch, and which browser (sign-in cookie id) each
    session belongs to: the decisions on /media files and deferred downloads."""

    clock: Callable[[], float] = time.monotonic
    alive: Callable[[str], bool] = lambda session: True  # noqa: E731 - replaced by install()
    _browsers: dict[str, str | None] = field(default_factory=dict)  # session: its sign-in cookie id
    _grants: dict[str, dict[str, float]] = field(default_factory=dict)  # file id: {session: until}
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def note_run(self, session: str, cookie_id: str | None) -> None:
        """What each page run knows: the id of the sign-in cookie its browser sent (None
        without a sign-in)."""
        with self._lock:
            self._browsers[session] = cookie_id
            if len(self._browsers) > 256:  # closed sessions never say goodbye: forget them
                self._browsers = {s: v for s, v in self._browsers.items() if self.alive(s)}

    def browser_of(self, session: str) -> str | None:
        return self._browsers.get(session)

    def grant(self, file_id: str, session: str, seconds: float) -> None:
        with self._lock:
            now = self.clock()
            sessions = self._grants.setdefault(file_id, {})
            sessions[session] = max(sessions.get(session, 0.0), now + seconds)
            if len(self._grants) > 512:
                self._forget_expired(now)

    def may_fetch(self, file_id: str, cookie_id: str | None, gated: bool) -> bool:
        """True when a live grant lets this request have the file: any request while no
        sign-in is required; behind a sign-in, only the browser of a session that asked."""
        now = self.clock()
        with self._lock:  # a snapshot: grants change on script threads meanwhile
            grants = list(self._grants.get(file_id, {}).items())
        for session, until in grants:
            if until < now or not self.alive(session):
                continue
            if not gated:
                return True
            if cookie_id is not None and self._browsers.get(session) == cookie_id:
                return True
        return False

    def _forget_expired(self, now: float) -> None:
        for file_id, sessions in list(self._grants.items()):
            live = {s: until for s, until in sessions.items() if until >= now}
            if live:
                self._grants[file_id] = live
            else:
                del self._grants[file_id]


DOORS = Doors()


def file_id_of(url_or_name: str) -> str:
    """'/media/<id>.csv' or '<id>.csv' -> '<id>', as Streamlit's storage reads it."""
    return os.path.splitext(url_or_name.rsplit("/", 1)[-1])[0]


# --- the patches ----------------------------------------------------------------------

_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Patch Streamlit once per process (idempotent)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        from streamlit import runtime

        DOORS.alive = lambda session: runtime.exists() and runtime.get_instance().is_active_session(session)
        _guard_media_files()
        _guard_deferred_downloads()
        _installed = True


def _current_session() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx else None


def _guard_media_files() -> None:
    """A file a page draws (st.download_button with bytes) is granted to that session."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    original = MediaFileManager.add

    def add_and_grant(self, *args, **kwargs) -> str:  # noqa: ANN001, ANN002, ANN003
        url = original(self, *args, **kwargs)
        if session := _current_session():
            DOORS.grant(file_id_of(url), session, PAGE_FILE_SECONDS)
        return url

    add_and_grant.guarded = True
    MediaFileManager.add = add_and_grant


def _guard_deferred_downloads() -> None:
    """A deferred download runs only for the session it was offered to."""
    from streamlit.proto.ForwardMsg_pb2 import BackendOperationResponse
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    original = DeferredFileHandler.handle

    async def handle_for_its_session(self, request, session_id: str):  # noqa: ANN001, ANN202
        entry = self._get_media_file_mgr()._deferred_callables.get(request.deferred_file.file_id)
        if not entry or entry["session_id"] != session_id:
            _LOGGER.warning("deferred download refused: not this session's")
            return BackendOperationResponse(request_id=request.request_id,
                                            error_msg="Failed to generate file for download")
        response = await original(self, request, session_id)
        if url := response.deferred_file.url:
            DOORS.grant(file_id_of(url), session_id, DOWNLOAD_SECONDS)
        return response

    handle_for_its_session.guarded = True
    DeferredFileHandler.handle = handle_for_its_session



def quiet_server_header() -> bool:
    """Turn uvicorn's `server: uvicorn` header off, from within the import of the app that
    uvicorn's Config.load is running (`streamlit run` builds that Config with no way to
    pass server_header=False). True when a loading uvicorn Config was found and changed;
    outside uvicorn (AppTest, tools) nothing happens."""
    from uvicorn.config import Config

    frame = sys._getframe(1)
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, Config):
            candidate.server_header = False
            # the headers were encoded before the app was imported; the server's loop
            # copies this list into every answer's default headers
            candidate.encoded_headers = [(k, v) for k, v in candidate.encoded_headers if k != b"server"]
            return True
        frame = frame.f_back
    return False


install()
