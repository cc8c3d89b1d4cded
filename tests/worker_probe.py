"""Run in the reading child by tests/test_extract_bounds.py: what reading a paste imports."""

from __future__ import annotations

import sys


def modules_after_reading(text: str) -> list[str]:
    from newsdash.curation.worker import read_article

    read_article(text, None)
    return sorted(sys.modules)
