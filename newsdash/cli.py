"""Command line: validate the data, export figures with their provenance.

Errors go to standard error as ``file:line: record id: field: message`` and the exit
status is non-zero; warnings are written the same way ("warning: ..."), exit status 0
when they are all there is. A data problem never shows a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from newsdash.app.serve import add_command as add_serve_command
from newsdash.curation.commands import add_commands as add_curation_commands
from newsdash.data.corpus import changed_since, data_dir, load_corpus
from newsdash.data.tables import csv_text, figures_frame
from newsdash.errors import DataError
from newsdash.views.review import with_corrections


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsdash", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every data file; exit 1 on any error")
    validate.add_argument("dir", nargs="?", type=Path, help="data folder (default: DASHBOARD_DATA_DIR or data/)")
    export = commands.add_parser("export", help="print every figure with its provenance, "
                                 "or write the press kit into OUTDIR")
    export.add_argument("outdir", nargs="?", type=Path, metavar="OUTDIR",
                        help="write the press kit zip here (charts, data, sources, README, manifest)")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--no-images", action="store_true", help="press kit without PNG, SVG and PDF")
    export.add_argument("--data", type=Path, help="data folder (default: DASHBOARD_DATA_DIR or data/)")
    export.add_argument("--static", action="store_true",
                        help="write the whole dashboard, both languages, as one HTML file that opens offline")
    export.add_argument("--out", type=Path, metavar="FILE",
                        help="with --static: the file to write (default: <article id>_dashboard.html here)")
    export.add_argument("--article", metavar="ID", help="with --static: the article (default: the latest published)")
    add_curation_commands(commands)  # extract, new-article
    hashing = commands.add_parser("hash-password", help="print a password's hash: the readers' password gate, or an editor account")
    hashing.add_argument("--stdin", action="store_true", help="read the password from standard input")
    hashing.set_defaults(run=hash_password_command)
    add_serve_command(commands)
    return parser


def validate(folder: Path | None) -> int:
    from newsdash.data.formula_check import formula_errors
    from newsdash.data.store import orphan_warnings

    folder = folder or data_dir()
    corpus = load_corpus(folder)
    errors = [*corpus.errors, *method_errors(folder), *formula_errors(folder)]
    warnings = orphan_warnings(folder)  # a seed no article names, an article whose seed is gone
    for problem in [*errors, *warnings]:
        print(problem, file=sys.stderr)
    if warnings:
        print(f"{len(warnings)} warning(s).", file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s) found.", file=sys.stderr)
        return 1
    figures = sum(len(a.article.figures) for a in corpus.articles)
    events = sum(len(a.article.events) for a in corpus.articles)
    print(f"OK: {len(corpus.articles)} article(s), {figures} figures, {events} events, "
          "every quote found in its source and every value proven.")
    drafts = sum(len(a.drafts) for a in (*corpus.articles, *corpus.drafts))
    if drafts or corpus.drafts:
        print(f"Drafts, valid but not shown: {len(corpus.drafts)} draft article(s), {drafts} draft records.")
    for flag in corpus.flags:
        print(f"flag: {flag.sentence()}")
    return 0


def method_errors(folder: Path) -> list:
    """Errors of the Data & method page's text (data/method.yaml), when the folder has one."""
    from newsdash.data.method import METHOD_FILE, load_method

    return load_method(folder)[1] if (folder / METHOD_FILE).exists() else []


def export(fmt: str, folder: Path | None) -> int:
    corpus = load_corpus(folder or data_dir())
    if corpus.errors:
        for error in corpus.errors:
            print(error, file=sys.stderr)
        return 1
    frame = with_corrections(figures_frame(corpus), corpus)  # what readers are told was corrected, dated
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(csv_text(frame))
    return 0


def static_file(out: Path | None, folder: Path | None, article_id: str | None) -> int:
    """Write the dashboard as one offline HTML file (newsdash.exports.offline)."""
    from newsdash.data.method import load_method
    from newsdash.exports.offline import offline_bytes, offline_name

    folder = folder or data_dir()
    corpus = load_corpus(folder)
    if corpus.errors:
        for error in corpus.errors:
            print(error, file=sys.stderr)
        return 1
    loaded = corpus.article(article_id) if article_id else corpus.article()
    if loaded is None or (article_id and loaded.id != article_id):
        known = ", ".join(a.id for a in corpus.articles) or "none"
        print(f"no article {article_id!r} to export (articles: {known})" if article_id else "no article to export",
              file=sys.stderr)
        return 1
    data = offline_bytes(corpus, loaded, load_method(folder)[0])
    path = out or Path(offline_name(loaded))
    if path.is_dir():
        path = path / offline_name(loaded)
    path.write_bytes(data)
    print(f"wrote {path} ({len(data) / 1_000_000:.1f} MB)")
    return 0


KIT_ATTEMPTS = 3


def press_kit(outdir: Path, folder: Path | None, images: bool) -> int:
    """Write the press kit zip; without a browser for images, say so and fail unless
    --no-images was asked for (a script should not get a kit missing its charts silently)."""
    from newsdash.exports.presskit import build_press_kit
    from newsdash.exports.static_export import unavailable_reason

    folder = folder or data_dir()
    for attempt in range(KIT_ATTEMPTS):  # the kit is always of one state; this only keeps it the latest
        corpus = load_corpus(folder)
        if corpus.errors:
            for error in corpus.errors:
                print(error, file=sys.stderr)
            return 1
        if attempt == 0 and images and (reason := unavailable_reason()):
            print(f"cannot draw PNG, SVG and PDF: {reason}. Install chromium, set BROWSER_PATH, "
                  "or pass --no-images.", file=sys.stderr)
            return 1
        try:
            path = build_press_kit(corpus, outdir, data_dir=folder, images=images)
        except DataError as refused:  # a source the kit would carry holds a spreadsheet formula
            print(refused, file=sys.stderr)
            return 1
        if not changed_since(corpus, folder):
            break
        print("the data changed on disk while the kit was being built: building it again from the new state",
              file=sys.stderr)
    else:
        print(f"the data kept changing: {path.name} holds the state read last, whole", file=sys.stderr)
    print(f"wrote {path}")
    return 0


def hash_password_command(args: argparse.Namespace) -> int:
    """Ask for the password twice (or read one line of standard input); print its hash."""
    from newsdash.app.auth import ENV_VAR, hash_password

    if args.stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Once more: ") != password:
            print("The two passwords differ.", file=sys.stderr)
            return 1
    if len(password) < 10:
        print("Use at least 10 characters: the hash slows guessing, it cannot fix a short password.",
              file=sys.stderr)
        return 1
    encoded = hash_password(password)
    print(encoded)
    print(f"Turn the gate on with [dashboard] password_hash = \"{encoded}\" in .streamlit/secrets.toml,\n"
          f"or in the environment: export {ENV_VAR}='{encoded}'.\n"
          f"For an editor account: \"Your Name\" = \"{encoded}\" under [dashboard.editors]\n"
          f"(docs/sharing.md).", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = command_parser().parse_args(argv)
    if hasattr(args, "run"):
        return args.run(args)
    if args.command == "validate":
        return validate(args.dir)
    if args.static:
        return static_file(args.out, args.data, args.article)
    if args.outdir:
        return press_kit(args.outdir, args.data, images=not args.no_images)
    return export(args.format, args.data)
