"""Main window: workers listed lazily, areas by side bar and Ctrl+N, settings remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from sportello.core.models import Worker
from sportello.gui.areas import AREAS, AgendaArea, ExchangeArea, MonitoringArea, WorkersArea
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

PEOPLE = [  # surname, name, codice fiscale, comune (inserted out of order on purpose)
    ("Rossi", "Niccolò", "RSSNCL78D03A479X", "Asti"),
    ("Bianchi", "Maria", "BNCMRA85T41L219Y", "Torino"),
    ("Verdi", "Giuseppe", "VRDGPP70A01A479Z", None),
    ("Bianchi", "Luca", "BNCLCU90B02A479W", "Asti"),
    ("Bianchi", "Maria", "BNCMRA86T41L219K", "Ivrea"),  # same name as another: id decides
]


def add_workers(ctx, people=PEOPLE) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        for surname, name, code, comune in people:
            s.add(Worker(codice_fiscale=code, surname=surname, name=name, residence_comune=comune))


@pytest.fixture
def window(qtbot, office_ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    add_workers(office_ctx)
    w = MainWindow(office_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def table_text(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_main_window_lists_the_workers_and_says_who_and_where(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    area = window.current_area
    assert isinstance(area, WorkersArea)
    model = area.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    surnames = [model.index(r, 0).data() for r in range(5)]
    assert surnames == ["Bianchi", "Bianchi", "Bianchi", "Rossi", "Verdi"]
    assert model.index(3, 1).data() == "Niccolò"
    assert window.windowTitle() == "Sportello — Centro per l'Impiego di Asti"
    assert window.operator_label.text() == "Operatore: Anna Amministratrice"
    assert window.database_label.text().endswith("sportello.db")


def test_ctrl_number_and_side_bar_switch_areas(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_area, AgendaArea)
    assert window.sidebar.currentRow() == 1
    heading = window.current_area.findChild(QLabel, "areaHeading")
    assert heading.text() == "Agenda"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_area, MonitoringArea)

    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_area, ExchangeArea)
    assert window.area_actions.checkedAction().text() == "Import/Export"

    window.sidebar.setCurrentRow(0)
    assert isinstance(window.current_area, WorkersArea)
    assert window.area_actions.checkedAction().shortcut().toString() == "Ctrl+1"


def test_start_builds_the_workers_area_only_the_others_when_first_clicked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.areas import TrainingArea

    assert isinstance(window.stack.widget(0), WorkersArea)
    assert not any(isinstance(window.stack.widget(row), (AgendaArea, TrainingArea, ExchangeArea))
                   for row in range(1, window.stack.count()))
    rect = window.sidebar.visualItemRect(window.sidebar.item(3))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    area = window.current_area
    assert isinstance(area, TrainingArea) and window.stack.widget(3) is area
    assert window.sidebar.item(3).text() == area.windowTitle() == "Formazione"
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(window.sidebar.item(0)).center())
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_area is area  # built once
    assert not isinstance(window.stack.widget(1), AgendaArea)  # still not asked for


def test_every_area_has_a_heading_a_description_and_an_icon(window: MainWindow) -> None:
    titles = ["Lavoratori", "Agenda", "Percorsi", "Formazione", "Sportello Unico",
              "Monitoraggio", "Import/Export", "Vertenze"]
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == titles
    for area, title in zip(window.areas, titles, strict=True):
        assert area.findChild(QLabel, "areaHeading").text() == title
        assert len(area.findChild(QLabel, "areaDescription").text()) > 40
    for i in range(len(AREAS)):
        assert not window.sidebar.item(i).icon().isNull()


def test_window_geometry_and_area_are_remembered(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(office_ctx)
    qtbot.addWidget(first)
    first.show()
    # The offscreen test screen (800×600) is narrower than the window's minimum width
    # (side bar + workers list + Scadenze dock), so the height carries the check.
    first.resize(first.width(), 560)
    first.show_area(3)
    first.close()
    assert QSettings().value("main_window/geometry") is not None

    second = MainWindow(office_ctx)
    qtbot.addWidget(second)
    assert second.height() == 560
    assert second.stack.currentIndex() == 3


def test_about_shows_version_and_database(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sportello import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Aiuto").menu()
    about = next(a for a in help_menu.actions() if a.text() == "&Informazioni su Sportello")
    about.trigger()
    assert len(shown) == 1
    assert __version__ in shown[0]
    assert "sportello.db" in shown[0]


def test_quit_action_is_ctrl_q(window: MainWindow) -> None:
    file_menu = next(a for a in window.menuBar().actions() if a.text() == "&File").menu()
    quit_action = file_menu.actions()[-1]  # the last entry, as in every program
    assert quit_action.text() == "&Esci" and quit_action.shortcut().toString() == "Ctrl+Q"
    quit_action.trigger()
    assert not window.isVisible()
