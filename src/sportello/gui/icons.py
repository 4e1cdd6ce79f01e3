"""Line icons from resources/icons, tinted with the palette's text colours.

The SVGs (Lucide, ISC licence) draw with ``currentColor``; we substitute the
window text colour for the normal state and the highlighted text colour for the
selected state, so the icons follow light and dark palettes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from sportello.core import paths

_SIZES = (24, 48)  # the side bar size and its high-DPI double


def _pixmap(svg: str, color: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    path = paths.resource("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorRole.WindowText).name()
    selected = palette.color(QPalette.ColorRole.HighlightedText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_pixmap(svg, normal, size), QIcon.Mode.Normal)
        result.addPixmap(_pixmap(svg, selected, size), QIcon.Mode.Selected)
        result.addPixmap(_pixmap(svg, disabled, size), QIcon.Mode.Disabled)
    return result
