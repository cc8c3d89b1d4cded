"""The two things that make a warm rerun cheap: a chart whose dict form is made once
(newsdash.views.frozen_figure) and the process memo for page views (newsdash.app.memo)."""

from __future__ import annotations

import json
import threading

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from newsdash.app import memo
from newsdash.data.corpus import load_corpus
from newsdash.views.charts import build_chart
from newsdash.views.frozen_figure import FrozenFigure, freeze


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


# 1/ FROZEN FIGURES


@pytest.mark.parametrize("chart_id", ["buildings", "returned_to_karabakh_cumulative", "chart_helped_home", "chart_timeline"])
def test_a_frozen_chart_serializes_exactly_as_the_plain_one(corpus, chart_id):
    plain = build_chart(corpus.article(), corpus, chart_id, "ar")
    frozen = freeze(plain)
    assert frozen.to_dict() == plain.to_dict()
    # what st.plotly_chart sends: the same JSON (the order of layout keys may differ)
    assert json.loads(pio.to_json(frozen.to_dict(), validate=False)) == json.loads(pio.to_json(plain, validate=False))


def test_the_building_bar_is_still_1937_after_freezing(corpus):
    frozen = freeze(build_chart(corpus.article(), corpus, "buildings", "en"))
    article = [t for t in frozen.to_dict()["data"] if 1937 in list(t.get("y") or [])]
    assert article, "the article's 1,937 buildings are drawn"


def test_the_dict_is_made_once_and_shared():
    frozen = freeze(go.Figure(go.Bar(x=["a"], y=[1])))
    assert frozen.to_dict() is frozen.to_dict()
    assert freeze(frozen) is frozen  # freezing twice makes no second copy


def test_a_frozen_figure_refuses_changes_and_a_copy_accepts_them():
    frozen = freeze(go.Figure(go.Bar(x=["a"], y=[1]), layout={"title": {"text": "T"}}))
    for change in (lambda f: f.update_layout(title="x"), lambda f: f.add_trace(go.Bar(y=[2])),
                   lambda f: f.add_annotation(text="n"), lambda f: f.update_traces(marker_color="red")):
        with pytest.raises(TypeError, match="read-only"):
            change(frozen)
    copy = go.Figure(frozen)
    copy.update_layout(title="changed")
    assert not isinstance(copy, FrozenFigure)
    assert frozen.to_dict()["layout"]["title"]["text"] == "T"
    assert json.loads(pio.to_json(copy))["layout"]["title"]["text"] == "changed"


# 2/ THE MEMO


def test_memo_computes_once_per_key():
    calls = []
    store = memo.Memo(max_entries=4)
    assert store.get(("a", 1), lambda: calls.append(1) or "first") == "first"
    assert store.get(("a", 1), lambda: calls.append(2) or "second") == "first"
    assert store.get(("a", 2), lambda: calls.append(3) or "third") == "third"
    assert calls == [1, 3]


def test_memo_drops_the_least_recently_used_beyond_its_size():
    store = memo.Memo(max_entries=2)
    store.get("a", lambda: 1)
    store.get("b", lambda: 2)
    store.get("a", lambda: 0)  # "a" used again: "b" is now the oldest
    store.get("c", lambda: 3)
    assert len(store) == 2
    assert store.get("b", lambda: "recomputed") == "recomputed"
    assert store.get("c", lambda: "recomputed") == 3


def test_clear_all_empties_every_memo():
    first, second = memo.Memo(max_entries=2), memo.Memo(max_entries=2)
    first.get("x", lambda: 1)
    second.get("y", lambda: 2)
    memo.clear_all()
    assert (len(first), len(second)) == (0, 0)


def test_memo_is_safe_from_many_threads():
    store = memo.Memo(max_entries=8)
    results: list[int] = []

    def work(n: int) -> None:
        for i in range(200):
            results.append(store.get(i % 16, lambda i=i: (i % 16) * 10))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 1200
    assert all(value % 10 == 0 and value < 160 for value in results)
    assert len(store) == 8
