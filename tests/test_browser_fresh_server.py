"""A freshly started server, opened straight at sub-pages (newsdash/app/legacy_pages.py).

Our page files sit in `pages/`, which puts Streamlit 1.67 in its legacy multipage mode
until some session runs `st.navigation`: the first visit to a shared link would run the
page alone (English whatever the link says, no language switch, no password gate). Each
browser test starts its own server, so its first visits are the server's first runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import streamlit
from playwright.sync_api import Browser, Page, expect
from streamlit.runtime.pages_manager import PagesManager

from newsdash.app import legacy_pages
from tests.browser_pages import ERROR, SETTLED_JS
from tests.conftest import DASHBOARD, ROOT, STILL_PAGES, require_browser, start_app

CHART_SVG = '[data-testid="stPlotlyChart"] .main-svg'
UPLOADER = '[data-testid="stFileUploader"]'
TITLES = {("returns", "ar"): "العودة", ("demining", "ar"): "تقدم إزالة الألغام",
          ("timeline", "en"): "Ceasefire timeline", ("add_article", "ar"): "إضافة مقال"}
NAV_TITLES = {"ar": "نظرة عامة", "en": "Overview"}  # the entry script's own page titles, translated


@pytest.fixture
def fresh_server():  # noqa: ANN201 - the URL of a server no session has visited yet
    require_browser()
    proc, url = start_app()
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def shows_its_page(page: Page, path: str, lang: str) -> None:
    """The page the URL names, run through dashboard.py: its title in the link's language,
    its chart drawn (the uploader on the Add an article page), the language switch and the
    translated navigation of the entry script."""
    drawn = UPLOADER if path == "add_article" else CHART_SVG
    page.wait_for_selector(f"{drawn}, {ERROR}", timeout=90_000)
    errors = page.locator(ERROR)
    assert errors.count() == 0, errors.first.inner_text()
    expect(page.locator("h1").first).to_have_text(TITLES[(path, lang)])
    if drawn == CHART_SVG:
        assert page.locator(f"{CHART_SVG} .scatterlayer, {CHART_SVG} .barlayer").count() > 0
    language = "العربية" if lang == "ar" else "English"
    expect(page.get_by_role("radio", name=language)).to_have_attribute("aria-checked", "true")
    expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text(NAV_TITLES[lang])
    assert page.url.split("?")[0].endswith(f"/{path}")


@pytest.mark.browser
def test_the_first_visit_of_a_fresh_server_goes_straight_to_a_sub_page(fresh_server: str, browser: Browser):
    context = browser.new_context(**STILL_PAGES)
    page = context.new_page()
    page.goto(f"{fresh_server}/returns?lang=ar")
    shows_its_page(page, "returns", "ar")
    context.close()


@pytest.mark.browser
def test_first_visitors_at_once_each_get_their_own_sub_page(fresh_server: str, browser: Browser):
    visits = [("demining", "ar"), ("timeline", "en"), ("add_article", "ar")]
    contexts = [browser.new_context(**STILL_PAGES) for _ in visits]  # separate browsers: no cookie in common
    pages = [context.new_page() for context in contexts]
    for page, (path, lang) in zip(pages, visits, strict=True):  # both sent before either is drawn
        page.goto(f"{fresh_server}/{path}{'?lang=ar' if lang == 'ar' else ''}", wait_until="commit")
    for page, (path, lang) in zip(pages, visits, strict=True):
        shows_its_page(page, path, lang)
    for context in contexts:
        context.close()


@pytest.mark.browser
def test_the_language_switch_works_at_the_first_visit_of_a_fresh_server_to_the_overview(fresh_server: str,
                                                                                         page: Page):
    """The first visit to / is the legacy mode's run of dashboard.py: rerun as itself before
    drawing, its language switch keeps one identity, and the first click on it is heard
    (it was lost: the page stayed in English and the URL said ?lang=-)."""
    page.goto(f"{fresh_server}/")
    page.wait_for_selector(f"{CHART_SVG}, {ERROR}", timeout=90_000)
    page.wait_for_function(SETTLED_JS, timeout=60_000)

    page.get_by_role("radio", name="العربية").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=ar(&|$)"), timeout=30_000)
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_title(NAV_TITLES["ar"])
    expect(page.get_by_role("radio", name="العربية")).to_have_attribute("aria-checked", "true")
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    assert page.locator(ERROR).count() == 0

    page.get_by_role("radio", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en", timeout=30_000)
    expect(page).to_have_title(NAV_TITLES["en"])
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    assert "lang" not in parse_qs(urlsplit(page.url).query, keep_blank_values=True)  # the default leaves the URL
    expect(page.get_by_role("radio", name="English")).to_have_attribute("aria-checked", "true")


def test_the_workaround_is_checked_on_the_installed_streamlit():
    """Another Streamlit fails here (and the app refuses to start) until someone has run
    the browser tests above on it and updated legacy_pages.CHECKED_ON."""
    assert streamlit.__version__ == legacy_pages.CHECKED_ON
    with pytest.raises(RuntimeError, match="checked on Streamlit 1.67.0, not 1.68.0"):
        legacy_pages.check_streamlit_version("1.68.0")


def test_streamlit_still_takes_a_pages_folder_for_the_legacy_mode(monkeypatch: pytest.MonkeyPatch):
    """Why the workaround exists: the folder beside the entry script alone switches it on."""
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    PagesManager(DASHBOARD)
    assert PagesManager.uses_pages_directory is True


# What each page calls first of the app layer; each of these checks its run first
FIRST_CALLS = {"page_start", "file_uploader"}


@pytest.mark.parametrize("script", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py")))
def test_every_page_begins_with_a_call_that_leaves_the_legacy_mode(script: str):
    """A page run alone on a fresh server is rerun through dashboard.py by its first call
    into the app layer (newsdash.app.legacy_pages.run_through_entry_script)."""
    tree = ast.parse((ROOT / script).read_text(encoding="utf-8"))
    called = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
              for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert called & FIRST_CALLS, f"{script} calls none of {sorted(FIRST_CALLS)}"


def test_the_entry_script_checks_its_run_before_drawing():
    """A legacy run of dashboard.py (a fresh server's first visit to /) is rerun before its
    first element or widget: drawn there, the language switch got an identity the next
    run no longer knew."""
    tree = ast.parse(Path(DASHBOARD).read_text(encoding="utf-8"))
    calls = [node.func.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)]
    checked = calls.index("run_through_entry_script")
    assert checked < calls.index("start_loading_the_chart_library") < calls.index("language")


def test_the_first_calls_check_the_run():
    import inspect

    from newsdash.app import layout, state

    for function in (layout.file_uploader, state._checked_data_state):
        assert "run_through_entry_script" in inspect.getsource(function)
