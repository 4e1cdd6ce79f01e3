"""Reading untrusted spreadsheets (.xlsx, .xlsm, .xls, .ods) without risk to the app.

Three layers, cheapest first:

1. **Look at the bytes** (``sniff``): a zip (xlsx/xlsm/ods), an OLE compound file (xls,
   or an *encrypted* xlsx: Office wraps password-protected OOXML in OLE), or something else
   (text, HTML saved as .xls, a PDF...) which is refused with a plain message.
2. **Guard the container** (``_guard_zip``): the central directory gives the uncompressed
   size of every member before anything is inflated: too large in total, or a compression
   ratio no spreadsheet has, is a zip bomb. An encrypted ODS says so in its manifest. The
   ``<dimension>`` an xlsx sheet declares is checked too (a cheap first look; a file may lie,
   which the third layer covers).
3. **Parse in a child process** (``_run_child``) with python-calamine, its address space
   capped and a time limit: a crafted file that makes calamine abort, or allocate hundreds
   of gigabytes, kills the child only. The child also lists the cells it could not read
   (a formula without a cached value, an error value such as #N/A, a value its cell type
   cannot hold): they become errors of their own rows (``cell_problems``), not of the sheet.

Everything that goes wrong with the file as a whole ends as ``UnreadableFile`` (a
``SportelloError``) in Italian; a damaged part of the zip included.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sportello.core.errors import SportelloError

SUPPORTED = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_FILE_BYTES = 200 * 1024**2  # a Region list is a few MB at most
MAX_UNCOMPRESSED = 1024**3  # 1 GiB of XML is far beyond any real sheet
MAX_RATIO = 150  # real xlsx/ods members compress 5-40x; bombs 1000x and more
MAX_MEMBERS = 10_000
MAX_CELLS = 50_000_000  # declared dimension beyond this: refused before parsing
CHILD_MEMORY = 3 * 1024**3
CHILD_TIMEOUT = 300.0

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# what reading a member of a damaged zip can raise (a corrupt deflate stream: zlib.error)
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
               zlib.error)
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?"')


class UnreadableFile(SportelloError):
    """The file cannot be read as a spreadsheet; nothing was written."""


class ReadCancelled(SportelloError):
    pass


@dataclass
class SheetData:
    """One sheet as read: ``rows[i][j]`` is the Excel cell at row ``first_row + i`` (1-based)
    and column ``first_col + j`` (1-based)."""

    name: str
    rows: list[list[object]]
    first_row: int = 1
    first_col: int = 1
    visible: bool = True
    height: int = 0
    # (row, column) as Excel numbers them -> why that cell could not be read (Italian)
    cell_problems: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass
class Workbook:
    path: Path
    format: str  # xlsx, xlsm, xls, ods
    sheets: list[SheetData]


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def sniff(path: Path) -> str:
    """The real format of ``path`` from its first bytes ("xlsx", "xlsm", "ods", "xls")."""
    if not path.exists():
        raise UnreadableFile(f"Il file {path.name} non esiste.")
    if path.is_dir():
        raise UnreadableFile(f"{path.name} è una cartella, non un file.")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(f"Il file {path.name} è vuoto (0 byte).")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"Il file {path.name} è troppo grande ({size // 1024**2} MB) per "
                             "essere un elenco di lavoratori.")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFile(f"Impossibile leggere il file {path.name} ({exc.strerror}).") from exc
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return _guard_zip(path, suffix)
    if head == _OLE_MAGIC:
        if _ole_is_encrypted_ooxml(path):
            raise UnreadableFile(f"Il file {path.name} è protetto da password: aprirlo in Excel, "
                                 "togliere la password e salvarlo di nuovo.")
        return "xls"
    if head.startswith(b"PK"):
        raise UnreadableFile(f"Il file {path.name} è danneggiato o incompleto (archivio troncato).")
    text = head.lstrip().lower()
    if text.startswith((b"<", b"\xef\xbb\xbf<")):
        kind = "una pagina web (HTML/XML)"
    elif head.startswith(b"%PDF"):
        kind = "un PDF"
    else:
        kind = "un file di testo o di altro tipo"
    raise UnreadableFile(f"Il file {path.name} non è un foglio Excel o OpenDocument: sembra "
                         f"{kind}. Aprirlo con Excel o LibreOffice e salvarlo come .xlsx.")


def _ole_is_encrypted_ooxml(path: Path) -> bool:
    """Office stores a password-protected xlsx as an OLE file with these streams."""
    with path.open("rb") as fh:
        data = fh.read(min(path.stat().st_size, 4 * 1024**2))
    return any(name.encode("utf-16-le") in data for name in ("EncryptedPackage", "EncryptionInfo"))


def _guard_zip(path: Path, suffix: str) -> str:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFile(f"Il file {path.name} è danneggiato o incompleto (archivio non "
                             "valido): farselo rimandare.") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnreadableFile(f"Il file {path.name} contiene {len(infos)} parti: non è un "
                                 "foglio di calcolo normale.")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if total > MAX_UNCOMPRESSED or any(
            i.file_size > 10 * 1024**2 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
            for i in infos
        ) or (total > 50 * 1024**2 and total > MAX_RATIO * max(packed, 1)):
            raise UnreadableFile(
                f"Il file {path.name} si espanderebbe a {total // 1024**2} MB: è un archivio "
                "anomalo (\"zip bomb\") e non viene aperto.")
        if any(i.flag_bits & 0x1 for i in infos):
            raise UnreadableFile(f"Il file {path.name} è protetto da password: toglierla e "
                                 "salvarlo di nuovo.")
        names = {i.filename for i in infos}
        if "mimetype" in names or "content.xml" in names:
            manifest = _read_small(zf, "META-INF/manifest.xml")
            if b"encryption-data" in manifest:
                raise UnreadableFile(f"Il file {path.name} è protetto da password: aprirlo in "
                                     "LibreOffice, toglierla e salvarlo di nuovo.")
            mimetype = _read_small(zf, "mimetype")
            if mimetype and b"spreadsheet" not in mimetype:
                raise UnreadableFile(f"Il file {path.name} è un documento OpenDocument ma non un "
                                     "foglio di calcolo.")
            if "content.xml" not in names:
                raise UnreadableFile(f"Il file {path.name} è incompleto: manca il contenuto.")
            return "ods"
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            if "word/document.xml" in names:
                raise UnreadableFile(f"Il file {path.name} è un documento Word, non un foglio "
                                     "Excel.")
            raise UnreadableFile(f"Il file {path.name} è un archivio zip ma non un foglio Excel.")
        for info in infos:
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                _check_dimension(zf, info, path)
        return "xlsm" if suffix == ".xlsm" else "xlsx"


def _read_small(zf: zipfile.ZipFile, name: str, limit: int = 1024**2) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > limit:
        return b""
    try:
        with zf.open(info) as fh:
            return fh.read(limit)
    except _ZIP_ERRORS as exc:
        shown = Path(str(zf.filename or "")).name
        raise UnreadableFile(f"Il file {shown} è danneggiato o incompleto (parte {name} "
                             "illeggibile): farselo rimandare.") from exc


def _check_dimension(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    try:
        with zf.open(info) as fh:
            head = fh.read(4096)
    except _ZIP_ERRORS as exc:
        raise UnreadableFile(f"Il file {path.name} è danneggiato o incompleto (parte "
                             f"{info.filename} illeggibile).") from exc
    found = _DIMENSION.search(head)
    if not found or not found.group(3):
        return
    c1, r1, c2, r2 = (_column_number(found.group(1)), int(found.group(2)),
                      _column_number(found.group(3)), int(found.group(4)))
    cells = (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)
    if cells > MAX_CELLS or max(c1, c2) > 16384 or max(r1, r2) > 1_048_576:
        raise UnreadableFile(
            f"Il file {path.name} dichiara un foglio di {cells:,} celle".replace(",", ".")
            + " (fino alla cella "
            f"{found.group(3).decode()}{found.group(4).decode()}): troppo grande o costruito "
            "ad arte. Copiare solo i dati in un foglio nuovo e riprovare.")


# --------------------------------------------------------------------------- child process


class _SafeUnpickler(pickle.Unpickler):
    """Only plain values and datetime types come back from the child."""

    _ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
                ("datetime", "timedelta"), ("datetime", "timezone")}

    def find_class(self, module: str, name: str):  # type: ignore[no-untyped-def]
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} not allowed")


def _child_command(request: dict) -> list[str]:
    payload = json.dumps(request)
    if getattr(sys, "frozen", False):  # PyInstaller: the executable is Sportello itself
        return [sys.executable, "_sheet-child", payload]
    script = Path(__file__).with_name("_sheet_child.py")
    return [sys.executable, "-I", str(script), payload]


def _run_child(path: Path, *, sheet: str | None, preview: int | None,
               cancelled: Callable[[], bool] | None = None,
               while_waiting: Callable[[], None] | None = None) -> dict:
    request = {"path": str(path.resolve()), "sheet": sheet, "preview": preview,
               "memory": CHILD_MEMORY}
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        proc = subprocess.Popen(_child_command(request), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                creationflags=flags)
    except OSError as exc:
        raise UnreadableFile(f"Impossibile avviare la lettura del file ({exc}).") from exc
    try:
        if while_waiting is not None:
            while_waiting()  # the parent warms its caches while the child parses
        deadline = time.monotonic() + CHILD_TIMEOUT
        out = err = b""
        while True:
            try:
                out, err = proc.communicate(timeout=0.25)
                break
            except subprocess.TimeoutExpired:
                if cancelled is not None and cancelled():
                    raise ReadCancelled("Lettura annullata: nessun dato scritto.") from None
                if time.monotonic() > deadline:
                    raise UnreadableFile(f"La lettura di {path.name} richiede troppo tempo: il "
                                         "file è troppo grande o costruito ad arte.") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0 or not out:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        why = "memoria esaurita" if b"memory" in err.lower() or proc.returncode in (-6, -9) \
            else "errore interno del lettore"
        raise UnreadableFile(
            f"Il file {path.name} non può essere letto ({why}): è danneggiato, troppo grande o "
            "costruito ad arte. Aprirlo in Excel o LibreOffice, salvarlo di nuovo e riprovare."
            + (f" [{detail[0][:200]}]" if detail and why != "memoria esaurita" else ""))
    try:
        return _SafeUnpickler(io.BytesIO(out)).load()
    except Exception as exc:  # noqa: BLE001
        raise UnreadableFile(f"Il file {path.name} non può essere letto (risposta del lettore "
                             "non valida).") from exc


def _refusal(answer: dict, path: Path) -> None:
    kind = answer.get("error")
    if not kind:
        return
    if kind == "password":
        raise UnreadableFile(f"Il file {path.name} è protetto da password: aprirlo, togliere la "
                             "password e salvarlo di nuovo.")
    if kind == "memory":
        raise UnreadableFile(f"Il file {path.name} è troppo grande per essere letto.")
    if kind == "no_sheet":
        raise UnreadableFile(f"Il foglio «{answer.get('detail')}» non esiste in {path.name}.")
    if kind == "damaged":
        part = str(answer.get("detail") or "").split(":", 1)[0][:80]
        raise UnreadableFile(f"Il file {path.name} è danneggiato o incompleto (parte {part} "
                             "illeggibile): farselo rimandare, oppure aprirlo in Excel o "
                             "LibreOffice, salvarlo di nuovo e riprovare.")
    detail = str(answer.get("detail") or "")
    hint = ""
    low = detail.lower()
    if "password" in low or "encrypt" in low:
        raise UnreadableFile(f"Il file {path.name} è protetto da password: toglierla e salvarlo "
                             "di nuovo.")
    if any(word in low for word in ("eof", "zip", "truncat", "invalid", "corrupt", "deflate",
                                    "checksum", "crc")):
        hint = " Il file sembra incompleto o danneggiato."
    raise UnreadableFile(f"Il file {path.name} non può essere letto come foglio di calcolo."
                         f"{hint} Aprirlo in Excel o LibreOffice, salvarlo di nuovo e riprovare.")


def _sheets(answer: dict) -> list[SheetData]:
    sheets = []
    for s in answer.get("sheets") or []:
        start = s.get("start") or (0, 0)
        sheets.append(SheetData(
            name=str(s["name"]), rows=s["rows"], first_row=int(start[0]) + 1,
            first_col=int(start[1]) + 1, visible=bool(s.get("visible", True)),
            height=int(s.get("height") or len(s["rows"])),
            cell_problems={(int(r), int(c)): problem_text(str(kind), str(detail))
                           for r, c, kind, detail in s.get("cell_problems") or ()}))
    return sheets


def problem_text(kind: str, detail: str) -> str:
    """Why the child could not read a cell, as the clerk reads it."""
    if kind == "formula":
        return ("contiene una formula senza valore calcolato: aprire il file in Excel o "
                "LibreOffice, salvarlo e riprovare (oppure scrivere il valore).")
    if kind == "error":
        shown = f" ({detail})" if detail else ""
        return (f"contiene un errore di calcolo{shown} invece di un valore: correggere la "
                "formula nel file.")
    return (f"non si può leggere: il valore «{detail}» non è valido per il tipo della cella "
            "(file scritto da un programma difettoso): riscriverlo nel file.")


def problems_by_row(data: SheetData) -> dict[int, dict[int, str]]:
    """``data.cell_problems`` grouped by row: {Excel row: {Excel column: why}}."""
    found: dict[int, dict[int, str]] = {}
    for (row, col), why in data.cell_problems.items():
        found.setdefault(row, {})[col] = why
    return found


def _check_path(path: Path | str) -> tuple[Path, str]:
    path = Path(path)
    fmt = sniff(path)
    if path.suffix.lower() not in SUPPORTED:
        # the content decides; the name is only a hint (a .xls may really be an xlsx)
        pass
    return path, fmt


def preview(path: Path | str, rows: int = 40) -> Workbook:
    """Every worksheet with its first ``rows`` rows (for finding the header)."""
    path, fmt = _check_path(path)
    answer = _run_child(path, sheet=None, preview=rows)
    _refusal(answer, path)
    sheets = _sheets(answer)
    if not sheets:
        raise UnreadableFile(f"Il file {path.name} non contiene fogli di lavoro.")
    return Workbook(path, fmt, sheets)


def _read_full(path: Path | str, sheet: str | None,
               cancelled: Callable[[], bool] | None,
               while_waiting: Callable[[], None] | None) -> tuple[Path, str, list[SheetData]]:
    """Every row of ``sheet`` (None: of every worksheet), read by the child."""
    path, fmt = _check_path(path)
    answer = _run_child(path, sheet=sheet, preview=None, cancelled=cancelled,
                        while_waiting=while_waiting)
    _refusal(answer, path)
    return path, fmt, _sheets(answer)


def read_sheet(path: Path | str, sheet: str, *, cancelled: Callable[[], bool] | None = None,
               while_waiting: Callable[[], None] | None = None) -> SheetData:
    """All rows of one sheet (the cells that could not be read in ``cell_problems``)."""
    path, _fmt, sheets = _read_full(path, sheet, cancelled, while_waiting)
    if not sheets:
        raise UnreadableFile(f"Il foglio «{sheet}» non esiste in {path.name}.")
    return sheets[0]


def read_all(path: Path | str, *, cancelled: Callable[[], bool] | None = None,
             while_waiting: Callable[[], None] | None = None) -> Workbook:
    """Every worksheet in full, in one pass of the child (the one-step import)."""
    path, fmt, sheets = _read_full(path, None, cancelled, while_waiting)
    if not sheets:
        raise UnreadableFile(f"Il file {path.name} non contiene fogli di lavoro.")
    return Workbook(path, fmt, sheets)


def sha256_of(path: Path | str) -> str:
    import hashlib

    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_name(path: Path | str) -> str:
    return os.path.basename(str(path))
