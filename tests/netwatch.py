"""Watching for network requests: a recording proxy for the server's side, a request log
for the browser's side, and an app started with nothing but the project's own config.

The server's outgoing HTTP (Python's requests/urllib, and the Chromium kaleido starts)
follows the proxy environment variables; pointing them at a local listener that answers
nothing and writes down every attempt shows whether anything tries to leave the machine.
"""

from __future__ import annotations

import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsdash.app.serve import loopback_server
from tests.conftest import DASHBOARD

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


class RecordingProxy:
    """A TCP listener on loopback that records the first line of every connection."""

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.attempts.append(conn.recv(4096).split(b"\r\n")[0].decode(errors="replace"))
                except OSError:
                    self.attempts.append("(connection without a request line)")

    def env(self) -> dict[str, str]:
        """Proxy variables in both spellings; loopback stays direct."""
        names = ("http_proxy", "https_proxy", "all_proxy")
        return {**{n: self.url for n in names}, **{n.upper(): self.url for n in names},
                "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}

    def close(self) -> None:
        self._sock.close()


def start_plain_app(env: dict[str, str] | None = None, data_dir: Path | None = None,
                    args: tuple[str, ...] = (), port: int | None = None,
                    base_path: str = "") -> tuple[subprocess.Popen, str]:
    """`streamlit run dashboard.py` with only a port and the loopback address on the
    command line: everything else comes from .streamlit/config.toml, as in production."""
    env = {**(env or {}), **({"DASHBOARD_DATA_DIR": str(data_dir)} if data_dir else {})}
    return loopback_server(DASHBOARD, env=env, options=args, port=port, base_path=base_path)


@dataclass
class RequestLog:
    """Every URL a browser context asked for, page requests and websockets alike.

    It can watch a context that outlives the test (the tests' warm context): `detach`
    takes its listeners off again, so a later test's requests are not written here."""

    urls: list[str] = field(default_factory=list)
    _watched: list = field(default_factory=list)  # (emitter, event, listener) to take off

    def attach(self, context) -> None:  # noqa: ANN001 - a Playwright BrowserContext
        self._listen(context, "request", self._record_request)
        self._listen(context, "page", self._watch_page)
        for page in context.pages:  # tabs opened before the log: their websockets too
            self._watch_page(page)

    def detach(self) -> None:
        for emitter, event, listener in self._watched:
            emitter.remove_listener(event, listener)
        self._watched.clear()

    def _watch_page(self, page) -> None:  # noqa: ANN001 - a Playwright Page
        self._listen(page, "websocket", self._record_websocket)

    def _listen(self, emitter, event: str, listener) -> None:  # noqa: ANN001
        emitter.on(event, listener)
        self._watched.append((emitter, event, listener))

    def _record_request(self, request) -> None:  # noqa: ANN001 - a Playwright Request
        self.urls.append(request.url)

    def _record_websocket(self, websocket) -> None:  # noqa: ANN001 - a Playwright WebSocket
        self.urls.append(websocket.url)

    def foreign(self) -> list[str]:
        """URLs whose host is not this machine's loopback (data: and blob: are local)."""
        return [url for url in self.urls
                if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(url).hostname not in LOCAL_HOSTS]


@contextmanager
def requests_of(context) -> Iterator[RequestLog]:  # noqa: ANN001 - a Playwright BrowserContext
    """A RequestLog of `context` for the length of the block; a context that outlives it
    (the tests' warm context) is let go of after."""
    log = RequestLog()
    log.attach(context)
    try:
        yield log
    finally:
        log.detach()
