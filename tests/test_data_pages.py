"""What the data pages say, tested without an app: filter captions, the falling-total
warning, month labels, the list under the timeline and the quoted paragraph."""

from __future__ import annotations

import pytest

from newsdash.views import charts
from newsdash.views import data_pages as view


@pytest.mark.parametrize(("shown", "lang", "expected"), [
    (["a", "b", "c"], "en", "Showing all 3 measures."),
    (["a"], "en", "Showing 1 of 3 measures: a (hidden: b, c)."),
    ([], "en", "Showing 0 of 3 measures: choose at least one above."),
    (["a"], "ar", "عرض ١ من ٣ مقاييس: a (مخفي: b، c)."),
])
def test_filter_caption_says_what_is_hidden(shown, lang, expected):
    assert view.filter_caption(shown, ["a", "b", "c"], "what_measures", lang) == expected


def test_a_category_page_has_one_chart_per_measure_in_the_measures_order(corpus, loaded):
    assert [c.id for c in view.page_charts(corpus, loaded, "demining")] == [
        "hectares", "road_km", "buildings", "explosive_objects"]
    assert view.measure_label(corpus, "hectares", "en") == "Land cleared or surveyed"
    assert view.measure_label(corpus, "road_km", "ar") == "الطرق التي تم تطهيرها من المتفجرات"
    assert [c.id for c in view.own_charts(loaded, "returns")] == ["chart_helped_home"]
    assert view.own_charts(loaded, "demining") == []
    assert [f.value for f in view.figures_in(loaded, "returns")] == [50000, 127, 19]


def test_the_hectares_flag_in_words(corpus, loaded):
    [flag] = view.flags_for(corpus.flags, ["hectares", "road_km"])
    assert view.flag_sentence(flag, corpus, "en").startswith(
        "Land cleared or surveyed: 2,320 hectares on 29 December 2021 (the article) is below the 2,326.6 hectares "
        "reported on 20 December 2021 (news.am, 20 Dec 2021).")
    assert "٢٬٣٢٦٫٦ هكتار" in view.flag_sentence(flag, corpus, "ar")
    assert view.flags_for(corpus.flags, ["buildings"]) == []


def test_month_options_cover_every_date_drawn(corpus, loaded):
    months = view.month_options(charts.chart_frame(loaded, corpus, "chart_timeline", "en"))
    assert (months[0], months[-1], len(months)) == ("2020-09", "2021-12", 16)
    assert view.month_label("2020-09", "en") == "September 2020"


def test_timeline_months_and_their_names_in_both_languages(corpus, loaded):
    months, names = view.timeline_months(loaded, corpus.context, "chart_timeline", "en")
    assert (months[0], months[-1], len(months)) == ("2020-09", "2021-12", 16)
    assert names["2020-09"] == "September 2020"
    _, arabic = view.timeline_months(loaded, corpus.context, "chart_timeline", "ar")
    assert arabic["2021-12"] == view.month_label("2021-12", "ar") and "٢٠٢١" in arabic["2021-12"]


def test_listed_dates_show_month_precision_as_a_month(corpus, loaded):
    frame = charts.chart_frame(loaded, corpus, "chart_timeline", "en")
    items = view.listed_dates(frame, ["article_events"], "en")
    first = items[0]
    assert (first.record_id, first.when, first.precision) == (
        "hostilities_resumed", "September 2020", "Date precision: month only")
    assert [i.when for i in items][-1] == "29 December 2021"
    context = view.listed_dates(frame, ["context_events"], "en")
    assert context[0].source_url == "https://news.am/eng/news/622102.html"
    assert context[0].note == "the article says only 'the end of September 2020'"


def test_each_listed_date_is_one_block_with_its_quote_or_source(corpus, loaded):
    pairs = view.dated_items(loaded, corpus.context, "chart_timeline", "en", ["article_events", "context_events"],
                             layers=["article_events", "context_events"])
    september = dict(pairs)["hostilities_resumed"]
    assert "<strong>Hostilities resume in Karabakh (&quot;the end of September 2020&quot;)</strong> · September 2020" in september
    assert "Date precision: month only" in september
    assert "<mark>في نهاية شهر أيلول/سبتمبر 2020</mark>" in september
    assert 'Editors&#x27; English translation: <bdi dir="ltr" lang="en">at the end of September 2020</bdi>' in september
    context = [block for record_id, block in pairs if not record_id]  # events from other outlets
    assert len(context) == len(corpus.context.events) - 3  # three the article dates itself are listed once, as its own
    assert all('target="_blank" rel="noopener noreferrer">Open the source: ' in block for block in context)
    assert not any("<mark>" in block for block in context)


def test_context_events_are_one_block_of_boxes(corpus, loaded):
    block = view.context_events_html(loaded, corpus.context, "chart_timeline", "en",
                                     layers=["article_events", "context_events"], date_from="2020-11", date_to="2021-01")
    # five of the seven context events fall in November 2020 to January 2021; two of them (9 and 10
    # November) are the article's own dates and are listed once, as the article's
    assert block.count(f'<div style="{view.BORDERED}">') == block.count("Open the source: ") == 3
    assert "Trilateral statement signed by the leaders" not in block
    assert block.index("count of returned refugees") < block.index("Aghdam")  # earliest first
    assert "Joint Russian-Turkish ceasefire monitoring centre starts work in Aghdam district</strong> · 30 January 2021" in block
    assert "Rudenko" not in block  # 29 December 2021 is outside the range


def test_an_arabic_listed_date_reads_right_to_left(corpus, loaded):
    pairs = view.dated_items(loaded, corpus.context, "chart_timeline", "ar", ["article_events"], layers=["article_events"])
    assert pairs and all(block.startswith('<div dir="rtl" lang="ar" style="text-align:right"><p') for _, block in pairs)


def test_what_the_article_says_about_a_figure_is_one_block(loaded):
    block = view.figure_said_html(loaded, "armenians_helped_home", "en")
    assert block.startswith("<div><p><strong>Armenians helped to return home</strong>: 127 people</p>")
    assert "<mark>127 أرمنيًا</mark>" in block
    assert 'Editors&#x27; English translation: <bdi dir="ltr" lang="en">Rudenko noted:' in block
    assert "Attributed to: <bdi" in block
    arabic = view.figure_said_html(loaded, "refugees_returned", "ar")
    assert arabic.startswith('<div dir="rtl" lang="ar" style="text-align:right"><p><strong>')
    assert "أكثر من ٥٠٬٠٠٠" in arabic and "<mark>أكثر من 50 ألف لاجئ</mark>" in arabic


def test_a_rule_between_dates_keeps_the_block_one_html_block():
    ruled = view.ruled("<div><p>x</p></div>")
    assert ruled == f'<div style="{view.RULE_STYLE}"><div><p>x</p></div></div>'
    assert "\n" not in ruled  # no blank line that would hand the rest to Markdown


def test_a_listed_date_escapes_every_text_and_its_link():
    item = view.ListedDate(record_id="", label="<script>alert(1)</script>", when="1 May 2021",
                           precision="Date precision: day", source_title="<b>T</b>",
                           source_url='https://example.org/a"onmouseover="x', note="n & m")
    block = view.listed_date_html(None, item, "en", "Open the source")
    assert "<script>" not in block and "&lt;script&gt;alert(1)&lt;/script&gt;" in block
    assert 'href="https://example.org/a&quot;onmouseover=&quot;x"' in block
    assert '<bdi dir="ltr" lang="en">&lt;b&gt;T&lt;/b&gt;</bdi>' in block
    assert 'Date precision: day · <bdi dir="ltr" lang="en">n &amp; m</bdi>' in block


def test_quote_is_marked_inside_its_paragraph_and_escaped(loaded):
    block = view.quote_in_paragraph_html(loaded, "armenians_helped_home")
    assert "<mark>127 أرمنيًا</mark>" in block
    assert 'dir="rtl"' in block
    assert "&quot;" in block  # the paragraph's quotation marks are escaped, not markup
    assert view.paragraph_translation(loaded, "armenians_helped_home").startswith("Rudenko noted:")


def test_english_in_an_arabic_page_is_isolated_and_escaped():
    block = view.labelled_ltr_html("منسوب إلى", "A <b>x</b>")
    assert '<bdi dir="ltr" lang="en">A &lt;b&gt;x&lt;/b&gt;</bdi>' in block


def test_returns_context_table_keeps_qualifiers_and_links(corpus):
    table = view.returns_context_table(corpus, ["returned_to_karabakh_cumulative"], "en")
    assert len(table) == 7
    assert table.iloc[1].to_dict()["Value"] == "more than 34,000"
    assert table.iloc[0].to_dict()["Link"] == "https://tass.com/defense/1226571"
