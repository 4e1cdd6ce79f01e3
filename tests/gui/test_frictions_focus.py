"""Focus stays where the clerk works: never handed to the Scadenze "Entro N giorni" box."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sportello.core import codice_fiscale
from sportello.core.models import Worker
from sportello.core.services import agenda
from sportello.gui.areas import AgendaArea
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def past_working_day() -> dt.date:
    day = dt.date.today() - dt.timedelta(days=7)
    while agenda.closed_reason(day) is not None:
        day -= dt.timedelta(days=1)
    return day


@pytest.fixture
def window(qtbot, office_ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(office_ctx)
    qtbot.addWidget(w)
    w.resize(1280, 760)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.waitUntil(lambda: not w.deadlines.loading, timeout=15000)
    yield w
    qtbot.waitUntil(lambda: not w.deadlines.loading, timeout=15000)


def open_day_with_appointment(qtbot, office_ctx, window):  # type: ignore[no-untyped-def]
    """A past appointment of Mario Rossi, selected with a click in the agenda's day view."""
    day = past_working_day()
    with office_ctx.write() as s:
        worker = Worker(codice_fiscale=codice_fiscale.encode("Rossi", "Mario", "M",
                                                             dt.date(1980, 1, 1), "A479"),
                        surname="Rossi", name="Mario", privacy_consent=True)
        s.add(worker)
    agenda.book(office_ctx, worker_id=worker.id, operator_id=office_ctx.actor.id,
                starts_at=dt.datetime.combine(day, dt.time(9, 30)),
                now=dt.datetime.combine(day, dt.time(8)))  # booked before it happened
    row = next(r for r, a in enumerate(window.areas) if isinstance(a, AgendaArea))
    window.show_area(row)
    area = window.areas[row]
    qtbot.waitUntil(lambda: area.operator_combo.count() > 0)
    area.set_mode("day")
    area.go_to(day)
    table = area.day_view
    rect = table.visualItemRect(table.item(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert area.selected_row is not None
    return area, row


def test_recording_an_outcome_keeps_the_focus_out_of_the_deadline_days(qtbot, office_ctx, window) -> None:  # type: ignore[no-untyped-def]
    area, _row = open_day_with_appointment(qtbot, office_ctx, window)
    spin = window.deadlines.days_spin
    before = spin.value()
    qtbot.mouseClick(area.outcome_buttons["presente"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.selected_row is not None and area.selected_row.outcome == "presente")
    button = area.outcome_buttons["presente"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)  # back where the click was
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    assert spin.value() == before
    assert not spin.hasFocus()


def test_cancelling_leaves_the_focus_on_the_appointments_and_tab_still_reaches_the_days(qtbot, office_ctx, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    area, _row = open_day_with_appointment(qtbot, office_ctx, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(area.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.day_view.rowCount() == 0)
    assert QApplication.focusWidget() is area.day_view
    spin = window.deadlines.days_spin
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)  # the clerk may still go there on purpose
    assert spin.hasFocus()


def test_any_button_that_disables_itself_does_not_hand_the_focus_to_the_days(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Salva presenze, Registra esito…: a button that the refresh disables while focused."""
    from PySide6.QtWidgets import QPushButton, QWidget

    area = window.current_area
    save = QPushButton("Salva", area)
    save.clicked.connect(lambda: save.setEnabled(False))
    save.show()
    spin = window.deadlines.days_spin
    QWidget.setTabOrder(save, spin)  # as for the agenda's last button: the next in the chain
    before = spin.value()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not save.isEnabled()
    assert not spin.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_5)
    assert spin.value() == before
