"""The coded values Sportello stores, and how they read for people.

The ``StrEnum``s are the values of the coded columns (``models`` checks them with a CHECK
constraint and uses them as defaults); the tables below say how a code reads, in Italian.
No ORM and no Qt here, so that every side uses the same codes and prints the same words:
the services' messages, the letters, the exports and, translated (context ``labels``),
the windows, which need no models for it.
"""

from __future__ import annotations

import enum

# --------------------------------------------------------------------------- stored codes


class Role(enum.StrEnum):
    OPERATORE = "operatore"
    RESPONSABILE = "responsabile"
    AMMINISTRATORE = "amministratore"


class OfficeKind(enum.StrEnum):
    CPI = "cpi"
    SPORTELLO_UNICO = "sportello_unico"


class Sex(enum.StrEnum):
    M = "M"
    F = "F"


class FileStatus(enum.StrEnum):
    APERTO = "aperto"
    SOSPESO = "sospeso"
    CHIUSO = "chiuso"


class ClosingReason(enum.StrEnum):
    RICOLLOCATO = "ricollocato"
    AUTOIMPIEGO = "autoimpiego"
    PENSIONE = "pensione"
    TRASFERITO = "trasferito"
    RINUNCIA = "rinuncia"
    DECADENZA = "decadenza"
    ALTRO = "altro"


class VertenzaStatus(enum.StrEnum):
    APERTA = "aperta"
    CHIUSA = "chiusa"


class VertenzaSafetyNet(enum.StrEnum):
    """The social safety net in force for a vertenza's workers (a worker's own is
    ``SafetyNet``)."""

    CIGS_CESSAZIONE = "cigs_cessazione"
    CIGS_RIORGANIZZAZIONE = "cigs_riorganizzazione"
    CIGS_CRISI = "cigs_crisi"
    CONTRATTO_SOLIDARIETA = "contratto_solidarieta"
    NASPI = "naspi"
    ALTRO = "altro"


class PartyKind(enum.StrEnum):
    """Who sits at a vertenza's tavolo."""

    REGIONE = "regione"
    COMUNE = "comune"
    AZIENDA = "azienda"
    SINDACATO = "sindacato"
    RSU = "rsu"
    MINISTERO = "ministero"
    ALTRO = "altro"


class CohortExit(enum.StrEnum):
    """How a worker left the cohort's "to place" count of their vertenza."""

    ASSUNTO_ALTROVE = "assunto_altrove"
    RIENTRO_CAPOGRUPPO = "rientro_capogruppo"
    TRASFERIMENTO = "trasferimento"
    MOBILITA_INCENTIVATA = "mobilita_incentivata"
    PENSIONE = "pensione"
    IRREPERIBILE = "irreperibile"
    ALTRO = "altro"


class BenefitKind(enum.StrEnum):
    CIGS = "cigs"
    NASPI = "naspi"


class SafetyNet(enum.StrEnum):
    """The income support that covers the worker now (the Region's "Ammortizzatore sociale")."""

    CIGS = "cigs"
    CIGS_CESSAZIONE = "cigs_cessazione"
    NASPI = "naspi"
    NESSUNO = "nessuno"


class DidStatus(enum.StrEnum):
    ATTIVA = "attiva"
    SOSPESA = "sospesa"
    DECADUTA = "decaduta"


class PactStatus(enum.StrEnum):
    BOZZA = "bozza"
    FIRMATO = "firmato"
    SOSTITUITO = "sostituito"
    CHIUSO = "chiuso"


class PathwayKind(enum.StrEnum):
    GOL1_REINSERIMENTO = "gol1"
    GOL2_AGGIORNAMENTO = "gol2"
    GOL3_RIQUALIFICAZIONE = "gol3"
    GOL4_LAVORO_INCLUSIONE = "gol4"
    GOL5_RICOLLOCAZIONE_COLLETTIVA = "gol5"
    AUTOIMPIEGO = "autoimpiego"


class PathwayStatus(enum.StrEnum):
    PROPOSTO = "proposto"
    ATTIVO = "attivo"
    SOSPESO = "sospeso"
    CONCLUSO = "concluso"
    INTERROTTO = "interrotto"


class PathwayOutcome(enum.StrEnum):
    RICOLLOCATO = "ricollocato"
    AUTOIMPIEGO = "autoimpiego"
    FORMATO = "formato"
    NESSUN_ESITO = "nessun_esito"
    RITIRATO = "ritirato"


class DiaryKind(enum.StrEnum):
    COLLOQUIO = "colloquio"
    TELEFONATA = "telefonata"
    EMAIL = "email"
    NOTA = "nota"
    INCONTRO = "incontro"


class AppointmentStatus(enum.StrEnum):
    PRENOTATO = "prenotato"
    ANNULLATO = "annullato"


class AppointmentOutcome(enum.StrEnum):
    PRESENTE = "presente"
    ASSENTE = "assente"
    GIUSTIFICATO = "giustificato"


class AppointmentMode(enum.StrEnum):
    """Where the person meets the office: at the counter, or remotely (the virtual desk)."""

    PRESENZA = "presenza"
    VIDEO = "video"
    TELEFONO = "telefono"


class DeliveryChannel(enum.StrEnum):
    """How a letter reaches the person."""

    POSTA = "posta"
    MANO = "mano"
    EMAIL = "email"
    PEC = "pec"


class DeliveryStatus(enum.StrEnum):
    """An e-mail or PEC letter: drafted as an .eml for the office's mail client, then sent."""

    PREDISPOSTA = "predisposta"
    INVIATA = "inviata"


class ContractType(enum.StrEnum):
    INDETERMINATO = "tempo_indeterminato"
    DETERMINATO = "tempo_determinato"
    APPRENDISTATO = "apprendistato"
    SOMMINISTRAZIONE = "somministrazione"
    COLLABORAZIONE = "collaborazione"
    TIROCINIO = "tirocinio"


class JobOfferStatus(enum.StrEnum):
    APERTA = "aperta"
    COPERTA = "coperta"
    CHIUSA = "chiusa"


class ApplicationStatus(enum.StrEnum):
    PROPOSTA = "proposta"
    INVIATA = "inviata"
    COLLOQUIO = "colloquio"
    ASSUNTO = "assunto"
    NON_SELEZIONATO = "non_selezionato"
    RITIRATA = "ritirata"


class BusinessStage(enum.StrEnum):
    PRE_ACCOGLIENZA = "pre_accoglienza"
    ACCOMPAGNAMENTO_EX_ANTE = "accompagnamento_ex_ante"
    BUSINESS_PLAN_VALIDATO = "business_plan_validato"
    AVVIO_IMPRESA = "avvio_impresa"
    TUTORAGGIO_EX_POST = "tutoraggio_ex_post"


class LegalForm(enum.StrEnum):
    DITTA_INDIVIDUALE = "ditta_individuale"
    SNC = "snc"
    SAS = "sas"
    SRL = "srl"
    SRLS = "srls"
    COOPERATIVA = "cooperativa"
    LAVORO_AUTONOMO = "lavoro_autonomo"


class SuapOutcome(enum.StrEnum):
    IN_ATTESA = "in_attesa"
    EFFICACE = "efficace"
    INTEGRAZIONE = "richiesta_integrazione"
    RESPINTA = "respinta"


class FundingStatus(enum.StrEnum):
    BOZZA = "bozza"
    PRESENTATA = "presentata"
    AMMESSA = "ammessa"
    RESPINTA = "respinta"
    EROGATA = "erogata"


class FundKind(enum.StrEnum):
    FONDO_NUOVE_COMPETENZE = "fnc"
    FONDO_INTERPROFESSIONALE = "interprofessionale"
    GOL = "gol"
    REGIONALE = "regionale"


class VoucherStatus(enum.StrEnum):
    RICHIESTO = "richiesto"
    APPROVATO = "approvato"
    IN_CORSO = "in_corso"
    CONCLUSO = "concluso"
    RITIRATO = "ritirato"
    REVOCATO = "revocato"
    RENDICONTATO = "rendicontato"


class CourseStatus(enum.StrEnum):
    PROGRAMMATO = "programmato"
    IN_CORSO = "in_corso"
    CONCLUSO = "concluso"
    ANNULLATO = "annullato"


class ExchangeKind(enum.StrEnum):
    IMPORT = "import"
    EXPORT = "export"


class ExchangeStatus(enum.StrEnum):
    COMPLETATO = "completato"
    ANNULLATO = "annullato"


class DocumentKind(enum.StrEnum):
    """What a document in a file is (the command line's ``--kind`` keys)."""

    IDENTITA = "identita"
    CV = "cv"
    PATTO = "patto"
    INPS = "inps"
    ATTESTATO = "attestato"
    PRESENZE = "presenze"
    BUSINESS_PLAN = "business-plan"
    SUAP = "suap"
    ALTRO = "altro"


class DocumentOwner(enum.StrEnum):
    """What a document belongs to besides the file (``owner_kind``; ``owner_id`` is its id).

    One more kind (a tavolo meeting) is one more value here and one more check in
    ``services.documents``: the document table needs no new column for it.
    """

    WORKER = "worker"
    PACT = "service_pact"
    PATHWAY = "pathway"
    VOUCHER = "voucher"
    BUSINESS = "business_project"
    APPOINTMENT = "appointment"
    MEETING = "tavolo_meeting"  # a meeting of a vertenza's tavolo (no file: worker_id None)


class ProtocolChannel(enum.StrEnum):
    """How an incoming document arrived (protocollo in entrata)."""

    MANO = "mano"
    POSTA = "posta"
    EMAIL = "email"
    PEC = "pec"


# --------------------------------------------------------------------------- labels

# PathwayKind, as the file, the pathway lists, the patto and the exports call it.
DELIVERY_CHANNELS: dict[str, str] = {
    DeliveryChannel.POSTA: "posta",
    DeliveryChannel.MANO: "consegna a mano",
    DeliveryChannel.EMAIL: "e-mail",
    DeliveryChannel.PEC: "PEC",
}

DELIVERY_STATUSES: dict[str, str] = {
    DeliveryStatus.PREDISPOSTA: "predisposta per l'invio",
    DeliveryStatus.INVIATA: "inviata",
}

APPOINTMENT_MODES: dict[str, str] = {
    AppointmentMode.PRESENZA: "in presenza",
    AppointmentMode.VIDEO: "a distanza, in videochiamata",
    AppointmentMode.TELEFONO: "a distanza, per telefono",
}

PATHWAY_KINDS: dict[str, str] = {
    "gol1": "GOL 1 – Reinserimento lavorativo",
    "gol2": "GOL 2 – Aggiornamento (upskilling)",
    "gol3": "GOL 3 – Riqualificazione (reskilling)",
    "gol4": "GOL 4 – Lavoro e inclusione",
    "gol5": "GOL 5 – Ricollocazione collettiva",
    "autoimpiego": "Autoimpiego",
}


def pathway_kind_label(code: object) -> str:
    """The name of a pathway kind ("" for None, the code itself if unknown)."""
    if code is None:
        return ""
    return PATHWAY_KINDS.get(str(code), str(code))


SAFETY_NETS: dict[str, str] = {
    "cigs_cessazione": "CIGS per cessazione di attività",
    "cigs_riorganizzazione": "CIGS per riorganizzazione aziendale",
    "cigs_crisi": "CIGS per crisi aziendale",
    "contratto_solidarieta": "Contratto di solidarietà",
    "naspi": "NASpI",
    "altro": "Altro",
}

PARTY_KINDS: dict[str, str] = {
    "regione": "Regione",
    "comune": "Comune",
    "azienda": "Azienda",
    "sindacato": "Sindacato",
    "rsu": "RSU",
    "ministero": "Ministero",
    "altro": "Altro",
}

COHORT_EXITS: dict[str, str] = {
    "assunto_altrove": "Assunto altrove",
    "rientro_capogruppo": "Rientro nella capogruppo",
    "trasferimento": "Trasferimento accettato",
    "mobilita_incentivata": "Mobilità volontaria incentivata",
    "pensione": "Pensione",
    "irreperibile": "Irreperibile",
    "altro": "Altro",
}


def code_label(table: dict[str, str], code: object) -> str:
    """How a code of ``table`` reads ("" for None, the code itself if unknown)."""
    if code is None:
        return ""
    return table.get(str(code), str(code))


DOCUMENT_KINDS: dict[str, str] = {
    "identita": "Documento d'identità",
    "cv": "Curriculum vitae",
    "patto": "Patto di servizio firmato",
    "inps": "Comunicazione CIGS/NASpI",
    "attestato": "Attestato",
    "presenze": "Foglio presenze",
    "business-plan": "Business plan",
    "suap": "SCIA / ricevuta SUAP",
    "altro": "Altro",
}

PROTOCOL_CHANNELS: dict[str, str] = {
    "mano": "a mano", "posta": "posta", "email": "e-mail", "pec": "PEC",
}


def document_kind_label(code: object) -> str:
    """The name of a document kind ("" for None, the code itself if unknown)."""
    if code is None:
        return ""
    return DOCUMENT_KINDS.get(str(code), str(code))
