"""Capacity: how many readers a replica serves, and what a second replica adds.

    python -m newsdash.bench.capacity [--sessions 40] [--seconds 60] [--think 3] [--json FILE]
    python -m newsdash.bench --only capacity [--check]

No browsers: each reader is a websocket session driven from Python (newsdash/bench/
readers.py), speaking Streamlit's protocol as the front end does. Two setups, one after
the other:

  one replica   `streamlit run dashboard.py`, pinned to one core (core 0)
  two replicas  two of them behind a real nginx on loopback (deploy/nginx-newsdash.conf
                through tests/nginx_stack.py, as the deploy tests run it), pinned to
                cores 0 and 1, readers spread by nginx's first-visit round robin

On each, after one warm-up session (the data loaded, the charts built):

  arrivals  N readers (N = --sessions per replica) open the Demining page at the same
            moment; each one's first view is timed from connecting to script_finished;
  readers   those readers stay and each changes the measure filter every --think seconds
            (uniformly 0.5x to 1.5x, so they do not march in step) for --seconds: reruns
            completed a second, and each change's time (median, p95);
  flat out  the same readers with no pause for --flat-seconds: the most reruns a second
            the setup completes (reported only: on a 2-core machine two busy replicas leave
            the load generator no core, so this understates them).

Two replicas against one is the reruns a second of the readers phase, 40 readers per
replica: twice the readers served at a p95 still within the goal is what scaling out buys.

The server's CPU time per rerun is read from /proc: unlike the wall-clock times, it
hardly depends on what else the machine runs. The load generator runs in a child
process at nice 10 (os.nice), so the servers get the cores first; with the readers
and the replicas on the same two cores the times include some of the generator's
own work, which makes them pessimistic, not optimistic.

The absolute goals (issue 20): p95 of a filter change under 1 s with 40 readers per
replica, a first view under 3 s for 40 arrivals at once, two replicas at least 1.8x
one. Meaningful only on an idle machine: see docs/performance.md, "Capacity".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsdash.app.serve import free_port, loopback_server, stop, wait_healthy
from newsdash.bench.browser import BENCH_OPTIONS, rss_mb
from newsdash.bench.report import Row
from newsdash.data.corpus import PROJECT_ROOT

GOAL_P95_S = 1.0  # a filter change, 40 readers per replica
GOAL_FIRST_VIEW_S = 3.0  # the p95 of 40 arrivals at once
GOAL_SCALE = 1.8  # two replicas against one, reruns a second flat out
GENERATOR_NICE = int(os.environ.get("CAPACITY_GENERATOR_NICE", "10"))  # the load generator's niceness
BASE = "newsdash"  # the sub-path the shipped nginx site serves the app under


@dataclass
class Load:
    sessions: int = 40  # readers per replica
    seconds: float = 60.0  # readers changing the filter
    think: float = 3.0  # mean pause between two changes of one reader
    flat_seconds: float = 15.0  # readers with no pause (0: not measured)


@dataclass
class Measured:
    """What the generator saw on one setup, and the servers' CPU."""

    setup: str
    replicas: int
    sessions: int
    first_view_s: list[float] = field(default_factory=list)
    rerun_s: list[float] = field(default_factory=list)
    reruns_per_s: float = 0.0
    offered_per_s: float = 0.0
    flat_per_s: float = 0.0
    flat_p95_s: float = 0.0
    bytes_per_rerun: float = 0.0
    bytes_per_first_view: float = 0.0
    per_replica: dict[str, int] = field(default_factory=dict)  # readers by the replica nginx chose
    errors: list[str] = field(default_factory=list)
    server_cpu_ms_per_first_view: float = 0.0  # connecting included
    server_cpu_ms_per_rerun: float = 0.0  # a filter change, the servers' idle work between changes included
    generator_cpu_s: float = 0.0
    static_cpu_ms: float = 0.0  # a browser with an empty cache: the HTML, scripts and fonts it fetches
    static_mb: float = 0.0
    rss_idle_mb: float = 0.0  # per replica, warm, before the arrivals
    rss_readers_mb: float = 0.0  # per replica, with its readers open, at the end
    load_average: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        return {"setup": self.setup, "replicas": self.replicas, "sessions": self.sessions,
                "first_view_p50_s": _round(pct(self.first_view_s, 50)),
                "first_view_p95_s": _round(pct(self.first_view_s, 95)),
                "first_view_max_s": _round(max(self.first_view_s, default=0.0)),
                "reruns": len(self.rerun_s), "reruns_per_s": _round(self.reruns_per_s),
                "offered_per_s": _round(self.offered_per_s),
                "rerun_p50_s": _round(pct(self.rerun_s, 50)), "rerun_p95_s": _round(pct(self.rerun_s, 95)),
                "flat_per_s": _round(self.flat_per_s), "flat_p95_s": _round(self.flat_p95_s),
                "server_cpu_ms_per_first_view": _round(self.server_cpu_ms_per_first_view, 1),
                "server_cpu_ms_per_rerun": _round(self.server_cpu_ms_per_rerun, 1),
                "bytes_per_rerun": round(self.bytes_per_rerun), "bytes_per_first_view": round(self.bytes_per_first_view),
                "per_replica": self.per_replica, "errors": len(self.errors),
                "generator_cpu_s": _round(self.generator_cpu_s, 1),
                "rss_idle_mb": _round(self.rss_idle_mb, 1), "rss_readers_mb": _round(self.rss_readers_mb, 1),
                "static_cpu_ms": _round(self.static_cpu_ms, 1), "static_mb": _round(self.static_mb, 2), "load_average": self.load_average}


def pct(values: list[float], p: float) -> float:
    """The p-th percentile, nearest rank (0 when nothing was measured)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def _round(value: float, digits: int = 3) -> float:
    return round(value, digits)


# 1/ THE LOAD GENERATOR (run in a child process, niced): readers against one URL


async def drive(url: str, load: Load, pids: list[int], seed: int = 20) -> dict:
    """Arrivals, readers, flat out against url; returns what was measured (JSON-able),
    with the servers' (pids) CPU seconds at the start of each phase and at the end."""
    from newsdash.bench.readers import Reader

    out: dict = {"first_view_s": [], "first_view_bytes": [], "rerun_s": [], "rerun_bytes": [], "errors": [],
                 "replicas": {}, "cpu": {}, "rss_mb": {}}
    rng = random.Random(seed)

    def mark(phase: str) -> float:
        out["cpu"][phase] = sum(cpu_seconds(pid) for pid in pids)
        out["rss_mb"][phase] = sum(rss_mb(pid) for pid in pids)
        return time.perf_counter()

    async def arrive(i: int) -> Reader | None:
        start = time.perf_counter()
        try:
            reader = await Reader.connect(url, seed=seed + i)
            result = await reader.first_view()
        except Exception as error:  # noqa: BLE001 - counted and reported, the others go on
            out["errors"].append(f"first view: {type(error).__name__}: {error}")
            return None
        out["first_view_s"].append(time.perf_counter() - start)
        out["first_view_bytes"].append(result.bytes_in)
        cookie = reader.ws.response.headers.get("Set-Cookie", "")
        replica = cookie.split("newsdash_replica=", 1)[1][:1] if "newsdash_replica=" in cookie else "-"
        out["replicas"][replica] = out["replicas"].get(replica, 0) + 1
        return reader

    async def read_on(reader: Reader, until: float, think: float, times: list, sizes: list | None) -> None:
        if think:
            await asyncio.sleep(rng.uniform(0, think))  # readers do not start in step
        while time.perf_counter() < until:
            try:
                result = await reader.change_filter()
            except Exception as error:  # noqa: BLE001
                out["errors"].append(f"filter change: {type(error).__name__}: {error}")
                return
            if time.perf_counter() <= until:
                times.append(result.seconds)
                if sizes is not None:
                    sizes.append(result.bytes_in)
            if think:
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    mark("arrivals")
    readers = [r for r in await asyncio.gather(*(arrive(i) for i in range(load.sessions))) if r is not None]
    start = mark("readers")
    await asyncio.gather(*(read_on(r, start + load.seconds, load.think, out["rerun_s"], out["rerun_bytes"])
                           for r in readers))
    out["readers_seconds"] = time.perf_counter() - start
    start = mark("flat")
    flat: list[float] = []
    if load.flat_seconds > 0:
        await asyncio.gather(*(read_on(r, start + load.flat_seconds, 0, flat, None) for r in readers))
    out["flat_s"] = flat
    out["flat_seconds"] = time.perf_counter() - start
    mark("end")
    await asyncio.gather(*(r.close() for r in readers), return_exceptions=True)
    return out


def generator_main(argv: list[str]) -> int:
    """The child process: `python -m newsdash.bench.capacity --drive URL LOAD_JSON PID...`;
    prints its measures as JSON."""
    url, load, pids = argv[0], Load(**json.loads(argv[1])), [int(pid) for pid in argv[2:]]
    started = time.process_time()
    out = asyncio.run(drive(url, load, pids))
    out["generator_cpu_s"] = time.process_time() - started
    print(json.dumps(out))
    return 0


# 2/ THE SERVERS: one replica, or two behind nginx; pinned to a core each


def pin(pid: int, core: int) -> None:
    """Every thread of the process on one core (new threads inherit it)."""
    core %= os.cpu_count() or 1
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            os.sched_setaffinity(int(task.name), {core})
        except (ProcessLookupError, PermissionError):
            pass


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def server_env() -> dict[str, str]:
    """No password: the capacity of the app itself (the sign-in is measured elsewhere)."""
    return {key: value for key, value in os.environ.items() if key != "DASHBOARD_PASSWORD_HASH"}


def start_replicas(ports: list[int], base_path: str = "") -> list[tuple[subprocess.Popen, str]]:
    servers = [loopback_server(env=server_env(), options=BENCH_OPTIONS, port=port, base_path=base_path, wait=False)
               for port in ports]
    for core, (proc, url) in enumerate(servers):
        pin(proc.pid, core)  # before its threads start: they inherit the core
        wait_healthy(url, proc, timeout=120)
        pin(proc.pid, core)  # and any thread started before the first pin
    return servers


@contextmanager
def one_replica():  # noqa: ANN201 - yields (url, [pids])
    servers = start_replicas([free_port()])
    try:
        yield servers[0][1], [proc.pid for proc, _ in servers]
    finally:
        for proc, _ in servers:
            stop(proc)


@contextmanager
def two_replicas_behind_nginx():  # noqa: ANN201 - yields (url, [pids])
    """deploy/nginx-newsdash.conf, its ports rewritten, before two replicas (tests/nginx_stack.py)."""
    sys.path.insert(0, str(PROJECT_ROOT))
    from tests.nginx_stack import find_nginx, start_nginx

    nginx = find_nginx()
    if not nginx:
        raise RuntimeError("nginx is not installed (Debian's nginx package)")
    with tempfile.TemporaryDirectory(prefix="capacity-nginx-") as folder:
        listen, ports = free_port(), (free_port(), free_port())
        proxy = start_nginx(nginx, Path(folder), listen, ports)
        servers = []
        try:
            servers = start_replicas(list(ports), base_path=BASE)
            url = f"http://127.0.0.1:{listen}/{BASE}"
            wait_healthy(url, proxy, timeout=30)
            yield url, [proc.pid for proc, _ in servers]
        finally:
            for proc, _ in servers:
                stop(proc)
            stop(proxy)


def no_nginx_reason() -> str | None:
    """Why the capacity section cannot run here (None: it can)."""
    sys.path.insert(0, str(PROJECT_ROOT))
    try:
        from tests.nginx_stack import find_nginx
    except ImportError:
        return "tests/nginx_stack.py is not here (run from a checkout)"
    return None if find_nginx() else "nginx is not installed (Debian's nginx package)"


# 3/ ONE SETUP MEASURED


def warm(url: str, replicas: int) -> None:
    """One first view per replica (nginx alternates): the data loaded and the charts built."""
    from newsdash.bench.readers import Reader

    async def once() -> None:
        for _ in range(2 * replicas):
            reader = await Reader.connect(url)
            await reader.first_view()
            await reader.change_filter()
            await reader.close()

    asyncio.run(once())


def static_files() -> list[str]:
    """What a browser with an empty cache fetches over HTTP for its first view: the page,
    the scripts, style and font it names, the chart library's chunk, two small answers."""
    import re

    import streamlit

    from newsdash.app.preload import chart_library_chunk

    html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    chunk = chart_library_chunk()
    return ["", *re.findall(r'(?:src|href)="\./(static/[^"]+)"', html), *([chunk[2:]] if chunk else []),
            "_stcore/health", "_stcore/host-config"]


def static_cost(url: str, pid: int, browsers: int = 3) -> tuple[float, float]:
    """(server CPU ms, MB) per browser with an empty cache, fetched one browser after another.
    Streamlit serves its hashed scripts as immutable for a year, so a returning reader
    fetches only the page; the first visit is what an arrival of new readers costs."""
    import urllib.request

    def get(path: str) -> int:
        request = urllib.request.Request(f"{url.rstrip('/')}/{path}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return len(response.read())

    paths = static_files()
    before = cpu_seconds(pid)
    size = sum(get(path) for _ in range(browsers) for path in paths)
    return (cpu_seconds(pid) - before) * 1000 / browsers, size / browsers / 1e6


def run_generator(url: str, load: Load, pids: list[int]) -> dict:
    command = [sys.executable, "-m", "newsdash.bench.capacity", "--drive", url, json.dumps(asdict(load)),
               *map(str, pids)]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=load.seconds + load.flat_seconds + 600,
                          preexec_fn=lambda: os.nice(GENERATOR_NICE))  # noqa: PLW1509 - no threads in the child yet
    if done.returncode != 0:
        raise RuntimeError(f"the load generator failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_setup(name: str, replicas: int, load: Load) -> Measured:
    setup = one_replica() if replicas == 1 else two_replicas_behind_nginx()
    total = Load(load.sessions * replicas, load.seconds, load.think, load.flat_seconds)
    with setup as (url, pids):
        warm(url, replicas)
        static = static_cost(url, pids[0]) if replicas == 1 else (0.0, 0.0)
        out = run_generator(url, total, pids)
    measured = summarise(name, replicas, total, out)
    measured.static_cpu_ms, measured.static_mb = static
    return measured


def summarise(name: str, replicas: int, load: Load, out: dict) -> Measured:
    m = Measured(name, replicas, load.sessions, first_view_s=out["first_view_s"], rerun_s=out["rerun_s"],
                 errors=out["errors"], per_replica=out["replicas"], generator_cpu_s=out["generator_cpu_s"],
                 load_average=[round(x, 2) for x in os.getloadavg()])
    m.reruns_per_s = len(out["rerun_s"]) / max(out["readers_seconds"], 1e-9)
    m.offered_per_s = load.sessions / load.think if load.think else 0.0
    if out["flat_s"]:
        m.flat_per_s = len(out["flat_s"]) / max(out["flat_seconds"], 1e-9)
        m.flat_p95_s = pct(out["flat_s"], 95)
    m.bytes_per_rerun = statistics.fmean(out["rerun_bytes"]) if out["rerun_bytes"] else 0.0
    m.bytes_per_first_view = statistics.fmean(out["first_view_bytes"]) if out["first_view_bytes"] else 0.0
    m.rss_idle_mb, m.rss_readers_mb = out["rss_mb"]["arrivals"] / replicas, out["rss_mb"]["end"] / replicas
    # the servers' CPU in each phase, per run: what hardly depends on the machine's load
    cpu = out["cpu"]
    m.server_cpu_ms_per_first_view = (cpu["readers"] - cpu["arrivals"]) * 1000 / max(len(out["first_view_s"]), 1)
    m.server_cpu_ms_per_rerun = (cpu["end"] - cpu["readers"]) * 1000 / max(len(out["rerun_s"]) + len(out["flat_s"]), 1)
    return m


def measure(load: Load, setups: tuple[int, ...] = (1, 2)) -> list[Measured]:
    names = {1: "one replica", 2: "two replicas behind nginx"}
    return [measure_setup(names[replicas], replicas, load) for replicas in setups]


# 4/ THE BENCHMARK'S ROWS AND THE TABLE


def rows(results: list[Measured], load: Load) -> list[Row]:
    out: list[Row] = []
    by_replicas = {m.replicas: m for m in results}
    for m in results:
        per = f"{load.sessions} readers per replica" + (f", {m.sessions} in all" if m.replicas > 1 else "")
        split = f"; readers by replica {m.per_replica}" if m.replicas > 1 else ""
        errors = f"; {len(m.errors)} errors: {m.errors[0]}" if m.errors else ""
        note = (f"median {pct(m.rerun_s, 50) * 1000:.0f} ms over {len(m.rerun_s)} changes; server CPU "
                f"{m.server_cpu_ms_per_rerun:.1f} ms per change; {m.bytes_per_rerun / 1000:.1f} KB per change; RSS "
                f"{m.rss_idle_mb:.0f} MB idle, {m.rss_readers_mb:.0f} MB with its readers (per replica){split}{errors}")
        out.append(Row("Capacity", f"{m.setup}, {per}: a filter change, p95", pct(m.rerun_s, 95), GOAL_P95_S, "s",
                       1.0, len(m.rerun_s), f"baseline column is the goal; {note}", extra=m.summary(),
                       met=False if m.errors else None))
        out.append(Row("Capacity", f"{m.setup}, {per}: reruns a second", m.reruns_per_s, m.offered_per_s, "/s",
                       None, 1, f"baseline column: what the readers ask for ({m.sessions} every {load.think:g} s)"))
        out.append(Row("Capacity", f"{m.setup}, {m.sessions} arrivals at once: first view, p95",
                       pct(m.first_view_s, 95), GOAL_FIRST_VIEW_S, "s", 1.0, len(m.first_view_s),
                       f"baseline column is the goal; median {pct(m.first_view_s, 50):.2f} s, slowest "
                       f"{max(m.first_view_s, default=0):.2f} s; server CPU {m.server_cpu_ms_per_first_view:.0f} ms and "
                       f"{m.bytes_per_first_view / 1000:.0f} KB each, so on cores of their own "
                       f"{load.sessions} arrivals a replica are about "
                       f"{load.sessions * m.server_cpu_ms_per_first_view / 1000:.1f} s of CPU"))
    one, two = by_replicas.get(1), by_replicas.get(2)
    if one and one.static_cpu_ms:
        out.append(Row("Capacity", "a new browser's static files (empty cache), server CPU, against its first view",
                       one.static_cpu_ms / 1000, one.server_cpu_ms_per_first_view / 1000, "s", None, 3,
                       f"reported only: {one.static_mb:.1f} MB per browser, served by Python, uncompressed "
                       f"scripts; nginx serving and compressing them would take this off the replica"))
    if one and two and one.reruns_per_s:
        ratio = two.reruns_per_s / one.reruns_per_s
        out.append(Row("Capacity", f"two replicas against one, {load.sessions} readers per replica: reruns a second",
                       two.reruns_per_s, one.reruns_per_s, "/s", None, 1,
                       f"goal ≥ {GOAL_SCALE:g}x with the p95 still under {GOAL_P95_S:g} s "
                       f"({pct(two.rerun_s, 95):.2f} s against {pct(one.rerun_s, 95):.2f} s)",
                       met=ratio >= GOAL_SCALE and pct(two.rerun_s, 95) <= GOAL_P95_S))
    if one and two and one.flat_per_s:
        out.append(Row("Capacity", "two replicas against one: reruns a second, readers with no pause",
                       two.flat_per_s, one.flat_per_s, "/s", None, 1,
                       f"reported only: with both cores busy serving, the load generator (nice {GENERATOR_NICE}) "
                       f"has no core left, so this understates two replicas on a 2-core machine; p95 "
                       f"{two.flat_p95_s:.2f} s against {one.flat_p95_s:.2f} s. Capacity from CPU: "
                       f"{1000 / max(one.server_cpu_ms_per_rerun, 1e-9):.0f} changes a second per core"))
    return out


def run(load: Load) -> list[Row]:
    """The benchmark's section: both setups measured, their rows."""
    return rows(measure(load), load)


def table(results: list[Measured]) -> str:
    lines = ["| setup | readers | first view p50 / p95 / max | change p50 / p95 | reruns/s (asked) | flat out /s (p95)"
             " | server CPU per first view / change | KB per first view / change | errors |",
             "|---|---:|---|---|---|---|---|---|---:|"]
    for m in results:
        s = m.summary()
        lines.append(f"| {m.setup} | {m.sessions} | {s['first_view_p50_s']} / {s['first_view_p95_s']} / "
                     f"{s['first_view_max_s']} s | {s['rerun_p50_s']} / {s['rerun_p95_s']} s | "
                     f"{s['reruns_per_s']} ({s['offered_per_s']}) | {s['flat_per_s']} ({s['flat_p95_s']} s) | "
                     f"{s['server_cpu_ms_per_first_view']} / {s['server_cpu_ms_per_rerun']} ms | "
                     f"{m.bytes_per_first_view / 1000:.0f} / {m.bytes_per_rerun / 1000:.1f} | {s['errors']} |")
    one = next((m for m in results if m.replicas == 1), None)
    two = next((m for m in results if m.replicas == 2), None)
    if one and two and one.reruns_per_s and one.flat_per_s:
        lines.append(f"\ntwo replicas against one: {two.reruns_per_s / one.reruns_per_s:.2f}x the reruns a second "
                     f"with readers (goal ≥ {GOAL_SCALE:g}x), {two.flat_per_s / one.flat_per_s:.2f}x flat out")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--drive"]:
        return generator_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=40, help="readers per replica (default 40)")
    parser.add_argument("--seconds", type=float, default=60, help="seconds of filter changes (default 60)")
    parser.add_argument("--think", type=float, default=3, help="mean seconds between two changes (default 3)")
    parser.add_argument("--flat-seconds", type=float, default=15, help="seconds with no pause (default 15; 0: none)")
    parser.add_argument("--replicas", type=int, nargs="+", choices=(1, 2), default=[1, 2], help="setups (default both)")
    parser.add_argument("--json", type=Path, help="also write every measure here")
    args = parser.parse_args(argv)
    load = Load(args.sessions, args.seconds, args.think, args.flat_seconds)
    started, load_start = time.monotonic(), os.getloadavg()[0]
    results = measure(load, tuple(args.replicas))
    print(table(results))
    print(f"\n{time.monotonic() - started:.0f} s in all; load average {load_start:.2f} at the start, "
          f"{os.getloadavg()[0]:.2f} at the end")
    if args.json:
        args.json.write_text(json.dumps([{**m.summary(), **asdict(m)} for m in results], indent=1), encoding="utf-8")
    return 1 if any(m.errors for m in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
