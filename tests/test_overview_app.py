"""AppTest of the overview page, with the real data and with broken data."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ARTICLE, DASHBOARD


def run(lang: str = "en") -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    return at.run()


def test_overview_shows_every_figure_with_its_qualifier():
    at = run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Buildings inspected"] == "1,937"
    assert metrics["Land surveyed"] == "2,320"
    assert metrics["Roads cleared of explosives"] == "683"
    assert metrics["Explosive objects detected and neutralised"] == "26,000+"
    assert metrics["Refugees returned home"] == "50,000+"
    assert metrics["Armenians helped to return home"] == "127"
    assert metrics["Azerbaijanis helped to return home"] == "19"
    assert metrics["Length of the fighting"] == "~1.5"
    captions = [c.value for c in at.caption]
    assert "more than 26,000 explosive objects" in captions
    assert "more than 50,000 refugees" in captions
    assert "about 1.5 months" in captions
    assert "1,937 buildings" in captions
    assert len(metrics) == 8


def test_overview_shows_source_card_and_caveat():
    at = run()
    assert "UrduPoint Network / Sputnik" in at.caption[0].value
    assert "Andrei Rudenko" in at.caption[0].value
    assert "Published: 29 December 2021" in at.caption[0].value
    assert "claims, not verified facts" in at.warning[0].value
    assert not at.error


def test_overview_in_arabic_uses_arabic_labels_and_digits():
    at = run("ar")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["مبانٍ تم فحصها"] == "١٬٩٣٧"
    assert metrics["مواد متفجرة تم اكتشافها وإبطال مفعولها"] == "أكثر من ٢٦٬٠٠٠"
    assert "أكثر من ٢٦٬٠٠٠ مادة متفجرة" in [c.value for c in at.caption]
    assert "تاريخ النشر: ٢٩ ديسمبر ٢٠٢١" in at.caption[0].value
    assert at.title[0].value.startswith("الخارجية الروسية")


def test_metric_help_carries_the_verbatim_quote():
    at = run()
    buildings = next(m for m in at.metric if m.label == "Buildings inspected")
    assert "تم فحص 1937 مبنى" in buildings.proto.help
    assert "Andrei Rudenko" in buildings.proto.help


def test_broken_data_shows_the_error_not_a_traceback(data_copy):
    path = data_copy / "articles" / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1937", "value: 1973"), encoding="utf-8")
    at = run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert f"{ARTICLE}:" in message
    assert "buildings_inspected: value: value 1,973 disagrees with the quote, which says 1,937" in message
    assert not at.metric
    assert at.info[0].value == "No valid article to show."


def test_a_confirmed_range_keeps_its_upper_bound_on_screen():
    from newsdash import overview
    from newsdash.models import Figure

    fig = Figure(id="displaced", label={"en": "Displaced", "ar": "نازحون"}, category="returns", value=30000,
                 value_max=40000, qualifier="range", unit="people", period={"as_of": "2021-12-29"},
                 attributed_to="x", quote="30 - 40 ألف", translation="30 to 40 thousand")
    assert overview.metric_value(fig, "en") == "30,000–40,000"
    assert overview.metric_caption(fig, "en") == "between 30,000 and 40,000 people"
    assert overview.metric_caption(fig, "ar") == "بين ٣٠٬٠٠٠ و٤٠٬٠٠٠ شخص"
