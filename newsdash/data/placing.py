"""One rule for where a problem in a data file is: file, line, record id and field.

Every reader of a data file (an article, measures.yaml, method.yaml, a context table)
validates it with pydantic, which names a problem by its path inside the parsed file,
('figures', 2, 'value'). `Placer` turns that path into a DataError an editor can act on:

- the line is the one the YAML reader recorded for the path, or for the nearest part of
  it that has one (a CSV row gives every path its row's line);
- inside a list of records ('figures', 'measures', ...) the record is the item's id, or
  its position ('figures[2]') when it has none, and the field is the rest of the path;
- elsewhere the record is the placer's own (a CSV row's 'row 6', 'method'), or, for a file
  whose top-level keys are records themselves (an article's `article:`), the first key.

`validation_message` says a pydantic error in the words of the data files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import ValidationError

from newsdash.errors import DataError


def validation_message(error: Mapping, unknown: str = "unknown field") -> str:
    """The message of one pydantic error: a field (or column) the model does not know is
    'unknown field'; a value outside its choices also says what was found."""
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        return unknown
    if error["type"] == "literal_error":
        return f"{message}, got {error['input']!r}"
    return message


@dataclass(frozen=True)
class Placer:
    """Places the problems found in one parsed file (see the module's docstring)."""

    file: str
    raw: object = None  # the parsed file, where a record's id is read
    lines: Mapping[tuple, int] = field(default_factory=dict)  # path -> line
    records: tuple[str, ...] = ()  # the top-level lists whose items are records
    record: str | None = None  # the record outside those lists; None: the path's first key
    unknown: str = "unknown field"  # what an unknown key is called in this file

    def error(self, loc: tuple, message: str) -> DataError:
        record, field_path = self._record_and_field(loc)
        return DataError(self.file, message, self._line(loc), record, ".".join(str(p) for p in field_path) or "-")

    def validation_errors(self, exc: ValidationError) -> list[DataError]:
        """Every error pydantic found, placed."""
        return [self.error(tuple(e["loc"]), validation_message(e, self.unknown)) for e in exc.errors()]

    def _line(self, loc: tuple) -> int | None:
        return next((self.lines[loc[:cut]] for cut in range(len(loc), -1, -1) if loc[:cut] in self.lines), None)

    def _record_and_field(self, loc: tuple) -> tuple[str, tuple]:
        if len(loc) > 1 and loc[0] in self.records and isinstance(loc[1], int):
            items = self.raw.get(loc[0]) if isinstance(self.raw, Mapping) else None
            item = items[loc[1]] if isinstance(items, list) and 0 <= loc[1] < len(items) else None
            rid = item.get("id") if isinstance(item, Mapping) else None
            return (str(rid) if rid not in (None, "") else f"{loc[0]}[{loc[1]}]"), loc[2:]
        if self.record is not None:
            return self.record, loc
        return (str(loc[0]), loc[1:]) if loc else ("-", ())
