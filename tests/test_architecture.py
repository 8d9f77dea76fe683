"""The shape of the code: the package is UI-free, has no import cycle, imports inside functions
only heavy libraries, and keeps the layer contract of docs/architecture.md."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import grimp

import indicators

SCRIPT = """
import importlib, pkgutil, sys
import indicators
names = [m.name for m in pkgutil.walk_packages(indicators.__path__, "indicators.")]
for name in names:
    importlib.import_module(name)
assert len(names) >= 10, names
print(len(names), "streamlit" in sys.modules)
"""


def test_importing_every_module_does_not_import_streamlit():
    names = [m.name for m in pkgutil.walk_packages(indicators.__path__, "indicators.")]
    assert "indicators.store.revisions" in names and "indicators.present.figures" in names
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    count, loaded = out.stdout.split()
    assert int(count) == len(names)
    assert loaded == "False"


# -- the layers (docs/architecture.md) ----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
# Imports inside a function are allowed only for heavy libraries that some paths never need (an
# image engine, an Excel reader, a slide writer), each with a comment saying so.
HEAVY = {"kaleido", "fontTools", "fontpkg", "pptx", "pypdf", "openpyxl", "charset_normalizer"}


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of modules that import each other, directly or not."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _package_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports (at module level or in functions), from grimp,
    the library import-linter is built on. A package's `__init__` counts as its own module."""
    graph = grimp.build_graph("indicators")
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def test_no_import_cycle_in_the_package():
    cycles = [sorted(g) for g in _strongly_connected(_package_graph()) if len(g) > 1]
    assert cycles == []


def test_the_cycle_check_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert [sorted(g) for g in _strongly_connected(graph) if len(g) > 1] == [["a", "b", "c"]]


def _function_level_imports(path: Path) -> list[tuple[int, str, str]]:
    """(line, imported module, the line's text and the one above) of imports inside functions."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import):
                names = [a.name for a in inner.names]
            elif isinstance(inner, ast.ImportFrom):
                names = ["." * inner.level + (inner.module or "")]
            else:
                continue
            context = "\n".join(lines[max(inner.lineno - 2, 0) : inner.lineno])
            found += [(inner.lineno, name, context) for name in names]
    return found


def test_function_level_imports_are_heavy_libraries_with_a_reason():
    files = [*(ROOT / "src").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), ROOT / "app.py"]
    bad = []
    for path in files:
        for line, name, context in _function_level_imports(path):
            heavy = name.split(".")[0] in HEAVY
            if not heavy or "#" not in context:
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert bad == []


def test_the_layer_contract_holds():
    """The import-linter contract of pyproject.toml (also run by `dev.py test` on its own)."""
    out = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout[-3000:]
    assert "0 broken" in out.stdout


MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 80  # small modules, functions that do one thing


def test_modules_and_functions_stay_small():
    files = [*(ROOT / "src").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), ROOT / "app.py"]
    big = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            big.append(f"{path.relative_to(ROOT)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    big.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length}")
    assert big == []
