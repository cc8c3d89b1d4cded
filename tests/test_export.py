"""Downloads that carry their source: PNG, SVG, PDF, HTML and CSV of a chart, the press kit,
the command line that writes it, and the menu when no browser is to be had."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import threading
import zipfile
from xml.etree import ElementTree

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from newsdash.app.downloads import download_menu_key
from newsdash.data.corpus import load_corpus
from newsdash.exports import chart_files as export
from newsdash.exports import presskit
from newsdash.exports.static_export import ExportUnavailable, StaticExporter, shared_exporter
from newsdash.views import charts
from tests.conftest import DASHBOARD, ROOT, require_browser
from tests.download_buttons import button_labels, button_script, run_button
from tests.exported_text import pdf_text

SVG_NS = "{http://www.w3.org/2000/svg}"
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))
NO_BROWSER = "/nonexistent/chromium"
CAVEAT_EN = "All figures are claims by Russia, a party to the ceasefire arrangements; none is independently verified."
CAVEAT_AR = "جميع الأرقام تصريحات لروسيا، وهي طرف في ترتيبات وقف إطلاق النار، ولم يتحقق منها أي طرف مستقل."


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


CREDIT = "Graphic: The Example Desk"


def chart_files(corpus, chart_id: str, lang: str, filter_tag: str = "", **filters) -> export.ChartFiles:
    """A chart's downloads as the menu makes them: from its export figure."""
    loaded = corpus.article()
    chart = charts.get_chart(loaded, chart_id, corpus)
    fig = charts.build_chart(loaded, corpus, chart_id, lang, export=charts.ExportWords(CREDIT), **filters)
    frame = charts.chart_frame(loaded, corpus, chart_id, lang, **filters)
    return export.ChartFiles(fig, frame, charts.file_stem(chart, loaded, lang, filter_tag), lang,
                             chart.title.get(lang))


def svg_texts(svg: bytes) -> list[str]:
    """The text of every <text> element, its lines joined by spaces, bidi marks removed."""
    root = ElementTree.fromstring(svg)
    texts = (" ".join(t.strip() for t in el.itertext()) for el in root.iter(f"{SVG_NS}text"))
    return [re.sub(r"\s+", " ", t.translate(BIDI_MARKS)).strip() for t in texts]


# 1/ PNG AND SVG


def test_png_is_a_real_image_at_twice_the_layout_size(corpus):
    require_browser()
    files = chart_files(corpus, "road_km", "en")
    sized = export.sized_for_export(files.figure)
    png = files.data("png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert export.png_size(png) == (sized.layout.width * 2, sized.layout.height * 2)
    assert sized.layout.width == 1000  # the page's figure has no width: the export fixes one
    assert files.file_name("png") == "demining-road-km_2021-12-29_en.png"


@pytest.mark.parametrize(("lang", "title", "source", "caveat", "note"), [
    ("en", "Roads cleared of explosives", "Source: Russian MoD via news outlets; articles as labelled",
     CAVEAT_EN, "Series: defence ministry totals as printed by news outlets."),
    # Arabic-Indic digits on an Arabic image, as in the rest of the Arabic interface
    ("ar", "الطرق التي تم تطهيرها من المتفجرات", "المصدر: وزارة الدفاع الروسية عبر وسائل الإعلام؛ المقالات كما هو مبيّن",
     CAVEAT_AR, "السلسلة: حصائل وزارة الدفاع كما نشرتها وسائل الإعلام."),
])
def test_svg_carries_title_source_line_caveat_and_note(corpus, lang, title, source, caveat, note):
    require_browser()
    files = chart_files(corpus, "road_km", lang)
    texts = svg_texts(files.data("svg"))
    assert title in texts
    assert source in texts
    assert caveat in texts  # wrapped over two lines on the image, whole here
    assert any(text.startswith(note) for text in texts)
    assert files.file_name("svg") == f"demining-road-km_2021-12-29_{lang}.svg"


def test_pdf_is_a_pdf_with_the_title_caveat_and_credit_in_its_text(corpus):
    require_browser()
    files = chart_files(corpus, "road_km", "en")
    data = files.data("pdf")
    assert data.startswith(b"%PDF-")
    text = re.sub(r"\s+", " ", pdf_text(data))
    assert "Roads cleared of explosives" in text
    assert "Source: Russian MoD via news outlets; articles as labelled" in text
    assert "none is independently" in text and CREDIT in text
    assert files.file_name("pdf") == "demining-road-km_2021-12-29_en.pdf"
    assert export.MIME["pdf"] == "application/pdf"


def test_svg_carries_the_credit_line_under_the_source(corpus):
    require_browser()
    texts = svg_texts(chart_files(corpus, "road_km", "en").data("svg"))
    source = texts.index("Source: Russian MoD via news outlets; articles as labelled")
    assert texts[source + 1] == CREDIT


def test_a_filtered_timeline_image_says_which_months_it_shows(corpus):
    require_browser()
    filters = {"date_from": "2021-03", "date_to": "2021-12"}
    texts = svg_texts(chart_files(corpus, "chart_timeline", "en", "x", **filters).data("svg"))
    assert any(text.endswith("Shown: March 2021 to December 2021.") for text in texts)
    whole = svg_texts(chart_files(corpus, "chart_timeline", "en").data("svg"))
    assert not any("Shown:" in text for text in whole)


def test_the_credit_line_comes_from_method_yaml_with_a_default(data_copy):
    from newsdash.data.method import load_method
    from newsdash.views.data_method import credit_line

    def credit(lang: str) -> str:
        return credit_line(load_method(data_copy)[0], lang)

    assert credit("en") == "Graphic: the editors"  # the default the project ships: the editors, not the software
    method = data_copy / "method.yaml"
    text = method.read_text(encoding="utf-8")
    method.write_text(text + 'credit: {en: "Graphic: The Example Desk", ar: "رسم: مكتب المثال"}\n',
                      encoding="utf-8")
    assert credit("en") == "Graphic: The Example Desk"
    assert credit("ar") == "رسم: مكتب المثال"
    method.write_text(text, encoding="utf-8")  # no credit field
    assert credit("ar") == "رسم بياني: المحررون"


def test_the_download_menu_draws_its_images_from_the_export_figure(corpus):
    calls = []

    def export_figure():
        calls.append(1)
        return charts.build_chart(corpus.article(), corpus, "road_km", "en",
                                  export=charts.ExportWords(CREDIT))

    files = export.ChartFiles(export_figure, lambda: None, "stem", "en", "title")
    assert not calls  # nothing built until a download is asked for
    page = files.data("html").decode("utf-8")
    assert calls == [1] and CREDIT in page and "none is independently" in page


def test_an_arabic_svg_carries_its_axes_in_arabic(corpus):
    require_browser()
    texts = svg_texts(chart_files(corpus, "road_km", "ar").data("svg"))
    assert "يناير ٢٠٢١" in texts and "مارس ٢٠٢١" in texts
    assert {"٠", "٢٠٠", "٤٠٠", "٦٠٠"} <= set(texts)  # the value axis of 683 km
    assert "Jan 2021" not in texts and "600" not in texts


def test_concurrent_exports_each_get_their_own_image():
    """Two sessions exporting at once must never receive each other's file."""
    require_browser()
    exporter = shared_exporter()
    results: dict[int, bytes] = {}

    def export_one(i: int) -> None:
        fig = go.Figure(go.Bar(x=["a"], y=[i]), layout={"title": {"text": f"Export number {i}"}})
        results[i] = exporter.render(export.sized_for_export(fig), "svg")

    threads = [threading.Thread(target=export_one, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, svg in results.items():
        assert [t for t in svg_texts(svg) if t.startswith("Export number")] == [f"Export number {i}"]
    assert len(results) == 6


# 2/ HTML AND CSV


def test_html_embeds_plotly_and_loads_nothing_from_the_network(corpus):
    files = chart_files(corpus, "road_km", "ar")
    page = files.data("html").decode("utf-8")
    assert '<html lang="ar">' in page  # no dir="rtl": it would displace Plotly's own SVG text
    assert "<title>الطرق التي تم تطهيرها من المتفجرات: ارتفاع حاد حتى فبراير ٢٠٢١" in page  # the chart's finding
    assert "plotly.js v" in page  # the library itself, not a link to it
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page)  # nothing fetched, no MathJax CDN
    # the footer travels with the interactive chart too (in the figure's JSON, \u-escaped)
    assert json.dumps("جميع الأرقام تصريحات لروسيا")[1:-1] in page
    assert files.file_name("html") == "demining-road-km_2021-12-29_ar.html"


def test_csv_of_a_filtered_timeline_has_exactly_the_rows_drawn(corpus):
    loaded = corpus.article()
    filters = {"layers": ["article_events"], "date_from": "2020-11"}
    tag = charts.timeline_filter_tag(**filters)
    files = chart_files(corpus, "chart_timeline", "en", tag, **filters)
    data = files.data("csv")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel then reads the Arabic quotes
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == charts.COLUMNS
    assert [(r["label"], r["date"], r["date_end"], r["precision"]) for r in rows] == [
        ("Trilateral statement signed", "2020-11-09", "2020-11-09", "day"),
        ("Ceasefire comes into force", "2020-11-10", "2020-11-10", "day"),
        ('Start of the demining totals ("since November 2020")', "2020-11-01", "2020-11-30", "month"),
        ("Rudenko's statement, published", "2021-12-29", "2021-12-29", "day"),
    ]  # "end of September 2020" is before the filter's November: not drawn, not exported
    for row in rows:
        assert loaded.seed_text[int(row["quote_start"]):int(row["quote_end"])] == row["quote"]
        assert row["source_title"].startswith("UrduPoint Network / Sputnik, 2021-12-29")
    assert rows[1]["quote"] == "حيز التنفيذ، يوم 10 تشرين الثاني/نوفمبر 2020"
    assert files.file_name("csv") == "ceasefire-timeline_2021-12-29_2020-11-to-end-article_en.csv"


def test_csv_keeps_qualifiers_and_context_sources(corpus):
    files = chart_files(corpus, "returned_to_karabakh_cumulative", "en")
    rows = list(csv.DictReader(io.StringIO(files.data("csv").decode("utf-8-sig"))))
    article = [r for r in rows if r["is_article"] == "True"]
    assert [(r["value"], r["qualifier"], r["quote"]) for r in article] == [("50000", "more_than", "أكثر من 50 ألف لاجئ")]
    context = [r for r in rows if r["is_article"] == "False"]
    assert context and {r["series"] for r in context} == {"returned_to_karabakh_cumulative"}
    assert all(r["source_url"].startswith("https://") for r in context)


# 3/ WITHOUT A BROWSER


def test_without_a_browser_images_say_why_and_html_csv_still_work(corpus):
    exporter = StaticExporter(browser_path=NO_BROWSER)
    reason = export.static_unavailable_reason(exporter)
    assert reason == f"no browser at {NO_BROWSER} (set by BROWSER_PATH)"
    assert export.offered_formats(reason) == ("html", "csv")
    files = chart_files(corpus, "road_km", "en")
    with pytest.raises(ExportUnavailable, match="no browser at /nonexistent/chromium"):
        files.data("png", exporter)
    assert files.data("html").startswith(b"<!doctype html>")
    assert files.data("csv").count(b"\n") == 1 + len(files.frame)


CHART_SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from newsdash.views.charts import get_chart
from newsdash.app.downloads import show_chart
from newsdash.app.state import load_corpus

lang = st.query_params.get("lang", "en")
corpus = load_corpus()
loaded = corpus.article()
show_chart(get_chart(loaded, "road_km", corpus), loaded, lang)
"""


def run_chart_app(lang: str = "en", menu_open: bool = True) -> AppTest:
    at = AppTest.from_string(CHART_SCRIPT, default_timeout=60)
    at.query_params["lang"] = lang
    if menu_open:  # as a reader's click on "Download" does
        at.session_state[download_menu_key("road_km")] = True
    return at.run()


def test_closed_menu_makes_no_buttons_and_opening_it_shows_them():
    at = run_chart_app("en", menu_open=False)
    assert not at.exception
    assert at.get("plotly_chart")
    assert not at.get("download_button")  # made only while the menu is open
    assert [p.proto.popover.label for p in at.get("popover")] == ["Download"]
    at.session_state[download_menu_key("road_km")] = True
    at.run()
    assert [b.proto.id.split("-")[-1] for b in at.get("download_button")][-1] == "download_road_km_csv"


def test_menu_offers_five_downloads_in_the_current_language(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    require_browser()
    at = run_chart_app("ar")
    assert not at.exception
    assert [b.label for b in at.get("download_button")] == [
        "صورة PNG (بدقة مضاعفة)", "صورة SVG (متجهة)", "ملف PDF (للطباعة)", "صفحة HTML تفاعلية (تعمل دون اتصال)",
        "البيانات المرسومة مع مصادرها (CSV)"]
    assert [b.proto.id.split("-")[-1] for b in at.get("download_button")] == [
        "download_road_km_png", "download_road_km_svg", "download_road_km_pdf",
        "download_road_km_html", "download_road_km_csv"]


def test_menu_without_a_browser_says_so_and_offers_html_and_csv(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", NO_BROWSER)
    at = run_chart_app("en")
    assert not at.exception
    assert [b.label for b in at.get("download_button")] == [
        "Interactive HTML (works offline)", "Data drawn, with sources (CSV)"]
    assert (f"PNG, SVG and PDF cannot be made on this server (no browser at {NO_BROWSER} (set by BROWSER_PATH)); "
            "HTML and CSV still work.") in [c.value for c in at.caption]
    assert at.get("plotly_chart")  # the chart itself is still drawn


# 4/ THE PRESS KIT


def read_kit(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def assert_kit_is_whole(files: dict[str, bytes]) -> dict:
    """Every file the manifest lists is in the zip with its hash, and nothing else."""
    manifest = json.loads(files["MANIFEST.json"])
    listed = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    assert set(listed) == set(files) - {"MANIFEST.json", "SHA256SUMS"}
    for path, digest in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == digest, path
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
    assert set(sums) == set(files) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[p]).hexdigest() == d for p, d in sums.items())
    readme = files["README.md"].decode("utf-8")
    assert all(f"`{path}`" in readme for path in files)
    return manifest


def test_press_kit_cli_writes_every_chart_both_languages_and_the_hashes_match(corpus, tmp_path):
    require_browser()
    result = subprocess.run([sys.executable, "-m", "newsdash", "export", str(tmp_path / "kit")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "kit" / "2021-12-29-sputnik-rudenko-karabakh_press-kit.zip"
    assert result.stdout.strip() == f"wrote {path}"
    files = read_kit(path.read_bytes())
    manifest = assert_kit_is_whole(files)
    loaded = corpus.article()
    every_chart = [*charts.category_charts(corpus, loaded), *loaded.article.charts]  # the measures', then its own
    stems = {charts.file_stem(c, loaded, lang) for c in every_chart for lang in ("en", "ar")}
    assert len(stems) == 18
    for stem in stems:
        lang = stem[-2:]
        assert export.png_size(files[f"charts/{lang}/{stem}.png"])[0] == 2000
        assert files[f"charts/{lang}/{stem}.svg"].startswith(b"<svg")
        assert files[f"charts/{lang}/{stem}.pdf"].startswith(b"%PDF")
        assert f"charts/{lang}/{stem}.csv" in files
    built_from = {e["path"]: e["sha256"] for e in manifest["built_from"]}
    seed = loaded.article.article.seed
    assert built_from[f"seeds/{seed.file}"] == seed.sha256
    yaml_path = "data/articles/2021-12-29-sputnik-rudenko-karabakh.yaml"
    assert built_from[yaml_path] == hashlib.sha256((ROOT / yaml_path).read_bytes()).hexdigest()
    assert files[f"source/{yaml_path}"] == (ROOT / yaml_path).read_bytes()
    assert files[f"source/seeds/{seed.file}"] == (ROOT / "seeds" / seed.file).read_bytes()
    figures = json.loads(files["data/figures.json"])
    assert {f["id"]: (f["value"], f["qualifier"]) for f in figures}["explosive_objects_neutralised"] == (26000, "more_than")
    readme = files["README.md"].decode("utf-8")
    for needed in ("## Source", "Published: 2021-12-29", "## Caveats", CAVEAT_EN, "## How to cite",
                   f"| `seeds/{seed.file}` | `{seed.sha256}` |"):
        assert needed in readme


def test_press_kit_without_a_browser_has_the_data_and_says_images_are_missing(corpus):
    files = read_kit(presskit.build_press_kit(corpus, exporter=StaticExporter(browser_path=NO_BROWSER)))
    manifest = assert_kit_is_whole(files)
    assert not any(p.endswith((".png", ".svg", ".pdf")) for p in files)
    assert manifest["images"] is False
    assert f"**No PNG, SVG or PDF in this kit**: no browser at {NO_BROWSER}" in files["README.md"].decode()
    assert len([p for p in files if p.startswith("charts/") and p.endswith(".csv")]) == 18  # 7 measures, 2 own charts
    assert "data/context_demining.csv" in files and "data/events.json" in files


def test_cli_export_without_outdir_still_prints_json_to_stdout(capsys):
    """The command line's own main, in this process (tests/test_cli.py runs the command)."""
    from newsdash.cli import main

    assert main(["export", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["id"]: r["value"] for r in records}["buildings_inspected"] == 1937


KIT_SCRIPT = button_script("newsdash.app.downloads", "press_kit_download", "load_corpus()")


def test_press_kit_button_and_what_it_holds_in_arabic(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    require_browser()
    at = run_button(KIT_SCRIPT, "ar")
    assert button_labels(at) == ["تنزيل الحقيبة الصحفية (zip)"]
    assert at.caption[0].value.startswith("كل رسم بياني بصيغ PNG وSVG وPDF بالإنجليزية والعربية")
    assert len(at.caption) == 1  # no "without images" warning where a browser is found


def test_press_kit_button_without_a_browser_says_the_kit_has_no_images(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", NO_BROWSER)
    at = run_button(KIT_SCRIPT)
    assert button_labels(at) == ["Download the press kit (zip)"]
    assert at.caption[1].value == (f"Without a browser on this server the kit has no PNG, SVG or PDF "
                                   f"(no browser at {NO_BROWSER} (set by BROWSER_PATH)).")


def test_data_and_method_page_offers_the_press_kit(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.switch_page("pages/data_method.py")
    at.run()
    assert not at.exception
    assert "Press kit" in [h.value for h in at.header]
    assert "Download the press kit (zip)" in [b.label for b in at.get("download_button")]
