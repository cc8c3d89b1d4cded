"""AppTest of the Add an article page: a pasted text gives candidates marked in the
text and in tables; unticked ones leave the draft; too large a text is refused."""

from __future__ import annotations

import yaml
from streamlit.testing.v1 import AppTest

from newsdash.curation.draft import MAX_ARTICLE_BYTES, seed_file_name
from newsdash.reading.candidates import extract
from newsdash.views import add_article as view
from tests.conftest import DASHBOARD, ROOT, open_page

SEED = (ROOT / "seeds" / "000_3a55c9cc56337ab1.txt").read_text(encoding="utf-8")
PAGE = "pages/add_article.py"


def open_add_article(lang: str = "en") -> AppTest:
    return open_page(PAGE, **({} if lang == "en" else {"lang": lang}))


def paste(at: AppTest, text: str) -> AppTest:
    return at.text_area(key="add_paste").input(text).run()


def marked(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "<mark" in m.value)


def test_before_any_text_the_page_says_what_to_do():
    at = open_add_article()
    assert not at.exception
    assert at.title[0].value == "Add an article"
    [editing, paste_first] = [i.value for i in at.info]
    assert editing.startswith("Saving is off: no editor sign-in is set up on this dashboard.")
    assert paste_first == "Paste a text or upload a file to see what the machine finds."


def test_a_pasted_article_shows_its_candidates_in_tables_and_in_the_text():
    at = paste(open_add_article(), SEED)
    assert not at.exception
    figures, events = (editor.value for editor in at.data_editor)
    assert list(figures["quote"]) == ["1937 مبنى", "2320 هكتارا", "683 كيلومترا", "أكثر من 26000 مادة متفجرة",
                                      "أكثر من 50 ألف لاجئ", "127 أرمنيًا", "19 أذربيجانيًا", "نحو شهر ونصف"]
    assert list(figures["reading"])[3] == "more than 26,000 explosive objects"
    assert list(figures["reading"])[7] == "about 1.5 months"
    assert set(figures["status"]) == {"unconfirmed"}
    assert list(events["reading"])[2] == "9 November 2020 (day)"
    assert list(events["reading"])[1] == "November 2020 (month only)"
    html = marked(at)
    assert html.startswith('<div dir="rtl" lang="ar"')
    assert html.count('<mark class="cand figure') == 8 and html.count('<mark class="cand event') == 5
    assert 'title="F4 · more than 26,000 explosive objects · qualifier word before the number · unconfirmed"' in html
    # the nationality nouns guess the unit (people): low confidence, said in the table and the text
    assert list(figures["confidence"]) == ["normal"] * 5 + ["low: check first"] * 2 + ["normal"]
    assert list(figures["why"])[5] == "unit guessed (people) from a nationality noun"
    assert html.count('<mark class="cand figure low"') == 2 and ">F6?</sup>" in html
    assert list(events["why"])[2] == "date as written"
    assert "No date chosen: using 29 December 2021, the dateline date found in the text." in [c.value for c in at.caption]
    assert "Kept: 8 of 8 figures, 5 of 5 dates." in [c.value for c in at.caption]


def test_an_unticked_candidate_is_struck_through_and_left_out_of_the_draft():
    at = paste(open_add_article(), SEED)
    key = view.editor_key("figures", SEED.strip().encode("utf-8"))
    at.session_state[key] = {"edited_rows": {1: {"keep": False}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "Kept: 7 of 8 figures, 5 of 5 dates." in [c.value for c in at.caption]
    html = marked(at)
    dropped = html.split('<mark class="cand figure dropped" title="F2 · 2,320 hectares · digits as written · '
                         'unconfirmed"')
    assert len(dropped) == 2 and dropped[1].split(">", 1)[1].startswith("2320 هكتارا<sup")
    assert html.count("dropped") == 1


def test_the_page_escapes_the_text_it_shows():
    at = paste(open_add_article(), "<script>alert('x')</script> more than 3,000 refugees <b>returned</b> in March 2021")
    html = marked(at)
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;returned&lt;/b&gt;" in html
    assert html.startswith('<div dir="ltr" lang="en"')


def test_in_arabic_the_labels_are_arabic_and_an_english_text_stays_left_to_right():
    at = paste(open_add_article("ar"), "Between 15 and 20 soldiers were wounded on 9 March 2021.")
    assert at.title[0].value == "إضافة مقال"
    figures = at.data_editor[0].value
    assert list(figures["reading"]) == ["بين ١٥ و٢٠ جندي"]
    assert set(figures["status"]) == {"غير مؤكد"}
    assert marked(at).startswith('<div dir="ltr" lang="en"')


def test_a_text_above_the_limit_is_refused_with_its_size():
    at = paste(open_add_article(), "ا" * (MAX_ARTICLE_BYTES // 2 + 10))
    assert not at.data_editor
    assert [e.value for e in at.error] == ["This text is 200,020 bytes; the limit is 200,000 bytes. Split the "
                                           "article or cut the boilerplate."]


def test_an_uploaded_file_wins_over_the_paste():
    at = open_add_article()
    at.file_uploader(key="add_upload").set_value(("article.txt", "عاد 50 ألف لاجئ في 9 نوفمبر 2020".encode(), "text/plain"))
    at.run()
    figures = at.data_editor[0].value
    assert list(figures["quote"]) == ["50 ألف لاجئ"]


def test_the_draft_for_the_ticked_candidates_validates_as_new_article_would_write_it(tmp_path):
    incoming = view.incoming(None, SEED)
    extraction = extract(incoming.text, "2021-12-29")
    draft = view.draft_for(incoming, extraction, seed_file_name(incoming.raw, ROOT / "seeds"), [0, 2, 3], [1])
    parsed = yaml.safe_load(draft.yaml_text)
    assert draft.file_name == "draft-34ecce79c2a75c3e.yaml"
    assert draft.seed_name == "000_3a55c9cc56337ab1.txt"  # the same bytes keep their seed name
    assert [f["id"] for f in parsed["figures"]] == ["figure_1", "figure_3", "figure_4"]
    assert [f["value"] for f in parsed["figures"]] == [1937, 683, 26000]
    assert [(e["id"], e["quote"]) for e in parsed["events"]] == [("event_2", "منذ تشرين الثاني/ نوفمبر 2020")]
    assert (draft.figures, draft.events, draft.left_out) == (3, 1, ())


DRAFT_FIGURE = """
  - id: armenians_draft
    status: draft
    label: {en: "[draft] 127 people", ar: "[مسودة] ١٢٧ شخص"}
    category: returns
    value: 127
    qualifier: exact
    unit: people
    period: {as_of: "2021-12-29"}
    attributed_to: "[draft] who?"
    quote: "127 أرمنيًا"
    translation: "[draft] translate"
"""


def test_a_draft_figure_in_the_data_stays_off_the_overview_and_the_export(data_copy):
    from newsdash.data.corpus import load_corpus
    from newsdash.data.tables import figures_frame
    from tests.conftest import ARTICLE

    path = data_copy / "articles" / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace("\nevents:", DRAFT_FIGURE + "\nevents:", 1),
                    encoding="utf-8")
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception and not at.error
    labels = [m.label for m in at.metric]
    assert len(labels) == 8 and not [label for label in labels if "[draft]" in label]
    assert "armenians_draft" not in set(figures_frame(load_corpus(data_copy))["id"])


def test_without_a_publication_date_there_is_no_draft_to_download():
    at = paste(open_add_article(), "عاد 50 ألف لاجئ في 9 نوفمبر")
    assert not at.exception
    events = at.data_editor[1].value
    assert list(events["reading"]) == ["?"] and list(events["keep"]) == [False]
    warning = "No publication date: dates without a year stay unresolved and out of the draft. Choose the date above."
    assert [w.value for w in at.warning] == [warning]
    assert at.info[-1].value == "Choose the publication date above to download a draft."
    assert not at.download_button
    at.date_input(key="add_published").set_value(__import__("datetime").date(2021, 12, 29)).run()
    assert list(at.data_editor[1].value["reading"]) == ["9 November 2021 (day)"]
    assert len(at.download_button) == 2


def test_a_pasted_bidi_override_is_refused_before_anything_is_marked():
    """Before: the marked text showed "7391 مبنى" while the candidate read 1,937."""
    at = paste(open_add_article(), "29 ديسمبر 2021\nتم فحص \u202e1937\u202c مبنى")
    assert not at.exception and not at.data_editor
    assert not [m for m in at.markdown if "<mark" in m.value]
    assert [e.value for e in at.error] == [
        "This file cannot be read as text: line 2: it contains the bidirectional control character U+202E "
        "(RIGHT-TO-LEFT OVERRIDE), which can reverse how the text around it reads; remove it."]


def test_an_uploaded_bidi_isolate_is_refused_too():
    at = open_add_article()
    at.file_uploader(key="add_upload").set_value(("a.txt", "عاد \u20661937\u2069 لاجئ".encode(), "text/plain"))
    at.run()
    assert not at.data_editor
    assert "U+2066 (LEFT-TO-RIGHT ISOLATE)" in at.error[0].value


def test_a_hostile_paste_shows_a_bounded_list_and_says_so():
    """Before: "1 " 99,500 times took 31 s on the page thread and printed every one."""
    at = paste(open_add_article(), "1 " * 99_500)
    assert not at.exception
    assert ("This text holds more than 300 candidate figures or dates; only the first 300 are shown. Split the "
            "article to check the rest.") in [w.value for w in at.warning]
    assert len(at.data_editor[0].value) <= 300
    assert marked(at).count("<mark") <= 300


def test_a_paste_that_takes_too_long_is_stopped_and_said(monkeypatch):
    from newsdash.curation import worker
    from newsdash.curation.worker import TooSlow

    def too_slow(text, chosen):  # noqa: ANN001, ANN202, ARG001
        raise TooSlow(worker.TIME_LIMIT_S)

    monkeypatch.setattr(worker, "read_bounded", too_slow)
    at = paste(open_add_article(), "نص يستغرق وقتا طويلا 12 مبنى")
    assert not at.exception and not at.data_editor
    assert [e.value for e in at.error] == ["Reading this text took longer than 10 seconds and was stopped. Is it "
                                           "an article? Split it or remove what is not prose."]


def test_the_page_reads_a_paste_in_a_child_process(monkeypatch, cold_caches):
    from newsdash.curation import worker

    calls = []
    real = worker.run_bounded

    def watched(module, function, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append((module, function))
        return real(module, function, *args, **kwargs)

    monkeypatch.setattr(worker, "run_bounded", watched)
    at = paste(open_add_article(), "عاد 50 ألف لاجئ في 9 نوفمبر 2020")
    assert list(at.data_editor[0].value["quote"]) == ["50 ألف لاجئ"]
    assert calls == [("newsdash.curation.worker", "read_article")]


def test_a_text_already_on_the_record_is_said_at_once_with_the_article_that_holds_it():
    """The record's own text pasted again (its line endings changed): one story, one article."""
    at = paste(open_add_article(), SEED.replace("\n", "\r\n"))
    assert not at.exception
    assert at.error[0].value.startswith("This text is already on the record as the article «")
    assert "(2021-12-29-sputnik-rudenko-karabakh): one story is one article." in at.error[0].value
