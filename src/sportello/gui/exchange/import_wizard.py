"""The import wizard: the Region's list from file to fascicoli, one step at a time.

File -> sheet and header row -> columns -> vertenza -> preview (counts, row errors,
conflicts) -> import (all, valid rows only, or a trial) -> result and error report.
Every rule (header detection, mapping proposal, checks, upsert, conflicts, refusal) is
``services.imports``'; the wizard shows what it says. Reading, analysing and writing run
in ``Task`` threads that open their own sessions.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.exchange import sheet_reader
from sportello.core.exchange.profiles import FIELDS
from sportello.core.exchange.report import write_error_report
from sportello.core.exchange.sheet_reader import SheetData, column_letter
from sportello.core.services import exchange_log, imports, profile_store
from sportello.gui import changes, ops
from sportello.gui.exchange.common import (
    ERROR_FILL,
    HEADER_FILL,
    SPREADSHEET_SUFFIXES,
    WARNING_FILL,
    item,
    read_only_table,
    run_task,
    show_message,
    split_message,
    spreadsheet_filter,
)
from sportello.gui.kit.inputs import format_datetime
from sportello.gui.kit.screen_fit import resize_within_screen
from sportello.gui.shared import navigation
from sportello.gui.tasks import Task

PREVIEW_SCAN = imports.HEADER_SCAN_ROWS + imports.PREVIEW_ROWS + 5


# --------------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """Holds what the pages share: the file, its inspection, the settings, the analysis."""

    FILE, SHEET, MAPPING, VERTENZA, PREVIEW, RESULT = range(6)
    imported = Signal(int)  # exchange id of a completed import

    def __init__(self, ctx: Context, parent: QWidget | None = None,
                 path: Path | str | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.imported.connect(lambda _id: changes.announce(
            changes.IMPORTS, changes.WORKERS, source=self))
        self.ctx = ctx
        self.path: Path | None = None
        self.book: sheet_reader.Workbook | None = None
        self.inspection: imports.FileInspection | None = None
        self.settings: imports.ImportSettings | None = None
        self.analysis: imports.Analysis | None = None
        self.result: imports.ImportResult | None = None
        # the conflicts where the clerk chose the sheet's value: (codice fiscale, field)
        self.take_sheet: set[tuple[str, str]] = set()
        self.task: Task | None = None
        self.last_message: QMessageBox | None = None
        self.setWindowTitle(self.tr("Importa un elenco di lavoratori"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Avanti >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Indietro"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annulla"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Fine"))
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.vertenza_page = VertenzaPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for pid, page in ((self.FILE, self.file_page), (self.SHEET, self.sheet_page),
                          (self.MAPPING, self.mapping_page), (self.VERTENZA, self.vertenza_page),
                          (self.PREVIEW, self.preview_page), (self.RESULT, self.result_page)):
            self.setPage(pid, page)
        resize_within_screen(self, 1020, 660)
        if path is not None:
            self.file_page.load(Path(path))

    # -- state shared by the pages

    def sheet_preview(self, name: str) -> imports.SheetPreview | None:
        if self.inspection is None:
            return None
        return next((s for s in self.inspection.sheets if s.name == name), None)

    def sheet_data(self, name: str) -> SheetData | None:
        if self.book is None:
            return None
        return next((s for s in self.book.sheets if s.name == name), None)

    def busy(self) -> bool:
        return self.task is not None and self.task.isRunning()

    def start(self, job: Any, title: str, label: str, succeeded: Any, failed: Any, *,
              cancellable: bool = True) -> Task:
        def done(value: object) -> None:
            self.task = None
            succeeded(value)

        def not_done(message: str) -> None:
            self.task = None
            failed(message)

        self.task = run_task(self, job, title, label, succeeded=done, failed=not_done,
                             cancellable=cancellable)
        return self.task

    def save_report(self, parent: QWidget) -> Path | None:
        """Ask where, then write the highlighted copy of the sheet (the core's report)."""
        if self.analysis is None:
            return None
        default = self.analysis.path.with_name(f"{self.analysis.path.stem}_esito.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Salva il rapporto degli errori"), str(default),
            self.tr("Cartella di lavoro Excel (*.xlsx)"))
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_error_report(self.analysis, out)
        except (SportelloError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            show_message(self, QMessageBox.Icon.Warning, self.tr("Rapporto degli errori"),
                         str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        return written

    def reject(self) -> None:
        if self.task is not None and self.task.isRunning():
            self.task.cancel()
            self.task.wait()
        super().reject()


def _status(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(text)
    label.setProperty("error", error)
    label.setStyleSheet("color: #B00020;" if error else "")


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


# --------------------------------------------------------------------------- 1. file


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Il file da importare"))
        self.setSubTitle(self.tr(
            "Scegliere il foglio Excel o OpenDocument ricevuto dalla Regione (.xlsx, .xlsm, .xls, "
            ".ods). Il file non viene modificato."))
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("&File:"))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Scegliere un file oppure trascinarlo qui"))
        self.path_edit.returnPressed.connect(self._typed)
        # "Avanti" follows the typing: enabled as soon as the path names an existing file
        self.path_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self._advance = False  # "Avanti" clicked on a typed path: go on once it is read
        label.setBuddy(self.path_edit)
        self.browse = QPushButton(self.tr("&Sfoglia…"))
        self.browse.clicked.connect(self.choose)
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("fileStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def choose(self) -> None:
        start = str(self.w.path.parent) if self.w.path else ""
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Scegli il file da importare"),
                                                start, spreadsheet_filter())
        if chosen:
            self.load(Path(chosen))

    def _typed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.load(Path(text))

    def load(self, path: Path) -> None:
        """Read the file's sheets and find the header (off the GUI thread)."""
        if self.w.busy():
            return
        self.w.path = path
        self.w.book = self.w.inspection = self.w.settings = None
        self.w.analysis = self.w.result = None
        self.path_edit.setText(str(path))
        _status(self.status, self.tr("Lettura di {name}…").format(name=path.name))
        self.completeChanged.emit()
        ctx = self.w.ctx

        def job(_progress: object) -> tuple[sheet_reader.Workbook, imports.FileInspection]:
            book = sheet_reader.preview(path, rows=PREVIEW_SCAN)
            return book, imports.inspect_file(ctx, path)

        self.w.start(job, self.tr("Importazione"), self.tr("Lettura del file…"),
                     self._read, self._unreadable, cancellable=False)

    def _typed_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def _read(self, found: tuple[sheet_reader.Workbook, imports.FileInspection]) -> None:
        self.w.book, self.w.inspection = found
        insp = self.w.inspection
        best = self.w.sheet_preview(insp.best_sheet) if insp.best_sheet else None
        if best is not None and best.settings is not None:
            mapped = sum(1 for c in best.settings.columns if c.field)
            text = self.tr(
                "Foglio «{sheet}»: intestazione trovata nella riga {row}, {mapped} colonne "
                "riconosciute su {total}.").format(
                sheet=best.name, row=best.header_row, mapped=mapped,
                total=len(best.settings.columns))
            if insp.profile:
                text += " " + self.tr("Profilo riconosciuto: «{profile}».").format(
                    profile=insp.profile)
        else:
            text = self.tr("Non trovo la riga di intestazione: indicarla nel passo successivo.")
        _status(self.status, text)
        self.completeChanged.emit()
        if self._advance:
            self._advance = False
            self.w.next()

    def _unreadable(self, message: str) -> None:
        self._advance = False
        self.w.book = self.w.inspection = None
        _status(self.status, message, error=True)
        self.completeChanged.emit()

    def _loaded(self) -> bool:
        return self.w.inspection is not None and self._typed_path() == self.w.path

    def isComplete(self) -> bool:
        if self.w.busy():
            return False
        typed = self._typed_path()
        if typed is None or typed == self.w.path:  # read already: only if it was readable
            return self._loaded()
        return typed.is_file()  # typed, not read yet: "Avanti" reads it

    def validatePage(self) -> bool:
        """A path typed but not read yet (no Enter): read it, then go on by itself."""
        if self._loaded():
            return True
        typed = self._typed_path()
        if typed is not None and not self.w.busy():
            self._advance = True
            self.load(typed)
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_spreadsheet(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_spreadsheet(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.load(path)


def dropped_spreadsheet(mime: Any) -> Path | None:
    """The first local file of a drop, if it looks like a spreadsheet."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SPREADSHEET_SUFFIXES:
                return path
    return None


# --------------------------------------------------------------------------- 2. sheet and header


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Foglio e riga di intestazione"))
        self.setSubTitle(self.tr(
            "La riga evidenziata è quella dei titoli delle colonne. Se non è giusta, indicare "
            "un'altra riga o fare clic sulla riga giusta."))
        layout = QVBoxLayout(self)
        form = QHBoxLayout()
        sheet_label = QLabel(self.tr("F&oglio:"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setMinimumContentsLength(24)
        sheet_label.setBuddy(self.sheet_combo)
        header_label = QLabel(self.tr("&Riga di intestazione:"))
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("headerRow")
        self.header_spin.setRange(1, PREVIEW_SCAN)
        header_label.setBuddy(self.header_spin)
        form.addWidget(sheet_label)
        form.addWidget(self.sheet_combo)
        form.addSpacing(16)
        form.addWidget(header_label)
        form.addWidget(self.header_spin)
        form.addStretch(1)
        layout.addLayout(form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.grid = QTableWidget()
        self.grid.setObjectName("sheetGrid")
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.grid.setWordWrap(False)
        self.grid.cellClicked.connect(self._row_clicked)
        layout.addWidget(self.grid, 1)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.header_spin.valueChanged.connect(self._highlight)

    def initializePage(self) -> None:
        insp = self.w.inspection
        if insp is None:
            return
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sheet in insp.sheets:
            text = self.tr("{name} ({rows} righe)").format(name=sheet.name, rows=sheet.rows)
            if not sheet.visible:
                text += " " + self.tr("(nascosto)")
            self.sheet_combo.addItem(text, sheet.name)
        wanted = self.w.settings.sheet if self.w.settings else insp.best_sheet
        index = self.sheet_combo.findData(wanted) if wanted else 0
        self.sheet_combo.setCurrentIndex(max(index, 0))
        self.sheet_combo.blockSignals(False)
        self._sheet_changed(keep_header=self.w.settings is not None)

    def current_sheet(self) -> str:
        return str(self.sheet_combo.currentData() or "")

    def set_header(self, row: int) -> None:
        self.header_spin.setValue(row)

    def _sheet_changed(self, *_args: object, keep_header: bool = False) -> None:
        name = self.current_sheet()
        preview = self.w.sheet_preview(name)
        data = self.w.sheet_data(name)
        rows = data.rows if data else []
        first_row = data.first_row if data else 1
        first_col = data.first_col if data else 1
        width = max((len(r) for r in rows), default=0)
        self.grid.clear()
        self.grid.setRowCount(len(rows))
        self.grid.setColumnCount(width)
        self.grid.setHorizontalHeaderLabels([column_letter(first_col + j) for j in range(width)])
        self.grid.setVerticalHeaderLabels([str(first_row + i) for i in range(len(rows))])
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                self.grid.setItem(i, j, item(imports.cell_text(value)))
        self.grid.resizeColumnsToContents()
        for j in range(width):
            self.grid.setColumnWidth(j, min(self.grid.columnWidth(j), 220))
        self.header_spin.setRange(first_row, max(first_row, first_row + len(rows) - 1))
        if keep_header and self.w.settings is not None and self.w.settings.sheet == name:
            header = self.w.settings.header_row
        else:
            header = preview.header_row if preview and preview.header_row else first_row
        if preview is not None and preview.header_row:
            self.note.setText(self.tr("Intestazione trovata automaticamente nella riga {row}.")
                              .format(row=preview.header_row))
        elif not rows:
            self.note.setText(self.tr("Questo foglio è vuoto."))
        else:
            self.note.setText(self.tr(
                "Non trovo l'intestazione in questo foglio: indicare la riga dei titoli delle "
                "colonne (per esempio «Codice fiscale», «Cognome», «Nome»)."))
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(header)
        self.header_spin.blockSignals(False)
        self._highlight()
        self.completeChanged.emit()

    def _row_clicked(self, row: int, _column: int) -> None:
        data = self.w.sheet_data(self.current_sheet())
        self.header_spin.setValue((data.first_row if data else 1) + row)

    def _highlight(self, *_args: object) -> None:
        data = self.w.sheet_data(self.current_sheet())
        first_row = data.first_row if data else 1
        header_index = self.header_spin.value() - first_row
        bold = QFont(self.grid.font())
        bold.setBold(True)
        for i in range(self.grid.rowCount()):
            for j in range(self.grid.columnCount()):
                cell = self.grid.item(i, j)
                if cell is None:
                    continue
                is_header = i == header_index
                cell.setData(Qt.ItemDataRole.BackgroundRole, HEADER_FILL if is_header else None)
                cell.setData(Qt.ItemDataRole.ForegroundRole, QGuiApplication.palette().text()
                             if not is_header else Qt.GlobalColor.black)
                cell.setFont(bold if is_header else self.grid.font())
        if 0 <= header_index < self.grid.rowCount() and self.grid.columnCount():
            self.grid.scrollTo(self.grid.model().index(header_index, 0))

    def header_is_highlighted(self, excel_row: int) -> bool:
        """Whether ``excel_row`` shows as the header (tests, as a person would check)."""
        data = self.w.sheet_data(self.current_sheet())
        i = excel_row - (data.first_row if data else 1)
        cell = self.grid.item(i, 0)
        return cell is not None and cell.background().color() == HEADER_FILL

    def isComplete(self) -> bool:
        data = self.w.sheet_data(self.current_sheet())
        return bool(data and data.rows)

    def validatePage(self) -> bool:
        name, header = self.current_sheet(), self.header_spin.value()
        current = self.w.settings
        if current is not None and current.sheet == name and current.header_row == header:
            return True  # keep the clerk's mapping
        preview = self.w.sheet_preview(name)
        if preview is not None and preview.settings is not None and preview.header_row == header:
            self.w.settings = preview.settings
        else:
            data = self.w.sheet_data(name)
            if data is None:
                return False
            self.w.settings = imports.settings_for_header(data, header)
        self.w.analysis = None
        return True


# --------------------------------------------------------------------------- 3. mapping

_IGNORE = ""


class MappingPage(QWizardPage):
    COL_LETTER, COL_HEADER, COL_SAMPLE, COL_FIELD = range(4)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Le colonne"))
        self.setSubTitle(self.tr(
            "A quale dato di Sportello corrisponde ogni colonna del foglio. Le colonne in giallo "
            "sono associate per somiglianza: controllarle."))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        profile_label = QLabel(self.tr("&Profilo:"))
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setMinimumContentsLength(40)
        profile_label.setBuddy(self.profile_combo)
        self.apply_profile = QPushButton(self.tr("&Usa il profilo"))
        self.apply_profile.clicked.connect(self._use_profile)
        self.save_profile = QPushButton(self.tr("Salva come pro&filo…"))
        self.save_profile.setObjectName("saveProfile")
        self.save_profile.clicked.connect(self._save_profile)
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo, 1)
        top.addWidget(self.apply_profile)
        top.addSpacing(12)
        top.addWidget(self.save_profile)
        layout.addLayout(top)
        self.table = read_only_table([self.tr("Colonna"), self.tr("Intestazione nel foglio"),
                                      self.tr("Esempio"), self.tr("Dato di Sportello")])
        self.table.setObjectName("mappingTable")
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_LETTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_HEADER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_FIELD, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(self.COL_FIELD, 280)
        header.setStretchLastSection(False)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # which reading the values chose, and the columns left out, each with its reason
        self.readings = QLabel()
        self.readings.setObjectName("mappingReadings")
        self.readings.setWordWrap(True)
        self.readings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.readings)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        self._fill_profiles()
        self._fill()

    def _fill_profiles(self, select: str | None = None) -> None:
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("— proposta automatica —"), None)
        try:
            profiles = profile_store.list_profiles(self.w.ctx)
        except SportelloError:
            profiles = []
        for info in profiles:
            origin = self.tr("predefinito") if info.origin == "predefinito" else self.tr("salvato")
            self.profile_combo.addItem(f"{info.name} ({origin})", info.name)
        wanted = select or (self.w.settings.profile if self.w.settings else None)
        index = self.profile_combo.findData(wanted) if wanted else 0
        self.profile_combo.setCurrentIndex(max(index, 0))

    def _samples(self) -> dict[int, str]:
        """The first non-empty value under the header, per Excel column."""
        settings = self.w.settings
        data = self.w.sheet_data(settings.sheet) if settings else None
        if settings is None or data is None:
            return {}
        found: dict[int, str] = {}
        start = settings.header_row - data.first_row + 1
        for row in data.rows[start:]:
            for j, value in enumerate(row):
                text = imports.cell_text(value)
                if text and data.first_col + j not in found:
                    found[data.first_col + j] = text
        return found

    def _fill(self) -> None:
        settings = self.w.settings
        self.table.setRowCount(0)
        self.combos = []
        if settings is None:
            return
        samples = self._samples()
        self.table.setRowCount(len(settings.columns))
        for r, col in enumerate(settings.columns):
            self.table.setItem(r, self.COL_LETTER, item(col.letter))
            self.table.setItem(r, self.COL_HEADER, item(col.header))
            self.table.setItem(r, self.COL_SAMPLE, item(samples.get(col.index, "")))
            combo = QComboBox()
            combo.addItem(self.tr("— non importare —"), _IGNORE)
            for key, spec in FIELDS.items():
                combo.addItem(spec.label, key)
            combo.setAccessibleName(self.tr("Dato per la colonna {letter}").format(
                letter=col.letter))
            combo.currentIndexChanged.connect(
                lambda _i, index=col.index, box=combo: self._changed(index, box))
            self.table.setCellWidget(r, self.COL_FIELD, combo)
            self.combos.append(combo)
        self._show_settings()

    def _show_settings(self) -> None:
        """Combos and marks from ``self.w.settings`` (after a change, a profile...)."""
        settings = self.w.settings
        if settings is None:
            return
        uncertain = 0
        for r, col in enumerate(settings.columns):
            combo = self.combos[r]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(col.field or _IGNORE), 0))
            combo.blockSignals(False)
            low = col.field is not None and col.confidence < 1.0
            uncertain += low
            tip = self.tr("Associata per somiglianza ({percent}%): controllare.").format(
                percent=round(col.confidence * 100)) if low else None
            for c in (self.COL_LETTER, self.COL_HEADER, self.COL_SAMPLE):
                cell = self.table.item(r, c)
                cell.setData(Qt.ItemDataRole.BackgroundRole, WARNING_FILL if low else None)
                cell.setData(Qt.ItemDataRole.ForegroundRole,
                             Qt.GlobalColor.black if low else None)
                cell.setToolTip(tip or "")
            letter = self.table.item(r, self.COL_LETTER)
            letter.setText(f"{col.letter} ?" if low else col.letter)
        mapped = sum(1 for c in settings.columns if c.field)
        text = self.tr("{mapped} colonne su {total} saranno importate.").format(
            mapped=mapped, total=len(settings.columns))
        if uncertain:
            text += " " + self.tr("Associazioni da controllare (in giallo): {n}.").format(
                n=uncertain)
        _status(self.status, text)
        self.readings.setText("\n".join(self.reading_lines()))

    def reading_lines(self) -> list[str]:
        """The columns read by their values and the columns not imported, with the reasons."""
        settings = self.w.settings
        data = self.w.sheet_data(settings.sheet) if settings else None
        if settings is None or data is None:
            return []
        lines = [self.tr("Lettura scelta dai valori: {reading}").format(reading=c.reading())
                 for c in settings.columns if c.reason]
        lines += [self.tr("Colonna non importata: {column}").format(column=u.text())
                  for u in imports.unused_columns(data, settings)]
        return lines

    def is_uncertain(self, letter: str) -> bool:
        settings = self.w.settings
        return bool(settings) and any(
            c.letter == letter and c.field is not None and c.confidence < 1.0
            for c in settings.columns)

    def field_of(self, letter: str) -> str | None:
        settings = self.w.settings
        if settings is None:
            return None
        return next((c.field for c in settings.columns if c.letter == letter), None)

    def set_field(self, letter: str, key: str | None) -> None:
        """Choose the field of a column as the clerk would, through its combo box."""
        assert self.w.settings is not None
        r = next(i for i, c in enumerate(self.w.settings.columns) if c.letter == letter)
        combo = self.combos[r]
        combo.setCurrentIndex(combo.findData(key or _IGNORE))

    def _changed(self, index: int, combo: QComboBox) -> None:
        if self.w.settings is None:
            return
        key = combo.currentData() or None
        codes = FIELDS[key].codes if key else None
        self.w.settings = self.w.settings.with_field(index, key, codes)
        self.w.analysis = None
        self._show_settings()

    def _use_profile(self) -> None:
        name = self.profile_combo.currentData()
        settings = self.w.settings
        if self.w.path is None or settings is None:
            return
        if name is None:  # back to the automatic proposal
            preview = self.w.sheet_preview(settings.sheet)
            data = self.w.sheet_data(settings.sheet)
            if preview is not None and preview.settings is not None and not preview.settings.profile:
                self.w.settings = preview.settings
            elif data is not None:
                self.w.settings = imports.settings_for_header(data, settings.header_row)
        else:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                found = imports.inspect_file(self.w.ctx, self.w.path, profile=name)
            except SportelloError as exc:
                QGuiApplication.restoreOverrideCursor()
                _status(self.status, str(exc), error=True)
                return
            QGuiApplication.restoreOverrideCursor()
            sheet = next((s for s in found.sheets if s.name == settings.sheet), None)
            if sheet is None or sheet.settings is None or sheet.settings.profile != name:
                _status(self.status, self.tr(
                    "Il profilo «{profile}» non corrisponde alle intestazioni del foglio «{sheet}»."
                ).format(profile=name, sheet=settings.sheet), error=True)
                return
            self.w.settings = sheet.settings
            self.w.sheet_page.set_header(sheet.settings.header_row)
        self.w.analysis = None
        self._fill()

    def _save_profile(self) -> None:
        settings = self.w.settings
        if settings is None:
            return
        default = settings.profile or (self.w.path.stem if self.w.path else "")
        name, ok = QInputDialog.getText(
            self, self.tr("Salva come profilo"),
            self.tr("Nome del profilo (per riconoscere i prossimi fogli con queste colonne):"),
            QLineEdit.EchoMode.Normal, default)
        name = name.strip()
        if not ok or not name:
            return

        def saved(_result: object) -> None:
            if self.w.settings is settings:  # not changed while the profile was saved
                self.w.settings = dataclasses.replace(settings, profile=name)
            self._fill_profiles(select=name)
            _status(self.status, self.tr("Profilo «{name}» salvato.").format(name=name))

        ops.write(self, partial(profile_store.save_profile, self.w.ctx, settings, name),
                  done=saved, busy=(self.save_profile,),
                  failed=lambda exc: _status(self.status, ops.message_for(exc), error=True))


# --------------------------------------------------------------------------- 4. vertenza


class VertenzaPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("La vertenza"))
        self.setSubTitle(self.tr(
            "I lavoratori dell'elenco possono essere collegati a una vertenza (il tavolo di crisi "
            "da cui provengono): ricevono la situazione lavorativa con i dati del foglio."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.none_radio = QRadioButton(self.tr("&Nessuna vertenza: solo i fascicoli"))
        self.existing_radio = QRadioButton(self.tr("Una vertenza &esistente:"))
        self.new_radio = QRadioButton(self.tr("Una nuova &vertenza:"))
        for i, radio in enumerate((self.none_radio, self.existing_radio, self.new_radio)):
            self.group.addButton(radio, i)
        self.existing_combo = QComboBox()
        self.existing_combo.setObjectName("vertenzaCombo")
        self.existing_combo.setMinimumContentsLength(40)
        layout.addWidget(self.none_radio)
        layout.addSpacing(8)
        layout.addWidget(self.existing_radio)
        indent = QHBoxLayout()
        indent.addSpacing(28)
        indent.addWidget(self.existing_combo)
        indent.addStretch(1)
        layout.addLayout(indent)
        layout.addSpacing(8)
        layout.addWidget(self.new_radio)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("vertenzaCode")
        self.code_edit.setMaxLength(40)
        self.code_edit.setPlaceholderText(self.tr("es. KON-AT"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("vertenzaTitle")
        self.title_edit.setPlaceholderText(self.tr("es. Konecta Asti"))
        self.company_edit = QLineEdit()
        self.company_edit.setObjectName("vertenzaCompany")
        self.new_box = QWidget()
        form = QFormLayout(self.new_box)
        form.setContentsMargins(28, 0, 0, 0)
        form.addRow(self.tr("&Codice:"), self.code_edit)
        form.addRow(self.tr("&Titolo:"), self.title_edit)
        form.addRow(self.tr("A&zienda:"), self.company_edit)
        layout.addWidget(self.new_box)
        layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)
        for edit in (self.code_edit, self.title_edit, self.company_edit):
            edit.textChanged.connect(self.completeChanged)
        self.existing_combo.currentIndexChanged.connect(self.completeChanged)
        self._filled = False

    def initializePage(self) -> None:
        if self._filled:
            return
        self._filled = True
        try:
            rows = exchange_log.vertenze(self.w.ctx)
        except SportelloError:
            rows = []
        for row in rows:
            self.existing_combo.addItem(f"{row.title} ({row.code})", row.code)
        self.existing_radio.setEnabled(bool(rows))
        (self.existing_radio if rows else self.new_radio).setChecked(True)
        self._toggled()

    def _toggled(self, *_args: object) -> None:
        self.existing_combo.setEnabled(self.existing_radio.isChecked())
        self.new_box.setEnabled(self.new_radio.isChecked())
        self.w.analysis = None
        self.completeChanged.emit()

    def choice(self) -> imports.VertenzaChoice | None:
        if self.existing_radio.isChecked():
            return imports.VertenzaChoice(str(self.existing_combo.currentData()))
        if self.new_radio.isChecked():
            code = self.code_edit.text().strip()
            return imports.VertenzaChoice(code, title=self.title_edit.text().strip() or None,
                                          company_name=self.company_edit.text().strip() or None,
                                          create=True)
        return None

    def isComplete(self) -> bool:
        if self.existing_radio.isChecked():
            return self.existing_combo.currentData() is not None
        if self.new_radio.isChecked():
            return bool(self.code_edit.text().strip())
        return self.none_radio.isChecked()


# --------------------------------------------------------------------------- 5. preview


class _Figure(QFrame):
    """A count with its caption, as on a dashboard."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.number = _bold(QLabel("–"), 1.5)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set(self, value: int | None) -> None:
        self.number.setText("–" if value is None else str(value))
        self.setAccessibleName(f"{self.caption.text()}: {self.number.text()}")


def figures(parent: QWidget, captions: list[tuple[str, str]]) -> tuple[QGridLayout, dict[str, _Figure]]:
    grid = QGridLayout()
    grid.setSpacing(8)
    found = {}
    for i, (key, caption) in enumerate(captions):
        fig = _Figure(caption, f"figure_{key}")
        found[key] = fig
        grid.addWidget(fig, 0, i)
    return grid, found


def issues_table(parent: QWidget) -> QTableWidget:
    table = read_only_table([
        QCoreApplication.translate("ImportTables", "Riga"),
        QCoreApplication.translate("ImportTables", "Colonna"),
        QCoreApplication.translate("ImportTables", "Intestazione"),
        QCoreApplication.translate("ImportTables", "Tipo"),
        QCoreApplication.translate("ImportTables", "Motivo")])
    table.setObjectName("issuesTable")
    header = table.horizontalHeader()
    for c in range(4):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_issues(parent: QWidget, table: QTableWidget, analysis: imports.Analysis) -> None:
    error_text = QCoreApplication.translate("ImportTables", "Errore")
    warning_text = QCoreApplication.translate("ImportTables", "Avviso")
    issues = sorted(analysis.errors + analysis.warnings,
                    key=lambda i: (i.row, i.level != "errore", i.column or ""))
    table.setRowCount(len(issues))
    for r, issue in enumerate(issues):
        error = issue.level == "errore"
        fill = ERROR_FILL if error else WARNING_FILL
        table.setItem(r, 0, item(issue.row, fill=fill, align_right=True))
        table.setItem(r, 1, item(issue.column or "", fill=fill))
        table.setItem(r, 2, item(issue.header or "", fill=fill))
        table.setItem(r, 3, item(error_text if error else warning_text, fill=fill))
        table.setItem(r, 4, item(issue.message, fill=fill, tip=issue.text()))


def conflicts_table(parent: QWidget) -> QTableWidget:
    table = read_only_table([
        QCoreApplication.translate("ImportTables", "Riga"),
        QCoreApplication.translate("ImportTables", "Lavoratore"),
        QCoreApplication.translate("ImportTables", "Codice fiscale"),
        QCoreApplication.translate("ImportTables", "Dato"),
        QCoreApplication.translate("ImportTables", "In Sportello"),
        QCoreApplication.translate("ImportTables", "Nel foglio"),
        QCoreApplication.translate("ImportTables", "Si tiene")])
    table.setObjectName("conflictsTable")
    table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
    header = table.horizontalHeader()
    for c in range(4):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_conflicts(table: QTableWidget, conflicts: list[imports.Conflict],
                   take_sheet: set[tuple[str, str]] | None = None) -> None:
    """One row per conflict, with the value that is kept: Sportello's unless the clerk chose
    the sheet's (``take_sheet``)."""
    from sportello.core.exchange import values

    table.setRowCount(len(conflicts))
    for r, c in enumerate(conflicts):
        sheet = (c.codice_fiscale, c.field) in (take_sheet or ())
        kept = QCoreApplication.translate("ImportTables", "il foglio") if sheet else \
            QCoreApplication.translate("ImportTables", "Sportello")
        table.setItem(r, 6, item(kept, fill=WARNING_FILL if sheet else None))
        table.setItem(r, 0, item(c.row, align_right=True, tip=c.text()))
        table.setItem(r, 1, item(c.who, tip=c.text()))
        table.setItem(r, 2, item(c.codice_fiscale))
        table.setItem(r, 3, item(c.label))
        table.setItem(r, 4, item(values.describe(c.local_value)))
        table.setItem(r, 5, item(values.describe(c.sheet_value), fill=WARNING_FILL))
        table.item(r, 0).setData(Qt.ItemDataRole.UserRole, c.worker_id)


def columns_table(parent: QWidget) -> QTableWidget:
    table = read_only_table([
        QCoreApplication.translate("ImportTables", "Colonna"),
        QCoreApplication.translate("ImportTables", "Intestazione"),
        QCoreApplication.translate("ImportTables", "Dato di Sportello"),
        QCoreApplication.translate("ImportTables", "Perché")])
    table.setObjectName("columnsTable")
    header = table.horizontalHeader()
    for c in range(3):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_columns(table: QTableWidget, settings: imports.ImportSettings,
                 unused: list[imports.UnusedColumn]) -> None:
    """Every column: the field it goes to and, when the values chose it, why; the columns not
    imported (highlighted) with the reason."""
    skipped = {u.index: u for u in unused}
    rows: list[tuple[str, str, str, str, bool]] = []
    for col in settings.columns:
        if col.field is None:
            why = skipped[col.index].reason if col.index in skipped else ""
            rows.append((col.letter, col.header, QCoreApplication.translate(
                "ImportTables", "— non importata —"), why, True))
        else:
            why = col.reason or ("" if col.confidence >= 1.0 else QCoreApplication.translate(
                "ImportTables", "intestazione simile ({percent}%): controllare").format(
                percent=round(col.confidence * 100)))
            rows.append((col.letter, col.header, FIELDS[col.field].label, why, False))
    known = {c.index for c in settings.columns}
    rows += [(u.letter, u.header, QCoreApplication.translate("ImportTables", "— non importata —"),
              u.reason, True) for u in unused if u.index not in known]
    table.setRowCount(len(rows))
    for r, (letter, header, target, why, left_out) in enumerate(rows):
        fill = WARNING_FILL if left_out else None
        table.setItem(r, 0, item(letter, fill=fill))
        table.setItem(r, 1, item(header, fill=fill))
        table.setItem(r, 2, item(target, fill=fill))
        table.setItem(r, 3, item(why, fill=fill, tip=why or None))


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Anteprima: che cosa succederà"))
        self.setSubTitle(self.tr(
            "Ogni riga è stata controllata e confrontata con i fascicoli: finora non è stato "
            "scritto nulla."))
        layout = QVBoxLayout(self)
        grid, self.figures = figures(self, [
            ("rows", self.tr("Righe con dati")), ("new", self.tr("Nuovi fascicoli")),
            ("updated", self.tr("Aggiornati")), ("unchanged", self.tr("Invariati")),
            ("errors", self.tr("Righe con errori")), ("warnings", self.tr("Avvisi")),
            ("conflicts", self.tr("Conflitti"))])
        layout.addLayout(grid)
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.keep_extra = QCheckBox(self.tr(
            "&Conserva nei fascicoli le colonne non importate, come dati aggiuntivi (altrimenti "
            "sono ignorate)"))
        self.keep_extra.setObjectName("keepExtra")
        self.keep_extra.toggled.connect(self._keep_extra_toggled)
        layout.addWidget(self.keep_extra)
        self.tabs = QTabWidget()
        self.issues = issues_table(self)
        self.conflicts = conflicts_table(self)
        self.columns = columns_table(self)
        conflicts_box = QWidget()
        box = QVBoxLayout(conflicts_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.conflicts, 1)
        choice = QHBoxLayout()
        self.take_sheet_button = QPushButton(self.tr("Usa il valore del fo&glio"))
        self.take_sheet_button.setObjectName("takeSheet")
        self.take_sheet_button.setToolTip(self.tr(
            "Nei conflitti selezionati il valore del foglio sostituisce quello di Sportello"))
        self.take_sheet_button.clicked.connect(lambda: self.choose_sheet(True))
        self.keep_local_button = QPushButton(self.tr("&Mantieni il valore di Sportello"))
        self.keep_local_button.setObjectName("keepLocal")
        self.keep_local_button.clicked.connect(lambda: self.choose_sheet(False))
        choice.addStretch(1)
        choice.addWidget(self.keep_local_button)
        choice.addWidget(self.take_sheet_button)
        box.addLayout(choice)
        self.tabs.addTab(self.issues, self.tr("Errori e avvisi"))
        self.tabs.addTab(conflicts_box, self.tr("Conflitti"))
        self.tabs.addTab(self.columns, self.tr("Colonne"))
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Salva il &rapporto degli errori…"))
        self.report_button.clicked.connect(self._save_report)
        self.trial_button = QPushButton(self.tr("&Prova senza scrivere"))
        self.trial_button.clicked.connect(lambda: self.run_import(valid_only=True, dry_run=True))
        self.valid_button = QPushButton(self.tr("Importa solo le righe &valide"))
        self.valid_button.setObjectName("importValid")
        self.valid_button.clicked.connect(lambda: self.run_import(valid_only=True))
        self.all_button = QPushButton(self.tr("Importa &tutto"))
        self.all_button.setObjectName("importAll")
        self.all_button.clicked.connect(lambda: self.run_import(valid_only=False))
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        for b in (self.trial_button, self.valid_button, self.all_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.saved_report: Path | None = None

    def _actions(self, enabled: bool) -> None:
        for b in (self.trial_button, self.valid_button, self.all_button):
            b.setEnabled(enabled)
        a = self.w.analysis
        for b in (self.take_sheet_button, self.keep_local_button):
            b.setEnabled(bool(enabled and a is not None and a.conflicts))
        self.report_button.setEnabled(bool(enabled and a is not None and (
            a.errors or a.warnings or a.conflicts)))

    def initializePage(self) -> None:
        self.w.take_sheet = set()
        self.keep_extra.blockSignals(True)
        self.keep_extra.setChecked(bool(self.w.settings and self.w.settings.keep_extra))
        self.keep_extra.blockSignals(False)
        self.analyse()

    def _keep_extra_toggled(self, checked: bool) -> None:
        if self.w.settings is None or self.w.busy():
            return
        self.w.settings = dataclasses.replace(self.w.settings, keep_extra=checked)
        self.analyse()

    def choose_sheet(self, sheet: bool) -> None:
        """The selected conflicts keep the sheet's value (or Sportello's again)."""
        a = self.w.analysis
        if a is None:
            return
        for index in self.conflicts.selectionModel().selectedRows():
            c = a.conflicts[index.row()]
            if sheet:
                self.w.take_sheet.add((c.codice_fiscale, c.field))
            else:
                self.w.take_sheet.discard((c.codice_fiscale, c.field))
        selected = [i.row() for i in self.conflicts.selectionModel().selectedRows()]
        fill_conflicts(self.conflicts, a.conflicts, self.w.take_sheet)
        for row in selected:
            self.conflicts.selectRow(row)
        self._conflict_note(a)

    def _conflict_note(self, a: imports.Analysis) -> None:
        taken = len(self.w.take_sheet)
        self.conflict_note = self.tr(
            "Conflitti: {kept} con il valore di Sportello, {taken} con il valore del foglio."
        ).format(kept=len(a.conflicts) - taken, taken=taken)
        self.tabs.setTabToolTip(1, self.conflict_note)

    def analyse(self) -> None:
        self.w.result = None
        self.w.take_sheet = set()
        self.issues.setRowCount(0)
        self.conflicts.setRowCount(0)
        self.columns.setRowCount(0)
        for fig in self.figures.values():
            fig.set(None)
        self._actions(False)
        self.w.analysis = None  # always analysed afresh: the database may have changed too
        settings = self.w.settings
        path = self.w.path
        if settings is None or path is None:
            return
        vertenza = self.w.vertenza_page.choice()
        ctx = self.w.ctx
        _status(self.status, self.tr("Controllo delle righe in corso…"))

        def job(progress: Any) -> imports.Analysis:
            return imports.analyse(ctx, path, settings, vertenza=vertenza, progress=progress)

        self.w.start(job, self.tr("Anteprima dell'importazione"),
                     self.tr("Controllo delle righe di {name}…").format(name=path.name),
                     self._analysed, self._not_analysed)

    def _analysed(self, analysis: imports.Analysis) -> None:
        self.w.analysis = analysis
        self._show(analysis)

    def _not_analysed(self, message: str) -> None:
        self.w.analysis = None
        _status(self.status, message, error=True)
        self._actions(False)

    def _show(self, a: imports.Analysis) -> None:
        values = {"rows": a.rows_total, "new": a.to_insert, "updated": a.to_update,
                  "unchanged": a.unchanged, "errors": a.invalid_rows,
                  "warnings": len(a.warnings), "conflicts": len(a.conflicts)}
        for key, value in values.items():
            self.figures[key].set(value)
        fill_issues(self, self.issues, a)
        fill_conflicts(self.conflicts, a.conflicts, self.w.take_sheet)
        self._conflict_note(a)
        fill_columns(self.columns, a.settings, a.unused)
        self.keep_extra.setEnabled(any(u.header for u in a.unused))
        self.tabs.setTabText(0, self.tr("Errori e avvisi ({n})").format(
            n=len(a.errors) + len(a.warnings)))
        self.tabs.setTabText(1, self.tr("Conflitti ({n})").format(n=len(a.conflicts)))
        self.tabs.setTabText(2, self.tr("Colonne (non importate: {n})").format(n=len(a.unused)))
        lines = []
        if a.errors:
            lines.append(self.tr(
                "Righe con errori: {n}. «Importa tutto» non scrive nulla finché non sono "
                "corrette; «Importa solo le righe valide» importa le altre.").format(
                n=a.invalid_rows))
        else:
            lines.append(self.tr("Nessun errore: tutte le righe possono essere importate."))
        if a.conflicts:
            lines.append(self.tr(
                "Nei conflitti resta il valore modificato in Sportello, salvo dove si sceglie "
                "«Usa il valore del foglio» (scheda «Conflitti»)."))
        if a.duplicates_merged:
            lines.append(self.tr("Righe ripetute (stesso codice fiscale) unite: {n}.")
                         .format(n=a.duplicates_merged))
        read = [c for c in a.settings.columns if c.reason]
        if read:
            lines.append(self.tr("Colonne lette in base ai valori: {columns}.").format(
                columns=", ".join(f"{c.letter} «{c.header}»" for c in read)))
        if a.unused:
            kept = [u for u in a.unused if u.kept]
            lines.append(self.tr("Colonne non importate: {columns} (il motivo nella scheda "
                                 "«Colonne»).").format(
                columns=", ".join(f"{u.letter} «{u.header}»" if u.header else u.letter
                                  for u in a.unused)))
            lines.append(self.tr("Conservate nei fascicoli come dati aggiuntivi: {columns}.")
                         .format(columns=", ".join(f"{u.letter} «{u.header}»" for u in kept))
                         if kept else self.tr("Le colonne non importate sono ignorate."))
        else:
            lines.append(self.tr("Tutte le colonne del foglio sono importate."))
        for note in a.skipped:
            lines.append(self.tr("Nota: la riga {row} {why}").format(row=note.row,
                                                                   why=note.message))
        for ex_id, at in a.already_imported:
            lines.append(self.tr(
                "Attenzione: questo stesso file è già stato importato (importazione n. {id}, "
                "{when}).").format(id=ex_id, when=format_datetime(at)))
        _status(self.status, "\n".join(lines))
        self._actions(True)

    def _save_report(self) -> None:
        written = self.w.save_report(self)
        if written is not None:
            self.saved_report = written
            _status(self.status, self.tr("Rapporto degli errori salvato in {path}.").format(
                path=written))

    def run_import(self, *, valid_only: bool, dry_run: bool = False) -> None:
        analysis = self.w.analysis
        if analysis is None or self.w.busy():
            return
        ctx = self.w.ctx
        take_sheet = frozenset(self.w.take_sheet)

        def job(progress: Any) -> imports.ImportResult:
            return imports.apply(ctx, analysis, valid_only=valid_only, dry_run=dry_run,
                                 take_sheet=take_sheet, progress=progress)

        self._actions(False)
        label = self.tr("Prova dell'importazione…") if dry_run else self.tr(
            "Importazione di {name}…").format(name=analysis.file_name)
        self.w.start(job, self.tr("Importazione"), label,
                     lambda result: self._imported(result), self._refused)

    def _imported(self, result: imports.ImportResult) -> None:
        self._actions(True)
        if result.dry_run:
            text = self.tr(
                "Prova riuscita, nessun dato scritto. Nuovi fascicoli: {new}; aggiornati: "
                "{updated}; invariati: {unchanged}; righe scartate per errori: {errors}.").format(
                new=result.inserted, updated=result.updated, unchanged=result.unchanged,
                errors=result.errors)
            _status(self.status, text)
            show_message(self.w, QMessageBox.Icon.Information, self.tr("Prova senza scrivere"),
                         text)
            return
        self.w.result = result
        if result.exchange_id is not None:
            self.w.imported.emit(result.exchange_id)
        self.completeChanged.emit()
        self.w.next()

    def _refused(self, message: str) -> None:
        self._actions(True)
        head, details = split_message(message)
        _status(self.status, head, error=True)
        show_message(self.w, QMessageBox.Icon.Warning, self.tr("Importazione"), head, details)

    def isComplete(self) -> bool:
        return self.w.result is not None


# --------------------------------------------------------------------------- 6. result


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Importazione completata"))
        self.setSubTitle(self.tr(
            "I dati sono stati scritti. Le righe con errori si possono rimandare a chi ha "
            "compilato il foglio con il rapporto degli errori."))
        layout = QVBoxLayout(self)
        self.summary = _bold(QLabel())
        self.summary.setObjectName("resultSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        grid, self.figures = figures(self, [
            ("new", self.tr("Nuovi fascicoli")), ("updated", self.tr("Aggiornati")),
            ("unchanged", self.tr("Invariati")), ("errors", self.tr("Righe scartate")),
            ("conflicts", self.tr("Conflitti"))])
        layout.addLayout(grid)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("resultNote")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)
        self.tabs = QTabWidget()
        self.issues = issues_table(self)
        self.conflicts = conflicts_table(self)
        self.tabs.addTab(self.issues, self.tr("Righe scartate e avvisi"))
        self.tabs.addTab(self.conflicts, self.tr("Conflitti"))
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Salva il &rapporto degli errori…"))
        self.report_button.setObjectName("saveReport")
        self.report_button.clicked.connect(self._save_report)
        self.open_button = QPushButton(self.tr("&Apri il fascicolo"))
        self.open_button.setToolTip(self.tr("Apre il fascicolo del conflitto selezionato"))
        self.open_button.clicked.connect(self.open_selected)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.conflicts.itemSelectionChanged.connect(self._selection)
        self.conflicts.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.tabs.currentChanged.connect(self._selection)
        self.saved_report: Path | None = None

    def initializePage(self) -> None:
        result, a = self.w.result, self.w.analysis
        if result is None or a is None:
            return
        self.summary.setText(self.tr(
            "Importazione n. {id} di {name} completata.").format(id=result.exchange_id,
                                                                  name=a.file_name))
        for key, value in (("new", result.inserted), ("updated", result.updated),
                           ("unchanged", result.unchanged), ("errors", result.errors),
                           ("conflicts", result.conflicts)):
            self.figures[key].set(value)
        lines = []
        if a.vertenza is not None:
            lines.append(self.tr("I lavoratori sono collegati alla vertenza «{code}».").format(
                code=a.vertenza.code))
        if result.errors:
            lines.append(self.tr("Le righe con errori non sono state importate."))
        lines.append(self.tr(
            "L'importazione si può annullare per intero dalla cronologia dell'area "
            "Import/Export."))
        _status(self.note, "\n".join(lines))
        fill_issues(self, self.issues, a)
        fill_conflicts(self.conflicts, a.conflicts, self.w.take_sheet)
        self.tabs.setTabText(0, self.tr("Righe scartate e avvisi ({n})").format(
            n=len(a.errors) + len(a.warnings)))
        self.tabs.setTabText(1, self.tr("Conflitti ({n})").format(n=len(a.conflicts)))
        self.report_button.setEnabled(bool(a.errors or a.warnings or a.conflicts))
        self._selection()

    def _selection(self, *_args: object) -> None:
        self.open_button.setEnabled(self.tabs.currentWidget() is self.conflicts
                                    and self.selected_worker() is not None)

    def selected_worker(self) -> int | None:
        rows = self.conflicts.selectionModel().selectedRows()
        if not rows:
            return None
        cell = self.conflicts.item(rows[0].row(), 0)
        value = cell.data(Qt.ItemDataRole.UserRole) if cell else None
        return int(value) if value is not None else None

    def open_selected(self) -> bool:
        """Open the selected conflict's file, through the Lavoratori area when there is one
        (one window per file, as from the list)."""
        worker_id = self.selected_worker()
        if worker_id is None:
            return False
        try:
            return navigation.open_worker_file(
                self.w.ctx, worker_id, self.w.parentWidget() or self.w)
        except SportelloError as exc:
            show_message(self.w, QMessageBox.Icon.Warning, self.tr("Fascicolo"), str(exc))
            return False

    def _save_report(self) -> None:
        written = self.w.save_report(self)
        if written is not None:
            self.saved_report = written
            _status(self.note, self.tr("Rapporto degli errori salvato in {path}.").format(
                path=written))

