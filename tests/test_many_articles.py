"""With many articles the pages show one at a time, chosen in the sidebar (in the URL
as ?article=), never every article's figures, charts and flags at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.bench.scale import synthetic_corpus
from tests.conftest import DASHBOARD


@pytest.fixture
def three_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = synthetic_corpus(tmp_path, 3)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    return data


def run(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def selector(at: AppTest):  # noqa: ANN201
    return next(box for box in at.sidebar.selectbox if box.key == "article")


def test_one_article_draws_no_selector():
    at = run()
    assert not [box for box in at.sidebar.selectbox if box.key == "article"]


def test_the_overview_shows_one_article_chosen_in_the_sidebar(three_articles):
    at = run()
    assert not at.exception
    box = selector(at)
    assert box.options == ["29 December 2021 · Russian Foreign Ministry: Russian peacekeepers have strengthened security "
                           "in the Karabakh region"] * 3
    assert box.value == "bench-0000-sputnik-rudenko-karabakh"
    assert len(at.metric) == 8  # one article's figures, not 24
    box.set_value("bench-0002-sputnik-rudenko-karabakh").run()
    assert at.query_params["article"] == "bench-0002-sputnik-rudenko-karabakh"
    assert len(at.metric) == 8


def test_the_url_chooses_the_article(three_articles):
    at = run(article="bench-0001-sputnik-rudenko-karabakh")
    assert selector(at).value == "bench-0001-sputnik-rudenko-karabakh"


def test_data_and_method_lists_one_articles_rows_and_flags(three_articles):
    at = run("pages/data_method.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert (table.iloc[:, 0] == "Article figures").sum() == 8
    single = run("pages/data_method.py", article="bench-0001-sputnik-rudenko-karabakh")
    assert len(single.warning) == len(at.warning)
    assert len(at.warning) < 3  # the article's flag once, not once per article
