"""Printable letters: templates, the data check, protocol numbers, the archive, batches.

Rules, once for GUI and CLI:
- a letter whose placeholders lack data is refused before anything is printed or written,
  naming what is missing (``MissingData``, a ``ValidationError``); never a blank in print;
- issuing takes the next protocol number of the office for the year from the register
  shared with the incoming post (``services.protocol.next_protocol``, one atomic upsert):
  two counters on a shared PostgreSQL server never get the same number, and a batch takes a
  block of consecutive numbers; the PDF and its sha256 are stored in ``letter`` in the same
  transaction, so a cancelled or failed batch leaves no number used and nothing written;
- a reprint returns the stored bytes, identical to the first print;
- a preview writes nothing and uses no number: it says ANTEPRIMA on every page.

Templates are the files in ``resources/letters`` (see LEGGIMI.md there); an office may put
its own version in the ``lettere`` folder of the user data folder, which wins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from sportello.core import paths
from sportello.core.context import Context
from sportello.core.errors import NotFound, SportelloError, ValidationError
from sportello.core.letters import fields
from sportello.core.letters.template import Cancelled, LetterTemplate, fill, load
from sportello.core.codes import DELIVERY_CHANNELS
from sportello.core.models import (
    Appointment,
    AppointmentOutcome,
    AppointmentStatus,
    Course,
    DeliveryChannel,
    DeliveryStatus,
    EmploymentSituation,
    FileStatus,
    Fund,
    Letter,
    Office,
    OfficeKind,
    Operator,
    PactStatus,
    Pathway,
    PathwayStatus,
    Role,
    ServicePact,
    TrainingProvider,
    Vertenza,
    Voucher,
    VoucherStatus,
    Worker,
)
from sportello.core import audit, permissions
from sportello.core.services import agenda
from sportello.core.services.protocol import next_protocol
from sportello.core.services.vouchers import certificate_earned, course_over

if TYPE_CHECKING:
    from sportello.core.letters import render

TEMPLATE_NAMES = ("convocazione", "patto", "voucher", "invito-sportello", "attestato", "esito",
                  "generica")
USER_TEMPLATES_FOLDER = "lettere"
CALL_IN_PURPOSE = "Colloquio individuale di orientamento"
_CHUNK = 500
Progress = Callable[[int, int], bool]


class MissingData(ValidationError):
    """Letters refused because data is missing: ``missing[worker_id]`` lists what."""

    def __init__(self, message: str, missing: dict[int, list[MissingField]]) -> None:
        first = next(iter(missing.values()), [])
        super().__init__(message, first[0].placeholder if first else None)
        self.missing = missing


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    needs: tuple[str, ...]  # "appointment", "pathway", "pact", "voucher", "text"
    needs_labels: tuple[str, ...]  # Italian: "un appuntamento prenotato"...
    placeholders: tuple[str, ...]
    path: str
    customised: bool  # the office's own copy in the user data folder


@dataclass(frozen=True)
class Refs:
    """What one letter is about; None means the usual record (see module doc of each)."""

    appointment_id: int | None = None  # default: the worker's next booked appointment
    #   (at the Sportello Unico for "invito-sportello", see APPOINTMENT_SERVICE)
    pathway_id: int | None = None  # default: the latest (a closed one for "esito")
    pact_id: int | None = None  # default: the latest revision still in force
    voucher_id: int | None = None  # default: the latest (a concluded one for "attestato")
    subject: str | None = None  # {lettera.oggetto}, free letter
    text: str | None = None  # {lettera.testo}, free letter


@dataclass(frozen=True)
class MissingField:
    placeholder: str  # "lavoratore.indirizzo", or a reference ("appointment")
    label: str  # "indirizzo di residenza del lavoratore"


@dataclass(frozen=True)
class IssuedLetter:
    id: int
    protocol_number: int
    protocol_year: int
    template: str
    worker_id: int
    worker_name: str
    subject: str | None
    sha256: str
    pdf: bytes = field(repr=False)
    delivery: str = DeliveryChannel.POSTA
    email_to: str | None = None  # e-mail and PEC letters: the person's address
    email_from: str | None = None  # the office's e-mail (its PEC for a PEC letter)
    email_text: str | None = field(default=None, repr=False)  # the letter as plain text

    @property
    def eml_name(self) -> str:
        return self.file_name.removesuffix(".pdf") + ".eml"

    def eml(self) -> bytes:
        """The .eml draft of an e-mail or PEC letter (PDF attached), to send from the
        office's mail client."""
        if self.delivery not in (DeliveryChannel.EMAIL, DeliveryChannel.PEC) or not self.email_to:
            raise ValidationError(f"La lettera prot. {self.protocol} non è da inviare per "
                                  "e-mail o PEC.", "delivery")
        from sportello.core.letters import mail

        return mail.draft(to=self.email_to, sender=self.email_from,
                          subject=f"{self.subject or ''} – prot. {self.protocol}".strip(" –"),
                          text=self.email_text or "", pdf=self.pdf, file_name=self.file_name,
                          pec=self.delivery == DeliveryChannel.PEC)

    @property
    def protocol(self) -> str:
        return f"{self.protocol_number}/{self.protocol_year}"

    @property
    def file_name(self) -> str:
        return _file_name(self.protocol_year, self.protocol_number, self.worker_name,
                          self.template)


@dataclass
class BatchResult:
    template: str
    letters: list[IssuedLetter]
    pdf: bytes | None = field(default=None, repr=False)  # all letters, one document
    batch_id: str | None = None
    cancelled: bool = False
    skipped: dict[int, list[MissingField]] = field(default_factory=dict)

    @property
    def first_protocol(self) -> str | None:
        return self.letters[0].protocol if self.letters else None

    @property
    def last_protocol(self) -> str | None:
        return self.letters[-1].protocol if self.letters else None

    @property
    def by_channel(self) -> dict[str, int]:
        """How many letters go each way, in the channels' order ("posta": 12, ...)."""
        counts = {c: 0 for c in DeliveryChannel}
        for letter in self.letters:
            counts[letter.delivery] += 1
        return {c: n for c, n in counts.items() if n}

    @property
    def channel_summary(self) -> str:
        """"12 per posta, 3 per e-mail, 1 consegna a mano" (Italian, for messages)."""
        return ", ".join(f"{n} {_CHANNEL_PHRASE[c]}" for c, n in self.by_channel.items())

    @property
    def by_email(self) -> list[IssuedLetter]:
        return [x for x in self.letters if x.delivery in (DeliveryChannel.EMAIL,
                                                           DeliveryChannel.PEC)]

    @property
    def to_print(self) -> list[IssuedLetter]:
        """The letters on paper: by post and by hand."""
        return [x for x in self.letters if x.delivery in (DeliveryChannel.POSTA,
                                                           DeliveryChannel.MANO)]

    def write_eml(self, folder: str | Path) -> list[Path]:
        """One .eml draft per e-mail or PEC letter in ``folder``."""
        return write_eml(self.by_email, folder)

    def write_files(self, folder: str | Path) -> list[Path]:
        """One PDF per worker in ``folder`` (the stored letter, as reprint gives it)."""
        target = paths.output_folder(folder)
        written = []
        for letter in self.letters:
            path = target / letter.file_name
            paths.write_atomically(path, letter.pdf)
            written.append(path)
        return written


OUTBOX_FOLDER = "posta-in-uscita"


def outbox() -> Path:
    """Where the window writes the .eml drafts: ``posta-in-uscita`` in the data folder."""
    return paths.user_data_dir() / OUTBOX_FOLDER


def write_eml(letters: Sequence[IssuedLetter], folder: str | Path) -> list[Path]:
    """The .eml drafts of these letters in ``folder`` (one file per letter)."""
    target = paths.output_folder(folder)
    written = []
    for letter in letters:
        path = target / letter.eml_name
        paths.write_atomically(path, letter.eml())
        written.append(path)
    return written


@dataclass
class CallInResult:
    batch: BatchResult
    appointments: list[agenda.AppointmentRow]


# --------------------------------------------------------------------------- templates


def template_dirs() -> list[Path]:
    """Where templates are looked for, first match wins: the office's folder, then shipped."""
    return [paths.user_data_dir() / USER_TEMPLATES_FOLDER, paths.resource("letters")]


_PARSED: dict[tuple[str, int], LetterTemplate] = {}


def load_template(name: str) -> LetterTemplate:
    if name not in TEMPLATE_NAMES:
        raise ValidationError(
            f"Modello di lettera sconosciuto: «{name}». Modelli disponibili: "
            f"{', '.join(TEMPLATE_NAMES)}.", "template")
    for folder in template_dirs():
        path = folder / f"{name}.txt"
        if path.is_file():
            key = (str(path), path.stat().st_mtime_ns)
            if key not in _PARSED:
                _PARSED[key] = load(path, name)
            return _PARSED[key]
    raise NotFound(f"File del modello «{name}.txt» non trovato in {paths.resource('letters')}.")


def templates() -> list[TemplateInfo]:
    """Every letter template, in menu order, with what it needs to be printed."""
    user_dir = template_dirs()[0]
    out = []
    for name in TEMPLATE_NAMES:
        tpl = load_template(name)
        out.append(TemplateInfo(
            name, tpl.title, tpl.needs, tuple(fields.REFERENCE_LABELS[n] for n in tpl.needs),
            tuple(sorted(tpl.placeholders)), str(tpl.source), tpl.source.parent == user_dir))
    return out


# --------------------------------------------------------------------------- gathering data


@dataclass
class _Prepared:
    worker_id: int
    worker_name: str
    codice_fiscale: str
    sources: fields.Sources
    values: dict[str, str | None]
    missing: list[MissingField]
    delivery: str = DeliveryChannel.POSTA


# --------------------------------------------------------------------------- delivery

AUTO = "auto"  # posta where the address is complete, otherwise e-mail, otherwise by hand
DELIVERY_CHOICES = (*[c.value for c in DeliveryChannel], AUTO)
POSTAL_FIELDS = ("lavoratore.indirizzo", "lavoratore.cap", "lavoratore.comune")
_ADDRESS_FIELDS = (*POSTAL_FIELDS, "lavoratore.provincia")
_CHANNEL_PHRASE = {DeliveryChannel.POSTA: "per posta", DeliveryChannel.MANO: "consegnate a mano",
                   DeliveryChannel.EMAIL: "per e-mail", DeliveryChannel.PEC: "per PEC"}
_ADDRESS_LABEL = {DeliveryChannel.EMAIL: "e-mail del lavoratore (per l'invio per e-mail)",
                  DeliveryChannel.PEC: "indirizzo PEC del lavoratore, nel campo e-mail "
                                       "(per l'invio per PEC)"}


def check_delivery(delivery: str | None) -> str | None:
    """The channel as given (None: the template's default), or a refusal naming the choices."""
    if delivery is None:
        return None
    chosen = delivery.strip().lower()
    if chosen not in DELIVERY_CHOICES:
        allowed = ", ".join(f"{c} ({DELIVERY_CHANNELS.get(c, 'automatica')})"
                            for c in DELIVERY_CHOICES)
        raise ValidationError(f"Consegna non valida: «{delivery}» (ammesse: {allowed}).",
                              "delivery")
    return chosen


def _channel(tpl: LetterTemplate, chosen: str | None, values: dict[str, str | None]) -> str:
    """The channel of one letter: the one chosen, the template's, or for ``auto`` the first
    that can reach the person: posta (complete address), e-mail, consegna a mano."""
    if chosen is None:
        return tpl.delivery
    if chosen != AUTO:
        return chosen
    if all(values.get(k) for k in POSTAL_FIELDS):
        return DeliveryChannel.POSTA
    if values.get("lavoratore.email"):
        return DeliveryChannel.EMAIL
    return DeliveryChannel.MANO


def _apply_channel(tpl: LetterTemplate, chosen: str | None, values: dict[str, str | None]) -> str:
    """Pick the channel and make the address optional where the channel needs none."""
    channel = _channel(tpl, chosen, values)
    if channel != DeliveryChannel.POSTA:  # a hand-delivered or e-mailed letter needs no street
        for key in _ADDRESS_FIELDS:
            if values.get(key) is None:
                values[key] = ""
    return channel


def _channel_missing(channel: str, values: dict[str, str | None],
                     already: Sequence[MissingField]) -> list[MissingField]:
    """What the channel itself needs beyond the template's placeholders."""
    named = {m.placeholder for m in already}
    if channel == DeliveryChannel.POSTA:
        return [MissingField(k, fields.LABELS[k]) for k in POSTAL_FIELDS
                if not values.get(k) and k not in named]
    if channel in _ADDRESS_LABEL and not values.get("lavoratore.email"):
        return [MissingField("lavoratore.email", _ADDRESS_LABEL[channel])]
    return []


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _latest_by_worker(session: Session, query, worker_ids: Sequence[int],  # type: ignore[no-untyped-def]
                      column) -> dict[int, object]:  # type: ignore[no-untyped-def]
    """The first row per worker of ``query`` (already ordered by preference)."""
    found: dict[int, object] = {}
    for chunk in _chunks(worker_ids):
        for row in session.scalars(query.where(column.in_(chunk))):
            found.setdefault(row.worker_id, row)
    return found


def _own(session: Session, model, record_id: int, worker_id: int, what: str):  # type: ignore[no-untyped-def]
    row = session.get(model, record_id)
    if row is None or row.worker_id != worker_id:
        raise NotFound(f"{what} non trovato nel fascicolo del lavoratore.")
    return row


def _office_of(session: Session, ctx: Context) -> tuple[Office, Operator | None]:
    actor = permissions.require(ctx.actor, Role.OPERATORE, "stampare lettere")
    office = session.get(Office, actor.office_id)
    if office is None:
        raise NotFound("Ufficio dell'operatore non trovato: completare le impostazioni.")
    return office, session.get(Operator, actor.id)


def _prepare(
    session: Session,
    ctx: Context,
    tpl: LetterTemplate,
    worker_ids: Sequence[int],
    refs: Refs,
    *,
    today: dt.date,
    now: dt.datetime,
    appointment_for: dict[int, int] | None = None,
    delivery: str | None = None,
) -> list[_Prepared]:
    """Everything the letters need, in a few queries whatever the number of workers."""
    office, operator = _office_of(session, ctx)
    ids = list(dict.fromkeys(worker_ids))
    workers: dict[int, Worker] = {}
    for chunk in _chunks(ids):
        workers.update((w.id, w) for w in session.scalars(select(Worker).where(Worker.id.in_(chunk))))
    absent = [i for i in ids if i not in workers]
    if absent:
        raise NotFound(f"Fascicolo non trovato (id {', '.join(map(str, absent[:10]))}).")
    needs = set(tpl.needs)
    single = len(ids) == 1

    employment = _latest_by_worker(
        session, select(EmploymentSituation).where(EmploymentSituation.is_current.is_(True))
        .order_by(EmploymentSituation.id.desc()), ids, EmploymentSituation.worker_id)
    vertenza_ids = {e.vertenza_id for e in employment.values() if e.vertenza_id}  # type: ignore[attr-defined]
    vertenze = {v.id: v for v in session.scalars(
        select(Vertenza).where(Vertenza.id.in_(vertenza_ids)))} if vertenza_ids else {}

    appointments: dict[int, object] = {}
    if "appointment" in needs:
        service = APPOINTMENT_SERVICE.get(tpl.name)
        if appointment_for is not None:
            appointments = {w: session.get(Appointment, a) for w, a in appointment_for.items()}
        elif single and refs.appointment_id is not None:
            a = _own(session, Appointment, refs.appointment_id, ids[0], "Appuntamento")
            if a.status != AppointmentStatus.PRENOTATO:
                raise ValidationError("L'appuntamento scelto è annullato: non si può convocare.",
                                      "appointment")
            if service is not None and a.service != service:
                raise ValidationError(
                    f"L'appuntamento del {a.starts_at:%d/%m/%Y} alle {a.starts_at:%H:%M} non è "
                    "allo Sportello Unico: scegliere un appuntamento dello Sportello Unico.",
                    "appointment")
            appointments = {ids[0]: a}
        else:
            query = select(Appointment).where(
                Appointment.status == AppointmentStatus.PRENOTATO, Appointment.starts_at >= now)
            if service is not None:
                query = query.where(Appointment.service == service)
            appointments = _latest_by_worker(
                session, query.order_by(Appointment.starts_at, Appointment.id), ids,
                Appointment.worker_id)
    op_ids = {a.operator_id for a in appointments.values() if a is not None}  # type: ignore[attr-defined]
    operators = {o.id: o for o in session.scalars(
        select(Operator).where(Operator.id.in_(op_ids)))} if op_ids else {}

    pathways: dict[int, object] = {}
    if "pathway" in needs:
        if single and refs.pathway_id is not None:
            pathways = {ids[0]: _own(session, Pathway, refs.pathway_id, ids[0], "Percorso")}
        else:
            closed_first = "percorso.esito" in tpl.required
            closed = Pathway.outcome.is_not(None)
            prefer = (closed.desc() if closed_first
                      else Pathway.status.in_([PathwayStatus.PROPOSTO, PathwayStatus.ATTIVO,
                                               PathwayStatus.SOSPESO]).desc())
            pathways = _latest_by_worker(
                session, select(Pathway).order_by(
                    prefer, Pathway.end_on.desc().nulls_last() if closed_first
                    else Pathway.start_on.desc().nulls_last(), Pathway.id.desc()),
                ids, Pathway.worker_id)

    pacts: dict[int, object] = {}
    if "pact" in needs:
        if single and refs.pact_id is not None:
            pacts = {ids[0]: _own(session, ServicePact, refs.pact_id, ids[0], "Patto di servizio")}
        else:
            pacts = _latest_by_worker(
                session, select(ServicePact).where(ServicePact.status != PactStatus.SOSTITUITO)
                .order_by(ServicePact.revision.desc()), ids, ServicePact.worker_id)

    # the pact is signed for the office by the operator who drew it up, not by who prints it
    pact_op_ids = {p.operator_id for p in pacts.values()
                   if isinstance(p, ServicePact) and p.operator_id}
    pact_operators = {o.id: o for o in session.scalars(
        select(Operator).where(Operator.id.in_(pact_op_ids)))} if pact_op_ids else {}

    vouchers: dict[int, object] = {}
    if "voucher" in needs:
        if single and refs.voucher_id is not None:
            vouchers = {ids[0]: _own(session, Voucher, refs.voucher_id, ids[0], "Voucher")}
        else:
            wanted = _VOUCHER_STATUSES.get(tpl.name, _VOUCHER_STATUSES[""])
            vouchers = _latest_by_worker(
                session, select(Voucher).where(Voucher.status.in_(wanted))
                .order_by(Voucher.requested_on.desc(), Voucher.id.desc()), ids, Voucher.worker_id)
    courses: dict[int, Course] = {}
    providers: dict[int, TrainingProvider] = {}
    funds: dict[int, Fund] = {}
    if vouchers:
        course_ids = {v.course_id for v in vouchers.values()}  # type: ignore[attr-defined]
        courses = {c.id: c for c in session.scalars(select(Course).where(Course.id.in_(course_ids)))}
        provider_ids = {c.provider_id for c in courses.values()}
        providers = {p.id: p for p in session.scalars(
            select(TrainingProvider).where(TrainingProvider.id.in_(provider_ids)))}
        fund_ids = {v.fund_id for v in vouchers.values()}  # type: ignore[attr-defined]
        funds = {f.id: f for f in session.scalars(select(Fund).where(Fund.id.in_(fund_ids)))}

    extra = {k: v for k, v in (("oggetto", refs.subject), ("testo", refs.text)) if v}
    prepared = []
    for wid in ids:
        w = workers[wid]
        emp = employment.get(wid)
        appt = appointments.get(wid)
        voucher = vouchers.get(wid)
        course = courses.get(voucher.course_id) if voucher is not None else None  # type: ignore[attr-defined]
        src = fields.Sources(
            worker=w, office=office, operator=operator, employment=emp,  # type: ignore[arg-type]
            vertenza=vertenze.get(emp.vertenza_id) if emp is not None else None,  # type: ignore[attr-defined]
            appointment=appt,  # type: ignore[arg-type]
            appointment_operator=operators.get(appt.operator_id) if appt is not None else None,  # type: ignore[attr-defined]
            pathway=pathways.get(wid), pact=pacts.get(wid),  # type: ignore[arg-type]
            pact_operator=_pact_operator(pacts.get(wid), pact_operators),
            voucher=voucher, course=course,  # type: ignore[arg-type]
            provider=providers.get(course.provider_id) if course is not None else None,
            fund=funds.get(voucher.fund_id) if voucher is not None else None,  # type: ignore[attr-defined]
            today=today, extra=extra,
        )
        values = fields.values(src)
        channel = _apply_channel(tpl, delivery, values)
        missing = _missing(tpl, src, values)
        missing += _channel_missing(channel, values, missing)
        prepared.append(_Prepared(wid, f"{w.surname} {w.name}", w.codice_fiscale, src, values,
                                  missing, channel))
    return prepared


def _pact_operator(pact: object, operators: dict[int, Operator]) -> Operator | None:
    if isinstance(pact, ServicePact) and pact.operator_id is not None:
        return operators.get(pact.operator_id)
    return None


# Letters about an appointment with one service only (the default is the next one of it).
APPOINTMENT_SERVICE: dict[str, str] = {"invito-sportello": OfficeKind.SPORTELLO_UNICO}
SPORTELLO_APPOINTMENT_LABEL = ("un appuntamento prenotato allo Sportello Unico (prenotarlo "
                               "nell'agenda indicando «Sportello Unico»)")

# Which vouchers a letter is about when none is named (latest first).
_VOUCHER_STATUSES: dict[str, tuple[str, ...]] = {
    "attestato": (VoucherStatus.CONCLUSO, VoucherStatus.RENDICONTATO, VoucherStatus.IN_CORSO),
    "voucher": (VoucherStatus.APPROVATO, VoucherStatus.IN_CORSO, VoucherStatus.CONCLUSO),
    "": tuple(s.value for s in VoucherStatus if s != VoucherStatus.REVOCATO),
}


def _missing(tpl: LetterTemplate, src: fields.Sources,
             values: dict[str, str | None]) -> list[MissingField]:
    records = {"appointment": src.appointment, "pathway": src.pathway, "pact": src.pact,
               "voucher": src.voucher}
    out: list[MissingField] = []
    seen: set[str] = set()
    for key in sorted(tpl.required, key=_field_order):
        ref = fields.reference_of(key)
        if ref in records and records[ref] is None:
            if ref not in seen:
                seen.add(ref)
                label = (SPORTELLO_APPOINTMENT_LABEL
                         if ref == "appointment" and tpl.name in APPOINTMENT_SERVICE
                         else fields.REFERENCE_LABELS[ref])
                out.append(MissingField(ref, label))
            continue
        if values.get(key) is None:
            out.append(MissingField(key, fields.LABELS[key]))
    return out


_ORDER = {key: i for i, key in enumerate(fields.LABELS)}


def _field_order(key: str) -> int:
    return _ORDER.get(key, len(_ORDER))


def _rules(tpl: LetterTemplate, p: _Prepared) -> None:
    """Rules of particular letters, beyond missing data."""
    src = p.sources
    if tpl.name == "attestato" and src.voucher is not None and src.course is not None:
        v, c = src.voucher, src.course
        not_over = course_over(c, src.today)
        if not_over:
            raise ValidationError(
                f"L'attestato di {p.worker_name} non si può emettere prima della fine del corso: "
                f"{not_over}.", "voucher")
        pct = 100.0 * (v.hours_attended or 0.0) / c.hours if c.hours else 0.0
        if not certificate_earned(pct, c.min_attendance_pct, v.status):
            why = (f"frequenza {pct:.1f}% su un minimo del {c.min_attendance_pct}%".replace(".", ",")
                   if pct < c.min_attendance_pct
                   else f"il voucher è «{fields.VOUCHER_STATUS.get(v.status, v.status)}», "  # type: ignore[call-overload]
                        "non concluso")
            raise ValidationError(
                f"L'attestato di {p.worker_name} non è maturato: {why}.", "voucher")
    if tpl.name == "voucher" and src.voucher is not None and src.voucher.status not in (
            VoucherStatus.APPROVATO, VoucherStatus.IN_CORSO, VoucherStatus.CONCLUSO):
        raise ValidationError(
            f"Il voucher {src.voucher.code or ''} di {p.worker_name} è "
            f"«{fields.VOUCHER_STATUS.get(src.voucher.status, src.voucher.status)}»: "  # type: ignore[call-overload]
            "l'assegnazione si comunica solo per un voucher approvato.", "voucher")


def _refuse_missing(tpl: LetterTemplate, prepared: Sequence[_Prepared]) -> None:
    incomplete = [p for p in prepared if p.missing]
    if not incomplete:
        return
    missing = {p.worker_id: p.missing for p in incomplete}
    if len(prepared) == 1:
        p = incomplete[0]
        raise MissingData(
            f"La lettera «{tpl.title}» per {p.worker_name} ({p.codice_fiscale}) non si può "
            f"stampare. Dati mancanti: {_labels(p.missing)}. Completare i dati e riprovare"
            f"{_postal_hint(p)}.", missing)
    lines = [f"- {p.worker_name} ({p.codice_fiscale}): {_labels(p.missing)}"
             for p in incomplete[:20]]
    if len(incomplete) > 20:
        lines.append(f"- … e altri {len(incomplete) - 20}")
    raise MissingData(
        f"Lettere «{tpl.title}»: a {len(incomplete)} lavoratori su {len(prepared)} mancano dati, "
        "nessuna lettera è stata emessa.\n" + "\n".join(lines), missing)


def _postal_hint(p: _Prepared) -> str:
    if p.delivery == DeliveryChannel.POSTA and any(m.placeholder in POSTAL_FIELDS
                                                   for m in p.missing):
        return (", oppure scegliere un'altra consegna (a mano, e-mail o PEC: l'indirizzo "
                "postale serve solo per la posta)")
    return ""


def _labels(missing: Sequence[MissingField]) -> str:
    return ", ".join(m.label for m in missing)


def _now(today: dt.date | None) -> tuple[dt.date, dt.datetime]:
    if today is None:
        return dt.date.today(), dt.datetime.now().replace(microsecond=0)
    return today, dt.datetime.combine(today, dt.time.min)


def missing_fields(ctx: Context, template: str, worker_id: int, refs: Refs | None = None, *,
                   today: dt.date | None = None, delivery: str | None = None) -> list[MissingField]:
    """What the letter lacks for this worker and channel (empty: it can be printed)."""
    tpl = load_template(template)
    day, now = _now(today)
    with ctx.read() as s:
        return _prepare(s, ctx, tpl, [worker_id], refs or Refs(), today=day, now=now,
                        delivery=check_delivery(delivery))[0].missing


def check(ctx: Context, template: str, worker_id: int, refs: Refs | None = None, *,
          today: dt.date | None = None, delivery: str | None = None) -> None:
    """Raise ``MissingData`` (or the letter's own rule) when the letter cannot be printed."""
    tpl = load_template(template)
    day, now = _now(today)
    with ctx.read() as s:
        prepared = _prepare(s, ctx, tpl, [worker_id], refs or Refs(), today=day, now=now,
                            delivery=check_delivery(delivery))
        _refuse_missing(tpl, prepared)
        _rules(tpl, prepared[0])


# --------------------------------------------------------------------------- rendering


def _render():  # type: ignore[no-untyped-def]
    """The PDF renderer: reportlab loads when a letter is drawn, not when the app starts."""
    from sportello.core.letters import render

    return render


def _mail():  # type: ignore[no-untyped-def]
    from sportello.core.letters import mail

    return mail


def _letterhead(office: Office) -> render.Letterhead:
    address = fields.office_address(office)
    contacts = " · ".join(x for x in (
        f"Tel. {office.phone}" if office.phone else None,
        f"E-mail {office.email}" if office.email else None,
        f"PEC {office.pec}" if office.pec else None) if x) or None
    return _render().Letterhead(office.name, address.replace(", ", " – ", 1) if address else None,
                             contacts, office.logo)


def office_letterhead(ctx: Context) -> render.Letterhead:
    """The letterhead of the acting operator's office (for documents other than letters)."""
    with ctx.read() as s:
        office = s.get(Office, ctx.actor.office_id) if ctx.actor else None
        if office is None:
            office = s.scalars(select(Office).order_by(Office.id)).first()
        if office is None:
            raise ValidationError("L'ufficio non è configurato: manca l'intestazione.")
        return _letterhead(office)


def _render_letter(tpl: LetterTemplate, p: _Prepared, head: render.Letterhead,
                   protocol: str | None) -> render.RenderLetter:
    office = p.sources.office
    date = p.values["lettera.data"]
    place_date = f"{office.comune}, {date}" if office.comune else str(date)
    return _render().RenderLetter(head, protocol, place_date, fill(tpl, p.values),
                                  delivery=p.delivery)


def _pdf_title(tpl: LetterTemplate, p: _Prepared, protocol: str | None) -> str:
    number = f"prot. {protocol}" if protocol else "anteprima"
    return f"{tpl.title} – {p.worker_name} ({number})"


def preview(ctx: Context, template: str, worker_id: int, refs: Refs | None = None, *,
            today: dt.date | None = None, delivery: str | None = None) -> bytes:
    """The letter as it would print, marked ANTEPRIMA: nothing is written, no number is used."""
    return preview_batch(ctx, template, [worker_id], refs, today=today, delivery=delivery)


def preview_batch(ctx: Context, template: str, worker_ids: Sequence[int],
                  refs: Refs | None = None, *, today: dt.date | None = None,
                  progress: Progress | None = None, delivery: str | None = None) -> bytes:
    """Drafts of many letters in one PDF (nothing written, no numbers used)."""
    tpl = load_template(template)
    day, now = _now(today)
    with ctx.read() as s:
        prepared = _prepare(s, ctx, tpl, worker_ids, refs or Refs(), today=day, now=now,
                            delivery=check_delivery(delivery))
        _refuse_missing(tpl, prepared)
        for p in prepared:
            _rules(tpl, p)
        head = _letterhead(prepared[0].sources.office)
        letters = [_render_letter(tpl, p, head, None) for p in prepared]
        title = (_pdf_title(tpl, prepared[0], None) if len(prepared) == 1
                 else f"{tpl.title} – {len(prepared)} lettere (anteprima)")
        total = len(letters)
        pdf = _render().render(letters, draft=True, title=title,
                               progress=_ticker(progress, 0, total))
    with ctx.write() as s:  # seeing a person's letter is a read of their data: traced
        audit.record_many(s, "letter_preview", [
            {"worker_id": wid, "entity": "worker", "entity_id": wid,
             "detail": f"anteprima {tpl.title.lower()}"} for wid in worker_ids])
    return pdf


def _ticker(progress: Progress | None, offset: int, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None

    def tick(index: int) -> None:
        if progress(offset + index + 1, total) is False:
            raise Cancelled()

    return tick


# --------------------------------------------------------------------------- archive


def _store(session: Session, ctx: Context, tpl: LetterTemplate, p: _Prepared, number: int,
           year: int, pdf: bytes, letter: render.RenderLetter,
           batch_id: str | None) -> Callable[[], IssuedLetter]:
    """Add the archive row; the letter as issued once the caller has flushed (one flush for
    a whole batch: a flush per letter cost 5 ms each)."""
    src = p.sources
    subject = letter.letter.subject_text
    digest = hashlib.sha256(pdf).hexdigest()
    by_email = p.delivery in (DeliveryChannel.EMAIL, DeliveryChannel.PEC)
    row = Letter(
        office_id=src.office.id, protocol_year=year, protocol_number=number, template=tpl.name,
        subject=subject[:200] or tpl.title, worker_id=p.worker_id,
        operator_id=ctx.actor.id if ctx.actor else None,
        appointment_id=src.appointment.id if src.appointment is not None else None,
        voucher_id=src.voucher.id if src.voucher is not None else None,
        pathway_id=src.pathway.id if src.pathway is not None else None,
        pdf=pdf, sha256=digest, batch_id=batch_id, delivery=p.delivery,
        delivery_status=DeliveryStatus.PREDISPOSTA if by_email else None,
    )
    session.add(row)
    if tpl.name == "attestato" and src.voucher is not None and not src.voucher.certificate_issued_on:
        src.voucher.certificate_issued_on = src.today
    office = src.office
    sender = (office.pec or office.email) if p.delivery == DeliveryChannel.PEC else office.email
    return lambda: IssuedLetter(
        row.id, number, year, tpl.name, p.worker_id, p.worker_name, row.subject, digest, pdf,
        p.delivery, email_to=p.values.get("lavoratore.email") if by_email else None,
        email_from=sender if by_email else None,
        email_text=_mail().letter_text(letter.letter) if by_email else None)


def _issue_prepared(session: Session, ctx: Context, tpl: LetterTemplate,
                    prepared: list[_Prepared], *, today: dt.date, batch: bool,
                    progress: Progress | None, offset: int, total: int) -> BatchResult:
    """Numbers, PDFs and archive rows for letters already checked (inside the transaction)."""
    office = prepared[0].sources.office
    head = _letterhead(office)
    first = next_protocol(session, office.id, today.year, len(prepared))
    batch_id = f"{today:%Y%m%d}-{uuid.uuid4().hex[:10]}" if batch else None
    author = ctx.actor.full_name if ctx.actor else ""
    to_print = [_render_letter(tpl, p, head, f"{first + i}/{today.year}")
                for i, p in enumerate(prepared)]
    titles = [_pdf_title(tpl, p, f"{first + i}/{today.year}") for i, p in enumerate(prepared)]
    if len(prepared) == 1:
        pdfs = [_render().render(to_print, title=titles[0], author=author)]
    else:  # drawn once: the batch, then each letter's archive copy cut out of it
        combined, counts = _render().render_counted(
            to_print, title=f"{tpl.title} – {len(prepared)} lettere, prot. {first}/{today.year}"
            f"–{first + len(prepared) - 1}/{today.year}", author=author,
            progress=_ticker(progress, offset, total))
        pdfs = _render().split(combined, counts,
                               progress=_ticker(progress, offset + len(prepared), total))
    stored = [_store(session, ctx, tpl, p, first + i, today.year, pdf, letter, batch_id)
              for i, (p, pdf, letter) in enumerate(zip(prepared, pdfs, to_print, strict=True))]
    session.flush()
    issued = [made() for made in stored]
    if len(prepared) == 1:
        combined = issued[0].pdf
        if progress is not None and progress(offset + 1, total) is False:
            raise Cancelled()
    if batch:
        audit.record(session, "letter_batch", entity="letter", entity_id=issued[0].id,
                     changes={"template": tpl.name, "letters": len(issued),
                              "protocol": [issued[0].protocol, issued[-1].protocol],
                              "batch_id": batch_id},
                     detail=f"{tpl.title}: {len(issued)} lettere, prot. {issued[0].protocol}"
                            f" – {issued[-1].protocol}")
    return BatchResult(tpl.name, issued, combined, batch_id)


def issue(ctx: Context, template: str, worker_id: int, refs: Refs | None = None, *,
          today: dt.date | None = None, delivery: str | None = None) -> IssuedLetter:
    """Protocol, print and archive one letter (refused, with the reason, if data is missing).

    ``delivery``: posta, mano, email, pec or auto; None takes the template's default."""
    permissions.require(ctx.actor, Role.OPERATORE, "emettere una lettera protocollata")
    tpl = load_template(template)
    chosen = check_delivery(delivery)
    day, now = _now(today)
    with ctx.write() as s:
        prepared = _prepare(s, ctx, tpl, [worker_id], refs or Refs(), today=day, now=now,
                            delivery=chosen)
        _refuse_missing(tpl, prepared)
        _rules(tpl, prepared[0])
        result = _issue_prepared(s, ctx, tpl, prepared, today=day, batch=False, progress=None,
                                 offset=0, total=1)
        return result.letters[0]


def issue_batch(ctx: Context, template: str, worker_ids: Sequence[int], *,
                subject: str | None = None, text: str | None = None,
                skip_incomplete: bool = False, progress: Progress | None = None,
                today: dt.date | None = None, delivery: str | None = None) -> BatchResult:
    """One letter per worker, consecutive protocol numbers, all in one PDF to print.

    Each worker's letter is also stored on its own (``result.letters[i].pdf``,
    ``result.write_files(folder)`` for one file per worker). Data missing for some workers
    refuses the whole batch, listing them, unless ``skip_incomplete`` (then they are in
    ``result.skipped``). ``progress(done, total)`` returning False cancels: nothing is
    written and no number is used. ``delivery="auto"``: by post where the address is
    complete, otherwise by e-mail, otherwise by hand (``result.by_channel`` counts them).
    """
    permissions.require(ctx.actor, Role.OPERATORE, "emettere lettere protocollate")
    tpl = load_template(template)
    chosen = check_delivery(delivery)
    if not worker_ids:
        raise ValidationError("Nessun lavoratore selezionato.", "workers")
    day, now = _now(today)
    try:
        with ctx.write() as s:
            prepared = _prepare(s, ctx, tpl, worker_ids, Refs(subject=subject, text=text),
                                today=day, now=now, delivery=chosen)
            skipped: dict[int, list[MissingField]] = {}
            if skip_incomplete and any(not p.missing for p in prepared):
                skipped = {p.worker_id: p.missing for p in prepared if p.missing}
                prepared = [p for p in prepared if not p.missing]
            _refuse_missing(tpl, prepared)
            for p in prepared:
                _rules(tpl, p)
            result = _issue_prepared(s, ctx, tpl, prepared, today=day, batch=True,
                                     progress=progress, offset=0, total=2 * len(prepared))
            result.skipped = skipped
            return result
    except Cancelled:
        return BatchResult(tpl.name, [], None, None, cancelled=True)


# --------------------------------------------------------------------------- archive


def reprint(ctx: Context, letter_id: int) -> bytes:
    """The stored PDF of an issued letter, byte for byte (the reprint is audited)."""
    permissions.require(ctx.actor, Role.OPERATORE, "ristampare una lettera")
    with ctx.write() as s:
        row = s.get(Letter, letter_id)
        if row is None or row.pdf is None:
            raise NotFound("Lettera non trovata nell'archivio.")
        if hashlib.sha256(row.pdf).hexdigest() != row.sha256:
            raise SportelloError(
                f"Il PDF archiviato della lettera prot. {row.protocol_number}/{row.protocol_year} "
                "non corrisponde all'impronta registrata: non viene ristampato. Avvisare "
                "l'amministratore.")
        audit.record(s, "letter_reprint", entity="letter", entity_id=row.id,
                     worker_id=row.worker_id,
                     detail=f"Ristampa prot. {row.protocol_number}/{row.protocol_year}")
        return row.pdf


def mark_sent(ctx: Context, letter_ids: Sequence[int], *,
              when: dt.datetime | None = None) -> int:
    """Record that the e-mail or PEC letters were sent from the office's mailbox.

    All or nothing: a letter on paper (posta, a mano) is refused, naming it. A letter
    already sent keeps its first date. Returns how many changed (audited, one row each).
    """
    permissions.require(ctx.actor, Role.OPERATORE, "segnare una lettera come inviata")
    ids = list(dict.fromkeys(letter_ids))
    if not ids:
        raise ValidationError("Nessuna lettera indicata.", "letters")
    moment = when or dt.datetime.now().replace(microsecond=0)
    changed = 0
    with ctx.write() as s:
        rows = {r.id: r for chunk in _chunks(ids)
                for r in s.scalars(select(Letter).where(Letter.id.in_(chunk)))}
        absent = [i for i in ids if i not in rows]
        if absent:
            raise NotFound(f"Lettera non trovata nell'archivio (id {absent[0]}).")
        for letter_id in ids:
            row = rows[letter_id]
            if row.delivery not in (DeliveryChannel.EMAIL, DeliveryChannel.PEC):
                how = DELIVERY_CHANNELS.get(row.delivery or DeliveryChannel.POSTA, "posta")
                raise ValidationError(
                    f"La lettera prot. {row.protocol_number}/{row.protocol_year} è per {how}: "
                    "solo le lettere per e-mail o PEC si segnano come inviate. Nessuna lettera "
                    "è stata segnata.", "letters")
            if row.delivery_status != DeliveryStatus.INVIATA:
                row.delivery_status = DeliveryStatus.INVIATA
                row.sent_at = moment
                changed += 1
    return changed


def address_labels(ctx: Context, worker_ids: Sequence[int], fmt: str = "3x8") -> bytes:
    """Address labels (A4 label sheets, ``printouts.LABEL_FORMATS``) for letters in plain
    envelopes, in the order given; refused, naming them, when addresses are incomplete."""
    permissions.require(ctx.actor, Role.OPERATORE, "stampare le etichette")
    from sportello.core.letters import printouts

    if fmt not in printouts.LABEL_FORMATS:
        raise ValidationError(f"Formato di etichette sconosciuto: {fmt} (ammessi: "
                              f"{', '.join(printouts.LABEL_FORMATS)}).", "format")
    ids = list(dict.fromkeys(worker_ids))
    if not ids:
        raise ValidationError("Nessun lavoratore per le etichette.", "workers")
    with ctx.read() as s:
        people = {w.id: w for chunk in _chunks(ids)
                  for w in s.scalars(select(Worker).where(Worker.id.in_(chunk)))}
    incomplete = [f"{w.surname} {w.name}" for w in (people.get(i) for i in ids)
                  if w is not None and not (w.residence_address and w.residence_cap
                                            and w.residence_comune)]
    if incomplete:
        raise ValidationError(
            f"Indirizzo postale incompleto (indirizzo, CAP e comune) per {len(incomplete)} "
            f"lavoratori: {', '.join(incomplete[:10])}{' …' if len(incomplete) > 10 else ''}. "
            "Nessuna etichetta stampata.", "workers")
    addresses = []
    for i in ids:
        w = people[i]
        province = f" ({w.residence_province})" if w.residence_province else ""
        addresses.append([f"{w.name} {w.surname}", str(w.residence_address),
                          f"{w.residence_cap} {w.residence_comune}{province}"])
    return printouts.labels_pdf(addresses, fmt, title=f"Etichette – {len(addresses)} indirizzi")


@dataclass(frozen=True)
class LetterInfo:
    id: int
    protocol: str
    template: str
    subject: str | None
    worker_id: int | None
    issued_at: dt.datetime
    sha256: str
    batch_id: str | None
    file_name: str
    delivery: str | None = None
    delivery_status: str | None = None
    sent_at: dt.datetime | None = None


def info(ctx: Context, letter_id: int) -> LetterInfo:
    with ctx.read() as s:
        row = s.get(Letter, letter_id)
        if row is None:
            raise NotFound("Lettera non trovata nell'archivio.")
        worker = s.get(Worker, row.worker_id) if row.worker_id else None
        name = f"{worker.surname} {worker.name}" if worker else "lettera"
        return LetterInfo(row.id, f"{row.protocol_number}/{row.protocol_year}", row.template,
                          row.subject, row.worker_id, row.issued_at, row.sha256, row.batch_id,
                          _file_name(row.protocol_year, row.protocol_number, name, row.template),
                          row.delivery, row.delivery_status, row.sent_at)


_NOT_DECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o",
                                 "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                                 "Þ": "Th", "þ": "th", "ı": "i"})


_PROTOCOL = re.compile(r"\s*(?:prot\.?\s*(?:n\.?)?\s*)?(\d{1,9})\s*/\s*(\d{4})\s*",
                       re.IGNORECASE)


def looks_like_protocol(text: str) -> bool:
    """"12/2026" or "Prot. 12/2026" (what the QR code on a letter holds)."""
    return _PROTOCOL.fullmatch(text or "") is not None


def find_by_protocol(ctx: Context, protocol: str) -> int:
    """The id of the letter "12/2026" (or "Prot. 12/2026") of the acting operator's office."""
    actor = permissions.require(ctx.actor, Role.OPERATORE, "cercare una lettera")
    match = _PROTOCOL.fullmatch(protocol or "")
    if match is None:
        raise ValidationError(f"Protocollo non valido: «{protocol}» (scrivere numero/anno, "
                              "es. 12/2026).", "protocol")
    with ctx.read() as s:
        letter_id = s.scalar(select(Letter.id).where(
            Letter.office_id == actor.office_id, Letter.protocol_number == int(match.group(1)),
            Letter.protocol_year == int(match.group(2))))
    if letter_id is None:
        raise NotFound(f"Nessuna lettera con protocollo {match.group(1)}/{match.group(2)}.")
    return letter_id


def _file_name(year: int, number: int, worker_name: str, template: str) -> str:
    ascii_name = (unicodedata.normalize("NFKD", worker_name.translate(_NOT_DECOMPOSED))
                  .encode("ascii", "ignore").decode())
    slug = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_") or "lavoratore"
    return f"{year}-{number:06d}_{slug}_{template}.pdf"


# --------------------------------------------------------------------------- selection, call-in


def select_workers(ctx: Context, *, vertenza: str | int | None = None, status: str | None = None,
                   without_appointment: bool = False, now: dt.datetime | None = None) -> list[int]:
    """Ids of the workers of a vertenza (code or id) and/or status, by surname and name.

    ``without_appointment`` ("senza appuntamento"): only those to be called in, that is
    with no booked appointment from ``now`` on and no appointment they attended (outcome
    "presente"). Who missed one (assente, giustificato) or whose past appointment has no
    outcome recorded is called in again. A closed file is never "to be called in".
    """
    if status is not None and status not in set(FileStatus):
        raise ValidationError(f"Stato del fascicolo non valido: «{status}» (ammessi: "
                              f"{', '.join(FileStatus)}).", "status")
    with ctx.read() as s:
        query = select(Worker.id)
        if vertenza is not None:
            vid = vertenza if isinstance(vertenza, int) else s.scalar(
                select(Vertenza.id).where(Vertenza.code == str(vertenza).strip().upper()))
            if vid is None or s.get(Vertenza, vid) is None:
                raise NotFound(f"Vertenza «{vertenza}» non trovata.")
            query = query.where(exists().where(EmploymentSituation.worker_id == Worker.id,
                                               EmploymentSituation.vertenza_id == vid))
        if status is not None:
            query = query.where(Worker.status == status)
        if without_appointment:  # to be called in: a closed file is not
            moment = now or agenda.clock()
            query = query.where(Worker.status != FileStatus.CHIUSO, ~exists().where(
                Appointment.worker_id == Worker.id,
                Appointment.status == AppointmentStatus.PRENOTATO,
                Appointment.starts_at >= moment), ~exists().where(
                Appointment.worker_id == Worker.id,
                Appointment.status == AppointmentStatus.PRENOTATO,
                Appointment.outcome == AppointmentOutcome.PRESENTE))
        query = query.order_by(Worker.surname, Worker.name, Worker.id)
        return list(s.scalars(query))


def days_from(first: dt.date, count: int) -> list[dt.date]:
    """``count`` calendar days from ``first`` (closed days are skipped when booking)."""
    if count < 1:
        raise ValidationError("Indicare almeno un giorno.", "days")
    return [first + dt.timedelta(days=i) for i in range(count)]


@dataclass(frozen=True)
class PlannedBooking:
    """One line of a call-in's plan: who is booked when and with whom (nothing written)."""

    worker_id: int
    worker_name: str
    codice_fiscale: str
    operator_id: int
    operator_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime


def plan_call_in(ctx: Context, worker_ids: Sequence[int], operator_ids: Sequence[int],
                 days: Sequence[dt.date], *, minutes: int | None = None,
                 now: dt.datetime | None = None) -> list[PlannedBooking]:
    """Who would get which slot, in the order given, earliest slots first: the preview
    the clerk confirms before ``book_call_in`` writes anything.

    Slots come from ``agenda.free_slots``: the office's opening hours and slot length (or
    ``minutes``), open days only, after ``now``, around existing bookings. Refused, naming
    the shortfall, when the slots do not suffice.
    """
    permissions.require(ctx.actor, Role.OPERATORE, "convocare i lavoratori")
    ids = list(dict.fromkeys(worker_ids))
    if not ids:
        raise ValidationError("Nessun lavoratore da convocare.", "workers")
    if not operator_ids:
        raise ValidationError("Indicare almeno un operatore per i colloqui.", "operators")
    moment = now or agenda.clock()
    slots = agenda.free_slots(ctx, list(operator_ids), days, minutes, now=moment)
    if len(slots) < len(ids):
        hours = agenda.office_hours(ctx)
        open_days = sorted({d for d in days if agenda.closed_reason(d, hours) is None})
        span = (f"tra il {open_days[0]:%d/%m/%Y} e il {open_days[-1]:%d/%m/%Y}"
                if open_days else "nei giorni indicati (tutti di chiusura dell'ufficio)")
        raise ValidationError(
            f"Posti liberi insufficienti: servono {len(ids)} appuntamenti, ci sono "
            f"{len(slots)} posti liberi {span} per gli operatori scelti. Aggiungere giorni o "
            "operatori. Nulla è stato prenotato.", "days")
    with ctx.read() as s:
        people = {w.id: w for chunk in _chunks(ids)
                  for w in s.scalars(select(Worker).where(Worker.id.in_(chunk)))}
        names = {op.id: op.full_name for op in s.scalars(
            select(Operator).where(Operator.id.in_(list(operator_ids))))}
    absent = [i for i in ids if i not in people]
    if absent:
        raise NotFound(f"Fascicolo non trovato (id {', '.join(map(str, absent[:10]))}).")
    return [PlannedBooking(wid, f"{people[wid].surname} {people[wid].name}",
                           people[wid].codice_fiscale, slot.operator_id,
                           names.get(slot.operator_id, ""), slot.starts_at, slot.ends_at)
            for wid, slot in zip(ids, slots)]


def book_call_in(ctx: Context, plan: Sequence[PlannedBooking], *,
                 purpose: str = CALL_IN_PURPOSE, template: str = "convocazione",
                 progress: Progress | None = None, today: dt.date | None = None,
                 now: dt.datetime | None = None, delivery: str | None = None) -> CallInResult:
    """Book the confirmed plan exactly and print the convocations, in one transaction.

    Each booking goes through ``agenda.book_in_session`` (opening hours, no double booking,
    also against a counter booking since the plan was shown: then nothing is booked and
    the clerk plans again). Refused, cancelled or failed, nothing is booked and no
    protocol number is used.
    """
    permissions.require(ctx.actor, Role.OPERATORE, "convocare i lavoratori")
    tpl = load_template(template)
    if "appointment" not in tpl.needs:
        raise ValidationError(f"Il modello «{template}» non riguarda un appuntamento: per la "
                              "convocazione usare «convocazione» o «invito-sportello».", "template")
    if not plan:
        raise ValidationError("Nessun lavoratore da convocare.", "workers")
    chosen = check_delivery(delivery)
    if len({p.worker_id for p in plan}) != len(plan):
        raise ValidationError("Un lavoratore compare due volte nel piano delle convocazioni.",
                              "workers")
    day, _ = _now(today)
    moment = now or agenda.clock()
    ids = [p.worker_id for p in plan]
    total = 3 * len(plan)  # booking, one letter each, the document to print
    try:
        with ctx.write() as s:
            appointment_for: dict[int, int] = {}
            for i, planned in enumerate(plan):
                minutes = int((planned.ends_at - planned.starts_at).total_seconds() // 60)
                try:
                    booked = agenda.book_in_session(
                        s, worker_id=planned.worker_id, operator_id=planned.operator_id,
                        starts_at=planned.starts_at, minutes=minutes, purpose=purpose,
                        now=moment, service=APPOINTMENT_SERVICE.get(tpl.name, OfficeKind.CPI))
                except agenda.SlotTaken as taken:
                    raise agenda.SlotTaken(f"{taken} Il piano non è più valido: rifarlo. "
                                           "Nulla è stato prenotato.") from None
                appointment_for[planned.worker_id] = booked.id
                if progress is not None and progress(i + 1, total) is False:
                    raise Cancelled()
            prepared = _prepare(s, ctx, tpl, ids, Refs(), today=day, now=moment,
                                appointment_for=appointment_for, delivery=chosen)
            _refuse_missing(tpl, prepared)
            batch = _issue_prepared(s, ctx, tpl, prepared, today=day, batch=True,
                                    progress=progress, offset=len(ids), total=total)
            rows = agenda.appointment_rows(s, list(appointment_for.values()))
            operator_ids = list(dict.fromkeys(p.operator_id for p in plan))
            audit.record(s, "call_in", entity="letter", entity_id=batch.letters[0].id,
                         changes={"workers": len(ids), "operators": operator_ids,
                                  "from": rows[0].starts_at.isoformat(),
                                  "to": rows[-1].starts_at.isoformat(),
                                  "batch_id": batch.batch_id},
                         detail=f"Convocati {len(ids)} lavoratori dal "
                                f"{rows[0].starts_at:%d/%m/%Y} al {rows[-1].starts_at:%d/%m/%Y}")
            return CallInResult(batch, rows)
    except Cancelled:
        return CallInResult(BatchResult(tpl.name, [], None, None, cancelled=True), [])


def call_in(ctx: Context, worker_ids: Sequence[int], operator_ids: Sequence[int],
            days: Sequence[dt.date], *, minutes: int | None = None,
            purpose: str = CALL_IN_PURPOSE, template: str = "convocazione",
            progress: Progress | None = None, today: dt.date | None = None,
            now: dt.datetime | None = None, delivery: str | None = None) -> CallInResult:
    """Call a selection in at once: ``plan_call_in`` then ``book_call_in`` (the CLI)."""
    permissions.require(ctx.actor, Role.OPERATORE, "convocare i lavoratori")
    tpl = load_template(template)
    if "appointment" not in tpl.needs:
        raise ValidationError(f"Il modello «{template}» non riguarda un appuntamento: per la "
                              "convocazione usare «convocazione» o «invito-sportello».", "template")
    moment = now or agenda.clock()
    plan = plan_call_in(ctx, worker_ids, operator_ids, days, minutes=minutes, now=moment)
    return book_call_in(ctx, plan, purpose=purpose, template=template, progress=progress,
                        today=today, now=moment, delivery=delivery)


def book_and_issue(ctx: Context, template: str, worker_id: int, *, operator_id: int,
                   starts_at: dt.datetime, minutes: int | None = None,
                   purpose: str | None = None, today: dt.date | None = None,
                   confirm_closed_day: bool = False,
                   now: dt.datetime | None = None, delivery: str | None = None,
                   mode: str = "presenza", remote_link: str | None = None) -> IssuedLetter:
    """Book one appointment and print its convocation, in one transaction (both or neither).

    The booking follows ``agenda.check_bookable`` (opening hours, not in the past);
    ``minutes`` defaults to the office's slot length."""
    permissions.require(ctx.actor, Role.OPERATORE, "convocare un lavoratore")
    tpl = load_template(template)
    chosen = check_delivery(delivery)
    day, clock = _now(today)
    moment = now or clock
    with ctx.write() as s:
        booked = agenda.book_in_session(
            s, worker_id=worker_id, operator_id=operator_id, starts_at=starts_at,
            minutes=minutes, purpose=purpose or CALL_IN_PURPOSE,
            confirm_closed_day=confirm_closed_day, now=moment,
            service=APPOINTMENT_SERVICE.get(tpl.name, OfficeKind.CPI), mode=mode,
            remote_link=remote_link)
        prepared = _prepare(s, ctx, tpl, [worker_id], Refs(), today=day, now=moment,
                            appointment_for={worker_id: booked.id}, delivery=chosen)
        _refuse_missing(tpl, prepared)
        _rules(tpl, prepared[0])
        return _issue_prepared(s, ctx, tpl, prepared, today=day, batch=False, progress=None,
                               offset=0, total=1).letters[0]
