"""Streamlit's own doors, closed by the password gate too (checked on Streamlit 1.67.0).

Streamlit answers some requests itself, for any client, before any code of ours runs:
- the websocket message `clear_cache` (AppSession._handle_clear_cache_request) empties
  every st.cache_* of the server process, from a session that never signed in;
- `/media/<id>` (download buttons' files) answers a plain GET that knows the id, with no
  cookie and for as long as the file is kept; a deferred download (DeferredFileHandler)
  runs for any session that names its placeholder id;
- `/_stcore/metrics` lists cache names and hit counts;
- `/_stcore/upload_file/<session>/...` takes files for any open session, signed in or not.

Streamlit has no hook for these, so this module patches them, once, when it is first
imported (newsdash.app.gate imports it: a server process is guarded from its first page run on;
before that it holds no file to serve and no cache to clear):
- clear_cache is ignored for a session that has not signed in while a password is set;
- a media file answers only while a grant for it is live: a file drawn on a page for as
  long as PAGE_FILE_SECONDS, a deferred download for DOWNLOAD_SECONDS after the click,
  and only while the session that asked is open. With a password set, also only to the
  browser of that session (the token in its `_streamlit_xsrf` cookie, which the browser
  sends with its same-origin GETs; so server.enableXsrfProtection must stay on) and only
  while that session is signed in;
- a deferred download runs only for the session that was offered it (and signed in);
- `/_stcore/metrics` answers 404;
- an upload is taken only for a signed-in session (while a password is set).
It also remembers the browsers that gave the password (`Browsers`), so that a reload or
a new tab, each a new Streamlit session, is not asked again for a bounded time.
The decisions are the pure methods of `Doors`; tests/test_guard.py fails when Streamlit's
version or any internal patched here changes (check again, then raise CHECKED_ON).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from newsdash import caches
from newsdash.app import auth

CHECKED_ON = "1.67.0"
DOWNLOAD_ENV = "DASHBOARD_DOWNLOAD_SECONDS"


def _download_seconds(environ: dict | None = None) -> float:
    """How long a clicked download's file answers: 60 s (long enough for the browser to
    fetch it, even the press kit), or DASHBOARD_DOWNLOAD_SECONDS between 1 and 3600."""
    return auth.setting_seconds(DOWNLOAD_ENV, 60.0, 1.0, 3600.0, environ)


DOWNLOAD_SECONDS = _download_seconds()
PAGE_FILE_SECONDS = 3600.0  # a file drawn on a page (renewed at every rerun that draws it)
NOT_YET_KNOWN = object()  # no page run has said yet whether a password is set: treated as set
_LOGGER = logging.getLogger(__name__)


@dataclass
class Doors:
    """Who signed in, which files each session may fetch, and the decisions on both."""

    clock: Callable[[], float] = time.monotonic
    alive: Callable[[str], bool] = lambda session: True  # noqa: E731 - replaced by install()
    password: object = NOT_YET_KNOWN  # the configured hash, None when there is none
    _signed_in: dict[str, tuple[str, bytes | None]] = field(default_factory=dict)  # session: (hash, browser)
    _grants: dict[str, dict[str, float]] = field(default_factory=dict)  # file id: {session: until}
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def gated(self) -> bool:
        return self.password is not None

    def note_run(self, session: str, encoded: str | None, signed_in: bool, browser: bytes | None) -> None:
        """What each page run knows: the configured hash and whether this session gave it."""
        with self._lock:
            self.password = encoded
            if encoded and signed_in:
                self._signed_in[session] = (encoded, browser)
            else:
                self._signed_in.pop(session, None)
            if len(self._signed_in) > 256:  # closed sessions never say goodbye: forget them
                self._signed_in = {s: v for s, v in self._signed_in.items() if self.alive(s)}

    def sign_out(self, session: str) -> None:
        with self._lock:
            self._signed_in.pop(session, None)

    def is_signed_in(self, session: str) -> bool:
        entry = self._signed_in.get(session)
        return not self.gated or (entry is not None and entry[0] == self.password)

    def may_clear_cache(self, session: str) -> bool:
        return self.is_signed_in(session)

    def grant(self, file_id: str, session: str, seconds: float) -> None:
        with self._lock:
            now = self.clock()
            sessions = self._grants.setdefault(file_id, {})
            sessions[session] = max(sessions.get(session, 0.0), now + seconds)
            if len(self._grants) > 512:
                self._forget_expired(now)

    def may_fetch(self, file_id: str, browser: bytes | None) -> bool:
        """True when a live grant lets this request have the file."""
        now = self.clock()
        with self._lock:  # a snapshot: grants change on script threads meanwhile
            grants = list(self._grants.get(file_id, {}).items())
        for session, until in grants:
            if until < now or not self.alive(session):
                continue
            if not self.gated:
                return True
            entry = self._signed_in.get(session)
            if (entry and entry[0] == self.password and entry[1] and browser
                    and hmac.compare_digest(entry[1], browser)):
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


SIGN_IN_ENV = "DASHBOARD_SIGN_IN_HOURS"
MIN_TOKEN_BYTES = 16  # Streamlit's tokens are 16 random bytes; a shorter one was made up


def _sign_in_hours(environ: dict | None = None) -> float:
    """How long a browser stays signed in after giving the password: 12 h, or
    DASHBOARD_SIGN_IN_HOURS between 0 (every new page asks again) and 168 (a week)."""
    return auth.setting_seconds(SIGN_IN_ENV, 12.0, 0.0, 168.0, environ)


@dataclass
class Browsers:
    """Browsers that gave the password, so that a reload or a new tab does not ask again.

    A Streamlit session lives only as long as its page; the browser's `_streamlit_xsrf`
    cookie (a session cookie holding 16 random bytes, kept by Streamlit across reloads)
    outlives it. A browser is remembered by a hash of that token (the token itself is not
    kept), with the password hash it signed in with and when: for `hours` after the
    sign-in, not renewed by use, and only while that hash stays configured (a changed
    hash forgets everyone, even if the old one comes back). At most `cap` browsers: the
    oldest sign-in goes first. Module state, per server process: no client message
    reaches it (unlike st.cache_*), and another process does not know these browsers.
    """

    hours: float = field(default_factory=_sign_in_hours)
    cap: int = 1000
    clock: Callable[[], float] = time.monotonic
    _known: dict[bytes, float] = field(default_factory=dict)  # sha256(token): signed in at
    _password: str | None = None  # the hash every remembered browser gave
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def remember(self, token: bytes | None, encoded: str) -> None:
        """After the right password: this browser is signed in from now on."""
        if not encoded or not self._usable(token):
            return
        with self._lock:
            self._same_password(encoded)
            key = hashlib.sha256(token).digest()
            self._known.pop(key, None)  # a new sign-in goes to the end: the newest
            self._known[key] = self.clock()
            if len(self._known) > self.cap:
                self._forget_expired()
            while len(self._known) > self.cap:
                del self._known[next(iter(self._known))]

    def knows(self, token: bytes | None, encoded: str | None) -> bool:
        """True when this browser signed in with this hash less than `hours` ago."""
        if not encoded or not self._usable(token):
            return False
        with self._lock:
            self._same_password(encoded)
            since = self._known.get(hashlib.sha256(token).digest())
            return since is not None and self.clock() - since < self.hours * 3600

    def forget(self, token: bytes | None) -> None:
        if self._usable(token):
            with self._lock:
                self._known.pop(hashlib.sha256(token).digest(), None)

    @staticmethod
    def _usable(token: bytes | None) -> bool:
        return isinstance(token, bytes) and len(token) >= MIN_TOKEN_BYTES

    def _same_password(self, encoded: str) -> None:
        if self._password is None or not hmac.compare_digest(self._password.encode(), encoded.encode()):
            self._known.clear()  # a changed hash signs every browser out
            self._password = encoded

    def _forget_expired(self) -> None:
        cutoff = self.clock() - self.hours * 3600
        self._known = {key: since for key, since in self._known.items() if since > cutoff}


BROWSERS = Browsers()  # the process's remembered browsers


def browser_token(cookie: str | None) -> bytes | None:
    """The token inside Streamlit's XSRF cookie: the same for every request of a browser
    (its mask changes each time the cookie is set again), different between browsers."""
    from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

    if not isinstance(cookie, str):
        return None
    token, _ = decode_xsrf_token_string(cookie)
    return token or None


def this_browser() -> bytes | None:
    """The token of the browser the current page run answers (st.context's copy of its
    cookies, under the name Streamlit gives its XSRF cookie)."""
    import streamlit as st
    from streamlit.web.server.starlette.starlette_server_config import XSRF_COOKIE_NAME

    return browser_token(st.context.cookies.get(XSRF_COOKIE_NAME))


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
        _guard_clear_cache()
        _guard_media_files()
        _guard_deferred_downloads()
        _guard_http_routes()
        _installed = True


def _guard_clear_cache() -> None:
    from streamlit.runtime.app_session import AppSession

    original = AppSession._handle_clear_cache_request

    def clear_cache_if_signed_in(self) -> None:  # noqa: ANN001
        if not DOORS.may_clear_cache(self.id):
            _LOGGER.warning("clear_cache ignored: the session has not signed in")
            return
        DOORS.sign_out(self.id)  # Streamlit clears this session's state, its sign-in with it
        original(self)

    clear_cache_if_signed_in.guarded = True
    AppSession._handle_clear_cache_request = clear_cache_if_signed_in


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
    """A deferred download runs only for the session it was offered to, signed in."""
    from streamlit.proto.ForwardMsg_pb2 import BackendOperationResponse
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    original = DeferredFileHandler.handle

    async def handle_for_its_session(self, request, session_id: str):  # noqa: ANN001, ANN202
        entry = self._get_media_file_mgr()._deferred_callables.get(request.deferred_file.file_id)
        if not entry or entry["session_id"] != session_id or not DOORS.is_signed_in(session_id):
            _LOGGER.warning("deferred download refused: not this session's, or not signed in")
            return BackendOperationResponse(request_id=request.request_id,
                                            error_msg="Failed to generate file for download")
        response = await original(self, request, session_id)
        if url := response.deferred_file.url:
            DOORS.grant(file_id_of(url), session_id, DOWNLOAD_SECONDS)
        return response

    handle_for_its_session.guarded = True
    DeferredFileHandler.handle = handle_for_its_session


def _guard_http_routes() -> None:
    """Starlette looks `__call__` up on the class at every request, so wrapping it here
    reaches the app Streamlit built at start: a middleware added after the start."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse

    original = Starlette.__call__

    async def guarded_call(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] == "http" and not _http_allowed(scope, Request):
            response = PlainTextResponse("Not found", status_code=404, headers={"Cache-Control": "no-store"})
            await response(scope, receive, send)
            return
        await original(self, scope, receive, send)

    guarded_call.guarded = True
    Starlette.__call__ = guarded_call


_route_patterns: dict[str, tuple] = {}
caches.owns("app.guard:_route_patterns", _route_patterns.clear)


def _routes() -> tuple:
    """Streamlit's own patterns for its media and metrics routes under the base path."""
    from starlette.routing import compile_path
    from streamlit import config
    from streamlit.web.server.starlette import starlette_routes as routes

    base = config.get_option("server.baseUrlPath") or ""
    if base not in _route_patterns:
        media = compile_path(routes._with_base(routes._ROUTE_MEDIA, base))[0]
        metrics = compile_path(routes._with_base(routes.ROUTE_METRICS, base))[0]
        upload = compile_path(routes._with_base(routes._ROUTE_UPLOAD_FILE, base))[0]
        _route_patterns[base] = (media, metrics, upload)
    return _route_patterns[base]


def _http_allowed(scope: dict, request_type: type) -> bool:
    from streamlit.web.server.starlette.starlette_server_config import XSRF_COOKIE_NAME

    media, metrics, upload = _routes()
    path = scope.get("path", "")
    if metrics.match(path):
        return False
    if found := upload.match(path):
        return DOORS.is_signed_in(found["session_id"])
    if found := media.match(path):
        cookie = request_type(scope).cookies.get(XSRF_COOKIE_NAME)
        return DOORS.may_fetch(os.path.splitext(found["file_id"])[0], browser_token(cookie))  # as the storage reads it
    return True


install()
