"""Windows open no bigger than the free part of the screen they open on.

A preferred size (an A4 page, a wide table) is kept on a big screen and cut on a 1366x768
or 1024x600 one, so a dialog's buttons never start below the task bar.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QWidget


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``window.resize(width, height)``, cut to the screen's free area less a title bar."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    title_bar = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    window.resize(min(width, free.width()), min(height, free.height() - title_bar))
