"""A browser page or context with the network cut off: every request but the file opened
from disk is aborted and noted (tests/test_browser_offline.py, tests/test_browser_export.py)."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page


def only_the_file(target: Page | BrowserContext) -> list[str]:
    """Route every request of `target`: a file: URL goes through, anything else is aborted
    and its URL added to the returned list (empty when nothing asked the network)."""
    asked: list[str] = []

    def route_one(route) -> None:  # noqa: ANN001 - playwright Route
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    target.route("**/*", route_one)
    return asked
