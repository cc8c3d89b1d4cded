"""The press kit: every chart in PNG, SVG and PDF in both languages, the full data as CSV and
JSON with provenance, the curated YAML, the original text, a README and a manifest.

The manifest records the sha256 of every file the kit was built from (YAML, seed, context
tables) and of every file in the kit, so a reader can prove that a chart in a story came
from this data and that nothing was changed on the way (``sha256sum -c SHA256SUMS``).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from newsdash.data.corpus import Corpus
from newsdash.data.formula_check import formula_errors_in
from newsdash.data.loading import LoadedArticle
from newsdash.data.tables import events_frame, figures_frame
from newsdash.exports import chart_files as export
from newsdash.exports.presskit_readme import readme_text
from newsdash.exports.static_export import ExportUnavailable, StaticExporter, shared_exporter
from newsdash.reading.i18n import LANGS
from newsdash.views.review import with_corrections

MANIFEST = "MANIFEST.json"
SUMS = "SHA256SUMS"
README = "README.md"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Kit:
    """The files of the kit by path inside the zip, and what they were built from."""

    files: dict[str, bytes] = field(default_factory=dict)
    built_from: dict[str, bytes] = field(default_factory=dict)
    images_missing: str | None = None
    notice: str | None = None  # said first in the README (the data changed since the page was drawn)

    def add(self, path: str, data: bytes | str) -> None:
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data


# 1/ SOURCES: the files the kit is built from, copied byte for byte under source/

def source_files(corpus: Corpus, data_dir: Path) -> dict[str, bytes]:
    """Each article's YAML and seed, and the context tables, by path from the project root.

    The bytes the corpus parsed when it was loaded, not the files as they are on disk
    now: the figures, these copies and the manifest's hashes are all of one state of the
    data, even when an editor saves a file while the kit is being built."""
    root = data_dir.parent
    return {_relative(path, root): data for path, data in sorted(corpus.sources().items())}


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return f"{path.parent.name}/{path.name}"


# 2/ DATA: every figure, event and context row with its provenance, as CSV and JSON

def data_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    context_events = pd.DataFrame([e.model_dump() for e in corpus.context.events])
    return {
        "figures": with_corrections(figures_frame(corpus), corpus),  # a dated correction beside what it corrected
        "events": events_frame(corpus),
        "context_demining": corpus.context.demining,
        "context_returns": corpus.context.returns,
        "context_events": context_events,
    }


def add_data(kit: Kit, corpus: Corpus) -> None:
    for name, frame in data_tables(corpus).items():
        kit.add(f"data/{name}.csv", export.csv_bytes(frame))
        kit.add(f"data/{name}.json", export.whole_numbers(frame).to_json(orient="records", force_ascii=False, indent=2))


# 3/ CHARTS: every chart in both languages; images rendered two at a time

def chart_files(corpus: Corpus, data_dir: Path | None = None) -> list[export.ChartFiles]:
    """Every chart with something to draw, in both languages, as its export figure (with
    the claim caveat and the credit line of data/method.yaml); an empty chart is left out."""
    from newsdash.data.method import load_method
    from newsdash.views.charts import (
        ExportWords,
        build_chart,
        category_charts,
        chart_frame,
        file_stem,
        nothing_to_draw,
    )
    from newsdash.views.data_method import credit_line, image_credit

    data_dir = data_dir or _data_dir_of(corpus)
    method = load_method(data_dir)[0]  # read once for every chart
    charts = []
    for loaded in corpus.articles:
        for chart in [*category_charts(corpus, loaded), *loaded.article.charts]:  # the measures', then its own
            for lang in LANGS:
                frame = chart_frame(loaded, corpus, chart.id, lang)
                if nothing_to_draw(frame, chart.kind):
                    continue
                credit = credit_line(method, lang)
                fig = build_chart(loaded, corpus, chart.id, lang, export=ExportWords(credit=image_credit(credit, lang), article_url=loaded.article.article.url or ""))
                charts.append(export.ChartFiles(fig, frame, file_stem(chart, loaded, lang), lang,
                                                chart.title.get(lang), credit=credit))
    return charts


def add_charts(kit: Kit, corpus: Corpus, exporter: StaticExporter | None, data_dir: Path | None = None) -> None:
    charts = chart_files(corpus, data_dir)
    for files in charts:
        kit.add(f"charts/{files.lang}/{files.file_name('csv')}", files.data("csv"))
    exporter = exporter or shared_exporter()
    kit.images_missing = exporter.unavailable_reason()
    if kit.images_missing:
        return
    try:
        images = render_images(charts, exporter)
    except ExportUnavailable as error:  # a browser that is there but will not start
        kit.images_missing = str(error)
        return
    for path, data in images.items():
        kit.add(path, data)


def render_images(charts: list[export.ChartFiles], exporter: StaticExporter) -> dict[str, bytes]:
    """Every chart as PNG, SVG and PDF, as many at once as the browser has tabs; all or none."""
    jobs = [(files, fmt) for files in charts for fmt in export.STATIC_FORMATS]
    with ThreadPoolExecutor(max_workers=max(1, exporter.tabs)) as pool:
        images = list(pool.map(lambda job: job[0].data(job[1], exporter), jobs))
    return {f"charts/{files.lang}/{files.file_name(fmt)}": data
            for (files, fmt), data in zip(jobs, images, strict=True)}


# 4/ README AND MANIFEST

def manifest(kit: Kit, built_at: datetime) -> dict:
    def entries(files: dict[str, bytes]) -> list[dict]:
        return [{"path": p, "sha256": sha256(d), "bytes": len(d)} for p, d in sorted(files.items())]

    return {
        "built_at": built_at.isoformat(timespec="seconds"),
        "built_from": entries(kit.built_from),
        "images": kit.images_missing is None,
        "images_missing_reason": kit.images_missing,
        "files": entries(kit.files),
    }


def finish(kit: Kit, corpus: Corpus, built_at: datetime) -> None:
    """README, then MANIFEST.json over every file, then SHA256SUMS over all of them."""
    listing = sorted([*kit.files, README, MANIFEST, SUMS])
    readme = readme_text(corpus, kit.built_from, listing, built_at, kit.images_missing)
    kit.add(README, f"**{kit.notice}**\n\n{readme}" if kit.notice else readme)
    kit.add(MANIFEST, json.dumps(manifest(kit, built_at), ensure_ascii=False, indent=2))
    kit.add(SUMS, "".join(f"{sha256(d)}  {p}\n" for p, d in sorted(kit.files.items())))


# 5/ THE ZIP

def kit_name(corpus: Corpus) -> str:
    ids = [a.id for a in corpus.articles]
    return f"{ids[0]}_press-kit" if len(ids) == 1 else "newsdash_press-kit"


def collect(corpus: Corpus, data_dir: Path, exporter: StaticExporter | None = None,
            images: bool = True, built_at: datetime | None = None, notice: str | None = None) -> Kit:
    kit = Kit(built_from=source_files(corpus, data_dir), notice=notice)
    for path, data in kit.built_from.items():
        kit.add(f"source/{path}", data)
    add_data(kit, corpus)
    if images:
        add_charts(kit, corpus, exporter, data_dir)
    else:
        kit.images_missing = "images were not requested (--no-images)"
    finish(kit, corpus, built_at or datetime.now(UTC))
    return kit


def zip_bytes(kit: Kit, built_at: datetime) -> bytes:
    buffer = io.BytesIO()
    stamp = built_at.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(kit.files.items()):
            archive.writestr(zipfile.ZipInfo(path, date_time=stamp), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def build_press_kit(corpus: Corpus, out: Path | None = None, *, data_dir: Path | None = None,
                    exporter: StaticExporter | None = None, images: bool = True,
                    notice: str | None = None) -> bytes | Path:
    """The press kit as zip bytes, or written into the folder `out` (returns the path).

    Everything in it comes from `corpus` alone, files included (see source_files). Refused,
    with the first DataError, when a source it would copy holds a cell a spreadsheet would
    run as a formula (newsdash.data.formula_check)."""
    if found := formula_errors_in(corpus.sources()):
        raise found[0]
    built_at = datetime.now(UTC).replace(microsecond=0)
    data_dir = data_dir or _data_dir_of(corpus)
    kit = collect(corpus, data_dir, exporter, images, built_at, notice)
    data = zip_bytes(kit, built_at)
    if out is None:
        return data
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{kit_name(corpus)}.zip"
    path.write_bytes(data)
    return path


NEWER_THAN_PAGE = ("The data changed on disk after the page was drawn: this kit holds the newer data, "
                   "whole, not the figures the page showed then. Reload the page to see them.")


def _data_dir_of(corpus: Corpus) -> Path:
    from newsdash.data.corpus import data_dir

    first: LoadedArticle | None = corpus.article()
    return first.path.resolve().parent.parent if first else data_dir()
