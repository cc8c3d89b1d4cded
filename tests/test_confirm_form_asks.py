"""A form an editor finishes: it asks only what an editor must decide (no translation of
English text, a unit only where the machine did not know it), every field a save can
refuse is on the form with its refusal beside it in words, and a proposed title is a
headline, never the dateline sentence, never cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdash.app.review_queue import save_for_review
from newsdash.curation import confirm as c
from newsdash.curation import review
from newsdash.curation.draft import build_draft, seed_file_name
from newsdash.data.corpus import load_corpus
from newsdash.reading.candidates import extract, guess_published
from newsdash.views import confirm_form
from tests import record_data as rd
from tests.conftest import open_page

# our own wire copy: four sentences, the dateline first, no headline
ENGLISH = ("BAKU, Dec 7 2020 (Agency) - Azerbaijan's mine action agency said on Monday its teams had cleared "
           "more than 1,250 hectares since the ceasefire took effect on Nov 10.\n\n"
           "The agency said 14 teams were working in the Aghdam district.\n\n"
           "\"We found about 300 explosive objects last week,\" a spokesman said.\n\n"
           "The ceasefire ended six weeks of fighting.\n")
EDITOR, SECOND_EDITOR = "Amal Haddad", "Ben Roy"  # signed in (newsdash.app.editors)
INTERNAL_PATH = re.compile(r"\b(article|figures|events|paragraphs)\.[a-z0-9_]+")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return rd.data_folder(tmp_path)


def drafted(raw: bytes, data: Path) -> dict:
    text = raw.decode("utf-8")
    draft, _ = build_draft(raw, text, extract(text, guess_published(text)),
                           seed_file_name(raw, data.parent / "seeds"), measures=load_corpus(data).measures)
    return draft


def form(raw: bytes, data: Path, lang: str = "en") -> tuple[dict, list[confirm_form.FormSection]]:
    draft = drafted(raw, data)
    return draft, confirm_form.sections(draft, raw.decode("utf-8"), lang, load_corpus(data).measures)


def keys(sections: list[confirm_form.FormSection]) -> list[str]:
    return [f.key for s in sections for f in s.fields]


def as_shown(sections: list[confirm_form.FormSection], **typed: str) -> dict:
    """What the page sends on Save: each field's first value, or what was typed in it."""
    return {f.key: typed.get(f.key.replace(".", "__"), f.default) for s in sections for f in s.fields}


def test_an_english_text_is_asked_no_translation(data: Path) -> None:
    draft, sections = form(ENGLISH.encode(), data)
    assert not [k for k in keys(sections) if k.endswith("translation")]
    assert not [f.label for s in sections for f in s.fields if "translation" in f.label.lower()]
    assert len(keys(sections)) == 46  # 55 before: 4 paragraphs, 4 figure and 2 date translations asked
    assert [p["translation"] for p in draft["paragraphs"]] == [p.strip() for p in ENGLISH.split("\n\n")]
    assert [f["translation"] for f in draft["figures"]] == [f["quote"] for f in draft["figures"]]


def test_an_arabic_text_is_still_asked_the_english_of_each_paragraph_and_quote(data: Path) -> None:
    _, sections = form(rd.seed_bytes(), data)
    assert [k for k in keys(sections) if k.startswith("paragraphs.")] == [f"paragraphs.{i}.translation"
                                                                         for i in range(4)]
    assert "figures.figure_1.translation" in keys(sections)
    assert "figures.figure_1.unit" not in keys(sections)  # لاجئ: the machine knows the unit


def test_a_unit_the_machine_did_not_know_is_asked_and_refused_beside_it(data: Path) -> None:
    draft, sections = form(ENGLISH.encode(), data)
    units = {k for k in keys(sections) if k.endswith(".unit")}
    assert units == {"figures.figure_2.unit"}  # "14 teams": no unit the reading knows
    unit_field = next(f for s in sections for f in s.fields if f.key == "figures.figure_2.unit")
    assert (unit_field.label, unit_field.default) == ("F2 · Unit", "")
    assert "The word beside the number in the text: teams." in unit_field.help
    saved = save_for_review(draft, ENGLISH.encode(), as_shown(sections), data, editor=EDITOR,
                            lang="en", sections_=sections)
    assert saved.beside["figures.figure_2.unit"] == "Still empty: only an editor can fill this in."


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("text", ["english", "arabic"])
def test_a_blank_save_says_every_refusal_beside_its_field_in_words(data: Path, text: str, lang: str) -> None:
    raw = ENGLISH.encode() if text == "english" else rd.seed_bytes()
    draft, sections = form(raw, data, lang)
    saved = save_for_review(draft, raw, as_shown(sections), data, editor=EDITOR, lang=lang,
                            sections_=sections)
    assert saved.path is None
    refused = c.unfinished(c.confirm(draft, as_shown(sections)))
    assert set(saved.beside) == set(refused)  # every field a save refuses is on the form ...
    assert set(saved.beside) <= set(keys(sections))
    gap = "Still empty: only an editor can fill this in." if lang == "en" else "ما زال فارغا: لا يملؤه إلا محرر."
    assert set(saved.beside.values()) == {gap}  # ... with the refusal in words beside it
    assert not INTERNAL_PATH.search(saved.message)  # no "article.speaker.role.ar" list above the form
    count = f"{len(refused):,}" if lang == "en" else None
    if count:
        assert saved.message == (f"Not saved, nothing was written: {count} field(s) need an answer or a "
                                 "correction; each says why just below it.")


def test_the_dateline_sentence_is_not_proposed_as_the_title(data: Path) -> None:
    draft, sections = form(ENGLISH.encode(), data)
    defaults = {f.key: f.default for s in sections for f in s.fields}
    assert (defaults["article.title.en"], defaults["article.title.ar"]) == ("", "")
    assert draft["paragraphs"][0]["kind"] == "body"  # the dateline paragraph is the story's first, not a headline
    article = c.confirm(draft, as_shown(sections, article__title__en="Azerbaijan's deminers clear 1,250 hectares"))
    assert article["article"]["title_original"] == "Azerbaijan's deminers clear 1,250 hectares"


def test_an_english_article_filled_in_saves_and_validates(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = ENGLISH.encode()
    draft, sections = form(raw, data)
    typed = {k.replace(".", "__"): "Filled in by the editor" for k in keys(sections)
             if not k.endswith((".measure", ".category", ".period", ".attributed_to_ar"))}
    typed |= {"article__id": "2020-12-07-agency-anama-hectares", "figures__figure_2__unit": "Teams",
              "figures__figure_2__category": "demining", "figures__figure_4__category": "conflict"}
    saved = save_for_review(draft, raw, as_shown(sections, **typed), data, editor=EDITOR,
                            lang="en", sections_=sections)
    assert saved.path is not None, (saved.message, saved.beside)
    review.approve(data, "2020-12-07-agency-anama-hectares", SECOND_EDITOR)  # a second editor puts it on the record
    corpus = load_corpus(data)
    assert corpus.errors == ()
    loaded = corpus.article("2020-12-07-agency-anama-hectares")
    assert loaded.article.article.title_original == "Filled in by the editor"
    assert loaded.article.figure("figure_2").unit == "teams"  # lower case, as every unit is written
    assert loaded.article.paragraphs[2].translation == ENGLISH.split("\n\n")[2]
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    shown = {lang: [m.value for m in open_page("pages/overview.py", article=loaded.id, lang=lang).markdown]
             for lang in ("en", "ar")}  # the headline as the source wrote it: English, left to right
    assert '<div dir="ltr" lang="en" style="text-align:left">Filled in by the editor</div>' in shown["ar"]
    assert not [m for m in shown["en"] if "Filled in by the editor</div>" in m]  # the page's own title says it


def test_a_headline_is_proposed_whole_and_a_long_first_line_is_no_headline() -> None:
    from newsdash.curation.draft import headline

    title = "وزارة الدفاع الروسية: " + "فرق نزع الألغام تواصل عملها في قره باغ " * 4
    assert headline(f"{title.strip()}\n\nموسكو، 6 ديسمبر 2020 - قالت الوزارة إن 34 ألف لاجئ عادوا.") == title.strip()
    assert headline(rd.seed_bytes().decode()) == "الدفاع الروسية: اللاجئون يواصلون العودة إلى قره باغ"
    long_line = "كلمة " * 60  # 300 characters: a paragraph, never cut to make a title
    assert headline(f"{long_line}\n\nنص.") is None
    assert headline(ENGLISH) is None  # the dateline sentence ends with a full stop
