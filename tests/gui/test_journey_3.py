"""Journey 3, at the clerk's hands: a person at the counter.

Find the file in two keystrokes → read the situation and deadlines → write the interview
in the diary → agree and print the patto di servizio → put the person on a path.
Everything is done on the real main window and file window by clicks and typing; the
printed patto is saved from the letter preview to a PDF on disk and read back with pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import screens
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from waiting import press_ok, settle
from sportello.core import codice_fiscale as cf
from sportello.core.models import EmploymentSituation, Letter, Office, Pathway
from sportello.core.services import pacts, workers
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.kit.inputs import format_date
from sportello.gui.letters import LetterDialog
from sportello.gui.main_window import MainWindow
from sportello.gui.paths.pathway_dialogs import NewPathwayDialog
from sportello.gui.worker_file.pact_page import PactDialog, SignPactDialog
from sportello.gui.worker_file.window import WorkerFileWindow

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
NASPI_END = TODAY + dt.timedelta(days=20)

def outside_small(window: QWidget) -> list[str]:
    return screens.outside(window, screens.SMALL)


@pytest.fixture
def counter(office_ctx) -> int:  # type: ignore[no-untyped-def]
    """The office and a few files; Ettore Gori, out of work, his NASpI ending in 20 days."""
    with office_ctx.write() as s:
        office = s.get(Office, office_ctx.actor.office_id)
        office.address, office.cap, office.provincia = "Corso Dante 12", "14100", "AT"
    made = {}
    for surname, name, sex, born in (("Gori", "Ettore", "M", dt.date(1971, 4, 2)),
                                     ("Gorini", "Lucia", "F", dt.date(1983, 9, 9)),
                                     ("Rossi", "Mario", "M", dt.date(1980, 1, 1))):
        made[surname] = workers.create(office_ctx, workers.WorkerForm(
            codice_fiscale=cf.encode(surname, name, sex, born, "A479"), surname=surname,
            name=name, sex=sex, birth_date=born, birth_place="Asti",
            residence_address="Via Roma 1", residence_cap="14100", residence_comune="Asti"))
    with office_ctx.write() as s:
        s.add(EmploymentSituation(worker_id=made["Gori"], is_current=True,
                                  former_employer="Konecta Italia S.p.A.",
                                  naspi_start=TODAY - dt.timedelta(days=200), naspi_end=NASPI_END))
    return made["Gori"]


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), f"{button.objectName()} not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done


def modal(qtbot, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    return QApplication.activeModalWidget()


def ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert press_ok(qtbot, dialog), dialog.error_text()


def test_journey_3_a_person_at_the_counter_from_search_to_pact_and_path(
        qtbot, office_ctx, counter, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(office_ctx)
    qtbot.addWidget(main)
    main.resize(*screens.LAPTOP)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)

    # 1. Find the file in two keystrokes: Ctrl+F, "go"… Enter opens the first match.
    qtbot.keyClick(main, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    area = main.workers_area
    assert QApplication.focusWidget() is area.search_box
    qtbot.keyClicks(area.search_box, "go")
    qtbot.keyClick(area.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(area.open_windows()) == 1)
    window: WorkerFileWindow = area.open_windows()[0]
    assert window.worker_id == counter
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # 2. Read the situation and the deadlines.
    assert window.title_label.text() == "Gori Ettore"
    assert f"NASpI fino al {format_date(NASPI_END)}" in window.summary_label.text()
    qtbot.waitUntil(lambda: "Gori Ettore" in main.deadlines.groups().get("naspi", []))

    # 3. Write the interview in the diary (Alt+D) and add it.
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is window.diary
    subject = window.diary_fields.widget("subject")
    assert isinstance(subject, QLineEdit)
    qtbot.mouseClick(subject, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(subject, "Primo colloquio")
    qtbot.keyClick(subject, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Cerca lavoro in magazzino; NASpI a fine mese.")
    click(qtbot, window.diary.add_button)
    qtbot.waitUntil(lambda: window.diary.table.rowCount() == 1)  # written off the UI thread
    assert window.diary.table.item(0, 2).text() == "Primo colloquio"
    assert "magazzino" in window.diary.body.toPlainText()

    # 4. Agree the patto di servizio (Alt+P, Nuovo patto…): commitments and pathway.
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    page = window.pacts
    assert window.tabs.currentWidget() is page and page.rows() == []
    assert outside_small(window) == []
    click(qtbot, page.new_button)
    dialog = modal(qtbot, PactDialog)
    assert dialog.path_combo.currentData() is None  # not on a path yet
    assert outside_small(dialog) == []
    qtbot.keyClicks(dialog.commitments_edit, "partecipare al laboratorio di ricerca attiva")
    qtbot.keyClick(dialog.commitments_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.commitments_edit, "inviare tre candidature al mese")
    qtbot.keyClick(dialog.commitments_edit, Qt.Key.Key_Tab)  # to the pathway
    assert QApplication.focusWidget() is dialog.path_combo
    qtbot.keyClick(dialog.path_combo, Qt.Key.Key_Down)
    assert dialog.path_combo.currentData() == "gol1"
    ok(qtbot, dialog)
    assert page.rows()[0][:4] == ["1", "Bozza", "", "GOL 1 – Reinserimento lavorativo"]

    # 5. Print it for signature: Stampa… → Emetti e stampa… → the preview → Salva PDF….
    click(qtbot, page.print_button)
    letter = modal(qtbot, LetterDialog)
    assert letter.template == "patto"
    click(qtbot, letter.issue_button)
    preview = modal(qtbot, PdfPreviewDialog)
    target = tmp_path / "patto-gori.pdf"

    proposed: list[str] = []

    def choose_file(_parent, _caption, start, _filter):  # type: ignore[no-untyped-def]
        proposed.append(start)  # the system's file chooser, answered as the clerk would
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    click(qtbot, preview.save_button)
    qtbot.waitUntil(target.exists)
    assert proposed[0].endswith(".pdf") and "Gori" in proposed[0]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        target.read_bytes())).pages).split())
    year = TODAY.year
    assert "PATTO DI SERVIZIO PERSONALIZZATO" in text and f"Prot. n. 1/{year}" in text
    assert "e il Sig. Ettore Gori" in text
    assert "GOL 1 – Reinserimento lavorativo" in text
    assert "partecipare al laboratorio di ricerca attiva" in text
    assert "inviare tre candidature al mese" in text
    assert "l'operatore Anna Amministratrice" in text
    with office_ctx.read() as s:
        assert s.query(Letter).one().template == "patto"
    click(qtbot, next(b for b in preview.findChildren(QPushButton) if b.text() == "Chiudi"))
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview) or not preview.isVisible())

    # 6. The person signs: Segna come firmato… (today).
    click(qtbot, page.sign_button)
    ok(qtbot, modal(qtbot, SignPactDialog))
    assert page.rows()[0][:3] == ["1", "Firmato", format_date(TODAY)]
    assert pacts.in_force(office_ctx, counter) is not None

    # 7. Put the person on the path (Alt+R, Nuovo percorso…).
    window.activateWindow()  # the clerk clicks back on the file
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is window.pathways
    click(qtbot, window.pathways.new_button)
    dialog = modal(qtbot, NewPathwayDialog)
    assert dialog.kind_combo.currentData() == "gol1"
    ok(qtbot, dialog)
    assert window.pathways.rows()[0][:3] == ["GOL 1 – Reinserimento lavorativo", "Attivo",
                                             format_date(TODAY)]
    with office_ctx.read() as s:
        assert s.query(Pathway).filter_by(worker_id=counter).one().status == "attivo"
    assert outside_small(window) == []
    assert QApplication.activeModalWidget() is None
