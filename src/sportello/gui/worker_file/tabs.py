"""The pages of a worker's file: three anagrafica forms, the employment form, the lists.

Form pages put their widgets in a ``FieldBinder`` under the services' field names;
list pages show what a ``worker_file`` read service returns and are read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.codes import DidStatus, SafetyNet, Sex
from sportello.core.services.worker_file import QUALIFICA_CODES
from sportello.gui.kit.inputs import NumberEdit, OptionalDateEdit
from sportello.gui.worker_file import labels
from sportello.gui.worker_file.binder import FieldBinder

# Usual answers for the education level, offered while typing (the field stays free text:
# imported files bring their own wording, and the value is stored as written).
EDUCATION_LEVELS = (
    "Nessun titolo", "Licenza elementare", "Licenza media", "Qualifica professionale",
    "Diploma di scuola superiore", "ITS / post-diploma", "Laurea triennale",
    "Laurea magistrale", "Dottorato",
)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setVerticalSpacing(4)
    form.setHorizontalSpacing(10)
    return form


def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    form = _form()
    box.setLayout(form)
    return box, form


class FormPage(QScrollArea):
    """A form page: columns of group boxes, top-aligned, scrolling on small screens."""

    def set_columns(self, columns: Sequence[Sequence[QWidget]]) -> None:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(16)
        for widgets in columns:
            column = QVBoxLayout()
            column.setSpacing(12)
            for widget in widgets:
                column.addWidget(widget)
            column.addStretch(1)
            row.addLayout(column, 1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)


def _line(max_length: int | None = None, width_chars: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    if max_length:
        edit.setMaxLength(max_length)
    if width_chars:
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("M" * width_chars) + 16)
    return edit


def _choice(items: Sequence[tuple[object, str]], none_text: str = "—") -> QComboBox:
    """A combo box whose item 0 means "not given" (data ``None``)."""
    combo = QComboBox()
    combo.addItem(none_text, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _text(height_lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * height_lines + 12)
    return edit


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


# --------------------------------------------------------------------------- form pages


class AnagraficaPage(FormPage):
    """Codice fiscale (decoded while typed), names, birth, citizenship, consent, operator."""

    def __init__(self, binder: FieldBinder, operators: Sequence[tuple[int, str]]) -> None:
        super().__init__()
        person, form = _group(self.tr("Dati anagrafici"))
        self.cf_edit = _line(22, 20)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(self.cf_edit.font().pointSizeF())
        fixed.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 105)
        self.cf_edit.setFont(fixed)
        self.cf_edit.setPlaceholderText(self.tr("16 caratteri: nascita e sesso si compilano da soli"))
        self.cf_info = _hint()
        self.cf_info.setObjectName("cfInfo")
        binder.add_row(form, "codice_fiscale", self.tr("Codice fiscale"), self.cf_edit, self.cf_info)
        binder.add_row(form, "surname", self.tr("Cognome"), _line(100))
        binder.add_row(form, "name", self.tr("Nome"), _line(100))
        binder.add_row(form, "sex", self.tr("Sesso"), _choice(labels.choices(Sex)))
        binder.add_row(form, "birth_date", self.tr("Data di nascita"), OptionalDateEdit(past=True))
        binder.add_row(form, "birth_place", self.tr("Luogo di nascita"), _line(100))
        binder.add_row(form, "birth_place_code", self.tr("Codice catastale"), _line(4, 6))
        binder.add_row(form, "birth_province", self.tr("Provincia di nascita"), _line(2, 4))
        binder.add_row(form, "citizenship", self.tr("Cittadinanza"), _line(60))

        privacy, form = _group(self.tr("Privacy"))
        consent = QCheckBox(self.tr("Ha dato il consenso al trattamento dei dati"))
        binder.add_row(form, "privacy_consent", self.tr("Consenso"), consent)
        binder.add_row(form, "privacy_consent_on", self.tr("Data del consenso"), OptionalDateEdit())
        binder.add_row(form, "privacy_notice_version", self.tr("Versione dell'informativa"),
                       _line(20, 10))

        office, form = _group(self.tr("Fascicolo"))
        binder.add_row(form, "assigned_operator_id", self.tr("Operatore assegnato"),
                       _choice(operators, self.tr("— nessuno —")))
        binder.add_row(form, "notes", self.tr("Note"), _text(5))

        self.set_columns([[person], [privacy, office]])


class ContactsPage(FormPage):
    def __init__(self, binder: FieldBinder) -> None:
        super().__init__()
        self._binder = binder
        residence, form = _group(self.tr("Residenza"))
        binder.add_row(form, "residence_address", self.tr("Indirizzo"), _line(200))
        binder.add_row(form, "residence_comune", self.tr("Comune"), _line(100))
        binder.add_row(form, "residence_cap", self.tr("CAP"), _line(5, 6))
        binder.add_row(form, "residence_province", self.tr("Provincia"), _line(2, 4))

        domicile, form = _group(self.tr("Domicilio (se diverso dalla residenza)"))
        binder.add_row(form, "domicile_address", self.tr("Indirizzo"), _line(200))
        binder.add_row(form, "domicile_comune", self.tr("Comune"), _line(100))
        binder.add_row(form, "domicile_cap", self.tr("CAP"), _line(5, 6))
        binder.add_row(form, "domicile_province", self.tr("Provincia"), _line(2, 4))
        self.copy_button = QPushButton(self.tr("Copia dalla residenza"))
        self.copy_button.setObjectName("copyResidence")
        self.copy_button.clicked.connect(self.copy_residence)
        form.addRow("", self.copy_button)

        contacts, form = _group(self.tr("Recapiti"))
        binder.add_row(form, "phone", self.tr("Telefono"), _line(40))
        binder.add_row(form, "mobile", self.tr("Cellulare"), _line(40))
        binder.add_row(form, "email", self.tr("Email"), _line(120))

        self.set_columns([[residence, domicile], [contacts]])

    def copy_residence(self) -> None:
        for part in ("address", "comune", "cap", "province"):
            self._binder.set_value(f"domicile_{part}", self._binder.value(f"residence_{part}"))


class EducationPage(FormPage):
    def __init__(self, binder: FieldBinder) -> None:
        super().__init__()
        education, form = _group(self.tr("Istruzione"))
        level = QComboBox()
        level.setEditable(True)
        level.addItems(EDUCATION_LEVELS)
        level.setCurrentIndex(-1)
        level.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        binder.add_row(form, "education_level", self.tr("Livello di istruzione"), level)
        binder.add_row(form, "education_title", self.tr("Titolo di studio"), _line(200))

        languages = QGroupBox(self.tr("Lingue conosciute"))
        box = QVBoxLayout(languages)
        self.languages = read_only_table([self.tr("Lingua"), self.tr("Livello")])
        self.languages.setObjectName("languagesTable")
        self.languages.setMinimumHeight(110)
        self.languages_empty = _hint(self.tr("Nessuna lingua registrata."))
        box.addWidget(self.languages)
        box.addWidget(self.languages_empty)

        licence, form = _group(self.tr("Patente e competenze"))
        binder.add_row(form, "driving_licence", self.tr("Patente"), _line(30, 12))
        binder.add_row(form, "has_car", self.tr("Automunito"),
                       _choice([(True, self.tr("Sì")), (False, self.tr("No"))]))
        binder.add_row(form, "skills", self.tr("Competenze"), _text(6))

        self.set_columns([[education, languages], [licence]])

    def show_languages(self, rows: Sequence[tuple[str, str | None]]) -> None:
        fill_table(self.languages, [[language, level or ""] for language, level in rows])
        self.languages.setVisible(bool(rows))
        self.languages_empty.setVisible(not rows)


class EmploymentPage(FormPage):
    """The current employment situation (worker_file.employment / save_employment)."""

    def __init__(self, binder: FieldBinder, vertenze: Sequence[tuple[int, str]]) -> None:
        super().__init__()
        origin, form = _group(self.tr("Provenienza"))
        binder.add_row(form, "vertenza_id", self.tr("Vertenza"),
                       _choice(vertenze, self.tr("— nessuna —")))
        binder.add_row(form, "former_employer", self.tr("Ultimo datore di lavoro"), _line(200))
        binder.add_row(form, "former_employer_cf", self.tr("CF / P.IVA del datore"), _line(16, 18))
        binder.add_row(form, "qualifica", self.tr("Qualifica (descrizione)"), _line(200))
        qualifiche = [(code, f"{code} – {text}") for code, text in QUALIFICA_CODES.items()]
        binder.add_row(form, "qualifica_code", self.tr("Qualifica"), _choice(qualifiche))
        hours = [("F", self.tr("F – tempo pieno")), ("P", self.tr("P – tempo parziale"))]
        binder.add_row(form, "orario", self.tr("Orario"), _choice(hours))
        binder.add_row(form, "weekly_hours", self.tr("Ore settimanali"), NumberEdit(decimals=1))
        binder.add_row(form, "hired_on", self.tr("Data di assunzione"), OptionalDateEdit())
        binder.add_row(form, "exit_on", self.tr("Data di uscita"), OptionalDateEdit())

        support, form = _group(self.tr("Ammortizzatori sociali"))
        binder.add_row(form, "safety_net", self.tr("Ammortizzatore"),
                       _choice(labels.choices(SafetyNet)))
        binder.add_row(form, "cigs_start", self.tr("Inizio CIGS"), OptionalDateEdit())
        binder.add_row(form, "cigs_end", self.tr("Fine CIGS"), OptionalDateEdit())
        binder.add_row(form, "naspi_start", self.tr("Inizio NASpI"), OptionalDateEdit())
        binder.add_row(form, "naspi_end", self.tr("Fine NASpI"), OptionalDateEdit())

        did, form = _group(self.tr("DID e profilazione"))
        binder.add_row(form, "did_on", self.tr("Data della DID"), OptionalDateEdit())
        binder.add_row(form, "did_channel", self.tr("Canale della DID"), _line(40))
        binder.add_row(form, "did_status", self.tr("Stato della DID"),
                       _choice(labels.choices(DidStatus)))
        binder.add_row(form, "profiling_index", self.tr("Indice di profilazione"),
                       NumberEdit(decimals=3))
        binder.add_row(form, "profiling_on", self.tr("Data della profilazione"), OptionalDateEdit())
        binder.add_row(form, "profiling_notes", self.tr("Valutazione qualitativa"), _text(4))

        extra = QGroupBox(self.tr("Dati aggiuntivi dalle liste importate"))
        box = QVBoxLayout(extra)
        self.extra = read_only_table([self.tr("Colonna"), self.tr("Valore")])
        self.extra.setObjectName("extraValuesTable")
        self.extra.setMinimumHeight(110)
        self.extra_empty = _hint(self.tr("Nessun dato aggiuntivo: le colonne di una lista che "
                                         "Sportello non conosce si conservano qui scegliendolo "
                                         "nell'importazione."))
        box.addWidget(self.extra)
        box.addWidget(self.extra_empty)

        self.set_columns([[origin, extra], [support, did]])

    def show_extra(self, rows: Sequence[tuple[str, str]]) -> None:
        """The extra labelled values kept from imported lists (Worker.extra_values)."""
        fill_table(self.extra, [[label, value] for label, value in rows])
        self.extra.setVisible(bool(rows))
        self.extra_empty.setVisible(not rows)


# --------------------------------------------------------------------------- lists


def read_only_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value if len(value) > 40 else "")
            table.setItem(r, c, item)
    if rows:
        table.resizeColumnsToContents()
        for c in range(table.columnCount() - 1):
            table.setColumnWidth(c, min(max(table.columnWidth(c) + 16, 90), 320))


class RowsPage(QWidget):
    """A read-only list of one kind of record, loaded the first time it is shown."""

    def __init__(self, headers: Sequence[str], empty_text: str,
                 loader: Callable[[], list[list[str]]]) -> None:
        super().__init__()
        self._loader = loader
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.table = read_only_table(headers)
        layout.addWidget(self.table, 1)
        self.empty = _hint(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        self.empty.setVisible(False)

    def load(self) -> None:
        rows = self._loader()
        fill_table(self.table, rows)
        self.empty.setVisible(not rows)
        self.loaded = True

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


class DiaryPage(QWidget):
    """The diary, newest first, the selected entry in full, and a box to write a new one."""

    add_requested = Signal()

    def __init__(self, binder: FieldBinder, kinds: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)

        history = QWidget()
        box = QVBoxLayout(history)
        box.setContentsMargins(0, 0, 0, 0)
        self.table = read_only_table([self.tr("Data"), self.tr("Tipo"), self.tr("Oggetto"), self.tr("Operatore")])
        self.table.setObjectName("diaryTable")
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.empty = _hint(self.tr("Il diario è vuoto: scrivere qui sotto la prima annotazione."))
        self.body = QPlainTextEdit()
        self.body.setObjectName("diaryBody")
        self.body.setReadOnly(True)
        self.body.setPlaceholderText(self.tr("Selezionare un'annotazione per leggerla per intero."))
        inner = QSplitter(Qt.Orientation.Horizontal)
        inner.addWidget(self.table)
        inner.addWidget(self.body)
        inner.setStretchFactor(0, 3)
        inner.setStretchFactor(1, 2)
        box.addWidget(inner, 1)
        box.addWidget(self.empty)
        splitter.addWidget(history)

        new = QGroupBox(self.tr("Nuova annotazione"))
        form = _form()
        new.setLayout(form)
        kind = QComboBox()
        for value, text in kinds:
            kind.addItem(text, value)
        binder.add_row(form, "kind", self.tr("Tipo"), kind)
        binder.add_row(form, "subject", self.tr("Oggetto"), _line(200))
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setPlaceholderText(self.tr("Che cosa è stato detto o deciso nel colloquio…"))
        text.setMinimumHeight(text.fontMetrics().lineSpacing() * 4 + 12)
        binder.add_row(form, "body", self.tr("Testo"), text)
        self.add_button = QPushButton(self.tr("Aggiungi al diario"))
        self.add_button.setObjectName("addDiary")
        self.add_button.clicked.connect(self.add_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        form.addRow(row)
        splitter.addWidget(new)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self._bodies: list[str] = []
        self.loaded = False

    def show_entries(self, entries: Sequence[tuple[list[str], str]]) -> None:
        """``entries``: (date, kind, subject, operator) cells and the full text, newest first."""
        fill_table(self.table, [cells for cells, _ in entries])
        self._bodies = [body for _, body in entries]
        self.empty.setVisible(not entries)
        self.body.clear()
        if entries:
            self.table.selectRow(0)  # the latest note, in full
        self.loaded = True

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self._bodies):
            self.body.setPlainText(self._bodies[rows[0].row()])
        else:
            self.body.clear()
