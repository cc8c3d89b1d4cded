"""Browser measures: first view, interaction and memory, in headless Chromium (Playwright)
against `streamlit run`, each compared with a bare one-chart Streamlit app started the
same way in the same run."""

from __future__ import annotations

import contextlib
import os
import pickle
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdash.app.serve import loopback_server, stop, wait_healthy
from newsdash.bench.report import Row, median
from newsdash.data.corpus import PROJECT_ROOT

CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")  # `--chromium` may name another
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
DASHBOARD = PROJECT_ROOT / "dashboard.py"
BASELINE_APP = PROJECT_ROOT / "bench" / "baselines" / "one_chart.py"
CHART_SVG = '[data-testid="stPlotlyChart"] .main-svg'
BUDGET_TIME = 1.3
BUDGET_MB = 30.0
TIMEOUT_MS = 90_000
DEMINING_CHARTS = ("buildings", "hectares", "road_km", "explosive_objects")  # measures of data/measures.yaml
TIMELINE_PAIR = ("timeline_default_layers", "timeline_with_context")  # before and after the click
FIRST_VIEW_PAGE = "demining"


def no_browser_reason(chromium: str = CHROMIUM) -> str | None:
    return None if Path(chromium).exists() else f"no Chromium at {chromium}"


# 1/ SERVERS


@dataclass
class App:
    name: str
    script: Path
    first_path: str  # the URL path whose first chart counts as the first view
    env: dict


BENCH_OPTIONS = ("--browser.gatherUsageStats", "false")  # the rest as .streamlit/config.toml has it, as deployed


def launch(app: App, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on a free loopback port (or the one given); returns without waiting for it."""
    return loopback_server(app.script, env=app.env, options=BENCH_OPTIONS, port=port, wait=False)


def free_ports(count: int) -> list[int]:
    """`count` different free loopback ports, for servers started before any has bound its
    own (a port asked for alone could come back twice)."""
    with contextlib.ExitStack() as held:
        sockets = [held.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def apps(folder: Path) -> dict[str, App]:
    """The dashboard, and the bare baseline app with prebuilt figures: one chart chosen
    by a selectbox (two demining charts; or the timeline as the dashboard draws it before
    and after the context layer is added), or (many) the demining page's four charts
    under a multiselect."""
    from newsdash.data.corpus import load_corpus
    from newsdash.views.charts import build_chart
    from newsdash.views.data_pages import DEFAULT_LAYERS

    corpus = load_corpus()
    loaded = corpus.article()
    demining = {chart_id: build_chart(loaded, corpus, chart_id, "en") for chart_id in DEMINING_CHARTS}
    timeline_id = next(c.id for c in loaded.article.charts if c.kind == "timeline")
    timeline = {name: build_chart(loaded, corpus, timeline_id, "en", layers=list(layers))
                for name, layers in zip(TIMELINE_PAIR, (DEFAULT_LAYERS, (*DEFAULT_LAYERS, "context_events")), strict=True)}
    paths = {"demining": folder / "baseline_demining.pickle", "timeline": folder / "baseline_timeline.pickle"}
    paths["demining"].write_bytes(pickle.dumps(demining))
    paths["timeline"].write_bytes(pickle.dumps(timeline))
    baselines = {"baseline": App("baseline", BASELINE_APP, "", {"BENCH_FIGURES": str(paths["demining"])}),
                 "baseline_timeline": App("baseline, the same two timelines", BASELINE_APP, "",
                                          {"BENCH_FIGURES": str(paths["timeline"])}),
                 "baseline_many": App("baseline, four charts", BASELINE_APP, "",
                                      {"BENCH_FIGURES": str(paths["demining"]), "BENCH_MANY": "1"})}
    frozen = {f"{key}_frozen": App(f"{app.name}, its heap frozen too", app.script, app.first_path,
                                   {**app.env, "BENCH_FREEZE_HEAP": "1"}) for key, app in baselines.items()}
    return {"dashboard": App("dashboard", DASHBOARD, FIRST_VIEW_PAGE, {}), **baselines, **frozen}


# 2/ FIRST VIEW


def first_view(browser, app: App) -> float:  # noqa: ANN001 - playwright Browser
    """Seconds from launching `streamlit run` to the first chart's SVG in the browser."""
    start = time.perf_counter()
    proc, url = launch(app)
    try:
        wait_healthy(url, proc, poll=0.05)
        context = browser.new_context(bypass_csp=True)  # its probes are expressions the app's CSP refuses
        page = context.new_page()
        page.goto(f"{url}/{app.first_path}")
        page.wait_for_selector(CHART_SVG, timeout=TIMEOUT_MS)
        elapsed = time.perf_counter() - start
        context.close()
        return elapsed
    finally:
        stop(proc)


# 3/ INTERACTION

SIGNATURE_JS = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg')];
  return charts.length + ':' + charts.map(svg => svg.innerHTML.length).join(',');
}"""


WATCH_JS = """([before, target]) => {
  const signature = """ + SIGNATURE_JS + """;
  window.__benchDrawn = null;
  const tick = () => {
    const current = signature();
    const final = target === null ? current !== before : current === target;
    if (final && document.querySelector('[data-stale="true"]') === null
        && document.querySelector('""" + CHART_SVG + """') !== null) {
      window.__benchDrawn = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def watch(page, before: str, target: str | None) -> None:  # noqa: ANN001
    """From the next frame on, watch for the moment (page clock, ms) the charts show
    `target`, how they end up (or, when that is not known yet, differ from before), and
    no element is still marked stale. Plotly redraws a chart in steps, and during a rerun
    new elements arrive while old ones are still shown: the first difference is not yet
    the updated page."""
    page.evaluate(WATCH_JS, [before, target])


def drawn_at(page) -> float:  # noqa: ANN001
    page.wait_for_function("() => window.__benchDrawn !== null", polling="raf", timeout=TIMEOUT_MS)
    return page.evaluate("() => window.__benchDrawn")


def changed(page, before: str) -> float:  # noqa: ANN001
    """Wait until the page has settled after a change; returns the page's clock then."""
    watch(page, before, None)
    return drawn_at(page)


NOTE_CLICK_JS = ("() => { window.__benchClick = null; document.addEventListener('click', "
                 "() => { window.__benchClick = performance.now(); }, {capture: true, once: true}); }")


@dataclass
class Session:
    """One open page whose filter is changed over and over; `target` is how its charts
    end up after the change, learnt on the warm-up run."""

    page: Any
    change: Change
    runs: int = 0
    target: str | None = None
    times: list[float] = field(default_factory=list)


def one_change(session: Session) -> None:
    """Untimed preparation, then a click on an option, timed by the page's own clock from
    the click event until the updated charts are drawn and nothing is stale. The first
    run is a warm-up that also learns how the charts end up."""
    page, i = session.page, session.runs
    page.wait_for_timeout(300)  # let the previous rerun settle
    session.change.prepare(page, i)
    before = page.evaluate(SIGNATURE_JS)
    page.evaluate(NOTE_CLICK_JS)
    watch(page, before, session.target)
    session.change.act(page, i)
    drawn = drawn_at(page)
    clicked = page.evaluate("() => window.__benchClick")
    if i:  # timed in the page, from the click event: Playwright's own waits before it do not count
        session.times.append((drawn - clicked) / 1000)
    session.target = page.evaluate(SIGNATURE_JS)
    session.runs += 1


def open_dropdown(page, widget_key: str) -> None:  # noqa: ANN001
    page.locator(f".st-key-{widget_key} [role=combobox]").first.click()
    page.get_by_role("option").first.wait_for(timeout=TIMEOUT_MS)


def click_option(page, option: str) -> None:  # noqa: ANN001
    page.get_by_role("option", name=option, exact=True).click()


@dataclass
class Change:
    """One filter change in the browser: `prepare` is not timed, `act` is; on the widget
    keyed `widget_key`, whose `options` it clicks."""

    name: str
    prepare: Callable
    act: Callable
    widget_key: str
    options: tuple[str, ...]


def add_back(widget_key: str, option: str) -> Change:
    """Take `option` out of a multiselect (untimed, if it is in), open the dropdown
    (untimed), then time choosing it again until the charts are drawn."""
    def prepare(page, i: int) -> None:  # noqa: ANN001
        remove = page.locator(f'.st-key-{widget_key} button[aria-label="Remove {option}"]')
        if remove.count():
            before = page.evaluate(SIGNATURE_JS)
            remove.click()
            changed(page, before)
            page.wait_for_timeout(300)
        open_dropdown(page, widget_key)

    return Change(f"{widget_key}: add {option!r}", prepare, lambda page, i: click_option(page, option),
                  widget_key, (option,))


def choose(widget_key: str, start: str, option: str) -> Change:
    """Set a selectbox back to `start` (untimed; it shows `start`, its first option, only
    before the first run), open it (untimed), then time choosing `option` until the chart
    is drawn."""
    def prepare(page, i: int) -> None:  # noqa: ANN001
        if i:
            before = page.evaluate(SIGNATURE_JS)
            open_dropdown(page, widget_key)
            click_option(page, start)
            changed(page, before)
            page.wait_for_timeout(300)
        open_dropdown(page, widget_key)

    return Change(f"{widget_key}: {start} to {option}", prepare, lambda page, i: click_option(page, option),
                  widget_key, (start, option))


# (row name, dashboard page, its filter change, baseline app, the baseline's change)
INTERACTIONS = (
    ("timeline: add a layer, one chart redrawn", "timeline", add_back("timeline_layers", "Context (other outlets)"),
     "baseline_timeline", choose("bench_chart", *TIMELINE_PAIR)),
    ("demining: add a measure back, four charts drawn", "demining",
     add_back("demining_measures", "Explosive objects neutralised"),
     "baseline_many", add_back("bench_charts", "explosive_objects")),
)


def interaction_turns(browser, apps: list[tuple[App, Change, str]], runs: int) -> list[list[float]]:  # noqa: ANN001
    """The dashboard and its baseline apps served at once, one change on each in turn
    (the order reversed every round), so a drift in the machine's load hits all alike.
    Returns each app's list of times."""
    procs = []
    try:
        sessions = []
        launched = []
        for (app, _change, _path), port in zip(apps, free_ports(len(apps)), strict=True):
            proc, url = launch(app, port)  # all started at once: none is measured while starting
            procs.append(proc)
            launched.append(url)
        for (_app, change, path), proc, url in zip(apps, procs, launched, strict=True):
            wait_healthy(url, proc, poll=0.05)
            page = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
            page.goto(f"{url}/{path}")
            page.wait_for_selector(CHART_SVG, timeout=TIMEOUT_MS)
            sessions.append(Session(page, change))
        for i in range(runs + 1):
            for session in (sessions if i % 2 else sessions[::-1]):
                one_change(session)
        for session in sessions:
            session.page.context.close()
        return [session.times for session in sessions]
    finally:
        for proc in procs:
            stop(proc)


# 4/ MEMORY


def open_sessions(browser, url: str, path: str, count: int) -> list:  # noqa: ANN001
    contexts = []
    for _ in range(count):
        context = browser.new_context(bypass_csp=True)  # its probes are expressions the app's CSP refuses
        page = context.new_page()
        page.goto(f"{url}/{path}")
        contexts.append((context, page))
    for _, page in contexts:
        page.wait_for_selector(CHART_SVG, timeout=TIMEOUT_MS)
    return contexts


def memory(browser, app: App, sessions: int) -> dict[str, float]:  # noqa: ANN001
    """Server RSS idle, after one session, and with `sessions` more open at once."""
    proc, url = launch(app)
    try:
        wait_healthy(url, proc, poll=0.05)
        time.sleep(1)
        idle = rss_mb(proc.pid)
        first = open_sessions(browser, url, app.first_path, 1)
        time.sleep(1)
        one = rss_mb(proc.pid)
        more = open_sessions(browser, url, app.first_path, sessions)
        time.sleep(2)
        many = rss_mb(proc.pid)
        for context, _ in first + more:
            context.close()
        return {"idle": idle, "one": one, "many": many, "per_session": (many - one) / sessions}
    finally:
        stop(proc)


# 5/ ALL OF IT


def measured_interactions(count: int | None) -> tuple:
    """The first `count` of INTERACTIONS (every one for None)."""
    return INTERACTIONS[:count]


def run(folder: Path, runs: int, interaction_runs: int, sessions: int, chromium: str = CHROMIUM,
        chromium_args: tuple[str, ...] = (), interactions: tuple = INTERACTIONS) -> list[Row]:
    from playwright.sync_api import sync_playwright

    targets = apps(folder)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=[*CHROMIUM_ARGS, *chromium_args])
        try:
            return (first_view_rows(browser, targets, runs)
                    + interaction_rows(browser, targets, interaction_runs, interactions)
                    + memory_rows(browser, targets, sessions))
        finally:
            browser.close()


def first_view_rows(browser, targets: dict[str, App], runs: int) -> list[Row]:  # noqa: ANN001
    ours, base = targets["dashboard"], targets["baseline"]
    views: dict[str, list[float]] = {"ours": [], "base": []}
    for _ in range(runs):  # alternate, so drifting load hits both alike
        views["ours"].append(first_view(browser, ours))
        views["base"].append(first_view(browser, base))
    return [Row("First view", f"`streamlit run` to first chart drawn ({ours.first_path})", median(views["ours"]),
                median(views["base"]), "s", BUDGET_TIME, runs, "vs bare one-chart app")]


def interaction_rows(browser, targets: dict[str, App], runs: int, interactions: tuple = INTERACTIONS) -> list[Row]:  # noqa: ANN001
    """Per change: the budget row against the bare baseline app, and a row (reported, no
    budget) against the same app with its heap frozen as the dashboard's is
    (newsdash.app.heap): what is left once the server's garbage collection is alike."""
    rows = []
    how = "served at the same time and changed in turn; click to the charts drawn as they end up, nothing stale"
    for name, path, change, baseline, base_change in interactions:
        apps = [(targets["dashboard"], change, path), (targets[baseline], base_change, ""),
                (targets[f"{baseline}_frozen"], base_change, "")]
        ours, base, frozen = interaction_turns(browser, apps, runs)
        rows.append(Row("Interaction", name, median(ours), median(base), "s", BUDGET_TIME, runs,
                        f"vs {targets[baseline].name} ({base_change.name}), {how}"))
        rows.append(Row("Interaction", f"{name}, frozen-heap baseline", median(ours), median(frozen), "s", None,
                        runs, f"vs {targets[f'{baseline}_frozen'].name}: reported, no budget"))
    return rows


def memory_rows(browser, targets: dict[str, App], sessions: int) -> list[Row]:  # noqa: ANN001
    ours, base = targets["dashboard"], targets["baseline"]
    mem_ours, mem_base = memory(browser, ours, sessions), memory(browser, base, sessions)
    return [
        Row("Memory", "server RSS idle", mem_ours["idle"], mem_base["idle"], "MB", None, 1, "vs bare app"),
        Row("Memory", f"server RSS with {sessions + 1} sessions", mem_ours["many"], mem_base["many"], "MB", None, 1,
            "vs bare app"),
        Row("Memory", "per-session increment", mem_ours["per_session"], BUDGET_MB, "MB", 1.0, 1,
            f"(RSS with {sessions + 1} sessions - RSS with 1) / {sessions}; baseline column is the budget, "
            f"bare app: {mem_base['per_session']:.1f} MB", {"ours": mem_ours, "baseline": mem_base}),
    ]
