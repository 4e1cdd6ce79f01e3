"""The worker file's path tabs: a clerk follows one person through each path from the file."""

from __future__ import annotations

import datetime as dt

import pytest
from file_windows import open_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView

from waiting import press_ok, settle
from sportello.core import codice_fiscale as cf
from sportello.core.models import BusinessProject, FileStatus, Hire, Pathway, Voucher, Worker
from sportello.core.services import pathways, placements, training, workers
from sportello.gui.worker_file.window import WorkerFileWindow

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
PIVA = "01234567897"

@pytest.fixture
def rossi(office_ctx) -> int:  # type: ignore[no-untyped-def]
    """A worker from Asti, on GOL 1 for a month, who knows warehouses."""
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=cf.encode("Rossi", "Mario", "M", dt.date(1980, 1, 1), "A479"),
        surname="Rossi", name="Mario", residence_comune="Asti", residence_province="AT",
        skills="magazzino, carrello elevatore"))
    pathways.open_pathway(office_ctx, worker_id, "gol1", start_on=TODAY - dt.timedelta(days=30))
    return worker_id


def open_file(qtbot, ctx, worker_id: int) -> WorkerFileWindow:  # type: ignore[no-untyped-def]
    return open_window(qtbot, ctx, worker_id, size=(1100, 760))


def texts(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done


def accept(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert press_ok(qtbot, dialog), dialog.error_text()


def test_the_work_tab_matches_offers_and_a_hire_closes_the_reinsertion_path(
        qtbot, office_ctx, rossi) -> None:  # type: ignore[no-untyped-def]
    employer = placements.add_employer(office_ctx, name="Logistica Astigiana srl", cf_piva=PIVA,
                                       comune="Asti")
    placements.add_offer(office_ctx, employer_id=employer, role="Magazziniere",
                         contract_type="tempo_determinato", comune="Asti", weekly_hours=38.5,
                         skills="magazzino")
    placements.add_offer(office_ctx, employer_id=employer, role="Cuoco",
                         contract_type="tempo_indeterminato", comune="Cuneo")  # no fit
    window = open_file(qtbot, office_ctx, rossi)
    page = window.work
    assert not page.loaded  # read when first shown
    window.tabs.setCurrentWidget(page)
    assert page.loaded
    assert texts(page.offer_list, 1) == ["Magazziniere"]
    assert "stesso comune" in texts(page.offer_list, 4)[0]
    assert not page.propose_button.isEnabled()  # nothing chosen yet

    page.offer_list.selectRow(0)
    click(qtbot, page.propose_button)
    assert texts(page.application_list, 0) == ["Magazziniere"]
    assert texts(page.application_list, 3) == ["Proposta"]
    assert texts(page.offer_list, 1) == []  # already a candidate: no longer proposed
    assert "proposta" in page.message.text()

    page.application_list.selectRow(0)
    assert page.next_combo.currentData() == "inviata"
    click(qtbot, page.advance_button)
    assert texts(page.application_list, 3) == ["Inviata all'azienda"]

    page.application_list.selectRow(0)
    dialog = page.hire()
    assert dialog is not None and dialog.contract_combo.currentData() == "tempo_determinato"
    accept(qtbot, dialog)
    assert texts(page.hire_list, 0) == ["Logistica Astigiana srl"]
    assert texts(page.application_list, 3) == ["Assunto"]
    assert not page.hire_button.isEnabled()
    with office_ctx.read() as s:
        assert s.query(Hire).one().worker_id == rossi
        assert s.query(Pathway).one().outcome == "ricollocato"

    assert not window.pathways.loaded  # the hire changed the paths: read again when shown
    window.tabs.setCurrentWidget(window.pathways)
    assert window.pathways.rows() == [[
        "GOL 1 – Reinserimento lavorativo", "Concluso",
        (TODAY - dt.timedelta(days=30)).strftime("%d/%m/%Y"), TODAY.strftime("%d/%m/%Y"),
        "Ricollocato"]]


def test_pathways_tab_starts_and_closes_paths_and_closes_the_file(
        qtbot, office_ctx, rossi) -> None:  # type: ignore[no-untyped-def]
    window = open_file(qtbot, office_ctx, rossi)
    page = window.pathways
    window.tabs.setCurrentWidget(page)
    assert [r[:2] for r in page.rows()] == [["GOL 1 – Reinserimento lavorativo", "Attivo"]]
    assert not page.close_button.isEnabled()

    dialog = page.new_pathway()
    assert dialog.picker.worker_id == rossi  # the file's worker, already chosen
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("gol3"))
    accept(qtbot, dialog)
    assert sorted(r[0] for r in page.rows()) == [
        "GOL 1 – Reinserimento lavorativo", "GOL 3 – Riqualificazione (reskilling)"]
    assert "GOL 3" in page.message.text()

    page.list.selectRow([r[0] for r in page.rows()].index("GOL 3 – Riqualificazione (reskilling)"))
    closing = page.close_pathway()
    assert closing is not None
    click(qtbot, closing.ok_button())  # no outcome chosen: refused, named
    assert "esito" in closing.error_text("outcome")
    closing.outcome_combo.setCurrentIndex(closing.outcome_combo.findData("formato"))
    accept(qtbot, closing)
    assert {r[0]: r[1] for r in page.rows()}["GOL 3 – Riqualificazione (reskilling)"] == "Concluso"

    close_file = page.close_file()
    assert "1 percorso aperto" in close_file.open_label.text()
    close_file.outcome_combo.setCurrentIndex(close_file.outcome_combo.findData("nessun_esito"))
    accept(qtbot, close_file)
    assert {r[1] for r in page.rows()} == {"Concluso"}
    with office_ctx.read() as s:
        assert s.get(Worker, rossi).status == FileStatus.CHIUSO
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.status == FileStatus.CHIUSO)
    assert not window.isWindowModified()  # the header follows; nothing left to save


def test_vouchers_tab_requests_approves_and_moves_a_voucher_on(
        qtbot, office_ctx, rossi) -> None:  # type: ignore[no-untyped-def]
    provider = training.create_provider(office_ctx, training.ProviderForm(name="Astiss",
                                                                          cf_piva=PIVA))
    course = training.create_course(office_ctx, training.CourseForm(
        provider_id=provider, title="Lavorare con gli strumenti di IA", hours=20, seats=10,
        cost_cents=800_00, starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=30),
        min_attendance_pct=70, status="programmato"))
    fund = training.create_fund(office_ctx, training.FundForm(
        name="Fondo Nuove Competenze", kind="fnc", budget_cents=10_000_00))
    window = open_file(qtbot, office_ctx, rossi)
    page = window.vouchers
    window.tabs.setCurrentWidget(page)
    assert page.empty.isVisibleTo(window) and texts(page.list, 0) == []

    dialog = page.request()
    assert dialog.picker.worker_id == rossi
    assert dialog.amount_edit.text() == "800,00"
    accept(qtbot, dialog)
    assert texts(page.list, 1) == ["Lavorare con gli strumenti di IA"]
    assert texts(page.list, 4) == ["Richiesto"]
    assert not page.empty.isVisibleTo(window)

    page.list.selectRow(0)
    assert page.approve_button.isEnabled()
    withdraw = page.change_status()  # before approval: withdrawn or revoked only
    assert withdraw is not None
    assert [withdraw.status_combo.itemData(i) for i in range(withdraw.status_combo.count())] == [
        "ritirato", "revocato"]
    withdraw.reject()
    asked: list[str] = []

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == "approveConfirm"):
            QTimer.singleShot(10, confirm)
            return
        asked.append(box.informativeText())
        yes = next(b for b in box.buttons() if b.text().replace("&", "").startswith("Approva"))
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, confirm)
    click(qtbot, page.approve_button)
    assert asked and "€ 800,00 sul fondo «Fondo Nuove Competenze»" in asked[0]
    assert "ne resteranno € 9.200,00" in asked[0]
    assert texts(page.list, 4) == ["Approvato"]
    assert "800,00" in page.message.text()
    assert training.list_funds(office_ctx)[0].remaining_cents == 9_200_00
    assert fund and course

    page.list.selectRow(0)
    status = page.change_status()
    assert status is not None
    status.status_combo.setCurrentIndex(status.status_combo.findData("in_corso"))
    accept(qtbot, status)
    assert texts(page.list, 4) == ["In corso"]
    with office_ctx.read() as s:
        assert s.query(Voucher).one().status == "in_corso"


def test_a_business_project_started_from_the_file(qtbot, office_ctx, rossi) -> None:  # type: ignore[no-untyped-def]
    window = open_file(qtbot, office_ctx, rossi)
    window.tabs.setCurrentWidget(window.work)
    dialog = window.work.new_project()
    assert dialog.picker.worker_id == rossi
    dialog.title_edit.setText("Bar-caffetteria")
    accept(qtbot, dialog)
    assert texts(window.work.project_list, 0) == ["Bar-caffetteria"]
    assert texts(window.work.project_list, 1) == ["Pre-accoglienza"]
    with office_ctx.read() as s:
        assert s.query(BusinessProject).one().worker_id == rossi
    assert QApplication.activeModalWidget() is None
