"""Keeping the garbage collector off the long-lived heap (newsdash.app.heap): what is alive
at a settle is frozen, a settle happens only when something was added (or after a
while), and nothing frozen is kept once it has died."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from newsdash.app import heap, memo


class Node:
    """A tracked object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


def is_frozen(obj: object) -> bool:
    # frozen objects are tracked, but gc.get_objects() no longer lists them
    return gc.is_tracked(obj) and not any(o is obj for o in gc.get_objects())


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def thawed():
    """Each test starts and ends with nothing frozen and a settle due."""
    gc.unfreeze()
    heap._settled.update(marker=None, at=float("-inf"))
    yield
    gc.unfreeze()
    heap._settled.update(marker=None, at=float("-inf"))


def test_a_settle_freezes_what_is_alive_and_a_later_object_is_not_frozen():
    clock = Clock()
    long_lived = Node()
    assert not is_frozen(long_lived)
    assert heap.settle(clock) is True
    assert is_frozen(long_lived)
    assert gc.get_freeze_count() > 1_000  # the libraries' objects too, not only ours
    made_after = Node()
    assert not is_frozen(made_after)


def test_no_settle_again_until_something_grew_or_the_period_passed():
    clock = Clock()
    assert heap.settle(clock) is True
    clock.now += heap.SETTLE_GAP_S
    assert heap.settle(clock) is False  # nothing new: the run pays nothing
    heap.note_growth()
    assert heap.settle(clock) is True
    clock.now += heap.REFREEZE_EVERY_S - 1
    assert heap.settle(clock) is False
    clock.now += 1
    assert heap.settle(clock) is True  # the period passed: a settle even without growth


def test_growth_right_after_a_settle_waits_for_the_gap():
    """A fresh server's first pages each grow the heap: one settle for several of them."""
    clock = Clock()
    assert heap.settle(clock) is True
    for _ in range(3):  # pages visited one after another, each importing and building
        heap.note_growth()
        clock.now += heap.SETTLE_GAP_S / 4
        assert heap.settle(clock) is False
    clock.now += heap.SETTLE_GAP_S / 4
    assert heap.settle(clock) is True  # what they added is frozen now
    assert heap.settle(clock) is False


def test_a_cycle_frozen_while_alive_is_reclaimed_at_the_next_settle():
    clock = Clock()
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    heap.settle(clock)
    assert is_frozen(a)
    del a, b
    gc.collect()
    assert gone() is not None, "a frozen cycle is out of the collector's reach until the next settle"
    heap.note_growth()
    clock.now += heap.SETTLE_GAP_S
    heap.settle(clock)
    assert gone() is None


def test_dead_garbage_is_collected_not_frozen():
    clock = Clock()
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b  # garbage already, but only the collector can free a cycle
    heap.settle(clock)
    assert gone() is None


def test_a_settle_already_under_way_is_not_repeated():
    clock = Clock()
    with heap._lock:
        assert heap.settle(clock) is False
    assert heap.settle(clock) is True


def test_a_new_memo_entry_counts_as_growth_and_a_hit_does_not():
    views = memo.Memo(max_entries=4)
    before = heap._growth
    views.get("key", lambda: [1937])
    assert heap._growth == before + 1
    assert views.get("key", lambda: [0]) == [1937]
    assert heap._growth == before + 1


def test_a_newly_imported_module_counts_as_growth(monkeypatch):
    clock = Clock()
    heap.settle(clock)
    monkeypatch.setitem(sys.modules, "newsdash_test_fake_module", object())
    clock.now += heap.SETTLE_GAP_S
    assert heap.settle(clock) is True


def test_a_dashboard_run_ends_with_what_it_loaded_frozen():
    from conftest import DASHBOARD
    from streamlit.testing.v1 import AppTest

    from newsdash.app import state

    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception
    assert "1,937 buildings" in [m.value for m in at.metric]  # the overview drew the article's figures
    assert heap._settled["marker"] == (heap._growth, len(sys.modules))
    assert is_frozen(state.cached_corpus(*state._data_state_now()))
    assert all(is_frozen(value) for value in state._views._entries.values() if gc.is_tracked(value))
