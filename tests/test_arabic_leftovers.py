"""Issue 21, part 2: Arabic and exports, the rest (pure tests; the pages are in
tests/test_browser_reading.py)."""

from __future__ import annotations

import pytest

from newsdash.reading.formatting import counted_unit, months_phrase, plural_category_ar, quantity

# 1/ ONE COUNTED-NOUN RULE EVERYWHERE (CLDR through Babel): "١٢٧ شخصًا", never "١٢٧ شخص"

@pytest.mark.parametrize(("value", "qualifier", "unit", "words"), [
    (127, "exact", "people", "١٢٧ شخصًا"),  # 11-99 by the last two digits: the accusative tanween
    (19, "exact", "people", "١٩ شخصًا"),
    (5, "exact", "people", "٥ أشخاص"),
    (103, "exact", "people", "١٠٣ أشخاص"),
    (100, "exact", "people", "١٠٠ شخص"),
    (50_000, "more_than", "refugees", "أكثر من ٥٠٬٠٠٠ لاجئ"),
    (2320, "exact", "hectares", "٢٬٣٢٠ هكتارًا"),
    (2326.6, "exact", "hectares", "٢٬٣٢٦٫٦ هكتار"),  # a fraction takes the singular
    (683, "more_than", "kilometres", "أكثر من ٦٨٣ كم"),  # an abbreviation does not change
])
def test_a_value_and_its_unit_take_the_form_the_number_asks_for(value, qualifier, unit, words):
    assert quantity(value, qualifier, unit, "ar") == words


def test_english_values_keep_their_plural_unit():
    assert quantity(127, "exact", "people", "en") == "127 people"
    assert quantity(26_000, "more_than", "explosive objects", "en") == "more than 26,000 explosive objects"


def test_the_plural_category_is_babels():
    from babel import Locale

    for n in (0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1937, 1_000_000):
        assert plural_category_ar(n) == Locale("ar").plural_form(n)
    assert months_phrase(11, "ar") == "١١ شهرًا" and months_phrase(4, "ar") == "٤ أشهر"
    assert counted_unit("buildings", 5, "ar") == "مبانٍ"


def test_every_page_writes_a_value_through_the_one_function():
    """The bar labels, tiles, hovers, cards and flags: 127 people is '١٢٧ شخصًا' on each."""
    from types import SimpleNamespace

    from newsdash.views.chart_parts import value_text

    row = SimpleNamespace(value=127.0, qualifier="exact", unit="people")
    assert value_text(row, "ar") == "١٢٧ شخصًا"


# 2/ EXPORTS: THE CREDIT IS THE NEWSROOM'S, THE PDF SAYS WHAT IT IS, THE SOURCE NAMES THE ARTICLE

def test_the_default_credit_names_no_software_and_the_method_file_sets_the_newsrooms(data_copy):
    from newsdash.data.method import load_method
    from newsdash.views.data_method import credit_line

    for lang in ("en", "ar"):
        assert "newsdash" not in credit_line(load_method(data_copy)[0], lang).lower()
    method = data_copy / "method.yaml"
    method.write_text(method.read_text(encoding="utf-8")
                      + 'credit: {en: "Graphic: The Example Desk", ar: "رسم بياني: مكتب المثال"}\n', encoding="utf-8")
    assert credit_line(load_method(data_copy)[0], "en") == "Graphic: The Example Desk"
    assert credit_line(load_method(data_copy)[0], "ar") == "رسم بياني: مكتب المثال"


def test_an_arabic_image_draws_a_latin_credit_right_to_left():
    from newsdash.views.data_method import image_credit

    assert image_credit("رسم بياني: The Desk", "ar") == "\u202bرسم بياني: The Desk\u202c"
    assert image_credit("رسم بياني: المحررون", "ar") == "رسم بياني: المحررون"  # nothing to reorder
    assert image_credit("Graphic: The Desk", "en") == "Graphic: The Desk"


# The smallest PDF a browser writes the way Skia does: a classic cross-reference table
# and an information dictionary naming the page that rendered it.
def _tiny_pdf() -> bytes:
    objects = [b"<</Title (Kaleido-fier)>>", b"<</Type /Catalog /Pages 3 0 R>>",
               b"<</Type /Pages /Kids [4 0 R] /Count 1>>", b"<</Type /Page /Parent 3 0 R /MediaBox [0 0 10 10]>>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<</Size 5\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_the_pdf_is_titled_after_the_chart_and_credits_the_newsroom():
    import io

    from pypdf import PdfReader

    from newsdash.exports.chart_files import pdf_with_info

    before = PdfReader(io.BytesIO(_tiny_pdf()), strict=True)
    assert before.metadata.title == "Kaleido-fier"
    after = PdfReader(io.BytesIO(pdf_with_info(_tiny_pdf(), "الطرق التي تم تطهيرها", "Graphic: The Desk")), strict=True)
    assert after.metadata.title == "الطرق التي تم تطهيرها"
    assert after.metadata.author == "Graphic: The Desk"
    assert len(after.pages) == 1


def test_a_downloaded_pdf_carries_the_title_and_credit_in_its_metadata():
    import io

    from pypdf import PdfReader

    from newsdash.data.corpus import load_corpus
    from newsdash.exports import chart_files as export
    from newsdash.views import charts
    from tests.conftest import require_browser

    require_browser()
    corpus = load_corpus()
    loaded = corpus.article()
    chart = charts.get_chart(loaded, corpus.article().article.charts[0].id, corpus)
    fig = charts.build_chart(loaded, corpus, chart.id, "ar", export=charts.ExportWords("رسم بياني: المحررون"))
    files = export.ChartFiles(fig, None, "stem", "ar", chart.title.get("ar"), credit="رسم بياني: المحررون")
    meta = PdfReader(io.BytesIO(files.data("pdf"))).metadata
    assert (meta.title, meta.author) == (chart.title.get("ar"), "رسم بياني: المحررون")


def test_the_source_line_names_the_articles_address_when_it_is_known():
    from newsdash.data.corpus import load_corpus
    from newsdash.views import charts

    corpus = load_corpus()
    loaded = corpus.article()
    chart_id = next(iter(corpus.measures))
    url = "https://example.org/story"
    for lang in ("en", "ar"):
        with_url = charts.build_chart(loaded, corpus, chart_id, lang, export=charts.ExportWords("c", article_url=url))
        without = charts.build_chart(loaded, corpus, chart_id, lang, export=charts.ExportWords("c"))
        source = {a.name: a.text for a in with_url.layout.annotations}["source"]
        assert url in source
        assert url not in {a.name: a.text for a in without.layout.annotations}["source"]


# 3/ THE CHART KEY READS RIGHT TO LEFT IN ARABIC

def test_the_arabic_legend_starts_on_the_right():
    from newsdash.data.corpus import load_corpus
    from newsdash.views import charts

    corpus = load_corpus()
    loaded = corpus.article()
    chart_id = next(iter(corpus.measures))
    english = charts.build_chart(loaded, corpus, chart_id, "en")
    arabic = charts.build_chart(loaded, corpus, chart_id, "ar")
    assert english.layout.legend.traceorder in (None, "normal")
    assert arabic.layout.legend.traceorder == "reversed" and arabic.layout.legend.xanchor == "right"
    keys = arabic.layout[charts.KEYS_LEGEND]
    assert keys.traceorder == "reversed" and keys.title.side == "top right"  # the key's title first, above
    assert charts.screen_chart(arabic, "measure_series", "ar").figure.layout.legend.traceorder == "reversed"


def test_the_toolbar_has_no_camera_and_speaks_arabic():
    from newsdash.views.screen_charts import chart_config

    for lang in ("en", "ar"):
        buttons = [b for row in chart_config(lang)["modeBarButtons"] for b in row]
        assert buttons == ["resetScale2d"]  # the download menu is the one way to a file
    arabic = chart_config("ar")
    assert arabic["locale"] == "ar"
    assert arabic["locales"]["ar"]["dictionary"]["Reset axes"] == "إعادة ضبط المحاور"
    assert "locale" not in chart_config("en")


# 4/ A FILTER KEPT ACROSS PAGES: the link first, then the reader's last choice, then the default

def test_a_filter_is_seeded_by_the_link_then_the_kept_choice_then_the_default():
    from newsdash.app.url_state import seed_multi

    options, default = ["a", "b", "c"], ["a", "b", "c"]
    assert seed_multi("k", None, None, options, default).value == default
    assert seed_multi("k", None, ["c", "a"], options, default).value == ["c", "a"]
    assert seed_multi("k", "", ["b", "gone"], options, default).value == ["b"]  # an option since removed is dropped
    assert seed_multi("k", "c", ["a"], options, default).value == ["c"]  # the link wins
    assert seed_multi("k", "-", ["a"], options, default).value == []


# 7/ A CHART'S CSV CARRIES ONLY ITS OWN MEASURE'S NOTES


@pytest.mark.parametrize(("measure", "lang", "notes"), [
    ("hectares", "en", {"area given as more than 15 square kilometres"}),
    ("buildings", "en", {"buildings are houses and facilities inspected", "plus 30 public structures"}),
    ("road_km", "en", set()),
    ("explosive_objects", "ar", {"نشرت آرتساخ برس البيان نفسه بعدد ٧٣٥٠٠ مادة متفجرة (خطأ مطبعي بعشرة أضعاف)"}),
    ("buildings", "ar", {"المباني هي المنازل والمنشآت التي تم فحصها", "إضافة إلى ٣٠ منشأة عامة"}),
])
def test_a_charts_csv_carries_only_its_measures_notes(measure, lang, notes):
    """The ministry's 28 Feb 2021 report has an area note and a buildings note: the
    hectares CSV has the first only, the roads CSV neither."""
    import csv
    import io

    from newsdash.data.corpus import load_corpus
    from newsdash.exports import chart_files as export
    from newsdash.views import charts

    corpus = load_corpus()
    frame = charts.chart_frame(corpus.article(), corpus, measure, lang)
    rows = list(csv.DictReader(io.StringIO(export.csv_bytes(frame).decode("utf-8-sig"))))
    context_rows = [r for r in rows if r["series"] == measure]
    assert context_rows, "the chart draws the ministry's series"
    assert {r["note"] for r in context_rows} - {""} == notes


# 8/ A WIDE TABLE AS CARDS ON A PHONE (the page shows them below 640 px)


def test_a_card_shows_every_cell_escaped_with_safe_links_and_arabic_digits():
    import pandas as pd

    from newsdash.views.table_cards import CardSpec, cards_html

    frame = pd.DataFrame([{"label": "<b>x</b>", "date": "٢٠ ديسمبر ٢٠٢١", "value": 2326.6, "url": "javascript:alert(1)",
                           "link": "https://www.tass.com/defense/1", "id": "hectares", "quote": None}])
    spec = CardSpec(heading="label", always=("date", "value", "url", "link"), labels={"date": "التاريخ"},
                    links={"url": None, "link": None}, verbatim=("id",))
    markup = cards_html(frame, spec, "ar", "جدول")
    assert "<b>x</b>" not in markup and "&lt;b&gt;x&lt;/b&gt;" in markup
    assert "<dt>التاريخ</dt><dd>٢٠ ديسمبر ٢٠٢١</dd>" in markup and "<dd>٢٬٣٢٦٫٦</dd>" in markup
    assert 'href="javascript' not in markup  # not a link: shown as text
    assert ('<a href="https://www.tass.com/defense/1" target="_blank" rel="noopener noreferrer" data-verbatim>'
            "tass.com</a>") in markup
    assert "<details><summary>كل التفاصيل</summary><dl><dt>id</dt><dd><span data-verbatim" in markup
    assert "quote" not in markup  # an empty cell is left out
    assert '<ul class="nd-cards" dir="rtl" lang="ar" aria-label="جدول">' in markup


def test_the_data_and_method_cards_hold_every_row_in_the_readers_words():
    from newsdash.data.corpus import load_corpus
    from newsdash.views import data_method as view

    corpus = load_corpus()
    frame = view.article_provenance_frame(corpus, corpus.article().id, "ar")
    markup = view.provenance_cards_html(corpus, corpus.article().id, list(view.KINDS), view.categories(frame), "ar")
    assert markup.count('<li class="nd-card">') == len(frame) == 94
    assert "<dt>الصفة</dt><dd>أكثر من</dd>" in markup and "more_than" not in markup
    assert "<dt>التاريخ أو الفترة</dt><dd>نوفمبر ٢٠٢٠ – ٢٩ ديسمبر ٢٠٢١</dd>" in markup


# 9/ THE REVIEW LOG AND CORRECTIONS IN ARABIC DIGITS AND MONTHS


def test_a_log_entry_reads_in_arabic_digits_and_month_names():
    import re

    from newsdash.data.review_log import Change, Entry
    from newsdash.views import review

    entry = Entry(at="2026-03-03T10:15:42+00:00", action="approved", editor="Amal", article="2021-12-29-sputnik",
                  correction=True, changes=(
                      Change("event_2", "date", {"en": "Ceasefire", "ar": "وقف إطلاق النار"},
                             {"date": "2020-11-10"}, {"date": "2020-11-09"}),
                      Change("article", "published", {}, "2021-12-28", "2021-12-29"),
                      Change("figure_1", "value", {"en": "Land surveyed", "ar": "أراضٍ تم مسحها"},
                             {"value": 2230, "qualifier": "more_than", "unit": "hectares"}, None)))
    when, _editor, action, _article, changes = review.log_frame((entry,), "ar").iloc[0].tolist()
    assert (when, action) == ("٣ مارس ٢٠٢٦، ١٠:١٥", "وافق")
    assert changes == ("وقف إطلاق النار (التاريخ) كان ١٠ نوفمبر ٢٠٢٠؛ تاريخ النشر كان ٢٨ ديسمبر ٢٠٢١؛ "
                       "أراضٍ تم مسحها كان أكثر من ٢٬٢٣٠ هكتارًا")
    assert review.log_frame((entry,), "en").iloc[0].tolist()[0] == "3 March 2026, 10:15"
    sentence = review.correction_sentence(entry, "ar")  # as the Overview shows it under the title
    assert sentence.startswith("صُحّح في ٣ مارس ٢٠٢٦: ") and not re.search("[0-9;]", sentence)
    assert review.correction_sentence(entry, "en") == (
        "Corrected on 3 March 2026: Ceasefire (date) was 10 November 2020; publication date was 28 December 2021; "
        "Land surveyed was more than 2,230 hectares.")


# 10/ NO ENGLISH IN A TILE'S HELP, NO ENGLISH SOURCE TITLE WHERE THE DATA GAVE NO ARABIC ONE


def test_a_tiles_help_names_who_said_it_in_arabic():
    from newsdash.data.corpus import load_corpus
    from newsdash.views.overview import metric_help

    figure = load_corpus().article().article.figures[0]
    assert figure.attributed_to_ar and figure.attributed_to_ar != figure.attributed_to
    arabic = metric_help(figure, "ar")
    assert arabic.endswith(f": {figure.attributed_to_ar}") and figure.attributed_to not in arabic
    assert metric_help(figure, "en").endswith(f": {figure.attributed_to}")


def test_an_empty_arabic_source_title_is_the_outlets_arabic_name_and_an_arabic_date(data_copy):
    """news.am's 20 Aug 2021 report with its Arabic title taken out: the outlet's Arabic name
    (from the tables' other news.am rows) and the day in Arabic, on the table and the chart."""
    from newsdash.data.context import arabic_title_fallback, load_context
    from newsdash.data.corpus import load_corpus
    from newsdash.views import charts

    table = data_copy / "context" / "mod_demining_series.csv"
    text = table.read_text(encoding="utf-8")
    assert "موقع نيوز آم، ٢٠ أغسطس ٢٠٢١" in text
    table.write_text(text.replace("موقع نيوز آم، ٢٠ أغسطس ٢٠٢١", ""), encoding="utf-8")
    events = data_copy / "context" / "context_events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",تاس، ١١ يناير ٢٠٢١,", ",,"), encoding="utf-8")

    context, errors = load_context(data_copy / "context")
    assert errors == []
    rows = context.demining[context.demining["as_of"] == "2021-08-20"]
    assert set(rows["source_title_ar"]) == {"موقع نيوز آم، ٢٠ أغسطس ٢٠٢١"}
    assert set(rows["source_title"]) == {"news.am, 20 Aug 2021"}  # the source's own words stay
    ceasefire = next(e for e in context.events if e.date == "2020-11-10")
    assert ceasefire.source_title_ar == "تاس، ١١ يناير ٢٠٢١"

    corpus = load_corpus(data_copy)
    frame = charts.chart_frame(corpus.article(), corpus, "hectares", "ar")
    assert "موقع نيوز آم، ٢٠ أغسطس ٢٠٢١" in set(frame["source_title"])
    # what cannot be written from the tables is left to the original
    names = {"news.am": "موقع نيوز آم"}
    assert arabic_title_fallback("news.am", names) == "موقع نيوز آم"
    assert arabic_title_fallback("Unknown Wire, 3 Jan 2021", names) == ""
    assert arabic_title_fallback("news.am, 1-28 Feb 2021", names) == ""
