"""The core's import graph has no cycle, counting imports placed inside functions.

import-linter's contracts (pyproject.toml) check the layers; this test reads the same graph
(grimp, import-linter's own library) and names the modules of any cycle in
``sportello.core`` with the line of each import, so the failure says what to untangle.
It also finds the calls of the builtin ``__import__``, which ruff's banned-api rule (TID251,
the ban on ``importlib.import_module``) cannot see: a module imported by a name built at run
time is invisible to the contracts.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

import grimp
import pytest
from import_cycles import strongly_connected

CORE = "sportello.core"
SRC = Path(__file__).resolve().parent.parent / "src" / "sportello"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("sportello", cache_dir=None)


def _in_core(module: str) -> bool:
    return module == CORE or module.startswith(CORE + ".")


def _imports(graph: grimp.ImportGraph, module: str) -> set[str]:
    return {m for m in graph.find_modules_directly_imported_by(module) if _in_core(m)}


def _strongly_connected(graph: grimp.ImportGraph, modules: list[str]) -> list[list[str]]:
    """The groups of two or more core modules that import each other (the shared finder)."""
    return strongly_connected(set(modules), {m: _imports(graph, m) for m in modules})

def _one_cycle(graph: grimp.ImportGraph, group: list[str]) -> list[str]:
    """The shortest way round the group from its first module (breadth first)."""
    start, members = group[0], set(group)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(_imports(graph, node) & members):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no way back to {start} inside {group}")


def _described(graph: grimp.ImportGraph, cycle: list[str]) -> str:
    steps = []
    for importer, imported in zip(cycle, cycle[1:]):
        lines = sorted(d["line_number"] for d in graph.get_import_details(
            importer=importer, imported=imported))
        steps.append(f"  {importer} -> {imported} (line {', '.join(map(str, lines))})")
    return "\n".join(steps)


def test_the_core_has_no_import_cycle(graph: grimp.ImportGraph) -> None:
    modules = sorted(m for m in graph.modules if _in_core(m))
    assert len(modules) > 40  # the graph really holds the core
    cycles = [g for g in _strongly_connected(graph, modules) if len(g) > 1]
    report = [f"{len(group)} modules import each other: {', '.join(group)}\n"
              + _described(graph, _one_cycle(graph, group)) for group in cycles]
    assert not report, "Import cycles in sportello.core:\n" + "\n".join(report)


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The checks above would see a cycle: a graph with one is reported, with its lines."""
    made = grimp.ImportGraph()
    for module in ("sportello.core.a", "sportello.core.b", "sportello.core.c"):
        made.add_module(module)
    made.add_import(importer="sportello.core.a", imported="sportello.core.b", line_number=3,
                    line_contents="from sportello.core import b")
    made.add_import(importer="sportello.core.b", imported="sportello.core.c", line_number=7,
                    line_contents="from sportello.core import c")
    made.add_import(importer="sportello.core.c", imported="sportello.core.a", line_number=40,
                    line_contents="    from sportello.core import a")
    groups = [g for g in _strongly_connected(made, sorted(made.modules)) if len(g) > 1]
    assert groups == [["sportello.core.a", "sportello.core.b", "sportello.core.c"]]
    cycle = _one_cycle(made, groups[0])
    assert cycle == ["sportello.core.a", "sportello.core.b", "sportello.core.c",
                     "sportello.core.a"]
    assert "sportello.core.c -> sportello.core.a (line 40)" in _described(made, cycle)


def _builtin_import_calls(source: str) -> list[int]:
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"]


def test_no_module_is_imported_by_a_name_through_the_builtin() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 100  # the program's sources, not an empty folder
    found = [f"{path.relative_to(SRC.parent)}:{line}" for path in files
             for line in _builtin_import_calls(path.read_text(encoding="utf-8"))]
    assert not found, "__import__ called in: " + ", ".join(found)


def test_the_builtin_import_finder_finds_one() -> None:
    source = 'import os\nmodule = __import__("sportello.core." + name)\nos.getcwd()\n'
    assert _builtin_import_calls(source) == [2]
