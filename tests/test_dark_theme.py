"""The app's own drawing follows the theme Streamlit shows, however it was chosen (the
reader's system or Streamlit's menu): every dark rule is a CSS light-dark() pair keyed on
the color-scheme Streamlit sets for its theme, never a prefers-color-scheme media query,
which sees only the system. Pure: the style sheet's text (the browser half is in
tests/test_browser_dark.py)."""

from __future__ import annotations

import re

from newsdash.app.dark_css import DARK_CSS, TEXT_COLOURS
from newsdash.exports.screen_theme import DARK_COLOURS


def test_no_rule_waits_for_the_system_setting():
    assert "prefers-color-scheme" not in DARK_CSS
    assert "@media" not in DARK_CSS


def test_every_chart_colour_has_its_light_and_dark_value_in_one_rule():
    # the plot's white background, black text, grid: the light value as Plotly wrote it, then the dark one
    assert 'fill: light-dark(rgb(255, 255, 255), #14171F) !important' in DARK_CSS
    assert 'fill: light-dark(rgb(34, 34, 34), #E8E8E8) !important' in DARK_CSS
    assert 'stroke: light-dark(rgb(230, 230, 230), #343A46) !important' in DARK_CSS
    assert "background: light-dark(#FFFFFF, #14171F) !important" in DARK_CSS
    for light, dark in DARK_COLOURS.items():
        if light.startswith("#") and len(light) == 7:
            r, g, b = (int(light[i:i + 2], 16) for i in (1, 3, 5))
            assert f"light-dark(rgb({r}, {g}, {b}), {dark})" in DARK_CSS, light


def test_every_text_colour_rule_keeps_its_light_value():
    for light, dark in TEXT_COLOURS.items():
        assert f"color: light-dark({light}, {dark}) !important" in DARK_CSS, light
    # no colour forced in one theme only, except dark text on the highlights' own light backgrounds
    forced = re.findall(r"\{ ?(?:color|fill|stroke|background): (?!light-dark)([^;]+)", DARK_CSS)
    assert forced == ["#111111 !important"]
