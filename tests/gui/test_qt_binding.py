"""The Qt binding must not leak references to None (PySide6 6.12.0 does, and the app aborts)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_refcount() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(5000):
        obj.setObjectName("sportello")
    # A healthy binding moves the count by a handful at most; 6.12.0 moves it by -5000.
    assert abs(sys.getrefcount(None) - before) < 100
