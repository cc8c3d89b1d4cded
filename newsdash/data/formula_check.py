"""Text a spreadsheet would run as a formula, refused in the data files.

Every CSV the project writes neutralises such a cell (textsafety.csv_cell puts a single
quote before it), but the press kit also carries the sources byte for byte (its
`source/` folder, so that their hashes can be checked), and a context table or an
article opened from there in a spreadsheet would run a cell that begins with "=", "+",
"-", "@", a tab or a carriage return. So `validate` refuses each one, placed like every
other error (`file:line: record id: field: ...`), and the press kit is not built from
data that holds one. Files that cannot be read are skipped here: the loader reports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsdash.data.context import DEMINING_FILE, EVENTS_FILE, RETURNS_FILE, csv_rows
from newsdash.data.corpus import article_files
from newsdash.data.loading import article_placer
from newsdash.data.yamlsafe import decode_text, parse_with_lines, read_bytes
from newsdash.errors import DataError
from newsdash.textsafety import starts_like_formula

_LEAD_NAMES = {"\t": "a tab", "\r": "a carriage return"}


def formula_errors(data: Path) -> list[DataError]:
    """Every text field of every article file and context row on disk that begins like a formula."""
    files = [*article_files(data), *(data / "context" / name for name in (DEMINING_FILE, RETURNS_FILE, EVENTS_FILE))]
    sources = {}
    for path in files:
        try:
            sources[path] = read_bytes(path, root=data)
        except (OSError, DataError):
            continue  # the loader reports a file it cannot read
    return formula_errors_in(sources)


def formula_errors_in(sources: Mapping[Path, bytes]) -> list[DataError]:
    """The same, for the bytes of files as a corpus read them (Corpus.sources()): articles'
    YAML and context tables; seeds are plain text, not cells."""
    errors = []
    for path, raw in sources.items():
        if path.suffix == ".csv":
            errors += _context_errors(path, raw)
        elif path.suffix in (".yaml", ".yml") and path.parent.name == "articles":
            errors += _article_errors(path, raw)
    return errors


def formula_message(text: str) -> str:
    lead = _LEAD_NAMES.get(text[0], repr(text[0]))
    return (f"begins with {lead}, which a spreadsheet may run as a formula when it opens this file; "
            "reword it so that it starts with a letter, a digit or a quotation mark")


def _article_errors(path: Path, raw: bytes) -> list[DataError]:
    try:
        parsed, lines = parse_with_lines(path, decode_text(path, raw))
    except DataError:
        return []
    if not isinstance(parsed, dict):
        return []
    placer = article_placer(path, parsed, lines)
    return [placer.error(loc, formula_message(text)) for loc, text in _texts(parsed) if starts_like_formula(text)]


def _texts(node: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, text) of every string value in the parsed file."""
    if isinstance(node, str):
        return [(loc, node)]
    if isinstance(node, dict):
        return [found for key, value in node.items() for found in _texts(value, (*loc, key))]
    if isinstance(node, list):
        return [found for index, value in enumerate(node) for found in _texts(value, (*loc, index))]
    return []


def _context_errors(path: Path, raw: bytes) -> list[DataError]:
    try:
        rows = csv_rows(path, raw, [])
    except DataError:
        return []
    return [DataError(str(path), formula_message(text), line, f"row {line}", column)
            for line, row in rows for column, text in row.items()
            if isinstance(column, str) and isinstance(text, str) and starts_like_formula(text)]
