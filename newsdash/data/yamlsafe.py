"""Safe YAML reading that remembers where every value stood in the file.

PyYAML's safe loader still accepts duplicate keys silently and expands aliases
(the 'billion laughs' bomb). We compose the node tree ourselves so we can reject
both, cap size and depth, and keep each value's line for error messages.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from newsdash.errors import DataError

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: every file takes the pure-Python path
    CParser = None

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20
Path_ = tuple[Any, ...]


SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))


class _TooDeep(yaml.MarkedYAMLError):
    pass


class _Refusals(Composer):
    """Composition that refuses anchors and aliases before anything is expanded, and
    nesting deeper than MAX_DEPTH before PyYAML's recursive composer runs out of stack."""

    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self._depth > MAX_DEPTH:
            raise _TooDeep(problem=f"nesting deeper than {MAX_DEPTH} levels", problem_mark=self.peek_event().start_mark)
        self._depth += 1
        try:
            return self._compose_plain_node(parent, index)
        finally:
            self._depth -= 1

    def _compose_plain_node(self, parent, index):  # noqa: ANN001
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed", problem_mark=event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem="anchors (&name) are not allowed", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


class _NoAliasLoader(_Refusals, yaml.SafeLoader):
    """The pure-Python safe loader with the refusals: the reference for every error."""


class _FastLoader(_Refusals, *([CParser] if CParser else []), SafeConstructor, Resolver):
    """The same composition and refusals over libyaml's C event parser.

    Scanning and parsing in pure Python were about 85% of loading an article; the C
    parser does them several times faster. Composition stays in Python (the refusals
    above run on the same events), so the node tree and every line number are the same.
    """

    def __init__(self, stream: str):
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None) -> str:
    """Read a data file as strict UTF-8 text, refusing what an editor would not save.

    Only a regular file is read, at most max_bytes of it; with `root`, only one that
    lies inside that folder (see read_bytes)."""
    return decode_text(path, read_bytes(path, max_bytes, root))


def decode_text(path: Path, raw: bytes) -> str:
    """The bytes of a data file as text, or the DataError an editor can act on."""
    name = str(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(name, "file starts with a byte-order mark; save it as UTF-8 without BOM", 1)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataError(name, "file contains a NUL byte", line)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(name, f"invalid UTF-8 at byte {exc.start}", line) from None


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
# Opened without waiting (a named pipe with no writer would block the read, and the
# corpus lock with it) and, inside a data folder, without following a link that
# appeared after the path was checked.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None) -> bytes:
    """The bytes of a regular file of at most max_bytes, checked before anything is read.

    A named pipe, a device or a folder is refused without reading (a pipe would block
    forever, /dev/zero never ends). With `root`, a path that leads outside that folder
    (through a symbolic link) is refused too. FileNotFoundError passes through: callers
    treat a missing file as they always did. Everything else is a DataError at line 1.
    """
    name = str(path)
    target = _inside(path, root) if root is not None else Path(path)
    try:
        _require_regular(name, os.stat(target))  # no open at all for a pipe or a device
        fd = os.open(target, _OPEN_FLAGS | (_NOFOLLOW if root is not None else 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise DataError(name, f"cannot be read ({exc.strerror or exc})", 1) from None
    try:
        info = os.fstat(fd)  # what was opened, if it changed since the check above
        _require_regular(name, info)
        _require_size(name, info.st_size, max_bytes)
        raw = _read_at_most(fd, max_bytes + 1, info.st_size + 1)
    finally:
        os.close(fd)
    _require_size(name, len(raw), max_bytes)  # it grew while being read
    return raw


def _inside(path: Path, root: Path) -> Path:
    real = Path(os.path.realpath(path))
    top = Path(os.path.realpath(root))
    if real != top and top not in real.parents:
        raise DataError(str(path), f"is a link to {real}, outside the data folder; only files inside it are read", 1)
    return real


def _require_regular(name: str, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((label for test, label in _KINDS if test(info.st_mode)), "not a file")
        raise DataError(name, f"is {kind}, not a regular file; only regular files are read", 1)


def _require_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DataError(name, f"file is {size:,} bytes, above the limit of {max_bytes:,}")


def _read_at_most(fd: int, limit: int, expected: int) -> bytes:
    """Up to `limit` bytes; the first read asks for what fstat announced (plus one, to see
    growth), so no buffer larger than the file is made."""
    chunks, left, ask = [], limit, min(limit, expected)
    while left > 0:
        chunk = os.read(fd, min(left, ask))
        ask = 1 << 16
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# Where libyaml and PyYAML disagree, found by fuzzing the real article: libyaml accepts
# tabs, "?" inside a flow value ({en: Why? ...}) and "#" right after a block scalar
# indicator (>-#), all of which PyYAML refuses. Line breaks other than \n are counted
# differently, and PyYAML's reader refuses non-printable characters. A file with any of
# these takes the reference path, so the fast path never accepts what PyYAML refuses.
_CAREFUL = re.compile(r"[\t\r?\x85\u2028\u2029]|[|>][-+0-9]*#|" + yaml.reader.Reader.NON_PRINTABLE.pattern)


def load_with_lines(path: Path, root: Path | None = None) -> tuple[Any, dict[Path_, int]]:
    """Parse one YAML file into plain data and a map from value path to 1-based line.

    Only a file inside `root` is read (default: the file's own folder)."""
    return parse_with_lines(path, read_text(path, root=root or path.parent))


def parse_with_lines(path: Path, text: str) -> tuple[Any, dict[Path_, int]]:
    """load_with_lines on text already read (the bytes a caller keeps)."""
    return _load_fast(text, str(path)) or _load_reference(text, path)


def _load_fast(text: str, name: str) -> tuple[Any, dict[Path_, int]] | None:
    """The C parser's result for a file it reads without any problem, else None.

    Any problem at all (a YAML error, a refusal, a DataError) sends the file to the
    pure-Python reference path, so every error message stays word for word the same;
    only valid files, the common case, are read faster.
    """
    if CParser is None or _CAREFUL.search(text):
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        return (None, {}) if node is None else (_to_python(loader, node, (), lines, name), lines)
    except Exception:  # noqa: BLE001 - the reference path below reports it properly
        return None
    finally:
        loader.dispose()


def _load_reference(text: str, path: Path) -> tuple[Any, dict[Path_, int]]:
    loader = None
    try:
        loader = _NoAliasLoader(text)  # refuses non-printable characters already here
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[Path_, int] = {}
        data = _to_python(loader, node, (), lines, str(path))
        return data, lines
    except _TooDeep as exc:
        raise DataError(str(path), exc.problem, exc.problem_mark.line + 1) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataError(str(path), f"YAML error: {exc.problem}", line) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise DataError(str(path), f"character U+{exc.character:04X} is not allowed in YAML", line) from None
    except yaml.YAMLError as exc:
        raise DataError(str(path), f"YAML error: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _to_python(loader, node, path: Path_, lines: dict, name: str) -> Any:  # noqa: ANN001
    lines[path] = node.start_mark.line + 1
    if len(path) > MAX_DEPTH:
        raise DataError(name, f"nesting deeper than {MAX_DEPTH} levels", lines[path])
    if isinstance(node, yaml.MappingNode):
        return _mapping(loader, node, path, lines, name)
    if isinstance(node, yaml.SequenceNode):
        _check_tag(node, "tag:yaml.org,2002:seq", name)
        return [_to_python(loader, item, (*path, i), lines, name) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text: "2020-11" and "2020-11-09" are read alike
    if node.tag not in SCALAR_TAGS:  # !!binary would reach pydantic as bytes, !foo as nothing known
        raise DataError(name, f"tag {node.tag} is not allowed", lines[path])
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise DataError(name, f"a value of {len(node.value):,} characters cannot be read as a number",
                        lines[path]) from None


def _mapping(loader, node, path: Path_, lines: dict, name: str) -> dict:  # noqa: ANN001
    _check_tag(node, "tag:yaml.org,2002:map", name)
    result: dict = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise DataError(name, "merge keys (<<) are not allowed", key_node.start_mark.line + 1)
        _check_tag(key_node, key_node.tag if key_node.tag in SCALAR_TAGS else "", name)
        key = loader.construct_object(key_node)
        if not isinstance(key, str):
            raise DataError(name, f"key {key!r} is not text", key_node.start_mark.line + 1)
        if key in result:
            first = lines[(*path, key)]
            raise DataError(
                name, f"duplicate key '{key}' (first at line {first})", key_node.start_mark.line + 1
            )
        result[key] = _to_python(loader, value_node, (*path, key), lines, name)
    return result


def _check_tag(node, expected: str, name: str) -> None:  # noqa: ANN001
    if node.tag != expected:
        raise DataError(name, f"tag {node.tag} is not allowed", node.start_mark.line + 1)
