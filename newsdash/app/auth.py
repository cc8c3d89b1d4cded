"""The optional password gate for internal sharing: hashes, checks and throttling.

Pure logic (the form lives in newsdash.app.gate). The password itself is never
stored: the app is configured with a salted scrypt hash made by
`python -m newsdash hash-password`, in Streamlit secrets (`[dashboard] password_hash`;
the old place `[auth] password_hash` is still read, with a warning: Streamlit keeps
`[auth]` for st.login) or the environment (DASHBOARD_PASSWORD_HASH). Checks compare in
constant time. Where the checks happen (the door's sign-in form, newsdash/app/door_asgi.py)
and how often (the brake every replica shares, newsdash/app/signin_store.py) is elsewhere.

This is a shared-secret gate for a newsroom's internal network, not single sign-on:
for named accounts use an OpenID Connect provider (newsdash/app/identity.py).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import math
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from newsdash import caches

ENV_VAR = "DASHBOARD_PASSWORD_HASH"
SECRETS_SECTION = "dashboard"  # our own section of secrets.toml
OLD_SECRETS_SECTION = "auth"  # Streamlit's, for st.login: read only when ours has no hash
SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # about 16 MiB and 50 ms per check on one core
PBKDF2_MIN_ITERATIONS = 100_000
MAX_PASSWORD_LENGTH = 1024  # longer input is refused before any hashing


def setting_seconds(name: str, default: float, low: float, high: float, environ: Mapping | None = None) -> float:
    """A number of seconds (or hours) from the environment, held between low and high; the
    default when it is unset, not a number or not finite (never "forever", never "none")."""
    try:
        value = float((os.environ if environ is None else environ).get(name, default))
    except ValueError:
        return float(default)
    return min(max(value, low), high) if math.isfinite(value) else float(default)


class AuthConfigError(ValueError):
    """The configured hash cannot be used; the gate then lets nobody in."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$16384$8$1$<salt>$<key>': what to put in the configuration."""
    if not password:
        raise ValueError("the password is empty")
    salt = salt or secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, dklen=32, maxmem=64 * 2**20, **SCRYPT)
    return "$".join(["scrypt", str(SCRYPT["n"]), str(SCRYPT["r"]), str(SCRYPT["p"]), _b64(salt), _b64(key)])


@dataclass(frozen=True)
class StoredHash:
    scheme: str
    params: tuple[int, ...]
    salt: bytes
    key: bytes

    def derive(self, password: str) -> bytes:
        if self.scheme == "scrypt":
            n, r, p = self.params
            return hashlib.scrypt(password.encode(), salt=self.salt, n=n, r=r, p=p,
                                  dklen=len(self.key), maxmem=256 * 2**20)
        return hashlib.pbkdf2_hmac("sha256", password.encode(), self.salt, self.params[0], len(self.key))


def parse_hash(encoded: str) -> StoredHash:
    """Read 'scrypt$n$r$p$salt$key' or 'pbkdf2_sha256$iterations$salt$key'."""
    try:
        stored = _read_hash(encoded.strip().split("$"))
    except AuthConfigError:
        raise
    except ValueError as exc:  # a number or base64 that does not read
        raise AuthConfigError(f"the password hash is malformed ({exc})") from None
    if len(stored.salt) < 8 or len(stored.key) < 16:
        raise AuthConfigError("the password hash's salt or key is too short")
    return stored


def _read_hash(parts: list[str]) -> StoredHash:
    if parts[0] == "scrypt" and len(parts) == 6:
        n, r, p = (int(x) for x in parts[1:4])
        if n < 2**14 or n & (n - 1) or r < 1 or p < 1:
            raise AuthConfigError("scrypt needs n a power of two of at least 16384, r and p at least 1")
        return StoredHash("scrypt", (n, r, p), _unb64(parts[4]), _unb64(parts[5]))
    if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
        iterations = int(parts[1])
        if iterations < PBKDF2_MIN_ITERATIONS:
            raise AuthConfigError(f"pbkdf2 needs at least {PBKDF2_MIN_ITERATIONS:,} iterations")
        return StoredHash("pbkdf2_sha256", (iterations,), _unb64(parts[2]), _unb64(parts[3]))
    raise AuthConfigError("the password hash must come from `python -m newsdash hash-password`")


def verify_password(password: str, stored: StoredHash) -> bool:
    """True when the password matches; the comparison takes the same time either way."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    return hmac.compare_digest(stored.derive(password), stored.key)


def configured_hash(secrets_section: Mapping | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The hash from a section of Streamlit secrets (its password_hash), else the environment."""
    from_secrets = (secrets_section or {}).get("password_hash")
    return (from_secrets or environ.get(ENV_VAR) or "").strip() or None


def hash_from_secrets(secrets: Mapping | None, environ: Mapping[str, str] = os.environ) -> tuple[str | None, bool]:
    """(the configured hash, whether it came from the old place [auth] password_hash).

    Secrets before the environment, as before: [dashboard] password_hash, else the old
    place (still accepted, so that an upgrade locks nobody out nor lets anyone in with an
    older hash from the environment, but flagged so that editors move it), else
    DASHBOARD_PASSWORD_HASH."""
    secrets = secrets or {}
    if encoded := configured_hash(secrets.get(SECRETS_SECTION), {}):
        return encoded, False
    if encoded := configured_hash(secrets.get(OLD_SECRETS_SECTION), {}):
        return encoded, True
    return configured_hash(None, environ), False


SPACING_ENV = "DASHBOARD_SIGN_IN_SPACING"  # seconds between two checks of one account (newsdash/app/door.py)


# --- editors: named accounts, each with its own hash ---------------------------------
#
# Readers may share one password (above); an editor saves and approves as themselves, so
# the review log can say who did what and nobody approves their own save. An account is
# a name and a hash made by `python -m newsdash hash-password`, in secrets.toml:
#     [dashboard.editors]
#     "Amal Haddad" = "scrypt$16384$8$1$..."
# or in the environment: DASHBOARD_EDITORS='Amal Haddad:scrypt$...,Ben Roy:scrypt$...'.
# With no account, an editor may turn editing on for their own machine only, under one
# name: [dashboard] local_editor = "Amal Haddad" (or DASHBOARD_LOCAL_EDITOR); off by
# default, and only for a browser on the same machine (newsdash.app.editors).

EDITORS_ENV = "DASHBOARD_EDITORS"
LOCAL_EDITOR_ENV = "DASHBOARD_LOCAL_EDITOR"
MAX_EDITOR_NAME = 80


def editor_hashes(secrets: Mapping | None, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Each editor's name and hash: [dashboard.editors] in secrets, else DASHBOARD_EDITORS."""
    section = ((secrets or {}).get(SECRETS_SECTION) or {}).get("editors") or {}
    if isinstance(section, Mapping) and section:
        pairs = [(str(name), str(encoded)) for name, encoded in section.items()]
    else:
        pairs = [item.partition(":")[::2] for item in environ.get(EDITORS_ENV, "").split(",") if item.strip()]
    return {name.strip(): encoded.strip() for name, encoded in pairs
            if name.strip() and encoded.strip() and len(name.strip()) <= MAX_EDITOR_NAME}


def local_editor(secrets: Mapping | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The one editor name of a machine where editing was turned on explicitly, or None."""
    name = ((secrets or {}).get(SECRETS_SECTION) or {}).get("local_editor") or environ.get(LOCAL_EDITOR_ENV) or ""
    name = str(name).strip()
    return name[:MAX_EDITOR_NAME] or None


def find_editor(name: str, accounts: Mapping[str, str]) -> tuple[str, str] | None:
    """(the account's own spelling of the name, its hash) for a name as typed, case aside."""
    wanted = name.strip().casefold()
    return next(((known, encoded) for known, encoded in accounts.items() if known.casefold() == wanted), None)


def verify_editor(name: str, password: str, accounts: Mapping[str, str]) -> str | None:
    """The editor's name when this is their password, else None. An unknown name costs a
    check against a throwaway hash, so the time taken does not tell which names exist."""
    found = find_editor(name, accounts)
    try:
        stored = parse_hash(found[1] if found else _decoy())
    except AuthConfigError:
        return None
    return found[0] if verify_password(password, stored) and found else None


@functools.cache
def _decoy() -> str:
    return hash_password(secrets.token_urlsafe(16))


caches.owns("app.auth:_decoy", _decoy.cache_clear)
