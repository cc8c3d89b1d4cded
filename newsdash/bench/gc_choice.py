"""Streamlit's `runner.postScriptGC = false` against newsdash.app.heap, measured.

    python -m newsdash.bench.gc_choice [--rounds 60] [--json FILE]

After every script run Streamlit calls gc.collect(2) (runner.postScriptGC, on by default).
The dashboard keeps that and settles the heap instead (newsdash/app/heap.py: gc.freeze()
what is long-lived, so the collection walks only what the run made). The other way out
is to switch the collection off. Three servers at once, each `streamlit run
dashboard.py` on a free loopback port:

  heap     today: postScriptGC on, dashboard.py settles the heap after each run
  no-gc    postScriptGC = false, heap.settle() made a no-op (Python's own generational
           collector still runs, when its allocation counts say so)
  neither  postScriptGC on, heap.settle() a no-op: Streamlit's default
  both     postScriptGC = false and heap.py still settling (--only heap both to compare)

Round by round the servers take turns, so the load of the shared machine falls on all
three alike. Each round, one kept session reruns the Demining page (four charts), timed
from the rerun request to the script_finished message, which the collection after the
run delays (it holds the GIL); then a short-lived session opens, runs the page once and
closes, leaving what a reader who leaves leaves behind. Reported per server: rerun time
(median, p90, max), the server's CPU time per round, and its RSS after warm-up, at the
end and at its peak. Bounded: at most --rounds rounds and --budget seconds of rounds
(under 2 minutes in all with the defaults). No browser: the websocket client below
speaks Streamlit's protocol.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsdash.app.serve import loopback_server, stop, wait_healthy
from newsdash.bench.browser import BENCH_OPTIONS, rss_mb
from newsdash.data.corpus import PROJECT_ROOT

PAGE = "demining"
CHARTS_ON_PAGE = 4
# Imported by Python at start-up (sitecustomize) in the servers run without heap.py
NO_SETTLE = "import newsdash.app.heap as heap\nheap.settle = lambda *args, **kwargs: False\n"


@dataclass(frozen=True)
class Setup:
    name: str
    post_script_gc: bool
    settle: bool
    what: str


SETUPS = (
    Setup("heap", True, True, "today: postScriptGC on, heap.py settles the heap"),
    Setup("no-gc", False, False, "postScriptGC = false, no heap.py"),
    Setup("neither", True, False, "postScriptGC on, no heap.py (Streamlit's default)"),
    Setup("both", False, True, "postScriptGC = false and heap.py settles the heap"),
)


@dataclass
class Result:
    setup: str
    what: str
    rounds: int = 0
    rerun_ms: list[float] = field(default_factory=list)
    cpu_ms_per_round: float = 0.0
    rss_warm_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_by_round_mb: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        ordered = sorted(self.rerun_ms)
        return {"setup": self.setup, "what": self.what, "rounds": self.rounds,
                "rerun_median_ms": round(statistics.median(ordered), 1),
                "rerun_p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
                "rerun_max_ms": round(ordered[-1], 1), "cpu_ms_per_round": round(self.cpu_ms_per_round, 1),
                "rss_warm_mb": round(self.rss_warm_mb, 1), "rss_end_mb": round(self.rss_end_mb, 1),
                "rss_peak_mb": round(self.rss_peak_mb, 1)}


# 1/ A BARE WEBSOCKET CLIENT: ask for a run of the page, read until it has finished


class Session:
    def __init__(self, ws) -> None:  # noqa: ANN001 - a websockets connection
        self.ws = ws

    @classmethod
    async def open(cls, url: str) -> Session:
        from websockets.asyncio.client import connect

        ws = await connect(url.replace("http://", "ws://", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                           open_timeout=30, max_size=None)
        return cls(ws)

    async def run_page(self, timeout: float = 60) -> int:
        """Rerun the page; returns how many charts the run sent."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ClientState_pb2 import ClientState

        await self.ws.send(BackMsg(rerun_script=ClientState(page_name=PAGE)).SerializeToString())
        return await asyncio.wait_for(self._read_run(), timeout)

    async def _read_run(self) -> int:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        charts = 0
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "script_finished":
                if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return charts
                charts = 0  # the script asked for a rerun: the next run is the one that counts
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                charts += msg.delta.new_element.WhichOneof("type") == "plotly_chart"

    async def close(self) -> None:
        await self.ws.close()


# 2/ ONE SERVER, ONE WORKLOAD


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def launch(setup: Setup, folder: Path) -> tuple[subprocess.Popen, str]:
    env = {key: value for key, value in os.environ.items() if key != "DASHBOARD_PASSWORD_HASH"}
    path = [str(PROJECT_ROOT)]
    if not setup.settle:
        folder.mkdir()
        (folder / "sitecustomize.py").write_text(NO_SETTLE, encoding="utf-8")
        path.insert(0, str(folder))
    env["PYTHONPATH"] = os.pathsep.join(path)
    options = (*BENCH_OPTIONS, "--runner.postScriptGC", str(setup.post_script_gc).lower())
    return loopback_server(PROJECT_ROOT / "dashboard.py", env=env, options=options, wait=False)


@dataclass
class Server:
    setup: Setup
    proc: subprocess.Popen
    url: str
    result: Result
    kept: Session | None = None
    cpu_before: float = 0.0


async def warm(server: Server, warmup: int) -> None:
    server.kept = await Session.open(server.url)
    for _ in range(warmup):  # the corpus loaded, the charts built and frozen, the heap settled
        charts = await server.kept.run_page()
        if charts != CHARTS_ON_PAGE:
            raise RuntimeError(f"the {PAGE} page drew {charts} charts, not {CHARTS_ON_PAGE}")
    server.result.rss_warm_mb = server.result.rss_peak_mb = rss_mb(server.proc.pid)
    server.cpu_before = cpu_seconds(server.proc.pid)


async def one_round(server: Server) -> None:
    result, pid = server.result, server.proc.pid
    start = time.perf_counter()
    await server.kept.run_page()
    result.rerun_ms.append((time.perf_counter() - start) * 1000)
    passing = await Session.open(server.url)  # a reader who comes, looks and leaves
    await passing.run_page()
    await passing.close()
    result.rounds += 1
    rss = rss_mb(pid)
    result.rss_by_round_mb.append(round(rss, 1))
    result.rss_peak_mb = max(result.rss_peak_mb, rss)


async def finish(server: Server) -> None:
    result, pid = server.result, server.proc.pid
    result.cpu_ms_per_round = (cpu_seconds(pid) - server.cpu_before) * 1000 / max(result.rounds, 1)
    await server.kept.close()
    await asyncio.sleep(0.5)
    result.rss_end_mb = rss_mb(pid)


async def workload(servers: list[Server], rounds: int, warmup: int, budget_s: float) -> None:
    """The servers take turns, round by round, so a change in the machine's load (it is
    shared) falls on all of them alike."""
    for server in servers:
        await warm(server, warmup)
    deadline = time.monotonic() + budget_s
    for _ in range(rounds):
        if time.monotonic() > deadline:
            break
        for server in servers:
            await one_round(server)
    for server in servers:
        await finish(server)


def measure(setups: list[Setup], rounds: int, warmup: int, budget_s: float) -> list[Result]:
    servers: list[Server] = []
    with tempfile.TemporaryDirectory(prefix="gc_choice_") as folder:
        try:
            for setup in setups:
                proc, url = launch(setup, Path(folder) / setup.name)
                servers.append(Server(setup, proc, url, Result(setup.name, setup.what)))
            for server in servers:
                wait_healthy(server.url, server.proc, timeout=90)
            asyncio.run(workload(servers, rounds, warmup, budget_s))
        finally:
            for server in servers:
                stop(server.proc)
    return [server.result for server in servers]


# 3/ THE TABLE


def table(results: list[Result]) -> str:
    lines = ["| setup | rounds | rerun median | p90 | max | server CPU per round | RSS warm | RSS end | RSS peak |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for result in results:
        s = result.summary()
        lines.append(f"| {s['setup']}: {s['what']} | {s['rounds']} | {s['rerun_median_ms']} ms | {s['rerun_p90_ms']} ms "
                     f"| {s['rerun_max_ms']} ms | {s['cpu_ms_per_round']} ms | {s['rss_warm_mb']} MB "
                     f"| {s['rss_end_mb']} MB | {s['rss_peak_mb']} MB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=60, help="timed reruns per server (default 60)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs first (default 5)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of rounds in all at most (default 60)")
    parser.add_argument("--only", nargs="*", choices=[s.name for s in SETUPS], help="some setups only")
    parser.add_argument("--json", type=Path, help="also write every measure here")
    args = parser.parse_args(argv)
    started = time.monotonic()
    results = measure([setup for setup in SETUPS if not args.only or setup.name in args.only],
                      args.rounds, args.warmup, args.budget)
    print(table(results))
    print(f"\n{time.monotonic() - started:.0f} s in all; load average {os.getloadavg()[0]:.2f} at the end")
    if args.json:
        args.json.write_text(json.dumps([{**r.summary(), **asdict(r)} for r in results], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
