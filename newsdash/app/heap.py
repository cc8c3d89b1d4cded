"""Keeping Python's garbage collector off the server's long-lived objects.

After every script run Streamlit calls gc.collect(2) (its runner.postScriptGC option,
on by default), which walks every object the process holds: the imported libraries,
the corpus, the built charts and views. Measured with py-spy on the running server,
that walk took longer than the rerun itself (about 80 ms against 11 ms on the demining
page), and while it runs the server sends nothing: the collector holds the GIL, so the
finished rerun reaches the browser late.

gc.freeze() moves every object alive at that moment into a generation the collector
skips, so the collection after each run walks only what the run made. (The app now
switches that collection off, `runner.postScriptGC = false` in .streamlit/config.toml:
Python's own collector then runs only when its counters say so, and with the heap
frozen it too walks only what is not long-lived; measured, 12-17% less CPU per rerun.) Frozen objects
are still freed by reference counting; only those that hold one another in a cycle
wait. So the heap is settled again (unfreeze, collect everything, freeze) when the
long-lived set has grown (a corpus loaded, a chart or view built, a module imported)
and at least every REFREEZE_EVERY_S, so cycles left by closed sessions and replaced
charts are reclaimed then, not never.

A settle walks every object, about 0.15 s of CPU on a warm server. A fresh server grows at
nearly every run for a while (each page's first visit imports its modules and builds its
charts), so growth waits SETTLE_GAP_S after a settle: the first pages of a server settled
after each one, 1.1 s of its CPU over the first visit of every page in both languages;
with the gap they settle once or twice (measured 7 December 2026, docs/performance.md).
What grew in between is frozen at the next settle.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable

REFREEZE_EVERY_S = 300.0
SETTLE_GAP_S = 10.0

_lock = threading.Lock()
_growth = 0  # bumped by whatever adds long-lived objects (newsdash.app.memo, the corpus loader)
_settled: dict = {"marker": None, "at": float("-inf")}


def note_growth() -> None:
    """Say that long-lived objects were added: the next settle() freezes them too."""
    global _growth
    _growth += 1


def settle(clock: Callable[[], float] = time.monotonic) -> bool:
    """Collect everything and freeze what survives, if the long-lived set has grown since
    the last settle and that was SETTLE_GAP_S ago, or it was REFREEZE_EVERY_S ago; returns
    whether it did. Cheap when there is nothing to do, so a page may call it on every run."""
    now = clock()
    marker = (_growth, len(sys.modules))
    since = now - _settled["at"]
    if since < REFREEZE_EVERY_S and (marker == _settled["marker"] or since < SETTLE_GAP_S):
        return False
    if not _lock.acquire(blocking=False):  # another session is settling: one is enough
        return False
    try:
        gc.unfreeze()  # what was frozen and has died since is collected now
        gc.collect()
        gc.freeze()
        _settled.update(marker=marker, at=now)
        return True
    finally:
        _lock.release()
