"""Excel exports in our standard layout: one sheet, one header row, real Excel types.

Dates are dates, amounts are numbers in euro, codici fiscali and phones are text; the
header is bold and frozen with an autofilter; no cell is ever a formula: text starting with
= + - @, tab, CR or LF is written as a string cell with Excel's "quote prefix" set, so it
shows exactly as typed and stays text even when the cell is edited.
Written with openpyxl's write-only mode, streaming rows from the database.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from sportello.core.bootstrap import Context
from sportello.core.codes import pathway_kind_label
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.models import (
    Appointment,
    BusinessProject,
    Course,
    Employer,
    EmploymentSituation,
    ExchangeKind,
    ExchangeRecord,
    Fund,
    FundingRequest,
    Hire,
    Operator,
    Pathway,
    SuapFiling,
    TrainingProvider,
    Vertenza,
    Voucher,
    Worker,
)
from sportello.core.paths import output_file, replaced_atomically
from sportello.core.services import audit

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sheet_text(value: object) -> object:
    """A value a sheet can hold: control characters that xlsx cannot store (and that
    openpyxl refuses with IllegalCharacterError) are dropped from texts; the rules keep
    new ones out, this keeps any older or foreign value from breaking an export."""
    if isinstance(value, str) and _NOT_IN_XLSX.search(value):
        return _NOT_IN_XLSX.sub("", value)
    return value


def save_atomically(wb, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Save a workbook beside ``out``, then rename it over: never a half-written file."""
    with replaced_atomically(out) as tmp:
        wb.save(tmp)
    return out


def text_cell(ws, value: str):  # type: ignore[no-untyped-def]
    """A cell that is text whatever it starts with (openpyxl makes "=..." a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text, date, datetime, int, number, euro, bool
    width: float = 16


@dataclass(frozen=True)
class Kind:
    title: str
    columns: tuple[Column, ...]
    query: Callable[[int | None], Select]  # vertenza id -> statement yielding rows
    encoders: tuple[Callable[[object], object] | None, ...] = ()  # per column (profiles)


def _worker_in_vertenza(vertenza_id: int | None, worker_col):  # type: ignore[no-untyped-def]
    if vertenza_id is None:
        return True
    return worker_col.in_(select(EmploymentSituation.worker_id)
                          .where(EmploymentSituation.vertenza_id == vertenza_id))


def _current_vertenza():  # type: ignore[no-untyped-def]
    return (select(Vertenza.title).join(EmploymentSituation,
                                         EmploymentSituation.vertenza_id == Vertenza.id)
            .where(EmploymentSituation.worker_id == Worker.id,
                   EmploymentSituation.is_current.is_(True))
            .limit(1).scalar_subquery())


C = Column
KINDS: dict[str, Kind] = {
    "workers": Kind(
        "Lavoratori",
        (C("Codice fiscale", width=19), C("Cognome", width=18), C("Nome", width=16), C("Sesso", width=6),
         C("Data di nascita", "date", 12), C("Luogo di nascita", width=18), C("Cittadinanza"),
         C("Indirizzo di residenza", width=28), C("Comune di residenza", width=20),
         C("CAP", width=7), C("Provincia", width=8), C("Telefono", width=14),
         C("Cellulare", width=14), C("Email", width=28), C("Titolo di studio", width=20),
         C("Vertenza", width=26), C("Stato fascicolo", width=12), C("Consenso privacy", "bool", 10)),
        lambda v: select(
            Worker.codice_fiscale, Worker.surname, Worker.name, Worker.sex, Worker.birth_date,
            Worker.birth_place, Worker.citizenship, Worker.residence_address,
            Worker.residence_comune, Worker.residence_cap, Worker.residence_province, Worker.phone,
            Worker.mobile, Worker.email, Worker.education_level, _current_vertenza(),
            Worker.status, Worker.privacy_consent,
        ).where(_worker_in_vertenza(v, Worker.id)).order_by(Worker.surname, Worker.name, Worker.id),
    ),
    "pathways": Kind(
        "Percorsi",
        (C("Codice fiscale", width=19), C("Cognome", width=18), C("Nome", width=16),
         C("Percorso", width=34), C("Stato", width=12), C("Inizio", "date", 12),
         C("Fine", "date", 12), C("Esito", width=14)),
        lambda v: select(Worker.codice_fiscale, Worker.surname, Worker.name, Pathway.kind,
                         Pathway.status, Pathway.start_on, Pathway.end_on, Pathway.outcome)
        .join(Worker, Worker.id == Pathway.worker_id)
        .where(_worker_in_vertenza(v, Worker.id)).order_by(Worker.surname, Worker.name, Pathway.id),
        # the kind by its name (core.codes), as the windows and the letters show it
        (None, None, None, pathway_kind_label, None, None, None, None),
    ),
    "vouchers": Kind(
        "Voucher",
        (C("Codice voucher", width=16), C("Codice fiscale", width=19), C("Cognome", width=18),
         C("Nome", width=16), C("Corso", width=36), C("Ente", width=24), C("Fondo", width=26),
         C("Importo", "euro", 12), C("Speso", "euro", 12), C("Stato", width=13),
         C("Richiesto il", "date", 12), C("Approvato il", "date", 12), C("Ore frequentate", "number", 10),
         C("Ore corso", "number", 9)),
        lambda v: select(Voucher.code, Worker.codice_fiscale, Worker.surname, Worker.name,
                         Course.title, TrainingProvider.name, Fund.name, Voucher.amount_cents,
                         Voucher.spent_cents, Voucher.status, Voucher.requested_on,
                         Voucher.approved_on, Voucher.hours_attended, Course.hours)
        .join(Worker, Worker.id == Voucher.worker_id).join(Course, Course.id == Voucher.course_id)
        .join(TrainingProvider, TrainingProvider.id == Course.provider_id)
        .join(Fund, Fund.id == Voucher.fund_id)
        .where(_worker_in_vertenza(v, Worker.id)).order_by(Voucher.id),
    ),
    "funds": Kind(
        "Fondi",
        (C("Fondo", width=30), C("Tipo", width=18), C("Anno", "int", 7), C("Budget", "euro", 14),
         C("Impegnato", "euro", 14), C("Speso", "euro", 14), C("Disponibile", "euro", 14)),
        lambda v: select(Fund.name, Fund.kind, Fund.year, Fund.budget_cents, Fund.committed_cents,
                         Fund.spent_cents,
                         Fund.budget_cents - Fund.committed_cents - Fund.spent_cents)
        .order_by(Fund.name),
    ),
    "courses": Kind(
        "Corsi",
        (C("Codice", width=14), C("Titolo", width=36), C("Area", width=22), C("Ente", width=24),
         C("Ore", "number", 7), C("Inizio", "date", 12), C("Fine", "date", 12), C("Posti", "int", 7),
         C("Posti occupati", "int", 9), C("Costo", "euro", 12), C("Frequenza minima %", "int", 10),
         C("Attestato", width=20)),
        lambda v: select(Course.code, Course.title, Course.area, TrainingProvider.name, Course.hours,
                         Course.starts_on, Course.ends_on, Course.seats, Course.seats_taken,
                         Course.cost_cents, Course.min_attendance_pct, Course.certificate_type)
        .join(TrainingProvider, TrainingProvider.id == Course.provider_id).order_by(Course.title),
    ),
    "appointments": Kind(
        "Appuntamenti",
        (C("Data e ora", "datetime", 17), C("Codice fiscale", width=19), C("Cognome", width=18),
         C("Nome", width=16), C("Operatore", width=22), C("Motivo", width=28), C("Stato", width=11),
         C("Esito", width=12)),
        lambda v: select(Appointment.starts_at, Worker.codice_fiscale, Worker.surname, Worker.name,
                         Operator.full_name, Appointment.purpose, Appointment.status,
                         Appointment.outcome)
        .join(Worker, Worker.id == Appointment.worker_id)
        .join(Operator, Operator.id == Appointment.operator_id)
        .where(_worker_in_vertenza(v, Worker.id)).order_by(Appointment.starts_at),
    ),
    "placements": Kind(
        "Assunzioni",
        (C("Codice fiscale", width=19), C("Cognome", width=18), C("Nome", width=16),
         C("Azienda", width=28), C("P.IVA azienda", width=14), C("Data assunzione", "date", 12),
         C("Fine contratto", "date", 12), C("Contratto", width=20), C("Ore settimanali", "number", 9),
         C("Qualifica", width=20)),
        lambda v: select(Worker.codice_fiscale, Worker.surname, Worker.name, Employer.name,
                         Employer.cf_piva, Hire.hired_on, Hire.end_on, Hire.contract_type,
                         Hire.weekly_hours, Hire.qualifica)
        .join(Worker, Worker.id == Hire.worker_id).join(Employer, Employer.id == Hire.employer_id)
        .where(_worker_in_vertenza(v, Worker.id)).order_by(Hire.hired_on),
    ),
    "businesses": Kind(
        "Imprese",
        (C("Codice fiscale", width=19), C("Cognome", width=18), C("Nome", width=16),
         C("Progetto", width=30), C("Fase", width=22), C("Forma giuridica", width=16),
         C("ATECO", width=10), C("Partita IVA", width=13), C("Apertura", "date", 12),
         C("Comune", width=16), C("SCIA presentata", "date", 12), C("Esito SCIA", width=14),
         C("Finanziamento richiesto", "euro", 14), C("Finanziamento concesso", "euro", 14)),
        lambda v: _businesses(v),
    ),
}


def _businesses(vertenza_id: int | None) -> Select:
    scia = aliased(SuapFiling)
    latest_scia = (select(func.max(SuapFiling.id)).where(SuapFiling.project_id == BusinessProject.id)
                   .scalar_subquery())
    requested = (select(func.sum(FundingRequest.requested_cents))
                 .where(FundingRequest.project_id == BusinessProject.id).scalar_subquery())
    granted = (select(func.sum(FundingRequest.granted_cents))
               .where(FundingRequest.project_id == BusinessProject.id).scalar_subquery())
    return (select(Worker.codice_fiscale, Worker.surname, Worker.name, BusinessProject.title,
                   BusinessProject.stage, BusinessProject.legal_form, BusinessProject.ateco_code,
                   BusinessProject.vat_number, BusinessProject.opened_on, BusinessProject.comune,
                   scia.filed_on, scia.outcome, requested, granted)
            .join(Worker, Worker.id == BusinessProject.worker_id)
            .outerjoin(scia, scia.id == latest_scia)
            .where(_worker_in_vertenza(vertenza_id, Worker.id)).order_by(BusinessProject.id))


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    rows: int


def _cell_value(column: Column, value: object) -> object:
    if value is None:
        return None
    if column.kind == "euro":
        return int(value) / 100  # type: ignore[call-overload]
    if column.kind == "bool":
        return "sì" if value else "no"
    if column.kind in ("date", "datetime", "int", "number"):
        return value
    return str(value)


def _converter(ws, column: Column,  # type: ignore[no-untyped-def]
               encode: Callable[[object], object] | None) -> Callable[[object], object]:
    """value -> what ``ws.append`` takes, for one column (built once: 100,000 rows call it).

    A formatted column (dates, money) reuses one styled cell: the write-only sheet writes
    each cell as it is appended, so the next row may refill it.
    """
    from openpyxl.cell import WriteOnlyCell

    styled: WriteOnlyCell | None = None
    if column.kind in ("date", "datetime", "euro"):
        styled = WriteOnlyCell(ws)
        styled.number_format = _FORMATS[column.kind]

    def convert(value: object) -> object:
        if encode is not None:
            value = encode(value)
        value = _cell_value(column, value)
        if value is None:
            return None
        if styled is not None:
            styled.value = value
            return styled
        value = sheet_text(value)
        if isinstance(value, str) and looks_like_formula(value):
            return text_cell(ws, value)
        return value

    return convert


_FORMATS = {"date": "DD/MM/YYYY", "datetime": "DD/MM/YYYY HH:MM", "euro": '#,##0.00 "€"',
            "number": "0.##", "int": "0", "text": "@", "bool": "@"}


# --------------------------------------------------------------------------- mapping profiles

_PROFILE_KINDS = {"date": "date", "number": "number"}


def _profile_kind(ctx: Context, name: str) -> Kind:
    """The workers export in a mapping profile's layout (e.g. the Region's template): its
    headers in its order, codes written back as codes (qualifica "I", comuni as Belfiore)."""
    from sqlalchemy import and_, literal

    from sportello.core.exchange.profiles import FIELDS
    from sportello.core.services import imports

    profile = imports.load_profile(ctx, name)
    if profile.kind != "workers":
        raise ValidationError(f"Il profilo «{name}» non è un elenco di lavoratori.", "profile")
    situation = aliased(EmploymentSituation)
    expressions: list[object] = []
    columns: list[Column] = []
    encoders: list[Callable[[object], object] | None] = []
    for column in profile.columns:
        spec = FIELDS.get(column.field or "")
        if spec is None:
            expressions.append(literal(None))
        elif spec.key == "birth_place" and column.codes == "belfiore":
            expressions.append(func.coalesce(Worker.birth_place_code, Worker.birth_place))
        elif spec.key == "qualifica":
            expressions.append(func.coalesce(situation.qualifica_code, situation.qualifica))
        elif spec.target == "employment":
            expressions.append(getattr(situation, spec.stored_in, literal(None)))
        else:
            expressions.append(getattr(Worker, spec.stored_in, literal(None)))
        kind = _PROFILE_KINDS.get(spec.kind, "text") if spec else "text"
        columns.append(Column(column.header, kind, max(10, min(30, len(column.header) + 4))))
        encoders.append((lambda value, c=column: profile.export_value(c, value))
                        if column.codes else None)

    def query(vertenza_id: int | None) -> Select:
        return (select(*expressions)  # type: ignore[call-overload]
                .outerjoin(situation, and_(situation.worker_id == Worker.id,
                                           situation.is_current.is_(True)))
                .where(_worker_in_vertenza(vertenza_id, Worker.id))
                .order_by(Worker.surname, Worker.name, Worker.id))

    return Kind(profile.sheet or profile.name[:31], tuple(columns), query, tuple(encoders))


def export(ctx: Context, kind: str, out: Path | str, *, vertenza: str | None = None,
           profile: str | None = None,
           progress: Callable[[int], bool] | None = None) -> ExportResult:
    """Write ``kind`` to ``out`` (.xlsx). The file appears only when complete.

    ``profile``: the workers in that mapping profile's layout instead of ours.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    spec = KINDS.get(kind)
    if spec is None:
        raise ValidationError(f"Tipo di esportazione sconosciuto: {kind}. Possibili: "
                              f"{', '.join(KINDS)}.", "kind")
    if profile:
        if kind != "workers":
            raise ValidationError("Un profilo si applica solo all'esportazione dei lavoratori "
                                  "(workers).", "profile")
        spec = _profile_kind(ctx, profile)
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il file di destinazione deve avere estensione .xlsx.", "out")
    output_file(out)  # a folder in the way is said before the workbook is built
    vertenza_id = _vertenza_id(ctx, vertenza)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.title)
    for i, column in enumerate(spec.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(spec.columns))
    bold = Font(bold=True)
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(ws, value=column.header)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    converters = [_converter(ws, column, encode)
                  for column, encode in zip(spec.columns, spec.encoders or
                                            (None,) * len(spec.columns), strict=True)]
    count = 0
    with ctx.read() as s:
        for row in s.execute(spec.query(vertenza_id)).yield_per(2000):
            ws.append([convert(value) for convert, value in zip(converters, row)])
            count += 1
            if progress and count % 2000 == 0 and not progress(count):
                raise SportelloError("Esportazione annullata: nessun file scritto.")
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    save_atomically(wb, out)
    import hashlib

    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with ctx.write() as s:
        s.add(ExchangeRecord(direction=ExchangeKind.EXPORT, kind=kind, file_name=out.name,
                             sha256=digest, operator_id=ctx.actor.id if ctx.actor else None,
                             vertenza_id=vertenza_id, rows_total=count, profile=profile))
        audit.record(s, "export", entity="exchange_record", detail=f"{kind}: {count} righe in {out.name}")
    return ExportResult(out, kind, count)


# --------------------------------------------------------------------------- blank templates

_LIST_LIMIT = 200  # longer code lists (the comuni) are checked on import, not offered


def blank_template(ctx: Context, out: Path | str, *, profile: str | None = None) -> Path:
    """An empty workers sheet to hand out: our import layout or a profile's, with drop-down
    lists on the coded columns (sex, qualifica, orario...) and dates formatted day-first.
    Whatever is typed in it imports without mapping."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from sportello.core.exchange.profiles import DEFAULT_CODE_LISTS, FIELDS
    from sportello.core.services import imports

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il file di destinazione deve avere estensione .xlsx.", "out")
    output_file(out)  # a folder in the way is said before the workbook is built
    if profile:
        chosen = imports.load_profile(ctx, profile)
        columns = [(c.header, c.field, c.codes, chosen.code_list(c.codes)) for c in chosen.columns]
        title = chosen.sheet or "Lavoratori"
    else:
        columns = [(spec.label, spec.key, spec.codes, DEFAULT_CODE_LISTS.get(spec.codes or ""))
                   for spec in FIELDS.values()]
        title = "Lavoratori"
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    codes_ws = wb.create_sheet("Codifiche")
    bold = Font(bold=True)
    rows = 2000
    list_column = 0
    for index, (header, key, codes, table) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index, value=header)
        cell.font = bold
        ws.column_dimensions[letter].width = max(12, min(30, len(header) + 4))
        spec = FIELDS.get(key or "")
        if spec is not None and spec.kind == "date":
            for row in range(2, rows + 2):
                ws.cell(row=row, column=index).number_format = "DD/MM/YYYY"
        values: list[str] = []
        if spec is not None and spec.key == "sex":
            values = ["M", "F"]
        elif table and len(table) <= _LIST_LIMIT:
            values = list(table)
        if not values:
            continue
        list_column += 1
        code_letter = get_column_letter(list_column)
        codes_ws.cell(row=1, column=list_column, value=header).font = bold
        for row, value in enumerate(values, start=2):
            codes_ws.cell(row=row, column=list_column, value=value)
        described = ", ".join(f"{k} = {v}" for k, v in (table or {}).items())[:250]
        check = DataValidation(type="list", allow_blank=True, showErrorMessage=True,
                               formula1=f"=Codifiche!${code_letter}$2:${code_letter}$"
                                        f"{len(values) + 1}",
                               errorTitle="Valore non previsto",
                               error=f"Scegliere un valore dall'elenco. {described}".strip(),
                               promptTitle=header[:32], prompt=described or "M o F")
        check.add(f"{letter}2:{letter}{rows + 1}")
        ws.add_data_validation(check)
    ws.freeze_panes = "A2"
    if not list_column:
        wb.remove(codes_ws)
    save_atomically(wb, out)
    return out


def _vertenza_id(ctx: Context, vertenza: str | None) -> int | None:
    if not vertenza:
        return None
    with ctx.read() as s:
        found = s.scalar(select(Vertenza.id).where(
            (Vertenza.code == vertenza) | (Vertenza.title == vertenza)))
        if found is None and vertenza.isdigit():
            found = s.scalar(select(Vertenza.id).where(Vertenza.id == int(vertenza)))
    if found is None:
        raise ValidationError(f"Vertenza «{vertenza}» non trovata (indicare il codice, es. "
                              "KON-AT).", "vertenza")
    return found


def rows_of(path: Path | str) -> Iterator[tuple[object, ...]]:
    """Read back an exported sheet (tests and round trips)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        yield from wb.worksheets[0].iter_rows(values_only=True)
    finally:
        wb.close()
