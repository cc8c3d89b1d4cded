"""Characters a data file's text may not hold, and text made safe for Markdown.

Bidirectional controls (U+202A-U+202E, U+2066-U+2069) reorder how the text around them
is displayed: a label holding U+202E can make "1937" read as "7391" on screen while the
file says otherwise. Arabic text needs none of them (the marks U+200E, U+200F and U+061C
stay allowed: they change no order of digits). Control characters other than tab and
newline have no business in an editor's text either. Both are refused with the field.

Streamlit renders titles, captions, metric labels and alerts as Markdown: a label such as
``![x](http://host/p.png)`` would make every reader's browser fetch from that host, and
``$...$`` would turn into formulas. ``md_escape`` makes data text literal there.

A spreadsheet opening a CSV runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as
a formula (``=HYPERLINK(...)`` leaks to a host, ``+cmd|...`` asks to start a program), and
some read a leading tab or carriage return the same way. ``csv_cell`` writes such text
with a leading single quote, as OWASP advises; numbers stay numbers.
"""

from __future__ import annotations

import html
import re
import unicodedata

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|#!{}])")
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
# a plain number written as text ("-3", "+1.5", "2e-3") runs nothing: left as it is
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_ESCAPED_IN_ERRORS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def character_problem(text: str) -> str | None:
    """Why this text may not be shown, or None when it is fine."""
    for char in text:
        if char in BIDI_CONTROLS:
            return (f"contains the bidirectional control character {_describe(char)}, which can "
                    "reverse how the text around it reads; remove it")
    control = _CONTROL.search(text)
    if control:
        return f"contains the control character {_describe(control.group())}; remove it"
    return None


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def one_line(text: str) -> str:
    """Text with line breaks, controls and bidi controls written as escapes.

    Error messages quote data (record ids, keys): written this way one error stays one
    line and cannot reorder or hide the text of the next.
    """
    return _ESCAPED_IN_ERRORS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def starts_like_formula(text: str) -> bool:
    """True when a spreadsheet could read this text, written as a cell, as a formula."""
    return text.startswith(FORMULA_LEADS) and not _PLAIN_NUMBER.fullmatch(text)


def csv_cell(value: object) -> object:
    """A value as every CSV the project writes holds it: text that could run as a
    formula gets a leading single quote; numbers, dates and other text are unchanged."""
    return f"'{value}" if isinstance(value, str) and starts_like_formula(value) else value


def md_escape(text: str) -> str:
    """Data text made literal for Streamlit Markdown (no links, images, formulas, HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html_text(text: str) -> str:
    """Text escaped for HTML given to st.markdown(unsafe_allow_html=True), on one line.

    Markdown is not read inside an HTML block, but a blank line ends the block: a
    paragraph break in the data would let Markdown (images, links) act again after it.
    """
    return html.escape(text).replace("\r", "").replace("\n", "<br>")


def code_span(text: str) -> str:
    """Text as a Markdown code span that no backtick inside it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{one_line(text)}{pad}{fence}"
