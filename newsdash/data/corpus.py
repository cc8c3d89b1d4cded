"""Everything the dashboard shows: the articles that passed validation, the context
tables, and every error found along the way (shown, never hidden)."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from newsdash import caches
from newsdash.data.context import (
    DEMINING_FILE,
    EVENTS_FILE,
    RETURNS_FILE,
    Context,
    Flag,
    is_cumulative,
    load_context,
)
from newsdash.data.folders import DATA_DIR_ENV, PROJECT_ROOT, data_dir  # noqa: F401 - where they were
from newsdash.data.loading import LoadedArticle, load_article, read_seed_file
from newsdash.data.measures import MEASURES_FILE, Measure, load_measures
from newsdash.data.review_log import LOG_FILE, Entry, corrections, read_log
from newsdash.data.stories import repeated_stories, story_of
from newsdash.data.yamlsafe import read_bytes
from newsdash.errors import DataError

HASHED_UP_TO = 5_000_000  # bytes; larger files are refused by the loader anyway
CONTEXT_FILES = (DEMINING_FILE, RETURNS_FILE, EVENTS_FILE)
SEEDS_INSIDE = "seeds"  # a record folder that holds its own seeds (see seeds_dir_for)
# Kept in the data folder but no part of the record: the sign-in's shared store (written
# at every sign-in attempt: listing it would make every view's cache key new) and the
# lock files saves take. Never listed in the fingerprint.
NOT_THE_RECORD = frozenset({".state", ".lock", ".save.lock"})


@dataclass(frozen=True)
class Corpus:
    articles: tuple[LoadedArticle, ...]
    context: Context
    errors: tuple[DataError, ...]
    flags: tuple[Flag, ...]
    drafts: tuple[LoadedArticle, ...] = ()  # valid draft articles, never shown
    state: str = ""  # state_digest of the files when they were listed for this load
    measures: dict[str, Measure] = field(default_factory=dict)  # data/measures.yaml, by id, in its order
    measures_source: tuple[tuple[Path, bytes], ...] = ()  # the measures file, with the bytes parsed
    review_log: tuple[Entry, ...] = ()  # data/review/log.jsonl: every save, approval and refusal

    def corrections(self, article_id: str) -> tuple[Entry, ...]:
        """The approved changes to an article on the record: readers see each as a dated correction."""
        return self._corrections.get(article_id, ())

    @cached_property
    def _corrections(self) -> dict[str, tuple[Entry, ...]]:
        # by article, once per corpus: a chart asks for each figure it draws, and the log
        # grows with every save (scanning it for each row was rows x entries)
        by_article: dict[str, list[Entry]] = {}
        for entry in corrections(self.review_log):
            by_article.setdefault(entry.article, []).append(entry)
        return {article: tuple(entries) for article, entries in by_article.items()}

    @cached_property
    def _by_id(self) -> dict[str, LoadedArticle]:
        return {a.id: a for a in self.articles}

    @cached_property
    def figures_by_measure(self) -> dict[str, tuple]:
        """(article, figure) pairs for every confirmed figure on each measure, in the
        articles' order: the record, worked out once per corpus (a chart or a comparison
        would otherwise walk every article's figures)."""
        found: dict[str, list] = {}
        for loaded in self.articles:
            for fig in loaded.article.confirmed_figures:
                if fig.measure:
                    found.setdefault(fig.measure, []).append((loaded, fig))
        return {measure: tuple(pairs) for measure, pairs in found.items()}

    @cached_property
    def newest_first(self) -> tuple[LoadedArticle, ...]:
        """The articles by publication date, the latest first: the order a
        reader picks from, and the first is what a link without ?article= shows. File-name
        order would open on the oldest story once a newsroom adds the next one. Articles of
        one day keep their file-name order (the sort is stable)."""
        return tuple(sorted(self.articles, key=lambda a: a.article.article.published, reverse=True))

    def article(self, article_id: str | None = None) -> LoadedArticle | None:
        """The article with this id, else the latest published, else None."""
        return self._by_id.get(article_id or "") or (self.newest_first[0] if self.articles else None)

    def sources(self) -> dict[Path, bytes]:
        """Every file the shown articles and the context tables were built from, with
        the bytes that were parsed (not the files as they are on disk now)."""
        files = {}
        for loaded in self.articles:
            files[loaded.path] = loaded.raw
            if loaded.seed_path is not None:
                files[loaded.seed_path] = loaded.seed_raw
        files.update(self.context.sources)
        files.update(self.measures_source)
        return files


def seeds_dir_for(data: Path) -> Path:
    """The seeds folder of a data folder: its own seeds/ where it has one (a deployment's
    record, one folder every replica mounts: newsdash.data.store), else seeds/ beside it
    (the checkout's layout, data/ and seeds/ side by side)."""
    inside = data / SEEDS_INSIDE
    return inside if inside.is_dir() else data.parent / "seeds"


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

    What is not a regular file (a named pipe, a device, a folder, a link) is listed by
    name and kind, never opened: its coming and going changes the key too, so removing
    a stray pipe shows on the next rerun.
    """
    return tuple(file_states(data).values())


def state_digest(data: Path, states: dict[str, tuple] | None = None) -> str:
    """A short digest of the fingerprint: one state of the data folder. The entries are
    kept with it, so loading that state (load_corpus(data, state=...)) does not list
    and check every file a second time."""
    states = file_states(data) if states is None else states
    digest = hashlib.blake2b(repr(tuple(states.values())).encode(), digest_size=16).hexdigest()
    _listed[str(data)] = (digest, states)
    return digest


def changed_since(corpus: Corpus, data: Path) -> bool:
    """Whether the files on disk are no longer the state this corpus was loaded from."""
    return state_digest(data) != corpus.state


def file_states(data: Path) -> dict[str, tuple]:
    """The fingerprint's entries by path (see fingerprint)."""
    states = {}
    seeds = seeds_dir_for(data)
    folders = (data,) if seeds.parent == data else (data, seeds)  # seeds inside: walked with the data
    for folder in folders:
        for entry in map(_file_entry, sorted(_walk(str(folder)))):
            if entry:
                states[entry[0]] = entry
    return states


def _walk(folder: str) -> list[str]:
    """Every path under folder, links to folders not followed (as Path.rglob). Plain
    strings and scandir: with 2,000 articles pathlib's walk was a third of an edit's cost."""
    paths = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name in NOT_THE_RECORD:
                    continue
                paths.append(entry.path)
                if entry.is_dir(follow_symlinks=False):
                    paths += _walk(entry.path)
    except OSError:  # missing, or renamed mid-walk: the next rerun sees the new state
        pass
    return paths


_KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
          (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


def _file_entry(path: str) -> tuple | None:
    # called for every file at every rerun (2,000 with 1,000 articles and their seeds):
    # one lstat, a regular file first, and a settled file's digest from _digests
    try:
        info = os.lstat(path)
        if info.st_mode & _FORMAT != _REGULAR:
            if stat.S_ISLNK(info.st_mode):  # what it leads to is listed itself, or refused by the loader
                return (path, "link", os.readlink(path))
            return (path, next((kind for test, kind in _KINDS if test(info.st_mode)), "other"))
        size = info.st_size
        digest = _digest(path, info) if size <= HASHED_UP_TO else ""
    except FileNotFoundError:  # gone between listing and reading (an editor's temporary file)
        return None
    except (OSError, DataError):  # unreadable, or turned into something else meanwhile
        return (path, "unreadable")
    return (path, info.st_mtime_ns, size, digest)


_FORMAT, _REGULAR = 0o170000, stat.S_IFREG  # stat.S_IFMT's mask, without its call


# Digests of files left untouched for a while, so a rerun does not read and hash every
# file again (with 1,000 articles that was 0.2 s a rerun). Reused only while inode, size,
# mtime and ctime are all unchanged, and only for a file whose last change (mtime and
# ctime) was SETTLED_NS before the digest was taken: any later write, `cp -p` or
# `rsync -t` sets ctime to a later clock tick, which no longer matches. POSIX only
# (on Windows ctime is the creation time); FAT keeps no change time, so the data folder
# must not live on FAT for this to hold.
SETTLED_NS = 5_000_000_000
_digests: dict[str, tuple[tuple, str]] = {}


def _digest(path: str, info: os.stat_result) -> str:
    known = _digests.get(path)
    key = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    if known is not None and known[0] == key:
        return known[1]
    digest = content_digest(read_bytes(Path(path), HASHED_UP_TO, root=Path(path).parent))
    settled = time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS
    if os.name == "posix" and settled:
        _digests[path] = (key, digest)
    return digest


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _describes(state: tuple | None, data: bytes) -> bool:
    """The fingerprint entry is of a regular file holding exactly these bytes."""
    return state is not None and len(state) == 4 and state[2] == len(data) and state[3] == content_digest(data)


# 2/ LOADING, ONE FILE AT A TIME
#
# With 2,000 articles a full load takes half a minute, and an edit to one file must not
# cost that again. Each article's result (validated and proven, or its errors) is kept
# with the fingerprint entries of its YAML and of its seed, and reused while both are
# unchanged; the unchanged articles are the same LoadedArticle objects, so corpora of
# successive states share them instead of each holding its own copy. A result is kept
# only when the bytes parsed are those the entry describes (a file saved during the
# read is read again next time). The context tables are reloaded only when one changes.


@dataclass(frozen=True)
class _Kept:
    state: tuple  # the YAML's fingerprint entry
    seed: tuple  # (seed path, its entry) the article was proven against, or (None, None)
    result: tuple[LoadedArticle | None, tuple[DataError, ...]]
    flags: tuple = (None, ())  # (context, the article's flags against it)
    story: str = ""  # the article's story key (newsdash.data.stories), once per load of the file
    draft: bool = False


_kept: dict[str, dict[str, _Kept]] = {}  # by data folder, then by article path
_kept_measures: dict[str, dict] = {}  # by data folder: the measures its kept articles were checked against
_seeds: dict[str, tuple[tuple, bytes, str]] = {}  # one copy of each seed's bytes and text
_contexts: dict[str, tuple[tuple, Context, tuple]] = {}
_measures: dict[str, tuple[tuple, dict, tuple, tuple]] = {}  # by data folder: (entry, measures, source, errors)
_series: list = [None, None]  # (context, series_by_measure of it): split once per context
_listed: dict[str, tuple[str, dict]] = {}  # by data folder: the last state_digest and its entries
_logs: dict[str, tuple[tuple, tuple]] = {}  # by data folder: (the review log's entry, what read_log gave)
KEPT_FOLDERS = 4  # data folders whose articles are kept (tests and the benchmark use many)
_loading = threading.Lock()


def clear_kept() -> None:
    """Forget every kept article, seed, context and digest: the next load reads all."""
    with _loading:
        for cache in (_kept, _seeds, _contexts, _digests, _listed, _measures, _kept_measures, _logs):
            cache.clear()
        _series[:] = [None, None]


caches.owns("data.corpus:_kept", clear_kept)  # and every other cache of this module


def load_corpus(data: Path | None = None, state: str | None = None) -> Corpus:
    """Every article, the context and every error. `state`, a state_digest just taken,
    reuses the entries it was made from instead of listing the files again."""
    data = data or data_dir()
    with _loading:  # one load at a time: the kept results are shared
        listed = _listed.get(str(data))
        if state is not None and listed and listed[0] == state:
            return _load_corpus(data, listed[1], state)
        states = file_states(data)
        return _load_corpus(data, states, state_digest(data, states))


def _load_corpus(data: Path, states: dict[str, tuple], digest: str) -> Corpus:
    named, errors = [], []  # (file name, article, its story): names kept as listed, no Path made again
    if not (data / "articles").is_dir():
        errors.append(DataError(str(data / "articles"), "no articles folder here"))
    measures, measures_source, measure_errors = _measures_of(data, states)
    kept = _kept_for(str(data), measures)
    context, context_errors = _context(data, states, measures)
    flags, drafts, fresh, article_flags = list(context.flags), [], {}, {}
    for path in _article_paths(data, states):
        entry = _article(path, data, states, kept.get(path), measures)
        loaded, problems = entry.result
        errors += problems
        if loaded and entry.draft:
            drafts.append(loaded)
        elif loaded:
            if entry.flags[0] is not context:  # flags against this context, worked out once
                flags_now = article_vs_series(loaded, context, _series_of(context))
                entry = replace(entry, flags=(context, tuple(flags_now)))
            article_flags[path] = entry.flags[1]
            named.append((path, loaded, entry.story))
        fresh[path] = entry
    # one story, one article: a repeat is refused, not drawn twice
    repeats = repeated_stories([a for _, a, _ in named], [story for _, _, story in named])
    errors += repeats.values()
    if repeats:
        named = [item for item in named if str(item[1].path) not in repeats]
    articles = [a for _, a, _ in named]
    flags += [flag for name, _, _ in named for flag in article_flags[name]]
    kept.clear()  # files gone from the folder are forgotten
    kept.update({path: entry for path, entry in fresh.items() if entry.state})
    review_log, log_errors = _review_log(data, states)  # articles awaiting review are not in articles/: never shown
    errors += list(measure_errors) + list(context_errors) + list(log_errors)
    return Corpus(tuple(articles), context, tuple(errors), tuple(flags), tuple(drafts),
                  digest, measures, measures_source, review_log)


def _review_log(data: Path, states: dict) -> tuple[tuple, tuple]:
    """The review log, parsed again only when it changed (it grows with every action, and
    an edit to any other file must not cost reading it all again)."""
    entry = states.get(str(data / LOG_FILE))
    known = _logs.get(str(data))
    if known and entry is not None and known[0] == entry:
        return known[1]
    result = read_log(data)
    if entry is not None and _file_entry(str(data / LOG_FILE)) == entry:
        _logs[str(data)] = (entry, result)
    return result


def _article_paths(data: Path, states: dict[str, tuple]) -> list[str]:
    """article_files, from the entries just listed rather than a second listing; as the
    entries' own strings (a Path made for each of 1,000 unchanged articles was a third of
    an edit's cost: one is made only for a file that is read again)."""
    if os.path.islink(data / "articles"):  # not walked into: list it as before
        return [str(path) for path in article_files(data)]
    folder = str(data / "articles") + os.sep
    return [name for name in states if name.startswith(folder) and name.endswith(".yaml")
            and os.sep not in name[len(folder):] and not name[len(folder):].startswith(".")]


def _series_of(context: Context) -> dict:
    if _series[0] is not context:
        _series[:] = [context, series_by_measure(context)]
    return _series[1]


def _measures_of(data: Path, states: dict) -> tuple[dict[str, Measure], tuple, tuple]:
    """The measures, read again only when measures.yaml changed. The same dict object is
    returned while it is unchanged: the kept articles were checked against it."""
    entry = states.get(str(data / MEASURES_FILE))
    known = _measures.get(str(data))
    if known and known[0] == entry and entry is not None:
        return known[1], known[2], known[3]
    measures, raw, errors = load_measures(data)
    source = ((data / MEASURES_FILE, raw),) if raw is not None else ()
    if raw is not None and _describes(entry, raw):
        _measures[str(data)] = (entry, measures, source, tuple(errors))
    return measures, source, tuple(errors)


def _kept_for(folder: str, measures: dict | None = None) -> dict[str, _Kept]:
    """The kept articles of this folder; forgotten when the measures they were checked
    against changed (a figure's measure may have become unknown, or its unit another)."""
    kept = _kept.pop(folder, {})
    if measures is not None and _kept_measures.get(folder) != measures:
        kept = {}
        _kept_measures[folder] = measures
    _kept[folder] = kept  # the most recent last
    while len(_kept) > KEPT_FOLDERS:
        del _kept[next(iter(_kept))]
    return kept


def _article(name: str, data: Path, states: dict, known: _Kept | None, measures: dict | None = None) -> _Kept:
    """The kept result for this file if neither it nor its seed changed, else a new one."""
    state = states.get(name)
    if known and known.state == state and (known.seed[0] is None or states.get(known.seed[0]) == known.seed[1]):
        return known
    path = Path(name)
    seeds = seeds_dir_for(data)
    used: list[str] = []

    def read_seed(seed_path: Path) -> tuple[bytes, str]:
        used.append(str(seed_path))
        return _seed(seed_path, seeds, states)

    loaded, problems = _load_guarded(path, seeds, data, read_seed, measures)
    seed = (used[0], states.get(used[0])) if used else (None, None)
    trusted = _describes(state, loaded.raw) if loaded else _unchanged_since(path, state)
    if used and (used[0] not in _seeds or _seeds[used[0]][0] != seed[1]):
        trusted = False  # the seed was not the one its entry describes: read it again next time
    return _Kept(state if trusted else (), seed, (loaded, tuple(problems)),
                 story=story_of(loaded) if loaded else "", draft=bool(loaded and loaded.is_draft))


def _unchanged_since(path: Path, state: tuple | None) -> bool:
    """For a file with errors (no bytes kept): it is still what its entry says."""
    return state is not None and _file_entry(str(path)) == state


def _seed(path: Path, seeds: Path, states: dict) -> tuple[bytes, str]:
    state = states.get(str(path))
    known = _seeds.get(str(path))
    if known and state is not None and known[0] == state:
        return known[1], known[2]
    data, text = read_seed_file(seeds, path)
    if _describes(state, data):
        _seeds[str(path)] = (state, data, text)
    return data, text


def _context(data: Path, states: dict, measures: dict | None = None) -> tuple[Context, tuple]:
    folder = data / "context"
    # who counts each measure and its kind decide a row's validity and its flags
    key = (*(states.get(str(folder / name)) for name in CONTEXT_FILES),
           tuple((mid, m.party, m.kind) for mid, m in (measures or {}).items()))
    known = _contexts.get(str(data))
    if known and known[0] == key:
        return known[1], known[2]
    context, errors = load_context(folder, measures)
    if all(_describes(states.get(str(path)), raw) for path, raw in context.sources):
        _contexts[str(data)] = (key, context, tuple(errors))
    return context, tuple(errors)


def _load_guarded(path: Path, seeds: Path, data: Path | None = None, read_seed=None,  # noqa: ANN001
                  measures: dict | None = None) -> tuple[LoadedArticle | None, list[DataError]]:
    """load_article, with any unforeseen failure on one file reported as that file's
    error: the other articles still show. The hostile-data tests assert none happens."""
    try:
        return load_article(path, seeds, root=data, read_seed=read_seed, measures=measures)
    except FileNotFoundError:  # removed since it was listed (an editor's atomic save)
        return None, []
    except Exception as exc:  # noqa: BLE001 - one broken file must not take down the rest
        return None, [DataError(str(path), f"could not be read ({type(exc).__name__}: {exc}); please report this")]


def article_vs_series(loaded: LoadedArticle, context: Context, by_measure: dict | None = None) -> list[Flag]:
    """An article total below an earlier report of the same running total (a measure
    declared kind: total; the same party's count, since a measure is one party's).

    A "more than" figure is a lower bound, so a lower number is no contradiction.
    `by_measure` (series_by_measure) saves splitting the context tables again.
    """
    by_measure = series_by_measure(context) if by_measure is None else by_measure
    flags = []
    published = loaded.article.article.published
    for fig in loaded.article.confirmed_figures:
        if not fig.measure or not is_cumulative(fig.measure, context.totals):  # a flow may fall
            continue
        series = by_measure.get(fig.measure)
        if series is None:
            series = context.returns.iloc[0:0]
        earlier = series[series["as_of"] < published]
        if fig.qualifier != "more_than" and not earlier.empty and fig.value < earlier["value"].max():
            top = earlier.loc[earlier["value"].idxmax()]
            flags.append(Flag(fig.measure, top["as_of"], float(top["value"]), published,
                              float(fig.value), f"the article, figure {fig.id}"))
    return flags


def series_by_measure(context: Context) -> dict:
    """Each measure's rows, from the demining table where it has them, else returns."""
    return {measure: frame[frame["measure"] == measure]
            for frame in (context.returns, context.demining)  # demining last: it wins a shared name
            for measure in frame["measure"].unique()}
