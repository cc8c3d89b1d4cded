"""Every page opened from a link full of garbage: no exception, a short notice for each
refused value, and the same view as the page's default."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DASHBOARD, ROOT

PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
URL_KEYS = ["lang", "fig", "demining_measures", "returns_series", "timeline_layers", "timeline_range",
            "method_kinds", "method_categories"]
GARBAGE = {
    "unknown": "no_such_thing",
    "markup": "![p](http://203.0.113.7/p.png)<script>window.__xss=1</script>",
    "very_long": "x" * 20_000,
    "commas": ",,,",
    "controls": "\u202eevil\n\nnext",
}
NOTICE = "⚠️ Ignored an unknown value for"


def run(page: str, params: dict[str, str]) -> tuple[AppTest, list[str]]:
    """Open the link (the entry script reads the language on this first run), then the
    page; returns the app and the notices of the first run."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    first = notices(at)
    at.switch_page(page)
    return at.run(), first


def view(at: AppTest) -> list:
    """What the page shows, minus the notices about the link."""
    shown = [(m.label, m.value) for m in at.metric]
    shown += [(kind, e.value) for kind in ("title", "header", "subheader", "info", "warning", "error", "markdown")
              for e in at.get(kind)]
    shown += [("caption", c.value) for c in at.caption if not c.value.startswith(NOTICE)]
    shown += [("chart", json.loads(c.proto.spec)) for c in at.get("plotly_chart")]  # key order varies
    return shown


def notices(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith(NOTICE)]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("kind", GARBAGE)
def test_garbage_in_every_key_gives_the_default_view_and_notices(page: str, kind: str):
    default, _ = run(page, {})
    at, first = run(page, dict.fromkeys(URL_KEYS, GARBAGE[kind]))
    assert not at.exception, [e.value for e in at.exception]
    assert view(at) == view(default)
    assert any("for 'lang'" in n for n in first)
    assert all("\n" not in n and len(n) < 200 for n in first + notices(at))


@pytest.mark.parametrize("page", ["pages/demining.py", "pages/returns.py", "pages/timeline.py",
                                  "pages/original_text.py"])  # the pages a figure link opens
def test_an_unknown_figure_id_is_said(page: str):
    at, _ = run(page, {"fig": "no_such_figure"})
    assert not at.exception
    assert any("for 'fig'" in n for n in notices(at)), notices(at)
