"""Keyboard: no mnemonic twice in one place, Ctrl+PgDn/PgUp between the file's tabs, outcome
keys in the agenda and a visible frame on the appointments that have the focus."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from collections import defaultdict

import pytest
from file_windows import open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

import sportello.gui as gui_package
from sportello.core import codice_fiscale
from sportello.core.services import agenda, workers
from sportello.gui.areas import AgendaArea
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

ROSSI = codice_fiscale.encode("Rossi", "Mario", "M", dt.date(1980, 1, 1), "A479")


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def duplicates(texts: list[str]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter:
            by_letter[letter].append(text)
    return {letter: found for letter, found in by_letter.items() if len(found) > 1}


def shown_texts(window: QWidget) -> list[str]:
    """The texts carrying a mnemonic that the window shows now (hidden pages don't count)."""
    texts = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QLabel) and child.buddy() is not None:
            texts.append(child.text())
        elif isinstance(child, QGroupBox) and child.isCheckable():
            texts.append(child.title())
        elif isinstance(child, QTabBar):
            texts += [child.tabText(i) for i in range(child.count())]
    return texts


def menu_texts(menu: QMenu) -> list[tuple[str, list[str]]]:
    found = [(menu.title(), [a.text() for a in menu.actions() if not a.isSeparator()])]
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_texts(action.menu())
    return found


def test_no_mnemonic_repeats_in_a_menu_a_window_or_a_dialog(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=ROSSI, surname="Rossi", name="Mario"))
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    problems: dict[str, dict[str, list[str]]] = {}
    bar = [action.text() for action in window.menuBar().actions()]
    problems["barra dei menu"] = duplicates(bar)
    for action in window.menuBar().actions():
        for title, texts in menu_texts(action.menu()):
            problems[f"menu {title}"] = duplicates(texts)
    for row, area in enumerate(window.areas):  # the menu bar's Alt+letters act in every area
        window.show_area(row)
        QApplication.processEvents()
        problems[f"finestra, area {area.windowTitle()}"] = duplicates(bar + shown_texts(window))

    file_window = open_window(qtbot, office_ctx, worker_id, size=(1366, 768))
    for index in range(file_window.tabs.count()):
        file_window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        problems[f"fascicolo, scheda {index}"] = duplicates(shown_texts(file_window))

    built_names: list[str] = []  # every dialog that opens on the database alone
    for info in pkgutil.walk_packages(gui_package.__path__, "sportello.gui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, QDialog) or cls.__module__ != module.__name__:
                continue
            params = list(inspect.signature(cls.__init__).parameters.values())[1:]
            # a worker may be left out (the dialog then asks for one); other records may not
            needed = {p.name for p in params[1:] if p.default is inspect.Parameter.empty}
            if not params or params[0].name != "ctx" or needed - {"worker_id"}:
                continue
            kwargs: dict[str, object] = dict.fromkeys(needed)
            if "parent" in {p.name for p in params}:
                kwargs["parent"] = window
            dialog = cls(office_ctx, **kwargs)
            built_names.append(name)
            dialog.show()
            QApplication.processEvents()
            problems[f"dialogo {name}"] = duplicates(shown_texts(dialog))
            dialog.hide()
            dialog.deleteLater()
    assert {"BookingDialog", "AdminDialog", "AuditViewer", "ExportDialog"} <= set(built_names)
    assert {where: dup for where, dup in problems.items() if dup} == {}


def test_ctrl_page_down_and_up_move_between_the_files_tabs(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=ROSSI, surname="Rossi", name="Mario"))
    window = open_window(qtbot, office_ctx, worker_id)
    tabs = window.tabs
    assert tabs.currentIndex() == 0
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 2
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageUp,
                   Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    tabs.setCurrentIndex(0)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageUp,
                   Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == tabs.count() - 1  # wraps round


# --------------------------------------------------------------------------- agenda


def past_working_day() -> dt.date:
    day = dt.date.today() - dt.timedelta(days=7)
    while agenda.closed_reason(day) is not None:
        day -= dt.timedelta(days=1)
    return day


@pytest.fixture
def agenda_window(qtbot, office_ctx):  # type: ignore[no-untyped-def]
    """The main window on the agenda, by day, on a past day with two appointments."""
    day = past_working_day()
    for surname, name, hour in (("Rossi", "Mario", 9), ("Bianchi", "Luca", 10)):
        worker_id = workers.create(office_ctx, workers.WorkerForm(
            codice_fiscale=codice_fiscale.encode(surname, name, "M", dt.date(1980, 1, 1), "A479"),
            surname=surname, name=name))
        agenda.book(office_ctx, worker_id=worker_id, operator_id=office_ctx.actor.id,
                    starts_at=dt.datetime.combine(day, dt.time(hour, 0)),
                    now=dt.datetime.combine(day, dt.time(8)))  # booked before it happened
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    row = next(r for r, a in enumerate(window.areas) if isinstance(a, AgendaArea))
    window.show_area(row)
    area = window.areas[row]
    qtbot.waitUntil(lambda: area.operator_combo.count() > 0)
    area.go_to(day)
    yield window, area
    qtbot.waitUntil(lambda: not window.deadlines.loading, timeout=15000)


def click_row(qtbot, area: AgendaArea, row: int) -> None:  # type: ignore[no-untyped-def]
    table = area.day_view
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_outcome_keys_on_the_appointments_and_alt_letters_on_the_buttons(qtbot, agenda_window) -> None:  # type: ignore[no-untyped-def]
    window, area = agenda_window
    area.set_mode("day")
    click_row(qtbot, area, 0)
    assert area.day_view.hasFocus()
    qtbot.keyClick(area.day_view, Qt.Key.Key_P)  # recorded off the UI thread, then shown
    qtbot.waitUntil(lambda: area.day_view.row_texts()[0][-1] == "Presente")
    qtbot.keyClick(area.day_view, Qt.Key.Key_Down)  # the next appointment, by keyboard
    assert area.selected_row is not None and area.selected_row.worker_name == "Bianchi Luca"
    qtbot.keyClick(area.day_view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: area.day_view.row_texts()[1][-1] == "Assente")
    # a button's Alt+letter clicks it the way a button clicks (animated, a moment later)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: area.day_view.row_texts()[1][-1] == "Giustificato")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: area.day_view.row_texts()[1][-1] == "Assente")
    assert [b.text() for b in area.outcome_buttons.values()] == [
        "&Presente", "A&ssente", "&Giustificato"]


def test_the_letter_keys_do_nothing_without_a_selected_appointment(qtbot, agenda_window) -> None:  # type: ignore[no-untyped-def]
    window, area = agenda_window
    area.set_mode("day")
    area.day_view.setFocus()
    area.day_view.clearSelection()
    assert area.selected_row is None
    qtbot.keyClick(area.day_view, Qt.Key.Key_P)
    assert [r[-1] for r in area.day_view.row_texts()] == ["", ""]


def frame_colour(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


def test_the_appointments_with_the_focus_are_framed(qtbot, agenda_window) -> None:  # type: ignore[no-untyped-def]
    window, area = agenda_window
    highlight = area.palette().color(QPalette.ColorRole.Highlight)
    area.set_mode("week")
    lists = [column.list for column in area.week_view.columns]
    qtbot.mouseClick(area.today_button, Qt.MouseButton.LeftButton)
    area.go_to(past_working_day())
    busy = next(lst for lst in lists if lst.count())
    other = next(lst for lst in lists if lst is not busy)
    busy.setFocus(Qt.FocusReason.TabFocusReason)
    column = {c.list: c for c in area.week_view.columns}
    assert frame_colour(column[busy]) == highlight
    assert frame_colour(column[other]) != highlight
    other.setFocus(Qt.FocusReason.TabFocusReason)
    assert frame_colour(column[busy]) != highlight
    assert frame_colour(column[other]) == highlight
    area.set_mode("day")
    area.day_view.setFocus(Qt.FocusReason.TabFocusReason)
    assert frame_colour(area.day_view) == highlight
