"""`python -m newsdash extract PATH` and `python -m newsdash new-article PATH`.

``extract`` prints the candidates as YAML and writes nothing. ``new-article`` copies the
text byte for byte into the seeds folder and writes a draft article file beside the
curated ones, in the data folder DASHBOARD_DATA_DIR selects, then validates it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from newsdash.curation.draft import (
    MAX_ARTICLE_BYTES,
    build_draft,
    draft_article_id,
    draft_yaml,
    proposal_reason,
    text_problem,
)
from newsdash.curation.one_story import seed_name_now, seeds_locked, story_on_record
from newsdash.curation.worker import record_parties
from newsdash.data.corpus import data_dir, seeds_dir_for
from newsdash.data.loading import load_article
from newsdash.data.measures import load_measures
from newsdash.data.yamlsafe import read_text
from newsdash.errors import DataError
from newsdash.reading.candidates import (
    MAX_CANDIDATES,
    NUMBER_BUDGET,
    Extraction,
    extract,
    guess_published,
    to_yaml,
)
from newsdash.reading.setting import party_names


def add_commands(commands: argparse._SubParsersAction) -> None:
    extract_cmd = commands.add_parser("extract", help="print candidate figures and dates of an article as YAML")
    extract_cmd.add_argument("path", type=Path, help="the article, UTF-8 text (Arabic or English)")
    extract_cmd.add_argument("--published", type=_iso_date, help="publication date, YYYY-MM-DD: "
                             "dates without a year are read against it")
    extract_cmd.set_defaults(run=lambda args: run_extract(args.path, args.published))
    new = commands.add_parser("new-article", help="copy an article into seeds/ and write a draft article YAML")
    new.add_argument("path", type=Path, help="the article, UTF-8 text (Arabic or English)")
    new.add_argument("--published", type=_iso_date, help="publication date, YYYY-MM-DD "
                     "(default: the dateline date found in the text)")
    new.set_defaults(run=lambda args: run_new_article(args.path, args.published))


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date of the form YYYY-MM-DD") from None


def read_article(path: Path) -> tuple[bytes, str]:
    """The article's bytes and text: UTF-8, at most MAX_ARTICLE_BYTES."""
    if not path.is_file():
        raise DataError(str(path), "no such file")
    text = read_text(path, max_bytes=MAX_ARTICLE_BYTES)
    if problem := text_problem(text):  # a bidi control, or a hidden character in a number
        raise DataError(str(path), problem[1], problem[0])
    return path.read_bytes(), text


def run_extract(path: Path, published: date | None) -> int:
    try:
        _, text = read_article(path)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    extraction = extract(text, published, record_parties(data_dir()))
    sys.stdout.write(to_yaml(extraction))
    if extraction.truncated:
        print(f"only the first {MAX_CANDIDATES} candidates of a kind (or the first {NUMBER_BUDGET:,} numbers) were "
              "read: split the text.", file=sys.stderr)
    _say_low_confidence(extraction)
    unresolved = sum(1 for e in extraction.events if e.date is None)
    if unresolved:
        print(f"{unresolved} date(s) without a year left unresolved (date: null): give --published.",
              file=sys.stderr)
    return 0


def _say_low_confidence(extraction: Extraction) -> None:
    low = sum(1 for c in (*extraction.figures, *extraction.events) if c.low_confidence)
    if low:
        print(f"{low} candidate(s) marked confidence: low (digits out of order, a guessed unit): check them first.",
              file=sys.stderr)


def run_new_article(path: Path, published: date | None) -> int:
    try:
        raw, text = read_article(path)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    when = published or guess_published(text)
    if when is None:
        print("no publication date: the text has no dateline date; give --published YYYY-MM-DD.", file=sys.stderr)
        return 2
    if not published:
        print(f"publication date taken from the dateline: {when.isoformat()} (override with --published)",
              file=sys.stderr)
    return _write_draft(raw, text, when, data_dir())


def _write_draft(raw: bytes, text: str, when: date, data: Path) -> int:
    seeds = seeds_dir_for(data)
    target = data / "articles" / f"{draft_article_id(raw)}.yaml"
    if target.exists():
        print(f"{target} already exists: this text has a draft already.", file=sys.stderr)
        return 1
    measures = load_measures(data)[0]  # the proposals: each figure's likely measure and category
    extraction = extract(text, when, party_names(measures.parties))
    with seeds_locked(seeds):  # the story checked and the seed numbered and written as one step
        if holder := story_on_record(raw, data):
            print(f"this text is already on the record as the article '{holder.id}' ({holder.path}): one story is "
                  "one article; add what is new to that article instead.", file=sys.stderr)
            return 1
        seed_name = seed_name_now(raw, seeds)
        article, left_out = build_draft(raw, text, extraction, seed_name, measures=measures)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (seeds / seed_name).exists():
            (seeds / seed_name).write_bytes(raw)
        target.write_text(draft_yaml(article, extraction, measures, text), encoding="utf-8")
    for quote in left_out:
        print(f"left out (words not unique in the text, or no year): «{quote}»", file=sys.stderr)
    for figure in article["figures"] if measures else ():
        print(f"{figure['id']} «{figure['quote']}»: {proposal_reason(figure, measures, 'en', text)}", file=sys.stderr)
    _say_low_confidence(extraction)
    return _report(target, seeds, seeds / seed_name, article)


def _report(target: Path, seeds: Path, seed: Path, article: dict) -> int:
    _, problems = load_article(target, seeds)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"wrote {seed}\nwrote {target}: {len(article['figures'])} figures and {len(article['events'])} "
          "events, all status: draft (not shown on the dashboard until an editor confirms them).")
    return 0
