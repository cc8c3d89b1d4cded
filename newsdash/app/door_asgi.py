"""The door as Streamlit's public API takes it: an ASGI middleware and two routes for
`st.App(script, routes=door_routes(), middleware=door_middleware())` (dashboard.py).

The decisions are newsdash/app/door.py's pure functions; the cookies newsdash/app/door_cookie.py's;
the shared brake and sign-outs newsdash/app/signin_store.py's; identity sources (OpenID
Connect) plug in through newsdash/app/identity.py. This module reads the configuration
(Streamlit secrets, the environment, two Streamlit options) and turns decisions into answers:
- every request: the security headers (CSP with frame-ancestors, nosniff, Referrer-Policy,
  X-Frame-Options); a foreign Origin is taken off an HTTP request before Streamlit sees it
  (Streamlit would otherwise look the machine's public address up on the internet to
  compare), and refused on the websocket;
- without a valid sign-in where one is required: page addresses go to the sign-in form,
  everything else is refused, from the first request of the process;
- `<base>/sign-in` (GET the form, POST a password) and `<base>/sign-out` (GET a button, POST
  to sign out), each POST checked against the app's own origin.
"""

from __future__ import annotations

import logging
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from newsdash.app import auth, door, door_page, guard, identity
from newsdash.app.door_cookie import (
    KNOWN_BROWSER_COOKIE,
    SIGN_IN_COOKIE,
    generation,
    mint_known_browser,
    mint_sign_in,
    read_known_browser,
    read_sign_in,
)
from newsdash.app.signin_store import SignInStore, StoreUnavailable

_LOGGER = logging.getLogger("newsdash.door")
CONFIG_SECONDS = 2.0  # secrets.toml and the environment are read again after this long
MAX_FORM_BYTES = 8192
_config_lock = threading.Lock()
_config_cache: tuple[float, tuple | None] = (float("-inf"), None)
_warned_random_secret = False


# --- configuration ---------------------------------------------------------------------

def _read_config() -> door.DoorConfig:
    import os

    import streamlit as st
    from streamlit import config

    from newsdash.data.folders import data_dir

    try:
        secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else None
    except Exception:  # a broken secrets.toml: the environment alone (and the log says so)
        _LOGGER.exception("secrets.toml could not be read")
        secrets = None
    return door.config_from(secrets, os.environ, base_option=config.get_option("server.baseUrlPath"),
                            server_address=config.get_option("browser.serverAddress"), data_dir=data_dir())


_ENV_NAMES = (auth.ENV_VAR, auth.EDITORS_ENV, auth.SPACING_ENV, door.SECRET_ENV, door.REQUIRED_ENV, door.EMBED_ENV,
              door.SECURE_ENV, door.STATE_DIR_ENV, door.SIGN_IN_HOURS_ENV, "DASHBOARD_DATA_DIR")


def current_config() -> door.DoorConfig:
    """The configuration, read again every CONFIG_SECONDS and at once when one of the door's
    environment variables changes. Under AppTest also whenever st.secrets is another object:
    AppTest gives each run of a test with secrets a new one, and a test without secrets the
    process's own (the key holds that object, so its id cannot be reused while cached)."""
    import os

    import streamlit as st

    global _config_cache, _warned_random_secret
    key = (tuple(os.environ.get(name) for name in _ENV_NAMES), st.secrets)
    read_at, cached = _config_cache
    if cached is not None and time.monotonic() - read_at < CONFIG_SECONDS and _same_key(cached[0], key):
        return cached[1]
    with _config_lock:
        fresh = _read_config()
        _config_cache = (time.monotonic(), (key, fresh))
    if fresh.secret_is_random and not _warned_random_secret and (fresh.required() or fresh.editors):
        _warned_random_secret = True
        _LOGGER.warning("No cookie secret is set (%s or [dashboard] cookie_secret, 32 characters or more): this "
                        "process signs with a random one, so sign-ins end at a restart and another replica "
                        "does not know them. Run one replica only, or set the secret.", door.SECRET_ENV)
    return fresh


def _same_key(cached: tuple, key: tuple) -> bool:
    return cached[0] == key[0] and cached[1] is key[1]


def forget_config() -> None:
    """The next request reads the configuration again (tests change the environment)."""
    global _config_cache
    _config_cache = (float("-inf"), None)


_stores: dict[tuple[Path, float], SignInStore] = {}


def store_for(config: door.DoorConfig) -> SignInStore:
    key = (config.state_dir, config.spacing)
    if key not in _stores:
        _stores[key] = SignInStore(config.state_dir, spacing=config.spacing)
    return _stores[key]


def _inline_script_hashes() -> tuple[str, ...]:
    """The hashes of the inline scripts of the Streamlit installed (its index.html), for the CSP."""
    from importlib.util import find_spec

    spec = find_spec("streamlit")
    index = Path(spec.origin).parent / "static" / "index.html" if spec and spec.origin else None
    try:
        return tuple(door.inline_script_hashes(index.read_text(encoding="utf-8"))) if index else ()
    except OSError:
        return ()


def _app_script_hashes() -> tuple[str, ...]:
    """The scripts the app's own pages run, every one registered in newsdash/app/page_scripts.py
    (the only way to draw one): allowed by their hashes, no 'unsafe-inline'."""
    from newsdash.app import page_scripts

    return tuple(h for text in page_scripts.all_scripts() for h in door.inline_script_hashes(text))


SCRIPT_HASHES = _inline_script_hashes() + _app_script_hashes()


def headers_for(config: door.DoorConfig) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode(), v.encode()) for k, v in door.security_headers(config.embeds, SCRIPT_HASHES)]


# --- who is asking ------------------------------------------------------------------------

def cookies_of(header: str | None) -> dict[str, str]:
    jar = SimpleCookie()
    try:
        jar.load(header or "")
    except Exception:  # noqa: BLE001 - a malformed Cookie header is no cookie
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def anything_to_sign_in_with(config: door.DoorConfig) -> bool:
    """A reader password, an editor account or a provider: without any, no sign-in is valid
    (each is checked against the configuration it was made with)."""
    return bool(config.reader_hash or config.editors or identity.sources())


def signed_in(config: door.DoorConfig, cookies: dict[str, str], now: float | None = None):  # noqa: ANN201 - SignIn | None
    """The valid sign-in this browser's cookie carries, or None (also when the shared
    record cannot be read: the door fails closed)."""
    value = cookies.get(SIGN_IN_COOKIE)
    if not value:
        return None
    store = store_for(config)
    try:
        return read_sign_in(value, config.secret, time.time() if now is None else now, config.generation_of,
                            store.is_revoked)
    except StoreUnavailable:
        _LOGGER.error("the sign-in record in %s cannot be read: nobody is signed in until it can", config.state_dir)
        return None


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == name:
            return value.decode("latin-1")
    return None


def _client(scope: dict) -> str | None:
    client = scope.get("client")
    return client[0] if client else None


def _cookie_header(name: str, value: str, config: door.DoorConfig, secure: bool, max_age: int) -> str:
    parts = [f"{name}={value}", f"Path={config.base or '/'}", "HttpOnly", "SameSite=Lax", f"Max-Age={max_age}"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def _secure(scope: dict, config: door.DoorConfig) -> bool:
    """Secure cookies when the request came over TLS (uvicorn takes X-Forwarded-Proto from a
    trusted proxy into the scope's scheme) or the configuration says so."""
    return config.secure_always or scope.get("scheme") in ("https", "wss")


def _sources_close() -> bool:
    return any(s.closes_the_door for s in identity.sources())


def _open_paths() -> tuple[str, ...]:
    return tuple(p for s in identity.sources() for p in s.open_paths)


# --- the middleware -----------------------------------------------------------------------

class Door:
    """ASGI middleware in front of everything Streamlit serves."""

    def __init__(self, app) -> None:  # noqa: ANN001 - the next ASGI app
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        config = current_config()
        required = config.required(_sources_close())
        kind = door.classify(scope["path"], config.base, _open_paths())
        cookies = cookies_of(_header(scope, b"cookie"))
        sign_in = signed_in(config, cookies)
        who = sign_in.identity if sign_in else None
        minted: list[str] = []
        # not on a source's own routes nor the sign-out: its logout would get a fresh cookie
        if who is None and identity.sources() and kind not in (door.Kind.SOURCE_OPEN, door.Kind.SIGN_OUT):
            who = identity.identity_from_sources(cookies)
            if who is not None:
                minted.append(self._mint(scope, config, who))
        own = door.own_origin(door.http_scheme(scope.get("scheme", "http")), _header(scope, b"host"),
                              config.allowed_names())
        origin = _header(scope, b"origin")
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send, kind, who, required, origin, own)
            return
        decision = door.decide(kind, scope.get("method", "GET"), who is not None, required)
        if decision is door.Decision.PASS and kind is door.Kind.MEDIA and not self._media_allowed(scope, config, sign_in,
                                                                                                  required):
            decision = door.Decision.NOT_FOUND
        if decision is not door.Decision.PASS:
            await self._refuse(scope, send, config, decision)
            return
        if origin is not None and not door.same_origin(origin, own) and kind not in (door.Kind.SIGN_IN,
                                                                                     door.Kind.SIGN_OUT):
            scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"origin"]}
        if sign_in is not None or who is not None:
            scope = {**scope, "newsdash.identity": who, "newsdash.sign_in": sign_in}
        extra = headers_for(config) + [(b"set-cookie", c.encode("latin-1")) for c in minted]
        await self.app(scope, receive, _adding_headers(send, extra))

    async def _websocket(self, scope, receive, send, kind, who, required, origin, own) -> None:  # noqa: ANN001, PLR0913
        if not door.websocket_allowed(origin, own):
            _LOGGER.warning("websocket refused: Origin %r is not the app's own origin", origin)
            await send({"type": "websocket.close", "code": 1008})
            return
        if door.decide(kind, "GET", who is not None, required) is not door.Decision.PASS:
            await send({"type": "websocket.close", "code": 1008})
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _mint(scope: dict, config: door.DoorConfig, who: identity.Identity) -> str:
        now = time.time()
        seconds = _cookie_seconds(config, who, now)
        value, _ = mint_sign_in(who, config.generation_of(who) or "-", config.secret, now, seconds)
        return _cookie_header(SIGN_IN_COOKIE, value, config, _secure(scope, config), int(seconds))

    @staticmethod
    def _media_allowed(scope: dict, config: door.DoorConfig, sign_in, required: bool) -> bool:  # noqa: ANN001
        """A file under /media answers only while a page run's grant for it is live, and
        behind a sign-in only to the browser whose session asked for it (newsdash/app/guard.py)."""
        rest = scope["path"][len(config.base):].lstrip("/")
        file_id = guard.file_id_of(rest.removeprefix("media/"))
        return guard.DOORS.may_fetch(file_id, sign_in.id if sign_in else None, gated=required)

    @staticmethod
    async def _refuse(scope: dict, send, config: door.DoorConfig, decision: door.Decision) -> None:  # noqa: ANN001
        headers = [(b"cache-control", b"no-store"), *headers_for(config)]
        if decision is door.Decision.TO_SIGN_IN:
            location = door.sign_in_location(config.base, scope["path"], scope.get("query_string", b"").decode("latin-1"))
            status, body = 303, b""
            headers.append((b"location", location.encode("latin-1")))
        elif decision is door.Decision.REFUSE:
            status, body = 403, b"Sign in first.\n"
        else:
            status, body = 404, b"Not found\n"
        headers += [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _cookie_seconds(config: door.DoorConfig, who: identity.Identity, now: float) -> float:
    """How long the door's cookie for this identity lasts: the door's hours, and never past
    the moment its source's own sign-in ends (a provider's hours or its token's expiry)."""
    if who.until is None:
        return config.sign_in_seconds
    return max(1.0, min(config.sign_in_seconds, who.until - now))


def _adding_headers(send, extra: list[tuple[bytes, bytes]]):  # noqa: ANN001, ANN202
    async def with_headers(message: dict) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            added = [(k, v) for k, v in extra if k == b"set-cookie" or k not in present]
            message = {**message, "headers": [*message.get("headers", []), *added]}
        await send(message)

    return with_headers


# --- the routes -------------------------------------------------------------------------

def _lang(request, target: str | None = None) -> str:  # noqa: ANN001
    return door.language_of(target, request.query_params.get("lang"))


def _page_response(html: str, status: int = 200, headers: dict | None = None):  # noqa: ANN202
    from starlette.responses import HTMLResponse

    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})})


def _form_page(config: door.DoorConfig, lang: str, target: str, error: str | None = None, name: str = "",
               status: int = 200, headers: dict | None = None):  # noqa: ANN202
    action = f"{config.base}/{door.SIGN_IN}"
    other = "en" if lang == "ar" else "ar"
    switch = f"{action}?{urlencode({'next': target, 'lang': other})}"
    links = tuple(link for s in identity.sources() for link in s.sign_in_links)
    html = door_page.sign_in_page(lang, action, target, reader=bool(config.reader_hash), editors=bool(config.editors),
                                  error=error, name=name, links=links, other_language_href=switch)
    return _page_response(html, status, headers)


async def sign_in_endpoint(request):  # noqa: ANN001, ANN201 - a Starlette Request and Response
    config = current_config()
    if request.method in ("GET", "HEAD"):
        target = door.safe_next(request.query_params.get("next"), config.base)
        if not anything_to_sign_in_with(config):
            from starlette.responses import RedirectResponse

            return RedirectResponse(target, status_code=303)  # nothing to sign in with: no dead end
        lang = _lang(request, target)
        if signed_in(config, dict(request.cookies)) is None:
            notice = identity.refusal_from_sources(dict(request.cookies), lang)
            if notice is not None:  # signed in elsewhere, but that account may not come in
                return _page_response(door_page.notice_page(lang, notice), 403)
        return _form_page(config, lang, target)
    return await _sign_in_post(request, config)


async def _read_form(request) -> dict[str, str] | None:  # noqa: ANN001
    declared = request.headers.get("content-length")
    if declared and (not declared.isdigit() or int(declared) > MAX_FORM_BYTES):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return None
    return {key: values[0] for key, values in fields.items()}


def _own_origin_of(request, config: door.DoorConfig) -> str | None:  # noqa: ANN001
    return door.own_origin(door.http_scheme(request.url.scheme), request.headers.get("host"), config.allowed_names())


async def _sign_in_post(request, config: door.DoorConfig):  # noqa: ANN001, ANN202, PLR0911
    from anyio import to_thread
    from starlette.responses import RedirectResponse

    form = await _read_form(request)
    if form is None:
        return _page_response("Bad request\n", 400)
    target = door.safe_next(form.get("next"), config.base)
    lang = door.language_of(target, form.get("lang"))
    name = form.get("name", "").strip()[: auth.MAX_EDITOR_NAME]
    password = form.get("password", "")
    if not door.form_post_allowed(request.headers.get("origin"), request.headers.get("referer"),
                                  _own_origin_of(request, config)):
        return _form_page(config, lang, target, door_page.message("foreign", lang), status=403)
    accounts = config.editor_accounts
    wrong = "wrong_editor" if name else "wrong_password"
    encoded = (auth.find_editor(name, accounts) or (None, None))[1] if name else config.reader_hash
    if name and not accounts or not name and not config.reader_hash:
        return _form_page(config, lang, target, door_page.message(wrong, lang), name, status=401)
    if encoded:
        try:
            auth.parse_hash(encoded)
        except auth.AuthConfigError as problem:  # fail closed: nobody is let in
            return _form_page(config, lang, target, door_page.message("misconfigured", lang, reason=problem), name,
                              status=503)
    account = door.account_key(name or None, accounts)
    known = read_known_browser(request.cookies.get(KNOWN_BROWSER_COOKIE), config.secret, time.time(), account,
                               generation(encoded) if encoded else None)
    store = store_for(config)
    try:
        booking = await to_thread.run_sync(store.book, account, request.client.host if request.client else None, known)
    except StoreUnavailable as problem:
        _LOGGER.error("sign-in refused: %s (state folder %s)", problem, config.state_dir)
        return _form_page(config, lang, target, door_page.message("unavailable", lang), name, status=503)
    if not booking.granted:
        seconds = door_page.seconds_text(booking.retry_after)
        return _form_page(config, lang, target, door_page.message("busy", lang, seconds=seconds), name, status=429,
                          headers={"Retry-After": seconds})
    who = await to_thread.run_sync(_check, name, password, config)
    await to_thread.run_sync(store.record, booking, who is not None)
    if who is None:
        return _form_page(config, lang, target, door_page.message(wrong, lang), name, status=401)
    response = RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})
    secure = _secure(request.scope, config)
    value, _ = mint_sign_in(who, config.generation_of(who) or "-", config.secret, time.time(), config.sign_in_seconds)
    response.headers.append("set-cookie", _cookie_header(SIGN_IN_COOKIE, value, config, secure,
                                                         int(config.sign_in_seconds)))
    browser = mint_known_browser(account, config.generation_of(who) or "-", config.secret, time.time(),
                                 door.KNOWN_BROWSER_DAYS * 86400)
    response.headers.append("set-cookie", _cookie_header(KNOWN_BROWSER_COOKIE, browser, config, secure,
                                                         door.KNOWN_BROWSER_DAYS * 86400))
    return response


def _check(name: str, password: str, config: door.DoorConfig) -> identity.Identity | None:
    """The identity these credentials prove, or None (an unknown name costs a check too)."""
    if name:
        found = auth.verify_editor(name, password, config.editor_accounts)
        return identity.Identity(found, identity.EDITOR, identity.EDITOR_ACCOUNT) if found else None
    if config.reader_hash and auth.verify_password(password, auth.parse_hash(config.reader_hash)):
        return identity.Identity("", identity.READER, identity.PASSWORD)
    return None


async def sign_out_endpoint(request):  # noqa: ANN001, ANN201
    from anyio import to_thread
    from starlette.responses import RedirectResponse

    config = current_config()
    current = signed_in(config, dict(request.cookies))
    lang = _lang(request)
    if request.method in ("GET", "HEAD"):
        if current is None:
            return _form_page(config, lang, door.safe_next(None, config.base), door_page.message("signed_out", lang))
        who = current.identity.name if current.identity.is_editor or current.identity.name else ""
        html = door_page.sign_out_page(lang, f"{config.base}/{door.SIGN_OUT}", f"{config.base}/", who)
        return _page_response(html)
    form = await _read_form(request) or {}
    lang = door.language_of(None, form.get("lang")) if form.get("lang") else lang
    if not door.form_post_allowed(request.headers.get("origin"), request.headers.get("referer"),
                                  _own_origin_of(request, config)):
        return _page_response(door_page.page("Sign out", "<p>Refused: not from the dashboard's own page.</p>", lang),
                              403)
    if current is not None:
        try:
            await to_thread.run_sync(store_for(config).revoke, current.id, current.expires)
        except StoreUnavailable as problem:
            _LOGGER.error("sign-out not recorded: %s", problem)
            return _page_response(door_page.page("Sign out", "<p>Sign-out failed: see the server's log.</p>", lang),
                                  503)
    onward = identity.sign_out_path_for(current.identity) if current is not None else None
    if onward:  # a provider's identity: on to its own sign-out, which ends the provider's session too
        # a page that moves on by itself, not a redirect: the CSP's form-action would stop a
        # form's redirect chain at the provider's origin
        response = _page_response(door_page.onward_page(lang, f"{config.base}/{onward}"))
    else:
        response = RedirectResponse(f"{config.base}/{door.SIGN_IN}?{urlencode({'lang': lang})}", status_code=303,
                                    headers={"Cache-Control": "no-store"})
    response.headers.append("set-cookie", _cookie_header(SIGN_IN_COOKIE, "", config, _secure(request.scope, config), 0))
    return response


def _base() -> str:
    from streamlit import config

    return door.base_path(config.get_option("server.baseUrlPath"))


def wire_identity_sources() -> bool:
    """Provider sign-in (OpenID Connect) as the door's identity source when [auth]
    configures one (newsdash/app/door_oidc.py); True when it does."""
    from newsdash.app import door_oidc, oidc

    return door_oidc.wire(oidc.streamlit_secrets(), _base())


def door_routes() -> list:
    """The sign-in and sign-out routes under the base path Streamlit serves from, the
    route to a provider's sign-in, and the app's own travel routes (a chart's embed page,
    plotly.js, preview images: newsdash/app/public_routes.py), all behind the door."""
    from starlette.routing import Route

    from newsdash.app import door_oidc, public_routes

    base = _base()
    return [Route(f"{base}/{door.SIGN_IN}", sign_in_endpoint, methods=["GET", "HEAD", "POST"]),
            Route(f"{base}/{door.SIGN_OUT}", sign_out_endpoint, methods=["GET", "HEAD", "POST"]),
            *door_oidc.routes(base), *public_routes.routes(base)]


def door_middleware() -> list:
    """The door first, then the link previews: a crawler gets a page's preview tags only
    where the door lets it reach the page."""
    from starlette.middleware import Middleware

    from newsdash.app.public_routes import LinkPreviewMiddleware

    return [Middleware(Door), Middleware(LinkPreviewMiddleware, base_path=_base())]
