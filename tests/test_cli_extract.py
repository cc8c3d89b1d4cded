"""`python -m newsdash extract` and `new-article`, run in a private copy of the data
(the data_copy fixture points DASHBOARD_DATA_DIR at it: nothing is written into the repo)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from newsdash.cli import main
from newsdash.data.corpus import load_corpus
from tests.conftest import ARTICLE, ROOT

SEED = ROOT / "seeds" / "000_3a55c9cc56337ab1.txt"
ENGLISH = """Ceasefire holds as refugees return

YEREVAN, 14 March 2022 (Wire) - More than 3,000 refugees returned last month, officials said.

Between 15 and 20 soldiers were wounded on 9 March, and fewer than 200 people were evacuated.

Officials said 30 - 40 thousand people could return next year."""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_prints_the_candidates_as_yaml(capsys):
    code, out, _ = run(capsys, "extract", str(SEED), "--published", "2021-12-29")
    parsed = yaml.safe_load(out)
    assert code == 0
    assert parsed["language"] == "ar" and parsed["published"] == "2021-12-29"
    assert [f["value"] for f in parsed["figures"]] == [1937, 2320, 683, 26000, 50000, 127, 19, 1.5]
    first = parsed["figures"][0]
    assert first == {"value": 1937, "qualifier": "exact", "unit": "buildings", "quote": "1937 مبنى",
                     "start": 942, "end": 951, "reason": "digits as written"}
    assert [e["date"] for e in parsed["events"]] == ["2021-12-29", "2020-11", "2020-11-09", "2020-09", "2020-11-10"]


def test_extract_keeps_a_range_maximum_and_says_when_a_year_is_missing(capsys, tmp_path):
    path = write(tmp_path, "a.txt", "نزح 30 - 40 ألف شخص في 9 نوفمبر")
    code, out, err = run(capsys, "extract", str(path))
    parsed = yaml.safe_load(out)
    assert code == 0
    assert parsed["figures"][0] == {"value": 30000, "value_max": 40000, "qualifier": "range", "unit": "people",
                                         "quote": "30 - 40 ألف شخص", "start": 4, "end": 19,
                                         "reason": "multiplier word (ألف, million); range of two numbers"}
    assert parsed["events"][0]["date"] is None
    assert "1 date(s) without a year left unresolved (date: null): give --published." in err


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe not utf-8", "invalid UTF-8 at byte 0"),
    (b"\xef\xbb\xbf" + "نص".encode(), "file starts with a byte-order mark; save it as UTF-8 without BOM"),
    (b"x" * 200_001, "file is 200,001 bytes, above the limit of 200,000"),
])
def test_extract_refuses_what_it_cannot_read(capsys, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path))
    assert code == 1 and out == ""
    assert message in err


def test_extract_refuses_a_malformed_date(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(SEED), "--published", "29/12/2021"])
    assert exit_info.value.code == 2
    assert "'29/12/2021' is not a date of the form YYYY-MM-DD" in capsys.readouterr().err


def test_new_article_writes_seed_and_draft_in_the_selected_data_folder(capsys, data_copy):
    repo_seeds = sorted(p.name for p in (ROOT / "seeds").iterdir())
    repo_articles = sorted(p.name for p in (ROOT / "data" / "articles").iterdir())
    source = write(data_copy.parent, "incoming.txt", ENGLISH)
    code, out, err = run(capsys, "new-article", str(source))
    digest = hashlib.sha256(ENGLISH.encode()).hexdigest()
    seed = data_copy.parent / "seeds" / f"001_{digest[:16]}.txt"
    draft = data_copy / "articles" / f"draft-{digest[:16]}.yaml"
    assert code == 0, err
    assert "publication date taken from the dateline: 2022-03-14" in err
    assert seed.read_bytes() == ENGLISH.encode()
    assert f"wrote {draft}: 4 figures and 4 events, all status: draft" in out
    assert sorted(p.name for p in (ROOT / "seeds").iterdir()) == repo_seeds  # the repo is untouched
    assert sorted(p.name for p in (ROOT / "data" / "articles").iterdir()) == repo_articles


def test_the_draft_holds_the_candidates_as_drafts_with_marked_placeholders(capsys, data_copy):
    source = write(data_copy.parent, "incoming.txt", ENGLISH)
    run(capsys, "new-article", str(source))
    draft = yaml.safe_load(next((data_copy / "articles").glob("draft-*.yaml")).read_text(encoding="utf-8"))
    assert draft["article"]["status"] == "draft"
    assert draft["article"]["published"] == "2022-03-14"
    assert draft["article"]["title_original"] == "Ceasefire holds as refugees return"
    assert draft["article"]["outlet"] == {"en": "[draft] outlet", "ar": "[مسودة] الناشر"}
    by_quote = {f["quote"]: f for f in draft["figures"]}
    ranged = by_quote["30 - 40 thousand people"]
    assert (ranged["value"], ranged["value_max"], ranged["qualifier"]) == (30000, 40000, "range")
    assert by_quote["fewer than 200 people"]["qualifier"] == "less_than"
    assert by_quote["More than 3,000 refugees"]["label"] == {"en": "[draft] more than 3,000 refugees",
                                                             "ar": "[مسودة] أكثر من ٣٬٠٠٠ لاجئ"}
    assert {f["status"] for f in draft["figures"] + draft["events"]} == {"draft"}
    events = {e["quote"]: (e["date"], e["date_precision"]) for e in draft["events"]}
    assert events == {"14 March 2022": ("2022-03-14", "day"), "last month": ("2022-02", "month"),
                      "9 March": ("2022-03-09", "day"), "next year": ("2023", "year")}
    assert draft["events"][1]["label"]["en"] == "[draft] describe what happened (February 2022; year from the publication date)"
    assert len(draft["paragraphs"]) == 4


def test_a_draft_validates_and_stays_off_the_dashboard(capsys, data_copy):
    source = write(data_copy.parent, "incoming.txt", ENGLISH)
    run(capsys, "new-article", str(source))
    code, out, err = run(capsys, "validate")
    corpus = load_corpus(data_copy)
    assert code == 0, err
    assert "OK: 1 article(s), 8 figures, 5 events" in out
    assert "Drafts, valid but not shown: 1 draft article(s), 8 draft records." in out
    assert [a.id for a in corpus.articles] == ["2021-12-29-sputnik-rudenko-karabakh"]
    assert [len(a.drafts) for a in corpus.drafts] == [8]
    assert corpus.drafts[0].article.figures == []  # a draft article shows nothing, even by id


def test_new_article_on_the_seed_reads_its_dateline_and_validates(capsys, data_copy):
    (data_copy / "articles" / ARTICLE).unlink()  # on the record, the story would be refused (test_one_story.py)
    source = data_copy.parent / "again.txt"
    source.write_bytes(SEED.read_bytes())
    code, out, err = run(capsys, "new-article", str(source))
    assert code == 0, err
    assert "publication date taken from the dateline: 2021-12-29" in err
    assert "8 figures and 5 events" in out
    draft = yaml.safe_load(next((data_copy / "articles").glob("draft-*.yaml")).read_text(encoding="utf-8"))
    quotes = [e["quote"] for e in draft["events"]]
    # "تشرين الثاني/ نوفمبر 2020" stands twice in the seed: the draft lengthens it to be found once
    assert "منذ تشرين الثاني/ نوفمبر 2020" in quotes
    assert draft["article"]["seed"]["file"] == "000_3a55c9cc56337ab1.txt"  # already a seed: not copied twice
    assert sorted(p.name for p in (data_copy.parent / "seeds").iterdir()) == ["000_3a55c9cc56337ab1.txt"]


def test_new_article_twice_refuses_to_overwrite(capsys, data_copy):
    source = write(data_copy.parent, "incoming.txt", ENGLISH)
    run(capsys, "new-article", str(source))
    code, _, err = run(capsys, "new-article", str(source))
    assert code == 1
    assert "already exists: this text has a draft already." in err


def test_new_article_without_any_date_asks_for_one(capsys, data_copy):
    source = write(data_copy.parent, "undated.txt", "More than 3,000 refugees returned.")
    code, _, err = run(capsys, "new-article", str(source))
    assert code == 2
    assert "give --published YYYY-MM-DD" in err
    assert not list((data_copy / "articles").glob("draft-*"))


def test_confirming_a_record_that_keeps_a_placeholder_is_an_error(capsys, data_copy):
    source = write(data_copy.parent, "incoming.txt", ENGLISH)
    run(capsys, "new-article", str(source))
    path = next((data_copy / "articles").glob("draft-*.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- id: figure_1\n  status: draft", "- id: figure_1\n  status: confirmed"),
                    encoding="utf-8")
    code, _, err = run(capsys, "validate")
    assert code == 1
    # (an English quote is its own translation: nothing to fill in there)
    assert ("figure_1: -: status is confirmed but label.en, label.ar, attributed_to still "
            "hold(s) a draft placeholder [draft]: fill it in, or keep status: draft") in err


def test_a_draft_figure_in_a_published_article_is_validated_but_not_shown(capsys, data_copy):
    path = data_copy / "articles" / ARTICLE
    draft = """
  - id: armenians_draft
    status: draft
    label: {en: "[draft] 127 people", ar: "[مسودة] ١٢٧ شخص"}
    category: unsorted
    value: 127
    qualifier: exact
    unit: people
    period: {as_of: "2021-12-29"}
    attributed_to: "[draft] who?"
    quote: "127 أرمنيًا"
    translation: "[draft] translate"
"""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nevents:", draft + "\nevents:", 1), encoding="utf-8")
    code, out, err = run(capsys, "validate")
    loaded = load_corpus(data_copy).article()
    assert code == 0, err
    assert "OK: 1 article(s), 8 figures, 5 events" in out
    assert loaded.drafts == ("armenians_draft",)
    assert "armenians_draft" not in [f.id for f in loaded.article.figures]


def test_a_draft_figure_with_the_wrong_value_is_still_an_error(capsys, data_copy):
    path = data_copy / "articles" / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    value: 1937\n", "    value: 1937\n    status: draft\n", 1)
                    .replace("value: 1937", "value: 1973", 1), encoding="utf-8")
    code, _, err = run(capsys, "validate")
    assert code == 1
    assert "buildings_inspected: value: value 1,973 disagrees with the quote, which says 1,937" in err


def test_a_candidate_whose_words_repeat_line_for_line_is_left_out_and_said(capsys, data_copy):
    text = "29 ديسمبر 2021\n\nعاد 50 ألف لاجئ.\n\nعاد 50 ألف لاجئ."
    source = write(data_copy.parent, "repeat.txt", text)
    code, out, err = run(capsys, "new-article", str(source))
    assert code == 0, err
    assert err.count("left out (words not unique in the text, or no year): «50 ألف لاجئ»") == 2
    assert "0 figures and 1 events" in out


def test_extract_on_a_hostile_paste_prints_a_bounded_list_and_says_so(capsys, tmp_path):
    """Before: "1 " 99,500 times printed 99,500 candidates, 8.4 MB."""
    path = write(tmp_path, "ones.txt", "1 " * 99_500)
    code, out, err = run(capsys, "extract", str(path), "--published", "2021-12-29")
    assert code == 0
    assert len(out.encode("utf-8")) < 100_000
    assert len(yaml.safe_load(out)["figures"]) <= 300
    assert "only the first 300 candidates of a kind (or the first 3,000 numbers) were read: split the text." in err


@pytest.mark.parametrize("command", ["extract", "new-article"])
def test_a_text_with_a_bidi_override_is_refused_with_its_line(capsys, data_copy, command):
    """U+202E shows "1937" as "7391" while the candidate reads 1,937: refused as in data files."""
    path = write(data_copy.parent, "bidi.txt", "29 ديسمبر 2021\nتم فحص \u202e1937\u202c مبنى")
    code, out, err = run(capsys, command, str(path))
    assert code == 1 and out == ""
    assert (f"{path}:2: -: -: contains the bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE), "
            "which can reverse how the text around it reads; remove it") in err
    assert not list((data_copy / "articles").glob("draft-*"))


WIRE = """أزالت الفرق 35 ألف لغم

دمشق، 6 كانون الأول 2021 - قالت الوزارة إن فرقها أزالت أكثر من 000 35 لغم، وطهرت 417 12 هكتار، وأفرجت عن 12 أرمنيا.
"""


def test_extract_says_why_and_marks_low_confidence(capsys, tmp_path):
    path = write(tmp_path, "wire.txt", WIRE)
    code, out, err = run(capsys, "extract", str(path))
    figures = yaml.safe_load(out)["figures"]
    assert code == 0
    assert [(f["value"], f["qualifier"], f.get("confidence")) for f in figures] == [
        (35000, "more_than", None), (12417, "exact", "low"), (12, "exact", "low")]
    assert figures[0]["reason"] == ("digits out of order (right-to-left layout): groups read in reverse; qualifier "
                                    "word before the number; the same number is written in order elsewhere in the "
                                    "text; also stated in the headline or the same sentence")
    assert figures[0]["also"] == [[12, 22]] and WIRE[12:22] == "35 ألف لغم"
    assert "2 candidate(s) marked confidence: low" in err


def test_the_draft_says_why_in_comments_and_still_validates(capsys, data_copy):
    source = write(data_copy.parent, "wire.txt", WIRE)
    code, _, err = run(capsys, "new-article", str(source))
    assert code == 0, err
    assert "2 candidate(s) marked confidence: low (digits out of order, a guessed unit): check them first." in err
    text = next((data_copy / "articles").glob("draft-*.yaml")).read_text(encoding="utf-8")
    assert ("# read by: digits out of order (right-to-left layout): groups read in reverse\n"
            "# LOW CONFIDENCE: check this reading against the text first\n"
            "# Proposed on no series: the text does not say who counts it nor whether it is a running total or a flow. "
            "A figure sits only on a series of the "
            "same party, kind and quantity: choose one, or none (see docs/measures.md).\n"
            "- id: figure_2\n") in text  # "the ministry" of a Damascus dateline is no party of the record
    assert "# read by: unit guessed (people) from a nationality noun\n# LOW CONFIDENCE" in text
    assert "# also stated at characters 12-22 of the seed\n# On no known measure (unit mines" in text
    assert "  category: demining\n  value: 12417\n" in text  # the category its words suggest, no measure
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    assert "Drafts, valid but not shown: 1 draft article(s)" in out
