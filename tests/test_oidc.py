"""Provider sign-in (newsdash/app/oidc.py) without a server: whether it is configured, its
coexistence with the old `[auth] password_hash`, and who a browser is from cookies that
Streamlit's own functions made; the internals read there checked against Streamlit."""

from __future__ import annotations

import inspect
import json
import secrets as secrets_mod
import time

import pytest
import streamlit

from newsdash.app import auth, oidc, roles
from newsdash.app.roles import Refusal

SECRET = "a-cookie-secret-of-thirty-two-chars"
ORIGIN = "http://127.0.0.1:8501"


def secrets(**dashboard: object) -> dict:
    return {
        "auth": {"redirect_uri": f"{ORIGIN}/oauth2callback", "cookie_secret": SECRET,
                 "client_id": "newsdash", "client_secret": "s3cret",
                 "server_metadata_url": "https://sso.newsroom.org/.well-known/openid-configuration"},
        "dashboard": {"roles": {"editors": ["ana@newsroom.org"], "reader_domains": ["newsroom.org"]}, **dashboard},
    }


def claims(email: str = "ana@newsroom.org", **extra: object) -> dict:
    """What Streamlit's callback stores: the ID token's claims, then origin, is_logged_in, provider."""
    found = {"iss": "https://sso.newsroom.org", "sub": "42", "aud": "newsdash", "name": "Ana Lima",
             "email": email, "email_verified": True, "exp": int(time.time()) + 3600, "iat": int(time.time())}
    return {**found, "origin": ORIGIN, "is_logged_in": True, "provider": "default", **extra}


def streamlit_cookies(value: dict, secret: str = SECRET) -> dict[str, str]:
    """The cookies Streamlit 1.67's callback sets for these claims, made by its own functions
    (starlette_auth_routes._set_auth_cookie with the secret given instead of secrets.toml's)."""
    from streamlit.auth_util import set_cookie_with_chunks
    from streamlit.web.server.starlette.starlette_app_utils import create_signed_value
    from streamlit.web.server.starlette.starlette_server_config import USER_COOKIE_NAME

    jar: dict[str, str] = {}

    def set_single(name: str, text: str) -> None:
        jar[name] = create_signed_value(secret, name, text).decode()

    set_cookie_with_chunks(set_single, lambda name, text: create_signed_value(secret, name, text),
                           USER_COOKIE_NAME, value, cookie_attr_size=60)
    return jar


# --- configured or not ----------------------------------------------------------------------

def test_a_complete_auth_section_turns_provider_sign_in_on():
    assert oidc.providers(secrets()) == ("default",)
    assert oidc.is_configured(secrets())


def test_named_providers_each_need_their_three_keys():
    section = {"redirect_uri": f"{ORIGIN}/oauth2callback", "cookie_secret": SECRET,
               "keycloak": {"client_id": "a", "client_secret": "b", "server_metadata_url": "https://k/x"},
               "okta": {"client_id": "a", "server_metadata_url": "https://o/x"},  # no secret
               "client_kwargs": {"client_id": "a", "client_secret": "b", "server_metadata_url": "c"},
               "bad_name": {"client_id": "a", "client_secret": "b", "server_metadata_url": "c"}}
    assert oidc.providers({"auth": section}) == ("keycloak",)


@pytest.mark.parametrize("missing", ["redirect_uri", "cookie_secret", "client_id", "client_secret",
                                     "server_metadata_url"])
def test_an_incomplete_auth_section_leaves_it_off(missing):
    incomplete = secrets()
    del incomplete["auth"][missing]
    assert not oidc.is_configured(incomplete)
    assert oidc.read_sign_in(streamlit_cookies(claims()), incomplete) is None


def test_the_old_password_hash_in_auth_neither_turns_it_on_nor_is_lost():
    """[auth] password_hash (the reader password's old place) and a real [auth] section live side by side."""
    old_only = {"auth": {"password_hash": "scrypt$16384$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5"}}
    assert not oidc.is_configured(old_only)
    both = secrets()
    both["auth"]["password_hash"] = old_only["auth"]["password_hash"]
    both["dashboard"].pop("password_hash", None)
    assert oidc.providers(both) == ("default",)
    assert auth.hash_from_secrets(both, {}) == (old_only["auth"]["password_hash"], True)
    assert isinstance(oidc.read_sign_in(streamlit_cookies(claims()), both), oidc.Identity)


def test_streamlit_reads_a_password_hash_beside_its_provider_keys_as_no_provider():
    """Streamlit builds its provider configuration from the [auth] tables and keys it knows."""
    from streamlit.auth_util import generate_default_provider_section
    from streamlit.runtime.secrets import AttrDict
    from streamlit.web.server.starlette.starlette_auth_routes import _AuthlibConfig

    both = secrets()["auth"] | {"password_hash": "scrypt$..."}
    assert "password_hash" not in generate_default_provider_section(AttrDict(both))
    assert "password_hash" not in _AuthlibConfig(both)._provider_sections


# --- who a browser is ---------------------------------------------------------------------------

def test_an_editor_and_a_reader_from_streamlits_cookie():
    editor = oidc.read_sign_in(streamlit_cookies(claims()), secrets())
    assert editor == oidc.Identity(name="Ana Lima", role=roles.EDITOR, source="oidc")
    reader = oidc.read_sign_in(streamlit_cookies(claims("bo@newsroom.org", name="Bo")), secrets())
    assert reader == oidc.Identity(name="Bo", role=roles.READER, source="oidc")


def test_an_outsider_is_refused_and_the_gate_sees_nobody():
    cookies = streamlit_cookies(claims("eve@newsroom.org.evil.com"))
    assert oidc.read_sign_in(cookies, secrets()) == Refusal(roles.NOT_LISTED, "eve@newsroom.org.evil.com")


def test_a_cookie_too_big_for_one_is_read_from_its_chunks():
    big = claims(groups=[secrets_mod.token_hex(8) + "-ana@newsroom.org" for _ in range(300)])  # no zlib gain
    cookies = streamlit_cookies(big)
    assert len(cookies) > 2 and cookies[oidc.USER_COOKIE].startswith("ImNodW5rcy")  # "chunks-
    assert oidc.read_sign_in(cookies, secrets()).role == roles.EDITOR
    del cookies[f"{oidc.USER_COOKIE}_2"]
    assert oidc.read_sign_in(cookies, secrets()) is None


@pytest.mark.parametrize("spoil", [
    "another secret", "tampered", "unsigned", "other origin", "not logged in", "unknown provider", "a list",
])
def test_what_is_not_streamlits_sign_in_for_this_app_is_nobody(spoil):
    value = claims()
    secret = SECRET
    if spoil == "another secret":
        secret = "another-secret-of-thirty-two-chars!"
    elif spoil == "other origin":
        value["origin"] = "http://127.0.0.1:9999"
    elif spoil == "not logged in":
        value["is_logged_in"] = False
    elif spoil == "unknown provider":
        value["provider"] = "okta"
    cookies = streamlit_cookies(value, secret)
    if spoil == "tampered":
        payload, _, signature = cookies[oidc.USER_COOKIE].partition(".")
        cookies[oidc.USER_COOKIE] = payload[:-2] + "xx." + signature
    elif spoil == "unsigned":
        cookies[oidc.USER_COOKIE] = json.dumps(value)
    elif spoil == "a list":
        cookies = streamlit_cookies({"x": 1})
        cookies[oidc.USER_COOKIE] = streamlit_cookies([value])[oidc.USER_COOKIE]  # type: ignore[arg-type]
    assert oidc.read_sign_in(cookies, secrets()) is None
    assert oidc.read_sign_in({}, secrets()) is None


def test_a_sign_in_expires_after_the_configured_hours():
    cookies = streamlit_cookies(claims())
    later = time.time() + 11 * 3600
    assert oidc.read_sign_in(cookies, secrets(), now=later, environ={}) is not None
    assert oidc.read_sign_in(cookies, secrets(), now=time.time() + 13 * 3600, environ={}) is None
    assert oidc.read_sign_in(cookies, secrets(), now=later, environ={oidc.HOURS_ENV: "10"}) is None
    assert oidc.read_sign_in(cookies, secrets(oidc={"hours": 0.5}), now=time.time() + 1900) is None
    assert oidc.read_sign_in(cookies, secrets(), now=time.time() - 3600) is None  # signed in the future


def test_following_the_token_expiry_ends_it_with_the_id_token():
    cookies = streamlit_cookies(claims(exp=int(time.time()) + 60))
    assert oidc.read_sign_in(cookies, secrets(), now=time.time() + 120) is not None
    following = secrets(oidc={"follow_token_expiry": True})
    assert oidc.read_sign_in(cookies, following, now=time.time() + 30) is not None
    assert oidc.read_sign_in(cookies, following, now=time.time() + 120) is None
    assert oidc.read_sign_in(streamlit_cookies(claims(exp=None)), following) is None


@pytest.mark.parametrize(("value", "hours"), [(None, 12.0), ("abc", 12.0), ("nan", 12.0), ("0", 1 / 3600),
                                              ("100000", 720.0), ("0.5", 0.5)])
def test_the_hours_setting_is_held_within_bounds(value, hours):
    assert oidc._hours(None, {} if value is None else {oidc.HOURS_ENV: value}) == pytest.approx(hours)


def test_a_configuration_that_cannot_be_read_lets_nobody_in(monkeypatch):
    broken = secrets(roles={"reader_domain": ["newsroom.org"]})
    cookies = streamlit_cookies(claims())
    with pytest.raises(oidc.OidcConfigError, match="reader_domain"):
        oidc.read_sign_in(cookies, broken)
    monkeypatch.setattr(oidc, "streamlit_secrets", lambda: broken)
    assert oidc.identity_from_cookies(cookies) is None
    monkeypatch.setattr(oidc, "streamlit_secrets", secrets)
    assert oidc.identity_from_cookies(cookies) == oidc.Identity("Ana Lima", roles.EDITOR, "oidc")
    assert oidc.identity_from_cookies(streamlit_cookies(claims("eve@gmail.example"))) is None


def test_the_redirect_uri_port_placeholder_is_filled_as_streamlit_does():
    assert oidc.redirect_origin("http://localhost:{port}/oauth2callback", 8600) == "http://localhost:8600"
    assert oidc.redirect_origin("https://news.example/desk/oauth2callback") == "https://news.example"


def test_button_names_default_to_the_provider_and_can_be_set():
    named = secrets(oidc={"names": {"default": "Newsroom Keycloak"}})
    assert oidc.settings(named).names == {"default": "Newsroom Keycloak"}
    assert oidc.settings(secrets()).names == {"default": "sso.newsroom.org"}


def test_links_to_streamlits_routes(monkeypatch):
    from streamlit import auth_util

    monkeypatch.setattr(auth_util, "get_signing_secret", lambda: SECRET)
    link = oidc.login_url("keycloak", "/desk/")
    assert link.startswith("/desk/auth/login?provider=")
    assert auth_util.decode_provider_token(link.partition("=")[2])["provider"] == "keycloak"
    assert oidc.logout_url() == "/auth/logout" and oidc.logout_url("desk") == "/desk/auth/logout"


# --- the internals read here, checked against the Streamlit they were written for ----------------

def test_streamlit_is_the_version_the_cookie_reading_was_checked_on():
    """On an upgrade: read each internal named in oidc.py's docstring again, then raise CHECKED_ON."""
    assert streamlit.__version__ == oidc.CHECKED_ON


def test_streamlit_still_signs_and_names_its_cookie_and_routes_as_read_here():
    from streamlit import auth_util, user_info
    from streamlit.web.server.starlette import starlette_app_utils, starlette_auth_routes, starlette_websocket
    from streamlit.web.server.starlette.starlette_server_config import USER_COOKIE_NAME

    assert USER_COOKIE_NAME == oidc.USER_COOKIE
    assert starlette_auth_routes._ROUTE_AUTH_LOGIN == oidc.LOGIN_ROUTE
    assert starlette_auth_routes._ROUTE_AUTH_LOGOUT == oidc.LOGOUT_ROUTE
    assert starlette_auth_routes._ROUTE_OAUTH_CALLBACK == oidc.CALLBACK_ROUTE
    assert user_info.AUTH_LOGIN_ENDPOINT == "/" + oidc.LOGIN_ROUTE
    callback = inspect.getsource(starlette_auth_routes._auth_callback)
    assert 'user = token.get("userinfo") or {}' in callback
    assert "dict(user, origin=origin, is_logged_in=True, provider=provider)" in callback
    assert "create_signed_value(cookie_secret, cookie_name, serialized_value)" in \
        inspect.getsource(starlette_auth_routes._set_single_cookie)
    assert "URLSafeTimedSerializer(secret, salt=name)" in inspect.getsource(starlette_app_utils.create_signed_value)
    assert 'f"chunks-{len(chunks)}"' in inspect.getsource(auth_util._set_split_cookie)
    assert 'f"{cookie_name}_{i + 1}"' in inspect.getsource(auth_util._set_split_cookie)
    assert "get_cookie_with_chunks(get_single_cookie, cookie_name)" in \
        inspect.getsource(starlette_websocket._get_signed_cookie_with_chunks)
    assert "query_params.get(\"provider\")" in inspect.getsource(starlette_auth_routes._auth_login)
    assert callable(auth_util.encode_provider_token)


def test_what_streamlit_itself_reads_from_such_a_cookie_is_what_is_read_here():
    """Streamlit's websocket reads the same cookie (chunks included) into st.user."""
    from streamlit.web.server.starlette import starlette_websocket

    cookies = streamlit_cookies(claims(groups=[secrets_mod.token_hex(8) for _ in range(400)]))
    assert len(cookies) > 2
    secret = starlette_websocket.get_cookie_secret
    try:
        starlette_websocket.get_cookie_secret = lambda: SECRET
        raw = starlette_websocket._get_signed_cookie_with_chunks(cookies, oidc.USER_COOKIE)
    finally:
        starlette_websocket.get_cookie_secret = secret
    user = starlette_websocket._parse_decoded_user_cookie(raw, ORIGIN)
    ours, _ = oidc.read_user_cookie(cookies, SECRET)
    assert user["email"] == ours["email"] == "ana@newsroom.org" and user["groups"] == ours["groups"]


def test_the_guide_names_every_setting_the_code_reads():
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "identity-providers.md").read_text(encoding="utf-8")
    for key in (*roles._LISTS, "group_claim", "require_verified_email", "follow_token_expiry", "hours",
                oidc.HOURS_ENV, "[dashboard.roles]", "[dashboard.oidc]", *oidc.PROVIDER_KEYS, "redirect_uri",
                "cookie_secret", "/" + oidc.CALLBACK_ROUTE, "/" + oidc.LOGOUT_ROUTE, "password_hash"):
        assert key in guide, key
