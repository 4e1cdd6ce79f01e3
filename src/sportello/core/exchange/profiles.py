"""Mapping profiles: which column of a sheet holds which field, as data.

A profile is a JSON document (shipped ones in ``resources/profiles/*.json``, a clerk's own
in the ``mapping_profile`` table, same format)::

    {
      "format": "sportello-profile/1",
      "name": "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore",
      "kind": "workers",
      "source": "where the layout comes from",
      "sheet": "ANAGRAFICHE",            # optional: preferred sheet name
      "header_row": 1,                   # optional: 1-based, as Excel shows it
      "date_format": "DD/MM/YYYY",       # how dates are written back (export)
      "columns": [                       # in sheet order; an exporter writes exactly these
        {"header": "Codice fiscale", "field": "codice_fiscale"},
        {"header": "Comune Nascita", "field": "birth_place", "codes": "belfiore"},
        {"header": "Qualifica", "field": "qualifica", "codes": "qualifica"},
        {"header": "Giornate CIG", "field": null}          # carried, not imported
      ],
      "code_lists": {"qualifica": {"O": "Operaio", ...}, "orario": {...}}
    }

``field`` is a key of ``FIELDS`` (worker fields, and ``employment`` fields that go to the
worker's situation in the vertenza). ``codes`` names a list in ``code_lists`` or the
built-in ``belfiore`` (comuni and foreign countries by cadastral code, with validity
dates: python-codicefiscale's table, the same source as the Region's *Codifiche*).
Reading, the importer accepts a code or its description; writing, an exporter turns the
value back into the code.

Without a profile, columns are matched by header: normalised (case, accents, punctuation
and little words such as "di" ignored) against each field's synonyms, then by similarity.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sportello.core import codice_fiscale as cf
from sportello.core.errors import ValidationError
from sportello.core.text import normalise_header
from sportello.core.exchange.sheet_reader import column_letter
from sportello.core.paths import resource

FORMAT = "sportello-profile/1"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # Italian, as the clerk reads it
    kind: str  # text, name, cf, date, phone, cap, province, sex, email, place, number, code
    target: str = "worker"  # worker or employment
    synonyms: tuple[str, ...] = ()
    codes: str | None = None  # default code list
    column: str | None = None  # the database column, when it is not ``key``

    @property
    def stored_in(self) -> str:
        return self.column or self.key


def _f(key: str, label: str, kind: str, *synonyms: str, target: str = "worker",
       codes: str | None = None, column: str | None = None) -> FieldSpec:
    return FieldSpec(key, label, kind, target, (label, *synonyms), codes, column)


FIELDS: dict[str, FieldSpec] = {f.key: f for f in (
    _f("codice_fiscale", "Codice fiscale", "cf", "Cod. fiscale", "Cod fiscale", "Cod. fisc.",
       "C.F.", "CF", "Codice fiscale lavoratore", "CF lavoratore", "Codice fiscale dipendente"),
    _f("surname", "Cognome", "name", "Cognome lavoratore"),
    _f("name", "Nome", "name", "Nome lavoratore"),
    _f("sex", "Sesso", "sex", "Genere", "M/F", "Sesso (M/F)"),
    _f("birth_date", "Data di nascita", "date", "Data nascita", "Nato il", "Nata il",
       "Data nasc.", "Nascita"),
    _f("birth_place", "Luogo di nascita", "place", "Comune nascita", "Comune di nascita",
       "Luogo nascita", "Nato a", "Stato o comune di nascita", "Codice comune nascita"),
    _f("birth_province", "Provincia di nascita", "province", "Prov. nascita",
       "Provincia nascita", "Prov. di nascita"),
    _f("citizenship", "Cittadinanza", "text", "Nazionalità", "Stato cittadinanza"),
    _f("residence_address", "Indirizzo di residenza", "text", "Indirizzo residenza",
       "Indirizzo", "Via", "Residenza indirizzo"),
    _f("residence_comune", "Comune di residenza", "place", "Comune residenza", "Comune",
       "Città", "Residenza", "Località", "Citta di residenza"),
    _f("residence_cap", "CAP di residenza", "cap", "CAP", "CAP residenza", "Cap res."),
    _f("residence_province", "Provincia di residenza", "province", "Provincia", "Prov.",
       "Provincia residenza", "Prov. residenza", "Sigla provincia"),
    _f("domicile_address", "Indirizzo di domicilio", "text", "Indirizzo domicilio"),
    _f("domicile_comune", "Comune di domicilio", "place", "Comune domicilio"),
    _f("domicile_cap", "CAP di domicilio", "cap", "CAP domicilio"),
    _f("domicile_province", "Provincia di domicilio", "province", "Provincia domicilio",
       "Prov. domicilio"),
    _f("mobile", "Cellulare", "phone", "Cell.", "Cell", "Telefono cellulare", "Tel. cellulare",
       "Mobile", "Numero cellulare"),
    _f("phone", "Telefono", "phone", "Tel.", "Tel", "Telefono fisso", "Altro recapito",
       "Recapito telefonico", "Recapito", "Numero di telefono"),
    _f("email", "Email", "email", "E-mail", "Mail", "Posta elettronica", "Indirizzo email",
       "Indirizzo e-mail"),
    _f("education_level", "Titolo di studio", "text", "Livello di istruzione", "Istruzione",
       "Scolarità"),
    _f("driving_licence", "Patente", "text", "Patente di guida"),
    _f("notes", "Note", "text", "Annotazioni", "Osservazioni"),
    _f("former_employer", "Azienda", "text", "Datore di lavoro", "Ragione sociale",
       "Azienda di provenienza", "Denominazione azienda", target="employment"),
    _f("former_employer_cf", "Codice fiscale azienda", "text", "CF azienda", "P.IVA azienda",
       "Partita IVA azienda", target="employment"),
    _f("hired_on", "Data assunzione", "date", "Data di assunzione", "Assunto il",
       "Data inizio rapporto", "Data di inizio rapporto", "Inizio rapporto",
       "Data inizio rapporto di lavoro", "Data assunzione lavoratore", "Assunzione",
       target="employment"),
    _f("exit_on", "Data cessazione", "date", "Data di cessazione", "Data licenziamento",
       "Data uscita", "Data cessazione rapporto", "Data di cessazione del rapporto",
       "Data cessazione rapporto di lavoro", "Cessazione rapporto", "Data fine rapporto",
       "Data fine rapporto di lavoro", "Data di uscita", target="employment"),
    _f("qualifica", "Qualifica", "code", "Qualifica professionale", "Inquadramento",
       "Codice qualifica", target="employment", codes="qualifica"),
    # the job title as written ("Operatore call center inbound"): the same column of the
    # situation that holds the description of a coded qualifica
    _f("job_title", "Qualifica (descrizione)", "text", "Mansione", "Mansione svolta",
       "Descrizione qualifica", "Qualifica descrizione", "Profilo professionale",
       "Figura professionale", target="employment", column="qualifica"),
    _f("orario", "Orario", "code", "Tipo orario", "Orario di lavoro", "Full time/Part time",
       "Tempo pieno/parziale", "Codice orario", target="employment", codes="orario"),
    _f("weekly_hours", "Ore settimanali", "number", "Ore sett.", "Orario settimanale",
       "Ore a settimana", target="employment"),
    # the safety net: its kind, and the dates of CIGS and NASpI (or of "the" safety net,
    # routed per row to the CIGS or NASpI dates by the kind written in the same row)
    _f("safety_net", "Ammortizzatore sociale", "code", "Ammortizzatore", "Tipo ammortizzatore",
       "Ammortizzatori sociali", "Ammortizzatore in corso", "Sostegno al reddito",
       "Tipo sostegno al reddito", "Trattamento in corso", "Tipo di ammortizzatore",
       target="employment", codes="ammortizzatore"),
    _f("net_start", "Data inizio ammortizzatore", "date", "Inizio ammortizzatore",
       "Decorrenza ammortizzatore", "Data inizio trattamento", "Inizio trattamento",
       "Data decorrenza ammortizzatore", "Ammortizzatore dal", target="employment"),
    _f("net_end", "Data fine ammortizzatore", "date", "Fine ammortizzatore",
       "Scadenza ammortizzatore", "Data fine trattamento", "Fine trattamento",
       "Data scadenza ammortizzatore", "Ammortizzatore al", target="employment"),
    _f("cigs_start", "Data inizio CIGS", "date", "Data inizio CIG", "Inizio CIGS", "Inizio CIG",
       "Data inizio cassa integrazione", "Inizio cassa integrazione", "CIGS dal",
       "Decorrenza CIGS", "Data decorrenza CIGS", "Data inizio CIGS cessazione",
       target="employment"),
    _f("cigs_end", "Data fine CIGS", "date", "Data fine CIG", "Fine CIGS", "Fine CIG",
       "Data fine cassa integrazione", "Fine cassa integrazione", "CIGS al", "Scadenza CIGS",
       "Data scadenza CIGS", "Data fine CIGS cessazione", target="employment"),
    _f("naspi_start", "Data inizio NASpI", "date", "Inizio NASpI", "NASpI dal",
       "Decorrenza NASpI", "Data decorrenza NASpI", "Data domanda NASpI", target="employment"),
    _f("naspi_end", "Data fine NASpI", "date", "Fine NASpI", "NASpI al", "Scadenza NASpI",
       "Data scadenza NASpI", target="employment"),
    _f("did_on", "Data DID", "date", "DID", "Data dichiarazione immediata disponibilità",
       target="employment"),
)}

# Qualifica and orario codes of the Region's code lists (Codifiche.xls, "QUALIFICA - ORARIO").
DEFAULT_CODE_LISTS: dict[str, dict[str, str]] = {
    "qualifica": {"O": "Operaio", "I": "Impiegato", "Q": "Quadro", "M": "Intermedio",
                  "A": "Apprendista"},
    "orario": {"F": "Full Time", "P": "Part Time"},
    # codes.SafetyNet: the stored value and how the lists write it
    "ammortizzatore": {"cigs": "CIGS", "cigs_cessazione": "CIGS per cessazione",
                       "naspi": "NASpI", "nessuno": "Nessuno"},
}
# Other ways clerks write the same code values.
CODE_ALIASES: dict[str, dict[str, str]] = {
    "orario": {"tempo pieno": "F", "full time": "F", "fulltime": "F", "full": "F",
               "tempo parziale": "P", "part time": "P", "parttime": "P", "part": "P"},
    "qualifica": {"operaia": "O", "impiegata": "I", "dirigente": "Q"},
    "ammortizzatore": {
        "cig straordinaria": "cigs", "cassa integrazione straordinaria": "cigs",
        "cigs ordinaria": "cigs", "cigs riorganizzazione": "cigs", "cigs crisi": "cigs",
        "cigs crisi aziendale": "cigs", "cigs cessazione": "cigs_cessazione",
        "cigs per cessazione attività": "cigs_cessazione",
        "cigs per cessazione attivita": "cigs_cessazione",
        "cigs cessazione attività": "cigs_cessazione", "cigs cessazione attivita": "cigs_cessazione",
        "cigs (cessazione)": "cigs_cessazione", "cigs - cessazione": "cigs_cessazione",
        "cigs cessata attività": "cigs_cessazione", "cessazione": "cigs_cessazione",
        "nas.p.i.": "naspi", "nas.p.i": "naspi", "disoccupazione": "naspi",
        "indennità di disoccupazione": "naspi", "indennita di disoccupazione": "naspi",
        "nessuna": "nessuno", "nessun ammortizzatore": "nessuno", "no": "nessuno",
        "-": "nessuno", "n/a": "nessuno", "senza ammortizzatore": "nessuno"},
}

# Date fields of "the" safety net, stored as the CIGS or the NASpI dates by the kind of
# safety net written in the same row (``ROUTED[field][kind]`` is the column).
ROUTED: dict[str, dict[str, str]] = {
    "net_start": {"cigs": "cigs_start", "cigs_cessazione": "cigs_start", "naspi": "naspi_start"},
    "net_end": {"cigs": "cigs_end", "cigs_cessazione": "cigs_end", "naspi": "naspi_end"},
}

# A code field whose column holds values of another kind is read as the field of the same
# meaning that takes them: job titles under "Qualifica", weekly hours under "Orario".
ALTERNATIVES: dict[str, str] = {"qualifica": "job_title", "orario": "weekly_hours"}

# Headers of columns the Regions send that have no field in Sportello: why they are not
# imported (said in the preview, the CLI summary and the import record).
NOT_STORED: dict[str, str] = {
    "Giornate CIG": "Sportello non tiene il conto delle giornate di cassa integrazione",
    "Totale Ore CIG": "Sportello non tiene il conto delle ore di cassa integrazione",
    "Ore CIG": "Sportello non tiene il conto delle ore di cassa integrazione",
    "N.": "numero d'ordine della riga",
    "N. progressivo": "numero d'ordine della riga",
    "Progressivo": "numero d'ordine della riga",
}


# Columns that are only the row's number in the list: never kept as an extra value.
ROW_NUMBER_HEADERS = ("N.", "N. progressivo", "Progressivo", "Nr.", "Num.", "N")


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in FIELDS.values():
        for synonym in spec.synonyms:
            index.setdefault(normalise_header(synonym), spec.key)
    return index


@lru_cache(maxsize=1)
def _not_stored_index() -> dict[str, str]:
    return {normalise_header(h): why for h, why in NOT_STORED.items()}


def keepable(header: object) -> bool:
    """Whether an unused column may be kept on the file as an extra labelled value."""
    folded = normalise_header(header)
    return bool(folded) and folded not in {normalise_header(h) for h in ROW_NUMBER_HEADERS}


def not_stored_reason(header: object) -> str | None:
    """Why a known column without a field in Sportello is not imported, else None."""
    return _not_stored_index().get(normalise_header(header))


def match_header(text: object) -> tuple[str | None, float]:
    """(field, confidence 0..1) for one header cell."""
    key = normalise_header(text)
    if not key or len(key) > 60:
        return None, 0.0
    index = _synonym_index()
    if key in index:
        return index[key], 1.0
    best, score = None, 0.0
    for synonym, fld in index.items():
        if len(synonym) < 4:
            continue
        ratio = difflib.SequenceMatcher(None, key, synonym).ratio()
        if ratio > score:
            best, score = fld, ratio
    if score >= 0.84:
        return best, round(score * 0.9, 2)
    return None, 0.0


# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class ProfileColumn:
    header: str
    field: str | None
    codes: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"header": self.header, "field": self.field}
        if self.codes:
            out["codes"] = self.codes
        return out


@dataclass(frozen=True)
class Profile:
    name: str
    columns: tuple[ProfileColumn, ...]
    kind: str = "workers"
    source: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    date_format: str = "DD/MM/YYYY"
    code_lists: dict[str, dict[str, str]] = field(default_factory=dict)
    origin: str = "utente"  # "predefinito" (shipped) or "utente" (database)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT, "name": self.name, "kind": self.kind}
        if self.source:
            out["source"] = self.source
        if self.sheet:
            out["sheet"] = self.sheet
        if self.header_row:
            out["header_row"] = self.header_row
        out["date_format"] = self.date_format
        out["columns"] = [c.to_json() for c in self.columns]
        if self.code_lists:
            out["code_lists"] = self.code_lists
        return out

    def code_list(self, name: str | None) -> dict[str, str] | None:
        if not name:
            return None
        return self.code_lists.get(name) or DEFAULT_CODE_LISTS.get(name)

    def export_value(self, column: ProfileColumn, value: object) -> object:
        """The value an exporter writes in ``column`` (codes encoded back)."""
        if value is None or not column.codes:
            return value
        if column.codes == "belfiore":
            return belfiore_of(str(value)) or value
        table = self.code_list(column.codes) or {}
        if column.codes == "ammortizzatore" and str(value) in table:
            return table[str(value)]  # stored as codes.SafetyNet, written as the lists do
        folded = normalise_header(value)
        for code, label in table.items():
            if normalise_header(label) == folded or code == str(value):
                return code
        return value


def belfiore_of(place_name: str) -> str | None:
    """The Belfiore code of a comune or country name, when unambiguous."""
    found = cf.places_by_name().get(normalise_header(place_name))
    return found[0][0] if found and len({f[0] for f in found}) == 1 else None


def profile_from_json(data: object, *, origin: str = "utente") -> Profile:
    """Validate and build a profile (ValidationError with an Italian message)."""
    if not isinstance(data, dict):
        raise ValidationError("Profilo non valido: serve un oggetto JSON.", "profile")
    name = str(data.get("name") or "").strip()
    if not name:
        raise ValidationError("Profilo non valido: manca il nome.", "profile")
    raw_columns = data.get("columns")
    if not isinstance(raw_columns, list) or not raw_columns:
        raise ValidationError(f"Profilo «{name}»: nessuna colonna.", "profile")
    code_lists_raw = data.get("code_lists") or {}
    if not isinstance(code_lists_raw, dict):
        raise ValidationError(f"Profilo «{name}»: code_lists deve essere un oggetto.", "profile")
    code_lists = {str(k): {str(c): str(lbl) for c, lbl in v.items()}
                  for k, v in code_lists_raw.items() if isinstance(v, dict)}
    columns: list[ProfileColumn] = []
    used: set[str] = set()
    for i, col in enumerate(raw_columns, start=1):
        if not isinstance(col, dict) or not str(col.get("header") or "").strip():
            raise ValidationError(f"Profilo «{name}»: la colonna {i} non ha intestazione.",
                                  "profile")
        fld = col.get("field")
        if fld is not None:
            fld = str(fld)
            if fld not in FIELDS:
                raise ValidationError(f"Profilo «{name}»: campo sconosciuto «{fld}» nella "
                                      f"colonna «{col['header']}».", "profile")
            if fld in used:
                raise ValidationError(f"Profilo «{name}»: il campo «{FIELDS[fld].label}» è "
                                      "assegnato a due colonne.", "profile")
            used.add(fld)
        codes = col.get("codes")
        if codes is not None:
            codes = str(codes)
            if codes != "belfiore" and codes not in code_lists and codes not in DEFAULT_CODE_LISTS:
                raise ValidationError(f"Profilo «{name}»: elenco di codici «{codes}» non "
                                      "definito.", "profile")
        columns.append(ProfileColumn(str(col["header"]).strip(), fld, codes))
    if "codice_fiscale" not in used:
        raise ValidationError(f"Profilo «{name}»: manca la colonna del codice fiscale.",
                              "profile")
    header_row = data.get("header_row")
    return Profile(
        name=name, columns=tuple(columns), kind=str(data.get("kind") or "workers"),
        source=data.get("source"), sheet=data.get("sheet"),
        header_row=int(header_row) if isinstance(header_row, int) and header_row > 0 else None,
        date_format=str(data.get("date_format") or "DD/MM/YYYY"), code_lists=code_lists,
        origin=origin)


def shipped_profiles() -> list[Profile]:
    """Profiles shipped in resources/profiles (known Region layouts)."""
    try:
        folder = resource("profiles")
    except FileNotFoundError:
        return []
    found = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.append(profile_from_json(data, origin="predefinito"))
    return found


# --------------------------------------------------------------------------- a sheet's mapping


@dataclass(frozen=True)
class ColumnMapping:
    """One column of the sheet and the field it goes to (``field`` None: not imported)."""

    index: int  # 1-based Excel column number
    header: str
    field: str | None
    confidence: float = 1.0
    codes: str | None = None  # code list name, or "belfiore"
    reason: str | None = None  # why the values chose this field or reading (Italian)

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    def reading(self) -> str:
        """"K «Qualifica» -> Qualifica (descrizione): why" for a reading chosen by the values."""
        label = FIELDS[self.field].label if self.field in FIELDS else "non importata"
        return f"{self.letter} «{self.header}» -> {label}: {self.reason}"


@dataclass(frozen=True)
class UnusedColumn:
    """A column with a header or with values that the mapping does not import."""

    index: int
    header: str  # "" for a column with values but no header
    reason: str
    kept: bool = False  # kept on the files as an extra labelled value (ImportSettings.keep_extra)

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    def outcome(self) -> str:
        """What the import does with the column (said in the summary and the record)."""
        return ("conservata nei fascicoli come dato aggiuntivo" if self.kept
                else "ignorata")

    def text(self) -> str:
        named = f"«{self.header}»" if self.header else "(senza intestazione)"
        return f"{self.letter} {named}: {self.reason} ({self.outcome()})"


@dataclass(frozen=True)
class ImportSettings:
    """What the clerk confirms in the wizard: sheet, header row, column mapping."""

    sheet: str
    header_row: int  # 1-based, as Excel shows it
    columns: tuple[ColumnMapping, ...]
    profile: str | None = None
    code_lists: dict[str, dict[str, str]] = field(default_factory=dict)
    # the columns the mapping does not import, with a header and values, are kept on the
    # files as extra labelled values (Worker.extra_values) instead of being ignored
    keep_extra: bool = False

    def with_field(self, index: int, field_key: str | None, codes: str | None = None) -> ImportSettings:
        """A copy with column ``index`` mapped to ``field_key`` (a GUI combo box change)."""
        if field_key is not None and field_key not in FIELDS:
            raise ValidationError(f"Campo sconosciuto: {field_key}.", "field")
        cols = []
        for c in self.columns:
            if c.index == index:
                c = dataclasses.replace(c, field=field_key, confidence=1.0, codes=codes,
                                        reason=None)
            elif field_key is not None and c.field == field_key:
                c = dataclasses.replace(c, field=None, confidence=0.0, codes=None, reason=None)
            cols.append(c)
        return dataclasses.replace(self, columns=tuple(cols))


def profile_from_settings(name: str, settings: ImportSettings, *, source: str | None = None) -> Profile:
    """A profile from the mapping confirmed in the wizard (every column, in sheet order)."""
    cols = tuple(ProfileColumn(c.header or c.letter, c.field, c.codes)
                 for c in sorted(settings.columns, key=lambda c: c.index))
    lists = {k: v for k, v in settings.code_lists.items()
             if any(c.codes == k for c in cols)}
    return profile_from_json(Profile(name=name, columns=cols, sheet=settings.sheet,
                                     header_row=settings.header_row, source=source,
                                     code_lists=lists).to_json())
