"""Two replicas on one record folder: a link to an article this replica has not loaded
waits for it briefly or says so (English and Arabic), and never shows another article in
its place; and two real servers on one DASHBOARD_DATA_DIR, where an article saved through
the curation API shows on both within seconds."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.testing.v1 import AppTest, app_test

from newsdash.app import state
from newsdash.app.serve import loopback_server, stop, wait_healthy
from newsdash.curation import confirm as c
from newsdash.data import store
from tests import record_data as rd
from tests.conftest import DASHBOARD, ROOT
from tests.navigation_pages import NavigationPages
from tests.test_one_story import confirmed
from tests.wsclient import Session, run_async

pytestmark = pytest.mark.slow
NOT_HERE = {"en": "which is not on this dashboard", "ar": "وهي غير موجودة في لوحة البيانات هذه"}
FIRST_FIGURE = "1,937 buildings"  # what the latest article (the record's first) shows on the overview
FIRST_FIGURE_AR = "١٬٩٣٧ مبنى"


@pytest.fixture(autouse=True)
def navigation_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)  # pages run inside the entry script


@pytest.fixture
def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "record"
    store.fill_if_empty(folder, ROOT / "data")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    return folder


def visit(page: str = "pages/overview.py", **params: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def shown_values(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_link_to_an_article_not_on_the_record_says_so_and_shows_no_other(record: Path, lang: str,
                                                                            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(state, "ARTICLE_WAIT_SECONDS", 0.3)
    at = visit(lang=lang, article=rd.ARTICLE_ID)
    assert not at.exception
    [warning] = [w.value for w in at.warning]
    assert NOT_HERE[lang] in warning and f"`{rd.ARTICLE_ID}`" in warning
    assert shown_values(at) == [] and not at.get("plotly_chart")  # not the 1,937 buildings of another
    assert [b.label for b in at.button] == [state.t("open_latest_article", lang)]
    for page in ("pages/demining.py", "pages/original_text.py", "pages/data_method.py", "pages/timeline.py"):
        other = visit(page, lang=lang, article=rd.ARTICLE_ID)
        assert [NOT_HERE[lang] in w.value for w in other.warning] == [True], page
        assert not other.get("plotly_chart") and not other.metric, page
    at.button[0].click().run()  # the reader's choice: the latest article, said as such in the link
    assert {"en": FIRST_FIGURE, "ar": FIRST_FIGURE_AR}[lang] in shown_values(at)
    assert not [w for w in at.warning if NOT_HERE[lang] in w.value]


def test_a_link_to_markup_is_quoted_not_drawn(record: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(state, "ARTICLE_WAIT_SECONDS", 0.0)
    at = visit(article="![x](http://203.0.113.7/p.png)`<b>" + "y" * 300)
    [warning] = [w.value for w in at.warning]
    assert "``![x](http://203.0.113.7/p.png)`<b>" in warning and "y" * 81 not in warning


def test_an_article_saved_while_the_link_waits_is_shown(record: Path, monkeypatch: pytest.MonkeyPatch):
    """The link reached this replica a moment before the save's files did: the page waits,
    sees the new state, and shows the article linked."""
    article = confirmed(rd.seed_bytes(), record / "seeds")
    waiting, real = threading.Event(), state.article_arrives

    def arrives(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        waiting.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(state, "article_arrives", arrives)
    monkeypatch.setattr(state, "ARTICLE_WAIT_SECONDS", 30.0)  # returns as soon as the article is there

    def save_once_the_page_waits() -> None:
        assert waiting.wait(60)
        c.save_confirmed(article, rd.seed_bytes(), record)

    saver = threading.Thread(target=save_once_the_page_waits)
    saver.start()
    started = time.monotonic()
    at = visit(article=rd.ARTICLE_ID)
    saver.join(timeout=60)
    assert waiting.is_set() and not [w for w in at.warning if NOT_HERE["en"] in w.value] and not at.exception
    assert "34,000+ refugees" in shown_values(at) and FIRST_FIGURE not in shown_values(at)
    assert time.monotonic() - started < 30


# --- two real servers on one folder -----------------------------------------------------

async def overview(url: str, article: str) -> tuple[list[str], list[str]]:
    """One new session's first view of the overview with ?article=: (warnings, metric values)."""
    session = await Session.open(url)
    try:
        await session.send(BackMsg(rerun_script=ClientState(query_string=f"article={article}")))
        alerts, values = [], []
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(session.ws.recv(), 90))
            kind = msg.WhichOneof("type")
            if kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return alerts, values
            if kind == "script_finished":
                alerts, values = [], []  # it reran (the article arrived): what counts is the next run
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "alert":
                    alerts.append(element.alert.body)
                elif element.WhichOneof("type") == "metric":
                    values.append(element.metric.body)
    finally:
        await session.close()


def test_a_save_on_one_folder_shows_on_both_servers_within_seconds(tmp_path: Path):
    record = tmp_path / "record"
    store.fill_if_empty(record, ROOT / "data")
    env = {"DASHBOARD_DATA_DIR": str(record)}
    servers = [loopback_server(env=env, options=("--browser.gatherUsageStats", "false"), wait=False)
               for _ in range(2)]
    try:
        for proc, url in servers:
            wait_healthy(url, proc, timeout=120)
        (_, url_a), (_, url_b) = servers
        for url in (url_a, url_b):  # both have loaded the record; neither has the article
            alerts, values = run_async(overview(url, rd.ARTICLE_ID))
            assert any(NOT_HERE["en"] in a for a in alerts) and values == [], (alerts, values)
        c.save_confirmed(confirmed(rd.seed_bytes(), record / "seeds"), rd.seed_bytes(), record)
        saved = time.monotonic()
        seen = {}
        for name, url in (("b", url_b), ("a", url_a)):
            alerts, values = run_async(overview(url, rd.ARTICLE_ID))
            seen[name] = time.monotonic() - saved
            assert alerts == [] or not any(NOT_HERE["en"] in a for a in alerts), alerts
            assert "34,000+ refugees" in values and FIRST_FIGURE not in values, values
        print(f"a save shown on the other server after {seen['b']:.2f} s (a new session's first view)")
        assert seen["b"] < 15
    finally:
        for proc, _ in servers:
            stop(proc)
