"""Form fields bound to widgets by the name the services use for them.

A ``FieldBinder`` knows, for each field of ``WorkerForm`` or ``EmploymentForm``, the
widget that edits it, its label and an error line under it. It reads and writes plain
values (``None`` for empty), tells whether anything changed since the last load, and
puts a service's ``ValidationError`` message next to the field it names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sportello.gui.kit.inputs import (
    InvalidInput,
    NumberEdit,
    OptionalDateEdit,
    format_date,
    format_datetime,
    format_number,
    mark_invalid,
)

Value = object


class FieldError(Exception):
    """A field's text could not be read (a date, a number): shown next to the field."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass
class Field:
    name: str
    widget: QWidget
    label: str
    error: QLabel


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)
    label.setPalette(palette)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FieldBinder(QObject):
    changed = Signal()  # any bound widget was edited (or loaded)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[str, Field] = {}
        self._snapshot: tuple[object, ...] = ()

    # ------------------------------------------------------------------ building

    def add_row(self, layout: QFormLayout, name: str, text: str, widget: QWidget,
                extra: QWidget | None = None) -> QWidget:
        """A form row ``text: widget`` with the field's error line under the widget."""
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        if extra is not None:
            box.addWidget(extra)
        error = error_label()
        error.setObjectName(f"error_{name}")
        box.addWidget(error)
        label = QLabel(text)
        label.setBuddy(widget)
        layout.addRow(label, container)
        self.bind(name, widget, text.replace("&", "").rstrip(":"), error)
        return widget

    def bind(self, name: str, widget: QWidget, label: str, error: QLabel) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(label)
        self._fields[name] = Field(name, widget, label, error)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self.changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self.changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self.changed)
        else:
            raise TypeError(f"widget non gestito: {type(widget).__name__}")

    # ------------------------------------------------------------------ access

    def names(self) -> list[str]:
        return list(self._fields)

    def has(self, name: str) -> bool:
        return name in self._fields

    def widget(self, name: str) -> QWidget:
        return self._fields[name].widget

    def label(self, name: str) -> str:
        return self._fields[name].label

    def error(self, name: str) -> QLabel:
        return self._fields[name].error

    def value(self, name: str) -> Value:
        """The field's value; ``FieldError`` when its text cannot be read."""
        widget = self._fields[name].widget
        try:
            if isinstance(widget, OptionalDateEdit):
                return widget.date()
            if isinstance(widget, NumberEdit):
                return widget.value()
        except InvalidInput as exc:
            raise FieldError(name, str(exc)) from None
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                return widget.currentText().strip() or None
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        raise TypeError(name)

    def values(self) -> dict[str, Value]:
        """Every field's value; the first unreadable one raises ``FieldError``."""
        return {name: self.value(name) for name in self._fields}

    def set_value(self, name: str, value: Value) -> None:
        widget = self._fields[name].widget
        if isinstance(widget, OptionalDateEdit):
            widget.setDate(value if isinstance(value, dt.date) else None)
        elif isinstance(widget, NumberEdit):
            widget.setValue(float(value) if value is not None else None)  # type: ignore[arg-type]
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.setEditText("" if value is None else str(value))
            else:
                widget.setCurrentIndex(self._combo_index(widget, value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))

    @staticmethod
    def _combo_index(combo: QComboBox, value: Value) -> int:
        """The item holding ``value``; item 0 holds "none"; an unknown code is added."""
        if value is None:
            return 0 if combo.count() and combo.itemData(0) is None else -1
        for index in range(combo.count()):
            data = combo.itemData(index)
            if data is not None and type(data) is type(value) and data == value:
                return index
        combo.addItem(str(value), value)  # a code from an import that the list does not know
        return combo.count() - 1

    def load(self, values: dict[str, Value]) -> None:
        """Show ``values`` and take them as the unchanged state."""
        for name, value in values.items():
            if name in self._fields:
                self.set_value(name, value)
        self.clear_errors()
        self.mark_clean()

    # ------------------------------------------------------------------ changes

    def _state(self, name: str) -> object:
        widget = self._fields[name].widget
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.isEditable() else widget.currentIndex()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        return None

    def state(self) -> tuple[object, ...]:
        return tuple(self._state(name) for name in self._fields)

    def mark_clean(self) -> None:
        self._snapshot = self.state()
        self.changed.emit()

    def is_dirty(self) -> bool:
        return self.state() != self._snapshot

    def changed_names(self) -> list[str]:
        current = self.state()
        return [name for name, now, before in zip(self._fields, current, self._snapshot,
                                                  strict=False) if now != before]

    # ------------------------------------------------------------------ errors

    def show_error(self, name: str, message: str) -> QWidget:
        """Put ``message`` under the field, tint it and give it the focus."""
        field = self._fields[name]
        field.error.setText(message)
        field.error.setVisible(True)
        mark_invalid(field.widget, True)
        field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return field.widget

    def clear_errors(self) -> None:
        for name in self._fields:
            self.clear_error(name)

    def clear_error(self, name: str) -> None:
        field = self._fields[name]
        if field.error.text():
            field.error.clear()
            field.error.setVisible(False)
        mark_invalid(field.widget, False)

    # ------------------------------------------------------------------ display

    def display(self, name: str, value: Value) -> str:
        """``value`` as the field would show it (for the conflict dialog)."""
        field = self._fields.get(name)
        if value is None or value == "":
            return "—"
        combo = field.widget if field is not None else None
        if isinstance(combo, QComboBox) and not combo.isEditable():
            for index in range(combo.count()):
                data = combo.itemData(index)
                if data is not None and type(data) is type(value) and data == value:
                    return combo.itemText(index)
        if isinstance(value, bool):
            return self.tr("Sì") if value else self.tr("No")
        if isinstance(value, dt.datetime):
            return format_datetime(value)
        if isinstance(value, dt.date):
            return format_date(value)
        if isinstance(value, float):
            return format_number(value, 2)
        return str(value)
