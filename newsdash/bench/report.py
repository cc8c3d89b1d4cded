"""Benchmark rows, the budget each is held to, and the Markdown and JSON reports."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Row:
    """One measured figure: our cost against a baseline measured in the same run.

    `ratio` is value / baseline; `budget` is the largest ratio allowed (None: reported
    only). `runs` is how many repeated measurements each median is taken over.
    """

    section: str
    name: str
    value: float
    baseline: float
    unit: str
    budget: float | None
    runs: int
    note: str = ""
    extra: dict = field(default_factory=dict)
    met: bool | None = None  # a condition beside the ratio (the page offers an article selector)

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else math.inf

    @property
    def ok(self) -> bool | None:
        if self.met is False:
            return False
        return None if self.budget is None else self.ratio <= self.budget

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": round(self.ratio, 4), "ok": self.ok}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def machine() -> dict:
    """What the numbers were measured on; load average because the machine is shared."""
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem_kb / 1e6, 1),
            "python": platform.python_version(), "system": platform.platform(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.3g} {unit}"


def _verdict(row: Row) -> str:
    if row.budget is None:
        return "report" if row.met is None else ("✅" if row.met else "❌")
    return f"{'✅' if row.ok else '❌'} ≤ {row.budget:g}x"


def markdown(rows: list[Row], info: dict) -> str:
    """The table for the README: one line per row, the ratio and the budget verdict."""
    lines = [
        f"Measured {info['date']} on {info['machine']['cpu']} ({info['machine']['cores']} cores, "
        f"{info['machine']['memory_gb']} GB), load average {info['machine']['load_average']} at the start "
        f"and {info['machine']['load_average_end']} at the end, "
        f"{info['mode']} mode, {info['seconds']:.0f} s in all.",
        "",
        "| Section | Measure | Ours | Baseline | Ratio | Budget | Runs | Note |",
        "|---|---|---:|---:|---:|---|---:|---|",
    ]
    for row in rows:
        lines.append(f"| {row.section} | {row.name} | {_fmt(row.value, row.unit)} | "
                     f"{_fmt(row.baseline, row.unit)} | {row.ratio:.2f}x | {_verdict(row)} | "
                     f"{row.runs} | {row.note} |")
    failed = [r for r in rows if r.ok is False]
    lines += ["", f"{len(rows) - len(failed)} of {len(rows)} rows within budget or reported only"
              + (f"; over budget: {', '.join(f'{r.section} / {r.name}' for r in failed)}." if failed else ".")]
    return "\n".join(lines) + "\n"


def write(rows: list[Row], out: Path, mode: str, started: float, skipped: dict[str, str],
          failed: dict[str, str] | None = None) -> tuple[Path, Path]:
    """bench.md and bench.json in `out`; returns both paths."""
    out.mkdir(parents=True, exist_ok=True)
    info = {"date": time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() - (time.monotonic() - started))),
            "machine": machine(), "mode": mode,
            "seconds": time.monotonic() - started, "skipped": skipped, "failed": failed or {}}
    info["machine"]["load_average_end"] = info["machine"].pop("load_average")
    info["machine"]["load_average"] = _START_LOAD or info["machine"]["load_average_end"]
    text = markdown(rows, info)
    if skipped:
        text += "\nSkipped: " + "; ".join(f"{k} ({v})" for k, v in skipped.items()) + "\n"
    if failed:
        text += "\nFailed: " + "; ".join(f"{k} ({v})" for k, v in failed.items()) + "\n"
    md, js = out / "bench.md", out / "bench.json"
    md.write_text(text, encoding="utf-8")
    js.write_text(json.dumps({**info, "rows": [r.as_dict() for r in rows]}, indent=2,
                             ensure_ascii=False, default=str), encoding="utf-8")
    return md, js


_START_LOAD: list[float] = []


def note_start_load() -> None:
    _START_LOAD[:] = [round(x, 2) for x in os.getloadavg()]
