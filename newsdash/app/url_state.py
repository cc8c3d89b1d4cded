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


# A FILTER ACROSS A LANGUAGE SWITCH
#
# Streamlit sends a multiselect's or select slider's value to the browser and back as the
# option *labels* (its format_func), and a widget with a key keeps its identity when the
# labels change. After a language switch the browser still holds the old language's
# labels and sends them back: matched against the new labels they are unknown, and the
# ids written to the URL become labels (or nothing). A page therefore keeps each filter's
# ids, with the language they were shown in, and hands them back to the widget when the
# language has changed since: Streamlit then sends the browser the new labels.


@dataclass(frozen=True)
class Shown:
    """A filter's ids as last shown, and in which language."""

    lang: str
    ids: tuple[str, ...]


def ids_after_switch(shown: Shown | None, lang: str) -> tuple[str, ...] | None:
    """The ids to give back to a filter drawn in `lang`: those last shown when they were
    shown in another language; None when the widget's own state can be trusted (same
    language, or never shown)."""
    if shown is None or shown.lang == lang:
        return None
    return shown.ids


def known_ids(values: Sequence[object], options: Sequence[str]) -> list[str]:
    """Only the values that are ids among the options, in the order given: what a filter may
    write to the URL, whatever its widget hands back (never a label)."""
    return [v for v in values if isinstance(v, str) and v in options]


def range_ids(values: Sequence[object], options: Sequence[str], whole: tuple[str, str]) -> tuple[str, str]:
    """A range of two known option ids, first before last; the whole range otherwise."""
    ids = known_ids(values, options)
    if len(ids) != 2:
        return whole
    first, last = sorted(ids, key=options.index)
    return first, last


# A FILTER ACROSS PAGES
#
# Streamlit forgets a widget's state when a run does not draw it: a reader who chose two
# measures on Demining, looked at the Timeline and came back found every measure chosen
# again. A page therefore keeps each filter's ids under a key of its own (not a widget's,
# so Streamlit keeps it) and seeds the widget with them when it is drawn again. A link
# that names the filter wins: it is what the reader (or whoever sent it) asked for.


def kept_key(key: str) -> str:
    """The session-state key of a filter's ids, kept while the page is not shown."""
    return f"_{key}_kept"


def seed_multi(key: str, raw: str | None, kept: Sequence[str] | None, options: Sequence[str],
               default: Sequence[str]) -> Parsed:
    """A filter's first value when it is drawn: the link's, else the ids kept from the
    reader's last visit to the page (those still among the options), else the default."""
    if (raw is None or raw == "") and kept is not None:
        return Parsed(known_ids(kept, options))
    return parse_multi(key, raw, options, default)
