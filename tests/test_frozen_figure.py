"""A frozen figure (newsdash.views.frozen_figure) refuses every way of changing it, so the
dict made once at the freeze, which every page run sends, can never be stale: after each
refused change the figure, its dict and a copy of it still say what they said."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from newsdash.data.corpus import load_corpus
from newsdash.views import frozen_figure
from newsdash.views.charts import build_chart
from newsdash.views.frozen_figure import FrozenFigure, FrozenFigureError, freeze


def small_figure() -> FrozenFigure:
    return freeze(go.Figure(go.Bar(x=["roads", "buildings"], y=np.array([683, 1937]), name="article",
                                   meta={"source": ["ministry"]}),
                            layout={"title": {"text": "Cleared"}, "meta": {"notes": ["a"]},
                                    "xaxis": {"title": {"text": "measure"}}}))


def assert_unchanged(frozen: FrozenFigure) -> None:
    """The figure reads as frozen, its dict says the same, and so does a fresh copy of it."""
    assert frozen.layout.title.text == "Cleared"
    assert list(frozen.data[0].y) == [683, 1937] and len(frozen.data) == 1
    assert frozen.layout.meta == {"notes": ["a"]} and frozen.data[0].meta == {"source": ["ministry"]}
    drawn = json.loads(pio.to_json(frozen, validate=False))
    assert drawn["layout"]["title"]["text"] == "Cleared" and len(drawn["data"]) == 1
    assert drawn["layout"].get("annotations") is None and drawn["layout"].get("shapes") is None
    assert json.loads(pio.to_json(go.Figure(frozen), validate=False)) == drawn  # the objects agree with the dict


# 1/ EVERY WAY OF CHANGING IT IS REFUSED

ATTRIBUTE_CHANGES = {
    "layout.title.text = ...": lambda f: setattr(f.layout.title, "text", "changed"),
    "layout.title = {...}": lambda f: setattr(f.layout, "title", {"text": "changed"}),
    "layout['title'] = ...": lambda f: f.layout.__setitem__("title", {"text": "changed"}),
    "layout['title.text'] = ...": lambda f: f.layout.__setitem__("title.text", "changed"),
    "layout.xaxis.title.text = ...": lambda f: setattr(f.layout.xaxis.title, "text", "changed"),
    "layout.xaxis2 = {...} (a new subplot axis)": lambda f: setattr(f.layout, "xaxis2", {"title": {"text": "x"}}),
    "layout.annotations += (...)": lambda f: setattr(f.layout, "annotations", (*f.layout.annotations, {"text": "n"})),
    "layout.template = ...": lambda f: setattr(f.layout, "template", "plotly_dark"),
    "layout.template.layout.font.size = ...": lambda f: setattr(f.layout.template.layout.font, "size", 30),
    "layout.update(...)": lambda f: f.layout.update(title_text="changed"),
    "layout.meta[...] = ... (a dict handed out as is)": lambda f: f.layout.meta.__setitem__("notes", []),
    "layout.meta[...].append (a list inside it)": lambda f: f.layout.meta["notes"].append("b"),
    "data[0].y = ...": lambda f: setattr(f.data[0], "y", [1, 2]),
    "data[0].y[1] = ... (the numpy array in place)": lambda f: f.data[0].y.__setitem__(1, 7391),
    "data[0].marker.color = ...": lambda f: setattr(f.data[0].marker, "color", "red"),
    "data[0]['name'] = ...": lambda f: f.data[0].__setitem__("name", "changed"),
    "data[0].update(...)": lambda f: f.data[0].update(y=[1, 2]),
    "data[0].meta[...] = ...": lambda f: f.data[0].meta.__setitem__("source", "other"),
    "for_each_trace(a changing function)": lambda f: f.for_each_trace(lambda trace: trace.update(name="x")),
    "select_traces(), then set": lambda f: setattr(next(f.select_traces()), "name", "changed"),
}

FIGURE_CHANGES = {
    "data = (...)": lambda f: setattr(f, "data", (f.data[0], go.Bar(y=[2]))),
    "data = []": lambda f: setattr(f, "data", []),
    "data += (...)": lambda f: setattr(f, "data", (*f.data, go.Bar(y=[2]))),
    "layout = {...}": lambda f: setattr(f, "layout", {"title": {"text": "changed"}}),
    "frames = [...]": lambda f: setattr(f, "frames", [go.Frame(data=[go.Bar(y=[2])])]),
    "figure['layout'] = ...": lambda f: f.__setitem__("layout", {}),
    "figure['data'] = ...": lambda f: f.__setitem__("data", []),
    "del figure attribute": lambda f: delattr(f, "_grid_ref"),
    "update(...)": lambda f: f.update(layout_title_text="changed"),
    "update_layout(...)": lambda f: f.update_layout(title="changed"),
    "update_traces(...)": lambda f: f.update_traces(marker_color="red"),
    "update_xaxes(...)": lambda f: f.update_xaxes(title_text="changed"),
    "update_layout_images(...)": lambda f: f.update_layout_images(opacity=0.5),
    "add_trace(...)": lambda f: f.add_trace(go.Bar(y=[2])),
    "add_traces(...)": lambda f: f.add_traces([go.Bar(y=[2])]),
    "add_bar(...)": lambda f: f.add_bar(y=[2]),
    "append_trace(...)": lambda f: f.append_trace(go.Bar(y=[2]), 1, 1),
    "add_annotation(...)": lambda f: f.add_annotation(text="n"),
    "add_shape(...)": lambda f: f.add_shape(type="line", x0=0, x1=1, y0=0, y1=1),
    "add_vline(...)": lambda f: f.add_vline(x=1),
    "add_hrect(...)": lambda f: f.add_hrect(y0=0, y1=1),
    "plotly_update(...)": lambda f: f.plotly_update(relayout_data={"title.text": "changed"}),
    "plotly_relayout(...)": lambda f: f.plotly_relayout({"title.text": "changed"}),
    "plotly_restyle(...)": lambda f: f.plotly_restyle({"name": "changed"}),
    "batch_update()": lambda f: f.batch_update().__enter__(),
    "batch_animate()": lambda f: f.batch_animate().__enter__(),
    "pop('layout')": lambda f: f.pop("layout"),
    "set_subplots(...)": lambda f: f.set_subplots(rows=2, cols=1),
}

def add_a_trace_to(figure_dict: dict) -> None:
    figure_dict["data"] += [{"type": "bar"}]


def set_the_first_value_of(figure_dict: dict) -> None:
    figure_dict["data"][0]["x"][0] = "changed"


# The top level and each trace refuse with FrozenFigureError; every list is a tuple, which
# refuses on its own. (The dicts below, under "layout", stay plain: read-only by contract.)
DICT_CHANGES = {
    "to_dict()['layout'] = ...": lambda d: d.__setitem__("layout", {}),
    "del to_dict()['data']": lambda d: d.__delitem__("data"),
    "to_dict().update(...)": lambda d: d.update(layout={}),
    "to_dict().pop('layout')": lambda d: d.pop("layout"),
    "to_dict()['data'].append(...)": lambda d: d["data"].append({"type": "bar"}),
    "to_dict()['data'] += [...]": add_a_trace_to,
    "to_dict()['data'][0]['y'] = ...": lambda d: d["data"][0].__setitem__("y", [1]),
    "to_dict()['data'][0]['type'] = 'scatter'": lambda d: d["data"][0].__setitem__("type", "scatter"),
    "to_dict()['data'][0].pop('name')": lambda d: d["data"][0].pop("name"),
    "to_dict()['data'][0].update(...)": lambda d: d["data"][0].update(name="x"),
    "del to_dict()['data'][0]['name']": lambda d: d["data"][0].__delitem__("name"),
    "to_dict()['data'][0]['x'][0] = ...": set_the_first_value_of,
    "to_dict()['layout']['meta']['notes'][0] = ...": lambda d: d["layout"]["meta"]["notes"].__setitem__(0, "b"),
}


@pytest.mark.parametrize("change", ATTRIBUTE_CHANGES.values(), ids=ATTRIBUTE_CHANGES.keys())
def test_a_change_below_the_figure_is_refused_and_nothing_changes(change):
    frozen = small_figure()
    with pytest.raises((FrozenFigureError, ValueError), match="read-only"):
        change(frozen)
    assert_unchanged(frozen)


@pytest.mark.parametrize("change", FIGURE_CHANGES.values(), ids=FIGURE_CHANGES.keys())
def test_a_change_of_the_figure_is_refused_and_nothing_changes(change):
    frozen = small_figure()
    with pytest.raises(FrozenFigureError, match="read-only"):
        change(frozen)
    assert_unchanged(frozen)


@pytest.mark.parametrize("change", DICT_CHANGES.values(), ids=DICT_CHANGES.keys())
def test_the_shared_dict_refuses_changes_too(change):
    frozen = small_figure()
    with pytest.raises((FrozenFigureError, TypeError, AttributeError)):
        change(frozen.to_dict())
    assert_unchanged(frozen)


def test_the_shared_dict_equals_the_plain_one_and_is_sent_alike():
    frozen = small_figure()
    plain = go.Figure(frozen).to_dict()
    assert frozen.to_dict() == plain and plain == frozen.to_dict() and not frozen.to_dict() != plain
    assert pio.to_json(frozen.to_dict(), validate=False) == pio.to_json(plain, validate=False)
    assert frozen.to_dict() is frozen.to_dict()  # made once


def test_the_refusal_says_how_to_change_a_chart():
    with pytest.raises(FrozenFigureError) as refused:
        small_figure().layout.title.text = "changed"
    assert "change a copy, go.Figure(frozen)" in str(refused.value)
    assert isinstance(refused.value, TypeError)  # what callers caught before


def test_setting_a_value_to_what_it_already_is_changes_nothing():
    frozen = small_figure()
    frozen.layout.title.text = "Cleared"  # plotly sees no change and asks nothing
    assert_unchanged(frozen)


# 2/ WHAT STILL WORKS: READING, DRAWING, COPYING


def test_a_copy_is_an_ordinary_figure_that_accepts_every_change():
    frozen = small_figure()
    changed = go.Figure(frozen)
    changed.layout.title.text = "changed"
    changed.data[0].y = [1, 2]
    changed.add_annotation(text="n")
    assert not isinstance(changed, FrozenFigure)
    assert changed.to_dict()["layout"]["title"]["text"] == "changed"
    assert list(changed.to_dict()["data"][0]["y"]) == [1, 2]
    assert_unchanged(frozen)


def test_copies_of_the_dict_are_plain_and_changeable():
    frozen = small_figure()
    for plain in (copy.deepcopy(frozen.to_dict()), pickle.loads(pickle.dumps(copy.deepcopy(frozen.to_dict())))):
        plain["layout"]["title"]["text"] = "changed"
        plain["data"].append({})
    shallow = copy.copy(frozen.to_dict())
    shallow["width"] = 10
    assert "width" not in frozen.to_dict()
    assert_unchanged(frozen)


def test_a_figure_built_from_the_shared_dict_leaves_it_whole():
    # plotly's constructor pops each trace's "type" and puts it back: done to the shared
    # dict, a page drawn meanwhile would send a trace without its type
    frozen = small_figure()
    shared = frozen.to_dict()
    assert go.Figure(shared).data[0].type == "bar" and shared["data"][0]["type"] == "bar"
    assert go.Figure(copy.deepcopy(shared)).data[0].type == "bar"
    assert_unchanged(frozen)


def test_copying_never_leaves_a_trace_without_its_type_even_for_a_moment():
    # go.Figure(frozen) pops each trace's "type" and puts it back; a thread copying the same
    # figure in between would read no type and draw a scatter. The frozen stores keep it.
    frozen = small_figure()
    store = frozen.data[0]._props
    assert store.pop("type") == "bar" and store["type"] == "bar"
    copies = [go.Figure(frozen) for _ in range(3)]
    assert [c.data[0].type for c in copies] == ["bar"] * 3 and frozen.data[0].type == "bar"
    with pytest.raises(FrozenFigureError):
        store["type"] = "scatter"
    assert_unchanged(frozen)


def test_a_pickled_frozen_figure_comes_back_frozen_and_equal():
    frozen = small_figure()
    back = pickle.loads(pickle.dumps(frozen))
    assert isinstance(back, FrozenFigure) and back.to_dict() == frozen.to_dict()
    with pytest.raises(FrozenFigureError):
        back.layout.title.text = "changed"


def test_the_real_buildings_chart_keeps_1937_and_refuses_a_changed_bar():
    corpus = load_corpus()
    plain = build_chart(corpus.article(), corpus, "buildings", "en")
    frozen = freeze(plain)
    assert frozen.to_dict() == plain.to_dict()
    article = next(i for i, trace in enumerate(frozen.data) if trace.y is not None and 1937 in list(trace.y))
    with pytest.raises(FrozenFigureError):
        frozen.data[article].y = [7391]
    with pytest.raises(FrozenFigureError):
        frozen.layout.title.text = "changed"
    assert 1937 in list(frozen.to_dict()["data"][article]["y"])
    assert json.loads(pio.to_json(frozen, validate=False)) == json.loads(pio.to_json(plain, validate=False))


def test_streamlit_draws_a_frozen_figure_as_the_plain_one():
    from streamlit.testing.v1 import AppTest

    def app():
        import plotly.graph_objects as go
        import streamlit as st

        from newsdash.views.frozen_figure import freeze

        figure = go.Figure(go.Bar(x=["buildings"], y=[1937]), layout={"title": {"text": "Cleared"}})
        st.plotly_chart(freeze(figure), key="frozen")
        st.plotly_chart(figure, key="plain")

    at = AppTest.from_function(app).run()
    assert not at.exception
    frozen_spec, plain_spec = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart"))
    assert frozen_spec == plain_spec and frozen_spec["data"][0]["y"] == [1937]


# 3/ THE PLOTLY IT WAS CHECKED ON


def test_plotly_is_the_version_frozen_figures_were_checked_on():
    """On an upgrade: read each internal named in frozen_figure.py's docstring again, then
    raise CHECKED_ON."""
    import plotly

    assert plotly.__version__ == frozen_figure.CHECKED_ON


def test_plotly_still_stores_and_asks_where_a_frozen_figure_guards():
    import inspect

    from _plotly_utils.basevalidators import BaseDataValidator
    from plotly.basedatatypes import BaseFigure, BasePlotlyType

    built = inspect.getsource(BaseFigure.__init__)
    assert "self._data = [deepcopy(trace._props) for trace in data]" in built
    assert "self._layout = deepcopy(self._layout_obj._props)" in built
    assert "self._in_batch_mode = False" in built
    # every object below the figure asks its parent, up to the figure, before it stores
    assert "return self.parent and self.parent._in_batch_mode" in inspect.getsource(BasePlotlyType._in_batch_mode.fget)
    for store in (BasePlotlyType._set_prop, BasePlotlyType._set_compound_prop, BasePlotlyType._set_array_prop):
        assert "if not self._in_batch_mode:" in inspect.getsource(store), store.__name__
    assert callable(BaseFigure._relayout_child) and callable(BaseFigure._restyle_child)
    # what a copy and the JSON encoder do to a trace's own dict (see _TraceStore, _without_uids)
    copying = inspect.getsource(BaseDataValidator.validate_coerce)
    assert 'v_el.pop("type", "scatter")' in copying and 'v_el["type"] = trace_type' in copying
    assert 'trace.pop("uid", None)' in inspect.getsource(pio.to_json)
