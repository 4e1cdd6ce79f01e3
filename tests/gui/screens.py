"""Does a window fit a small office screen? Shared by the journey and layout tests.

Office PCs and laptops at 1366x768 and 1024x600 are common. ``fit_to`` asks a top-level
window for that size and reports every visible widget that then lies outside it (a
button a clerk cannot reach), and whether the window refused to shrink (a minimum size
larger than the screen).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

SMALL = (1024, 600)
LAPTOP = (1366, 768)


def _inside_scroll_area(widget: QWidget, top: QWidget) -> bool:
    """Widgets inside a scroll area may lie outside the window: the clerk scrolls to them."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def outside(window: QWidget, size: tuple[int, int] = SMALL) -> list[str]:
    """What does not fit when ``window`` is given ``size``: one line per problem."""
    width, height = size
    window.resize(width, height)
    QApplication.processEvents()
    problems = []
    if window.width() > width or window.height() > height:
        problems.append(f"{window.objectName() or type(window).__name__}: "
                        f"{window.width()}x{window.height()} > {width}x{height} "
                        f"(minimo {window.minimumSizeHint().width()}x"
                        f"{window.minimumSizeHint().height()})")
    frame = QRect(0, 0, min(window.width(), width), min(window.height(), height))
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.isWindow() or _inside_scroll_area(child, window):
            continue
        if child.width() <= 0 or child.height() <= 0:
            continue
        top_left = child.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, child.size())
        if not frame.contains(rect):
            name = child.objectName() or type(child).__name__
            text = getattr(child, "text", None)
            label = f" «{text()}»" if callable(text) and text() else ""
            problems.append(f"{name}{label} at {rect.x()},{rect.y()} "
                            f"{rect.width()}x{rect.height()} outside {frame.width()}x{frame.height()}")
    return problems
