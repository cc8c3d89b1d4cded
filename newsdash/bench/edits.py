"""Edits and long articles: what one saved file costs in a corpus of many articles, and
the first view of an article with thousands of figures.

An edit is measured as the app meets it: the data folder's state worked out (the
fingerprint) and the corpus loaded for it, right after one article file was saved. Its
budget is against loading one article (a full load's cost divided by the article count):
an edit must re-read and re-prove the file that changed, not the corpus.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from newsdash.bench.report import Row, median
from newsdash.bench.scale import ARTICLE, data_dir_env, synthetic_corpus, timed
from newsdash.data.corpus import PROJECT_ROOT, SETTLED_NS, clear_kept, load_corpus, state_digest

EDIT_BUDGET = 3.0  # an edit costs at most this many times loading one article
OVERVIEW_PAGE = "pages/overview.py"
EDITED_LINE = '  title:\n    en: "'  # the article's English title: an edit that keeps it valid
BIG_SEED = "bench_many_figures.txt"
PER_PARAGRAPH = 100  # generated sentences per seed paragraph


def articles(count: int) -> str:
    return f"{count:,} article" if count == 1 else f"{count:,} articles"


# 1/ AN EDIT AMONG MANY ARTICLES

def wait_until_settled() -> None:
    """New files are hashed again at every look until they are SETTLED_NS old (see
    newsdash.data.corpus._digest); a corpus just written would make every look a full read."""
    time.sleep(SETTLED_NS / 1e9 + 0.2)


def edit_one(data: Path, round_: int) -> None:
    """Save one article with a changed title, as an editor would."""
    path = sorted((data / "articles").glob("*.yaml"))[round_ % 7]
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(EDITED_LINE, 1)
    path.write_text(f"{head}{EDITED_LINE}Edit {round_}: {rest}", encoding="utf-8")


def look(data: Path):  # noqa: ANN201 - Corpus
    """What a rerun after the edit does: the data state, then the corpus for it."""
    corpus = load_corpus(data, state=state_digest(data))
    if corpus.errors:
        raise RuntimeError(f"synthetic corpus has errors: {corpus.errors[0]}")
    return corpus


def measure_edit(count: int, runs: int, root: Path) -> dict:
    data = synthetic_corpus(root / f"edit-{count}", count)
    look(synthetic_corpus(root / "warm-up", 1))  # imports and first-call costs, not counted
    wait_until_settled()
    cold = []
    for _ in range(max(1, runs // 2)):
        clear_kept()
        cold += timed(lambda: look(data), 1)
    look(data)  # warm: every article kept
    edits = []
    for round_ in range(runs):
        edit_one(data, round_)
        edits += timed(lambda: look(data), 1)
    return {"count": count, "full_load": cold, "edit": edits}


def edit_row(result: dict) -> Row:
    count = result["count"]
    one_article = median(result["full_load"]) / count
    return Row("Edits", f"an edit at {articles(count)}, against loading one article", median(result["edit"]),
               one_article, "s", EDIT_BUDGET, len(result["edit"]),
               f"one title changed, then fingerprint and load; loading one article = a full load "
               f"({median(result['full_load']):.2f} s) / {count:,}")


# 2/ AN ARTICLE WITH THOUSANDS OF FIGURES

def many_figures_article(root: Path, figures: int) -> Path:
    """A data folder whose one article has `figures` proven figures besides the real
    article's own: generated sentences, one number each, appended to the real seed as
    new paragraphs. Returns the data folder (the seed is written beside it)."""
    data = root / "data"
    shutil.copytree(PROJECT_ROOT / "data", data, ignore=shutil.ignore_patterns("articles"))
    (data / "articles").mkdir()
    (root / "seeds").mkdir()
    article = yaml.safe_load(ARTICLE.read_text(encoding="utf-8"))
    seed_text = (PROJECT_ROOT / "seeds" / article["article"]["seed"]["file"]).read_text(encoding="utf-8")
    sentences = [_sentence(i) for i in range(figures)]
    paragraphs = [" ".join(sentences[i:i + PER_PARAGRAPH]) for i in range(0, figures, PER_PARAGRAPH)]
    seed_text = "\n\n".join([seed_text, *paragraphs])
    (root / "seeds" / BIG_SEED).write_text(seed_text, encoding="utf-8")
    article["article"]["id"] = f"bench-{figures}-figures"
    article["article"]["seed"] = {"file": BIG_SEED, "sha256": hashlib.sha256(seed_text.encode()).hexdigest()}
    first = len(article["paragraphs"])
    article["paragraphs"] += [{"index": first + i, "kind": "body", "translation": f"Generated paragraph {i}."}
                              for i in range(len(paragraphs))]
    text = yaml.safe_dump(article, allow_unicode=True, sort_keys=False, width=10_000)
    # one short line per figure: 5,000 figures must fit the loader's 1 MB limit
    head, rest = text.split("\nfigures:\n", 1)
    text = f"{head}\nfigures:\n" + "".join(map(_figure_line, range(figures))) + rest
    (data / "articles" / f"bench-{figures}-figures.yaml").write_text(text, encoding="utf-8")
    return data


def _value(i: int) -> int:
    return 10_000 + i  # five digits: never a year, never inside another generated number


def _sentence(i: int) -> str:
    return f"وعدد {_value(i)} مواقع."


def _figure_line(i: int) -> str:
    value = _value(i)
    return (f"- {{id: f{i},label: {{en: S{i},ar: م{i}}},category: demining,value: {value},qualifier: exact,"
            f"unit: sites,period: {{start: '2020',end: '2021'}},attributed_to: B,quote: عدد {value},translation: T}}\n")


def first_view(data: Path) -> float:
    """The overview page as on a fresh server: every cache cleared, the article loaded."""
    import streamlit as st

    from newsdash.app import memo
    from newsdash.bench.rerun import page_app, timed_run

    with data_dir_env(data):
        st.cache_data.clear()
        st.cache_resource.clear()
        memo.clear_all()
        clear_kept()
        return timed_run(page_app(OVERVIEW_PAGE, "en"))


def measure_big_article(figures: int, runs: int, root: Path) -> dict:
    big = many_figures_article(root / f"figures-{figures}", figures)
    shipped = root / "shipped"
    shutil.copytree(PROJECT_ROOT / "data", shipped / "data")
    shutil.copytree(PROJECT_ROOT / "seeds", shipped / "seeds")
    result = {"figures": figures, "big": [], "shipped": []}
    for _ in range(runs):  # both in each round, so a change of load falls on both
        result["shipped"].append(first_view(shipped / "data"))
        result["big"].append(first_view(big))
    return result


def big_article_row(result: dict) -> Row:
    return Row("Edits", f"a {result['figures']:,}-figure article's first view (overview page)", median(result["big"]),
               median(result["shipped"]), "s", None, len(result["big"]),
               "vs the shipped article's first view; fresh caches, AppTest (no browser drawing)")


def run(edit_size: int, edit_runs: int, big_figures: int, big_runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="newsdash-bench-edits-") as tmp:
        rows = [edit_row(measure_edit(edit_size, edit_runs, Path(tmp)))]
        clear_kept()
        rows.append(big_article_row(measure_big_article(big_figures, big_runs, Path(tmp))))
        clear_kept()
        return rows
