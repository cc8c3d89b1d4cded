"""A real OpenID Connect provider on loopback, for the sign-in tests: built on Authlib's
server components (the same library as Streamlit's client side, which talks to it over
HTTP on 127.0.0.1; nothing of the flow is mocked).

- discovery: /.well-known/openid-configuration
- authorization code flow with PKCE (S256 required, as Streamlit asks for it once the
  discovery document offers it) and a nonce: GET /authorize shows a sign-in form, POST
  checks the user's password; a browser that signed in at the provider before is sent
  straight back (the provider's own session, ended by /end_session);
- /token: client_secret_basic or client_secret_post; ID tokens signed RS256 with a key
  published at /jwks, lifetime `id_token_seconds`;
- /userinfo (Bearer access token), /end_session (RP-initiated logout: id_token_hint,
  post_logout_redirect_uri registered per client).

Users and their groups are set per test (`provider.add_user(...)`); `signed_out` lists
the users whose provider session /end_session ended; `issued` the ID tokens' claims.
"""

from __future__ import annotations

import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from authlib.oauth2 import AuthorizationServer, OAuth2Error, OAuth2Request
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.rpinitiated import EndSessionEndpoint
from joserfc.jwk import KeySet, RSAKey

SESSION_COOKIE = "op_session"


@dataclass
class User:
    username: str
    password: str
    name: str
    email: str
    email_verified: bool = True
    groups: tuple[str, ...] = ()

    @property
    def sub(self) -> str:
        return "sub-" + self.username


@dataclass
class Client:
    """A registered relying party (the dashboard)."""

    client_id: str
    client_secret: str
    redirect_uris: list[str] = field(default_factory=list)

    @property
    def client_metadata(self) -> dict:  # EndSessionEndpoint reads the logout URIs here
        return {"post_logout_redirect_uris": self.redirect_uris}

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str | None:
        return self.redirect_uris[0] if self.redirect_uris else None

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in (scope or "").split() if s in {"openid", "email", "profile", "groups"})

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint != "token" or method in {"client_secret_basic", "client_secret_post"}

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class Code:
    """An authorization code, as Authlib's AuthorizationCodeMixin and OpenID's read it."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: User
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int
    expires_at: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> str | None:
        return None

    def get_amr(self) -> list[str] | None:
        return None


class Request(OAuth2Request):
    """An HTTP request of http.server, as Authlib's server reads one."""

    def __init__(self, method: str, uri: str, headers: object, query: dict, form: dict,
                 op_session: str | None) -> None:
        super().__init__(method, uri, headers=headers)  # http.server's: names in any case
        self._query, self._form = query, form
        self.op_session = op_session  # the provider's own session cookie
        self.payload = BasicOAuth2Payload({**query, **form})

    @property
    def args(self) -> dict:
        return self._query

    @property
    def form(self) -> dict:
        return self._form


class Provider:
    """The provider: start() on a free loopback port, stop() at the end (or `with`)."""

    def __init__(self, client_id: str = "newsdash", client_secret: str | None = None,
                 id_token_seconds: int = 300, group_claim: str = "groups") -> None:
        self.client = Client(client_id, client_secret or secrets.token_urlsafe(24))
        self.id_token_seconds = id_token_seconds
        self.group_claim = group_claim
        self.users: dict[str, User] = {}
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key-1", "use": "sig", "alg": "RS256"})
        self.codes: dict[str, Code] = {}
        self.access_tokens: dict[str, tuple[User, float]] = {}
        self.sessions: dict[str, User] = {}  # the provider's own sign-in, per browser
        self.signed_out: list[str] = []  # usernames whose session /end_session ended
        self.issued: list[dict] = []  # claims of every ID token, in order
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self.server = self._authorization_server()

    # -- set-up ---------------------------------------------------------------------
    def add_user(self, username: str, password: str, name: str, email: str, *,
                 email_verified: bool = True, groups: tuple[str, ...] = ()) -> User:
        user = User(username, password, name, email, email_verified, tuple(groups))
        self.users[username] = user
        return user

    @property
    def issuer(self) -> str:
        assert self._httpd, "start the provider first"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def start(self) -> Provider:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, name="oidc-provider", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> Provider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/end_session",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile", "groups"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": ["authorization_code"],
            "claims_supported": ["sub", "name", "email", "email_verified", self.group_claim],
        }

    def jwks(self) -> dict:
        return KeySet([self.key]).as_dict(private=False)

    def claims_of(self, user: User, scope: str) -> dict:
        info = UserInfo(sub=user.sub)
        if "profile" in scope.split():
            info["name"] = user.name
        if "email" in scope.split():
            info["email"], info["email_verified"] = user.email, user.email_verified
        if user.groups:
            info[self.group_claim] = list(user.groups)
        return info

    # -- Authlib's server ------------------------------------------------------------------
    def _authorization_server(self) -> AuthorizationServer:
        provider = self

        class Server(AuthorizationServer):
            def query_client(self, client_id):  # noqa: ANN001, ANN202
                return provider.client if client_id == provider.client.client_id else None

            def save_token(self, token, request):  # noqa: ANN001, ANN202
                with provider._lock:
                    provider.access_tokens[token["access_token"]] = (request.user, time.time() + token["expires_in"])

            def create_oauth2_request(self, request):  # noqa: ANN001, ANN202
                return request

            def create_json_request(self, request):  # noqa: ANN001, ANN202
                return request

            def handle_response(self, status, body, headers):  # noqa: ANN001, ANN202
                return status, body, headers

            def send_signal(self, name, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                return None

        class CodeGrant(grants.AuthorizationCodeGrant):
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

            def save_authorization_code(self, code, request):  # noqa: ANN001, ANN202
                payload = request.payload.data
                with provider._lock:
                    provider.codes[code] = Code(
                        code, request.client.client_id, payload.get("redirect_uri"), request.scope, request.user,
                        payload.get("nonce"), payload.get("code_challenge"), payload.get("code_challenge_method"),
                        int(time.time()), time.time() + 60)

            def query_authorization_code(self, code, client):  # noqa: ANN001, ANN202
                found = provider.codes.get(code)
                if found and found.client_id == client.client_id and time.time() < found.expires_at:
                    return found
                return None

            def delete_authorization_code(self, authorization_code):  # noqa: ANN001, ANN202
                with provider._lock:
                    provider.codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code):  # noqa: ANN001, ANN202
                return authorization_code.user

        class OpenID(OpenIDCode):
            def exists_nonce(self, nonce, request):  # noqa: ANN001, ANN202
                return any(code.nonce == nonce for code in provider.codes.values())

            def resolve_client_private_key(self, client):  # noqa: ANN001, ANN202
                return provider.key

            def get_client_algorithm(self, client):  # noqa: ANN001, ANN202
                return "RS256"

            def get_encode_header(self, client):  # noqa: ANN001, ANN202
                return {"alg": "RS256", "kid": provider.key.kid}

            def get_client_claims(self, client):  # noqa: ANN001, ANN202
                return {"iss": provider.issuer, "aud": [client.client_id],
                        "exp": int(time.time()) + provider.id_token_seconds}

            def generate_user_info(self, user, scope):  # noqa: ANN001, ANN202
                claims = provider.claims_of(user, scope)
                provider.issued.append(dict(claims))
                return claims

        class EndSession(EndSessionEndpoint):
            def get_server_jwks(self):  # noqa: ANN202
                return provider.jwks()

            def end_session(self, end_session_request):  # noqa: ANN001, ANN202
                token = end_session_request.request.op_session
                with provider._lock:
                    user = provider.sessions.pop(token, None) if token else None
                if user:
                    provider.signed_out.append(user.username)

        server = Server(scopes_supported=["openid", "email", "profile", "groups"])
        server.register_token_generator("default", BearerTokenGenerator(
            lambda *args, **kwargs: secrets.token_urlsafe(32), expires_generator=lambda *args: provider.id_token_seconds))
        server.register_grant(CodeGrant, [OpenID(require_nonce=True), CodeChallenge(required=True)])
        server.register_endpoint(EndSession)
        return server


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet: the tests read the outcome
            pass

        def do_GET(self) -> None:  # noqa: N802
            self._route("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._route("POST")

        def _route(self, method: str) -> None:
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query))
            form = {}
            if method == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(parse_qsl(self.rfile.read(length).decode()))
            cookie = SimpleCookie(self.headers.get("Cookie") or "")
            session = cookie[SESSION_COOKIE].value if SESSION_COOKIE in cookie else None
            request = Request(method, f"{provider.issuer}{self.path}", self.headers, query, form, session)
            routes = {
                "/.well-known/openid-configuration": lambda: (200, provider.discovery(), []),
                "/jwks": lambda: (200, provider.jwks(), []),
                "/authorize": lambda: self._authorize(request, method, session),
                "/token": lambda: provider.server.create_token_response(request),
                "/userinfo": lambda: self._userinfo(request),
                "/end_session": lambda: self._end_session(request),
            }
            route = routes.get(parts.path)
            try:
                answer = route() if route else (404, {"error": "not_found"}, [])
            except Exception as problem:  # noqa: BLE001 - a test provider says what broke
                answer = (500, {"error": "server_error", "error_description": repr(problem)}, [])
            self._send(*answer)

        def _authorize(self, request: Request, method: str, session: str | None) -> tuple:
            user = provider.sessions.get(session) if session else None
            if not request.args.get("code_challenge"):
                # Authlib checks a missing challenge only at the token endpoint; a provider set
                # to require PKCE (as Keycloak can be) refuses the request here already
                return 400, {"error": "invalid_request", "error_description": "code_challenge is required"}, []
            try:
                grant = provider.server.get_consent_grant(request, end_user=user)
            except OAuth2Error as error:
                return 400, {"error": error.error, "error_description": error.description}, []
            extra = []
            if method == "POST":
                user = self._check_password(request.form)
                if user is None:
                    return 200, _form_page(request.args, "Wrong username or password."), []
                session = secrets.token_urlsafe(24)
                with provider._lock:
                    provider.sessions[session] = user
                extra = [("Set-Cookie", f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax")]
            elif user is None or request.args.get("prompt") == "login":
                return 200, _form_page(request.args), []
            status, body, headers = provider.server.create_authorization_response(request, grant_user=user,
                                                                                  grant=grant)
            return status, body, [*headers, *extra]

        @staticmethod
        def _check_password(form: dict) -> User | None:
            user = provider.users.get(form.get("username", ""))
            if user and secrets.compare_digest(user.password, form.get("password", "")):
                return user
            return None

        @staticmethod
        def _userinfo(request: Request) -> tuple:
            scheme, _, token = (request.headers.get("Authorization") or "").partition(" ")
            found = provider.access_tokens.get(token) if scheme.lower() == "bearer" else None
            if not found or time.time() >= found[1]:
                return 401, {"error": "invalid_token"}, [("WWW-Authenticate", 'Bearer error="invalid_token"')]
            return 200, provider.claims_of(found[0], "openid email profile"), []

        @staticmethod
        def _end_session(request: Request) -> tuple:
            clear = [("Set-Cookie", f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")]
            try:
                validated = provider.server.validate_endpoint_request("end_session", request)
            except OAuth2Error as error:
                return 400, {"error": error.error, "error_description": error.description}, []
            response = provider.server.create_endpoint_response("end_session", validated)
            if response is None:
                return 200, "<!doctype html><title>Signed out</title><p>You are signed out.</p>", clear
            status, body, headers = response
            return status, body, [*headers, *clear]

        def _send(self, status: int, body: object, headers: list) -> None:
            if isinstance(body, dict | list):
                data, kind = json.dumps(body).encode(), "application/json"
            else:
                data, kind = str(body or "").encode(), "text/html; charset=utf-8"
            self.send_response(status)
            names = {name.lower() for name, _ in headers}
            if "content-type" not in names:
                self.send_header("Content-Type", kind)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _form_page(query: dict, problem: str = "") -> str:
    """The provider's own sign-in form; it posts back to /authorize with the same request."""
    warning = f'<p role="alert">{html.escape(problem)}</p>' if problem else ""
    action = html.escape("/authorize?" + urlencode(query))
    return (
        "<!doctype html><html lang=en><title>Test provider: sign in</title>"
        f"<h1>Test provider</h1>{warning}<form method=post action=\"{action}\">"
        "<label>Username <input name=username autocomplete=username></label>"
        "<label>Password <input name=password type=password autocomplete=current-password></label>"
        "<button type=submit>Sign in</button></form></html>"
    )
