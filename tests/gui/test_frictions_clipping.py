"""Nothing clipped at 1024x600: the Scadenze dates and group titles, the worker list's
headings, the agenda's operator combo, a refusal under a pathway field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox
from waiting import press_ok

from sportello.core import codice_fiscale
from sportello.core.models import EmploymentSituation, Operator, PactStatus, Role, ServicePact, Worker
from sportello.core.services import pathways, workers
from sportello.gui.areas import AgendaArea, WorkersArea
from sportello.gui.main_window import MainWindow
from sportello.gui.paths.pathway_dialogs import NewPathwayDialog

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
LONG_NAME = "Maria Vittoria Santangelo Bertolini"


def add_people(ctx) -> None:  # type: ignore[no-untyped-def]
    """Deadlines of two kinds (one with the longest group title) and an operator with a long name."""
    with ctx.write() as s:
        for i, (surname, name) in enumerate((("Rossi", "Maria"), ("Bianchi", "Laura"))):
            worker = Worker(codice_fiscale=codice_fiscale.encode(surname, name, "F",
                                                                 dt.date(1975, 5, 5), "A479"),
                            surname=surname, name=name, privacy_consent=True)
            s.add(worker)
            s.flush()
            s.add(EmploymentSituation(worker_id=worker.id, cigs_start=TODAY - dt.timedelta(days=90),
                                      cigs_end=TODAY + dt.timedelta(days=5 + i)))
            s.add(ServicePact(worker_id=worker.id, status=PactStatus.FIRMATO, signed_on=TODAY,
                              gol_path="gol1", review_on=TODAY + dt.timedelta(days=7 + i)))
        s.add(Operator(office_id=ctx.actor.office_id, username="msantangelo", full_name=LONG_NAME,
                       role=Role.OPERATORE))


@pytest.fixture
def small_window(qtbot, office_ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    add_people(office_ctx)
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    with qtbot.waitSignal(window.deadlines.loaded, timeout=15000):
        window.show()
    qtbot.waitUntil(lambda: not window.deadlines.loading, timeout=15000)
    yield window
    qtbot.waitUntil(lambda: not window.deadlines.loading, timeout=15000)


def test_the_deadlines_show_whole_dates_and_whole_group_titles(qtbot, small_window) -> None:  # type: ignore[no-untyped-def]
    tree = small_window.deadlines.tree
    viewport = tree.viewport().width()
    assert viewport < 300  # a narrow dock, as on a 1024-pixel screen
    header = tree.header()
    assert header.sectionPosition(1) + header.sectionSize(1) <= viewport  # no scrolling to it
    assert {tree.topLevelItem(i).text(0).split(" (")[0]
            for i in range(tree.topLevelItemCount())} == {
        "CIGS in scadenza", "Revisione del patto di servizio"}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        date = group.child(0).text(1)
        assert header.sectionSize(1) >= tree.fontMetrics().horizontalAdvance(date), date
        rect = tree.visualItemRect(group)
        metrics = QFontMetrics(group.font(0))
        lines = rect.height() // metrics.lineSpacing()
        room = rect.width() - tree.indentation() - tree.iconSize().width() - 12
        words_room = sum(metrics.horizontalAdvance(w + " ") for w in group.text(0).split())
        assert lines >= 1 and words_room <= room * lines, (group.text(0), rect, lines)
        if metrics.horizontalAdvance(group.text(0)) > room:
            assert lines >= 2  # wrapped, not cut


def test_the_worker_list_headings_are_whole(qtbot, small_window) -> None:  # type: ignore[no-untyped-def]
    area = next(a for a in small_window.areas if isinstance(a, WorkersArea))
    header = area.table.horizontalHeader()
    metrics = header.fontMetrics()
    model = area.table.model()
    for column in range(header.count() - 1):  # the last one stretches to the rest
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 16, text


def test_the_agenda_operator_combo_fits_its_longest_name(qtbot, small_window) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r, a in enumerate(small_window.areas) if isinstance(a, AgendaArea))
    small_window.show_area(row)
    combo: QComboBox = small_window.areas[row].operator_combo
    qtbot.waitUntil(lambda: combo.findText(LONG_NAME) >= 0)
    combo.setCurrentIndex(combo.findText(LONG_NAME))

    def text_room() -> int:  # the width the combo gives its text (the arrow left out)
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo).width()

    qtbot.waitUntil(lambda: text_room() >= combo.fontMetrics().horizontalAdvance(LONG_NAME))


def test_a_refusal_under_the_pathway_field_wraps_and_shows_whole(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=codice_fiscale.encode("Rossi", "Mario", "M", dt.date(1980, 1, 1), "A479"),
        surname="Rossi", name="Mario"))
    pathways.open_pathway(office_ctx, worker_id, "gol1")
    dialog = NewPathwayDialog(office_ctx, (worker_id, "Rossi Mario"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("gol1"))
    assert not press_ok(qtbot, dialog)  # refused by the service: the dialog stays
    error = dialog.errors["kind"]
    assert error.isVisible() and "già su un percorso" in error.text()
    assert error.wordWrap()
    assert error.height() >= error.heightForWidth(error.width())
    metrics = QFontMetrics(QFont(error.font()))
    assert metrics.horizontalAdvance(error.text()) > error.width()  # it did need two lines
