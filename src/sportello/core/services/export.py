"""Excel exports: what each kind of export reads, streamed into a sheet in our layout.

The sheet itself (types, formats, no formulas) is written by ``exchange.sheet_writer``;
this module chooses the rows (``KINDS``, or the workers in a mapping profile's layout),
streams them from the database, and records the export (``ExchangeRecord`` with the
file's hash, and an audit row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import aliased

from sportello.core import audit
from sportello.core.codes import pathway_kind_label
from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.exchange import sheet_writer
from sportello.core.exchange.profiles import DEFAULT_CODE_LISTS, FIELDS
from sportello.core.exchange.sheet_writer import Column
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
from sportello.core.paths import output_file
from sportello.core.services import profile_store


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


_SITUATION = aliased(EmploymentSituation)
SAFETY_NET_LABELS = DEFAULT_CODE_LISTS["ammortizzatore"]


def _latest_situation():  # type: ignore[no-untyped-def]
    """The id of the worker's newest current situation (one row per worker)."""
    newest = aliased(EmploymentSituation)
    return (select(func.max(newest.id))
            .where(newest.worker_id == Worker.id, newest.is_current.is_(True))
            .scalar_subquery())


C = Column
KINDS: dict[str, Kind] = {
    "workers": Kind(
        "Lavoratori",
        (C("Codice fiscale", width=19), C("Cognome", width=18), C("Nome", width=16), C("Sesso", width=6),
         C("Data di nascita", "date", 12), C("Luogo di nascita", width=18), C("Cittadinanza"),
         C("Indirizzo di residenza", width=28), C("Comune di residenza", width=20),
         C("CAP", width=7), C("Provincia", width=8), C("Telefono", width=14),
         C("Cellulare", width=14), C("Email", width=28), C("Titolo di studio", width=20),
         C("Vertenza", width=26), C("Stato fascicolo", width=12), C("Consenso privacy", "bool", 10),
         C("Qualifica", width=22), C("Data di assunzione", "date", 12),
         C("Data di cessazione", "date", 12), C("Ammortizzatore sociale", width=20),
         C("Inizio CIGS", "date", 12), C("Fine CIGS", "date", 12), C("Inizio NASpI", "date", 12),
         C("Fine NASpI", "date", 12)),
        lambda v: select(
            Worker.codice_fiscale, Worker.surname, Worker.name, Worker.sex, Worker.birth_date,
            Worker.birth_place, Worker.citizenship, Worker.residence_address,
            Worker.residence_comune, Worker.residence_cap, Worker.residence_province, Worker.phone,
            Worker.mobile, Worker.email, Worker.education_level, _current_vertenza(),
            Worker.status, Worker.privacy_consent, _SITUATION.qualifica, _SITUATION.hired_on,
            _SITUATION.exit_on, _SITUATION.safety_net, _SITUATION.cigs_start, _SITUATION.cigs_end,
            _SITUATION.naspi_start, _SITUATION.naspi_end, Worker.extra_values,
        ).outerjoin(_SITUATION, and_(_SITUATION.worker_id == Worker.id,
                                     _SITUATION.is_current.is_(True),
                                     _SITUATION.id == _latest_situation()))
        .where(_worker_in_vertenza(v, Worker.id)).order_by(Worker.surname, Worker.name, Worker.id),
        (*(None,) * 21, lambda code: SAFETY_NET_LABELS.get(code, code),  # type: ignore[arg-type]
         *(None,) * 4),
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


# --------------------------------------------------------------------------- mapping profiles

_PROFILE_KINDS = {"date": "date", "number": "number"}


def _profile_kind(ctx: Context, name: str) -> Kind:
    """The workers export in a mapping profile's layout (e.g. the Region's template): its
    headers in its order, codes written back as codes (qualifica "I", comuni as Belfiore)."""
    from sqlalchemy import and_, literal

    profile = profile_store.load_profile(ctx, name)
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
        elif spec.key in ("net_start", "net_end"):  # "the" safety net's dates
            end = spec.key == "net_end"
            expressions.append(func.coalesce(situation.cigs_end if end else situation.cigs_start,
                                             situation.naspi_end if end else situation.naspi_start))
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
           progress: Callable[[int], bool] | None = None,
           worker_ids: Sequence[int] | None = None) -> ExportResult:
    """Write ``kind`` to ``out`` (.xlsx). The file appears only when complete.

    ``profile``: the workers in that mapping profile's layout instead of ours.
    ``worker_ids``: only these files (a team leader's selection; the workers sheet).
    """
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
    query = spec.query(vertenza_id)
    if worker_ids is not None:
        if kind != "workers":
            raise ValidationError("Una selezione di fascicoli si esporta solo come elenco dei "
                                  "lavoratori (workers).", "kind")
        query = query.where(Worker.id.in_(list(worker_ids)))
    with ctx.read() as s:
        rows = s.execute(query).yield_per(2000)
        if kind == "workers" and not profile:  # the extra columns kept at import, one each
            spec, rows = _with_extra_columns(s, spec, vertenza_id, rows)
        sheet = sheet_writer.SheetWriter(spec.title, spec.columns, spec.encoders)
        count = sheet.write(rows, progress)
    sheet.save(out)
    import hashlib

    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with ctx.write() as s:
        s.add(ExchangeRecord(direction=ExchangeKind.EXPORT, kind=kind, file_name=out.name,
                             sha256=digest, operator_id=ctx.actor.id if ctx.actor else None,
                             vertenza_id=vertenza_id, rows_total=count, profile=profile))
        audit.record(s, "export", entity="exchange_record", detail=f"{kind}: {count} righe in {out.name}")
    return ExportResult(out, kind, count)


def _with_extra_columns(s, spec: Kind, vertenza_id: int | None, rows):  # type: ignore[no-untyped-def]
    """Our workers layout with one column per label of the extra values kept at import
    (``Worker.extra_values``, the rows' last value), in the order first met."""
    labels: dict[str, None] = {}
    for (extra,) in s.execute(select(Worker.extra_values).where(
            Worker.extra_values.is_not(None), _worker_in_vertenza(vertenza_id, Worker.id))
            .order_by(Worker.id)):
        labels.update(dict.fromkeys(str(k) for k in (extra or {})))
    columns = (*spec.columns, *(Column(label[:80], width=max(10, min(30, len(label) + 4)))
                                for label in labels))

    def expanded():  # type: ignore[no-untyped-def]
        for row in rows:
            extra = row[-1] or {}
            yield (*row[:-1], *(extra.get(label) for label in labels))

    encoders = (*(spec.encoders or (None,) * len(spec.columns)), *(None,) * len(labels))
    return Kind(spec.title, columns, spec.query, encoders), expanded()


# --------------------------------------------------------------------------- blank templates

def blank_template(ctx: Context, out: Path | str, *, profile: str | None = None) -> Path:
    """An empty workers sheet to hand out: our import layout or a profile's, with drop-down
    lists on the coded columns (sex, qualifica, orario...) and dates formatted day-first.
    Whatever is typed in it imports without mapping."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il file di destinazione deve avere estensione .xlsx.", "out")
    output_file(out)  # a folder in the way is said before the workbook is built
    if profile:
        chosen = profile_store.load_profile(ctx, profile)
        columns = [(c.header, c.field, c.codes, chosen.code_list(c.codes)) for c in chosen.columns]
        title = chosen.sheet or "Lavoratori"
    else:
        columns = [(spec.label, spec.key, spec.codes, DEFAULT_CODE_LISTS.get(spec.codes or ""))
                   for spec in FIELDS.values()]
        title = "Lavoratori"
    return sheet_writer.write_blank_template(out, title, columns)


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
