"""Journey 4 of DESIGN.md, at the clerk's hands: training.

Pick a course from the catalogue → request a voucher → a responsabile approves it against
the fund's budget (confirming the amount) → attendance recorded per lesson in the register
grid → the attestato printed when earned, to a PDF on disk, read back with pypdf.

Only the starting data (office, people, provider, a course that has ended, a fund) is
written through the services; every step of the journey is a click or typing in the real
widgets. The Formazione area and the dialogs are checked at 1024x600 (the worker file
window and the letter preview are opened but not checked: they do not fit yet, issue 11,
point 9, fixed elsewhere). The system's file dialog of "Salva PDF…" answers the path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import screens
from file_windows import open_window
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from waiting import closed, settle
from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.models import Office, Operator, Role, Voucher
from sportello.core.services import training, vouchers, workers
from sportello.gui.areas.training import TrainingArea
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.letters import LetterDialog
from sportello.gui.paths.training_dialogs import VoucherRequestDialog, VoucherStatusDialog

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
PIVA = "01234567897"


# --------------------------------------------------------------------------- the clerk's hands


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), f"{button.objectName()} not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done


def modal(qtbot, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    return QApplication.activeModalWidget()


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry of a combo box by typing its first letters, as with the keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def click_row(qtbot, table: QTableView, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    model = table.model()
    rows = [model.index(r, column).data() for r in range(model.rowCount())]
    assert text in rows, rows
    index = model.index(rows.index(text), column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())


def answer_box(qtbot, name: str, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click ``button`` in the message box ``name`` that the next click opens."""

    def go() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == name):
            QTimer.singleShot(10, go)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        target = next(b for b in box.buttons() if b.text().replace("&", "").startswith(button))
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, go)


def save_pdf_as(monkeypatch, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The system's "Salva PDF" file dialog answers ``path`` (it is the platform's dialog,
    not Sportello's: under the offscreen test platform it cannot be typed into reliably).
    Returns the suggested names it was asked with."""
    asked: list[str] = []

    def answer(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(path), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def fits(widget: QWidget) -> None:
    assert screens.outside(widget, screens.SMALL) == []


# --------------------------------------------------------------------------- starting data


@pytest.fixture
def office(office_ctx):  # type: ignore[no-untyped-def]
    """An office with its letterhead, a clerk and a responsabile, a worker, a provider, a
    12-hour course in three lessons that ended three days ago, a fund of € 5.000,00."""
    ctx = office_ctx
    with ctx.write() as s:
        o = s.get(Office, ctx.actor.office_id)
        o.address, o.cap, o.provincia = "Corso Dante 12", "14100", "AT"
        o.phone, o.email = "0141 433210", "cpi.asti@example.it"
        o.signatory_name, o.signatory_role = "Laura Bertolino", "La Responsabile del CPI"
        clerk = Operator(office_id=o.id, username="carla", full_name="Carla Sportelli",
                         role=Role.OPERATORE)
        boss = Operator(office_id=o.id, username="rita", full_name="Rita Responsabile",
                        role=Role.RESPONSABILE)
        s.add_all([clerk, boss])
        s.flush()
        actors = {op.username: Actor(op.id, op.username, op.full_name, op.role, op.office_id)
                  for op in (clerk, boss)}
    worker = workers.create(ctx, workers.WorkerForm(
        codice_fiscale=cf.encode("Gori", "Ettore", "M", dt.date(1979, 4, 2), "A479"),
        surname="Gori", name="Ettore", sex="M", birth_date=dt.date(1979, 4, 2),
        birth_place="Asti", birth_province="AT", residence_address="Via Roma 1",
        residence_cap="14100", residence_comune="Asti", residence_province="AT"))
    provider = training.create_provider(ctx, training.ProviderForm(
        name="Astiss – Polo universitario", cf_piva=PIVA, accreditation_code="ACC-123"))
    start, end = TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=3)
    course = training.create_course(ctx, training.CourseForm(
        provider_id=provider, title="Lavorare con gli strumenti di IA", code="IA-01", hours=12,
        seats=10, cost_cents=1_800_00, starts_on=start, ends_on=end, min_attendance_pct=70,
        certificate_type="Attestato di frequenza", status="in_corso"))
    lessons = [training.add_session(ctx, course, dt.datetime.combine(day, dt.time(9)), 4,
                                    f"Modulo {i + 1}")
               for i, day in enumerate((start, start + dt.timedelta(days=10), end))]
    fund = training.create_fund(ctx, training.FundForm(
        name="Fondo Nuove Competenze 2026", kind="fnc", year=2026, budget_cents=5_000_00))
    return {"clerk": ctx.acting_as(actors["carla"]), "boss": ctx.acting_as(actors["rita"]),
            "worker": worker, "course": course, "lessons": lessons, "fund": fund,
            "requested": start - dt.timedelta(days=5)}


def show_area(qtbot, ctx) -> TrainingArea:  # type: ignore[no-untyped-def]
    area = TrainingArea(ctx)
    qtbot.addWidget(area)
    area.resize(*screens.SMALL)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: area.catalog_tab.course_model.rowCount() == 1)
    return area


def open_tab(qtbot, area: TrainingArea, tab: QWidget) -> None:  # type: ignore[no-untyped-def]
    bar = area.tabs.tabBar()
    index = area.tabs.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: index in area._loaded)


# --------------------------------------------------------------------------- the journey


def test_journey_4_training_from_the_catalogue_to_the_printed_certificate(  # type: ignore[no-untyped-def]
    qtbot, office, tmp_path, monkeypatch
) -> None:
    # 1. The clerk picks the course in the catalogue and asks for a voucher.
    area = show_area(qtbot, office["clerk"])
    fits(area)
    catalogue = area.catalog_tab
    click_row(qtbot, catalogue.course_table, 0, "Lavorare con gli strumenti di IA")
    assert catalogue.course_label.text() == "IA-01 · Attestato di frequenza"
    assert catalogue.session_model.rowCount() == 3  # its lessons, shown with it
    open_tab(qtbot, area, area.vouchers_tab)
    click(qtbot, area.vouchers_tab.request_button)
    request = modal(qtbot, VoucherRequestDialog)
    fits(request)
    qtbot.keyClicks(request.picker.search, "gori")
    qtbot.keyClick(request.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: request.picker.worker_id == office["worker"])
    choose(qtbot, request.course_combo, "Lavorare con gli strumenti di IA")
    choose(qtbot, request.fund_combo, "Fondo Nuove Competenze 2026")
    assert request.amount_edit.text() == "1.800,00"  # the course's cost
    request.amount_edit.setFocus()  # Tab from the amount into the date, then its digits
    qtbot.keyClick(request.amount_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is request.requested_edit
    qtbot.keyClicks(request.requested_edit, office["requested"].strftime("%d%m%Y"))
    assert request.requested_edit.date() == QDate(office["requested"])
    click(qtbot, request.ok_button())
    assert closed(request), request.error_text()
    with office["clerk"].read() as s:
        voucher = s.query(Voucher).one()
        assert (voucher.status, voucher.amount_cents, voucher.requested_on) == (
            "richiesto", 1_800_00, office["requested"])
    voucher_id = voucher.id

    # 2. The clerk may not approve € 1.800,00 (over the € 1.500,00 threshold)...
    click_row(qtbot, area.vouchers_tab.table, 1, "Gori Ettore")
    seen: list[str] = []
    answer_box(qtbot, "approveConfirm", "Approva", seen)
    click(qtbot, area.vouchers_tab.approve_button)
    assert "Solo un responsabile" in area.vouchers_tab.message.text()
    assert vouchers.get(office["clerk"], voucher_id).status == "richiesto"

    # ...the responsabile does, against the fund's budget, after confirming the amount.
    boss = show_area(qtbot, office["boss"])
    open_tab(qtbot, boss, boss.vouchers_tab)
    click_row(qtbot, boss.vouchers_tab.table, 1, "Gori Ettore")
    seen.clear()
    answer_box(qtbot, "approveConfirm", "Approva e impegna € 1.800,00", seen)
    click(qtbot, boss.vouchers_tab.approve_button)
    assert "Si impegnano € 1.800,00 sul fondo «Fondo Nuove Competenze 2026»" in seen[0]
    assert "ne resteranno € 3.200,00" in seen[0]
    assert "restano € 3.200,00" in boss.vouchers_tab.message.text()
    assert vouchers.fund(office["boss"], office["fund"]).remaining_cents == 3_200_00

    # 3. Attendance, per lesson, in the course's register grid: one save for the three.
    open_tab(qtbot, boss, boss.register_tab)
    register = boss.register_tab
    choose(qtbot, register.course_combo, "Lavorare con gli strumenti di IA")
    fits(boss)
    for lesson in office["lessons"]:
        box = register.box(voucher_id, lesson)
        register.table.scrollTo(register.table.indexAt(box.parentWidget().pos()))
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        assert box.isChecked()
    click(qtbot, register.save_button)
    assert register.message.text() == "Presenze salvate: 3 caselle.", register.message.text()
    info = vouchers.get(office["boss"], voucher_id)
    assert (info.status, info.hours_attended, info.attendance_pct) == ("in_corso", 12, 100.0)

    # 4. The course has ended: the voucher is concluded, the certificate is earned.
    open_tab(qtbot, boss, boss.vouchers_tab)
    click_row(qtbot, boss.vouchers_tab.table, 1, "Gori Ettore")
    click(qtbot, boss.vouchers_tab.status_button)
    status = modal(qtbot, VoucherStatusDialog)
    choose(qtbot, status.status_combo, "Concluso")
    click(qtbot, status.ok_button())
    assert closed(status), status.error_text()
    assert vouchers.get(office["boss"], voucher_id).certificate_eligible

    # 5. The attestato, from the worker's file: issued, protocolled, saved as a PDF.
    window = open_window(qtbot, office["boss"], office["worker"], size=screens.SMALL)
    assert screens.outside(window, screens.SMALL) == []
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(window.tabs.indexOf(window.letters)).center())
    click(qtbot, window.letters.new_button)
    letter = modal(qtbot, LetterDialog)
    fits(letter)
    choose(qtbot, letter.template_combo, "Attestato di frequenza")
    assert letter.issue_button.isEnabled(), letter.missing_label.text()
    click(qtbot, letter.issue_button)
    preview = modal(qtbot, PdfPreviewDialog)
    target = tmp_path / "attestato-gori.pdf"
    asked = save_pdf_as(monkeypatch, target)
    click(qtbot, preview.save_button)  # "Salva PDF…"
    assert asked and asked[0].endswith(".pdf")
    qtbot.waitUntil(target.exists)
    preview.reject()

    text = pdf_text(target)
    for words in ("ATTESTATO DI FREQUENZA", "Ettore Gori", "«Lavorare con gli strumenti di IA»",
                  "Astiss – Polo universitario", "Fondo Nuove Competenze 2026", "12 ore",
                  "100%", "Laura Bertolino"):
        assert words in text, (words, text)
    assert f"/{TODAY.year}" in text  # the protocol number
    with office["boss"].read() as s:
        assert s.get(Voucher, voucher_id).certificate_issued_on == TODAY
