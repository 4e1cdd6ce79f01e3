"""First run: the office, its first administrator and, if wanted, demonstration data.

The wizard only collects values. The rules are ``setup.validate_office`` /
``setup.validate_admin`` (checked when leaving a page, so an error shows where it
was made) and ``setup.initialise`` on Fine, which checks everything again and saves
in one transaction. A ``ValidationError`` is shown under the field it names and
nothing is saved; the wizard stays open.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sportello.core.context import Actor, Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.codes import OfficeKind
from sportello.core.services import maintenance, passwords, setup
from sportello.gui.tasks import Task, progress_dialog

DEFAULT_DEMO_WORKERS = 300
MAX_DEMO_WORKERS = 100_000
ERROR_COLOR = "#b3261e"


class _Page(QWizardPage):
    """A page with a form, an error line under each field and one for the whole page."""

    def __init__(self, title: str, subtitle: str, validate: Callable[[], bool]) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self._validate = validate
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(12)
        outer.addLayout(self.form)
        outer.addStretch()
        self.page_error = _error_label()
        outer.addWidget(self.page_error)
        self.page_error.hide()

    def validatePage(self) -> bool:  # noqa: N802
        return self._validate()


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Field:
    def __init__(self, page_id: int, widget: QWidget, error: QLabel) -> None:
        self.page_id = page_id
        self.widget = widget
        self.error = error

    def show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def clear(self) -> None:
        self.error.clear()
        self.error.hide()


class FirstRunWizard(QWizard):
    OFFICE, CONTACTS, ADMIN, FINISH = range(4)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.demo_report: str | None = None  # what happened to the demo data, for the status bar
        self.demo_summary: list[str] = []  # the demo service's own summary, when it ran
        self.demo_error: str | None = None  # why the demo data failed (not for a cancel)
        self._task: Task | None = None
        self._fields: dict[str, _Field] = {}
        self._pages: dict[int, _Page] = {}

        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Sportello — primo avvio"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Crea l'ufficio"))
        self.setMinimumSize(680, 500)

        self._build_office_page()
        self._build_contacts_page()
        self._build_admin_page()
        self._build_finish_page()

    # ------------------------------------------------------------------ pages

    def _page(self, page_id: int, title: str, subtitle: str, validate: Callable[[], bool]) -> _Page:
        page = _Page(title, subtitle, validate)
        self.setPage(page_id, page)
        self._pages[page_id] = page
        return page

    def _add(self, page_id: int, name: str, label: str, widget: QWidget) -> QWidget:
        """A form row: the label, the field and, right under the field, its error line."""
        page = self._pages[page_id]
        widget.setObjectName(name)
        error = _error_label()
        error.setObjectName(f"{name}_error")
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        # labels sit at the top of their row (the error line may grow it), as tall as the
        # field and centred in that height: level with the text inside the field
        caption.setFixedHeight(widget.sizeHint().height())
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        page.form.addRow(caption, cell)
        field = _Field(page_id, widget, error)
        field.clear()
        self._fields[name] = field
        return widget

    def _line(self, page_id: int, name: str, label: str, placeholder: str = "",
              max_length: int = 200, password: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _text, n=name: self._fields[n].clear())
        self._add(page_id, name, label, edit)
        return edit

    def _build_office_page(self) -> None:
        o = self.OFFICE
        self._page(
            o,
            self.tr("L'ufficio"),
            self.tr(
                "Benvenuti in Sportello. Per iniziare, i dati dell'ufficio: compaiono"
                " nell'intestazione delle lettere. I campi con * sono obbligatori."
            ),
            lambda: self._check_office(self.OFFICE),
        )
        self.code = self._line(o, "code", self.tr("Codice ufficio *"), self.tr("es. CPI-AT"), 20)
        self.office_name = self._line(
            o, "name", self.tr("Nome *"), self.tr("es. Centro per l'Impiego di Asti")
        )
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Centro per l'Impiego"), OfficeKind.CPI.value)
        self.kind.addItem(self.tr("Sportello Unico"), OfficeKind.SPORTELLO_UNICO.value)
        self._add(o, "kind", self.tr("Tipo di ufficio"), self.kind)
        self.address = self._line(o, "address", self.tr("Indirizzo"), self.tr("es. Via Roma 1"))
        self.comune = self._line(o, "comune", self.tr("Comune"), "", 100)
        self.cap = self._line(o, "cap", self.tr("CAP"), "", 5)
        self.cap.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 8 + 24)
        self.provincia = self._line(o, "provincia", self.tr("Provincia"), self.tr("es. AT"), 2)
        self.provincia.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 4 + 24)

    def _build_contacts_page(self) -> None:
        c = self.CONTACTS
        self._page(
            c,
            self.tr("Contatti e firma"),
            self.tr(
                "Recapiti dell'ufficio e chi firma le lettere. Tutti facoltativi: si possono"
                " lasciare vuoti."
            ),
            lambda: self._check_office(self.CONTACTS),
        )
        self.phone = self._line(c, "phone", self.tr("Telefono"), "", 40)
        self.email = self._line(c, "email", self.tr("Email"), "", 120)
        self.pec = self._line(c, "pec", self.tr("PEC"), "", 120)
        self.signatory_name = self._line(
            c, "signatory_name", self.tr("Firmatario"), self.tr("nome e cognome")
        )
        self.signatory_role = self._line(
            c, "signatory_role", self.tr("Ruolo del firmatario"),
            self.tr("es. Responsabile del Centro per l'Impiego"),
        )

    def _build_admin_page(self) -> None:
        a = self.ADMIN
        self._page(
            a,
            self.tr("Il primo amministratore"),
            self.tr(
                "Chi configura il programma e crea gli altri operatori. La password deve avere"
                " almeno %n caratteri, con lettere e cifre.", "", passwords.MIN_LENGTH,
            ),
            self._check_admin,
        )
        self.username = self._line(
            a, "username", self.tr("Nome utente *"), self.tr("es. m.rossi"), 60
        )
        self.full_name = self._line(a, "full_name", self.tr("Nome e cognome *"))
        self.password = self._line(a, "password", self.tr("Password *"), password=True)
        self.password_confirm = self._line(
            a, "password_confirm", self.tr("Conferma password *"), password=True
        )

    def _build_finish_page(self) -> None:
        f = self.FINISH
        page = self._page(
            f,
            self.tr("Pronto"),
            self.tr("Premere «Crea l'ufficio» per salvare. Database: {location}").format(
                location=maintenance.location(self.ctx)
            ),
            lambda: True,
        )
        page.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        page.form.addRow(self.summary)
        page.form.addItem(QSpacerItem(0, 12))
        self.currentIdChanged.connect(self._update_summary)
        self.demo_box = QCheckBox(self.tr("Carica dati dimostrativi"))
        self.demo_box.setObjectName("demo")
        self.demo_workers = QSpinBox()
        self.demo_workers.setObjectName("demo_workers")
        self.demo_workers.setRange(1, MAX_DEMO_WORKERS)
        self.demo_workers.setValue(DEFAULT_DEMO_WORKERS)
        self.demo_workers.setGroupSeparatorShown(True)
        self.demo_workers.setEnabled(False)
        self.demo_workers.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 9 + 48)
        self.demo_box.toggled.connect(self.demo_workers.setEnabled)
        note = QLabel(
            self.tr(
                "Dati fittizi ma realistici, per provare il programma o per la formazione."
                " Da non usare in un database con dati veri."
            )
        )
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        page.form.addRow(self.demo_box)
        page.form.addRow(self.tr("Numero di lavoratori"), self.demo_workers)
        page.form.addRow(note)

    def _update_summary(self, page_id: int) -> None:
        if page_id != self.FINISH:
            return
        office = self.office_data()
        place = " ".join(
            part for part in (office.cap.strip(), office.comune.strip(),
                              f"({office.provincia.upper()})" if office.provincia else "")
            if part
        )
        lines = [
            self.tr("<b>Ufficio:</b> {code} — {name} ({kind})").format(
                code=html.escape(office.code.strip().upper()),
                name=html.escape(office.name.strip()),
                kind=html.escape(self.kind.currentText()),
            ),
        ]
        if office.address.strip() or place:
            lines.append(html.escape(", ".join(p for p in (office.address.strip(), place) if p)))
        admin = self.admin_data()
        lines.append(
            self.tr("<b>Amministratore:</b> {full_name} (utente {username})").format(
                full_name=html.escape(admin.full_name.strip()),
                username=html.escape(admin.username.strip().lower()),
            )
        )
        self.summary.setText("<br>".join(lines))

    # ------------------------------------------------------------------ values

    def office_data(self) -> setup.OfficeData:
        return setup.OfficeData(
            code=self.code.text(), name=self.office_name.text(),
            kind=self.kind.currentData(), address=self.address.text(),
            comune=self.comune.text(), cap=self.cap.text().strip(),
            provincia=self.provincia.text().strip(), phone=self.phone.text(),
            email=self.email.text(), pec=self.pec.text(),
            signatory_name=self.signatory_name.text(),
            signatory_role=self.signatory_role.text(),
        )

    def admin_data(self) -> setup.AdminData:
        return setup.AdminData(
            username=self.username.text(), full_name=self.full_name.text(),
            password=self.password.text(),
        )

    # ------------------------------------------------------------------ errors

    def field_widget(self, name: str) -> QWidget:
        return self._fields[name].widget

    def field_error(self, name: str) -> str:
        """The error shown under a field ("" when none)."""
        field = self._fields[name]
        return "" if field.error.isHidden() else field.error.text()

    def page_error(self) -> str:
        page = self._pages.get(self.currentId())
        return page.page_error.text() if page and not page.page_error.isHidden() else ""

    def clear_errors(self, page_id: int | None = None) -> None:
        for field in self._fields.values():
            if page_id is None or field.page_id == page_id:
                field.clear()
        for pid, page in self._pages.items():
            if page_id is None or pid == page_id:
                page.page_error.hide()

    def show_validation_error(self, exc: ValidationError) -> None:
        """Go to the page of the named field, show the message under it and focus it."""
        field = self._fields.get(exc.field or "")
        if field is None:
            page = self._pages.get(self.currentId())
            if page is not None:
                page.page_error.setText(str(exc))
                page.page_error.show()
            return
        while self.currentId() > field.page_id:
            self.back()
        field.show(str(exc))
        field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field.widget, QLineEdit):
            field.widget.selectAll()

    def _check_office(self, page_id: int) -> bool:
        self.clear_errors(page_id)
        try:
            setup.validate_office(self.office_data())
        except ValidationError as exc:
            field = self._fields.get(exc.field or "")
            if field is not None and field.page_id > page_id:
                return True  # belongs to a later page: shown when that page is left
            self.show_validation_error(exc)
            return False
        return True

    def _check_admin(self) -> bool:
        self.clear_errors(self.ADMIN)
        if self.password.text() != self.password_confirm.text():
            self.show_validation_error(
                ValidationError(self.tr("Le due password non coincidono."), "password_confirm")
            )
            return False
        try:
            setup.validate_admin(self.admin_data())
        except ValidationError as exc:
            self.show_validation_error(exc)
            return False
        return True

    # ------------------------------------------------------------------ finish

    @property
    def busy(self) -> bool:
        return self._task is not None

    def accept(self) -> None:
        if self.busy:
            return
        if self.actor is None:
            self.clear_errors()
            try:
                self.actor = setup.initialise(self.ctx, self.office_data(), self.admin_data())
            except ValidationError as exc:
                self.show_validation_error(exc)
                return
            except SportelloError as exc:
                self.show_validation_error(ValidationError(str(exc)))
                return
        if self.demo_box.isChecked():
            self._start_demo()
            return
        super().accept()

    def reject(self) -> None:
        if self.busy:
            return  # the progress dialog's Annulla stops the demo data; the office is saved
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.busy and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)

    def _start_demo(self) -> None:
        from sportello import demo  # heavy: only when asked for

        ctx = self.ctx.acting_as(self.actor)  # the thread opens its own sessions
        workers = self.demo_workers.value()

        def job(progress: Callable[[int, int], bool]) -> Any:
            return demo.generate(ctx, workers=workers, progress=progress)

        task = Task(job, self)
        self._task = task
        self.progress = progress_dialog(
            self, task, self.tr("Dati dimostrativi"),
            self.tr("Creazione di %Ln lavoratori fittizi…", "", workers),
        )
        task.succeeded.connect(self._demo_succeeded)
        task.failed.connect(self._demo_failed)
        task.finished.connect(self._demo_finished)
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(False)
        task.start()
        self.progress.show()

    def _demo_succeeded(self, summary: Any) -> None:
        assert self._task is not None
        self.demo_summary = list(summary.lines()) if hasattr(summary, "lines") else [str(summary)]
        if self._task.cancelled:  # finished before it saw the cancel: the data is there
            self.demo_report = self.tr("Dati dimostrativi caricati (annullamento arrivato tardi).")
        else:
            self.demo_report = self.tr("Dati dimostrativi caricati.")

    def _demo_failed(self, message: str) -> None:
        assert self._task is not None
        if self._task.cancelled:
            text = self.tr("Caricamento dei dati dimostrativi annullato: {message}")
            self.demo_report = text.format(message=message)
            return
        self.demo_report = self.tr("Dati dimostrativi non caricati: {message}").format(
            message=message
        )
        self.demo_error = self.tr(
            "L'ufficio è stato creato, ma i dati dimostrativi non sono stati caricati.\n\n"
            "{message}"
        ).format(message=message)

    def _demo_finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        super().accept()
