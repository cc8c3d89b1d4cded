"""The layers of newsdash/ as folders, held by walking every import.

reading (numbers, dates, words) < data (models, loading, provenance, context, corpus)
< curation < views < exports < app. A module imports only its own layer and the ones
below it; only the app layer imports streamlit. errors.py and textsafety.py sit under
every layer; the CLI and the benchmark sit above them all.

Inside the layers, a private name (`_escape`) never leaves its file: what two modules
share is public, with a name that says what it is. Walked over every import of the product
(newsdash/, pages/, dashboard.py), and every private name read off a module it imports.
The tests import no private name either (a helper worth its own test, or shared between
test files, is public); they may still set or read a module's private state through the
module (`guard._sign_in_hours`), the seam the caches' owner is to replace. Only our own
modules' names count here; Streamlit's and Plotly's internals are the guarded modules'.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "newsdash"
LAYERS = ("reading", "data", "curation", "views", "exports", "app")
BASE = ("errors", "textsafety")  # used by every layer
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


# A PRIVATE NAME NEVER LEAVES ITS FILE

PRODUCT = sorted([*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])
TESTS = sorted((ROOT / "tests").rglob("*.py"))
OURS = ("newsdash", "tests")  # the packages whose private names must stay in their file


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def ours(module: str) -> bool:
    return module.split(".")[0] in OURS


def private_imports(tree: ast.Module) -> tuple[list[str], dict[str, str]]:
    """The private names of our modules this file imports (`from newsdash.views.chart_parts
    import _escape`, `import newsdash._x`), and the names it binds to our modules."""
    found, modules = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or ours(node.module or "")):
            named = {a.asname or a.name: "." * node.level + ".".join(filter(None, (node.module, a.name)))
                     for a in node.names}
            found += [f"line {node.lineno}: {named[a.asname or a.name]}" for a in node.names if is_private(a.name)]
            modules |= named
        elif isinstance(node, ast.Import):
            for alias in (a for a in node.names if ours(a.name)):
                if any(is_private(part) for part in alias.name.split(".")):
                    found.append(f"line {node.lineno}: {alias.name}")
                modules[alias.asname or alias.name] = alias.name if alias.asname else alias.name.split(".")[0]
    return found, modules


def private_names_taken(tree: ast.Module) -> list[str]:
    """Every private name of another of our modules this file takes: imported, or read
    off a module it imported (`from newsdash.curation import confirm` ... `confirm._get`)."""
    found, modules = private_imports(tree)
    return found + [f"line {node.lineno}: {modules[node.value.id]}.{node.attr}" for node in ast.walk(tree)
                    if isinstance(node, ast.Attribute) and is_private(node.attr)
                    and isinstance(node.value, ast.Name) and node.value.id in modules]


@pytest.mark.parametrize("path", PRODUCT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_of_the_product_takes_a_private_name_from_another(path: Path):
    taken = private_names_taken(ast.parse(path.read_text(), str(path)))
    assert taken == [], f"{path.relative_to(ROOT)} takes private names of other modules (make them public): {taken}"


def test_no_test_imports_a_private_name():
    """A test checks a module through what it offers; a helper worth a test of its own, or
    shared between test files, gets a public name."""
    imported = {str(path.relative_to(ROOT)): names for path in TESTS
                if (names := private_imports(ast.parse(path.read_text(), str(path)))[0])}
    assert imported == {}, f"make these public: {imported}"


def test_the_private_name_rule_sees_every_way_in():
    """The walker is not blind: a from-import, a dotted import, a name read off an imported
    module and a relative import are caught; a module's own private names and another
    package's are not ours to judge here."""
    source = """
from newsdash.views.chart_parts import _escape, value_text
import newsdash.data._inner
from newsdash.curation import confirm
from . import _sibling
import streamlit.runtime as runtime
from streamlit import _hidden

def _own(): return confirm._get({}, "a") or confirm.value_at or runtime._private or _own
"""
    assert private_names_taken(ast.parse(source)) == [
        "line 2: newsdash.views.chart_parts._escape", "line 3: newsdash.data._inner", "line 5: ._sibling",
        "line 9: newsdash.curation.confirm._get"]
