"""Percorsi, Formazione and Sportello Unico: real widgets on a temporary database.

Every check reads the database back (or the area after a fresh read): a label that changed
while nothing was saved would not pass.
"""

from __future__ import annotations

import datetime as dt

import pytest
import screens
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView

from waiting import press_ok, settle
from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.models import (
    Application,
    BusinessProject,
    BusinessStageEvent,
    Fund,
    FundingProgramme,
    FundingRequest,
    Hire,
    Operator,
    Pathway,
    Role,
    SuapFiling,
    Voucher,
    Worker,
)
from sportello.core.services import business, pathways, training, vouchers, workers
from sportello.gui.areas.business import BusinessArea
from sportello.gui.areas.pathways import PathwaysArea
from sportello.gui.areas.training import TrainingArea
from sportello.gui.kit.inputs import (
    OptionalDateEdit,
    euro_text,
    format_euro,
    parse_euro,
)
from sportello.gui.kit.tables import RowsModel
from sportello.gui.paths.training_dialogs import CourseDialog

pytestmark = pytest.mark.gui

D = dt.date
TODAY = dt.date.today()
PIVA = "01234567897"  # check digit right
BAD_PIVA = "01234567890"


# --------------------------------------------------------------------------- helpers


def make_worker(ctx, surname: str, name: str, day: int = 1, **extra) -> int:  # type: ignore[no-untyped-def]
    code = cf.encode(surname, name, "M", D(1980, 1, day), "A479")
    return workers.create(
        ctx,
        workers.WorkerForm(
            codice_fiscale=code,
            surname=surname,
            name=name,
            residence_comune="Asti",
            residence_province="AT",
            **extra,
        ),
        allow_similar=True,
    )


def show(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1166, 740)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done



def answer_box(qtbot, name: str, button: str, seen: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Click ``button`` (its text's start) in the message box ``name`` the next click opens."""

    def go() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == name):
            QTimer.singleShot(10, go)
            return
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        target = next(b for b in box.buttons() if b.text().replace("&", "").startswith(button))
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, go)


BEFORE = TODAY - dt.timedelta(days=10)  # vouchers requested before the catalogue's lessons


def texts(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def row_of(table: QTableView, column: int, text: str) -> int:
    found = texts(table, column)
    assert text in found, f"{text!r} not in {found}"
    return found.index(text)


def select(table: QTableView, column: int, text: str) -> None:
    row = row_of(table, column, text)
    table.scrollTo(table.model().index(row, column))
    table.selectRow(row)
    assert table.selectionModel().selectedRows()[0].row() == row


def cell(table: QTableView, row: int, column: int) -> str:
    return table.model().index(row, column).data()


# --------------------------------------------------------------------------- training data


@pytest.fixture
def catalogue(office_ctx):  # type: ignore[no-untyped-def]
    """A provider, an 8-hour course in two 4-hour lessons (75% to earn the certificate),
    a fund of € 10.000,00, a small fund of € 500,00, two workers."""
    ctx = office_ctx
    provider = training.create_provider(ctx, training.ProviderForm(name="Astiss", cf_piva=PIVA))
    course = training.create_course(
        ctx,
        training.CourseForm(
            provider_id=provider,
            title="Processi digitali",
            hours=8,
            seats=5,
            cost_cents=1_000_00,
            starts_on=TODAY - dt.timedelta(days=7),
            ends_on=TODAY - dt.timedelta(days=1),  # over: vouchers can be concluded
            min_attendance_pct=75,
            status="in_corso",
        ),
    )
    lessons = [
        training.add_session(
            ctx,
            course,
            dt.datetime.combine(TODAY - dt.timedelta(days=d), dt.time(9)),
            4,
            f"Lezione {i + 1}",
        )
        for i, d in enumerate((6, 5))
    ]
    fund = training.create_fund(
        ctx, training.FundForm(name="Fondo Nuove Competenze", kind="fnc", budget_cents=10_000_00)
    )
    small = training.create_fund(
        ctx, training.FundForm(name="Fondo piccolo", kind="regionale", budget_cents=500_00)
    )
    return {
        "provider": provider,
        "course": course,
        "lessons": lessons,
        "fund": fund,
        "small": small,
        "rossi": make_worker(ctx, "Rossi", "Mario"),
        "verdi": make_worker(ctx, "Verdi", "Luca", 2),
    }


@pytest.fixture
def training_area(qtbot, office_ctx, catalogue) -> TrainingArea:  # type: ignore[no-untyped-def]
    area = show(qtbot, TrainingArea(office_ctx))
    qtbot.waitUntil(lambda: area.catalog_tab.course_model.rowCount() == 1)
    return area


def open_tab(qtbot, area: TrainingArea, tab) -> None:  # type: ignore[no-untyped-def]
    area.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: area.tabs.indexOf(tab) in area._loaded)


def fund_remaining(area: TrainingArea, name: str) -> str:
    table = area.funds_tab.table
    return cell(table, row_of(table, 0, name), 5)


def test_areas_read_nothing_until_shown(office_ctx, catalogue) -> None:  # type: ignore[no-untyped-def]
    area = TrainingArea(office_ctx)
    assert area.catalog_tab.course_model.rowCount() == 0
    assert area.vouchers_tab.model.rowCount() == 0
    area.deleteLater()


def test_requesting_and_approving_a_voucher_lowers_the_funds_remaining(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    area = training_area
    open_tab(qtbot, area, area.funds_tab)
    assert fund_remaining(area, "Fondo Nuove Competenze") == "€ 10.000,00"

    open_tab(qtbot, area, area.vouchers_tab)
    tab = area.vouchers_tab
    dialog = tab.request()
    assert dialog.picker.pick("rossi") == catalogue["rossi"]
    dialog.fund_combo.setCurrentIndex(dialog.fund_combo.findData(catalogue["fund"]))
    assert dialog.amount_edit.text() == "1.000,00"  # the course cost, Italian style
    assert press_ok(qtbot, dialog)
    with office_ctx.read() as s:
        (voucher,) = s.query(Voucher).all()
        assert (voucher.status, voucher.amount_cents) == ("richiesto", 1_000_00)
    assert texts(tab.table, 5) == ["Richiesto"] and tab.selected().id == voucher.id
    assert "richiesto" in tab.message.text()

    seen: list[str] = []
    answer_box(qtbot, "approveConfirm", "Annulla", seen)
    click(qtbot, tab.approve_button)  # the clerk thinks again: nothing is committed
    assert vouchers.get(office_ctx, voucher.id).status == "richiesto"
    assert vouchers.fund(office_ctx, catalogue["fund"]).remaining_cents == 10_000_00
    assert seen == [
        f"Approvare il voucher {voucher.code} di Rossi Mario?\n"
        "Si impegnano € 1.000,00 sul fondo «Fondo Nuove Competenze» per il corso «Processi "
        "digitali».\nOggi il fondo ha € 10.000,00 disponibili: dopo l'approvazione ne "
        "resteranno € 9.000,00."]
    answer_box(qtbot, "approveConfirm", "Approva e impegna € 1.000,00")
    click(qtbot, tab.approve_button)
    assert not tab.message.is_error, tab.message.text()
    assert "restano € 9.000,00" in tab.message.text()
    assert texts(tab.table, 5) == ["Approvato"]
    assert "restano € 9.000,00" in tab.selection_label.text()
    assert not tab.approve_button.isEnabled()  # approved once
    assert vouchers.fund(office_ctx, catalogue["fund"]).remaining_cents == 9_000_00

    open_tab(qtbot, area, area.funds_tab)  # read again: it was marked stale by the approval
    assert fund_remaining(area, "Fondo Nuove Competenze") == "€ 9.000,00"
    table = area.funds_tab.table
    row = row_of(table, 0, "Fondo Nuove Competenze")
    assert (cell(table, row, 3), cell(table, row, 6)) == ("€ 1.000,00", "10%")


def test_the_voucher_request_offers_only_the_funds_of_the_workers_region(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    """Issue 11 friction: a Toscana fund is not offered for a worker of Asti."""
    from sportello.gui.paths.training_dialogs import VoucherRequestDialog

    training.create_fund(office_ctx, training.FundForm(
        name="Regione Toscana – Voucher formativi", kind="regionale", budget_cents=5_000_00,
        region="Toscana"))
    area = training_area
    open_tab(qtbot, area, area.vouchers_tab)
    click(qtbot, area.vouchers_tab.request_button)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, VoucherRequestDialog)

    def funds() -> list[str]:
        return [dialog.fund_combo.itemText(i).split(" — ")[0]
                for i in range(dialog.fund_combo.count())]

    assert "Regione Toscana – Voucher formativi" in funds()  # no worker chosen yet
    qtbot.keyClicks(dialog.picker.search, "rossi")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # the first result
    qtbot.waitUntil(lambda: dialog.picker.worker_id == catalogue["rossi"])
    assert funds() == ["Fondo Nuove Competenze", "Fondo piccolo"]
    assert screens.outside(dialog, screens.SMALL) == []
    dialog.reject()


def test_approval_over_budget_shows_the_refusal_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    v = vouchers.request(
        office_ctx,
        worker_id=catalogue["rossi"],
        course_id=catalogue["course"],
        fund_id=catalogue["small"],
    )
    area = training_area
    open_tab(qtbot, area, area.vouchers_tab)
    tab = area.vouchers_tab
    select(tab.table, 1, "Rossi Mario")
    answer_box(qtbot, "approveConfirm", "Approva")
    click(qtbot, tab.approve_button)
    assert tab.message.is_error and tab.message.isVisible()
    assert tab.message.text() == (
        "Il fondo «Fondo piccolo» non ha capienza: restano € 500,00, il voucher chiede "
        "€ 1.000,00. Nulla è stato approvato."
    )
    assert texts(tab.table, 5) == ["Richiesto"]
    assert vouchers.get(office_ctx, v.id).status == "richiesto"
    with office_ctx.read() as s:
        assert s.get(Fund, catalogue["small"]).committed_cents == 0
    assert training.get_course(office_ctx, catalogue["course"]).seats_taken == 0
    open_tab(qtbot, area, area.funds_tab)
    assert fund_remaining(area, "Fondo piccolo") == "€ 500,00"


def test_an_operator_cannot_approve_above_the_threshold(qtbot, office_ctx, catalogue) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        op = Operator(
            office_id=office_ctx.actor.office_id,
            username="clerk",
            full_name="Carla Clerk",
            role=Role.OPERATORE,
        )
        s.add(op)
    clerk = office_ctx.acting_as(Actor(op.id, op.username, op.full_name, op.role, op.office_id))
    course = training.create_course(
        office_ctx,
        training.CourseForm(
            provider_id=catalogue["provider"],
            title="Master costoso",
            hours=100,
            seats=3,
            cost_cents=2_000_00,
        ),
    )
    v = vouchers.request(
        clerk, worker_id=catalogue["rossi"], course_id=course, fund_id=catalogue["fund"]
    )
    area = show(qtbot, TrainingArea(clerk))
    open_tab(qtbot, area, area.vouchers_tab)
    select(area.vouchers_tab.table, 1, "Rossi Mario")
    answer_box(qtbot, "approveConfirm", "Approva")
    click(qtbot, area.vouchers_tab.approve_button)
    assert area.vouchers_tab.message.text().startswith(
        "Solo un responsabile (o un ruolo superiore) può approvare un voucher oltre € 1.500,00"
    )
    assert vouchers.get(office_ctx, v.id).status == "richiesto"


def test_attendance_in_the_register_updates_percentage_and_eligibility(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    v = vouchers.approve(
        office_ctx,
        vouchers.request(
            office_ctx,
            worker_id=catalogue["rossi"],
            course_id=catalogue["course"],
            fund_id=catalogue["fund"],
            today=BEFORE,
        ).id,
    )
    vouchers.request(
        office_ctx,
        worker_id=catalogue["verdi"],
        course_id=catalogue["course"],
        fund_id=catalogue["fund"],
        today=BEFORE,
    )  # not approved: no seat, not in the register
    area = training_area
    open_tab(qtbot, area, area.register_tab)
    reg = area.register_tab
    assert reg.set_course(catalogue["course"])
    first, second = catalogue["lessons"]
    assert texts_register(reg) == [("Rossi Mario", "0% (min. 75%)", "no")]
    assert not reg.save_button.isEnabled()

    tick(qtbot, reg, v.id, first)
    click(qtbot, reg.save_button)
    assert texts_register(reg) == [("Rossi Mario", "50% (min. 75%)", "no")]
    assert vouchers.get(office_ctx, v.id).hours_attended == 4
    assert reg.box(v.id, first).isChecked() and not reg.save_button.isEnabled()

    tick(qtbot, reg, v.id, second)
    click(qtbot, reg.save_button)
    assert texts_register(reg) == [("Rossi Mario", "100% (min. 75%)", "sì, a voucher concluso")]
    info = vouchers.get(office_ctx, v.id)
    assert (info.status, info.hours_attended, info.certificate_eligible) == ("in_corso", 8, False)

    # The voucher is concluded from the Voucher tab (the course is over): certificate earned.
    open_tab(qtbot, area, area.vouchers_tab)
    select(area.vouchers_tab.table, 1, "Rossi Mario")
    dialog = area.vouchers_tab.change_status()
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("concluso"))
    assert dialog.isVisible() and not dialog.spent_edit.isVisible()  # only when reporting
    assert press_ok(qtbot, dialog)
    open_tab(qtbot, area, area.register_tab)
    assert texts_register(reg)[0][2] == "sì"
    assert vouchers.get(office_ctx, v.id).certificate_eligible
    assert not reg.box(v.id, first).isEnabled()  # a concluded voucher takes no attendance


def test_register_grid_refuses_future_lessons_and_lessons_before_the_request(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    """Issue 11, major 5, at the clerk's hands: a lesson still to come and a lesson before the
    voucher was requested cannot be ticked (the reason names the lesson's date); the grid of
    two workers is saved with one click, in one transaction."""
    ctx = office_ctx
    course = training.create_course(ctx, training.CourseForm(
        provider_id=catalogue["provider"], title="Excel avanzato", hours=12, seats=5,
        cost_cents=300_00, starts_on=TODAY - dt.timedelta(days=20),
        ends_on=TODAY + dt.timedelta(days=60), status="in_corso"))
    at9 = dt.time(9)
    early = training.add_session(ctx, course, dt.datetime.combine(
        TODAY - dt.timedelta(days=15), at9), 4)
    held = training.add_session(ctx, course, dt.datetime.combine(
        TODAY - dt.timedelta(days=2), at9), 4)
    future_day = TODAY + dt.timedelta(days=30)
    future = training.add_session(ctx, course, dt.datetime.combine(future_day, at9), 4)
    a, b = (vouchers.approve(ctx, vouchers.request(
        ctx, worker_id=catalogue[who], course_id=course, fund_id=catalogue["fund"],
        today=TODAY - dt.timedelta(days=5)).id) for who in ("rossi", "verdi"))
    area = training_area
    open_tab(qtbot, area, area.register_tab)
    reg = area.register_tab
    assert reg.set_course(course)
    assert reg.table.columnCount() == 2 + 3 + 2
    assert screens.outside(area, screens.SMALL) == []

    for lesson, why in ((future, f"La lezione del {future_day:%d/%m/%Y} non si è ancora "
                                 "svolta"),
                        (early, f"La lezione del {TODAY - dt.timedelta(days=15):%d/%m/%Y} "
                                "precede la richiesta del voucher")):
        box = reg.box(a.id, lesson)
        assert not box.isEnabled() and box.toolTip().startswith(why)
        reg.table.scrollTo(reg.table.model().index(0, 2))
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert not box.isChecked()
    assert not reg.save_button.isEnabled()

    tick(qtbot, reg, a.id, held)
    tick(qtbot, reg, b.id, held)
    click(qtbot, reg.save_button)
    assert not reg.message.is_error, reg.message.text()
    assert reg.message.text() == "Presenze salvate: 2 caselle."
    assert [vouchers.get(ctx, v.id).hours_attended for v in (a, b)] == [4, 4]
    assert [vouchers.get(ctx, v.id).status for v in (a, b)] == ["in_corso", "in_corso"]
    with ctx.read() as s:
        from sportello.core.models import AuditLog
        assert s.query(AuditLog).filter_by(action="attendance_grid").count() == 1


def tick(qtbot, reg, voucher_id: int, lesson_id: int) -> None:  # type: ignore[no-untyped-def]
    """Click the cell's check box, as the clerk does (scrolled into view first)."""
    box = reg.box(voucher_id, lesson_id)
    assert box is not None and box.isEnabled(), box.toolTip() if box else "no such cell"
    holder = box.parentWidget()
    reg.table.scrollTo(reg.table.indexAt(holder.pos()))
    before = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert box.isChecked() != before


def texts_register(reg) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    table = reg.table
    end = table.columnCount() - 2
    return [
        (table.item(r, 0).text(), table.item(r, end).text(), table.item(r, end + 1).text())
        for r in range(table.rowCount())
    ]


def test_a_voucher_cannot_be_concluded_before_its_course_ends(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    """Issue 11, major 6, in the window: "Concluso" is refused, with the course's end date."""
    from sportello.gui.paths.training_dialogs import VoucherStatusDialog

    ends = TODAY + dt.timedelta(days=3)
    course = training.create_course(office_ctx, training.CourseForm(
        provider_id=catalogue["provider"], title="Excel avanzato", hours=8, seats=5,
        cost_cents=300_00, starts_on=TODAY - dt.timedelta(days=3), ends_on=ends,
        status="in_corso"))
    v = vouchers.approve(office_ctx, vouchers.request(
        office_ctx, worker_id=catalogue["rossi"], course_id=course,
        fund_id=catalogue["fund"]).id)
    vouchers.change_status(office_ctx, v.id, "in_corso")
    area = training_area
    open_tab(qtbot, area, area.vouchers_tab)
    select(area.vouchers_tab.table, 1, "Rossi Mario")
    click(qtbot, area.vouchers_tab.status_button)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, VoucherStatusDialog)
    dialog.status_combo.setFocus()
    qtbot.keyClicks(dialog.status_combo, "Concluso")
    assert dialog.status_combo.currentData() == "concluso"
    assert not press_ok(qtbot, dialog)
    assert (f"non può essere concluso: il corso «Excel avanzato» termina il {ends:%d/%m/%Y}"
            in dialog.error_text("status") + dialog.error_text()), dialog.error_text()
    dialog.reject()
    assert vouchers.get(office_ctx, v.id).status == "in_corso"


def test_reporting_moves_the_spent_part_and_returns_the_rest(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    v = vouchers.approve(
        office_ctx,
        vouchers.request(
            office_ctx,
            worker_id=catalogue["rossi"],
            course_id=catalogue["course"],
            fund_id=catalogue["fund"],
        ).id,
    )
    vouchers.change_status(office_ctx, v.id, "in_corso")
    vouchers.change_status(office_ctx, v.id, "concluso")
    area = training_area
    open_tab(qtbot, area, area.vouchers_tab)
    select(area.vouchers_tab.table, 1, "Rossi Mario")
    dialog = area.vouchers_tab.report()
    assert dialog.status_combo.currentData() == "rendicontato"
    dialog.spent_edit.setText("1.250,00")  # more than the voucher: refused next to the field
    assert not press_ok(qtbot, dialog)
    assert "€ 1.000,00" in dialog.error_text("spent_cents")
    dialog.spent_edit.setText("800")
    assert press_ok(qtbot, dialog)
    f = vouchers.fund(office_ctx, catalogue["fund"])
    assert (f.committed_cents, f.spent_cents, f.remaining_cents) == (0, 800_00, 9_200_00)
    open_tab(qtbot, area, area.funds_tab)
    assert fund_remaining(area, "Fondo Nuove Competenze") == "€ 9.200,00"


def test_catalogue_course_and_lesson_dialogs(qtbot, office_ctx, catalogue, training_area) -> None:  # type: ignore[no-untyped-def]
    tab = training_area.catalog_tab
    dialog = tab.new_course()
    dialog.title_edit.setText("Excel per l'ufficio")
    dialog.hours_edit.setText("0")
    dialog.cost_edit.setText("1.250,00")
    press_ok(qtbot, dialog)
    assert "ore del corso" in dialog.error_text("hours") and dialog.error_text("title") == ""
    dialog.hours_edit.setText("12")
    dialog.starts_edit.setText("01/02/2027")
    dialog.ends_edit.setText("31/13/2027")
    press_ok(qtbot, dialog)
    assert "Data non valida" in dialog.error_text("ends_on")
    dialog.ends_edit.setText("28/02/2027")
    dialog.seats_spin.setValue(10)
    dialog.attendance_spin.setValue(80)
    assert press_ok(qtbot, dialog)
    row = next(c for c in training.list_courses(office_ctx) if c.title == "Excel per l'ufficio")
    assert (
        row.form.hours,
        row.form.cost_cents,
        row.form.ends_on,
        row.form.min_attendance_pct,
        row.form.provider_id,
    ) == (12, 1_250_00, D(2027, 2, 28), 80, catalogue["provider"])
    assert tab.selected_course().id == row.id
    assert "€ 1.250,00" in texts(tab.course_table, 7)

    lesson = tab.add_session()
    lesson.date_edit.setDate(lesson.date_edit.date().addYears(-5))  # outside the course
    press_ok(qtbot, lesson)
    assert "fuori dalle date" in lesson.error_text("starts_at")
    lesson.date_edit.setDate(lesson.date_edit.date().fromString("03/02/2027", "dd/MM/yyyy"))
    lesson.hours_edit.setText("4,5")
    assert press_ok(qtbot, lesson)
    (session,) = training.list_sessions(office_ctx, row.id)
    assert (session.starts_at, session.hours) == (dt.datetime(2027, 2, 3, 9), 4.5)
    assert texts(tab.session_table, 0) == ["03/02/2027 09:00"]


def test_new_fund_shows_in_euro(qtbot, office_ctx, catalogue, training_area) -> None:  # type: ignore[no-untyped-def]
    open_tab(qtbot, training_area, training_area.funds_tab)
    tab = training_area.funds_tab
    dialog = tab.new_fund()
    dialog.name_edit.setText("GOL Piemonte")
    dialog.budget_edit.setText("12 mila")
    press_ok(qtbot, dialog)
    assert "Importo non valido" in dialog.error_text("budget_cents")
    dialog.budget_edit.setText("1.250,50")
    assert press_ok(qtbot, dialog)
    assert fund_remaining(training_area, "GOL Piemonte") == "€ 1.250,50"
    with office_ctx.read() as s:
        assert s.query(Fund).filter_by(name="GOL Piemonte").one().budget_cents == 1_250_50


def test_a_regional_fund_is_given_its_region(qtbot, office_ctx, catalogue, training_area) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.paths.training_dialogs import FundDialog

    open_tab(qtbot, training_area, training_area.funds_tab)
    click(qtbot, training_area.funds_tab.findChild(QPushButton, "fundNew"))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FundDialog)
    assert screens.outside(dialog, screens.SMALL) == []
    assert not dialog.region_combo.isEnabled()  # a national fund (the default kind)
    qtbot.keyClicks(dialog.name_edit, "Regione Toscana voucher")
    dialog.kind_combo.setFocus()
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_End)  # the last kind: Fondo regionale
    assert dialog.region_combo.isEnabled()
    dialog.region_combo.setFocus()
    qtbot.keyClicks(dialog.region_combo, "Toscana")
    qtbot.keyClicks(dialog.budget_edit, "5.000,00")
    assert press_ok(qtbot, dialog), dialog.error_text()
    with office_ctx.read() as s:
        fund = s.query(Fund).filter_by(name="Regione Toscana voucher").one()
        assert (fund.kind, fund.region) == ("regionale", "Toscana")


def test_euro_input_is_read_the_italian_way() -> None:
    assert [parse_euro(t) for t in ("1.250,00", "€ 1250", "1250,5", "12.50", "1.250", "")] == [
        1_250_00,
        1_250_00,
        1_250_50,
        12_50,
        1_250_00,
        None,
    ]


def test_money_is_shown_the_way_the_letters_and_the_services_write_it() -> None:
    for cents in (0, 5, 99, 100, 1_250_00, 250_000_00, 123_456_789, -3_50, -1_250_00):
        assert format_euro(cents) == vouchers.euro(cents)
    assert format_euro(None) == "" and euro_text(1_250_00) == "1.250,00"


def test_a_date_typed_in_a_path_dialog_reads_the_year_as_the_file_does(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, catalogue, training_area
) -> None:
    """A two-digit year means the same year in every dialog: "03/04/78" is 1978 in the course
    dialog as in the worker's file (the path dialogs read it as 2078 before, after the start)."""
    tab = training_area.catalog_tab
    click(qtbot, tab.findChild(QPushButton, "courseNew"))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CourseDialog)
    assert isinstance(dialog.starts_edit, OptionalDateEdit)
    qtbot.keyClicks(dialog.title_edit, "Paghe e contributi")
    qtbot.keyClicks(dialog.hours_edit, "20")
    qtbot.keyClicks(dialog.starts_edit, "1/2/27")
    qtbot.keyClicks(dialog.ends_edit, "03/04/78")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "precede l'inizio" in dialog.error_text("ends_on")
    dialog.ends_edit.clear()
    qtbot.keyClicks(dialog.ends_edit, "30/4/27")
    assert press_ok(qtbot, dialog), dialog.error_text()
    row = next(c for c in training.list_courses(office_ctx) if c.title == "Paghe e contributi")
    assert (row.form.starts_on, row.form.ends_on) == (D(2027, 2, 1), D(2027, 4, 30))


# --------------------------------------------------------------------------- pathways


@pytest.fixture
def pathways_area(qtbot, office_ctx):  # type: ignore[no-untyped-def]
    """Show the area (after the test has made its data): it reads when first shown. The
    fixture keeps the area: the tests hold only its tabs."""
    kept: list[PathwaysArea] = []

    def make() -> PathwaysArea:
        kept.append(show(qtbot, PathwaysArea(office_ctx)))
        return kept[-1]

    return make


def wait_rows(qtbot, table: QTableView, n: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: table.model().rowCount() == n)


def test_a_hire_from_the_offers_tab_closes_the_reinsertion_path(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, pathways_area
) -> None:
    rossi = make_worker(office_ctx, "Rossi", "Mario", skills="carrello elevatore, magazzino")
    gol1 = pathways.open_pathway(office_ctx, rossi, "gol1", start_on=TODAY - dt.timedelta(days=30))
    gol3 = pathways.open_pathway(office_ctx, rossi, "gol3", start_on=TODAY - dt.timedelta(days=30))
    area = pathways_area()
    wait_rows(qtbot, area.pathways_tab.table, 2)
    area.tabs.setCurrentWidget(area.offers_tab)
    offers = area.offers_tab
    qtbot.waitUntil(lambda: offers.employer_combo.count() == 1)  # "Tutte le aziende"

    employer_dialog = offers.new_employer()
    employer_dialog.name_edit.setText("Logistica Astigiana srl")
    employer_dialog.piva_edit.setText("123")
    press_ok(qtbot, employer_dialog)
    assert "Partita IVA" in employer_dialog.error_text("cf_piva")
    employer_dialog.piva_edit.setText(PIVA)
    employer_dialog.comune_edit.setText("Asti")
    assert press_ok(qtbot, employer_dialog)
    assert offers.employer_combo.currentText() == "Logistica Astigiana srl — Asti"

    offer_dialog = offers.new_offer()
    offer_dialog.role_edit.setText("Magazziniere")
    offer_dialog.contract_combo.setCurrentIndex(
        offer_dialog.contract_combo.findData("tempo_determinato")
    )
    offer_dialog.comune_edit.setText("Asti")
    offer_dialog.provincia_edit.setText("at")
    offer_dialog.hours_edit.setText("38,5")
    offer_dialog.skills_edit.setText("magazzino, carrello elevatore")
    assert press_ok(qtbot, offer_dialog)
    assert texts(offers.offer_table, 0) == ["Magazziniere"]
    assert texts(offers.offer_table, 4) == ["38,5"]

    qtbot.waitUntil(lambda: texts(offers.candidate_table, 0) == ["Rossi Mario"])  # read aside
    assert offers.candidate_status.text() == "1 candidato suggerito"
    assert "stesso comune" in texts(offers.candidate_table, 2)[0]
    select(offers.candidate_table, 0, "Rossi Mario")
    click(qtbot, offers.propose_button)
    assert texts(offers.application_table, 1) == ["Proposta"]
    assert "già candidato" in texts(offers.candidate_table, 2)[0]

    select(offers.application_table, 0, "Rossi Mario")
    assert offers.next_combo.currentData() == "inviata"
    click(qtbot, offers.advance_button)
    assert texts(offers.application_table, 1) == ["Inviata all'azienda"]

    select(offers.application_table, 0, "Rossi Mario")
    hire = offers.hire()
    assert hire.contract_combo.currentData() == "tempo_determinato"
    hire.end_edit.setText("01/01/2000")  # before the hire: the service names the field
    press_ok(qtbot, hire)
    assert "precede" in hire.error_text("end_on")
    hire.end_edit.setText("")
    assert press_ok(qtbot, hire)
    with office_ctx.read() as s:
        (h,) = s.query(Hire).all()
        assert (h.worker_id, h.weekly_hours, h.contract_type) == (rossi, 38.5, "tempo_determinato")
        assert s.query(Application).one().status == "assunto"
        assert s.get(Pathway, gol1.id).status == "concluso"

    area.tabs.setCurrentWidget(area.pathways_tab)
    table = area.pathways_tab.table
    qtbot.waitUntil(lambda: "Concluso" in texts(table, 3))
    row = row_of(table, 2, "GOL 1 – Reinserimento lavorativo")
    assert (cell(table, row, 3), cell(table, row, 6)) == ("Concluso", "Ricollocato")
    row = row_of(table, 2, "GOL 3 – Riqualificazione (reskilling)")
    assert (cell(table, row, 3), cell(table, row, 6)) == ("Attivo", "")  # training goes on
    assert pathways.get_pathway(office_ctx, gol3.id).status == "attivo"


def test_closing_a_file_closes_its_open_paths(qtbot, office_ctx, pathways_area) -> None:  # type: ignore[no-untyped-def]
    rossi = make_worker(office_ctx, "Rossi", "Mario")
    verdi = make_worker(office_ctx, "Verdi", "Luca", 2)
    pathways.open_pathway(office_ctx, rossi, "gol2", start_on=TODAY - dt.timedelta(days=40))
    pathways.open_pathway(office_ctx, rossi, "autoimpiego", start_on=TODAY - dt.timedelta(days=20))
    other = pathways.open_pathway(office_ctx, verdi, "gol1")
    tab = pathways_area().pathways_tab
    wait_rows(qtbot, tab.table, 3)
    assert tab.count_label.text() == "3 percorsi — attivo 3"

    select(tab.table, 2, "GOL 2 – Aggiornamento (upskilling)")
    dialog = tab.close_file()
    assert dialog.picker.worker_id == rossi
    assert dialog.open_label.text().startswith("2 percorsi aperti saranno chiusi")
    press_ok(qtbot, dialog)  # no outcome chosen yet: the service asks for it, nothing closes
    assert dialog.error_text("outcome") == "Indicare l'esito con cui chiudere il fascicolo."
    assert workers.get(office_ctx, rossi, audit_open=False).status == "aperto"
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("formato"))
    assert press_ok(qtbot, dialog)
    assert tab.message.text() == "Fascicolo chiuso: chiusi anche 2 percorsi aperti."
    with office_ctx.read() as s:
        assert s.get(Worker, rossi).status == "chiuso"
        rows = {(p.kind, p.status, p.outcome) for p in s.query(Pathway).filter_by(worker_id=rossi)}
        assert rows == {("gol2", "concluso", "formato"), ("autoimpiego", "concluso", "formato")}
        assert s.get(Pathway, other.id).status == "attivo"
    assert sorted(
        zip(texts(tab.table, 0), texts(tab.table, 3), texts(tab.table, 6), strict=True)
    ) == [
        ("Rossi Mario", "Concluso", "Formato"),
        ("Rossi Mario", "Concluso", "Formato"),
        ("Verdi Luca", "Attivo", ""),
    ]

    # The file is closed: a new pathway for Rossi is refused, next to the worker.
    select(tab.table, 0, "Verdi Luca")
    new = tab.new_pathway()
    new.picker.pick("rossi mario")
    press_ok(qtbot, new)
    assert "fascicolo è chiuso" in new.error_text()
    new.reject()


def test_suspend_resume_close_and_open_pathways(qtbot, office_ctx, pathways_area) -> None:  # type: ignore[no-untyped-def]
    rossi = make_worker(office_ctx, "Rossi", "Mario")
    gol1 = pathways.open_pathway(office_ctx, rossi, "gol1", start_on=TODAY - dt.timedelta(days=10))
    tab = pathways_area().pathways_tab
    wait_rows(qtbot, tab.table, 1)
    select(tab.table, 0, "Rossi Mario")
    assert not tab.resume_button.isEnabled()
    click(qtbot, tab.suspend_button)
    assert texts(tab.table, 3) == ["Sospeso"]
    assert pathways.get_pathway(office_ctx, gol1.id).status == "sospeso"
    click(qtbot, tab.resume_button)
    assert pathways.get_pathway(office_ctx, gol1.id).status == "attivo"

    dialog = tab.close_selected()
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("nessun_esito"))
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-30))  # before the start
    press_ok(qtbot, dialog)
    assert "precede" in dialog.error_text("end_on")
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(30))
    dialog.interrupted_check.setChecked(True)
    assert press_ok(qtbot, dialog)
    row = pathways.get_pathway(office_ctx, gol1.id)
    assert (row.status, row.outcome, row.end_on) == ("interrotto", "nessun_esito", TODAY)
    assert (texts(tab.table, 3), texts(tab.table, 6)) == (["Interrotto"], ["Nessun esito"])
    assert not tab.close_button.isEnabled()

    new = tab.new_pathway()  # the selected worker is proposed
    assert new.picker.worker_id == rossi
    new.kind_combo.setCurrentIndex(new.kind_combo.findData("gol1"))
    assert press_ok(qtbot, new)
    assert texts(tab.table, 3).count("Attivo") == 1

    tab.status_combo.setCurrentIndex(tab.status_combo.findText("Interrotto"))
    assert texts(tab.table, 3) == ["Interrotto"]
    assert tab.count_label.text().startswith("2 percorsi")  # counts ignore the status filter


def test_long_pathway_lists_are_paged(qtbot, office_ctx, pathways_area) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        people = [
            Worker(codice_fiscale=f"RSSMRA80A01A{i:03d}X", surname="Rossi", name=f"N{i:03d}")
            for i in range(230)
        ]
        s.add_all(people)
        s.flush()
        s.add_all(
            [Pathway(worker_id=w.id, kind="gol2", status="attivo", start_on=TODAY) for w in people]
        )
    tab = pathways_area().pathways_tab
    tab.reload()
    model = tab.table.model()
    assert isinstance(model, RowsModel)
    assert model.rowCount() == 200 and model.canFetchMore()
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 230)
    assert tab.count_label.text() == "230 percorsi — attivo 230"
    tab.search_edit.setText("n007")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert texts(tab.table, 0) == ["Rossi N007"]


# --------------------------------------------------------------------------- business


@pytest.fixture
def project(office_ctx):  # type: ignore[no-untyped-def]
    rossi = make_worker(office_ctx, "Rossi", "Mario")
    path = pathways.open_pathway(
        office_ctx, rossi, "autoimpiego", start_on=TODAY - dt.timedelta(days=90)
    )
    pid = business.start_project(office_ctx, rossi, "Bar-caffetteria in centro", pathway_id=path.id)
    business.advance_stage(office_ctx, pid, "accompagnamento_ex_ante")
    business.advance_stage(office_ctx, pid, "business_plan_validato")
    return {"id": pid, "worker": rossi, "path": path.id}


@pytest.fixture
def business_area(qtbot, office_ctx, project) -> BusinessArea:  # type: ignore[no-untyped-def]
    area = show(qtbot, BusinessArea(office_ctx))
    qtbot.waitUntil(lambda: area.detail is not None)
    return area


def test_wrong_ateco_is_shown_next_to_its_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, project, business_area
) -> None:
    area = business_area
    assert area.timeline.current == "business_plan_validato"
    dialog = area.open_business()
    dialog.legal_combo.setCurrentIndex(dialog.legal_combo.findData("ditta_individuale"))
    dialog.ateco.edit.setText("99.99.99")
    dialog.vat_edit.setText(PIVA)
    dialog.name_edit.setText("Caffè Alfieri")
    assert not press_ok(qtbot, dialog)
    assert dialog.error_text("ateco_code") == (
        "Il codice ATECO «99.99.99» non esiste nella classificazione ATECO 2025."
    )
    assert dialog.errors["ateco_code"].isVisible()
    assert dialog.error_text("vat_number") == "" and dialog.error_text() == ""
    with office_ctx.read() as s:
        p = s.get(BusinessProject, project["id"])
        assert (p.stage, p.ateco_code, p.opened_on, p.company_name) == (
            "business_plan_validato",
            None,
            None,
            None,
        )
        assert s.get(Pathway, project["path"]).status == "attivo"

    dialog.ateco.edit.clear()
    qtbot.keyClicks(dialog.ateco.edit, "ristorante")
    qtbot.keyClick(dialog.ateco.edit, Qt.Key.Key_Return)  # the first match, the form stays open
    assert dialog.isVisible() and dialog.ateco.code() == "56.11"
    assert dialog.ateco.title_label.text() == "Attività di ristoranti"
    dialog.ateco.edit.clear()
    qtbot.keyClicks(dialog.ateco.edit, "bar caff")  # search as you type
    qtbot.waitUntil(lambda: dialog.ateco.results.count() == 1)  # the list follows the typing
    item = dialog.ateco.results.item(0)
    assert item.text().startswith("56.30.01")
    rect = dialog.ateco.results.visualItemRect(item)
    qtbot.mouseClick(dialog.ateco.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.ateco.code() == "56.30.01"
    assert "bar" in dialog.ateco.title_label.text()
    dialog.vat_edit.setText(BAD_PIVA)
    press_ok(qtbot, dialog)
    assert "cifra di controllo" in dialog.error_text("vat_number")
    assert dialog.error_text("ateco_code") == ""  # the earlier refusal is gone
    dialog.vat_edit.setText(PIVA)
    dialog.comune_edit.setText("Asti")
    assert press_ok(qtbot, dialog)

    with office_ctx.read() as s:
        p = s.get(BusinessProject, project["id"])
        assert (p.stage, p.ateco_code, p.vat_number, p.opened_on) == (
            "avvio_impresa",
            "56.30.01",
            PIVA,
            TODAY,
        )
        assert s.get(Pathway, project["path"]).outcome == "autoimpiego"
    assert texts(area.table, 2) == ["Avvio impresa"]
    assert area.timeline.current == "avvio_impresa"
    assert area.timeline.state_of("business_plan_validato") == "done"
    assert (
        "ATECO 56.30.01" in area.company_label.text()
        and "Caffè Alfieri" in area.company_label.text()
    )


def test_opening_a_business_shows_the_autoimpiego_outcome_in_the_pathways(  # type: ignore[no-untyped-def]
    qtbot, office_ctx
) -> None:
    """Issue 11, major 7: a person with only a proposed GOL 1 path opens a business by
    clicks; the file's pathways then show GOL 1 and the self-employment path concluded with
    outcome "autoimpiego" (no more "GOL 1 · Proposto")."""
    from file_windows import close_all, open_window

    from sportello.gui.paths.business_dialogs import OpenBusinessDialog

    ctx = office_ctx
    bianchi = make_worker(ctx, "Bianchi", "Sara", 3)
    pathways.open_pathway(ctx, bianchi, "gol1", start_on=TODAY - dt.timedelta(days=60),
                          status="proposto")
    pid = business.start_project(ctx, bianchi, "Laboratorio di pasticceria")
    business.advance_stage(ctx, pid, "business_plan_validato")
    area = show(qtbot, BusinessArea(ctx))
    qtbot.waitUntil(lambda: area.detail is not None and area.detail.id == pid)
    click(qtbot, area.open_business_button)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, OpenBusinessDialog)
    dialog.legal_combo.setCurrentIndex(dialog.legal_combo.findData("ditta_individuale"))
    qtbot.keyClicks(dialog.ateco.edit, "10.71.20")
    qtbot.keyClick(dialog.ateco.edit, Qt.Key.Key_Return)
    assert dialog.ateco.code() == "10.71.20"
    qtbot.keyClicks(dialog.vat_edit, PIVA)
    qtbot.keyClicks(dialog.name_edit, "Dolci Bianchi")
    assert screens.outside(dialog, screens.SMALL) == []
    assert press_ok(qtbot, dialog), dialog.error_text()

    window = open_window(qtbot, ctx, bianchi, size=(1024, 600))
    try:
        page = window.pathways
        window.tabs.setCurrentWidget(page)
        rows = {r[0]: r for r in page.rows()}
        assert set(rows) == {"GOL 1 – Reinserimento lavorativo", "Autoimpiego"}, rows
        for row in rows.values():  # kind, status, start, end, outcome
            assert (row[1], row[3], row[4]) == ("Concluso", f"{TODAY:%d/%m/%Y}",
                                                "Autoimpiego"), rows
    finally:
        close_all()


def test_meetings_stages_scia_and_funding(qtbot, office_ctx, project, business_area) -> None:  # type: ignore[no-untyped-def]
    area = business_area
    with office_ctx.write() as s:
        s.add(FundingProgramme(name="Mettersi in proprio"))
    meeting = area.add_meeting()
    press_ok(qtbot, meeting)
    assert "nota" in meeting.error_text("notes")
    meeting.notes_edit.setPlainText("Revisione del piano finanziario")
    assert press_ok(qtbot, meeting)
    assert "Revisione del piano finanziario" in texts(area.event_table, 3)
    with office_ctx.read() as s:
        notes = {e.notes: e.stage for e in s.query(BusinessStageEvent)}
        assert notes["Revisione del piano finanziario"] == "business_plan_validato"

    advance = area.advance_stage()  # avvio impresa needs the business opened first
    assert [advance.stage_combo.itemData(i) for i in range(advance.stage_combo.count())] == []
    press_ok(qtbot, advance)
    assert advance.error_text("stage") != ""
    advance.reject()

    scia = area.new_scia()
    scia.comune_edit.setText("Asti")
    scia.number_edit.setText("SUAP/2026/123")
    assert press_ok(qtbot, scia)
    assert texts(area.filing_table, 3) == ["In attesa"]
    select(area.filing_table, 0, "SCIA SUAP/2026/123")
    outcome = area.scia_outcome()
    outcome.outcome_combo.setCurrentIndex(outcome.outcome_combo.findData("efficace"))
    assert press_ok(qtbot, outcome)
    with office_ctx.read() as s:
        assert s.query(SuapFiling).one().outcome == "efficace"
    assert texts(area.filing_table, 3) == ["Efficace"]

    funding = area.new_funding()
    assert funding.programme_combo.currentText() == "Mettersi in proprio"
    funding.amount_edit.setText("0")
    press_ok(qtbot, funding)
    assert "maggiore di zero" in funding.error_text("requested_cents")
    funding.amount_edit.setText("20.000,00")
    assert press_ok(qtbot, funding)
    assert texts(area.funding_table, 1) == ["€ 20.000,00"]
    select(area.funding_table, 0, "Mettersi in proprio")
    decide = area.decide_funding()
    decide.status_combo.setCurrentIndex(decide.status_combo.findData("ammessa"))
    decide.granted_edit.setText("25.000,00")
    press_ok(qtbot, decide)
    assert "importo richiesto" in decide.error_text("granted_cents")
    decide.granted_edit.setText("15.000,00")
    assert press_ok(qtbot, decide)
    with office_ctx.read() as s:
        r = s.query(FundingRequest).one()
        assert (r.status, r.granted_cents) == ("ammessa", 15_000_00)
    assert (texts(area.funding_table, 2), texts(area.funding_table, 3)) == (
        ["€ 15.000,00"],
        ["Ammessa"],
    )
    select(area.funding_table, 0, "Mettersi in proprio")
    decide = area.decide_funding()
    assert [decide.status_combo.itemData(i) for i in range(decide.status_combo.count())] == [
        "erogata"
    ]
    assert not decide.granted_edit.isVisible()
    decide.reject()


def test_new_project_and_stage_filter(qtbot, office_ctx, project, business_area) -> None:  # type: ignore[no-untyped-def]
    area = business_area
    verdi = make_worker(office_ctx, "Verdi", "Luca", 2)
    dialog = area.new_project()
    qtbot.keyClicks(dialog.picker.search, "verdi")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # takes the first, does not save
    assert dialog.isVisible() and dialog.picker.worker_id == verdi
    assert dialog.picker.chosen.text().startswith("Scelto: Verdi Luca")
    press_ok(qtbot, dialog)
    assert "titolo" in dialog.error_text("title")
    dialog.title_edit.setText("Laboratorio di ceramica")
    assert press_ok(qtbot, dialog)
    assert area.detail is not None and area.detail.title == "Laboratorio di ceramica"
    assert area.count_label.text().startswith("2 progetti")
    area.stage_combo.setCurrentIndex(area.stage_combo.findData("pre_accoglienza"))
    assert texts(area.table, 1) == ["Laboratorio di ceramica"]
    assert not area.open_business_button.isEnabled()  # the plan is not validated yet


def test_a_list_read_before_a_save_does_not_hide_the_project_just_created(  # type: ignore[no-untyped-def]
        qtbot, office_ctx, monkeypatch) -> None:
    """The area's first read, on the read lane, has read the list (empty) but comes back
    only after the new project is saved and listed (a busy machine): that older list must
    not replace the newer one."""
    import threading

    from sportello.gui.paths.business_dialogs import NewProjectDialog

    make_worker(office_ctx, "Gori", "Ettore")
    gate, reading = threading.Event(), threading.Event()
    counted = business.count_by_stage

    def slow_count(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            reading.set()
            gate.wait(30)  # the list is read already; the job ends after the save
        return counted(*args, **kwargs)

    monkeypatch.setattr(business, "count_by_stage", slow_count)
    try:
        area = show(qtbot, BusinessArea(office_ctx))
        qtbot.waitUntil(reading.is_set)
        qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)  # (click() would wait)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewProjectDialog))
        new = QApplication.activeModalWidget()
        qtbot.keyClicks(new.picker.search, "gori")
        qtbot.keyClick(new.picker.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: new.picker.worker_id is not None)
        qtbot.keyClicks(new.title_edit, "Laboratorio di pasticceria")
        qtbot.mouseClick(new.ok_button(), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: area.detail is not None)
    finally:
        gate.set()
    settle(qtbot)  # the older read is back now
    assert area.detail is not None and area.detail.title == "Laboratorio di pasticceria"
    assert area.model.rowCount() == 1
