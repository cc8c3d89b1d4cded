"""The screen versions of the exports (the offline file, a chart's standalone page) in the
reader's colour scheme: light by default, dark when the reader's system asks for it
(`prefers-color-scheme: dark`). Images and PDF for print stay light.

The charts are drawn light (newsdash.views.charts); in dark mode a script swaps each
colour of the page's ink (text, axes, grid, background) for its dark counterpart before
Plotly draws. The data's colours (Okabe-Ito, the article's vermillion) keep their meaning
and stay; black ink turns light. One table, used by every screen export, so the two
schemes are the same everywhere.
"""

from __future__ import annotations

import json

DARK_BACKGROUND = "#14171F"
DARK_INK = "#E8E8E8"
# light colour (lower case) -> dark counterpart; any colour not listed is kept
DARK_COLOURS = {
    # text and ink
    "#000000": DARK_INK, "#111111": DARK_INK, "#222222": DARK_INK, "#333333": DARK_INK, "black": DARK_INK,
    "#2a3f5f": DARK_INK,  # plotly_white's text
    "#6e6e6e": "#ABABAB",  # the keys' grey: 4.5:1 on the dark background as on white
    "#5f5f5f": "#ABABAB",
    # grid, axis lines and backgrounds
    "#e6e6e6": "#343A46", "#ebf0f8": "#343A46", "#dfe8f3": "#343A46", "#e5ecf6": "#343A46",
    "#c8d4e3": "#4A5160", "#a2b1c6": "#6A7383", "#bbbbbb": "#5C6372",
    "white": DARK_BACKGROUND, "#ffffff": DARK_BACKGROUND, "#fff": DARK_BACKGROUND,
}

# CSS for the page around the charts: the same background and ink
SCREEN_CSS = f"""
:root {{ color-scheme: light dark; --nd-bg: #ffffff; --nd-ink: #111111; --nd-muted: #4d4d4d;
  --nd-rule: #d0d0d0; --nd-card: #f6f6f4; --nd-link: #0b57a4; --nd-mark: #fde68a; --nd-event: #bfdbfe;
  --nd-target: #f59e0b; --nd-target-line: #b45309; --nd-warn: #fff4e5; --nd-warn-line: #b45309; }}
@media (prefers-color-scheme: dark) {{
  :root {{ --nd-bg: {DARK_BACKGROUND}; --nd-ink: {DARK_INK}; --nd-muted: #b8b8b8; --nd-rule: #3a404c;
    --nd-card: #1d212b; --nd-link: #8ab8f0; --nd-mark: #5c4a0c; --nd-event: #1f3a5c; --nd-target: #8a5a00;
    --nd-target-line: #f5b342; --nd-warn: #2d2418; --nd-warn-line: #f5b342; }}
}}
"""

# Plotly figure JSON, recoloured in the browser when the reader's scheme is dark. No '<'
# in it: it goes inside a <script>.
RECOLOUR_JS = """
var ndDarkColours = COLOURS;
function ndDark() { return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches); }
function ndRecolour(value) {
  if (typeof value === 'string') {
    var swap = ndDarkColours[value.toLowerCase()];
    return swap === undefined ? value : swap;
  }
  if (Array.isArray(value)) return value.map(ndRecolour);
  if (value && typeof value === 'object') {
    var out = {};
    Object.keys(value).forEach(function (key) { out[key] = ndRecolour(value[key]); });
    return out;
  }
  return value;
}
function ndThemed(figure) {
  if (!ndDark()) return figure;
  var layout = ndRecolour(figure.layout || {});
  layout.paper_bgcolor = 'BACKGROUND';
  layout.plot_bgcolor = 'BACKGROUND';
  return {data: ndRecolour(figure.data || []), layout: layout};
}
""".replace("COLOURS", json.dumps(DARK_COLOURS)).replace("BACKGROUND", DARK_BACKGROUND)


def dark_colour(colour: str) -> str:
    """A colour's dark counterpart (the table above), or the colour itself."""
    return DARK_COLOURS.get(colour.lower(), colour)
