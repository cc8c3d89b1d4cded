"""Headless Chromium: a downloaded HTML chart draws offline with no request leaving the
file, and the PNG download under a chart in the running app is a real image."""

from __future__ import annotations

import pytest

from newsdash.data.corpus import load_corpus
from newsdash.exports import chart_files as export
from newsdash.reading.formatting import digits_for
from newsdash.views import charts
from tests.conftest import require_browser
from tests.offline_routes import only_the_file

pytestmark = pytest.mark.browser


def html_file(tmp_path, lang: str):
    corpus = load_corpus()
    loaded = corpus.article()
    chart = charts.get_chart(loaded, "returned_to_karabakh_cumulative", corpus)
    fig = charts.build_chart(loaded, corpus, chart.id, lang)
    files = export.ChartFiles(fig, charts.chart_frame(loaded, corpus, chart.id, lang),
                              charts.file_stem(chart, loaded, lang), lang, chart.title.get(lang))
    path = tmp_path / files.file_name("html")
    path.write_bytes(files.data("html"))
    return path, chart


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_html_download_draws_offline_without_any_request(page, tmp_path, lang):
    require_browser()
    path, chart = html_file(tmp_path, lang)
    outside = only_the_file(page)
    page.goto(path.as_uri())
    page.wait_for_selector(".main-svg", timeout=30_000)
    # a long title wraps: one tspan a line (each right-to-left line marked in Arabic)
    lines = page.locator(".gtitle").first.evaluate(
        "el => { const l = [...el.querySelectorAll('tspan.line')]; return l.length ? l.map(t => t.textContent) : [el.textContent]; }")
    assert " ".join(line.strip("\u200f") for line in lines) == chart.title.get(lang)
    annotations = " ".join(page.locator(".annotation-text").all_text_contents())
    assert digits_for(chart.source.get(lang), lang) in annotations.replace("\u200f", "")  # Arabic-Indic in Arabic
    assert page.locator(".point").count() > 0  # the data is drawn, not only the frame
    assert outside == []


def test_png_download_in_the_app_is_a_valid_png(page, app_url, tmp_path):
    page.goto(f"{app_url}/demining")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    page.locator('[data-testid="stPopover"] button').first.click()
    png_button = page.locator('[data-testid="stDownloadButton"] button', has_text="PNG image (2x)").first
    png_button.wait_for(timeout=30_000)
    with page.expect_download(timeout=90_000) as download_info:
        png_button.click()
    download = download_info.value
    assert download.suggested_filename.endswith("_2021-12-29_en.png")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = export.png_size(data)
    assert width == 2 * export.EXPORT_WIDTH and height > 1000
    assert page.locator('[data-testid="stException"]').count() == 0
