"""What every area shares: a heading with a one-line description, and an honest empty state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QIcon, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from sportello.gui import changes
from sportello.gui.icons import icon

MARGIN = 24
# At the latest this long after being shown, an area's reads start even if it was not painted.
PAINT_WAIT_MS = 100


class Area(QWidget):
    """Base of the main window's areas: ``ICON`` names the side bar icon (resources/icons).

    Subclasses set ``windowTitle`` (shown in the side bar and the heading) and call
    ``build_heading`` with their description.
    """

    ICON = ""

    def after_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the area, just shown, has been laid out and painted (at the
        latest after ``PAINT_WAIT_MS``). The reads of an area start then: a read running on a
        background thread while the area is laid out slows that down several times (Python
        threads share one interpreter: 20 -> 230 ms for Formazione on 100,000 files)."""
        waiting = self.__dict__.setdefault("_after_paint", [])
        waiting.append(callback)
        self.update()
        QTimer.singleShot(PAINT_WAIT_MS, self._painted)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.__dict__.get("_after_paint"):
            QTimer.singleShot(0, self._painted)  # once the whole area has been painted

    def _painted(self) -> None:
        waiting, self._after_paint = self.__dict__.get("_after_paint", []), []
        for callback in waiting:
            callback()

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


class TabbedArea(Area):
    """An area of tabs that read when first shown, and again after any write in the program.

    Subclasses put their tabs in ``self.tabs`` (``build_tabs``); each tab has ``reload()``,
    and ``prepare_tab(tab)`` may read what a tab needs once more first (its filters). A tab
    with ``reload_in_background()`` reads its filters and rows off the UI thread (``gui.ops``)
    instead: switching to the area then never waits for the database.
    """

    def build_tabs(self, layout: QVBoxLayout, object_name: str) -> QTabWidget:
        self._loaded: set[int] = set()
        self.tabs = QTabWidget()
        self.tabs.setObjectName(object_name)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)
        changes.hub().changed.connect(self._data_changed)  # any write anywhere (gui.changes)
        return self.tabs

    def prepare_tab(self, tab: QWidget) -> None:
        """Before ``tab.reload()``: read what the tab's filters offer (nothing by default)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.after_paint(lambda: self._tab_shown(self.tabs.currentIndex()))

    def _tab_shown(self, index: int) -> None:
        if index in self._loaded or index < 0 or not self.isVisible():
            return  # nothing is read until the area is on screen
        self._loaded.add(index)
        tab = self.tabs.widget(index)
        in_background = getattr(tab, "reload_in_background", None)
        if callable(in_background):
            in_background()
            return
        self.prepare_tab(tab)
        tab.reload()  # type: ignore[attr-defined]

    def _data_changed(self, _kinds: object, source: object) -> None:
        """Every tab reads again when next shown; the one on screen now, unless it is the
        one that wrote (it has read again already)."""
        current = self.tabs.currentIndex()
        writer = self.tabs.widget(current) if self.isVisible() else None
        self._loaded.clear()
        if writer is not None and changes.comes_from(writer, source):
            self._loaded.add(current)
        elif writer is not None:
            self._tab_shown(current)


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
