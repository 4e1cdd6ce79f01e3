"""The read side of the Import/Export area: past imports and exports, and vertenze.

Plain rows for lists (no ORM object leaves the session). The writes (import, undo,
export) are in ``services.imports`` and ``services.export``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from sportello.core.context import Context
from sportello.core.models import ExchangeKind, ExchangeRecord, ExchangeStatus, Operator, Vertenza


@dataclass(frozen=True)
class ExchangeRow:
    """One import or export, as the history lists it."""

    id: int
    direction: str  # "import" or "export"
    kind: str  # "workers", "pathways"...
    file_name: str
    at: dt.datetime  # naive UTC, as stored
    operator: str | None
    vertenza: str | None
    rows_total: int
    inserted: int
    updated: int
    unchanged: int
    errors: int
    status: str  # "completato" or "annullato"
    undone_at: dt.datetime | None
    report: tuple[str, ...] = ()  # the import's errors, warnings and conflicts, in Italian

    @property
    def is_import(self) -> bool:
        return self.direction == ExchangeKind.IMPORT.value

    @property
    def can_undo(self) -> bool:
        """Only a workers list is taken back as a whole (a list of hires is not)."""
        return self.is_import and self.kind == "workers" and not self.undone

    @property
    def undone(self) -> bool:
        return self.status == ExchangeStatus.ANNULLATO.value

    @property
    def local_at(self) -> dt.datetime:
        """``at`` in the computer's time zone (for display)."""
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


@dataclass(frozen=True)
class VertenzaRow:
    id: int
    code: str
    title: str
    company_name: str


def _report_lines(report: object) -> tuple[str, ...]:
    if not isinstance(report, dict):
        return ()
    lines: list[str] = []
    for reading in report.get("readings") or []:
        lines.append(f"Lettura dai valori: {reading}")
    for unused in report.get("unused_columns") or []:
        lines.append(f"Colonna non importata: {unused}")
    for key in ("errors", "warnings", "conflicts", "unmatched", "already"):
        found = report.get(key)
        if isinstance(found, list):
            lines.extend(str(x) for x in found)
    return tuple(lines)


def list_exchanges(ctx: Context, *, limit: int = 200, direction: str | None = None
                   ) -> list[ExchangeRow]:
    """The latest imports and exports, newest first (``direction``: "import"/"export")."""
    stmt = (select(ExchangeRecord, Operator.full_name, Vertenza.title)
            .outerjoin(Operator, Operator.id == ExchangeRecord.operator_id)
            .outerjoin(Vertenza, Vertenza.id == ExchangeRecord.vertenza_id)
            .order_by(ExchangeRecord.at.desc(), ExchangeRecord.id.desc())
            .limit(limit))
    if direction is not None:
        stmt = stmt.where(ExchangeRecord.direction == direction)
    with ctx.read() as s:
        return [ExchangeRow(
            id=ex.id, direction=ex.direction, kind=ex.kind, file_name=ex.file_name, at=ex.at,
            operator=operator, vertenza=vertenza, rows_total=ex.rows_total or 0,
            inserted=ex.rows_inserted or 0, updated=ex.rows_updated or 0,
            unchanged=ex.rows_unchanged or 0, errors=ex.rows_error or 0, status=ex.status,
            undone_at=ex.undone_at, report=_report_lines(ex.report),
        ) for ex, operator, vertenza in s.execute(stmt)]


def list_imports(ctx: Context, limit: int = 200) -> list[ExchangeRow]:
    return list_exchanges(ctx, limit=limit, direction=ExchangeKind.IMPORT.value)


def vertenze(ctx: Context) -> list[VertenzaRow]:
    """Every vertenza with its code (the key imports and exports take), by title."""
    with ctx.read() as s:
        return [VertenzaRow(i, c, t, n) for i, c, t, n in s.execute(
            select(Vertenza.id, Vertenza.code, Vertenza.title, Vertenza.company_name)
            .order_by(Vertenza.title, Vertenza.id))]
