"""Every cache of the app is listed in newsdash/caches.py, and clear_all empties it.

The code is searched for the ways a cache is made here: a function decorated with
functools' cache or lru_cache or Streamlit's cache_data or cache_resource, and a
module-level empty dict or list, Memo or threading.local. Each must be listed (what it
holds, its key, when it is cleared) or named as module state that is not a cache.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from newsdash import caches

ROOT = Path(__file__).resolve().parent.parent
CACHE_DECORATORS = {"cache", "lru_cache", "cache_data", "cache_resource"}
EMPTY_MAKERS = {"dict", "list", "OrderedDict", "Memo", "local"}


def source_files() -> list[Path]:
    package = [p for p in (ROOT / "newsdash").rglob("*.py") if "bench" not in p.relative_to(ROOT).parts]
    return sorted(package) + sorted((ROOT / "pages").glob("*.py"))


def short_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[1:] if parts[0] == "newsdash" else parts)


def decorator_name(node: ast.expr) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def looks_like_a_cache(value: ast.expr | None) -> bool:
    """An empty dict or list (or one of Nones), or a Memo or threading.local made empty."""
    if isinstance(value, ast.Dict):
        return not value.keys
    if isinstance(value, ast.List):
        return all(isinstance(e, ast.Constant) and e.value is None for e in value.elts)
    return isinstance(value, ast.Call) and decorator_name(value) in EMPTY_MAKERS and not value.args[1:]


def caches_in(path: Path) -> list[str]:
    """A page script's module names live one run: only its decorated functions keep values."""
    found, page = [], path.parent.name == "pages"
    for node in ast.parse(path.read_text(), str(path)).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if any(decorator_name(d) in CACHE_DECORATORS for d in node.decorator_list):
                found.append(node.name)
        elif not page and isinstance(node, ast.Assign | ast.AnnAssign) and looks_like_a_cache(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [t.id for t in targets if isinstance(t, ast.Name)]
    return [f"{short_name(path)}:{name}" for name in found]


FOUND = sorted({name for path in source_files() for name in caches_in(path)})


def test_the_search_finds_the_kinds_of_cache_we_use():
    """Not blind: an lru_cache, a module dict, a Streamlit cache, a Memo, a timed list."""
    for name in ("reading.formatting:_arabic_plural_form", "data.corpus:_kept", "data.corpus:_series",
                 "app.state:cached_corpus", "app.drafting:cached_draft", "app.state:_views",
                 "exports.static_export:_last_search", "app.memo:_this_run"):
        assert name in FOUND


@pytest.mark.parametrize("name", FOUND)
def test_every_cache_in_the_code_is_listed(name: str):
    assert name in caches.BY_NAME or name in caches.NOT_CACHES, (
        f"{name} keeps values between calls: list it in newsdash/caches.py (what it holds, "
        "its key, when it is cleared) and register its clear there with caches.owns")


def test_every_listed_cache_is_in_the_code():
    stale = [c.name for c in caches.CACHES if c.name not in FOUND and not c.name.startswith("streamlit:")]
    assert stale == [], f"listed in newsdash/caches.py but gone from the code: {stale}"


def test_every_listed_cache_can_be_cleared_once_its_module_is_loaded():
    for path in source_files():
        if path.parent.name != "pages" and path.stem != "__main__":
            importlib.import_module("newsdash." + short_name(path).removesuffix(".__init__"))
    assert set(caches.BY_NAME) - caches.registered() == set()
    assert all(c.cleared_with is None or c.cleared_with in caches.BY_NAME for c in caches.CACHES)


def test_a_cache_not_listed_is_refused():
    with pytest.raises(KeyError, match="newsdash/caches.py"):
        caches.owns("views.nowhere:_kept", dict().clear)


def test_clear_all_empties_them():
    from newsdash.app import state
    from newsdash.data import corpus as corpus_mod
    from newsdash.reading import formatting
    from newsdash.views import comparison

    corpus = corpus_mod.load_corpus(ROOT / "data")
    measure = next(iter(corpus.figures_by_measure))
    assert comparison.record_readings(corpus, measure, but="")
    formatting.count_noun("rows", 3, "ar")
    state.cached_view(len, ("a", "b"))
    assert corpus_mod.load_corpus is not None and len(state._views) and formatting._arabic_plural_form.cache_info().currsize

    caches.clear_all()

    assert len(state._views) == 0
    assert formatting._arabic_plural_form.cache_info().currsize == 0
    assert comparison._record_cache == {}
    assert corpus_mod._kept == {} and corpus_mod._digests == {}
