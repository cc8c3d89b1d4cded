"""One story, one article: the same text saved under a second id is refused with the
article that holds it (at Save, in new-article and in `validate`), and two different
stories saved at the same moment never get the same seed number."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsdash.cli import main
from newsdash.curation import confirm as c
from newsdash.curation.draft import build_draft, seed_file_name
from newsdash.data.corpus import load_corpus
from newsdash.reading.candidates import extract, guess_published
from tests import record_data as rd

ORIGINAL_TITLE = "الدفاع الروسية: اللاجئون يواصلون العودة إلى قره باغ"  # typed where no headline is proposed
OTHER_PARAGRAPH = ("وأضافت الوزارة أن خبراء الهندسة الروس فحصوا 12 جسرا على الطريق خلال الأسبوع الماضي.")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return rd.data_folder(tmp_path)


def confirmed(raw: bytes, seeds: Path, article_id: str = rd.ARTICLE_ID) -> dict:
    """The article the form would save from this text, numbered as the page numbered it."""
    text = raw.decode("utf-8")
    draft, _ = build_draft(raw, text, extract(text, guess_published(text)), seed_file_name(raw, seeds))
    answers = c.form_defaults(draft) | {"article.title.ar": ORIGINAL_TITLE} | rd.ANSWERS | {"article.id": article_id}
    for paragraph in draft["paragraphs"]:  # a paragraph the fixture's answers do not cover
        answers.setdefault(f"paragraphs.{paragraph['index']}.translation", "")
        answers[f"paragraphs.{paragraph['index']}.translation"] = answers[
            f"paragraphs.{paragraph['index']}.translation"] or "The ministry said its engineers checked 12 bridges."
    for figure in draft["figures"][2:]:  # the other story's bridges, kept off this article
        answers[f"figures.{figure['id']}.keep"] = False
    return c.confirm(draft, answers)


def another_story() -> bytes:
    return rd.seed_bytes() + ("\n\n" + OTHER_PARAGRAPH).encode("utf-8")


def test_the_same_text_under_a_second_id_is_refused_naming_the_article_that_holds_it(data: Path) -> None:
    seeds = data.parent / "seeds"
    c.save_confirmed(confirmed(rd.seed_bytes(), seeds), rd.seed_bytes(), data)
    before = sorted(p.name for p in (data / "articles").iterdir()), sorted(p.name for p in seeds.iterdir())
    with pytest.raises(c.SaveRefused) as refused:
        c.save_confirmed(confirmed(rd.seed_bytes(), seeds, "2020-12-06-copy"), rd.seed_bytes(), data)
    assert refused.value.message.startswith(f"this text is already on the record as the article '{rd.ARTICLE_ID}' "
                                            f"({rd.ARTICLE_ID}.yaml): one story is one article")
    assert refused.value.field == "article.seed"
    assert (sorted(p.name for p in (data / "articles").iterdir()), sorted(p.name for p in seeds.iterdir())) == before


def test_the_same_words_with_other_line_endings_and_spaces_are_the_same_story(data: Path) -> None:
    seeds = data.parent / "seeds"
    c.save_confirmed(confirmed(rd.seed_bytes(), seeds), rd.seed_bytes(), data)
    crlf = rd.seed_bytes().replace(b"\n", b"\r\n").replace(b" ", b"  ", 1) + b"\r\n"
    with pytest.raises(c.SaveRefused, match="already on the record as the article"):
        c.save_confirmed(confirmed(crlf, seeds, "2020-12-06-copy"), crlf, data)


def test_new_article_refuses_a_text_on_the_record(data: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture) -> None:
    c.save_confirmed(confirmed(rd.seed_bytes(), data.parent / "seeds"), rd.seed_bytes(), data)
    source = data.parent / "incoming.txt"
    source.write_bytes(rd.seed_bytes())
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    assert main(["new-article", str(source)]) == 1  # the command line's own main, in this process
    assert f"already on the record as the article '{rd.ARTICLE_ID}'" in capsys.readouterr().err
    assert not (data / "articles" / "draft-fb74683482dfbc10.yaml").exists()


def test_validate_refuses_a_second_article_on_the_same_story_and_draws_its_figures_once(
        data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    seeds = data.parent / "seeds"
    first = c.save_confirmed(confirmed(rd.seed_bytes(), seeds), rd.seed_bytes(), data)
    copy = data / "articles" / "zz-copy.yaml"  # written by hand, past the form
    copy.write_text(first.read_text(encoding="utf-8").replace(f"id: {rd.ARTICLE_ID}", "id: zz-copy"),
                    encoding="utf-8")
    corpus = load_corpus(data)
    line = copy.read_text(encoding="utf-8").split(rd.SEED_NAME)[0].count("\n") + 1
    assert [str(e) for e in corpus.errors] == [
        f"{copy}:{line}: zz-copy: seed.file: its text (seeds/{rd.SEED_NAME}) is the story article "
        f"'{rd.ARTICLE_ID}' ({rd.ARTICLE_ID}.yaml) already holds: one story is one article, or its figures are "
        "counted twice; add what is new to that article and remove this file"]
    assert "zz-copy" not in [a.id for a in corpus.articles]
    returns = corpus.figures_by_measure["returned_to_karabakh_cumulative"]
    assert len(returns) == 1  # the 34,000 drawn once
    capsys.readouterr()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    assert main(["validate"]) == 1  # the command line's own main, in this process
    assert "one story is one article" in capsys.readouterr().err


def test_two_stories_saved_at_the_same_moment_get_two_seed_numbers(data: Path) -> None:
    """Both drafts were numbered from the same folder (002_...); saved at once, each seed
    takes its own number and both articles stand on the record."""
    seeds = data.parent / "seeds"
    stories = {rd.ARTICLE_ID: rd.seed_bytes(), "2020-12-06-sputnik-mod-bridges": another_story()}
    drafts = {article_id: confirmed(raw, seeds, article_id) for article_id, raw in stories.items()}
    assert len({d["article"]["seed"]["file"][:3] for d in drafts.values()}) == 1  # the page offered one number
    start, failures = threading.Barrier(len(stories)), []

    def save(article_id: str) -> None:
        start.wait()
        try:
            c.save_confirmed(drafts[article_id], stories[article_id], data)
        except Exception as problem:  # noqa: BLE001 - reported below
            failures.append(problem)

    threads = [threading.Thread(target=save, args=(article_id,)) for article_id in stories]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    names = sorted(p.name for p in seeds.glob("*.txt"))
    assert len({name[:3] for name in names}) == len(names) == 3  # the record's first seed and two new ones
    corpus = load_corpus(data)
    assert corpus.errors == ()
    held = {a.id: a.article.article.seed.file for a in corpus.articles if a.id in stories}
    assert sorted(held.values()) == sorted(n for n in names if n.startswith(("001", "002")))
