"""Cold against warm PNG export of the same chart, in one run.

Cold: a fresh kaleido (a new Chromium) per image, as plain `fig.to_image()` does.
Warm: the process-wide browser of newsdash.exports.static_export, started once beforehand.
Usage: .venv/bin/python scripts/measure_export.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kaleido  # noqa: E402

from newsdash.data.corpus import load_corpus  # noqa: E402
from newsdash.exports import chart_files as export
from newsdash.exports.static_export import StaticExporter  # noqa: E402
from newsdash.views import charts  # noqa: E402


def timed(fn) -> tuple[float, bytes]:  # noqa: ANN001
    start = time.perf_counter()
    data = fn()
    return time.perf_counter() - start, data


def main(n: int = 5) -> None:
    corpus = load_corpus()
    loaded = corpus.article()
    fig = export.sized_for_export(charts.build_chart(loaded, corpus.context, "chart_roads", "en"))
    opts = {"format": "png", "scale": export.PNG_SCALE}
    cold = [timed(lambda: kaleido.calc_fig_sync(fig, opts, kopts={"mathjax": False})) for _ in range(n)]
    exporter = StaticExporter()
    startup, _ = timed(lambda: exporter.start())
    warm = [timed(lambda: exporter.render(fig, "png", export.PNG_SCALE)) for _ in range(n)]
    exporter.stop()
    assert all(export.png_size(d) == export.png_size(warm[0][1]) for _, d in cold + warm)
    cold_s, warm_s = statistics.median(t for t, _ in cold), statistics.median(t for t, _ in warm)
    print(f"PNG {export.png_size(warm[0][1])}, {n} images each")
    print(f"cold (new browser per image): median {cold_s:.2f} s  all {[round(t, 2) for t, _ in cold]}")
    print(f"warm browser start (once):    {startup:.2f} s")
    print(f"warm (persistent browser):    median {warm_s:.2f} s  all {[round(t, 2) for t, _ in warm]}")
    print(f"ratio cold/warm: {cold_s / warm_s:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
