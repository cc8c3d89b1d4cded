"""Warnings for text a spreadsheet would run as a formula.

Every CSV the project writes already neutralises such a cell (textsafety.csv_cell puts a
single quote before it), so nothing is refused; but a label or a source title that
begins with "=", "+", "-", "@", a tab or a carriage return is rarely what an editor
meant, and the file itself may be opened in a spreadsheet. `validate` reports each one
as a warning, placed like an error (`file:line: record id: field: warning: ...`).
Files that cannot be read are skipped here: the loader reports them as errors.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from newsdash.data.context import DEMINING_FILE, EVENTS_FILE, RETURNS_FILE, csv_rows
from newsdash.data.corpus import article_files
from newsdash.data.loading import article_placer
from newsdash.data.yamlsafe import load_with_lines, read_bytes
from newsdash.errors import DataError
from newsdash.textsafety import starts_like_formula

_LEAD_NAMES = {"\t": "a tab", "\r": "a carriage return"}


def formula_warnings(data: Path) -> list[DataError]:
    """Every text field of every article file and context row that begins like a formula."""
    warnings = []
    for path in article_files(data):
        warnings += _article_warnings(path)
    for name in (DEMINING_FILE, RETURNS_FILE, EVENTS_FILE):
        warnings += _context_warnings(data / "context" / name)
    return warnings


def warning_message(text: str) -> str:
    lead = _LEAD_NAMES.get(text[0], repr(text[0]))
    return (f"begins with {lead}, which a spreadsheet may run as a formula; "
            "CSV exports put a single quote (') before it so it stays text")


def _article_warnings(path: Path) -> list[DataError]:
    try:
        raw, lines = load_with_lines(path)
    except (OSError, DataError):
        return []
    if not isinstance(raw, dict):
        return []
    placer = article_placer(path, raw, lines)
    return [replace(placer.error(loc, warning_message(text)), severity="warning")
            for loc, text in _texts(raw) if starts_like_formula(text)]


def _texts(node: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, text) of every string value in the parsed file."""
    if isinstance(node, str):
        return [(loc, node)]
    if isinstance(node, dict):
        return [found for key, value in node.items() for found in _texts(value, (*loc, key))]
    if isinstance(node, list):
        return [found for index, value in enumerate(node) for found in _texts(value, (*loc, index))]
    return []


def _context_warnings(path: Path) -> list[DataError]:
    try:
        rows = csv_rows(path, read_bytes(path, root=path.parent.parent), [])
    except (OSError, DataError):
        return []
    return [DataError(str(path), warning_message(text), line, f"row {line}", column, severity="warning")
            for line, row in rows for column, text in row.items()
            if isinstance(column, str) and isinstance(text, str) and starts_like_formula(text)]
