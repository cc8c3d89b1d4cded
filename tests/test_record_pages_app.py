"""The second article on the record: confirmed through the same function the Add an
article form calls, then every page in both languages, on a data folder holding both
articles. No page raises; the first article's figures and pages are unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest, app_test

from newsdash.curation import confirm as c
from newsdash.curation.draft import build_draft
from newsdash.data.corpus import load_corpus
from newsdash.data.measures import load_measures
from newsdash.reading.candidates import extract, guess_published
from tests import record_data as rd
from tests.conftest import DASHBOARD
from tests.navigation_pages import NavigationPages

PAGES = ["pages/overview.py", "pages/demining.py", "pages/returns.py", "pages/timeline.py",
         "pages/original_text.py", "pages/data_method.py", "pages/add_article.py"]
FIRST_ID = "2021-12-29-sputnik-rudenko-karabakh"


def first_visit(page: str, **params: str) -> AppTest:
    """A first visit to the page's URL with its query parameters (?article=, ?lang=), the
    page run inside the entry script as on a server (see navigation_pages)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    assert at.button_group(key="lang").value == params.get("lang", "en")
    return at


@pytest.fixture(autouse=True)
def navigation_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest would run a switched-to page alone, without dashboard.py (its language and
    sidebar): tests/test_language_switch_app.py says why."""
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)


def confirm_second(data: Path) -> Path:
    raw = rd.seed_bytes()
    text = raw.decode("utf-8")
    measures = load_measures(data)[0]
    draft, left_out = build_draft(raw, text, extract(text, guess_published(text)), rd.SEED_NAME, measures=measures)
    assert left_out == []
    return c.save_confirmed(c.confirm(draft, c.form_defaults(draft) | rd.ANSWERS), raw, data)


def row_measure(corpus) -> str:  # noqa: ANN001
    """The measure of the context row citing the same ministry count (6 Dec 2020)."""
    table = corpus.context.returns
    return table[table["as_of"].astype(str).str.startswith("2020-12-06")].iloc[0]["measure"]


@pytest.fixture
def both(data_copy: Path) -> Path:
    confirm_second(data_copy)
    return data_copy


def test_both_articles_load_and_the_first_is_unchanged(both: Path) -> None:
    corpus = load_corpus(both)
    assert not [e for e in corpus.errors if not e.is_warning]
    assert sorted(a.id for a in corpus.articles) == [rd.ARTICLE_ID, FIRST_ID]
    first = corpus.article(FIRST_ID)
    assert first.raw == (rd.ROOT / "data" / "articles" / rd.FIRST_ARTICLE).read_bytes()
    assert [(f.id, f.value) for f in first.article.figures][:2] == [("buildings_inspected", 1937),
                                                                    ("hectares_surveyed", 2320)]
    second = corpus.article(rd.ARTICLE_ID)
    returns = second.article.figure("figure_1")
    assert (returns.value, returns.qualifier, returns.unit, returns.category) == (34000, "more_than", "refugees",
                                                                                   "returns")
    assert returns.measure == row_measure(corpus) == "returned_to_karabakh_cumulative"
    # the ministry's count is a point of the context series it belongs to: same day, same value
    returns_table = corpus.context.returns  # the row of the same claim in the context series
    row = returns_table[returns_table["as_of"].astype(str).str.startswith("2020-12-06")].iloc[0]
    assert (row["measure"], row["value"], row["qualifier"]) == ("returned_to_karabakh_cumulative", 34000,
                                                                "more_than")


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/demining.py"])
def test_a_link_without_an_article_opens_the_latest_published(both: Path, page: str) -> None:
    """The record's 2021 article (its file name sorts after the 2020 one's) is what a link
    without ?article= shows, and the selector lists the latest first: a newsroom that adds
    an older story does not send every shared link back to it. The URL then names the
    article, so the link a reader copies keeps its article when the latest changes."""
    at = first_visit(page)
    assert not at.exception
    box = next(box for box in at.sidebar.selectbox if box.key == "article")
    assert box.value == FIRST_ID
    assert box.options[0].startswith("29 December 2021 · ") and box.options[1].startswith("6 December 2020 · ")
    # and the link now names it: adding a later article will not move what it shows
    assert at.query_params["article"] == FIRST_ID


def test_the_arabic_chooser_writes_its_dates_in_arabic(both: Path) -> None:
    box = next(box for box in first_visit("pages/overview.py", lang="ar").sidebar.selectbox if box.key == "article")
    assert box.options[0].startswith("٢٩ ديسمبر ٢٠٢١ · ") and box.options[1].startswith("٦ ديسمبر ٢٠٢٠ · ")


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_first_article_as_before(both: Path, page: str, lang: str) -> None:
    at = first_visit(page, lang=lang, article=FIRST_ID)
    assert not at.exception, page
    if page != "pages/add_article.py":  # the one page about no article in particular
        assert next(box for box in at.sidebar.selectbox if box.key == "article").value == FIRST_ID


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_second_article(both: Path, page: str, lang: str) -> None:
    at = first_visit(page, lang=lang, article=rd.ARTICLE_ID)
    assert not at.exception, page
    if page != "pages/add_article.py":  # the one page about no article in particular
        assert next(box for box in at.sidebar.selectbox if box.key == "article").value == rd.ARTICLE_ID


@pytest.mark.parametrize(("lang", "tiles"), [
    # a figure on a measure goes by the measure's one name
    ("en", [("Returned to Karabakh (Russian side's count)", "34,000+ refugees"),
            ("Length of the fighting", "\\~1.5 months")]),
    ("ar", [("العائدون إلى قره باغ (إحصاء الجانب الروسي)", "أكثر من ٣٤٬٠٠٠ لاجئ"), ("مدة المعارك", "نحو ١٫٥ شهر")]),
])
def test_the_overview_shows_both_figures_as_tiles_the_qualifier_kept(both: Path, lang: str, tiles: list) -> None:
    """The ministry's count keeps its "more than"; the figure on no measure is a tile too."""
    at = first_visit("pages/overview.py", lang=lang, article=rd.ARTICLE_ID)
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == tiles


def traces_of(at: AppTest) -> dict[str, dict]:
    """Every trace of the page's charts, by name (the first chart holding that name)."""
    traces: dict[str, dict] = {}
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            traces.setdefault(trace.get("name"), trace)
    return traces


def test_the_ministry_count_is_drawn_on_the_returns_measure(both: Path) -> None:
    """Viewed, the second article's figure is the emphasised point of its measure's chart:
    6 Dec 2020, 34000, drawn as a lower bound (more than); the series row of the same day
    is drawn beside it."""
    traces = traces_of(first_visit("pages/returns.py", article=rd.ARTICLE_ID))
    point = traces["The article's figure"]
    assert (point["x"], point["y"], point["text"]) == (["2020-12-06"], [34000.0], ["more than 34,000 refugees"])
    assert point["marker"]["symbol"] == "triangle-up"
    series = traces["Returned to Karabakh (Russian side's count)"]
    assert series["y"][series["x"].index("2020-12-06")] == 34000.0
    assert traces["Other articles' figures"]["x"] == ["2021-12-29"]  # the first article, as the record


def test_viewing_the_first_article_the_second_stays_visible_as_the_record(both: Path) -> None:
    traces = traces_of(first_visit("pages/returns.py", article=FIRST_ID))
    assert traces["The article's figure"]["y"] == [50000.0]
    others = traces["Other articles' figures"]
    assert (others["x"], others["y"]) == (["2020-12-06"], [34000.0])
    assert "more than 34,000 refugees<br>2020-12-06<br>Attributed to: Russian defence ministry" in others["hovertext"][0]
