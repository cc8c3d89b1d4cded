"""Short phrases, Arabic and English, with the parse an editor expects: value, range
maximum, qualifier, unit and the exact span (character offsets) of the quote.

Dates without a year are read against a publication date of 29 December 2021.
"""

from __future__ import annotations

import pytest

from newsdash.reading.candidates import extract

PUBLISHED = "2021-12-29"

# text, quote (the span expected), value, value_max, qualifier, unit
FIGURES = [
    # digits of both scripts, with both scripts' thousands and decimal separators
    ("قتل ٣٥٠ شخصا في المعارك", "٣٥٠ شخصا", 350, None, "exact", "people"),
    ("عاد ٢٦٬٥٠٠ لاجئ إلى ديارهم", "٢٦٬٥٠٠ لاجئ", 26500, None, "exact", "refugees"),
    ("بلغت الكلفة ٢٫٥ مليون دولار", "٢٫٥ مليون دولار", 2_500_000, None, "exact", "us dollars"),
    ("Troops inspected 1,937 buildings.", "1,937 buildings", 1937, None, "exact", "buildings"),
    ("a loan of 2,5 مليار يورو", "2,5 مليار يورو", 2_500_000_000, None, "exact", "euros"),
    ("تم فحص 1937 مبنى", "1937 مبنى", 1937, None, "exact", "buildings"),
    # multiplier words
    ("عاد 50 ألف لاجئ", "50 ألف لاجئ", 50_000, None, "exact", "refugees"),
    ("نزح 3 آلاف و500 شخص", "3 آلاف و500 شخص", 3500, None, "exact", "people"),
    ("رصد مليون دولار للإعمار", "مليون دولار", 1_000_000, None, "exact", "us dollars"),
    ("About 30 thousand people fled.", "About 30 thousand people", 30_000, None, "about", "people"),
    ("a budget of 1.5 billion roubles", "1.5 billion roubles", 1_500_000_000, None, "exact", "roubles"),
    # fractions written in words
    ("بعد معارك استمرت نحو شهر ونصف", "نحو شهر ونصف", 1.5, None, "about", "months"),
    ("تضرر مليون ونصف شخص", "مليون ونصف شخص", 1_500_000, None, "exact", "people"),
    ("The siege lasted a month and a half.", "a month and a half", 1.5, None, "exact", "months"),
    ("استمر الحصار ثلاث سنوات ونصف", "ثلاث سنوات ونصف", 3.5, None, "exact", "years"),
    ("half a million people were displaced", "half a million people", 500_000, None, "exact", "people"),
    # numbers as words, masculine and feminine, all cases
    ("استمر القصف ثلاثة أيام", "ثلاثة أيام", 3, None, "exact", "days"),
    ("بعد ثلاث سنوات من الحرب", "ثلاث سنوات", 3, None, "exact", "years"),
    ("عاد عشرة آلاف لاجئ", "عشرة آلاف لاجئ", 10_000, None, "exact", "refugees"),
    ("دمرت عشر قرى", "عشر قرى", 10, None, "exact", "villages"),
    ("أعيد إعمار عشرين قرية", "عشرين قرية", 20, None, "exact", "villages"),
    ("عاد عشرون ألف لاجئ", "عشرون ألف لاجئ", 20_000, None, "exact", "refugees"),
    ("أجلي مئة شخص", "مئة شخص", 100, None, "exact", "people"),
    ("أجلي مائة وعشرون ألفا من السكان", "مائة وعشرون ألفا", 120_000, None, "exact", None),
    ("أصيب ثلاث عشرة امرأة", "ثلاث عشرة امرأة", 13, None, "exact", "women"),
    ("وزعت 40 خيمة على النازحين", "40 خيمة", 40, None, "exact", "خيمة"),  # unknown noun: kept as written
    ("أصيب خمسة وعشرون شخصا", "خمسة وعشرون شخصا", 25, None, "exact", "people"),
    ("Twenty-five soldiers were wounded.", "Twenty-five soldiers", 25, None, "exact", "soldiers"),
    ("two hundred and fifty thousand refugees", "two hundred and fifty thousand refugees", 250_000, None,
     "exact", "refugees"),
    ("ألف وتسعمئة وسبعة وثلاثون مبنى", "ألف وتسعمئة وسبعة وثلاثون مبنى", 1937, None, "exact", "buildings"),
    # qualifiers, Arabic
    ("وتم اكتشاف أكثر من 26000 مادة متفجرة", "أكثر من 26000 مادة متفجرة", 26_000, None, "more_than",
     "explosive objects"),
    ("بقي أقل من مئة شخص", "أقل من مئة شخص", 100, None, "less_than", "people"),
    ("انتشر نحو 2000 جندي", "نحو 2000 جندي", 2000, None, "about", "soldiers"),
    ("أسر حوالي 500 جندي", "حوالي 500 جندي", 500, None, "about", "soldiers"),
    ("دمرت قرابة عشرين قرية", "قرابة عشرين قرية", 20, None, "about", "villages"),
    ("أفرج عن ما يقارب ثلاثة آلاف أسير", "ما يقارب ثلاثة آلاف أسير", 3000, None, "about", "prisoners"),
    ("نزح زهاء خمسين ألف مدني", "زهاء خمسين ألف مدني", 50_000, None, "about", "civilians"),
    ("عاد بأكثر من 50 ألف لاجئ", "أكثر من 50 ألف لاجئ", 50_000, None, "more_than", "refugees"),
    ("عاد 50 ألف لاجئ تقريبا", "50 ألف لاجئ تقريبا", 50_000, None, "about", "refugees"),
    # qualifiers, English
    ("more than 3,000 refugees returned", "more than 3,000 refugees", 3000, None, "more_than", "refugees"),
    ("over 150 villages were shelled", "over 150 villages", 150, None, "more_than", "villages"),
    ("fewer than 200 people remain", "fewer than 200 people", 200, None, "less_than", "people"),
    ("about 1.5 million people", "about 1.5 million people", 1_500_000, None, "about", "people"),
    ("nearly 40 percent of homes", "nearly 40 percent", 40, None, "about", "percent"),
    ("almost 2,000 homes were damaged", "almost 2,000 homes", 2000, None, "about", "houses"),
    ("some 300 civilians fled", "some 300 civilians", 300, None, "about", "civilians"),
    # ranges
    ("نزح 30 - 40 ألف شخص", "30 - 40 ألف شخص", 30_000, 40_000, "range", "people"),
    ("قتل ما بين 15 و20 جنديا", "ما بين 15 و20 جنديا", 15, 20, "range", "soldiers"),
    ("between 15 and 20 soldiers died", "between 15 and 20 soldiers", 15, 20, "range", "soldiers"),
    ("عاد بين ثلاثين وأربعين ألف لاجئ", "بين ثلاثين وأربعين ألف لاجئ", 30_000, 40_000, "range", "refugees"),
]

# text, quote, date, precision, basis ("stated" in the text or resolved from "published")
EVENTS = [
    ("منذ تشرين الثاني/ نوفمبر 2020، تم فحص", "تشرين الثاني/ نوفمبر 2020", "2020-11", "month", "stated"),
    ("في 9 تشرين الثاني/ نوفمبر 2020 ،", "9 تشرين الثاني/ نوفمبر 2020", "2020-11-09", "day", "stated"),
    ("اندلعت في أغسطس/ آب 2020", "أغسطس/ آب 2020", "2020-08", "month", "stated"),
    ("في نهاية شهر أيلول/سبتمبر 2020؛", "أيلول/سبتمبر 2020", "2020-09", "month", "stated"),
    ("في حزيران (يونيو) 2021", "حزيران (يونيو) 2021", "2021-06", "month", "stated"),
    ("يوم ١٠ كانون الثاني ٢٠٢١", "١٠ كانون الثاني ٢٠٢١", "2021-01-10", "day", "stated"),
    ("(سبوتنيك - 29 ديسمبر 2021ء) أعلن", "29 ديسمبر 2021ء", "2021-12-29", "day", "stated"),
    ("signed on November 9, 2020, in Moscow", "November 9, 2020", "2020-11-09", "day", "stated"),
    ("on 10 November 2020 the ceasefire", "10 November 2020", "2020-11-10", "day", "stated"),
    ("تأسست عام 1991", "عام 1991", "1991", "year", "stated"),
    # without a year, or relative: resolved against the publication date, and said so
    ("وصل في 9 نوفمبر", "9 نوفمبر", "2021-11-09", "day", "published"),
    ("clashes on 9 March", "9 March", "2021-03-09", "day", "published"),
    ("وقع الاتفاق العام الماضي", "العام الماضي", "2020", "year", "published"),
    ("the deal signed last year", "last year", "2020", "year", "published"),
    ("في نوفمبر الماضي", "نوفمبر الماضي", "2021-11", "month", "published"),
    ("في ديسمبر من العام الماضي", "ديسمبر من العام الماضي", "2020-12", "month", "published"),
    ("In December last year, talks", "December last year", "2020-12", "month", "published"),
    ("خلال الشهر الماضي", "الشهر الماضي", "2021-11", "month", "published"),
]


def _span(text: str, quote: str) -> tuple[int, int]:
    assert text.count(quote) == 1, "the expected quote must be unambiguous in its phrase"
    start = text.index(quote)
    return start, start + len(quote)


@pytest.mark.parametrize(("text", "quote", "value", "value_max", "qualifier", "unit"), FIGURES,
                         ids=[row[0] for row in FIGURES])
def test_figure_phrase(text, quote, value, value_max, qualifier, unit):  # noqa: PLR0913
    figures = extract(text, PUBLISHED).figures
    assert len(figures) == 1, [f.quote for f in figures]
    figure = figures[0]
    assert (figure.value, figure.value_max, figure.qualifier) == (value, value_max, qualifier)
    assert (figure.start, figure.end) == _span(text, quote)
    assert figure.quote == quote
    assert figure.unit == unit


@pytest.mark.parametrize(("text", "quote", "iso", "precision", "basis"), EVENTS, ids=[row[0] for row in EVENTS])
def test_event_phrase(text, quote, iso, precision, basis):
    found = extract(text, PUBLISHED)
    assert len(found.events) == 1, [e.quote for e in found.events]
    event = found.events[0]
    assert (event.date, event.date_precision, event.basis) == (iso, precision, basis)
    assert (event.start, event.end) == _span(text, quote)
    assert found.figures == ()  # the numbers of a date are not figures


def test_numbers_in_a_date_are_not_figures_but_the_count_beside_it_is():
    text = "في 10 تشرين الثاني/نوفمبر 2020 قتل 5 جنود"
    found = extract(text, PUBLISHED)
    assert [(e.date, e.quote) for e in found.events] == [("2020-11-10", "10 تشرين الثاني/نوفمبر 2020")]
    assert [(f.value, f.quote, f.unit) for f in found.figures] == [(5, "5 جنود", "soldiers")]


@pytest.mark.parametrize("text", [
    "صدر القرار 2254 عن مجلس الأمن",  # an identifier, not a count
    "Resolution 2254 was adopted",
    "the 2020 elections",  # a bare year
    "at 10:30 the talks began",  # a time of day
    "COVID-19 and S-400 and G20",  # names with numbers
    "لست أدري",  # ست (six) inside another word
    "one of the soldiers",  # a lone "one"
    "no one came",
    "عاد آلاف اللاجئين",  # "thousands of": no number stated
    "thousands of refugees returned",
])
def test_not_a_figure(text):
    assert extract(text, PUBLISHED).figures == ()


@pytest.mark.parametrize("text", ["we may go home", "مارس الضغط على الطرفين", "Nissan and March cars"])
def test_month_words_that_are_not_dates(text):
    assert extract(text, PUBLISHED).events == ()


def test_without_a_publication_date_a_yearless_date_stays_unresolved():
    event = extract("وصل في 9 نوفمبر").events[0]
    assert (event.date, event.date_precision, event.basis) == (None, "day", "published")


def test_a_month_after_publication_without_a_year_is_the_previous_year():
    """"في 5 آذار" in a paper of 29 December is the March just past, not a future one."""
    assert extract("في 5 آذار/مارس", "2022-01-10").events[0].date == "2021-03-05"
    assert extract("في 5 آذار/مارس", "2022-04-10").events[0].date == "2022-03-05"
