"""Start the GUI: application, translations, database, first-run wizard, main window.

Start-up stays light: only Qt, SQLAlchemy and the migration check are loaded before
the main window appears; the heavy libraries (openpyxl, reportlab, codicefiscale,
ateco, holidays) are imported by the features that use them.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from sportello.core import paths
from sportello.gui import i18n

if TYPE_CHECKING:
    from sportello.gui.main_window import MainWindow  # noqa: F401

EXIT_OK = 0
EXIT_FAILED = 1


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

    where, is_file = _describe_target(target)
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


def _describe_target(target: str | None) -> tuple[str, bool]:
    """The database asked for, as a file path or a URL without password; and if a file."""
    try:
        from sqlalchemy.engine import make_url

        from sportello.core.db import resolve_url

        url = make_url(resolve_url(target))
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:", True
        return url.render_as_string(hide_password=True), False
    except Exception:  # an unparsable URL: show what was given, minus any credentials
        return (target or "").rsplit("@", 1)[-1], False


def start(db: str | None = None, *, login: bool = False,
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

    from sportello.core.bootstrap import bootstrap

    check = _startup_check(db)
    if check is not None and not check.ok and check.latest_good is not None:
        restored = _offer_restore(window, db, check)
        if restored is not None:
            window.close()
            return restored
        check = None  # the good copy is back in place

    try:
        ctx = bootstrap(db)
    except Exception as exc:  # schema too new, unreadable file, unreachable server...
        if not _is_expected_failure(exc):
            traceback.print_exc()
        window.close()
        _database_failure(db, exc)
        return EXIT_FAILED

    from sportello.core.services import setup

    try:
        initialised = setup.is_initialised(ctx)
        actor = setup.default_actor(ctx) if initialised else None
    except Exception as exc:  # the file opened but cannot be read (damaged, locked...)
        if not _is_expected_failure(exc):
            traceback.print_exc()
        ctx.close()
        window.close()
        _database_failure(db, exc)
        return EXIT_FAILED

    if check is not None and not check.ok:  # damaged, opened anyway, and no good copy
        ctx.close()
        window.close()
        _database_failure(db, _Damaged(check.problem or ""))
        return EXIT_FAILED

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
    window.show()
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
    from sportello.core.bootstrap import bootstrap
    from sportello.core.context import Actor
    from sportello.core.services import backups

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
    # The damaged file cannot say who is an administrator: the copy does, with the
    # password each administrator had then.
    from sportello.gui.dialogs.login import LoginDialog

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
        if not _is_expected_failure(exc):
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


def _is_expected_failure(exc: BaseException) -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    from sportello.core.errors import SportelloError

    return isinstance(exc, (SportelloError, SQLAlchemyError, OSError))


def _bench_mark() -> None:
    """bench/run.py: the moment the window is on screen (before the database is open)."""
    if os.environ.get("SPORTELLO_BENCH_EXIT_WHEN_SHOWN"):
        import time

        print(time.time(), flush=True)


def _exit_when_shown(app: QApplication) -> None:
    """bench/run.py: print when the window is ready (areas built, first event-loop turn
    after attach), then quit.

    The bare-window floor in the benchmark uses the same mechanism.
    """
    import time

    from PySide6.QtCore import QTimer

    def shown() -> None:
        print(time.time(), flush=True)
        app.quit()

    QTimer.singleShot(0, shown)


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
        _exit_when_shown(app)
    try:
        return app.exec()
    finally:
        if session.backup_task is not None:
            session.backup_task.wait()
        session.base.close()
