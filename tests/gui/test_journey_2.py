"""Journey 2, at the clerk's hands: call the cohort in.

Select the vertenza's workers without an appointment → book them into the free slots of
two operators over the next two weeks (the plan is seen first, inside the office's hours)
→ print all convocations in one PDF → record who came, in the Agenda. The database is
prepared through the services; every step under test is a click or a keystroke on the
real main window. Dates are relative to the real today (the office's calendar decides
which days are open); ``agenda.clock`` is moved to the evening of the interviews only to
record who came.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import screens
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from sqlalchemy import select

from waiting import settle
from sportello.core import codice_fiscale as cf
from sportello.core.letters import italian
from sportello.core.models import Appointment, EmploymentSituation, Vertenza
from sportello.core.services import agenda, operators, setup, workers
from sportello.gui.areas import AgendaArea
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.letters import CallInDialog
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

COHORT = [("Barbero", "Elena", "F"), ("Cerrato", "Paolo", "M"), ("Demarchi", "Luisa", "F"),
          ("Ferrero", "Carlo", "M"), ("Gallo", "Marta", "F"), ("Musso", "Andrea", "M"),
          ("Negro", "Silvia", "F"), ("Operti", "Davide", "M")]
ALREADY_BOOKED = "Cerrato Paolo"


@pytest.fixture
def cohort(office_ctx):  # type: ignore[no-untyped-def]
    """An office with its letterhead, two operators, the Konecta vertenza with eight workers
    with complete addresses; one of them already has an appointment after the two weeks."""
    office = setup.office(office_ctx)
    setup.update_office(office_ctx, setup.OfficeData(
        **{**office.data.__dict__, "address": "Corso Dante 12", "cap": "14100",
           "provincia": "AT", "phone": "0141 433210", "email": "cpi.asti@example.it",
           "signatory_name": "Laura Bertolino", "signatory_role": "Responsabile"}))
    ops = {}
    for username, name in (("m.gribaudo", "Marco Gribaudo"), ("s.penna", "Sara Penna")):
        ops[name] = operators.create_operator(office_ctx, operators.OperatorData(
            username=username, full_name=name, password="Prova-2026!")).id
    with office_ctx.write() as s:
        vertenza = Vertenza(code="KONECTA-AT", title="Konecta Asti", company_name="Konecta",
                            comune="Asti")
        s.add(vertenza)
        s.flush()
        vertenza_id = vertenza.id
    ids = {}
    for day, (surname, name, sex) in enumerate(COHORT, start=1):
        worker_id = workers.create(office_ctx, workers.WorkerForm(
            codice_fiscale=cf.encode(surname, name, sex, dt.date(1979, 3, day), "A479"),
            surname=surname, name=name, sex=sex, residence_address=f"Via Roma {day}",
            residence_cap="14100", residence_comune="Asti", residence_province="AT"))
        with office_ctx.write() as s:
            s.add(EmploymentSituation(worker_id=worker_id, vertenza_id=vertenza_id,
                                      is_current=True))
        ids[f"{surname} {name}"] = worker_id
    later = agenda.next_free_slot(office_ctx, ops["Sara Penna"],
                                  now=dt.datetime.combine(dt.date.today(), dt.time(23))
                                  + dt.timedelta(days=21))
    assert later is not None
    agenda.book(office_ctx, worker_id=ids[ALREADY_BOOKED], operator_id=ops["Sara Penna"],
                starts_at=later.starts_at)
    return {"workers": ids, "operators": ops}


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done


def open_call_in(qtbot, window: MainWindow) -> CallInDialog:  # type: ignore[no-untyped-def]
    """Lettere → Convoca lavoratori…, with the mouse."""
    bar = window.menuBar()
    letters_menu = next(a for a in bar.actions() if a.text() == "&Lettere")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(letters_menu).center())
    menu = letters_menu.menu()
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(window.call_in_action).center())
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(CallInDialog)))
    dialog = next(d for d in window.findChildren(CallInDialog) if d.isVisible())
    qtbot.waitExposed(dialog)
    return dialog


def check_operator(qtbot, dialog: CallInDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    listing = dialog.operator_list
    item = listing.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = listing.visualItemRect(item)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(listing, Qt.Key.Key_Space)  # the clerk ticks the box
    assert item.checkState() == Qt.CheckState.Checked


def inside_opening_hours(ctx, start: dt.datetime, end: dt.datetime) -> bool:  # type: ignore[no-untyped-def]
    hours = agenda.office_hours(ctx)
    day = start.date()
    return agenda.closed_reason(day, hours) is None and any(
        dt.datetime.combine(day, a) <= start and end <= dt.datetime.combine(day, b)
        for a, b in hours.spans(day))


def test_journey_2_call_the_cohort_in_print_one_pdf_and_record_who_came(
        qtbot, office_ctx, cohort, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(*screens.SMALL)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)

    # -- Lettere → Convoca lavoratori…
    dialog = open_call_in(qtbot, window)
    assert screens.outside(dialog, screens.SMALL) == []
    selection = dialog.selection
    assert selection.without_check.isChecked()  # "senza appuntamento" is the default
    combo = selection.vertenza_combo
    combo.setFocus()
    qtbot.keyClicks(combo, "Konecta")
    assert combo.currentData() is not None and combo.currentText() == "Konecta Asti"
    assert selection.count_label.text() == "7 lavoratori scelti."  # Cerrato is booked already
    check_operator(qtbot, dialog, "Marco Gribaudo")
    check_operator(qtbot, dialog, "Sara Penna")
    me = dialog.operator_list.findItems("Anna Amministratrice", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(dialog.operator_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.operator_list.visualItemRect(me).center())
    qtbot.keyClick(dialog.operator_list, Qt.Key.Key_Space)  # not me: I am at the counter
    assert sorted(dialog.operator_ids()) == sorted(cohort["operators"].values())
    assert dialog.days_spin.value() == 14  # the next two weeks
    first_day = dt.date.today() + dt.timedelta(days=1)
    assert dialog.from_edit.text() == f"{first_day:%d/%m/%Y}"  # from tomorrow

    # -- the plan: who gets which slot, nothing booked yet
    click(qtbot, dialog.ok_button())
    assert dialog.pages.currentWidget() is dialog.plan_page, dialog.message.text()
    assert screens.outside(dialog, screens.SMALL) == []
    rows = dialog.plan_rows()
    names = [r[0] for r in rows]
    assert sorted(names) == sorted(n for n in cohort["workers"] if n != ALREADY_BOOKED)
    assert {r[3] for r in rows} == {"Marco Gribaudo", "Sara Penna"}
    with office_ctx.read() as s:
        assert len(s.scalars(select(Appointment)).all()) == 1  # only Cerrato's
    for planned in dialog.plan:
        assert planned.starts_at.date() >= first_day
        assert planned.starts_at.date() < first_day + dt.timedelta(days=14)
        assert inside_opening_hours(office_ctx, planned.starts_at, planned.ends_at)
        assert planned.ends_at - planned.starts_at == dt.timedelta(minutes=30)
    shown_times = {(r[0], r[2]) for r in rows}
    assert shown_times == {(p.worker_name, f"{p.starts_at:%H:%M}–{p.ends_at:%H:%M}")
                           for p in dialog.plan}

    # -- confirm: booked, protocolled, one PDF to print
    click(qtbot, dialog.ok_button())
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30000)
    assert "7 lavoratori convocati" in dialog.message.text()
    qtbot.waitUntil(lambda: any(isinstance(w, PdfPreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    preview = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, PdfPreviewDialog) and w.isVisible())
    target = tmp_path / "convocazioni.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Documenti PDF (*.pdf)"))
    click(qtbot, preview.save_button)  # Salva PDF…
    assert target.is_file()

    with office_ctx.read() as s:
        booked = {a.worker_id: a for a in s.scalars(
            select(Appointment).where(Appointment.worker_id != cohort["workers"][ALREADY_BOOKED]))}
    assert len(booked) == 7
    reader = PdfReader(str(target))
    letters_text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(re.findall(r"Prot\. n\. \d+/\d{4}", letters_text)) == 7  # one letter each
    by_page = [page.extract_text() for page in reader.pages]
    for name, worker_id in cohort["workers"].items():
        surname, first = name.split(" ")
        pages = [t for t in by_page if f"{first} {surname}".upper() in t.upper()
                 or name.upper() in t.upper()]
        if name == ALREADY_BOOKED:
            assert pages == []
            continue
        appointment = booked[worker_id]
        assert inside_opening_hours(office_ctx, appointment.starts_at, appointment.ends_at)
        text = " ".join(pages)
        assert italian.long_date_weekday(appointment.starts_at.date()) in text
        assert f", ore {italian.clock(appointment.starts_at)}" in text  # the subject line
    preview.reject()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.findChild(CallInDialog) is None
                    or not window.findChild(CallInDialog).isVisible())

    # -- the day of the interviews, in the evening: record who came in the Agenda
    days = sorted({a.starts_at.date() for a in booked.values()})
    evening = dt.datetime.combine(days[-1], dt.time(19, 0))
    monkeypatch.setattr(agenda, "clock", lambda: evening)
    sidebar = window.sidebar
    agenda_item = sidebar.findItems("Agenda", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(agenda_item).center())
    area = window.current_area
    assert isinstance(area, AgendaArea)
    qtbot.waitUntil(lambda: area.operator_combo.count() > 0)
    area.operator_combo.setFocus()
    qtbot.keyClicks(area.operator_combo, "Tutto")
    assert area.operator_id() is None  # the whole office
    click(qtbot, area.day_button)
    click(qtbot, area.today_button)
    came = {"Barbero Elena", "Demarchi Luisa", "Ferrero Carlo", "Gallo Marta", "Musso Andrea"}
    recorded: dict[str, str] = {}
    for day in days:
        while area.current_day < day:
            click(qtbot, area.next_button)
        assert area.current_day == day
        table = area.day_view
        for r in range(table.rowCount()):
            name = table.item(r, 1).text()
            rect = table.visualItemRect(table.item(r, 1))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert area.selected_row is not None and area.selected_row.worker_name == name
            outcome = "presente" if name in came else "assente"
            with qtbot.waitSignal(area.appointments_changed):
                click(qtbot, area.outcome_buttons[outcome])
            recorded[name] = outcome
    assert len(recorded) == 7
    with office_ctx.read() as s:
        saved = {a.worker_id: a.outcome for a in s.scalars(select(Appointment))}
    assert {name: saved[cohort["workers"][name]] for name in recorded} == recorded
    assert saved[cohort["workers"][ALREADY_BOOKED]] is None

    # -- who is still "senza appuntamento": only those who missed theirs
    again = open_call_in(qtbot, window)
    again.selection.vertenza_combo.setFocus()
    qtbot.keyClicks(again.selection.vertenza_combo, "Konecta")
    assert again.selection.count_label.text() == "2 lavoratori scelti."
    assert sorted(again.selection.worker_ids) == sorted(
        cohort["workers"][n] for n in ("Negro Silvia", "Operti Davide"))
    again.reject()
    assert Path(target).stat().st_size < 2_000_000  # the PDF itself, not a raster print
