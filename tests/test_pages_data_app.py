"""AppTest of the demining, returns and timeline pages, in both languages and from URLs
with filters set: the values, captions and charts shown."""

from __future__ import annotations

import html
import json
import re

from streamlit.testing.v1 import AppTest

from tests.conftest import open_page


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def titles(at: AppTest) -> list[str]:
    """The chart titles, which the page writes above each chart (the figure drawn on
    screen has none: newsdash.views.charts.screen_chart)."""
    heads = [m for m in at.markdown if 'role="heading"' in m.value]
    return [html.unescape(re.sub(r"<[^>]+>", "", re.search(r'<p[^>]*role="heading"[^>]*>(.*?)</p>', m.value).group(1)))
            for m in heads]


def names(at: AppTest) -> list[str]:
    """The measure each chart's title names: a computed title starts with the measure's one
    name, then says what its series did ('Roads cleared of explosives: steep rise ...')."""
    return [title.split(": ")[0] for title in titles(at)]


def listed_items(at: AppTest) -> list[str]:
    """The text of each item listed under the timeline (one HTML block each), as a reader sees it."""
    listed = [m for m in at.markdown if 'class="chart-words"' not in m.value]  # not a chart's title or notes
    firsts = [first for m in listed for first in re.findall(r"<div[^>]*><p[^>]*>(.*?)</p>", m.value)]
    return [html.unescape(re.sub(r"<[^>]+>", "", first)) for first in firsts]


def flags(at: AppTest) -> list[str]:
    """The warnings about the data (the page's claim caveat banner aside)."""
    return [w.value for w in at.warning if w.icon != ":material/campaign:"]


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def article_point(fig: dict) -> dict:
    return next(trace for trace in fig["data"] if trace.get("name") in ("The article's figure", "\u200fرقم المقال\u200f"))


# 1/ DEMINING


def test_demining_shows_the_four_figures_with_qualifiers_and_four_charts():
    at = open_page("pages/demining.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Buildings inspected": "1,937 buildings", "Land cleared or surveyed": "2,320 ha",
                       "Roads cleared of explosives": "683 km",
                       "Explosive objects neutralised": "26,000+ explosive objects"}
    assert "Showing all 4 measures." in captions(at)
    assert names(at) == ["Land cleared or surveyed", "Roads cleared of explosives",
                          "Buildings inspected", "Explosive objects neutralised"]
    assert article_point(figures(at)[2])["y"] == [1937]  # in the order of data/measures.yaml


def test_demining_warns_that_the_article_hectares_are_below_the_ministry_total():
    at = open_page("pages/demining.py")
    assert len(flags(at)) == 1
    warning = flags(at)[0]
    assert "2,320 hectares on 29 December 2021 (the article)" in warning
    assert "below the 2,326.6 hectares reported on 20 December 2021 (news.am, 20 Dec 2021)" in warning


def test_demining_links_each_chart_to_its_sentence():
    at = open_page("pages/demining.py")
    links = [link for link in at.get("page_link") if link.proto.label == "See the sentence"]
    assert len(links) == 4
    assert all(link.proto.page.endswith("original_text") or "original_text" in link.proto.page for link in links)


def test_demining_filter_from_the_url_shows_exactly_those_charts():
    at = open_page("pages/demining.py", demining_measures="hectares,road_km")
    assert not at.exception
    assert names(at) == ["Land cleared or surveyed", "Roads cleared of explosives"]
    caption = next(c for c in captions(at) if c.startswith("Showing"))
    assert caption == ("Showing 2 of 4 measures: Land cleared or surveyed, Roads cleared of explosives "
                       "(hidden: Buildings inspected, Explosive objects neutralised).")
    assert at.multiselect(key="demining_measures").value == ["hectares", "road_km"]
    assert at.query_params["demining_measures"] == "hectares,road_km"


def test_demining_filter_hiding_hectares_hides_its_warning():
    at = open_page("pages/demining.py", demining_measures="buildings")
    assert names(at) == ["Buildings inspected"]
    assert not flags(at)


def test_demining_changing_the_filter_writes_the_url():
    at = open_page("pages/demining.py")
    at.multiselect(key="demining_measures").set_value(["explosive_objects"]).run()
    assert at.query_params["demining_measures"] == "explosive_objects"
    assert names(at) == ["Explosive objects neutralised"]


def test_demining_linked_figure_comes_first_and_is_marked():
    at = open_page("pages/demining.py", fig="roads_cleared_km")
    assert names(at)[0] == "Roads cleared of explosives"
    assert at.info[0].value == "Opened from a link to this figure."


def test_demining_garbage_in_the_url_gives_the_default_view_and_a_notice():
    at = open_page("pages/demining.py", demining_measures="hectares,<script>")
    assert not at.exception
    assert len(titles(at)) == 4
    assert any("Ignored an unknown value for 'demining_measures'" in c for c in captions(at))


def test_demining_in_arabic():
    at = open_page("pages/demining.py", lang="ar", demining_measures="hectares,road_km")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["المباني التي تم فحصها"] == "١٬٩٣٧ مبنى"
    assert metrics["المواد المتفجرة التي تم إبطال مفعولها"] == "أكثر من ٢٦٬٠٠٠ مادة متفجرة"
    assert any(c.startswith("عرض ٢ من ٤ مقاييس: الأراضي التي تم تطهيرها أو مسحها") for c in captions(at))
    assert names(at)[0] == "الأراضي التي تم تطهيرها أو مسحها"
    assert "٢٬٣٢٠ هكتارًا في ٢٩ ديسمبر ٢٠٢١" in flags(at)[0]


# 2/ RETURNS


def test_returns_shows_the_figures_quotes_and_both_charts():
    at = open_page("pages/returns.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Returned to Karabakh (Russian side's count)": "50,000+ refugees", "Armenians helped to return home": "127 people",
                       "Azerbaijanis helped to return home": "19 people"}
    assert names(at) == ["Returned to Karabakh (Russian side's count)", "Return-bus departures from Yerevan (UNHCR count)",
                          "Still displaced in Armenia (Armenia/UN count)",
                          "Armenians helped to return home"]  # the bars' computed title starts with the larger count
    refugees, _, _, bars = figures(at)
    assert article_point(refugees)["y"] == [50000]
    assert article_point(refugees)["marker"]["symbol"] == "triangle-up"
    assert bars["data"][0]["x"] == [127, 19]
    said = [m.value for m in at.markdown if "Attributed to:" in m.value]  # one block per figure
    assert said[0].startswith("<div><p><strong>Returned to Karabakh (Russian side&#x27;s count)</strong>: more than 50,000 refugees</p>")
    quotes = [m.value for m in at.markdown if "<mark>" in m.value]
    assert any("<mark>أكثر من 50 ألف لاجئ</mark>" in q for q in quotes)
    assert any("<mark>127 أرمنيًا</mark>" in q for q in quotes)
    attributions = [m.value for m in at.markdown if m.value.count("Attributed to:")]
    assert len(attributions) == 3
    assert "Andrei Rudenko (reported speech: &#x27;according to him&#x27;)</bdi>" in attributions[0]
    assert at.dataframe[0].value.shape[0] == 12  # every sourced context row


def test_returns_series_filter_from_the_url():
    at = open_page("pages/returns.py", returns_series="returned_to_karabakh_cumulative")
    refugees = figures(at)[0]
    lines = [trace["name"] for trace in refugees["data"] if trace.get("mode") == "lines+markers"]
    assert lines == ["Returned to Karabakh (Russian side's count)"]
    assert any(c.startswith("Showing 1 of 3 context series: Returned to Karabakh") for c in captions(at))
    assert at.dataframe[0].value.shape[0] == 7


def test_returns_in_arabic():
    at = open_page("pages/returns.py", lang="ar")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["العائدون إلى قره باغ (إحصاء الجانب الروسي)"] == "أكثر من ٥٠٬٠٠٠ لاجئ"
    assert metrics["أرمن ساعدهم حفظة السلام على العودة"] == "١٢٧ شخصًا"
    assert names(at)[0] == "العائدون إلى قره باغ (إحصاء الجانب الروسي)"
    assert "عرض كل سلاسل سياق (٣)." in captions(at)


# 3/ TIMELINE


def test_timeline_default_hides_context_and_says_so():
    at = open_page("pages/timeline.py")
    assert not at.exception
    assert ("Showing 3 of 4 layers: The article's dates, Fighting, Period the demining totals cover "
            "(hidden: Context (other outlets)).") in captions(at)
    assert "Dates: the whole period, September 2020 to December 2021." in captions(at)
    names = {trace["name"] for trace in figures(at)[0]["data"]}
    assert names == {"The article's dates", "Fighting", "Period the demining totals cover"}


def test_timeline_lists_events_with_their_precision():
    at = open_page("pages/timeline.py")
    headings = listed_items(at)
    assert 'Hostilities resume in Karabakh ("the end of September 2020") · September 2020' in headings
    assert "Length of the fighting: about 1.5 months · 26 September 2020 – 10 November 2020" in headings
    assert "Trilateral statement signed · 9 November 2020" in headings
    september = next(m.value for m in at.markdown if "Hostilities resume" in m.value)
    assert "Date precision: month only" in september
    assert "<mark>في نهاية شهر أيلول/سبتمبر 2020</mark>" in september
    listed = next(m.value for m in at.markdown if "Hostilities resume" in m.value)
    links = re.findall(r'<a [^>]*href="original_text\?([^"]+)"[^>]*>See the sentence</a>', listed)
    assert len(links) == len(headings)  # each article date links to its sentence
    assert "fig=ceasefire_in_force" in links


def test_timeline_filters_from_the_url():
    at = open_page("pages/timeline.py", timeline_layers="article_events,context_events",
                   timeline_range="2020-11,2021-01")
    assert not at.exception
    names = {trace["name"] for trace in figures(at)[0]["data"]}
    assert names == {"The article's dates", "Context (other outlets)"}
    # 12 dated items less the 3 context events the article dates itself (drawn once, as the article's)
    assert "Dates: November 2020 to January 2021; 3 of 9 items fall outside and are hidden." in captions(at)
    assert at.select_slider(key="timeline_range").value == ("2020-11", "2021-01")
    headings = listed_items(at)
    assert "Joint Russian-Turkish ceasefire monitoring centre starts work in Aghdam district · 30 January 2021" in headings
    assert not any("Rudenko's statement" in h for h in headings)  # 29 Dec 2021 is outside the range


def test_timeline_changing_layers_writes_the_url():
    at = open_page("pages/timeline.py")
    at.multiselect(key="timeline_layers").set_value(["fighting"]).run()
    assert at.query_params["timeline_layers"] == "fighting"
    assert {trace["name"] for trace in figures(at)[0]["data"]} == {"Fighting"}


def test_timeline_in_arabic():
    at = open_page("pages/timeline.py", lang="ar", timeline_layers="article_events")
    assert not at.exception
    assert titles(at)[0].startswith("مدة المعارك: نحو ١٫٥ شهر حتى ١٠ نوفمبر ٢٠٢٠")  # the computed title
    assert any(c.startswith("عرض ١ من ٤ طبقات: تواريخ المقال") for c in captions(at))
    assert any("التواريخ: الفترة كلها، من سبتمبر ٢٠٢٠ إلى" in c for c in captions(at))


def test_returns_and_timeline_mark_the_linked_record():
    returns = open_page("pages/returns.py", fig="azerbaijanis_helped_home")
    assert [i.value for i in returns.info] == ["Opened from a link to this figure."]
    timeline = open_page("pages/timeline.py", fig="ceasefire_in_force")
    listed = next(m.value for m in timeline.markdown if "Opened from a link" in m.value)
    notice = listed.index('<div role="note"')
    assert listed.index("Opened from a link to this figure.") > notice  # just above the date it names
    assert listed.index("Ceasefire comes into force") > notice > listed.index("Trilateral statement signed")
