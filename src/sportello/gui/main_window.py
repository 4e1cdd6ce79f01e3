"""The main window: a side bar of areas, the current area, menus and a status bar."""

from __future__ import annotations

import html
import platform
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from sportello import __version__
from sportello.gui import i18n
from sportello.gui.icons import icon

if TYPE_CHECKING:  # the database side is imported by attach(), after the window is shown
    from sportello.core.context import Context

# The side bar as it shows before the database is open; attach() puts the areas' own
# (translated) titles in place.
CHROME = (
    (QT_TRANSLATE_NOOP("MainWindow", "Lavoratori"), "users"),
    (QT_TRANSLATE_NOOP("MainWindow", "Agenda"), "calendar-days"),
    (QT_TRANSLATE_NOOP("MainWindow", "Percorsi"), "route"),
    (QT_TRANSLATE_NOOP("MainWindow", "Formazione"), "graduation-cap"),
    (QT_TRANSLATE_NOOP("MainWindow", "Sportello Unico"), "store"),
    (QT_TRANSLATE_NOOP("MainWindow", "Monitoraggio"), "chart-column"),
    (QT_TRANSLATE_NOOP("MainWindow", "Import/Export"), "arrow-left-right"),
    (QT_TRANSLATE_NOOP("MainWindow", "Vertenze"), "tavolo"),
)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_AREA = "main_window/area"
SIDEBAR_WIDTH = 200


class MainWindow(QMainWindow):
    """Built in two steps so that it shows at once: the frame (side bar, menus) without the
    database, then ``attach(ctx)`` builds the areas. ``MainWindow(ctx)`` does both."""

    logout_requested = Signal()  # File → Esci dall'account (the operator session acts)
    closed = Signal()  # the window closed for good (not kept open by a file window)

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self._areas: list[QWidget | None] = []  # None: not built yet (``area``)
        self.workers_area = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("Sportello")

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setSpacing(2)
        self.sidebar.setMovement(QListView.Movement.Static)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { background: palette(window); padding: 10px 8px; outline: 0; }"
            "QListWidget#sidebar::item { padding: 8px 8px; border-radius: 5px;"
            " color: palette(window-text); }"
            "QListWidget#sidebar::item:hover { background: palette(midlight); }"
            "QListWidget#sidebar::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        for title, icon_name in CHROME:
            self.sidebar.addItem(QListWidgetItem(icon(icon_name), self.tr(title)))
            waiting = QLabel(self.tr("Apertura del database…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(waiting)
        self.sidebar.currentRowChanged.connect(self.show_area)

        separator = QFrame()
        separator.setFixedWidth(1)
        separator.setAutoFillBackground(True)
        separator.setBackgroundRole(QPalette.ColorRole.Mid)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(separator)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: Context) -> None:
        """Open the window on the database: title, areas, Scadenze dock, status bar."""
        from sportello.core.services import setup
        from sportello.gui import routes
        from sportello.gui.areas import AREAS

        routes.install()  # "open a worker's file" and the like, for every area
        self.ctx = ctx
        office = setup.office_name(ctx, ctx.actor.office_id) if ctx.actor else None
        self.setWindowTitle(
            self.tr("Sportello — {office}").format(office=office) if office else "Sportello"
        )
        # Only the Lavoratori area now; the others when first shown (``area``): start-up
        # neither imports nor builds what the clerk has not asked for yet.
        self._areas = [None] * len(AREAS)
        self.area(0)
        self._build_worker_shortcuts()
        for action in (self.settings_action, self.call_in_action, self.batch_letters_action,
                       *self.account_actions):
            action.setEnabled(True)
        self._build_deadlines_panel()
        self._build_status_bar()
        self._restore_state()

    # ------------------------------------------------------------------ building

    def area(self, row: int) -> QWidget:
        """The area of side-bar row ``row``, built now if it was not yet."""
        built = self._areas[row]
        if built is not None:
            return built
        from sportello.gui.areas import AREAS

        assert self.ctx is not None
        built = AREAS[row]()(self.ctx)
        self._areas[row] = built
        current = self.stack.currentIndex()
        waiting = self.stack.widget(row)
        self.stack.insertWidget(row, built)
        self.stack.removeWidget(waiting)
        waiting.deleteLater()
        if current >= 0:
            self.stack.setCurrentIndex(current)
        self.sidebar.item(row).setText(built.windowTitle())
        self.sidebar.item(row).setIcon(icon(built.ICON))  # type: ignore[attr-defined]
        self.area_actions.actions()[row].setText(built.windowTitle())
        return built

    def build_areas_in_turns(self, then: Callable[[], None] | None = None) -> None:
        """Build the areas not shown yet, one per turn of the event loop (start-up asks for
        it once their modules are imported, while the clerk looks at the list): the first
        click on each then only shows it. ``then`` runs once they are all built."""
        for row, built in enumerate(self._areas):
            if built is None:
                self.area(row)
                QTimer.singleShot(0, lambda: isValid(self) and self.build_areas_in_turns(then))
                return
        if then is not None:
            then()

    def all_areas_built(self) -> bool:
        return bool(self._areas) and all(built is not None for built in self._areas)

    @property
    def areas(self) -> list[QWidget]:
        """Every area, in side-bar order (those not shown yet are built now)."""
        return [self.area(row) for row in range(len(self._areas))]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.change_password_action = QAction(self.tr("Cambia &password…"), self)
        self.change_password_action.triggered.connect(self.change_password)
        self.logout_action = QAction(self.tr("Es&ci dall'account"), self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.logout_action.setStatusTip(self.tr("Chiude la sessione e torna all'accesso"))
        self.logout_action.triggered.connect(self.logout_requested)
        self.admin_action = QAction(self.tr("&Amministrazione…"), self)
        self.admin_action.setStatusTip(self.tr(
            "Operatori, regole di accesso, copie di sicurezza e privacy"))
        self.admin_action.triggered.connect(self.show_admin)
        self.audit_action = QAction(self.tr("&Registro attività…"), self)
        self.audit_action.triggered.connect(self.show_audit)
        self.account_actions = (self.change_password_action, self.logout_action,
                                self.admin_action, self.audit_action)
        for action in self.account_actions:
            action.setEnabled(False)  # until the database is open
        file_menu.addAction(self.change_password_action)
        file_menu.addAction(self.logout_action)
        file_menu.addSeparator()
        file_menu.addAction(self.admin_action)
        file_menu.addAction(self.audit_action)
        self.settings_action = QAction(self.tr("&Impostazioni…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setEnabled(False)  # until the database is open
        self.settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Esci"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        letters_menu = bar.addMenu(self.tr("&Lettere"))
        self.call_in_action = QAction(self.tr("&Convoca lavoratori…"), self)
        self.call_in_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.call_in_action.setStatusTip(self.tr(
            "Prenota una selezione nei posti liberi e stampa le convocazioni"))
        self.call_in_action.triggered.connect(self.call_in)
        self.batch_letters_action = QAction(self.tr("Lettere per una &selezione…"), self)
        self.batch_letters_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.batch_letters_action.triggered.connect(self.batch_letters)
        for action in (self.call_in_action, self.batch_letters_action):
            action.setEnabled(False)  # until the database is open
            letters_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&Visualizza"))
        self.view_menu = view_menu
        self.area_actions = QActionGroup(self)
        self.area_actions.setExclusive(True)
        for number, (title, icon_name) in enumerate(CHROME, start=1):
            action = QAction(icon(icon_name), self.tr(title), self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setData(number - 1)
            action.triggered.connect(
                lambda _checked=False, row=number - 1: self.show_area(row)
            )
            self.area_actions.addAction(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Lingua"))
        languages = QActionGroup(self)
        current = i18n.chosen_language()
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, lang=code: self.choose_language(lang))
            languages.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Aiuto"))
        self.guide_action = QAction(self.tr("&Guida"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.setStatusTip(self.tr("I percorsi di lavoro passo per passo, con le immagini"))
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        about = QAction(self.tr("&Informazioni su Sportello"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        about_qt = QAction(self.tr("Informazioni su &Qt"), self)
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    def _open_dialog(self, factory: Callable[[Context, QWidget], QDialog]) -> QDialog | None:
        """Open ``factory(ctx, self)`` window-modal, deleted when closed; None before the
        database is open. Each caller imports its dialog's module on first use (a light
        start)."""
        if self.ctx is None:
            return None
        dialog = factory(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_settings(self) -> QDialog | None:
        """Impostazioni: thresholds and lists, each change checked by its service."""
        from sportello.gui.dialogs.settings import SettingsDialog

        return self._open_dialog(SettingsDialog)

    def change_password(self) -> QDialog | None:
        """The operator's own password (the current one asked again)."""
        if self.ctx is None or self.ctx.actor is None:
            return None
        from sportello.gui.dialogs.login import ChangePasswordDialog

        dialog = self._open_dialog(ChangePasswordDialog)
        if dialog is not None:
            dialog.saved.connect(lambda _r: self.statusBar().showMessage(  # type: ignore[attr-defined]
                self.tr("Password cambiata."), 8000))
        return dialog

    def show_admin(self) -> QDialog | None:
        """Amministrazione: operators, access rules, backups, privacy (the services decide
        who may change what)."""
        from sportello.gui.admin.dialog import AdminDialog

        return self._open_dialog(AdminDialog)

    def show_audit(self) -> QDialog | None:
        """Registro attività: who did what and when (read-only)."""
        from sportello.gui.dialogs.audit_viewer import AuditViewer

        return self._open_dialog(AuditViewer)

    def call_in(self) -> QDialog | None:
        """Convoca: book a selection into free slots and print the convocations."""
        from sportello.gui.letters import CallInDialog

        return self._open_dialog(CallInDialog)

    def batch_letters(self) -> QDialog | None:
        """One letter for each worker of a selection, one PDF to print."""
        from sportello.gui.letters import BatchLettersDialog

        return self._open_dialog(BatchLettersDialog)

    def _build_deadlines_panel(self) -> None:
        """The "Scadenze" dock on the right, toggled with F9 (its state saved with the window's)."""
        from sportello.gui.deadlines_panel import DeadlinesPanel

        self.deadlines = DeadlinesPanel(self.ctx, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.deadlines)
        self.resizeDocks([self.deadlines], [300], Qt.Orientation.Horizontal)  # until restored
        toggle = self.deadlines.toggleViewAction()
        toggle.setText(self.tr("&Scadenze"))
        toggle.setShortcut(QKeySequence("F9"))
        submenus = [a for a in self.view_menu.actions() if a.menu() is not None]
        self.view_menu.insertAction(submenus[0] if submenus else None, toggle)

    def _build_worker_shortcuts(self) -> None:
        """Ctrl+F (find a worker) and Ctrl+N (new file) from every area of the window."""
        from sportello.gui.areas import WorkersArea

        found = [(row, a) for row, a in enumerate(self._areas) if isinstance(a, WorkersArea)]
        self.workers_area = found[0][1] if found else None
        if not found:
            return
        row, area = found[0]
        find = QAction(self.tr("Cerca lavoratore"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.show_area(row), area.focus_search()))
        new_file = QAction(self.tr("Nuovo fascicolo"), self)
        new_file.setShortcut(QKeySequence.StandardKey.New)
        new_file.triggered.connect(area.new_file)
        self.addActions([find, new_file])  # window shortcuts; the area shows them as buttons

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        operator = self.ctx.actor.full_name if self.ctx.actor else self.tr("nessuno")
        self.operator_label = QLabel(self.tr("Operatore: {name}").format(name=operator))
        self.operator_label.setObjectName("operatorLabel")
        from sportello.core.services import maintenance

        location = maintenance.location(self.ctx)
        self.database_label = QLabel(self.tr("Database: {location}").format(location=location))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setToolTip(location)
        for label in (self.operator_label, self.database_label):
            label.setContentsMargins(6, 2, 6, 2)
        status.addWidget(self.operator_label)
        status.addPermanentWidget(self.database_label)

    # ------------------------------------------------------------------ behaviour

    @property
    def current_area(self) -> QWidget:
        return self.stack.currentWidget()

    def show_area(self, row: int) -> None:
        if not 0 <= row < self.stack.count():
            return
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # comes back here through currentRowChanged
            return
        if self.ctx is not None and row < len(self._areas):
            self.area(row)
        self.stack.setCurrentIndex(row)
        self.area_actions.actions()[row].setChecked(True)

    def choose_language(self, lang: str) -> None:
        if lang == i18n.chosen_language():
            return
        current = i18n.chosen_language()
        i18n.save_language(lang)
        # in the chosen language first, then in the one on screen (who chose may not read it)
        order = [lang] + [code for code in (current,) if code != lang]
        QMessageBox.information(
            self,
            " / ".join(i18n.RESTART_NOTICE[code][0] for code in order),
            "\n\n".join(i18n.RESTART_NOTICE[code][1] for code in order),
        )

    def show_guide(self) -> QDialog:
        """Aiuto → Guida (F1): the user guide, beside the window (one at a time)."""
        from sportello.gui.dialogs.guide import GuideDialog

        guide = getattr(self, "_guide", None)
        if guide is None:
            guide = self._guide = GuideDialog(self)
        guide.show()
        guide.raise_()
        guide.activateWindow()
        return guide

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version

        text = self.tr(
            "<h3>Sportello {version}</h3>"
            "<p>Fascicoli dei lavoratori per il Centro per l'Impiego e lo Sportello Unico.</p>"
            "<p>Database: <code>{database}</code></p>"
            "<p>Python {python}, PySide6 {pyside}. Licenza EUPL-1.2.</p>"
        ).format(
            version=__version__,
            database=html.escape(self.ctx.url if self.ctx else "—"),
            python=platform.python_version(),
            pyside=pyside_version,
        )
        QMessageBox.about(self, self.tr("Informazioni su Sportello"), text)

    # ------------------------------------------------------------------ settings

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(SETTINGS_GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))

    def _restore_state(self) -> None:
        settings = QSettings()
        state = settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        try:
            row = int(settings.value(SETTINGS_AREA, 0))
        except (TypeError, ValueError):
            row = 0
        self.show_area(row if 0 <= row < len(self._areas) else 0)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        if self.ctx is not None:  # the dock and the area exist only once attached
            settings.setValue(SETTINGS_STATE, self.saveState())
            settings.setValue(SETTINGS_AREA, self.stack.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # a file window with unsaved changes stayed open (or closes once it has saved:
        # then the main window closes)
        if self.workers_area is not None and not self.workers_area.close_files(then=self.close):
            event.ignore()
            return
        self.save_settings()
        super().closeEvent(event)
        self.closed.emit()
