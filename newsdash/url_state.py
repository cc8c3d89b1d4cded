"""What the URL may say about the view, and how an unknown value falls back.

Pure functions: pages read query parameters through these, so a shared link reopens
the same view, and garbage in the URL gives the default view and a short notice,
never an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdash.textsafety import code_span

MAX_PARAM_LENGTH = 200
SHOWN_LENGTH = 40
NOTHING = "-"  # an empty selection; "" means "not in the link", i.e. the default


@dataclass(frozen=True)
class Parsed:
    """The value to use, and a notice when the URL's value was refused."""

    value: object
    notice: str | None = None


def _refused(key: str, raw: str) -> str:
    """The notice. The link's value is quoted as a code span: whoever wrote the link wrote
    it, and as Markdown it could draw an image from any host or a formula."""
    shown = raw if len(raw) <= SHOWN_LENGTH else raw[:SHOWN_LENGTH] + "…"
    return f"Ignored an unknown value for '{key}' in the link ({code_span(shown)}); showing the default."


def parse_choice(key: str, raw: str | None, options: Sequence[str], default: str) -> Parsed:
    """One value out of known options."""
    if raw is None or raw == "":
        return Parsed(default)
    if len(raw) <= MAX_PARAM_LENGTH and raw in options:
        return Parsed(raw)
    return Parsed(default, _refused(key, raw))


def parse_multi(key: str, raw: str | None, options: Sequence[str], default: Sequence[str]) -> Parsed:
    """A comma-separated subset of known options, in the options' order."""
    if raw is None or raw == "":
        return Parsed(list(default))
    if raw == NOTHING:
        return Parsed([])
    wanted = raw.split(",") if len(raw) <= MAX_PARAM_LENGTH else [raw]
    if not all(w in options for w in wanted):
        return Parsed(list(default), _refused(key, raw))
    return Parsed([o for o in options if o in wanted])


def serialize_multi(values: Sequence[str]) -> str:
    return ",".join(values) if values else NOTHING
