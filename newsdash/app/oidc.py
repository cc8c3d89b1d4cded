"""Sign-in with the newsroom's own accounts: OpenID Connect through Streamlit's st.login.

A newsroom on Google Workspace, Microsoft Entra, Okta or Keycloak fills Streamlit's
`[auth]` section of secrets.toml (docs/identity-providers.md); Streamlit's own routes
(`/auth/login`, `/oauth2callback`, `/auth/logout`) run the flow and leave the account's
claims in its signed cookie `_streamlit_user`. This module says:
- whether sign-in with a provider is configured (`is_configured`, `providers`);
- who a browser is, from its cookies alone (`read_sign_in`, `identity_from_cookies`):
  what the door in front of Streamlit asks when it has no cookie of its own (wired in by
  newsdash/app/door_oidc.py, which also draws its sign-in links, refusal and sign-out);
  the role comes from `[dashboard.roles]` (newsdash.app.roles);
- the links to Streamlit's login and logout routes.

The `[auth]` section is Streamlit's. Our old reader password may still sit there as
`[auth] password_hash` (newsdash.app.auth reads it, with a warning): Streamlit ignores a
key that is not a table, and `is_configured` asks for Streamlit's own keys only, so the
two live side by side; a password_hash alone does not turn provider sign-in on.

A sign-in lasts `[dashboard.oidc] hours` (12; DASHBOARD_OIDC_HOURS), counted from the
moment Streamlit signed the cookie, however long Streamlit's cookie would last (30 days):
after that the app asks again. With `follow_token_expiry = true` it also ends when the
provider's ID token expires (its `exp`: an hour at Google and Entra, minutes at Keycloak).

Streamlit's cookie format is a private internal (checked on 1.67.0, CHECKED_ON below;
tests/test_oidc.py fails when Streamlit's version or any of these change): in
streamlit/web/server/starlette/starlette_auth_routes.py and auth_util.py,
- the cookie `_streamlit_user` (starlette_server_config.USER_COOKIE_NAME) holds
  `json.dumps(dict(claims of the ID token, origin=<origin of redirect_uri>,
  is_logged_in=True, provider=<name>))`, signed by itsdangerous' URLSafeTimedSerializer
  with `[auth] cookie_secret` and the cookie's own name as salt
  (starlette_app_utils.create_signed_value), its timestamp the moment of sign-in;
- a value too long for one cookie is split (auth_util.set_cookie_with_chunks): the
  main cookie then holds `chunks-N` and the parts are in `_streamlit_user_1` ...
  `_streamlit_user_N`, each signed under its own name;
- the login route takes `?provider=` a short-lived token (auth_util.encode_provider_token).
Nothing else of ours reads these.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from newsdash.app import roles
from newsdash.app.identity import Identity
from newsdash.app.roles import Refusal

CHECKED_ON = "1.67.0"
USER_COOKIE = "_streamlit_user"
LOGIN_ROUTE = "auth/login"
LOGOUT_ROUTE = "auth/logout"
CALLBACK_ROUTE = "oauth2callback"
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
MAX_CHUNKS = 16  # Streamlit splits a cookie over 4 KB; 64 KB of claims is no ID token
SOURCE = "oidc"
HOURS_ENV = "DASHBOARD_OIDC_HOURS"
DEFAULT_HOURS = 12.0
MAX_HOURS = 24 * 30.0  # Streamlit's own cookie lasts 30 days

# --- configuration ---------------------------------------------------------------------

class OidcConfigError(ValueError):
    """[dashboard.oidc] or [dashboard.roles] cannot be read: nobody signs in with a provider."""


def providers(secrets: Mapping | None) -> tuple[str, ...]:
    """The providers `[auth]` configures completely: "default" for keys written in [auth]
    itself, and each named table ([auth.keycloak]) with client_id, client_secret and
    server_metadata_url. Empty unless redirect_uri and cookie_secret are there too."""
    section = _auth_section(secrets)
    if not all(_text(section.get(key)) for key in ("redirect_uri", "cookie_secret")):
        return ()
    named = tuple(name for name, table in section.items()
                  if isinstance(table, Mapping) and name != "client_kwargs" and "_" not in name
                  and all(_text(table.get(key)) for key in PROVIDER_KEYS))
    flat = ("default",) if all(_text(section.get(key)) for key in PROVIDER_KEYS) else ()
    return flat + named


def is_configured(secrets: Mapping | None) -> bool:
    """Sign-in with a provider is on: [auth] names at least one complete provider."""
    return bool(providers(secrets))


def _auth_section(secrets: Mapping | None) -> Mapping:
    section = (secrets or {}).get("auth")
    return section if isinstance(section, Mapping) else {}


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@dataclass(frozen=True)
class Settings:
    providers: tuple[str, ...]
    cookie_secret: str
    origin: str  # scheme://host:port of redirect_uri: Streamlit writes it into the cookie
    roles: roles.RolesConfig
    max_age: float  # seconds a sign-in holds
    follow_token_expiry: bool
    names: Mapping[str, str]  # provider: the name on its sign-in button


def settings(secrets: Mapping | None, environ: Mapping[str, str] = os.environ,
             port: int | None = None) -> Settings | None:
    """Everything needed to read a sign-in, or None when no provider is configured.
    Raises OidcConfigError for a configuration that cannot be read (fail closed)."""
    names = providers(secrets)
    if not names:
        return None
    auth = _auth_section(secrets)
    dashboard = (secrets or {}).get("dashboard") or {}
    own = dashboard.get("oidc") or {}
    if not isinstance(own, Mapping):
        raise OidcConfigError("[dashboard.oidc] must be a table")
    try:
        role_config = roles.roles_config(dashboard.get("roles"))
    except roles.RolesConfigError as problem:
        raise OidcConfigError(str(problem)) from None
    follow = own.get("follow_token_expiry", False)
    if not isinstance(follow, bool):
        raise OidcConfigError("[dashboard.oidc] follow_token_expiry must be true or false")
    return Settings(
        providers=names, cookie_secret=auth["cookie_secret"],
        origin=redirect_origin(auth["redirect_uri"], port), roles=role_config,
        max_age=_hours(own.get("hours"), environ) * 3600, follow_token_expiry=follow,
        names=_button_names(own.get("names"), names, auth),
    )


def redirect_origin(redirect_uri: str, port: int | None = None) -> str:
    """scheme://host[:port] of redirect_uri, its `{port}` filled as Streamlit does."""
    if "{port}" in redirect_uri:
        redirect_uri = redirect_uri.replace("{port}", str(port or _server_port()))
    parts = urlsplit(redirect_uri)
    return f"{parts.scheme}://{parts.netloc}"


def _hours(configured: object, environ: Mapping[str, str]) -> float:
    """[dashboard.oidc] hours, else DASHBOARD_OIDC_HOURS, else 12; held between one second
    and 30 days (Streamlit's cookie lasts no longer); a value that is no number: 12."""
    value = configured if configured is not None else environ.get(HOURS_ENV, DEFAULT_HOURS)
    try:
        hours = float(value)
    except (TypeError, ValueError):
        return DEFAULT_HOURS
    return min(max(hours, 1 / 3600), MAX_HOURS) if math.isfinite(hours) else DEFAULT_HOURS


def _button_names(configured: object, names: tuple[str, ...], auth: Mapping) -> dict[str, str]:
    """What "Sign in with …" says: [dashboard.oidc] names, else the provider's table name
    (keycloak: Keycloak), else for the default provider the host of its metadata URL."""
    configured = configured if isinstance(configured, Mapping) else {}
    found = {}
    for name in names:
        label = configured.get(name)
        if not _text(label):
            label = urlsplit(auth.get("server_metadata_url", "")).hostname if name == "default" else name.title()
        found[name] = str(label or name).strip()[:60]
    return found


# --- reading Streamlit's cookie (the private internal, see the module's docstring) --------

_CHUNKS = re.compile(r"chunks-(\d+)")


def read_user_cookie(cookies: Mapping[str, str], secret: str) -> tuple[dict, float] | None:
    """(the claims Streamlit stored, when it signed them, as a Unix time), or None for no
    cookie, a bad signature, a missing part or what is not a JSON object."""
    main = _unsign(cookies, USER_COOKIE, secret)
    if main is None:
        return None
    text, signed_at = main
    if chunked := _CHUNKS.fullmatch(text):
        count = int(chunked.group(1))
        if not 0 < count <= MAX_CHUNKS:
            return None
        parts = [_unsign(cookies, f"{USER_COOKIE}_{i}", secret) for i in range(1, count + 1)]
        if any(part is None for part in parts):
            return None
        text = "".join(part[0] for part in parts)
        signed_at = min(signed_at, *(part[1] for part in parts))
    try:
        claims = json.loads(text)
    except ValueError:
        return None
    return (claims, signed_at) if isinstance(claims, dict) else None


def _unsign(cookies: Mapping[str, str], name: str, secret: str) -> tuple[str, float] | None:
    from itsdangerous import BadData, URLSafeTimedSerializer

    value = cookies.get(name)
    if not isinstance(value, str) or not value or len(value) > 8192:
        return None
    try:
        text, when = URLSafeTimedSerializer(secret, salt=name).loads(value, return_timestamp=True)
    except (BadData, UnicodeError, ValueError):
        return None
    return (text, when.timestamp()) if isinstance(text, str) else None


# --- who a browser is ------------------------------------------------------------------

def read_sign_in(cookies: Mapping[str, str], secrets: Mapping | None = None, *,
                 now: float | None = None, environ: Mapping[str, str] = os.environ,
                 port: int | None = None) -> Identity | Refusal | None:
    """This browser's provider sign-in: an Identity (name, EDITOR or READER, "oidc"), a
    Refusal (a real sign-in whose account the roles leave out), or None (not signed in
    with a provider, no provider configured, or the sign-in expired or is not for this
    app). Secrets: Streamlit's (secrets.toml) unless given. Raises OidcConfigError when
    [dashboard.roles] or [dashboard.oidc] cannot be read."""
    if secrets is None:
        secrets = streamlit_secrets()
    config = settings(secrets, environ, port)
    if config is None:
        return None
    found = read_user_cookie(cookies, config.cookie_secret)
    if found is None:
        return None
    claims, signed_at = found
    if not _still_valid(claims, signed_at, config, time.time() if now is None else now):
        return None
    role = roles.role_for(claims, config.roles)
    if isinstance(role, Refusal):
        return role
    return Identity(name=roles.display_name(claims), role=role, source=SOURCE,
                    until=_valid_until(claims, signed_at, config))


def _valid_until(claims: dict, signed_at: float, config: Settings) -> float:
    """When this sign-in stops holding: the configured hours after it, or the ID token's
    expiry when the sign-in follows it (the door's cookie ends no later)."""
    until = signed_at + config.max_age
    expires = claims.get("exp")
    if config.follow_token_expiry and isinstance(expires, int | float) and not isinstance(expires, bool):
        until = min(until, float(expires))
    return until


def _still_valid(claims: dict, signed_at: float, config: Settings, now: float) -> bool:
    """Signed in for this app (its origin, a provider still configured), not too long ago."""
    if claims.get("is_logged_in") is not True or claims.get("origin") != config.origin:
        return False
    if claims.get("provider") not in config.providers:
        return False
    if not signed_at - 60 <= now < signed_at + config.max_age:  # a minute of clock skew
        return False
    if config.follow_token_expiry:
        expires = claims.get("exp")
        if isinstance(expires, bool) or not isinstance(expires, int | float) or now >= expires:
            return False
    return True


def identity_from_cookies(cookies: Mapping[str, str]) -> Identity | None:
    """The gate's identity source: who this request's cookies sign in with a provider,
    or None (not signed in, expired, refused by the roles, no provider configured, or a
    configuration that cannot be read: nobody gets in through it then)."""
    try:
        found = read_sign_in(cookies)
    except OidcConfigError:
        return None
    return found if isinstance(found, Identity) else None


def streamlit_secrets() -> dict | None:
    """Streamlit's secrets (secrets.toml, or st.App(secrets=...)) as plain tables, or None."""
    from streamlit.runtime.secrets import secrets_singleton

    if not secrets_singleton.load_if_toml_exists():
        return None
    return {key: _plain(secrets_singleton[key]) for key in ("auth", "dashboard") if key in secrets_singleton}


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _server_port() -> int:
    from streamlit import config

    return int(config.get_option("server.port"))


# --- links to Streamlit's own routes -------------------------------------------------------

def login_url(provider: str, base_path: str = "") -> str:
    """Streamlit's login route for a provider (what st.login opens): the gate's sign-in page
    can link to it. Its token lasts two minutes: make the link when the page is asked for
    (or redirect to it from a route of one's own), never cache it."""
    from streamlit.auth_util import encode_provider_token

    return f"{_base(base_path)}/{LOGIN_ROUTE}?provider={quote(encode_provider_token(provider))}"


def logout_url(base_path: str = "") -> str:
    """Streamlit's sign-out route: clears its cookies and ends the provider's session
    (RP-initiated logout), then comes back through redirect_uri to the app's front page."""
    return f"{_base(base_path)}/{LOGOUT_ROUTE}"


def _base(base_path: str) -> str:
    return "/" + base_path.strip("/") if base_path.strip("/") else ""
