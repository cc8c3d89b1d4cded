"""A plain HTTP client for the door's tests: no redirects followed, headers and cookies as
sent, the answer's status, headers and body as received. Only for servers on loopback."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from newsdash.app.door_cookie import KNOWN_BROWSER_COOKIE, SIGN_IN_COOKIE

# An attack test's guessers each pause this long between guesses: eight of them ask about
# 400 times a second, hundreds of guesses in every spacing of the account's checks, which is
# what the brake must stand (unpaced, about 2.5 times as many cost the suite 20 CPU-seconds more).
GUESS_PAUSE_S = 0.02


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def cookies(self) -> dict[str, str]:
        """Set-Cookie lines by cookie name (the whole line, attributes and all)."""
        return {v.split("=", 1)[0]: v for k, v in self.headers if k.lower() == "set-cookie"}

    def cookie_value(self, name: str) -> str | None:
        line = self.cookies().get(name)
        return line.split(";")[0].split("=", 1)[1] if line else None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def call(url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 30) -> Answer:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def post_sign_in(url: str, password: str, *, name: str = "", next_: str = "/", origin: str | None = "own",
                 cookies: dict[str, str] | None = None, forwarded_for: str | None = None) -> Answer:
    """POST the door's form at `url` (the app's base URL) as a browser on its page would."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if origin:
        headers["Origin"] = origin_of(url) if origin == "own" else origin
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    form = urlencode({"name": name, "password": password, "next": next_}).encode()
    return call(f"{url}/sign-in", "POST", form, headers)


def signed_in_cookies(url: str, password: str, **kwargs) -> dict[str, str]:  # noqa: ANN003
    """The sign-in and known-browser cookies a right password gets (waiting, as a reader
    would, when the brake says when to come back: other tests' guesses may be recent)."""
    import time

    answer = post_sign_in(url, password, **kwargs)
    for _ in range(3):
        if answer.status != 429:
            break
        time.sleep(float(answer.header("Retry-After") or 1))
        answer = post_sign_in(url, password, **kwargs)
    assert answer.status == 303, (answer.status, answer.text[-400:])
    return {SIGN_IN_COOKIE: answer.cookie_value(SIGN_IN_COOKIE), KNOWN_BROWSER_COOKIE: answer.cookie_value(
        KNOWN_BROWSER_COOKIE)}


def cookie_header(cookies: dict[str, str]) -> dict[str, str]:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items() if v)}


def browser_signed_in(monkeypatch, who=None) -> str:  # noqa: ANN001 - pytest's MonkeyPatch, an Identity
    """For AppTest (which sends no cookie): the page runs see a browser signed in at the
    door as `who` (the reader, by default), with the cookie the door would have set under
    the current configuration. Returns the cookie's id."""
    import time

    from newsdash.app import door_asgi, gate
    from newsdash.app.door_cookie import mint_sign_in
    from newsdash.app.identity import EDITOR_ACCOUNT, PASSWORD, READER, Identity

    who = who or Identity("", READER, PASSWORD)
    config = door_asgi.current_config()
    value, minted = mint_sign_in(who, config.generation_of(who) or "-", config.secret, time.time(), 3600)
    monkeypatch.setattr(gate, "_cookies", lambda: {SIGN_IN_COOKIE: value})
    if who.source not in (PASSWORD, EDITOR_ACCOUNT):  # signed in with a provider: one is configured
        from newsdash.app import identity

        configured = identity.sources()
        provider = identity.RegisteredSource(lambda cookies: None, source=who.source)  # noqa: ARG005
        monkeypatch.setattr(identity, "sources", lambda: (*configured, provider))
    return minted.id
