"""The window of one worker's file (fascicolo), or of a new one.

One window per file, not modal: a clerk can keep two files open side by side, and two
windows on the same file behave like two clerks (the second save is refused by the
service and both versions are shown). Every check is the services': this window reads
the fields, calls ``workers.save`` / ``create`` and ``worker_file.save_employment`` /
``add_diary``, and shows a ``ValidationError`` next to the field it names.

No service call runs on the UI thread: ``read_file`` reads what the window shows in one job
(``open_file_window`` runs it on the write lane of ``gui.ops``, because opening a file is
audited), and Salva sends what changed as one job on the write lane. Meanwhile the window
stays usable; Salva, Ricarica and the status button wait for the result, and a second Salva
(Ctrl+S) is ignored. ``save_finished(ok)`` says how a save ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import NotFound, SportelloError, ValidationError
from sportello.core.codes import (
    AppointmentOutcome,
    AppointmentStatus,
    DiaryKind,
    FileStatus,
    Sex,
)
from sportello.core.services import worker_file, workers
from sportello.core.services.records import RecordConflict
from sportello.core.services.worker_file import Employment, EmploymentForm
from sportello.core.services.workers import (
    ExistingFile,
    SimilarPeopleFound,
    WorkerDetail,
    WorkerForm,
)
from sportello.gui import changes, ops
from sportello.gui.dialogs.booking import BookingDialog
from sportello.gui.kit.forms import label as code_label
from sportello.gui.kit.inputs import format_date, format_datetime
from sportello.gui.letters import LettersPage, template_titles
from sportello.gui.shared.labels import COHORT_EXITS
from sportello.gui.worker_file.binder import FieldBinder, FieldError
from sportello.gui.worker_file.dialogs import ConflictDialog, SimilarPeopleDialog
from sportello.gui.worker_file.documents_page import DocumentsPage
from sportello.gui.worker_file.labels import choices, label
from sportello.gui.worker_file.pact_page import PactsPage
from sportello.gui.worker_file.path_pages import PathwaysPage, VouchersPage, WorkPage
from sportello.gui.worker_file.tabs import (
    AnagraficaPage,
    ContactsPage,
    DiaryPage,
    EducationPage,
    EmploymentPage,
    RowsPage,
)

SETTINGS_GEOMETRY = "worker_file/geometry"
CF_FILLED = ("sex", "birth_date", "birth_place", "birth_place_code", "birth_province")

Then = Callable[[], None]


@dataclass(frozen=True)
class FileData:
    """What the window shows when it opens, read in one job (``read_file``)."""

    operators: list[tuple[int, str]]
    vertenze: list[tuple[int, str]]
    detail: WorkerDetail | None = None  # None: a new file
    employment: Employment | None = None
    languages: list[tuple[str, str | None]] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)  # kept from imported lists
    letter_titles: dict[str, str] = field(default_factory=dict)


def read_file(ctx: Context, worker_id: int | None, *, audit: bool = True) -> FileData:
    """The file ``worker_id`` with its employment situation and languages, and the choices
    of the window's lists (a new file when None). With ``audit`` the opening is recorded
    in the activity log: a write, so run it on the write lane.

    It also reads, the first time, the table of comuni behind every codice fiscale typed
    or saved in the window (0.1 s of Python, once per program): here, before the window is
    built, rather than on the UI thread when a code is typed, or beside the UI's work when
    the first save's results are shown (Python threads share one interpreter)."""
    _load_comuni()
    operators, vertenze = worker_file.operators(ctx), worker_file.vertenze(ctx)
    titles = template_titles()
    if worker_id is None:
        return FileData(operators, vertenze, letter_titles=titles)
    return FileData(operators, vertenze, workers.get(ctx, worker_id, audit_open=audit),
                    worker_file.employment(ctx, worker_id),
                    worker_file.languages(ctx, worker_id),
                    worker_file.extra_values(ctx, worker_id), titles)


def _load_comuni() -> None:
    from sportello.core import codice_fiscale

    codice_fiscale.known_belfiore("A479")  # the first call reads the table, once


def open_file_window(owner: QWidget, ctx: Context, worker_id: int | None,
                     parent: QWidget | None,
                     shown: Callable[[WorkerFileWindow], None] | None = None,
                     failed: Callable[[BaseException], None] | None = None) -> ops.Op:
    """Read the file off the UI thread (audited: on the write lane; a new file's choices on
    the read lane), then build and show its window; ``shown(window)`` follows. Nothing
    happens if ``owner`` is gone by then."""

    def show(data: FileData) -> None:
        window = WorkerFileWindow(ctx, data, parent, staged=True)

        def build() -> None:  # a few tabs per turn of the event loop, then the window
            if not shiboken6.isValid(window):
                return
            if window.build_step():
                QTimer.singleShot(0, build)
                return
            window.show()
            if shown is not None:
                shown(window)

        QTimer.singleShot(0, build)  # the window's frame in this turn, its first tab in the next

    if worker_id is None:
        return ops.read(owner, lambda: read_file(ctx, None), done=show, failed=failed)
    return ops.write(owner, lambda: read_file(ctx, worker_id), done=show, failed=failed)


class WorkerFileWindow(QWidget):
    saved = Signal(int)  # the file (or its employment, diary) was written
    created = Signal(int)  # a new file was created; the window now shows it
    open_requested = Signal(int)  # open another file (an existing CF, a similar person)
    save_finished = Signal(bool)  # a save (Salva, Ctrl+S) ended: True when all was saved

    def __init__(self, ctx: Context, data: FileData, parent: QWidget | None = None, *,
                 staged: bool = False) -> None:
        """Build the window on ``data`` (``read_file``): no database work here. ``staged``:
        only the frame now, the tabs with ``build_step`` (``open_file_window``)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.saved.connect(lambda _id: changes.announce(changes.WORKERS, source=self))
        # what this writes is shown everywhere (gui.changes)
        self.created.connect(lambda _id: changes.announce(changes.WORKERS, source=self))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("workerFileWindow")
        self.setAcceptDrops(True)  # a file dropped here is attached (Documenti)
        self.ctx = ctx
        self.worker_id = data.detail.id if data.detail is not None else None
        self._detail: WorkerDetail | None = None
        self._employment: Employment | None = None
        self._force_close = False
        self._saving = False  # a save is on its way: Salva and Ctrl+S wait for it
        self._close_after_save = False  # closing asked for "Salva": close once saved

        self.fields = FieldBinder(self)  # WorkerForm
        self.employment_fields = FieldBinder(self)  # EmploymentForm
        self.diary_fields = FieldBinder(self)  # the note being written

        # header: who this is, and the situation at a glance
        self.title_label = QLabel()
        self.title_label.setObjectName("fileTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("fileSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("fileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)

        # bottom: what happened, and the buttons
        self.message_label = QLabel()
        self.message_label.setObjectName("fileMessage")
        self.message_label.setWordWrap(True)
        self.status_button = QPushButton()
        self.status_button.setObjectName("statusButton")
        self.status_button.clicked.connect(self.toggle_status)
        self.access_button = QPushButton(self.tr("Accesso ai dati…"))
        self.access_button.setObjectName("accessRequestButton")
        self.access_button.setToolTip(self.tr(
            "Richiesta di accesso (GDPR): tutti i dati della persona in Excel e PDF"))
        self.access_button.clicked.connect(lambda: self.access_request())
        self.reload_button = QPushButton(self.tr("Ricarica"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setToolTip(self.tr("Rilegge il fascicolo dal database"))
        self.reload_button.clicked.connect(self.reload)
        self.save_button = QPushButton(self.tr("Salva"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Salva le modifiche (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Chiudi"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setToolTip(self.tr("Chiude la finestra (Esc)"))
        self.close_button.clicked.connect(self.close)

        header = QVBoxLayout()
        header.setContentsMargins(16, 12, 16, 4)
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addWidget(self.summary_label)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 6, 16, 12)
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.access_button)
        bottom.addWidget(self.status_button)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        # Ctrl+PgDn / Ctrl+PgUp: the next / previous tab, as in browsers and office suites
        # (QTabWidget itself only knows Ctrl+Tab, and only with the focus inside it)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), self,
                  lambda: self._step_tab(1))
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), self,
                  lambda: self._step_tab(-1))

        self._steps: Iterator[None] | None = self._build(data)
        if not staged:
            while self.build_step():
                pass

    def build_step(self) -> bool:
        """Build the next part of the window (a tab); False once it is complete.

        ``open_file_window`` builds one part per turn of the event loop and shows the window
        when it is complete: building all eleven tabs at once kept the UI thread busy for
        120-190 ms."""
        if self._steps is None:
            return False
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None
            return False
        return True

    def _build(self, data: FileData) -> Iterator[None]:
        """The tabs, one per step, then the file's data in them."""
        ctx = self.ctx
        self.anagrafica = AnagraficaPage(self.fields, data.operators)
        self._add_tab(self.anagrafica, self.tr("&Anagrafica"))
        yield
        self.contacts = ContactsPage(self.fields)
        self._add_tab(self.contacts, self.tr("&Contatti e indirizzi"))
        yield
        self.education = EducationPage(self.fields)
        self._add_tab(self.education, self.tr("&Istruzione e patente"))
        yield
        self.employment = EmploymentPage(self.employment_fields, data.vertenze)
        self._add_tab(self.employment, self.tr("Situazione &lavorativa"))
        yield
        self.pacts = PactsPage(ctx, self._worker_ref)
        self._add_tab(self.pacts, self.tr("&Patto di servizio"))
        yield
        self.pathways = PathwaysPage(ctx, self._worker_ref)
        self._add_tab(self.pathways, self.tr("Pe&rcorsi"))
        yield
        self.work = WorkPage(ctx, self._worker_ref)
        self._add_tab(self.work, self.tr("Lavoro e impre&sa"))
        yield
        self.diary = DiaryPage(self.diary_fields, choices(DiaryKind))
        self.diary.add_requested.connect(self.add_diary)
        self._add_tab(self.diary, self.tr("&Diario"))
        yield
        self.appointments = RowsPage(
            [self.tr("Data"), self.tr("Ora"), self.tr("Operatore"), self.tr("Motivo"),
             self.tr("Stato"), self.tr("Esito")],
            self.tr("Nessun appuntamento per questo fascicolo."), self._appointment_rows)
        self.book_button = QPushButton(self.tr("Prenota…"))
        self.book_button.setObjectName("bookButton")
        self.book_button.clicked.connect(self.book)
        self.appointments.buttons.addWidget(self.book_button)
        self.appointments.buttons.addStretch(1)
        self._add_tab(self.appointments, self.tr("Appunta&menti"))
        yield
        self.letters = LettersPage(ctx, self._worker_ref, data.letter_titles)
        self._add_tab(self.letters, self.tr("L&ettere"))
        yield
        self.vouchers = VouchersPage(ctx, self._worker_ref)
        self._add_tab(self.vouchers, self.tr("&Voucher"))
        self.documents = DocumentsPage(ctx, self._worker_ref)
        self._add_tab(self.documents, self.tr("Doc&umenti"))
        for page in self._path_pages():
            page.changed.connect(self._path_changed)
        yield
        self.tabs.currentChanged.connect(self._tab_shown)
        for binder in (self.fields, self.employment_fields, self.diary_fields):
            binder.changed.connect(self._update_modified)
        self.anagrafica.cf_edit.textEdited.connect(self._cf_typed)
        yield
        if self.worker_id is None:
            self._start_new()
        else:
            self._show_file(data)
        self._restore_geometry()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """A file dragged over a saved file's window: it will be attached (Documenti)."""
        if self.worker_id is not None and DocumentsPage.dropped_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = DocumentsPage.dropped_file(event) if self.worker_id is not None else None
        if path:
            event.acceptProposedAction()
            self.tabs.setCurrentWidget(self.documents)
            self.documents.attach(path)

    def _add_tab(self, page: QWidget, text: str) -> None:
        self.tabs.addTab(page, text)
        # styled and measured now, in this step, not all at once when the window is shown
        page.ensurePolished()
        page.minimumSizeHint()
        page.sizeHint()

    def access_request(self, folder: str | None = None) -> object | None:
        """Richiesta di accesso (GDPR): what the database holds on this person, xlsx + PDF
        in a chosen folder (``folder``: no dialog). The service decides who may."""
        if self.worker_id is None:
            return None
        from sportello.gui.admin.privacy_tab import access_request

        return access_request(self.ctx, self, self.worker_id, folder)

    # ------------------------------------------------------------------ loading

    @property
    def is_new(self) -> bool:
        return self.worker_id is None

    @property
    def detail(self) -> WorkerDetail | None:
        return self._detail

    def _start_new(self) -> None:
        self.fields.load({"assigned_operator_id": self.ctx.actor.id if self.ctx.actor else None})
        self.employment_fields.load({})
        self.diary_fields.load({})
        for page in self._history_pages():
            self.tabs.setTabEnabled(self.tabs.indexOf(page), False)
        self.education.show_languages([])
        self.employment.show_extra([])
        self._show_header()
        self.anagrafica.cf_edit.setFocus()

    def _history_pages(self) -> list[QWidget]:
        return [self.pacts, self.pathways, self.work, self.diary, self.appointments,
                self.letters, self.vouchers, self.documents]

    def _path_pages(self) -> list[QWidget]:
        """The tabs that write about the file's paths and documents (``changed``)."""
        return [self.pacts, self.pathways, self.work, self.vouchers, self.letters,
                self.documents]

    def _show_file(self, data: FileData) -> None:
        """Show what ``read_file`` read; the lists of the other tabs are read when shown."""
        assert data.detail is not None and data.employment is not None
        self._show_detail(data.detail)
        self._employment = data.employment
        self.employment_fields.load(vars(data.employment.form))
        self.education.show_languages(data.languages)
        self.employment.show_extra(data.extra)
        for page in self._history_pages():
            self.tabs.setTabEnabled(self.tabs.indexOf(page), True)
            page.loaded = False
        self._show_header()
        self._tab_shown(self.tabs.currentIndex())
        self.diary_fields.mark_clean()

    def _show_detail(self, detail: WorkerDetail) -> None:
        self._detail = detail
        combo = self.fields.widget("assigned_operator_id")
        operator = detail.form.assigned_operator_id
        if operator is not None and combo.findData(operator) < 0:  # no longer active
            combo.addItem(detail.operator_name or f"#{operator}", operator)
        self.fields.load(detail.form.values())
        self.anagrafica.cf_info.setText(self._birth_summary(detail.form))
        self._show_header()

    def _load_employment(self, then: Then | None = None) -> None:
        """Read the employment situation again (read lane) and show it; then ``then``."""
        assert self.worker_id is not None
        ctx, worker_id = self.ctx, self.worker_id

        def show(employment: Employment) -> None:
            self._employment = employment
            self.employment_fields.load(vars(employment.form))
            self._show_header()
            if then is not None:
                then()

        ops.read(self, lambda: worker_file.employment(ctx, worker_id), done=show)

    def _step_tab(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (-1) tab, wrapping around."""
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if self.worker_id is None or getattr(page, "loaded", True):
            return
        if page is self.diary:
            self._load_diary()
        else:
            page.load()

    def reload(self) -> None:
        """Read the file again, discarding the edits (after asking)."""
        if self.worker_id is None:
            return
        if self.fields.is_dirty() or self.employment_fields.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Ricarica"),
                self.tr("Scartare le modifiche non salvate e rileggere il fascicolo?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._reload_quietly()

    def _reload_quietly(self) -> None:
        """Read the file again (not audited: it is open already) and show it."""
        assert self.worker_id is not None
        ctx, worker_id = self.ctx, self.worker_id

        def show(data: FileData) -> None:
            self._show_file(data)
            self._say(self.tr("Fascicolo riletto dal database."))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, NotFound):
                ops.show_failure(self, exc)
                return
            QMessageBox.warning(self, self.tr("Fascicolo"), str(exc))
            self._force_close = True
            self.close()

        ops.read(self, lambda: read_file(ctx, worker_id, audit=False), done=show,
                 failed=failed, busy=[self.reload_button])

    def reload_if_clean(self) -> None:
        """After a change made elsewhere (a merge): show it, unless the clerk is editing."""
        if not self.is_dirty() and self.worker_id is not None:
            self._reload_quietly()

    def toggle_status(self) -> None:
        """Suspend an open file (asking why) or reopen it (workers.set_status)."""
        if self.worker_id is None or self._detail is None:
            return
        if self.fields.is_dirty():
            QMessageBox.information(self, self.tr("Stato del fascicolo"), self.tr(
                "Salvare o annullare prima le modifiche all'anagrafica."))
            return
        reason: str | None = None
        if self._detail.status == FileStatus.APERTO:
            reason, ok = QInputDialog.getText(
                self, self.tr("Sospendi il fascicolo"),
                self.tr("Motivo della sospensione (resta nelle note del fascicolo):"))
            if not ok:
                return
            target = FileStatus.SOSPESO
        else:
            target = FileStatus.APERTO
        ctx, worker_id = self.ctx, self.worker_id

        def job() -> WorkerDetail:
            workers.set_status(ctx, worker_id, target, reason or None)
            return workers.get(ctx, worker_id, audit_open=False)

        def done(detail: WorkerDetail) -> None:
            self._show_detail(detail)
            self._say(self.tr("Fascicolo {status}.").format(
                status=label(FileStatus, detail.status).lower()))
            self.saved.emit(worker_id)

        ops.write(self, job, done=done, failed=lambda exc: self._refused(ops.message_for(exc)),
                  busy=[self.status_button])

    # ------------------------------------------------------------------ header

    def _show_header(self) -> None:
        if self._detail is None:
            self.title_label.setText(self.tr("Nuovo fascicolo"))
            self.summary_label.setText(self.tr(
                "Scrivere il codice fiscale: data, luogo di nascita e sesso si compilano da soli."))
            self.status_button.setVisible(False)
            self.reload_button.setVisible(False)
            self._update_modified()
            return
        self.status_button.setVisible(True)
        self.reload_button.setVisible(True)
        if self._detail.status == FileStatus.APERTO:
            self.status_button.setText(self.tr("Sospendi…"))
            self.status_button.setToolTip(self.tr("Sospende il fascicolo, indicando il motivo"))
        else:
            self.status_button.setText(self.tr("Riapri"))
            self.status_button.setToolTip(self.tr("Riporta il fascicolo allo stato aperto"))
        form = self._detail.form
        self.title_label.setText(f"{form.surname} {form.name}")
        parts = [form.codice_fiscale]
        birth = self._birth_summary(form)
        if birth:
            parts.append(birth)
        parts.append(self.tr("Fascicolo {status}").format(
            status=label(FileStatus, self._detail.status).lower()))
        if self._detail.operator_name:
            parts.append(self.tr("Operatore: {name}").format(name=self._detail.operator_name))
        if self._employment is not None:
            if self._employment.vertenza_title:
                parts.append(self.tr("Vertenza: {title}").format(
                    title=self._employment.vertenza_title))
            if self._employment.cohort_exit:
                parts.append(self.tr("Uscito dalla coorte: {how} ({date})").format(
                    how=code_label(COHORT_EXITS, self._employment.cohort_exit).lower(),
                    date=format_date(self._employment.cohort_exit_on)))
            emp = self._employment.form
            if emp.cigs_end:
                parts.append(self.tr("CIGS fino al {date}").format(date=format_date(emp.cigs_end)))
            if emp.naspi_end:
                parts.append(self.tr("NASpI fino al {date}").format(
                    date=format_date(emp.naspi_end)))
        self.summary_label.setText("  ·  ".join(parts))
        self._update_modified()

    def _birth_summary(self, form: WorkerForm) -> str:
        if not form.birth_date:
            return ""
        place = form.birth_place or ""
        if place and form.birth_province and form.birth_province != "EE":
            place = f"{place} ({form.birth_province})"
        date = format_date(form.birth_date)
        if form.sex == Sex.F:
            text = self.tr("nata il {date}").format(date=date)
        elif form.sex == Sex.M:
            text = self.tr("nato il {date}").format(date=date)
        else:
            text = self.tr("nato/a il {date}").format(date=date)
        if place:
            text = self.tr("{born} a {place}").format(born=text, place=place)
        return text

    def _update_modified(self) -> None:
        if self._detail is None:
            title = self.tr("Nuovo fascicolo")
        else:
            title = self.tr("{surname} {name} – fascicolo").format(
                surname=self._detail.form.surname, name=self._detail.form.name)
        self.setWindowTitle(title + "[*]")
        self.setWindowModified(self.is_dirty())

    # ------------------------------------------------------------------ codice fiscale

    def _cf_typed(self, text: str) -> None:
        """16 characters typed: fill sex, birth date and birthplace from the code."""
        upper = text.upper()
        if upper != text:  # shown in capitals while typing
            edit = self.anagrafica.cf_edit
            position = edit.cursorPosition()
            edit.setText(upper)
            edit.setCursorPosition(position)
        code = "".join(upper.split())
        info = self.anagrafica.cf_info
        if len(code) < 16:
            self.fields.clear_error("codice_fiscale")
            info.clear()
            return
        try:
            details = workers.details_from_cf(code)
        except SportelloError as exc:
            info.clear()
            self.fields.show_error("codice_fiscale", str(exc))
            return
        self.fields.clear_error("codice_fiscale")
        for key in CF_FILLED:
            self.fields.set_value(key, details[key])
            self.fields.clear_error(key)
        filled = WorkerForm(**{key: details[key] for key in CF_FILLED})  # type: ignore[arg-type]
        info.setText(self.tr("Dal codice fiscale: {summary}").format(
            summary=self._birth_summary(filled)))

    # ------------------------------------------------------------------ saving

    def is_dirty(self) -> bool:
        return (self.fields.is_dirty() or self.employment_fields.is_dirty()
                or self._diary_draft())

    def _diary_draft(self) -> bool:
        return bool(self.diary_fields.value("subject") or self.diary_fields.value("body"))

    def save(self) -> None:
        """Salva: what changed (the file, its employment situation, a note being written),
        as one job on the write lane; ``save_finished`` tells how it ended. Ignored while a
        save is on its way."""
        if self._saving:
            return
        self._say("")
        if self.worker_id is None:
            self._create()
            return
        if not self.is_dirty():
            self._say(self.tr("Nessuna modifica da salvare."))
            self.save_finished.emit(True)
            return
        steps: list[tuple[str, dict[str, object]]] = []
        if self.fields.is_dirty():
            self.fields.clear_errors()
            values = self._read(self.fields)
            if values is None:
                self._finish_save(False)
                return
            steps.append(("worker", values))
        # A field that cannot be read stops the save there; what comes before it is saved
        # (as the clerk would by saving the tabs one by one).
        unreadable: tuple[FieldBinder, FieldError] | None = None
        if self.employment_fields.is_dirty():
            self.employment_fields.clear_errors()
            try:
                steps.append(("employment", self.employment_fields.values()))
            except FieldError as exc:
                unreadable = (self.employment_fields, exc)
        if unreadable is None and self._diary_draft():
            self.diary_fields.clear_errors()
            try:
                steps.append(("diary", self.diary_fields.values()))
            except FieldError as exc:
                unreadable = (self.diary_fields, exc)
        self._run_steps(steps, unreadable,
                        self.tr("Salvato alle {time}.").format(
                            time=dt.datetime.now().strftime("%H:%M")))

    def _read(self, binder: FieldBinder) -> dict[str, object] | None:
        try:
            return binder.values()
        except FieldError as exc:
            self._field_error(binder, exc.name, exc.message)
            return None

    def _binder_of(self, step: str) -> FieldBinder:
        return {"worker": self.fields, "employment": self.employment_fields}.get(
            step, self.diary_fields)

    def _run_steps(self, steps: list[tuple[str, dict[str, object]]],
                   unreadable: tuple[FieldBinder, FieldError] | None,
                   message: str | None) -> None:
        """Write ``steps`` in order in one job on the write lane, stopping at the first
        refusal; then show what was saved, the refusal, or ``unreadable`` (a field error
        found before writing), else ``message``."""
        if not steps:
            if unreadable is not None:
                self._field_error(unreadable[0], unreadable[1].name, unreadable[1].message)
            self._finish_save(unreadable is None)
            return
        assert self.worker_id is not None
        ctx, worker_id = self.ctx, self.worker_id
        version = self._detail.version if self._detail is not None else 0
        employment_version = self._employment.version if self._employment is not None else None
        # what the fields show now: if the clerk types on while the save is on its way,
        # the saved values are not put back over the new edits
        states = {name: self._binder_of(name).state() for name, _values in steps}

        def job() -> tuple[dict[str, object], str | None, SportelloError | None]:
            done: dict[str, object] = {}
            for name, values in steps:
                try:
                    if name == "worker":
                        done[name] = workers.save(ctx, worker_id, version,
                                                  WorkerForm(**values))  # type: ignore[arg-type]
                    elif name == "employment":
                        done[name] = worker_file.save_employment(
                            ctx, worker_id, EmploymentForm(**values),  # type: ignore[arg-type]
                            expected_version=employment_version)
                    else:
                        worker_file.add_diary(ctx, worker_id, str(values["kind"]),
                                              values["subject"], values["body"])  # type: ignore[arg-type]
                        done[name] = worker_file.diary(ctx, worker_id)
                except SportelloError as exc:
                    return done, name, exc
            return done, None, None

        def written(result: tuple[dict[str, object], str | None, SportelloError | None]) -> None:
            done, failed_step, exc = result
            self._show_written(done, states)
            if exc is not None and failed_step is not None:
                values = dict(steps)[failed_step]
                self._step_refused(failed_step, values, exc)
                return
            if unreadable is not None:
                self._field_error(unreadable[0], unreadable[1].name, unreadable[1].message)
                self._finish_save(False)
                return
            if message:
                self._say(message)
            self._finish_save(True)

        def failed(exc: BaseException) -> None:  # not a refusal: a bug or a broken database
            self._refused(ops.message_for(exc))
            self._finish_save(False)

        self._saving = True
        ops.write(self, job, done=written, failed=failed,
                  busy=[self.save_button, self.reload_button, self.diary.add_button])

    def _show_written(self, done: dict[str, object], states: dict[str, object]) -> None:
        """Show what the save wrote, unless the clerk has changed those fields since."""
        assert self.worker_id is not None
        detail = done.get("worker")
        if isinstance(detail, WorkerDetail):
            if self.fields.state() == states["worker"]:
                self._show_detail(detail)
            else:
                self._detail = detail  # the next save goes on from the saved version
            self.saved.emit(self.worker_id)
        employment = done.get("employment")
        if isinstance(employment, Employment):
            self._employment = employment
            if self.employment_fields.state() == states["employment"]:
                self.employment_fields.load(vars(employment.form))
            self._show_header()
            self.saved.emit(self.worker_id)
        if "diary" in done:
            if self.diary_fields.state() == states["diary"]:
                kind = self.diary_fields.value("kind")
                self.diary_fields.load({"kind": kind, "subject": None, "body": None})
            self._show_diary(done["diary"])  # type: ignore[arg-type]
            self._say(self.tr("Annotazione aggiunta al diario."))
            self.saved.emit(self.worker_id)

    def _step_refused(self, step: str, values: dict[str, object], exc: SportelloError) -> None:
        binder = self._binder_of(step)
        if isinstance(exc, ValidationError):
            self._service_error(binder, exc)
        elif isinstance(exc, RecordConflict) and step == "worker":
            loaded = self._detail.form.values() if self._detail is not None else {}
            self._conflict(exc, binder, values, loaded, self._reload_worker_part)
            return
        elif isinstance(exc, RecordConflict) and step == "employment":
            loaded = vars(self._employment.form) if self._employment else {}
            self._conflict(exc, binder, values, loaded, self._load_employment)
            return
        else:
            self._refused(str(exc))
        self._finish_save(False)

    def _finish_save(self, ok: bool) -> None:
        self._saving = False
        close = self._close_after_save
        self._close_after_save = False
        self.save_finished.emit(ok)
        if close and ok:
            self._force_close = True
            self.close()

    def _worker_ref(self) -> tuple[int, str] | None:
        """The file shown, as the path dialogs want it: (id, "Surname Name")."""
        if self.worker_id is None or self._detail is None:
            return None
        return self.worker_id, f"{self._detail.form.surname} {self._detail.form.name}"

    def _path_changed(self) -> None:
        """A path tab wrote: the other path tabs read again when shown; the header and
        the status follow (a hire or a closed file changes them) unless being edited."""
        sender = self.sender()
        for page in self._path_pages():
            if page is not sender:
                page.loaded = False
        if self.worker_id is not None and not self.fields.is_dirty():
            self._reload_worker_part()
        self.saved.emit(self.worker_id)

    def _reload_worker_part(self, then: Then | None = None) -> None:
        """Read the file's own data again (read lane) and show it; then ``then``."""
        assert self.worker_id is not None
        ctx, worker_id = self.ctx, self.worker_id

        def show(detail: WorkerDetail) -> None:
            self._show_detail(detail)
            if then is not None:
                then()

        ops.read(self, lambda: workers.get(ctx, worker_id, audit_open=False), done=show)

    def _create(self, form: WorkerForm | None = None, allow_similar: bool = False) -> None:
        """Create the file (write lane); the window then shows it."""
        if form is None:
            self.fields.clear_errors()
            values = self._read(self.fields)
            if values is None:
                self._finish_save(False)
                return
            if self.employment_fields.is_dirty() and self._read(self.employment_fields) is None:
                self._finish_save(False)
                return
            form = WorkerForm(**values)  # type: ignore[arg-type]
        ctx = self.ctx

        def job() -> tuple[int, FileData]:
            new_id = workers.create(ctx, form, allow_similar=allow_similar)
            return new_id, read_file(ctx, new_id, audit=False)

        self._saving = True
        ops.write(self, job, done=self._created,
                  failed=lambda exc: self._create_refused(exc, form),
                  busy=[self.save_button])

    def _created(self, result: tuple[int, FileData]) -> None:
        new_id, data = result
        self._saving = False
        self.worker_id = new_id
        employment_pending = self.employment_fields.is_dirty()
        pending = self.employment_fields.values() if employment_pending else None
        self._show_file(data)
        self.created.emit(new_id)
        if pending is None:
            self._say(self.tr("Fascicolo creato."))
            self._finish_save(True)
            return
        for key, value in pending.items():
            self.employment_fields.set_value(key, value)
        self.employment_fields.clear_errors()
        self._run_steps([("employment", self.employment_fields.values())], None,
                        self.tr("Fascicolo creato."))

    def _create_refused(self, exc: BaseException, form: WorkerForm) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self._service_error(self.fields, exc)
        elif isinstance(exc, ExistingFile):
            QMessageBox.information(
                self, self.tr("Fascicolo già presente"),
                self.tr("{message}\nSi apre il fascicolo esistente; i dati scritti qui non"
                        " sono stati salvati.").format(message=exc))
            self.open_requested.emit(exc.worker_id)
            self._finish_save(False)
            self._force_close = True
            self.close()
            return
        elif isinstance(exc, SimilarPeopleFound):
            dialog = SimilarPeopleDialog(exc.candidates, self)
            answer = dialog.exec()
            if answer == SimilarPeopleDialog.CREATE:
                self._create(form, allow_similar=True)
                return
            if answer == SimilarPeopleDialog.OPEN and dialog.chosen_id is not None:
                self.open_requested.emit(dialog.chosen_id)
            self._say(self.tr("Fascicolo non creato."))
        else:
            self._refused(ops.message_for(exc))
        self._finish_save(False)

    def add_diary(self) -> None:
        """Aggiungi: write the note of the diary box (kind, subject, text) into the diary."""
        if self.worker_id is None or self._saving:
            return
        self.diary_fields.clear_errors()
        values = self._read(self.diary_fields)
        if values is None:
            return
        self._run_steps([("diary", values)], None, None)

    # ------------------------------------------------------------------ errors and conflicts

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        palette = self.message_label.palette()
        role = QPalette.ColorRole.WindowText
        palette.setColor(role, Qt.GlobalColor.darkRed if error else self.palette().color(role))
        self.message_label.setPalette(palette)

    def _refused(self, message: str) -> None:
        self._say(message, error=True)
        QMessageBox.warning(self, self.tr("Non salvato"), message)

    def _page_of(self, widget: QWidget) -> int:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                return index
        return -1

    def _field_error(self, binder: FieldBinder, name: str, message: str) -> None:
        widget = binder.widget(name)
        page = self._page_of(widget)
        if page >= 0:
            self.tabs.setCurrentIndex(page)
        binder.show_error(name, message)
        scroll = self.tabs.widget(page) if page >= 0 else None
        if hasattr(scroll, "ensureWidgetVisible"):
            scroll.ensureWidgetVisible(widget)  # type: ignore[union-attr]
        self._say(self.tr("Non salvato: {field}: {message}").format(
            field=binder.label(name), message=message), error=True)

    def _service_error(self, binder: FieldBinder, exc: ValidationError) -> None:
        if exc.field and binder.has(exc.field):
            self._field_error(binder, exc.field, str(exc))
        else:
            self._refused(str(exc))

    def _conflict(self, exc: RecordConflict, binder: FieldBinder, mine: dict[str, object],
                  loaded: dict[str, object], reload_part: Callable[[Then], None]) -> None:
        """Both versions side by side; the clerk's values stay unless they choose otherwise."""
        rows = []
        for key, value in exc.mine.items():
            if value != exc.theirs.get(key):
                name = binder.label(key) if binder.has(key) else key
                rows.append((name, binder.display(key, value),
                             binder.display(key, exc.theirs.get(key))))
        self._say(self.tr("Non salvato: il fascicolo è stato modificato da un altro operatore."),
                  error=True)
        answer = ConflictDialog(rows, exc.their_version, self).exec()
        if answer == ConflictDialog.RELOAD:
            def reloaded() -> None:
                self._say(self.tr(
                    "Le vostre modifiche sono state scartate: ecco la versione salvata."))
                self._update_modified()
                self._finish_save(False)

            reload_part(reloaded)
        elif answer == ConflictDialog.REAPPLY:
            changed = {k: v for k, v in mine.items() if v != loaded.get(k)}

            def reapply() -> None:
                for key, value in changed.items():
                    binder.set_value(key, value)
                self._say(self.tr("Versione salvata riletta, con sopra le vostre modifiche:"
                                  " controllare e salvare."))
                self._update_modified()
                self._finish_save(False)

            reload_part(reapply)
        else:
            self._update_modified()
            self._finish_save(False)

    # ------------------------------------------------------------------ lists

    def _load_diary(self) -> None:
        assert self.worker_id is not None
        self._show_diary(worker_file.diary(self.ctx, self.worker_id))

    def _show_diary(self, rows: list[worker_file.DiaryRow]) -> None:
        entries = []
        for row in rows:
            cells = [format_datetime(row.at), label(DiaryKind, row.kind), row.subject or "",
                     row.operator_name or ""]
            text = "\n\n".join(part for part in (row.subject, row.body) if part)
            entries.append((cells, text))
        self.diary.show_entries(entries)

    def _appointment_rows(self) -> list[list[str]]:
        assert self.worker_id is not None
        found = sorted(worker_file.appointments(self.ctx, self.worker_id),
                       key=lambda a: a.starts_at, reverse=True)
        return [[format_date(a.starts_at.date()), a.starts_at.strftime("%H:%M"),
                 a.operator_name, a.purpose or "", label(AppointmentStatus, a.status),
                 label(AppointmentOutcome, a.outcome)]
                for a in found]

    def book(self) -> None:
        """Open the booking dialog for this worker, then show the appointments again."""
        if self.worker_id is None:
            return
        dialog = BookingDialog(self.ctx, self.worker_id, self)
        dialog.exec()
        self.appointments.load()

    # ------------------------------------------------------------------ closing

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        if self._detail is None:
            text = self.tr("Il nuovo fascicolo non è ancora stato salvato. Salvarlo prima di"
                           " chiudere?")
        else:
            text = self.tr("Il fascicolo di {who} ha modifiche non salvate. Salvarle prima di"
                           " chiudere?").format(who=self.title_label.text())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Modifiche non salvate"),
            text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Salva"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Non salvare"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec())

    @property
    def closing_after_save(self) -> bool:
        """Closing waits for a save on its way (the window closes if it succeeds)."""
        return self._close_after_save

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._saving and not self._force_close:  # close once the save is in, if it is
            self._close_after_save = True
            event.ignore()
            return
        if not self._force_close and self.is_dirty():
            answer = self._ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self._close_after_save = True
                self.save()  # closes the window when it succeeds
                event.ignore()
                return
        QSettings().setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        screen = self.screen().availableGeometry()
        self.resize(min(1120, int(screen.width() * 0.92)), min(780, int(screen.height() * 0.92)))

