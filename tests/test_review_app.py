"""AppTest of the review on the pages: with no sign-in configured Save is off and the page
says how an editor turns editing on; an editor account saves, a reader does not see it,
the same editor cannot approve, a second one does; the Data & method page shows the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest, app_test

from newsdash.app import auth, editors
from newsdash.curation import review
from tests import record_data as rd
from tests.conftest import DASHBOARD
from tests.navigation_pages import NavigationPages
from tests.test_auth import ENCODED, PASSWORD
from tests.test_confirm_app import PAGE, RAW, fill, save_button

OTHER_PASSWORD = "a second editor's own passphrase"
DATELINE = {"events.event_1.label.en": "The ministry's statement", "events.event_1.label.ar": "بيان الوزارة",
            "events.event_1.translation": "6 December 2020"}


@pytest.fixture(autouse=True)
def navigation_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    monkeypatch.setenv(auth.SPACING_ENV, "1")  # the editors' form shares the door's brake: a wrong try waits 1 s
    yield


@pytest.fixture
def accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.EDITORS_ENV, f"Amal Haddad:{ENCODED},Ben Roy:{auth.hash_password(OTHER_PASSWORD)}")


def add_article_page(paste: bool = True) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=90).run()
    at = at.switch_page(PAGE).run()
    if paste:
        at.text_area(key="add_paste").input(RAW.decode("utf-8")).run()
    return at


def sign_in_as_editor(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="editor_name").input(name)
    at.text_input(key="editor_password").input(password)
    return next(b for b in at.button if b.label == "Sign in as an editor").click().run()


def test_with_no_sign_in_configured_save_is_off_and_the_page_says_how_to_turn_editing_on(data_copy: Path) -> None:
    at = add_article_page()
    assert not at.exception
    assert save_button(at).disabled
    [off, needed] = [i.value for i in at.info]
    assert "Saving is off" in off and 'local_editor = "Your Name"' in off and "DASHBOARD_LOCAL_EDITOR" in off
    assert needed == "Sign in as an editor (above) to save."
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Save checks the article like `newsdash validate` and, signed in as an editor, puts it "
                            "up for review: readers do not see it until a second editor approves it.") for c in captions)
    assert not any("it then appears on the dashboard" in c or "Nothing on this page is published" in c
                   for c in captions)  # the page says one thing about Save, and it is what Save does


def test_local_editing_holds_only_for_a_browser_on_the_same_machine(data_copy: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.LOCAL_EDITOR_ENV, "Amal Haddad")
    monkeypatch.setattr(editors, "_on_this_machine", lambda: False)
    at = add_article_page()
    assert save_button(at).disabled
    assert at.info[0].value.startswith("Editing is on only for a browser on the machine that runs the dashboard")
    monkeypatch.setattr(editors, "_on_this_machine", lambda: True)
    at = add_article_page()
    assert not save_button(at).disabled
    assert "Editing is on for this machine, as Amal Haddad (local_editor)." in [c.value for c in at.caption]


def test_accounts_win_over_a_local_editor(data_copy: Path, accounts: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.LOCAL_EDITOR_ENV, "Amal Haddad")
    monkeypatch.setattr(editors, "_on_this_machine", lambda: True)
    assert save_button(add_article_page()).disabled  # a shared server with accounts: sign in as yourself


def test_a_wrong_password_signs_no_editor_in(data_copy: Path, accounts: None) -> None:
    at = sign_in_as_editor(add_article_page(), "Amal Haddad", OTHER_PASSWORD)
    assert [e.value for e in at.error] == ["That name and password do not match an editor account."]
    assert save_button(at).disabled


def test_editor_a_saves_a_reader_does_not_see_it_editor_b_approves_the_log_shows_both(data_copy: Path,
                                                                                   accounts: None) -> None:
    amal = sign_in_as_editor(add_article_page(), "Amal Haddad", PASSWORD)
    fill(amal, rd.ANSWERS | DATELINE)
    save_button(amal).click().run()
    assert not amal.exception and not amal.error
    amal.run()
    approve = next(b for b in amal.button if b.key == f"review_approve_{rd.ARTICLE_ID}")
    assert approve.disabled  # her own save
    assert "You saved this version: a second editor approves it." in [c.value for c in amal.caption]

    reader = AppTest.from_file(DASHBOARD, default_timeout=90).run()
    assert not [s for s in reader.selectbox if s.key == "article"]  # one article: the pending one is not there
    reader = reader.switch_page(PAGE).run()
    assert not [b for b in reader.button if b.key.startswith("review_")]  # readers get no queue at all
    assert not any(rd.ARTICLE_ID in m.value for m in reader.markdown)

    ben = sign_in_as_editor(add_article_page(paste=False), "ben roy", OTHER_PASSWORD)
    assert any(m.value.startswith(f"\u2068{rd.ARTICLE_ID}\u2069: a new article, saved by \u2068Amal Haddad\u2069 on ")
               for m in ben.markdown)
    next(b for b in ben.button if b.key == f"review_approve_{rd.ARTICLE_ID}").click().run()
    assert [s.value for s in ben.success] == [f"Approved: \u2068{rd.ARTICLE_ID}\u2069 is on the record."]
    assert (data_copy / "articles" / f"{rd.ARTICLE_ID}.yaml").is_file()

    reader = AppTest.from_file(DASHBOARD, default_timeout=90).run()
    [chooser] = [s for s in reader.selectbox if s.key == "article"]
    assert "6 December 2020 · Russian defence ministry: refugees keep returning to Karabakh" in chooser.options
    method = reader.switch_page("pages/data_method.py").run()
    [log] = [d for d in method.table if "Editor" in d.value.columns]
    rows = log.value[["Editor", "Action", "Article"]].values.tolist()
    shown = f"\u2068{rd.ARTICLE_ID}\u2069"  # isolated in its own direction
    assert rows == [["Ben Roy", "approved", shown], ["Amal Haddad", "saved for review", shown]]


def test_a_correction_shows_on_the_overview_once_approved(data_copy: Path) -> None:
    from tests.test_review import MARCH_3, confirmed

    review.submit(confirmed(), rd.seed_bytes(), data_copy, "Amal Haddad")
    review.approve(data_copy, rd.ARTICLE_ID, "Ben Roy")
    review.submit(confirmed(figures__figure_1__label__en="Refugees back in Karabakh"), rd.seed_bytes(), data_copy,
                  "Ben Roy")
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.query_params["article"] = rd.ARTICLE_ID
    at.run()
    assert not [i for i in at.info if i.value.startswith("Corrected on")]  # awaiting review: not yet
    review.approve(data_copy, rd.ARTICLE_ID, "Amal Haddad", now=MARCH_3)
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.query_params["article"] = rd.ARTICLE_ID
    at.run()
    assert [i.value for i in at.info if i.value.startswith("Corrected on")] == [
        "Corrected on 3 March 2026: Refugees back in Karabakh (label) was “Refugees returned to Karabakh”."]


def test_an_editor_signs_out_and_the_session_is_a_reader_again(data_copy: Path, accounts: None) -> None:
    at = sign_in_as_editor(add_article_page(), "Amal Haddad", PASSWORD)
    assert not save_button(at).disabled
    next(b for b in at.button if b.label == "Sign out as editor").click().run()
    assert save_button(at).disabled
    assert [w.key for w in at.text_input if w.key in ("editor_name", "editor_password")] == ["editor_name",
                                                                                           "editor_password"]


def test_in_arabic_the_page_says_saving_is_off_and_the_correction_reads_in_arabic(data_copy: Path) -> None:
    from tests.test_review import MARCH_3, confirmed

    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.query_params["lang"] = "ar"
    at.run()
    at = at.switch_page(PAGE)
    at.query_params["lang"] = "ar"
    at.run()
    assert at.info[0].value.startswith("الحفظ متوقف: لم يُعدّ دخول المحررين في هذه اللوحة.")
    review.submit(confirmed(), rd.seed_bytes(), data_copy, "Amal Haddad")
    review.approve(data_copy, rd.ARTICLE_ID, "Ben Roy")
    review.submit(confirmed(figures__figure_1__label__en="Refugees back in Karabakh",
                            figures__figure_1__label__ar="لاجئون عادوا إلى ديارهم في قره باغ"), rd.seed_bytes(),
                  data_copy, "Ben Roy")
    review.approve(data_copy, rd.ARTICLE_ID, "Amal Haddad", now=MARCH_3)
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.query_params["lang"] = "ar"
    at.query_params["article"] = rd.ARTICLE_ID
    at.run()
    [correction] = [i.value for i in at.info if i.value.startswith("صُحّح")]
    assert correction.startswith("صُحّح في ٣ مارس ٢٠٢٦: لاجئون عادوا إلى ديارهم في قره باغ (التسمية) كان “")


def test_two_editors_signed_in_with_the_newsrooms_accounts_save_and_approve(data_copy: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Provider (OpenID Connect) editors as the door hands them to the pages: the editor
    acts under the account's name, the panel says where the name comes from, and the
    review needs a second account."""
    from newsdash.app.identity import EDITOR, Identity
    from tests.doorclient import browser_signed_in

    browser_signed_in(monkeypatch, Identity("Ana Lima", EDITOR, "oidc"))
    ana = add_article_page()
    assert ("Signed in with your newsroom account as editor: Ana Lima. Your saves and reviews carry this name."
            in [c.value for c in ana.caption])
    assert not [t for t in ana.text_input if t.key == "editor_password"]  # no second sign-in on the page
    fill(ana, rd.ANSWERS | DATELINE)
    save_button(ana).click().run()
    assert not ana.exception and not ana.error
    ana.run()
    assert next(b for b in ana.button if b.key == f"review_approve_{rd.ARTICLE_ID}").disabled  # her own save

    browser_signed_in(monkeypatch, Identity("Dee Desk", EDITOR, "oidc"))
    dee = add_article_page(paste=False)
    next(b for b in dee.button if b.key == f"review_approve_{rd.ARTICLE_ID}").click().run()
    assert [s.value for s in dee.success] == [f"Approved: \u2068{rd.ARTICLE_ID}\u2069 is on the record."]
    method = dee.switch_page("pages/data_method.py").run()
    [log] = [d for d in method.table if "Editor" in d.value.columns]
    assert log.value[["Editor", "Action"]].values.tolist() == [["Dee Desk", "approved"], ["Ana Lima", "saved for review"]]
