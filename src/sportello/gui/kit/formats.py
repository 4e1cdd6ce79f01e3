"""Italian formats of dates, numbers and money, and reading what the clerk typed."""

from __future__ import annotations

import datetime as dt
import math
import re

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    Qt,
)
from PySide6.QtWidgets import QDateEdit

from sportello.core.services.vouchers import euro


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
