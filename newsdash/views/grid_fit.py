"""A wide table's grid fitted to a laptop's page: columns of set widths that together fit
the main area at 1440 px, and rows tall enough for the longest cell to wrap whole.

Streamlit's grid (a canvas) clips a cell's text at its column's edge and hides the
columns past the table's right edge behind a sideways scroll; it wraps text only when a
row is taller than 4rem (64 px). So each table says how wide each column is, and the row
height is computed from its longest cells, with a generous width per character (the
browser test measures the real text: tests/test_browser_reading.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

MAIN_WIDTH_AT_1440 = 976  # px inside the grid's border: the main area of a 1440 px window
CELL_PADDING = 17  # px, both sides of a cell's text (the grid's 8.5 px)
LINE_PX = 15  # a line of the grid's 14 px font; the next starts 1.4 of it lower
LINE_FACTOR = 1.4
VERTICAL_PADDING = 3
CHAR_PX = 6.8  # px: a wide estimate of a character of the grid's 14 px font (measured about 6, Latin or Arabic)
WRAPPING_ROW = 65  # px: the grid wraps only above 64
SITE_NAME = r"^https?://(?:www\.)?([^/?#]+)"  # a link shown as its site's name (a LinkColumn's display text)


def lines_needed(text: object, width: int) -> int:
    """How many lines a cell's text takes at this column width (estimated wide: whole
    words moved to the next line waste up to a word per line)."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return 1
    words = str(text).split()
    per_line = max(1, int((width - CELL_PADDING) // CHAR_PX))
    lines, used = 1, 0
    for word in words:
        size = len(word)
        if used and used + 1 + size > per_line:
            lines, used = lines + 1, 0
        while size > per_line:  # a word longer than the line is broken
            lines, size = lines + 1, size - per_line
        used = size if not used else used + 1 + size
    return lines


def row_height(frame: pd.DataFrame, widths: Mapping[str, int], shown: Sequence[str] | None = None) -> int | None:
    """The row height at which every shown cell's text wraps whole; None (the grid's one
    line) when every cell fits on one."""
    columns = [c for c in (shown or frame.columns) if c in widths]
    most = max((lines_needed(v, widths[c]) for c in columns for v in frame[c]), default=1)
    if most == 1:
        return None
    needed = LINE_PX * (1 + LINE_FACTOR * (most - 1)) + VERTICAL_PADDING * 2 + 4
    return max(WRAPPING_ROW, math.ceil(needed))


def fits_the_page(widths: Mapping[str, int], shown: Sequence[str]) -> bool:
    return sum(widths[c] for c in shown) <= MAIN_WIDTH_AT_1440
