"""Command line: validate the data, export figures with their provenance.

Errors go to standard error as ``file:line: record id: field: message`` and the exit
status is non-zero; a data problem never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsdash.corpus import data_dir, load_corpus
from newsdash.tables import figures_frame


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsdash", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every data file; exit 1 on any error")
    validate.add_argument("dir", nargs="?", type=Path, help="data folder (default: DASHBOARD_DATA_DIR or data/)")
    export = commands.add_parser("export", help="print every figure with its provenance")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--data", type=Path, help="data folder (default: DASHBOARD_DATA_DIR or data/)")
    return parser


def validate(folder: Path | None) -> int:
    corpus = load_corpus(folder or data_dir())
    for error in corpus.errors:
        print(error, file=sys.stderr)
    if corpus.errors:
        print(f"{len(corpus.errors)} error(s) found.", file=sys.stderr)
        return 1
    figures = sum(len(a.article.figures) for a in corpus.articles)
    events = sum(len(a.article.events) for a in corpus.articles)
    print(f"OK: {len(corpus.articles)} article(s), {figures} figures, {events} events, "
          "every quote found in its source and every value proven.")
    for flag in corpus.flags:
        print(f"flag: {flag.sentence()}")
    return 0


def export(fmt: str, folder: Path | None) -> int:
    corpus = load_corpus(folder or data_dir())
    if corpus.errors:
        for error in corpus.errors:
            print(error, file=sys.stderr)
        return 1
    frame = figures_frame(corpus)
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(frame.to_csv(index=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.dir)
    return export(args.format, args.data)
