"""What every area shares: a heading with a one-line description, and an honest empty state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sportello.gui.icons import icon

MARGIN = 24


class Area(QWidget):
    """Base of the main window's areas: ``ICON`` names the side bar icon (resources/icons).

    Subclasses set ``windowTitle`` (shown in the side bar and the heading) and call
    ``build_heading`` with their description.
    """

    ICON = ""

    def build_heading(self, title: str, description: str) -> QVBoxLayout:
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, MARGIN - 8)
        layout.setSpacing(6)

        heading = QLabel(title)
        heading.setObjectName("areaHeading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(title)
        layout.addWidget(heading)

        about = QLabel(description)
        about.setObjectName("areaDescription")
        about.setWordWrap(True)
        about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(about)
        layout.addSpacing(10)
        return layout


class ComingSoonArea(Area):
    """An area whose work is not done yet: it says so, and offers no controls."""

    def build_coming_soon(self, title: str, description: str) -> None:
        layout = self.build_heading(title, description)
        layout.addStretch(2)
        picture = QLabel()
        picture.setPixmap(icon(self.ICON).pixmap(48, 48, QIcon.Mode.Disabled))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        label = QLabel(
            QCoreApplication.translate(
                "ComingSoonArea", "In arrivo: questa sezione non è ancora disponibile."
            )
        )
        label.setObjectName("comingSoon")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(label)
        layout.addStretch(3)
