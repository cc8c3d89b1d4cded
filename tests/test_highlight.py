"""Unit tests of the original-text HTML: marks by offsets, escaping, nesting, notes."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.source_util import page_icon_and_name

from newsdash.data.corpus import load_corpus
from newsdash.views import original_text as hl
from newsdash.views.original_text import Mark
from tests.conftest import ROOT

VOID = {"br", "img", "hr", "meta", "input", "link"}


class Tree(HTMLParser):
    """Checks the HTML nests properly and collects what the marks and blocks hold."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.by_id: dict[str, str] = {}
        self.by_record: dict[str, str] = {}
        self.order: list[str] = []
        self.plain: list[str] = []
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if "id" in attrs:
            self.order.append(attrs["id"])
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        inside_link = any(t == "a" for t, _ in self.stack)
        if not inside_link:
            self.plain.append(data)
        for tag, attrs in self.stack:
            if tag == "mark" and not inside_link:
                if "id" in attrs:
                    self.by_id[attrs["id"]] = self.by_id.get(attrs["id"], "") + data
        records = {attrs["data-record"] for tag, attrs in self.stack if tag == "mark"}
        for record in records if not inside_link else ():
            self.by_record[record] = self.by_record.get(record, "") + data

    def classes(self, tag: str) -> list[tuple[dict, set[str]]]:
        return [(a, set(a.get("class", "").split())) for t, a in self.elements if t == tag]


def parse(text: str) -> Tree:
    tree = Tree()
    tree.feed(text)
    tree.close()
    assert not tree.stack, f"unclosed tags: {tree.stack}"
    return tree


@pytest.fixture(scope="module")
def loaded():
    return load_corpus(ROOT / "data").article()


def with_paragraph_translation(loaded, index: int, text: str):
    paragraphs = list(loaded.article.paragraphs)
    paragraphs[index] = paragraphs[index].model_copy(update={"translation": text})
    return dataclasses.replace(loaded, article=loaded.article.model_copy(update={"paragraphs": paragraphs}))


# --- the real article -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_mark_holds_exactly_its_quote_from_the_seed(loaded, lang):
    tree = parse(hl.article_html(loaded, lang))
    for record_id, span in loaded.spans.items():
        assert tree.by_id[f"q-{record_id}"] == loaded.seed_text[span.start:span.end], record_id
    assert len([i for i in tree.order if i.startswith("q-")]) == len(loaded.spans) == 14


def test_the_arabic_text_is_the_seed_untouched(loaded):
    tree = parse(hl.article_html(loaded, "en"))
    arabic = [a for a, classes in tree.classes("div") if "nd-ar" in classes]
    assert len(arabic) == 15
    assert all(a["dir"] == "rtl" and a["lang"] == "ar" for a in arabic)
    assert all("text-align:right" in a["style"] and "Noto Naskh Arabic" in a["style"] for a in arabic)


def test_tooltips_give_the_label_and_value_with_its_qualifier_never_the_id(loaded):
    tree = parse(hl.article_html(loaded, "en"))
    titles = {a["id"]: a["title"] for a, _ in tree.classes("mark") if "id" in a}
    assert titles["q-explosive_objects_neutralised"] == (
        "Explosive objects detected and neutralised: more than 26,000 explosive objects")
    assert titles["q-buildings_inspected"] == "Buildings inspected: 1,937 buildings"
    assert titles["q-fighting_duration_months"] == "Length of the fighting: about 1.5 months"
    assert titles["q-hostilities_resumed"] == (
        'Hostilities resume in Karabakh ("the end of September 2020"): September 2020 (known to the month only)')
    assert titles["q-ceasefire_in_force"] == "Ceasefire comes into force: 10 November 2020 (known to the day)"
    links = [a["aria-label"] for a, classes in tree.classes("a") if "q-link" in classes]
    assert not any("_" in label for label in links)  # no record id (buildings_inspected) read out


def test_tooltips_in_arabic_use_arabic_words_and_digits(loaded):
    tree = parse(hl.article_html(loaded, "ar"))
    titles = {a["id"]: a["title"] for a, _ in tree.classes("mark") if "id" in a}
    assert titles["q-explosive_objects_neutralised"] == "مواد متفجرة تم اكتشافها وإبطال مفعولها: أكثر من ٢٦٬٠٠٠ مادة متفجرة"


def test_each_mark_links_back_to_its_chart_page(loaded):
    tree = parse(hl.article_html(loaded, "ar"))
    hrefs = {a["href"] for a, classes in tree.classes("a") if "q-link" in classes}
    assert "demining?fig=explosive_objects_neutralised&lang=ar" in hrefs
    assert "returns?fig=refugees_returned&lang=ar" in hrefs
    assert "timeline?fig=hostilities_resumed&lang=ar" in hrefs
    assert "#note-note_mining_company" in hrefs


@pytest.mark.parametrize("page", ["pages/demining.py", "pages/returns.py", "pages/timeline.py",
                                  "pages/original_text.py", "pages/data_method.py", "pages/01_x_y.py"])
def test_page_url_matches_how_streamlit_names_the_page(page):
    _, name = page_icon_and_name(Path(page))
    assert hl.page_url(page, {"fig": "a_b"}) == f"{name}?fig=a_b"
    assert hl.page_url(page, {}) == name


def test_the_selected_record_gets_the_strong_class_and_nothing_else_does(loaded):
    tree = parse(hl.article_html(loaded, "en", selected="explosive_objects_neutralised"))
    selected = [a for a, classes in tree.classes("mark") if "q-selected" in classes]
    assert {a["data-record"] for a in selected} == {"explosive_objects_neutralised"}
    # the Arabic quote (with the id) and its English translation
    assert [a.get("id") for a in selected] == ["q-explosive_objects_neutralised", None]
    assert tree.by_record["explosive_objects_neutralised"].endswith("more than 26,000 explosive objects")
    unselected = parse(hl.article_html(loaded, "en"))
    assert not [a for a, classes in unselected.classes("mark") if "q-selected" in classes]


def test_wire_boilerplate_is_greyed_and_labelled(loaded):
    tree = parse(hl.article_html(loaded, "en"))
    grey = {a["data-paragraph"] for a, classes in tree.classes("div") if "nd-boilerplate" in classes}
    assert grey == {"1", "5", "14"}
    labels = [a["data-boilerplate"] for a, _ in tree.classes("div") if "data-boilerplate" in a]
    assert labels == ["headline_repeat", "continues_marker", "footer"]
    text = "".join(tree.plain)
    assert "Wire boilerplate: the headline, repeated" in text
    assert "Wire boilerplate: continuation marker" in text


def test_notes_stand_at_the_sentence_they_concern(loaded):
    tree = parse(hl.article_html(loaded, "en"))
    order = tree.order
    assert order.index("note-note_claims_unverified") < order.index("p-0")
    assert order.index("p-6") < order.index("note-note_hectares_cleared") < order.index("p-7")
    assert order.index("p-8") < order.index("note-note_mining_company") < order.index("p-9")
    # the note's quote is marked in the seed and links to the note
    assert tree.by_id["q-note_mining_company"] == "الشركة الروسية للتعدين"


def test_notes_are_labelled_as_the_editors_reading_in_each_language(loaded):
    places = hl.note_places(loaded)
    note = places[6][0]
    english = hl.note_html(note, "en")
    assert "Editors&#x27; reading, not the source&#x27;s words" in english
    assert 'href="https://news.am/eng/news/678332.html"' in english
    arabic = hl.note_html(note, "ar")
    assert 'dir="rtl"' in arabic and "قراءة المحررين، وليست كلمات المصدر" in arabic


def test_a_script_in_a_translation_is_shown_as_text(loaded):
    evil = with_paragraph_translation(loaded, 3, 'He said <script>alert("x")</script> & left')
    page = hl.article_html(evil, "en")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left" in page
    parse(page)


def test_a_note_text_is_escaped(loaded):
    note = loaded.article.notes[0]
    evil = note.model_copy(update={"text": note.text.model_copy(update={"en": "<img src=x onerror=alert(1)>"})})
    assert "<img" not in hl.note_html(evil, "en")


def test_in_arabic_mode_the_arabic_column_comes_first_on_the_right(loaded):
    page = hl.article_html(loaded, "ar")
    assert page.startswith('<div class="nd-text" dir="rtl">')
    assert page.index("النص العربي الأصلي") < page.index("الترجمة الإنجليزية")
    assert hl.article_html(loaded, "en").startswith('<div class="nd-text" dir="ltr">')


# --- marking by offsets: overlaps and escaping ------------------------------------


def mark(record_id, start, end, kind="figure"):
    return Mark(record_id, kind, start, end, f"{record_id} <tip>", f"page?fig={record_id}", "Open")


def test_a_quote_inside_another_is_nested():
    text = "in <September> 2020 & after"
    out = hl.mark_text(text, [mark("event", 0, 19, "event"), mark("fig", 3, 14)])
    tree = parse(out)
    assert tree.by_id["q-event"] == text[0:19]
    assert tree.by_id["q-fig"] == "<September>"
    # both links come after the outer mark closes, so its text stays the quote
    assert out.index('href="page?fig=fig"') > out.rindex("</mark>")
    assert "".join(tree.plain) == text


def test_crossing_quotes_are_split_into_nested_pieces():
    text = "abcdefghij"
    out = hl.mark_text(text, [mark("a", 1, 6), mark("b", 4, 9)], selected="b")
    tree = parse(out)
    assert tree.by_id["q-a"] == "bcdef"
    assert tree.by_id["q-b"] == "ef"  # the first piece carries the id
    assert tree.by_record["b"] == "efghi"
    assert out.count('id="q-b"') == 1
    assert all("q-selected" in classes for a, classes in tree.classes("mark") if a["data-record"] == "b")
    assert "".join(tree.plain) == text


def test_marks_outside_the_text_or_empty_are_ignored():
    assert hl.mark_text("abc", [mark("x", 2, 9), mark("y", 1, 1)]) == "abc"


def test_a_quote_across_paragraphs_is_marked_in_each():
    marks = [mark("x", 3, 12)]
    first = hl.shifted(marks, 0, 5)
    second = hl.shifted(marks, 7, 10)
    assert (first[0].start, first[0].end) == (3, 5)
    assert (second[0].start, second[0].end) == (0, 5)


@st.composite
def texts_and_marks(draw):
    text = draw(st.text(alphabet="ab<>&\"' ع\n", min_size=1, max_size=30))
    count = draw(st.integers(0, 5))
    marks = []
    for i in range(count):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        marks.append(mark(f"r{i}", start, end))
    return text, marks


@settings(max_examples=300, deadline=None)
@given(texts_and_marks())
def test_any_marks_give_well_formed_html_that_keeps_the_text(case):
    text, marks = case
    tree = parse(hl.mark_text(text, marks, selected="r0"))
    assert "".join(tree.plain) == text
    for m in marks:
        # all pieces of a mark hold its quote; the piece with the id is its start
        assert tree.by_record[m.record_id] == text[m.start:m.end]
        assert text[m.start:m.end].startswith(tree.by_id[f"q-{m.record_id}"])


# --- the card and the scroll script -----------------------------------------------


def test_card_of_a_figure_keeps_its_qualifier_and_provenance(loaded):
    facts = dict(hl.record_facts(loaded, "explosive_objects_neutralised", "en"))
    assert facts["Value"] == "more than 26,000 explosive objects"
    assert facts["Quote"] == "أكثر من 26000 مادة متفجرة"
    assert facts["Translation"] == "more than 26,000 explosive objects"
    assert facts["Attributed to"] == "Andrei Rudenko, citing the efforts of the Russian defence ministry"
    assert facts["Source"] == "UrduPoint Network / Sputnik, 29 December 2021"
    assert not {"Record id", "Offsets", "Status"} & set(facts)  # a reader's card: no id, offsets or status
    details = dict(hl.record_details(loaded, "explosive_objects_neutralised", "en"))
    assert details == {"Record id": "explosive_objects_neutralised", "Status": "confirmed",
                       "Offsets": "characters 1037 to 1062 of 000_3a55c9cc56337ab1.txt"}
    card = hl.card_html(loaded, "explosive_objects_neutralised", "en")
    assert '<dd><bdi class="nd-quote" dir="rtl" lang="ar"' in card
    folded = card[card.index("<details>"):]
    assert folded.startswith("<details><summary>Data &amp; method details</summary>")
    assert "characters 1037 to 1062" in folded and "characters 1037" not in card[:card.index("<details>")]
    assert hl.record_label(loaded, "explosive_objects_neutralised", "en") == "Explosive objects detected and neutralised"
    parse(card)


def test_card_in_arabic_keeps_file_names_and_ids_in_their_own_direction(loaded):
    card = hl.card_html(loaded, "buildings_inspected", "ar")
    assert '<bdi dir="ltr">000_3a55c9cc56337ab1.txt</bdi>' in card
    assert '<bdi dir="ltr"><code>buildings_inspected</code></bdi>' in card
    assert "أردو بوينت نتورك / سبوتنيك، ٢٩ ديسمبر ٢٠٢١" in card


def test_card_of_an_event_gives_its_date_precision(loaded):
    facts = dict(hl.record_facts(loaded, "hostilities_resumed", "ar"))
    assert facts["التاريخ"] == "سبتمبر ٢٠٢٠ (معروف بالشهر فقط)"


def test_the_scroll_script_targets_the_selected_mark_and_holds_no_data(loaded):
    assert "mark.q-selected" in hl.SCROLL_TO_SELECTED_JS
    assert 'class="q q-figure q-selected"' in hl.article_html(loaded, "en", "buildings_inspected")
    body = hl.SCROLL_TO_SELECTED_JS.removeprefix("<script>").removesuffix("</script>")
    assert "<" not in body  # Streamlit's sanitizer drops a script holding '<' before a letter or digit
