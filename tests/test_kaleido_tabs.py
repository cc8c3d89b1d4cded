"""kaleido's tabs kept loaded between images (newsdash/exports/kaleido_tabs.py): the kaleido
it was checked on, the private method it replaces still doing what it replaced, and in a
real browser: a tab is reloaded only every RELOAD_EVERY images, and no image carries
anything of the one drawn before it."""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version

import plotly.graph_objects as go
import pytest

from newsdash.exports import chart_files as export
from newsdash.exports import kaleido_tabs
from newsdash.exports.static_export import StaticExporter
from tests.conftest import require_browser
from tests.exported_text import pdf_text

# 1/ THE KALEIDO IT WAS CHECKED ON


def test_kaleido_is_the_version_the_kept_tabs_were_checked_on():
    """On an upgrade: read Kaleido._return_kaleido_tab and _render_task again, then raise CHECKED_ON."""
    assert version("kaleido") == kaleido_tabs.CHECKED_ON


def test_the_replaced_method_still_only_reloads_the_tab_and_puts_it_back():
    import kaleido

    returned = inspect.getsource(kaleido.Kaleido._return_kaleido_tab)
    code = [line.strip() for line in returned.splitlines()[1:] if line.strip().startswith("await")]
    assert code == ["await tab.reload()", "await self.tabs_ready.put(tab)"]
    # every image, drawn or failed, gives its tab back through it
    rendered = inspect.getsource(kaleido.Kaleido._render_task)
    assert re.search(r"finally:(?:.|\n)*await self\._return_kaleido_tab\(tab\)", rendered)


# 2/ IN A BROWSER


def titled(title: str, value: int) -> go.Figure:
    return export.sized_for_export(go.Figure(go.Bar(x=["a"], y=[value]), layout={"title": {"text": title}}))


@pytest.fixture
def counted_reloads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every reload of a kaleido tab, counted."""
    from kaleido._kaleido_tab._tab import _KaleidoTab

    reloads: list[int] = []
    reload = _KaleidoTab.reload

    async def counting(self):  # noqa: ANN001, ANN202
        reloads.append(1)
        return await reload(self)

    monkeypatch.setattr(_KaleidoTab, "reload", counting)
    monkeypatch.setattr(kaleido_tabs, "RELOAD_EVERY", 3)
    return reloads


def test_a_tab_is_reloaded_every_few_images_not_after_each(counted_reloads: list[int]):
    require_browser()
    exporter = StaticExporter(tabs=1)
    try:
        for i in range(7):
            exporter.render(titled(f"Image {i}", i), "svg")
    finally:
        exporter.stop()
    assert len(counted_reloads) == 2  # after the 3rd and the 6th image; kaleido alone reloads 7 times


def test_no_image_carries_anything_of_the_one_before():
    """One tab, never reloaded in between: each PDF prints its own figure, each SVG has its
    own title, and the same figure drawn again is the same PNG."""
    require_browser()
    exporter = StaticExporter(tabs=1)
    try:
        first_png = exporter.render(titled("First chart", 1), "png", scale=2)
        pdfs = [pdf_text(exporter.render(titled(f"Printed chart {i}", i), "pdf")) for i in range(3)]
        svg = exporter.render(titled("Drawn last", 9), "svg").decode()
        again_png = exporter.render(titled("First chart", 1), "png", scale=2)
    finally:
        exporter.stop()
    for i, text in enumerate(pdfs):
        assert re.findall(r"Printed chart \d", text) == [f"Printed chart {i}"]
    assert "Drawn last" in svg and "Printed chart" not in svg and "First chart" not in svg
    assert again_png == first_png
