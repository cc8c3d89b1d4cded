"""Extraction on wire copy as outlets print it: thousands separators, digits out of order,
ordinal days, duals, approach words, ordinals and ids, English seasons, repeats.

Every phrase here is written for this test in the forms wire copy uses (no published
text). Each row asserts the value, qualifier, unit (or date and precision), the exact
offsets of the quote, the rule that read it and whether it is marked low confidence.
Dates without a year are read against a publication date of 29 December 2021.
"""

from __future__ import annotations

import pytest

from newsdash.reading.candidates import extract

PUBLISHED = "2021-12-29"


def _span(text: str, quote: str) -> tuple[int, int]:
    assert text.count(quote) == 1, "the expected quote must be unambiguous in its phrase"
    start = text.index(quote)
    return start, start + len(quote)


# text, quote, value, value_max, qualifier, unit, a rule that must be among the reasons, low confidence
FIGURES = [
    # 1. a dot (or a space) as thousands separator before a count noun; a decimal before a measure
    ("وأوضح المركز أن فرقه أزالت 12.450 لغما منذ بداية المهمة", "12.450 لغما", 12450, None, "exact", "mines",
     "dot_thousands", False),
    ("وجرى تفكيك 3.218 قذيفة غير منفجرة", "3.218 قذيفة", 3218, None, "exact", "shells", "dot_thousands", False),
    ("تطهير 4.700 هكتار من الأراضي الزراعية", "4.700 هكتار", 4700, None, "exact", "hectares", "dot_thousands", False),
    ("عاد 1.250.000 شخص إلى مناطقهم", "1.250.000 شخص", 1_250_000, None, "exact", "people", "dot_thousands", False),
    ("وبلغت قيمة المساعدات 1.5 مليون دولار", "1.5 مليون دولار", 1_500_000, None, "exact", "us dollars",
     "multiplier", False),
    ("على طريق طوله 2.5 كيلومتر", "2.5 كيلومتر", 2.5, None, "exact", "kilometres", "digits", False),
    ("شق طريق طوله 2.500 كيلومتر", "2.500 كيلومتر", 2.5, None, "exact", "kilometres", "dot_decimal", True),
    ("نقل 35 000 لاجئ إلى المخيمات", "35 000 لاجئ", 35_000, None, "exact", "refugees", "space_thousands", False),
    ("about 12 500 people crossed the bridge", "about 12 500 people", 12_500, None, "about", "people",
     "space_thousands", False),
    # 2. digit groups printed in reverse by a right-to-left layout: read in reverse, marked low
    ("وقال إن أكثر من 000 35 لغم أزيلت", "أكثر من 000 35 لغم", 35_000, None, "more_than", "mines", "reversed", True),
    ("تم مسح 417 12 هكتار حتى الآن", "417 12 هكتار", 12_417, None, "exact", "hectares", "reversed", True),
    ("أزيل 500 2 جسم متفجر", "500 2 جسم متفجر", 2500, None, "exact", "explosive objects", "reversed", True),
    # 4. counts in the grammar: the dual, a number word after its noun
    ("وأسفر الانفجار عن مقتل شخص وإصابة جريحين", "جريحين", 2, None, "exact", "injured", "dual", False),
    ("أنقذ المسعفون طفلين من تحت الأنقاض", "طفلين", 2, None, "exact", "children", "dual", False),
    ("وأصيب جنديان اثنان بجروح", "جنديان اثنان", 2, None, "exact", "soldiers", "dual", False),
    ("خلال الأيام الخمسة الماضية", "الأيام الخمسة", 5, None, "exact", "days", "after_noun", False),
    ("بعد الأشهر الثلاثة الأولى من العمل", "الأشهر الثلاثة", 3, None, "exact", "months", "after_noun", False),
    # 5. approach words: about (or less/more than where the words say so), never exact
    ("بلغ عدد العائدين ما يقترب من 70 ألف شخص", "ما يقترب من 70 ألف شخص", 70_000, None, "about", "people",
     "qualifier_before", False),
    ("تقترب من 70 قتيلا حصيلة القصف", "تقترب من 70 قتيلا", 70, None, "about", "deaths", "qualifier_before", False),
    ("سجل ما يناهز 300 أسير", "ما يناهز 300 أسير", 300, None, "about", "prisoners", "qualifier_before", False),
    ("نزح زهاء 4 آلاف مدني", "زهاء 4 آلاف مدني", 4000, None, "about", "civilians", "qualifier_before", False),
    ("قتل قرابه 20 جنديا", "قرابه 20 جنديا", 20, None, "about", "soldiers", "qualifier_before", False),
    ("وصل قرابةَ 200 لاجئ", "قرابةَ 200 لاجئ", 200, None, "about", "refugees", "qualifier_before", False),
    ("وصل بقرابة 200 لاجئ", "قرابة 200 لاجئ", 200, None, "about", "refugees", "qualifier_before", False),
    ("عبر ما يربو على 900 شخص", "ما يربو على 900 شخص", 900, None, "more_than", "people", "qualifier_before",
     False),
    ("the toll is approaching 70 dead", "approaching 70 dead", 70, None, "about", "deaths", "qualifier_before",
     False),
    ("just under 2,000 people stayed", "just under 2,000 people", 2000, None, "less_than", "people",
     "qualifier_before", False),
    # a guessed unit is low confidence: an unknown noun kept as written, a nationality noun
    ("as many as 400 families returned", "as many as 400 families", 400, None, "about", "families", "unit_noun",
     True),
    ("أفرج عن 12 أرمنيا", "12 أرمنيا", 12, None, "exact", "people", "unit_nisba", True),
    # 6. an ordinal after الـ counts when a unit follows it
    ("خلال الـ 48 ساعة الماضية", "48 ساعة", 48, None, "exact", "hours", "digits", False),
]


@pytest.mark.parametrize(("text", "quote", "value", "value_max", "qualifier", "unit", "rule", "low"), FIGURES,
                         ids=[row[0] for row in FIGURES])
def test_figure_on_wire_copy(text, quote, value, value_max, qualifier, unit, rule, low):  # noqa: PLR0913
    figures = extract(text, PUBLISHED).figures
    assert len(figures) == 1, [f.quote for f in figures]
    figure = figures[0]
    assert (figure.value, figure.value_max, figure.qualifier, figure.unit) == (value, value_max, qualifier, unit)
    assert (figure.start, figure.end) == _span(text, quote)
    assert text[figure.start:figure.end] == figure.quote == quote
    assert rule in (figure.how or ("digits",))
    assert figure.low_confidence is low


@pytest.mark.parametrize("text", [
    # 6. ordinals, article and resolution numbers, phone and page numbers name things
    "قالت قيادة الفرقة الـ 7 إن الوضع هادئ",
    "على هامش الدورة الـ76 للجمعية العامة",
    "استنادا إلى المادة 4 من الاتفاق",
    "تنفيذا للقرار رقم 2254",
    "للاستفسار على الهاتف 0944 123 456",
    "commanders of the 7th Division said",
    "see page 12 of the report",
    "under Article 5 of the treaty",
    "call +374 10 528 000 for details",
    # 2. never a bare zero or a fragment of a number
    "النتيجة 000",
])
def test_not_a_figure_on_wire_copy(text):
    assert extract(text, PUBLISHED).figures == ()


def test_digits_out_of_order_are_never_split_into_fragments():
    """Before: "000 35" gave 0 and 35, "417 12" gave 417 and 12."""
    found = extract("أزالت الفرق أكثر من 000 35 لغم وطهرت 417 12 هكتار", PUBLISHED).figures
    assert [(f.value, f.qualifier, f.unit) for f in found] == [(35_000, "more_than", "mines"),
                                                                 (12_417, "exact", "hectares")]
    assert all(f.low_confidence and "digits out of order" in f.reason() for f in found)


def test_digits_out_of_order_are_confirmed_where_the_headline_writes_them_in_order():
    text = "نحو 35 ألف لغم أزيلت\n\nوقالت الوزارة إن فرقها أزالت نحو 000 35 لغم منذ الربيع."
    figures = extract(text, PUBLISHED).figures
    assert len(figures) == 1
    figure = figures[0]
    assert (figure.value, figure.qualifier, figure.quote) == (35_000, "about", "نحو 000 35 لغم")
    assert figure.low_confidence is False
    assert figure.how[:2] == ("reversed", "qualifier_before") and "reversed_confirmed" in figure.how
    assert [text[s:e] for s, e in figure.also] == ["نحو 35 ألف لغم"]


# text, quote, date, precision, basis, a rule among the reasons
EVENTS = [
    # 3. days written as ordinal words, months by reference
    ("وصلت القافلة في الخامس من كانون الأول الجاري", "الخامس من كانون الأول الجاري", "2021-12-05", "day",
     "published", "ordinal_day"),
    ("أعلن الاتفاق في الأول من نوفمبر", "الأول من نوفمبر", "2021-11-01", "day", "published", "ordinal_day"),
    ("وقع الهجوم في الحادي والعشرين من أيلول الماضي", "الحادي والعشرين من أيلول الماضي", "2021-09-21", "day",
     "published", "ordinal_day"),
    ("عاد الوفد في الثاني عشر من تشرين الأول 2020", "الثاني عشر من تشرين الأول 2020", "2020-10-12", "day",
     "stated", "ordinal_day"),
    ("تبدأ المرحلة الثانية في العاشر من الشهر الجاري", "العاشر من الشهر الجاري", "2021-12-10", "day",
     "published", "relative_month"),
    ("في الثالث عشر من الشهر الماضي", "الثالث عشر من الشهر الماضي", "2021-11-13", "day", "published",
     "relative_month"),
    ("في 5 من الشهر الحالي", "5 من الشهر الحالي", "2021-12-05", "day", "published", "relative_month"),
    ("جرت الانتخابات في ديسمبر الحالي", "ديسمبر الحالي", "2021-12", "month", "published", "month_this"),
    # 7. English seasons and relative months
    ("the camp opened in the spring of 2019", "spring of 2019", "2019", "year", "stated", "season"),
    ("They left in autumn 2020.", "autumn 2020", "2020", "year", "stated", "season"),
    ("وانطلقت الحملة في ربيع عام 2020", "ربيع عام 2020", "2020", "year", "stated", "season"),
    ("He returned this past March to the village", "this past March", "2021-03", "month", "published",
     "year_from_published"),
    ("Talks stalled last month.", "last month", "2021-11", "month", "published", "relative_month"),
    ("Earlier this year, the agency said", "Earlier this year", "2021", "year", "published", "relative_year"),
]


@pytest.mark.parametrize(("text", "quote", "iso", "precision", "basis", "rule"), EVENTS, ids=[r[0] for r in EVENTS])
def test_event_on_wire_copy(text, quote, iso, precision, basis, rule):  # noqa: PLR0913
    found = extract(text, PUBLISHED)
    assert len(found.events) == 1, [e.quote for e in found.events]
    event = found.events[0]
    assert (event.date, event.date_precision, event.basis) == (iso, precision, basis)
    assert (event.start, event.end) == _span(text, quote)
    assert text[event.start:event.end] == event.quote == quote
    assert rule in event.how
    assert found.figures == ()


def test_the_same_month_is_the_month_named_before():
    text = "بدأت العملية في 2 تشرين الثاني 2021، وانتهت في السابع من الشهر نفسه"
    events = extract(text, PUBLISHED).events
    assert [(e.date, e.date_precision, e.basis, e.quote) for e in events] == [
        ("2021-11-02", "day", "stated", "2 تشرين الثاني 2021"),
        ("2021-11-07", "day", "context", "السابع من الشهر نفسه"),
    ]
    assert events[1].reason() == "ordinal day word (الخامس); month from the date named before it (نفسه)"


def test_a_first_week_is_not_a_first_day():
    assert extract("خلال الأسبوع الأول من نوفمبر الماضي", PUBLISHED).events[0].date_precision == "month"


# 8. repeats: one candidate, both spans
def test_a_figure_repeated_from_the_headline_is_one_candidate_with_both_spans():
    text = "Mine teams cleared 640 hectares\n\nTeams cleared more than 640 hectares in May 2021, the agency said."
    found = extract(text, PUBLISHED)
    assert len(found.figures) == 1
    figure = found.figures[0]
    assert (figure.value, figure.qualifier, figure.unit) == (640, "more_than", "hectares")  # the body's qualifier
    assert (figure.start, figure.end, figure.quote) == (47, 69, "more than 640 hectares")
    assert figure.also == ((19, 31),) and text[19:31] == "640 hectares"
    assert "repeated" in figure.how


def test_the_same_figure_twice_in_one_sentence_is_one_candidate():
    text = "أصيب 3 مدنيين، بينهم 3 مدنيين من القرية نفسها."
    figures = extract(text, PUBLISHED).figures
    assert [(f.value, f.start, f.end, f.also) for f in figures] == [(3, 5, 13, ((21, 29),))]


def test_the_same_figure_in_two_sentences_of_the_body_stays_two_candidates():
    text = "أصيب 3 مدنيين. وفي حادث آخر أصيب 3 مدنيين."
    assert [(f.start, f.also) for f in extract(text, PUBLISHED).figures] == [(5, ()), (33, ())]


def test_a_date_repeated_from_the_headline_is_one_candidate():
    text = "اتفاق 9 نوفمبر 2020\n\nوقع الاتفاق في 9 نوفمبر 2020 في موسكو."
    events = extract(text, PUBLISHED).events
    assert [(e.date, e.start, e.end, e.also) for e in events] == [("2020-11-09", 36, 49, ((6, 19),))]


def test_every_candidate_says_why_in_words():
    found = extract("عاد أكثر من 3 آلاف لاجئ في الخامس من كانون الأول الجاري", PUBLISHED)
    assert found.figures[0].reason() == "multiplier word (ألف, million); qualifier word before the number"
    assert found.figures[0].reason("ar") == "كلمة مضاعِفة (ألف، مليون)؛ كلمة تقييد قبل العدد"
    assert found.events[0].reason() == ("year from the publication date; month of publication (الجاري); "
                                        "ordinal day word (الخامس)")


# --- whole stories: every figure and date an editor would mark, and nothing else ------------
# Two stories written for this test in the forms of defence-ministry and mine-action wire copy.
STORY_AR = """روسيا: عودة أكثر من 2.1 مليون لاجئ سوري منذ 2015

دمشق، 8 كانون الأول 2021 (وكالة) - أعلن مركز التنسيق الروسي السوري لعودة اللاجئين أن أكثر من 2.1 مليون لاجئ عادوا إلى سوريا منذ 30 أيلول 2015، بينهم 618 ألف طفل.

وقال رئيس المركز في إفادة صحفية إن 1.348 شخصا عادوا خلال الأيام الخمسة الماضية من لبنان والأردن، وإن قرابة 35 ألف نازح عادوا إلى منازلهم منذ بداية العام الجاري.

وأضاف أن وحدات الهندسة في الفرقة الـ 4 طهرت 12.450 هكتار من الأراضي الزراعية، وأزالت منذ مطلع العام أكثر من 000 35 لغم. وأسفر انفجار لغم قرب دير الزور في الثالث من كانون الأول الجاري عن جريحين، وانفجر لغم آخر في السابع من الشهر نفسه.

وأشار إلى أن ما يناهز 1.200 مبنى سكني أعيد ترميمه في ريف حمص، وأن نحو 4 آلاف قذيفة غير منفجرة جمعت الشهر الماضي، وفق المادة 3 من البروتوكول الموقع في الخامس من كانون الأول الجاري.
"""
STORY_EN = """Mine clearance in Karabakh: nearly 1,500 hectares cleared

MOSCOW, May 14 (Agency) - Russian deminers have cleared nearly 1,500 hectares of land and more than 2,000 kilometres of roads since November 2020, the head of the mine action centre said in an interview.

"This past March alone, the teams found just under 3,000 explosive objects," he said, adding that the 7th Division's engineers had worked in 32 villages.

Some 27,000 people returned to their homes in the spring of 2021, while 12 500 people are expected to return later this year, he added. Two deminers were injured last month; under Article 4 of the agreement, the mission will stay until 2025.

For information call +7 495 123 4567.
"""


def _figures(text, published):  # noqa: ANN001, ANN202
    found = extract(text, published).figures
    assert all(text[f.start:f.end] == f.quote for f in found)
    return [(f.quote, f.value, f.qualifier, f.unit, f.low_confidence) for f in found]


def _events(text, published):  # noqa: ANN001, ANN202
    found = extract(text, published).events
    assert all(text[e.start:e.end] == e.quote for e in found)
    return [(e.quote, e.date, e.date_precision, e.basis) for e in found]


def test_an_arabic_story_gives_every_figure_and_nothing_else():
    assert _figures(STORY_AR, "2021-12-08") == [
        ("أكثر من 2.1 مليون لاجئ", 2_100_000, "more_than", "refugees", False),  # and its headline repeat
        ("618 ألف طفل", 618_000, "exact", "children", False),
        ("1.348 شخصا", 1348, "exact", "people", False),
        ("الأيام الخمسة", 5, "exact", "days", False),
        ("قرابة 35 ألف نازح", 35_000, "about", "displaced people", False),
        ("12.450 هكتار", 12_450, "exact", "hectares", False),  # not the division's number before it
        ("أكثر من 000 35 لغم", 35_000, "more_than", "mines", True),  # "35 ألف نازح" counts people, not mines
        ("جريحين", 2, "exact", "injured", False),
        ("ما يناهز 1.200 مبنى", 1200, "about", "buildings", False),
        ("نحو 4 آلاف قذيفة", 4000, "about", "shells", False),  # not article 3
    ]


def test_an_arabic_story_gives_every_date_once():
    assert _events(STORY_AR, "2021-12-08") == [
        ("30 أيلول 2015", "2015-09-30", "day", "stated"),  # the headline's "منذ 2015" merged into it
        ("8 كانون الأول 2021", "2021-12-08", "day", "stated"),
        ("العام الجاري", "2021", "year", "published"),
        ("الثالث من كانون الأول الجاري", "2021-12-03", "day", "published"),
        ("السابع من الشهر نفسه", "2021-12-07", "day", "context"),
        ("الشهر الماضي", "2021-11", "month", "published"),
        ("الخامس من كانون الأول الجاري", "2021-12-05", "day", "published"),
    ]
    headline = extract(STORY_AR, "2021-12-08").events[0].also
    assert [STORY_AR[s:e] for s, e in headline] == ["منذ 2015"]


def test_an_english_story_gives_every_figure_and_date_and_nothing_else():
    assert _figures(STORY_EN, "2021-05-14") == [
        ("nearly 1,500 hectares", 1500, "about", "hectares", False),  # and its headline repeat
        ("more than 2,000 kilometres", 2000, "more_than", "kilometres", False),
        ("just under 3,000 explosive objects", 3000, "less_than", "explosive objects", False),
        ("32 villages", 32, "exact", "villages", False),  # not the 7th Division
        ("Some 27,000 people", 27_000, "about", "people", False),
        ("12 500 people", 12_500, "exact", "people", False),
        ("Two deminers", 2, "exact", "deminers", True),  # a noun we do not know: the unit is a guess
    ]  # not Article 4, not the phone number
    assert _events(STORY_EN, "2021-05-14") == [
        ("May 14", "2021-05-14", "day", "published"),
        ("November 2020", "2020-11", "month", "stated"),
        ("This past March", "2021-03", "month", "published"),
        ("spring of 2021", "2021", "year", "stated"),
        ("later this year", "2021", "year", "published"),  # the same year, another event: not merged
        ("last month", "2021-04", "month", "published"),
        ("until 2025", "2025", "year", "stated"),
    ]
