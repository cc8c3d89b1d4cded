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

An invisible format character (Unicode category Cf: a direction mark, a zero-width space,
a soft hyphen, ...) inside or beside a number makes the number shown differ from the
number read: "19\u200f37" is read and proven as 1,937 but a browser shows it as 3719, and
"19\u200b37" reads as two numbers. A tatweel or a vowel mark between two digits is skipped
by the reading but shown. ``number_problem`` finds either, with its line: a pasted text
or a seed holding one is refused, so the page shows the very digits that were proven.
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
# every character of Unicode category Cf (Unicode 14; tests/test_number_controls.py checks it)
FORMAT_CONTROLS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
                   "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                   "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                   "\U000e0020-\U000e007f")
_CONTROL_BY_DIGIT = re.compile(rf"(?<=\d)[{FORMAT_CONTROLS}]|[{FORMAT_CONTROLS}](?=\d)")
_SKIPPED_BETWEEN_DIGITS = re.compile(r"(?<=\d)[\u0640\u064b-\u065f\u0670](?=[\u0640\u064b-\u065f\u0670]*\d)")
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


def number_problem(text: str) -> tuple[int, str] | None:
    """(line, why) for the first invisible format character inside or beside a number, or
    tatweel or vowel mark between two digits; None when every number reads as it shows."""
    found = _CONTROL_BY_DIGIT.search(text) or _SKIPPED_BETWEEN_DIGITS.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    return line, (f"has {_describe(found.group())} inside or beside the number "
                  f"\u00ab{_number_around(text, found.start())}\u00bb: there it can show the digits in another "
                  "order, split the number in two or be skipped when it is read, so the figure proven would not be "
                  "the one shown; remove it from the text")


def _number_around(text: str, at: int) -> str:
    """The digits and separators around position at, the hidden characters left out."""
    part = re.compile(rf"[\d.,\u066b\u066c{FORMAT_CONTROLS}\u0640\u064b-\u065f\u0670]")
    start, end = at, at + 1
    while start > 0 and part.match(text, start - 1) and at - start < 40:
        start -= 1
    while end < len(text) and part.match(text, end) and end - at < 40:
        end += 1
    shown = re.sub(rf"[{FORMAT_CONTROLS}\u0640\u064b-\u065f\u0670]", "", text[start:end]).strip(".,")
    return shown


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
