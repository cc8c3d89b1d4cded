"""AppTest of every filtered page through the language switch: a filter set in English is
the same ids after switching to Arabic and back, in the widget and in the URL, and the
widget is sent its labels in the new language (the browser would keep the old ones).
The highlighted sentence on the original text (?fig=) goes through the same mechanism."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest, app_test

from newsdash.bench.scale import synthetic_corpus
from tests.conftest import DASHBOARD
from tests.navigation_pages import NavigationPages


@pytest.fixture
def open_with_switch(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)

    def open_(page: str) -> AppTest:
        at = AppTest.from_file(DASHBOARD, default_timeout=60)
        at.run()
        at.switch_page(page)
        at.run()
        assert not at.exception
        assert at.button_group(key="lang").value == "en"
        return at

    return open_


def switch(at: AppTest, lang: str) -> AppTest:
    at.button_group(key="lang").set_value(lang).run()
    assert not at.exception
    return at


def labels_sent(widget) -> list[str]:  # noqa: ANN001
    """The labels the server told the browser to show (a multiselect's chips, a select
    slider's ends), when it told it any: without them it keeps the old language's."""
    if not widget.proto.set_value:
        return []
    if widget.type == "selectbox":
        return [widget.proto.raw_value]
    return list(widget.proto.raw_values if widget.type == "multiselect" else widget.proto.raw_value)


def traces(at: AppTest) -> list[int]:
    """How many traces each chart on the page draws."""
    return [len(json.loads(chart.proto.spec)["data"]) for chart in at.get("plotly_chart")]


# page, multiselect key, the ids chosen, their labels in Arabic
MULTISELECTS = [
    ("pages/demining.py", "demining_measures", ["buildings", "hectares", "explosive_objects"],
     ["المباني التي تم فحصها", "الأراضي التي تم تطهيرها أو مسحها", "المواد المتفجرة التي تم إبطال مفعولها"]),
    ("pages/timeline.py", "timeline_layers", ["article_events", "demining_period"],
     ["تواريخ المقال", "الفترة التي تغطيها حصيلة إزالة الألغام"]),
    ("pages/returns.py", "returns_series", ["returned_to_karabakh_cumulative", "departures_on_return_buses_cumulative"],
     ["العائدون إلى قره باغ (إحصاء الجانب الروسي)", "المغادرون بحافلات العودة من يريفان (إحصاء المفوضية)"]),
    ("pages/data_method.py", "method_kinds", ["figure", "context_event"], ["أرقام المقال", "أحداث السياق"]),
]


@pytest.mark.parametrize(("page", "key", "ids", "arabic"), MULTISELECTS, ids=[m[1] for m in MULTISELECTS])
def test_a_multiselect_filter_keeps_its_ids_through_a_language_switch(open_with_switch, page, key, ids, arabic):
    at = open_with_switch(page)
    at.multiselect(key=key).set_value(ids).run()
    assert at.query_params[key] == ",".join(ids)
    drawn = traces(at)

    switch(at, "ar")
    assert at.query_params[key] == ",".join(ids)
    assert at.query_params["lang"] == "ar"
    assert at.multiselect(key=key).value == ids
    assert labels_sent(at.multiselect(key=key)) == arabic  # the chips relabelled in Arabic

    switch(at, "en")
    assert at.query_params[key] == ",".join(ids)
    assert "lang" not in at.query_params
    assert at.multiselect(key=key).value == ids
    assert traces(at) == drawn  # the same charts with the same traces
    assert not [c.value for c in at.caption if "Ignored an unknown value" in c.value]


def test_both_method_filters_keep_their_own_ids(open_with_switch):
    """Kinds stay a filter on kinds and categories one on categories."""
    at = open_with_switch("pages/data_method.py")
    at.multiselect(key="method_kinds").set_value(["figure"])
    at.multiselect(key="method_categories").set_value(["demining"]).run()
    rows = len(at.dataframe[0].value)
    switch(at, "ar")
    assert labels_sent(at.multiselect(key="method_kinds")) == ["أرقام المقال"]
    assert labels_sent(at.multiselect(key="method_categories")) == ["إزالة الألغام"]
    assert len(at.dataframe[0].value) == rows
    switch(at, "en")
    assert at.query_params["method_kinds"] == "figure"
    assert at.query_params["method_categories"] == "demining"
    assert at.multiselect(key="method_kinds").value == ["figure"]
    assert at.multiselect(key="method_categories").value == ["demining"]
    assert len(at.dataframe[0].value) == rows == 4


def test_the_date_range_keeps_its_months_through_a_language_switch(open_with_switch):
    at = open_with_switch("pages/timeline.py")
    at.select_slider(key="timeline_range").set_value(("2020-11", "2021-01")).run()
    assert at.query_params["timeline_range"] == "2020-11,2021-01"

    switch(at, "ar")
    slider = at.select_slider(key="timeline_range")
    assert at.query_params["timeline_range"] == "2020-11,2021-01"
    assert slider.value == ("2020-11", "2021-01")
    assert labels_sent(slider) == ["نوفمبر ٢٠٢٠", "يناير ٢٠٢١"]  # the slider shows the chart's months

    switch(at, "en")
    assert at.query_params["timeline_range"] == "2020-11,2021-01"
    assert at.select_slider(key="timeline_range").value == ("2020-11", "2021-01")
    assert any("November 2020 to January 2021" in c.value for c in at.caption)


def test_the_highlighted_sentence_keeps_its_id_through_a_language_switch(open_with_switch):
    at = open_with_switch("pages/original_text.py")
    at.selectbox(key="fig").set_value("hectares_surveyed").run()
    assert at.query_params["fig"] == "hectares_surveyed"

    switch(at, "ar")
    assert at.query_params["fig"] == "hectares_surveyed"
    assert at.selectbox(key="fig").value == "hectares_surveyed"
    assert labels_sent(at.selectbox(key="fig")) == ["الأراضي التي تم تطهيرها أو مسحها"]  # the measure's one name, no record id

    switch(at, "en")
    assert at.query_params["fig"] == "hectares_surveyed"
    assert at.selectbox(key="fig").value == "hectares_surveyed"
    assert not [c.value for c in at.caption if "Ignored an unknown value" in c.value]


def test_the_chosen_article_stays_chosen_through_a_language_switch(open_with_switch, tmp_path, monkeypatch):
    data = synthetic_corpus(tmp_path, 2)
    second = data / "articles" / "bench-0001.yaml"
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace('in the Karabakh region"', 'in the Karabakh region (second)"', 1)
                          .replace('    ar: "الخارجية الروسية: قوات حفظ السلام الروسية عززت الأمن في إقليم قره باغ"',
                                   '    ar: "الخارجية الروسية: قوات حفظ السلام الروسية عززت الأمن في إقليم قره باغ (الثاني)"', 1),
                      encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = open_with_switch("pages/demining.py")
    box = next(box for box in at.sidebar.selectbox if box.key == "article")
    assert len(set(box.options)) == 2  # two titles a reader can tell apart
    box.set_value("bench-0001-sputnik-rudenko-karabakh").run()
    assert at.query_params["article"] == "bench-0001-sputnik-rudenko-karabakh"

    switch(at, "ar")
    box = next(box for box in at.sidebar.selectbox if box.key == "article")
    assert at.query_params["article"] == "bench-0001-sputnik-rudenko-karabakh"
    assert box.value == "bench-0001-sputnik-rudenko-karabakh"
    assert labels_sent(box) == ["٢٩ ديسمبر ٢٠٢١ · الخارجية الروسية: قوات حفظ السلام الروسية عززت الأمن في إقليم قره باغ (الثاني)"]
