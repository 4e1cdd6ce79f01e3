"""Small helpers shared by the Import/Export widgets (no rules here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMessageBox, QTableWidget, QTableWidgetItem, QWidget

from sportello.gui.tasks import Job, Task, progress_dialog

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")

# The same fills as the error report the core writes (red errors, yellow warnings).
ERROR_FILL = QColor("#FFC7CE")
WARNING_FILL = QColor("#FFEB9C")
HEADER_FILL = QColor("#BDD7EE")
DARK_TEXT = QColor("#1F1F1F")


def spreadsheet_filter() -> str:
    return QCoreApplication.translate(
        "ExchangeCommon", "Fogli di calcolo (*.xlsx *.xlsm *.xls *.ods);;Tutti i file (*)")


def kind_labels() -> dict[str, str]:
    """What each export (and import) kind is called on screen."""
    return {
        "workers": QCoreApplication.translate("ExchangeCommon", "Lavoratori"),
        "pathways": QCoreApplication.translate("ExchangeCommon", "Percorsi"),
        "vouchers": QCoreApplication.translate("ExchangeCommon", "Voucher"),
        "funds": QCoreApplication.translate("ExchangeCommon", "Fondi"),
        "courses": QCoreApplication.translate("ExchangeCommon", "Corsi"),
        "appointments": QCoreApplication.translate("ExchangeCommon", "Appuntamenti"),
        "placements": QCoreApplication.translate("ExchangeCommon", "Inserimenti lavorativi"),
        "businesses": QCoreApplication.translate("ExchangeCommon", "Imprese"),
        "hires": QCoreApplication.translate("ExchangeCommon", "Assunzioni"),
    }


def run_task(parent: QWidget, job: Job, title: str, label: str, *,
             succeeded: Callable[[Any], None], failed: Callable[[str], None],
             cancellable: bool = True) -> Task:
    """Start ``job`` off the GUI thread with a window-modal progress dialog."""
    task = Task(job, parent)
    dialog = progress_dialog(parent, task, title, label)
    if not cancellable:
        dialog.setCancelButton(None)
    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    task.progress_dialog = dialog  # type: ignore[attr-defined]  # tests reach it from the task
    task.start()
    dialog.show()
    return task


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                 details: str | None = None) -> QMessageBox:
    """A window-modal message box that does not block (``parent.last_message`` keeps it)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    parent.last_message = box  # type: ignore[attr-defined]
    box.open()
    return box


def split_message(message: str, keep: int = 1) -> tuple[str, str | None]:
    """The core's long messages: the first lines to show, the rest as details."""
    lines = message.splitlines()
    head = "\n".join(lines[:keep])
    rest = "\n".join(lines[keep:]).strip()
    return head, (rest or None)


def item(text: object, *, fill: QColor | None = None, tip: str | None = None,
         align_right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem("" if text is None else str(text))
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if fill is not None:
        cell.setBackground(QBrush(fill))
        cell.setForeground(QBrush(DARK_TEXT))
    if tip:
        cell.setToolTip(tip)
    if align_right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def read_only_table(headers: list[str], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def table_texts(table: QTableWidget, column: int) -> list[str]:
    """The texts of one column (tests and accessibility)."""
    return [table.item(r, column).text() if table.item(r, column) else ""
            for r in range(table.rowCount())]
