"""The areas of the main window, one module each; ``AREAS`` is their order in the side bar."""

from __future__ import annotations

from sportello.gui.areas.agenda import AgendaArea
from sportello.gui.areas.business import BusinessArea
from sportello.gui.areas.exchange import ExchangeArea
from sportello.gui.areas.monitoring import MonitoringArea
from sportello.gui.areas.pathways import PathwaysArea
from sportello.gui.areas.training import TrainingArea
from sportello.gui.areas.vertenze import VertenzeArea
from sportello.gui.areas.workers import WorkersArea

AREAS = (
    WorkersArea,
    AgendaArea,
    PathwaysArea,
    TrainingArea,
    BusinessArea,
    MonitoringArea,
    ExchangeArea,
    VertenzeArea,
)

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
]
