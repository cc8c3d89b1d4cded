"""Baseline for the browser benchmarks: a bare Streamlit app drawing prebuilt charts,
started with `streamlit run` exactly like the dashboard.

The harness pickles figures built by newsdash.views.charts.build_chart and names the file in
BENCH_FIGURES. By default a selectbox chooses the one chart drawn; with BENCH_MANY=1 a
multiselect chooses which of them are drawn, one under the other (the demining page's
four charts, for a like-for-like comparison). The page has the dashboard's shape (wide,
with a sidebar), so the charts are drawn at the same size. With BENCH_FREEZE_HEAP=1 it
freezes its heap after each run as the dashboard does (newsdash.app.heap), for the
benchmark's report-only comparison.
"""

import os
import pickle
from pathlib import Path

import streamlit as st

# The dashboard's page shape: wide layout beside a sidebar, so each chart is drawn at the
# same width as in the dashboard (a wider chart is a bigger drawing, a narrower a smaller).
st.set_page_config(layout="wide")
st.sidebar.caption("Baseline")


@st.cache_resource(show_spinner=False)
def figures(path: str) -> dict:
    return pickle.loads(Path(path).read_bytes())


charts = figures(os.environ["BENCH_FIGURES"])
if os.environ.get("BENCH_MANY"):
    for name in st.multiselect("Charts", list(charts), default=list(charts), key="bench_charts"):
        st.plotly_chart(charts[name], key=f"bench_figure_{name}")
else:
    choice = st.selectbox("Chart", list(charts)[:2], key="bench_chart")
    st.plotly_chart(charts[choice], key="bench_figure")

if os.environ.get("BENCH_FREEZE_HEAP"):
    from newsdash.app import heap

    heap.settle()
