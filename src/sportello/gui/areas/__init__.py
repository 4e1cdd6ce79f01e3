"""The areas of the main window, one module each; ``AREAS`` is their order in the side bar.

Nothing is imported here: each entry of ``AREAS`` is a function that imports its area's
module and returns the class, so that start-up imports and builds only the Lavoratori area
(the others are built when first shown, their modules imported meanwhile in the background:
``preload``). ``from sportello.gui.areas import AgendaArea`` still works (``__getattr__``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sportello.gui.areas.agenda import AgendaArea
    from sportello.gui.areas.business import BusinessArea
    from sportello.gui.areas.exchange import ExchangeArea
    from sportello.gui.areas.monitoring import MonitoringArea
    from sportello.gui.areas.pathways import PathwaysArea
    from sportello.gui.areas.training import TrainingArea
    from sportello.gui.areas.vertenze import VertenzeArea
    from sportello.gui.areas.workers import WorkersArea


def _workers() -> type[WorkersArea]:
    from sportello.gui.areas.workers import WorkersArea

    return WorkersArea


def _agenda() -> type[AgendaArea]:
    from sportello.gui.areas.agenda import AgendaArea

    return AgendaArea


def _pathways() -> type[PathwaysArea]:
    from sportello.gui.areas.pathways import PathwaysArea

    return PathwaysArea


def _training() -> type[TrainingArea]:
    from sportello.gui.areas.training import TrainingArea

    return TrainingArea


def _business() -> type[BusinessArea]:
    from sportello.gui.areas.business import BusinessArea

    return BusinessArea


def _monitoring() -> type[MonitoringArea]:
    from sportello.gui.areas.monitoring import MonitoringArea

    return MonitoringArea


def _exchange() -> type[ExchangeArea]:
    from sportello.gui.areas.exchange import ExchangeArea

    return ExchangeArea


def _vertenze() -> type[VertenzeArea]:
    from sportello.gui.areas.vertenze import VertenzeArea

    return VertenzeArea


AreaClass = Callable[[], type]

AREAS: tuple[AreaClass, ...] = (
    _workers,
    _agenda,
    _pathways,
    _training,
    _business,
    _monitoring,
    _exchange,
    _vertenze,
)

_BY_NAME: dict[str, AreaClass] = {
    "WorkersArea": _workers,
    "AgendaArea": _agenda,
    "PathwaysArea": _pathways,
    "TrainingArea": _training,
    "BusinessArea": _business,
    "MonitoringArea": _monitoring,
    "ExchangeArea": _exchange,
    "VertenzeArea": _vertenze,
}


def preload() -> None:
    """Import every area's module (no widget is made): safe off the UI thread."""
    for area_class in AREAS:
        area_class()


def __getattr__(name: str) -> Any:
    if name in _BY_NAME:
        return _BY_NAME[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AREAS",
    "AgendaArea",
    "BusinessArea",
    "ExchangeArea",
    "MonitoringArea",
    "PathwaysArea",
    "TrainingArea",
    "VertenzeArea",
    "WorkersArea",
    "preload",
]
