"""Built charts that will not change again, turned into a dict once instead of every rerun.

`st.plotly_chart` calls `figure.to_dict()` each time a page runs: a deep copy of every
trace and of the layout, then a walk over every value looking for arrays to encode. For
our charts that is most of what drawing one costs (the benchmark's profile: about 70 %
of `st.plotly_chart`). A chart the page cache holds is never changed after it is built,
so its dict can be made once, when it is cached, and handed to every run after that.

That dict is shared by every session that draws the chart, so a change made after the
freeze would either not be drawn (the figure changed, its dict not) or be drawn for
everyone (the dict changed in place). Neither may happen: a frozen figure refuses every
change, with FrozenFigureError, before anything is changed:
- the figure's own methods that change it (update_layout, add_trace, plotly_update, ...);
- attribute and item assignment on the figure (`f.data = ...`, `f["layout"] = ...`);
- assignment anywhere below it (`f.layout.title.text = ...`, `f.data[0].marker.color =
  ...`, `f.layout["title"] = ...`, `f.layout.update(...)`): plotly asks the figure whether
  it is in a batch update before it stores any property, and a frozen figure answers with
  the refusal;
- in-place changes of the values plotly hands out as they are: dicts and lists (under
  `layout.meta`, say) are read-only and numpy arrays (`f.data[0].y`) not writeable;
- the shared dict itself, as far as costs nothing at a rerun: in `f.to_dict()` every list
  is a tuple, and the top level and each trace refuse changes. The dicts below them
  (`["layout"]["title"]`, say) stay plain dicts, read-only by contract: the JSON encoder
  takes a dict subclass's items through a method call, which for the ~270 dicts of one of
  our charts (most of them plotly's template) cost about 0.06 ms a chart at every rerun,
  a tenth of drawing it (measured in CPU time against plain dicts).
To change a frozen chart, change a copy: `go.Figure(frozen)` is an ordinary figure.

plotly has no public way to make a figure read-only, so this module, and nothing else of
ours, rests on plotly's internals (checked on plotly CHECKED_ON):
- a figure keeps its properties in `_layout` (a dict) and `_data` (a dict a trace);
- every layout and trace object asks `figure._in_batch_mode` before it stores a property
  (BasePlotlyType._set_prop, _set_compound_prop, _set_array_prop, through its parent);
- a change below the figure reaches it through `_relayout_child` / `_restyle_child`;
- a copy, `go.Figure(frozen)`, pops each trace's "type" and puts it back
  (_plotly_utils.basevalidators.BaseDataValidator), and `pio.to_json` pops "uid".
tests/test_frozen_figure.py fails when plotly's version differs from CHECKED_ON or any of
these moved: check each again, then raise CHECKED_ON.
"""

from __future__ import annotations

from typing import NoReturn

import plotly.graph_objects as go

CHECKED_ON = "7.1.0"  # plotly
REFUSAL = "a FrozenFigure is read-only (its dict is shared by every page run): change a copy, go.Figure(frozen)"

# go.Figure's public methods whose names say they change the figure: every add_*,
# update_* and append_* (add_bar, update_xaxes, ...), plus these. Refused up front so the
# error names the method; whatever they reach is refused below them as well.
CHANGING_METHODS = ("update", "pop", "set_subplots", "plotly_update", "plotly_relayout", "plotly_restyle",
                    "batch_update", "batch_animate")


class FrozenFigureError(TypeError):
    """A frozen figure, or the dict it hands out, was asked to change."""


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    raise FrozenFigureError(REFUSAL)


class _ReadOnlyDict(dict):
    """A dict that refuses every change. Reading, `json.dumps` and `==` with a plain dict
    work as for a dict; a (deep) copy is a plain, changeable dict."""

    __setitem__ = __delitem__ = __ior__ = clear = popitem = setdefault = update = _refuse

    def pop(self, key: object, *default: object) -> object:
        # pio.to_json pops each trace's "uid", absent from a frozen dict: popping nothing
        # changes nothing and is allowed
        if key in self:
            _refuse()
        if not default:
            raise KeyError(key)
        return default[0]

    def __eq__(self, other: object) -> bool:
        # equal to the plain dict a go.Figure gives, whose lists are tuples here
        return _as_lists(self) == _as_lists(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __copy__(self) -> dict:
        return dict(self)

    def __deepcopy__(self, memo: dict) -> dict:
        from copy import deepcopy

        return {key: deepcopy(_as_lists(value), memo) for key, value in self.items()}

    def __reduce__(self):  # noqa: ANN204 - pickled and unpickled whole, not key by key
        return type(self), (dict(self),)


class _TraceStore(_ReadOnlyDict):
    """One trace's own properties in a frozen figure. plotly's copy, go.Figure(frozen),
    pops "type" from it and puts it back afterwards; done in place, another thread copying
    the same shared figure meanwhile would find no type and make a scatter of a bar chart.
    Here popping "type" only reads it, and putting the same type back changes nothing."""

    def pop(self, key: object, *default: object) -> object:
        if key == "type" and key in self:
            return self[key]
        return super().pop(key, *default)

    def __setitem__(self, key: object, value: object) -> None:
        if key != "type" or self.get(key) != value:
            _refuse()


def _as_lists(value: object) -> object:
    if isinstance(value, dict):
        return {key: _as_lists(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_lists(item) for item in value]
    return value


class _ReadOnlyList(list):
    """A list that refuses every change; its copies are plain lists."""

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __copy__(self) -> list:
        return list(self)

    def __deepcopy__(self, memo: dict) -> list:
        from copy import deepcopy

        return [deepcopy(value, memo) for value in self]

    def __reduce__(self):  # noqa: ANN204
        return type(self), (list(self),)


def read_only(value: object) -> object:
    """The value with every dict and list in it, at any depth, made read-only, and a numpy
    array not writeable (for the figure's stores, which are read rarely)."""
    if isinstance(value, dict):
        return _ReadOnlyDict((key, read_only(item)) for key, item in value.items())
    if isinstance(value, list):
        return _ReadOnlyList(read_only(item) for item in value)
    if hasattr(value, "flags") and hasattr(value.flags, "writeable"):  # a numpy array
        value.flags.writeable = False
    return value


def _tuples(value: object) -> object:
    """The value with every list in it a tuple; dicts stay plain (see the module's docstring)."""
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    return read_only(value)  # a numpy array: not writeable


def _shared(figure_dict: dict) -> _ReadOnlyDict:
    """The dict Streamlit encodes at every rerun. Lists become tuples: json encodes a tuple
    as it is and a list subclass by copying it first (+25 % a chart, measured)."""
    shared = {key: _tuples(value) for key, value in figure_dict.items()}
    shared["data"] = tuple(_TraceStore(trace) for trace in shared.get("data", ()))
    return _ReadOnlyDict(shared)


def _without_uids(figure_dict: dict) -> dict:
    # pio.to_json, and so st.plotly_chart, leaves trace uids out: popping them from a shared
    # dict would change it, so they are left out once, here
    for trace in figure_dict.get("data", []):
        trace.pop("uid", None)
    return figure_dict


class FrozenFigure(go.Figure):
    """A go.Figure whose `to_dict()` is worked out once, at construction, and which
    refuses every change after that (see the module's docstring)."""

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        frozen_dict = _shared(_without_uids(super().to_dict()))
        # the stores the layout and trace objects read from, read-only too
        object.__setattr__(self, "_layout", read_only(self._layout))
        object.__setattr__(self, "_data", [_TraceStore((name, read_only(value)) for name, value in trace.items())
                                           for trace in self._data])
        object.__setattr__(self, "_frozen_dict", frozen_dict)  # from here on, frozen

    @property
    def _is_frozen(self) -> bool:
        return "_frozen_dict" in self.__dict__

    @property
    def _in_batch_mode(self) -> bool:
        # Every layout and trace object asks its figure this before it stores a property
        # (plotly's _set_prop, _set_compound_prop, _set_array_prop), at any depth.
        if self._is_frozen:
            _refuse()
        return self.__dict__.get("_batch_mode_before_freeze", False)

    @_in_batch_mode.setter
    def _in_batch_mode(self, value: bool) -> None:
        if self._is_frozen:
            _refuse()
        self.__dict__["_batch_mode_before_freeze"] = value

    def __setattr__(self, name: str, value: object) -> None:
        if self._is_frozen:
            _refuse()
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        _refuse()

    def __setitem__(self, prop: str, value: object) -> None:
        if self._is_frozen:
            _refuse()
        super().__setitem__(prop, value)

    def _relayout_child(self, child: object, key_path_str: str, val: object) -> None:
        if self._is_frozen:  # a change under the layout that got past the batch-mode question
            _refuse()
        super()._relayout_child(child, key_path_str, val)

    def _restyle_child(self, child: object, key_path_str: str, val: object) -> None:
        if self._is_frozen:  # the same under a trace
            _refuse()
        super()._restyle_child(child, key_path_str, val)

    def to_dict(self) -> dict:
        return self._frozen_dict

    def __reduce__(self):  # noqa: ANN204 - a pickled frozen figure comes back frozen
        return type(self), (go.Figure(self),)


for _name in dir(go.Figure):
    if _name.startswith(("add_", "update_", "append_")) or _name in CHANGING_METHODS:
        setattr(FrozenFigure, _name, _refuse)


def freeze(figure: go.Figure) -> FrozenFigure:
    """The figure, frozen: drawing it again costs a JSON dump, not a deep copy first."""
    return figure if isinstance(figure, FrozenFigure) else FrozenFigure(figure)
