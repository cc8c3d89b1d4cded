"""Arabic that reads as Arabic: one digit style (Arabic-Indic outside the source's
quoted words), plural forms by CLDR's rules, and the charts, hovers and alt text that
use them."""

from __future__ import annotations

import re

import pytest

from newsdash.data.corpus import load_corpus
from newsdash.reading.formatting import arabic_digits, count_noun, day_for, digits_for, format_number
from newsdash.views import charts, data_pages


@pytest.mark.parametrize(("text", "expected"), [
    ("2320 هكتارا في 20 ديسمبر 2021.", "٢٣٢٠ هكتارا في ٢٠ ديسمبر ٢٠٢١."),
    ("بلغت 2,326.6 هكتارا", "بلغت ٢٬٣٢٦٫٦ هكتارا"),
    ('يقول المقال "أكثر من 26000": حد أدنى 7350', 'يقول المقال "أكثر من 26000": حد أدنى ٧٣٥٠'),
    ("«منذ نوفمبر 2020» في 2021", "«منذ نوفمبر 2020» في ٢٠٢١"),
    ('بداية الحصيلة ("منذ تشرين 2020…', 'بداية الحصيلة ("منذ تشرين 2020…'),  # a cut quote stays the source's
    ("news.am، الصفحة 3.", "news.am، الصفحة ٣."),
])
def test_arabic_digits_outside_quotes(text, expected):
    assert arabic_digits(text) == expected


def test_english_keeps_its_digits():
    assert digits_for("29 Dec 2021, 2,320 ha", "en") == "29 Dec 2021, 2,320 ha"
    assert day_for("2021-12-29", "en") == "2021-12-29"
    assert day_for("2021-12-29", "ar") == "٢٩ ديسمبر ٢٠٢١"


@pytest.mark.parametrize(("count", "noun"), [
    (1, "رقم"), (2, "رقمين"), (3, "أرقام"), (8, "أرقام"), (10, "أرقام"), (11, "رقما"), (26, "رقما"),
    (99, "رقما"), (100, "رقم"), (103, "أرقام"),
])
def test_arabic_plural_forms_follow_cldr(count, noun):
    assert count_noun("figures", count, "ar") == noun


def test_english_plurals():
    assert count_noun("figures", 1, "en") == "figure"
    assert count_noun("dates", 8, "en") == "dates"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_arabic_charts_hovers_and_alt_text_have_no_western_digits(corpus):
    loaded = corpus.article()
    for chart in loaded.article.charts:
        fig = charts.build_chart(loaded, corpus, chart.id, "ar")
        screen = charts.screen_chart(fig, chart.kind, "ar")
        words = [screen.heading_html, charts.plain_text(screen.footer_html), charts.alt_text(chart, loaded, "ar")]
        words += [text for trace in fig.data for text in (trace.hovertext or [])]
        words += [str(text) for trace in fig.data for text in (trace.text or [])]
        for text in words:
            outside_quotes = arabic_digits(text)  # what a reader should see
            assert outside_quotes == text, (chart.id, text[:120])
    hectares = charts.build_chart(loaded, corpus, "hectares", "ar")
    hover = " ".join(next(tr for tr in hectares.data if "رقم المقال" in tr.name).hovertext)
    assert "٢٬٣٢٠ هكتار" in hover and "٢٩ ديسمبر ٢٠٢١" in hover and "2021-12-29" not in hover
    alt = charts.alt_text(charts.get_chart(loaded, "chart_timeline", corpus), loaded, "ar")
    count = len(loaded.article.events)
    assert f"{format_number(count, 'ar')} {count_noun('dates', count, 'ar')} من المقال" in alt
    assert "2021" not in alt


# NOTHING ENGLISH INSIDE ARABIC VIEWS: the editors' renderings of the context and attributions

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_the_arabic_warning_names_its_source_in_arabic(corpus):
    flag = next(f for f in corpus.flags if f.measure == "hectares")
    sentence = data_pages.flag_sentence(flag, corpus, "ar")
    assert "٢٬٣٢٦٫٦ هكتار المعلنة في ٢٠ ديسمبر ٢٠٢١ (موقع نيوز آم، ٢٠ ديسمبر ٢٠٢١)" in sentence
    assert LATIN_WORD.findall(sentence) == []  # the outlet named in Arabic letters (data/context, validated)
    english = data_pages.flag_sentence(flag, corpus, "en")
    assert "(news.am, 20 Dec 2021)" in english


def test_the_arabic_returns_table_has_arabic_dates_counters_and_notes(corpus):
    table = data_pages.returns_context_table(corpus, [c.id for c in charts.category_charts(corpus, None, "returns")], "ar")
    assert table["التاريخ"].iloc[0] == "٢٣ نوفمبر ٢٠٢٠"
    assert table["الجهة التي أحصت"].iloc[0] == "وزارة الدفاع الروسية"
    assert table["ملاحظة"].iloc[0] == "يبدأ العد في ١٤ نوفمبر ٢٠٢٠"
    for column in ("التاريخ", "الجهة التي أحصت", "ملاحظة"):
        assert not [text for text in table[column] if LATIN_WORD.search(text) or re.search("[0-9]", text)], column
    assert table["الرابط"].iloc[0].startswith("https://")  # links stay links


def test_attribution_in_arabic_with_the_original_kept(corpus):
    loaded = corpus.article()
    figure = loaded.article.figures[0]
    assert figure.attribution("ar") == figure.attributed_to_ar and figure.attributed_to_ar
    assert figure.attribution("en") == figure.attributed_to
    block = data_pages.figure_said_html(loaded, figure.id, "ar")
    assert f'<bdi dir="rtl" lang="ar">{figure.attributed_to_ar}</bdi>' in block
    assert figure.attributed_to not in block


def test_the_arabic_card_isolates_the_english_translation(corpus):
    from newsdash.views.original_text import card_html

    loaded = corpus.article()
    figure = next(f for f in loaded.article.figures if f.id == "hectares_surveyed")
    card = card_html(loaded, figure.id, "ar")
    assert f'<bdi dir="ltr" lang="en">{figure.translation}</bdi>' in card  # the number stays where the English has it
    assert figure.attributed_to_ar in card and figure.attributed_to not in card
    assert 'lang="en">' not in card_html(loaded, figure.id, "en")


def test_the_arabic_data_and_method_table(corpus):
    from newsdash.views import data_method as method

    frame = method.display_frame(method.provenance_frame(corpus, "ar"), "ar")
    series = frame[frame["date"] == "٢٠ ديسمبر ٢٠٢١"]
    land = series[series["label"] == "الأراضي التي تم تطهيرها أو مسحها"].iloc[0]  # the ministry's hectares beside the article's figure
    assert (land["value"], land["attributed_to"], land["source_title"]) == (
        "٢٬٣٢٦٫٦", "وزارة الدفاع الروسية", "موقع نيوز آم، ٢٠ ديسمبر ٢٠٢١")
    figure = frame[frame["id"] == "hectares_surveyed"].iloc[0]
    assert figure["date"] == "نوفمبر ٢٠٢٠ – ٢٩ ديسمبر ٢٠٢١" and figure["value"] == "٢٬٣٢٠"
    assert not [d for d in frame["date"] if re.search("[0-9A-Za-z]", d)]
    english = method.display_frame(method.provenance_frame(corpus, "en"), "en")
    assert english[english["id"] == "hectares_surveyed"].iloc[0]["date"] == "2020-11 – 2021-12-29"
