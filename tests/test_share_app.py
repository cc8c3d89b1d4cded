"""The chart's download menu shares and cites it (newsdash.app.share): the link to this view
with its filters, the embed code of the chart's standalone page and the citation, in the
page's language; and the chart's anchor on its page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app.downloads import download_menu_key
from newsdash.data.corpus import load_corpus
from newsdash.views.data_pages import page_charts
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from newsdash.views.charts import get_chart
from newsdash.app.downloads import show_chart
from newsdash.app.state import load_corpus

corpus = load_corpus()
loaded = corpus.article()
show_chart(get_chart(loaded, st.query_params["chart"], corpus), loaded, st.query_params.get("lang", "en"))
"""


def chart_id() -> str:
    corpus = load_corpus(ROOT / "data")
    loaded = corpus.article()
    return page_charts(corpus, loaded, loaded.article.figures[0].category)[0].id


def test_the_menu_gives_the_link_the_embed_code_and_the_citation_in_arabic(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # no images needed here
    chart = chart_id()
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.query_params.update({"chart": chart, "lang": "ar", "fig": "x"})
    at.session_state[download_menu_key(chart)] = True
    at.run()
    assert not at.exception
    link, embed, cite = (c.value for c in at.code)
    assert link.endswith(f"?chart={chart}&lang=ar#chart-{chart}") and "fig=" not in link
    assert f'<iframe src="/embed/chart/{chart}?lang=ar"' in embed and "addEventListener('message'" in embed
    assert "تاريخ الاسترجاع" in cite and link in cite
    assert [t.value for t in at.text] == ["رابط هذا الرسم البياني", "رمز التضمين (متجاوب)", "استشهد بهذا"]
    anchors = [m.value for m in at.markdown if f'id="chart-{chart}"' in m.value]  # in the chart's heading
    assert len(anchors) == 1
