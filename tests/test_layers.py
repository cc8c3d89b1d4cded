"""The layers of newsdash/ as folders, held by walking every import.

reading (numbers, dates, words) < data (models, loading, provenance, context, corpus)
< curation < views < exports < app. A module imports only its own layer and the ones
below it; only the app layer imports streamlit. errors.py, textsafety.py and caches.py sit under
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


# VIEWS ARE PURE: loading lives in data/, writing in curation/, drawing in app/; a view only
# computes from what it is given. No file is opened, read, written or listed under views/,
# directly or through a loading or writing function imported from another layer.

VIEWS = PACKAGE / "views"
PATH_IO = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "mkdir", "rmdir",
           "touch", "iterdir", "glob", "rglob", "exists", "is_file", "is_dir", "stat", "lstat", "rename",
           "symlink_to", "hardlink_to", "chmod"}
OS_IO = {"listdir", "scandir", "remove", "unlink", "rename", "replace", "makedirs", "mkdir", "rmdir", "walk",
         "stat", "lstat", "open", "fdopen", "fsync", "chmod", "link", "symlink", "access", "readlink", "exists",
         "isfile", "isdir", "islink", "getsize", "getmtime", "realpath", "truncate"}
FILE_MODULES = {"shutil", "tempfile", "glob", "fileinput", "zipfile", "tarfile"}  # every call touches files


def io_call(call: ast.Call) -> str | None:
    """What a call does to the file system, in a few words, or None."""
    func = call.func
    if isinstance(func, ast.Name):
        return "open()" if func.id == "open" else None
    if not isinstance(func, ast.Attribute):
        return None
    owner = func.value
    owner_name = owner.id if isinstance(owner, ast.Name) else (
        f"{owner.value.id}.{owner.attr}" if isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name)
        else "")
    if owner_name in ("os", "os.path") and func.attr in OS_IO or owner_name.split(".")[0] in FILE_MODULES:
        return f"{owner_name}.{func.attr}()"
    if owner_name in ("json", "pickle", "marshal") and func.attr in ("load", "dump"):
        return f"{owner_name}.{func.attr}() of a file"
    if owner_name == "yaml" and ("load" in func.attr or "dump" in func.attr) and (
            len(call.args) > 1 or any(k.arg == "stream" for k in call.keywords)
            or "load" in func.attr and call.args and not isinstance(call.args[0], ast.Constant | ast.JoinedStr)):
        return f"yaml.{func.attr}() of a file"
    if owner_name in ("pd", "pandas") and func.attr.startswith("read_"):
        return f"{owner_name}.{func.attr}()"
    if func.attr in PATH_IO and owner_name not in ("str", "re", "self"):
        return f".{func.attr}()"
    return None


def functions_of(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}


def names_imported(tree: ast.Module) -> dict[str, tuple[str, str | None]]:
    """local name -> (newsdash module, function name or None for a module)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsdash") and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("newsdash.") and alias.asname:
                    names[alias.asname] = (alias.name, None)
    return names


def called(node: ast.AST, imported: dict) -> list[tuple[str, str, int]]:
    """(module, function, line) of every call in node to a function of newsdash: bare names of
    its own module are ("", name)."""
    found = []
    for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
        func = call.func
        if isinstance(func, ast.Name):
            module, name = imported.get(func.id, ("", func.id))
            if name is not None and module and f"{module}.{name}" in SOURCES:  # a module imported by name
                module, name = f"{module}.{name}", None
            found.append((module, name or func.id, call.lineno))
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in imported:
            module, name = imported[func.value.id]
            target = module if name is None else f"{module}.{name}"
            if target in SOURCES:
                found.append((target, func.attr, call.lineno))
    return found


SOURCES = {module_name(p): ast.parse(p.read_text(), str(p)) for p in MODULES}


def file_functions() -> dict[str, str]:
    """'module.function' -> why it touches files, for every function of newsdash outside
    views/ that does, directly or through another such function (worked out to a fixed point)."""
    touching: dict[str, str] = {}
    for module, tree in SOURCES.items():
        if module.startswith("newsdash.views"):
            continue
        for name, function in functions_of(tree).items():
            calls = [io_call(c) for c in ast.walk(function) if isinstance(c, ast.Call)]
            if any(calls):
                touching[f"{module}.{name}"] = next(c for c in calls if c)
    changed = True
    while changed:
        changed = False
        for module, tree in SOURCES.items():
            if module.startswith("newsdash.views"):
                continue
            imported = names_imported(tree)
            for name, function in functions_of(tree).items():
                key = f"{module}.{name}"
                if key in touching:
                    continue
                for target_module, target, _line in called(function, imported):
                    target_key = f"{target_module or module}.{target}"
                    if target_key in touching:
                        touching[key] = f"calls {target_key}"
                        changed = True
                        break
    return touching


FILE_FUNCTIONS = file_functions()
VIEW_MODULES = sorted(p for p in MODULES if p.is_relative_to(VIEWS))


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: module_name(p))
def test_a_view_touches_no_file(path: Path):
    tree = SOURCES[module_name(path)]
    direct = [f"line {c.lineno}: {io_call(c)}" for c in ast.walk(tree) if isinstance(c, ast.Call) and io_call(c)]
    assert direct == [], f"{module_name(path)} touches files (load in data/, write in curation/): {direct}"


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: module_name(p))
def test_a_view_imports_no_loading_or_writing_function(path: Path):
    tree = SOURCES[module_name(path)]
    imported = names_imported(tree)
    brought = [f"line {node.lineno}: {node.module}.{alias.name} ({FILE_FUNCTIONS[f'{node.module}.{alias.name}']})"
               for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
               for alias in node.names if f"{node.module}.{alias.name}" in FILE_FUNCTIONS]
    brought += [f"line {line}: {module}.{name} ({FILE_FUNCTIONS[f'{module}.{name}']})"
                for module, name, line in called(tree, imported) if module and f"{module}.{name}" in FILE_FUNCTIONS]
    assert brought == [], f"{module_name(path)} loads or writes through another layer: {brought}"


def test_the_file_rule_sees_a_violation():
    """Not blind: a read, a write, a YAML file load, an os call, and a loader imported."""
    def calls(source: str) -> list[str | None]:
        return [io_call(c) for c in ast.walk(ast.parse(source)) if isinstance(c, ast.Call)]

    assert all(calls("open(p); p.read_text(); p.write_bytes(b''); os.listdir(d); shutil.copy(a, b); "
                     "yaml.safe_load(p.open()); json.load(f); pd.read_csv(p)"))
    assert not any(calls("yaml.safe_load('a: 1'); json.loads(s); t.replace('a', 'b'); d.get(k)"))
    assert "newsdash.data.yamlsafe.load_with_lines" in FILE_FUNCTIONS
    assert "newsdash.data.corpus.load_corpus" in FILE_FUNCTIONS
    assert "newsdash.curation.review.submit" in FILE_FUNCTIONS
