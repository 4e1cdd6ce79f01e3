"""Importing the Region's worker lists from Excel/OpenDocument sheets.

The GUI wizard and the CLI go through the same steps:

1. ``inspect_file(ctx, path)``: sheets, the header row found in each, a proposed
   mapping (field and confidence per column), a few preview rows. Nothing is written.
2. ``analyse(ctx, path, settings, vertenza=..., progress=...)``: every row read and
   checked: errors and warnings (row as Excel numbers it, column letter and header,
   reason in Italian), repeated codici fiscali merged, and against the database: new
   files, updates, unchanged files and *conflicts*. Nothing is written.
3. ``apply(ctx, analysis, valid_only=..., dry_run=...)``: one transaction. By default a
   sheet with any error writes nothing (``ImportRefused`` lists the errors); with
   ``valid_only`` the valid rows go in and the rest is reported. The database is
   compared again inside the transaction, so what was analysed a minute ago cannot
   overwrite what changed meanwhile.
4. ``undo(ctx, exchange_id)``: the whole import taken back.

Rules of the upsert:
- a worker is found by codice fiscale; a new one gets a file, an existing one is updated
  only in the fields the sheet carries (an empty cell never blanks a field);
- **conflicts**: a field is overwritten only when its current value came from an earlier
  import and nobody changed it since. "Changed since" is read from the audit log (the
  ``create``/``update`` rows of the record after its last import; imports write
  ``import_update`` rows, so they do not count as local edits). A value typed by a clerk
  (or of unknown origin: never imported) that the sheet contradicts is kept and reported
  as a conflict, unless the caller asks to overwrite conflicts (all of them, or the
  chosen ones: ``apply(take_sheet={(codice fiscale, field), ...})``). When the sheet still
  says what the previous import said, the newer local value is simply kept;
- the same sheet imported twice changes nothing the second time;
- a residence/domicile comune without a CAP gets the comune's CAP when it has only one
  (``core.postcodes``, the same rule as the worker form); a deduced CAP never overwrites;
- with a vertenza, each worker gets (or keeps) an ``EmploymentSituation`` in it, which
  receives the employment columns (qualifica, orario, CIGS dates...).

Audit: rows are written in bulk with Core statements, which bypass the ORM audit hook.
Each import writes one summarising audit row (``import``: file, hash, counts), one
``import_update`` row with old -> new values for every *existing* record it changed
(those are the changes a clerk may ask about), and an ``ImportChange`` row for every
record it inserted or updated (what undo needs). New files are not audited one by one:
their content is the sheet itself (hash in ``ExchangeRecord``), and their creation is in
``ImportChange``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from sportello.core import codice_fiscale as cf
from sportello.core import postcodes
from sportello.core.context import Context
from sportello.core.errors import ConflictError, NotFound, SportelloError, ValidationError
from sportello.core.exchange import sheet_reader, values
from sportello.core.exchange.report import write_error_report
from sportello.core.exchange.profiles import (
    ALTERNATIVES,
    DEFAULT_CODE_LISTS,
    ROUTED,
    FIELDS,
    ColumnMapping,
    ImportSettings,
    UnusedColumn,
    Profile,
    keepable,
    match_header,
    normalise_header,
    not_stored_reason,
    shipped_profiles,
)
from sportello.core.exchange.sheet_reader import SheetData, UnreadableFile
from sportello.core.rules import fields as rules
from sportello.core.models import (
    WORKER_CHILDREN,
    AuditLog,
    EmploymentSituation,
    ExchangeKind,
    ExchangeRecord,
    ExchangeStatus,
    FileStatus,
    ImportChange,
    Role,
    Vertenza,
    VertenzaStatus,
    Worker,
    utcnow,
)
from sportello.core.search import index_inserts_at_end
from sportello.core.text import worker_search_text, worker_sort_keys
from sportello.core import audit, permissions
from sportello.core.audit import plain_value
from sportello.core.services import backups, profile_store

Progress = Callable[[int, int], bool]

HEADER_SCAN_ROWS = 30
PREVIEW_ROWS = 5
CHUNK = 500
REPORT_CAP = 2000  # issues kept in ExchangeRecord.report

# database columns the fields go to (two fields may share one: qualifica and job_title; the
# dates of "the" safety net go to the CIGS or NASpI columns, ROUTED)
WORKER_FIELDS = tuple(dict.fromkeys(f.stored_in for f in FIELDS.values() if f.target == "worker"))
EMPLOYMENT_FIELDS = tuple(dict.fromkeys(f.stored_in for f in FIELDS.values()
                                        if f.target == "employment" and f.key not in ROUTED))
# Filled from other cells (a place's code and province, the qualifica's code).
DERIVED_WORKER = ("birth_place_code", "birth_province")
DERIVED_EMPLOYMENT = ("qualifica_code",)
# Filled from the codice fiscale when the sheet has no value: never a conflict.
FROM_CF = ("sex", "birth_date", "birth_place", "birth_place_code", "birth_province")
# Filled from the comune (core.postcodes) when the sheet has no CAP: never a conflict either.
DEDUCED = (*FROM_CF, "residence_cap", "domicile_cap")
FIELD_LABEL = {k: f.label for k, f in FIELDS.items()} | {
    "birth_place_code": "Codice catastale di nascita", "qualifica_code": "Codice qualifica",
    "extra_values": "Dati aggiuntivi"}
EXTRA = "extra_values"  # the worker column of the kept extra columns ({header: text})


class ImportRefused(SportelloError):
    """The sheet has errors and nothing was written (the message lists them)."""

    def __init__(self, message: str, errors: Sequence[Issue] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)


class ImportCancelled(SportelloError):
    pass


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class SheetPreview:
    name: str
    visible: bool
    rows: int  # rows in the sheet's used area
    header_row: int | None  # 1-based; None: no header recognised
    settings: ImportSettings | None  # proposed mapping
    preview: tuple[tuple[str, ...], ...]  # first data rows as text, mapped columns order
    score: float  # how sure we are this is the workers sheet (0..1)
    unmapped: tuple[str, ...]  # headers that go nowhere


@dataclass(frozen=True)
class FileInspection:
    path: Path
    file_name: str
    format: str
    sheets: tuple[SheetPreview, ...]
    best_sheet: str | None
    profile: str | None  # the profile that fits, if any


@dataclass(frozen=True)
class Issue:
    row: int  # as Excel numbers it
    column: str | None  # letter
    header: str | None
    message: str
    level: str = "errore"  # or "avviso"; "nota" for a row skipped on purpose (totals)

    def text(self) -> str:
        where = f"Riga {self.row}"
        if self.column:
            where += f", colonna {self.column}"
            if self.header:
                where += f" ({self.header})"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Conflict:
    row: int
    column: str | None
    header: str | None
    worker_id: int
    codice_fiscale: str
    who: str
    field: str
    label: str
    local_value: object
    sheet_value: object

    def text(self) -> str:
        return (f"Riga {self.row}, colonna {self.column} ({self.header}): {self.who} "
                f"({self.codice_fiscale}) ha «{values.describe(self.local_value)}» modificato in "
                f"Sportello, il foglio dice «{values.describe(self.sheet_value)}»: mantenuto il "
                "valore di Sportello.")


@dataclass(frozen=True)
class VertenzaChoice:
    """An existing vertenza (code, title or id), or a new one when ``create``."""

    code: str
    title: str | None = None
    company_name: str | None = None
    create: bool = False


@dataclass
class _Record:
    """One worker of the sheet after conversion (rows with the same CF merged)."""

    row: int
    code: str
    worker: dict[str, Any]
    employment: dict[str, Any]
    source: dict[str, ColumnMapping]  # field -> column (for messages)
    rows: list[int]


@dataclass
class _Plan:
    inserts: list[_Record] = field(default_factory=list)
    updates: list[tuple[_Record, dict[str, Any], dict[str, Any], int]] = field(default_factory=list)
    es_inserts: list[tuple[_Record, int | None]] = field(default_factory=list)  # worker id or None
    es_updates: list[tuple[_Record, int, dict[str, Any], dict[str, Any], int, int]] = field(
        default_factory=list)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    bad_codes: set[str] = field(default_factory=set)
    existing: dict[str, dict[str, Any]] = field(default_factory=dict)
    current_es: dict[int, list[int]] = field(default_factory=dict)

    def updated_codes(self) -> set[str]:
        found = {rec.code for rec, *_ in self.updates} | {rec.code for rec, *_ in self.es_updates}
        return found | {rec.code for rec, wid in self.es_inserts if wid is not None}


@dataclass
class Analysis:
    """What importing the sheet would do (plain data for the wizard's preview)."""

    path: Path
    file_name: str
    sha256: str
    format: str
    settings: ImportSettings
    vertenza: VertenzaChoice | None
    vertenza_id: int | None
    rows_total: int  # non-empty data rows
    errors: list[Issue]
    warnings: list[Issue]
    conflicts: list[Conflict]
    to_insert: int
    to_update: int
    unchanged: int
    duplicates_merged: int
    invalid_rows: int
    already_imported: list[tuple[int, dt.datetime]]  # (exchange id, when) with the same hash
    sheet: SheetData = field(repr=False)
    records: list[_Record] = field(repr=False, default_factory=list)
    row_issues: dict[int, list[Issue]] = field(repr=False, default_factory=dict)
    skipped: list[Issue] = field(default_factory=list)  # rows that are not workers (totals)
    unused: list[UnusedColumn] = field(default_factory=list)  # columns not imported, and why

    def readings(self) -> list[str]:
        """The columns whose values chose their field or reading, and why."""
        return [c.reading() for c in self.settings.columns if c.reason]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> list[str]:
        lines = [f"File: {self.file_name} (foglio «{self.settings.sheet}», intestazione in riga "
                 f"{self.settings.header_row})",
                 f"Righe con dati: {self.rows_total}; nuovi fascicoli: {self.to_insert}; "
                 f"aggiornati: {self.to_update}; invariati: {self.unchanged}; righe con errori: "
                 f"{self.invalid_rows}; righe ripetute unite: {self.duplicates_merged}; "
                 f"conflitti: {len(self.conflicts)}; avvisi: {len(self.warnings)}"]
        for reading in self.readings():
            lines.append(f"Lettura dai valori: {reading}")
        if self.unused:
            kept = sum(1 for u in self.unused if u.kept)
            lines.append(f"Colonne non importate: {len(self.unused)} (conservate nei fascicoli "
                         f"come dati aggiuntivi: {kept}; ignorate: {len(self.unused) - kept})")
            lines.extend(f"  {u.text()}" for u in self.unused)
        else:
            lines.append("Colonne non importate: nessuna")
        for note in self.skipped:
            lines.append(f"Nota: la riga {note.row} {note.message}")
        for ex_id, at in self.already_imported:
            lines.append(f"Nota: questo stesso file è già stato importato il {at:%d/%m/%Y %H:%M} "
                         f"(importazione n. {ex_id}).")
        return lines


@dataclass(frozen=True)
class ImportResult:
    exchange_id: int | None  # None for a dry run
    inserted: int
    updated: int
    unchanged: int
    errors: int  # rows left out
    conflicts: int
    dry_run: bool
    analysis: Analysis = field(repr=False)

    def summary(self) -> str:
        what = "Prova (nessun dato scritto)" if self.dry_run else \
            f"Importazione n. {self.exchange_id} completata"
        return (f"{what}: {self.inserted} nuovi fascicoli, {self.updated} aggiornati, "
                f"{self.unchanged} invariati, {self.errors} righe scartate per errori, "
                f"{self.conflicts} conflitti (valori di Sportello mantenuti).")


@dataclass(frozen=True)
class UndoResult:
    exchange_id: int
    deleted: int
    restored: int


# --------------------------------------------------------------------------- header & mapping


def cell_text(value: object) -> str:
    """A cell as the clerk reads it in a header or a preview."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return values.describe(value)


def _propose(row: Sequence[object], first_col: int) -> list[ColumnMapping]:
    cols: list[ColumnMapping] = []
    taken: dict[str, int] = {}
    for j, cell in enumerate(row):
        header = cell_text(cell)
        if not header:
            continue
        fld, conf = match_header(header)
        if fld is not None and fld in taken:
            prev = cols[taken[fld]]
            if prev.confidence >= conf:
                fld, conf = None, 0.0
            else:
                cols[taken[fld]] = dataclasses.replace(prev, field=None, confidence=0.0)
        col = ColumnMapping(first_col + j, header, fld, conf, FIELDS[fld].codes if fld else None)
        if fld is not None:
            taken[fld] = len(cols)
        cols.append(col)
    return cols


def _header_score(row: Sequence[object]) -> float:
    score = 0.0
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            fld, conf = match_header(cell)
            if fld:
                score += conf + (2 if fld == "codice_fiscale" else 0)
    return score


def detect_header(sheet: SheetData) -> int | None:
    """1-based row of the header: the row among the first ones that names most fields."""
    best, best_score = None, 0.0
    for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        score = _header_score(row)
        if score > best_score:
            best, best_score = i, score
    if best is None or best_score < 2.5:
        return None
    return sheet.first_row + best


def _settings_from_profile(profile: Profile, sheet: SheetData) -> tuple[ImportSettings | None, float]:
    """Match a profile's headers to a sheet's header row (by header, not by position)."""
    wanted = {normalise_header(c.header): c for c in profile.columns}
    best_row, best_hits = None, 0
    rows = sheet.rows[:HEADER_SCAN_ROWS]
    for i, row in enumerate(rows):
        hits = sum(1 for cell in row if normalise_header(cell_text(cell)) in wanted)
        if hits > best_hits:
            best_row, best_hits = i, hits
    if best_row is None:
        return None, 0.0
    cols = []
    for j, cell in enumerate(rows[best_row]):
        header = cell_text(cell)
        if not header:
            continue
        pc = wanted.get(normalise_header(header))
        if pc is not None:
            cols.append(ColumnMapping(sheet.first_col + j, header, pc.field, 1.0, pc.codes))
        else:
            cols.append(ColumnMapping(sheet.first_col + j, header, None, 0.0))
    fit = best_hits / max(len(profile.columns), 1)
    lists = dict(DEFAULT_CODE_LISTS) | profile.code_lists
    return ImportSettings(sheet.name, sheet.first_row + best_row, tuple(cols), profile.name,
                          lists), fit


def _preview_rows(sheet: SheetData, settings: ImportSettings) -> tuple[tuple[str, ...], ...]:
    out = []
    start = settings.header_row - sheet.first_row + 1
    for row in sheet.rows[start:start + PREVIEW_ROWS]:
        out.append(tuple(cell_text(row[c.index - sheet.first_col])
                         if 0 <= c.index - sheet.first_col < len(row) else ""
                         for c in settings.columns))
    return tuple(out)


def _proposal(sheet: SheetData, profiles: Sequence[Profile]) -> tuple[ImportSettings | None, float]:
    best: tuple[ImportSettings | None, float] = (None, 0.0)
    for p in profiles:
        settings, fit = _settings_from_profile(p, sheet)
        if settings is not None and fit >= 0.8 and fit > best[1]:
            best = (settings, fit)
    if best[0] is not None:
        return with_value_readings(sheet, best[0]), best[1]
    header = detect_header(sheet)
    if header is None:
        return None, 0.0
    settings = settings_for_header(sheet, header)
    mapped = [c for c in settings.columns if c.field]
    score = min(1.0, sum(c.confidence for c in mapped) / 6)
    if not any(c.field == "codice_fiscale" for c in mapped):
        score *= 0.5
    return settings, score


def settings_for_header(sheet: SheetData, header_row: int) -> ImportSettings:
    """The mapping proposed from the names in row ``header_row`` (the detected header, or
    another row the clerk points at)."""
    index = header_row - sheet.first_row
    row = sheet.rows[index] if 0 <= index < len(sheet.rows) else []
    return with_value_readings(sheet, ImportSettings(
        sheet.name, header_row, tuple(_propose(row, sheet.first_col)), None,
        dict(DEFAULT_CODE_LISTS)))


READING_SAMPLE = 200  # values of a column looked at to choose its reading
READING_SHARE = 0.8  # share of them that must fit a reading


def _column_values(sheet: SheetData, header_row: int, index: int,
                   limit: int = READING_SAMPLE) -> list[object]:
    """The first ``limit`` non-empty values under the header in Excel column ``index``."""
    j = index - sheet.first_col
    found: list[object] = []
    for row in sheet.rows[max(header_row - sheet.first_row + 1, 0):]:
        value = row[j] if 0 <= j < len(row) else None
        if value is None or isinstance(value, str) and not value.strip():
            continue
        found.append(value)
        if len(found) >= limit:
            break
    return found


def _fitting(convert: Callable[[object], Any], samples: Sequence[object]) -> int:
    fit = 0
    for value in samples:
        try:
            convert(value)
        except values.CellError:
            continue
        fit += 1
    return fit


def _value_reading(sheet: SheetData, settings: ImportSettings, col: ColumnMapping,
                   taken: set[str]) -> ColumnMapping:
    """``col`` read by its values: a code column whose values are free text (or numbers)
    goes to the field of the same meaning that takes them (job titles under "Qualifica"
    -> the qualifica's description; hours under "Orario" -> weekly hours); a job title
    column holding only codes is decoded. The reason says which and why."""
    spec = FIELDS.get(col.field or "")
    if spec is None:
        return col
    reverse = next((k for k, v in ALTERNATIVES.items() if v == spec.key), None)
    list_name = col.codes or spec.codes
    if reverse is not None and FIELDS[reverse].kind == "code":
        list_name = FIELDS[reverse].codes
    elif spec.kind != "code" or not list_name or list_name == "belfiore":
        return col
    table = settings.code_lists.get(list_name or "") or DEFAULT_CODE_LISTS.get(list_name or "")
    samples = _column_values(sheet, settings.header_row, col.index)
    if not table or not samples:
        return col
    n = len(samples)
    fit = _fitting(lambda v: values.code(v, table, list_name or ""), samples)
    codes = ", ".join(table)
    if reverse is not None:  # a description column: decoded only when every value is a code
        if fit == n and reverse not in taken:
            return dataclasses.replace(col, field=reverse, codes=list_name, reason=(
                f"dei valori letti, {n} su {n} sono codici o descrizioni dell'elenco "
                f"«{list_name}» ({codes}): decodificati (codice e descrizione)."))
        return col
    if fit == n:
        return dataclasses.replace(col, reason=(
            f"dei valori letti, {n} su {n} sono codici o descrizioni dell'elenco "
            f"«{list_name}» ({codes}): decodificati."))
    alternative = ALTERNATIVES.get(spec.key)
    if fit < READING_SHARE * n and alternative and alternative not in taken:
        other = dataclasses.replace(col, field=alternative, codes=None)
        if _fitting(_converter(other, settings), samples) >= READING_SHARE * n:
            what = "numeri" if FIELDS[alternative].kind == "number" else "testi liberi"
            return dataclasses.replace(other, reason=(
                f"dei valori letti, {n - fit} su {n} non sono codici dell'elenco "
                f"«{list_name}» ({codes}) ma {what}: importati come "
                f"«{FIELDS[alternative].label}»."))
    return dataclasses.replace(col, reason=(
        f"dei valori letti, {fit} su {n} sono codici dell'elenco «{list_name}» ({codes}): "
        "decodificati; gli altri sono segnalati come errori."))


def with_value_readings(sheet: SheetData, settings: ImportSettings) -> ImportSettings:
    """``settings`` with each code column read by its values (``_value_reading``)."""
    taken = {c.field for c in settings.columns if c.field}
    columns = []
    for col in settings.columns:
        read = _value_reading(sheet, settings, col, taken)
        if read.field != col.field:
            taken.discard(col.field or "")
            taken.add(read.field or "")
        columns.append(read)
    return dataclasses.replace(settings, columns=tuple(columns))


def unused_columns(sheet: SheetData, settings: ImportSettings,
                   skip_rows: Iterable[int] = ()) -> list[UnusedColumn]:
    """Every column the mapping does not import: with a header and no field, or with values
    and no header (``skip_rows``, Excel numbers, are not looked at: a totals row)."""
    skip = set(skip_rows)
    start = max(settings.header_row - sheet.first_row + 1, 0)
    data = [row for i, row in enumerate(sheet.rows[start:], start=sheet.first_row + start)
            if i not in skip]

    def has_values(j: int) -> bool:
        return any(j < len(row) and row[j] is not None
                   and not (isinstance(row[j], str) and not row[j].strip()) for row in data)

    found = []
    for col in settings.columns:
        if col.field is None:
            full = has_values(col.index - sheet.first_col)
            found.append(UnusedColumn(col.index, col.header, not_stored_reason(col.header) or (
                "nessun dato di Sportello corrisponde a questa intestazione" if full
                else "colonna vuota"), settings.keep_extra and full and keepable(col.header)))
    covered = {c.index for c in settings.columns}
    width = max((len(row) for row in data), default=0)
    for j in range(width):
        index = sheet.first_col + j
        if index not in covered and has_values(j):
            found.append(UnusedColumn(index, "", "colonna con valori ma senza intestazione"))
    return sorted(found, key=lambda u: u.index)


def _profiles_for(ctx: Context | None, profile: str | Profile | None) -> list[Profile]:
    if isinstance(profile, Profile):
        return [profile]
    if profile:
        if ctx is None:
            folded = normalise_header(profile)
            found = [p for p in shipped_profiles() if normalise_header(p.name) == folded]
            if not found:
                raise NotFound(f"Profilo «{profile}» non trovato.")
            return found
        return [profile_store.load_profile(ctx, profile)]
    found = shipped_profiles()
    if ctx is not None:
        found.extend(profile_store.saved_profiles(ctx))
    return found


def inspect_file(ctx: Context | None, path: Path | str, *,
                 profile: str | Profile | None = None) -> FileInspection:
    """Step 1: sheets, header row, proposed mapping and preview rows (nothing written)."""
    path = Path(path)
    wb = sheet_reader.preview(path, rows=HEADER_SCAN_ROWS + PREVIEW_ROWS + 5)
    return _inspection(ctx, wb, profile)


def _inspection(ctx: Context | None, wb: sheet_reader.Workbook,
                profile: str | Profile | None) -> FileInspection:
    profiles = _profiles_for(ctx, profile)
    previews = []
    best_name, best_score, best_profile = None, -1.0, None
    for sheet in wb.sheets:
        settings, score = _proposal(sheet, profiles)
        if settings is None and profile is not None:
            settings, score = _proposal(sheet, [])
        if not sheet.visible:
            score *= 0.5
        unmapped = tuple(c.header for c in settings.columns if not c.field) if settings else ()
        previews.append(SheetPreview(
            sheet.name, sheet.visible, sheet.height,
            settings.header_row if settings else None, settings,
            _preview_rows(sheet, settings) if settings else (), round(score, 2), unmapped))
        if settings is not None and score > best_score:
            best_name, best_score, best_profile = sheet.name, score, settings.profile
    return FileInspection(wb.path, wb.path.name, wb.format, tuple(previews), best_name,
                          best_profile)


def _settings_from_book(ctx: Context | None, wb: sheet_reader.Workbook, *,
                        profile: str | Profile | None, sheet: str | None) -> ImportSettings:
    return _pick_settings(_inspection(ctx, wb, profile), wb.path, sheet)


def _choose_settings(ctx: Context | None, path: Path, *, profile: str | Profile | None,
                     sheet: str | None) -> ImportSettings:
    return _pick_settings(inspect_file(ctx, path, profile=profile), path, sheet)


def _pick_settings(found: FileInspection, path: Path, sheet: str | None) -> ImportSettings:
    candidates = [s for s in found.sheets if sheet is None or s.name == sheet]
    if sheet is not None and not candidates:
        names = ", ".join(f"«{s.name}»" for s in found.sheets)
        raise ValidationError(f"Il foglio «{sheet}» non esiste in {path.name} (fogli: {names}).",
                              "sheet")
    name = sheet or found.best_sheet
    chosen = next((s for s in candidates if s.name == name), None)
    if chosen is None or chosen.settings is None:
        if all(s.rows == 0 for s in candidates):
            raise UnreadableFile(f"Il file {path.name} è vuoto: nessun dato nei fogli.")
        raise ValidationError(
            f"In {path.name} non trovo la riga di intestazione (per esempio «Codice fiscale», "
            "«Cognome», «Nome»): indicare il profilo o il foglio giusto.", "sheet")
    return chosen.settings


# --------------------------------------------------------------------------- rows -> records


def _check_settings(settings: ImportSettings) -> None:
    fields = [c.field for c in settings.columns if c.field]
    if "codice_fiscale" not in fields:
        raise ValidationError("Nessuna colonna è associata al codice fiscale: associarla per "
                              "procedere.", "codice_fiscale")
    dup = {f for f in fields if fields.count(f) > 1}
    if dup:
        labels = ", ".join(FIELDS[f].label for f in sorted(dup))
        raise ValidationError(f"Più colonne associate allo stesso campo: {labels}.", "mapping")
    for c in settings.columns:
        if c.field and c.field not in FIELDS:
            raise ValidationError(f"Campo sconosciuto: {c.field}.", "mapping")


def _max_lengths() -> dict[str, int]:
    found = {}
    for key, spec in FIELDS.items():
        table = Worker.__table__ if spec.target == "worker" else EmploymentSituation.__table__
        if spec.stored_in not in table.c:
            continue
        length = getattr(table.c[spec.stored_in].type, "length", None)
        if length:
            found[key] = int(length)
    return found


_MAX_LEN = _max_lengths()


def _converter(col: ColumnMapping, settings: ImportSettings) -> Callable[[object], Any]:
    spec = FIELDS[col.field]  # type: ignore[index]
    codes = col.codes
    if codes and codes != "belfiore":
        table = settings.code_lists.get(codes) or DEFAULT_CODE_LISTS.get(codes)
        if table is None:
            raise ValidationError(f"Elenco di codici «{codes}» non definito.", "mapping")
        return lambda v, t=table, n=codes: values.code(v, t, n)
    kind = spec.kind
    if codes == "belfiore" or kind == "place":
        return lambda v: v  # resolved per row (the birth date picks the period)
    if kind == "code":
        table = settings.code_lists.get(spec.codes or "") or DEFAULT_CODE_LISTS[spec.codes or ""]
        return lambda v, t=table, n=spec.codes: values.code(v, t, n or "")
    return {
        "text": values.text, "name": values.name, "cf": values.codice_fiscale,
        "date": values.date, "phone": values.phone, "cap": values.cap,
        "province": values.province, "sex": values.sex, "email": values.email,
        "number": values.number,
    }[kind]


@dataclass
class _Rows:
    """What ``_prepare`` makes of the data rows."""

    records: list[_Record]
    errors: list[Issue]
    warnings: list[Issue]
    counted: int  # rows with data
    merged: int
    bad_rows: set[int]
    skipped: list[Issue]  # rows recognised as not a worker (a totals row), level "nota"
    unnamed: list[tuple[int, str | None, dict[str, Any]]]  # bad rows without surname/name


_TOTALS = re.compile(r"(totale|totali|tot\.|tot:|tot\b|somma|total)", re.IGNORECASE)


def _totals_label(row: Sequence[object], cf_index: int) -> str | None:
    """The label of a "Totale lavoratori: 8" row under the list (its first filled cell
    starts with "Totale", "Tot.", "Somma"... and it carries no codice fiscale), else None."""
    first = next((v for v in row if v is not None and str(v).strip() != ""), None)
    if not isinstance(first, str) or not _TOTALS.match(first.strip()):
        return None
    code = row[cf_index] if 0 <= cf_index < len(row) else None
    if isinstance(code, str) and cf.is_valid(cf.normalise(code)):
        return None
    return first.strip()


# "N. lavoratori: 120", "Numero dipendenti 118" (the count written under the list)
_COUNT_LABEL = re.compile(r"(n\.|nr\.?|num\.|numero)\s*(totale\s+)?(di\s+|dei\s+)?"
                          r"(lavoratori|dipendenti|persone|nominativi|righe)\b", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"[\d.,\s]+")


def _looks_like_cf(value: object) -> bool:
    return isinstance(value, str) and len(cf.normalise(value)) == 16


def _edges(data: Sequence[Sequence[object]], cf_index: int) -> tuple[int, int]:
    """Index of the first and of the last row whose codice fiscale cell holds one: the rows
    before the first and after the last are the list's top and bottom edges."""
    def has_code(row: Sequence[object]) -> bool:
        return 0 <= cf_index < len(row) and _looks_like_cf(row[cf_index])

    first = next((i for i, row in enumerate(data) if has_code(row)), len(data))
    last = next((i for i in range(len(data) - 1, first - 1, -1) if has_code(data[i])), -1)
    return first, last


def _skipped_row(row: Sequence[object], cf_index: int, at_edge: bool) -> str | None:
    """Why a row is not a worker and is skipped with a note (a totals row anywhere; a note
    such as "Fonte: ..." above or under the list), else None."""
    code = row[cf_index] if 0 <= cf_index < len(row) else None
    if isinstance(code, str) and len(code) == 16 and code.isalnum():
        return None  # the common case, decided at once
    label = _totals_label(row, cf_index)
    if label is not None:
        return f"è la riga dei totali («{values.describe(label)}»), non un lavoratore: non importata."
    filled = [v for v in row if v is not None and not (isinstance(v, str) and not v.strip())]
    if not filled or len(filled) > 4 or _looks_like_cf(code):
        return None
    texts = [v.strip() for v in filled if isinstance(v, str)]
    # the count before its label ("120 | Totale lavoratori"), or "N. lavoratori | 120"
    label = next((t for t in texts if _TOTALS.match(t) or _COUNT_LABEL.match(t)), None)
    if label is not None and all(t == label or _NUMBER_TEXT.fullmatch(t) for t in texts):
        return f"è la riga dei totali («{values.describe(label)}»), non un lavoratore: non importata."
    if at_edge and len(filled) == 1 and texts and (" " in texts[0] or ":" in texts[0]):
        return (f"è una nota («{values.describe(texts[0])}»), non un lavoratore: non "
                "importata.")
    return None


def _name_issues(rownum: int, code: str | None, worker: dict[str, Any],
                 settings: ImportSettings, already: Sequence[Issue] = ()) -> list[Issue]:
    """A new file needs surname and name: one error per missing one, at its own column."""
    found = []
    for key in ("surname", "name"):
        if worker.get(key):
            continue
        col = next((c for c in settings.columns if c.field == key), None)
        if col is not None and any(e.column == col.letter for e in already):
            continue  # the cell had a value that could not be used: already reported
        label = FIELDS[key].label
        message = (f"{label}: manca, e il lavoratore {code} non ha ancora un fascicolo: senza "
                   f"{label.lower()} non si può crearlo." if code
                   else f"{label}: manca (serve per creare il fascicolo).")
        found.append(Issue(rownum, col.letter if col else None, col.header if col else None,
                           message))
    return found


def _prepare(sheet: SheetData, settings: ImportSettings, progress: Progress | None) -> _Rows:
    """Rows -> records, errors, warnings; a totals row, or a note above or under the list, is
    skipped with a note; a cell the reader could not read is an error of its row."""
    _check_settings(settings)
    # the job title last: it is the qualifica's description even beside a coded qualifica
    cols = sorted((c for c in settings.columns if c.field), key=lambda c: c.field == "job_title")
    offset = sheet.first_col
    plan = [(c, c.index - offset, c.field, FIELDS[c.field].target, _converter(c, settings),  # type: ignore[index]
             c.codes == "belfiore" or FIELDS[c.field].kind == "place",  # type: ignore[index]
             _MAX_LEN.get(c.field), FIELDS[c.field].stored_in)  # type: ignore[arg-type,index]
            for c in cols]
    start = settings.header_row - sheet.first_row + 1
    data = sheet.rows[start:] if start >= 0 else sheet.rows
    total = len(data)
    extra_cols = _extra_columns(settings, offset)
    errors: list[Issue] = []
    warnings: list[Issue] = []
    bad_rows: set[int] = set()
    by_code: dict[str, _Record] = {}
    records: list[_Record] = []
    skipped: list[Issue] = []
    unnamed: list[tuple[int, str | None, dict[str, Any]]] = []
    merged = 0
    counted = 0
    today = dt.date.today()
    place_cols = [p for p in plan if p[5]]
    cf_col = next(p[0] for p in plan if p[2] == "codice_fiscale")
    first_row = sheet.first_row + max(start, 0)
    problems = sheet_reader.problems_by_row(sheet)  # cells the reader could not read
    cf_index = cf_col.index - offset
    first_code, last_code = _edges(data, cf_index)
    for i, row in enumerate(data):
        if progress is not None and i % 1000 == 0 and not progress(i, total):
            raise ImportCancelled("Importazione annullata: nessun dato scritto.")
        rownum = first_row + i
        width = len(row)
        why = _skipped_row(row, cf_index, not first_code <= i <= last_code)
        if why is not None:
            skipped.append(Issue(rownum, None, None, why, "nota"))
            continue
        worker: dict[str, Any] = {}
        employment: dict[str, Any] = {}
        source: dict[str, ColumnMapping] = {}
        row_errors: list[Issue] = []
        empty = True
        bad_cells = problems.get(rownum) if problems else None
        # a cell the reader could not read is not converted: what it made of it is no value
        cells = plan if bad_cells is None else [p for p in plan if p[0].index not in bad_cells]
        for col, j, key, target, convert, is_place, max_len, store in cells:
            raw = row[j] if j < width else None
            if raw is None or raw == "":
                continue
            if isinstance(raw, str) and not raw.strip():
                continue
            empty = False
            if is_place:
                worker_or_emp = worker if target == "worker" else employment
                worker_or_emp[key] = raw
                source[key] = col
                continue
            try:
                value = convert(raw)
            except values.CellError as exc:
                message = str(exc)
                if not message.startswith("Il codice fiscale"):
                    message = f"{FIELDS[key].label}: {message}"
                row_errors.append(Issue(rownum, col.letter, col.header, message))
                continue
            if isinstance(value, tuple):
                if key in ("phone", "mobile"):
                    value, warn = value
                    if warn is not None:
                        warnings.append(Issue(rownum, col.letter, col.header,
                                              f"{FIELDS[key].label}: {warn.message}", "avviso"))
                elif key == "qualifica":
                    employment["qualifica_code"] = value[0]
                    value = value[1]
                elif key in ("orario", "safety_net"):
                    value = value[0]
                else:
                    value = value[1]
            if value is None:
                continue
            if max_len is not None and isinstance(value, str) and len(value) > max_len:
                row_errors.append(Issue(rownum, col.letter, col.header,
                                        f"{FIELDS[key].label}: troppo lungo ({len(value)} "
                                        f"caratteri, al massimo {max_len})."))
                continue
            (worker if target == "worker" else employment)[store] = value
            source[store] = col
        if bad_cells:  # a formula without value, #N/A, an unreadable value: this row's error
            for col, _j, key, *_rest in plan:
                if col.index in bad_cells:
                    row_errors.append(Issue(rownum, col.letter, col.header,
                                            f"{FIELDS[key].label}: {bad_cells[col.index]}"))
                    empty = False
        if extra_cols:
            extra = {header: cell_text(row[j]) for j, header in extra_cols
                     if j < width and cell_text(row[j])}
            if extra:
                worker[EXTRA] = extra
        if empty:
            continue
        counted += 1
        if "net_start" in employment or "net_end" in employment:
            _route_safety_net_dates(rownum, employment, source, row_errors)
        if employment:
            _check_date_pairs(rownum, employment, source, row_errors)
        code = worker.get("codice_fiscale")
        if code is None and not any(e.column == cf_col.letter for e in row_errors):
            row_errors.append(Issue(rownum, cf_col.letter, cf_col.header,
                                    "Codice fiscale mancante."))
        # places: Belfiore code or name; the birth date picks the code's period
        for col, _j, key, target, _c, _p, _m, _s in place_cols:
            bucket = worker if target == "worker" else employment
            if key not in bucket:
                continue
            try:
                name_, belfiore, prov = values.place(
                    bucket[key], worker.get("birth_date") if key == "birth_place" else None)
            except values.CellError as exc:
                del bucket[key]
                row_errors.append(Issue(rownum, col.letter, col.header,
                                        f"{FIELDS[key].label}: {exc}"))
                continue
            bucket[key] = name_[:100]
            if key == "birth_place":
                if belfiore:
                    worker["birth_place_code"] = belfiore
                if prov and "birth_province" not in worker:
                    worker["birth_province"] = prov
            elif key == "residence_comune" and prov and prov != "EE":
                worker.setdefault("residence_province", prov)
            elif key == "domicile_comune" and prov and prov != "EE":
                worker.setdefault("domicile_province", prov)
        postcodes.fill_caps(worker)
        if code is not None and not row_errors:
            _check_against_cf(code, worker, source, rownum, row_errors, warnings, today)
        if row_errors:
            errors.extend(row_errors)
            bad_rows.add(rownum)
            if not (worker.get("surname") and worker.get("name")):
                unnamed.append((rownum, code, worker))
            continue
        found = by_code.get(code)  # type: ignore[arg-type]
        if found is None:
            rec = _Record(rownum, code, worker, employment, source, [rownum])  # type: ignore[arg-type]
            by_code[code] = rec  # type: ignore[index]
            records.append(rec)
            continue
        merged += 1
        found.rows.append(rownum)
        for bucket_name, bucket in (("worker", worker), ("employment", employment)):
            target_bucket = found.worker if bucket_name == "worker" else found.employment
            for key, value in bucket.items():
                old = target_bucket.get(key)
                if old is not None and old != value and key in source:
                    col = source[key]
                    warnings.append(Issue(
                        rownum, col.letter, col.header,
                        f"{FIELD_LABEL.get(key, key)}: stesso codice fiscale della riga "
                        f"{found.row} ma valore diverso («{values.describe(old)}» -> "
                        f"«{values.describe(value)}»): usato quello di questa riga.", "avviso"))
                target_bucket[key] = value
                if key in source:
                    found.source[key] = source[key]
    if progress is not None and not progress(total, total):
        raise ImportCancelled("Importazione annullata: nessun dato scritto.")
    return _Rows(records, errors, warnings, counted, merged, bad_rows, skipped, unnamed)


def _extra_columns(settings: ImportSettings, offset: int) -> list[tuple[int, str]]:
    """(index in the row, header) of the unused columns kept as extra values, when asked."""
    if not settings.keep_extra:
        return []
    return [(c.index - offset, c.header[:80]) for c in settings.columns
            if c.field is None and keepable(c.header)]


def _route_safety_net_dates(rownum: int, employment: dict[str, Any],
                            source: dict[str, ColumnMapping], row_errors: list[Issue]) -> None:
    """The dates of "the" safety net to the CIGS or NASpI dates, by the kind of safety net
    written in the same row; without a kind that has dates they are an error of the row."""
    kind = employment.get("safety_net")
    for key, targets in ROUTED.items():
        if key not in employment:
            continue
        value = employment.pop(key)
        col = source.pop(key)
        target = targets.get(kind or "")
        if target is None:
            what = (f"l'ammortizzatore è «{values.describe(kind)}»" if kind
                    else "manca il tipo di ammortizzatore (CIGS, CIGS per cessazione, NASpI)")
            row_errors.append(Issue(rownum, col.letter, col.header,
                                    f"{FIELDS[key].label}: {what}, quindi non si sa se la data "
                                    "è della CIGS o della NASpI."))
            continue
        if target in employment:  # the sheet also has the CIGS/NASpI column itself
            continue
        employment[target] = value
        source[target] = col


_DATE_PAIRS = (("cigs_start", "cigs_end"), ("naspi_start", "naspi_end"), ("hired_on", "exit_on"))


def _check_date_pairs(rownum: int, employment: dict[str, Any],
                      source: dict[str, ColumnMapping], row_errors: list[Issue]) -> None:
    """An end before its start (CIGS, NASpI, employment) is an error of the row."""
    for start, end in _DATE_PAIRS:
        if employment.get(start) and employment.get(end) and employment[end] < employment[start]:
            col = source.get(end)
            row_errors.append(Issue(rownum, col.letter if col else None,
                                    col.header if col else None,
                                    f"{FIELD_LABEL.get(end, end)}: la data di fine precede quella "
                                    f"di inizio ({values.describe(employment[start])})."))


def _check_against_cf(code: str, worker: dict[str, Any], source: dict[str, ColumnMapping],
                      rownum: int, row_errors: list[Issue], warnings: list[Issue],
                      today: dt.date) -> None:
    """Fill sex and birth data from the CF; a sheet value it contradicts is a warning."""
    decoded = cf.decode(code)
    surname, name_, sex = worker.get("surname"), worker.get("name"), worker.get("sex")
    birth, place = worker.get("birth_date"), worker.get("birth_place_code")
    # fast path: one decode, the same comparisons as cf.mismatches; its messages on a miss
    checks = []
    if surname and cf.surname_code(surname) != code[0:3]:
        checks.append(("surname", {"surname": surname}))
    if name_ and cf.name_code(name_) != code[3:6]:
        checks.append(("name", {"name": name_}))
    if sex and sex != decoded.sex:
        checks.append(("sex", {"sex": sex}))
    if birth and ((birth.month, birth.day) != (decoded.birth_date.month, decoded.birth_date.day)
                  or birth.year % 100 != decoded.birth_date.year % 100):
        checks.append(("birth_date", {"birth_date": birth}))
    if place and place != decoded.belfiore:
        checks.append(("birth_place", {"belfiore": place}))
    for key, given in checks:
        for problem in cf.mismatches(code, **given):  # type: ignore[arg-type]
            col = source.get(key)
            warnings.append(Issue(rownum, col.letter if col else None, col.header if col else None,
                                  problem, "avviso"))
    try:
        rules.birth_date(birth, today)
    except rules.RuleError as exc:
        col = source.get("birth_date")
        row_errors.append(Issue(rownum, col.letter if col else None, col.header if col else None,
                                f"{exc}."))
    fill = {"sex": decoded.sex, "birth_date": decoded.birth_date,
            "birth_place": decoded.birthplace, "birth_place_code": decoded.belfiore,
            "birth_province": decoded.province}
    if worker.get("birth_place") and worker.get("birth_place_code") not in (None, decoded.belfiore):
        return  # a contradicting birthplace was warned about: do not mix the two
    for key, value in fill.items():
        worker.setdefault(key, value)


# --------------------------------------------------------------------------- database plan


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return a is not None and b is not None and abs(float(a) - float(b)) < 1e-9  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    if isinstance(a, dt.datetime):
        a = a.date()
    if isinstance(b, dt.datetime):
        b = b.date()
    return a == b


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


_WORKER_COLS = [Worker.__table__.c[k] for k in (
    "id", "version", *WORKER_FIELDS, *DERIVED_WORKER, EXTRA) if k in Worker.__table__.c]
_WORKER_COLS = list(dict.fromkeys(_WORKER_COLS))
_ES_COLS = [EmploymentSituation.__table__.c[k] for k in (
    "id", "version", "worker_id", "vertenza_id", "is_current", *EMPLOYMENT_FIELDS,
    *DERIVED_EMPLOYMENT)]


_UNKNOWN = object()  # a field whose value did not come from an import


@dataclass
class _Origin:
    """Where the current values of one record come from."""

    imported: dict[str, dt.datetime] = field(default_factory=dict)  # field ("*": all) -> when
    edits: dict[str, list[tuple[dt.datetime, object]]] = field(default_factory=dict)

    def local_value(self, key: str) -> object:
        """``None`` when the field is the import's own (free to update); ``_UNKNOWN`` when it
        was never imported; else ``("edited", value)`` with the value it had before its first
        local edit since the import that last wrote it (that is, what the import wrote)."""
        times = [t for t in (self.imported.get("*"), self.imported.get(key)) if t is not None]
        if not times:
            return _UNKNOWN
        since = max(times)
        for at, old in self.edits.get(key, ()):
            if at > since:
                return ("edited", old)
        return None


def _origins(session: Session, entity: str, ids: Sequence[int]) -> dict[int, _Origin]:
    """Per record: which import last wrote each field (``ImportChange``: an insert writes
    every field, an update the fields in its ``before``) and the local edits after it
    (audit ``create``/``update``/``merge`` rows; imports write ``import_update``)."""
    found: dict[int, _Origin] = {i: _Origin() for i in ids}
    for chunk in _chunks(list(ids)):
        rows = session.execute(
            select(ImportChange.entity_id, ImportChange.action, ImportChange.before,
                   ExchangeRecord.at)
            .join(ExchangeRecord, ExchangeRecord.id == ImportChange.exchange_id)
            .where(ImportChange.entity == entity, ImportChange.entity_id.in_(chunk),
                   ExchangeRecord.status == ExchangeStatus.COMPLETATO))
        for entity_id, action, before, at in rows:
            origin = found[entity_id]
            keys = ["*"] if action == "insert" else list(((before or {}).get("values") or {}))
            for key in keys:
                if key not in origin.imported or origin.imported[key] < at:
                    origin.imported[key] = at
    for chunk in _chunks(list(ids)):
        rows = session.execute(
            select(AuditLog.entity_id, AuditLog.at, AuditLog.changes)
            .where(AuditLog.entity == entity, AuditLog.entity_id.in_(chunk),
                   AuditLog.action.in_(("create", "update", "merge")))
            .order_by(AuditLog.at, AuditLog.id))
        for entity_id, at, changes in rows:
            if not isinstance(changes, dict) or entity_id not in found:
                continue
            edits = found[entity_id].edits
            for key, change in changes.items():
                old = change[0] if isinstance(change, list) and len(change) == 2 else None
                edits.setdefault(key, []).append((at, old))
    return found


# True: the sheet's value in every conflict; or the (codice fiscale, field) pairs where the
# clerk chose the sheet's value
Overwrite = bool | frozenset[tuple[str, str]]


def _diff(rec: _Record, wanted: dict[str, Any], current: dict[str, Any], origin: _Origin, *,
          from_cf: Sequence[str], overwrite: Overwrite, worker_id: int, who: str,
          conflicts: list[Conflict]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(changes, before) for one record; contradicted local values become conflicts."""
    changes: dict[str, Any] = {}
    before: dict[str, Any] = {}
    for key, value in wanted.items():
        if key == "codice_fiscale":
            continue
        old = current.get(key)
        if old is None or old == "":
            changes[key], before[key] = value, old
            continue
        if _same(old, value):
            continue
        if key in from_cf and key not in rec.source:
            continue  # only deduced from the CF: the file's value stays
        local = origin.local_value(key)
        if local is None or overwrite is True or (
                not isinstance(overwrite, bool) and (rec.code, key) in overwrite):
            changes[key], before[key] = value, old
            continue
        if local is not _UNKNOWN and _same(local[1], plain_value(value)):  # type: ignore[index]
            continue  # the sheet still says what the import wrote: the local edit is newer
        col = rec.source.get(key)
        conflicts.append(Conflict(rec.row, col.letter if col else None, col.header if col else None,
                                  worker_id, rec.code, who, key, FIELD_LABEL.get(key, key), old,
                                  value))
    return changes, before


def _plan(session: Session, records: list[_Record], vertenza_id: int | None,
          settings: ImportSettings, *, overwrite: Overwrite) -> _Plan:
    plan = _Plan()
    codes = [r.code for r in records]
    existing: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(codes):
        for row in session.execute(select(*_WORKER_COLS).where(Worker.codice_fiscale.in_(chunk))):
            existing[row.codice_fiscale] = row._asdict()
    plan.existing = existing
    has_employment = any(r.employment for r in records)
    worker_ids = [w["id"] for w in existing.values()]
    situations: dict[int, dict[str, Any]] = {}
    current_es: dict[int, list[int]] = {}
    if worker_ids and (vertenza_id is not None or has_employment):
        for chunk in _chunks(worker_ids):
            stmt = select(*_ES_COLS).where(EmploymentSituation.worker_id.in_(chunk)).order_by(
                EmploymentSituation.id)
            for row in session.execute(stmt):
                d = row._asdict()
                if d["is_current"]:
                    current_es.setdefault(d["worker_id"], []).append(d["id"])
                if vertenza_id is not None:
                    if d["vertenza_id"] == vertenza_id:
                        situations[d["worker_id"]] = d
                elif d["is_current"]:
                    situations[d["worker_id"]] = d  # the latest current one
    origin_w = _origins(session, "worker", worker_ids) if worker_ids else {}
    es_ids = [d["id"] for d in situations.values()]
    origin_es = _origins(session, "employment_situation", es_ids) if es_ids else {}
    for d in situations.values():  # a situation inserted with its worker was imported with it
        star = origin_w[d["worker_id"]].imported.get("*")
        mine = origin_es[d["id"]].imported
        if star is not None and ("*" not in mine or mine["*"] < star):
            mine["*"] = star
    for rec in records:
        cur = existing.get(rec.code)
        if cur is None:
            missing = _name_issues(rec.row, rec.code, rec.worker, settings)
            if missing:
                plan.errors.extend(missing)
                plan.bad_codes.add(rec.code)
                continue
            plan.inserts.append(rec)
            if vertenza_id is not None or rec.employment:
                plan.es_inserts.append((rec, None))
            continue
        wid = cur["id"]
        who = f"{cur['surname']} {cur['name']}"
        wanted = rec.worker
        if EXTRA in wanted and cur.get(EXTRA):  # the kept columns add to those of the file
            wanted = wanted | {EXTRA: dict(cur[EXTRA]) | wanted[EXTRA]}
        changes, before = _diff(rec, wanted, cur, origin_w[wid], from_cf=DEDUCED,
                                overwrite=overwrite, worker_id=wid, who=who,
                                conflicts=plan.conflicts)
        touched = False
        if changes:
            plan.updates.append((rec, changes, before, cur["version"]))
            touched = True
        es = situations.get(wid)
        if es is None:
            if vertenza_id is not None or rec.employment:
                plan.es_inserts.append((rec, wid))
                touched = True
        elif rec.employment:
            es_changes, es_before = _diff(
                rec, rec.employment, es, origin_es[es["id"]], from_cf=(), overwrite=overwrite,
                worker_id=wid, who=who, conflicts=plan.conflicts)
            if es_changes:
                plan.es_updates.append((rec, es["id"], es_changes, es_before, es["version"], wid))
                touched = True
        if not touched:
            plan.unchanged += 1
    plan.current_es = current_es
    return plan


# --------------------------------------------------------------------------- analyse


def _resolve_vertenza(session: Session, choice: VertenzaChoice | None) -> int | None:
    if choice is None:
        return None
    key = choice.code.strip()
    found = session.scalar(select(Vertenza.id).where((Vertenza.code == key) | (Vertenza.title == key)))
    if found is None and key.isdigit():
        found = session.scalar(select(Vertenza.id).where(Vertenza.id == int(key)))
    if found is None and not choice.create:
        raise ValidationError(f"Vertenza «{key}» non trovata: indicarne il codice (es. KON-AT) "
                              "oppure crearla.", "vertenza")
    return found


def analyse(ctx: Context, path: Path | str, settings: ImportSettings | None = None, *,
            profile: str | Profile | None = None, sheet: str | None = None,
            vertenza: VertenzaChoice | None = None, overwrite_conflicts: bool = False,
            keep_extra: bool | None = None, progress: Progress | None = None) -> Analysis:
    """Step 2: every row checked and compared with the database; nothing is written.

    ``settings`` comes from ``inspect_file`` (possibly edited in the wizard); without it
    the proposed mapping is used (``profile``/``sheet`` guide the choice).
    ``keep_extra`` (when given) says whether the columns the mapping does not import are
    kept on the files as extra labelled values (``ImportSettings.keep_extra``).
    ``progress(done, total)`` is called now and then; returning False cancels.
    """
    path = Path(path)
    cancelled = (lambda: not progress(0, 0)) if progress is not None else None
    if settings is None:  # one pass of the reader: propose the mapping from the full sheets
        book = sheet_reader.read_all(path, cancelled=cancelled,
                                     while_waiting=cf.places_by_name)
        settings = _settings_from_book(ctx, book, profile=profile, sheet=sheet)
        data = next(d for d in book.sheets if d.name == settings.sheet)
    else:
        data = sheet_reader.read_sheet(path, settings.sheet, cancelled=cancelled,
                                       while_waiting=cf.places_by_name)
    if keep_extra is not None:
        settings = dataclasses.replace(settings, keep_extra=keep_extra)
    _check_settings(settings)
    digest = sheet_reader.sha256_of(path)
    fmt = sheet_reader.sniff(path)
    rows = _prepare(data, settings, progress)
    records, errors, warnings, counted, merged, bad_rows = (
        rows.records, rows.errors, rows.warnings, rows.counted, rows.merged, rows.bad_rows)
    if counted == 0:
        raise UnreadableFile(f"Il foglio «{settings.sheet}» non contiene righe di dati sotto "
                             f"l'intestazione (riga {settings.header_row}).")
    with ctx.read() as s:
        vertenza_id = _resolve_vertenza(s, vertenza)
        plan = _plan(s, records, vertenza_id, settings, overwrite=overwrite_conflicts)
        # a row with other errors still says what it lacks to create a new file
        known = set()
        codes = [code for _r, code, _w in rows.unnamed if code]
        for chunk in _chunks(codes):
            known |= set(s.scalars(select(Worker.codice_fiscale).where(
                Worker.codice_fiscale.in_(chunk))))
        for rownum, code, worker in rows.unnamed:
            if code not in known:
                errors.extend(_name_issues(rownum, code, worker, settings,
                                           [e for e in errors if e.row == rownum]))
        before = s.execute(select(ExchangeRecord.id, ExchangeRecord.at).where(
            ExchangeRecord.sha256 == digest, ExchangeRecord.direction == ExchangeKind.IMPORT,
            ExchangeRecord.status == ExchangeStatus.COMPLETATO).order_by(ExchangeRecord.id)).all()
    errors = sorted(errors + plan.errors, key=lambda e: (e.row, e.column or ""))
    bad_rows |= {e.row for e in plan.errors}
    by_row: dict[int, list[Issue]] = {}
    for issue in errors + warnings:
        by_row.setdefault(issue.row, []).append(issue)
    for c in plan.conflicts:
        by_row.setdefault(c.row, []).append(Issue(c.row, c.column, c.header, c.text(), "avviso"))
    return Analysis(
        path=path, file_name=path.name, sha256=digest, format=fmt, settings=settings,
        vertenza=vertenza, vertenza_id=vertenza_id, rows_total=counted, errors=errors,
        warnings=sorted(warnings, key=lambda e: (e.row, e.column or "")),
        conflicts=plan.conflicts, to_insert=len(plan.inserts), to_update=len(plan.updated_codes()),
        unchanged=plan.unchanged, duplicates_merged=merged,
        invalid_rows=len(bad_rows), already_imported=[(i, at) for i, at in before],
        sheet=data, records=[r for r in records if r.code not in plan.bad_codes], row_issues=by_row,
        skipped=rows.skipped,
        unused=unused_columns(data, settings, (note.row for note in rows.skipped)))


# --------------------------------------------------------------------------- apply


def _refusal(analysis: Analysis) -> ImportRefused:
    n = analysis.invalid_rows
    lines = [f"Importazione rifiutata: {n} {'riga' if n == 1 else 'righe'} con errori, nessun dato "
             "scritto. Correggere il foglio oppure importare solo le righe valide."]
    lines += [e.text() for e in analysis.errors]
    return ImportRefused("\n".join(lines), analysis.errors)


def _worker_insert_row(rec: _Record, now: dt.datetime, office_id: int | None,
                       operator_id: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {k: None for k in _INSERT_KEYS}
    for key, value in rec.worker.items():
        if key in row:
            row[key] = value
    row.update(version=1, created_at=now, updated_at=now, status=FileStatus.APERTO.value,
               privacy_consent=False, office_id=office_id, assigned_operator_id=operator_id)
    row["search_text"] = worker_search_text(row)
    row.update(worker_sort_keys(row))
    return row


_INSERT_KEYS = tuple(dict.fromkeys(
    [k for k in (*WORKER_FIELDS, *DERIVED_WORKER, EXTRA) if k in Worker.__table__.c]
    + ["version", "created_at", "updated_at", "status", "privacy_consent", "office_id",
       "assigned_operator_id", "search_text", "sort_surname", "sort_name", "sort_comune",
       "sort_phone"]))
_ES_KEYS = ("worker_id", "vertenza_id", "is_current", "version", "created_at", "updated_at",
            *EMPLOYMENT_FIELDS, *DERIVED_EMPLOYMENT)


def _es_row(rec: _Record, worker_id: int, vertenza_id: int | None, now: dt.datetime) -> dict[str, Any]:
    row: dict[str, Any] = {k: None for k in _ES_KEYS}
    row.update(rec.employment)
    row.update(worker_id=worker_id, vertenza_id=vertenza_id, is_current=True, version=1,
               created_at=now, updated_at=now)
    return row


def apply(ctx: Context, analysis: Analysis, *, valid_only: bool = False, dry_run: bool = False,
          overwrite_conflicts: bool = False, take_sheet: Iterable[tuple[str, str]] = (),
          progress: Progress | None = None) -> ImportResult:
    """Step 3: write, in one transaction. Errors refuse everything unless ``valid_only``.

    ``dry_run`` does all the work and rolls it back (exact counts, nothing written).
    ``take_sheet``: the conflicts, as (codice fiscale, field) of ``Conflict``, where the
    sheet's value replaces Sportello's (``overwrite_conflicts``: all of them).
    """
    overwrite: Overwrite = overwrite_conflicts or frozenset(take_sheet)
    if analysis.errors and not valid_only:
        raise _refusal(analysis)
    if not analysis.records:
        raise ImportRefused("Nessuna riga valida da importare: nessun dato scritto.\n"
                            + "\n".join(e.text() for e in analysis.errors), analysis.errors)
    actor = ctx.actor
    result: ImportResult | None = None
    creates_vertenza = analysis.vertenza is not None and analysis.vertenza_id is None
    changes_data = analysis.to_insert or analysis.to_update or creates_vertenza
    if not dry_run and changes_data:  # a safety copy of the SQLite file first (no-op on
        backups.before_import(ctx)  # PostgreSQL); none when only the import's own record
        # would be written

    class _Rollback(Exception):
        pass

    try:
        with ctx.write() as s:
            result = _apply_in(s, analysis, actor, valid_only=valid_only,
                               overwrite=overwrite, progress=progress, dry_run=dry_run)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert result is not None
    return result


def _apply_in(s: Session, analysis: Analysis, actor: Any, *, valid_only: bool, overwrite: Overwrite,
              progress: Progress | None, dry_run: bool) -> ImportResult:
    now = utcnow()
    vertenza_id = _resolve_vertenza(s, analysis.vertenza)
    new_vertenza = False
    if vertenza_id is None and analysis.vertenza is not None:
        v = analysis.vertenza
        res = s.execute(insert(Vertenza.__table__).returning(Vertenza.__table__.c.id), [{
            "code": v.code.strip()[:40], "title": (v.title or v.code).strip(),
            "company_name": (v.company_name or v.title or v.code).strip(),
            "status": VertenzaStatus.APERTA.value, "version": 1, "created_at": now,
            "updated_at": now}])
        vertenza_id = res.scalar_one()
        new_vertenza = True
    plan = _plan(s, analysis.records, vertenza_id, analysis.settings, overwrite=overwrite)
    if plan.errors and not valid_only:
        raise ImportRefused("\n".join(["Importazione rifiutata: nessun dato scritto."]
                                      + [e.text() for e in plan.errors]), plan.errors)
    ex_table = ExchangeRecord.__table__
    ex_id = s.execute(insert(ex_table).returning(ex_table.c.id), [{
        "direction": ExchangeKind.IMPORT.value, "kind": "workers",
        "file_name": analysis.file_name[:400], "sha256": analysis.sha256,
        "profile": analysis.settings.profile, "operator_id": actor.id if actor else None,
        "vertenza_id": vertenza_id, "at": now, "rows_total": analysis.rows_total,
        "status": ExchangeStatus.COMPLETATO.value}]).scalar_one()
    changes_rows: list[dict[str, Any]] = []
    audit_rows: list[dict[str, Any]] = []
    actor_id = actor.id if actor else None
    if new_vertenza:
        changes_rows.append({"exchange_id": ex_id, "entity": "vertenza", "entity_id": vertenza_id,
                             "action": "insert", "before": None})
    total = len(plan.inserts) + len(plan.updates) + len(plan.es_inserts) + len(plan.es_updates)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and not progress(done, total):
            raise ImportCancelled("Importazione annullata: nessun dato scritto.")

    # new files
    office_id = actor.office_id if actor else None
    operator_id = actor.id if actor else None
    new_ids: dict[str, int] = {}
    table = Worker.__table__
    with index_inserts_at_end(s):
        for chunk in _chunks(plan.inserts, 2000):
            rows = [_worker_insert_row(r, now, office_id, operator_id) for r in chunk]
            s.execute(insert(table), rows)  # executemany: no RETURNING (one row each)
            for part in _chunks([r.code for r in chunk]):
                new_ids.update((code, wid) for wid, code in s.execute(
                    select(table.c.id, table.c.codice_fiscale)
                    .where(table.c.codice_fiscale.in_(part))))
            tick(len(chunk))
    changes_rows.extend({"exchange_id": ex_id, "entity": "worker", "entity_id": wid,
                         "action": "insert", "before": None} for wid in new_ids.values())
    # updated files: optimistic lock on version, one audit row each
    for rec, changes, before, version in plan.updates:
        wid = plan.existing[rec.code]["id"]
        merged = dict(plan.existing[rec.code]) | changes
        res = s.execute(update(table).where(table.c.id == wid, table.c.version == version)
                        .values(**changes, version=version + 1, updated_at=now,
                                search_text=worker_search_text(merged),
                                **worker_sort_keys(merged)))
        if res.rowcount != 1:
            raise ConflictError(f"Il fascicolo {rec.code} è stato modificato da qualcun altro "
                                "durante l'importazione: nessun dato scritto, riprovare.")
        changes_rows.append({"exchange_id": ex_id, "entity": "worker", "entity_id": wid,
                             "action": "update",
                             "before": {"values": {k: plain_value(v) for k, v in before.items()},
                                        "version": version + 1}})
        audit_rows.append({"at": now, "operator_id": actor_id, "action": "import_update",
                           "entity": "worker", "entity_id": wid, "worker_id": wid,
                           "changes": {k: [plain_value(before[k]), plain_value(v)] for k, v in changes.items()},
                           "detail": f"Importazione n. {ex_id} ({analysis.file_name}), riga {rec.row}"})
    tick(len(plan.updates))
    # employment situations
    es_table = EmploymentSituation.__table__
    current_es = plan.current_es
    demote: list[int] = []
    es_rows = []
    es_existing_workers = []
    for rec, wid in plan.es_inserts:
        worker_id = wid if wid is not None else new_ids[rec.code]
        es_rows.append(_es_row(rec, worker_id, vertenza_id, now))
        if wid is not None:
            es_existing_workers.append(wid)
            demote.extend(current_es.get(wid, ()))
    if demote:
        for chunk in _chunks(demote):
            s.execute(update(es_table).where(es_table.c.id.in_(chunk))
                      .values(is_current=False, version=es_table.c.version + 1, updated_at=now))
        for es_id in demote:
            changes_rows.append({"exchange_id": ex_id, "entity": "employment_situation",
                                 "entity_id": es_id, "action": "update",
                                 "before": {"values": {"is_current": True}, "version": None}})
    for chunk in _chunks(es_rows, 2000):
        s.execute(insert(es_table), list(chunk))
        tick(len(chunk))
    for part in _chunks(es_existing_workers):  # the situation just added to an existing file
        for (es_id,) in s.execute(select(func.max(es_table.c.id))
                                  .where(es_table.c.worker_id.in_(part))
                                  .group_by(es_table.c.worker_id)):
            changes_rows.append({"exchange_id": ex_id, "entity": "employment_situation",
                                 "entity_id": es_id, "action": "insert", "before": None})
    for rec, es_id, changes, before, version, wid in plan.es_updates:
        res = s.execute(update(es_table).where(es_table.c.id == es_id, es_table.c.version == version)
                        .values(**changes, version=version + 1, updated_at=now))
        if res.rowcount != 1:
            raise ConflictError(f"La situazione lavorativa di {rec.code} è stata modificata "
                                "durante l'importazione: nessun dato scritto, riprovare.")
        changes_rows.append({"exchange_id": ex_id, "entity": "employment_situation",
                             "entity_id": es_id, "action": "update",
                             "before": {"values": {k: plain_value(v) for k, v in before.items()},
                                        "version": version + 1}})
        audit_rows.append({"at": now, "operator_id": actor_id, "action": "import_update",
                           "entity": "employment_situation", "entity_id": es_id, "worker_id": wid,
                           "changes": {k: [plain_value(before[k]), plain_value(v)] for k, v in changes.items()},
                           "detail": f"Importazione n. {ex_id} ({analysis.file_name}), riga {rec.row}"})
    tick(len(plan.es_updates))
    for chunk in _chunks(changes_rows, 5000):
        s.execute(insert(ImportChange.__table__), list(chunk))
    if audit_rows:
        s.execute(insert(AuditLog.__table__), audit_rows)
    # what changed per worker, for the counts
    updated_codes = plan.updated_codes()
    errors = analysis.errors + plan.errors
    bad_rows = {e.row for e in errors}
    report = {
        "sheet": analysis.settings.sheet, "header_row": analysis.settings.header_row,
        "mapping": {c.letter: c.field for c in analysis.settings.columns if c.field},
        "valid_only": valid_only, "duplicates_merged": analysis.duplicates_merged,
        "unused_columns": [u.text() for u in analysis.unused],
        "keep_extra": analysis.settings.keep_extra,
        "extra_kept": [u.header for u in analysis.unused if u.kept],
        "readings": analysis.readings(),
        "errors": [e.text() for e in errors[:REPORT_CAP]],
        "warnings": [w.text() for w in analysis.warnings[:REPORT_CAP]],
        "conflicts": [c.text() for c in plan.conflicts[:REPORT_CAP]],
        # whose each reported row is, so that anonymisation and the access request find
        # a person's lines (their text names the row, not the person)
        "row_people": _row_people(analysis, [*errors[:REPORT_CAP], *analysis.warnings[:REPORT_CAP],
                                             *plan.conflicts[:REPORT_CAP]]),
    }
    s.execute(update(ex_table).where(ex_table.c.id == ex_id).values(
        rows_inserted=len(new_ids), rows_updated=len(updated_codes),
        rows_unchanged=plan.unchanged, rows_error=len(bad_rows), report=report))
    audit.record(s, "import", entity="exchange_record", entity_id=ex_id,
                 changes={"file": analysis.file_name, "sha256": analysis.sha256,
                          "inseriti": len(new_ids), "aggiornati": len(updated_codes),
                          "invariati": plan.unchanged, "righe_con_errori": len(bad_rows),
                          "conflitti": len(plan.conflicts), "vertenza_id": vertenza_id},
                 detail=f"Importazione lavoratori da {analysis.file_name}: {len(new_ids)} nuovi, "
                        f"{len(updated_codes)} aggiornati")
    s.flush()
    return ImportResult(None if dry_run else ex_id, len(new_ids), len(updated_codes),
                        plan.unchanged, len(bad_rows), len(plan.conflicts), dry_run, analysis)


# --------------------------------------------------------------------------- undo


def _row_people(analysis: Analysis, issues: Sequence[object]) -> dict[str, str]:
    """{row number: the codice fiscale written in that row} for the rows a report names."""
    column = next((c.index for c in analysis.settings.columns if c.field == "codice_fiscale"), None)
    if column is None:
        return {}
    sheet = analysis.sheet
    found: dict[str, str] = {}
    for issue in issues:
        row = getattr(issue, "row", None)
        if row is None or str(row) in found:
            continue
        i, j = row - sheet.first_row, column - sheet.first_col
        if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]):
            code = "".join(cell_text(sheet.rows[i][j]).split()).upper()
            if code:
                found[str(row)] = code[:32]
    return found


def undo(ctx: Context, exchange_id: int) -> UndoResult:
    """Step 4: take a whole import back, if nothing was done since to what it wrote."""
    actor = permissions.require(ctx.actor, Role.OPERATORE, "annullare un'importazione")
    with ctx.write() as s:
        ex = s.get(ExchangeRecord, exchange_id)
        if ex is None or ex.direction != ExchangeKind.IMPORT:
            raise NotFound(f"Importazione n. {exchange_id} non trovata.")
        if ex.kind != "workers":
            raise ValidationError(f"L'importazione n. {exchange_id} è un elenco di assunzioni: "
                                  "le assunzioni registrate si correggono dal fascicolo.",
                                  "exchange")
        if ex.operator_id != actor.id:  # someone else's import: a team leader decides
            permissions.require(actor, Role.RESPONSABILE,
                                "annullare l'importazione di un altro operatore")
        if ex.status == ExchangeStatus.ANNULLATO:
            raise ValidationError(f"L'importazione n. {exchange_id} è già stata annullata il "
                                  f"{ex.undone_at:%d/%m/%Y %H:%M}.", "exchange")
        changes = list(s.execute(select(ImportChange.entity, ImportChange.entity_id,
                                        ImportChange.action, ImportChange.before)
                                 .where(ImportChange.exchange_id == exchange_id)
                                 .order_by(ImportChange.id)))
        # a later import of the same records must be undone first
        touched = {(c.entity, c.entity_id) for c in changes}
        later = set()
        for entity in {e for e, _ in touched}:
            ids = [i for e, i in touched if e == entity]
            for chunk in _chunks(ids):
                later.update(s.scalars(
                    select(ImportChange.exchange_id).join(
                        ExchangeRecord, ExchangeRecord.id == ImportChange.exchange_id)
                    .where(ImportChange.entity == entity, ImportChange.entity_id.in_(chunk),
                           ImportChange.exchange_id > exchange_id,
                           ExchangeRecord.status == ExchangeStatus.COMPLETATO)))
        if later:
            listed = ", ".join(f"n. {i}" for i in sorted(later))
            raise ValidationError(f"Prima annullare le importazioni successive che hanno "
                                  f"toccato gli stessi fascicoli ({listed}).", "exchange")
        inserted = [c.entity_id for c in changes if c.entity == "worker" and c.action == "insert"]
        blockers = _undo_blockers(s, ex, inserted, changes)
        if blockers:
            shown = "; ".join(blockers[:10]) + ("; ..." if len(blockers) > 10 else "")
            raise ConflictError(f"Impossibile annullare l'importazione n. {exchange_id}: dopo "
                                f"l'importazione sono stati modificati {len(blockers)} "
                                f"fascicoli ({shown}). Nessun dato modificato.")
        restored = 0
        now = utcnow()
        for c in reversed(changes):
            if c.action != "update":
                continue
            tbl = Worker.__table__ if c.entity == "worker" else EmploymentSituation.__table__
            vals = (c.before or {}).get("values", {})
            typed = {k: _typed(tbl.c[k], v) for k, v in vals.items() if k in tbl.c}
            if not typed:
                continue
            s.execute(update(tbl).where(tbl.c.id == c.entity_id)
                      .values(**typed, version=tbl.c.version + 1, updated_at=now))
            if c.entity == "worker":
                row = s.execute(select(*_WORKER_COLS).where(tbl.c.id == c.entity_id)).first()
                if row is not None:
                    s.execute(update(tbl).where(tbl.c.id == c.entity_id)
                              .values(search_text=worker_search_text(row._asdict()),
                                      **worker_sort_keys(row._asdict())))
            restored += 1
        es_new = [c.entity_id for c in changes
                  if c.entity == "employment_situation" and c.action == "insert"]
        for chunk in _chunks(es_new):
            s.execute(delete(EmploymentSituation).where(EmploymentSituation.id.in_(chunk)))
        for chunk in _chunks(inserted):
            s.execute(delete(EmploymentSituation).where(EmploymentSituation.worker_id.in_(chunk)))
            s.execute(delete(Worker).where(Worker.id.in_(chunk)))
        for c in changes:
            if c.entity == "vertenza" and c.action == "insert":
                used = s.scalar(select(func.count()).select_from(EmploymentSituation)
                                .where(EmploymentSituation.vertenza_id == c.entity_id))
                others = s.scalar(select(func.count()).select_from(ExchangeRecord).where(
                    ExchangeRecord.vertenza_id == c.entity_id, ExchangeRecord.id != exchange_id))
                if not used and not others:
                    ex.vertenza_id = None
                    s.flush()
                    s.execute(delete(Vertenza).where(Vertenza.id == c.entity_id))
        ex.status = ExchangeStatus.ANNULLATO.value
        ex.undone_at = now
        audit.record(s, "import_undo", entity="exchange_record", entity_id=exchange_id,
                     changes={"eliminati": len(inserted), "ripristinati": restored},
                     detail=f"Annullata l'importazione n. {exchange_id} ({ex.file_name})")
        return UndoResult(exchange_id, len(inserted), restored)


def _typed(column: Any, value: object) -> object:
    if value is None:
        return None
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return value
    if python_type is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if python_type is dt.datetime and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def _undo_blockers(s: Session, ex: ExchangeRecord, inserted: list[int],
                   changes: list[Any]) -> list[str]:
    """Files the import created or changed that were edited afterwards."""
    found: list[str] = []
    for chunk in _chunks(inserted):
        for wid, surname, name, updated in s.execute(
                select(Worker.id, Worker.surname, Worker.name, Worker.updated_at)
                .where(Worker.id.in_(chunk))):
            if updated > ex.at:
                found.append(f"{surname} {name}")
        for model, column in WORKER_CHILDREN:
            if model is EmploymentSituation:
                continue
            for wid in s.scalars(select(column).where(column.in_(chunk)).distinct()):
                found.append(f"fascicolo n. {wid} (ha {model.__tablename__})")
        edited_es = s.scalars(select(EmploymentSituation.worker_id).where(
            EmploymentSituation.worker_id.in_(chunk), EmploymentSituation.updated_at > ex.at))
        found.extend(f"fascicolo n. {w} (situazione lavorativa)" for w in edited_es)
    for c in changes:
        if c.action != "update" or not c.before or c.before.get("version") is None:
            continue
        model = Worker if c.entity == "worker" else EmploymentSituation
        version = s.scalar(select(model.version).where(model.id == c.entity_id))
        if version is not None and version != c.before["version"]:
            found.append(f"{c.entity} n. {c.entity_id}")
    return found


# --------------------------------------------------------------------------- one call


def import_file(ctx: Context, path: Path | str, *, profile: str | Profile | None = None,
                sheet: str | None = None, vertenza: VertenzaChoice | None = None,
                valid_only: bool = False, dry_run: bool = False, overwrite_conflicts: bool = False,
                keep_extra: bool | None = None, report: Path | str | None = None,
                progress: Progress | None = None) -> ImportResult:
    """Inspect, analyse and apply in one call (CLI, benchmarks). With ``report``, the error
    report is written whenever there is something to report, also when refused."""
    analysis = analyse(ctx, path, profile=profile, sheet=sheet, vertenza=vertenza,
                       overwrite_conflicts=overwrite_conflicts, keep_extra=keep_extra,
                       progress=progress)
    if report is not None and (analysis.errors or analysis.warnings or analysis.conflicts):
        write_error_report(analysis, report)
    return apply(ctx, analysis, valid_only=valid_only, dry_run=dry_run,
                 overwrite_conflicts=overwrite_conflicts, progress=progress)
