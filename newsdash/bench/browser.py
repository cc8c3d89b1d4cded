"""Browser measures: first view, interaction and memory, in headless Chromium (Playwright)
against `streamlit run`, each compared with a bare one-chart Streamlit app started the
same way in the same run."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsdash.bench.report import Row, median
from newsdash.corpus import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
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
BASELINE_CHARTS = ("chart_buildings", "chart_hectares")


def no_browser_reason() -> str | None:
    return None if Path(CHROMIUM).exists() else f"no Chromium at {CHROMIUM}"


# 1/ SERVERS


@dataclass
class App:
    name: str
    script: Path
    first_path: str  # the URL path whose first chart counts as the first view
    env: dict


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch(app: App) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on a free loopback port; returns without waiting for it."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **app.env}
    cmd = [sys.executable, "-m", "streamlit", "run", str(app.script), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def wait_healthy(proc: subprocess.Popen, url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"streamlit did not answer within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def apps(folder: Path) -> tuple[App, App]:
    """The dashboard and the bare baseline app (with its two prebuilt figures)."""
    from newsdash.charts import build_chart
    from newsdash.corpus import load_corpus

    corpus = load_corpus()
    loaded = corpus.article()
    figures = {chart_id: build_chart(loaded, corpus.context, chart_id, "en") for chart_id in BASELINE_CHARTS}
    path = folder / "baseline_figures.pickle"
    path.write_bytes(pickle.dumps(figures))
    return (App("dashboard", DASHBOARD, DASHBOARD_PAGE, {}),
            App("baseline", BASELINE_APP, "", {"BENCH_FIGURES": str(path)}))


# 2/ FIRST VIEW


def first_view(browser, app: App) -> float:  # noqa: ANN001 - playwright Browser
    """Seconds from launching `streamlit run` to the first chart's SVG in the browser."""
    start = time.perf_counter()
    proc, url = launch(app)
    try:
        wait_healthy(proc, url)
        context = browser.new_context()
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


def changed(page, before: str) -> None:  # noqa: ANN001
    """Wait until the rerun has finished drawing: the charts differ from before and no
    element is still marked stale (during a rerun new elements arrive while the old
    ones are still shown, so the first difference is not yet the updated page)."""
    page.wait_for_function(f"before => ({SIGNATURE_JS})() !== before && "
                           "document.querySelector('[data-stale=\"true\"]') === null && "
                           f"document.querySelector('{CHART_SVG}') !== null",
                           arg=before, polling="raf", timeout=TIMEOUT_MS)


def interaction_times(page, change: Change, runs: int) -> list[float]:  # noqa: ANN001
    """Each run: untimed preparation (open the dropdown), then the timed click on an
    option, until the charts on the page differ. The first run is a warm-up."""
    times = []
    for i in range(runs + 1):
        page.wait_for_timeout(300)  # let the previous rerun settle
        change.prepare(page, i)
        before = page.evaluate(SIGNATURE_JS)
        start = time.perf_counter()
        change.act(page, i)
        changed(page, before)
        if i:
            times.append(time.perf_counter() - start)
    return times


def open_dropdown(page, widget_key: str) -> None:  # noqa: ANN001
    page.locator(f".st-key-{widget_key} [role=combobox]").first.click()
    page.get_by_role("option").first.wait_for(timeout=TIMEOUT_MS)


def click_option(page, option: str) -> None:  # noqa: ANN001
    page.get_by_role("option", name=option, exact=True).click()


@dataclass
class Change:
    """One filter change in the browser: `prepare` is not timed, `act` is."""

    name: str
    prepare: Callable
    act: Callable


def _remove_then_open(page, i: int) -> None:  # noqa: ANN001
    before = page.evaluate(SIGNATURE_JS)
    page.locator(f'.st-key-{DASHBOARD_FILTER} button[aria-label="Remove {DASHBOARD_OPTION}"]').click()
    changed(page, before)
    page.wait_for_timeout(300)
    open_dropdown(page, DASHBOARD_FILTER)


DASHBOARD_PAGE = "demining"
DASHBOARD_FILTER = "demining_measures"
DASHBOARD_OPTION = "Land surveyed"
DASHBOARD_CHANGE = Change(
    f"add a measure back to the filter to the updated charts drawn ({DASHBOARD_PAGE})",
    _remove_then_open, lambda page, i: click_option(page, DASHBOARD_OPTION))
BASELINE_CHANGE = Change(
    "choose the other chart in the selectbox",
    lambda page, i: open_dropdown(page, "bench_chart"),
    lambda page, i: click_option(page, BASELINE_CHARTS[(i + 1) % 2]))


def interaction(browser, app: App, change: Change, runs: int) -> list[float]:  # noqa: ANN001
    proc, url = launch(app)
    try:
        wait_healthy(proc, url)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{url}/{app.first_path}")
        page.wait_for_selector(CHART_SVG, timeout=TIMEOUT_MS)
        times = interaction_times(page, change, runs)
        context.close()
        return times
    finally:
        stop(proc)


# 4/ MEMORY


def open_sessions(browser, url: str, path: str, count: int) -> list:  # noqa: ANN001
    contexts = []
    for _ in range(count):
        context = browser.new_context()
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
        wait_healthy(proc, url)
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


def run(folder: Path, runs: int, interaction_runs: int, sessions: int) -> list[Row]:
    from playwright.sync_api import sync_playwright

    ours, base = apps(folder)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _measure(browser, ours, base, runs, interaction_runs, sessions)
        finally:
            browser.close()


def _measure(browser, ours: App, base: App, runs: int, interaction_runs: int, sessions: int) -> list[Row]:  # noqa: ANN001
    views: dict[str, list[float]] = {"ours": [], "base": []}
    for _ in range(runs):  # alternate, so drifting load hits both alike
        views["ours"].append(first_view(browser, ours))
        views["base"].append(first_view(browser, base))
    clicks_ours = interaction(browser, ours, DASHBOARD_CHANGE, interaction_runs)
    clicks_base = interaction(browser, base, BASELINE_CHANGE, interaction_runs)
    mem_ours, mem_base = memory(browser, ours, sessions), memory(browser, base, sessions)
    return [
        Row("First view", f"`streamlit run` to first chart drawn ({ours.first_path or 'home'})",
            median(views["ours"]), median(views["base"]), "s", BUDGET_TIME, runs, "vs bare one-chart app"),
        Row("Interaction", DASHBOARD_CHANGE.name, median(clicks_ours), median(clicks_base), "s", BUDGET_TIME,
            interaction_runs, "vs bare app, one selectbox"),
        Row("Memory", "server RSS idle", mem_ours["idle"], mem_base["idle"], "MB", None, 1, "vs bare app"),
        Row("Memory", f"server RSS with {sessions + 1} sessions", mem_ours["many"], mem_base["many"], "MB", None, 1,
            "vs bare app"),
        Row("Memory", "per-session increment", mem_ours["per_session"], BUDGET_MB, "MB", 1.0, 1,
            f"(RSS with {sessions + 1} sessions - RSS with 1) / {sessions}; baseline column is the budget, "
            f"bare app: {mem_base['per_session']:.1f} MB", {"ours": mem_ours, "baseline": mem_base}),
    ]
