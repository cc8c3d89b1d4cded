"""A chart's CSV download in Arabic has Arabic column headers; its cells are the same
bytes as the English file's (values, codes, quotes, addresses exact; a cell that could
run as a formula is refused alike), and the English file keeps the data's names."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from newsdash.exports import chart_files as export

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")

# our own words: a made-up agency's count, one cell shaped like a formula
FRAME = pd.DataFrame({
    "record_id": ["ex_count", "ex_count_2"],
    "label": ["Families back in the valley", "=HYPERLINK(\"http://x\",\"y\")"],
    "date": ["2021-03-01", "2021-04"],
    "value": [1200.0, 2326.6],
    "qualifier": ["more_than", "exact"],
    "unit": ["families", "families"],
    "is_article": [True, False],
    "quote": ["عاد أكثر من 1200 أسرة", ""],
    "source_url": ["https://example.org/report-7", ""],
})


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(export.CSV_ENCODING), newline="")))


def files(lang: str) -> export.ChartFiles:
    return export.ChartFiles(figure=lambda: None, frame=lambda: FRAME, stem="returns-example", lang=lang,
                             title="Families back")


def test_the_arabic_csv_has_arabic_headers_and_the_same_cells():
    arabic, english = rows_of(files("ar").data("csv")), rows_of(files("en").data("csv"))
    assert english[0] == list(FRAME.columns)  # the English file as it was
    assert arabic[0] == ["معرّف السجل", "التسمية", "التاريخ", "القيمة", "الصفة", "الوحدة", "من المقال",
                         "الاقتباس الحرفي", "رابط المصدر"]
    assert arabic[1:] == english[1:]  # every value exact, in the same place
    assert arabic[1] == ["ex_count", "Families back in the valley", "2021-03-01", "1200", "more_than", "families",
                         "True", "عاد أكثر من 1200 أسرة", "https://example.org/report-7"]
    assert arabic[2][1] == "'=HYPERLINK(\"http://x\",\"y\")"  # still refused as a formula
    assert arabic[2][3] == "2326.6"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_header_of_a_real_charts_csv_is_in_the_language(lang):
    from newsdash.data.corpus import load_corpus
    from newsdash.views import charts
    from newsdash.views.data_pages import page_charts

    corpus = load_corpus()
    loaded = corpus.article()
    chart = page_charts(corpus, loaded, "returns")[0]
    frame = charts.chart_frame(loaded, corpus, chart.id, lang)
    header, *rows = rows_of(export.csv_bytes(frame, lang))
    assert rows and len(header) == len(set(header)) == len(frame.columns)
    if lang == "ar":
        assert all(ARABIC_LETTER.search(name) for name in header), header
    else:
        assert header == list(frame.columns)
    assert [r[list(frame.columns).index("value")] for r in rows] == \
        [r[list(frame.columns).index("value")] for r in rows_of(export.csv_bytes(frame))[1:]]
