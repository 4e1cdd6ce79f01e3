"""Importing the Region's list of hires (an extract of the *comunicazioni obbligatorie*).

The hires that happen outside the counter reach the CPI as a list: codice fiscale, employer
(name and VAT number or codice fiscale), hiring date, contract type, weekly hours, end
date. Without them "how many were placed" is undercounted. Two steps, as for the workers:

1. ``analyse(ctx, path)``: the sheet and its header row are found by the columns' names
   (synonyms below, case, accents and punctuation ignored), every row is checked (errors
   with the Excel row and column), each codice fiscale is looked up: the hires of known
   files, those already recorded (same file, employer and date: a list imported twice
   records nothing the second time) and the codici fiscali without a file. Nothing is
   written.
2. ``apply(ctx, analysis, dry_run=...)``: all or nothing, in one transaction. Each hire of a
   known file is recorded as a placement (``placements.hire_in``: the open reinsertion
   pathways close with outcome "ricollocato"); a missing employer is created. A list with
   any error writes nothing (``ImportRefused``). Every record goes through the ORM, so the
   audit hook logs each one; one ``import_hires`` row sums it up, and an
   ``ExchangeRecord`` (kind "hires") keeps the counts and the unmatched codici fiscali.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from sportello.core import audit, permissions
from sportello.core import codice_fiscale as cf
from sportello.core.codes import ContractType, ExchangeKind, ExchangeStatus, Role
from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.exchange import sheet_reader, values
from sportello.core.exchange.sheet_reader import SheetData, UnreadableFile, column_letter
from sportello.core.models import Employer, ExchangeRecord, Hire, Pathway, Worker
from sportello.core.services.imports import HEADER_SCAN_ROWS, ImportRefused, Issue, cell_text
from sportello.core.services.pathways import OPEN
from sportello.core.services.placements import REINSERTION_KINDS, employer_in, hire_in
from sportello.core.text import fold, normalise_header

KIND = "hires"  # ExchangeRecord.kind

# field -> (label, synonyms): how the extracts of the comunicazioni obbligatorie name them
HIRE_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "codice_fiscale": ("Codice fiscale", (
        "Codice fiscale", "CF", "C.F.", "Cod. fiscale", "Codice fiscale lavoratore",
        "CF lavoratore", "C.F. lavoratore", "Lavoratore codice fiscale")),
    "employer": ("Datore di lavoro", (
        "Datore di lavoro", "Azienda", "Ragione sociale", "Denominazione datore di lavoro",
        "Denominazione azienda", "Ragione sociale datore", "Datore", "Impresa",
        "Azienda utilizzatrice")),
    "employer_cf": ("CF / P.IVA del datore", (
        "Codice fiscale datore di lavoro", "CF datore", "CF datore di lavoro", "P.IVA",
        "Partita IVA", "Partita IVA datore", "CF azienda", "P.IVA azienda",
        "Codice fiscale azienda", "CF/P.IVA datore")),
    "hired_on": ("Data di assunzione", (
        "Data assunzione", "Data di assunzione", "Data inizio rapporto", "Data inizio",
        "Inizio rapporto", "Data avviamento", "Data di avviamento", "Decorrenza")),
    "contract_type": ("Tipo di contratto", (
        "Tipo contratto", "Tipo di contratto", "Tipologia contrattuale", "Contratto",
        "Tipologia contratto", "Tipologia di contratto", "Forma contrattuale")),
    "weekly_hours": ("Ore settimanali", (
        "Ore settimanali", "Ore sett.", "Orario settimanale", "Ore medie settimanali",
        "Ore a settimana")),
    "end_on": ("Data di fine", (
        "Data fine", "Data fine rapporto", "Data cessazione", "Data di cessazione",
        "Data fine contratto", "Data termine", "Scadenza contratto", "Data fine prevista")),
    "qualifica": ("Qualifica", ("Qualifica", "Qualifica professionale", "Mansione",
                                "Profilo professionale")),
}
REQUIRED = ("codice_fiscale", "employer", "hired_on", "contract_type")

# contract types as the lists write them (also the Unilav families A.01 indeterminato,
# A.02 determinato, A.03 apprendistato)
CONTRACT_WORDS: tuple[tuple[str, str], ...] = (
    ("apprendist", ContractType.APPRENDISTATO), ("somministr", ContractType.SOMMINISTRAZIONE),
    ("interinal", ContractType.SOMMINISTRAZIONE), ("tirocin", ContractType.TIROCINIO),
    ("stage", ContractType.TIROCINIO), ("collaboraz", ContractType.COLLABORAZIONE),
    ("cococo", ContractType.COLLABORAZIONE), ("indeterminat", ContractType.INDETERMINATO),
    ("determinat", ContractType.DETERMINATO),
)
CONTRACT_CODES = {"ti": ContractType.INDETERMINATO, "td": ContractType.DETERMINATO,
                  "a0100": ContractType.INDETERMINATO, "a0200": ContractType.DETERMINATO}
_UNILAV_APPRENTICE = re.compile(r"a03\d\d")
_PIVA = re.compile(r"\d{11}|[A-Z0-9]{16}")

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class HireLine:
    """One valid row of the list."""

    row: int
    code: str
    employer: str
    employer_cf: str | None
    hired_on: dt.date
    contract_type: str
    weekly_hours: float | None
    end_on: dt.date | None
    qualifica: str | None


@dataclass(frozen=True)
class Matched:
    line: HireLine
    worker_id: int
    who: str
    open_paths: int  # open reinsertion pathways the hire closes


@dataclass
class HiresAnalysis:
    path: Path
    file_name: str
    sha256: str
    sheet: str
    header_row: int
    columns: dict[str, int]  # field -> Excel column number
    rows_total: int
    errors: list[Issue]
    to_record: list[Matched]
    already: list[Matched]  # the same hire is on the file already
    unmatched: list[HireLine]  # codici fiscali without a file
    skipped: list[Issue] = field(default_factory=list)  # rows that are no hire (totals)

    @property
    def paths_to_close(self) -> int:
        return sum(m.open_paths for m in self.to_record)

    def summary(self) -> list[str]:
        labels = ", ".join(f"{column_letter(i)} {HIRE_FIELDS[k][0]}"
                           for k, i in sorted(self.columns.items(), key=lambda kv: kv[1]))
        lines = [f"File: {self.file_name} (foglio «{self.sheet}», intestazione in riga "
                 f"{self.header_row}); colonne: {labels}",
                 f"Assunzioni nell'elenco: {self.rows_total}; da registrare: "
                 f"{len(self.to_record)}; già registrate: {len(self.already)}; codici fiscali "
                 f"senza fascicolo: {len(self.unmatched)}; righe con errori: "
                 f"{len({e.row for e in self.errors})}; percorsi di ricollocazione da chiudere: "
                 f"{self.paths_to_close}"]
        lines += [f"Senza fascicolo: riga {u.row}, {u.code} ({u.employer}, "
                  f"{u.hired_on:%d/%m/%Y})" for u in self.unmatched]
        lines += [f"Nota: la riga {n.row} {n.message}" for n in self.skipped]
        return lines


@dataclass(frozen=True)
class HiresResult:
    exchange_id: int | None  # None for a dry run
    recorded: int
    already: int
    unmatched: list[str]  # codici fiscali
    closed_paths: int
    employers_created: int
    dry_run: bool

    def summary(self) -> str:
        what = "Prova (nessun dato scritto)" if self.dry_run else \
            f"Elenco delle assunzioni n. {self.exchange_id} registrato"
        return (f"{what}: {self.recorded} assunzioni registrate, {self.closed_paths} percorsi "
                f"chiusi come «ricollocato», {self.already} già presenti, "
                f"{len(self.unmatched)} codici fiscali senza fascicolo, "
                f"{self.employers_created} aziende nuove.")


# --------------------------------------------------------------------------- reading


def _index() -> dict[str, str]:
    found: dict[str, str] = {}
    for key, (_label, synonyms) in HIRE_FIELDS.items():
        for synonym in synonyms:
            found.setdefault(normalise_header(synonym), key)
    return found


def _header(sheet: SheetData) -> tuple[int, dict[str, int]] | None:
    """(row index, field -> Excel column) of the row among the first that names the most
    fields, when it names the required ones."""
    index = _index()
    best: tuple[int, dict[str, int]] | None = None
    for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        for j, cell in enumerate(row):
            key = index.get(normalise_header(cell_text(cell)))
            if key is not None and key not in found:
                found[key] = sheet.first_col + j
        if all(k in found for k in REQUIRED) and (best is None or len(found) > len(best[1])):
            best = (i, found)
    return best


def contract_type(value: object) -> str:
    """A contract type as the lists write it -> ``ContractType`` (CellError otherwise)."""
    raw = values.text(value) or ""
    key = normalise_header(raw)
    if raw in set(ContractType):
        return raw
    if key in CONTRACT_CODES:
        return CONTRACT_CODES[key]
    if _UNILAV_APPRENTICE.fullmatch(key):
        return ContractType.APPRENDISTATO
    for word, kind in CONTRACT_WORDS:
        if word in key:
            return kind
    raise values.CellError(f"«{values.describe(raw)}» non è un tipo di contratto riconosciuto "
                           "(tempo indeterminato, tempo determinato, apprendistato, "
                           "somministrazione, collaborazione, tirocinio)")


def _employer_cf(value: object) -> str | None:
    raw = re.sub(r"\s+", "", values.text(value) or "").upper()
    if raw.startswith("IT") and len(raw) == 13:
        raw = raw[2:]
    if raw.isdigit() and len(raw) < 11:  # a VAT number read as a number lost its zeros
        raw = raw.zfill(11)
    if raw and not _PIVA.fullmatch(raw):
        raise values.CellError(f"«{values.describe(raw)}» non è una partita IVA (11 cifre) né "
                               "un codice fiscale (16 caratteri)")
    return raw or None


_CONVERT: dict[str, Callable[[object], object]] = {
    "codice_fiscale": values.codice_fiscale, "employer": values.text,
    "employer_cf": _employer_cf, "hired_on": values.date, "contract_type": contract_type,
    "weekly_hours": values.number, "end_on": values.date, "qualifica": values.text,
}


def _lines(sheet: SheetData, header_index: int, columns: dict[str, int]
           ) -> tuple[list[HireLine], list[Issue], list[Issue], int]:
    """(valid lines, errors, skipped rows, rows with data) of the rows under the header."""
    lines: list[HireLine] = []
    errors: list[Issue] = []
    skipped: list[Issue] = []
    counted = 0
    problems = sheet_reader.problems_by_row(sheet)
    first = sheet.first_row + header_index + 1
    for i, row in enumerate(sheet.rows[header_index + 1:]):
        rownum = first + i
        got: dict[str, object] = {}
        row_errors: list[Issue] = []
        bad = problems.get(rownum, {}) if problems else {}
        filled = [v for v in row if v is not None and cell_text(v)]
        if not filled:
            continue
        code_cell = row[columns["codice_fiscale"] - sheet.first_col] \
            if columns["codice_fiscale"] - sheet.first_col < len(row) else None
        first_text = cell_text(filled[0])
        if len(filled) <= 3 and not (isinstance(code_cell, str) and len(code_cell.strip()) >= 16) \
                and re.match(r"(tot|totale|totali|n\.|numero|fonte|nota)\b", fold(first_text)):
            skipped.append(Issue(rownum, None, None, f"non è un'assunzione («{first_text[:40]}»): "
                                 "non importata.", "nota"))
            continue
        counted += 1
        for key, index in columns.items():
            j = index - sheet.first_col
            raw = row[j] if j < len(row) else None
            label = HIRE_FIELDS[key][0]
            if index in bad:
                row_errors.append(Issue(rownum, column_letter(index), None,
                                        f"{label}: {bad[index]}"))
                continue
            if raw is None or not cell_text(raw):
                if key in REQUIRED:
                    row_errors.append(Issue(rownum, column_letter(index), label,
                                            f"{label}: manca."))
                continue
            try:
                got[key] = _CONVERT[key](raw)
            except values.CellError as exc:
                row_errors.append(Issue(rownum, column_letter(index), label, f"{label}: {exc}"))
        hired, end = got.get("hired_on"), got.get("end_on")
        if isinstance(hired, dt.date) and isinstance(end, dt.date) and end < hired:
            index = columns["end_on"]
            row_errors.append(Issue(rownum, column_letter(index), HIRE_FIELDS["end_on"][0],
                                    "Data di fine: precede la data di assunzione."))
        hours = got.get("weekly_hours")
        if isinstance(hours, float) and not 0 < hours <= 60:
            index = columns["weekly_hours"]
            row_errors.append(Issue(rownum, column_letter(index), HIRE_FIELDS["weekly_hours"][0],
                                    f"Ore settimanali: {values.describe(hours)} fuori "
                                    "dall'intervallo 1-60."))
        if row_errors:
            errors.extend(row_errors)
            continue
        lines.append(HireLine(rownum, str(got["codice_fiscale"]), str(got["employer"])[:200],
                              got.get("employer_cf"),  # type: ignore[arg-type]
                              got["hired_on"], str(got["contract_type"]),  # type: ignore[arg-type]
                              hours, got.get("end_on"),  # type: ignore[arg-type]
                              (str(got["qualifica"])[:200] if got.get("qualifica") else None)))
    return lines, errors, skipped, counted


# --------------------------------------------------------------------------- the two steps


def analyse(ctx: Context, path: Path | str) -> HiresAnalysis:
    """Step 1: read, check and match every row; nothing is written."""
    path = Path(path)
    book = sheet_reader.read_all(path, while_waiting=cf.places_by_name)
    found = next(((sheet, hit) for sheet in book.sheets
                  if (hit := _header(sheet)) is not None), None)
    if found is None:
        if all(not s.rows for s in book.sheets):
            raise UnreadableFile(f"Il file {path.name} è vuoto: nessun dato nei fogli.")
        raise ValidationError(
            f"In {path.name} non trovo la riga di intestazione di un elenco di assunzioni: "
            "servono almeno le colonne codice fiscale, datore di lavoro, data di assunzione e "
            "tipo di contratto.", "sheet")
    sheet, (header_index, columns) = found
    lines, errors, skipped, counted = _lines(sheet, header_index, columns)
    if counted == 0:
        raise UnreadableFile(f"Il foglio «{sheet.name}» non contiene assunzioni sotto "
                             "l'intestazione.")
    to_record: list[Matched] = []
    already: list[Matched] = []
    unmatched: list[HireLine] = []
    with ctx.read() as s:
        codes = sorted({line.code for line in lines})
        people = {code: (wid, f"{surname} {name}") for code, wid, surname, name in s.execute(
            select(Worker.codice_fiscale, Worker.id, Worker.surname, Worker.name)
            .where(Worker.codice_fiscale.in_(codes)))} if codes else {}
        ids = [wid for wid, _who in people.values()]
        recorded = {(wid, fold(name), on) for wid, name, on in s.execute(
            select(Hire.worker_id, Employer.name, Hire.hired_on)
            .join(Employer, Employer.id == Hire.employer_id)
            .where(Hire.worker_id.in_(ids)))} if ids else set()
        open_paths: dict[int, int] = {}
        if ids:
            for wid in s.scalars(select(Pathway.worker_id).where(
                    Pathway.worker_id.in_(ids), Pathway.kind.in_(REINSERTION_KINDS),
                    Pathway.status.in_(OPEN))):
                open_paths[wid] = open_paths.get(wid, 0) + 1
    seen: set[tuple[int, str, dt.date]] = set()
    for line in lines:
        person = people.get(line.code)
        if person is None:
            unmatched.append(line)
            continue
        wid, who = person
        key = (wid, fold(line.employer), line.hired_on)
        closes = open_paths.pop(wid, 0)  # the first hire of the file closes its pathways
        match = Matched(line, wid, who, closes)
        (already if key in recorded or key in seen else to_record).append(match)
        seen.add(key)
    return HiresAnalysis(path, path.name, sheet_reader.sha256_of(path), sheet.name,
                         sheet.first_row + header_index, columns, counted, errors, to_record,
                         already, unmatched, skipped)


def apply(ctx: Context, analysis: HiresAnalysis, *, dry_run: bool = False) -> HiresResult:
    """Step 2: every hire of a known file recorded, all or nothing (``dry_run``: rolled back)."""
    actor = permissions.require(ctx.actor, Role.OPERATORE, "registrare le assunzioni")
    if analysis.errors:
        n = len({e.row for e in analysis.errors})
        raise ImportRefused("\n".join(
            [f"Elenco delle assunzioni rifiutato: {n} {'riga' if n == 1 else 'righe'} con errori, "
             "nessun dato scritto. Correggere il foglio e riprovare."]
            + [e.text() for e in analysis.errors]), analysis.errors)

    class _Rollback(Exception):
        pass

    result: HiresResult | None = None
    try:
        with ctx.write() as s:
            employers: dict[tuple[str | None, str], int] = {}
            created = closed = 0
            for m in analysis.to_record:
                line = m.line
                key = (line.employer_cf, fold(line.employer))
                if key not in employers:
                    employers[key], new = employer_in(s, line.employer, line.employer_cf)
                    created += new
                try:
                    hire = hire_in(s, worker_id=m.worker_id, employer_id=employers[key],
                                   hired_on=line.hired_on, contract_type=line.contract_type,
                                   weekly_hours=line.weekly_hours, end_on=line.end_on,
                                   qualifica=line.qualifica)
                except ValidationError as exc:
                    raise ImportRefused(f"Riga {line.row}: {exc} Nessun dato scritto.") from exc
                closed += m.open_paths if hire.pathway_id is not None else 0
            unmatched = [u.code for u in analysis.unmatched]
            record = ExchangeRecord(
                direction=ExchangeKind.IMPORT, kind=KIND, file_name=analysis.file_name[:400],
                sha256=analysis.sha256, operator_id=actor.id, rows_total=analysis.rows_total,
                rows_inserted=len(analysis.to_record), rows_unchanged=len(analysis.already),
                rows_error=len(unmatched), status=ExchangeStatus.COMPLETATO,
                report={"sheet": analysis.sheet, "header_row": analysis.header_row,
                        "mapping": {column_letter(i): k for k, i in analysis.columns.items()},
                        "unmatched": [f"Riga {u.row}: {u.code} senza fascicolo ({u.employer}, "
                                      f"{u.hired_on:%d/%m/%Y})" for u in analysis.unmatched],
                        "already": [f"Riga {m.line.row}: {m.who}, già registrata"
                                    for m in analysis.already],
                        "row_people": {str(u.row): u.code for u in analysis.unmatched}})
            s.add(record)
            s.flush()
            audit.record(s, "import_hires", entity="exchange_record", entity_id=record.id,
                         changes={"file": analysis.file_name, "sha256": analysis.sha256,
                                  "registrate": len(analysis.to_record),
                                  "gia_presenti": len(analysis.already),
                                  "senza_fascicolo": len(unmatched), "percorsi_chiusi": closed},
                         detail=f"Assunzioni da {analysis.file_name}: "
                                f"{len(analysis.to_record)} registrate, {closed} percorsi chiusi")
            result = HiresResult(None if dry_run else record.id, len(analysis.to_record),
                                 len(analysis.already), unmatched, closed, created, dry_run)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert result is not None
    return result


def import_hires(ctx: Context, path: Path | str, *, dry_run: bool = False) -> HiresResult:
    """Both steps in one call."""
    return apply(ctx, analyse(ctx, path), dry_run=dry_run)


