"""Issue 11: every view shows the data as it is after a change made anywhere (gui.changes);
the wizard's "Avanti" follows a typed path; the worker list's order and "Senza percorso"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import file_windows
import pytest
from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from waiting import closed
from test_paths_areas import catalogue  # noqa: F401 - the fixture

from sportello.core import codice_fiscale as cf
from sportello.core.services import pathways, workers
from sportello.gui.areas import ExchangeArea, WorkersArea
from sportello.gui.exchange.import_wizard import ImportWizard
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
HEADERS = ["Codice fiscale", "Cognome", "Nome", "Data di nascita", "Comune residenza",
           "Data inizio CIG", "Data fine CIG"]
PEOPLE = [("Ferrari", "Luca", dt.date(1980, 4, 3)), ("Galli", "Marta", dt.date(1975, 9, 30))]


def code(surname: str, name: str, born: dt.date, sex: str = "M") -> str:
    return cf.encode(surname, name, sex, born, "I462")


def sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Lavoratori"
    ws.append(HEADERS)
    for (surname, name, born), sex in zip(PEOPLE, "MF", strict=True):
        ws.append([code(surname, name, born, sex), surname, name, born, "Sassuolo",
                   dt.date(2025, 1, 8), TODAY + dt.timedelta(days=10)])
    wb.save(path)
    return path


def click_area(qtbot, window: MainWindow, area_type: type) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, a in enumerate(window.areas) if isinstance(a, area_type))
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(window.current_area, area_type)


def click_next(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Avanti disabilitato nella pagina {wizard.currentId()}"
    before = wizard.currentId()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=15000)


def open_wizard(qtbot, area: ExchangeArea) -> ImportWizard:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(area.import_button, Qt.MouseButton.LeftButton)
    wizard = area.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.addWidget(wizard)
    return wizard


@pytest.fixture
def window(qtbot, office_ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(office_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_avanti_is_enabled_as_the_path_is_typed(qtbot, office_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    area = ExchangeArea(office_ctx)
    qtbot.addWidget(area)
    area.show()
    wizard = open_wizard(qtbot, area)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    path = sheet(tmp_path / "lista.xlsx")
    qtbot.keyClicks(wizard.file_page.path_edit, str(path)[:-1])  # "lista.xls": no such file
    assert not next_button.isEnabled()
    qtbot.keyClicks(wizard.file_page.path_edit, "x")  # no Enter
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # reads it, then goes on
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SHEET, timeout=15000)
    assert wizard.sheet_page.header_spin.value() == 1


def test_an_import_shows_in_the_worker_list_and_the_deadlines_at_once(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, office_ctx, tmp_path: Path, monkeypatch) -> None:
    workers_area = window.current_area
    assert isinstance(workers_area, WorkersArea)
    qtbot.waitUntil(lambda: workers_area.count_label.text() == "Nessun lavoratore nel database.")
    panel = window.deadlines
    qtbot.waitUntil(lambda: not panel.loading and "cigs" not in panel.groups())

    click_area(qtbot, window, ExchangeArea)
    wizard = open_wizard(qtbot, window.current_area)
    qtbot.keyClicks(wizard.file_page.path_edit, str(sheet(tmp_path / "lista.xlsx")))
    qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=15000)
    click_next(qtbot, wizard)  # sheet
    click_next(qtbot, wizard)  # columns
    click_next(qtbot, wizard)  # vertenza
    qtbot.keyClicks(wizard.vertenza_page.code_edit, "CER-SAS")
    click_next(qtbot, wizard)  # preview
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.all_button.isEnabled(), timeout=15000)
    qtbot.mouseClick(preview.all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=15000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    # the Scadenze panel, on screen all along, read again by itself (no "Aggiorna")
    qtbot.waitUntil(lambda: not panel.loading and sorted(panel.groups().get("cigs", [])) == [
        "Ferrari Luca", "Galli Marta"], timeout=10000)
    # the worker list, without typing anything
    click_area(qtbot, window, WorkersArea)
    qtbot.waitUntil(lambda: workers_area.count_label.text() == "2 lavoratori")
    assert [workers_area.model.index(r, 0).data() for r in range(2)] == ["Ferrari", "Galli"]

    # the import undone from the history: both views follow again
    click_area(qtbot, window, ExchangeArea)
    history = window.current_area.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 1)
    history.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(history, "last_message", None) is not None)
    history.last_message.close()
    qtbot.waitUntil(lambda: not panel.loading and "cigs" not in panel.groups(), timeout=10000)
    click_area(qtbot, window, WorkersArea)
    qtbot.waitUntil(lambda: workers_area.count_label.text() == "Nessun lavoratore nel database.")


def test_a_file_saved_or_a_pathway_opened_elsewhere_shows_in_the_list(  # type: ignore[no-untyped-def]
        qtbot, office_ctx) -> None:
    from sportello.gui.areas import PathwaysArea
    from sportello.gui.paths.pathway_dialogs import NewPathwayDialog

    wid = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=code("Ferrari", "Luca", PEOPLE[0][2]), surname="Ferrari", name="Luca"))
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    area = window.current_area
    qtbot.waitUntil(lambda: area.model.rowCount() == 1)
    combo = area.pathway_filter
    combo.setFocus()
    qtbot.keyClicks(combo, "Senza")
    assert combo.currentText() == "Senza percorso"
    qtbot.waitUntil(lambda: area.model.rowCount() == 1 and "trovat" in area.count_label.text())
    # a file window saves a new mobile number: the list behind it shows it
    file_window = file_windows.open_window(qtbot, office_ctx, wid)
    qtbot.keyClicks(file_window.fields.widget("mobile"), "3471234567")
    qtbot.mouseClick(file_window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.model.index(0, 5).data() == "3471234567")
    file_window.close()

    # a pathway opened in the Percorsi area: back in the list, "Senza percorso" is empty
    click_area(qtbot, window, PathwaysArea)
    tab = window.current_area.pathways_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewPathwayDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.keyClicks(dialog.picker.search, "Ferrari")
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.picker.worker_id == wid
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    click_area(qtbot, window, WorkersArea)
    qtbot.waitUntil(lambda: area.count_label.text() == "Nessun lavoratore trovato.")


def test_worker_list_alphabetical_and_senza_percorso(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    made = {}
    for surname, name, born in [("ROSSI", "MARIO", dt.date(1980, 4, 3)),
                                ("de Luca", "Anna", dt.date(1981, 5, 4)),
                                ("Bianchi", "Luca", dt.date(1975, 1, 2)),
                                ("Đorđević", "Ana", dt.date(1990, 2, 14))]:
        made[surname] = workers.create(office_ctx, workers.WorkerForm(
            codice_fiscale=cf.encode(surname, name, "M", born, "A479"), surname=surname,
            name=name), allow_similar=True)
    pathways.open_pathway(office_ctx, made["ROSSI"], "gol1")
    area = WorkersArea(office_ctx)
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    qtbot.waitUntil(lambda: area.model.rowCount() == 4)
    surnames = [area.model.index(r, 0).data() for r in range(4)]
    assert surnames == ["Bianchi", "de Luca", "Đorđević", "ROSSI"]
    combo = area.pathway_filter
    # the clerk opens the filter and picks "Senza percorso" (last item) with the keyboard
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton, pos=QPoint(10, combo.height() // 2))
    view = combo.view()
    qtbot.waitUntil(lambda: view.isVisible())
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.currentText() == "Senza percorso")
    qtbot.waitUntil(lambda: area.model.rowCount() == 3)
    shown = [area.model.index(r, 0).data() for r in range(3)]
    assert shown == ["Bianchi", "de Luca", "Đorđević"]
    qtbot.waitUntil(lambda: area.count_label.text() == "3 lavoratori trovati")


def test_an_outcome_recorded_in_the_agenda_clears_the_deadline_at_once(  # type: ignore[no-untyped-def]
        qtbot, office_ctx) -> None:
    from test_agenda_area import PAST, select_in_day_view

    from sportello.core.services import agenda
    from sportello.gui.areas import AgendaArea

    wid = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=code("Ferrari", "Luca", PEOPLE[0][2]), surname="Ferrari", name="Luca",
        privacy_consent=True))
    agenda.book(office_ctx, worker_id=wid, operator_id=office_ctx.actor.id,
                starts_at=dt.datetime.combine(PAST, dt.time(9, 30)), purpose="Colloquio",
                now=dt.datetime.combine(PAST, dt.time(8)))  # booked before it happened
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    panel = window.deadlines
    qtbot.waitUntil(lambda: not panel.loading and panel.groups().get("esito") == ["Ferrari Luca"],
                    timeout=10000)
    click_area(qtbot, window, AgendaArea)
    area = window.current_area
    area.set_operator(office_ctx.actor.id)
    area.go_to(PAST)
    area.set_mode("day")
    select_in_day_view(qtbot, area, "Ferrari Luca")
    qtbot.mouseClick(area.outcome_buttons["presente"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.loading and "esito" not in panel.groups(), timeout=10000)


def test_a_voucher_approved_in_the_training_area_shows_in_the_deadlines(  # type: ignore[no-untyped-def]
        qtbot, office_ctx, catalogue) -> None:
    from test_paths_areas import answer_box, click, select

    from sportello.core.services import vouchers
    from sportello.gui.areas import TrainingArea

    from sportello.core.services import training

    course = training.create_course(office_ctx, training.CourseForm(
        provider_id=catalogue["provider"], title="Lavorare con l'IA", hours=8, seats=5,
        cost_cents=1_000_00, starts_on=dt.date.today() + dt.timedelta(days=2),
        ends_on=dt.date.today() + dt.timedelta(days=30), min_attendance_pct=75))
    vouchers.request(office_ctx, worker_id=catalogue["rossi"], course_id=course,
                     fund_id=catalogue["fund"])  # expires when the course ends, in 30 days
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    panel = window.deadlines
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0 or "Nessuna" in
                    panel.status_label.text(), timeout=10000)
    qtbot.waitUntil(lambda: not panel.loading)
    assert "voucher" not in panel.groups()  # only requested
    click_area(qtbot, window, TrainingArea)
    area = window.current_area
    bar = area.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(area.tabs.indexOf(area.vouchers_tab)).center())
    tab = area.vouchers_tab
    qtbot.waitUntil(lambda: tab.table.model() is not None and tab.table.model().rowCount() == 1)
    select(tab.table, 1, "Rossi Mario")
    answer_box(qtbot, "approveConfirm", "Approva")  # the approval asks first
    click(qtbot, tab.approve_button)
    qtbot.waitUntil(lambda: not panel.loading and panel.groups().get("voucher") == ["Rossi Mario"],
                    timeout=10000)
