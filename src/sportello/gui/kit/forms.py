"""Form dialogs that show a refusal next to the field it names, message lines, labels and
combos of coded values."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sportello.core.errors import SportelloError
from sportello.gui import changes, ops
from sportello.gui.kit.inputs import InvalidInput

ERROR_COLOUR = "#b42318"
OK_COLOUR = "#1e7b34"


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


Job = Callable[[], Any]


class FormDialog(QDialog):
    """A dialog whose OK runs a service call off the UI thread; a refusal keeps it open and
    shows the message next to the field it names (``ValidationError.field``), else at the
    bottom.

    A subclass implements ``job()``: it reads its widgets (on the UI thread; an unreadable
    value raises ``FieldInput``, a missing choice ``ValidationError``) and returns the service
    call over plain values (``functools.partial(service, ctx, ...)`` or a closure), which
    touches no widget. OK hands it to the write lane (``gui.ops.write``): OK and Annulla are
    disabled until the result is back, the window keeps repainting. On success the dialog
    closes, ``saved`` gives the call's result and ``announces`` are announced; on a refusal the
    message is shown as above and the dialog stays open.
    """

    saved = Signal(object)  # what the job returned
    announces: Iterable[str] = changes.KINDS  # the kinds of data the job changes

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
        self.pending: ops.Op | None = None  # the job on the write lane, result not back yet

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

    def job(self) -> Job:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        if self.pending is not None:
            return  # OK pressed again (Enter) while the job runs
        self.clear_errors()
        try:
            job = self.job()
        except (InvalidInput, SportelloError) as exc:
            self.refused(exc)
            return
        self.pending = ops.write(
            self, job, done=self._saved, failed=self._failed, changes=self.announces,
            busy=self.buttons.buttons())

    def reject(self) -> None:
        if self.pending is None:  # the job already runs: its result decides
            super().reject()

    def refused(self, exc: BaseException) -> None:
        """Show why the job or the reading of the widgets failed, next to its field, and put
        the cursor in that field (OK, disabled meanwhile, had taken it away)."""
        field = getattr(exc, "field", None)
        known = isinstance(exc, (InvalidInput, SportelloError))
        self.show_error(str(exc) if known else ops.message_for(exc), field)
        widget = self.fields.get(field or "")
        if widget is not None and widget.isEnabled():
            widget.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.pending = None
        self.refused(exc)

    def _saved(self, value: object) -> None:
        self.pending = None
        self.result_value = value
        super().accept()
        self.saved.emit(value)


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


def with_buttons(content: QWidget, *buttons: QWidget) -> QWidget:
    """``content`` (a list, a splitter) over a row of buttons aligned right: a tab's page."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(4, 4, 4, 4)
    column.addWidget(content, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    column.addLayout(row)
    return holder


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
