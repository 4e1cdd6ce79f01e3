"""The Italian Regions and the sigle of their provinces (ISTAT), to tell a worker's Region.

Regional training funds pay only for people of their Region; the Region of a worker is
the one of their province of residence (then of their vertenza, then of the office).
Sigle of suppressed provinces still found on documents are kept (e.g. OT, OG, VS, CI).
"""

from __future__ import annotations

_PROVINCES = {
    "Piemonte": "TO VC NO CN AT AL BI VB",
    "Valle d'Aosta": "AO",
    "Lombardia": "VA CO SO MI BG BS PV CR MN LC LO MB",
    "Trentino-Alto Adige": "BZ TN",
    "Veneto": "VR VI BL TV VE PD RO",
    "Friuli-Venezia Giulia": "UD GO TS PN",
    "Liguria": "IM SV GE SP",
    "Emilia-Romagna": "PC PR RE MO BO FE RA FC RN",
    "Toscana": "MS LU PT FI LI PI AR SI GR PO",
    "Umbria": "PG TR",
    "Marche": "PU AN MC AP FM",
    "Lazio": "VT RI RM LT FR",
    "Abruzzo": "AQ TE PE CH",
    "Molise": "CB IS",
    "Campania": "CE BN NA AV SA",
    "Puglia": "FG BA TA BR LE BT",
    "Basilicata": "PZ MT",
    "Calabria": "CS CZ RC KR VV",
    "Sicilia": "TP PA ME AG CL EN CT RG SR",
    "Sardegna": "SS NU CA OR SU OT OG VS CI",
}
REGIONS: tuple[str, ...] = tuple(_PROVINCES)
_BY_PROVINCE = {sigla: region for region, sigle in _PROVINCES.items() for sigla in sigle.split()}
PROVINCES: tuple[str, ...] = tuple(_BY_PROVINCE)  # every sigla, suppressed ones included


def region_of_province(sigla: str | None) -> str | None:
    """"AT" -> "Piemonte"; None for an unknown or missing sigla."""
    return _BY_PROVINCE.get((sigla or "").strip().upper())


def canonical(region: str | None) -> str | None:
    """The Region's name as in ``REGIONS`` (case and spaces ignored), or None if unknown."""
    key = " ".join((region or "").split()).casefold()
    return next((r for r in REGIONS if r.casefold() == key), None)
