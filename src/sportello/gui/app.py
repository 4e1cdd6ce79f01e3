"""Start the GUI: application, translations, database, first-run wizard, main window.

Start-up stays light: only Qt, SQLAlchemy and the migration check are loaded before
the main window appears; the heavy libraries (openpyxl, reportlab, codicefiscale,
ateco, holidays) are imported by the features that use them.

The SQLite ``quick_check`` (1.1 s on 100,000 files) does not hold the clerk back: it runs
in a thread of its own once the list is on screen. If it fails, writing is refused from
then on (``db.refuse_writes``: saving, and opening a file, which is recorded) and the clerk
is told, with the latest good copy to restore when there is one. A file too damaged to be
opened at all is checked at once instead, and its copy offered before the window is used.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from sportello.core import paths
from sportello.gui import i18n

if TYPE_CHECKING:
    from sportello.gui.main_window import MainWindow  # noqa: F401

EXIT_OK = 0
EXIT_FAILED = 1
STARTUP_GC_OFF_MS = 30_000  # the garbage collector is back on by then, whatever happened


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named so QSettings finds "Sportello/Sportello"."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(paths.APP_NAME)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    from sportello import __version__

    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(paths.APP_NAME)
    return app  # type: ignore[return-value]


def _database_failure(target: str | None, exc: BaseException) -> None:
    """Tell the clerk, in Italian, which database could not be opened and why."""
    from sportello.core.errors import SportelloError

    from sportello.core.services import maintenance

    where, is_file = maintenance.describe_target(target)
    if isinstance(exc, SportelloError):  # SchemaTooNew and the like: already a clear message
        detail = str(exc)
    else:
        cause = str(getattr(exc, "orig", None) or exc).strip() or exc.__class__.__name__
        if is_file:
            detail = QCoreApplication.translate(
                "app", "Il file non è leggibile o non è un database di Sportello ({cause})."
            ).format(cause=cause)
        else:
            detail = QCoreApplication.translate(
                "app", "Il server del database non risponde o rifiuta l'accesso ({cause})."
            ).format(cause=cause)
    title = QCoreApplication.translate("app", "Sportello — database non disponibile")
    text = QCoreApplication.translate(
        "app", "Impossibile aprire il database:\n{where}\n\n{detail}"
    ).format(where=where, detail=detail)
    QMessageBox.critical(None, title, text)


def start(db: str | None = None, *, login: bool = False,
          quit_when_closed: bool = False) -> MainWindow | int:
    """Everything before the event loop: returns the shown MainWindow, or an exit code
    (``_start``). Python's garbage collector is off until the first list is on screen: the
    imports and widgets of start-up make hundreds of thousands of objects and no garbage
    worth a collection, and the collections they set off cost a quarter of the start-up
    time (importing the database layer and Qt: 3.1-3.4 s with it, 2.3-2.5 s without, on
    the shared 2-core machine). ``_freeze_startup_objects`` turns it back on; at the latest
    it is on again after ``STARTUP_GC_OFF_MS``."""
    gc.disable()
    try:
        result = _start(db, login=login, quit_when_closed=quit_when_closed)
    except BaseException:
        gc.enable()
        raise
    if isinstance(result, int):
        gc.enable()
    else:
        QTimer.singleShot(STARTUP_GC_OFF_MS, gc.enable)
    return result


def _start(db: str | None = None, *, login: bool = False,
           quit_when_closed: bool = False) -> MainWindow | int:
    """Everything before the event loop: returns the shown MainWindow, or an exit code.

    Benchmarks and tests call this directly; ``run`` adds the event loop.

    ``login``: on a configured database the login dialog asks who works (``run`` asks,
    so ``sportello gui`` and the bundle always do). Without it the window opens as the
    first active administrator: that is only for code calling
    ``start()`` directly (tests, ``bench/run.py``) and for ``run`` under
    ``SPORTELLO_BENCH_EXIT_WHEN_SHOWN``, which quits as soon as the window is ready.
    Right after the first-run wizard the administrator it created works, no second login.
    ``quit_when_closed``: the operator session quits the application once the window is
    closed and the automatic backup is done (``run``).
    """
    app = application()
    i18n.install(i18n.chosen_language())

    # The window first (Qt only), the database next: the clerk sees Sportello at once, and
    # the ~0.5 s of loading SQLAlchemy and the models happens behind "Apertura del database…".
    from sportello.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    app.processEvents()
    _bench_mark()

    opened = _open(window, db)
    if isinstance(opened, int):
        window.close()
        return opened
    ctx, initialised, actor = opened

    report, summary, failure = None, [], None
    if initialised and login:
        from sportello.gui.dialogs.login import log_in

        actor = log_in(ctx, window)
        if actor is None:  # Esci at the login: the program ends
            ctx.close()
            window.close()
            return EXIT_OK
    if not initialised:
        from sportello.gui.first_run import FirstRunWizard

        wizard = FirstRunWizard(ctx)
        window.hide()  # the wizard alone on the first run
        app.setQuitOnLastWindowClosed(False)  # closing the wizard must not end the app
        try:
            accepted = wizard.exec() == QDialog.DialogCode.Accepted
        finally:
            app.setQuitOnLastWindowClosed(True)
        if not accepted or wizard.actor is None:
            ctx.close()
            window.close()
            return EXIT_OK
        actor, report = wizard.actor, wizard.demo_report
        summary, failure = wizard.demo_summary, wizard.demo_error
        wizard.deleteLater()

    from sportello.gui.session import OperatorSession

    session = OperatorSession(ctx, quit_when_closed=quit_when_closed)
    session.setParent(app)
    session.begin(window, actor)
    _list_first(window)
    window.show()
    _check_when_listed(window, db, ctx)
    if ctx.upgrade and ctx.upgrade.changed and ctx.upgrade.before is not None:
        message = QCoreApplication.translate(
            "app", "Database aggiornato alla nuova versione; copia di sicurezza: {backup}"
        ).format(backup=ctx.upgrade.backup or "-")
        window.statusBar().showMessage(message, 15000)
    if report:
        window.statusBar().showMessage(report, 20000)
    if failure:
        _tell(window, QMessageBox.Icon.Warning, failure)
    elif summary:  # what the demo data holds, the operators' password included
        _tell(window, QMessageBox.Icon.Information, "\n".join(summary))
    return window


class _Damaged(Exception):
    """A database that fails quick_check and has no good copy to offer."""


def _open(window: QWidget, db: str | None):  # type: ignore[no-untyped-def]
    """(ctx, initialised, default actor), or an exit code once the clerk was told why not.

    No ``quick_check`` first (it runs later, ``_check_when_listed``), unless the database
    is about to be upgraded (a write) or cannot even be opened and read: then a damaged file
    is told as such, and its latest good copy is offered; once restored, it is opened."""
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import maintenance, setup

    if maintenance.needs_upgrade(db):
        check = _startup_check(db)
        if check is not None and not check.ok:
            if check.latest_good is None:
                _database_failure(db, _Damaged(check.problem or ""))
                return EXIT_FAILED
            restored = _offer_restore(window, db, check)
            if restored is not None:
                return restored
    for attempt in (1, 2):
        ctx = None
        try:
            ctx = bootstrap(db)
            initialised = setup.is_initialised(ctx)
            actor = setup.default_actor(ctx) if initialised else None
            return ctx, initialised, actor
        except Exception as exc:  # schema too new, unreadable or damaged file, no server...
            if ctx is not None:
                ctx.close()
            if not maintenance.is_expected_failure(exc):
                traceback.print_exc()
            check = _startup_check(db) if attempt == 1 else None
            if check is None or check.ok:
                _database_failure(db, exc)
                return EXIT_FAILED
            if check.latest_good is None:
                _database_failure(db, _Damaged(check.problem or ""))
                return EXIT_FAILED
            restored = _offer_restore(window, db, check)
            if restored is not None:
                return restored
    return EXIT_FAILED  # not reached: the second attempt returns or reports


def _list_first(window: MainWindow) -> None:
    """At start-up the Scadenze panel reads once the worker list has read its first page
    (its first read is only asked for at the first turn of the event loop)."""
    panel = getattr(window, "deadlines", None)
    if panel is not None and window.workers_area is not None:
        panel.read_after(window.workers_area.model.searched)


def _check_when_listed(window: MainWindow, db: str | None, ctx) -> None:  # type: ignore[no-untyped-def]
    """Run the start-up ``quick_check`` in a thread of its own once the worker list is on
    screen (at once if there is no list); a failure is told by ``_damaged_while_open``."""
    import threading

    from shiboken6 import isValid

    from sportello.gui import ops

    runner = ops.runner()

    def check() -> None:  # in its own thread: neither lane waits for it
        found = _startup_check(db)
        if found is not None and not found.ok:
            runner.call_soon(lambda: _damaged_while_open(window, db, ctx, found))
        _read_reference_tables()
        # the areas, then what they and the modules read above made kept out of the collector
        runner.call_soon(lambda: isValid(window) and window.build_areas_in_turns(
            then=_freeze_startup_objects))
        _warm_monitoring(ctx)

    started: list[bool] = []

    area = window.workers_area

    def start_check(*_args: object) -> None:
        if not started:
            started.append(True)
            if area is not None:
                area.model.searched.disconnect(start_check)
            _freeze_startup_objects()
            threading.Thread(target=check, name="sportello-startup-check", daemon=True).start()

    if area is None:
        start_check()
    else:
        area.model.searched.connect(start_check)


def _read_reference_tables() -> None:
    """Read, while the clerk looks at the list, the tables the first file opened needs (the
    comuni behind the codici fiscali, 0.1-0.2 s of Python, and the letter templates), and
    import the modules of the areas not built yet (built when first shown). Read
    by the first opening instead, they shared the interpreter with the UI thread just as the
    window was being built: the longest stall of the first opening went from 70-80 ms to
    120-190 ms on 100,000 files. A failure here only means the first opening reads them."""
    from sportello.core import codice_fiscale
    from sportello.gui import areas
    from sportello.gui.letters import template_titles

    try:
        codice_fiscale.known_belfiore("A479")  # the first call reads the table
        template_titles()
        areas.preload()  # the modules of the areas not shown yet (no widget is made here)
        from sportello.gui.worker_file import window  # noqa: F401 - the file window's, likewise
    except Exception:  # noqa: BLE001 - read again, and reported, where they are needed
        pass


def _warm_monitoring(ctx) -> None:  # type: ignore[no-untyped-def]
    """Count, in the start-up check's thread once the areas are on their way, the figures
    the Monitoraggio area shows first (``monitoring.warm``: seconds of SQL on 100,000
    files), kept by the service until something is written: opening the area then reads
    them from its cache instead of counting (2.7 s -> 76 ms, README "Benchmarks"). Only a
    warm-up: a failure is silent, the area counts them when opened."""
    from sportello.core.services import monitoring

    try:
        monitoring.warm(ctx)
    except Exception:  # noqa: BLE001 - the area counts (and reports) them when opened
        pass


def _freeze_startup_objects() -> None:
    """Keep what start-up built (modules, widgets, the ORM's tables: ~120,000 objects) out of
    Python's garbage collector: a full collection walks them all while holding the
    interpreter, and any thread allocating a lot (a long list read on a lane) set one off,
    stalling the window (switching areas on 100,000 files: longest stall 80-110 -> 20-40
    ms). What is made later is collected as usual: the collector, off during start-up
    (``start``), is turned back on. Called again once the other areas are built (their
    modules are imported in the background after the list shows): frozen too."""
    gc.freeze()
    gc.enable()


def _damaged_while_open(window: QWidget, db: str | None, ctx, check) -> None:  # type: ignore[no-untyped-def]
    """The database failed its ``quick_check`` while the program runs: refuse every write
    from now on (so nothing makes it worse; opening a file is recorded, so it is refused
    too), say so, and offer the latest good copy, the program ending once it is back."""
    from shiboken6 import isValid

    from sportello.core.services import maintenance

    problem = check.problem or ""
    maintenance.refuse_writes(ctx, QCoreApplication.translate(
        "app", "Il database è danneggiato: non si può registrare nulla finché non si "
        "ripristina una copia di sicurezza ({problem})").format(problem=problem))
    if not isValid(window):
        return
    good = check.latest_good
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("app", "Sportello — database danneggiato"),
                      QCoreApplication.translate(
                          "app", "Il database di Sportello è danneggiato:\n{problem}").format(
                          problem=problem),
                      QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("damagedDatabase")
    if good is not None:
        box.setInformativeText(QCoreApplication.translate(
            "app", "Da ora non si può salvare né aprire un fascicolo (l'apertura viene "
            "registrata); elenchi e agenda restano consultabili.\n\nL'ultima copia di "
            "sicurezza integra è del {date}:\n{file}\n\nRipristinandola si perde quanto è "
            "stato registrato dopo quel momento; il database danneggiato viene conservato in "
            "una copia a parte. Sportello poi si chiude: riaprirlo per lavorare.").format(
            date=f"{good.created_at:%d/%m/%Y %H:%M}", file=good.path))
        restore = box.addButton(QCoreApplication.translate(
            "app", "&Ripristina la copia del {date}").format(
            date=f"{good.created_at:%d/%m/%Y %H:%M}"), QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(QCoreApplication.translate(
            "app", "Da ora non si può salvare né aprire un fascicolo (l'apertura viene "
            "registrata); elenchi e agenda restano consultabili.\n\nNon c'è una copia di "
            "sicurezza integra: avvisare l'amministratore, che può ripristinare una copia "
            "da File › Amministrazione › Copie di sicurezza."))
        restore = None
    stay = box.addButton(QCoreApplication.translate("app", "&Continua in sola consultazione"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return
    result = _restore_copy(window, db, good)
    if result is None:
        QMessageBox.information(window, QCoreApplication.translate(
            "app", "Ripristino completato"), QCoreApplication.translate(
            "app", "Ripristinata la copia del {date}.\n\nSportello ora si chiude: riaprirlo "
            "per lavorare sui dati ripristinati.").format(
            date=f"{good.created_at:%d/%m/%Y %H:%M}"))
        window.close()


def _startup_check(db: str | None):  # type: ignore[no-untyped-def]
    """``backups.startup_check`` (PRAGMA quick_check on a SQLite file); None if it cannot
    even be run (the opening below then says why)."""
    from sportello.core.services import backups

    try:
        return backups.startup_check(db)
    except Exception:  # noqa: BLE001 - an unparsable URL and the like: bootstrap() reports it
        return None


def _offer_restore(window: QWidget, db: str | None, check) -> int | None:  # type: ignore[no-untyped-def]
    """The database is damaged and a good copy exists: restore it, or quit.

    Returns None when the copy was restored (the start goes on), else an exit code.
    """
    good = check.latest_good
    title = QCoreApplication.translate("app", "Sportello — database danneggiato")
    text = QCoreApplication.translate(
        "app", "Il database di Sportello è danneggiato e non può essere usato:\n{problem}"
    ).format(problem=check.problem or "")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text,
                      QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("damagedDatabase")
    box.setInformativeText(QCoreApplication.translate(
        "app", "L'ultima copia di sicurezza integra è del {date}:\n{file}\n\nRipristinandola "
        "si perde quanto è stato registrato dopo quel momento. Il database danneggiato viene "
        "comunque conservato in una copia a parte.").format(
        date=f"{good.created_at:%d/%m/%Y %H:%M}", file=good.path))
    restore = box.addButton(
        QCoreApplication.translate("app", "&Ripristina la copia del {date}").format(
            date=f"{good.created_at:%d/%m/%Y %H:%M}"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(QCoreApplication.translate("app", "&Esci"),
                                QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    if box.clickedButton() is not restore:
        return EXIT_OK
    return _restore_copy(window, db, good)


def _restore_copy(window: QWidget, db: str | None, good) -> int | None:  # type: ignore[no-untyped-def]
    """Put the good copy back in place of the damaged database: None when it is done,
    ``EXIT_OK`` when the clerk gave up at the login, else ``EXIT_FAILED`` once the clerk
    was told why not."""
    from sportello.core.bootstrap import bootstrap
    from sportello.core.context import Actor
    from sportello.core.services import backups, maintenance
    from sportello.gui.dialogs.login import LoginDialog

    # The damaged file cannot say who is an administrator: the copy does, with the
    # password each administrator had then.
    def copy_admin(username: str, password: str) -> Actor:
        found = backups.actor_from_file(good.path, username, password)
        if found is None:
            raise backups.RestoreRefused(QCoreApplication.translate(
                "app", "Nella copia non c'è un amministratore attivo con questo nome utente e "
                "questa password."))
        return found

    login = LoginDialog(None, window, check=copy_admin, intro=QCoreApplication.translate(
        "app", "Per ripristinare la copia serve un amministratore: nome utente e password "
        "che aveva in quella copia."))
    login.setObjectName("restoreLogin")
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return EXIT_OK
    actor = login.actor
    try:
        ctx = bootstrap(db, migrate=False).acting_as(actor)
        try:
            backups.restore(ctx, good.path)
        finally:
            ctx.close()
    except Exception as exc:  # noqa: BLE001 - say it plainly, whatever it was
        if not maintenance.is_expected_failure(exc):
            traceback.print_exc()
        QMessageBox.critical(
            window, QCoreApplication.translate("app", "Sportello — ripristino non riuscito"),
            str(exc))
        return EXIT_FAILED
    return None


def _tell(window: QWidget, icon: QMessageBox.Icon, text: str) -> None:
    """A message over the main window that does not block the start (window-modal)."""
    box = QMessageBox(
        icon,
        QCoreApplication.translate("app", "Dati dimostrativi"),
        text,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("demoSummary")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _bench_mark() -> None:
    """bench/run.py: the moment the window is on screen (before the database is open)."""
    if os.environ.get("SPORTELLO_BENCH_EXIT_WHEN_SHOWN"):
        import time

        print(time.time(), flush=True)


def _exit_when_shown(app: QApplication, window: MainWindow) -> None:
    """bench/run.py: print when the window is usable with the first page of the worker list
    painted (the search and its rows are in, then one event-loop turn paints them), then
    quit. The bare-window floor in the benchmark prints at its first event-loop turn."""
    import time

    from PySide6.QtCore import QTimer

    area = window.workers_area
    searched: list[bool] = []
    if area is not None:
        area.model.searched.connect(lambda: searched.append(True))

    def listed() -> bool:
        if area is None:
            return True
        model = area.model
        if model.rowCount() > 0:
            return not model.searching and model.row_loaded(0)
        return bool(searched) and not model.searching

    def shown() -> None:
        print(time.time(), flush=True)
        app.quit()

    def poll() -> None:
        if listed():
            QTimer.singleShot(0, shown)  # the paint of the rows comes first
        else:
            QTimer.singleShot(1, poll)

    QTimer.singleShot(0, poll)


def run(db: str | None = None) -> int:
    """``sportello gui``: returns the process exit code."""
    app = application()
    bench = bool(os.environ.get("SPORTELLO_BENCH_EXIT_WHEN_SHOWN"))
    result = start(db, login=not bench, quit_when_closed=True)
    if isinstance(result, int):
        return result
    session = result.operator_session  # type: ignore[attr-defined]
    app.setQuitOnLastWindowClosed(False)  # the session quits after the closing backup
    if bench:
        _exit_when_shown(app, result)
    try:
        return app.exec()
    finally:
        if session.backup_task is not None:
            session.backup_task.wait()
        session.base.close()
