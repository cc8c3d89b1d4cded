"""Scale: synthetic corpora of 1 to 1,000 article files through validate, load and the
Data & method page, reported per article.

Each corpus lives in a temporary folder (never in data/): copies of the real article
with new ids, beside a copy of the context tables. Each copy has a seed of its own (the
real text with a numbered tag at its end): one story is one article, and `validate`
refuses a second article on the same text.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from newsdash.bench.report import Row, median
from newsdash.data.corpus import DATA_DIR_ENV, PROJECT_ROOT, clear_kept, fingerprint, load_corpus

ARTICLE = PROJECT_ROOT / "data" / "articles" / "2021-12-29-sputnik-rudenko-karabakh.yaml"
ID_LINE = "  id: 2021-12-29-sputnik-rudenko-karabakh\n"
SEED_LINE = re.compile(r"    file: (\S+)\n    sha256: [0-9a-f]{64}\n")
METHOD_PAGE = "pages/data_method.py"
REFERENCE = 10  # per-article cost at the largest size is compared with the cost here
BUDGET = 1.2
MAX_CHARTS_AT_ONCE = 20


def synthetic_corpus(root: Path, count: int) -> Path:
    """`count` article files under root/data/articles, with the real seeds, context
    tables and method text."""
    data = root / "data"
    # everything but the articles: context tables, method text
    shutil.copytree(PROJECT_ROOT / "data", data, ignore=shutil.ignore_patterns("articles"))
    (data / "articles").mkdir()
    shutil.copytree(PROJECT_ROOT / "seeds", root / "seeds")
    text = ARTICLE.read_text(encoding="utf-8")
    if ID_LINE not in text:
        raise RuntimeError(f"{ARTICLE.name} no longer has the line {ID_LINE.strip()!r}")
    seed = SEED_LINE.search(text)
    if seed is None:
        raise RuntimeError(f"{ARTICLE.name} no longer names its seed file and sha256")
    real_seed = (root / "seeds" / seed.group(1)).read_bytes()
    for i in range(count):
        new_id = f"  id: bench-{i:04d}-sputnik-rudenko-karabakh\n"
        own_seed = real_seed + f" [bench {i:04d}]".encode()  # the last paragraph (the footer) tagged
        (root / "seeds" / f"bench-{i:04d}.txt").write_bytes(own_seed)
        own = f"    file: bench-{i:04d}.txt\n    sha256: {hashlib.sha256(own_seed).hexdigest()}\n"
        (data / "articles" / f"bench-{i:04d}.yaml").write_text(
            text.replace(ID_LINE, new_id, 1).replace(seed.group(0), own, 1), encoding="utf-8")
    return data


@contextlib.contextmanager
def data_dir_env(data: Path) -> Iterator[None]:
    old = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(data)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = old


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def validate(data: Path) -> None:
    from newsdash.cli import validate as cli_validate

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        status = cli_validate(data)
    if status != 0:
        raise RuntimeError(f"synthetic corpus did not validate: {err.getvalue()[:500]}")


def load(data: Path) -> None:
    """What the app does for a first view: fingerprint the files, then load them."""
    fingerprint(data)
    corpus = load_corpus(data)
    if corpus.errors:
        raise RuntimeError(f"synthetic corpus has errors: {corpus.errors[0]}")


def page_cold(data: Path):  # noqa: ANN201 - (seconds, AppTest)
    """The Data & method page as on a fresh server: every cache cleared, so it loads."""
    import streamlit as st

    from newsdash.bench.rerun import page_app, timed_run

    with data_dir_env(data):
        st.cache_data.clear()  # the page's own caches
        st.cache_resource.clear()  # the corpus and the built charts
        clear_kept()  # every file read, hashed and proven again
        at = page_app(METHOD_PAGE, "en")
        return timed_run(at), at


def page_warm(data: Path, at, runs: int) -> tuple[list[float], dict]:  # noqa: ANN001
    from newsdash.bench.rerun import timed_run

    with data_dir_env(data):
        return [timed_run(at) for _ in range(runs)], usability(at)


def usability(at) -> dict:  # noqa: ANN001 - AppTest
    """What the page puts on screen: charts, tables, and whether articles can be chosen."""
    choosers = [w for kind in ("selectbox", "radio", "multiselect") for w in at.get(kind)
                if "article" in (getattr(w, "key", None) or "")]
    return {"charts": len(at.get("plotly_chart")), "tables": len(at.get("dataframe")),
            "article_selector": bool(choosers),
            "selector_options": len(choosers[0].options) if choosers else 0}


def measure_all(sizes: tuple[int, ...], runs: int, root: Path) -> dict[int, dict]:
    """Every size in turn within each round, so a change of load on the shared machine
    falls on all sizes alike rather than on whichever was measured then."""
    corpora = {count: synthetic_corpus(root / f"corpus-{count}", count) for count in sizes}
    results = {count: {"validate": [], "load": [], "page_cold": []} for count in sizes}
    last_page = {}
    for _ in range(runs):
        for count, data in corpora.items():
            clear_kept()  # a first load each time: nothing kept from the run before
            results[count]["validate"] += timed(lambda d=data: validate(d), 1)
            clear_kept()
            results[count]["load"] += timed(lambda d=data: load(d), 1)
            seconds, last_page[count] = page_cold(data)
            results[count]["page_cold"].append(seconds)
    for count, data in corpora.items():  # warm: the page already loaded, nothing cleared
        results[count]["page_warm"], results[count]["shown"] = page_warm(data, last_page[count], max(runs, 5))
    return results


def articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def rows(results: dict[int, dict], runs: int) -> list[Row]:
    """Per-article cost at every size against the cost at REFERENCE articles."""
    out = []
    for stage, label in (("validate", "validate"), ("load", "load"), ("page_cold", "Data & method page, first view")):
        ref = median(results[REFERENCE][stage]) / REFERENCE
        for count, result in results.items():
            per_article = median(result[stage]) / count
            out.append(Row("Scale", f"{label}, {articles(count)} (per article)", per_article, ref, "s",
                           BUDGET if count > REFERENCE else None, runs, f"vs per-article cost at {REFERENCE}"))
    smallest = min(results)
    base = median(results[smallest]["page_warm"])
    for count, result in results.items():
        shown = result["shown"]
        out.append(Row("Scale", f"Data & method page, warm rerun, {articles(count)}", median(result["page_warm"]),
                       base, "s", None, len(result["page_warm"]), f"vs {articles(smallest)}; {_shown(shown)}",
                       shown, met=usable(shown) if count > REFERENCE else None))
    return out


def usable(shown: dict) -> bool:
    """Usable with many articles: one article chosen at a time, not every chart at once."""
    return shown["article_selector"] and shown["charts"] <= MAX_CHARTS_AT_ONCE


def _shown(shown: dict) -> str:
    selector = f"yes, {shown['selector_options']} options" if shown["article_selector"] else "no"
    return f"{shown['charts']} chart(s), {shown['tables']} table(s), article selector: {selector}"


def run(sizes: tuple[int, ...], runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="newsdash-bench-") as tmp:
        return rows(measure_all(sizes, runs, Path(tmp)), runs)
