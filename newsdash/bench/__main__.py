"""python -m newsdash.bench [--quick] [--out DIR] [--only SECTION ...] [--check] [--chromium PATH]
    [--chromium-arg=--FLAG ...]

Writes bench.md and bench.json to DIR (default bench/out/). Every figure is a median of
repeated runs, divided by a baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

from newsdash.bench import browser, capacity, edits, exporting, report, rerun, scale
from newsdash.bench.config import FULL, QUICK, Config
from newsdash.data.corpus import PROJECT_ROOT

SECTIONS = ("rerun", "browser", "export", "scale", "edits", "capacity")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsdash.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest sizes and few runs (for the test)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench" / "out", help="folder for bench.md and bench.json")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--check", action="store_true", help="exit 1 when a row is over its budget")
    parser.add_argument("--chromium", default=browser.CHROMIUM,
                        help="the Chromium the browser section drives (kaleido's exports find their own)")
    parser.add_argument("--chromium-arg", action="append", default=[], metavar="--FLAG",
                        help="one more flag for that Chromium, written --chromium-arg=--FLAG (repeatable)")
    return parser


def run_section(name: str, config: Config, folder: Path, chromium: str = browser.CHROMIUM,
                chromium_args: tuple[str, ...] = ()) -> list[report.Row]:
    if name == "rerun":
        return rerun.run(folder, config.rerun_runs, config.langs)
    if name == "browser":
        return browser.run(folder, config.first_view_runs, config.interaction_runs, config.sessions, chromium,
                           chromium_args, browser.measured_interactions(config.interactions))
    if name == "export":
        return exporting.run(config.export_runs, config.cold_export_runs, config.measure_cold_kit)
    if name == "edits":
        return edits.run(config.edit_size, config.edit_runs, config.big_article_figures, config.big_article_runs)
    if name == "capacity":
        return capacity.run(capacity.Load(config.capacity_sessions, config.capacity_seconds, config.capacity_think,
                                          config.capacity_flat_seconds))
    return scale.run(config.scale_sizes, config.scale_runs)


def skip_reason(name: str, chromium: str = browser.CHROMIUM) -> str | None:
    if name == "browser":
        return browser.no_browser_reason(chromium)
    if name == "export":
        return browser.no_browser_reason()
    if name == "capacity":
        return capacity.no_nginx_reason()
    return None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config = QUICK if args.quick else FULL
    started = time.monotonic()
    report.note_start_load()
    rows: list[report.Row] = []
    skipped: dict[str, str] = {}
    failed: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="newsdash-bench-") as tmp:
        for name in args.only or SECTIONS:
            reason = skip_reason(name, args.chromium)
            if reason:
                skipped[name] = reason
                continue
            print(f"bench: {name} ...", file=sys.stderr, flush=True)
            try:
                rows += run_section(name, config, Path(tmp), args.chromium, tuple(args.chromium_arg))
            except Exception as error:  # noqa: BLE001 - one broken section must not hide the others
                traceback.print_exc()
                failed[name] = f"{type(error).__name__}: {error}"
    md, js = report.write(rows, args.out, config.name, started, skipped, failed)
    print(md.read_text(encoding="utf-8"))
    print(f"written: {md} and {js}", file=sys.stderr)
    over = [r for r in rows if r.ok is False]
    return 1 if failed or (args.check and over) else 0


if __name__ == "__main__":
    sys.exit(main())
