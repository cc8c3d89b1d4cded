"""The dashboard in the theme Streamlit shows: its own frame follows the reader's choice
in Streamlit's menu (System, Light or Dark; [theme.light] / [theme.dark] in
.streamlit/config.toml), and this style sheet makes what the app draws itself follow too:

- the Plotly charts on screen: each light ink, grid and background colour of the SVG
  swapped for its dark counterpart, from the same table as the offline file and the
  chart's standalone page (newsdash.exports.screen_theme.DARK_COLOURS), so the three
  dark versions agree; the data's colours keep their meaning and stay. The figures
  themselves are not changed: PNG, SVG and PDF downloads stay light;
- the app's own HTML written with fixed colours (chart words, notices, the original
  text's marks and boilerplate, the Add an article page's highlights): text light on the
  dark background, highlights keep dark text on their light background.

Why CSS `light-dark()` and not the reader's system setting or `st.context.theme.type`:
Streamlit sets `color-scheme: light` or `dark` on its app element for the theme it shows,
whichever way it was chosen, and `light-dark(a, b)` picks by it, at once. A media query
(`prefers-color-scheme`) sees only the system's setting, not a choice made in the menu.
`st.context.theme.type` reports the theme to the script, but choosing a theme in the menu
does not rerun the script (checked on Streamlit 1.67: the value changes only at the next
rerun, and may be wrong at a session's first run, Streamlit issue #11920), so figures
built from it would keep the old theme until the reader touched a widget.

Plotly writes colours into inline styles as rgb(r, g, b): the rules match those.
"""

from __future__ import annotations

from newsdash.exports.screen_theme import DARK_BACKGROUND, DARK_COLOURS, DARK_INK

# a label written in a data colour (a point's value, "earlier report"): the same hue, light
# enough to read on the dark background (4.5:1); the Okabe-Ito blue and the article's
# vermillion were 3.4:1 and 4.2:1 there
TEXT_IN_DATA_COLOURS = {"#0072B2": "#6CB8F0", "#D55E00": "#F3925A", "#009E73": "#3CC79B"}
_NAMED = {"white": (255, 255, 255), "black": (0, 0, 0)}


def _rgb(colour: str) -> tuple[int, int, int] | None:
    colour = colour.strip().lower()
    if colour in _NAMED:
        return _NAMED[colour]
    digits = colour.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6:
        return None
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def chart_rules() -> str:
    """One rule per light colour of DARK_COLOURS, for fills, strokes and the SVG's background."""
    rules = []
    seen = set()
    for light, dark in DARK_COLOURS.items():
        rgb = _rgb(light)
        if rgb is None or rgb in seen:
            continue
        seen.add(rgb)
        written = f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
        scope = '[data-testid="stPlotlyChart"] .main-svg'
        rules.append(f'{scope} [style*="fill: {written}"] {{ fill: light-dark({written}, {dark}) !important; }}')
        rules.append(f'{scope} [style*="stroke: {written}"] {{ stroke: light-dark({written}, {dark}) !important; }}')
    for data_colour, lighter in TEXT_IN_DATA_COLOURS.items():  # words only: lines and markers keep theirs
        r, g, b = _rgb(data_colour)
        rules.append(f'[data-testid="stPlotlyChart"] .main-svg text[style*="fill: rgb({r}, {g}, {b})"] '
                     f'{{ fill: light-dark({data_colour}, {lighter}) !important; }}')
    rules.append(f'[data-testid="stPlotlyChart"] .main-svg[style*="background: rgb(255, 255, 255)"] '
                 f'{{ background: light-dark(#FFFFFF, {DARK_BACKGROUND}) !important; }}')
    return "\n".join(rules)


# the app's own HTML written with fixed text colours (inline styles and the views' style
# sheets): light colour -> its dark counterpart
TEXT_COLOURS = {
    "#111111": DARK_INK, "#111": DARK_INK, "#222222": DARK_INK, "#333333": "#D0D0D0", "#333": "#D0D0D0",
    "#4d4d4d": "#C4C4C4", "#555555": "#C4C4C4", "#555": "#C4C4C4", "#5f5f5f": "#C4C4C4", "#6e6e6e": "#ABABAB",
    "#777777": "#ABABAB", "#777": "#ABABAB", "#004280": "#9CC9FF", "#c2410c": "#FF9E6B",
}
# highlights with a light background of their own keep dark text
LIGHT_BACKGROUNDS = ("#fff1a8", "#d9ebff", "#fff8d6", "#fde68a", "#bfdbfe", "#f59e0b", "#e5e7eb")


def _written(colour: str) -> list[str]:
    """How an inline colour may read in the page: as written (st.html) or as the browser
    serialises a style set through React (st.markdown): `color: rgb(51, 51, 51)`."""
    forms = [f"color:{colour}", f"color: {colour}"]
    if (rgb := _rgb(colour)) is not None:
        forms.append(f"color: rgb({rgb[0]}, {rgb[1]}, {rgb[2]})")
    return forms


def app_rules() -> str:
    rules = []
    for light, dark in TEXT_COLOURS.items():
        selectors = ", ".join(f'[data-testid="stMain"] [style*="{form}" i]' for form in _written(light))
        rules.append(f"{selectors} {{ color: light-dark({light}, {dark}) !important; }}")
    highlights = ", ".join(f'[data-testid="stMain"] [style*="background:{c}" i], '
                           f'[data-testid="stMain"] [style*="background: rgb({",".join(map(str, _rgb(c)))})"]'
                           .replace(",", ", ").replace(",  ", ", ") for c in LIGHT_BACKGROUNDS)
    rules.append(f"{highlights} {{ color: #111111 !important; }}")  # the light theme's text colour too
    # Streamlit's light caption grey, written out by the views for captions in HTML
    caption = ", ".join(f'[data-testid="stMain"] [style*="{form}"]'
                        for form in ("color:rgba(49,51,63,0.6)", "color: rgba(49, 51, 63, 0.6)"))
    rules.append(f"{caption} {{ color: light-dark(rgba(49, 51, 63, 0.6), #ABABAB) !important; }}")
    rules.append(".nd-text .nd-boilerplate, .nd-text .nd-bp-label { color: light-dark(#5f5f5f, #C4C4C4) !important; }")
    # Streamlit writes white on the primary colour (a chosen chip, a primary button); the
    # dark theme's primary is light enough to be text on the dark background, so on it
    # the text is dark (8:1 rather than 2:1)
    rules.append('[data-testid="stMultiSelect"] [data-tag], [data-testid="stMultiSelect"] [data-tag] *, '
                 '[data-testid^="stBaseButton-primary"], [data-testid^="stBaseButton-primary"] * '
                 '{ color: light-dark(#FFFFFF, #111111) !important; }')
    rules.append(".nd-note .nd-note-label { color: light-dark(#c2410c, #FF9E6B) !important; }")
    # the light value is the browser's own link blue, which these links show in the light theme
    rules.append('[data-testid="stMain"] .nd-text a, [data-testid="stMain"] .nd-sources a '
                 '{ color: light-dark(#0000EE, #8AB8F0); }')
    return "\n".join(rules)


# every rule applies in both themes: light-dark() gives the light colour (what was written)
# in the light theme and its counterpart in the dark one
DARK_CSS = f"""<style>
{chart_rules()}
{app_rules()}
</style>"""
