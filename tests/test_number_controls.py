"""A hidden character inside or beside a number: the number shown must be the number
proven. A right-to-left mark in "19\u200f37" is read as 1,937 but a browser shows 3719; a
zero-width space or a soft hyphen splits it into 19 and 37. Such a text is refused with its
line when pasted, uploaded or given to new-article, and `validate` refuses such a seed."""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from pathlib import Path

import pytest

from newsdash.curation.commands import read_article
from newsdash.data.corpus import load_corpus
from newsdash.errors import DataError
from newsdash.reading.candidates import extract
from newsdash.textsafety import FORMAT_CONTROLS, number_problem
from newsdash.views import add_article as view
from tests.conftest import ARTICLE

HIDDEN = {"rlm": "\u200f", "zwsp": "\u200b", "soft_hyphen": "\u00ad"}
NAMES = {"rlm": "U+200F (RIGHT-TO-LEFT MARK)", "zwsp": "U+200B (ZERO WIDTH SPACE)",
         "soft_hyphen": "U+00AD (SOFT HYPHEN)"}
# our own wire copy, the number on the third line
ARABIC = ("موسكو، 6 ديسمبر 2020 (وكالة) - أعلنت وزارة الدفاع الروسية اليوم استمرار أعمال نزع الألغام.\n\n"
          "وقالت الوزارة في بيانها إن خبراءها\nفحصوا 19{}37 مبنى منذ بدء المهمة.\n")
ENGLISH = ("MOSCOW, Dec 6 2020 (Agency) - Russia's defence ministry said demining went on today.\n\n"
           "Its engineers have inspected\n19{}37 buildings since the mission began, the ministry said.\n")
TEXTS = {"ar": ARABIC, "en": ENGLISH}


def test_the_format_controls_are_every_character_of_category_cf() -> None:
    import re
    every = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    listed = {chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(f"[{FORMAT_CONTROLS}]", chr(c))}
    assert listed == every


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("hidden", list(HIDDEN))
def test_the_trap_a_hidden_character_changes_the_number_read(lang: str, hidden: str) -> None:
    """Why the text is refused: read as it is, it gives another figure than the one shown."""
    values = [f.value for f in extract(TEXTS[lang].format(HIDDEN[hidden])).figures if f.value in (19, 37, 1937)]
    assert values == ([1937] if hidden == "rlm" else [19, 37])


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("hidden", list(HIDDEN))
def test_a_pasted_or_uploaded_text_with_a_hidden_character_in_a_number_is_refused_with_its_line(
        lang: str, hidden: str) -> None:
    text = TEXTS[lang].format(HIDDEN[hidden])
    for uploaded, pasted in ((None, text), (text.encode("utf-8"), None)):
        refused = view.incoming(uploaded, pasted)
        assert refused.raw is None
        kind, detail = refused.problem
        assert kind == "unreadable"
        assert detail.startswith(f"line 4: it has {NAMES[hidden]} inside or beside the number «1937»")
        assert "remove it from the text" in view.problem_message(refused.problem, "en")
    assert view.incoming(None, TEXTS[lang].format("")).raw is not None  # the clean text passes


@pytest.mark.parametrize("text", ["\u200f1937 مبنى", "بلغ 1937\u200f مبنى", "1,\u200b937 buildings",
                                  "19\u2060 37", "19\u0640\u064b37 مبنى", "1937\ufeff"])
def test_beside_a_number_or_between_its_digits_is_refused_too(text: str) -> None:
    assert number_problem(text) is not None


@pytest.mark.parametrize("text", ["قالت الوزارة\u200f إن الفرق فحصت 1937 مبنى", "الدورة الـ76 للجمعية",
                                  "\u200fرسم بياني: 1937 مبنى", "more than 26,000 objects\u200b."])
def test_marks_away_from_numbers_and_tatweel_before_one_stay_allowed(text: str) -> None:
    assert number_problem(text) is None


def test_new_article_refuses_the_text_with_its_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "incoming.txt"
    source.write_text(ARABIC.format("\u200f"), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        read_article(source)
    assert str(refused.value).startswith(f"{source}:4: -: -: has U+200F (RIGHT-TO-LEFT MARK) inside or beside")


def test_validate_refuses_a_seed_on_disk_with_a_mark_inside_a_quoted_number(data_copy: Path) -> None:
    """The record's own trap: the mark in the seed and in the quote, the sha256 updated,
    so that only the hidden character is wrong. Proven as 1,937, shown as 3719: refused."""
    seed = data_copy.parent / "seeds" / "000_3a55c9cc56337ab1.txt"
    raw = seed.read_bytes().replace("1937 مبنى".encode(), "19\u200f37 مبنى".encode(), 1)
    seed.write_bytes(raw)
    article = data_copy / "articles" / ARTICLE
    yaml_text = article.read_text(encoding="utf-8")
    old_sha = hashlib.sha256((Path(__file__).parent.parent / "seeds" / seed.name).read_bytes()).hexdigest()
    article.write_text(yaml_text.replace(old_sha, hashlib.sha256(raw).hexdigest())
                       .replace('quote: "تم فحص 1937 مبنى"', 'quote: "تم فحص 19\u200f37 مبنى"'), encoding="utf-8")
    corpus = load_corpus(data_copy)
    line = raw.decode("utf-8")[:raw.decode("utf-8").index("19\u200f37")].count("\n") + 1
    assert [str(e) for e in corpus.errors] == [
        f"{seed}:{line}: 2021-12-29-sputnik-rudenko-karabakh: seed: has U+200F (RIGHT-TO-LEFT MARK) inside or beside "
        "the number «1937»: there it can show the digits in another order, split the number in two or be skipped "
        "when it is read, so the figure proven would not be the one shown; remove it from the text"]
    assert corpus.articles == ()  # nothing shown from it: no "1,937 buildings" beside a highlighted 3719
