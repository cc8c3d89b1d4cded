"""Built charts that will not change again, turned into a dict once instead of every rerun.

`st.plotly_chart` calls `figure.to_dict()` each time a page runs: a deep copy of every
trace and of the layout, then a walk over every value looking for arrays to encode. For
our charts that is most of what drawing one costs (the benchmark's profile: about 70 %
of `st.plotly_chart`). A chart the page cache holds is never changed after it is built,
so its dict can be made once, when it is cached, and handed to every run after that.
"""

from __future__ import annotations

import plotly.graph_objects as go


class FrozenFigure(go.Figure):
    """A go.Figure whose `to_dict()` is worked out once, at construction.

    Read-only by contract: the dict is shared by every caller, who may only read it
    (Streamlit serializes it to JSON; `go.Figure(frozen)` copies the traces and layout,
    not the dict). Changing a frozen figure would leave its dict stale, so the methods
    that change a figure in place refuse; copy it with `go.Figure(frozen)` to change it.
    """

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        self._frozen_dict = super().to_dict()

    def to_dict(self) -> dict:
        return self._frozen_dict

    def _refuse(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise TypeError("a FrozenFigure is read-only: change a copy, go.Figure(frozen)")

    update = update_layout = update_traces = add_trace = add_traces = add_annotation = _refuse
    add_shape = add_vline = add_hline = add_vrect = add_hrect = update_xaxes = update_yaxes = _refuse


def freeze(figure: go.Figure) -> FrozenFigure:
    """The figure, frozen: drawing it again costs a JSON dump, not a deep copy first."""
    return figure if isinstance(figure, FrozenFigure) else FrozenFigure(figure)
