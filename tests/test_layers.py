"""The layers of newsdash/ as folders, held by walking every import.

reading (numbers, dates, words) < data (models, loading, provenance, context, corpus)
< curation < views < exports < app. A module imports only its own layer and the ones
below it; only the app layer imports streamlit. errors.py, textsafety.py and caches.py sit under
every layer; the CLI and the benchmark sit above them all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsdash"
LAYERS = ("reading", "data", "curation", "views", "exports", "app")
BASE = ("errors", "textsafety", "caches")  # used by every layer
TOP = ("cli", "__main__", "__init__", "bench")  # the entry points and tooling, above every layer


def layer_of(module: str) -> str | None:
    """The layer a dotted newsdash module belongs to, 'base', 'top', or None outside newsdash."""
    parts = module.split(".")
    if parts[0] != "newsdash":
        return None
    if len(parts) == 1 or parts[1] in TOP:
        return "top"
    if parts[1] in BASE:
        return "base"
    return parts[1] if parts[1] in LAYERS else "unknown"


def rank(layer: str) -> int:
    return {"base": -1, "top": len(LAYERS)}.get(layer, LAYERS.index(layer) if layer in LAYERS else 99)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, `from a import b` counted as a and a.b."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module != "newsdash":  # `from newsdash import caches` imports newsdash.caches, not the CLI
                found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_lives_in_a_known_layer():
    strays = [module_name(p) for p in MODULES if layer_of(module_name(p)) == "unknown"]
    assert strays == [], f"put these in one of the layer folders {LAYERS}: {strays}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_a_module_imports_nothing_from_a_layer_above_it(path: Path):
    mine = layer_of(module_name(path))
    upward = [f"line {line}: {module}" for line, module in imported_modules(path)
              if layer_of(module) not in (None, "unknown") and rank(layer_of(module)) > rank(mine)
              and not (mine == "top" and layer_of(module) == "top")]
    assert upward == [], f"{module_name(path)} ({mine}) reaches up: {upward}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_only_the_app_layer_imports_streamlit(path: Path):
    mine = layer_of(module_name(path))
    streamlit = [line for line, module in imported_modules(path) if module.split(".")[0] == "streamlit"]
    if mine in ("app", "top") and module_name(path).startswith(("newsdash.app", "newsdash.bench")):
        return
    assert streamlit == [], f"{module_name(path)} imports streamlit on line(s) {streamlit}"


def test_the_contract_sees_a_violation():
    """The walker is not blind: a data module importing a view would be caught."""
    assert rank(layer_of("newsdash.views.charts")) > rank(layer_of("newsdash.data.corpus"))
    assert layer_of("streamlit") is None and layer_of("newsdash.app.state") == "app"
