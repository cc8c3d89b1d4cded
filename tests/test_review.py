"""Nobody publishes alone (newsdash.curation.review): a save awaits a second editor, nobody
approves their own, every action is logged, a change to an article on the record is
reviewed the same way and then read as a dated correction."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdash.curation import confirm as c
from newsdash.curation import review
from newsdash.curation.draft import build_draft
from newsdash.data.corpus import clear_kept, load_corpus
from newsdash.data.measures import load_measures
from newsdash.data.review_log import read_log
from newsdash.reading.candidates import extract, guess_published
from newsdash.views import review as view
from tests import record_data as rd

MARCH_3 = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    clear_kept()
    return rd.data_folder(tmp_path)


def confirmed(measures: object = None, **changes: object) -> dict:
    raw = rd.seed_bytes()
    draft, _ = build_draft(raw, raw.decode(), extract(raw.decode(), guess_published(raw.decode())), rd.SEED_NAME,
                           measures=measures)
    answers = c.form_defaults(draft) | rd.ANSWERS
    answers.update({key.replace("__", "."): value for key, value in changes.items()})
    return c.confirm(draft, answers)


def reader_ids(data: Path) -> list[str]:
    clear_kept()
    return sorted(a.id for a in load_corpus(data).articles)


def test_a_save_awaits_review_and_readers_do_not_see_it(data: Path) -> None:
    before = reader_ids(data)
    entry = review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    assert (entry.action, entry.editor, entry.article, entry.correction) == ("saved", "Amal", rd.ARTICLE_ID, False)
    assert (data / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml").is_file()
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()
    assert reader_ids(data) == before  # awaiting review: not on any reader's page
    [waiting] = review.pending(data)
    assert (waiting.article_id, waiting.saved.editor) == (rd.ARTICLE_ID, "Amal")


def test_nobody_approves_their_own_save_a_second_editor_does(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    with pytest.raises(review.ReviewRefused, match="nobody approves their own"):
        review.approve(data, rd.ARTICLE_ID, "amal ")  # the same editor, however the name is typed
    assert rd.ARTICLE_ID not in reader_ids(data)
    review.approve(data, rd.ARTICLE_ID, "Ben", now=MARCH_3)
    assert rd.ARTICLE_ID in reader_ids(data)
    assert review.pending(data) == []
    entries, errors = read_log(data)
    assert errors == ()
    assert [(e.action, e.editor, e.article) for e in entries] == [
        ("saved", "Amal", rd.ARTICLE_ID), ("approved", "Ben", rd.ARTICLE_ID)]
    assert entries[1].at == "2026-03-03T09:30:00+00:00"
    assert entries[0].version == entries[1].version  # the very version saved is the one approved


@pytest.mark.parametrize("editor", [None, "", "   "])
def test_without_an_editor_nothing_is_saved_or_approved(data: Path, editor: str | None) -> None:
    with pytest.raises(review.ReviewRefused, match="only a signed-in editor"):
        review.submit(confirmed(), rd.seed_bytes(), data, editor)
    assert not (data / "review" / "pending").exists() or not any((data / "review" / "pending").iterdir())
    assert not (data.parent / "seeds" / rd.SEED_NAME).exists()
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    with pytest.raises(review.ReviewRefused, match="only a signed-in editor"):
        review.approve(data, rd.ARTICLE_ID, editor)
    with pytest.raises(review.ReviewRefused, match="only a signed-in editor"):
        review.refuse(data, rd.ARTICLE_ID, editor)
    assert rd.ARTICLE_ID not in reader_ids(data)
    assert [e.action for e in read_log(data)[0]] == ["saved"]


def test_a_refusal_is_logged_with_its_reason_and_leaves_nothing_behind(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    review.refuse(data, rd.ARTICLE_ID, "Ben", "the caveat names the wrong party")
    assert review.pending(data) == []
    assert rd.ARTICLE_ID not in reader_ids(data)
    assert not (data.parent / "seeds" / rd.SEED_NAME).exists()  # no article uses the text any more
    assert len(list((data / "review" / "refused").glob(f"{rd.ARTICLE_ID}.*.yaml"))) == 1  # kept for the record
    last = read_log(data)[0][-1]
    assert (last.action, last.editor, last.note) == ("refused", "Ben", "the caveat names the wrong party")


def test_a_version_changed_after_its_save_is_not_approved(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    pending = data / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml"
    pending.write_text(pending.read_text(encoding="utf-8").replace("Ministry statement", "Ministry briefing"),
                       encoding="utf-8")
    with pytest.raises(review.ReviewRefused, match="no save of this version"):
        review.approve(data, rd.ARTICLE_ID, "Ben")
    assert rd.ARTICLE_ID not in reader_ids(data)


def test_a_second_version_waits_for_the_first_to_be_decided(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    with pytest.raises(c.SaveRefused, match="already awaits review"):
        review.submit(confirmed(), rd.seed_bytes(), data, "Ben")


def test_a_change_to_an_approved_article_is_reviewed_then_read_as_a_dated_correction(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    review.approve(data, rd.ARTICLE_ID, "Ben")
    changed = confirmed(figures__figure_1__label__en="Refugees back in Karabakh", figures__figure_2__keep=False)
    entry = review.submit(changed, rd.seed_bytes(), data, "Ben")
    assert entry.correction
    clear_kept()
    shown = load_corpus(data).article(rd.ARTICLE_ID)
    assert shown.article.figures[0].label.en == "Refugees returned to Karabakh"  # readers keep the approved one
    assert len(shown.article.figures) == 2
    review.approve(data, rd.ARTICLE_ID, "Amal", now=MARCH_3)
    clear_kept()
    corpus = load_corpus(data)
    assert [f.label.en for f in corpus.article(rd.ARTICLE_ID).article.figures] == ["Refugees back in Karabakh"]
    assert view.corrections_text(corpus.corrections(rd.ARTICLE_ID)) == [
        "Corrected on 3 March 2026: Refugees back in Karabakh (label) was “Refugees returned to Karabakh”; "
        "Length of the fighting removed (was about 1.5 months)."]
    arabic = view.corrections_text(corpus.corrections(rd.ARTICLE_ID), "ar")[0]
    assert arabic.startswith("صُحّح في ٣ مارس ٢٠٢٦: ")
    # only the English label changed: the Arabic reader is told so, with the English words that changed
    # (not the unchanged Arabic label as its own old value)
    assert "(التسمية بالإنجليزية) كان \u2068“Refugees returned to Karabakh”\u2069" in arabic
    assert len(list((data / "review" / "replaced").glob(f"{rd.ARTICLE_ID}.*.yaml"))) == 1  # the old version kept


def test_a_changed_value_reads_as_was_and_the_old_number() -> None:
    old = {"figures": [{"id": "figure_1", "label": {"en": "Area cleared", "ar": "مساحة مطهرة"}, "value": 2230,
                        "qualifier": "exact", "unit": "hectares"}]}
    new = {"figures": [dict(old["figures"][0], value=2320)]}
    [change] = review.changes_between(old, new)
    assert (change.record, change.field) == ("figure_1", "value")
    assert view.change_text(change, "en") == "Area cleared was 2,230 hectares"


def test_the_log_is_one_json_line_an_action_and_a_broken_line_is_an_error_not_a_crash(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    log = data / "review" / "log.jsonl"
    [line] = log.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["editor"] == "Amal"
    with log.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    entries, errors = read_log(data)
    assert len(entries) == 1
    assert [(e.line, e.file.endswith("log.jsonl")) for e in errors] == [(2, True)]


def test_the_log_table_names_who_did_what(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    review.approve(data, rd.ARTICLE_ID, "Ben")
    frame = view.log_frame(read_log(data)[0], "en")
    shown = f"\u2068{rd.ARTICLE_ID}\u2069"  # isolated: an Arabic page cannot turn it into "...-returns-2020-12-06"
    assert frame[["Editor", "Action", "Article"]].values.tolist() == [
        ["Ben", "approved", shown], ["Amal", "saved for review", shown]]
    assert set(view.log_frame(read_log(data)[0], "ar")["المقال"]) == {shown}


def test_every_export_made_after_a_correction_carries_it(data: Path) -> None:
    """The press kit's figures table (CSV and JSON) and its README, and `newsdash export`."""
    import subprocess
    import sys
    from datetime import datetime as moment

    from newsdash.exports.presskit import data_tables
    from newsdash.exports.presskit_readme import readme_text

    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    review.approve(data, rd.ARTICLE_ID, "Ben")
    clear_kept()
    before = data_tables(load_corpus(data))["figures"]
    assert set(before["correction"]) == {""}  # nothing corrected yet: an empty cell, not a made-up note
    review.submit(confirmed(figures__figure_1__label__en="Refugees back in Karabakh"), rd.seed_bytes(), data, "Ben")
    review.approve(data, rd.ARTICLE_ID, "Amal", now=MARCH_3)
    clear_kept()
    corpus = load_corpus(data)
    figures = data_tables(corpus)["figures"].set_index(["article_id", "id"])
    note = "Corrected on 3 March 2026: Refugees back in Karabakh (label) was “Refugees returned to Karabakh”."
    assert figures.loc[(rd.ARTICLE_ID, "figure_1"), "correction"] == note
    assert figures.loc[(rd.ARTICLE_ID, "figure_2"), "correction"] == ""
    readme = readme_text(corpus, {}, [], moment(2026, 3, 4), None)
    assert f"## Corrections\n\n- {note}\n  صُحّح في ٣ مارس ٢٠٢٦: " in readme
    done = subprocess.run([sys.executable, "-m", "newsdash", "export", "--format", "csv", "--data", str(data)],
                          capture_output=True, text=True, cwd=rd.ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert note in done.stdout


@pytest.mark.parametrize("line", [
    "{not json",
    '{"at": "yesterday", "action": "approved", "editor": "Ben", "article": "x", "correction": true}',
    '{"at": "2026-03-03T09:30:00+00:00", "action": "approved", "editor": "Ben", "article": "x", '
    '"changes": [{"record": "figure_1", "label": ["not", "a", "mapping"]}]}',
    '{"at": "2026-03-03T09:30:00+00:00", "action": "published", "editor": "Ben", "article": "x"}',
    "[" * 100_000 + "]" * 100_000,
])
def test_a_hostile_log_line_is_an_error_on_its_line_and_the_record_still_loads(data: Path, line: str) -> None:
    (data / "review").mkdir()
    (data / "review" / "log.jsonl").write_text(line + "\n", encoding="utf-8")
    corpus = load_corpus(data)
    assert corpus.review_log == ()
    assert [(e.line, "review log" in e.message or "not a review entry" in e.message) for e in corpus.errors] == [
        (1, True)]
    assert len(corpus.articles) == 1


def test_an_old_value_nested_deep_in_the_log_is_cut_short() -> None:
    from newsdash.data.review_log import Change

    deep: object = "bottom"
    for _ in range(900):
        deep = {"a": deep}
    assert view.change_text(Change("article", "speaker", {}, deep, None), "en").startswith("speaker was a: a: a: a: …")


def test_markup_in_a_name_or_reason_stays_text_in_the_log_table(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "<img src=x onerror=alert(1)>")
    review.refuse(data, rd.ARTICLE_ID, "**Ben**", "[click](javascript:alert(1))")
    clear_kept()
    frame = view.corpus_log_frame(load_corpus(data), "en")
    assert frame["Editor"].tolist() == ["\\*\\*Ben\\*\\*", "\\<img src=x onerror=alert(1)\\>"]
    assert frame["What changed"].tolist() == ["a new article; reason: \\[click\\](javascript:alert(1))",
                                              "a new article"]


def test_a_version_that_no_longer_validates_is_not_approved(data: Path) -> None:
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal")
    (data.parent / "seeds" / rd.SEED_NAME).write_bytes(rd.seed_bytes().replace(b"34", b"43"))  # the text moved on
    with pytest.raises(review.ReviewRefused, match="no longer passes validation"):
        review.approve(data, rd.ARTICLE_ID, "Ben")
    assert (data / "review" / "pending" / f"{rd.ARTICLE_ID}.yaml").is_file()
    assert [e.action for e in read_log(data)[0]] == ["saved"]


def test_a_chart_drawing_a_corrected_figure_says_so_on_screen_and_in_its_downloads(data: Path) -> None:
    """The chart's note (drawn on the page and on every image) and its CSV's `correction`
    column carry the dated correction; a chart drawn before it carried none."""
    from newsdash.exports.chart_files import ChartFiles
    from newsdash.views.chart_layout import ExportWords
    from newsdash.views.charts import build_chart, chart_frame

    measures = load_measures(data)[0]  # the figures on the series the draft proposes
    review.submit(confirmed(measures), rd.seed_bytes(), data, "Amal")
    review.approve(data, rd.ARTICLE_ID, "Ben")
    clear_kept()
    corpus = load_corpus(data)
    loaded = corpus.article(rd.ARTICLE_ID)
    measure = loaded.article.figures[0].measure
    assert measure and set(chart_frame(loaded, corpus, measure, "en")["correction"]) == {""}
    review.submit(confirmed(measures, figures__figure_1__label__en="Refugees back in Karabakh"), rd.seed_bytes(),
                  data, "Ben")
    review.approve(data, rd.ARTICLE_ID, "Amal", now=MARCH_3)
    clear_kept()
    corpus = load_corpus(data)
    loaded = corpus.article(rd.ARTICLE_ID)
    note = "Corrected on 3 March 2026: Refugees back in Karabakh (label) was “Refugees returned to Karabakh”."
    frame = chart_frame(loaded, corpus, measure, "en")
    corrected = frame[frame["record_id"] == "figure_1"]
    assert list(corrected["correction"]) == [note]
    assert set(frame[frame["record_id"] != "figure_1"]["correction"]) == {""}  # the record's other points
    exported = build_chart(loaded, corpus, measure, "en", export=ExportWords(credit="Graphic: test desk"))
    assert any(note in (a.text or "").replace("<br>", " ") for a in exported.layout.annotations)
    csv = ChartFiles(exported, frame, "chart", "en", "t").data("csv").decode("utf-8-sig")
    assert csv.splitlines()[0].endswith(",article_id,correction") and note in csv
    arabic = chart_frame(loaded, corpus, measure, "ar")
    assert arabic[arabic["record_id"] == "figure_1"]["correction"].iloc[0].startswith("صُحّح في ٣ مارس ٢٠٢٦: ")
