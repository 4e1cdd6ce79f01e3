"""No button, action or check box feeds its ``checked`` flag into a slot's real argument.

PySide6 calls a slot connected to ``clicked``, ``triggered`` or ``toggled`` with the
``checked`` bool whenever the slot accepts a positional argument: ``def save_as(self,
path=None)`` then receives ``False`` as its path and the button silently does nothing.
Such a signal must go through a lambda (``lambda: self.save_as()``) or to a slot whose
first parameter is ``checked`` (or ``_checked``).

The check reads every module of ``sportello.gui`` with ``ast``, so it needs no window.
It resolves the slot when it can:

* ``self.method``: the enclosing class, then its base classes defined in the GUI package;
* ``self.attribute.method`` and ``local.method``: the class the attribute or the local
  name was built from (``self.page = LettersPage(...)``) or annotated with;
* a helper that connects a slot it receives (``def button(self, ..., slot)`` with
  ``button.clicked.connect(slot)``): every ``self.button(..., self.method)`` call.

Slots of Qt's own classes (``self.close``, ``self.reject``) are not in the package and
are left alone.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

GUI = Path(__file__).resolve().parents[2] / "src" / "sportello" / "gui"
SIGNALS = ("clicked", "triggered", "toggled")
CHECKED = ("checked", "_checked")

Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class ClassInfo:
    name: str
    node: ast.ClassDef
    where: str
    methods: dict[str, Function] = field(default_factory=dict)
    bases: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)  # self.x = ClassName(...)


def _type_name(node: ast.expr | None) -> str | None:
    """``Foo(...)`` / ``module.Foo(...)`` / annotation ``Foo`` or ``Foo | None`` -> ``Foo``."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.BinOp):  # Foo | None
        return _type_name(node.left) or _type_name(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # "Foo"
        return node.value.split("|")[0].strip() or None
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _class_name(node: ast.expr | None) -> str | None:
    """Like ``_type_name``, for class names only (``self.button(...)`` builds no class)."""
    name = _type_name(node)
    return name if name and name[0].isupper() else None


class Index:
    """Every class of the given modules, with its methods, bases and attribute types."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.trees = {where: ast.parse(text, filename=where) for where, text in sources.items()}
        self.classes: dict[str, list[ClassInfo]] = {}
        for where, tree in self.trees.items():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef):
                    info = ClassInfo(node.name, node, where)
                    info.bases = [name for name in map(_type_name, node.bases) if name]
                    for item in node.body:
                        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                            info.methods[item.name] = item
                    for sub in ast.walk(node):
                        if isinstance(sub, ast.Assign | ast.AnnAssign):
                            targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
                            if isinstance(sub, ast.AnnAssign):
                                kind = _class_name(sub.annotation)
                            else:
                                kind = _class_name(sub.value) \
                                    if isinstance(sub.value, ast.Call) else None
                            for target in targets:
                                if (kind and isinstance(target, ast.Attribute)
                                        and isinstance(target.value, ast.Name)
                                        and target.value.id == "self"):
                                    info.attributes.setdefault(target.attr, kind)
                    self.classes.setdefault(node.name, []).append(info)

    def method(self, class_name: str | None, name: str, seen: frozenset[str] = frozenset()
               ) -> Function | None:
        """``name`` defined by ``class_name`` or a base class of the package, if any."""
        if class_name is None or class_name in seen:
            return None
        for info in self.classes.get(class_name, []):
            if name in info.methods:
                return info.methods[name]
            for base in info.bases:
                found = self.method(base, name, seen | {class_name})
                if found is not None:
                    return found
        return None

    def attribute_type(self, class_name: str, attribute: str) -> str | None:
        for info in self.classes.get(class_name, []):
            if attribute in info.attributes:
                return info.attributes[attribute]
            for base in info.bases:
                if base != class_name and (found := self.attribute_type(base, attribute)):
                    return found
        return None


def _bad_first_parameter(function: Function) -> str | None:
    """The name of the first parameter after ``self`` when it is not ``checked``."""
    params = [*function.args.posonlyargs, *function.args.args][1:]
    if not params:
        return None
    return None if params[0].arg in CHECKED else params[0].arg


def _local_types(function: Function | None) -> dict[str, str]:
    """Local names of ``function`` built from a class call or annotated with a class."""
    if function is None:
        return {}
    types: dict[str, str] = {}
    for arg in [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]:
        if arg.annotation is not None and (kind := _class_name(arg.annotation)):
            types[arg.arg] = kind
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            kind = _class_name(node.value)
            for target in node.targets:
                if isinstance(target, ast.Name) and kind:
                    types.setdefault(target.id, kind)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if kind := _class_name(node.annotation):
                types.setdefault(node.target.id, kind)
    return types


class Checker(ast.NodeVisitor):
    """Walk a module remembering the class and function a ``connect`` call sits in."""

    def __init__(self, index: Index, where: str) -> None:
        self.index = index
        self.where = where
        self.classes: list[str] = []
        self.functions: list[Function] = []
        self.problems: list[str] = []
        # (class, helper method, parameter position) for helpers that connect what they receive
        self.forwarders: list[tuple[str, str, int, str]] = []
        self.calls: list[tuple[str | None, Function | None, ast.Call]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        saved, self.functions = self.functions, []
        self.generic_visit(node)
        self.functions = saved
        self.classes.pop()

    def visit_FunctionDef(self, node: Function) -> None:  # noqa: N802
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        cls = self.classes[-1] if self.classes else None
        function = self.functions[-1] if self.functions else None
        self.calls.append((cls, function, node))
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr == "connect"
                and isinstance(func.value, ast.Attribute) and func.value.attr in SIGNALS
                and node.args):
            self.check(cls, function, node.args[0], func.value.attr, node.lineno)
        self.generic_visit(node)

    def resolve(self, cls: str | None, function: Function | None, target: ast.expr
                ) -> tuple[str, Function] | None:
        """The package function ``target`` names, with a readable name, when known."""
        if not isinstance(target, ast.Attribute):
            return None
        owner = target.value
        if isinstance(owner, ast.Name) and owner.id == "self":
            kind = cls
        elif (isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name)
              and owner.value.id == "self" and cls is not None):
            kind = self.index.attribute_type(cls, owner.attr)
        elif isinstance(owner, ast.Name):
            kind = _local_types(function).get(owner.id)
        else:
            kind = None
        found = self.index.method(kind, target.attr)
        return (f"{kind}.{target.attr}", found) if found is not None else None

    def check(self, cls: str | None, function: Function | None, target: ast.expr,
              signal: str, line: int) -> None:
        if (isinstance(target, ast.Name) and function is not None and cls is not None):
            names = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
            if target.id in names:  # a helper connecting the slot it was given
                self.forwarders.append((cls, function.name, names.index(target.id) - 1, signal))
            return
        resolved = self.resolve(cls, function, target)
        if resolved is None:
            return
        name, slot = resolved
        if (param := _bad_first_parameter(slot)) is not None:
            self.problems.append(
                f"{self.where}:{line}: {signal} -> {name}({param}=...): "
                f"riceve il checked del segnale")

    def check_forwarded(self, forwarders: list[tuple[str, str, int, str]]) -> None:
        """Calls of a helper that connects its argument: check the argument passed."""
        for cls, function, call in self.calls:
            if not isinstance(call.func, ast.Attribute):
                continue
            for owner, helper, position, signal in forwarders:
                if call.func.attr != helper or len(call.args) <= position:
                    continue
                resolved = self.resolve(cls, function, call.func)
                if resolved is None or self.index.method(owner, helper) is not resolved[1]:
                    continue
                self.check(cls, function, call.args[position], signal, call.lineno)


def problems(sources: dict[str, str]) -> list[str]:
    """Every signal of ``SIGNALS`` connected to a slot whose first parameter is not checked."""
    index = Index(sources)
    checkers = [Checker(index, where) for where in index.trees]
    for checker in checkers:
        checker.visit(index.trees[checker.where])
    forwarders = [f for checker in checkers for f in checker.forwarders]
    for checker in checkers:
        checker.check_forwarded(forwarders)
    return sorted((p for checker in checkers for p in checker.problems),
                  key=lambda p: (p.split(":")[0], int(p.split(":")[1])))


def gui_sources() -> dict[str, str]:
    return {str(path.relative_to(GUI.parents[1])): path.read_text(encoding="utf-8")
            for path in sorted(GUI.rglob("*.py"))}


def test_no_signal_passes_checked_into_a_real_argument() -> None:
    sources = gui_sources()
    assert len(sources) > 30  # the whole package was read
    assert problems(sources) == []


OLD_PREVIEW = '''
class PdfPreviewDialog(QDialog):
    def __init__(self):
        self.print_button = QPushButton("Stampa…")
        self.print_button.clicked.connect(self.print_document)
        save_button = QPushButton("Salva PDF…")
        save_button.clicked.connect(self.save_as)
        zoom = QPushButton("+")
        zoom.clicked.connect(lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)  # a shortcut passes nothing
        close = QPushButton("Chiudi")
        close.clicked.connect(self.reject)

    def print_document(self, printer: QPrinter | None = None) -> bool: ...
    def save_as(self, path: str | None = None): ...
    def step_zoom(self, direction: int) -> None: ...
'''


def test_the_check_finds_the_old_preview_buttons() -> None:
    assert problems({"pdf_preview.py": OLD_PREVIEW}) == [
        "pdf_preview.py:5: clicked -> PdfPreviewDialog.print_document(printer=...): "
        "riceve il checked del segnale",
        "pdf_preview.py:7: clicked -> PdfPreviewDialog.save_as(path=...): "
        "riceve il checked del segnale",
    ]


def test_the_check_follows_bases_attributes_locals_and_helpers() -> None:
    source = '''
class Page(QWidget):
    def reload(self, select_id=None): ...
    def toggle(self, checked): ...
    def clear(self): ...
    def button(self, name, slot):
        button = QPushButton(name)
        button.clicked.connect(slot)
        return button

class Child(Page):
    def __init__(self):
        self.a = QPushButton()
        self.a.clicked.connect(self.reload)          # base class method: bad
        self.b = QCheckBox()
        self.b.toggled.connect(self.toggle)          # checked first: fine
        self.button("x", self.clear)                 # no argument: fine
        self.button("y", self.reload)                # through the helper: bad

class Window(QMainWindow):
    def __init__(self):
        self.page = Child()
        action = QAction()
        action.triggered.connect(self.page.reload)   # attribute of a known class: bad
        other = Page()
        action.triggered.connect(other.clear)        # local of a known class: fine
        action.triggered.connect(other.reload)       # bad
        action.triggered.connect(self.close)         # Qt's own slot: not ours
'''
    found = problems({"m.py": source})
    assert [line.split(": riceve")[0] for line in found] == [
        "m.py:14: clicked -> Child.reload(select_id=...)",
        "m.py:18: clicked -> Child.reload(select_id=...)",
        "m.py:24: triggered -> Child.reload(select_id=...)",
        "m.py:27: triggered -> Page.reload(select_id=...)",
    ]
