"""The package's folders are the pipeline, and its imports run one way: data → render core → PDF, Word (peers) →
the output stage (and `opmanual new`) → the build → the MkDocs hooks. Read from the source, so a new import that runs the wrong way,
or closes a cycle, fails here before it tangles the house."""

from __future__ import annotations

import ast
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "opmanual"

# Each unit of the package (a top-level module or folder) and its layer: a unit imports only units of lower
# layers. Units of one layer are peers and never import one another (PDF and Word both read the render core's
# HTML; the importer writes data and reads no output).
LAYERS: dict[str, int] = {
    **dict.fromkeys(["errors", "thai", "measures", "children", "cache"], 0),
    **dict.fromkeys(["settings", "lock", "wordbreak"], 1),
    "data": 2,
    "render": 3,
    **dict.fromkeys(["pdf", "docx", "importer", "cms"], 4),  # cms: the editing page, generated from the model
    **dict.fromkeys(["stage", "newoffice"], 5),  # the output stage; `opmanual new` (starter data, an import)
    "build": 6,
    "site": 7,
    "__main__": 8,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path) -> set[str]:
    """The package's modules that `path` imports when it runs (at the top or inside a function); imports only
    for the type checker are left out."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            if target.split(".")[0] == "opmanual":
                for alias in node.names:  # `from . import x` imports the module x
                    candidate = f"{target}.{alias.name}"
                    found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "opmanual")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    return found


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(path) for path in FILES}
GRAPH = {module_name(path): imports(path) for path in FILES}


def test_every_unit_has_a_layer() -> None:
    assert {unit(module) for module in MODULES} - {"__init__"} == set(LAYERS)


def test_imports_run_one_way() -> None:
    wrong = [
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if unit(module) not in ("__init__", unit(target))
        and unit(target) != "__init__"
        and LAYERS[unit(target)] >= LAYERS[unit(module)]
    ]
    assert not wrong, "imports against the pipeline's direction (or between peers):\n" + "\n".join(wrong)


def _private(name: str) -> bool:
    """`_name` is a module's own; `__version__` and the like are the package's public names."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_stage_imports_a_private_name_of_another() -> None:
    private = []
    for path in FILES:
        module = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("opmanual")):
                leaving = node.level > 1 or not node.level
                private += [f"{module}: {a.name}" for a in node.names if _private(a.name) and leaving]
    assert not private


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_cycle() -> None:
    assert not cycles(GRAPH)


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.slow
def test_each_package_imports_in_a_fresh_interpreter() -> None:
    """Imported first, alone, each package works: no module relies on another having been imported before it."""
    packages = sorted(module for module in MODULES if module.count(".") <= 1)

    def fresh(module: str) -> tuple[str, int, str]:
        result = subprocess.run(
            [sys.executable, "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=False,
            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        )
        return module, result.returncode, result.stderr[-500:]

    with ThreadPoolExecutor(4) as pool:
        failed = [outcome for outcome in pool.map(fresh, packages) if outcome[1] != 0]
    assert not failed
