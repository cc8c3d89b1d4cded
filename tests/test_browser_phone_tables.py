"""Headless Chromium: the wide tables and the language switch at a phone's and a laptop's
width, in English and Arabic (issue 21, part 2).

- At 390 px the Data & method table and the Sourced context table (Returns) are cards,
  one per row: every card's date and value are on screen, inside the viewport's width, and
  the cells behind "All details" open with one tap; the grid, which showed two or three
  columns of a canvas scrolled sideways, is not shown. At 1440 px the grid is, and no card.
- The language switch's buttons are inside the viewport and drawn whole (the "English"
  button lost its outer border at the page's right edge on Arabic pages)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from newsdash.reading.i18n import t
from newsdash.views.data_method import column_labels
from tests.test_browser_phone_a11y import open_settled

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 2400}
DESKTOP = {"width": 1440, "height": 2400}

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


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", list(TABLES))
def test_a_wide_table_is_cards_on_a_phone_with_every_date_and_value_on_screen(page: Page, app_url, path, lang):
    container, labels = TABLES[path]
    date, value = labels(lang)
    page.set_viewport_size(PHONE)
    open_settled(page, app_url, path, lang)
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
            assert 0 <= cell["left"] and cell["right"] <= PHONE["width"], card
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    if path == "data_method":  # the other cells, one tap away: the verbatim quote of the first figure
        first = page.locator(f"{container} li.nd-card").first
        quote = first.locator("details dd [data-verbatim]").nth(1)
        assert not quote.is_visible()
        first.locator("summary").click()
        assert quote.is_visible()
        box = quote.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", list(TABLES))
def test_a_wide_table_is_a_grid_on_a_laptop(page: Page, app_url, path, lang):
    container = TABLES[path][0]
    page.set_viewport_size(DESKTOP)
    open_settled(page, app_url, path, lang)
    assert shown(page, container.replace("_cards", "_grid")) and not shown(page, container)
    assert page.locator(f"{container.replace('_cards', '_grid')} [data-testid='stDataFrame']").first.is_visible()


# Data & method on a phone was about 29,200 px tall (English; 27,800 in Arabic): a card for
# each of its 94 rows. Each kind of row is now one line, the article's figures open: about
# 7,900 px. A reader gets to the method, the flags and the notes below the table.
PHONE_PAGE_HEIGHT_BOUND = 10_000


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_data_and_method_is_a_page_a_phone_reader_gets_through(page: Page, app_url, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    open_settled(page, app_url, "data_method", lang)
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


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1440"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_language_buttons_are_inside_the_page_and_drawn_whole(page: Page, app_url, lang, size):
    import io
    import math

    from PIL import Image

    page.set_viewport_size(size)
    open_settled(page, app_url, "data_method", lang)
    boxes = []
    for name in ("English", "العربية"):
        box = page.get_by_role("radio", name=name).bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= size["width"], (name, box)
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
        assert darkest < BORDER_DRAWN, (lang, size["width"], "left" if edge[0] == 0 else "right", darkest)
