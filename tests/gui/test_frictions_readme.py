"""The README's area shortcuts are the ones the window has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_names_each_areas_real_shortcut(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    by_title = {action.text(): action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                for action in window.area_actions.actions()}
    claimed = re.findall(r"\(\*([^*]+)\*, (Ctrl\+\d)\)", README.read_text(encoding="utf-8"))
    claimed += re.findall(r"\*\*(Agenda)\*\* \((Ctrl\+\d)\)", README.read_text(encoding="utf-8"))
    assert ("Import/Export", "Ctrl+7") in claimed
    assert len(claimed) >= 3
    for title, shortcut in claimed:
        assert by_title[title] == shortcut, title
