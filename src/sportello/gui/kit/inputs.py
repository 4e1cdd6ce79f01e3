"""Reading what the clerk types and showing values the Italian way: the one place for both.

Dates are typed and shown day first (``03/04/1978``); ``3/4/78``, ``3.4.1978``,
``03041978`` and ISO ``1978-04-03`` (pasted from elsewhere) are read too, by one parser
(``parse_date``) wherever they are typed, so the same text gives the same day in every
dialog. A two-digit year is read up to twenty years ahead (``past=True``: not after today,
for birth dates). An empty field means "no date" (``None``), which ``QDateEdit`` cannot
express: ``OptionalDateEdit`` is the typed date field; ``date_edit`` is the one
configuration of Qt's sectioned date field (day, month and a four-digit year) for a day
that must be given. Money is shown one way (``format_euro``: "€ 1.250,00", as the letters
and the services' messages write it) and typed one way (``parse_euro``).

Reading a field that holds something unreadable raises ``InvalidInput`` with a message for
the clerk; the form shows it next to the field. These are input formats only: what a valid
value is (a birth date not in the future, an end after a start) is decided by the services.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QLineEdit, QVBoxLayout, QWidget

from sportello.gui.icons import icon

DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
_SEPARATORS = re.compile(r"[./\-\s]+")
_INVALID_BASE = QColor("#fdecea")


class InvalidInput(ValueError):
    """A field's text cannot be read as its type; ``str(exc)`` is for the clerk."""


def format_date(value: dt.date | dt.datetime | None) -> str:
    """"24/11/2026" (a datetime shows its day); "" for None."""
    return value.strftime(DATE_FORMAT) if value else ""


def format_datetime(value: dt.datetime | None) -> str:
    return value.strftime(DATETIME_FORMAT) if value else ""


def format_number(value: float | None, decimals: int = 2) -> str:
    """``0.62`` -> ``0,62``, ``38.0`` -> ``38`` (in the interface's locale)."""
    if value is None:
        return ""
    text = QLocale().toString(float(value), "f", decimals)
    point = QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def fmt_number(value: float | None, decimals: int = 1) -> str:
    """``4.0`` -> "4", ``4.5`` -> "4,5" (Italian decimal comma, whatever the language)."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def fmt_pct(value: float) -> str:
    return f"{fmt_number(value)}%"


def plural(count: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with {n} replaced by the count (thousands with a dot)."""
    return one if count == 1 else many.format(n=f"{count:,}".replace(",", "."))


def format_euro(cents: int | None) -> str:
    """"€ 1.250,00", "-€ 3,50"; "" for None. The same text as ``vouchers.euro`` in the
    core (the letters, the services' messages): a test keeps the two equal."""
    if cents is None:
        return ""
    whole, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def euro_text(cents: int | None) -> str:
    """Cents as typed in a money field ("1.250,00", no symbol)."""
    return format_euro(cents).replace("€", "").strip() if cents is not None else ""


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


def _year(text: str, past: bool, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:
        if past:  # a birth date: the most recent such year not in the future
            year += 2000 if 2000 + year <= today.year else 1900
        else:  # other dates: up to twenty years ahead
            year += 2000 if 2000 + year <= today.year + 20 else 1900
    elif len(text) != 4:
        raise ValueError(text)
    return year


def parse_date(text: str, *, past: bool = False, today: dt.date | None = None) -> dt.date | None:
    """The date written in ``text`` (day first); ``None`` when empty; ``InvalidInput`` else.

    ``past`` reads a two-digit year as the latest one not after today (birth dates).
    """
    value = (text or "").strip()
    if not value:
        return None
    today = today or dt.date.today()
    parts = [p for p in _SEPARATORS.split(value) if p]
    try:
        if len(parts) == 1 and value.isdigit() and len(value) in (6, 8):
            day, month, year = value[:2], value[2:4], value[4:]
        elif len(parts) == 3 and all(p.isdigit() for p in parts):
            day, month, year = parts
            if len(day) == 4:  # ISO: year first
                year, day = day, year
        else:
            raise ValueError(value)
        return dt.date(_year(year, past, today), int(month), int(day))
    except ValueError:
        raise InvalidInput(
            QCoreApplication.translate(
                "fields", "Data non valida: scrivere giorno/mese/anno (es. 03/04/1978).")
        ) from None


_TIME = re.compile(r"^(\d{1,2})(?:[:.,\s]?(\d{2}))?$")


def parse_time(text: str) -> dt.time | None:
    """A time of day typed as ``9:30``, ``9.30``, ``930``, ``0930`` or ``9``; ``None`` when
    empty; ``InvalidInput`` else."""
    value = (text or "").strip()
    if not value:
        return None
    match = _TIME.match(value)
    try:
        if match is None:
            raise ValueError(value)
        return dt.time(int(match.group(1)), int(match.group(2) or 0))
    except ValueError:
        raise InvalidInput(QCoreApplication.translate(
            "fields", "Ora non valida: scrivere ore e minuti (es. 09:30).")) from None


def parse_number(text: str) -> float | None:
    """A number typed with a comma or a point as decimal separator; ``None`` when empty."""
    value = (text or "").strip().replace(" ", "")
    if not value:
        return None
    number, ok = QLocale().toDouble(value)
    if not ok:
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            number = math.nan
    if not math.isfinite(number):
        raise InvalidInput(QCoreApplication.translate(
            "fields", "Numero non valido: scrivere ad esempio 0,62 oppure 38."))
    return number


def parse_decimal(text: str) -> float | None:
    """A number with a decimal comma or point ("4,5", "4.5") whatever the interface language;
    None when empty (hours and amounts of the path areas)."""
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


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date | None = None) -> QDateEdit:
    """A day that must be given: Qt's date field shown day first (four-digit year, so
    nothing to guess), with a calendar (Monday first)."""
    edit = QDateEdit(qdate(day or dt.date.today()))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Tint the field's background when it holds an error (the message is shown beside it)."""
    if widget.property("invalid") == invalid:
        return
    widget.setProperty("invalid", invalid)
    if invalid:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Base, _INVALID_BASE)
        palette.setColor(QPalette.ColorRole.Text, QColor("#202020"))
        widget.setPalette(palette)
    else:
        widget.setPalette(QPalette())
        widget.setAttribute(Qt.WidgetAttribute.WA_SetPalette, False)


class OptionalDateEdit(QLineEdit):
    """A date field that may be empty: typed day first, or picked from a calendar."""

    dateEdited = Signal()  # noqa: N815  (Qt naming) the clerk typed or picked a date

    def __init__(self, parent: QWidget | None = None, *, past: bool = False) -> None:
        super().__init__(parent)
        self._past = past
        self.setPlaceholderText(self.tr("gg/mm/aaaa"))
        self.setMaxLength(10)
        self.setClearButtonEnabled(False)
        width = self.fontMetrics().horizontalAdvance("00/00/00000") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)
        self._calendar_action = QAction(icon("calendar-days"), self.tr("Scegli dal calendario"), self)
        self._calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._popup: QWidget | None = None
        self.editingFinished.connect(self._tidy)
        self.textEdited.connect(lambda _text: self.dateEdited.emit())

    def date(self) -> dt.date | None:
        """The date shown, ``None`` if empty; ``InvalidInput`` if the text is not a date."""
        return parse_date(self.text(), past=self._past)

    def setDate(self, value: dt.date | None) -> None:  # noqa: N802
        self.setText(format_date(value))

    def is_valid(self) -> bool:
        try:
            self.date()
        except InvalidInput:
            return False
        return True

    def _tidy(self) -> None:
        """Rewrite a readable date as dd/mm/yyyy when the clerk leaves the field."""
        try:
            value = self.date()
        except InvalidInput:
            return
        text = format_date(value)
        if text != self.text():
            self.setText(text)

    def show_calendar(self) -> None:
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(1, 1, 1, 1)
        calendar = QCalendarWidget(popup)
        calendar.setObjectName("calendarPopup")
        calendar.setGridVisible(True)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        try:
            current = self.date()
        except InvalidInput:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        layout.addWidget(calendar)

        def picked(day: QDate) -> None:
            self.setDate(dt.date(day.year(), day.month(), day.day()))
            self.dateEdited.emit()
            popup.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup = popup
        popup.show()
        calendar.setFocus()


class TimeEdit(QLineEdit):
    """A time of day typed as hours and minutes (``09:30``, also ``9.30`` or ``930``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setMaxLength(5)
        width = self.fontMetrics().horizontalAdvance("00:000") + 16
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 24)
        self.editingFinished.connect(self._tidy)

    def time(self) -> dt.time | None:
        """The time shown, ``None`` if empty; ``InvalidInput`` if the text is not a time."""
        return parse_time(self.text())

    def setTime(self, value: dt.time | None) -> None:  # noqa: N802
        self.setText(value.strftime("%H:%M") if value else "")

    def _tidy(self) -> None:
        try:
            value = self.time()
        except InvalidInput:
            return
        text = value.strftime("%H:%M") if value else ""
        if text != self.text():
            self.setText(text)


class NumberEdit(QLineEdit):
    """A number field that may be empty; comma or point as decimal separator."""

    def __init__(self, parent: QWidget | None = None, *, decimals: int = 2) -> None:
        super().__init__(parent)
        self._decimals = decimals
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000000") + 16)
        self.editingFinished.connect(self._tidy)

    def value(self) -> float | None:
        return parse_number(self.text())

    def setValue(self, value: float | None) -> None:  # noqa: N802
        self.setText(format_number(value, self._decimals))

    def _tidy(self) -> None:
        try:
            value = self.value()
        except InvalidInput:
            return
        text = format_number(value, self._decimals)
        if text != self.text():
            self.setText(text)
