"""Amministrazione: operators, backups (on request, on closing, at start), the audit viewer,
privacy (access request, anonymisation)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox
from waiting import closed, press_ok, settle

from sportello.core import db
from sportello.core.context import Actor
from sportello.core.models import FileStatus, Worker
from sportello.core.services import audit_log, backups, operators
from sportello.core.services.operators import OperatorData
from sportello.gui import app
from sportello.gui.admin.backups_tab import BackupsTab
from sportello.gui.admin.dialog import AdminDialog
from sportello.gui.admin.operators_tab import OperatorDialog, OperatorsTab
from sportello.gui.admin.privacy_tab import AnonymiseDialog, PrivacyTab
from sportello.gui.dialogs.audit_viewer import AuditViewer

pytestmark = pytest.mark.gui

CF = "RSSNCL78D03A479X"


def as_operatore(ctx) -> object:  # type: ignore[no-untyped-def]
    info = operators.create_operator(ctx, OperatorData("mario.rossi", "Mario Rossi",
                                                       "provvisoria1", "operatore"))
    return ctx.acting_as(Actor(info.id, info.username, info.full_name, info.role, info.office_id))


def add_worker(ctx, cf: str = CF, **extra) -> int:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w = Worker(codice_fiscale=cf, surname="Rossi", name="Niccolò", **extra)
        s.add(w)
        s.flush()
        return w.id


def fill_new_operator(qtbot, dialog: OperatorDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.username_edit, "lucia.verdi")
    qtbot.keyClicks(dialog.name_edit, "Lucia Verdi")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("responsabile"))
    qtbot.keyClicks(dialog.password_edit, "provvisoria2")
    qtbot.keyClicks(dialog.confirm_edit, "provvisoria2")


# --------------------------------------------------------------------------- operators


def test_an_operatore_is_refused_with_the_services_message(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = as_operatore(office_ctx)
    tab = OperatorsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 2  # anyone may see the list
    dialog = tab.new()
    fill_new_operator(qtbot, dialog)
    assert not press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text() == ("Solo un amministratore (o un ruolo superiore) può creare un "
                                   "operatore; Mario Rossi è operatore.")
    assert tab.model.rowCount() == 2
    dialog.reject()


def test_administrator_creates_resets_and_unlocks(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    admin = AdminDialog(office_ctx)
    qtbot.addWidget(admin)
    tab = admin.operators_tab
    dialog = tab.new()
    fill_new_operator(qtbot, dialog)
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert closed(dialog)
    names = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert "lucia.verdi" in names
    assert tab.message.text() == "Operatore Lucia Verdi (lucia.verdi) creato."
    row = names.index("lucia.verdi")
    assert tab.model.index(row, 2).data() == "Responsabile"
    assert tab.model.index(row, 3).data() == "sì"

    # five wrong passwords lock her out; the list shows until when; Sblocca lifts it
    operators.set_policy(office_ctx, operators.SecurityPolicy(max_failures=1, delay_seconds=0,
                                                              max_delay_seconds=0))
    with pytest.raises(operators.WrongCredentials):
        operators.authenticate(office_ctx, "lucia.verdi", "sbagliata")
    tab.load()
    tab.table.selectRow(row)
    assert tab.model.index(row, 4).data() != ""
    tab.unlock_button.click()
    settle(qtbot)
    assert tab.model.index(row, 4).data() == ""
    assert tab.message.text() == "Account di Lucia Verdi sbloccato."

    reset = tab.reset()
    qtbot.keyClicks(reset.password_edit, "altra-prova1")
    qtbot.keyClicks(reset.confirm_edit, "altra-prova1")
    assert press_ok(qtbot, reset)
    assert operators.authenticate(office_ctx, "lucia.verdi", "altra-prova1")
    assert operators.get_operator(office_ctx, tab.model.rows[row].id).must_change_password

    # the last administrator cannot be deactivated: the core says so in the dialog
    admin_row = names.index("admin")
    tab.table.selectRow(admin_row)
    edit = tab.edit()
    edit.active_check.setChecked(False)
    assert not press_ok(qtbot, edit)
    assert edit.isVisible() and "almeno un amministratore attivo" in edit.error_text("role")
    edit.reject()


def test_security_rules_are_saved_and_refused_to_an_operatore(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    admin = AdminDialog(office_ctx)
    qtbot.addWidget(admin)
    tab = admin.security_tab
    tab.idle_spin.setValue(3)
    tab.save_button.click()
    settle(qtbot)
    assert tab.message.text() == "Regole di accesso salvate."
    assert operators.idle_lock_minutes(office_ctx) == 3
    other = AdminDialog(as_operatore(office_ctx))
    qtbot.addWidget(other)
    other.security_tab.idle_spin.setValue(0)
    other.security_tab.save_button.click()
    settle(qtbot)
    assert other.security_tab.message.is_error
    assert "Solo un amministratore" in other.security_tab.message.text()
    assert operators.idle_lock_minutes(office_ctx) == 3


# --------------------------------------------------------------------------- backups


def test_backup_now_is_made_verified_and_listed(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    tab = BackupsTab(office_ctx)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 0
    task = tab.backup_now()
    qtbot.waitUntil(lambda: task.isFinished() and tab.model.rowCount() == 1, timeout=20000)
    assert tab.model.index(0, 1).data() == "manuale"
    assert tab.model.index(0, 3).data() == "sì"
    name = tab.model.index(0, 4).data()
    assert name.startswith("sportello-") and name.endswith("-manuale.db")
    assert tab.message.text().startswith(f"Copia verificata: {name}")


def test_restore_asks_naming_the_copy_then_closes_the_window(qtbot, office_ctx,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    info = backups.create_backup(office_ctx)
    add_worker(office_ctx)  # after the copy: the restore takes it away
    from sportello.gui.main_window import MainWindow

    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.show()
    admin = window.show_admin()
    tab = admin.backups_tab
    row = next(i for i, b in enumerate(tab.model.rows) if b.path == info.path)
    tab.table.selectRow(row)
    asked: list[str] = []

    def answer(box: QMessageBox, text: str) -> None:
        asked.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text().startswith(text)).click()

    when = f"{info.created_at:%d/%m/%Y %H:%M}"
    QTimer.singleShot(0, lambda: answer(QApplication.activeModalWidget(), "Annulla"))
    assert tab.restore_selected() is False
    assert f"copia del {when}" in asked[0] and str(info.path) in asked[0]
    with office_ctx.read() as s:
        assert s.query(Worker).count() == 1

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    QTimer.singleShot(0, lambda: answer(QApplication.activeModalWidget(), "Ripristina"))
    assert tab.restore_selected() is True
    assert not window.isVisible()  # Sportello closes; reopened on the restored data
    with office_ctx.read() as s:
        assert s.query(Worker).count() == 0


def test_closing_the_program_makes_the_automatic_backup(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window = app.start(office_ctx.engine.url.render_as_string(hide_password=False))
    assert not isinstance(window, int)
    add_worker(office_ctx)
    session = window.operator_session
    assert backups.list_backups(office_ctx) == []
    window.close()
    qtbot.waitUntil(lambda: session.backup_task is not None and session.backup_task.isFinished(),
                    timeout=20000)
    made = backups.list_backups(office_ctx)
    assert [b.kind for b in made] == ["automatica"] and made[0].verified


def _corrupt(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(os.urandom(size // 3))


def test_damaged_database_at_start_offers_the_latest_good_copy(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    for n in range(40):
        add_worker(office_ctx, cf=f"TST{n:013d}", notes="x" * 400)
    good = backups.auto_backup(office_ctx)
    assert good is not None
    live = db.sqlite_path(office_ctx.engine)
    url = office_ctx.engine.url.render_as_string(hide_password=False)
    office_ctx.close()
    _corrupt(live)
    assert not backups.startup_check(url).ok
    seen: list[str] = []

    def restore() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == "damagedDatabase"):
            QTimer.singleShot(20, restore)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        QTimer.singleShot(0, log_in)
        next(b for b in box.buttons() if b.text().startswith("&Ripristina")).click()

    def log_in() -> None:  # an administrator of the copy, with the password it had then
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "restoreLogin":
            QTimer.singleShot(20, log_in)
            return
        user = dialog.findChild(QLineEdit, "loginUsername")
        password = dialog.findChild(QLineEdit, "loginPassword")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        if not seen[1:]:  # first a wrong password: refused, the dialog stays
            qtbot.keyClicks(user, "admin")
            qtbot.keyClicks(password, "sbagliata1")
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            seen.append(dialog.findChild(QLabel, "loginMessage").text())
            QTimer.singleShot(0, log_in)
            return
        password.clear()
        qtbot.keyClicks(password, "prova1234")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, restore)
    window = app.start(url)
    assert not isinstance(window, int), window
    qtbot.addWidget(window)
    assert "danneggiato" in seen[0]
    assert "nome utente e questa password" in seen[1]
    assert f"{good.created_at:%d/%m/%Y %H:%M}" in seen[0] and str(good.path) in seen[0]
    assert backups.startup_check(url).ok
    window.areas[0].refresh_count()
    qtbot.waitUntil(lambda: window.areas[0].count_label.text() == "40 lavoratori")
    window.operator_session.idle.stop()


def test_damaged_database_quit_leaves_it_alone(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    add_worker(office_ctx, notes="y" * 20000)
    assert backups.auto_backup(office_ctx) is not None
    live = db.sqlite_path(office_ctx.engine)
    url = office_ctx.engine.url.render_as_string(hide_password=False)
    office_ctx.close()
    _corrupt(live)
    damaged = live.read_bytes()

    def quit_() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == "damagedDatabase"):
            QTimer.singleShot(20, quit_)
            return
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, quit_)
    assert app.start(url) == app.EXIT_OK
    assert live.read_bytes() == damaged


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table``: the file still opens, quick_check fails."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                           (table,)).fetchone()[0]
    finally:
        con.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)


def _answer_damaged_box(qtbot, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the "database danneggiato" box shows, record it and click ``button``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == "damagedDatabase"):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text().startswith(button)),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def _answer_restore_login(qtbot, password: str = "prova1234") -> None:  # type: ignore[no-untyped-def]
    """When the restore asks for an administrator of the copy: type the name and password."""

    def log_in() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "restoreLogin":
            QTimer.singleShot(20, log_in)
            return
        qtbot.keyClicks(dialog.findChild(QLineEdit, "loginUsername"), "admin")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "loginPassword"), password)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, log_in)


@pytest.fixture
def damaged_after_start(office_ctx):  # type: ignore[no-untyped-def]
    """A database that opens and lists its files but fails quick_check, and a good copy."""
    for n in range(3):
        add_worker(office_ctx, cf=f"TST{n:013d}")
    good = backups.auto_backup(office_ctx)
    assert good is not None
    live = db.sqlite_path(office_ctx.engine)
    url = office_ctx.engine.url.render_as_string(hide_password=False)
    office_ctx.close()
    _damage_table(live, "audit_log")
    assert not backups.startup_check(url).ok
    return url, good


def test_damage_found_after_start_refuses_writes_and_keeps_the_lists(  # type: ignore[no-untyped-def]
        qtbot, damaged_after_start, monkeypatch) -> None:
    url, _good = damaged_after_start
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: told.append(text))
    seen: list[str] = []
    _answer_damaged_box(qtbot, "&Continua", seen)
    window = app.start(url)  # the window does not wait for the check
    assert not isinstance(window, int), window
    qtbot.addWidget(window)
    window.operator_session.idle.stop()
    area = window.workers_area
    qtbot.waitUntil(lambda: area.count_label.text() == "3 lavoratori")  # listed anyway
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)  # then the check, in the background
    assert "danneggiato" in seen[0] and "non si può salvare né aprire un fascicolo" in seen[0]
    area.table.setFocus()
    area.table.selectRow(0)
    qtbot.keyClick(area.table, Qt.Key.Key_Return)  # opening a file is recorded: refused
    qtbot.waitUntil(lambda: bool(told))
    assert "danneggiato" in told[0] and area.open_windows() == []


def test_damage_found_after_start_restores_the_good_copy_and_closes(  # type: ignore[no-untyped-def]
        qtbot, damaged_after_start, monkeypatch) -> None:
    url, good = damaged_after_start
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *_a: informed.append(text))
    seen: list[str] = []
    _answer_damaged_box(qtbot, "&Ripristina", seen)
    _answer_restore_login(qtbot)
    window = app.start(url)
    assert not isinstance(window, int), window
    qtbot.addWidget(window)
    window.operator_session.idle.stop()
    qtbot.waitUntil(lambda: bool(informed), timeout=20_000)
    assert f"{good.created_at:%d/%m/%Y %H:%M}" in seen[0] and str(good.path) in seen[0]
    assert "Sportello ora si chiude" in informed[0]
    assert not window.isVisible()
    assert backups.startup_check(url).ok


# --------------------------------------------------------------------------- audit viewer


def test_audit_viewer_filters_by_action_and_shows_the_login(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    operators.authenticate(office_ctx, "admin", "prova1234")
    add_worker(office_ctx)
    viewer = AuditViewer(office_ctx)
    qtbot.addWidget(viewer)
    viewer.show()
    everything = viewer.total
    assert everything > 1
    viewer.action_combo.setCurrentIndex(viewer.action_combo.findText("accesso"))
    qtbot.mouseClick(viewer.apply_button, Qt.MouseButton.LeftButton)
    assert viewer.model.rowCount() == 1 and viewer.count_label.text() == "1 riga"
    assert viewer.model.index(0, 1).data() == "Anna Amministratrice"
    assert viewer.model.index(0, 2).data() == "accesso"
    assert viewer.model.index(0, 3).data() == "operatore 1"

    # the worker's creation, with its values in the detail pane
    viewer.action_combo.setCurrentIndex(0)
    viewer.worker_edit.setText(CF.lower())
    qtbot.keyClick(viewer.worker_edit, Qt.Key.Key_Return)
    assert viewer.model.rowCount() == 1
    viewer.table.selectRow(0)
    assert "codice_fiscale: — → RSSNCL78D03A479X" in viewer.detail.toPlainText()

    viewer.worker_edit.setText("XXXXXX00X00X000X")
    viewer.apply()
    assert viewer.message.is_error and "Nessun fascicolo" in viewer.message.text()
    # no way to change the log from here: the table is read-only
    assert viewer.table.editTriggers() == viewer.table.EditTrigger.NoEditTriggers


def test_audit_export_writes_the_filtered_rows(qtbot, office_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    operators.authenticate(office_ctx, "admin", "prova1234")
    viewer = AuditViewer(office_ctx)
    qtbot.addWidget(viewer)
    viewer.action_combo.setCurrentIndex(viewer.action_combo.findText("accesso"))
    viewer.apply()
    out = tmp_path / "registro.xlsx"
    task = viewer.export(str(out))
    # the result comes back to the GUI thread as a signal: wait for what the clerk sees
    qtbot.waitUntil(lambda: not viewer.message.isHidden(), timeout=20000)
    assert task.isFinished() and out.exists()
    assert viewer.message.text() == f"Esportata 1 riga in {out}."
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet.cell(2, 5).value == "accesso"


def test_audit_viewer_refuses_an_operatore(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    viewer = AuditViewer(as_operatore(office_ctx))
    qtbot.addWidget(viewer)
    assert viewer.model.rowCount() == 0
    assert "consultare il registro delle attività" in viewer.message.text()
    assert not viewer.export_button.isEnabled()


# --------------------------------------------------------------------------- privacy


def test_access_request_from_the_worker_file_writes_xlsx_and_pdf(qtbot, office_ctx,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    from file_windows import open_window

    worker_id = add_worker(office_ctx)
    window = open_window(qtbot, office_ctx, worker_id)
    assert window.access_button.isVisible()
    result = window.access_request(str(tmp_path))
    assert result is not None
    assert result.xlsx.exists() and result.pdf.exists()
    assert result.xlsx.name == f"accesso-{CF}-{dt.date.today():%Y%m%d}.xlsx"
    box = window.findChild(QMessageBox, "accessRequestDone")
    assert box is not None and str(result.pdf) in box.text()
    box.close()
    page = audit_log.query(office_ctx, audit_log.AuditFilter(action="access_request"))
    assert page.total == 1


def test_access_request_from_the_privacy_tab_and_refusal(qtbot, office_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    add_worker(office_ctx)
    tab = PrivacyTab(office_ctx)
    qtbot.addWidget(tab)
    tab.cf_edit.setText("rssncl78d03a479x")
    result = tab.access_request(str(tmp_path))
    assert result is not None and result.pdf.exists()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, m, *a: warned.append(m))
    other = PrivacyTab(as_operatore(office_ctx))
    qtbot.addWidget(other)
    other.cf_edit.setText(CF)
    assert other.access_request(str(tmp_path / "no")) is None
    assert "Solo un responsabile" in warned[0]
    assert not (tmp_path / "no").exists()


def test_anonymise_lists_first_then_asks(qtbot, office_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old = add_worker(office_ctx, status=FileStatus.CHIUSO,
                     closed_on=dt.date.today() - dt.timedelta(days=6 * 365))
    add_worker(office_ctx, cf="BNCMRA85T41L219Y", status=FileStatus.CHIUSO,
               closed_on=dt.date.today() - dt.timedelta(days=10))
    tab = PrivacyTab(office_ctx)
    qtbot.addWidget(tab)
    dialog = tab.anonymise()
    assert isinstance(dialog, AnonymiseDialog)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == CF
    assert dialog.run_button.text() == "Anonimizza 1 fascicolo"
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    assert dialog.run() is None  # said no: nothing changes
    with office_ctx.read() as s:
        assert s.get(Worker, old).codice_fiscale == CF
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    task = dialog.run()
    assert task is not None
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    qtbot.waitUntil(task.isFinished)
    assert dialog.message.text() == "1 fascicolo anonimizzato."
    with office_ctx.read() as s:
        assert s.get(Worker, old).codice_fiscale.startswith("ANON")
    dialog.reject()
