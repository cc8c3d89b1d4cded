"""The words in an exported file, as a reader's viewer would show them (tests/test_export.py,
tests/test_kaleido_tabs.py)."""

from __future__ import annotations

import io


def pdf_text(data: bytes) -> str:
    """Every page's text of a PDF, joined by spaces."""
    from pypdf import PdfReader

    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)
