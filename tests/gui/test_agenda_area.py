"""Agenda area and booking dialog: real widgets on a temporary database, rules from the service."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from waiting import settle

from sportello.core import codice_fiscale
from sportello.core.models import Operator, Role, Worker
from sportello.core.services import agenda
from sportello.gui.areas.agenda import AgendaArea
from sportello.gui.dialogs.booking import BookingDialog
from sportello.gui.shared import navigation

pytestmark = pytest.mark.gui

IMMACOLATA = dt.date(2026, 12, 8)  # a Tuesday and a public holiday


def next_working_day(start: dt.date) -> dt.date:
    """The first day from ``start`` on which the service would book without asking."""
    day = start
    while agenda.closed_reason(day) is not None:
        day += dt.timedelta(days=1)
    return day


FUTURE = next_working_day(dt.date.today() + dt.timedelta(days=14))
PAST = next_working_day(dt.date.today() - dt.timedelta(days=14))


@pytest.fixture
def people(office_ctx):  # type: ignore[no-untyped-def]
    """Two workers with valid codici fiscali and a second operator."""
    with office_ctx.write() as s:
        rossi = Worker(codice_fiscale=codice_fiscale.encode("Rossi", "Mario", "M",
                                                            dt.date(1980, 1, 1), "A479"),
                       surname="Rossi", name="Mario", privacy_consent=True)
        bianchi = Worker(codice_fiscale=codice_fiscale.encode("Bianchi", "Laura", "F",
                                                              dt.date(1982, 3, 1), "L219"),
                         surname="Bianchi", name="Laura", privacy_consent=True)
        verdi = Operator(office_id=office_ctx.actor.office_id, username="gverdi",
                         full_name="Giulia Verdi", role=Role.OPERATORE)
        s.add_all([rossi, bianchi, verdi])
    return {"rossi": rossi.id, "bianchi": bianchi.id, "me": office_ctx.actor.id,
            "verdi": verdi.id, "rossi_cf": rossi.codice_fiscale}


@pytest.fixture
def area(qtbot, office_ctx, people) -> AgendaArea:  # type: ignore[no-untyped-def]
    widget = AgendaArea(office_ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.operator_combo.count() > 0)  # the first show read it
    return widget


def open_dialog(qtbot, ctx, worker_id, day, operator_id) -> BookingDialog:  # type: ignore[no-untyped-def]
    dialog = BookingDialog(ctx, worker_id)
    qtbot.addWidget(dialog)
    dialog.set_operator(operator_id)
    dialog.set_day(day)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_slot(qtbot, dialog: BookingDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    items = dialog.slot_list.findItems(text, Qt.MatchFlag.MatchExactly)
    offered = [dialog.slot_list.item(i).text() for i in range(dialog.slot_list.count())]
    assert items, f"no free slot {text} among {offered}"
    rect = dialog.slot_list.visualItemRect(items[0])
    qtbot.mouseClick(dialog.slot_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def press_ok(qtbot, dialog: BookingDialog) -> None:  # type: ignore[no-untyped-def]
    """Prenota, and wait for the booking to come back from the runner."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    settle(qtbot)


def week_column(area: AgendaArea, day: dt.date):  # type: ignore[no-untyped-def]
    return next(c for c in area.week_view.columns if c.day == day)


def select_in_day_view(qtbot, area: AgendaArea, worker_name: str) -> None:  # type: ignore[no-untyped-def]
    table = area.day_view
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == worker_name)
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert area.selected_row is not None and area.selected_row.worker_name == worker_name


# --------------------------------------------------------------------------- booking


def test_booking_a_free_slot_shows_in_the_day_and_week_views(qtbot, office_ctx, people, area) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, office_ctx, people["rossi"], FUTURE, people["me"])
    assert "Rossi Mario" in dialog.worker_label.text()
    assert dialog.slot_list.count() > 0 and dialog.closed_label.text() == ""
    first = dialog.slot_list.item(0).text()
    click_slot(qtbot, dialog, first)
    assert dialog.time_edit.text() == first
    dialog.purpose_combo.setCurrentText("Stipula patto di servizio")
    dialog.location_edit.setText("Sportello 2")
    press_ok(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    booked = dialog.booked
    assert booked is not None and booked.worker_id == people["rossi"]
    assert f"{booked.starts_at:%H:%M}" == first and booked.starts_at.date() == FUTURE
    saved = agenda.appointments_between(office_ctx, FUTURE, FUTURE, operator_id=people["me"])
    assert [a.id for a in saved] == [booked.id]

    area.set_operator(people["me"])
    area.go_to(FUTURE)
    area.set_mode("day")
    span = f"{booked.starts_at:%H:%M}–{booked.ends_at:%H:%M}"
    assert area.day_view.row_texts() == [
        [span, "Rossi Mario", people["rossi_cf"], "Stipula patto di servizio", ""]]
    area.set_mode("week")
    assert week_column(area, FUTURE).texts() == [
        f"{first}\nRossi Mario\nStipula patto di servizio"]
    assert area.count_label.text().startswith("1 ")
    area.set_operator(None)  # the whole office: the operator is shown too
    assert week_column(area, FUTURE).texts() == [
        f"{first}\nRossi Mario\nStipula patto di servizio\nAnna Amministratrice"]


def test_a_double_booking_is_refused_with_the_services_message(qtbot, office_ctx, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    agenda.book(office_ctx, worker_id=people["rossi"], operator_id=people["me"],
                starts_at=dt.datetime.combine(FUTURE, dt.time(9, 0)))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    dialog = open_dialog(qtbot, office_ctx, people["bianchi"], FUTURE, people["me"])
    slots = [dialog.slot_list.item(i).text() for i in range(dialog.slot_list.count())]
    assert "09:00" not in slots and "09:30" in slots  # the taken slot is not offered
    dialog.set_time(dt.time(9, 15))
    press_ok(qtbot, dialog)

    assert warnings == ["Anna Amministratrice ha già un appuntamento dalle 09:00 alle 09:30 del "
                        f"{FUTURE:%d/%m/%Y}."]
    assert dialog.isVisible() and dialog.booked is None  # still open, to pick another time
    saved = agenda.appointments_between(office_ctx, FUTURE, FUTURE, operator_id=people["me"])
    assert [a.worker_name for a in saved] == ["Rossi Mario"]

    # another operator is free at that time: the same dialog books there
    dialog.set_operator(people["verdi"])
    dialog.set_time(dt.time(9, 15))
    press_ok(qtbot, dialog)
    assert dialog.booked is not None and dialog.booked.operator_name == "Giulia Verdi"
    assert len(warnings) == 1


@pytest.mark.parametrize("confirmed", [False, True])
def test_booking_on_a_holiday_asks_and_saves_only_when_confirmed(qtbot, office_ctx, people, monkeypatch, confirmed) -> None:  # type: ignore[no-untyped-def]
    questions: list[str] = []
    answer = QMessageBox.StandardButton.Yes if confirmed else QMessageBox.StandardButton.No

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_dialog(qtbot, office_ctx, people["rossi"], IMMACOLATA, people["me"])
    holiday = agenda.holiday_name(IMMACOLATA)
    assert holiday and dialog.closed_label.text() == f"08/12/2026 è festivo ({holiday})"
    assert dialog.slot_list.count() == 0
    assert dialog.slots_hint.text() == "Giorno di chiusura: nessun posto libero."
    dialog.set_time(dt.time(10, 0))
    press_ok(qtbot, dialog)

    assert questions == [
        f"08/12/2026 è festivo ({holiday}): confermare per prenotare comunque."]
    saved = agenda.appointments_between(office_ctx, IMMACOLATA, IMMACOLATA)
    if confirmed:
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert [a.starts_at for a in saved] == [dt.datetime(2026, 12, 8, 10, 0)]
        assert dialog.booked is not None and dialog.booked.id == saved[0].id
    else:
        assert saved == [] and dialog.booked is None and dialog.isVisible()


def test_the_dialog_without_a_worker_finds_one_by_search(qtbot, office_ctx, people) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, office_ctx, None, FUTURE, people["verdi"])
    assert dialog.search_edit is not None and dialog.results is not None
    qtbot.keyClicks(dialog.search_edit, "bianchi")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.results.item(0).text().startswith("Bianchi Laura — ")
    assert dialog.worker_id == people["bianchi"]  # a single match is chosen at once
    press_ok(qtbot, dialog)
    assert dialog.booked is not None
    assert (dialog.booked.worker_name, dialog.booked.operator_name) == ("Bianchi Laura",
                                                                         "Giulia Verdi")


def test_new_appointment_from_the_area_goes_to_the_booked_day(qtbot, office_ctx, people, area, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fill_and_accept(dialog: BookingDialog) -> int:
        assert dialog.day() == FUTURE and dialog.operator_id() == people["verdi"]
        dialog.search_edit.setText("rossi")
        dialog.search()
        dialog.set_time(dt.time(11, 0))
        press_ok(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(BookingDialog, "exec", fill_and_accept)
    area.set_operator(people["verdi"])
    area.go_to(FUTURE)
    with qtbot.waitSignal(area.appointments_changed):
        booked = area.new_appointment()
    assert booked is not None and booked.starts_at == dt.datetime.combine(FUTURE, dt.time(11, 0))
    assert area.selected_row is not None and area.selected_row.id == booked.id
    assert "Rossi Mario" in area.selection_label.text()


# --------------------------------------------------------------------------- outcome, cancel


def test_outcome_of_a_past_appointment_is_recorded_and_shown(qtbot, office_ctx, people, area) -> None:  # type: ignore[no-untyped-def]
    past = agenda.book(office_ctx, worker_id=people["rossi"], operator_id=people["me"],
                       starts_at=dt.datetime.combine(PAST, dt.time(9, 30)),
                       purpose="Colloquio di orientamento",
                       now=dt.datetime.combine(PAST, dt.time(8)))  # booked before it happened
    area.set_operator(people["me"])
    area.go_to(PAST)
    area.set_mode("day")
    select_in_day_view(qtbot, area, "Rossi Mario")
    assert "esito non registrato" in area.selection_label.text()
    qtbot.keyClicks(area.note_edit, "puntuale")
    with qtbot.waitSignal(area.appointments_changed):
        qtbot.mouseClick(area.outcome_buttons["presente"], Qt.MouseButton.LeftButton)

    assert area.day_view.row_texts()[0][-1] == "Presente"
    assert area.selected_row is not None and area.selected_row.outcome == "presente"
    assert "esito: Presente" in area.selection_label.text()
    assert area.note_edit.text() == ""
    [row] = agenda.appointments_between(office_ctx, PAST, PAST)
    assert (row.id, row.outcome) == (past.id, "presente")
    area.set_mode("week")
    assert week_column(area, PAST).texts() == [
        "09:30\tPresente\nRossi Mario\nColloquio di orientamento"]


def test_outcome_of_a_future_appointment_is_refused_with_the_services_message(qtbot, office_ctx, people, area, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    agenda.book(office_ctx, worker_id=people["bianchi"], operator_id=people["me"],
                starts_at=dt.datetime.combine(FUTURE, dt.time(10, 0)))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    area.set_operator(people["me"])
    area.go_to(FUTURE)
    area.set_mode("day")
    select_in_day_view(qtbot, area, "Bianchi Laura")
    qtbot.mouseClick(area.outcome_buttons["assente"], Qt.MouseButton.LeftButton)
    settle(qtbot)  # the refusal comes back from the runner
    assert warnings == ["Non si registra l'esito di un appuntamento futuro."]
    assert area.day_view.row_texts()[0][-1] == ""
    [row] = agenda.appointments_between(office_ctx, FUTURE, FUTURE)
    assert row.outcome is None


def test_cancelling_asks_first_and_removes_the_appointment(qtbot, office_ctx, people, area, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    booked = agenda.book(office_ctx, worker_id=people["rossi"], operator_id=people["verdi"],
                         starts_at=dt.datetime.combine(FUTURE, dt.time(9, 0)))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    area.set_operator(None)
    area.go_to(FUTURE)
    area.set_mode("day")
    select_in_day_view(qtbot, area, "Rossi Mario")
    qtbot.mouseClick(area.cancel_button, Qt.MouseButton.LeftButton)  # "No"
    assert len(area.day_view.row_texts()) == 1
    with qtbot.waitSignal(area.appointments_changed):
        qtbot.mouseClick(area.cancel_button, Qt.MouseButton.LeftButton)  # "Yes"
    assert asked[0] == (f"Annullare l'appuntamento di Rossi Mario del {FUTURE:%d/%m/%Y} alle "
                        "09:00 con Giulia Verdi?")
    assert area.day_view.row_texts() == []
    assert area.count_label.text() == "Nessun appuntamento"
    [row] = agenda.appointments_between(office_ctx, FUTURE, FUTURE, include_cancelled=True)
    assert (row.id, row.status) == (booked.id, "annullato")


def test_double_click_opens_the_workers_file(qtbot, office_ctx, people, area, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    agenda.book(office_ctx, worker_id=people["bianchi"], operator_id=people["me"],
                starts_at=dt.datetime.combine(FUTURE, dt.time(9, 0)))
    opened: list[tuple[object, int, object]] = []
    monkeypatch.setitem(
        navigation.ROUTES, navigation.WORKER_FILE,
        lambda ctx, worker_id, parent: opened.append((ctx, worker_id, parent)))
    area.set_operator(people["me"])
    area.go_to(FUTURE)
    area.set_mode("week")
    column = week_column(area, FUTURE)
    rect = column.list.visualItemRect(column.list.item(0))
    # a real double click is a press and release, then the double-click event
    qtbot.mouseClick(column.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(column.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [(office_ctx, people["bianchi"], area)]
    assert area.selected_row is not None and area.selected_row.worker_name == "Bianchi Laura"


# --------------------------------------------------------------------------- week view


def test_week_view_marks_weekends_and_holidays(qtbot, office_ctx, people, area) -> None:  # type: ignore[no-untyped-def]
    agenda.book(office_ctx, worker_id=people["rossi"], operator_id=people["me"],
                starts_at=dt.datetime(2026, 12, 9, 9, 0))
    area.set_operator(people["me"])
    area.go_to(IMMACOLATA)
    area.set_mode("week")
    holiday = agenda.holiday_name(IMMACOLATA)
    assert holiday
    assert area.title_label.text() == "Settimana 50: 07/12/2026 – 13/12/2026"
    assert area.note_label.isVisible()
    assert area.note_label.text() == f"Festivi: 8 dicembre — {holiday}"

    columns = area.week_view.columns
    assert [c.day for c in columns] == [dt.date(2026, 12, 7) + dt.timedelta(days=i)
                                        for i in range(7)]
    assert [c.closed for c in columns] == [False, True, False, False, False, True, True]
    assert columns[1].holiday == holiday and holiday in columns[1].header.toolTip()
    assert columns[1].header.text().startswith("mar 08/12\n")
    assert columns[0].header.text() == "lun 07/12"
    assert columns[2].texts() == ["09:00\nRossi Mario\n(motivo non indicato)"]

    # visibly: closed days are painted in another shade, and are narrower when empty
    def background(column):  # type: ignore[no-untyped-def]
        image = column.list.viewport().grab().toImage()
        return image.pixelColor(image.width() // 2, image.height() - 3).name()

    def heading(column):  # type: ignore[no-untyped-def]
        image = column.header.grab().toImage()
        return image.pixelColor(2, 2).name()

    open_shade, holiday_shade = background(columns[0]), background(columns[1])
    assert holiday_shade != open_shade
    assert background(columns[5]) == background(columns[6]) == holiday_shade
    assert heading(columns[1]) != heading(columns[0])
    qtbot.waitUntil(lambda: columns[5].width() < columns[1].width() < columns[0].width())


def test_navigation_moves_by_day_or_week_and_today(qtbot, area) -> None:  # type: ignore[no-untyped-def]
    area.set_mode("week")
    area.go_to(dt.date(2026, 12, 9))
    qtbot.mouseClick(area.next_button, Qt.MouseButton.LeftButton)
    assert area.current_day == dt.date(2026, 12, 16)
    assert area.title_label.text() == "Settimana 51: 14/12/2026 – 20/12/2026"
    area.set_mode("day")
    qtbot.mouseClick(area.previous_button, Qt.MouseButton.LeftButton)
    assert area.current_day == dt.date(2026, 12, 15)
    assert area.title_label.text() == "Martedì 15 dicembre 2026"
    assert area.date_edit.date().toString("dd/MM/yyyy") == "15/12/2026"
    area.date_edit.setDate(area.date_edit.date().addDays(10))  # the picker moves the view
    assert area.current_day == dt.date(2026, 12, 25)
    assert area.note_label.text().startswith("Chiuso: 25/12/2026 è festivo")
    qtbot.mouseClick(area.today_button, Qt.MouseButton.LeftButton)
    assert area.current_day == dt.date.today()


def test_operator_choice_filters_and_is_remembered(qtbot, office_ctx, people, area) -> None:  # type: ignore[no-untyped-def]
    for worker, operator in (("rossi", "me"), ("bianchi", "verdi")):
        agenda.book(office_ctx, worker_id=people[worker], operator_id=people[operator],
                    starts_at=dt.datetime.combine(FUTURE, dt.time(9, 0)))
    combo = area.operator_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Tutto l'ufficio", "Anna Amministratrice", "Giulia Verdi"]
    assert area.operator_id() == people["me"]  # the clerk's own agenda first
    area.set_mode("day")
    area.go_to(FUTURE)
    assert [r[1] for r in area.day_view.row_texts()] == ["Rossi Mario"]
    combo.setCurrentIndex(combo.findText("Giulia Verdi"))
    assert [r[1] for r in area.day_view.row_texts()] == ["Bianchi Laura"]
    combo.setCurrentIndex(0)
    rows = area.day_view.row_texts()
    assert sorted((r[1], r[3]) for r in rows) == [("Bianchi Laura", "Giulia Verdi"),
                                                  ("Rossi Mario", "Anna Amministratrice")]

    again = AgendaArea(office_ctx)
    qtbot.addWidget(again)
    again.load_operators()
    assert again.operator_id() is None and again.mode == "day"


# --------------------------------------------------------------------------- typing, opening hours


def test_the_dialog_opens_on_the_next_open_slot_not_on_a_closed_today(qtbot, office_ctx, people) -> None:  # type: ignore[no-untyped-def]
    import screens

    from sportello.core.services import setup

    today = dt.date.today()
    open_day = agenda.WEEKDAY_KEYS[(today.weekday() + 2) % 7]  # today is closed, whatever it is
    setup.set_office_hours(office_ctx, {open_day: "14:00-16:00"}, 40)
    expected = agenda.next_free_slot(office_ctx, people["me"])
    assert expected is not None and expected.starts_at.date() > today
    dialog = BookingDialog(office_ctx, people["rossi"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.date_edit.text() == f"{expected.starts_at:%d/%m/%Y}"
    assert dialog.time_edit.text() == "14:00" and dialog.minutes_spin.value() == 40
    assert [dialog.slot_list.item(i).text() for i in range(dialog.slot_list.count())] == [
        "14:00", "14:40", "15:20"]
    assert dialog.hours_label.text() == "orario 14:00–16:00" and dialog.closed_label.text() == ""
    assert screens.outside(dialog, screens.SMALL) == []
    searching = BookingDialog(office_ctx, None)  # from the Agenda: the worker is searched
    qtbot.addWidget(searching)
    searching.show()
    assert searching.day() == expected.starts_at.date()
    assert screens.outside(searching, screens.SMALL) == []


def test_day_and_time_are_typed_and_outside_hours_is_refused(qtbot, office_ctx, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    dialog = BookingDialog(office_ctx, people["rossi"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    day = FUTURE.strftime("%d/%m/%Y")
    qtbot.mouseClick(dialog.date_edit, Qt.MouseButton.LeftButton)
    dialog.date_edit.selectAll()
    qtbot.keyClicks(dialog.date_edit, day)
    assert dialog.day() == FUTURE
    assert dialog.slot_list.item(0).text() == "09:00"  # the typed day's free slots
    dialog.time_edit.selectAll()
    qtbot.keyClicks(dialog.time_edit, "13.00")  # after the morning's closing time
    press_ok(qtbot, dialog)
    assert warnings == [f"L'appuntamento del {day} dalle 13:00 alle 13:30 è fuori dall'orario "
                        f"di apertura: il {agenda.WEEKDAY_NAMES_IT[FUTURE.weekday()]} l'ufficio "
                        f"riceve {agenda.office_hours(office_ctx).day_text(FUTURE)}."]
    assert dialog.isVisible() and dialog.booked is None

    dialog.time_edit.selectAll()
    qtbot.keyClicks(dialog.time_edit, "1030")  # read as 10:30
    selected = dialog.slot_list.selectedItems()
    assert [i.text() for i in selected] == ["10:30"]  # the typed time is the slot marked
    press_ok(qtbot, dialog)
    assert dialog.booked is not None
    assert dialog.booked.starts_at == dt.datetime.combine(FUTURE, dt.time(10, 30))
    assert len(warnings) == 1

    again = BookingDialog(office_ctx, people["bianchi"])
    qtbot.addWidget(again)
    again.show()
    again.date_edit.selectAll()
    qtbot.keyClicks(again.date_edit, "31/02/2027")
    assert again.slot_list.count() == 0
    assert again.slots_hint.text() == "Scrivere il giorno come gg/mm/aaaa."
    press_ok(qtbot, again)
    assert warnings[-1] == "Data non valida: scrivere giorno/mese/anno (es. 03/04/1978)."
    assert again.booked is None


def test_the_agenda_closes_the_weekdays_the_office_does_not_receive(qtbot, office_ctx, area) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import setup

    setup.set_office_hours(office_ctx, {"mon": "9-12", "tue": "9-12", "thu": "9-12",
                                        "fri": "9-12", "sat": "9-12"}, 30)
    area.set_mode("week")
    area.go_to(dt.date(2026, 12, 16))
    assert [c.closed for c in area.week_view.columns] == [False, False, True, False, False,
                                                          False, True]
    area.set_mode("day")
    assert area.note_label.text() == (
        "Chiuso: 16/12/2026 è mercoledì, giorno di chiusura dell'ufficio")
