"""Export: one chart's PNG with the exporter's persistent browser against a fresh kaleido
export each time (a new Chromium per image, what a plain ``fig.to_image()`` does), and the
whole press kit with the persistent browser against the same kit made cold."""

from __future__ import annotations

import time

from newsdash.bench.report import Row, median
from newsdash.bench.scale import timed
from newsdash.data.corpus import load_corpus

BUDGET = 0.3
CHART = "buildings"  # a measure of data/measures.yaml


def one_chart():  # noqa: ANN201 - go.Figure
    from newsdash.views.charts import build_chart

    corpus = load_corpus()
    loaded = corpus.article()
    return build_chart(loaded, corpus, CHART, "en")


def cold_png(fig) -> bytes:  # noqa: ANN001
    """A PNG from a Chromium started for it and closed after it."""
    import kaleido

    from newsdash.exports.chart_files import PNG_SCALE, sized_for_export

    spec = sized_for_export(fig).to_dict()
    return kaleido.calc_fig_sync(spec, opts={"format": "png", "scale": PNG_SCALE}, kopts={"mathjax": False})


def warm_png(fig, exporter) -> bytes:  # noqa: ANN001
    from newsdash.exports.chart_files import image_bytes

    return image_bytes(fig, "png", exporter)


class ColdExporter:
    """Renders like StaticExporter, but starts a new browser for every image."""

    tabs = 1  # the press kit renders as many images at once as the exporter has tabs

    def unavailable_reason(self) -> str | None:
        from newsdash.exports.static_export import unavailable_reason

        return unavailable_reason()

    def render(self, figure, fmt: str, scale: float = 1) -> bytes:  # noqa: ANN001
        import kaleido

        spec = figure.to_dict() if hasattr(figure, "to_dict") else figure
        return kaleido.calc_fig_sync(spec, opts={"format": fmt, "scale": scale}, kopts={"mathjax": False})


def press_kit(exporter) -> int:  # noqa: ANN001
    """Build the press kit in memory; returns its size in bytes."""
    from newsdash.exports.presskit import build_press_kit

    return len(build_press_kit(load_corpus(), exporter=exporter))


def run(runs: int, cold_runs: int, cold_kit: bool) -> list[Row]:
    from newsdash.exports.static_export import StaticExporter

    fig = one_chart()
    cold = timed(lambda: cold_png(fig), cold_runs)
    exporter = StaticExporter()
    try:
        warm_png(fig, exporter)  # starts the browser: the first export pays for it, once
        warm = timed(lambda: warm_png(fig, exporter), runs)
        kit_warm = timed(lambda: press_kit(exporter), max(1, runs // 5))
    finally:
        exporter.stop()
    rows = [Row("Export", "one chart PNG, persistent browser vs fresh kaleido", median(warm), median(cold),
                "s", BUDGET, runs, f"cold: median of {cold_runs} fresh exports")]
    kit_cold, how = _cold_kit(cold_kit, median(cold))
    rows.append(Row("Export", "press kit (every chart, PNG, SVG and PDF, both languages)", median(kit_warm),
                    kit_cold, "s", BUDGET, len(kit_warm), how))
    return rows


def _cold_kit(measure: bool, cold_png_s: float) -> tuple[float, str]:
    """The press kit with a fresh browser per image: measured once, or (quick mode)
    estimated as images x one cold PNG."""
    from newsdash.exports.chart_files import STATIC_FORMATS
    from newsdash.exports.presskit import chart_files

    images = len(chart_files(load_corpus())) * len(STATIC_FORMATS)  # PNG, SVG and PDF of every chart file
    if measure:
        start = time.perf_counter()
        press_kit(ColdExporter())
        return time.perf_counter() - start, f"cold: one kit with a new browser per image ({images} images)"
    return images * cold_png_s, f"cold: estimated as {images} images x one cold PNG"
