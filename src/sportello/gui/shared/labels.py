"""Labels of the coded values the path areas, the file and the letters show.

Labels of coded values are presentation only (which values exist and which may follow
which is the services' business)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sportello.core import codes


class CoreLabels(dict[str, str]):
    """Names kept in ``sportello.core.codes`` (letters and exports print them too), translated
    in the "labels" context where ``worker_file.labels`` offers them to lupdate."""

    context = "labels"


# One name per pathway kind everywhere: the combo, the lists, the file, the patto, the export.
PATHWAY_KINDS = CoreLabels(codes.PATHWAY_KINDS)
DELIVERY_CHANNELS = CoreLabels(codes.DELIVERY_CHANNELS)
DELIVERY_STATUSES = CoreLabels(codes.DELIVERY_STATUSES)
APPOINTMENT_MODES = CoreLabels(codes.APPOINTMENT_MODES)
PATHWAY_STATUSES = {
    "proposto": QT_TRANSLATE_NOOP("paths", "Proposto"),
    "attivo": QT_TRANSLATE_NOOP("paths", "Attivo"),
    "sospeso": QT_TRANSLATE_NOOP("paths", "Sospeso"),
    "concluso": QT_TRANSLATE_NOOP("paths", "Concluso"),
    "interrotto": QT_TRANSLATE_NOOP("paths", "Interrotto"),
}
PATHWAY_OUTCOMES = {
    "ricollocato": QT_TRANSLATE_NOOP("paths", "Ricollocato"),
    "autoimpiego": QT_TRANSLATE_NOOP("paths", "Autoimpiego"),
    "formato": QT_TRANSLATE_NOOP("paths", "Formato"),
    "nessun_esito": QT_TRANSLATE_NOOP("paths", "Nessun esito"),
    "ritirato": QT_TRANSLATE_NOOP("paths", "Ritirato"),
}
CONTRACT_TYPES = {
    "tempo_indeterminato": QT_TRANSLATE_NOOP("paths", "Tempo indeterminato"),
    "tempo_determinato": QT_TRANSLATE_NOOP("paths", "Tempo determinato"),
    "apprendistato": QT_TRANSLATE_NOOP("paths", "Apprendistato"),
    "somministrazione": QT_TRANSLATE_NOOP("paths", "Somministrazione"),
    "collaborazione": QT_TRANSLATE_NOOP("paths", "Collaborazione"),
    "tirocinio": QT_TRANSLATE_NOOP("paths", "Tirocinio"),
}
OFFER_STATUSES = {
    "aperta": QT_TRANSLATE_NOOP("paths", "Aperta"),
    "coperta": QT_TRANSLATE_NOOP("paths", "Coperta"),
    "chiusa": QT_TRANSLATE_NOOP("paths", "Chiusa"),
}
APPLICATION_STATUSES = {
    "proposta": QT_TRANSLATE_NOOP("paths", "Proposta"),
    "inviata": QT_TRANSLATE_NOOP("paths", "Inviata all'azienda"),
    "colloquio": QT_TRANSLATE_NOOP("paths", "Colloquio"),
    "assunto": QT_TRANSLATE_NOOP("paths", "Assunto"),
    "non_selezionato": QT_TRANSLATE_NOOP("paths", "Non selezionato"),
    "ritirata": QT_TRANSLATE_NOOP("paths", "Ritirata"),
}
QUALIFICHE = {
    "O": QT_TRANSLATE_NOOP("paths", "Operaio"),
    "I": QT_TRANSLATE_NOOP("paths", "Impiegato"),
    "Q": QT_TRANSLATE_NOOP("paths", "Quadro"),
    "M": QT_TRANSLATE_NOOP("paths", "Apprendista"),
    "A": QT_TRANSLATE_NOOP("paths", "Altro"),
}
VOUCHER_STATUSES = {
    "richiesto": QT_TRANSLATE_NOOP("paths", "Richiesto"),
    "approvato": QT_TRANSLATE_NOOP("paths", "Approvato"),
    "in_corso": QT_TRANSLATE_NOOP("paths", "In corso"),
    "concluso": QT_TRANSLATE_NOOP("paths", "Concluso"),
    "ritirato": QT_TRANSLATE_NOOP("paths", "Ritirato"),
    "revocato": QT_TRANSLATE_NOOP("paths", "Revocato"),
    "rendicontato": QT_TRANSLATE_NOOP("paths", "Rendicontato"),
}
FUND_KINDS = {
    "fnc": QT_TRANSLATE_NOOP("paths", "Fondo Nuove Competenze"),
    "interprofessionale": QT_TRANSLATE_NOOP("paths", "Fondo interprofessionale"),
    "gol": QT_TRANSLATE_NOOP("paths", "Programma GOL"),
    "regionale": QT_TRANSLATE_NOOP("paths", "Fondo regionale"),
}
COURSE_STATUSES = {
    "programmato": QT_TRANSLATE_NOOP("paths", "Programmato"),
    "in_corso": QT_TRANSLATE_NOOP("paths", "In corso"),
    "concluso": QT_TRANSLATE_NOOP("paths", "Concluso"),
    "annullato": QT_TRANSLATE_NOOP("paths", "Annullato"),
}
BUSINESS_STAGES = {
    "pre_accoglienza": QT_TRANSLATE_NOOP("paths", "Pre-accoglienza"),
    "accompagnamento_ex_ante": QT_TRANSLATE_NOOP("paths", "Accompagnamento ex ante"),
    "business_plan_validato": QT_TRANSLATE_NOOP("paths", "Business plan validato"),
    "avvio_impresa": QT_TRANSLATE_NOOP("paths", "Avvio impresa"),
    "tutoraggio_ex_post": QT_TRANSLATE_NOOP("paths", "Tutoraggio ex post"),
}
LEGAL_FORMS = {
    "ditta_individuale": QT_TRANSLATE_NOOP("paths", "Ditta individuale"),
    "lavoro_autonomo": QT_TRANSLATE_NOOP("paths", "Lavoro autonomo (libero professionista)"),
    "snc": QT_TRANSLATE_NOOP("paths", "Società in nome collettivo (S.n.c.)"),
    "sas": QT_TRANSLATE_NOOP("paths", "Società in accomandita semplice (S.a.s.)"),
    "srl": QT_TRANSLATE_NOOP("paths", "Società a responsabilità limitata (S.r.l.)"),
    "srls": QT_TRANSLATE_NOOP("paths", "S.r.l. semplificata (S.r.l.s.)"),
    "cooperativa": QT_TRANSLATE_NOOP("paths", "Società cooperativa"),
}
SUAP_OUTCOMES = {
    "in_attesa": QT_TRANSLATE_NOOP("paths", "In attesa"),
    "efficace": QT_TRANSLATE_NOOP("paths", "Efficace"),
    "richiesta_integrazione": QT_TRANSLATE_NOOP("paths", "Richiesta integrazione"),
    "respinta": QT_TRANSLATE_NOOP("paths", "Respinta"),
}
FUNDING_STATUSES = {
    "bozza": QT_TRANSLATE_NOOP("paths", "Bozza"),
    "presentata": QT_TRANSLATE_NOOP("paths", "Presentata"),
    "ammessa": QT_TRANSLATE_NOOP("paths", "Ammessa"),
    "respinta": QT_TRANSLATE_NOOP("paths", "Respinta"),
    "erogata": QT_TRANSLATE_NOOP("paths", "Erogata"),
}
# The vertenza's codes: their names live in sportello.core.codes (the command line prints
# them too). Not yet offered to lupdate: an English translation shows them in Italian.
SAFETY_NETS = CoreLabels(codes.SAFETY_NETS)
PARTY_KINDS = CoreLabels(codes.PARTY_KINDS)
COHORT_EXITS = CoreLabels(codes.COHORT_EXITS)
