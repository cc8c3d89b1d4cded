"""Chart downloads that carry their source: PNG, SVG, PDF, standalone HTML and CSV.

The images are drawn from the chart's export figure (newsdash.views.charts.build_chart with
`export`): the page's chart plus what only a file carries, the claim caveat (the page shows
it once, in a banner) and the newsroom's credit line; all at a fixed size so the header
and footer never crowd each other. The CSV is exactly the data drawn, one row per value with its
provenance. No module here imports streamlit: the app, the press kit and the command line
all use these functions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from newsdash.data.tables import csv_text
from newsdash.exports.static_export import ExportUnavailable, StaticExporter, shared_exporter
from newsdash.reading.i18n import TEXT, t

EXPORT_WIDTH = 1000  # px: wide enough for a 60-character source line and a two-line note
EXPORT_HEIGHT = 640
PNG_SCALE = 2
STATIC_FORMATS = ("png", "svg", "pdf")  # drawn by the browser (kaleido); PDF for print
ALL_FORMATS = ("png", "svg", "pdf", "html", "csv")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "json": "application/json",
}
# Excel opens a CSV without a byte-order mark in the computer's legacy code page, so
# every Arabic quote turns into mojibake; with the UTF-8 BOM it reads UTF-8. pandas
# (encoding="utf-8-sig"), R, LibreOffice and Google Sheets all accept the BOM, so the
# cost is small: a naive reader may see "\ufeff" before the first column name.
CSV_ENCODING = "utf-8-sig"

__all__ = ["ALL_FORMATS", "ChartFiles", "ExportUnavailable", "csv_bytes", "html_bytes",
           "image_bytes", "offered_formats", "pdf_with_info", "sized_for_export", "static_unavailable_reason"]


def static_unavailable_reason(exporter: StaticExporter | None = None) -> str | None:
    """None when PNG, SVG and PDF can be made here, else why not (shown to the user)."""
    return (exporter or shared_exporter()).unavailable_reason()


def offered_formats(unavailable: str | None) -> tuple[str, ...]:
    """Every format, or HTML and CSV only where no browser can draw images."""
    return ALL_FORMATS if unavailable is None else tuple(f for f in ALL_FORMATS if f not in STATIC_FORMATS)


def sized_for_export(fig: go.Figure, width: int = EXPORT_WIDTH, height: int | None = None) -> go.Figure:
    """A copy of the figure at a fixed size, so a PNG is exactly width x height x scale.

    A figure already given a size keeps it; the page's figure is never changed.
    """
    out = go.Figure(fig)
    layout = out.layout
    out.update_layout(width=layout.width or width, height=layout.height or height or EXPORT_HEIGHT,
                      autosize=False)
    return out


def image_bytes(fig: go.Figure, fmt: str, exporter: StaticExporter | None = None) -> bytes:
    """PNG (at twice the layout size), SVG or PDF; ExportUnavailable without a browser."""
    if fmt not in STATIC_FORMATS:
        raise ValueError(f"static format must be png, svg or pdf, not {fmt!r}")
    scale = PNG_SCALE if fmt == "png" else 1
    return (exporter or shared_exporter()).render(sized_for_export(fig), fmt, scale)


def html_bytes(fig: go.Figure, lang: str, title: str, config: dict | None = None) -> bytes:
    """A standalone page that works offline: plotly.js inside, no MathJax, no CDN."""
    page = sized_for_export(fig).to_html(
        include_plotlyjs=True, include_mathjax=False, full_html=True, config=config or {},
    )
    # lang only, no dir="rtl": Plotly lays out its own SVG text, and an inherited
    # right-to-left direction shifts every annotation away from where it belongs
    head = f'<html lang="{lang}">\n<head>\n    <title>{html.escape(title)}</title>'
    return page.replace("<html>\n<head>", head, 1).encode("utf-8")


# A PDF's document information: the browser that renders it names kaleido's page
# ("Kaleido-fier") as its title, which a reader's PDF viewer shows in its title bar and
# a newsroom's archive indexes. The chart's title and the credit are written over it by
# an incremental update (PDF 1.7, 7.5.6): a new information dictionary and a trailer
# pointing back at the browser's, the rendered bytes left as they are. No PDF library
# is needed at run time for one dictionary.
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)


def _pdf_text(text: str) -> bytes:
    """A PDF text string in UTF-16 with its byte-order mark, as hex: any script, nothing to escape."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().upper().encode("ascii") + b">"


def pdf_with_info(pdf: bytes, title: str, author: str = "") -> bytes:
    """The PDF with its title (and author: the credit line) in its document information."""
    end, trailers = _STARTXREF.search(pdf), _TRAILER.findall(pdf)
    if end is None or not trailers:
        raise ValueError("not a PDF with a cross-reference table")
    trailer = trailers[-1]
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer).group(1)
    entries = b"/Title " + _pdf_text(title) + (b"\n/Author " + _pdf_text(author) if author else b"")
    body = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(body)
    info = b"%d 0 obj\n<<%s>>\nendobj\n" % (size, entries)
    xref_at = offset + len(info)
    update = (info + b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (size, offset)
              + b"trailer\n<</Size %d\n/Root %s\n/Info %d 0 R\n/Prev %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (size + 1, root, size, end.group(1), xref_at))
    return body + update


def csv_bytes(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """The chart's data as CSV; in Arabic its column headers in Arabic (the cells as
    they are: values, codes, quotes and addresses exact, formulas refused alike)."""
    return csv_text(whole_numbers(csv_headers(frame, lang))).encode(CSV_ENCODING)


def csv_headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame with its columns named in the language: the data's names in English,
    the words of newsdash.reading.i18n (csv_column_*) in Arabic."""
    if lang != "ar":
        return frame
    return frame.rename(columns={c: t(f"csv_column_{c}", lang) for c in frame.columns if f"csv_column_{c}" in TEXT})


def whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """1937, not 1937.0: a float column (mixed with empty cells or decimals) keeps each
    whole number whole, as the source states it; 2326.6 stays 2326.6."""
    out = frame.copy()
    numeric_or_mixed = [pd.api.types.is_float_dtype(d) or pd.api.types.is_object_dtype(d) for d in out.dtypes]
    for column in out.columns[numeric_or_mixed]:
        values = [int(v) if isinstance(v, float) and v.is_integer() else v for v in out[column]]
        out[column] = pd.Series(values, index=out.index, dtype=object)
    return out


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (the IHDR chunk follows the signature)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@dataclass(frozen=True)
class ChartFiles:
    """One chart as drawn in one language, ready to become any download format.

    `figure` (the export figure) and `frame` (the data drawn) may each be a function
    giving it: the menu under every chart should cost nothing until a download is clicked.
    """

    figure: go.Figure | Callable[[], go.Figure]
    frame: pd.DataFrame | Callable[[], pd.DataFrame]
    stem: str
    lang: str
    title: str
    config: dict | None = None
    credit: str = ""  # the PDF's author: the newsroom's credit line


    def file_name(self, fmt: str) -> str:
        return f"{self.stem}.{fmt}"

    def export_figure(self) -> go.Figure:
        return self.figure() if callable(self.figure) else self.figure

    def data(self, fmt: str, exporter: StaticExporter | None = None) -> bytes:
        if fmt == "pdf":
            return pdf_with_info(image_bytes(self.export_figure(), fmt, exporter), self.title, self.credit)
        if fmt in STATIC_FORMATS:
            return image_bytes(self.export_figure(), fmt, exporter)
        if fmt == "html":
            return html_bytes(self.export_figure(), self.lang, self.title, self.config)
        if fmt == "csv":
            return csv_bytes(self.frame() if callable(self.frame) else self.frame, self.lang)
        raise ValueError(f"unknown download format {fmt!r}")
