"""The GUI's shape, read from its import graph (grimp) and its sources.

import-linter checks the layers on every ``bash tools/dev.sh test`` (pyproject.toml); these
tests name what they find in plain words, and cover what a layer contract does not: a cycle
between a package and its own modules, a module imported by its name in a string (which no
import graph shows), a second date parser or money formatter next to the kit's.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest
from import_cycles import strongly_connected

import sportello.gui

GUI = "sportello.gui"
GUI_DIR = Path(sportello.gui.__file__).resolve().parent
KIT_INPUTS = GUI_DIR / "kit" / "inputs.py"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("sportello", include_external_packages=True)


def gui_sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(GUI_DIR.rglob("*.py"))}


def test_no_import_cycle_between_the_packages_and_modules_of_the_gui(graph) -> None:  # type: ignore[no-untyped-def]
    packages = [GUI, *sorted(m for m in graph.find_descendants(GUI) if graph.find_children(m))]
    breakers = {package: sorted(graph.nominate_cycle_breakers(package)) for package in packages}
    assert {package: found for package, found in breakers.items() if found} == {}, (
        "imports that close a cycle between siblings (remove one per package)")

    modules = {GUI, *graph.find_descendants(GUI)}
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    assert strongly_connected(modules, edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    nodes = {"a", "b", "c", "d"}
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(nodes, edges) == [["a", "b", "c"]]
    assert strongly_connected(nodes, {**edges, "c": set()}) == []


def test_the_gui_imports_no_module_by_name() -> None:
    """A module named in a string is an import no graph shows: the cycles it closed went
    unseen. Import the module, or look the destination up in shared.navigation."""
    found = []
    for path, tree in gui_sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id == "__import__"):
                names = ["__import__"]
            else:
                continue
            found += [f"{path.relative_to(GUI_DIR)}:{node.lineno} {name}" for name in names
                      if name == "__import__" or name.split(".")[0] == "importlib"]
    assert found == []


def test_one_date_parser_one_money_formatter_one_date_field() -> None:
    """Dates are read, and money and dates written, by the kit only; Qt's date field is
    set up once (kit.inputs.date_edit)."""
    kit_only = {"parse_date", "format_date", "format_datetime", "format_euro", "parse_euro",
                "euro_text", "fmt_date", "fmt_euro", "qdate", "pydate", "date_edit"}
    found = []
    for path, tree in gui_sources().items():
        if path == KIT_INPUTS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in kit_only:
                found.append(f"{path.relative_to(GUI_DIR)}:{node.lineno} defines {node.name}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"QDateEdit", "QCalendarWidget"}):
                found.append(f"{path.relative_to(GUI_DIR)}:{node.lineno} {node.func.id}()")
    assert found == []
