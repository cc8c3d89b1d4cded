"""AppTest: the Overview's small charts can be downloaded too, with the same menu as under
the charts of the other pages (the measure's chart, with its title, source and credit)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app.downloads import download_menu_key
from newsdash.data.corpus import load_corpus
from newsdash.views.comparison import compare_article
from tests.conftest import DASHBOARD


def test_every_small_chart_on_the_overview_has_the_download_menu(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # HTML and CSV only: no browser is started
    corpus = load_corpus()
    chart_ids = [c.chart_id for c in compare_article(corpus.article(), corpus)]
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = "ar"
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == len(chart_ids) > 0
    assert not at.get("download_button")  # the menus are closed: nothing made yet
    for chart_id in chart_ids:
        at.session_state[download_menu_key(chart_id)] = True
    at.run()
    ids = [b.proto.id.split("-")[-1] for b in at.get("download_button")]
    assert ids == [f"download_{chart_id}_{fmt}" for chart_id in chart_ids for fmt in ("html", "csv")]
    assert [b.label for b in at.get("download_button")][:2] == [
        "صفحة HTML تفاعلية (تعمل دون اتصال)", "البيانات المرسومة مع مصادرها (CSV)"]
    assert all(json.loads(c.proto.spec) for c in at.get("plotly_chart"))
