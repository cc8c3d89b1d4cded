"""The door's own cookies, signed with HMAC-SHA256 (pure: no Streamlit, no Starlette).

- the sign-in cookie (SIGN_IN_COOKIE): who signed in (an Identity), a random id, when, until
  when, and the generation of the credential it signed in with (a digest of the password
  hash: a changed hash signs everyone out). Any replica that holds the same secret reads it,
  so a restart, a failover or another replica needs no new sign-in; a sign-out records its
  id as revoked in the shared store (newsdash/app/signin_store.py), so a copy of the
  cookie fails on every replica too.
- the known-browser cookie (KNOWN_BROWSER_COOKIE): long-lived, given with a successful
  password check, naming the account and its generation; a browser that carries it is
  never held up by the guessing brake for that account (newsdash/app/signin_store.py).

Format: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, purpose "|" payload)); the
purpose keeps one kind of cookie from being accepted as the other. The payload is not
secret (the cookie is HttpOnly, and holds nothing the reader does not know), only signed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from newsdash.app.identity import ROLES, Identity

SIGN_IN_COOKIE = "newsdash_sign_in"
KNOWN_BROWSER_COOKIE = "newsdash_browser"
SIGN_IN_PURPOSE = "newsdash sign-in v1"
KNOWN_BROWSER_PURPOSE = "newsdash known browser v1"
MAX_COOKIE = 3000  # a longer value was not made here: not even parsed


def generation(encoded_hash: str) -> str:
    """A short digest of a configured password hash: changes whenever the hash does."""
    return hashlib.sha256(b"newsdash generation|" + encoded_hash.encode()).hexdigest()[:16]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, purpose: str, body: str) -> bytes:
    return hmac.new(secret, f"{purpose}|{body}".encode(), hashlib.sha256).digest()


def sign(payload: dict, secret: bytes, purpose: str) -> str:
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    return f"{body}.{_b64(_mac(secret, purpose, body))}"


def unsign(value: object, secret: bytes, purpose: str) -> dict | None:
    """The payload when the signature is right, else None (never raises on garbage)."""
    if not isinstance(value, str) or len(value) > MAX_COOKIE or value.count(".") != 1:
        return None
    body, mac = value.split(".")
    try:
        # one spelling per signature: base64 ignores the last character's spare bits, so
        # "...w" and "...x" read as the same bytes; only the spelling sign() writes is taken
        if _b64(_unb64(mac)) != mac or not hmac.compare_digest(_unb64(mac), _mac(secret, purpose, body)):
            return None
        payload = json.loads(_unb64(body))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


@dataclass(frozen=True)
class SignIn:
    """A valid sign-in cookie, read."""

    id: str
    identity: Identity
    issued: float
    expires: float
    generation: str


def mint_sign_in(identity: Identity, gen: str, secret: bytes, now: float, seconds: float) -> tuple[str, SignIn]:
    """(the cookie value, what it says) for a fresh sign-in."""
    sign_in = SignIn(secrets.token_urlsafe(16), identity, float(int(now)), float(int(now + seconds)), gen)
    payload = {"id": sign_in.id, "n": identity.name, "r": identity.role, "s": identity.source,
               "iat": int(sign_in.issued), "exp": int(sign_in.expires), "g": gen}
    return sign(payload, secret, SIGN_IN_PURPOSE), sign_in


def read_sign_in(value: object, secret: bytes, now: float, generation_of: Callable[[Identity], str | None],
                 revoked: Callable[[str], bool] = lambda _id: False) -> SignIn | None:
    """The sign-in a cookie carries when it is signed with this secret, not expired, not
    revoked, and its generation is the current one for its identity; else None."""
    payload = unsign(value, secret, SIGN_IN_PURPOSE)
    if payload is None:
        return None
    try:
        identity = Identity(str(payload["n"]), str(payload["r"]), str(payload["s"]))
        sign_in = SignIn(str(payload["id"]), identity, float(payload["iat"]), float(payload["exp"]), str(payload["g"]))
    except (KeyError, TypeError, ValueError):
        return None
    if identity.role not in ROLES or not sign_in.issued <= now + 60 or now >= sign_in.expires:
        return None  # (a minute of clock skew between replicas is tolerated)
    current = generation_of(identity)
    if current is None or not hmac.compare_digest(current, sign_in.generation):
        return None
    if revoked(sign_in.id):
        return None
    return sign_in


def mint_known_browser(account: str, gen: str, secret: bytes, now: float, seconds: float) -> str:
    payload = {"id": secrets.token_urlsafe(12), "a": account, "g": gen, "iat": int(now), "exp": int(now + seconds)}
    return sign(payload, secret, KNOWN_BROWSER_PURPOSE)


def read_known_browser(value: object, secret: bytes, now: float, account: str, gen: str | None) -> str | None:
    """The known browser's id when this cookie vouches for this account at this generation."""
    payload = unsign(value, secret, KNOWN_BROWSER_PURPOSE)
    if payload is None or gen is None:
        return None
    try:
        fits = (payload["a"] == account and hmac.compare_digest(str(payload["g"]), gen)
                and float(payload["iat"]) <= now + 60 < float(payload["exp"]) + 60 and now < float(payload["exp"]))
        return str(payload["id"]) if fits else None
    except (KeyError, TypeError, ValueError):
        return None
