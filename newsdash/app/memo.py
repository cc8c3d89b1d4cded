"""A small process-wide memo for what pages ask for on every rerun.

Streamlit's cache decorators hash every argument on every call (and inspect the
function's signature to do it): about 0.3 ms a call, a fifth of a chart page's rerun
in the benchmark's profile. The page views only ever need short keys (a digest of the
state of the data, an article id, a language, the filters), so this memo takes the key
as given: a tuple of strings and tuples, hashed by Python in microseconds.

Values are shared between sessions and must be treated as read-only (frozen figures,
strings, tuples, data frames nobody changes in place). The least recently used entries
are dropped beyond `max_entries`; a new state of the data simply makes new keys.

once_per_run is the other memo: one answer per script run, for what may change between
reruns (the files on disk, the configured password hash).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from newsdash import caches
from newsdash.app import heap

_ALL: list[Memo] = []


class Memo:
    """key -> compute() once, least recently used entries dropped beyond max_entries."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        _ALL.append(self)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:  # noqa: ANN401 - any view's result
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()  # outside the lock: two sessions may compute once each, never wait
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        heap.note_growth()  # a long-lived value: freeze it with the rest at the next settle
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def clear_all() -> None:
    """Empty every memo (the benchmark's cold start; tests empty every cache, memos included,
    through newsdash.caches.clear_all)."""
    for memo in _ALL:
        memo.clear()


_this_run = threading.local()
caches.owns("app.memo:_this_run", lambda: _this_run.__dict__.pop("memo", None))  # this thread's run


def once_per_run(key: tuple, compute):  # noqa: ANN001, ANN201
    """compute() once per script run: for answers that may change between reruns (files
    on disk, an installed browser) but that a page asks for many times in one run. Which
    run this is, Streamlit says only through an internal: run_context.current_run()."""
    from newsdash.app.run_context import current_run

    run = current_run()
    if run is None:  # not in a script run (bare mode): nothing to share
        return compute()
    memo = getattr(_this_run, "memo", None)
    if memo is None or memo[0] is not run:
        memo = _this_run.memo = (run, {})
    if key not in memo[1]:
        memo[1][key] = compute()
    return memo[1][key]
