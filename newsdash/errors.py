"""The one domain error type, and how it is written for a human."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataError(Exception):
    """A problem with a data file, placed as precisely as the file allows.

    Written as ``file:line: record id: field: message`` so an editor can open the
    file at the line and see which record and which field to mend.
    """

    file: str
    message: str
    line: int | None = None
    record_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where, self.record_id or "-", self.field or "-", self.message]
        return ": ".join(parts)
