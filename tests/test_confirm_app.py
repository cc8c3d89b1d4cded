"""AppTest of the confirm form on the Add an article page: the second article pasted,
the wrong date unticked, the form filled, Save (as the local editor: the review itself is
tests/test_review_app.py); a refusal keeps every answer; behind a password, Save waits
for an editor's sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest, app_test

from newsdash.app import auth, editors
from newsdash.views import add_article as view
from tests import record_data as rd
from tests.conftest import DASHBOARD
from tests.doorclient import browser_signed_in
from tests.navigation_pages import NavigationPages
from tests.test_auth import ENCODED, PASSWORD

PAGE = "pages/add_article.py"
RAW = rd.seed_bytes()
FORM = view.editor_key("confirm", RAW)


@pytest.fixture(autouse=True)
def navigation_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page runs inside the entry script, as on a server (tests/test_language_switch_app.py)."""
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)


@pytest.fixture
def local_editor(monkeypatch: pytest.MonkeyPatch) -> str:
    """Editing turned on for this machine, as one editor (AppTest's client has no real
    address: it is taken as on this machine, as Streamlit reports a loopback client)."""
    monkeypatch.setenv(auth.LOCAL_EDITOR_ENV, "Amal Haddad")
    monkeypatch.setattr(editors, "_on_this_machine", lambda: True)
    return "Amal Haddad"


def pasted(lang: str = "en") -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    at = at.switch_page(PAGE)
    if lang != "en":
        at.query_params["lang"] = lang  # switch_page drops the query string
    at.run()
    at.text_area(key="add_paste").input(RAW.decode("utf-8")).run()
    if lang != "en":
        return at  # (setting a table's state in AppTest puts the language switch back to English)
    events = view.editor_key("events", RAW)  # the dateline is no event of the story: untick it
    at.session_state[events] = {"edited_rows": {0: {"keep": False}}, "added_rows": [], "deleted_rows": []}
    return at.run()


def field(at: AppTest, key: str):  # noqa: ANN201 - a text_input or text_area of the form
    full = f"{FORM}.{key}"
    found = [w for w in (*at.text_input, *at.text_area) if w.key == full]
    assert found, f"no form field {key}"
    return found[0]


def fill(at: AppTest, answers: dict) -> None:
    for key, value in answers.items():
        if not key.endswith(".keep"):
            field(at, key).input(value)


def save_button(at: AppTest):  # noqa: ANN201
    return next(b for b in at.button if b.label == "Save the confirmed article")


def said_beside(at: AppTest, key: str) -> list[str]:
    """The refusals drawn right below a form field, in the page's order."""
    def walk(node):  # noqa: ANN001, ANN202
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)
    nodes = list(walk(at.main))
    at_field = next(i for i, n in enumerate(nodes) if getattr(n, "key", None) == f"{FORM}.{key}")
    said = []
    for node in nodes[at_field + 1:]:
        if getattr(node, "type", None) != "error":
            break
        said.append(node.value)
    return said


def test_the_form_asks_for_what_only_an_editor_knows(data_copy: Path) -> None:
    at = pasted()
    assert not at.exception
    assert field(at, "article.title.ar").value == "الدفاع الروسية: اللاجئون يواصلون العودة إلى قره باغ"
    assert field(at, "figures.figure_1.label.en").label == "F1 · Label (English)"
    assert field(at, "figures.figure_1.label.en").value == ""  # no [draft] placeholder to type over
    assert field(at, "figures.figure_1.period").value == "2020-12-06"
    assert not [w for w in at.text_input if w.key.startswith(f"{FORM}.events.event_1.")]  # unticked: not asked
    headings = [m.value for m in at.markdown if m.value.startswith("**F1")]
    assert headings == ["**F1 · more than 34,000 · «أكثر من 34 ألف لاجئ»**"]


def test_filled_and_saved_the_article_awaits_review(data_copy: Path, local_editor: str) -> None:
    at = pasted()
    fill(at, rd.ANSWERS)
    save_button(at).click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        f"Saved for review as review/pending/{rd.ARTICLE_ID}.yaml, by Amal Haddad. Readers do not see it until "
        "a second editor approves it."]
    pending = data_copy / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml"
    assert pending.is_file()
    assert not (data_copy / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()
    assert (data_copy.parent / "seeds" / rd.SEED_NAME).read_bytes() == RAW
    from newsdash.data.loading import load_article

    second, _ = load_article(pending, data_copy.parent / "seeds", root=data_copy)
    assert [(f.value, f.qualifier) for f in second.article.figures] == [(34000, "more_than"), (1.5, "about")]
    assert [e.id for e in second.article.events] == ["event_2"]


def test_a_refused_save_writes_nothing_keeps_every_answer_and_names_the_field(data_copy: Path,
                                                                             local_editor: str) -> None:
    at = pasted()
    fill(at, rd.ANSWERS | {"figures.figure_1.attributed_to": ""})
    before = sorted(p.name for p in (data_copy / "articles").iterdir())
    save_button(at).click().run()
    assert not at.exception
    assert said_beside(at, "figures.figure_1.attributed_to") == ["Still empty: only an editor can fill this in."]
    assert [e.value for e in at.error] == ["Still empty: only an editor can fill this in.",
                                           "Not saved, nothing was written: 1 field(s) need an answer or a "
                                           "correction; each says why just below it."]
    assert sorted(p.name for p in (data_copy / "articles").iterdir()) == before
    assert field(at, "figures.figure_1.label.en").value == rd.ANSWERS["figures.figure_1.label.en"]
    assert field(at, "paragraphs.1.translation").value == rd.ANSWERS["paragraphs.1.translation"]
    field(at, "figures.figure_1.attributed_to").input(rd.ANSWERS["figures.figure_1.attributed_to"])
    save_button(at).click().run()  # mended, the same form saves
    assert (data_copy / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml").is_file()


def test_a_category_apart_from_the_measure_is_refused_naming_the_category(data_copy: Path,
                                                                          local_editor: str) -> None:
    """A check the loader makes (not the form): the refusal still names the form's field."""
    at = pasted()
    fill(at, rd.ANSWERS | {"figures.figure_1.category": "demining"})
    save_button(at).click().run()
    assert not at.exception
    [beside] = said_beside(at, "figures.figure_1.category")
    assert "measure 'returned\\_to\\_karabakh\\_cumulative' is in 'returns'" in beside  # as Markdown, escaped
    assert "figures.figure_1" not in beside and "figure_1: category" not in beside  # words, not a path
    assert at.error[-1].value.startswith("Not saved, nothing was written: 1 field(s) need")
    assert not (data_copy / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml").exists()
    assert not (data_copy / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()


def test_the_form_speaks_arabic(data_copy: Path) -> None:
    at = pasted("ar")
    assert not at.exception
    assert field(at, "figures.figure_1.label.ar").label == "F1 · التسمية (بالعربية)"
    assert any(b.label == "حفظ المقال المؤكد" for b in at.button)


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.ENV_VAR, ENCODED)


def test_behind_a_password_the_page_is_not_reached_without_signing_in(data_copy: Path, gated: None) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=90).run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert not [w for w in at.text_area if w.key == "add_paste"]


def test_signed_in_as_a_reader_only_an_editor_account_saves(data_copy: Path, gated: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.EDITORS_ENV, f"Ben Roy:{ENCODED}")
    browser_signed_in(monkeypatch)  # at the door, with the reader password
    at = AppTest.from_file(DASHBOARD, default_timeout=90).run()
    at = at.switch_page(PAGE).run()
    at.text_area(key="add_paste").input(RAW.decode("utf-8")).run()
    assert save_button(at).disabled  # the reader password is no editor's
    at.text_input(key="editor_name").input("ben roy")
    at.text_input(key="editor_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Sign in as an editor").click().run()
    assert not save_button(at).disabled
    fill(at, rd.ANSWERS | {"events.event_1.label.en": "The ministry's statement",
                           "events.event_1.label.ar": "بيان الوزارة", "events.event_1.translation": "6 December 2020"})
    save_button(at).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == []
    assert [s.value for s in at.success][0].startswith(f"Saved for review as review/pending/{rd.ARTICLE_ID}.yaml, "
                                                       "by Ben Roy.")


def test_run_without_the_entry_script_there_is_no_form_without_sign_in(data_copy: Path, gated: None) -> None:
    """The lock on the data itself: the page run alone stops where it first reads the data
    folder, before the paste, the draft and the form (and save_confirmed refuses an
    unsigned save too: tests/test_confirm.py)."""
    at = AppTest.from_file(str(rd.ROOT / PAGE), default_timeout=90).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Add an article"]
    assert not [w for w in at.text_area if w.key == "add_paste"]
    assert not [b for b in at.button if b.label == "Save the confirmed article"]
    assert not [w for w in at.text_input if w.key.startswith(FORM)]


def test_the_proposal_is_chosen_with_its_reason(data_copy: Path) -> None:
    at = pasted()
    measure = next(s for s in at.selectbox if s.key == f"{FORM}.figures.figure_1.measure")
    assert measure.value == "returned_to_karabakh_cumulative"
    assert measure.options == ["none: a tile and the text only", "Returned to Karabakh (Russian side's count)"]
    assert field(at, "figures.figure_1.category").value == "returns"
    captions = [c.value for c in at.caption]
    assert ("Proposed: Returned to Karabakh (Russian side's count). Same party: Russian defence ministry (the text "
            "says «وزارة الدفاع الروسية»). Same kind: a running total («منذ»). Same quantity: refugees (لاجئ).") \
        in captions
    no_measure = next(s for s in at.selectbox if s.key == f"{FORM}.figures.figure_2.measure")
    assert no_measure.value == ""
    assert any(c.startswith("On no known measure (unit months") and "docs/measures.md" in c for c in captions)


def test_four_english_sentences_saved_blank_each_refusal_stands_beside_its_field(data_copy: Path,
                                                                                 local_editor: str) -> None:
    """No translation asked of English text, the unknown unit asked, and a blank Save
    marks every field it refuses in words: no list of internal paths."""
    from tests.test_confirm_form_asks import ENGLISH, INTERNAL_PATH

    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.run()
    at = at.switch_page(PAGE).run()
    at.text_area(key="add_paste").input(ENGLISH).run()
    form = view.editor_key("confirm", ENGLISH.strip().encode("utf-8"))
    asked = [w for w in (*at.text_input, *at.text_area) if w.key and w.key.startswith(f"{form}.")]
    assert not [w.label for w in asked if "translation" in w.label.lower()]
    assert any(w.key == f"{form}.figures.figure_2.unit" and w.label == "F2 · Unit" for w in asked)
    assert next(w for w in asked if w.key == f"{form}.article.title.en").value == ""  # no dateline as title
    save_button(at).click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    gap = "Still empty: only an editor can fill this in."
    assert errors[-1] == (f"Not saved, nothing was written: {errors.count(gap)} field(s) need an answer or a "
                          "correction; each says why just below it.")
    assert set(errors[:-1]) == {gap} and len(errors) > 30
    assert not [e for e in errors if INTERNAL_PATH.search(e)]
