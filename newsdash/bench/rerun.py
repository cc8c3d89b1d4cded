"""Page rerun: every page's warm rerun (AppTest) against baselines drawing the same output.

Each page is run once to record what it sends to the browser. From that recording the
baseline payloads are made, each built once and pickled:

- figures only: the page's Plotly figures, prebuilt, drawn with ``st.plotly_chart`` and
  nothing else (the floor the issue names; its budget applies to every page with charts);
- frozen figures (report only): the same, with the figures frozen as the dashboard
  caches them (newsdash.views.frozen_figure), so the ratio shows what the page costs beyond
  drawing its charts when both sides skip the per-rerun ``to_dict()``;
- same output: the figures drawn the same way, data frames through ``st.dataframe`` from
  prebuilt frames, widgets made again by their public calls with the same labels, options
  and values, and every other element and block re-sent exactly as recorded (the floor
  for a page that also shows text, metrics, links and filters).

The recorded figure JSON is the page's own figure, so the baselines draw exactly what the
page drew. The page and its baselines then run in turn, warm (nothing cleared), and the
medians are compared.
"""

from __future__ import annotations

import ast
import json
import pickle
import time
from contextlib import contextmanager
from pathlib import Path

from newsdash.bench.report import Row, median
from newsdash.data.corpus import PROJECT_ROOT

DASHBOARD = PROJECT_ROOT / "dashboard.py"
BASELINE_SCRIPT = PROJECT_ROOT / "bench" / "baselines" / "replay.py"
TIMEOUT_S = 120
BUDGET = 1.3


def dashboard_pages() -> list[str]:
    """The page paths registered in dashboard.py's PAGES, read without running it."""
    tree = ast.parse(DASHBOARD.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "PAGES" for t in node.targets):
            return [entry[0] for entry in ast.literal_eval(node.value)]
    raise RuntimeError("dashboard.py has no PAGES list")


LIKE_A_SERVER_CHECKED_ON = "1.67.0"  # the Streamlit whose AppTest like_a_server() was read on


def like_a_server() -> None:
    """Make AppTest rerun scripts the way a running server does, for pages and baselines
    alike. AppTest makes a new script cache at every run, so it compiles the entry script
    and the page again each time; and it resets Streamlit's "pages/ folder" flag, so every
    run goes through the legacy multipage path that `st.navigation` switches off on a
    server after the first run. Both costs exist only under AppTest.

    Streamlit has no setting for either: this replaces the two names AppTest._run looks up
    in its module (streamlit.testing.v1.app_test), read on LIKE_A_SERVER_CHECKED_ON. Should
    AppTest stop looking them up there, the replacement would silently change nothing and
    the benchmark would charge AppTest's costs to our pages: tests/test_bench.py fails on
    another Streamlit or when AppTest._run no longer does both."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test

    if getattr(app_test, "_bench_like_a_server", False):
        return
    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared

    class _PagesFlagKept(PagesManager):
        """AppTest resets the flag on this subclass; the one Streamlit reads stays as set."""

    app_test.PagesManager = _PagesFlagKept
    app_test._bench_like_a_server = True


def page_app(page: str, lang: str, query: dict | None = None):  # noqa: ANN201 - AppTest
    from streamlit.testing.v1 import AppTest

    like_a_server()
    at = AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT_S)
    for key, value in {"lang": lang, **(query or {})}.items():
        if key != "lang" or value != "en":
            at.query_params[key] = value
    if page != dashboard_pages()[0]:
        at.switch_page(page)
    return at


def baseline_app(payload: Path, mode: str):  # noqa: ANN201 - AppTest
    from streamlit.testing.v1 import AppTest

    like_a_server()
    at = AppTest.from_file(str(BASELINE_SCRIPT), default_timeout=TIMEOUT_S)
    at.session_state["bench_payload"] = str(payload)
    at.session_state["bench_mode"] = mode
    return at


@contextmanager
def recording():
    """Collect the ForwardMsgs of the AppTest runs made inside the block."""
    from streamlit.testing.v1 import local_script_runner as runner

    messages: list = []
    original = runner.parse_tree_from_messages

    def keep(msgs):  # noqa: ANN001, ANN202
        messages[:] = list(msgs)
        return original(msgs)

    runner.parse_tree_from_messages = keep
    try:
        yield messages
    finally:
        runner.parse_tree_from_messages = original


def replay_ops(messages: list) -> list[tuple]:
    """The recorded deltas as replay steps; figures and frames prebuilt once, here."""
    import plotly.graph_objects as go

    ops = []
    for msg in messages:
        if msg.WhichOneof("type") == "navigation":
            ops.append(_navigation(msg.navigation))
        if not msg.HasField("delta"):
            continue
        path, delta = tuple(msg.metadata.delta_path), msg.delta
        kind = delta.WhichOneof("type")
        if kind == "add_block":
            ops.append(("block", path, delta.add_block.SerializeToString()))
        elif kind == "new_element":
            element = delta.new_element
            field = element.WhichOneof("type")
            if field == "plotly_chart":
                chart = element.plotly_chart
                figure = go.Figure(json.loads(chart.spec))
                ops.append(("chart", path, figure, json.loads(chart.config or "{}")))
            elif field == "dataframe":
                ops.append(("dataframe", path, _frame(element.dataframe)))
            elif _is_widget(getattr(element, field)):
                ops.append(("widget", path, field, element.SerializeToString()))
            else:
                ops.append(("element", path, field, element.SerializeToString()))
    return ops


def _navigation(nav) -> tuple:  # noqa: ANN001
    """The page list the app registered, so the baseline runs in the same multipage shell."""
    pages = [(p.page_script_hash, p.page_name, p.icon, p.url_pathname) for p in nav.app_pages]
    return ("navigation", (), pages, nav.page_script_hash)


def _is_widget(proto) -> bool:  # noqa: ANN001
    """Widgets cannot be re-sent as recorded (their state lives in the session): the
    baseline makes them again with their public call (same label, options, value)."""
    return "form_id" in proto.DESCRIPTOR.fields_by_name


def _frame(proto):  # noqa: ANN001, ANN202
    import pyarrow as pa

    with pa.ipc.open_stream(proto.arrow_data.data) as reader:
        return reader.read_pandas()


def record(page: str, lang: str, folder: Path, query: dict | None = None):  # noqa: ANN201
    """Run the page cold once; pickle its replay steps; return the warm AppTest and payload."""
    at = page_app(page, lang, query)
    with recording() as messages:
        at.run()
    if at.exception:
        raise RuntimeError(f"{page} ({lang}) raised: {at.exception[0].message}")
    ops = replay_ops(messages)
    payload = folder / f"{Path(page).stem}_{lang}.pickle"
    payload.write_bytes(pickle.dumps(ops))
    return at, payload, sum(op[0] == "chart" for op in ops), len(ops)


def timed_run(at) -> float:  # noqa: ANN001
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"benchmark run raised: {at.exception[0].message}")
    return elapsed


def compare(apps: dict, runs: int) -> dict[str, list[float]]:
    """Run every app `runs` times, rotating the order each round so no app always
    runs first; two warm-up runs each are not counted."""
    for at in apps.values():
        timed_run(at)
        timed_run(at)
    times: dict[str, list[float]] = {name: [] for name in apps}
    names = list(apps)
    for i in range(runs):
        for name in names[i % len(names):] + names[: i % len(names)]:
            times[name].append(timed_run(apps[name]))
    return times


def measure_page(page: str, lang: str, folder: Path, runs: int) -> list[Row]:
    at, payload, charts, elements = record(page, lang, folder)
    apps = {"page": at, "same": baseline_app(payload, "replay"), "figures": baseline_app(payload, "figures")}
    if charts:
        apps["frozen"] = baseline_app(payload, "frozen figures")
    times = compare(apps, runs)
    ours = median(times["page"])
    name = f"{Path(page).stem} ({lang})"
    note = f"{charts} chart(s), {elements} elements"
    rows = [
        Row("Page rerun", f"{name}, figures-only baseline", ours, median(times["figures"]), "s",
            BUDGET if charts else None, runs,
            "vs the page's figures alone" + ("" if charts else ": no figures, an empty script (report only)")),
        Row("Page rerun", f"{name}, same output", ours, median(times["same"]), "s", BUDGET, runs,
            f"vs the same elements drawn by plain Streamlit calls; {note}"),
    ]
    if charts:  # what the page costs beyond its figures, when both draw them frozen
        rows.append(Row("Page rerun", f"{name}, frozen-figures baseline", ours, median(times["frozen"]), "s",
                        None, runs, "vs the same figures frozen as the page caches them (report only)"))
    return rows


def run(folder: Path, runs: int, langs: tuple[str, ...] = ("en", "ar")) -> list[Row]:
    rows: list[Row] = []
    for page in dashboard_pages():
        for lang in langs:
            rows += measure_page(page, lang, folder, runs)
    return rows
