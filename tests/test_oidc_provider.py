"""The tests' OpenID provider (tests/oidc_provider.py) speaks the protocol Streamlit's client
expects, over HTTP on loopback: discovery, code flow with PKCE, RS256 ID tokens checked
against its JWKS, userinfo, end of session; and refuses what a real provider refuses."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from tests.oidc_provider import Provider

REDIRECT = "http://127.0.0.1:9/oauth2callback"


@pytest.fixture(scope="module")
def provider():
    with Provider(id_token_seconds=120) as running:
        running.client.redirect_uris.append(REDIRECT)
        running.add_user("ana", "pw-ana", "Ana Lima", "ana@newsroom.org", groups=("desk-editors",))
        yield running


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize(client: httpx.Client, provider: Provider, challenge: str | None, nonce: str = "n-1") -> httpx.Response:
    params = {"response_type": "code", "client_id": provider.client.client_id, "redirect_uri": REDIRECT,
              "scope": "openid email profile", "state": "s-1", "nonce": nonce}
    if challenge:
        params |= {"code_challenge": challenge, "code_challenge_method": "S256"}
    return client.post(f"{provider.issuer}/authorize", params=params, data={"username": "ana", "password": "pw-ana"})


def test_discovery_names_every_endpoint_and_s256(provider):
    found = httpx.get(provider.metadata_url).json()
    assert found["issuer"] == provider.issuer
    assert found["code_challenge_methods_supported"] == ["S256"]
    for key in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "end_session_endpoint"):
        assert found[key].startswith(provider.issuer + "/")


def test_the_code_flow_gives_a_signed_id_token_userinfo_and_ends_the_session(provider):
    verifier, challenge = pkce()
    with httpx.Client() as browser:
        assert "Test provider" in browser.get(f"{provider.issuer}/authorize", params={
            "response_type": "code", "client_id": "newsdash", "redirect_uri": REDIRECT, "scope": "openid",
            "nonce": "n-0", "code_challenge": challenge, "code_challenge_method": "S256"}).text
        answer = authorize(browser, provider, challenge)
        assert answer.status_code == 302
        back = parse_qs(urlsplit(answer.headers["location"]).query)
        assert back["state"] == ["s-1"]
        wrong = httpx.post(f"{provider.issuer}/token", auth=("newsdash", provider.client.client_secret), data={
            "grant_type": "authorization_code", "code": back["code"][0], "redirect_uri": REDIRECT,
            "code_verifier": secrets.token_urlsafe(48)})
        assert wrong.status_code == 400  # another verifier: PKCE refuses
        verifier2, challenge2 = pkce()
        back = parse_qs(urlsplit(authorize(browser, provider, challenge2, "n-2").headers["location"]).query)
        tokens = httpx.post(f"{provider.issuer}/token", auth=("newsdash", provider.client.client_secret), data={
            "grant_type": "authorization_code", "code": back["code"][0], "redirect_uri": REDIRECT,
            "code_verifier": verifier2}).json()
        keys = KeySet.import_key_set(httpx.get(f"{provider.issuer}/jwks").json())
        token = jwt.decode(tokens["id_token"], keys, algorithms=["RS256"])
        assert token.header["alg"] == "RS256"
        claims = token.claims
        assert claims["iss"] == provider.issuer and claims["aud"] == ["newsdash"] and claims["nonce"] == "n-2"
        assert claims["email"] == "ana@newsroom.org" and claims["groups"] == ["desk-editors"]
        assert 100 <= claims["exp"] - claims["iat"] <= 120
        info = httpx.get(f"{provider.issuer}/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
        assert info.json()["email_verified"] is True
        assert httpx.get(f"{provider.issuer}/userinfo", headers={"Authorization": "Bearer nope"}).status_code == 401
        ended = browser.get(f"{provider.issuer}/end_session", params={
            "id_token_hint": tokens["id_token"], "post_logout_redirect_uri": REDIRECT, "client_id": "newsdash"})
        assert ended.status_code == 302 and ended.headers["location"] == REDIRECT
        assert provider.signed_out == ["ana"]


def test_what_a_real_provider_refuses(provider):
    with httpx.Client() as browser:
        assert authorize(browser, provider, None).status_code == 400  # no PKCE
    verifier, challenge = pkce()
    with httpx.Client() as browser:
        back = parse_qs(urlsplit(authorize(browser, provider, challenge, "n-3").headers["location"]).query)
    bad_secret = httpx.post(f"{provider.issuer}/token", auth=("newsdash", "guess"), data={
        "grant_type": "authorization_code", "code": back["code"][0], "redirect_uri": REDIRECT,
        "code_verifier": verifier})
    assert bad_secret.status_code == 401
    elsewhere = httpx.get(f"{provider.issuer}/authorize", params={
        "response_type": "code", "client_id": "newsdash", "redirect_uri": "http://127.0.0.1:9/evil",
        "scope": "openid", "code_challenge": challenge, "code_challenge_method": "S256"})
    assert elsewhere.status_code == 400
