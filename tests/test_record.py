"""Every confirmed article on the record: a measure's chart draws its context rows and
every article's figures on that measure, and comparisons reach across articles. Built on
a two-article corpus in tmp_path (tests/second_article.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsdash.data.corpus import load_corpus
from newsdash.reading.i18n import t
from newsdash.views import charts
from newsdash.views import data_pages as view
from newsdash.views.comparison import compare_article, in_words
from tests.second_article import SECOND_FIGURE, SECOND_ID, SECOND_SPEAKER, two_article_data

FIRST_ID = "2021-12-29-sputnik-rudenko-karabakh"
RETURNED = "returned_to_karabakh_cumulative"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    corpus = load_corpus(two_article_data(tmp_path_factory.mktemp("record")))
    assert corpus.errors == ()
    return corpus


def trace(fig, name):
    return next(tr for tr in fig.data if tr.name == name)


# 1/ THE ROWS AND THE DRAWING


def test_the_measure_chart_holds_both_articles_figures(corpus):
    first = corpus.article(FIRST_ID)
    rows = charts.chart_frame(first, corpus, RETURNED, "en")
    articles = rows[rows["is_article"]].set_index("article_id")
    assert articles.loc[FIRST_ID, ["series", "value", "date"]].tolist() == ["article", 50000, "2021-12-29"]
    assert articles.loc[SECOND_ID, ["series", "value", "date"]].tolist() == ["record", 34000, "2020-12-06"]
    assert articles.loc[SECOND_ID, "attributed_to"] == SECOND_SPEAKER
    assert articles.loc[SECOND_ID, "record_id"] == SECOND_FIGURE
    assert len(rows[~rows["is_article"]]) == 7  # the Russian side's running totals, unchanged


def test_the_other_article_is_a_point_at_34000_labelled_by_speaker_and_date(corpus):
    fig = charts.build_chart(corpus.article(FIRST_ID), corpus, RETURNED, "en")
    record = trace(fig, "Other articles' figures")
    assert (list(record.x), list(record.y)) == (["2020-12-06"], [34000])
    assert record.marker.color == charts.BLACK and record.marker.color != charts.ARTICLE_COLOUR
    assert record.marker.symbol == ("triangle-up",)  # "more than": still a lower bound
    assert record.error_y.array[0] > 0 and record.error_y.arrayminus == (0,)
    hover = record.hovertext[0]
    assert "more than 34,000 refugees" in hover and "2020-12-06" in hover
    assert f"Attributed to: {SECOND_SPEAKER}" in hover
    viewed = trace(fig, "The article's figure")  # the article being viewed, emphasised
    assert (list(viewed.y), viewed.marker.color, viewed.marker.size) == ([50000], charts.ARTICLE_COLOUR, 15)


def test_viewing_the_second_article_emphasises_its_own_point(corpus):
    fig = charts.build_chart(corpus.article(SECOND_ID), corpus, RETURNED, "ar")
    viewed = trace(fig, charts.RLM + "رقم المقال" + charts.RLM)
    assert (list(viewed.x), list(viewed.y)) == (["2020-12-06"], [34000])
    assert list(trace(fig, charts.RLM + "أرقام مقالات أخرى" + charts.RLM).y) == [50000]


def test_the_accessible_text_names_who_said_each_figure_and_when(corpus):
    first = corpus.article(FIRST_ID)
    chart = charts.get_chart(first, RETURNED, corpus)
    text = charts.alt_text(chart, first, "en")
    assert "Another article's figure: Russian defence ministry, 6 December 2020: more than 34,000 refugees." in text
    assert "This article's figure: Andrei Rudenko (reported speech: 'according to him'), 29 December 2021: " \
           "more than 50,000 refugees." in text
    assert "٦ ديسمبر ٢٠٢٠" in charts.alt_text(chart, first, "ar")


def test_each_record_point_links_to_its_sentence_in_its_article(corpus):
    first = corpus.article(FIRST_ID)
    [link] = view.record_links(charts.get_chart(first, RETURNED, corpus), first, "en")
    assert link.words == "Russian defence ministry, 6 December 2020: more than 34,000 refugees"
    assert (link.page, link.params) == ("pages/original_text.py", {"fig": SECOND_FIGURE, "article": SECOND_ID})


def test_the_chart_words_come_from_the_measure_not_the_article(corpus):
    fig = charts.build_chart(corpus.article(SECOND_ID), corpus, RETURNED, "en")
    measure = corpus.measures[RETURNED]
    assert fig.layout.title.text.startswith(f"<b>{measure.label.en}: ")  # the one name, then what the series did
    assert fig.layout.title.subtitle.text == measure.subtitle.en


def test_a_page_draws_one_chart_per_measure_with_something_to_draw(corpus):
    second = corpus.article(SECOND_ID)
    assert [c.id for c in view.page_charts(corpus, second, "demining")] == [
        "hectares", "road_km", "buildings", "explosive_objects"]  # the first article's figures and the context
    assert [c.figures for c in view.page_charts(corpus, second, "returns")][0] == [SECOND_FIGURE]
    assert view.own_charts(second, "returns") == []  # no bars of its own: nothing to draw, nothing raised


# 2/ COMPARISONS ACROSS ARTICLES


def test_the_latest_earlier_value_may_be_another_articles(corpus):
    first = corpus.article(FIRST_ID)
    only_early = corpus.context.returns[corpus.context.returns["as_of"] < "2020-12-01"]
    record = replace(corpus, context=replace(corpus.context, returns=only_early))
    [c] = [c for c in compare_article(first, record) if c.measure == RETURNED]
    assert (c.last.value, c.last.as_of, c.last.article_id, c.last.reported_by) == (
        34000, "2020-12-06", SECOND_ID, SECOND_SPEAKER)
    assert c.previous.value == 9000  # the context row before it
    assert in_words(c, "en") == ("above more than 34,000 refugees "
                                 "(6 December 2020, said by Russian defence ministry in another article)")
    assert "على لسان Russian defence ministry في مقال آخر" in in_words(c, "ar")


def test_with_the_whole_record_the_later_context_row_stays_the_latest(corpus):
    [c] = [c for c in compare_article(corpus.article(FIRST_ID), corpus) if c.measure == RETURNED]
    assert (c.last.value, c.last.as_of, c.last.article_id) == (50658, "2021-01-24", "")
    assert [r.value for r in c.history if r.article_id == SECOND_ID] == [34000]


def test_a_context_table_alone_compares_with_context_rows_only(corpus):
    [c] = compare_article(corpus.article(SECOND_ID), corpus.context)
    assert (c.last.value, c.last.as_of) == (9000, "2020-11-23")


# 3/ THE PAGES, IN BOTH LANGUAGES


@pytest.fixture
def two_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = two_article_data(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    return data


def open_in_navigation(page: str, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - AppTest
    """The entry script, then the page inside it as in a browser (AppTest would run a
    page of our `pages/` folder alone, without the language switch and article selector
    of the entry script: see tests/navigation_pages.py)."""
    from streamlit.testing.v1 import AppTest, app_test

    from tests.conftest import DASHBOARD
    from tests.navigation_pages import NavigationPages

    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    at.switch_page(page)
    return at.run()


def specs(at) -> list[dict]:  # noqa: ANN001 - AppTest
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def emphasised(spec: dict) -> list:
    return [y for tr in spec["data"] if tr.get("marker", {}).get("color") == charts.ARTICLE_COLOUR
            for y in tr.get("y") or []]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page", ["pages/demining.py", "pages/returns.py"])
@pytest.mark.parametrize("article", [SECOND_ID, FIRST_ID])
def test_demining_and_returns_draw_the_record_for_either_article(two_articles, monkeypatch, page, lang, article):
    at = open_in_navigation(page, monkeypatch)
    at.button_group(key="lang").set_value(lang).run()
    at.selectbox(key="article").set_value(article).run()  # the sidebar's article selector
    assert at.selectbox(key="article").value == article
    assert at.title[0].value == t("page_returns" if "returns" in page else "page_demining", lang)
    assert not at.exception, [e.value for e in at.exception]
    drawn = specs(at)
    assert drawn, "every page draws the record of its measures"
    if page == "pages/returns.py":
        returned = drawn[0]  # the first returns measure of data/measures.yaml
        assert emphasised(returned) == ([34000] if article == SECOND_ID else [50000])
        others = [y for tr in returned["data"] if tr.get("meta") == "record" for y in tr["y"]]
        assert others == ([50000] if article == SECOND_ID else [34000])
    if page == "pages/demining.py" and article == SECOND_ID:
        assert all(emphasised(spec) == [] for spec in drawn)  # no demining figure of its own
        assert not at.metric  # no tiles, a sentence instead
        assert at.info


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_an_article_without_a_timeline_says_so_in_words(two_articles, monkeypatch, lang):
    at = open_in_navigation("pages/timeline.py", monkeypatch)
    at.button_group(key="lang").set_value(lang).run()
    at.selectbox(key="article").set_value(SECOND_ID).run()
    assert not at.exception
    assert [i.value for i in at.info] == [t("no_timeline", lang)]
    assert not at.get("plotly_chart")
