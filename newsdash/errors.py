"""The one domain error type, and how it is written for a human."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsdash.textsafety import one_line

_EXCEPTION_BOOKKEEPING = frozenset({"__traceback__", "__cause__", "__context__", "__suppress_context__", "__notes__"})


@dataclass(frozen=True)
class DataError(Exception):
    """A problem with a data file, placed as precisely as the file allows.

    Written as ``file:line: record id: field: message`` so an editor can open the
    file at the line and see which record and which field to mend. Always one line:
    line breaks and bidi controls quoted from the data are written as escapes.

    A warning (severity "warning") is placed and written the same way, its message
    starting with "warning: ": it is reported, and nothing is refused for it.
    """

    file: str
    message: str
    line: int | None = None
    record_id: str | None = None
    field: str | None = None
    severity: str = "error"

    def __reduce__(self):  # noqa: ANN204
        # st.cache_data pickles the corpus; the default for exceptions sets attributes
        # one by one after creation, which a frozen dataclass refuses.
        return (DataError, (self.file, self.message, self.line, self.record_id, self.field, self.severity))

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = f"warning: {self.message}" if self.is_warning else self.message
        parts = [where, self.record_id or "-", self.field or "-", message]
        return one_line(": ".join(parts))  # data quoted in a message cannot break the line


_frozen_setattr = DataError.__setattr__


def _setattr_leaving_python_its_bookkeeping(self: DataError, name: str, value: object) -> None:
    # A raised exception gets __traceback__ set by contextlib when a `with` block re-raises
    # it, and __cause__ by `raise ... from`; a frozen dataclass refuses both, which turned a
    # placed DataError into a FrozenInstanceError. Only the placed fields are frozen.
    # (dataclass(frozen=True) will not take a __setattr__ in the class body, hence here.)
    if name in _EXCEPTION_BOOKKEEPING:
        object.__setattr__(self, name, value)
    else:
        _frozen_setattr(self, name, value)


DataError.__setattr__ = _setattr_leaving_python_its_bookkeeping


_ABSOLUTE_PATH = re.compile(r"(?<![\w.~/:])(?:/[^\s/:'\"`()<>]+)+/([^\s/:'\"`()<>]+)")


def for_readers(text: str, data_dir: Path | None = None) -> str:
    """A message as readers may see it: paths inside the record (the data folder and the
    seeds beside it) relative to it ("data/articles/x.yaml:12", "seeds/x.txt"), any other
    absolute path cut to its last part ("…/x.tmp"). The server's layout is nobody's business;
    the log keeps the full message."""
    if data_dir is not None:
        root = str(Path(data_dir).resolve().parent).rstrip("/") + "/"
        text = text.replace(root, "")
    return _ABSOLUTE_PATH.sub(lambda m: f"…/{m.group(1)}", text)
