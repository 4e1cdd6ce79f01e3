"""How the stored codes of the models read in the interface (translatable)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sportello.core.codes import (
    PATHWAY_KINDS,
    AppointmentOutcome,
    AppointmentStatus,
    DiaryKind,
    DidStatus,
    FileStatus,
    PactStatus,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    SafetyNet,
    Sex,
    VoucherStatus,
)

CONTEXT = "labels"

# The pathway kinds' names live in sportello.core.codes (letters, exports and messages print
# them too); repeated here only so that lupdate offers them for translation. A test checks
# that the two lists are the same.
_PATHWAY_KIND_SOURCES = (
    QT_TRANSLATE_NOOP("labels", "GOL 1 – Reinserimento lavorativo"),
    QT_TRANSLATE_NOOP("labels", "GOL 2 – Aggiornamento (upskilling)"),
    QT_TRANSLATE_NOOP("labels", "GOL 3 – Riqualificazione (reskilling)"),
    QT_TRANSLATE_NOOP("labels", "GOL 4 – Lavoro e inclusione"),
    QT_TRANSLATE_NOOP("labels", "GOL 5 – Ricollocazione collettiva"),
    QT_TRANSLATE_NOOP("labels", "Autoimpiego"),
)

_LABELS: dict[type[StrEnum], dict[str, str]] = {
    FileStatus: {
        FileStatus.APERTO: QT_TRANSLATE_NOOP("labels", "Aperto"),
        FileStatus.SOSPESO: QT_TRANSLATE_NOOP("labels", "Sospeso"),
        FileStatus.CHIUSO: QT_TRANSLATE_NOOP("labels", "Chiuso"),
    },
    PathwayKind: PATHWAY_KINDS,  # the core's one name per kind (see _PATHWAY_KIND_SOURCES)
    PathwayStatus: {
        PathwayStatus.PROPOSTO: QT_TRANSLATE_NOOP("labels", "Proposto"),
        PathwayStatus.ATTIVO: QT_TRANSLATE_NOOP("labels", "Attivo"),
        PathwayStatus.SOSPESO: QT_TRANSLATE_NOOP("labels", "Sospeso"),
        PathwayStatus.CONCLUSO: QT_TRANSLATE_NOOP("labels", "Concluso"),
        PathwayStatus.INTERROTTO: QT_TRANSLATE_NOOP("labels", "Interrotto"),
    },
    PathwayOutcome: {
        PathwayOutcome.RICOLLOCATO: QT_TRANSLATE_NOOP("labels", "Ricollocato"),
        PathwayOutcome.AUTOIMPIEGO: QT_TRANSLATE_NOOP("labels", "Autoimpiego"),
        PathwayOutcome.FORMATO: QT_TRANSLATE_NOOP("labels", "Formato"),
        PathwayOutcome.NESSUN_ESITO: QT_TRANSLATE_NOOP("labels", "Nessun esito"),
        PathwayOutcome.RITIRATO: QT_TRANSLATE_NOOP("labels", "Ritirato"),
    },
    PactStatus: {
        PactStatus.BOZZA: QT_TRANSLATE_NOOP("labels", "Bozza"),
        PactStatus.FIRMATO: QT_TRANSLATE_NOOP("labels", "Firmato"),
        PactStatus.SOSTITUITO: QT_TRANSLATE_NOOP("labels", "Sostituito"),
        PactStatus.CHIUSO: QT_TRANSLATE_NOOP("labels", "Chiuso"),
    },
    DiaryKind: {
        DiaryKind.COLLOQUIO: QT_TRANSLATE_NOOP("labels", "Colloquio"),
        DiaryKind.TELEFONATA: QT_TRANSLATE_NOOP("labels", "Telefonata"),
        DiaryKind.EMAIL: QT_TRANSLATE_NOOP("labels", "Email"),
        DiaryKind.NOTA: QT_TRANSLATE_NOOP("labels", "Nota"),
        DiaryKind.INCONTRO: QT_TRANSLATE_NOOP("labels", "Incontro"),
    },
    SafetyNet: {
        SafetyNet.CIGS: QT_TRANSLATE_NOOP("labels", "CIGS"),
        SafetyNet.CIGS_CESSAZIONE: QT_TRANSLATE_NOOP("labels", "CIGS per cessazione"),
        SafetyNet.NASPI: QT_TRANSLATE_NOOP("labels", "NASpI"),
        SafetyNet.NESSUNO: QT_TRANSLATE_NOOP("labels", "Nessuno"),
    },
    DidStatus: {
        DidStatus.ATTIVA: QT_TRANSLATE_NOOP("labels", "Attiva"),
        DidStatus.SOSPESA: QT_TRANSLATE_NOOP("labels", "Sospesa"),
        DidStatus.DECADUTA: QT_TRANSLATE_NOOP("labels", "Decaduta"),
    },
    AppointmentStatus: {
        AppointmentStatus.PRENOTATO: QT_TRANSLATE_NOOP("labels", "Prenotato"),
        AppointmentStatus.ANNULLATO: QT_TRANSLATE_NOOP("labels", "Annullato"),
    },
    AppointmentOutcome: {
        AppointmentOutcome.PRESENTE: QT_TRANSLATE_NOOP("labels", "Presente"),
        AppointmentOutcome.ASSENTE: QT_TRANSLATE_NOOP("labels", "Assente"),
        AppointmentOutcome.GIUSTIFICATO: QT_TRANSLATE_NOOP("labels", "Assenza giustificata"),
    },
    VoucherStatus: {
        VoucherStatus.RICHIESTO: QT_TRANSLATE_NOOP("labels", "Richiesto"),
        VoucherStatus.APPROVATO: QT_TRANSLATE_NOOP("labels", "Approvato"),
        VoucherStatus.IN_CORSO: QT_TRANSLATE_NOOP("labels", "In corso"),
        VoucherStatus.CONCLUSO: QT_TRANSLATE_NOOP("labels", "Concluso"),
        VoucherStatus.RITIRATO: QT_TRANSLATE_NOOP("labels", "Ritirato"),
        VoucherStatus.REVOCATO: QT_TRANSLATE_NOOP("labels", "Revocato"),
        VoucherStatus.RENDICONTATO: QT_TRANSLATE_NOOP("labels", "Rendicontato"),
    },
    Sex: {
        Sex.M: QT_TRANSLATE_NOOP("labels", "M – maschile"),
        Sex.F: QT_TRANSLATE_NOOP("labels", "F – femminile"),
    },
}


def pathway_kind_label(value: str | None) -> str:
    """The one name of a pathway kind on screen (combo, lists, pacts, letters' choices)."""
    return label(PathwayKind, value)


def label(kind: type[StrEnum], value: str | None) -> str:
    """The interface text of a stored code; an unknown code is shown as it is."""
    if value is None:
        return ""
    text = _LABELS[kind].get(value)
    return QCoreApplication.translate(CONTEXT, text) if text else str(value)


def choices(kind: type[StrEnum]) -> list[tuple[str, str]]:
    """(code, text) of every value, in the enum's order."""
    return [(member.value, label(kind, member.value)) for member in kind]
