"""What the sentence around a figure says of it (newsdash.reading.setting): who counts it,
over what period, and its noun. Sentences written for the tests."""

from __future__ import annotations

import pytest

from newsdash.data.measures import load_measures
from newsdash.reading.setting import party_names as names_of
from newsdash.reading.setting import read_setting
from tests.conftest import ROOT

PARTIES = names_of(load_measures(ROOT / "data")[0].parties)


def setting_of(sentence: str, number: str):  # noqa: ANN201
    at = sentence.index(number)
    return read_setting(sentence, at, at + len(number), PARTIES)


@pytest.mark.parametrize(("sentence", "number", "kind", "per"), [
    ("Some 400 people returned over the weekend, the Russian Defence Ministry said.", "400", "flow", "weekend"),
    ("Russian peacekeepers escorted 300 refugees home yesterday.", "300", "flow", "day"),
    ("Russian sappers cleared 12 hectares in the past week.", "12", "flow", "week"),
    ("عاد 300 لاجئ أمس بمرافقة قوات حفظ السلام الروسية.", "300", "flow", "day"),
    ("قالت وزارة الدفاع الروسية إن 400 لاجئ عادوا في عطلة نهاية الأسبوع.", "400", "flow", "weekend"),
    ("قالت وزارة الدفاع الروسية إن 900 لاجئ عادوا خلال الأسبوع الماضي.", "900", "flow", "week"),
    ("قالت وزارة الدفاع الروسية إن 12 هكتارا طهرت خلال الساعات الـ24 الماضية.", "12", "flow", "day"),
    ("Russian sappers have cleared 2,257 hectares to date.", "2,257", "total", None),
    ("قالت وزارة الدفاع الروسية إن إجمالي الأراضي المطهرة بلغ 2257 هكتارا.", "2257", "total", None),
    ("About 90,000 people remain displaced in Armenia, the State Migration Service said.", "90,000", "level", None),
])
def test_the_period_phrase_says_flow_or_total(sentence: str, number: str, kind: str, per: str | None):
    found = setting_of(sentence, number)
    assert (found.kind, found.per) == (kind, per)


def test_the_phrase_nearest_the_figure_in_its_clause_wins():
    sentence = ("More than 850 refugees returned over the past 24 hours, the Russian Defence Ministry said, "
                "bringing the total to more than 34,000.")
    assert setting_of(sentence, "850").kind == "flow"
    assert setting_of(sentence, "34,000").kind == "total"


def test_a_weekday_after_said_dates_the_statement_not_the_count():
    sentence = "The Russian Defence Ministry said on Sunday that 34,000 refugees had returned."
    assert setting_of(sentence, "34,000").kind is None
    arabic = "قالت وزارة الدفاع الروسية يوم الأحد إن 34 ألف لاجئ عادوا."
    assert setting_of(arabic, "34").kind is None


def test_another_countrys_ministry_is_not_the_party():
    found = setting_of("قالت وزارة الدفاع الأذربيجانية إن فرقها طهرت 300 هكتار حتى الآن.", "300")
    assert found.party is None
    assert setting_of("قالت وزارة الدفاع إن فرقها طهرت 300 هكتار حتى الآن.", "300").party == "russian_mod"


def test_the_party_is_read_back_through_a_referring_word():
    text = ("ANAMA published its monthly report on Monday. It listed mine clearance in Aghdam. "
            "The agency said 1,250 hectares had been cleared so far.")
    found = setting_of(text, "1,250")
    assert (found.party, found.party_words) == ("anama", "ANAMA")


def test_a_sentence_naming_no_one_stops_the_reading_back():
    text = "ANAMA published its report. Elsewhere, farmers said 1,250 hectares were sown this spring."
    assert setting_of(text, "1,250").party is None


def test_the_noun_of_a_number_without_one_is_read_in_its_sentence():
    found = setting_of("ارتفع إجمالي عدد اللاجئين العائدين إلى نحو 15 ألفا.", "15 ألفا")
    assert found.noun_unit == "refugees"


def test_a_day_after_an_event_is_no_period():
    found = setting_of("A day after the ceasefire, the Russian Defence Ministry said 300 refugees had returned.", "300")
    assert found.kind is None
