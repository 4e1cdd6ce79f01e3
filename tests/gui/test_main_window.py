"""Main window: workers listed lazily, areas by side bar and Ctrl+N, settings remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from sportello.core.models import Worker
from sportello.gui.areas import AREAS, AgendaArea, ExchangeArea, WorkersArea
from sportello.gui.main_window import MainWindow
from sportello.gui.worker_model import WorkerListModel

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


def test_workers_are_listed_alphabetically_with_the_five_columns(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    area = window.current_area
    assert isinstance(area, WorkersArea)
    model = area.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Cognome", "Nome", "Codice fiscale", "Comune di residenza", "Stato"]
    assert table_text(model) == [
        ["Bianchi", "Luca", "BNCLCU90B02A479W", "Asti", "Aperto"],
        ["Bianchi", "Maria", "BNCMRA85T41L219Y", "Torino", "Aperto"],
        ["Bianchi", "Maria", "BNCMRA86T41L219K", "Ivrea", "Aperto"],
        ["Rossi", "Niccolò", "RSSNCL78D03A479X", "Asti", "Aperto"],
        ["Verdi", "Giuseppe", "VRDGPP70A01A479Z", "", "Aperto"],
    ]
    qtbot.waitUntil(lambda: area.count_label.text() == "5 lavoratori")
    assert window.windowTitle() == "Sportello — Centro per l'Impiego di Asti"
    assert window.operator_label.text() == "Operatore: Anna Amministratrice"
    assert window.database_label.text().endswith("sportello.db")


def test_model_loads_pages_on_demand_in_keyset_order(ctx) -> None:  # type: ignore[no-untyped-def]
    """On SQLite and, when available, PostgreSQL (row-value comparison on both)."""
    office_ctx = ctx
    add_workers(office_ctx)
    model = WorkerListModel(office_ctx, page_size=2)
    assert model.rowCount() == 0 and model.canFetchMore()  # nothing read until asked
    model.fetchMore()
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 4 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    codes = [model.index(r, 2).data() for r in range(5)]
    assert codes == ["BNCLCU90B02A479W", "BNCMRA85T41L219Y", "BNCMRA86T41L219K",
                     "RSSNCL78D03A479X", "VRDGPP70A01A479Z"]  # no row lost or repeated
    with office_ctx.write() as s:
        s.add(Worker(codice_fiscale="ZZZZZZ80A01A479Q", surname="Zanetti", name="Ugo"))
    model.reload()
    assert model.rowCount() == 0
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 6


def test_table_fetches_more_when_scrolled_to_the_end(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    many = [(f"Cognome{i:04d}", "Nome", f"AAAAAA00A00A{i:04d}", None) for i in range(450)]
    add_workers(office_ctx, many)
    w = MainWindow(office_ctx)
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.show()
    qtbot.waitExposed(w)
    table = w.areas[0].table
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 200)  # one page, not the whole table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 450)
    assert not model.canFetchMore()
    assert model.index(449, 0).data() == "Cognome0449"


def test_ctrl_number_and_side_bar_switch_areas(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_area, AgendaArea)
    assert window.sidebar.currentRow() == 1
    heading = window.current_area.findChild(QLabel, "areaHeading")
    assert heading.text() == "Agenda"
    assert "In arrivo" in window.current_area.findChild(QLabel, "comingSoon").text()

    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_area, ExchangeArea)
    assert window.area_actions.checkedAction().text() == "Import/Export"

    window.sidebar.setCurrentRow(0)
    assert isinstance(window.current_area, WorkersArea)
    assert window.area_actions.checkedAction().shortcut().toString() == "Ctrl+1"


def test_every_area_has_a_heading_a_description_and_an_icon(window: MainWindow) -> None:
    titles = ["Lavoratori", "Agenda", "Percorsi", "Formazione", "Sportello Unico",
              "Monitoraggio", "Import/Export"]
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
    first.resize(700, 520)  # inside the offscreen 800×600 screen
    first.show_area(3)
    first.close()
    assert QSettings().value("main_window/geometry") is not None

    second = MainWindow(office_ctx)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    assert second.stack.currentIndex() == 3


def test_about_shows_version_and_database(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sportello import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    about = next(a for a in window.menuBar().actions() if a.text() == "&Aiuto").menu().actions()[0]
    assert about.text() == "&Informazioni su Sportello"
    about.trigger()
    assert len(shown) == 1
    assert __version__ in shown[0]
    assert "sportello.db" in shown[0]


def test_quit_action_is_ctrl_q(window: MainWindow) -> None:
    file_menu = next(a for a in window.menuBar().actions() if a.text() == "&File").menu()
    quit_action = file_menu.actions()[0]
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    quit_action.trigger()
    assert not window.isVisible()
