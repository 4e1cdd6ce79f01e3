"""Shared by the path areas: value labels, Italian formats, a table model, form dialogs.

Labels of coded values are presentation only (which values exist and which may follow
which is the services' business). Money is shown as the services write it
(``vouchers.euro``: "€ 1.250,00"), dates day first ("24/11/2026").
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sportello.core import codes
from sportello.core.bootstrap import Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.services import workers
from sportello.core.services.vouchers import euro
from sportello.gui import changes

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200

ERROR_COLOUR = "#b42318"
OK_COLOUR = "#1e7b34"


# --------------------------------------------------------------------------- labels

class CoreLabels(dict[str, str]):
    """Names kept in ``sportello.core.codes`` (letters and exports print them too), translated
    in the "labels" context where ``worker_file.labels`` offers them to lupdate."""

    context = "labels"


# One name per pathway kind everywhere: the combo, the lists, the file, the patto, the export.
PATHWAY_KINDS = CoreLabels(codes.PATHWAY_KINDS)
PATHWAY_STATUSES = {
    "proposto": QT_TRANSLATE_NOOP("paths", "Proposto"),
    "attivo": QT_TRANSLATE_NOOP("paths", "Attivo"),
    "sospeso": QT_TRANSLATE_NOOP("paths", "Sospeso"),
    "concluso": QT_TRANSLATE_NOOP("paths", "Concluso"),
    "interrotto": QT_TRANSLATE_NOOP("paths", "Interrotto"),
}
PATHWAY_OUTCOMES = {
    "ricollocato": QT_TRANSLATE_NOOP("paths", "Ricollocato"),
    "autoimpiego": QT_TRANSLATE_NOOP("paths", "Autoimpiego"),
    "formato": QT_TRANSLATE_NOOP("paths", "Formato"),
    "nessun_esito": QT_TRANSLATE_NOOP("paths", "Nessun esito"),
    "ritirato": QT_TRANSLATE_NOOP("paths", "Ritirato"),
}
CONTRACT_TYPES = {
    "tempo_indeterminato": QT_TRANSLATE_NOOP("paths", "Tempo indeterminato"),
    "tempo_determinato": QT_TRANSLATE_NOOP("paths", "Tempo determinato"),
    "apprendistato": QT_TRANSLATE_NOOP("paths", "Apprendistato"),
    "somministrazione": QT_TRANSLATE_NOOP("paths", "Somministrazione"),
    "collaborazione": QT_TRANSLATE_NOOP("paths", "Collaborazione"),
    "tirocinio": QT_TRANSLATE_NOOP("paths", "Tirocinio"),
}
OFFER_STATUSES = {
    "aperta": QT_TRANSLATE_NOOP("paths", "Aperta"),
    "coperta": QT_TRANSLATE_NOOP("paths", "Coperta"),
    "chiusa": QT_TRANSLATE_NOOP("paths", "Chiusa"),
}
APPLICATION_STATUSES = {
    "proposta": QT_TRANSLATE_NOOP("paths", "Proposta"),
    "inviata": QT_TRANSLATE_NOOP("paths", "Inviata all'azienda"),
    "colloquio": QT_TRANSLATE_NOOP("paths", "Colloquio"),
    "assunto": QT_TRANSLATE_NOOP("paths", "Assunto"),
    "non_selezionato": QT_TRANSLATE_NOOP("paths", "Non selezionato"),
    "ritirata": QT_TRANSLATE_NOOP("paths", "Ritirata"),
}
QUALIFICHE = {
    "O": QT_TRANSLATE_NOOP("paths", "Operaio"),
    "I": QT_TRANSLATE_NOOP("paths", "Impiegato"),
    "Q": QT_TRANSLATE_NOOP("paths", "Quadro"),
    "M": QT_TRANSLATE_NOOP("paths", "Apprendista"),
    "A": QT_TRANSLATE_NOOP("paths", "Altro"),
}
VOUCHER_STATUSES = {
    "richiesto": QT_TRANSLATE_NOOP("paths", "Richiesto"),
    "approvato": QT_TRANSLATE_NOOP("paths", "Approvato"),
    "in_corso": QT_TRANSLATE_NOOP("paths", "In corso"),
    "concluso": QT_TRANSLATE_NOOP("paths", "Concluso"),
    "ritirato": QT_TRANSLATE_NOOP("paths", "Ritirato"),
    "revocato": QT_TRANSLATE_NOOP("paths", "Revocato"),
    "rendicontato": QT_TRANSLATE_NOOP("paths", "Rendicontato"),
}
FUND_KINDS = {
    "fnc": QT_TRANSLATE_NOOP("paths", "Fondo Nuove Competenze"),
    "interprofessionale": QT_TRANSLATE_NOOP("paths", "Fondo interprofessionale"),
    "gol": QT_TRANSLATE_NOOP("paths", "Programma GOL"),
    "regionale": QT_TRANSLATE_NOOP("paths", "Fondo regionale"),
}
COURSE_STATUSES = {
    "programmato": QT_TRANSLATE_NOOP("paths", "Programmato"),
    "in_corso": QT_TRANSLATE_NOOP("paths", "In corso"),
    "concluso": QT_TRANSLATE_NOOP("paths", "Concluso"),
    "annullato": QT_TRANSLATE_NOOP("paths", "Annullato"),
}
BUSINESS_STAGES = {
    "pre_accoglienza": QT_TRANSLATE_NOOP("paths", "Pre-accoglienza"),
    "accompagnamento_ex_ante": QT_TRANSLATE_NOOP("paths", "Accompagnamento ex ante"),
    "business_plan_validato": QT_TRANSLATE_NOOP("paths", "Business plan validato"),
    "avvio_impresa": QT_TRANSLATE_NOOP("paths", "Avvio impresa"),
    "tutoraggio_ex_post": QT_TRANSLATE_NOOP("paths", "Tutoraggio ex post"),
}
LEGAL_FORMS = {
    "ditta_individuale": QT_TRANSLATE_NOOP("paths", "Ditta individuale"),
    "lavoro_autonomo": QT_TRANSLATE_NOOP("paths", "Lavoro autonomo (libero professionista)"),
    "snc": QT_TRANSLATE_NOOP("paths", "Società in nome collettivo (S.n.c.)"),
    "sas": QT_TRANSLATE_NOOP("paths", "Società in accomandita semplice (S.a.s.)"),
    "srl": QT_TRANSLATE_NOOP("paths", "Società a responsabilità limitata (S.r.l.)"),
    "srls": QT_TRANSLATE_NOOP("paths", "S.r.l. semplificata (S.r.l.s.)"),
    "cooperativa": QT_TRANSLATE_NOOP("paths", "Società cooperativa"),
}
SUAP_OUTCOMES = {
    "in_attesa": QT_TRANSLATE_NOOP("paths", "In attesa"),
    "efficace": QT_TRANSLATE_NOOP("paths", "Efficace"),
    "richiesta_integrazione": QT_TRANSLATE_NOOP("paths", "Richiesta integrazione"),
    "respinta": QT_TRANSLATE_NOOP("paths", "Respinta"),
}
FUNDING_STATUSES = {
    "bozza": QT_TRANSLATE_NOOP("paths", "Bozza"),
    "presentata": QT_TRANSLATE_NOOP("paths", "Presentata"),
    "ammessa": QT_TRANSLATE_NOOP("paths", "Ammessa"),
    "respinta": QT_TRANSLATE_NOOP("paths", "Respinta"),
    "erogata": QT_TRANSLATE_NOOP("paths", "Erogata"),
}


def label(labels: dict[str, str], value: str | None) -> str:
    """The translated label of a coded value ("" for None, the code itself if unknown)."""
    if value is None:
        return ""
    source = labels.get(value)
    context = getattr(labels, "context", "paths")
    return QCoreApplication.translate(context, source) if source else value


def fill_combo(
    combo: QComboBox,
    labels: dict[str, str],
    *,
    first: str | None = None,
    values: Sequence[str] | None = None,
) -> None:
    """Items for coded values (data = the code); ``first`` adds an "all" item (data None)."""
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for value in values if values is not None else labels:
        combo.addItem(label(labels, value), value)


def select_data(combo: QComboBox, value: object) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


# --------------------------------------------------------------------------- formats


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y")


def fmt_datetime(value: dt.datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def fmt_number(value: float | None, decimals: int = 1) -> str:
    """``4.0`` -> "4", ``4.5`` -> "4,5" (Italian decimal comma)."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def fmt_euro(cents: int | None) -> str:
    return "" if cents is None else euro(cents)


def euro_text(cents: int | None) -> str:
    """Cents as typed in a money field ("1.250,00", no symbol)."""
    return fmt_euro(cents).replace("€", "").strip() if cents is not None else ""


def fmt_pct(value: float) -> str:
    return f"{fmt_number(value)}%"


def plural(count: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with {n} replaced by the count (thousands with a dot)."""
    return one if count == 1 else many.format(n=f"{count:,}".replace(",", "."))


class InvalidInput(ValueError):
    """What was typed cannot be read; ``str(exc)`` is for the clerk."""


_SEPARATORS = re.compile(r"[./\-\s]+")


def parse_date(text: str) -> dt.date | None:
    """A date typed day first (03/04/2027, 3.4.27, 03042027) or ISO; None when empty."""
    value = (text or "").strip()
    if not value:
        return None
    parts = [p for p in _SEPARATORS.split(value) if p]
    try:
        if len(parts) == 1 and value.isdigit() and len(value) in (6, 8):
            day, month, year = value[:2], value[2:4], value[4:]
        elif len(parts) == 3 and all(p.isdigit() for p in parts):
            day, month, year = parts
            if len(day) == 4:
                year, day = day, year
        else:
            raise ValueError(value)
        y = int(year) + (2000 if len(year) == 2 else 0)
        if len(year) not in (2, 4):
            raise ValueError(value)
        return dt.date(y, int(month), int(day))
    except ValueError:
        raise InvalidInput(
            QCoreApplication.translate(
                "paths", "Data non valida: scrivere giorno/mese/anno (es. 03/04/2027)."
            )
        ) from None


def parse_number(text: str) -> float | None:
    """A number with a decimal comma or point ("4,5", "4.5"); None when empty."""
    value = (text or "").strip().replace(" ", "")
    if not value:
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise InvalidInput(
            QCoreApplication.translate(
                "paths", "Numero non valido: scrivere ad esempio 4,5 oppure 40."
            )
        )
    return number


def parse_euro(text: str) -> int | None:
    """Euro typed the Italian way ("1.250,00", "€ 1250", "1250,5") -> cents; None when empty."""
    value = (text or "").replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not value:
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif value.count(".") > 1 or re.fullmatch(r"\d{1,3}(\.\d{3})+", value):
        value = value.replace(".", "")  # thousands separators only
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", value):
        raise InvalidInput(
            QCoreApplication.translate("paths", "Importo non valido: scrivere ad esempio 1.250,00.")
        )
    return round(float(value) * 100)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date | None = None) -> QDateEdit:
    """A date field shown day first, with a calendar (Monday first)."""
    edit = QDateEdit(qdate(day or dt.date.today()))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


# --------------------------------------------------------------------------- table model


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    colour: Callable[[Any], str | None] | None = None
    value: Callable[[Any], object] | None = None  # for delegates (e.g. a progress fraction)


class RowsModel(QAbstractTableModel):
    """Plain rows (dataclasses) in columns. With ``fetch`` it pages: the view asks for more
    as it scrolls, and each page is one SQL query with OFFSET/LIMIT."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QObject | None = None,
        id_of: Callable[[Any], int] = lambda row: row.id,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._id_of = id_of
        self._fetch: Callable[[int, int], list[Any]] | None = None
        self._exhausted = True
        self.page_size = PAGE_SIZE

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._fetch, self._exhausted = None, True
        self.endResetModel()

    def set_pager(self, fetch: Callable[[int, int], list[Any]],
                  first: list[Any] | None = None) -> None:
        """Forget the rows; read the first page now (or show ``first``, that page read off
        the UI thread), the next ones as the view scrolls."""
        self.beginResetModel()
        self.rows = list(first) if first is not None else []
        self._fetch = fetch
        self._exhausted = first is not None and len(first) < self.page_size
        self.endResetModel()
        if first is None:
            self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        page = self._fetch(len(self.rows), self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row(self, index: int) -> Any:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def find(self, row_id: int) -> int:
        for i, row in enumerate(self.rows):
            if self._id_of(row) == row_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = self.columns[section].align_right
            return int(
                (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return self._id_of(row)
        if role == SORT_ROLE and column.value is not None:
            return column.value(row)
        return None


def make_table(
    model: QAbstractTableModel, name: str, widths: Sequence[int] = (), stretch: int | None = None
) -> QTableView:
    """A read-only list of rows. ``widths`` in column order; the ``stretch`` column (else
    the last) takes the width left, so that the table fits without a horizontal scroll."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    horizontal = table.horizontalHeader()
    horizontal.setHighlightSections(False)
    horizontal.setDefaultSectionSize(80)
    horizontal.setMinimumSectionSize(36)
    horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is None:
        horizontal.setStretchLastSection(True)
    else:
        horizontal.setStretchLastSection(False)
        horizontal.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def selected_row(table: QTableView) -> Any:
    """The row object selected in a table over a ``RowsModel`` (None if nothing is)."""
    model = table.model()
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows or not isinstance(model, RowsModel):
        return None
    return model.row(rows[0].row())


def select_id(table: QTableView, row_id: int | None) -> bool:
    model = table.model()
    if row_id is None or not isinstance(model, RowsModel):
        return False
    index = model.find(row_id)
    if index < 0:
        return False
    table.selectRow(index)
    table.scrollTo(model.index(index, 0))
    return True


class ProgressDelegate(QStyledItemDelegate):
    """Paints the column's ``value`` (0..1) as a slim bar under its text (orange when nearly
    full), in the palette's colours."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        fraction = index.data(SORT_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else QApplication.style()
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        fraction = max(0.0, min(1.0, float(fraction)))
        area = option.rect.adjusted(6, 5, -6, -5)
        track = QRect(area.left(), area.top(), area.width(), area.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(track, 3, 3)
        fill = (
            QColor("#c2410c")
            if fraction >= 0.95
            else option.palette.color(QPalette.ColorRole.Highlight)
        )
        fill.setAlpha(120)
        painter.setBrush(fill)
        if fraction > 0:
            painter.drawRoundedRect(
                QRect(
                    track.left(),
                    track.top(),
                    max(3, round(track.width() * fraction)),
                    track.height(),
                ),
                3,
                3,
            )
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            track,
            int(Qt.AlignmentFlag.AlignCenter),
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        )
        painter.restore()


# --------------------------------------------------------------------------- messages


class MessageBar(QLabel):
    """A line under a list for what an action did or why a service refused it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)
        self.is_error = False

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOUR, "#fdecea", True)

    def show_info(self, text: str) -> None:
        self._show(text, OK_COLOUR, "#e8f5ec", False)

    def _show(self, text: str, colour: str, background: str, error: bool) -> None:
        self.is_error = error
        self.setStyleSheet(
            f"QLabel {{ color: {colour}; background: {background};"
            f" border: 1px solid {colour}40; border-radius: 4px; padding: 5px 8px; }}"
        )
        self.setText(text)
        self.setVisible(True)

    def clear_message(self) -> None:
        self.setText("")
        self.is_error = False
        self.setVisible(False)


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """The "Chiudi" row at the bottom of a dialog that only shows and acts (no OK)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("close_buttons", "Chiudi"))
    buttons.rejected.connect(dialog.reject)
    return buttons


class TabsDialog(QDialog):
    """A dialog of tabs, one per topic, closed with "Chiudi" (Impostazioni, Amministrazione)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close_buttons(self))


def error_label(name: str) -> QLabel:
    """The red line under a form field that shows the service's refusal naming that field."""
    widget = QLabel()
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setStyleSheet(f"color: {ERROR_COLOUR};")
    widget.setVisible(False)
    return widget


class FormDialog(QDialog):
    """A dialog whose OK runs a service call (``save``); a refusal keeps it open and shows
    the message next to the field it names (``ValidationError.field``), else at the bottom.
    """

    saved = Signal(object)  # what ``save`` returned

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.result_value: object = None
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outer.addLayout(self.form)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.general_error = error_label("formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self, ok_text: str | None = None) -> None:
        """Add the general error line and the buttons (call after the fields)."""
        self.outer.addWidget(self.general_error)
        self.outer.addStretch(1)
        if ok_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "Annulla")
        )
        self.outer.addWidget(self.buttons)

    def add_field(
        self, key: str, text: str, widget: QWidget | QHBoxLayout, aliases: Sequence[str] = ()
    ) -> None:
        """A labelled field with its error line; ``aliases``: other service names for it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget)
            self.fields[key] = widget
        error = error_label(f"error_{key}")
        column.addWidget(error)
        self.form.addRow(text, holder)
        for name in (key, *aliases):
            self.errors[name] = error

    def ok_button(self):  # type: ignore[no-untyped-def]
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def clear_errors(self) -> None:
        for error in {*self.errors.values(), self.general_error}:
            error.clear()
            error.setVisible(False)

    def show_error(self, message: str, field: str | None = None) -> None:
        target = self.errors.get(field or "", self.general_error)
        target.setText(message)
        target.setVisible(True)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a message that wraps onto more lines than the dialog has room for
        (a dialog does not grow by itself when a word-wrapped line appears)."""
        self.outer.activate()
        if self.outer.hasHeightForWidth():
            need = self.outer.totalHeightForWidth(self.width())
        else:
            need = self.outer.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def error_text(self, field: str | None = None) -> str:
        target = self.errors.get(field or "", self.general_error)
        return "" if target.isHidden() else target.text()

    def save(self) -> object:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        try:
            self.result_value = self.save()
        except InvalidInput as exc:
            self.show_error(str(exc), getattr(exc, "field", None))
            return
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return
        except SportelloError as exc:
            self.show_error(str(exc))
            return
        super().accept()
        self.saved.emit(self.result_value)
        changes.announce(source=self)  # what it wrote is shown everywhere


class FieldInput(InvalidInput):
    """An unreadable value in a named field."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def read_field(field: str, reader: Callable[[str], Any], text: str) -> Any:
    """``reader(text)``, an unreadable value reported against ``field``."""
    try:
        return reader(text)
    except InvalidInput as exc:
        raise FieldInput(str(exc), field) from None


def show_dialog(dialog: QDialog, on_saved: Callable[[object], None]) -> QDialog:
    """Open ``dialog`` window-modal without blocking; ``on_saved`` runs after a save."""
    if isinstance(dialog, FormDialog):
        dialog.saved.connect(on_saved)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


# --------------------------------------------------------------------------- worker picker


class SearchKeys(QObject):
    """Keys of a search field above its result list: Enter takes the first result (instead
    of pressing the dialog's OK), Down moves into the list."""

    def __init__(self, edit: QLineEdit, results: QListWidget, run: Callable[[], None]) -> None:
        super().__init__(edit)
        self.results = results
        self.run = run
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run()
            first = self.results.item(0)
            if first is not None and first.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(0)
                self.results.itemActivated.emit(first)
            return True
        if key == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return False


class WorkerPicker(QWidget):
    """Find a worker by name, CF or phone (the workers service's search), pick one."""

    changed = Signal(object)  # the worker id, or None
    LIMIT = 30

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker_id: int | None = None
        self.worker_text = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.search = QLineEdit()
        self.search.setObjectName("workerSearch")
        self.search.setPlaceholderText(
            QCoreApplication.translate("WorkerPicker", "Cognome e nome, codice fiscale o telefono")
        )
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("workerResults")
        self.results.setMaximumHeight(self.fontMetrics().height() * 7)
        self.chosen = QLabel()
        self.chosen.setObjectName("workerChosen")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.search)
        column.addWidget(self.results)
        column.addWidget(self.chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(self._picked)
        self._keys = SearchKeys(self.search, self.results, self.run_search)
        self.results.setVisible(False)  # until something is typed
        self._set(None, "")

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.results.clear()
        self.results.setVisible(len(text) >= 2)
        if len(text) < 2:
            return
        ids = workers.list_ids(self.ctx, workers.ListFilter(text=text))[: self.LIMIT]
        for row in workers.rows(self.ctx, ids):
            place = f" — {row.residence_comune}" if row.residence_comune else ""
            closed = (
                QCoreApplication.translate("WorkerPicker", " (fascicolo chiuso)")
                if row.status == "chiuso"
                else ""
            )
            item = QListWidgetItem(
                f"{row.surname} {row.name} — {row.codice_fiscale}{place}{closed}"
            )
            item.setData(ID_ROLE, row.id)
            self.results.addItem(item)
        if self.results.count() == 0:
            item = QListWidgetItem(
                QCoreApplication.translate("WorkerPicker", "Nessun lavoratore trovato.")
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(ID_ROLE) is None:
            return
        self._set(int(item.data(ID_ROLE)), item.text())

    def _set(self, worker_id: int | None, text: str) -> None:
        self.worker_id, self.worker_text = worker_id, text
        self.chosen.setText(
            QCoreApplication.translate("WorkerPicker", "Scelto: {worker}").format(worker=text)
            if worker_id is not None
            else QCoreApplication.translate("WorkerPicker", "Nessun lavoratore scelto.")
        )
        self.changed.emit(worker_id)

    def set_worker(self, worker_id: int, text: str) -> None:
        self._set(worker_id, text)

    def pick(self, text: str, index: int = 0) -> int | None:
        """Search ``text`` and choose the ``index``-th result (keyboard users and tests)."""
        self.search.setText(text)
        self.run_search()
        if index < self.results.count():
            self.results.setCurrentRow(index)
        return self.worker_id


# --------------------------------------------------------------------------- worker file


def open_worker_file(ctx: Context, worker_id: int, parent: QWidget | None = None) -> bool:
    """Open the worker's file window when the file windows are installed."""
    try:
        if importlib.util.find_spec("sportello.gui.worker_file") is None:
            return False
    except ImportError:
        return False
    opener = getattr(importlib.import_module("sportello.gui.worker_file"), "open_worker_file", None)
    if not callable(opener):
        return False
    opener(ctx, worker_id, parent)
    return True


def heading_label(text: str = "", scale: float = 1.1) -> QLabel:
    widget = QLabel(text)
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def muted_label(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget
