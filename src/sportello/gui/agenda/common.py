"""Shared by the agenda area, the booking dialog and the deadlines panel.

Dates are written with the interface locale (``i18n.install`` makes it Italian by
default: ``08/12/2026``, ``martedì 8 dicembre 2026``). Outcome names and colours are
presentation only: which outcomes exist and when they may be recorded is the agenda
service's business.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QColor

from sportello.gui.kit.inputs import qdate

_OUTCOMES = {
    "presente": QT_TRANSLATE_NOOP("agenda", "Presente"),
    "assente": QT_TRANSLATE_NOOP("agenda", "Assente"),
    "giustificato": QT_TRANSLATE_NOOP("agenda", "Giustificato"),
}
_OUTCOME_COLOURS = {
    "presente": "#2e7d32",
    "assente": "#c62828",
    "giustificato": "#d97706",
    None: "#3b82c4",  # booked, no outcome yet
}


def outcome_label(outcome: str | None) -> str:
    if outcome is None:
        return ""
    return QCoreApplication.translate("agenda", _OUTCOMES.get(outcome, outcome))


def outcome_colour(outcome: str | None) -> QColor:
    return QColor(_OUTCOME_COLOURS.get(outcome, _OUTCOME_COLOURS[None]))


def mix(first: QColor, second: QColor, weight: float) -> QColor:
    """``first`` moved towards ``second`` by ``weight`` (0..1): tints that follow the palette."""
    return QColor(
        round(first.red() + (second.red() - first.red()) * weight),
        round(first.green() + (second.green() - first.green()) * weight),
        round(first.blue() + (second.blue() - first.blue()) * weight),
    )


# --------------------------------------------------------------------------- dates


def day_text(day: dt.date, pattern: str = "dd/MM/yyyy") -> str:
    """``day`` in the interface locale with a Qt date pattern (weekday and month names too)."""
    return QLocale().toString(qdate(day), pattern)


def short_date(day: dt.date | None) -> str:
    return day_text(day) if day is not None else "—"


def long_date(day: dt.date) -> str:
    """"martedì 8 dicembre 2026"."""
    return day_text(day, "dddd d MMMM yyyy")
