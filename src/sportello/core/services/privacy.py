"""Privacy (GDPR): everything held about one worker in one go, and anonymisation.

Access request (art. 15): ``access_request`` writes an .xlsx (one sheet per kind of
record) and a readable PDF (reportlab, DejaVu Sans) of everything the database holds
about one person: the file, languages, employment situations, pacts, pathways, diary,
appointments, applications, hires, business projects (with stage meetings, SUAP filings
and funding), vouchers (with status history and attendance), letters (without the PDF
itself) and the access log (who opened or changed the file, when). A responsabile makes
it; the request is audited.

Anonymisation (art. 5(1)(e), storage limitation): ``anonymise`` clears closed files whose
closing date is older than the retention period (``Setting('privacy')``, default 5 years).
What goes and what stays, decided here:
- goes: name and surname (replaced by "Anonimizzato n. <id>"), codice fiscale (replaced by
  ``ANON`` + the id, so it stays unique and 16 characters), birth date and place,
  citizenship, addresses, comune and CAP, phone, mobile, email, education title, driving
  licence, car, skills, notes; the free text of every record of the file (diary subject
  and body, pact commitments and notes, pathway notes, appointment purpose and outcome
  note, profiling notes, application notes, status-change notes, business project title,
  description, company name and VAT number, stage notes, funding notes, SUAP practice
  number); letters lose their PDF and subject (protocol number and hash stay); what
  imports kept to undo a change of the file;
- stays: the file's id, sex, province of residence, education level, office and operator,
  status, closing date and reason, consent and notice version, and every coded or
  numeric fact: vertenza, CIGS/NASpI/DID dates and status, pathways (kind, status, dates,
  outcome), vouchers, attendance, hires, applications, business stages, funding amounts.
  So the counts by pathway, outcome and vertenza are the same before and after;
- the audit log: rows about the file keep their id, time, operator, action and entity, so
  "who did what when" survives; personal values inside ``changes`` (at any depth, e.g.
  the snapshot kept by a merge) become ``"***"`` and the person's CF, names, email and
  phone numbers are blanked out of ``detail``. Values of non-personal fields (status,
  outcome...) stay. This is one of the two rewrites the log allows
  (``audit.rewriting``); one "anonymise" row records the act itself, without values.
The rows are rewritten with Core statements (no old values copied into new audit rows);
versioned rows get a new version, so a window still holding the old data cannot save it
back (it gets the conflict message), and ``workers.save`` refuses an anonymised file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import Select, String, cast, literal, or_, select, update
from sqlalchemy.orm import Session

from sportello.core import codice_fiscale as cf
from sportello.core import db, paths
from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.exchange.xlsx import looks_like_formula, save_atomically, sheet_text, text_cell
from sportello.core.models import (
    Application,
    ApplicationStatusChange,
    Appointment,
    Attendance,
    AuditLog,
    Base,
    BusinessProject,
    BusinessStageEvent,
    DiaryEntry,
    Document,
    EmploymentSituation,
    ExchangeRecord,
    FileStatus,
    FundingRequest,
    Hire,
    ImportChange,
    Letter,
    Office,
    Operator,
    Pathway,
    Role,
    ServicePact,
    Setting,
    SuapFiling,
    Vertenza,
    Voucher,
    VoucherStatusChange,
    Worker,
    WorkerLanguage,
    utcnow,
)
from sportello.core.search import FTS_TABLE, has_fts
from sportello.core.text import worker_search_text, worker_sort_keys
from sportello.core import audit, permissions
from sportello.core.services import audit_log, documents

PRIVACY_KEY = "privacy"
DEFAULT_RETENTION_DAYS = 5 * 365 + 1
SCRUBBED = "***"


# --------------------------------------------------------------------------- settings


def retention_days(ctx: Context) -> int:
    with ctx.read() as s:
        row = s.get(Setting, PRIVACY_KEY)
    value = (row.value or {}).get("retention_days") if row is not None else None
    return int(value) if value else DEFAULT_RETENTION_DAYS


def set_retention_days(ctx: Context, days: int) -> None:
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "cambiare il periodo di conservazione")
    if not 30 <= int(days) <= 100 * 365:
        raise ValidationError("Il periodo di conservazione va da 30 giorni a 100 anni.",
                              "retention_days")
    with ctx.write() as s:
        row = s.get(Setting, PRIVACY_KEY)
        value = {**((row.value or {}) if row is not None else {}), "retention_days": int(days)}
        if row is None:
            s.add(Setting(key=PRIVACY_KEY, value=value))
        else:
            row.value = value


# --------------------------------------------------------------------------- access request

LABELS = {
    "id": "N.", "codice_fiscale": "Codice fiscale", "surname": "Cognome", "name": "Nome",
    "sex": "Sesso", "birth_date": "Data di nascita", "birth_place": "Luogo di nascita",
    "birth_place_code": "Codice catastale", "birth_province": "Provincia di nascita",
    "citizenship": "Cittadinanza", "residence_address": "Indirizzo di residenza",
    "residence_comune": "Comune di residenza", "residence_cap": "CAP di residenza",
    "residence_province": "Provincia di residenza", "domicile_address": "Indirizzo di domicilio",
    "domicile_comune": "Comune di domicilio", "domicile_cap": "CAP di domicilio",
    "domicile_province": "Provincia di domicilio", "phone": "Telefono", "mobile": "Cellulare",
    "email": "Email", "education_level": "Titolo di studio (livello)",
    "education_title": "Titolo di studio", "driving_licence": "Patente", "has_car": "Automunito",
    "skills": "Competenze", "privacy_consent": "Consenso al trattamento",
    "privacy_consent_on": "Data del consenso", "privacy_notice_version": "Versione informativa",
    "office_id": "Ufficio", "assigned_operator_id": "Operatore di riferimento",
    "status": "Stato", "closed_on": "Chiuso il", "closing_reason": "Motivo di chiusura",
    "notes": "Note", "extra_values": "Dati aggiuntivi", "safety_net": "Ammortizzatore",
    "cohort_exit": "Uscita dalla coorte",
    "cohort_exit_on": "Uscito dalla coorte il", "cohort_exit_note": "Nota sull'uscita dalla coorte",
    "anonymised_at": "Anonimizzato il", "created_at": "Creato il",
    "updated_at": "Aggiornato il", "language": "Lingua", "level": "Livello",
    "vertenza_id": "Vertenza", "is_current": "Attuale", "former_employer": "Datore di lavoro",
    "former_employer_cf": "CF datore di lavoro", "qualifica": "Qualifica",
    "qualifica_code": "Codice qualifica", "orario": "Orario", "weekly_hours": "Ore settimanali",
    "hired_on": "Assunto il", "exit_on": "Uscito il", "cigs_start": "Inizio CIGS",
    "cigs_end": "Fine CIGS", "naspi_start": "Inizio NASpI", "naspi_end": "Fine NASpI",
    "did_on": "Data DID", "did_channel": "Canale DID", "did_status": "Stato DID",
    "profiling_index": "Indice di profilazione", "profiling_on": "Profilato il",
    "profiling_notes": "Note di profilazione", "revision": "Revisione",
    "operator_id": "Operatore", "signed_on": "Firmato il", "gol_path": "Percorso GOL",
    "commitments": "Impegni", "review_on": "Revisione il", "supersedes_id": "Sostituisce",
    "pact_id": "Patto", "kind": "Tipo", "start_on": "Inizio", "end_on": "Fine",
    "outcome": "Esito", "at": "Data e ora", "subject": "Oggetto", "body": "Testo",
    "starts_at": "Inizio", "ends_at": "Fine", "purpose": "Motivo", "location": "Luogo",
    "outcome_note": "Nota sull'esito", "job_offer_id": "Offerta", "applied_on": "Candidato il",
    "mode": "Modalità", "remote_link": "Collegamento", "reminded_at": "Avvisato il",
    "delivery": "Consegna", "delivery_status": "Stato dell'invio", "sent_at": "Inviata il",
    "employer_id": "Datore di lavoro", "application_id": "Candidatura", "pathway_id": "Percorso",
    "contract_type": "Contratto", "title": "Titolo", "description": "Descrizione",
    "stage": "Fase", "legal_form": "Forma giuridica", "ateco_code": "Codice ATECO",
    "ateco_edition": "Edizione ATECO", "company_name": "Ragione sociale",
    "vat_number": "Partita IVA", "vat_opened_on": "P.IVA aperta il", "comune": "Comune",
    "opened_on": "Avviata il", "project_id": "Progetto", "filed_on": "Presentata il",
    "practice_number": "Numero pratica", "outcome_on": "Esito il", "programme_id": "Programma",
    "requested_cents": "Richiesto (€)", "granted_cents": "Concesso (€)",
    "requested_on": "Richiesto il", "decided_on": "Deciso il", "course_id": "Corso",
    "fund_id": "Fondo", "code": "Codice", "amount_cents": "Importo (€)",
    "spent_cents": "Speso (€)", "approved_on": "Approvato il", "approved_by_id": "Approvato da",
    "expires_on": "Scade il", "hours_attended": "Ore frequentate",
    "certificate_issued_on": "Attestato il", "voucher_id": "Voucher", "changed_at": "Data",
    "note": "Nota", "session_id": "Lezione", "present": "Presente",
    "recorded_by_id": "Registrato da", "recorded_at": "Registrato il",
    "protocol_year": "Anno protocollo", "protocol_number": "Numero protocollo",
    "template": "Modello", "appointment_id": "Appuntamento", "issued_at": "Emessa il",
    "sha256": "Impronta SHA-256", "batch_id": "Lotto", "action": "Azione",
    "entity": "Oggetto", "entity_id": "Id oggetto", "changes": "Modifiche", "detail": "Dettaglio",
    "owner_kind": "Allegato a", "owner_id": "Id allegato a", "original_name": "Nome del file",
    "mime": "Tipo di contenuto", "extension": "Formato", "size": "Dimensione (byte)",
    "uploaded_by": "Caricato da", "uploaded_at": "Caricato il", "deleted_at": "Eliminato il",
    "deleted_by": "Eliminato da", "received_on": "Ricevuto il", "sender": "Mittente",
    "channel": "Canale", "file": "File nella cartella dei documenti",
}
_SKIP_COLUMNS = {"version", "search_text", "sort_surname", "sort_name", "sort_comune",
                 "sort_phone", "pdf", "logo", "worker_id"}
_OPERATOR_COLUMNS = {"operator_id", "assigned_operator_id", "approved_by_id", "recorded_by_id",
                     "uploaded_by", "deleted_by"}


@dataclass(frozen=True)
class Section:
    title: str
    columns: list[str]
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class AccessReport:
    worker_id: int
    codice_fiscale: str
    full_name: str
    sections: list[Section]


@dataclass(frozen=True)
class AccessResult:
    xlsx: Path
    pdf: Path
    counts: dict[str, int]
    documents_folder: Path | None = None  # the documents' files, named in the PDF
    documents: list[Path] = field(default_factory=list)


def _columns(model: type[Base]) -> list[str]:
    return [c.key for c in model.__mapper__.column_attrs if c.key not in _SKIP_COLUMNS]


def _section(session: Session, title: str, model: type[Base], stmt: Select[Any],
             extra: Callable[[Any, dict[str, Any]], None] | None = None) -> tuple[Section, list[int]]:
    cols = _columns(model)
    rows = []
    ids = []
    for obj in session.scalars(stmt):
        row = {key: getattr(obj, key) for key in cols}
        if extra:
            extra(obj, row)
        rows.append(row)
        ids.append(obj.id)
    if extra and rows:
        cols = cols + [k for k in rows[0] if k not in cols]
    return Section(title, cols, rows), ids


_REPORT_LISTS = ("errors", "warnings", "conflicts")
_ROW_OF_LINE = re.compile(r"Riga (\d+)\b")


def _merged_into(session: Session, worker_id: int) -> set[int]:
    """The ids of the files merged into ``worker_id`` (and into those, recursively)."""
    found: set[int] = set()
    todo = [worker_id]
    while todo:
        into = todo.pop()
        for changes, detail in session.execute(
                select(AuditLog.changes, AuditLog.detail).where(
                    AuditLog.action == "merge", AuditLog.entity == "worker",
                    AuditLog.entity_id == into)):
            dropped = (changes or {}).get("unito_id")
            if dropped is None:  # rows written before unito_id was recorded
                match = re.match(r"Fascicolo (\d+) ", detail or "")
                dropped = int(match.group(1)) if match else None
            if dropped is not None and dropped not in found and dropped != worker_id:
                found.add(dropped)
                todo.append(dropped)
    return found


def _report_lines_of(report: dict[str, Any] | None, codes: set[str]) -> dict[str, list[str]]:
    """The lines of an import report about the person with these codici fiscali."""
    if not report:
        return {}
    rows = {row for row, code in (report.get("row_people") or {}).items() if code in codes}
    found: dict[str, list[str]] = {}
    for key in _REPORT_LISTS:
        lines = []
        for line in report.get(key) or []:
            match = _ROW_OF_LINE.match(str(line))
            if (match and match.group(1) in rows) or any(c in str(line).upper() for c in codes):
                lines.append(str(line))
        if lines:
            found[key] = lines
    return found


def _person_codes(session: Session, worker_id: int, merged: set[int]) -> set[str]:
    """Every codice fiscale the person's files had (theirs, the merged files', old spellings)."""
    codes = {c for c in session.scalars(select(Worker.codice_fiscale).where(
        Worker.id == worker_id))}
    ids = {worker_id, *merged}
    for (changes,) in session.execute(select(AuditLog.changes).where(
            or_(AuditLog.worker_id.in_(ids),
                (AuditLog.entity == "worker") & AuditLog.entity_id.in_(ids)))):
        codes.update(v for v in _values_under(changes, "codice_fiscale") if isinstance(v, str))
    return {c.upper() for c in codes if c}


def _values_under(value: Any, key: str, inside: bool = False) -> Iterable[Any]:
    """Every scalar stored under ``key`` anywhere in an audit ``changes`` structure."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _values_under(v, key, inside or k == key)
    elif isinstance(value, list):
        for v in value:
            yield from _values_under(v, key, inside)
    elif inside and value is not None:
        yield value


def collect(ctx: Context, worker_id: int) -> AccessReport:
    """Everything held about one worker, as plain sections (for the xlsx, the PDF, the GUI)."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "rispondere a una richiesta di accesso")
    with ctx.read() as s:
        w = s.get(Worker, worker_id)
        if w is None:
            raise NotFound("Fascicolo non trovato.")
        names = dict(s.execute(select(Operator.id, Operator.full_name)).all())
        vertenze = dict(s.execute(select(Vertenza.id, Vertenza.title)).all())
        sections: list[Section] = []

        def by_worker(model):  # type: ignore[no-untyped-def]
            return select(model).where(model.worker_id == worker_id).order_by(model.id)

        file_section, _ = _section(s, "Anagrafica", Worker, select(Worker).where(Worker.id == worker_id))
        sections.append(file_section)
        sections.append(_section(s, "Lingue", WorkerLanguage, by_worker(WorkerLanguage))[0])
        sections.append(_section(s, "Situazione lavorativa", EmploymentSituation,
                                 by_worker(EmploymentSituation))[0])
        sections.append(_section(s, "Patti di servizio", ServicePact, by_worker(ServicePact))[0])
        sections.append(_section(s, "Percorsi", Pathway, by_worker(Pathway))[0])
        sections.append(_section(s, "Diario", DiaryEntry, by_worker(DiaryEntry))[0])
        sections.append(_section(s, "Appuntamenti", Appointment, by_worker(Appointment))[0])
        apps, app_ids = _section(s, "Candidature", Application, by_worker(Application))
        sections.append(apps)
        sections.append(_section(s, "Storia candidature", ApplicationStatusChange, select(
            ApplicationStatusChange).where(ApplicationStatusChange.application_id.in_(app_ids))
            .order_by(ApplicationStatusChange.id))[0])
        sections.append(_section(s, "Assunzioni", Hire, by_worker(Hire))[0])
        projects, project_ids = _section(s, "Progetti d'impresa", BusinessProject,
                                         by_worker(BusinessProject))
        sections.append(projects)
        for title, model in (("Incontri impresa", BusinessStageEvent),
                             ("Pratiche SUAP", SuapFiling), ("Finanziamenti", FundingRequest)):
            sections.append(_section(s, title, model, select(model).where(
                model.project_id.in_(project_ids)).order_by(model.id))[0])
        vouchers, voucher_ids = _section(s, "Voucher", Voucher, by_worker(Voucher))
        sections.append(vouchers)
        sections.append(_section(s, "Storia voucher", VoucherStatusChange, select(
            VoucherStatusChange).where(VoucherStatusChange.voucher_id.in_(voucher_ids))
            .order_by(VoucherStatusChange.id))[0])
        sections.append(_section(s, "Presenze", Attendance, select(Attendance).where(
            Attendance.voucher_id.in_(voucher_ids)).order_by(Attendance.id))[0])
        sections.append(_section(s, "Lettere", Letter, select(Letter).where(
            Letter.worker_id == worker_id).order_by(Letter.id))[0])

        def document_extra(obj: Document, row: dict[str, Any]) -> None:
            row["file"] = documents.copy_name(obj) if obj.size else None

        sections.append(_section(s, "Documenti", Document, select(Document).where(
            Document.worker_id == worker_id).order_by(Document.id), document_extra)[0])

        def audit_extra(obj: AuditLog, row: dict[str, Any]) -> None:
            row["action"] = audit_log.ACTION_LABELS.get(obj.action, obj.action)
            row["changes"] = audit_log.AuditRow(obj.id, obj.at, None, None, None, obj.action,
                                                None, None, None, None, None, obj.changes,
                                                None).changes_text() or None

        sections.append(_section(s, "Registro accessi e modifiche", AuditLog, select(AuditLog).where(
            AuditLog.worker_id == worker_id).order_by(AuditLog.id), audit_extra)[0])
        codes = _person_codes(s, worker_id, _merged_into(s, worker_id))
        kinds = {"errors": "errore", "warnings": "avviso", "conflicts": "conflitto"}
        report_rows = []
        for ex_id, at, file_name, report in s.execute(
                select(ExchangeRecord.id, ExchangeRecord.at, ExchangeRecord.file_name,
                       ExchangeRecord.report).where(ExchangeRecord.report.is_not(None))
                .order_by(ExchangeRecord.id)):
            for key, lines in _report_lines_of(report, codes).items():
                report_rows.extend({"id": ex_id, "at": at, "file_name": file_name,
                                    "tipo": kinds[key], "riga": line} for line in lines)
        sections.append(Section("Segnalazioni delle importazioni",
                                ["id", "at", "file_name", "tipo", "riga"], report_rows))
        for section in sections:
            for row in section.rows:
                for key in _OPERATOR_COLUMNS & row.keys():
                    if row[key] is not None:
                        row[key] = names.get(row[key], row[key])
                if row.get("vertenza_id") is not None:
                    row["vertenza_id"] = vertenze.get(row["vertenza_id"], row["vertenza_id"])
        return AccessReport(w.id, w.codice_fiscale, f"{w.surname} {w.name}", sections)


def access_request(ctx: Context, worker: int | str, out_dir: Path | str, *,
                   today: dt.date | None = None) -> AccessResult:
    """Write ``accesso-<CF>-<date>.xlsx`` and ``.pdf`` in ``out_dir``; audited."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "rispondere a una richiesta di accesso")
    worker_id = _worker_id(ctx, worker)
    report = collect(ctx, worker_id)
    today = today or dt.date.today()
    out = paths.output_folder(out_dir)
    base = out / f"accesso-{report.codice_fiscale}-{today:%Y%m%d}"
    folder = out / f"documenti-{report.codice_fiscale}"
    with ctx.read() as s:
        copied = documents.write_all(s, worker_id, folder)
    xlsx = _write_xlsx(report, base.with_suffix(".xlsx"))
    pdf = _write_pdf(report, base.with_suffix(".pdf"), today, _office_name(ctx))
    counts = {sec.title: len(sec.rows) for sec in report.sections}
    with ctx.write() as s:
        audit.record(s, "access_request", entity="worker", entity_id=worker_id,
                     worker_id=worker_id,
                     detail=f"richiesta di accesso: {sum(counts.values())} righe in {xlsx.name} "
                     f"e {pdf.name}" + (f", {len(copied)} documenti in {folder.name}"
                                        if copied else ""))
    return AccessResult(xlsx, pdf, counts, folder if copied else None, copied)


def _worker_id(ctx: Context, worker: int | str) -> int:
    if isinstance(worker, int):
        return worker
    code = cf.normalise(worker)
    with ctx.read() as s:
        found = s.scalar(select(Worker.id).where(Worker.codice_fiscale == code))
    if found is None:
        raise NotFound(f"Nessun fascicolo con codice fiscale {code}.")
    return found


def _office_name(ctx: Context) -> str:
    with ctx.read() as s:
        office_id = ctx.actor.office_id if ctx.actor else None
        office = s.get(Office, office_id) if office_id else None
        return office.name if office else ""


def _display(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key.endswith("_cents") and isinstance(value, int):
        return value / 100
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, dict):  # the extra values kept from an imported list
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def _text(key: str, value: Any) -> str:
    value = _display(key, value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if key in ("at", "created_at", "updated_at", "changed_at", "recorded_at", "issued_at",
                   "anonymised_at"):
            value = value.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def _sheet_title(title: str, used: set[str]) -> str:
    clean = re.sub(r"[\[\]:*?/\\]", " ", title)[:31]
    name, n = clean, 2
    while name in used:
        name = f"{clean[:28]} {n}"
        n += 1
    used.add(name)
    return name


def _write_xlsx(report: AccessReport, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()
    for section in report.sections:
        ws = wb.create_sheet(_sheet_title(section.title, used))
        ws.freeze_panes = "A2"
        header = []
        for key in section.columns:
            cell = WriteOnlyCell(ws, value=LABELS.get(key, key.replace("_", " ")))
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in section.rows:
            cells: list[object] = []
            for key in section.columns:
                value = _display(key, row.get(key))
                if isinstance(value, dt.datetime):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = "DD/MM/YYYY HH:MM"
                    cells.append(cell)
                elif isinstance(value, dt.date):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = "DD/MM/YYYY"
                    cells.append(cell)
                elif isinstance(value, (dict, list)):
                    cells.append(text_cell(ws, str(value)))
                elif isinstance(value, str) and looks_like_formula(value := sheet_text(value)):
                    cells.append(text_cell(ws, value))
                else:
                    cells.append(value)
            ws.append(cells)
    return save_atomically(wb, path)


FONT = "SportelloPrivacySans"
FONT_BOLD = "SportelloPrivacySans-Bold"


def font_file(name: str = "DejaVuSans.ttf") -> Path:
    """DejaVu Sans shipped in resources/fonts; the system copy if it is not there."""
    try:
        shipped = paths.resource("fonts", name)
        if shipped.is_file():
            return shipped
    except FileNotFoundError:
        pass
    system = Path("/usr/share/fonts/truetype/dejavu") / name
    if system.is_file():
        return system
    raise NotFound(f"Carattere {name} non trovato (né in resources/fonts né nel sistema).")


@cache
def _fonts() -> tuple[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(font_file("DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_file("DejaVuSans-Bold.ttf"))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT, FONT_BOLD


def _write_pdf(report: AccessReport, path: Path, today: dt.date, office: str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    regular, bold = _fonts()
    body = ParagraphStyle("corpo", fontName=regular, fontSize=9, leading=12)
    label = ParagraphStyle("etichetta", parent=body, fontName=bold)
    h1 = ParagraphStyle("titolo", parent=body, fontName=bold, fontSize=15, leading=19,
                        spaceAfter=6)
    h2 = ParagraphStyle("sezione", parent=body, fontName=bold, fontSize=12, leading=15,
                        spaceBefore=10, spaceAfter=4)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    story: list[Any] = [
        para("Dati personali trattati — richiesta di accesso (art. 15 GDPR)", h1),
        para(f"Interessato: {report.full_name}, codice fiscale {report.codice_fiscale}"),
        para(f"Ufficio: {office}" if office else ""),
        para(f"Documento generato il {today:%d/%m/%Y}. Contiene tutti i dati conservati nel "
             "fascicolo e il registro di chi lo ha consultato o modificato."),
        Spacer(1, 4 * mm),
    ]
    width = A4[0] - 36 * mm
    grid = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
    ])
    for section in report.sections:
        story.append(para(f"{section.title} ({len(section.rows)})", h2))
        if not section.rows:
            story.append(para("Nessun dato."))
            continue
        for n, row in enumerate(section.rows, start=1):
            data = [[para(LABELS.get(k, k.replace("_", " ")), label), para(_text(k, row.get(k)))]
                    for k in section.columns if row.get(k) not in (None, "")]
            if not data:
                continue
            table = Table(data, colWidths=[width * 0.32, width * 0.68])
            table.setStyle(grid)
            block = [table, Spacer(1, 3 * mm)]
            if len(section.rows) > 1:
                block.insert(0, para(f"{section.title} — {n}", label))
            story.append(KeepTogether(block) if len(data) < 25 else table)

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Pagina {doc.page}")
        canvas.drawString(18 * mm, 10 * mm, f"Accesso ai dati — {report.codice_fiscale}")
        canvas.restoreState()

    tmp = path.with_name(f".{path.name}.part")
    try:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                topMargin=18 * mm, bottomMargin=18 * mm,
                                title=f"Accesso ai dati — {report.codice_fiscale}",
                                author=office or "Sportello")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


# --------------------------------------------------------------------------- anonymisation

# Columns whose values are personal: cleared on the rows, and "***" in audit changes.
_WORKER_CLEARED = (
    "birth_date", "birth_place", "birth_place_code", "birth_province", "citizenship",
    "residence_address", "residence_comune", "residence_cap", "domicile_address",
    "domicile_comune", "domicile_cap", "domicile_province", "phone", "mobile", "email",
    "education_title", "driving_licence", "has_car", "skills", "notes", "extra_values",
    "cohort_exit_note",
)
_CHILD_CLEARED: tuple[tuple[type[Base], tuple[str, ...]], ...] = (
    (EmploymentSituation, ("profiling_notes",)),
    (ServicePact, ("commitments", "notes")),
    (Pathway, ("notes",)),
    (DiaryEntry, ("subject", "body")),
    (Appointment, ("purpose", "outcome_note", "remote_link")),
    (Application, ("notes",)),
    (BusinessProject, ("description", "company_name", "vat_number")),
)
PERSONAL_KEYS = frozenset(
    {"codice_fiscale", "surname", "name", "search_text", "sort_surname", "sort_name",
     "sort_comune", "sort_phone", "title", "subject", "body", "note",
     "notes", "commitments", "profiling_notes", "purpose", "outcome_note", "remote_link",
     "description",
     "company_name", "vat_number", "practice_number", "pdf", "original_name", "sender",
     *_WORKER_CLEARED}
)


@dataclass(frozen=True)
class Candidate:
    worker_id: int
    codice_fiscale: str
    full_name: str
    closed_on: dt.date


@dataclass(frozen=True)
class AnonymiseResult:
    cutoff: dt.date
    candidates: list[Candidate]
    anonymised: int
    dry_run: bool


def _scrub(value: Any, personal: bool = False) -> Any:
    """Personal values inside an audit ``changes`` structure become "***"."""
    if isinstance(value, dict):
        return {k: _scrub(v, personal or k in PERSONAL_KEYS) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, personal) for v in value]
    if personal and value is not None:
        return SCRUBBED
    return value


def _blank(text: str | None, needles: Iterable[str]) -> str | None:
    if not text:
        return text
    for needle in needles:
        if needle and len(needle) >= 3:
            text = re.sub(re.escape(needle), SCRUBBED, text, flags=re.IGNORECASE)
    return text


def candidates(ctx: Context, *, older_than_days: int | None = None,
               today: dt.date | None = None) -> tuple[dt.date, list[Candidate]]:
    days = older_than_days if older_than_days is not None else retention_days(ctx)
    if days < 0:
        raise ValidationError("Il numero di giorni non può essere negativo.", "older_than_days")
    cutoff = (today or dt.date.today()) - dt.timedelta(days=days)
    with ctx.read() as s:
        rows = s.execute(
            select(Worker.id, Worker.codice_fiscale, Worker.surname, Worker.name, Worker.closed_on)
            .where(Worker.status == FileStatus.CHIUSO, Worker.anonymised_at.is_(None),
                   Worker.closed_on.is_not(None), Worker.closed_on <= cutoff)
            .order_by(Worker.closed_on, Worker.id)).all()
    return cutoff, [Candidate(r[0], r[1], f"{r[2]} {r[3]}", r[4]) for r in rows]


def anonymise(ctx: Context, *, older_than_days: int | None = None, dry_run: bool = False,
              today: dt.date | None = None,
              progress: Callable[[int, int], bool] | None = None) -> AnonymiseResult:
    """Anonymise closed files older than the retention period (administrators only).

    ``dry_run`` lists what would be anonymised and writes nothing. One transaction per
    file: an interruption leaves every file either untouched or fully anonymised.
    """
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "anonimizzare i fascicoli")
    cutoff, found = candidates(ctx, older_than_days=older_than_days, today=today)
    if dry_run:
        return AnonymiseResult(cutoff, found, 0, True)
    done = 0
    for candidate in found:
        with ctx.write() as s:
            if db.is_sqlite(ctx.engine):  # freed pages are zeroed, not left readable
                s.connection().exec_driver_sql("PRAGMA secure_delete=ON")
            _anonymise_in(s, candidate.worker_id)
        done += 1
        if progress and not progress(done, len(found)):
            break
    if done and db.is_sqlite(ctx.engine):
        # The trigram index keeps old terms in its older segments until they are merged.
        with ctx.write() as s:
            if has_fts(s):
                s.connection().exec_driver_sql(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    return AnonymiseResult(cutoff, found, done, False)


def _anonymise_reports(s: Session, codes: set[str], needles: list[str]) -> int:
    """Blank this person's lines in the import reports: the rows the report ties to one of
    their codici fiscali lose everything after "Riga N", and their codes, e-mails and
    phone numbers are blanked in every other line (a conflict names the person)."""
    changed = 0
    for ex_id, report in s.execute(select(ExchangeRecord.id, ExchangeRecord.report)
                                   .where(ExchangeRecord.report.is_not(None))).all():
        mine = _report_lines_of(report, codes)
        if not mine and not any(n.lower() in str(report).lower() for n in needles):
            continue
        new = dict(report)
        for key in _REPORT_LISTS:
            lines = []
            for line in report.get(key) or []:
                line = str(line)
                if line in mine.get(key, []):
                    match = _ROW_OF_LINE.match(line)
                    line = f"Riga {match.group(1)}: {SCRUBBED}" if match else SCRUBBED
                lines.append(_blank(line, needles) or line)
            new[key] = lines
        new["row_people"] = {row: (SCRUBBED if code in codes else code)
                             for row, code in (report.get("row_people") or {}).items()}
        if new != report:
            s.execute(update(ExchangeRecord).where(ExchangeRecord.id == ex_id).values(report=new)
                      .execution_options(synchronize_session=False))
            changed += 1
    return changed


def _bump(model: type[Base]) -> dict[str, Any]:
    return {"version": model.version + 1} if hasattr(model, "version") else {}  # type: ignore[attr-defined]


def _anonymise_in(s: Session, worker_id: int) -> None:
    w = s.get(Worker, worker_id)
    if w is None or w.anonymised_at is not None:
        return
    needles = [w.codice_fiscale, w.surname, w.name, f"{w.surname} {w.name}", w.email or "",
               w.phone or "", w.mobile or ""]
    for texts in s.execute(select(Document.original_name, Document.sender, Document.subject)
                           .where(Document.worker_id == worker_id)):
        needles.extend(t for t in texts if t and len(t) >= 4)  # names of files, senders
    new_cf = f"ANON{worker_id:012d}"
    new = {"surname": "Anonimizzato", "name": f"n. {worker_id}", "codice_fiscale": new_cf}
    values: dict[str, Any] = {key: None for key in _WORKER_CLEARED}
    values.update(new, anonymised_at=utcnow(), search_text=worker_search_text(new),
                  **worker_sort_keys(new), **_bump(Worker))
    s.execute(update(Worker).where(Worker.id == worker_id).values(values)
              .execution_options(synchronize_session=False))
    touched: dict[str, list[int]] = {"worker": [worker_id]}
    for model, cols in _CHILD_CLEARED:
        ids = list(s.scalars(select(model.id).where(model.worker_id == worker_id)))  # type: ignore[attr-defined]
        touched[model.__tablename__] = ids
        if ids:
            extra: dict[str, Any] = {}
            if model is BusinessProject:
                extra["title"] = literal("Progetto n. ", String) + cast(BusinessProject.id, String)
            s.execute(update(model).where(model.id.in_(ids))  # type: ignore[attr-defined]
                      .values({**{c: None for c in cols}, **extra, **_bump(model)})
                      .execution_options(synchronize_session=False))
    projects = touched["business_project"]
    app_ids = touched["application"]
    voucher_ids = list(s.scalars(select(Voucher.id).where(Voucher.worker_id == worker_id)))
    grandchildren = (
        (BusinessStageEvent, BusinessStageEvent.project_id, projects, {"notes": None}),
        (FundingRequest, FundingRequest.project_id, projects, {"notes": None}),
        (SuapFiling, SuapFiling.project_id, projects, {"practice_number": None}),
        (ApplicationStatusChange, ApplicationStatusChange.application_id, app_ids, {"note": None}),
        (VoucherStatusChange, VoucherStatusChange.voucher_id, voucher_ids, {"note": None}),
    )
    for model, parent, parents, cleared in grandchildren:
        ids = list(s.scalars(select(model.id).where(parent.in_(parents)))) if parents else []
        touched[model.__tablename__] = ids
        if ids:
            s.execute(update(model).where(model.id.in_(ids))
                      .values({**cleared, **_bump(model)})
                      .execution_options(synchronize_session=False))
    s.execute(update(Letter).where(Letter.worker_id == worker_id)
              .values(pdf=None, subject=None).execution_options(synchronize_session=False))
    touched["document"] = documents.purge_in(s, worker_id)
    for entity, ids in (("worker", [worker_id]),
                        ("employment_situation", touched["employment_situation"])):
        if ids:
            s.execute(update(ImportChange).where(ImportChange.entity == entity,
                                                 ImportChange.entity_id.in_(ids))
                      .values(before=None).execution_options(synchronize_session=False))
    # The audit rows about this person, and about the files merged into theirs: keep
    # who/when/what, scrub the personal values. The values those rows hold (a merged
    # file's other spelling, an old e-mail) are searched for in the free texts too.
    merged = _merged_into(s, worker_id)
    conditions = [AuditLog.worker_id.in_([worker_id, *merged]),
                  (AuditLog.entity == "worker") & AuditLog.entity_id.in_(merged or [-1])]
    for entity, ids in touched.items():
        if ids:
            conditions.append((AuditLog.entity == entity) & AuditLog.entity_id.in_(ids))
    rows = s.execute(select(AuditLog.id, AuditLog.changes, AuditLog.detail)
                     .where(or_(*conditions))).all()
    codes = {c.upper() for c in needles[:1]} | _person_codes(s, worker_id, merged)
    for _audit_id, changes, _detail in rows:
        for key in ("codice_fiscale", "surname", "name", "email", "phone", "mobile"):
            needles.extend(str(v) for v in _values_under(changes, key) if v not in (None, ""))
    needles = sorted(set(needles) | codes, key=len, reverse=True)  # longest first
    _anonymise_reports(s, codes, [n for n in needles if n.upper() in codes or "@" in n
                                  or sum(ch.isdigit() for ch in n) >= 6])
    with audit.rewriting(s, "anonymisation"):
        for audit_id, changes, detail in rows:
            scrubbed = _scrub(changes) if changes else changes
            blanked = _blank(detail, needles)
            if scrubbed != changes or blanked != detail:
                s.execute(update(AuditLog).where(AuditLog.id == audit_id)
                          .values(changes=scrubbed, detail=blanked)
                          .execution_options(synchronize_session=False))
    s.expire_all()
    audit.record(s, "anonymise", entity="worker", entity_id=worker_id, worker_id=worker_id,
                 changes={"righe_ripulite": {k: len(v) for k, v in touched.items() if v},
                          "registro_ripulito": len(rows)},
                 detail=f"fascicolo {worker_id} anonimizzato (conservazione scaduta)")
