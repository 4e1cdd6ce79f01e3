"""The audit log read and exported: the audit viewer and ``sportello audit``.

Only a responsabile (or above) may read it; each consultation (first page) and each export
leaves its own row in the log. Written by ``core.audit`` (the hook), read here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sportello.core import codice_fiscale as cf
from sportello.core import permissions
from sportello.core.audit import record
from sportello.core.codes import Role
from sportello.core.context import Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.exchange.xlsx import looks_like_formula, save_atomically, sheet_text, text_cell
from sportello.core.models import AuditLog, Operator, Worker

# What each action means, for the viewer and the export.
ACTION_LABELS = {
    "create": "creazione", "update": "modifica", "delete": "cancellazione",
    "open": "apertura fascicolo", "merge": "unione fascicoli", "close_file": "chiusura fascicolo",
    "login": "accesso", "logout": "uscita", "unlock": "sblocco schermo",
    "cli_session": "sessione da riga di comando",
    "login_failed": "accesso fallito", "login_refused": "accesso rifiutato",
    "password_change": "cambio password", "password_reset": "password reimpostata",
    "import": "importazione", "export": "esportazione", "letter": "lettera",
    "backup": "copia di sicurezza", "restore": "ripristino",
    "access_request": "richiesta di accesso ai dati", "anonymise": "anonimizzazione",
    "fund_commit": "impegno sul fondo", "attendance_grid": "registro presenze",
    "audit_view": "consultazione del registro", "letter_preview": "anteprima lettera",
    "attach_document": "documento allegato", "view_document": "documento visualizzato",
    "save_document": "copia di un documento", "print_document": "documento stampato",
    "delete_document": "documento eliminato", "protocol_in": "protocollo in entrata",
}


@dataclass
class AuditFilter:
    """Dates are local calendar days, both ends included."""

    since: dt.date | None = None
    until: dt.date | None = None
    operator_id: int | None = None
    operator_username: str | None = None
    worker_id: int | None = None
    worker_cf: str | None = None
    action: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # naive UTC, as stored
    operator_id: int | None
    operator_username: str | None
    operator_name: str | None
    action: str
    entity: str | None
    entity_id: int | None
    worker_id: int | None
    worker_name: str | None
    worker_cf: str | None
    changes: dict[str, Any] | None
    detail: str | None

    @property
    def at_local(self) -> dt.datetime:
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def changes_text(self) -> str:
        """``campo: vecchio → nuovo`` per changed field, one per line."""
        if not self.changes:
            return ""
        lines = []
        for key, value in self.changes.items():
            if isinstance(value, list) and len(value) == 2:
                old, new = value
                lines.append(f"{key}: {_shown(old)} → {_shown(new)}")
            else:
                lines.append(f"{key}: {_shown(value)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    offset: int
    limit: int


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _utc_bound(day: dt.date, end: bool) -> dt.datetime:
    local = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time.min)
    return local.astimezone().astimezone(dt.UTC).replace(tzinfo=None)


def _where(session: Session, flt: AuditFilter):  # type: ignore[no-untyped-def]
    conds = []
    if flt.since and flt.until and flt.since > flt.until:
        raise ValidationError("La data iniziale è dopo quella finale.", "since")
    if flt.since:
        conds.append(AuditLog.at >= _utc_bound(flt.since, end=False))
    if flt.until:
        conds.append(AuditLog.at < _utc_bound(flt.until, end=True))
    if flt.operator_id is not None:
        conds.append(AuditLog.operator_id == flt.operator_id)
    if flt.operator_username:
        name = flt.operator_username.strip().lower()
        op_id = session.scalar(select(Operator.id).where(Operator.username == name))
        if op_id is None:
            raise ValidationError(f"Operatore «{name}» inesistente.", "operator_username")
        conds.append(AuditLog.operator_id == op_id)
    if flt.worker_id is not None:
        conds.append(AuditLog.worker_id == flt.worker_id)
    if flt.worker_cf:
        code = cf.normalise(flt.worker_cf)
        wid = session.scalar(select(Worker.id).where(Worker.codice_fiscale == code))
        if wid is None:
            raise ValidationError(f"Nessun fascicolo con codice fiscale {code}.", "worker_cf")
        conds.append(AuditLog.worker_id == wid)
    if flt.action:
        conds.append(AuditLog.action == flt.action.strip())
    if flt.entity:
        conds.append(AuditLog.entity == flt.entity.strip())
    return conds


def _select_rows():  # type: ignore[no-untyped-def]
    return (
        select(AuditLog.id, AuditLog.at, AuditLog.operator_id, Operator.username,
               Operator.full_name, AuditLog.action, AuditLog.entity, AuditLog.entity_id,
               AuditLog.worker_id, Worker.surname, Worker.name, Worker.codice_fiscale,
               AuditLog.changes, AuditLog.detail)
        .outerjoin(Operator, Operator.id == AuditLog.operator_id)
        .outerjoin(Worker, Worker.id == AuditLog.worker_id)
    )


def _row(r) -> AuditRow:  # type: ignore[no-untyped-def]
    worker_name = f"{r[9]} {r[10]}".strip() if r[9] is not None else None
    return AuditRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], worker_name, r[11],
                    r[12], r[13])


def _require_viewer(ctx: Context) -> None:
    permissions.require(ctx.actor, Role.RESPONSABILE, "consultare il registro delle attività")


def query(ctx: Context, flt: AuditFilter | None = None, *, offset: int = 0,
          limit: int = 200) -> AuditPage:
    """One page of audit rows, newest first, with the total for the pager."""
    _require_viewer(ctx)
    flt = flt or AuditFilter()
    limit = max(1, min(int(limit), 5000))
    offset = max(0, int(offset))
    with ctx.read() as s:
        conds = _where(s, flt)
        total = s.scalar(select(func.count(AuditLog.id)).where(*conds)) or 0
        stmt = _select_rows().where(*conds).order_by(AuditLog.id.desc()).offset(offset).limit(limit)
        rows = [_row(r) for r in s.execute(stmt)]
    if offset == 0:  # a consultation leaves a trace; scrolling through its pages does not
        with ctx.write() as s:
            record(s, "audit_view", detail=f"consultazione del registro: {_described(flt)} "
                   f"({total} righe)")
    return AuditPage(rows, total, offset, limit)


def _described(flt: AuditFilter) -> str:
    """The filter in words, for the trace a consultation leaves."""
    parts = [f"{name} {value}" for name, value in (
        ("operatore", flt.operator_username or flt.operator_id), ("fascicolo", flt.worker_id),
        ("codice fiscale", flt.worker_cf), ("azione", flt.action), ("oggetto", flt.entity),
        ("dal", flt.since), ("al", flt.until))
        if value not in (None, "")]
    return ", ".join(parts) or "senza filtri"


def actions(ctx: Context) -> list[str]:
    """The actions present in the log (for the viewer's filter)."""
    _require_viewer(ctx)
    with ctx.read() as s:
        return sorted(s.scalars(select(AuditLog.action).distinct()))


@dataclass(frozen=True)
class AuditExport:
    path: Any
    rows: int


AUDIT_COLUMNS = (
    ("N.", 8), ("Data e ora", 18), ("Operatore", 22), ("Utente", 14), ("Azione", 20),
    ("Oggetto", 18), ("Id oggetto", 10), ("Fascicolo", 24), ("Codice fiscale", 18),
    ("Modifiche (vecchio → nuovo)", 60), ("Dettaglio", 40),
)


def export_xlsx(ctx: Context, flt: AuditFilter | None, out: Path | str, *,
                progress: Callable[[int], bool] | None = None) -> AuditExport:
    """The filtered log to ``out`` (.xlsx); no cell is ever a formula; the export is audited."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    _require_viewer(ctx)
    flt = flt or AuditFilter()
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il file di destinazione deve avere estensione .xlsx.", "out")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Registro attività")
    for i, (_h, width) in enumerate(AUDIT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title, _w in AUDIT_COLUMNS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    with ctx.read() as s:
        conds = _where(s, flt)
        stmt = _select_rows().where(*conds).order_by(AuditLog.id)
        for r in s.execute(stmt).yield_per(2000):
            row = _row(r)
            when = WriteOnlyCell(ws, value=row.at_local)
            when.number_format = "DD/MM/YYYY HH:MM:SS"
            values: list[object] = [
                row.id, when, row.operator_name, row.operator_username, row.action_label,
                row.entity, row.entity_id, row.worker_name, row.worker_cf,
                row.changes_text() or None, row.detail,
            ]
            cells: list[object] = []
            for value in values:
                value = sheet_text(value)
                if isinstance(value, str) and looks_like_formula(value):
                    cells.append(text_cell(ws, value))
                elif isinstance(value, str) and "\n" in value:
                    cell = WriteOnlyCell(ws, value=value)
                    cell.alignment = wrap
                    cells.append(cell)
                else:
                    cells.append(value)
            ws.append(cells)
            count += 1
            if progress and count % 2000 == 0 and not progress(count):
                raise SportelloError("Esportazione annullata: nessun file scritto.")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(AUDIT_COLUMNS))}{count + 1}"
    save_atomically(wb, out)
    with ctx.write() as s:
        record(s, "export", entity="audit_log",
               detail=f"registro attività: {count} righe in {out.name}")
    return AuditExport(out, count)
