"""The wrapping layout of the agenda's tool rows: measured once per width, measured again
when what it holds changes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from sportello.gui.kit.flow_layout import FlowLayout

pytestmark = pytest.mark.gui


def test_height_for_a_width_follows_the_buttons_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder)
    buttons = [QPushButton(f"Pulsante numero {n}") for n in range(6)]
    for button in buttons:
        button.setFixedSize(100, 30)
        layout.addWidget(button)
    holder.show()
    three_lines = layout.heightForWidth(330)  # three buttons a line: two lines
    assert three_lines == layout.heightForWidth(330)
    assert layout.heightForWidth(110) > three_lines  # one a line: six lines
    for button in buttons[2:]:
        button.hide()
    qtbot.waitUntil(lambda: layout.heightForWidth(330) < three_lines)
    assert layout.heightForWidth(330) == 30  # the two left fit on one line
    buttons[2].setFixedSize(100, 50)
    buttons[2].show()
    qtbot.waitUntil(lambda: layout.heightForWidth(330) == 50)  # the taller one sets the line
