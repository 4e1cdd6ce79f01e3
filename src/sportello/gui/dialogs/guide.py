"""Aiuto → Guida (F1): the user guide, offline, in a text browser.

The guide is ``resources/guide/guida.html`` with its screenshots in ``resources/guide/img``
(made by ``tools/guide_screenshots.py`` from the real windows on the demo database), found
through ``core.paths.resource`` as every shipped file is: in a checkout, a wheel and a
PyInstaller bundle alike. Links inside the guide move within it; links elsewhere open in
the system's browser.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sportello.core import paths

GUIDE_FILE = "guida.html"


def guide_path() -> str:
    return str(paths.resource("guide", GUIDE_FILE))


class GuideDialog(QDialog):
    """The guide in a window of its own, beside the program (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guida di Sportello"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.setSource(QUrl.fromLocalFile(guide_path()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        # room for the 900-pixel screenshots at their own size, never more than the screen
        screen = self.screen().availableGeometry()
        self.resize(min(960, screen.width() - 40), min(760, screen.height() - 60))

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            self.browser.setSource(QUrl.fromLocalFile(guide_path()))  # stay on the guide
