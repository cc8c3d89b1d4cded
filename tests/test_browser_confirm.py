"""Headless Chromium against `streamlit run` on a private data folder: paste the second
article on the Add an article page, fill in the confirm form, Save (as the local editor
of this machine); once a second editor approved it, the article is on the record,
selectable on the Overview (the review in the browser: tests/test_browser_review.py)."""

from __future__ import annotations

import pytest

from newsdash.app import auth
from newsdash.curation import review
from tests import record_data as rd
from tests.conftest import require_browser, start_app

pytestmark = pytest.mark.browser

# the page's labels for the answers (tests/record_data.ANSWERS holds them by field)
LABELS = {
    "article.id": "Article id", "article.title.en": "Title (English)",
    "article.outlet.en": "Outlet (English)", "article.outlet.ar": "Outlet (Arabic)",
    "article.wire_agency.en": "Wire agency (English)", "article.wire_agency.ar": "Wire agency (Arabic)",
    "article.speaker.name.en": "Speaker (English)", "article.speaker.name.ar": "Speaker (Arabic)",
    "article.speaker.role.en": "Speaker's role (English)", "article.speaker.role.ar": "Speaker's role (Arabic)",
    "article.claim_caveat.en": "Whose claims, and verified by whom (English)",
    "article.claim_caveat.ar": "Whose claims, and verified by whom (Arabic)",
}
FIELD_WORDS = {"label.en": "Label (English)", "label.ar": "Label (Arabic)",
               "attributed_to": "Attributed to (as the text says)",
               "attributed_to_ar": "Attributed to (Arabic, optional)",
               "translation": "English translation of the quote", "category": "Category (e.g. returns, demining)",
               "period": "Period"}
# in the browser the dateline date stays ticked: the editor describes it too
DATELINE = {"events.event_1.label.en": "The ministry's statement", "events.event_1.label.ar": "بيان الوزارة",
            "events.event_1.translation": "6 December 2020"}


def label_of(key: str) -> str:
    if key in LABELS:
        return LABELS[key]
    if key.startswith("paragraphs."):
        return f"Paragraph {int(key.split('.')[1]) + 1}: English translation"
    kind, record, name = key.split(".", 2)
    mark = ("F" if kind == "figures" else "D") + record.rsplit("_", 1)[1]
    return f"{mark} · {FIELD_WORDS[name]}"


@pytest.fixture
def private_app(tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    require_browser()
    monkeypatch.setenv(auth.LOCAL_EDITOR_ENV, "Amal Haddad")  # editing on for this machine (the browser is on it)
    data = rd.data_folder(tmp_path)
    proc, url = start_app(data)
    yield data, url
    proc.terminate()
    proc.wait(timeout=20)


def test_paste_fill_save_then_choose_it_on_the_overview(page, private_app) -> None:  # noqa: ANN001
    data, url = private_app
    page.goto(f"{url}/add_article")
    paste = page.get_by_label("…or paste the text")
    paste.wait_for(timeout=60_000)
    paste.fill(rd.seed_bytes().decode("utf-8"))
    paste.press("Control+Enter")
    page.get_by_role("textbox", name="Article id", exact=True).wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Proposed: Returned to Karabakh (Russian side's count).").is_visible()
    answers = {k: v for k, v in rd.ANSWERS.items() if not k.endswith(".keep")} | DATELINE
    for key, value in answers.items():
        page.get_by_role("textbox", name=label_of(key), exact=True).fill(value)
    page.get_by_role("button", name="Save the confirmed article").click()
    page.get_by_text(f"Saved for review as review/pending/{rd.ARTICLE_ID}.yaml, by Amal Haddad").wait_for(
        timeout=60_000)
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()  # awaiting a second editor
    assert (data.parent / "seeds" / rd.SEED_NAME).read_bytes() == rd.seed_bytes()
    review.approve(data, rd.ARTICLE_ID, "Ben Roy")  # the second editor, elsewhere

    page.goto(url)  # the Overview, on the latest published article
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').click()
    page.get_by_role("option", name="6 December 2020 · Russian defence ministry: refugees keep returning to Karabakh").click()
    title = page.locator('[data-testid="stMain"] h1', has_text=rd.ANSWERS["article.title.en"])
    title.wait_for(timeout=60_000)  # the Overview of the saved article, its caveat under the title
    assert page.get_by_text(rd.ANSWERS["article.claim_caveat.en"]).is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert f"article={rd.ARTICLE_ID}" in page.url  # the link a reader copies names the article

    # in Arabic the chooser's long options read from their start, the date, cut at their end
    page.goto(f"{url}/?lang=ar")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=30_000)
    assert options.all_inner_texts()[0].startswith("٢٩ ديسمبر ٢٠٢١ · ")
    assert [option.evaluate(FIRST_LETTER_INSIDE) for option in options.all()] == [True, True]


# Whether the first letter of an element's text is drawn inside the element's box (a long
# right-to-left text laid out left to right puts its start past the right edge).
FIRST_LETTER_INSIDE = """element => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 1);
  const letter = range.getBoundingClientRect(), box = element.getBoundingClientRect();
  return letter.left >= box.left - 1 && letter.right <= box.right + 1;
}"""
