"""The Vertenze area, as the clerk uses it: a team leader edits a vertenza, records a meeting
of the tavolo and a cohort exit; an operator sees the same editor read-only. Every check
reads the database back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from sqlalchemy import select
from waiting import settle

from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.models import EmploymentSituation, Role, TavoloMeeting, Vertenza, Worker
from sportello.core.services import operators, vertenze
from sportello.gui import routes
from sportello.gui.areas.vertenze import (
    CohortExitDialog,
    MeetingDialog,
    PartyDialog,
    SiteDialog,
    VertenzaDialog,
    VertenzeArea,
)

pytestmark = pytest.mark.gui

PIVA = "01114601006"


def _as(ctx, role: str):  # type: ignore[no-untyped-def]
    info = operators.create_operator(ctx, operators.OperatorData(
        username=f"op.{role}", full_name=f"Op {role}", password="sportello2026", role=role))
    return ctx.acting_as(Actor(info.id, info.username, info.full_name, info.role, info.office_id))


@pytest.fixture
def paycare(office_ctx):  # type: ignore[no-untyped-def]
    vid = vertenze.create_vertenza(office_ctx, code="KON-PC", title="Konecta Paycare",
                                   company_name="Konecta Paycare S.r.l.")
    with office_ctx.write() as s:
        for i, surname in enumerate(["Bini", "Nardi"]):
            w = Worker(codice_fiscale=cf.encode(surname, "Anna", "F", dt.date(1980, 2, 1 + i),
                                                "D612"), surname=surname, name="Anna")
            s.add(w)
            s.flush()
            s.add(EmploymentSituation(worker_id=w.id, vertenza_id=vid, is_current=True))
    return vid


def _area(qtbot, ctx) -> VertenzeArea:  # type: ignore[no-untyped-def]
    area = VertenzeArea(ctx)
    qtbot.addWidget(area)
    area.resize(1000, 560)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: area.model.rowCount() > 0)
    return area


def _click_row(qtbot, table: QTableView, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _child(qtbot, parent: QWidget, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(w.isVisible() for w in parent.findChildren(kind)))
    return next(w for w in parent.findChildren(kind) if w.isVisible())


def _retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _open(qtbot, area: VertenzeArea) -> VertenzaDialog:  # type: ignore[no-untyped-def]
    _click_row(qtbot, area.table, 0)
    qtbot.mouseClick(area.open_button, Qt.MouseButton.LeftButton)
    dialog = _child(qtbot, area, VertenzaDialog)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    settle(qtbot)
    return dialog  # type: ignore[return-value]


def test_a_team_leader_edits_a_vertenza_and_records_a_meeting(qtbot, office_ctx, paycare) -> None:  # type: ignore[no-untyped-def]
    leader = _as(office_ctx, Role.RESPONSABILE)
    area = _area(qtbot, leader)
    assert area.new_button.isVisible()
    assert area.model.row(0).workers == 2
    dialog = _open(qtbot, area)
    assert dialog.title_edit.text() == "Konecta Paycare" and dialog.save_button.isVisible()

    # a wrong partita IVA is named under its field and nothing is written
    qtbot.keyClicks(dialog.piva_edit, "01114601007")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["company_piva"].isVisible())
    assert "controllo" in dialog.errors["company_piva"].text()
    with leader.read() as s:
        assert s.scalar(select(Vertenza.company_piva)) is None

    _retype(qtbot, dialog.piva_edit, PIVA)
    _retype(qtbot, dialog.title_edit, "Konecta Paycare: cessazione")
    qtbot.keyClicks(dialog.dates["cigs_from"], "01/01/2026")
    qtbot.keyClicks(dialog.dates["cigs_to"], "31/12/2026")
    dialog.net_combo.setFocus()
    qtbot.keyClicks(dialog.net_combo, "CIGS per cessazione")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text() == "Dati della vertenza salvati."
    with leader.read() as s:
        v = s.scalars(select(Vertenza)).one()
        assert (v.title, v.company_piva, v.safety_net) == ("Konecta Paycare: cessazione", PIVA,
                                                           "cigs_cessazione")
        assert (v.cigs_from, v.cigs_to) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    qtbot.waitUntil(lambda: area.model.row(0).title == "Konecta Paycare: cessazione")

    # the tavolo: record a meeting
    dialog.tabs.setCurrentIndex(3)
    qtbot.mouseClick(dialog.meeting_buttons[0], Qt.MouseButton.LeftButton)
    meeting = _child(qtbot, dialog, MeetingDialog)
    _retype(qtbot, meeting.held_edit, "10/02/2026")
    qtbot.keyClicks(meeting.place_edit, "Firenze, Regione Toscana")
    qtbot.keyClicks(meeting.decisions_edit, "Piano formativo per i 53 lavoratori")
    qtbot.keyClicks(meeting.minutes_edit, "Si apre la seduta alle 10.")
    _retype(qtbot, meeting.next_edit, "12/05/2026")
    qtbot.mouseClick(meeting.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.meeting_model.rowCount() == 1)
    with leader.read() as s:
        m = s.scalars(select(TavoloMeeting)).one()
        assert (m.held_on, m.place, m.next_meeting_on) == (
            dt.date(2026, 2, 10), "Firenze, Regione Toscana", dt.date(2026, 5, 12))
        assert m.decisions == "Piano formativo per i 53 lavoratori"
    assert "Si apre la seduta alle 10." in dialog.meeting_text.toPlainText()
    assert vertenze.previous_meeting(leader, paycare, dt.date(2026, 3, 1)) == dt.date(2026, 2, 10)

    # the cohort: Bini was hired elsewhere
    dialog.tabs.setCurrentIndex(4)
    _click_row(qtbot, dialog.cohort_table, 0)
    assert dialog.cohort_model.row(0).surname == "Bini"
    qtbot.mouseClick(dialog.exit_button, Qt.MouseButton.LeftButton)
    leaving = _child(qtbot, dialog, CohortExitDialog)
    leaving.exit_combo.setFocus()
    qtbot.keyClicks(leaving.exit_combo, "Assunto altrove")
    _retype(qtbot, leaving.on_edit, "01/06/2026")
    qtbot.mouseClick(leaving.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.cohort_model.row(0).cohort_exit == "assunto_altrove")
    assert dialog.cohort_count.text() == "2 lavoratori: 1 usciti dalla coorte, 1 da ricollocare."
    with leader.read() as s:
        bini = s.scalars(select(Worker).where(Worker.surname == "Bini")).one()
        assert (bini.cohort_exit, bini.cohort_exit_on) == ("assunto_altrove", dt.date(2026, 6, 1))
    qtbot.waitUntil(lambda: area.model.row(0).exits == 1)


def test_a_meeting_without_place_is_refused_in_the_dialog(qtbot, office_ctx, paycare) -> None:  # type: ignore[no-untyped-def]
    area = _area(qtbot, _as(office_ctx, Role.RESPONSABILE))
    dialog = _open(qtbot, area)
    dialog.tabs.setCurrentIndex(3)
    qtbot.mouseClick(dialog.meeting_buttons[0], Qt.MouseButton.LeftButton)
    meeting = _child(qtbot, dialog, MeetingDialog)
    qtbot.mouseClick(meeting.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert meeting.isVisible() and "luogo" in meeting.error_text("place")
    with office_ctx.read() as s:
        assert s.scalars(select(TavoloMeeting)).first() is None


def test_the_cohort_opens_the_file(qtbot, office_ctx, paycare) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.worker_file.window import WorkerFileWindow

    routes.install()
    nardi = vertenze.cohort(office_ctx, paycare)[1]
    vertenze.set_cohort_exit(office_ctx, nardi.worker_id, "assunto_altrove", dt.date(2026, 6, 1))
    area = _area(qtbot, _as(office_ctx, Role.OPERATORE))
    dialog = _open(qtbot, area)
    dialog.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: dialog.cohort_model.rowCount() == 2)
    _click_row(qtbot, dialog.cohort_table, 1)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    def opened() -> list[WorkerFileWindow]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, WorkerFileWindow) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(opened()), timeout=10_000)
    window = opened()[0]
    assert "Nardi" in window.windowTitle()
    qtbot.waitUntil(lambda: "Uscito dalla coorte" in window.summary_label.text())
    assert "Uscito dalla coorte: assunto altrove (01/06/2026)" in window.summary_label.text()


def test_an_operator_sees_a_vertenza_read_only(qtbot, office_ctx, paycare) -> None:  # type: ignore[no-untyped-def]
    clerk = _as(office_ctx, Role.OPERATORE)
    area = _area(qtbot, clerk)
    assert not area.new_button.isVisible() and area.open_button.text() == "Consulta…"
    dialog = _open(qtbot, area)
    assert dialog.readonly_note.isVisible()
    assert dialog.title_edit.isReadOnly() and not dialog.net_combo.isEnabled()
    assert not dialog.save_button.isVisible()
    for index in range(1, dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
    assert not any(b.isVisible() for b in (*dialog.site_buttons, *dialog.party_buttons,
                                           *dialog.meeting_buttons, dialog.exit_button))
    assert dialog.open_button.isVisible()  # the files can be opened
    qtbot.keyClicks(dialog.title_edit, "Cambiato")  # read-only: nothing typed, nothing saved
    assert dialog.title_edit.text() == "Konecta Paycare"


def test_sites_and_parties_are_added_and_a_meeting_removed(qtbot, office_ctx, paycare,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    leader = _as(office_ctx, Role.RESPONSABILE)
    vertenze.add_meeting(leader, paycare, held_on=dt.date(2026, 2, 10), place="Firenze")
    area = _area(qtbot, leader)
    dialog = _open(qtbot, area)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.site_buttons[0], Qt.MouseButton.LeftButton)
    site = _child(qtbot, dialog, SiteDialog)
    qtbot.keyClicks(site.comune_edit, "Monteriggioni")
    qtbot.keyClicks(site.provincia_edit, "Siena")  # not a sigla: refused under the field
    qtbot.keyClicks(site.workers_edit, "31")
    qtbot.mouseClick(site.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "2 lettere" in site.error_text("provincia")
    _retype(qtbot, site.provincia_edit, "si")
    qtbot.mouseClick(site.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.site_model.rowCount() == 1)
    (row,) = vertenze.get_vertenza(leader, paycare).sites
    assert (row.comune, row.provincia, row.address, row.workers_count) == (
        "Monteriggioni", "SI", None, 31)

    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.party_buttons[0], Qt.MouseButton.LeftButton)
    party = _child(qtbot, dialog, PartyDialog)
    party.kind_combo.setFocus()
    qtbot.keyClicks(party.kind_combo, "Sindacato")
    qtbot.keyClicks(party.name_edit, "SLC CGIL Toscana")
    qtbot.mouseClick(party.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.party_model.rowCount() == 1)
    assert [(p.kind, p.name) for p in vertenze.get_vertenza(leader, paycare).parties] == [
        ("sindacato", "SLC CGIL Toscana")]

    dialog.tabs.setCurrentIndex(3)
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm", lambda q: asked.append(q) or False)
    qtbot.mouseClick(dialog.meeting_buttons[2], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert asked == ["Cancellare l'incontro del 10/02/2026 con il suo verbale?"]
    assert len(vertenze.get_vertenza(leader, paycare).meetings) == 1  # "No": kept
    monkeypatch.setattr(dialog, "confirm", lambda q: True)
    qtbot.mouseClick(dialog.meeting_buttons[2], Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.meeting_model.rowCount() == 0)
    assert vertenze.get_vertenza(leader, paycare).meetings == ()


@pytest.fixture(scope="module")
def demo_office(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A fresh install with demo data (60 workers), acting as its administrator."""
    from sportello import demo
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    path = tmp_path_factory.mktemp("demo") / "sportello.db"
    ctx = bootstrap(f"sqlite:///{path}")
    actor = setup.initialise(
        ctx, setup.OfficeData(code="CPI-AT", name="Centro per l'Impiego di Asti", comune="Asti"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234"))
    ctx = ctx.acting_as(actor)
    demo.generate(ctx, workers=60)
    yield ctx
    ctx.close()


def _demo_staff(ctx, role: str):  # type: ignore[no-untyped-def]
    from sportello.core.models import Operator

    with ctx.read() as s:
        op = s.scalars(select(Operator).where(Operator.role == role).order_by(Operator.id)).first()
        return ctx.acting_as(Actor(op.id, op.username, op.full_name, op.role, op.office_id))


def test_on_the_demo_a_team_leader_records_a_meeting_from_the_main_window(  # type: ignore[no-untyped-def]
        qtbot, demo_office) -> None:
    from sportello.gui.main_window import MainWindow

    leader = _demo_staff(demo_office, Role.RESPONSABILE)
    window = MainWindow(leader)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    item = next(window.sidebar.item(i) for i in range(window.sidebar.count())
                if window.sidebar.item(i).text() == "Vertenze")
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    area = window.current_area
    assert isinstance(area, VertenzeArea)
    qtbot.waitUntil(lambda: area.model.rowCount() == 7)
    row = next(i for i in range(7) if area.model.row(i).code == "KON-PC")
    before = area.model.row(row)
    _click_row(qtbot, area.table, row)
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    dialog = _child(qtbot, area, VertenzaDialog)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert dialog.company_edit.text() == "Konecta Paycare S.r.l. in liquidazione"
    assert (dialog.dates["cigs_from"].text(), dialog.dates["cigs_to"].text()) == (
        "01/01/2026", "31/12/2026")
    assert dialog.net_combo.currentText() == "CIGS per cessazione di attività"
    assert [(s.comune, s.provincia) for s in dialog.site_model.rows] == [
        ("Monteriggioni", "SI"), ("Sesto Fiorentino", "FI")]
    meetings = dialog.meeting_model.rowCount()
    assert meetings >= 3

    dialog.tabs.setCurrentIndex(3)
    qtbot.mouseClick(dialog.meeting_buttons[0], Qt.MouseButton.LeftButton)
    meeting = _child(qtbot, dialog, MeetingDialog)
    qtbot.mouseClick(meeting.online_check, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(meeting.attendees_edit, "Regione Toscana, liquidatore, SLC CGIL")
    qtbot.keyClicks(meeting.decisions_edit, "Proroga dei corsi fino a fine CIGS")
    qtbot.mouseClick(meeting.ok_button(), Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.meeting_model.rowCount() == meetings + 1)
    today = dt.date.today()
    with leader.read() as s:
        m = s.scalars(select(TavoloMeeting).where(TavoloMeeting.held_on == today)).one()
        assert m.online and m.decisions == "Proroga dei corsi fino a fine CIGS"
        assert m.vertenza_id == before.id
    qtbot.waitUntil(lambda: area.model.row(row).last_meeting == today)
    assert before.last_meeting < today
    dialog.close()
    window.close()


def test_a_team_leader_creates_a_vertenza(qtbot, office_ctx, paycare) -> None:  # type: ignore[no-untyped-def]
    leader = _as(office_ctx, Role.RESPONSABILE)
    area = _area(qtbot, leader)
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    dialog = _child(qtbot, area, VertenzaDialog)
    assert not dialog.tabs.isTabEnabled(3)  # the tavolo once the vertenza exists
    qtbot.keyClicks(dialog.code_edit, "kon-iv")
    qtbot.keyClicks(dialog.title_edit, "Konecta Ivrea: accorpamento a Torino")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["company_name"].isVisible())
    assert "obbligatorio" in dialog.errors["company_name"].text()
    qtbot.keyClicks(dialog.company_edit, "Konecta Italia S.p.A.")
    qtbot.keyClicks(dialog.dates["opened_on"], "01/10/2025")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.tabs.isTabEnabled(3))
    assert dialog.message.text() == "Vertenza creata."
    with leader.read() as s:
        v = s.scalars(select(Vertenza).where(Vertenza.code == "KON-IV")).one()
        assert (v.title, v.company_name, v.opened_on) == (
            "Konecta Ivrea: accorpamento a Torino", "Konecta Italia S.p.A.", dt.date(2025, 10, 1))
    qtbot.waitUntil(lambda: area.model.rowCount() == 2)
