"""PNG and SVG rendered by one headless Chromium kept alive for the whole process.

Why not ``kaleido.start_sync_server``: its ``call_function`` puts every caller's task on
one queue and every result on one shared return queue, so two Streamlit sessions exporting
at the same moment can each receive the other's image. Instead we run kaleido's own async
API on a private event-loop thread: each export is its own coroutine with its own future
(results can never be swapped), the browser keeps several tabs so exports render side by
side, and the lock guards only starting and stopping the browser. The browser starts on the
first export (lazily: pages that never export never pay for it) and stops at exit.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import threading
import time
from pathlib import Path
from typing import Any

from newsdash import caches

START_TIMEOUT_S = 60
RENDER_TIMEOUT_S = 90
STOP_TIMEOUT_S = 20
RETRY_AFTER_S = 300  # after a failed start, say "unavailable" for a while instead of retrying on every page
TABS = 2  # two renders at once: the machine has two cores
# Chromium's own services (time, updates, sign-in, the default search page) reach for
# Google and DuckDuckGo even in headless mode, and no flag kaleido passes stops them all.
# Route everything but loopback to a proxy that does not exist (port 9 on loopback,
# closed): nothing leaves the machine. NEWSDASH_EXPORT_PROXY lets a test stand in a
# recording listener to see what Chromium tries.
OFFLINE_PROXY = "http://127.0.0.1:9"
EXPORT_PROXY_ENV = "NEWSDASH_EXPORT_PROXY"


class ExportUnavailable(RuntimeError):
    """No browser for static images here; the message says why, in plain words.

    Not a DataError: nothing is wrong with the data, and HTML and CSV still work.
    """


def find_browser(browser_path: str | None = None) -> str | None:
    """The Chromium kaleido would use: the given path, BROWSER_PATH, else a search."""
    path = browser_path or os.environ.get("BROWSER_PATH") or _searched_browser()
    return path if path and Path(path).is_file() and os.access(path, os.X_OK) else None


SEARCH_AGAIN_AFTER_S = 30.0
_last_search: list = []  # [(when, path)]: a browser installed later is found within 30 s
caches.owns("exports.static_export:_last_search", _last_search.clear)


def _searched_browser() -> str | None:
    """choreographer's search for an installed Chromium, made at most every 30 s: it
    looks in a dozen places, and every page with a chart asks at every rerun."""
    from choreographer.browsers.chromium import Chromium

    if not _last_search or time.monotonic() - _last_search[0][0] > SEARCH_AGAIN_AFTER_S:
        _last_search[:] = [(time.monotonic(), Chromium.find_browser(skip_local=False))]
    return _last_search[0][1]


def unavailable_reason(browser_path: str | None = None) -> str | None:
    """None when PNG and SVG can be made, else one sentence saying why not."""
    if find_browser(browser_path):
        return None
    wanted = browser_path or os.environ.get("BROWSER_PATH")
    if wanted:
        return f"no browser at {wanted} (set by BROWSER_PATH)"
    return "no Chromium or Chrome is installed on this server"


class StaticExporter:
    """One Chromium (via kaleido) on a private event loop, shared by every thread."""

    def __init__(self, browser_path: str | None = None, tabs: int = TABS):
        self.browser_path = browser_path
        self.tabs = tabs
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._failed: tuple[float, str] | None = None  # (when, why) the last start failed

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    @property
    def open_tabs(self) -> int:
        """The browser's tabs now: one from the start, up to `tabs` as images wait."""
        return len(self._kaleido.tabs) if self._kaleido is not None else 0

    def unavailable_reason(self) -> str | None:
        """Why PNG and SVG cannot be made now (no browser, or it failed to start lately)."""
        if self._failed and time.monotonic() - self._failed[0] < RETRY_AFTER_S:
            return self._failed[1]
        return unavailable_reason(self.browser_path)

    def render(self, figure: Any, fmt: str, scale: float = 1) -> bytes:
        """The figure as PNG or SVG bytes at its layout width and height times scale."""
        spec = figure.to_dict() if hasattr(figure, "to_dict") else figure  # no object shared across threads
        loop, kaleido = self._started()
        opts = {"format": fmt, "scale": scale}
        future = asyncio.run_coroutine_threadsafe(kaleido.calc_fig(spec, opts=opts), loop)
        try:
            return future.result(timeout=RENDER_TIMEOUT_S)
        except BaseException:
            future.cancel()
            self._drop_if_dead(kaleido)
            raise

    def start(self) -> None:
        self._started()

    def _started(self) -> tuple[asyncio.AbstractEventLoop, Any]:
        with self._lock:
            if self._kaleido is None:
                self._open()
            return self._loop, self._kaleido

    def _open(self) -> None:
        """Start the loop thread and the browser; raise ExportUnavailable if it cannot."""
        reason = unavailable_reason(self.browser_path)
        if reason:
            raise ExportUnavailable(reason)
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="static-export", daemon=True)
        thread.start()
        try:
            opened = asyncio.run_coroutine_threadsafe(self._open_kaleido(), loop)
            self._kaleido = opened.result(timeout=START_TIMEOUT_S)
        except Exception as error:
            _stop_loop(loop, thread)
            self._failed = (time.monotonic(), f"the browser did not start ({error})")
            raise ExportUnavailable(self._failed[1]) from error
        self._loop, self._thread, self._failed = loop, thread, None

    async def _open_kaleido(self) -> Any:
        from newsdash.exports.kaleido_tabs import kept_tabs_kaleido

        # mathjax=False: kaleido's page would otherwise load MathJax from the internet
        options = {"path": find_browser(self.browser_path), "enable_extensions": False,
                   "proxy_server": os.environ.get(EXPORT_PROXY_ENV) or OFFLINE_PROXY}
        browser = kept_tabs_kaleido(most_tabs=self.tabs, mathjax=False, **options)
        await browser.open()
        return browser

    def stop(self) -> None:
        """Close the browser and the loop; the next export starts them again."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        loop, thread, browser = self._loop, self._thread, self._kaleido
        self._loop = self._thread = self._kaleido = None
        if loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(browser.close(), loop).result(timeout=STOP_TIMEOUT_S)
        except Exception:  # noqa: BLE001 - closing at exit: a browser already gone is fine
            pass
        _stop_loop(loop, thread)

    def _drop_if_dead(self, browser: Any) -> None:
        """After a failed render, forget a browser that has exited, so the next export
        starts a new one instead of failing for ever. A live browser is kept."""
        process = getattr(browser, "subprocess", None)
        if process is not None and process.poll() is not None:
            with self._lock:
                if self._kaleido is browser:
                    self._close()


def _stop_loop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=STOP_TIMEOUT_S)
    if not thread.is_alive():
        loop.close()


_shared: StaticExporter | None = None
_shared_lock = threading.Lock()


def shared_exporter() -> StaticExporter:
    """The process-wide exporter, created on first use and stopped at exit."""
    global _shared  # noqa: PLW0603 - one browser per process is the point
    with _shared_lock:
        if _shared is None:
            _shared = StaticExporter()
            atexit.register(_shared.stop)
        return _shared
