"""Baseline for the browser benchmarks: a bare Streamlit app with one selectbox and one
prebuilt chart, started with `streamlit run` exactly like the dashboard.

The harness pickles two figures built by newsdash.charts.build_chart and names the file
in BENCH_FIGURES; the selectbox chooses which one is drawn.
"""

import os
import pickle
from pathlib import Path

import streamlit as st


@st.cache_resource(show_spinner=False)
def figures(path: str) -> dict:
    return pickle.loads(Path(path).read_bytes())


charts = figures(os.environ["BENCH_FIGURES"])
choice = st.selectbox("Chart", list(charts), key="bench_chart")
st.plotly_chart(charts[choice], key="bench_figure")
