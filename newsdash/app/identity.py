"""Who a request is: the Identity the door (newsdash/app/door_asgi.py) lets in, and the
hook through which other sign-in methods (OpenID Connect, newsdash/app/oidc.py) add theirs.

Pure: no Streamlit, no Starlette; imported by the door, by the page run's check
(newsdash/app/gate.py) and by the identity sources themselves.

The hook
--------
An identity source is a function ``source(cookies) -> Identity | None``: it is given the
request's cookies (a mapping of name to value, as the browser sent them) and answers who
the browser is, or None. The door asks the registered sources, in order, only when the
request carries no valid sign-in cookie of the door's own; the first Identity returned
wins, and the door then mints its own signed sign-in cookie for it (so later requests,
every replica, the websocket and the page runs read the door's cookie only). A source must
be quick and must not raise (an exception counts as None and is logged); it must check
whatever signature its own cookie carries: the door trusts what it returns.

    from newsdash.app import identity

    def from_my_provider(cookies):
        ...
        return identity.Identity(name="amal@example.org", role=identity.EDITOR, source="oidc")

    identity.register_source(from_my_provider, closes_the_door=True,
                             open_paths=("auth/login", "oauth2callback"))

- ``closes_the_door=True``: with this source registered, the dashboard is closed to a
  browser without an identity even when no reader password is configured.
- ``open_paths``: paths under the app's base path that a browser without an identity may
  reach (the provider's login and callback routes), compared on whole path segments.
- ``sign_in_links``: (href, English label, Arabic label) shown as links on the sign-in
  form (e.g. "Sign in with the newsroom's account").
- ``refusal``: ``refusal(cookies, lang) -> Notice | None``: when the source knows the
  browser signed in but may not come in (an account the roles leave out), the door's
  sign-in form shows this notice (title, text, a way out) instead of the form.
- ``source`` and ``sign_out_path``: after the door's own sign-out of an identity from this
  source (Identity.source == source), the browser goes to this path under the base path
  (the provider's sign-out, which ends its session too) instead of the sign-in form.

An Identity may say until when it holds (``until``, a Unix time): the door's cookie for
it then ends no later.

Register before the app serves its first request (at import of the module that builds
`st.App`, dashboard.py). An Identity's role is READER or EDITOR; an EDITOR whose source is
not the door's own password acts as an editor in the app under its name (newsdash.app.editors).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

READER = "reader"
EDITOR = "editor"
ROLES = (READER, EDITOR)

# the door's own sources (what the sign-in form checked)
PASSWORD = "password"  # the shared reader password
EDITOR_ACCOUNT = "editor-account"  # a named editor account (newsdash.app.auth editor_hashes)

MAX_NAME = 200
_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Identity:
    """Who signed in: a display name ("" for the shared reader password), a role (READER or
    EDITOR), and the source that vouched for it (PASSWORD, EDITOR_ACCOUNT, "oidc", ...)."""

    name: str
    role: str
    source: str
    until: float | None = field(default=None, compare=False)  # the source's sign-in ends then

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {self.role!r}")
        if not isinstance(self.name, str) or len(self.name) > MAX_NAME:
            raise ValueError("name must be a string of at most 200 characters")
        if not isinstance(self.source, str) or not self.source or len(self.source) > 40:
            raise ValueError("source must be a short non-empty string")

    @property
    def is_editor(self) -> bool:
        return self.role == EDITOR


IdentitySource = Callable[[Mapping[str, str]], "Identity | None"]


@dataclass(frozen=True)
class Notice:
    """A plain page the door shows instead of the sign-in form (already in the reader's
    language): why this browser may not come in, and a link out."""

    title: str
    text: str
    way_out_href: str
    way_out_label: str


RefusalReader = Callable[[Mapping[str, str], str], "Notice | None"]


@dataclass(frozen=True)
class RegisteredSource:
    read: IdentitySource
    closes_the_door: bool = False
    open_paths: tuple[str, ...] = ()
    sign_in_links: tuple[tuple[str, str, str], ...] = ()
    refusal: RefusalReader | None = None
    source: str = ""
    sign_out_path: str = ""


_sources: list[RegisteredSource] = []
_lock = threading.Lock()


def register_source(read: IdentitySource, *, closes_the_door: bool = False, open_paths: tuple[str, ...] = (),
                    sign_in_links: tuple[tuple[str, str, str], ...] = (), refusal: RefusalReader | None = None,
                    source: str = "", sign_out_path: str = "") -> None:
    """Add an identity source (see the module docstring); registering the same function
    twice keeps one (the latest registration)."""
    entry = RegisteredSource(read, closes_the_door, tuple(p.strip("/") for p in open_paths), tuple(sign_in_links),
                             refusal, source, sign_out_path.strip("/"))
    with _lock:
        _sources[:] = [s for s in _sources if s.read is not read] + [entry]


def unregister_source(read: IdentitySource) -> None:
    with _lock:
        _sources[:] = [s for s in _sources if s.read is not read]


def sources() -> tuple[RegisteredSource, ...]:
    return tuple(_sources)


def identity_from_sources(cookies: Mapping[str, str],
                          registered: tuple[RegisteredSource, ...] | None = None) -> Identity | None:
    """The first Identity a source returns for these cookies, or None."""
    for source in sources() if registered is None else registered:
        try:
            found = source.read(cookies)
        except Exception:  # a broken source lets nobody in through it, and says why in the log
            _LOGGER.exception("identity source %r failed", getattr(source.read, "__name__", source.read))
            continue
        if isinstance(found, Identity):
            return found
    return None


def refusal_from_sources(cookies: Mapping[str, str], lang: str) -> Notice | None:
    """The first refusal notice a source gives for these cookies, or None."""
    for source in sources():
        if source.refusal is None:
            continue
        try:
            found = source.refusal(cookies, lang)
        except Exception:  # a broken source refuses nobody through it, and says why in the log
            _LOGGER.exception("identity source %r could not say why it refuses", source.source or source.read)
            continue
        if isinstance(found, Notice):
            return found
    return None


def sign_out_path_for(who: Identity) -> str | None:
    """Where the door sends a browser after signing this identity out, when its source says."""
    return next((s.sign_out_path for s in sources() if s.source and s.source == who.source and s.sign_out_path),
                None)
