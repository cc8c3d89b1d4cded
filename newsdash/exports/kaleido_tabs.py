"""kaleido with its tabs kept loaded from one image to the next (kaleido CHECKED_ON).

kaleido reloads a tab after every image it draws (`Kaleido._return_kaleido_tab` calls
`tab.reload()`), so every image pays again for evaluating plotly.js, 4.6 MB of script:
about two thirds of an image's CPU. Its page keeps nothing from one image to the next that
the next one reads: plotly's `toImage` draws each figure in an element of its own and
purges it, and for a PDF the page's style and image are set anew before it is printed.
Measured on the press kit of data/ (18 charts, 54 images): PNG 7.5 to 3.3 CPU-seconds,
SVG 6.8 to 1.5; every PNG byte for byte the same, every SVG the same but for the random ids
plotly gives its clip paths and patterns on every drawing, reload or not.

A tab is still reloaded every RELOAD_EVERY images, so nothing a drawing might leave behind
(the console log kaleido keeps, a failed drawing's element) grows without end in a server
that runs for weeks.

kaleido also opens all its tabs at the start, each evaluating plotly.js: the second of two
cost 2.2 CPU-seconds and 1.3 s before the first image, in every process whose readers
download one chart at a time. Here the browser opens with one tab, and another, up to
`most_tabs`, only when an image waits for a tab and none is free (a press kit draws two at
once).

No public API keeps a tab or opens one later: `KeptTabsKaleido` overrides those two private
methods, here and nowhere else. tests/test_kaleido_tabs.py fails when kaleido's version
differs from CHECKED_ON or the methods no longer do what is replaced: read them again, then
raise CHECKED_ON.
"""

from __future__ import annotations

from typing import Any

CHECKED_ON = "1.5.0"
RELOAD_EVERY = 50  # images a tab draws between reloads


def kept_tabs_kaleido(most_tabs: int = 1, **options: Any) -> Any:  # noqa: ANN401 - a kaleido.Kaleido
    """A `kaleido.Kaleido(**options)` that opens with one tab and up to `most_tabs` as
    images wait for one, whose tabs are reloaded every RELOAD_EVERY images instead of
    after each."""
    import kaleido

    class KeptTabsKaleido(kaleido.Kaleido):
        opened_tabs = 1

        async def _get_kaleido_tab(self) -> Any:  # noqa: ANN401 - kaleido's _KaleidoTab
            if self.tabs_ready.empty() and self.opened_tabs < most_tabs:
                self.opened_tabs += 1  # counted before the await: a second waiter opens no third
                try:
                    await self._create_kaleido_tab()  # it goes to tabs_ready, for whoever waits first
                except BaseException:
                    self.opened_tabs -= 1
                    raise
            return await super()._get_kaleido_tab()

        async def _return_kaleido_tab(self, tab: Any) -> None:  # noqa: ANN401 - kaleido's _KaleidoTab
            drawn = getattr(tab, "images_since_reload", 0) + 1
            if drawn >= RELOAD_EVERY:
                await tab.reload()
                drawn = 0
            tab.images_since_reload = drawn
            await self.tabs_ready.put(tab)

    return KeptTabsKaleido(n=1, **options)
