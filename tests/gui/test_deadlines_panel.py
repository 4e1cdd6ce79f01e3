"""Deadlines dock: what is due within N days, mine or the office's, read off the GUI thread."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

from sportello.core import codice_fiscale
from sportello.core.models import EmploymentSituation, Operator, Role, Worker
from sportello.gui.deadlines_panel import DeadlinesPanel
from sportello.gui.main_window import MainWindow
from sportello.gui.shared import navigation

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


def add_worker(ctx, surname, name, cigs_in_days, operator_id=None):  # type: ignore[no-untyped-def]
    code = codice_fiscale.encode(surname, name, "F", dt.date(1975, 5, 5), "A479")
    with ctx.write() as s:
        worker = Worker(codice_fiscale=code, surname=surname, name=name, privacy_consent=True,
                        assigned_operator_id=operator_id)
        s.add(worker)
        s.flush()
        s.add(EmploymentSituation(worker_id=worker.id, cigs_start=TODAY - dt.timedelta(days=100),
                                  cigs_end=TODAY + dt.timedelta(days=cigs_in_days)))
    return worker.id


@pytest.fixture
def workers(office_ctx):  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        other = Operator(office_id=office_ctx.actor.office_id, username="gverdi",
                         full_name="Giulia Verdi", role=Role.OPERATORE)
        s.add(other)
    return {
        "soon": add_worker(office_ctx, "Rossi", "Maria", 10, office_ctx.actor.id),
        "far": add_worker(office_ctx, "Bianchi", "Laura", 200, office_ctx.actor.id),
        "colleague": add_worker(office_ctx, "Verdi", "Paola", 20, other.id),
    }


@pytest.fixture
def panel(qtbot, office_ctx, workers) -> DeadlinesPanel:  # type: ignore[no-untyped-def]
    host = QMainWindow()
    qtbot.addWidget(host)
    dock = DeadlinesPanel(office_ctx, host)
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.resize(900, 600)
    # generous waits: on a loaded 2-core machine a background read took over 5 s once
    with qtbot.waitSignal(dock.loaded, timeout=20000):  # shown -> read in the background
        host.show()
    qtbot.waitUntil(lambda: not dock.loading, timeout=20000)  # the read's thread has ended too
    yield dock
    qtbot.waitUntil(lambda: not dock.loading, timeout=20000)  # no thread left reading a closed database


def test_lists_what_ends_within_n_days_and_follows_n(qtbot, panel: DeadlinesPanel) -> None:  # type: ignore[no-untyped-def]
    assert panel.days_spin.value() == 30
    assert panel.groups() == {"cigs": ["Rossi Maria", "Verdi Paola"]}
    group = panel.tree.topLevelItem(0)
    assert group.text(0) == "CIGS in scadenza (2)"
    child = group.child(0)
    assert child.text(1) == (TODAY + dt.timedelta(days=10)).strftime("%d/%m/%Y")
    assert child.text(2).startswith("termina il ")
    assert panel.status_label.text() == "2 scadenze"

    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.days_spin.setValue(250)  # typed: read once, after a short pause
    assert panel.groups() == {"cigs": ["Rossi Maria", "Verdi Paola", "Bianchi Laura"]}

    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.days_spin.setValue(5)
    assert panel.groups() == {}
    assert panel.status_label.text() == "Nessuna scadenza entro 5 giorni."


def test_only_mine_and_the_choices_are_remembered(qtbot, office_ctx, panel: DeadlinesPanel) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        box = panel.mine_check  # click on the box itself (the widget is as wide as the dock)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert panel.groups() == {"cigs": ["Rossi Maria"]}  # Verdi Paola is Giulia Verdi's

    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.days_spin.setValue(365)
    again = DeadlinesPanel(office_ctx)
    qtbot.addWidget(again)
    assert (again.days_spin.value(), again.mine_check.isChecked()) == (365, True)


def test_refresh_button_reads_again(qtbot, office_ctx, panel: DeadlinesPanel) -> None:  # type: ignore[no-untyped-def]
    add_worker(office_ctx, "Neri", "Anna", 3)
    assert "Neri Anna" not in panel.groups()["cigs"]
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert panel.groups()["cigs"][0] == "Neri Anna"  # soonest first


def test_double_click_opens_the_workers_file(qtbot, office_ctx, workers, panel, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    monkeypatch.setitem(
        navigation.ROUTES, navigation.WORKER_FILE,
        lambda ctx, worker_id, parent: opened.append(worker_id))
    item = panel.tree.topLevelItem(0).child(0)
    rect = panel.tree.visualItemRect(item)
    viewport = panel.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [workers["soon"]]


def test_main_window_docks_it_toggles_it_with_f9_and_remembers(qtbot, office_ctx, workers) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.deadlines.loaded, timeout=5000):
        window.show()
        qtbot.waitExposed(window)
    dock = window.deadlines
    assert dock.isVisible() and dock.windowTitle() == "Scadenze"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.groups() == {"cigs": ["Rossi Maria", "Verdi Paola"]}
    toggle = dock.toggleViewAction()
    assert toggle in window.view_menu.actions() and toggle.shortcut().toString() == "F9"

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not dock.isVisible()
    with qtbot.waitSignal(dock.loaded, timeout=5000):  # shown again: read again
        qtbot.keyClick(window, Qt.Key.Key_F9)
    assert dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dock.loading)
    window.close()

    second = MainWindow(office_ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert not second.deadlines.isVisible()  # hidden, as it was left


def test_an_agenda_change_refreshes_the_list(qtbot, office_ctx, workers) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.deadlines.loaded, timeout=5000):
        window.show()
    add_worker(office_ctx, "Neri", "Anna", 3)
    agenda_area = window.areas[1]
    with qtbot.waitSignal(window.deadlines.loaded, timeout=5000):
        agenda_area.appointments_changed.emit()
    assert window.deadlines.groups()["cigs"][0] == "Neri Anna"
    qtbot.waitUntil(lambda: not window.deadlines.loading)
