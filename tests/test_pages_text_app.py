"""AppTest of the Original text and Data & method pages, in English and Arabic, and
from URLs with a selected figure or filters set: the content shown, not just no error."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.views import original_text as hl
from tests.conftest import open_page

ORIGINAL = "pages/original_text.py"
METHOD = "pages/data_method.py"




def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.html]


def article(at: AppTest) -> str:
    return next(body for body in html_bodies(at) if body.startswith('<div class="nd-text"'))


def card(at: AppTest) -> str | None:
    return next((body for body in html_bodies(at) if body.startswith('<div class="nd-card"')), None)


# --- Original text ----------------------------------------------------------------


def test_original_text_shows_every_arabic_paragraph_with_its_translation():
    at = open_page(ORIGINAL)
    assert not at.exception
    assert at.title[0].value == "Original text"
    text = article(at)
    assert text.count('<div class="nd-ar ') == 15
    assert text.count('<div class="nd-en ') == 15
    assert '<mark id="q-buildings_inspected" class="q q-figure"' in text
    assert "تم فحص 1937 مبنى</mark>" in text
    assert "He added: &quot;Through the efforts of the Ministry of Defence" in text
    # nothing selected: no card, no strong highlight, no scrolling
    assert at.selectbox(key="fig").value == ""
    assert card(at) is None
    assert "q-selected" not in text
    assert not any("scrollIntoView" in body for body in html_bodies(at))


def test_a_figure_link_selects_highlights_and_describes_it():
    at = open_page(ORIGINAL, fig="explosive_objects_neutralised")
    assert not at.exception
    assert at.selectbox(key="fig").value == "explosive_objects_neutralised"
    shown = card(at)
    assert "<dt>Value</dt><dd>more than 26,000 explosive objects</dd>" in shown
    assert "أكثر من 26000 مادة متفجرة" in shown
    assert "<dd>more than 26,000 explosive objects</dd>" in shown  # the translation
    assert "Andrei Rudenko, citing the efforts of the Russian defence ministry" in shown
    assert "characters 1037 to 1062 of" in shown
    assert 'class="q q-figure q-selected"' in article(at)
    assert hl.SCROLL_TO_SELECTED_JS in html_bodies(at)  # the script that scrolls to the mark marked q-selected
    chart_link = at.get("page_link")[0].proto
    assert (chart_link.page, chart_link.query_string) == ("demining", "fig=explosive_objects_neutralised")


def test_an_event_link_shows_its_date_precision():
    at = open_page(ORIGINAL, fig="hostilities_resumed")
    assert "<dd>September 2020 (known to the month only)</dd>" in card(at)


def test_original_text_in_arabic_puts_the_arabic_column_first():
    at = open_page(ORIGINAL, lang="ar", fig="explosive_objects_neutralised")
    assert not at.exception
    assert at.title[0].value == "النص الأصلي"
    text = article(at)
    assert text.startswith('<div class="nd-text" dir="rtl">')
    assert text.count('<div class="nd-ar ') == 15
    assert text.index("النص العربي الأصلي: كلمات المصدر") < text.index("الترجمة الإنجليزية، من المحررين")
    assert "<dd>أكثر من ٢٦٬٠٠٠ مادة متفجرة</dd>" in card(at)
    assert "قالب الوكالة: العنوان مكررا" in text


def test_choosing_a_record_puts_it_in_the_url():
    at = open_page(ORIGINAL)
    at.selectbox(key="fig").set_value("refugees_returned").run()
    assert at.query_params["fig"] == "refugees_returned"
    assert "<dd>more than 50,000 refugees</dd>" in card(at)
    at.selectbox(key="fig").set_value("").run()
    assert "fig" not in at.query_params


def test_an_unknown_figure_in_the_url_gives_the_default_view_and_a_notice():
    at = open_page(ORIGINAL, fig="no_such_figure")
    assert not at.exception
    assert at.selectbox(key="fig").value == ""
    assert any("Ignored an unknown value for 'fig'" in c.value for c in at.caption)
    assert card(at) is None


# --- Data & method ----------------------------------------------------------------


def table(at: AppTest):
    return at.dataframe[0].value


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_the_table_holds_every_figure_date_and_context_row():
    at = open_page(METHOD)
    assert not at.exception
    rows = table(at)
    assert len(rows) == 94
    assert rows["kind"].value_counts().to_dict() == {
        "Context series": 74, "Article figures": 8, "Context events": 7, "Article dates": 5}
    buildings = rows[rows["id"] == "buildings_inspected"].iloc[0]
    assert buildings["value"] == 1937
    assert buildings["quote"] == "تم فحص 1937 مبنى"
    assert (buildings["quote_start"], buildings["quote_end"]) == (935, 951)
    assert buildings["source_file"] == "seeds/000_3a55c9cc56337ab1.txt"
    assert buildings["sentence"] == "original_text?fig=buildings_inspected"
    explosives = rows[rows["id"] == "explosive_objects_neutralised"].iloc[0]
    assert explosives["qualifier"] == "more_than"
    context = rows[rows["kind"] == "Context series"]
    assert context["source_url"].str.startswith("https://").all()
    assert "Showing all 94 rows." in captions(at)


def test_a_kind_filter_from_the_url_hides_rows_and_says_so():
    at = open_page(METHOD, method_kinds="figure")
    assert len(table(at)) == 8
    assert ("Showing 8 of 94 rows: article figures only "
            "(hidden: article dates, context series, context events).") in captions(at)


def test_kind_and_category_filters_combine():
    at = open_page(METHOD, method_kinds="figure", method_categories="demining")
    assert sorted(table(at)["id"]) == ["buildings_inspected", "explosive_objects_neutralised",
                                       "hectares_surveyed", "roads_cleared_km"]
    assert ("Showing 4 of 94 rows: article figures only; demining only (hidden: article dates, "
            "context series, context events, returns, conflict, timeline).") in captions(at)


def test_changing_the_filter_updates_the_url():
    at = open_page(METHOD)
    at.multiselect(key="method_categories").set_value(["returns"]).run()
    assert len(table(at)) == 3 + 12  # three returns figures, twelve returns rows
    assert at.query_params["method_categories"] == "returns"


def test_the_method_text_validation_flags_and_notes_are_shown():
    at = open_page(METHOD)
    headers = [h.value for h in at.header]
    assert headers[:5] == ["Every row, with its provenance", "How the data was curated", "Validation",
                       "Flags: numbers that do not add up", "Editors' notes"]
    assert [s.value for s in at.subheader][:2] == ["The source text", "Every figure from a verbatim quote"]
    assert len(at.subheader) == 6
    assert at.success[0].value.startswith("Validation passed: 1 article(s), 8 figures and 5 dates")
    flag = at.warning[0].value
    assert "2,320 hectares" in flag and "2,326.6 hectares" in flag
    notes = [body for body in html_bodies(at) if "nd-note" in body and "<style>" not in body]
    assert len(notes) == 3
    assert any("Concerns the words «الشركة الروسية للتعدين»" == c for c in captions(at))


def test_data_and_method_in_arabic():
    at = open_page(METHOD, lang="ar", method_kinds="figure")
    assert not at.exception
    assert at.title[0].value == "البيانات والمنهجية"
    assert set(table(at)["kind"]) == {"أرقام المقال"}
    assert ("عرض ٨ من ٩٤ صفا: أرقام المقال فقط (مخفي: تواريخ المقال، سلاسل السياق، أحداث السياق)."
            in captions(at))
    assert at.header[1].value == "كيف جُمعت البيانات ودُققت"
    assert at.success[0].value.startswith("نجح التحقق")


@pytest.mark.parametrize("bad", ["nonsense", "figure,nonsense"])
def test_an_unknown_filter_in_the_url_shows_everything_with_a_notice(bad):
    at = open_page(METHOD, method_kinds=bad)
    assert len(table(at)) == 94
    assert any("Ignored an unknown value for 'method_kinds'" in c for c in captions(at))


def test_a_broken_method_file_is_an_error_at_its_line(data_copy):
    path = data_copy / "method.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - heading: {en: The source text",
                                                             "  - heading: {en: The source text, colour: red"),
                    encoding="utf-8")
    at = open_page(METHOD)
    assert not at.exception
    message = at.error[0].value
    assert "method.yaml:7: method: steps.0.heading.colour: unknown field" in message
    assert len(table(at)) == 94  # the rest of the page still works


def test_an_edited_method_file_shows_on_the_next_rerun(data_copy):
    """The method text is kept per state of the data (newsdash/caches.py, app.state:_views):
    an edit on disk is a new state, read at the next rerun without a restart."""
    at = open_page(METHOD)
    assert "How the data was curated" in [h.value for h in at.header]
    path = data_copy / "method.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("en: How the data was curated",
                                                             "en: How the desk checked the data"), encoding="utf-8")
    headers = [h.value for h in at.run().header]
    assert "How the desk checked the data" in headers and "How the data was curated" not in headers
