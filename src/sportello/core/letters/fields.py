"""Every placeholder a letter template may use, what it means, and its value for one letter.

A placeholder is ``{namespace.field}``; ``{namespace.field?}`` is optional (an empty value
disappears, and a line left empty with it). The ``LABELS`` are what a clerk reads when a
letter is refused because data is missing ("indirizzo di residenza del lavoratore").
``values(sources)`` computes every placeholder of one letter from the records it draws on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sportello.core.codes import APPOINTMENT_MODES, AppointmentMode, pathway_kind_label
from sportello.core.letters import italian
from sportello.core.models import (
    Appointment,
    Course,
    EmploymentSituation,
    Fund,
    FundKind,
    Office,
    Operator,
    Pathway,
    PathwayOutcome,
    PathwayStatus,
    ServicePact,
    TrainingProvider,
    Vertenza,
    Voucher,
    VoucherStatus,
    Worker,
)

# Which record a namespace comes from; the service finds it (or is told which one).
REFERENCES = {
    "appuntamento": "appointment",
    "voucher": "voucher",
    "corso": "voucher",
    "fondo": "voucher",
    "percorso": "pathway",
    "patto": "pact",
}
REFERENCE_LABELS = {
    "appointment": "un appuntamento prenotato",
    "voucher": "un voucher formativo",
    "pathway": "un percorso",
    "pact": "un patto di servizio",
    "text": "il testo della lettera",
}

LABELS: dict[str, str] = {
    # the worker
    "lavoratore.nome": "nome del lavoratore",
    "lavoratore.cognome": "cognome del lavoratore",
    "lavoratore.nome_completo": "nome e cognome del lavoratore",
    "lavoratore.titolo": "sesso del lavoratore (per «Sig.» o «Sig.ra»)",
    "lavoratore.il_titolo": "sesso del lavoratore (per «il Sig.» o «la Sig.ra»)",
    "lavoratore.nato": "sesso del lavoratore (per «nato» o «nata»)",
    "lavoratore.o_a": "sesso del lavoratore (per le desinenze -o/-a)",
    "lavoratore.codice_fiscale": "codice fiscale del lavoratore",
    "lavoratore.data_nascita": "data di nascita del lavoratore",
    "lavoratore.luogo_nascita": "luogo di nascita del lavoratore",
    "lavoratore.a_luogo_nascita": "luogo di nascita del lavoratore (con «a» o «ad»: ad Asti)",
    "lavoratore.indirizzo": "indirizzo di residenza del lavoratore",
    "lavoratore.cap": "CAP di residenza del lavoratore",
    "lavoratore.comune": "comune di residenza del lavoratore",
    "lavoratore.provincia": "provincia di residenza del lavoratore",
    "lavoratore.telefono": "telefono del lavoratore",
    "lavoratore.email": "e-mail del lavoratore",
    "lavoratore.azienda": "azienda di provenienza del lavoratore",
    "lavoratore.vertenza": "vertenza del lavoratore",
    # the office and who acts
    "ufficio.nome": "nome dell'ufficio",
    "ufficio.codice": "codice dell'ufficio",
    "ufficio.indirizzo": "indirizzo dell'ufficio",
    "ufficio.cap": "CAP dell'ufficio",
    "ufficio.comune": "comune dell'ufficio",
    "ufficio.provincia": "provincia dell'ufficio",
    "ufficio.telefono": "telefono dell'ufficio",
    "ufficio.email": "e-mail dell'ufficio",
    "ufficio.pec": "PEC dell'ufficio",
    "ufficio.firmatario": "nome del firmatario (impostazioni dell'ufficio)",
    "ufficio.ruolo_firmatario": "ruolo del firmatario (impostazioni dell'ufficio)",
    "operatore.nome": "nome dell'operatore",
    "operatore.email": "e-mail dell'operatore",
    # the appointment
    "appuntamento.data": "data dell'appuntamento",
    "appuntamento.ora": "ora dell'appuntamento",
    "appuntamento.ora_fine": "ora di fine dell'appuntamento",
    "appuntamento.durata": "durata dell'appuntamento",
    "appuntamento.operatore": "operatore dell'appuntamento",
    "appuntamento.luogo": "luogo dell'appuntamento (o indirizzo dell'ufficio)",
    "appuntamento.motivo": "motivo dell'appuntamento",
    "appuntamento.modalita": "modalità dell'appuntamento (in presenza o a distanza)",
    "appuntamento.collegamento": "collegamento dell'appuntamento a distanza (link o numero)",
    # the pathway and the pact
    "percorso.tipo": "tipo di percorso",
    "percorso.stato": "stato del percorso",
    "percorso.data_inizio": "data di inizio del percorso",
    "percorso.data_fine": "data di conclusione del percorso",
    "percorso.esito": "esito del percorso",
    "percorso.note": "note del percorso",
    "patto.revisione": "revisione del patto di servizio",
    "patto.data_firma": "data di firma del patto di servizio",
    "patto.percorso_gol": "percorso GOL del patto di servizio",
    "patto.impegni": "impegni del patto di servizio",
    "patto.data_verifica": "data di verifica del patto di servizio",
    "patto.note": "note del patto di servizio",
    "patto.operatore": "operatore che ha redatto il patto di servizio",
    "patto.data": "data del patto di servizio (la firma; per una bozza, oggi)",
    # training
    "voucher.codice": "codice del voucher",
    "voucher.importo": "importo del voucher",
    "voucher.stato": "stato del voucher",
    "voucher.data_richiesta": "data di richiesta del voucher",
    "voucher.data_approvazione": "data di approvazione del voucher (voucher non ancora approvato)",
    "voucher.scadenza": "scadenza del voucher",
    "voucher.ore_frequentate": "ore frequentate",
    "voucher.percentuale_frequenza": "percentuale di frequenza",
    "corso.titolo": "titolo del corso",
    "corso.codice": "codice del corso",
    "corso.ore": "durata del corso in ore",
    "corso.data_inizio": "data di inizio del corso",
    "corso.data_fine": "data di fine del corso",
    "corso.sede": "sede del corso",
    "corso.area": "area formativa del corso",
    "corso.tipo_attestato": "tipo di attestato del corso",
    "corso.frequenza_minima": "frequenza minima del corso",
    "corso.ente": "ente di formazione",
    "corso.ente_indirizzo": "indirizzo dell'ente di formazione",
    "corso.ente_accreditamento": "codice di accreditamento dell'ente di formazione",
    "fondo.nome": "fondo che finanzia il voucher",
    "fondo.tipo": "tipo di fondo",
    # the letter itself
    "lettera.data": "data della lettera",
    "lettera.oggetto": "oggetto della lettera",
    "lettera.testo": "testo della lettera",
}

PATHWAY_STATUS = {
    PathwayStatus.PROPOSTO: "proposto", PathwayStatus.ATTIVO: "attivo",
    PathwayStatus.SOSPESO: "sospeso", PathwayStatus.CONCLUSO: "concluso",
    PathwayStatus.INTERROTTO: "interrotto",
}
PATHWAY_OUTCOME = {
    PathwayOutcome.RICOLLOCATO: "ricollocazione lavorativa",
    PathwayOutcome.AUTOIMPIEGO: "avvio di un'attività in proprio",
    PathwayOutcome.FORMATO: "conclusione del percorso formativo",
    PathwayOutcome.NESSUN_ESITO: "conclusione senza esito occupazionale",
    PathwayOutcome.RITIRATO: "rinuncia del lavoratore",
}
FUND_KIND = {
    FundKind.FONDO_NUOVE_COMPETENZE: "Fondo Nuove Competenze",
    FundKind.FONDO_INTERPROFESSIONALE: "fondo interprofessionale",
    FundKind.GOL: "Programma GOL",
    FundKind.REGIONALE: "fondo regionale",
}
VOUCHER_STATUS = {
    VoucherStatus.RICHIESTO: "richiesto", VoucherStatus.APPROVATO: "approvato",
    VoucherStatus.IN_CORSO: "in corso", VoucherStatus.CONCLUSO: "concluso",
    VoucherStatus.RITIRATO: "ritirato", VoucherStatus.REVOCATO: "revocato",
    VoucherStatus.RENDICONTATO: "rendicontato",
}


def reference_of(key: str) -> str | None:
    """The record a placeholder needs besides worker and office ("appointment"...), if any."""
    if key in ("lettera.oggetto", "lettera.testo"):
        return "text"
    return REFERENCES.get(key.split(".", 1)[0])


@dataclass
class Sources:
    """The records one letter draws on (loaded by the service in its session)."""

    worker: Worker
    office: Office
    operator: Operator | None = None
    employment: EmploymentSituation | None = None
    vertenza: Vertenza | None = None
    appointment: Appointment | None = None
    appointment_operator: Operator | None = None
    pathway: Pathway | None = None
    pact: ServicePact | None = None
    pact_operator: Operator | None = None  # who drew the pact up
    voucher: Voucher | None = None
    course: Course | None = None
    provider: TrainingProvider | None = None
    fund: Fund | None = None
    today: dt.date = field(default_factory=dt.date.today)
    extra: dict[str, str] = field(default_factory=dict)


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _d(value: dt.date | None) -> str | None:
    return italian.long_date(value) if value else None


def _sex(worker: Worker) -> str | None:
    if worker.sex in ("M", "F"):
        return worker.sex
    cf = worker.codice_fiscale or ""
    digits = cf[9:11].translate(str.maketrans("LMNPQRSTUV", "0123456789"))
    if len(cf) == 16 and digits.isdigit():
        return "F" if int(digits) > 40 else "M"
    return None


def _worker(src: Sources) -> dict[str, str | None]:
    w = src.worker
    sex = _sex(w)
    birth_place = _s(w.birth_place)
    if birth_place and w.birth_province:
        birth_place = f"{birth_place} ({w.birth_province})"
    company = None
    if src.employment is not None:
        company = _s(src.employment.former_employer)
    if company is None and src.vertenza is not None:
        company = _s(src.vertenza.company_name)
    return {
        "lavoratore.nome": _s(w.name),
        "lavoratore.cognome": _s(w.surname),
        "lavoratore.nome_completo": _s(f"{w.name or ''} {w.surname or ''}"),
        "lavoratore.titolo": {"M": "Sig.", "F": "Sig.ra"}.get(sex or ""),
        "lavoratore.il_titolo": {"M": "il Sig.", "F": "la Sig.ra"}.get(sex or ""),
        "lavoratore.nato": {"M": "nato", "F": "nata"}.get(sex or ""),
        "lavoratore.o_a": {"M": "o", "F": "a"}.get(sex or ""),
        "lavoratore.codice_fiscale": _s(w.codice_fiscale),
        "lavoratore.data_nascita": _d(w.birth_date),
        "lavoratore.luogo_nascita": birth_place,
        "lavoratore.a_luogo_nascita": (
            None if birth_place is None
            else f"ad {birth_place}" if birth_place[:1].lower() == "a" else f"a {birth_place}"),
        "lavoratore.indirizzo": _s(w.residence_address),
        "lavoratore.cap": _s(w.residence_cap),
        "lavoratore.comune": _s(w.residence_comune),
        "lavoratore.provincia": _s(w.residence_province),
        "lavoratore.telefono": _s(w.mobile) or _s(w.phone),
        "lavoratore.email": _s(w.email),
        "lavoratore.azienda": company,
        "lavoratore.vertenza": _s(src.vertenza.title) if src.vertenza else None,
    }


def _office(src: Sources) -> dict[str, str | None]:
    o, op = src.office, src.operator
    return {
        "ufficio.nome": _s(o.name),
        "ufficio.codice": _s(o.code),
        "ufficio.indirizzo": _s(o.address),
        "ufficio.cap": _s(o.cap),
        "ufficio.comune": _s(o.comune),
        "ufficio.provincia": _s(o.provincia),
        "ufficio.telefono": _s(o.phone),
        "ufficio.email": _s(o.email),
        "ufficio.pec": _s(o.pec),
        "ufficio.firmatario": _s(o.signatory_name),
        "ufficio.ruolo_firmatario": _s(o.signatory_role),
        "operatore.nome": _s(op.full_name) if op else None,
        "operatore.email": _s(op.email) if op else None,
    }


def office_address(office: Office) -> str | None:
    """Corso Dante 12, 14100 Asti (AT)."""
    place = " ".join(x for x in (office.cap, office.comune) if x)
    if place and office.provincia:
        place = f"{place} ({office.provincia})"
    parts = [x for x in (_s(office.address), _s(place)) if x]
    return ", ".join(parts) or None


def _appointment(src: Sources) -> dict[str, str | None]:
    a = src.appointment
    if a is None:
        return {}
    minutes = int((a.ends_at - a.starts_at).total_seconds() // 60)
    mode = a.mode or AppointmentMode.PRESENZA
    remote = mode != AppointmentMode.PRESENZA
    return {
        "appuntamento.data": italian.long_date_weekday(a.starts_at.date()),
        "appuntamento.ora": italian.clock(a.starts_at),
        "appuntamento.ora_fine": italian.clock(a.ends_at),
        "appuntamento.durata": f"{minutes} minuti",
        "appuntamento.operatore": (_s(src.appointment_operator.full_name)
                                   if src.appointment_operator else None),
        "appuntamento.luogo": (_REMOTE_PLACE if remote
                               else _s(a.location) or office_address(src.office)),
        "appuntamento.motivo": _s(a.purpose),
        # printed only for a remote appointment (the virtual desk)
        "appuntamento.modalita": APPOINTMENT_MODES.get(mode) if remote else None,
        "appuntamento.collegamento": _remote_link(src) if remote else None,
    }


_REMOTE_PLACE = "nessuna sede da raggiungere: il colloquio si svolge a distanza"


def _remote_link(src: Sources) -> str | None:
    """The video link, or for a phone appointment the number the office will call."""
    a = src.appointment
    if a is None:
        return None
    link = _s(a.remote_link)
    if a.mode == AppointmentMode.TELEFONO:
        number = link or _s(src.worker.mobile) or _s(src.worker.phone)
        return f"La chiameremo al numero {number}" if number else None
    return link


def _pathway(src: Sources) -> dict[str, str | None]:
    p = src.pathway
    if p is None:
        return {}
    return {
        "percorso.tipo": pathway_kind_label(p.kind),  # one name per kind: core.codes
        "percorso.stato": PATHWAY_STATUS.get(p.status, p.status),  # type: ignore[call-overload]
        "percorso.data_inizio": _d(p.start_on),
        "percorso.data_fine": _d(p.end_on),
        "percorso.esito": (PATHWAY_OUTCOME.get(p.outcome, p.outcome)  # type: ignore[call-overload]
                           if p.outcome else None),
        "percorso.note": _s(p.notes),
    }


def _pact(src: Sources) -> dict[str, str | None]:
    p = src.pact
    if p is None:
        return {}
    return {
        "patto.revisione": str(p.revision),
        "patto.data_firma": _d(p.signed_on),
        "patto.percorso_gol": pathway_kind_label(p.gol_path) or None,
        "patto.impegni": _s(p.commitments),
        "patto.data_verifica": _d(p.review_on),
        "patto.note": _s(p.notes),
        "patto.operatore": _s(src.pact_operator.full_name) if src.pact_operator else None,
        # a signed pact is dated the day it was signed, on every reprint; a draft, today
        "patto.data": _d(p.signed_on) or italian.long_date(src.today),
    }


def _training(src: Sources) -> dict[str, str | None]:
    v, c, pr, f = src.voucher, src.course, src.provider, src.fund
    if v is None:
        return {}
    out: dict[str, str | None] = {
        "voucher.codice": _s(v.code),
        "voucher.importo": italian.euro(v.amount_cents),
        "voucher.stato": VOUCHER_STATUS.get(v.status, v.status),  # type: ignore[call-overload]
        "voucher.data_richiesta": _d(v.requested_on),
        "voucher.data_approvazione": _d(v.approved_on),
        "voucher.scadenza": _d(v.expires_on),
        "voucher.ore_frequentate": italian.number(v.hours_attended or 0.0),
    }
    if c is not None:
        pct = 100.0 * (v.hours_attended or 0.0) / c.hours if c.hours else 0.0
        out.update({
            "voucher.percentuale_frequenza": italian.percent(pct),
            "corso.titolo": _s(c.title),
            "corso.codice": _s(c.code),
            "corso.ore": italian.number(c.hours),
            "corso.data_inizio": _d(c.starts_on),
            "corso.data_fine": _d(c.ends_on),
            "corso.sede": _s(c.location),
            "corso.area": _s(c.area),
            "corso.tipo_attestato": _s(c.certificate_type),
            "corso.frequenza_minima": italian.percent(c.min_attendance_pct),
        })
    if pr is not None:
        place = " ".join(x for x in (_s(pr.comune), f"({pr.provincia})" if pr.provincia else None)
                         if x)
        out.update({
            "corso.ente": _s(pr.name),
            "corso.ente_indirizzo": ", ".join(x for x in (_s(pr.address), _s(place)) if x) or None,
            "corso.ente_accreditamento": _s(pr.accreditation_code),
        })
    if f is not None:
        out.update({
            "fondo.nome": _s(f.name),
            "fondo.tipo": FUND_KIND.get(f.kind, f.kind),  # type: ignore[call-overload]
        })
    return out


_BUILDERS: tuple[Callable[[Sources], dict[str, str | None]], ...] = (
    _worker, _office, _appointment, _pathway, _pact, _training)


def values(src: Sources) -> dict[str, str | None]:
    """Every placeholder of one letter; None where the data is missing."""
    out: dict[str, str | None] = dict.fromkeys(LABELS)
    for build in _BUILDERS:
        out.update(build(src))
    out["lettera.data"] = italian.long_date(src.today)
    out["lettera.oggetto"] = _s(src.extra.get("oggetto"))
    out["lettera.testo"] = _s(src.extra.get("testo"))
    return out
