"""Letters from the GUI: from the file (missing data said before printing, issue, reprint),
for a selection, and calling a vertenza in with bookings and convocations in one go."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from file_windows import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pypdf import PdfReader
from sqlalchemy import func, select

from sportello.core import codice_fiscale as cf
from sportello.core.models import Appointment, EmploymentSituation, Letter, Office, Vertenza
from sportello.core.services import workers
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.letters import BatchLettersDialog, CallInDialog

pytestmark = pytest.mark.gui


def next_monday() -> dt.date:
    today = dt.date.today()
    return today + dt.timedelta(days=7 - today.weekday())


@pytest.fixture
def cohort(office_ctx):  # type: ignore[no-untyped-def]
    """The office's letterhead, a vertenza and three of its workers with an address."""
    with office_ctx.write() as s:
        office = s.get(Office, office_ctx.actor.office_id)
        office.address, office.cap, office.provincia = "Corso Dante 12", "14100", "AT"
        office.phone, office.email = "0141 433210", "cpi.asti@example.it"
        office.signatory_name, office.signatory_role = "Laura Bertolino", "Responsabile"
        vertenza = Vertenza(code="KONECTA-AT", title="Konecta Asti", company_name="Konecta",
                            comune="Asti")
        s.add(vertenza)
        s.flush()
        vertenza_id = vertenza.id
    ids = []
    for surname, name, day in (("Đorđević", "Ana", 1), ("Rossi", "Mario", 2),
                               ("Wiśniewski", "Łukasz", 3)):
        worker_id = workers.create(office_ctx, workers.WorkerForm(
            codice_fiscale=cf.encode(surname, name, "M", dt.date(1980, 1, day), "A479"),
            surname=surname, name=name, residence_address="Via Roma 1",
            residence_cap="14100", residence_comune="Asti", residence_province="AT"),
            allow_similar=True)
        with office_ctx.write() as s:
            s.add(EmploymentSituation(worker_id=worker_id, vertenza_id=vertenza_id,
                                      is_current=True))
        ids.append(worker_id)
    return {"vertenza": vertenza_id, "workers": ids}


def previews() -> list[PdfPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible()]


def close_previews() -> None:
    for dialog in previews():
        dialog.reject()


def test_a_free_letter_from_the_file_is_issued_archived_and_reprinted_identical(
        qtbot, office_ctx, cohort) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx, cohort["workers"][0])
    page = window.letters
    window.tabs.setCurrentWidget(page)
    assert page.rows() == [] and page.empty.isVisibleTo(window)

    dialog = page.new_letter("convocazione")
    assert "appuntamento" in dialog.missing_label.text()  # no booking: said before printing
    assert not dialog.issue_button.isEnabled() and not dialog.preview_button.isEnabled()

    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("generica"))
    assert dialog.subject_edit.isVisibleTo(dialog) and not dialog.pact_combo.isVisibleTo(dialog)
    assert not dialog.issue_button.isEnabled()
    dialog.subject_edit.setText("Documenti da portare")
    dialog.text_edit.setPlainText("La preghiamo di portare il libretto di lavoro.")
    assert dialog.issue_button.isEnabled() and dialog.missing_label.isHidden()

    draft = dialog.preview()
    assert draft is not None and "ANTEPRIMA" in pdf_text(draft.pdf)
    draft.reject()
    with office_ctx.read() as s:
        assert s.scalar(select(func.count(Letter.id))) == 0  # a draft uses no number

    dialog.issue()
    year = dt.date.today().year
    assert page.rows()[0][:3] == [f"1/{year}", "Lettera libera", "Documenti da portare"]
    assert f"1/{year}" in page.message.text()
    issued = previews()
    assert len(issued) == 1 and "Đorđević" in pdf_text(issued[0].pdf)
    original = issued[0].pdf
    close_previews()

    page.list.selectRow(0)
    again = page.reprint()
    assert again is not None and again.pdf == original  # the archived bytes, not a new print
    again.reject()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_calling_a_vertenza_in_books_free_slots_and_prints_the_convocations(
        qtbot, office_ctx, cohort) -> None:  # type: ignore[no-untyped-def]
    dialog = CallInDialog(office_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    sel = dialog.selection
    sel.vertenza_combo.setCurrentIndex(sel.vertenza_combo.findData(cohort["vertenza"]))
    assert set(sel.worker_ids) == set(cohort["workers"])
    assert sel.count_label.text() == "3 lavoratori scelti."
    assert dialog.operator_ids() == [office_ctx.actor.id]  # me, by default
    dialog.from_edit.setDate(next_monday())
    dialog.days_spin.setValue(5)

    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)  # the plan first
    assert dialog.pages.currentWidget() is dialog.plan_page
    rows = dialog.plan_rows()
    assert sorted(r[0] for r in rows) == ["Rossi Mario", "Wiśniewski Łukasz", "Đorđević Ana"]
    assert {r[3] for r in rows} == {"Anna Amministratrice"}
    assert [r[2] for r in rows] == ["09:00–09:30", "09:30–10:00", "10:00–10:30"]
    with office_ctx.read() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 0  # nothing booked yet
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)  # Prenota e stampa
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    with office_ctx.read() as s:
        booked = s.scalars(select(Appointment).order_by(Appointment.starts_at)).all()
        assert len(booked) == 3
        assert {a.worker_id for a in booked} == set(cohort["workers"])
        assert all(a.starts_at.date() >= next_monday() for a in booked)
        assert s.scalar(select(func.count(Letter.id))) == 3
    assert "3 lavoratori convocati" in dialog.message.text()
    assert sel.count_label.text() == "Nessun lavoratore scelto."  # all have an appointment now
    (shown,) = previews()
    assert shown.page_count >= 3
    text = pdf_text(shown.pdf)
    assert "Łukasz" in text and "Convocazione" in text
    close_previews()


def test_call_in_without_enough_slots_books_nothing(qtbot, office_ctx, cohort) -> None:  # type: ignore[no-untyped-def]
    dialog = CallInDialog(office_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    sel = dialog.selection
    sel.vertenza_combo.setCurrentIndex(sel.vertenza_combo.findData(cohort["vertenza"]))
    saturday = next_monday() + dt.timedelta(days=5)
    dialog.from_edit.selectAll()
    qtbot.keyClicks(dialog.from_edit, f"{saturday:%d/%m/%Y}")  # typed, day first
    dialog.days_spin.setValue(2)  # Saturday and Sunday: the office is closed
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert "Posti liberi insufficienti" in dialog.message.text()
    assert dialog.pages.currentWidget() is dialog.choice_page  # no plan to confirm
    with office_ctx.read() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 0
        assert s.scalar(select(func.count(Letter.id))) == 0


def test_the_call_in_plan_can_be_left_without_booking(qtbot, office_ctx, cohort) -> None:  # type: ignore[no-untyped-def]
    import screens

    dialog = CallInDialog(office_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert screens.outside(dialog, screens.SMALL) == []
    sel = dialog.selection
    sel.vertenza_combo.setCurrentIndex(sel.vertenza_combo.findData(cohort["vertenza"]))
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.plan_page and len(dialog.plan_rows()) == 3
    assert screens.outside(dialog, screens.SMALL) == []
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.choice_page and dialog.plan == []
    dialog.reject()
    with office_ctx.read() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 0
        assert s.scalar(select(func.count(Letter.id))) == 0


def test_a_free_letter_for_a_selection_one_pdf_and_one_file_each(
        qtbot, office_ctx, cohort, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = BatchLettersDialog(office_ctx)
    qtbot.addWidget(dialog)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("generica"))
    sel = dialog.selection
    sel.vertenza_combo.setCurrentIndex(sel.vertenza_combo.findData(cohort["vertenza"]))
    dialog.subject_edit.setText("Incontro informativo")
    dialog.text_edit.setPlainText("Il 3 dicembre alle 10 si terrà un incontro informativo.")
    dialog.each_check.setChecked(True)
    dialog.folder_edit.setText(str(tmp_path / "lettere"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    result, files = dialog.outcome
    year = dt.date.today().year
    assert (result.first_protocol, result.last_protocol) == (f"1/{year}", f"3/{year}")
    assert len(files) == 3 and all(f.exists() for f in files)
    assert "3 lettere emesse" in dialog.message.text()
    (shown,) = previews()
    assert len(PdfReader(io.BytesIO(shown.pdf)).pages) >= 3
    close_previews()
