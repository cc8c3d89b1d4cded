"""Baseline for the page-rerun benchmark: Streamlit drawing prebuilt output, no app work.

The harness (newsdash/bench/rerun.py) pickles a page's recorded output and puts the file
in st.session_state["bench_payload"]. Mode "figures" draws only the prebuilt Plotly
figures with st.plotly_chart; "frozen figures" the same figures frozen as the dashboard
caches them (their dict made once, newsdash.views.frozen_figure); mode "replay" draws the same page with Streamlit's public
calls and the recorded arguments: figures and data frames through st.plotly_chart and
st.dataframe; text, headings, alerts and metrics through st.markdown, st.title, st.info,
st.metric, st.page_link...; widgets with the same labels, options and values; all of it
as the current page of an st.navigation with the app's page list. Blocks and the few
other elements are re-sent as recorded.
"""

import pickle
from pathlib import Path
from urllib.parse import parse_qsl

import streamlit as st
from streamlit.proto.Block_pb2 import Block
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.Slider_pb2 import Slider


@st.cache_resource(show_spinner=False)
def payload(path: str) -> list:
    return pickle.loads(Path(path).read_bytes())


@st.cache_resource(show_spinner=False)
def frozen_figures(path: str) -> list:
    """The same figures frozen as the dashboard's cache holds them (newsdash.views.frozen_figure)."""
    from newsdash.views.frozen_figure import freeze

    return [freeze(op[2]) for op in payload(path) if op[0] == "chart"]


def draw_figures(ops: list, frozen: list | None = None) -> None:
    charts = [op for op in ops if op[0] == "chart"]
    for i, op in enumerate(charts):
        st.plotly_chart(frozen[i] if frozen else op[2], key=f"bench_chart_{i}", config=op[3])


def _slider(parent, w, key: str) -> None:  # noqa: ANN001
    if w.type == Slider.Type.SELECT_SLIDER:
        values = [w.options[int(i)] for i in w.default]
        parent.select_slider(w.label, list(w.options), value=tuple(values) if len(values) == 2 else values[0], key=key)
    else:
        value = tuple(w.default) if len(w.default) == 2 else w.default[0]
        parent.slider(w.label, min_value=w.min, max_value=w.max, value=value, step=w.step or None, key=key)


def _button_group(parent, w, key: str) -> None:  # noqa: ANN001
    options = [o.content for o in w.options]
    chosen = [v for v in w.raw_values if v in options]
    parent.segmented_control(w.label, options, default=chosen[0] if chosen else None, key=key)


WIDGETS = {
    "download_button": lambda p, w, k: p.download_button(w.label, data=lambda: b"", key=k, on_click="ignore"),
    "multiselect": lambda p, w, k: p.multiselect(w.label, list(w.options), default=list(w.raw_values), key=k),
    "selectbox": lambda p, w, k: p.selectbox(w.label, list(w.options), index=w.default if w.options else None, key=k),
    "radio": lambda p, w, k: p.radio(w.label, list(w.options), index=w.default, key=k),
    "slider": _slider,
    "button_group": _button_group,
    "text_area": lambda p, w, k: p.text_area(w.label, value=w.default, key=k),
    "text_input": lambda p, w, k: p.text_input(w.label, value=w.default, key=k),
    "checkbox": lambda p, w, k: p.checkbox(w.label, value=w.default, key=k),
    "button": lambda p, w, k: p.button(w.label, key=k),
    "file_uploader": lambda p, w, k: p.file_uploader(w.label, key=k),
}


# Text elements through their public calls too, with the recorded (already built)
# arguments: the baseline pays what Streamlit itself pays to draw them.
def _markdown(p, m, k) -> bool:  # noqa: ANN001
    kinds = {1: p.markdown, 2: p.caption}
    if m.element_type in kinds:
        kinds[m.element_type](m.body, unsafe_allow_html=m.allow_html, help=m.help or None)
    elif m.element_type == 5:
        p.divider()
    else:
        return False
    return True


def _heading(p, h, k) -> bool:  # noqa: ANN001
    call = {"h1": p.title, "h2": p.header, "h3": p.subheader}.get(h.tag)
    if call is None:
        return False
    call(h.body, anchor=False if h.hide_anchor else (h.anchor or None), help=h.help or None)
    return True


def _alert(p, a, k) -> bool:  # noqa: ANN001
    call = {1: p.error, 2: p.warning, 3: p.info, 4: p.success}.get(a.format)
    if call is None:
        return False
    call(a.body, icon=a.icon or None)
    return True


def _metric(p, m, k) -> bool:  # noqa: ANN001
    p.metric(m.label, m.body, delta=m.delta or None, help=m.help or None, border=m.show_border)
    return True


TEXT = {"markdown": _markdown, "heading": _heading, "alert": _alert, "metric": _metric}


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
        elif kind == "widget" and op[2] in WIDGETS:
            WIDGETS[op[2]](parent, getattr(Element.FromString(op[3]), op[2]), f"bench_widget_{i}")
        elif kind == "element":
            proto = getattr(Element.FromString(op[3]), op[2])
            if not (op[2] in TEXT and TEXT[op[2]](parent, proto, i)):
                parent._enqueue(op[2], proto)  # page links and the rest: re-sent as recorded


def _page_link(p, link, k) -> bool:  # noqa: ANN001
    target = PAGES.get(link.page_script_hash)
    if target is None:
        return False
    p.page_link(target, label=link.label, icon=link.icon or None, query_params=dict(parse_qsl(link.query_string)))
    return True


TEXT["page_link"] = _page_link
PAGES: dict = {}


def in_the_same_shell(ops: list) -> None:
    """Run the replay as the current page of an st.navigation with the app's page list
    (so page links resolve as they do in the app), or alone when the app had none."""
    nav = next((op for op in ops if op[0] == "navigation"), None)
    if nav is None:
        replay(ops)
        return
    _, _, pages, current = nav
    for page_hash, name, icon, url in pages:
        body = (lambda: replay(ops)) if page_hash == current else (lambda: None)
        PAGES[page_hash] = st.Page(body, title=name, icon=icon or None, url_path=url or "home",
                                   default=page_hash == current)
    st.navigation(list(PAGES.values())).run()


ops = payload(st.session_state["bench_payload"])
if st.session_state.get("bench_mode") == "figures":
    draw_figures(ops)
elif st.session_state.get("bench_mode") == "frozen figures":
    draw_figures(ops, frozen_figures(st.session_state["bench_payload"]))
else:
    in_the_same_shell(ops)
