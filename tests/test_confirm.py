"""Confirming a draft and saving it (newsdash.curation.confirm): the second article of
the record through new-article, the editor's answers, the safe write and validation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsdash.cli import main
from newsdash.curation import confirm as c
from newsdash.data.corpus import load_corpus
from tests import record_data as rd

PYTHON = sys.executable


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return rd.data_folder(tmp_path)


def new_article(data: Path, as_a_command: bool = False) -> dict:
    """`newsdash new-article` on the fixture's text, through the command line's own `main`
    in this process (or, as_a_command, `python -m newsdash` in a process of its own, as a
    user runs it); the draft it wrote."""
    source = data.parent / "incoming.txt"
    source.write_bytes(rd.seed_bytes())
    if as_a_command:
        done = subprocess.run([PYTHON, "-m", "newsdash", "new-article", str(source)], capture_output=True, text=True,
                              env={**os.environ, "DASHBOARD_DATA_DIR": str(data)}, cwd=rd.ROOT, check=False)
        assert done.returncode == 0, done.stderr
    else:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DASHBOARD_DATA_DIR", str(data))
            assert main(["new-article", str(source)]) == 0
    draft_file = data / "articles" / "draft-fb74683482dfbc10.yaml"
    return yaml.safe_load(draft_file.read_text(encoding="utf-8"))


def answered(draft: dict, **changes: object) -> dict:
    answers = c.form_defaults(draft) | rd.ANSWERS
    answers.update({key.replace("__", "."): value for key, value in changes.items()})
    return c.confirm(draft, answers)


def articles_in(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "articles").iterdir())


def test_the_draft_offers_the_ministry_count_with_its_qualifier(data: Path) -> None:
    draft = new_article(data)
    first = draft["figures"][0]
    assert (first["value"], first["qualifier"], first["unit"]) == (34000, "more_than", "refugees")
    assert first["quote"] == "أكثر من 34 ألف لاجئ"
    defaults = c.form_defaults(draft)
    assert defaults["figures.figure_1.label.en"] == ""  # the placeholder is not offered as an answer
    assert defaults["figures.figure_1.period"] == "2020-12-06"
    assert defaults["article.title.ar"] == "الدفاع الروسية: اللاجئون يواصلون العودة إلى قره باغ"


def test_new_article_then_confirm_then_validate(data: Path) -> None:
    draft = new_article(data, as_a_command=True)
    target = c.save_confirmed(answered(draft), rd.seed_bytes(), data)
    assert target == data / "articles" / f"{rd.ARTICLE_ID}.yaml"
    done = subprocess.run([PYTHON, "-m", "newsdash", "validate"], capture_output=True, text=True, cwd=rd.ROOT,
                          env={**os.environ, "DASHBOARD_DATA_DIR": str(data)}, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK: 2 article(s)" in done.stdout
    corpus = load_corpus(data)
    second = corpus.article(rd.ARTICLE_ID)
    figures = {f.id: f for f in second.article.figures}
    assert (figures["figure_1"].value, figures["figure_1"].qualifier) == (34000, "more_than")
    assert (figures["figure_1"].measure, figures["figure_1"].category) == ("returned_to_karabakh_cumulative",
                                                                            "returns")  # the proposal, accepted
    assert figures["figure_2"].measure is None  # on no measure: a tile and the text
    assert figures["figure_1"].period.as_of == "2020-12-06"
    assert (figures["figure_2"].period.start, figures["figure_2"].period.end) == ("2020-09", "2020-11-10")
    assert [e.id for e in second.article.events] == ["event_2"]  # the unticked dateline is gone
    first = corpus.article("2021-12-29-sputnik-rudenko-karabakh")
    assert first.raw == (rd.ROOT / "data" / "articles" / rd.FIRST_ARTICLE).read_bytes()
    assert first.article.figure("buildings_inspected").value == 1937


def test_the_form_alone_saves_the_article_and_its_seed(data: Path) -> None:
    """The page builds the draft in memory: the save writes the seed as well."""
    from newsdash.curation.draft import build_draft, seed_file_name
    from newsdash.reading.candidates import extract, guess_published

    raw = rd.seed_bytes()
    seeds = data.parent / "seeds"
    assert seed_file_name(raw, seeds) == rd.SEED_NAME
    draft, _ = build_draft(raw, raw.decode(), extract(raw.decode(), guess_published(raw.decode())), rd.SEED_NAME)
    c.save_confirmed(answered(draft), raw, data)
    assert (seeds / rd.SEED_NAME).read_bytes() == raw
    assert load_corpus(data).article(rd.ARTICLE_ID) is not None


def test_refuses_an_existing_id_and_leaves_it_as_it_was(data: Path) -> None:
    draft = new_article(data)
    first = data / "articles" / rd.FIRST_ARTICLE
    before = first.read_bytes()
    with pytest.raises(c.SaveRefused) as refused:
        c.save_confirmed(answered(draft, article__id="2021-12-29-sputnik-rudenko-karabakh"), rd.seed_bytes(), data)
    assert refused.value.field == "article.id"
    assert "already exists" in refused.value.message
    assert first.read_bytes() == before
    c.save_confirmed(answered(draft), rd.seed_bytes(), data)
    with pytest.raises(c.SaveRefused, match="already exists"):  # the second save of the same id
        c.save_confirmed(answered(draft), rd.seed_bytes(), data)


def test_refuses_an_id_another_file_already_holds(data: Path) -> None:
    draft = new_article(data)
    other = data / "articles" / "renamed.yaml"
    other.write_text(f"article:\n  id: {rd.ARTICLE_ID}\n", encoding="utf-8")
    with pytest.raises(c.SaveRefused, match="renamed.yaml already holds an article with id"):
        c.save_confirmed(answered(draft), rd.seed_bytes(), data)
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()


def test_refuses_an_empty_field_naming_it(data: Path) -> None:
    draft = new_article(data)
    with pytest.raises(c.SaveRefused) as refused:
        c.save_confirmed(answered(draft, figures__figure_1__label__ar=""), rd.seed_bytes(), data)
    assert refused.value.field == "figures.figure_1.label.ar"
    assert "figures.figure_1.label.ar" in refused.value.message


def test_refuses_a_category_apart_from_the_chosen_measure_naming_the_field(data: Path) -> None:
    """The form's measure and category are separate fields: a measure changed without its
    category is refused at Save, the category named, nothing written."""
    draft = new_article(data)
    with pytest.raises(c.SaveRefused) as refused:
        c.save_confirmed(answered(draft, figures__figure_1__category="demining"), rd.seed_bytes(), data)
    assert refused.value.field == "figures.figure_1.category"  # the form's key: the page names the field
    assert "measure 'returned_to_karabakh_cumulative' is in 'returns'" in refused.value.message
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()


def test_refuses_an_invalid_draft_naming_the_field_and_leaves_no_file(tmp_path: Path) -> None:
    data = rd.data_folder(tmp_path)
    from newsdash.curation.draft import build_draft
    from newsdash.reading.candidates import extract, guess_published

    raw = rd.seed_bytes()
    draft, _ = build_draft(raw, raw.decode(), extract(raw.decode(), guess_published(raw.decode())), rd.SEED_NAME)
    before_articles, before_seeds = articles_in(data), sorted(os.listdir(tmp_path / "seeds"))
    bad = answered(draft, figures__figure_1__category="Returns!")  # not snake_case
    with pytest.raises(c.SaveRefused) as refused:
        c.save_confirmed(bad, raw, data)
    assert "figure_1" in refused.value.message and "category" in refused.value.message
    assert ".yaml.tmp" not in refused.value.message  # named after the file to be, not the temp
    assert articles_in(data) == before_articles  # no partial file, no temp left
    assert sorted(os.listdir(tmp_path / "seeds")) == before_seeds  # nor the seed it had written


def test_refuses_a_value_the_quote_does_not_prove(data: Path) -> None:
    draft = new_article(data)
    draft["figures"][0]["value"] = 43000
    with pytest.raises(c.SaveRefused) as refused:
        c.save_confirmed(answered(draft), rd.seed_bytes(), data)
    assert "figure_1" in refused.value.message and "value" in refused.value.message
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()


def test_requires_sign_in_when_a_password_is_set(data: Path) -> None:
    draft = new_article(data)
    with pytest.raises(c.SaveRefused, match="sign in"):
        c.save_confirmed(answered(draft), rd.seed_bytes(), data, gated=True, signed_in=False)
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()
    c.save_confirmed(answered(draft), rd.seed_bytes(), data, gated=True, signed_in=True)
    assert (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()


def test_period_text_round_trip() -> None:
    assert c.parse_period("2020-09/2020-11-10") == {"start": "2020-09", "end": "2020-11-10"}
    assert c.parse_period(" 2020-12-06 ") == {"as_of": "2020-12-06"}
    assert c.period_text({"start": "2020-11", "end": "2021-12-29"}) == "2020-11/2021-12-29"


def test_a_folder_that_cannot_be_written_is_said_in_words(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's save (app.review_queue.save_for_review) turns an OSError into a message, and the
    seed it had written is removed again (a folder the server may not write into)."""
    from newsdash.app.review_queue import save_for_review
    from newsdash.curation.draft import build_draft
    from newsdash.reading.candidates import extract, guess_published

    def refuse(payload: bytes, target: Path, *_: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    raw = rd.seed_bytes()
    draft, _ = build_draft(raw, raw.decode(), extract(raw.decode(), guess_published(raw.decode())), rd.SEED_NAME)
    monkeypatch.setattr(c, "_write_validated", refuse)
    saved = save_for_review(draft, raw, c.form_defaults(draft) | rd.ANSWERS, data, editor="Amal",
                            lang="en", sections_=[])
    assert saved.path is None
    assert saved.message == ("Not saved, nothing was written: Permission denied: "
                             f"{data / 'review' / 'pending' / (rd.ARTICLE_ID + '.yaml')}")
    assert not (data.parent / "seeds" / rd.SEED_NAME).exists()
