"""The door in front of Streamlit: what a request may reach, decided by pure functions.

The ASGI middleware and the sign-in routes (newsdash/app/door_asgi.py) call these; the
tests call them directly (tests/test_door.py). No Streamlit, no Starlette here.

When sign-in is required (a reader password is configured, DASHBOARD_SIGN_IN_REQUIRED is
on, or a registered identity source closes the door: newsdash/app/identity.py), a request
without a valid sign-in gets only the sign-in and sign-out routes, the bare health check
(for probes), and the open paths of identity sources; a page address is redirected to the
sign-in form with `next=` keeping its path and query; everything else (the websocket,
/media, uploads, Streamlit's other /_stcore routes, static assets, components) is refused.
Metrics answer 404 to everyone. With no sign-in required (editor accounts only, or none),
readers pass and editors may still sign in at the door. The websocket takes only the
app's own origin (scheme, host and port) either way.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from newsdash.app import auth
from newsdash.app.door_cookie import generation
from newsdash.app.identity import EDITOR_ACCOUNT, PASSWORD, Identity

SIGN_IN = "sign-in"
SIGN_OUT = "sign-out"
SECRET_ENV = "DASHBOARD_COOKIE_SECRET"
REQUIRED_ENV = "DASHBOARD_SIGN_IN_REQUIRED"
EMBED_ENV = "DASHBOARD_EMBED_ORIGINS"
SECURE_ENV = "DASHBOARD_SECURE_COOKIES"
STATE_DIR_ENV = "DASHBOARD_STATE_DIR"
SIGN_IN_HOURS_ENV = "DASHBOARD_SIGN_IN_HOURS"
KNOWN_BROWSER_DAYS = 90
MIN_SECRET_BYTES = 32
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
# the first path segment of the app's own routes (newsdash/app/public_routes.py): not
# pages, so never sent to the sign-in form (an iframe or an image gets a refusal instead)
TRAVEL_ROOTS = ("embed", "preview")


class Kind(Enum):
    SIGN_IN = "sign-in"
    SIGN_OUT = "sign-out"
    HEALTH = "health"  # the bare health check
    METRICS = "metrics"
    STREAM = "stream"  # the websocket
    MEDIA = "media"
    UPLOAD = "upload"
    CORE = "core"  # Streamlit's other /_stcore routes (host-config, components, agent, ...)
    ASSET = "asset"  # static files, components, the app's static folder
    SOURCE_OPEN = "source-open"  # an identity source's own routes (its login and callback)
    TRAVEL = "travel"  # the app's own routes beside the pages: a chart's embed page, plotly.js, preview images
    PAGE = "page"  # any other address under the base path: Streamlit's page (index.html)
    OUTSIDE = "outside"  # not under the base path


class Decision(Enum):
    PASS = "pass"
    NOT_FOUND = "not found"
    TO_SIGN_IN = "redirect to the sign-in form"
    REFUSE = "refuse"


def base_path(option: str | None) -> str:
    """server.baseUrlPath ("newsdash", "/newsdash/", "") as "/newsdash" or ""."""
    parts = [p for p in (option or "").split("/") if p]
    return "/" + "/".join(parts) if parts else ""


def classify(path: str, base: str, open_paths: Iterable[str] = ()) -> Kind:
    """What a request path is, for the door."""
    if base and not (path == base or path.startswith(base + "/")):
        return Kind.OUTSIDE
    rest = path[len(base):].lstrip("/")
    first, _, _ = rest.partition("/")
    if rest in (SIGN_IN, SIGN_OUT):
        return Kind(rest)
    if rest.startswith(f"{SIGN_IN}/provider/"):  # to an identity provider's sign-in (newsdash.app.door_oidc)
        return Kind.SIGN_IN
    if rest == "_stcore/health":
        return Kind.HEALTH
    if rest == "_stcore/metrics" or rest.startswith("_stcore/metrics/"):
        return Kind.METRICS
    if rest == "_stcore/stream":
        return Kind.STREAM
    if rest.startswith("_stcore/upload_file"):
        return Kind.UPLOAD
    if first == "_stcore":
        return Kind.CORE
    if first == "media":
        return Kind.MEDIA
    if first in ("static", "component") or rest.startswith("app/static"):
        return Kind.ASSET
    if first in TRAVEL_ROOTS:
        return Kind.TRAVEL
    if any(rest == p or rest.startswith(p + "/") for p in open_paths if p):
        return Kind.SOURCE_OPEN
    return Kind.PAGE


def decide(kind: Kind, method: str, signed_in: bool, required: bool) -> Decision:
    """Whether a request of this kind passes to Streamlit (or our routes)."""
    if kind is Kind.METRICS:
        return Decision.NOT_FOUND  # cache names and hit counts: nobody's business, ever
    if signed_in or not required or kind in (Kind.SIGN_IN, Kind.SIGN_OUT, Kind.HEALTH, Kind.SOURCE_OPEN):
        return Decision.PASS
    if kind is Kind.PAGE and method in ("GET", "HEAD"):
        return Decision.TO_SIGN_IN
    if kind is Kind.OUTSIDE:
        return Decision.NOT_FOUND
    return Decision.REFUSE


# --- origins ------------------------------------------------------------------------------

def http_scheme(scope_scheme: str) -> str:
    return "https" if scope_scheme in ("https", "wss") else "http"


def own_origin(scheme: str, host_header: str | None, allowed_names: Iterable[str]) -> str | None:
    """The app's own origin as this request names it (scheme, the Host header's name and
    port), or None when the Host names a host the app does not answer to (a DNS-rebinding
    name, say): then no origin is the app's own."""
    if not host_header or any(c in host_header for c in "/\\@?# "):
        return None
    try:
        parts = urlsplit(f"//{host_header}")
        port = parts.port
    except ValueError:
        return None
    name = (parts.hostname or "").rstrip(".").lower()
    if name not in {n.lower() for n in allowed_names if n}:
        return None
    default = 443 if scheme == "https" else 80
    shown = f"[{name}]" if ":" in name else name
    return f"{scheme}://{shown}" + (f":{port}" if port and port != default else "")


def normal_origin(origin: str) -> str | None:
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        return None
    default = 443 if parts.scheme == "https" else 80
    name = parts.hostname.lower()
    shown = f"[{name}]" if ":" in name else name
    return f"{parts.scheme}://{shown}" + (f":{port}" if port and port != default else "")


def same_origin(origin: str | None, own: str | None) -> bool:
    """True only for the app's own origin: the same scheme, host and port."""
    return bool(origin and own and normal_origin(origin) == own)


def referer_origin(referer: str | None) -> str | None:
    if not referer:
        return None
    try:
        parts = urlsplit(referer)
    except ValueError:
        return None
    return normal_origin(f"{parts.scheme}://{parts.netloc}") if parts.scheme and parts.netloc else None


def form_post_allowed(origin: str | None, referer: str | None, own: str | None) -> bool:
    """A form POST (sign-in, sign-out) comes from the app's own pages: its Origin, or when a
    browser sends none, its Referer, names the app's own origin."""
    if origin and origin != "null":
        return same_origin(origin, own)
    return bool(own) and referer_origin(referer) == own


def websocket_allowed(origin: str | None, own: str | None) -> bool:
    """Browsers always send Origin on a websocket: it must be the app's own. A client that
    sends none is no browser page (it still needs the sign-in cookie)."""
    return origin is None or same_origin(origin, own)


# --- where to go after signing in -----------------------------------------------------------

def safe_next(target: str | None, base: str) -> str:
    """A path of this app to go to after signing in ("/demining?lang=ar"), never another site:
    anything else is the app's front page."""
    front = (base or "") + "/"
    if not target or not isinstance(target, str) or len(target) > 2000:
        return front
    if any(ord(c) < 0x20 or c in "\\" for c in target):
        return front
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return front
    if base and not (parts.path == base or parts.path.startswith(base + "/")):
        return front
    rest = parts.path[len(base):].lstrip("/")
    if rest.split("/")[0] in (SIGN_IN, SIGN_OUT, "_stcore", "media", "static", "component", *TRAVEL_ROOTS):
        return front
    return target


def sign_in_location(base: str, path: str, query: str) -> str:
    """The sign-in form's address for a request of a page: next= keeps its path and query."""
    target = path + (f"?{query}" if query else "")
    return f"{base}/{SIGN_IN}?next={quote(target, safe='')}"


def language_of(target: str | None, explicit: str | None = None) -> str:
    """The form's language: ?lang= of the form itself, else of `next`."""
    if explicit in ("en", "ar"):
        return explicit
    query = urlsplit(target or "").query
    lang = (parse_qs(query).get("lang") or [""])[0]
    return lang if lang in ("en", "ar") else "en"


# --- headers ------------------------------------------------------------------------------

def content_security_policy(embed_origins: Iterable[str] = (), script_hashes: Iterable[str] = ()) -> str:
    """Streamlit's frontend needs inline styles (emotion), blob: workers, data:/blob: images
    and fonts; its index.html has one inline script, allowed by its hash."""
    ancestors = " ".join(["'self'", *embed_origins])
    # 'wasm-unsafe-eval' lets allowed scripts compile WebAssembly, never run a string as
    # JavaScript: Streamlit's protobuf code (Long.js) tries a small WebAssembly module on
    # every page and reported a violation without it
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *(f"'sha256-{h}'" for h in script_hashes)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "frame-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors}",
    ])


def embed_page_policy(embed_origins: Iterable[str] = (), script_hashes: Iterable[str] = ()) -> str:
    """A chart's standalone page (what an embed frames): framed by the app itself and the
    configured embed origins only; its one script allowed by its hash, plotly.js from here;
    nothing fetched, no form, no plugin."""
    ancestors = " ".join(["'self'", *embed_origins])
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in script_hashes)])
    return "; ".join([
        "default-src 'none'", f"script-src {scripts}", "style-src 'unsafe-inline'", "img-src data: blob:",
        "font-src 'self' data:", "connect-src 'none'", "object-src 'none'", "base-uri 'none'",
        "form-action 'none'", f"frame-ancestors {ancestors}",
    ])


# A crawler's preview page: tags and a link, nothing to run or fetch, never framed.
PREVIEW_PAGE_POLICY = ("default-src 'none'; img-src 'self'; style-src 'none'; script-src 'none'; "
                       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def security_headers(embed_origins: Iterable[str] = (), script_hashes: Iterable[str] = ()) -> list[tuple[str, str]]:
    embeds = [o for o in embed_origins if o]
    headers = [("Content-Security-Policy", content_security_policy(embeds, script_hashes)),
               ("X-Content-Type-Options", "nosniff"),
               ("Referrer-Policy", "strict-origin-when-cross-origin")]
    if not embeds:
        headers.append(("X-Frame-Options", "SAMEORIGIN"))  # older browsers, where frame-ancestors is 'self'
    return headers


def inline_script_hashes(index_html: str) -> list[str]:
    """sha256 (base64) of each inline <script> of Streamlit's index.html."""
    import base64
    import re

    return [base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            for body in re.findall(r"<script>(.*?)</script>", index_html, re.S)]


def embed_origins(configured: object) -> tuple[str, ...]:
    """[dashboard] embed_origins (a list) or DASHBOARD_EMBED_ORIGINS (comma separated):
    only well-formed http(s) origins are kept."""
    items = configured.split(",") if isinstance(configured, str) else list(configured or [])
    return tuple(o for o in (normal_origin(str(i)) for i in items if str(i).strip()) if o)


# --- configuration ----------------------------------------------------------------------------

def _truthy(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class DoorConfig:
    """Everything the door decides with, read once every few seconds (door_asgi.current_config)."""

    reader_hash: str | None = None
    editors: tuple[tuple[str, str], ...] = ()
    secret: bytes = field(default=b"", repr=False)
    secret_is_random: bool = True
    sign_in_seconds: float = 12 * 3600
    spacing: float = 10.0
    embeds: tuple[str, ...] = ()
    base: str = ""
    public_host: str | None = None
    secure_always: bool = False
    required_by_setting: bool = False
    state_dir: Path = Path(".state")
    hash_in_old_place: bool = False

    @property
    def editor_accounts(self) -> dict[str, str]:
        return dict(self.editors)

    def required(self, sources_close: bool = False) -> bool:
        return bool(self.reader_hash) or self.required_by_setting or sources_close

    def generation_of(self, identity: Identity) -> str | None:
        """The current generation of the credential an identity signed in with: None when it
        is gone (the password removed, the editor account deleted)."""
        if identity.source == PASSWORD:
            return generation(self.reader_hash) if self.reader_hash else None
        if identity.source == EDITOR_ACCOUNT:
            encoded = self.editor_accounts.get(identity.name)
            return generation(encoded) if encoded else None
        return "-"  # another source: its own cookie decides; ours ends with its expiry or a sign-out

    def allowed_names(self) -> tuple[str, ...]:
        return (*LOCAL_NAMES, *((self.public_host,) if self.public_host else ()))


_RANDOM_SECRET = secrets.token_bytes(32)  # this process's, when none is configured: one replica only


def config_from(secrets_: Mapping | None, environ: Mapping[str, str], *, base_option: str | None,
                server_address: str | None, data_dir: Path) -> DoorConfig:
    """The door's configuration from Streamlit secrets (a mapping), the environment and the
    two Streamlit options it needs (server.baseUrlPath, browser.serverAddress)."""
    section = (secrets_ or {}).get(auth.SECRETS_SECTION) or {}
    reader_hash, old_place = auth.hash_from_secrets(secrets_, environ)
    secret_text = str(section.get("cookie_secret") or environ.get(SECRET_ENV) or "")
    secret = secret_text.encode()
    is_random = len(secret) < MIN_SECRET_BYTES
    if is_random:
        secret = _RANDOM_SECRET
    hours = auth.setting_seconds(SIGN_IN_HOURS_ENV, 12.0, 0.05, 168.0, environ)
    state = environ.get(STATE_DIR_ENV) or str(data_dir / ".state")
    return DoorConfig(
        reader_hash=reader_hash,
        editors=tuple(auth.editor_hashes(secrets_, environ).items()),
        secret=secret,
        secret_is_random=is_random,
        sign_in_seconds=hours * 3600,
        spacing=auth.setting_seconds(auth.SPACING_ENV, 10.0, 1.0, 600.0, environ),
        embeds=embed_origins(section.get("embed_origins") or environ.get(EMBED_ENV) or ()),
        base=base_path(base_option),
        public_host=(server_address or "").strip() or None,
        secure_always=_truthy(section.get("secure_cookies") or environ.get(SECURE_ENV) or ""),
        required_by_setting=_truthy(section.get("sign_in_required") or environ.get(REQUIRED_ENV) or ""),
        state_dir=Path(os.path.expanduser(state)),
        hash_in_old_place=old_place,
    )


def account_key(editor_name: str | None, accounts: Mapping[str, str]) -> str:
    """The brake's account for an attempt: the reader password, an editor's own name, or
    every unknown name together (so made-up names do not each get a budget)."""
    if not editor_name:
        return "reader"
    found = auth.find_editor(editor_name, accounts)
    return f"editor:{found[0].casefold()}" if found else "editor:?"
