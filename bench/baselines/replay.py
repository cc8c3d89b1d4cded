"""Baseline for the page-rerun benchmark: Streamlit drawing prebuilt output, no app work.

The harness (newsdash/bench/rerun.py) pickles a page's recorded output and puts the file
in st.session_state["bench_payload"]. Mode "figures" draws only the prebuilt Plotly
figures with st.plotly_chart; mode "replay" also re-sends every other element and block
as recorded (data frames through st.dataframe), so the page is compared with Streamlit
drawing exactly the same thing.
"""

import pickle
from pathlib import Path

import streamlit as st
from streamlit.proto.Block_pb2 import Block
from streamlit.proto.Element_pb2 import Element


@st.cache_resource(show_spinner=False)
def payload(path: str) -> list:
    return pickle.loads(Path(path).read_bytes())


def draw_figures(ops: list) -> None:
    for i, op in enumerate(o for o in ops if o[0] == "chart"):
        st.plotly_chart(op[2], key=f"bench_chart_{i}", config=op[3])


def replay(ops: list) -> None:
    containers = {(0,): st._main, (1,): st.sidebar}
    for i, op in enumerate(ops):
        kind, path = op[0], op[1]
        parent = containers.get(path[:-1])
        if parent is None:
            continue
        if kind == "block":
            containers[path] = parent._block(Block.FromString(op[2]))
        elif kind == "chart":
            parent.plotly_chart(op[2], key=f"bench_chart_{i}", config=op[3])
        elif kind == "dataframe":
            parent.dataframe(op[2], hide_index=True)
        elif kind == "element":  # widgets are left out: their state lives in the session
            element = Element.FromString(op[3])
            parent._enqueue(op[2], getattr(element, op[2]))


ops = payload(st.session_state["bench_payload"])
if st.session_state.get("bench_mode") == "figures":
    draw_figures(ops)
else:
    replay(ops)
