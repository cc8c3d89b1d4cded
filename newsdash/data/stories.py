"""One story, one article: a text is on the record once, whatever the article's id.

The same wire story saved under two ids became two articles on one seed, and each of its
figures was drawn twice on its series. Two texts are the same story when they are the same
words: line endings and runs of spaces do not count (an upload with CRLF and the same text
pasted are one story). `validate` keeps the first article file (by name) and refuses every
other that holds the same story, naming the one that holds it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from newsdash import caches
from newsdash.data.loading import LoadedArticle
from newsdash.errors import DataError

_keys: dict[str, str] = {}  # seed sha256 -> story key: the recorded digest is proven on load
_MAX_KEYS = 20_000
caches.owns("data.stories:_keys", _keys.clear)


def story_key(text: str) -> str:
    """The same for two texts that differ only in line endings and spacing."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def story_of(loaded: LoadedArticle) -> str:
    """The story key of an article's text, worked out once per seed."""
    digest = loaded.article.article.seed.sha256
    if digest not in _keys:
        if len(_keys) >= _MAX_KEYS:
            _keys.clear()
        _keys[digest] = story_key(loaded.seed_text)
    return _keys[digest]


def holder_of(text: str, articles: Iterable[LoadedArticle]) -> LoadedArticle | None:
    """The article on the record that holds this text's story, or None."""
    key = story_key(text)
    return next((a for a in sorted(articles, key=lambda a: str(a.path)) if story_of(a) == key), None)


def repeated_stories(articles: Iterable[LoadedArticle], stories: Iterable[str] | None = None) -> dict[str, DataError]:
    """For each article file (by path) whose story an earlier file already holds, its error.
    The articles come in file-name order (the corpus lists them so): the first one keeps it.
    `stories`, each article's story_of in the same order, when the caller kept them."""
    articles = list(articles)
    first: dict[str, LoadedArticle] = {}
    repeats = {}
    for loaded, story in zip(articles, stories if stories is not None else map(story_of, articles), strict=True):
        holder = first.setdefault(story, loaded)
        if holder is not loaded:
            repeats[str(loaded.path)] = _repeat_error(loaded, holder)
    return repeats


def _repeat_error(loaded: LoadedArticle, holder: LoadedArticle) -> DataError:
    seed_file = loaded.article.article.seed.file
    message = (f"its text (seeds/{seed_file}) is the story article '{holder.id}' ({holder.path.name}) already holds: "
               "one story is one article, or its figures are counted twice; add what is new to that article and "
               "remove this file")
    return DataError(str(loaded.path), message, _line_of(loaded, seed_file), loaded.id, "seed.file")


def _line_of(loaded: LoadedArticle, words: str) -> int | None:
    text = loaded.raw.decode("utf-8", errors="replace")
    at = text.find(words)
    return text.count("\n", 0, at) + 1 if at >= 0 else None
