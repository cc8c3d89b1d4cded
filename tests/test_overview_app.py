"""AppTest of the overview page, with the real data and with broken data."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import ARTICLE, DASHBOARD, ROOT


def run(lang: str = "en") -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    return at.run()


def test_overview_shows_every_figure_with_its_qualifier_and_unit():
    at = run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Buildings inspected"] == "1,937 buildings"
    assert metrics["Land cleared or surveyed"] == "2,320 ha"
    assert metrics["Roads cleared of explosives"] == "683 km"
    assert metrics["Explosive objects neutralised"] == "26,000+ explosive objects"
    assert metrics["Returned to Karabakh (Russian side's count)"] == "50,000+ refugees"
    assert metrics["Armenians helped to return home"] == "127 people"
    assert metrics["Azerbaijanis helped to return home"] == "19 people"
    assert metrics["Length of the fighting"] == "\\~1.5 months"  # Markdown-escaped: shown as ~1.5
    assert len(metrics) == 8
    # the unit is in the value: no grey caption repeats it under the tile
    captions = [c.value for c in at.caption]
    assert "more than 26,000 explosive objects" not in captions
    assert "1,937 buildings" not in captions


def test_overview_shows_source_card_and_caveat():
    at = run()
    assert "UrduPoint Network / Sputnik" in at.caption[0].value
    assert "Andrei Rudenko" in at.caption[0].value
    assert "Published: 29 December 2021" in at.caption[0].value
    assert "claims, not verified facts" in at.warning[0].value
    assert not at.error


def test_overview_in_arabic_uses_arabic_labels_digits_and_counted_units():
    at = run("ar")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["المباني التي تم فحصها"] == "١٬٩٣٧ مبنى"
    assert metrics["المواد المتفجرة التي تم إبطال مفعولها"] == "أكثر من ٢٦٬٠٠٠ مادة متفجرة"
    assert metrics["الأراضي التي تم تطهيرها أو مسحها"] == "٢٬٣٢٠ هكتارًا"  # 11-99 by the last two digits: singular accusative
    assert metrics["أرمن ساعدهم حفظة السلام على العودة"] == "١٢٧ شخصًا"
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
    from newsdash.data.models import Figure
    from newsdash.views import overview

    fig = Figure(id="displaced", label={"en": "Displaced", "ar": "نازحون"}, category="returns", value=30000,
                 value_max=40000, qualifier="range", unit="people", period={"as_of": "2021-12-29"},
                 attributed_to="x", quote="30 - 40 ألف", translation="30 to 40 thousand")
    assert overview.metric_value(fig, "en") == "30,000–40,000"
    assert overview.metric_caption(fig, "en") == "between 30,000 and 40,000 people"
    assert overview.metric_caption(fig, "ar") == "بين ٣٠٬٠٠٠ و٤٠٬٠٠٠ شخص"


def lede(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if 'class="nd-lede"' in h.proto.body)


def test_the_lede_compares_each_figure_with_the_last_earlier_report_and_links_its_sentence():
    at = run()
    assert not at.exception
    assert at.header[0].value == "What is new in this article, and what is not"
    text = lede(at)
    assert "5 of the article&#x27;s 8 figures can be set against an earlier report" in text
    assert ('<a href="original_text?fig=buildings_inspected">1,937 buildings</a>, the same number as the last '
            "earlier report (1,937 buildings, 20 December 2021)") in text
    assert "risen by 10 in 4 months, from 1,927 buildings on 20 August 2021" in text
    # from "more than 674 km" the rise is not known: no amount is worked out from a bound
    assert "risen by 9 " not in text and "risen by 69.6" not in text
    assert ("Before that report the series stood at more than 674 km on 20 August 2021, 4 months earlier; one of "
            "the two is a bound or an estimate, so how much it moved is not known.") in text
    assert ('<a href="original_text?fig=hectares_surveyed">2,320 hectares</a>, below the last earlier report '
            "(2,326.6 hectares, 20 December 2021)") in text
    assert ('<a href="original_text?fig=roads_cleared_km">683 km</a>, the same number as the last earlier report '
            "(more than 683 km, 20 December 2021)") in text
    assert ('<a href="original_text?fig=refugees_returned">more than 50,000 refugees</a>, a lower bound the last '
            "earlier report had already passed (50,658 refugees, 24 January 2021)") in text
    assert "the article came 11 months after it" in text
    assert '<a href="https://news.am/eng/news/678332.html" target="_blank" rel="noopener"><bdi>news.am, 20 Dec 2021' in text


def test_the_lede_in_arabic_has_arabic_digits_grammar_and_links_in_arabic():
    at = run("ar")
    text = lede(at)
    assert 'dir="rtl" lang="ar"' in text
    assert "عدد أرقام المقال التي يمكن مقارنتها بتقرير سابق من السلسلة نفسها: ٥ من ٨." in text
    assert ('<a href="original_text?fig=hectares_surveyed&amp;lang=ar">٢٬٣٢٠ هكتارًا</a>، أقل من آخر تقرير سابق '
            "(٢٬٣٢٦٫٦ هكتار، ٢٠ ديسمبر ٢٠٢١)") in text
    assert ('<a href="original_text?fig=roads_cleared_km&amp;lang=ar">٦٨٣ كم</a>، وهو الرقم نفسه في آخر تقرير '
            "سابق (أكثر من ٦٨٣ كم، ٢٠ ديسمبر ٢٠٢١)") in text
    assert "(٥٠٬٦٥٨ لاجئًا، ٢٤ يناير ٢٠٢١)" in text
    assert "صدر المقال بعد ١١ شهرًا من آخر تقرير" in text
    assert "ارتفعت السلسلة بمقدار ١٠ خلال ٤ أشهر" in text
    # Western digits only in link targets and in the sources' own titles, never in the sentences
    words = re.sub(r'href="[^"]*"|<bdi>.*?</bdi>', "", text)
    assert not re.search(r"[0-9]", words)


def test_one_small_chart_per_figure_with_an_earlier_report():
    at = run()
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = [c["layout"]["title"]["text"] for c in charts]
    # each measure's one name in bold, then what the small chart shows (tests/test_chart_findings.py)
    assert [" ".join(re.findall(r"<b>(.*?)</b>", title)) for title in titles] == [
        "Buildings inspected", "Land cleared or surveyed", "Roads cleared of explosives",
        "Explosive objects neutralised", "Returned to Karabakh (Russian side's count)"]
    hectares = charts[1]
    low, high = hectares["layout"]["yaxis"]["range"]
    assert 2000 < low < 2257 and 2326.6 < high < 2400  # August's more than 2,257 inside the frame


def _many_figures_corpus(root: Path, count: int) -> Path:
    """A copy of the data whose article gains `count` figures, each quoted from a new
    last paragraph of its seed (its digest recorded anew). Written as compact YAML by
    hand: the article file must stay under the loader's 1 MB limit."""
    import hashlib

    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    path = root / "data" / "articles" / ARTICLE
    text = path.read_text(encoding="utf-8")
    seed = root / "seeds" / re.search(r"^    file: (\S+)$", text, re.M).group(1)
    paragraphs = seed.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    seed.write_text("\n\n".join([*paragraphs, "، ".join(f"{100000 + i} مبنى" for i in range(count))]) + "\n",
                    encoding="utf-8")
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    text = re.sub(r"^    sha256: \w+$", f"    sha256: {digest}", text, count=1, flags=re.M)
    figures = "".join(
        f"  - {{id: s{i}, label: {{en: I{i}, ar: I{i}}}, category: d, value: {100000 + i}, "
        f"qualifier: exact, unit: buildings, period: {{as_of: '2021-12'}}, attributed_to: s, "
        f"quote: {100000 + i} مبنى, translation: t}}\n" for i in range(count))
    text = text.replace("figures:\n", "figures:\n" + figures, 1)
    paragraph = f"  - index: {len(paragraphs)}\n    kind: body\n    translation: Synthetic figures.\n"
    text = text.replace("\nnotes:\n", f"{paragraph}\nnotes:\n", 1)
    path.write_text(text, encoding="utf-8")
    return root / "data"


def test_an_article_with_5000_figures_gets_a_sortable_table_not_5000_tiles(tmp_path, monkeypatch):
    from newsdash.views.overview import MAX_TILES

    data = _many_figures_corpus(tmp_path, 5000)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = AppTest.from_file(DASHBOARD, default_timeout=180).run()
    assert not at.exception and not at.error
    assert len(at.metric) <= MAX_TILES
    assert len(at.metric) == 0
    table = at.dataframe[0].value
    assert len(table) == 5008
    assert table.iloc[0]["Figure"] == "100,000 buildings"
    assert table.iloc[4999]["Figure"] == "104,999 buildings"
    assert table.iloc[4999]["See the sentence"] == "original_text?fig=s4999"
    assert table.iloc[5000]["Figure"] == "1,937 buildings"
    assert any(c.value.startswith("This article states 5,008 figures") for c in at.caption)
    assert len(at.get("plotly_chart")) == 5  # the lede and its small charts stay
