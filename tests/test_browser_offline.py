"""The offline file (newsdash.exports.offline) opened from disk in headless Chromium with
the network cut off: every chart drawn in both languages, every sentence link lands on its
sentence (in view, highlighted through :target), the Arabic half right to left with
Arabic-Indic digits, and axe-core at no serious violation in light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from newsdash.data.corpus import load_corpus
from newsdash.data.method import load_method
from newsdash.exports.offline import offline_bytes
from tests.browser_pages import AXE, serious_violations
from tests.conftest import ROOT, STILL_PAGES, require_browser
from tests.offline_routes import only_the_file

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def offline_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    corpus = load_corpus(ROOT / "data")
    path = tmp_path_factory.mktemp("offline") / "dashboard.html"
    path.write_bytes(offline_bytes(corpus, corpus.article(), load_method(ROOT / "data")[0]))
    return path


class OfflineTab:
    """The file in one tab of a context with no network (every request but the file itself
    aborted, `asked` lists them). `at(width, scheme)` reloads it only when the tab is not
    already at that width and scheme, or a test has followed a link in it: each test reads
    a freshly loaded file, and tests that want the same one share the load."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.context = browser.new_context(**STILL_PAGES, viewport={"width": 1440, "height": 900})
        self.context.set_offline(True)
        self.asked = only_the_file(self.context)
        self.page = self.context.new_page()
        self.path, self.state = path, None

    def at(self, width: int = 1440, scheme: str = "light") -> Page:
        page = self.page
        if self.state != (width, scheme) or page.evaluate("location.hash"):
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            page.goto(self.path.as_uri())
            self.state = (width, scheme)
        return page

    def followed_a_link(self) -> None:
        self.state = None


@pytest.fixture(scope="module")
def offline(browser: Browser, offline_file: Path) -> OfflineTab:
    tab = OfflineTab(browser, offline_file)
    yield tab
    tab.context.close()


def show(page: Page, lang: str) -> None:
    page.click(f'.nd-bar button[data-lang="{lang}"]')
    page.wait_for_function(
        """lang => { const plots = document.querySelectorAll(`section[lang=${lang}] .nd-plot`);
                    return plots.length > 0 && [...plots].every(p => p.querySelector('.main-svg')); }""",
        arg=lang, timeout=30_000)


def test_every_chart_is_drawn_with_the_network_off(offline: OfflineTab):
    page = offline.at()
    for lang in ("en", "ar"):
        show(page, lang)
        plots, drawn, traces = page.evaluate(f"""() => {{
            const plots = [...document.querySelectorAll('section[lang={lang}] .nd-plot')];
            return [plots.length, plots.filter(p => p.querySelectorAll('.main-svg').length > 0).length,
                    plots.filter(p => (p.data || []).length > 0).length]; }}""")
        assert plots >= 10 and drawn == plots and traces == plots, (lang, plots, drawn, traces)
        assert page.evaluate("document.documentElement.lang") == lang
    assert offline.asked == []  # nothing asked of the network


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_in_either_scheme(offline: OfflineTab, scheme: str):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    page = offline.at(scheme=scheme)
    for lang in ("en", "ar"):
        show(page, lang)
        result = serious_violations(page)
        assert result == [], (scheme, lang, result)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")


def test_every_sentence_link_lands_on_its_highlighted_sentence(offline: OfflineTab):
    page = offline.at()
    offline.followed_a_link()
    for lang in ("en", "ar"):
        show(page, lang)
        links = page.locator(f'section[lang={lang}] a[href^="#{lang}-q-"]')
        assert links.count() >= 10
        for i in range(links.count()):
            link = links.nth(i)
            target = link.get_attribute("href")[1:]
            link.click()
            page.wait_for_function("id => location.hash === '#' + id", arg=target)
            landed = page.evaluate("""id => { const el = document.getElementById(id);
                const r = el.getBoundingClientRect();
                return {target: el.matches(':target'), inView: r.top >= 0 && r.bottom <= innerHeight,
                        background: getComputedStyle(el).backgroundColor,
                        outline: getComputedStyle(el).outlineStyle}; }""", target)
            assert landed["target"] and landed["inView"], (target, landed)
            assert landed["outline"] == "solid", (target, landed)  # the :target highlight
        # and back: each sentence's link returns to its figure's card
        back = page.locator(f'section[lang={lang}] a.q-link[href^="#{lang}-record-"]').first
        card = back.get_attribute("href")[1:]
        back.click()
        page.wait_for_function("id => location.hash === '#' + id", arg=card)
        assert page.evaluate("id => document.getElementById(id).matches(':target')", card)


def test_the_arabic_half_reads_right_to_left_with_arabic_indic_digits(offline: OfflineTab):
    page = offline.at(width=390)
    show(page, "ar")
    facts = page.evaluate("""() => { const s = document.querySelector('section[lang=ar]');
        const items = [...s.querySelectorAll('.nd-lede li')].map(li => li.innerText).join(' ');
        return {dir: getComputedStyle(s).direction, html: document.documentElement.dir,
                align: getComputedStyle(s.querySelector('h1')).textAlign, items,
                width: document.documentElement.scrollWidth}; }""")
    assert facts["dir"] == "rtl" and facts["html"] == "rtl" and facts["align"] in ("right", "start")
    assert any("\u0660" <= c <= "\u0669" for c in facts["items"])
    assert not any(c.isascii() and c.isdigit() for c in facts["items"]), facts["items"][:200]
    assert facts["width"] <= 390  # no sideways scroll on a phone
