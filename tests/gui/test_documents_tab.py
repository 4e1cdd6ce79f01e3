"""The file's Documenti tab: a clerk attaches the ID card and the signed patto, previews
them, registers an incoming letter, saves a copy; bad files are refused in the dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import screens
import shiboken6
from document_files import disguised_executable, write
from file_windows import open_window
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QStyle,
    QStyleOptionGroupBox,
    QWidget,
)
from waiting import settle

from sportello.core import codice_fiscale as cf
from sportello.core.services import documents, pacts, workers
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.worker_file.documents_page import AttachDialog, ImagePreviewDialog

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


@pytest.fixture
def gori(office_ctx) -> int:  # type: ignore[no-untyped-def]
    """A worker whose patto was printed as a draft and comes back signed."""
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=cf.encode("Gori", "Ettore", "M", dt.date(1971, 4, 2), "A479"),
        surname="Gori", name="Ettore"))
    pacts.new_draft(office_ctx, worker_id, pacts.PactForm(
        "ricerca attiva del lavoro", None, TODAY + dt.timedelta(days=90)))
    return worker_id


def click(qtbot, button: QWidget) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), f"{button.objectName()} not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def modal(qtbot, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    return QApplication.activeModalWidget()


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry the way the keyboard does: focus the list and type its first letters."""
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not the last one's end
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def tick(qtbot, box: QGroupBox) -> None:  # type: ignore[no-untyped-def]
    """Click the check box in a checkable group box's title."""
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    rect = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                      QStyle.SubControl.SC_GroupBoxCheckBox, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.isChecked()


def select_row(qtbot, page, name: str) -> None:  # type: ignore[no-untyped-def]
    table = page.list
    row = next(i for i, r in enumerate(page.rows()) if name in r[1])
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def attach(qtbot, page, path: Path, kind: str, owner: str | None = None) -> AttachDialog:  # type: ignore[no-untyped-def]
    click(qtbot, page.attach_button)
    dialog = modal(qtbot, AttachDialog)
    settle(qtbot)  # the choices of "Allegato a"
    qtbot.keyClicks(dialog.file_edit, str(path))
    if owner:
        choose(qtbot, dialog.owner_combo, owner)
    choose(qtbot, dialog.kind_combo, kind)
    click(qtbot, dialog.ok_button)
    settle(qtbot)
    return dialog


def open_documents(qtbot, ctx, worker_id):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, ctx, worker_id, size=screens.SMALL)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Alt+U: Documenti
    page = window.documents
    assert window.tabs.currentWidget() is page
    settle(qtbot)
    return window, page


def test_the_clerk_attaches_the_id_card_and_the_signed_patto_and_previews_them(
        qtbot, office_ctx, gori, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, page = open_documents(qtbot, office_ctx, gori)
    assert page.loaded and page.rows() == [] and page.empty.isVisibleTo(window)
    assert not page.preview_button.isEnabled() and not page.delete_button.isEnabled()

    attach(qtbot, page, write(tmp_path, "carta-identita.jpg"), "Documento")
    assert [(r[0], r[1], r[3]) for r in page.rows()] == [
        ("Documento d'identità", "carta-identita.jpg", "Anna Amministratrice")]
    assert "Allegato: carta-identita.jpg." in page.message.text()

    dialog = attach(qtbot, page, write(tmp_path, "scansione.pdf"), "Patto",
                    owner="Patto di servizio, revisione 1")
    assert not shiboken6.isValid(dialog)  # closed (and deleted)
    assert f"Patto di servizio: revisione 1 firmata il {TODAY:%d/%m/%Y}." in page.message.text()
    signed = pacts.revisions(office_ctx, gori)[0]
    assert (signed.status, signed.signed_on) == ("firmato", TODAY)
    assert page.rows()[0][:2] == ["Patto di servizio firmato", "scansione.pdf"]
    assert page.rows()[0][6] == "patto di servizio n. 1"

    select_row(qtbot, page, "scansione.pdf")
    click(qtbot, page.preview_button)
    preview = modal(qtbot, PdfPreviewDialog)
    assert len(preview.pages) == 2
    preview.reject()
    select_row(qtbot, page, "carta-identita.jpg")
    click(qtbot, page.preview_button)
    image = modal(qtbot, ImagePreviewDialog)
    assert len(image.frames) == 1 and image.labels[0].pixmap().width() > 0
    assert screens.outside(image, screens.SMALL) == []
    image.reject()
    from sqlalchemy import select

    from sportello.core.models import AuditLog

    with office_ctx.read() as s:
        viewed = list(s.scalars(select(AuditLog.detail).where(AuditLog.action == "view_document")
                                .order_by(AuditLog.id)))
    assert viewed == ["scansione.pdf: visualizzato", "carta-identita.jpg: visualizzato"]


def test_a_disguised_program_is_refused_in_the_dialog(qtbot, office_ctx, gori,
                                                      tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, page = open_documents(qtbot, office_ctx, gori)
    dialog = attach(qtbot, page, disguised_executable(tmp_path), "Altro")
    assert dialog.isVisible()
    assert "«fattura.pdf» è un programma eseguibile" in dialog.error.text()
    assert dialog.error.isVisibleTo(dialog)
    assert screens.outside(dialog, screens.SMALL) == []
    dialog.reject()
    assert documents.list_documents(office_ctx, gori) == []


def test_an_incoming_letter_is_protocolled_and_filtered_by_kind(
        qtbot, office_ctx, gori, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, page = open_documents(qtbot, office_ctx, gori)
    attach(qtbot, page, write(tmp_path, "cv.odt"), "Curriculum")
    click(qtbot, page.attach_button)
    dialog = modal(qtbot, AttachDialog)
    settle(qtbot)
    qtbot.keyClicks(dialog.file_edit, str(write(tmp_path, "scansione.pdf")))
    choose(qtbot, dialog.kind_combo, "Comunicazione")
    tick(qtbot, dialog.protocol_box)
    qtbot.keyClicks(dialog.sender_edit, "INPS sede di Asti")
    qtbot.keyClicks(dialog.subject_edit, "Comunicazione NASpI")
    choose(qtbot, dialog.channel_combo, "PEC")
    click(qtbot, dialog.ok_button)
    settle(qtbot)
    assert not shiboken6.isValid(dialog)
    assert f"Protocollo in entrata n. 1/{TODAY.year}." in page.message.text()
    assert [r[4] for r in page.rows()] == [f"1/{TODAY.year}", ""]
    choose(qtbot, page.kind_filter, "Curriculum")
    settle(qtbot)
    assert [r[1] for r in page.rows()] == ["cv.odt"]


def test_a_copy_is_saved_and_a_dropped_file_opens_the_attach_dialog(
        qtbot, office_ctx, gori, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, page = open_documents(qtbot, office_ctx, gori)
    attach(qtbot, page, write(tmp_path, "presenze.xlsx"), "Foglio")
    select_row(qtbot, page, "presenze.xlsx")
    assert not page.preview_button.isEnabled() and page.save_button.isEnabled()
    target = tmp_path / "copia" / "presenze.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    click(qtbot, page.save_button)
    settle(qtbot)
    assert target.read_bytes() == (tmp_path / "presenze.xlsx").read_bytes()
    assert "Copia salvata" in page.message.text()

    window.tabs.setCurrentIndex(0)
    dropped = write(tmp_path, "foto.png")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    where = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where.toPointF(), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    dialog = modal(qtbot, AttachDialog)
    assert window.tabs.currentWidget() is page
    assert dialog.file_edit.text() == str(dropped)
    dialog.reject()


def test_the_worker_list_filters_by_missing_documents(qtbot, office_ctx, gori,
                                                      tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.models import Letter
    from sportello.gui.areas.workers import WorkersArea

    neri = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=cf.encode("Neri", "Paola", "F", dt.date(1980, 5, 6), "A479"),
        surname="Neri", name="Paola"))
    documents.attach(office_ctx, neri, write(tmp_path, "carta-identita.jpg"), "identita")
    with office_ctx.write() as s:  # Gori's draft patto was printed for signature
        s.add(Letter(office_id=office_ctx.actor.office_id, protocol_year=TODAY.year,
                     protocol_number=1, template="patto", worker_id=gori, sha256="0" * 64))
    area = WorkersArea(office_ctx)
    qtbot.addWidget(area)
    area.resize(1000, 600)
    area.show()
    qtbot.waitUntil(lambda: area.count_label.text() != "")
    settle(qtbot)
    names = lambda: [area.model.index(r, 0).data() for r in range(area.model.rowCount())]  # noqa: E731
    assert sorted(names()) == ["Gori", "Neri"]
    choose(qtbot, area.documents_filter, "Senza")
    settle(qtbot)
    assert names() == ["Gori"]
    choose(qtbot, area.documents_filter, "Patto")
    settle(qtbot)
    assert names() == ["Gori"]
    documents.attach(office_ctx, gori, write(tmp_path, "scansione.pdf"), "patto",
                     owner_kind="service_pact", owner_id=pacts.revisions(office_ctx, gori)[0].id)
    area.refresh()
    settle(qtbot)
    assert names() == []
