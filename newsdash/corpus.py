"""Everything the dashboard shows: the articles that passed validation, the context
tables, and every error found along the way (shown, never hidden)."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from newsdash.context import Context, Flag, load_context
from newsdash.errors import DataError
from newsdash.loading import LoadedArticle, load_article

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
HASHED_UP_TO = 5_000_000  # bytes; larger files are refused by the loader anyway


@dataclass(frozen=True)
class Corpus:
    articles: tuple[LoadedArticle, ...]
    context: Context
    errors: tuple[DataError, ...]
    flags: tuple[Flag, ...]
    drafts: tuple[LoadedArticle, ...] = ()  # valid draft articles, never shown

    def article(self, article_id: str | None = None) -> LoadedArticle | None:
        """The article with this id, else the first one, else None."""
        by_id = {a.id: a for a in self.articles}
        return by_id.get(article_id or "") or (self.articles[0] if self.articles else None)


def data_dir() -> Path:
    """The data folder: DASHBOARD_DATA_DIR, else the project's own data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or PROJECT_ROOT / "data").resolve()


def seeds_dir_for(data: Path) -> Path:
    """Seeds live beside the data folder, as in the project layout."""
    return data.parent / "seeds"


def article_files(data: Path) -> list[Path]:
    """The article files; hidden names are editors' lock and temporary files (.#x.yaml)."""
    return sorted(p for p in (data / "articles").glob("*.yaml") if not p.name.startswith("."))


def fingerprint(data: Path) -> tuple:
    """Name, modification time, size and content digest of every data and seed file.

    Cached loaders take this as an argument, so an edit on disk makes a new cache key
    and shows on the next rerun without a restart. The digest is there because mtime
    alone can miss an edit: the kernel stamps files from a clock that advances in ticks
    of several milliseconds, some filesystems keep whole seconds, and copies made with
    `cp -p` or `rsync -t` keep the old time; a same-size save in the same tick would
    otherwise look unchanged. Hashing the few small files takes about 0.1 ms; files
    unchanged for a while keep their digest (see _digest).
    """
    entries = []
    for folder in (data, seeds_dir_for(data)):
        try:
            paths = sorted(folder.rglob("*")) if folder.is_dir() else []
        except OSError:  # a folder renamed mid-walk: the next rerun sees the new state
            paths = []
        entries += [entry for entry in map(_file_entry, paths) if entry]
    return tuple(entries)


def _file_entry(path: Path) -> tuple | None:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None
        digest = _digest(path, info) if info.st_size <= HASHED_UP_TO else ""
    except OSError:  # gone between listing and reading (an editor's temporary file)
        return None
    return (str(path), info.st_mtime_ns, info.st_size, digest)


# Digests of files left untouched for a while, so a rerun does not read and hash every
# file again (with 1,000 articles that was 0.2 s a rerun). Reused only while inode, size,
# mtime and ctime are all unchanged, and only for a file whose last change (mtime and
# ctime) was SETTLED_NS before the digest was taken: any later write, `cp -p` or
# `rsync -t` sets ctime to a later clock tick, which no longer matches. POSIX only
# (on Windows ctime is the creation time); FAT keeps no change time, so the data folder
# must not live on FAT for this to hold.
SETTLED_NS = 5_000_000_000
_digests: dict[str, tuple[tuple, str]] = {}


def _digest(path: Path, info: os.stat_result) -> str:
    key = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    known = _digests.get(str(path))
    if known and known[0] == key:
        return known[1]
    digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    settled = time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS
    if os.name == "posix" and settled:
        _digests[str(path)] = (key, digest)
    return digest


def load_corpus(data: Path | None = None) -> Corpus:
    data = data or data_dir()
    articles, errors = [], []
    if not (data / "articles").is_dir():
        errors.append(DataError(str(data / "articles"), "no articles folder here"))
    for path in article_files(data):
        loaded, problems = _load_guarded(path, seeds_dir_for(data))
        errors += problems
        if loaded:
            articles.append(loaded)
    drafts = tuple(a for a in articles if a.is_draft)
    articles = [a for a in articles if not a.is_draft]
    context, context_errors = load_context(data / "context")
    by_measure = series_by_measure(context)  # once, not once per article and chart
    flags = context.flags + tuple(f for a in articles for f in article_vs_series(a, context, by_measure))
    return Corpus(tuple(articles), context, tuple(errors + context_errors), flags, drafts)


def _load_guarded(path: Path, seeds: Path) -> tuple[LoadedArticle | None, list[DataError]]:
    """load_article, with any unforeseen failure on one file reported as that file's
    error: the other articles still show. The hostile-data tests assert none happens."""
    try:
        return load_article(path, seeds)
    except FileNotFoundError:  # removed since it was listed (an editor's atomic save)
        return None, []
    except Exception as exc:  # noqa: BLE001 - one broken file must not take down the rest
        return None, [DataError(str(path), f"could not be read ({type(exc).__name__}: {exc}); please report this")]


def article_vs_series(loaded: LoadedArticle, context: Context, by_measure: dict | None = None) -> list[Flag]:
    """An article total below an earlier cumulative report of the same measure.

    A "more than" figure is a lower bound, so a lower number is no contradiction.
    `by_measure` (series_by_measure) saves splitting the context tables again.
    """
    by_measure = series_by_measure(context) if by_measure is None else by_measure
    flags = []
    published = loaded.article.article.published
    for chart in loaded.article.charts:
        if not chart.context_measure:
            continue
        series = by_measure.get(chart.context_measure)
        if series is None:
            series = context.returns.iloc[0:0]
        earlier = series[series["as_of"] < published]
        for fig in (loaded.article.figure(fid) for fid in chart.figures):
            if fig.qualifier != "more_than" and not earlier.empty and fig.value < earlier["value"].max():
                top = earlier.loc[earlier["value"].idxmax()]
                flags.append(Flag(chart.context_measure, top["as_of"], float(top["value"]), published,
                                  float(fig.value), f"the article, figure {fig.id}"))
    return flags


def series_by_measure(context: Context) -> dict:
    """Each measure's rows, from the demining table where it has them, else returns."""
    return {measure: frame[frame["measure"] == measure]
            for frame in (context.returns, context.demining)  # demining last: it wins a shared name
            for measure in frame["measure"].unique()}
