"""Pages with nothing to draw say so in words, in both languages, instead of drawing an
empty axis: a data folder with no context series, and a timeline with no layer chosen."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import open_page


@pytest.fixture
def no_context_series(data_copy: Path) -> Path:
    """The shipped data with the demining and returns series emptied to their header row."""
    for name in ("returns_series.csv", "mod_demining_series.csv"):
        path = data_copy / "context" / name
        header = path.read_text(encoding="utf-8").splitlines()[0]
        path.write_text(header + "\n", encoding="utf-8")
    return data_copy


def infos(at) -> list[str]:  # noqa: ANN001
    return [info.value for info in at.info]


def chart_titles(at) -> list[str]:  # noqa: ANN001
    """The titles of the charts drawn: the page writes each above its plot (the figure on
    screen has none, newsdash.views.charts.screen_chart), one per st.plotly_chart."""
    heads = [m.value for m in at.markdown if 'role="heading"' in m.value]
    assert len(heads) == len(at.get("plotly_chart"))
    return [html.unescape(re.sub(r"<[^>]+>", "", re.search(r'role="heading"[^>]*>(.*?)</p>', h).group(1))) for h in heads]


def test_returns_without_context_series_says_so_and_keeps_the_bars(no_context_series):
    at = open_page("pages/returns.py")
    assert not at.exception
    assert ("Nothing to draw for “Returned to Karabakh (Russian side's count)”: no earlier report to set the "
            "article's figure against is in the context data or chosen. The article's figure: Returned to Karabakh "
            "(Russian side's count): more than 50,000 refugees.") in infos(at)
    assert chart_titles(at) == ["Armenians helped to return home: 127 people, 6.7 times as many as Azerbaijanis "
                                "helped to return home (19 people)"]  # no empty axis drawn
    assert [m.value for m in at.metric][0] == "50,000+ refugees"  # the figure itself is still shown


def test_returns_without_context_series_says_so_in_arabic(no_context_series):
    at = open_page("pages/returns.py", lang="ar")
    assert not at.exception
    assert any(text.startswith("لا شيء يُرسم في «العائدون إلى قره باغ (إحصاء الجانب الروسي)»") for text in infos(at))
    assert len(at.get("plotly_chart")) == 1


def test_demining_without_the_ministry_series_says_so_for_each_measure(no_context_series):
    at = open_page("pages/demining.py")
    assert not at.exception
    assert not at.get("plotly_chart")
    said = [text for text in infos(at) if text.startswith("Nothing to draw for")]
    assert len(said) == 4
    assert any("Buildings inspected: 1,937 buildings" in text for text in said)


@pytest.mark.parametrize(("lang", "start"), [
    ("en", "Nothing to draw for “The ceasefire and what followed”: no date falls in the layers and months chosen."),
    ("ar", "لا شيء يُرسم في «وقف إطلاق النار وما تلاه»: لا يقع أي تاريخ في الطبقات والأشهر المختارة."),
])
def test_a_timeline_with_no_layer_says_so_instead_of_an_empty_axis(lang, start):
    at = open_page("pages/timeline.py", lang=lang, timeline_layers="-")
    assert not at.exception
    assert any(text.startswith(start) for text in infos(at))
    assert not at.get("plotly_chart")


def test_the_claim_caveat_is_said_once_per_page_not_under_every_chart():
    at = open_page("pages/demining.py")
    caveat = "All figures are claims by Russia, a party to the ceasefire arrangements; none is independently verified."
    assert [w.value for w in at.warning if caveat in w.value] == [f"**These are claims, not verified facts.** {caveat}"]
    charts = at.get("plotly_chart")
    assert len(charts) == 4
    for chart in charts:  # neither in the plot nor in the words the page writes around it
        assert caveat not in chart.proto.spec
    assert not [m.value for m in at.markdown if caveat in m.value]


def test_exports_leave_out_a_chart_with_nothing_to_draw(no_context_series):
    from newsdash.data.corpus import load_corpus
    from newsdash.exports import presskit

    files = presskit.chart_files(load_corpus(no_context_series), no_context_series)
    stems = {f.stem for f in files}
    # the bars and the timeline have something to draw in both languages; the five series charts do not
    assert stems == {f"{slug}_2021-12-29_{lang}" for slug in ("returns-helped-home", "ceasefire-timeline")
                     for lang in ("en", "ar")}
    credits = {f.lang: next(a.text for a in f.figure.layout.annotations if a.name == "credit") for f in files}
    assert credits == {"en": "Graphic: the editors", "ar": "\u200fرسم بياني: المحررون\u200f"}  # the default credit
