"""Lavoratori area: search as you type, filters, SQL sort by header, lazy rows, merge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import shiboken6
from file_windows import click_save
from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import func, insert, select
from waiting import settle

from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.models import Operator, Role, Vertenza, Worker
from sportello.core.services import worker_file, workers
from sportello.gui.areas.workers import SEARCH_DELAY_MS, WorkersArea
from sportello.gui.main_window import MainWindow
from sportello.gui.worker_file.dialogs import MergeDialog
from sportello.gui.worker_model import WorkerListModel

pytestmark = pytest.mark.gui

PEOPLE = [  # surname, name, sex, birth date, Belfiore (inserted out of order on purpose)
    ("Rossi", "Niccolò", "M", dt.date(1978, 4, 3), "A479"),
    ("D'Agostino", "Maria", "F", dt.date(1985, 12, 1), "L219"),
    ("Bianchi", "Luca", "M", dt.date(1990, 2, 2), "A479"),
    ("Verdi", "Giuseppe", "M", dt.date(1970, 1, 1), "A479"),
    ("Bianchi", "Maria", "F", dt.date(1986, 12, 1), "L219"),
    ("Zanetti", "Ugo", "M", dt.date(1962, 7, 30), "E379"),  # Ivrea
]


def code(surname: str, name: str) -> str:
    for s, n, sex, born, place in PEOPLE:
        if (s, n) == (surname, name):
            return cf.encode(s, n, sex, born, place)
    raise KeyError(surname)


@pytest.fixture
def ids(office_ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The people above, created through the service: {"Surname Name": id}."""
    made = {}
    for surname, name, sex, born, place in PEOPLE:
        form = workers.WorkerForm(codice_fiscale=cf.encode(surname, name, sex, born, place),
                                  surname=surname, name=name, residence_comune="Asti")
        made[f"{surname} {name}"] = workers.create(office_ctx, form, allow_similar=True)
    return made


def make_area(qtbot, ctx) -> WorkersArea:  # type: ignore[no-untyped-def]
    area = WorkersArea(ctx)
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    qtbot.waitUntil(lambda: area.count_label.text() != "")  # the first search ran
    settle(qtbot)
    return area


@pytest.fixture
def area(qtbot, office_ctx, ids) -> WorkersArea:  # type: ignore[no-untyped-def]
    return make_area(qtbot, office_ctx)


@pytest.fixture(autouse=True)
def _close_file_windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Discard.value)
    yield
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "WorkerFileWindow" and shiboken6.isValid(widget):
            widget.close()


def surnames(model: WorkerListModel) -> list[str]:
    return [f"{model.index(r, 0).data()} {model.index(r, 1).data()}"
            for r in range(model.rowCount())]


@pytest.fixture
def row_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many ids each workers.rows call asked for."""
    sizes: list[int] = []
    real = workers.rows

    def spy(ctx, ids):  # type: ignore[no-untyped-def]
        sizes.append(len(ids))
        return real(ctx, ids)

    monkeypatch.setattr(workers, "rows", spy)
    return sizes


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[workers.ListFilter]:
    """Every list_ids call the list makes (the search itself still runs)."""
    calls: list[workers.ListFilter] = []
    real = workers.list_ids

    def spy(ctx, flt, sort="surname", descending=False):  # type: ignore[no-untyped-def]
        calls.append(flt)
        return real(ctx, flt, sort, descending)

    monkeypatch.setattr(workers, "list_ids", spy)
    return calls


# --------------------------------------------------------------------------- list and model


def test_list_shows_everyone_with_the_eight_columns(qtbot, area: WorkersArea) -> None:  # type: ignore[no-untyped-def]
    model = area.model
    assert model.rowCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Cognome", "Nome", "Codice fiscale", "Data di nascita",
                       "Comune di residenza", "Telefono", "Stato", "Operatore"]
    assert surnames(model) == ["Bianchi Luca", "Bianchi Maria", "D'Agostino Maria",
                               "Rossi Niccolò", "Verdi Giuseppe", "Zanetti Ugo"]
    row = [model.index(3, c).data() for c in range(8)]
    assert row == ["Rossi", "Niccolò", code("Rossi", "Niccolò"), "03/04/1978", "Asti", "",
                   "Aperto", "Anna Amministratrice"]
    assert area.count_label.text() == "6 lavoratori"
    assert area.table.horizontalHeader().sortIndicatorSection() == 0


def test_model_counts_at_once_and_reads_only_the_pages_asked_for(qtbot, office_ctx, row_reads) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        s.execute(insert(Worker), [
            {"codice_fiscale": f"AAAAAA00A00A{i:04d}", "surname": f"Cognome{i:04d}", "name": "Nome"}
            for i in range(1000)])
    model = WorkerListModel(office_ctx, page_size=50, max_pages=3)
    with qtbot.waitSignal(model.searched):
        model.search(workers.ListFilter())
    # the ids and the first page come together: the rows the list shows first
    assert model.rowCount() == 1000 and model.pages_read == 1
    assert model.index(0, 0).data() == "Cognome0000"
    assert model.index(49, 0).data() == "Cognome0049"

    def shown(row: int) -> str:
        """The row as the view paints it: asked for, empty, then filled in off the UI thread."""
        if model.index(row, 0).data() == "":
            with qtbot.waitSignal(model.dataChanged):
                pass
        return model.index(row, 0).data()

    assert shown(999) == "Cognome0999"
    assert shown(500) == "Cognome0500"
    assert shown(120) == "Cognome0120"
    assert model.pages_read == 4 and model.pages_cached == 3  # oldest page dropped
    assert shown(0) == "Cognome0000"
    assert model.pages_read == 5
    assert row_reads == [50] * 5  # a page at a time, never the whole list


def test_table_reads_only_the_visible_pages(qtbot, office_ctx, row_reads) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        s.execute(insert(Worker), [
            {"codice_fiscale": f"AAAAAA00A00A{i:04d}", "surname": f"Cognome{i:04d}", "name": "Nome"}
            for i in range(3000)])
    area = make_area(qtbot, office_ctx)
    qtbot.waitUntil(lambda: area.model.rowCount() == 3000)
    area.table.viewport().repaint()
    settle(qtbot)
    assert area.model.pages_read == 1  # 3000 rows, one page of 200 read
    area.table.scrollToBottom()
    area.table.viewport().repaint()
    qtbot.waitUntil(lambda: area.model.index(2999, 0).data() == "Cognome2999")
    assert area.model.pages_read == 2
    assert row_reads == [200, 200]
    assert area.table.verticalScrollBar().maximum() > 2000  # the scroll bar knows all rows


# --------------------------------------------------------------------------- search


def type_search(qtbot, area: WorkersArea, text: str) -> None:  # type: ignore[no-untyped-def]
    area.search_box.clear()
    qtbot.keyClicks(area.search_box, text)


def test_search_as_you_type_ignores_accents_case_and_apostrophes(qtbot, area, searches) -> None:  # type: ignore[no-untyped-def]
    type_search(qtbot, area, "nicc")
    assert area.model.rowCount() == 6  # not yet: the search waits for a pause in typing
    assert searches == []
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=SEARCH_DELAY_MS * 10)
    assert [f.text for f in searches] == ["nicc"]  # one query for four keystrokes
    assert surnames(area.model) == ["Rossi Niccolò"]
    assert area.count_label.text() == "1 lavoratore trovato"

    type_search(qtbot, area, "NICCOLO")
    qtbot.waitUntil(lambda: bool(searches) and searches[-1].text == "NICCOLO")
    settle(qtbot)
    assert surnames(area.model) == ["Rossi Niccolò"]

    type_search(qtbot, area, "agost")
    qtbot.waitUntil(lambda: bool(searches) and searches[-1].text == "agost")
    settle(qtbot)
    assert surnames(area.model) == ["D'Agostino Maria"]

    type_search(qtbot, area, code("Bianchi", "Maria")[:9].lower())  # a CF prefix
    qtbot.waitUntil(lambda: bool(searches) and searches[-1].text.startswith("bnc"))
    settle(qtbot)
    assert surnames(area.model) == ["Bianchi Maria"]

    type_search(qtbot, area, "bianchi m")
    qtbot.waitUntil(lambda: bool(searches) and searches[-1].text == "bianchi m")
    settle(qtbot)
    assert surnames(area.model) == ["Bianchi Maria"]

    type_search(qtbot, area, "nessuno")
    qtbot.waitUntil(lambda: bool(searches) and searches[-1].text == "nessuno")
    settle(qtbot)
    assert area.model.rowCount() == 0
    assert area.count_label.text() == "Nessun lavoratore trovato."


def test_two_keystrokes_and_enter_open_the_file(qtbot, area, ids) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(area.search_box, "za")
    qtbot.keyClick(area.search_box, Qt.Key.Key_Return)  # no need to wait for the pause
    qtbot.waitUntil(lambda: len(area.open_windows()) == 1)  # searched, then read and shown
    opened = area.open_windows()
    assert [w.worker_id for w in opened] == [ids["Zanetti Ugo"]]
    assert opened[0].fields.value("surname") == "Zanetti"
    qtbot.keyClick(area.search_box, Qt.Key.Key_Return)  # again: the same window, raised
    assert area.open_windows() == opened


def test_down_arrow_moves_into_the_list_and_enter_opens(qtbot, area, ids) -> None:  # type: ignore[no-untyped-def]
    area.window().activateWindow()
    area.focus_search()
    qtbot.keyClicks(area.search_box, "bianchi")
    qtbot.keyClick(area.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: area.model.rowCount() == 2 and area.current_id() is not None)
    assert area.table.hasFocus() or QApplication.focusWidget() is area.table
    assert area.current_id() == ids["Bianchi Luca"]
    qtbot.keyClick(area.table, Qt.Key.Key_Down)
    assert area.current_id() == ids["Bianchi Maria"]
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(area.open_windows()) == 1)
    assert [w.worker_id for w in area.open_windows()] == [ids["Bianchi Maria"]]


def test_letters_typed_in_the_list_go_to_the_search_box(qtbot, area) -> None:  # type: ignore[no-untyped-def]
    area.table.setFocus()
    area.table.selectRow(0)
    qtbot.keyClicks(area.table, "ver")
    assert area.search_box.text() == "ver"
    qtbot.waitUntil(lambda: area.model.rowCount() == 1)


# --------------------------------------------------------------------------- filters


def test_filters_run_in_sql(qtbot, office_ctx, area, ids, searches) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        vertenza = Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia")
        s.add(vertenza)
        clerk = Operator(office_id=office_ctx.actor.office_id, username="carlo",
                         full_name="Carlo Sportello", role=Role.OPERATORE)
        s.add(clerk)
    worker_file.save_employment(office_ctx, ids["Verdi Giuseppe"], worker_file.EmploymentForm(
        vertenza_id=vertenza.id, cigs_start=dt.date.today() - dt.timedelta(days=300),
        cigs_end=dt.date.today() + dt.timedelta(days=10)))
    worker_file.save_employment(office_ctx, ids["Zanetti Ugo"], worker_file.EmploymentForm(
        vertenza_id=vertenza.id))
    workers.set_status(office_ctx, ids["Bianchi Luca"], "sospeso")
    detail = workers.get(office_ctx, ids["Rossi Niccolò"], audit_open=False)
    form = detail.form
    form.assigned_operator_id = clerk.id
    workers.save(office_ctx, detail.id, detail.version, form)

    area.hide()
    area.show()  # new vertenze and operators are offered when the area is shown again
    vertenze = area.vertenza_filter
    qtbot.waitUntil(lambda: vertenze.findText("Konecta Asti") >= 0)  # read off the UI thread
    vertenze.setCurrentIndex(vertenze.findText("Konecta Asti"))
    settle(qtbot)
    assert surnames(area.model) == ["Verdi Giuseppe", "Zanetti Ugo"]
    assert area.count_label.text() == "2 lavoratori trovati"
    area.deadline_check.setChecked(True)  # CIGS ending within 30 days
    settle(qtbot)
    assert surnames(area.model) == ["Verdi Giuseppe"]
    area.deadline_days.setValue(5)
    qtbot.waitUntil(lambda: area.model.rowCount() == 0)
    area.reset_filters()
    settle(qtbot)
    assert area.model.rowCount() == 6

    status = area.status_filter
    status.setCurrentIndex(status.findText("Sospeso"))
    settle(qtbot)
    assert surnames(area.model) == ["Bianchi Luca"]
    status.setCurrentIndex(0)
    operator = area.operator_filter
    operator.setCurrentIndex(operator.findText("Carlo Sportello"))
    settle(qtbot)
    assert surnames(area.model) == ["Rossi Niccolò"]
    assert searches[-1].operator_id == clerk.id


# --------------------------------------------------------------------------- sort


def click_header(qtbot, area: WorkersArea, column: int) -> None:  # type: ignore[no-untyped-def]
    header = area.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    settle(qtbot)  # the sort is a new search, off the UI thread


def test_header_click_sorts_in_sql_and_is_remembered(qtbot, office_ctx, area, searches) -> None:  # type: ignore[no-untyped-def]
    model = area.model
    by_surname = surnames(model)
    click_header(qtbot, area, 1)  # Nome
    assert (model.sort_key, model.descending) == ("name", False)
    assert surnames(model) == ["Verdi Giuseppe", "Bianchi Luca", "Bianchi Maria",
                               "D'Agostino Maria", "Rossi Niccolò", "Zanetti Ugo"]
    assert surnames(model) != by_surname
    header = area.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    click_header(qtbot, area, 1)  # again: descending
    assert model.descending and surnames(model)[0] == "Zanetti Ugo"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(qtbot, area, 3)  # Data di nascita
    assert [model.index(r, 3).data() for r in range(2)] == ["30/07/1962", "01/01/1970"]
    calls = len(searches)
    click_header(qtbot, area, 7)  # Operatore: not sortable, nothing happens
    assert len(searches) == calls and header.sortIndicatorSection() == 3
    assert model.sort_key == "birth_date"

    assert isinstance(QSettings().value("workers_area/header"), type(header.saveState()))
    again = make_area(qtbot, office_ctx)
    assert again.model.sort_key == "birth_date"
    assert again.table.horizontalHeader().sortIndicatorSection() == 3
    assert again.model.index(0, 0).data() == "Zanetti"


def test_sorting_keeps_the_current_file_selected(qtbot, area, ids) -> None:  # type: ignore[no-untyped-def]
    area.select_id(ids["Rossi Niccolò"])
    click_header(qtbot, area, 3)
    assert area.current_id() == ids["Rossi Niccolò"]
    assert area.table.currentIndex().row() == 2  # born 1962, 1970, then 1978


# --------------------------------------------------------------------------- window shortcuts


def test_ctrl_f_and_ctrl_n_work_from_any_area(qtbot, office_ctx, ids) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_area(1)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    area = window.current_area
    assert isinstance(area, WorkersArea)
    assert QApplication.focusWidget() is area.search_box
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(area.open_windows()) == 1)  # its lists read, then shown
    new = area.open_windows()
    assert new[0].is_new
    window.close()  # the main window closes the file windows first
    assert area.open_windows() == []


def test_saving_a_file_updates_the_list(qtbot, area, ids) -> None:  # type: ignore[no-untyped-def]
    area.select_id(ids["Verdi Giuseppe"])
    with qtbot.waitSignal(area.file_opened) as opened:
        qtbot.keyClick(area.table, Qt.Key.Key_Return)
    window = opened.args[0]
    window.fields.widget("mobile").setText("347 0000001")
    assert click_save(qtbot, window)
    settle(qtbot)  # the list read again (gui.changes)
    row = area.model.row_of(ids["Verdi Giuseppe"])
    assert area.model.index(row, 5).data() == "347 0000001"
    assert area.current_id() == ids["Verdi Giuseppe"] or area.current_id() is None


def test_other_areas_open_files_through_the_list(qtbot, area, ids) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.routes import open_worker_file

    with qtbot.waitSignal(area.file_opened) as opened:
        assert open_worker_file(area.ctx, ids["Verdi Giuseppe"], area.table) is True
        # asked again while it is being read: still one window
        assert open_worker_file(area.ctx, ids["Verdi Giuseppe"], area.table) is True
    first = opened.args[0]
    assert first.worker_id == ids["Verdi Giuseppe"]
    settle(qtbot)
    assert area.open_windows() == [first]  # tracked like the files opened from the list
    assert open_worker_file(area.ctx, ids["Verdi Giuseppe"], area.search_box) is first


# --------------------------------------------------------------------------- merge


def select_rows(area: WorkersArea, *rows: int) -> None:
    area.table.clearSelection()
    for row in rows:
        area.table.selectionModel().select(
            area.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def as_role(ctx, username: str, role: Role):  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        person = Operator(office_id=ctx.actor.office_id, username=username,
                          full_name=username.title(), role=role)
        s.add(person)
    return ctx.acting_as(Actor(person.id, username, username.title(), role, person.office_id))


@pytest.fixture
def merge_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Keep the second file in the dialog, say yes to the confirmation; record warnings."""
    told: list[str] = []

    def choose(dialog: MergeDialog) -> int:
        dialog.choose(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: told.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    return told


def test_merge_by_a_responsabile(qtbot, office_ctx, ids, merge_answers) -> None:  # type: ignore[no-untyped-def]
    boss = as_role(office_ctx, "rita", Role.RESPONSABILE)
    worker_file.add_diary(office_ctx, ids["Bianchi Luca"], "nota", "Da unire", None)
    area = make_area(qtbot, boss)
    assert not area.merge_button.isEnabled()
    select_rows(area, 0, 1)  # Bianchi Luca, Bianchi Maria
    assert area.merge_button.isEnabled()
    area.merge_button.click()
    settle(qtbot)  # merged off the UI thread, then the list read again
    assert merge_answers == []
    with office_ctx.read() as s:
        remaining = s.scalar(select(func.count(Worker.id)))
        assert s.get(Worker, ids["Bianchi Luca"]) is None
    assert remaining == 5
    assert [r.subject for r in worker_file.diary(office_ctx, ids["Bianchi Maria"])] == ["Da unire"]
    assert area.model.rowCount() == 5
    assert area.current_id() == ids["Bianchi Maria"]


def test_merge_refused_to_an_operatore_with_the_services_message(qtbot, office_ctx, ids,  # type: ignore[no-untyped-def]
                                                                  merge_answers) -> None:
    clerk = as_role(office_ctx, "carlo", Role.OPERATORE)
    area = make_area(qtbot, clerk)
    select_rows(area, 0, 1)
    qtbot.mouseClick(area.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(merge_answers) == 1
    assert merge_answers[0].startswith("Solo un responsabile (o un ruolo superiore) può unire")
    with office_ctx.read() as s:
        assert s.scalar(select(func.count(Worker.id))) == 6
    assert area.model.rowCount() == 6
