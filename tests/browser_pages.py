"""What the browser tests share about the app's pages: how each shows it has drawn, how to
open one and wait for it, axe-core, and the reading tab (`Reader`) of
tests/test_browser_reading.py, which loads each page, language and width once for every
read-only check on it."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.conftest import ROOT, forget_readers_state

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # npm ci (scripts/test.sh)
ERROR = '[data-testid="stException"]'
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # the language switch's buttons
# each page's path, its title's i18n key, and what shows when it has drawn (after its title)
PAGES = {
    "": ("page_overview", '[data-testid="stMetricValue"]'),
    "demining": ("page_demining", '[data-testid="stPlotlyChart"] .main-svg'),
    "returns": ("page_returns", '[data-testid="stPlotlyChart"] .main-svg'),
    "timeline": ("page_timeline", '[data-testid="stPlotlyChart"] .main-svg'),
    "original_text": ("page_original", ".nd-text"),
    "data_method": ("page_method", '[data-testid="stDataFrame"]:visible, .nd-cards:visible'),  # the grid, or cards on a phone
    "add_article": ("page_add", "textarea"),
}

AXE_SERIOUS = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values:
      ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}, resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def require_axe() -> Path:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci` (scripts/test.sh does)")
    return AXE


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now. axe is added
    to the document once: a page reached by the sidebar's links is the same document,
    and adding its 500 kB again cost 0.1 to 0.15 CPU-seconds a page."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(require_axe()))
    return page.evaluate(AXE_SERIOUS)


# the app has finished its run and shows no element left over from the one before
SETTLED_JS = """() => document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState === 'notRunning'
  && document.querySelector('[data-stale="true"]') === null"""


def open_settled(page: Page, app_url: str, path: str, lang: str) -> None:
    page.goto(f"{app_url}/{path}{'?lang=ar' if lang == 'ar' else ''}")
    page.wait_for_selector(f"h1, {ERROR}", timeout=60_000)
    page.wait_for_selector(f"{PAGES[path][1]}, {ERROR}", timeout=60_000)
    # the run's end (on a busy machine the last quotes came well after the first chart),
    # then the elements Streamlit still adds after it says the run has ended
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    page.wait_for_timeout(800)
    errors = page.locator(ERROR)
    assert errors.count() == 0, errors.first.inner_text()


class View(NamedTuple):
    """A page as a reader opens it: its path, the language, the window's width."""

    path: str
    lang: str
    width: int

    def __str__(self) -> str:  # the test's id: demining-ar-390
        return f"{self.path or 'overview'}-{self.lang}-{self.width}"


def views(paths, langs=("en", "ar"), widths=(390, 1440)) -> list[View]:  # noqa: ANN001 - iterables of each
    return [View(path, lang, width) for width in widths for lang in langs for path in paths]


class Reader:
    """One tab that reads view after view. It loads a view only when it is not on it
    already, or when the test before changed it (a tap, a click, a scroll): the tests of a
    view run one after another (tests/conftest.py orders them), read-only ones first."""

    def __init__(self, context: BrowserContext, app_url: str) -> None:
        self.context, self.app_url = context, app_url
        self.tab = context.new_page()
        self.on: View | None = None
        self.changed = False

    def open(self, view: View, height: int) -> Page:
        """The tab on the view, settled, at the view's width and this height."""
        size = {"width": view.width, "height": height}
        resized = self.tab.viewport_size != size
        if resized:
            self.tab.set_viewport_size(size)
        if self.on != view or self.changed:
            self._load(view)
        elif resized:
            self.tab.wait_for_timeout(300)  # the page laid out again at the new height
        assert self.tab.locator(ERROR).count() == 0, self.tab.locator(ERROR).first.inner_text()
        return self.tab

    def change(self, view: View, height: int) -> Page:
        """The tab on the view, for a test that taps, clicks or scrolls it: a later test
        gets the view loaded again, as a new reader."""
        tab = self.open(view, height)
        self.changed = True
        return tab

    def _load(self, view: View) -> None:
        if self.changed:  # what a reader's clicks left (a chosen language, storage) goes
            forget_readers_state(self.context, {self.app_url})
        self.on, self.changed = None, False
        open_settled(self.tab, self.app_url, view.path, view.lang)
        self.on = view
