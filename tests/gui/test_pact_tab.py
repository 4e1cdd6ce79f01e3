"""The file's Patto di servizio tab: a clerk draws up, signs, revises and prints the pact."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import screens
from file_windows import open_window
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from waiting import press_ok, settle
from sportello.core import codice_fiscale as cf
from sportello.core.models import Office
from sportello.core.services import pacts, pathways, workers
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.kit.inputs import format_date
from sportello.gui.letters import LetterDialog
from sportello.gui.worker_file.pact_page import PactDialog, SignPactDialog

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


@pytest.fixture
def gori(office_ctx) -> int:  # type: ignore[no-untyped-def]
    """A worker with an address, on GOL 1, without a pact."""
    with office_ctx.write() as s:
        s.get(Office, office_ctx.actor.office_id).address = "Corso Dante 12"
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=cf.encode("Gori", "Ettore", "M", dt.date(1971, 4, 2), "A479"),
        surname="Gori", name="Ettore", sex="M", birth_date=dt.date(1971, 4, 2),
        birth_place="Asti", residence_address="Via Roma 1", residence_cap="14100",
        residence_comune="Asti"))
    pathways.open_pathway(office_ctx, worker_id, "gol1", start_on=TODAY)
    return worker_id


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), f"{button.objectName()} not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done


def modal(qtbot, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    return QApplication.activeModalWidget()


def accept(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert press_ok(qtbot, dialog), dialog.error_text()


# Point 9 of issue 11 (the file window is 16 px taller than a 600-pixel screen, because of
# the Lavoro e impresa tab) is fixed on another branch. Until it is merged, only that is
# tolerated: the window's own height and its bottom bar; nothing of the pact tab.
_POINT_9 = ("workerFileWindow: ", "fileMessage ", "accessRequestButton ", "statusButton ",
            "reloadButton ", "saveButton ", "closeButton ")


def outside_small(window: QWidget) -> list[str]:
    return [p for p in screens.outside(window, screens.SMALL) if not p.startswith(_POINT_9)]


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_a_pact_is_drawn_up_signed_revised_and_printed_from_the_tab(
        qtbot, office_ctx, gori) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx, gori, size=screens.SMALL)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P: the tab
    page = window.pacts
    assert window.tabs.currentWidget() is page and page.loaded
    assert page.rows() == [] and page.empty.isVisibleTo(window)
    assert page.new_button.isEnabled()
    assert not any(b.isEnabled() for b in (page.edit_button, page.revise_button,
                                           page.sign_button, page.print_button))
    assert outside_small(window) == []
    assert screens.outside(window, screens.LAPTOP) == []

    # Nuovo patto…: the open pathway and a review in 90 days are proposed.
    click(qtbot, page.new_button)
    dialog = modal(qtbot, PactDialog)
    assert dialog.path_combo.currentData() == "gol1"
    assert dialog.review_edit.date().toPython() == TODAY + dt.timedelta(days=90)
    assert dialog.focusWidget() is dialog.commitments_edit  # typing goes there
    qtbot.keyClicks(dialog.commitments_edit, "presentarsi ai colloqui")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.commitments_edit)
    for field in (dialog.path_combo, dialog.review_edit, dialog.notes_edit):  # Tab order
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if field is dialog.notes_edit:  # Tab walks day, month, year of the date first
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() in (field, *field.findChildren(QWidget))
    assert screens.outside(dialog, screens.SMALL) == []
    accept(qtbot, dialog)
    review = format_date(TODAY + dt.timedelta(days=90))
    assert page.rows() == [["1", "Bozza", "", "GOL 1 – Reinserimento lavorativo", review,
                            "presentarsi ai colloqui"]]
    assert "Bozza del patto creata" in page.message.text()
    assert not page.new_button.isEnabled() and page.sign_button.isEnabled()

    # Modifica…: one more commitment, on a new line.
    click(qtbot, page.edit_button)
    dialog = modal(qtbot, PactDialog)
    assert dialog.commitments_edit.toPlainText() == "presentarsi ai colloqui"
    dialog.commitments_edit.moveCursor(dialog.commitments_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.commitments_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.commitments_edit, "cercare lavoro attivamente")
    accept(qtbot, dialog)
    assert pacts.revisions(office_ctx, gori)[0].commitments == (
        "presentarsi ai colloqui\ncercare lavoro attivamente")

    # Segna come firmato…: a date next year is refused next to the field, today is taken.
    click(qtbot, page.sign_button)
    dialog = modal(qtbot, SignPactDialog)
    assert dialog.date_edit.date().toPython() == TODAY
    assert outside_small(dialog) == []
    dialog.date_edit.setFocus()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_End)  # the year
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Up)
    click(qtbot, dialog.ok_button())
    assert dialog.isVisible() and "nel futuro" in dialog.error_text("signed_on")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_End)  # the year again
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Down)
    accept(qtbot, dialog)
    assert page.rows()[0][:3] == ["1", "Firmato", format_date(TODAY)]
    assert page.revise_button.isEnabled() and not page.new_button.isEnabled()
    assert not page.sign_button.isEnabled() and not page.edit_button.isEnabled()

    # Revisiona…: a new draft from the pact in force, on another pathway.
    click(qtbot, page.revise_button)
    dialog = modal(qtbot, PactDialog)
    assert dialog.commitments_edit.toPlainText().startswith("presentarsi ai colloqui")
    assert dialog.path_combo.currentData() == "gol1"  # the open pathway
    dialog.path_combo.setFocus()
    qtbot.keyClick(dialog.path_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.path_combo, Qt.Key.Key_Down)
    assert dialog.path_combo.currentData() == "gol3"
    accept(qtbot, dialog)
    assert [r[:2] + r[3:4] for r in page.rows()] == [
        ["2", "Bozza", "GOL 3 – Riqualificazione (reskilling)"],
        ["1", "Firmato", "GOL 1 – Reinserimento lavorativo"]]  # in force until signed

    # Stampa…: the letter of the revision chosen (the draft, to be signed).
    assert page.rows()[0][0] == "2" and page.print_button.isEnabled()
    click(qtbot, page.print_button)
    letter = modal(qtbot, LetterDialog)
    assert letter.template == "patto" and letter.refs().pact_id == page._rows[0].id
    assert outside_small(letter) == []
    click(qtbot, letter.preview_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PdfPreviewDialog))
    preview = QApplication.activeModalWidget()
    text = pdf_text(preview.pdf)
    assert "GOL 3 – Riqualificazione (reskilling)" in text and "GOL 1" not in text
    assert "e il Sig. Ettore Gori" in text and "Anna Amministratrice" in text
    preview.reject()
    letter.reject()

    click(qtbot, page.sign_button)
    accept(qtbot, modal(qtbot, SignPactDialog))
    assert [r[:2] for r in page.rows()] == [["2", "Firmato"], ["1", "Sostituito"]]
    assert QApplication.activeModalWidget() is None


def test_the_service_refusal_is_shown_next_to_the_field(qtbot, office_ctx, gori) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx, gori)
    window.tabs.setCurrentWidget(window.pacts)
    click(qtbot, window.pacts.new_button)
    dialog = modal(qtbot, PactDialog)
    dialog.review_edit.setFocus()
    qtbot.keyClick(dialog.review_edit, Qt.Key.Key_End)
    for _ in range(3):  # three years on: a typo in the year
        qtbot.keyClick(dialog.review_edit, Qt.Key.Key_Up)
    click(qtbot, dialog.ok_button())
    assert dialog.isVisible()
    assert "Data di verifica" in dialog.error_text("review_on")
    assert "controllare l'anno" in dialog.error_text("review_on")
    assert pacts.revisions(office_ctx, gori) == []
    dialog.reject()
