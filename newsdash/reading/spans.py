"""Non-overlapping spans kept in order, so "does this overlap anything kept?" costs a
binary search, not a pass over everything found so far: a text of 50,000 dates or numbers
stays linear to read."""

from __future__ import annotations

from bisect import bisect_right


class SpanSet:
    """Half-open (start, end) spans that do not overlap one another."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        if i and self._ends[i - 1] > start:
            return True
        return i < len(self._starts) and self._starts[i] < end

    def add(self, start: int, end: int) -> bool:
        """Keep the span unless it overlaps one kept already; say whether it was kept."""
        if self.overlaps(start, end):
            return False
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def overlapping_any(items: list, spans: list) -> list[bool]:  # noqa: ANN001
    """For each item (with .start/.end), whether it overlaps any of ``spans`` (which may overlap)."""
    index = SpanSet()
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    for start, end in merged:
        index.add(start, end)
    return [index.overlaps(item.start, item.end) for item in items]
