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


def test_the_methods_for_a_later_tab_still_take_from_and_fill_the_same_queue():
    import kaleido

    taken = inspect.getsource(kaleido.Kaleido._get_kaleido_tab)
    assert [line.strip() for line in taken.splitlines() if "await self" in line] == ["tab = await self.tabs_ready.get()"]
    created = inspect.getsource(kaleido.Kaleido._create_kaleido_tab)
    assert "await self._conform_tabs([tab])" in created
    conformed = inspect.getsource(kaleido.Kaleido._conform_tabs)
    assert "await self.tabs_ready.put(ktab)" in conformed and "self._total_tabs += 1" in conformed


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


def test_the_browser_opens_one_tab_and_a_second_only_when_two_images_are_drawn_at_once():
    """A process whose readers download one chart at a time never pays for a second tab's
    plotly.js; a press kit's two drawings at once get their two tabs, and never a third."""
    from concurrent.futures import ThreadPoolExecutor

    require_browser()
    exporter = StaticExporter(tabs=2)
    try:
        first = [exporter.render(titled(f"Alone {i}", i), "svg") for i in range(2)]
        alone = exporter.open_tabs
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(lambda i: exporter.render(titled(f"Together {i}", i), "svg"), range(6)))
        after = exporter.open_tabs
    finally:
        exporter.stop()
    assert (alone, after) == (1, 2)
    assert all(f"Alone {i}" in svg.decode() for i, svg in enumerate(first))
    assert all(f"Together {i}" in svg.decode() for i, svg in enumerate(together))
