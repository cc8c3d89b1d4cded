"""Headless Chromium reads every page as a reader would, in English and Arabic, at a phone's
width (390 px) and a laptop's (1440 px): what a page must show and must not, checked on the
page as the app draws it (issue 21's reading review). One tab loads each page, language and
width once; every read-only check runs on it in turn, then the checks that tap, click or
scroll it, each on the page loaded again (tests/browser_pages.py's `Reader`; tests/conftest.py
runs a view's tests together). The sections:

1. On a phone: no sideways scroll, no chart text outside its chart, the language switch on
   screen without opening a menu, the page's language on <html> and in its tab title, and
   axe-core (WCAG 2.2 AA rules) finding nothing serious or critical.
2. Arabic leftovers: in Arabic, no source named in Latin letters and no Western digit
   anywhere a reader reads, except inside verbatim quotes, URLs and record ids, which the
   pages mark (`data-verbatim`: the source's words, a link's address, an id kept as the data
   has it); at a phone's width every visible link, button and input is at least 24 x 24 px,
   or far enough from any other to meet WCAG 2.2's spacing exception (2.5.8 Target Size).
3. The wide tables: at 390 px the Data & method table and the Sourced context table
   (Returns) are cards, one per row, every card's date and value on screen, the cells behind
   "All details" one tap away; at 1440 px the grid, and no card. The language switch's
   buttons are inside the viewport and drawn whole.
4. Labels: on an Arabic page no interactive control keeps an English aria-label, title or
   placeholder of Streamlit's (newsdash.app.aria_labels, checked on Streamlit 1.67.0), and a
   switch back to English gives Streamlit's words back.
5. The grids at 1440 px show every column whole, inside the table's right edge, and every
   cell's text wraps whole within its row. The grid draws on a canvas: the test reads its
   accessible table (the columns it has drawn), its scroller (any sideways scroll), and
   measures each cell's words in the page's own font at its column's width, as the grid wraps
   them (Streamlit 1.67.0's grid: 14 px text about 15 px high, 8.5 px padding, lines 1.4
   apart, wrapped only in rows taller than 64 px)."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from newsdash.app.aria_labels import STREAMLIT_VERSION_CHECKED
from newsdash.reading.i18n import t
from newsdash.views import data_method as method_view
from newsdash.views import data_pages as returns_view
from newsdash.views.data_method import column_labels
from newsdash.views.grid_fit import SITE_NAME
from tests.browser_pages import LANGUAGE_NAMES, PAGES, Reader, View, serious_violations, views

pytestmark = pytest.mark.browser
changes_the_page = pytest.mark.changes_the_page
READER_PAGES = ["", "demining", "returns", "timeline", "original_text", "data_method"]
PHONE, LAPTOP = 390, 1440


@pytest.fixture(scope="module")
def reader(warm_context, app_url):  # noqa: ANN001, ANN201 - a Reader
    from tests.conftest import forget_readers_state, park

    found = Reader(warm_context, app_url)
    yield found
    forget_readers_state(warm_context, {origin} if (origin := park(found.tab)) else set())


@pytest.fixture
def read(reader: Reader, request: pytest.FixtureRequest):  # noqa: ANN201 - the Reader
    """The module's reader; after a test that failed, the next one loads its view again."""
    failed_before = request.session.testsfailed
    yield reader
    if request.session.testsfailed != failed_before:
        reader.changed = True


# --- 1. On a phone ---------------------------------------------------------------------------

PHONE_HEIGHT = 844

# Every SVG text of every chart whose box reaches outside the chart's own box
TEXT_OUTSIDE_CHARTS = """() => {
  const out = [];
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const box = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('.main-svg text')) {
      const r = text.getBoundingClientRect();
      if (!text.textContent.trim() || r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.push(text.textContent.slice(0, 60));
    }
  }
  return out;
}"""

# Text nodes holding Arabic letters whose nearest lang attribute is not Arabic
ARABIC_WITHOUT_ARABIC_LANG = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\\u0600-\\u06FF]/.test(node.data)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript')) continue;
    const marked = parent.closest('[lang]');
    if (!marked || !marked.getAttribute('lang').startsWith('ar')) found.push(node.data.slice(0, 40));
  }
  return found;
}"""

# a tile's value cut with an ellipsis: wider inside than its box
CUT_TILE_VALUES = """() => [...document.querySelectorAll('[data-testid="stMetricValue"] *')]
  .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent)"""

# a page link's label cut the same way (a record link's "more than 34,000" lost its number)
CUT_LINK_LABELS = CUT_TILE_VALUES.replace('[data-testid="stMetricValue"] *', '[data-testid="stPageLink"] *')

def tiles_top_to_bottom(page: Page) -> list[str]:
    labels = page.locator('[data-testid="stMetricLabel"]')
    placed = [(labels.nth(i).bounding_box()["y"], labels.nth(i).inner_text()) for i in range(labels.count())]
    return [text.strip() for _, text in sorted(placed)]

def figure_labels_in_order(lang: str) -> list[str]:
    from newsdash.data.corpus import load_corpus
    from newsdash.views import overview

    corpus = load_corpus()
    names = overview.measure_names(corpus, lang)  # a figure on a measure goes by the measure's one name
    return [overview.figure_name(fig, names, lang)
            for figures in overview.figures_by_category(corpus.article()).values() for fig in figures]


@pytest.mark.parametrize("view", views(PAGES, widths=[PHONE]), ids=str)
def test_every_page_reads_on_a_phone_and_passes_axe(read: Reader, view: View):
    phone = read.open(view, PHONE_HEIGHT)
    path, lang = view.path, view.lang

    # no sideways scroll, no chart text cut off at the chart's edge
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.evaluate(TEXT_OUTSIDE_CHARTS) == []
    assert phone.evaluate(CUT_TILE_VALUES) == []  # "more than 26,000 explosive objects" wraps, whole
    assert phone.evaluate(CUT_LINK_LABELS) == []

    # the language switch on screen, in the page itself (not in the sidebar's menu)
    other = LANGUAGE_NAMES["ar" if lang == "en" else "en"]
    switch = phone.get_by_role("radio", name=other)
    expect(switch).to_be_visible()
    assert switch.evaluate("el => !el.closest('[data-testid=\"stSidebar\"]')")
    box = switch.bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE

    # tiles one under another in the article's order (not column by column)
    if path == "":
        assert tiles_top_to_bottom(phone) == figure_labels_in_order(lang)

    # the uploader in the page's words, without Streamlit's English "200MB per file"
    if path == "add_article":
        expect(phone.locator('[data-testid="stFileUploaderDropzone"] button')).to_contain_text(t("add_choose_file", lang))
        expect(phone.locator('[data-testid="stFileUploaderDropzoneInstructions"]')).to_be_hidden()

    # the page's language and its own title
    assert phone.evaluate("document.documentElement.lang") == lang
    assert phone.title() == t(PAGES[path][0], lang)
    if lang == "ar":
        assert phone.evaluate(ARABIC_WITHOUT_ARABIC_LANG) == []
    assert switch.evaluate("el => el.closest('[lang]').lang") == ("ar" if lang == "en" else "en")  # named in itself

    # WCAG 2.2 AA rules of axe-core: nothing serious or critical
    assert serious_violations(phone) == []


@changes_the_page
@pytest.mark.parametrize("view", [View("demining", "en", PHONE)], ids=str)
def test_the_language_switch_works_on_a_phone_without_the_menu(read: Reader, view: View):
    phone = read.change(view, PHONE_HEIGHT)
    phone.get_by_role("radio", name="العربية").click()
    expect(phone.locator("h1").first).to_have_text(t("page_demining", "ar"))
    expect(phone).to_have_title(t("page_demining", "ar"))
    assert phone.evaluate("document.documentElement.lang") == "ar"
    phone.get_by_role("radio", name="English").click()
    expect(phone.locator("h1").first).to_have_text(t("page_demining", "en"))
    assert phone.evaluate("document.documentElement.lang") == "en"


# --- 2. Arabic leftovers ---------------------------------------------------------------------

TALL = 4000  # Streamlit's main area scrolls inside itself

# Text a reader reads in the main area, with what the page marks as verbatim (a quote,
# an address, an id) left out; a chart's SVG text included, its hover layer not.
READ_TEXT = """() => {
  const out = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.data.trim()) continue;
    if (parent.closest('script, style, noscript, [data-verbatim], [lang="en"], code, .hoverlayer, [data-testid*="Icon"]')) continue;
    const box = parent.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    out.push(node.data.trim());
  }
  return out;
}"""

# Every visible target and its box; those under 24 x 24 px that another target's
# 24 px circle (or box) comes near fail (2.5.8's spacing exception: a 24 px circle on the
# centre of each undersized target meets no other target nor another such circle).
SMALL_TARGETS = """() => {
  const targets = [...document.querySelectorAll('a[href], button, [role="button"], input, select, textarea, [role="radio"], [role="tab"]')]
    .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
                           && el.checkVisibility()  // not inside a closed <details> (laid out, never drawn)
                           && !el.closest('[aria-hidden="true"], .modebar-container'); })
    .map(el => ({el, r: el.getBoundingClientRect()}));
  const small = targets.filter(t => t.r.width < 23.5 || t.r.height < 23.5);
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const nearBox = (c, r) => { const dx = Math.max(r.left - c[0], 0, c[0] - r.right);
                              const dy = Math.max(r.top - c[1], 0, c[1] - r.bottom); return Math.hypot(dx, dy) < 12; };
  return small.filter(t => targets.some(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (
      nearBox(centre(t.r), o.r) ||
      (small.includes(o) && Math.hypot(centre(t.r)[0] - centre(o.r)[0], centre(t.r)[1] - centre(o.r)[1]) < 24))))
    .map(t => `${t.el.tagName.toLowerCase()}[${t.el.getAttribute('data-testid') || t.el.className || ''}] `
              + `"${(t.el.getAttribute('aria-label') || t.el.textContent || '').trim().slice(0, 30)}" `
              + `${Math.round(t.r.width)}x${Math.round(t.r.height)}`);
}"""

WESTERN_DIGIT = r"(?<![A-Za-z0-9])(?<![A-Za-z]-)[0-9]"  # a Latin name's digits (SHA-256) are its own

QUOTED = r'"[^"]*"|«[^»]*»|“[^”]*”'  # the source's words, as docs/charts.md says: they keep its digits

def latin_source_names() -> set[str]:
    """Every outlet the data names in Latin letters (context tables, the article, its notes):
    the first name of each source title and the names after "citing" or "reprinted by"."""
    import re

    from newsdash.data.corpus import load_corpus

    corpus = load_corpus()
    context = corpus.context
    titles = [*context.demining["source_title"], *context.returns["source_title"],
              *(e.source_title for e in context.events)]
    for loaded in corpus.articles:
        titles += [loaded.article.article.outlet.en, loaded.article.article.wire_agency.en]
        titles += [s.title for n in loaded.article.notes for s in n.sources]
    names = set()
    for title in titles:
        names.add(re.split(r",|:| /| \(", title)[0].strip())
        names.update(m.strip() for m in re.findall(r"(?:citing|reprinted by) ([^,]+)", title))
    return {name for name in names if re.search("[A-Za-z]", name) and not name.startswith("the ")}


@pytest.mark.parametrize("view", views(READER_PAGES, langs=["ar"], widths=[LAPTOP]), ids=str)
def test_an_arabic_page_has_no_latin_source_and_no_western_digit_outside_verbatim_text(read: Reader, view: View):
    page = read.open(view, TALL)
    texts = [re.sub(QUOTED, "", text) for text in page.evaluate(READ_TEXT) if text != "Language / اللغة"]
    assert texts
    digits = [text for text in texts if re.search(WESTERN_DIGIT, text)]
    assert not digits, digits[:10]
    names = latin_source_names()
    assert {"news.am", "TASS", "Sputnik"} <= names
    latin = [text for text in texts if any(name.lower() in text.lower() for name in names)]
    assert not latin, latin[:10]


# The "?" of a help text: the clickable element is the button inside Streamlit's 24 px box
# (it was drawn 16 x 16, far enough from other targets to pass on spacing alone)
HELP_ICONS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stTooltipIcon"] button')]
  .map(el => { const r = el.getBoundingClientRect();
               return {name: el.getAttribute('aria-label'), width: r.width, height: r.height}; })"""

PAGES_WITH_HELP = {"", "demining", "returns"}  # the figure tiles carry the claim in their help


@pytest.mark.parametrize("view", views(READER_PAGES, widths=[PHONE]), ids=str)
def test_every_target_is_big_enough_to_tap_on_a_phone(read: Reader, view: View):
    page = read.open(view, TALL)
    small = page.evaluate(SMALL_TARGETS)
    assert not small, small[:12]
    icons = page.evaluate(HELP_ICONS)
    assert bool(icons) == (view.path in PAGES_WITH_HELP), icons
    for icon in icons:  # 24 x 24 itself, not by the spacing exception
        assert icon["width"] >= 23.5 and icon["height"] >= 23.5, icon


@changes_the_page
@pytest.mark.parametrize("view", [View("demining", "ar", LAPTOP)], ids=str)
def test_a_charts_download_menu_reads_right_to_left_in_arabic(read: Reader, view: View):
    """The menu opens in a layer outside the main area: it was laid out left to right, its
    caption's full stop at the left and its buttons' words out of order."""
    page = read.change(view, TALL)
    page.locator('[data-testid="stPopover"] button').first.click()
    body = page.locator('[data-testid="stPopoverBody"]').first
    body.wait_for(timeout=30_000)
    assert body.evaluate("el => getComputedStyle(el).direction") == "rtl"
    button = body.locator('[data-testid="stDownloadButton"] button').first
    assert button.evaluate("el => getComputedStyle(el).direction") == "rtl"


CUT_TILE_LABELS = """() => [...document.querySelectorAll('[data-testid="stMetricLabel"] *')]
  .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent)"""


@pytest.mark.parametrize("view", views(["", "returns"], widths=[LAPTOP]), ids=str)
def test_a_tiles_name_wraps_whole_at_full_width(read: Reader, view: View):
    """"Returned to Karabakh (Russian side's cou…" was cut with an ellipsis at 1440 px."""
    page = read.open(view, TALL)
    assert page.locator('[data-testid="stMetricLabel"]').count() > 0
    assert page.evaluate(CUT_TILE_LABELS) == []



# The overview's metrics and each chart page's heading and chart, checked on the views
# above (they had page loads of their own in test_browser_overview.py and
# test_browser_data_pages.py)

METRIC_VALUES = {"en": ["1,937 buildings", "26,000+ explosive objects"],
                 "ar": ["١٬٩٣٧ مبنى", "أكثر من ٢٦٬٠٠٠ مادة متفجرة"]}  # Arabic-Indic digits in Arabic


@pytest.mark.parametrize("view", views([""], widths=[LAPTOP]), ids=str)
def test_overview_metrics_render_in_a_real_browser_in_each_language(read: Reader, view: View):
    page = read.open(view, TALL)
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert all(value in values for value in METRIC_VALUES[view.lang]), values
    direction = page.locator('[data-testid="stMain"]').evaluate("e => getComputedStyle(e).direction")
    assert direction == ("rtl" if view.lang == "ar" else "ltr")


CHART_PAGE_TITLES = {
    ("demining", "en"): "Demining progress", ("demining", "ar"): "تقدم إزالة الألغام",
    ("returns", "en"): "Returns", ("returns", "ar"): "العودة",
    ("timeline", "en"): "Ceasefire timeline", ("timeline", "ar"): "الجدول الزمني لوقف إطلاق النار",
}


@pytest.mark.parametrize("view", views(["demining", "returns", "timeline"], widths=[PHONE]), ids=str)
def test_page_draws_in_both_languages(read: Reader, view: View):
    page = read.open(view, PHONE_HEIGHT)
    heading = page.locator("h1").first
    expect(heading).to_have_text(CHART_PAGE_TITLES[(view.path, view.lang)])
    assert heading.evaluate("el => getComputedStyle(el).direction") == ("rtl" if view.lang == "ar" else "ltr")
    chart = '[data-testid="stPlotlyChart"] .main-svg'
    assert page.locator(f"{chart} .scatterlayer, {chart} .barlayer").count() > 0

# --- 3. The wide tables ----------------------------------------------------------------------

TABLE_HEIGHT = 2400

# (page, the cards' container, the labels of the date and value cells)
TABLES = {
    "data_method": (".st-key-method_rows_cards", lambda lang: (column_labels(lang)["date"], column_labels(lang)["value"])),
    "returns": (".st-key-returns_context_cards", lambda lang: (t("date", lang), t("col_value", lang))),
}

# For each card: its heading, and the box of each cell named (the <dd> after its <dt>)
CARD_CELLS = """([container, names]) => [...document.querySelectorAll(container + ' li.nd-card')].map(card => {
  const cells = {};
  for (const dt of card.querySelectorAll(':scope > dl > dt')) {
    if (names.includes(dt.textContent)) {
      const r = dt.nextElementSibling.getBoundingClientRect();
      cells[dt.textContent] = {left: r.left, right: r.right, width: r.width, height: r.height,
                               text: dt.nextElementSibling.textContent};
    }
  }
  return {head: card.querySelector('.nd-card-head').textContent, cells};
})"""

def shown(page: Page, selector: str) -> bool:
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().height > 0")


@changes_the_page
@pytest.mark.parametrize("view", views(TABLES, widths=[PHONE]), ids=str)
def test_a_wide_table_is_cards_on_a_phone_with_every_date_and_value_on_screen(read: Reader, view: View):
    path = view.path
    container, labels = TABLES[path]
    date, value = labels(view.lang)
    page = read.change(view, TABLE_HEIGHT)
    grid = container.replace("_cards", "_grid")
    assert shown(page, container) and not shown(page, grid)

    closed = page.locator(f"{container} details.nd-card-group:not([open]) > summary")
    for _ in range(closed.count()):  # every kind of row, one tap each
        closed.first.click()
    cards = page.evaluate(CARD_CELLS, [container, [date, value]])
    assert len(cards) >= (94 if path == "data_method" else 12)  # every row: all 94, all 12 returns reports
    for card in cards:
        assert set(card["cells"]) == {date, value} or path == "data_method" and date in card["cells"], card
        for cell in card["cells"].values():
            assert cell["width"] > 0 and cell["height"] > 0 and cell["text"].strip(), card
            assert 0 <= cell["left"] and cell["right"] <= PHONE, card
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    if path == "data_method":  # the other cells, one tap away: the verbatim quote of the first figure
        first = page.locator(f"{container} li.nd-card").first
        quote = first.locator("details dd [data-verbatim]").nth(1)
        assert not quote.is_visible()
        first.locator("summary").click()
        assert quote.is_visible()
        box = quote.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE


@pytest.mark.parametrize("view", views(TABLES, widths=[LAPTOP]), ids=str)
def test_a_wide_table_is_a_grid_on_a_laptop(read: Reader, view: View):
    container = TABLES[view.path][0]
    page = read.open(view, TABLE_HEIGHT)
    assert shown(page, container.replace("_cards", "_grid")) and not shown(page, container)
    assert page.locator(f"{container.replace('_cards', '_grid')} [data-testid='stDataFrame']").first.is_visible()


# Data & method on a phone was about 29,200 px tall (English; 27,800 in Arabic): a card for
# each of its 94 rows. Each kind of row is now one line, the article's figures open: about
# 7,900 px. A reader gets to the method, the flags and the notes below the table.
PHONE_PAGE_HEIGHT_BOUND = 10_000


@changes_the_page
@pytest.mark.parametrize("view", views(["data_method"], widths=[PHONE]), ids=str)
def test_data_and_method_is_a_page_a_phone_reader_gets_through(read: Reader, view: View):
    page = read.change(view, PHONE_HEIGHT)
    page.wait_for_timeout(1500)  # the last sections drawn
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    assert 2_000 < height < PHONE_PAGE_HEIGHT_BOUND, height
    groups = page.locator(".st-key-method_rows_cards details.nd-card-group")
    assert groups.count() == 4  # figures, dates, context series, context events
    opened = [groups.nth(i).evaluate("el => el.open") for i in range(4)]
    assert opened == [True, False, False, False]
    figures = groups.nth(0).locator("li.nd-card")
    assert figures.count() == 8 and figures.first.is_visible()  # every figure's provenance in view
    context = groups.nth(2)
    assert not context.locator("li.nd-card").first.is_visible()
    context.locator("summary").first.click()  # one tap opens the 74 context reports
    assert context.locator("li.nd-card").count() == 74 and context.locator("li.nd-card").first.is_visible()


# The outer edges of the switch: the first and last three pixel columns around its two buttons
# together carry their border line (light grey), darker than the white page
BORDER_DRAWN = 245


@pytest.mark.parametrize("view", views(["data_method"]), ids=str)
def test_the_language_buttons_are_inside_the_page_and_drawn_whole(read: Reader, view: View):
    import io

    from PIL import Image

    page = read.open(view, TABLE_HEIGHT)
    boxes = []
    for name in ("English", "العربية"):
        box = page.get_by_role("radio", name=name).bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= view.width, (name, box)
        boxes.append(box)
    # whole pixels around the two buttons: one more at each side, where a border is drawn
    left = math.floor(min(b["x"] for b in boxes)) - 1
    right = math.ceil(max(b["x"] + b["width"] for b in boxes)) + 1
    top, bottom = boxes[0]["y"], boxes[0]["y"] + boxes[0]["height"]
    shot = page.screenshot(clip={"x": left, "y": top, "width": right - left, "height": bottom - top})
    image = Image.open(io.BytesIO(shot)).convert("L")
    width, height = image.size
    for edge in (range(0, 3), range(width - 3, width)):  # both outer edges carry a border line
        darkest = min(image.getpixel((x, y)) for x in edge for y in range(height // 4, 3 * height // 4))
        assert darkest < BORDER_DRAWN, (view, "left" if edge[0] == 0 else "right", darkest)


# --- 4. Labels -------------------------------------------------------------------------------

LABELS_HEIGHT = 1400
# the language switch names itself in both languages, on purpose
BILINGUAL = {"Language / اللغة"}

# Every control a reader can reach (and the landmarks Streamlit names) with a label,
# title or placeholder holding an English word
ENGLISH_LABELS = """() => {
  const found = [];
  const controls = document.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"], '
      + '[role="radio"], [role="tab"], [role="combobox"], [role="listbox"], [role="option"], [role="slider"], '
      + '[role="checkbox"], [tabindex], nav, section, [aria-label], [title], [placeholder]');
  for (const el of controls) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && /[A-Za-z]{2,}/.test(value.replace('UTF-8', '')))
        found.push(`${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') || ''}] ${name}="${value.slice(0, 40)}"`);
    }
  }
  return found;
}"""

def english_labels(page: Page) -> list[str]:
    return [label for label in page.evaluate(ENGLISH_LABELS) if not any(ok in label for ok in BILINGUAL)]

def show_toolbars(page: Page) -> None:
    """A table's toolbar (search, full screen, columns) is drawn when the pointer is over it."""
    grids = page.locator('[data-testid="stDataFrame"]:visible')
    if grids.count():
        grids.first.hover()
        page.wait_for_timeout(500)

def test_the_script_names_the_streamlit_version_it_was_checked_on():
    import streamlit

    assert STREAMLIT_VERSION_CHECKED == streamlit.__version__ == "1.67.0"  # an upgrade: check the labels again


@changes_the_page  # the pointer over a table
@pytest.mark.parametrize("view", views(PAGES, langs=["ar"], widths=[LAPTOP]), ids=str)
def test_an_arabic_page_has_no_english_label_on_its_controls(read: Reader, view: View):
    page = read.change(view, LABELS_HEIGHT)
    show_toolbars(page)
    page.wait_for_timeout(300)  # the script relabels what was just drawn
    assert english_labels(page) == []
    if view.path == "returns":  # what it covers: Streamlit's controls, with Arabic labels now
        assert page.locator('[data-testid="stMainMenuButton"]').get_attribute("aria-label") == "القائمة الرئيسية"
        assert page.locator('[data-testid="stMultiSelect"] [aria-label="مسح الكل"]').count() == 1
        assert page.locator('[data-testid="stMultiSelect"] [aria-label^="إزالة "]').count() >= 2
        assert page.locator('[data-testid="stElementToolbar"] [aria-label="بحث"]').count() >= 1


@changes_the_page
@pytest.mark.parametrize("view", [View("data_method", "ar", PHONE)], ids=str)
def test_a_phones_arabic_page_too_and_english_comes_back_after_the_switch(read: Reader, view: View):
    page = read.change(view, LABELS_HEIGHT)
    assert english_labels(page) == []
    page.get_by_role("radio", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('[data-testid="stMainMenuButton"]')).to_have_attribute("aria-label", "Main menu")
    labels = " ".join(page.evaluate(ENGLISH_LABELS))
    assert re.search(r'"Remove ', labels) and "Clear all" in labels


# --- 5. The grids at 1440 px -----------------------------------------------------------------

# The grid drawn: how many columns it has, how many it drew, and any sideways scroll
GRID_STATE = """(grid) => {
  const table = grid.querySelector('table[role="grid"]');
  const scroller = grid.querySelector('.dvn-scroller');
  return {columns: Number(table.getAttribute('aria-colcount')),
          drawn: table.querySelectorAll('th[role="columnheader"]').length,
          headers: [...table.querySelectorAll('th[role="columnheader"]')].map(th => th.textContent),
          overflow: scroller.scrollWidth - scroller.clientWidth};
}"""

# Each cell that would not fit: greedy wrapping of its words at the column's width in the
# grid's font (a word longer than a line is broken), against the row's height; a link and
# a header are one line
CUT_CELLS = """([cells, rowHeight]) => {
  const context = document.createElement('canvas').getContext('2d');
  context.font = '14px ' + getComputedStyle(document.body).fontFamily;
  const padding = 17, fontHeight = 15, lineFactor = 1.4;
  const linesOf = (text, room) => {
    let lines = 1, line = '';
    for (const word of text.split(/\\s+/).filter(Boolean)) {
      const tried = line ? line + ' ' + word : word;
      if (context.measureText(tried).width <= room) { line = tried; continue; }
      if (line) { lines += 1; }
      line = word;
      while (context.measureText(line).width > room) {  // broken inside the word
        let cut = line.length - 1;
        while (cut > 1 && context.measureText(line.slice(0, cut)).width > room) cut -= 1;
        lines += 1; line = line.slice(cut);
      }
    }
    return lines;
  };
  const cut = [];
  for (const [text, width, oneLine] of cells) {
    const room = width - padding;
    if (oneLine) { if (context.measureText(text).width > room) cut.push(`${text} (${width} px, one line)`); continue; }
    const lines = linesOf(text, room);
    const height = fontHeight * (1 + lineFactor * (lines - 1)) + 3;
    if (lines > 1 && (rowHeight === null || rowHeight <= 64 || height > rowHeight))
      cut.push(`${text.slice(0, 50)} (${width} px: ${lines} lines, row ${rowHeight})`);
  }
  return cut;
}"""

def site(address: str) -> str:
    match = re.match(SITE_NAME, address)
    return match.group(1) if match else address

def cells(frame: pd.DataFrame, widths: dict[str, int], headers: dict[str, str], links: dict[str, object]) -> list[list]:
    """[text, column width, one line?] for every cell and header shown."""
    out = []
    for column, width in widths.items():
        out.append([headers[column], width, True])  # its header, on one line
        for value in frame[column]:
            if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == "":
                continue
            text = links[column](value) if column in links else str(value)
            out.append([text, width, column in links])
    return out

def check_grid(page: Page, grid, frame: pd.DataFrame, widths: dict[str, int], headers: dict[str, str],
               links: dict[str, object], row_height: int | None) -> None:
    state = grid.evaluate(GRID_STATE)
    assert state["columns"] == len(widths), state  # every column of the set ...
    assert state["drawn"] == state["columns"], state  # ... drawn, none past the right edge
    assert state["overflow"] <= 1, state  # no sideways scroll
    assert state["headers"] == [headers[c] for c in widths]
    cut = page.evaluate(CUT_CELLS, [cells(frame, widths, headers, links), row_height])
    assert not cut, cut


@changes_the_page  # scrolled to the table
@pytest.mark.parametrize("view", views(["returns"], widths=[LAPTOP]), ids=str)
def test_the_sourced_context_table_shows_every_column_whole_at_1440(read: Reader, view: View):
    from newsdash.data.corpus import load_corpus

    lang = view.lang
    corpus = load_corpus()
    series = [c.id for c in returns_view.page_charts(corpus, corpus.article(), "returns")]
    frame = returns_view.returns_context_table(corpus, series, lang)
    widths = returns_view.returns_grid_widths(lang)
    page = read.change(view, LABELS_HEIGHT)
    grid = page.locator('.st-key-returns_context_grid [data-testid="stDataFrame"]')
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    check_grid(page, grid, frame, widths, {c: c for c in widths}, {t("col_link", lang): site},
               returns_view.returns_context_row_height(corpus, series, lang))


@changes_the_page  # its tabs clicked
@pytest.mark.parametrize("view", views(["data_method"], widths=[LAPTOP]), ids=str)
def test_the_data_and_method_table_shows_every_column_whole_at_1440(read: Reader, view: View):
    from newsdash.data.corpus import load_corpus

    lang = view.lang
    corpus = load_corpus()
    article = corpus.article().id
    raw = method_view.article_provenance_frame(corpus, article, lang)
    frame = method_view.display_frame(raw, lang)
    if lang == "en":  # the grid's number format (%g)
        frame = frame.assign(value=[None if pd.isna(v) else f"{v:g}" for v in frame["value"]])
    heights = method_view.grid_row_heights(corpus, article, list(method_view.KINDS),
                                           method_view.categories(raw), lang)
    labels = method_view.column_labels(lang)
    links = {"sentence": lambda _: t("see_in_text", lang), "source_url": site}
    page = read.change(view, LABELS_HEIGHT)
    for (tab, widths), height in zip(method_view.GRID_TABS, heights, strict=True):
        page.get_by_role("tab", name=t(tab, lang)).click()
        grid = page.locator('.st-key-method_rows_grid [role="tabpanel"]:visible [data-testid="stDataFrame"]')
        grid.wait_for(state="visible")
        page.wait_for_timeout(500)
        check_grid(page, grid, frame, widths, labels, {c: f for c, f in links.items() if c in widths}, height)
