"""One app-wide "what changed" notice, so every view shows the data as it is now.

As Anki's ``operation_did_execute``: whatever runs a writing service (a file saved, an
import or its undo, an appointment booked or its outcome, a pathway, a voucher, a letter)
calls ``announce(kind, ...)`` after the service succeeded; the views that show data
(the worker list, the Scadenze panel, the areas' lists) connect to ``hub().changed`` and
read again: at once when they are on screen, else the next time they are shown. Nothing
else: no payload beyond the kinds, no rules (the services hold those).

Connect bound methods of QObjects (Qt drops the connection when the receiver is
destroyed), not lambdas capturing a widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

WORKERS = "lavoratori"  # a file created, saved, merged, imported
APPOINTMENTS = "appuntamenti"  # booked, moved, cancelled, outcome recorded
PATHWAYS = "percorsi"  # opened, suspended, closed; hires; self-employment
TRAINING = "formazione"  # vouchers, courses, lessons, attendance, funds
LETTERS = "lettere"  # letters issued (a call-in also books appointments)
IMPORTS = "importazioni"  # an import or its undo
VERTENZE = "vertenze"  # a vertenza, its sites, parties, tavolo meetings, cohort exits
KINDS = frozenset({WORKERS, APPOINTMENTS, PATHWAYS, TRAINING, LETTERS, IMPORTS, VERTENZE})


class Changes(QObject):
    """The hub: ``changed(kinds, source)``: the frozenset of kinds of data that changed and
    the widget that wrote them (or None)."""

    changed = Signal(object, object)


_hub: Changes | None = None


def hub() -> Changes:
    """The one hub of the application (made on first use, owned by the QApplication)."""
    global _hub
    if _hub is None:
        _hub = Changes(QCoreApplication.instance())
        _hub.destroyed.connect(_forget)
    return _hub


def _forget(*_args: object) -> None:
    global _hub
    _hub = None


def announce(*kinds: str, source: QObject | None = None) -> None:
    """Tell every view that data of ``kinds`` changed (call after the service succeeded);
    ``source``, the widget that wrote, lets a view skip reading again what it just showed."""
    hub().changed.emit(frozenset(kinds) or KINDS, source)


def comes_from(view: QObject, source: object) -> bool:
    """Whether ``source`` is ``view`` or one of its children (a dialog opened from it too)."""
    while isinstance(source, QObject):
        if source is view:
            return True
        source = source.parent()
    return False
