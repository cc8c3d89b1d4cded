"""Every page of the app in both languages, in one tab, the way a reader moves through
it: one page load, then the sidebar's page links and the language switch.

Why not a `page.goto` per page: each is a new page load and a new Streamlit session, about
twice the CPU of a click on a page link; the pages a reader clicks through are the same
scripts on the same server, and what they fetch is what this walk is for.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from tests.browser_pages import ERROR, LANGUAGE_NAMES

NAV_LINKS = '[data-testid="stSidebarNav"] a'
MAIN_TITLE = '[data-testid="stMain"] h1'
TIMEOUT_MS = 60_000
# Playwright checks a waited-for condition on every animation frame unless told an
# interval; every frame is renderer work while the page is still being drawn
POLL_MS = 100

# The run has ended and no element of the run before is left on the page, and its title
# is not the one shown before the click (a click is answered by a rerun a moment later)
SHOWN_JS = """previous => {
  const app = document.querySelector('[data-testid="stApp"]');
  const title = document.querySelector('[data-testid="stMain"] h1');
  return app?.dataset.testScriptState === 'notRunning' && document.querySelector('[data-stale="true"]') === null
    && title !== null && title.innerText !== previous;
}"""
# What a shown page goes on to fetch has been fetched: every chart drawn, every image
# loaded (or failed), every font the text asked for in; and the page has stopped changing
# for QUIET_MS (elements still arrive after Streamlit says the run has ended: the
# Overview's metrics up to 0.7 s later). Waiting for this instead of a fixed pause.
DRAWN_JS = """quietMs => {
  if (window.__walkLastChange === undefined) {
    window.__walkLastChange = performance.now();
    new MutationObserver(() => { window.__walkLastChange = performance.now(); }).observe(
      document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  }
  return performance.now() - window.__walkLastChange >= quietMs
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('.main-svg'))
    && [...document.images].every(image => image.complete) && document.fonts.status === 'loaded';
}"""
QUIET_MS = 500


def load_and_wait(page, url: str) -> None:  # noqa: ANN001 - a Playwright Page
    """A page load of `url`, waited for until it is shown and drawn."""
    page.goto(url)
    wait_shown(page, previous_title=None)


def wait_shown(page, previous_title: str | None) -> None:  # noqa: ANN001
    page.wait_for_selector(NAV_LINKS, timeout=TIMEOUT_MS)
    page.wait_for_function(SHOWN_JS, arg=previous_title, polling=POLL_MS, timeout=TIMEOUT_MS)
    page.wait_for_function(DRAWN_JS, arg=QUIET_MS, polling=POLL_MS, timeout=TIMEOUT_MS)


def title(page) -> str:  # noqa: ANN001
    return page.locator(MAIN_TITLE).first.inner_text()


def current_path(page) -> str:  # noqa: ANN001
    return urlsplit(page.url).path


def link_paths(page) -> list[str]:  # noqa: ANN001
    """The path of each sidebar link, in the sidebar's order."""
    hrefs = page.locator(NAV_LINKS).evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def click_page_link(page, path: str) -> None:  # noqa: ANN001
    """Show the page at `path` through its sidebar link, as a reader does."""
    before = title(page)
    page.locator(NAV_LINKS).nth(link_paths(page).index(path)).click()
    wait_shown(page, previous_title=before)
    assert current_path(page) == path, (page.url, path)


def switch_language(page, lang: str) -> None:  # noqa: ANN001
    before = title(page)
    page.get_by_role("radio", name=LANGUAGE_NAMES[lang]).click()
    wait_shown(page, previous_title=before)


def assert_in_language(page, lang: str) -> None:  # noqa: ANN001
    switch = page.get_by_role("radio", name=LANGUAGE_NAMES[lang])
    assert switch.get_attribute("aria-checked") == "true", (page.url, lang)


def walk_every_page(page, url: str, on_each: Callable[[str, str], None],  # noqa: ANN001
                    langs: tuple[str, ...] = ("en", "ar")) -> list[tuple[str, str]]:
    """Open the app at `url`, then show every page of the sidebar in each language in turn,
    calling `on_each(path, lang)` once a page is shown and drawn; a page showing an
    exception fails the walk. The (path, lang) of every page shown, in order."""
    load_and_wait(page, f"{url}?lang={langs[0]}")
    shown = []
    for lang in langs:
        if lang != langs[0]:
            switch_language(page, lang)  # the page on screen is now shown in this language
        for path in sorted(set(link_paths(page))):
            if path != current_path(page):
                click_page_link(page, path)
            assert_in_language(page, lang)
            assert page.locator(ERROR).count() == 0, page.locator(ERROR).first.inner_text()
            on_each(path, lang)
            shown.append((path, lang))
    return shown
