"""Aiuto → Guida (F1): the guide in Italian, the six journeys, every picture there."""

from __future__ import annotations

import re

import pytest
import screens
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QApplication

from sportello.core import paths
from sportello.gui.dialogs.guide import GuideDialog
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

JOURNEYS = [
    "1. L'elenco della Regione arriva",
    "2. Convocare la coorte",
    "3. Una persona allo sportello",
    "4. La formazione",
    "5. Mettersi in proprio",
    "6. Il tavolo di crisi si riunisce",
]


def image_names(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    return names


def test_f1_opens_the_guide_with_the_six_journeys_and_its_pictures(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(isinstance(w, GuideDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    guide = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog))
    text = guide.browser.toPlainText()
    assert text.startswith("Guida di Sportello")
    for title in JOURNEYS:
        assert title in text, title
    assert "Non ancora disponibile" in text  # journey 6 is not built: the guide says so
    names = image_names(guide.browser.document())
    assert len(names) >= 12
    for name in names:
        resource = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                              QUrl(name))
        if isinstance(resource, QImage):
            image = resource
        else:
            image = QImage.fromData(resource) if resource else QImage()
        assert not image.isNull(), name  # no broken picture
        assert image.width() <= 900, name
    assert screens.outside(guide, screens.SMALL) == []


def test_the_menu_entry_and_the_files_the_guide_names_exist(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Aiuto").menu()
    guide = next(a for a in help_menu.actions() if a.text() == "&Guida")
    assert guide.shortcut().toString() == "F1"
    html = paths.resource("guide", "guida.html").read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert pictures
    for picture in pictures:
        file = paths.resource("guide", picture)
        assert file.is_file() and file.stat().st_size < 80_000, picture
