"""A bounded load test on loopback: many browser sessions using the dashboard at once.

    python -m newsdash.bench.loadtest --sessions 20 --seconds 60

Starts the app on a free 127.0.0.1 port (or uses --url), opens one headless Chromium
with one context per session, and has every session, for the given time: open the
Demining page, remove a measure from its filter, switch the language, open Returns and
the Timeline. Each step is timed until its charts are drawn (in the new language, with
the new filter). Reports p50 and p95 per step and overall, every error (budget: none),
and the app's resident memory (RSS) sampled through the run. Never leaves loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsdash.app.serve import loopback_server

ROOT = Path(__file__).resolve().parents[2]
CHART = '[data-testid="stPlotlyChart"]'
STEP_TIMEOUT_MS = 120_000
POLL_MS = 200  # check for drawn charts 5 times a second (not every frame, in 20 pages at once)
ARABIC = r"[\u0600-\u06FF]"
# every chart drawn, and every chart title (written in the page above its chart) in the
# wanted language (Arabic letters, or none)
CHART_TITLE = '.chart-words [role="heading"]'
TITLES_IN = """([lang, count]) => {
  const drawn = document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg').length;
  const titles = [...document.querySelectorAll('CHART_TITLE')].map(t => t.textContent);
  const arabic = t => /ARABIC/.test(t);
  return drawn >= count && titles.length >= count && titles.every(t => lang === 'ar' ? arabic(t) : !arabic(t));
}""".replace("ARABIC", ARABIC).replace("CHART_TITLE", CHART_TITLE)


@dataclass
class Results:
    sessions: int
    seconds: float
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    first_view_s: float | None = None
    cpu_s: dict[str, float] = field(default_factory=dict)  # app and browsers, during the timed part

    def add(self, step: str, seconds: float) -> None:
        self.timings.setdefault(step, []).append(seconds)

    def summary(self) -> dict:
        every = [s for values in self.timings.values() for s in values]
        steps = {name: timing_stats(values) for name, values in sorted(self.timings.items())}
        return {"sessions": self.sessions, "seconds": self.seconds, "steps": steps, "overall": timing_stats(every),
                "errors": len(self.errors), "error_samples": self.errors[:10],
                "rss_mb": {"start": _first(self.rss_mb), "peak": max(self.rss_mb, default=0.0),
                           "end": self.rss_mb[-1] if self.rss_mb else 0.0},
                "first_view_s": self.first_view_s, "cpu_s": self.cpu_s, "cpus": os.cpu_count()}


def _first(values: list[float]) -> float:
    return values[0] if values else 0.0


def timing_stats(values: list[float]) -> dict:
    if not values:
        return {"count": 0, "p50_s": None, "p95_s": None, "max_s": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"count": len(values), "p50_s": round(statistics.median(ordered), 3), "p95_s": round(p95, 3),
            "max_s": round(ordered[-1], 3)}


# --- the app and its memory -----------------------------------------------------------

def tree(pid: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total = 0
    for member in tree(pid):
        try:
            total += int(re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{member}/status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
    return round(total / 1024, 1)


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time these processes have used so far."""
    ticks = 0
    for member in pids:
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


async def sample_memory(pid: int, results: Results, stop: asyncio.Event) -> None:
    while not stop.is_set():
        results.rss_mb.append(rss_mb(pid))
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        except TimeoutError:
            pass


# --- one session ----------------------------------------------------------------------

async def timed(results: Results, step: str, action, page) -> None:  # noqa: ANN001
    started = time.monotonic()
    try:
        await action()
    except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the run
        results.errors.append(f"{step}: {type(error).__name__}: {str(error).splitlines()[0][:200]} "
                              f"(at {page.url}; {await what_is_shown(page)})")
        return
    results.add(step, time.monotonic() - started)


async def what_is_shown(page) -> str:  # noqa: ANN001
    """The page title and chart titles shown, to say why a step failed."""
    try:
        return await page.evaluate("""() => {
          const h1 = document.querySelector('[data-testid="stMain"] h1');
          const titles = [...document.querySelectorAll('.chart-words [role="heading"]')];
          const error = document.querySelector('[data-testid="stException"]');
          return `title ${h1 ? JSON.stringify(h1.textContent) : 'none'}; ${titles.length} chart title(s) `
            + JSON.stringify(titles.map(t => t.textContent.slice(0, 40))) + (error ? '; EXCEPTION ' + error.textContent.slice(0, 200) : '');
        }""")
    except Exception as error:  # noqa: BLE001
        return f"page not readable ({type(error).__name__})"


async def drawn(page, lang: str, count: int = 1) -> None:  # noqa: ANN001
    """Charts drawn, with titles in the language, and no exception on the page."""
    await page.wait_for_function(TITLES_IN, arg=[lang, count], timeout=STEP_TIMEOUT_MS, polling=POLL_MS)
    if await page.locator('[data-testid="stException"]').count():
        raise RuntimeError("the page shows an exception")


async def session(browser, url: str, index: int, deadline: float, results: Results) -> None:  # noqa: ANN001
    # bypass_csp: the probes below are expressions the app's Content-Security-Policy refuses
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.set_default_timeout(STEP_TIMEOUT_MS)  # page loads and clicks too: a slow step is timed, not failed
    page = await context.new_page()
    page.on("pageerror", lambda error: results.errors.append(f"page error: {str(error)[:200]}"))
    lang = "en" if index % 2 == 0 else "ar"
    try:
        while True:  # one round at least, however short the run: every step is measured once
            lang = await one_round(page, url, lang, results)
            if time.monotonic() >= deadline:
                break
    finally:
        await context.close()


async def one_round(page, url: str, lang: str, results: Results) -> str:  # noqa: ANN001
    async def open_demining() -> None:
        await page.goto(f"{url}/demining?lang={lang}")
        await drawn(page, lang, 4)

    async def remove_a_measure() -> None:
        # a chip's remove button: "Remove …" in English, "إزالة …" on an Arabic page (newsdash.app.aria_labels)
        await page.locator('[data-testid="stMultiSelect"] button[aria-label^="Remove "], '
                           '[data-testid="stMultiSelect"] button[aria-label^="إزالة "]').first.click()
        await page.wait_for_function(f"document.querySelectorAll('{CHART}').length === 3",
                                     timeout=STEP_TIMEOUT_MS, polling=POLL_MS)
        await drawn(page, lang, 3)

    other = "ar" if lang == "en" else "en"

    async def switch_language() -> None:
        name = "العربية" if other == "ar" else "English"
        await page.locator('[data-testid="stMain"] [role="radio"]', has_text=name).click()  # the page's own switch
        await drawn(page, other, 3)

    async def open_page(path: str):  # noqa: ANN202
        async def go() -> None:
            await page.goto(f"{url}/{path}?lang={other}")
            await drawn(page, other, 1)
        return go

    await timed(results, "open demining", open_demining, page)
    await timed(results, "change filter", remove_a_measure, page)
    await timed(results, "switch language", switch_language, page)
    await timed(results, "open returns", await open_page("returns"), page)
    await timed(results, "open timeline", await open_page("timeline"), page)
    return other


def machine_busy_seconds() -> float:
    """CPU time all cores have spent busy since boot (/proc/stat: all but idle and iowait)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _cpu_now(server_pid: int | None) -> tuple[float, float]:
    """CPU used so far by the app's processes, and by the whole machine (the browsers'
    renderers are not all descendants of this process: Chromium's zygote forks them)."""
    return cpu_seconds(tree(server_pid) if server_pid else []), machine_busy_seconds()


async def first_view(browser, url: str) -> float:  # noqa: ANN001
    """One visit before the crowd: on a fresh server Streamlit starts in its legacy
    pages mode, and the first run switches it off (see newsdash.app.legacy_pages);
    sessions arriving during that switch can see a page without its sidebar."""
    context = await browser.new_context(bypass_csp=True)  # the probes, as above
    page = await context.new_page()
    started = time.monotonic()
    await page.goto(f"{url}/demining")
    await drawn(page, "en", 4)
    await context.close()
    return round(time.monotonic() - started, 3)


async def run(url: str, sessions: int, seconds: float, server_pid: int | None, chromium: str,
              warm_up: bool = True, chromium_args: tuple[str, ...] = ()) -> Results:
    from playwright.async_api import async_playwright

    results = Results(sessions, seconds)
    stop = asyncio.Event()
    memory = asyncio.create_task(sample_memory(server_pid, results, stop)) if server_pid else None
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                  *chromium_args])
        if warm_up:
            results.first_view_s = await first_view(browser, url)
        app_before, machine_before = _cpu_now(server_pid)
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(*(session(browser, url, i, deadline, results) for i in range(sessions)))
        app_after, machine_after = _cpu_now(server_pid)
        results.cpu_s = {"wall": round(time.monotonic() - started, 1), "app": round(app_after - app_before, 1),
                         "machine": round(machine_after - machine_before, 1)}
        await browser.close()
    stop.set()
    if memory:
        await memory
    return results


# --- the report -----------------------------------------------------------------------

def markdown(summary: dict) -> str:
    lines = [f"{summary['sessions']} sessions for {summary['seconds']:.0f} s on {summary['cpus']} cores; "
             f"errors: {summary['errors']}; app memory (RSS) {summary['rss_mb']['start']} MB at start, "
             f"{summary['rss_mb']['peak']} MB at peak, {summary['rss_mb']['end']} MB at the end."
             + (f" A first view on the fresh server before them: {summary['first_view_s']:.2f} s."
                if summary.get("first_view_s") else "")
             + (f" CPU while timed: {summary['cpu_s']['machine']:.0f} s busy of {summary['cpu_s']['wall']:.0f} s "
                f"wall on {summary['cpus']} cores, the app {summary['cpu_s']['app']:.0f} s of it (the rest: the "
                "browsers)." if summary.get("cpu_s") else ""),
             "", "| step (until its charts are drawn) | count | p50 | p95 | max |", "|---|---:|---:|---:|---:|"]
    rows = [*summary["steps"].items(), ("all steps", summary["overall"])]
    for name, stats in rows:
        if stats["count"]:
            lines.append(f"| {name} | {stats['count']} | {stats['p50_s']:.2f} s | {stats['p95_s']:.2f} s "
                         f"| {stats['max_s']:.2f} s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsdash.bench.loadtest", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", help="an app already running on loopback (default: start one)")
    parser.add_argument("--chromium", default=os.environ.get("BROWSER_PATH", "/usr/bin/chromium"))
    parser.add_argument("--chromium-arg", action="append", default=[], metavar="--FLAG",
                        help="one more flag for that Chromium, written --chromium-arg=--FLAG (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the summary here")
    parser.add_argument("--cold", action="store_true", help="no warm-up visit: every session is a first visitor")
    args = parser.parse_args(argv)
    if args.url and not re.match(r"https?://(127\.0\.0\.1|localhost)(:\d+)?(/|$)", args.url):
        parser.error("--url must be on loopback (127.0.0.1 or localhost): this test stays on this machine")
    proc = None
    if not args.url:
        proc, args.url = loopback_server()
    try:
        results = asyncio.run(run(args.url, args.sessions, args.seconds, proc.pid if proc else None, args.chromium,
                                  warm_up=not args.cold, chromium_args=tuple(args.chromium_arg)))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
    summary = results.summary()
    print(markdown(summary))
    for sample in summary["error_samples"]:
        print(f"error: {sample}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
