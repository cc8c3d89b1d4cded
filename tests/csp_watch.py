"""A browser context that keeps the door's Content-Security-Policy (the tests' other
contexts bypass it for their probes) and notes every violation: the `securitypolicyviolation`
events of each document and Chromium's CSP console messages of each tab."""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Page

from tests.conftest import STILL_PAGES

WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '') + ' ' + (e.sourceFile || ''));
});"""


def csp_watching_context(browser: Browser) -> BrowserContext:
    """A context that does not bypass the CSP, watching every document for violations."""
    context = browser.new_context(**STILL_PAGES, viewport={"width": 1440, "height": 900})
    context.add_init_script(WATCH)
    return context


def watched_tab(context: BrowserContext) -> Page:
    """A new tab of the context, with its own list of CSP console messages; the tab before
    it closes once it is open (the renderer stays warm)."""
    earlier = list(context.pages)
    found = context.new_page()
    for tab in earlier:
        tab.close()
    found.console_messages_csp = []
    found.on("console", lambda m: found.console_messages_csp.append(m.text)
             if "Content Security Policy" in m.text else None)
    return found


def violations(page: Page) -> list[str]:
    """Every violation the tab's document and console have reported so far."""
    return page.evaluate("window.__violations") + page.console_messages_csp
