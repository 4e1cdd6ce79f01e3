"""First-run wizard: errors shown at the field they name, nothing saved until all is valid."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from sportello.core.bootstrap import bootstrap
from sportello.core.errors import ValidationError
from sportello.core.services import setup
from sportello.gui.first_run import FirstRunWizard

pytestmark = pytest.mark.gui

OFFICE = {
    "code": "cpi-at", "name": "Centro per l'Impiego di Asti", "comune": "Asti", "cap": "14100",
    "provincia": "at", "address": "Via Roma 1", "phone": "0141 123456",
    "signatory_name": "Mario Rossi", "signatory_role": "Responsabile",
}


@pytest.fixture
def empty_ctx(sqlite_url: str):  # type: ignore[no-untyped-def]
    ctx = bootstrap(sqlite_url)
    yield ctx
    ctx.close()


@pytest.fixture
def wizard(qtbot, empty_ctx) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    w = FirstRunWizard(empty_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def when_wizard_is_up(action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` once the first-run wizard is the modal window (start() shows the main
    window and turns the event loop before it opens the database and the wizard)."""
    def poll() -> None:
        if isinstance(QApplication.activeModalWidget(), FirstRunWizard):
            action()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_into(qtbot, wizard: FirstRunWizard, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Type like a user (keyClicks), so textEdited fires and errors clear as they would."""
    for name, text in values.items():
        edit = wizard.field_widget(name)
        edit.clear()
        qtbot.keyClicks(edit, text)


def fill_office(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, wizard, {k: OFFICE[k] for k in ("code", "name", "address", "comune", "cap",
                                                        "provincia")})
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.CONTACTS
    type_into(qtbot, wizard, {k: OFFICE[k] for k in ("phone", "signatory_name", "signatory_role")})
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN


def test_short_password_is_refused_in_italian_at_the_field_and_nothing_is_saved(
    qtbot, wizard: FirstRunWizard, empty_ctx  # type: ignore[no-untyped-def]
) -> None:
    fill_office(qtbot, wizard)
    type_into(qtbot, wizard, {"username": "a.bianchi", "full_name": "Anna Bianchi",
                              "password": "abc12", "password_confirm": "abc12"})
    wizard.next()

    assert wizard.currentId() == FirstRunWizard.ADMIN  # the wizard did not move on
    assert wizard.field_error("password") == "La password deve avere almeno 8 caratteri."
    assert wizard.findChild(type(wizard.field_widget("password")), "password").hasFocus()
    assert not setup.is_initialised(empty_ctx)

    # typing in the field clears its error; a good password passes
    type_into(qtbot, wizard, {"password": "prova1234"})
    assert wizard.field_error("password") == ""
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN
    assert wizard.field_error("password_confirm") == "Le due password non coincidono."
    type_into(qtbot, wizard, {"password_confirm": "prova1234"})
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.FINISH
    assert not setup.is_initialised(empty_ctx)


def test_office_errors_come_from_the_service_and_stop_on_their_page(
    qtbot, wizard: FirstRunWizard, empty_ctx  # type: ignore[no-untyped-def]
) -> None:
    type_into(qtbot, wizard, {"code": "CPI-AT", "name": "CPI Asti", "cap": "141"})
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.OFFICE
    assert wizard.field_error("cap") == "Il CAP deve avere 5 cifre."
    assert wizard.field_error("code") == ""
    wizard.field_widget("name").clear()
    type_into(qtbot, wizard, {"cap": "14100"})
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.OFFICE
    assert wizard.field_error("name") == "Il nome dell'ufficio è obbligatorio."
    assert not setup.is_initialised(empty_ctx)


def test_every_field_the_service_can_name_has_a_place_in_the_wizard(
    wizard: FirstRunWizard,
) -> None:
    office_fields = [f.name for f in dataclasses.fields(setup.OfficeData)]
    admin_fields = [f.name for f in dataclasses.fields(setup.AdminData) if f.name != "email"]
    for name in office_fields + admin_fields:
        assert wizard.field_widget(name) is not None


def test_error_on_finish_goes_back_to_its_field(
    qtbot, wizard: FirstRunWizard, empty_ctx  # type: ignore[no-untyped-def]
) -> None:
    fill_office(qtbot, wizard)
    type_into(qtbot, wizard, {"username": "admin", "full_name": "Anna Bianchi",
                              "password": "prova1234", "password_confirm": "prova1234"})
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.FINISH
    assert "CPI-AT" in wizard.summary.text() and "Anna Bianchi" in wizard.summary.text()

    wizard.show_validation_error(ValidationError("Il CAP deve avere 5 cifre.", "cap"))
    assert wizard.currentId() == FirstRunWizard.OFFICE
    assert wizard.field_error("cap") == "Il CAP deve avere 5 cifre."
    assert wizard.field_widget("cap").hasFocus()


def test_finish_when_someone_else_configured_meanwhile_keeps_the_wizard_open(
    qtbot, wizard: FirstRunWizard, empty_ctx  # type: ignore[no-untyped-def]
) -> None:
    fill_office(qtbot, wizard)
    type_into(qtbot, wizard, {"username": "a.bianchi", "full_name": "Anna Bianchi",
                              "password": "prova1234", "password_confirm": "prova1234"})
    wizard.next()
    # another PC on the same database finishes first
    setup.initialise(empty_ctx, setup.OfficeData(code="ALTRO", name="Altro ufficio"),
                     setup.AdminData(username="altro", full_name="Altro", password="prova1234"))

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert wizard.isVisible()
    assert wizard.actor is None
    assert wizard.page_error() == "Il database è già stato configurato."
    assert setup.default_actor(empty_ctx).username == "altro"  # ours was not added


def test_correct_data_creates_office_and_admin_and_opens_the_main_window(
    qtbot, sqlite_url: str  # type: ignore[no-untyped-def]
) -> None:
    from sportello.gui import app

    problems: list[str] = []

    def drive_wizard() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):
            problems.append(f"atteso il wizard, trovato {wizard!r}")
            if wizard is not None:
                wizard.close()
            return
        try:
            fill_office(qtbot, wizard)
            type_into(qtbot, wizard, {"username": "A.Bianchi", "full_name": "Anna Bianchi",
                                      "password": "prova1234", "password_confirm": "prova1234"})
            wizard.next()
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                             Qt.MouseButton.LeftButton)
        except Exception as exc:  # never leave a modal wizard hanging the test
            problems.append(repr(exc))
        finally:
            if wizard.isVisible():
                problems.append(f"il wizard è rimasto aperto: {wizard.page_error()!r}")
                wizard.reject()

    when_wizard_is_up(drive_wizard)
    window = app.start(sqlite_url)
    assert problems == []
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    try:
        assert window.windowTitle() == "Sportello — Centro per l'Impiego di Asti"
        assert window.operator_label.text() == "Operatore: Anna Bianchi"
        ctx = window.ctx
        assert setup.is_initialised(ctx)
        actor = setup.default_actor(ctx)
        assert actor is not None and actor.username == "a.bianchi"
        from sportello.core.models import Office

        with ctx.read() as s:
            office = s.query(Office).one()
        assert (office.code, office.cap, office.provincia, office.signatory_name) == (
            "CPI-AT", "14100", "AT", "Mario Rossi")
    finally:
        window.close()
        window.ctx.close()


def test_cancelling_the_wizard_exits_cleanly_without_saving(qtbot, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui import app

    def cancel() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            widget.reject()

    when_wizard_is_up(cancel)
    assert app.start(sqlite_url) == app.EXIT_OK
    ctx = bootstrap(sqlite_url)
    try:
        assert not setup.is_initialised(ctx)
    finally:
        ctx.close()


def test_demo_data_load_off_the_gui_thread(qtbot, wizard: FirstRunWizard, empty_ctx) -> None:  # type: ignore[no-untyped-def]
    import threading

    from sportello import demo

    real_generate = demo.generate
    threads: list[threading.Thread] = []

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real_generate(*args, **kwargs)

    fill_office(qtbot, wizard)
    type_into(qtbot, wizard, {"username": "a.bianchi", "full_name": "Anna Bianchi",
                              "password": "prova1234", "password_confirm": "prova1234"})
    wizard.next()
    assert wizard.demo_box.isVisibleTo(wizard)
    assert wizard.demo_workers.value() == 300
    wizard.demo_box.setChecked(True)
    wizard.demo_workers.setValue(12)
    import unittest.mock

    with unittest.mock.patch.object(demo, "generate", spy):
        with qtbot.waitSignal(wizard.finished, timeout=120_000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
            assert wizard.busy
    assert threads and threads[0] is not threading.main_thread()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert setup.worker_count(empty_ctx) == 12
    assert wizard.demo_report == "Dati dimostrativi caricati."
    assert any("lavoratori: 12" in line for line in wizard.demo_summary)


def test_cancelling_demo_data_keeps_the_office_and_writes_no_workers(
    qtbot, wizard: FirstRunWizard, empty_ctx  # type: ignore[no-untyped-def]
) -> None:
    import threading
    import unittest.mock

    from PySide6.QtWidgets import QPushButton

    from sportello import demo

    real_generate = demo.generate
    cancel_clicked = threading.Event()

    def held_until_cancel(ctx, workers, seed=2026, progress=None):  # type: ignore[no-untyped-def]
        def gated(done: int, total: int) -> bool:
            cancel_clicked.wait(30)  # the clerk presses Annulla while the data is generated
            return progress(done, total)

        return real_generate(ctx, workers=workers, seed=seed, progress=gated)

    fill_office(qtbot, wizard)
    type_into(qtbot, wizard, {"username": "a.bianchi", "full_name": "Anna Bianchi",
                              "password": "prova1234", "password_confirm": "prova1234"})
    wizard.next()
    wizard.demo_box.setChecked(True)
    wizard.demo_workers.setValue(20)
    with unittest.mock.patch.object(demo, "generate", held_until_cancel):
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.busy
        qtbot.waitUntil(lambda: wizard.progress.isVisible())
        wizard.reject()  # Esc/Annulla on the wizard is ignored while loading
        assert wizard.isVisible()
        with qtbot.waitSignal(wizard.finished, timeout=60_000):
            wizard.progress.findChild(QPushButton).click()
            cancel_clicked.set()
    assert setup.is_initialised(empty_ctx)  # the office was saved before the demo data
    assert setup.worker_count(empty_ctx) == 0  # the demo data is one transaction: rolled back
    assert wizard.demo_report == (
        "Caricamento dei dati dimostrativi annullato: Generazione annullata"
    )


def test_first_start_with_demo_data_opens_the_window_on_those_workers(
    qtbot, sqlite_url: str  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sportello.gui import app

    problems: list[str] = []

    def drive_wizard() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):
            problems.append(f"atteso il wizard, trovato {wizard!r}")
            return
        try:
            fill_office(qtbot, wizard)
            type_into(qtbot, wizard, {"username": "a.bianchi", "full_name": "Anna Bianchi",
                                      "password": "prova1234", "password_confirm": "prova1234"})
            wizard.next()
            wizard.demo_box.setChecked(True)
            wizard.demo_workers.setValue(25)
            wizard.button(QWizard.WizardButton.FinishButton).click()
        except Exception as exc:
            problems.append(repr(exc))
            wizard.reject()

    when_wizard_is_up(drive_wizard)
    window = app.start(sqlite_url)
    assert problems == []
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    try:
        model = window.areas[0].table.model()
        qtbot.waitUntil(lambda: model.rowCount() == 25)
        assert window.statusBar().currentMessage() == "Dati dimostrativi caricati."
        box = window.findChild(QMessageBox, "demoSummary")
        assert box is not None and box.isVisible()
        assert "lavoratori: 25" in box.text()
        box.close()
    finally:
        window.close()
        window.ctx.close()


def test_a_refused_demo_load_is_reported_and_the_office_stays(
    qtbot, wizard: FirstRunWizard, empty_ctx  # type: ignore[no-untyped-def]
) -> None:
    import unittest.mock

    from sportello.core.errors import SportelloError
    from sportello import demo

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise SportelloError("Il database contiene già dei lavoratori.")

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disco pieno")

    fill_office(qtbot, wizard)
    type_into(qtbot, wizard, {"username": "a.bianchi", "full_name": "Anna Bianchi",
                              "password": "prova1234", "password_confirm": "prova1234"})
    wizard.next()
    wizard.demo_box.setChecked(True)
    with unittest.mock.patch.object(demo, "generate", refuse):
        with qtbot.waitSignal(wizard.finished, timeout=30_000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
    assert setup.is_initialised(empty_ctx)
    assert wizard.demo_report == (
        "Dati dimostrativi non caricati: Il database contiene già dei lavoratori."
    )
    assert wizard.demo_error is not None and wizard.demo_error.startswith(
        "L'ufficio è stato creato, ma i dati dimostrativi non sono stati caricati."
    )

    # an unexpected error in the thread is reported too, not swallowed
    from sportello.gui.tasks import Task

    task = Task(lambda progress: explode())
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        task.start()
    task.wait()
    assert failed.args == ["Errore imprevisto: disco pieno"]
