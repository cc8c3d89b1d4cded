"""Headless Chromium against `streamlit run` with two editor accounts: editor A saves the
second article, a reader does not see it, editor B approves it, the Overview shows it and
the Data & method log shows both; a later change, saved by one and approved by the other,
shows on the Overview as a dated correction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdash.reading.formatting import format_date
from tests import record_data as rd
from tests.conftest import require_browser
from tests.test_auth import PASSWORD
from tests.test_browser_confirm import DATELINE, label_of

pytestmark = pytest.mark.browser
TITLE = rd.ANSWERS["article.title.en"]
SHOWN_ID = f"\u2068{rd.ARTICLE_ID}\u2069"  # set in its own direction wherever it is shown


@pytest.fixture(autouse=True)
def _needs_a_browser() -> None:
    require_browser()


def sign_in_as_editor(page, url: str, name: str) -> None:  # noqa: ANN001 - a Playwright Page
    """Open the Add an article page in `page` (a new Streamlit session) and sign in there.
    Editors sign in per session, not per browser: two tabs of one browser are two editors."""
    page.goto(f"{url}/add_article")
    page.get_by_label("Editor's name").wait_for(timeout=60_000)
    page.get_by_label("Editor's name").fill(name)
    page.get_by_label("Editor's password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in as an editor").click()
    page.get_by_text(f"Signed in as editor: {name}.").wait_for(timeout=60_000)


def save(page, answers: dict) -> None:  # noqa: ANN001
    paste = page.get_by_label("…or paste the text")
    paste.fill(rd.seed_bytes().decode("utf-8"))
    paste.press("Control+Enter")
    page.get_by_role("textbox", name="Article id", exact=True).wait_for(timeout=60_000)
    for key, value in answers.items():
        page.get_by_role("textbox", name=label_of(key), exact=True).fill(value)
    page.get_by_role("button", name="Save the confirmed article").click()
    page.get_by_text(f"Saved for review as review/pending/{rd.ARTICLE_ID}.yaml").wait_for(timeout=60_000)


@pytest.fixture
def editor_tabs(page):  # noqa: ANN001, ANN201 - two Playwright Pages
    """Two more tabs of the test's warm browser context (tests/conftest.py), one per
    editor; closed after the test, so that none outlives the app it talks to."""
    tabs = [page.context.new_page(), page.context.new_page()]
    yield tabs
    for tab in tabs:
        tab.close()


def test_a_saves_a_reader_does_not_see_it_b_approves_the_log_shows_both_then_a_correction(
        editors_app, page, editor_tabs) -> None:  # noqa: ANN001
    reader, (amal, ben) = page, editor_tabs
    data, url = editors_app
    answers = {k: v for k, v in rd.ANSWERS.items() if not k.endswith(".keep")} | DATELINE

    sign_in_as_editor(amal, url, "Amal Haddad")
    save(amal, answers)
    assert (data / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml").is_file()
    assert amal.get_by_role("button", name="Approve and publish").is_disabled()  # not her own

    reader.goto(f"{url}/?article={rd.ARTICLE_ID}")
    # not on the record yet: the page says so, and shows no other article in its place
    reader.get_by_text("which is not on this dashboard").wait_for(timeout=60_000)
    assert reader.locator('[data-testid="stMain"] h1', has_text=TITLE).count() == 0
    assert reader.locator('[data-testid="stMetricValue"]').count() == 0
    assert reader.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').count() == 0  # one article

    sign_in_as_editor(ben, url, "Ben Roy")
    ben.get_by_text(f"{SHOWN_ID}: a new article, saved by \u2068Amal Haddad\u2069 on").wait_for(timeout=60_000)
    ben.get_by_role("button", name="Approve and publish").click()
    ben.get_by_text(f"Approved: {SHOWN_ID} is on the record.").wait_for(timeout=60_000)

    reader.goto(f"{url}/?article={rd.ARTICLE_ID}")
    reader.locator('[data-testid="stMain"] h1', has_text=TITLE).wait_for(timeout=60_000)
    assert reader.locator('[data-testid="stException"]').count() == 0

    reader.goto(f"{url}/data_method")
    reader.get_by_text("Review log", exact=True).wait_for(timeout=60_000)
    log = reader.locator('[data-testid="stTable"]').last
    log.wait_for(timeout=60_000)
    rows = [[cell.strip() for cell in row.locator("td").all_inner_texts()[:4]] for row in log.locator("tbody tr").all()]
    assert [row[1:] for row in rows] == [["Ben Roy", "approved", SHOWN_ID],
                                         ["Amal Haddad", "saved for review", SHOWN_ID]]

    # a change to the article on the record: saved by Amal, approved by Ben, then a dated
    # correction; each signs in again on a new session, as on another day
    sign_in_as_editor(amal, url, "Amal Haddad")
    save(amal, answers | {"figures.figure_1.label.en": "Refugees back in Karabakh"})
    sign_in_as_editor(ben, url, "Ben Roy")
    ben.get_by_text(f"{SHOWN_ID}: a change to an article on the record, saved by \u2068Amal Haddad\u2069").wait_for(
        timeout=60_000)
    ben.get_by_role("button", name="Approve and publish").click()
    ben.get_by_text(f"Approved: {SHOWN_ID} is on the record.").wait_for(timeout=60_000)
    reader.goto(f"{url}/?article={rd.ARTICLE_ID}")
    today = format_date(datetime.now(UTC).date().isoformat(), "en")
    correction = reader.get_by_text(f"Corrected on {today}: Refugees back in Karabakh (label) was "
                                    "“Refugees returned to Karabakh”.")
    correction.wait_for(timeout=60_000)
    assert correction.count() == 1
