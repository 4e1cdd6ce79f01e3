"""The child process that parses an untrusted spreadsheet with python-calamine.

calamine reads .xlsx/.xlsm/.xls/.ods close to the parsing floor, but a crafted file can
make it abort the whole process (a single cell at XFD1048576 makes it allocate a dense
549 GB grid; an allocation failure in Rust is an abort, not an exception). So it never
runs inside the application: ``sheet_reader`` starts this module as a separate program
(``python -I _sheet_child.py``, or ``sportello _sheet-child`` in a frozen bundle), with
its address space capped, and reads one pickled answer from its stdout. If the child
dies, the application shows a message and carries on.

Only the standard library and python_calamine are imported here (fast start, nothing of
the application's state). Input: one JSON argument ``{"path", "mode", "sheet",
"preview", "memory"}``; output: a pickled dict, ``{"error": kind, "detail": text}`` on a
refusal. Cells travel as Python values (str, int, float, bool, date, datetime, None).

Bad cells are a matter of their own row, not of the sheet: each sheet comes back with
``cell_problems``, ``(row, column, kind, detail)`` 1-based as Excel numbers them, where
kind is "formula" (a formula without a cached value: calamine reads it as empty),
"error" (#N/A, #DIV/0!...: calamine reads it as empty too) or "unreadable" (a value its
cell type cannot hold, such as letters in a number cell: calamine refuses the whole sheet
for it, so the sheet is read again from a copy, in memory, with those cells emptied).
Only a file whose parts cannot be decompressed or parsed at all is refused.
"""

from __future__ import annotations

import html
import io
import json
import math
import pickle
import re
import sys
import zipfile

# Cells are found by position: a <row> sets the row, a <c> its column (from r="B7", or
# one after the previous cell when a writer leaves r out).
_XLSX_TOKEN = re.compile(rb"<row\b([^>]*?)/?>|<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_XLSX_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_XLSX_ROW_REF = re.compile(rb'\br="([0-9]{1,7})"')
_XLSX_TYPE = re.compile(rb'\bt="([^"]*)"')
_XLSX_VALUE = re.compile(rb"<v>([^<]*)</v>")
_HAS_VALUE = re.compile(rb"<v>[^<]")
_XLSX_TYPES = (b"n", b"b", b"s", b"str", b"inlineStr", b"e", b"d")
_ODS_TOKEN = re.compile(
    rb"<table:table(\s[^>]*)?>|</table:table>|<table:table-row(\s[^>]*?)?/?>"
    rb"|<table:(?:covered-)?table-cell(\s[^>]*?)?(/?)>")
_ODS_NAME = re.compile(rb'\btable:name="([^"]*)"')
_ODS_ROWS = re.compile(rb'table:number-rows-repeated="([0-9]{1,9})"')
_ODS_COLUMNS = re.compile(rb'table:number-columns-repeated="([0-9]{1,9})"')
_ODS_TYPE = re.compile(rb'office:value-type="([^"]*)"')
_ODS_VALUE_ATTR = {b"float": b"office:value", b"percentage": b"office:value",
                   b"currency": b"office:value", b"boolean": b"office:boolean-value",
                   b"time": b"office:time-value"}
_ODS_TEXT = re.compile(rb"\s*<text:p>([^<]{0,40})</text:p>")
_DURATION = re.compile(rb"-?P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
                       rb"(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?")
MAX_PROBLEMS = 100_000  # bad cells in one sheet beyond which it is not a list any more

Problem = tuple[int, int, str, str]


class Damaged(Exception):
    """A part of the file cannot be decompressed or parsed: the file is refused whole."""


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimit; the OS refuses a 549 GB commit by itself
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


def _read(zf: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes (None if missing); a damaged member (a corrupt deflate stream, a
    wrong CRC) raises ``Damaged``."""
    try:
        return zf.read(name)
    except KeyError:
        return None
    except Exception as exc:  # noqa: BLE001 - zlib.error, BadZipFile, EOFError, OSError...
        raise Damaged(f"{name}: {type(exc).__name__}: {exc}") from None


def _unescape(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", "replace"))


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name, from workbook.xml and its relationships."""
    workbook = _read(zf, "xl/workbook.xml")
    rels = _read(zf, "xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    targets = {}
    for rel in re.finditer(rb"<Relationship\b([^>]*)/?>", rels):
        attrs = rel.group(1)
        rid = re.search(rb'\bId="([^"]+)"', attrs)
        target = re.search(rb'\bTarget="([^"]+)"', attrs)
        if rid and target:
            path = target.group(1).decode("utf-8", "replace").lstrip("/")
            if not path.startswith("xl/"):
                path = "xl/" + path
            targets[rid.group(1)] = path
    parts = {}
    for sheet in re.finditer(rb"<sheet\b([^>]*)/?>", workbook):
        attrs = sheet.group(1)
        name = re.search(rb'\bname="([^"]*)"', attrs)
        rid = re.search(rb'\br:id="([^"]+)"', attrs) or re.search(rb':id="([^"]+)"', attrs)
        if name and rid and rid.group(1) in targets:
            parts[_unescape(name.group(1))] = targets[rid.group(1)]
    return parts


def _finite(raw: bytes) -> bool:
    try:
        return math.isfinite(float(raw))
    except ValueError:
        return False


def _xlsx_problems(data: bytes, strings: int | None = None) -> tuple[list[Problem], bytes | None]:
    """The bad cells of one worksheet's XML, and that XML with the unreadable ones emptied
    (None when none was). Unreadable values are looked for only when ``strings`` (the
    number of shared strings) is given: after calamine refused the sheet."""
    repair = strings is not None
    if not repair and b"<f" not in data and b't="e"' not in data:
        return [], None  # the common case: one scan of the bytes, nothing parsed
    found: list[Problem] = []
    pieces: list[bytes] = []
    last = row = col = 0
    for token in _XLSX_TOKEN.finditer(data):
        attrs = token.group(2)
        if attrs is None:  # a <row>
            ref = _XLSX_ROW_REF.search(token.group(1) or b"")
            row, col = (int(ref.group(1)) if ref else row + 1), 0
            continue
        ref = _XLSX_CELL_REF.search(attrs)
        if ref:
            col, row = _column_number(ref.group(1)), int(ref.group(2))
        else:
            col += 1
        body = token.group(3)
        typed = _XLSX_TYPE.search(attrs)
        kind = typed.group(1) if typed else b"n"
        value = _XLSX_VALUE.search(body) if body else None
        raw = value.group(1) if value else b""
        if kind == b"e":
            found.append((row, col, "error", _unescape(raw)[:20]))
        elif body and b"<f" in body and b"<is>" not in body and not _HAS_VALUE.search(body):
            found.append((row, col, "formula", ""))  # openpyxl writes <v></v> after one
        elif repair and raw and (
                kind == b"n" and not _finite(raw)
                or kind == b"b" and raw.strip() not in (b"0", b"1", b"true", b"false")
                or kind == b"s" and not (raw.strip().isdigit() and int(raw) < strings)  # type: ignore[operator]
                or kind not in _XLSX_TYPES):
            found.append((row, col, "unreadable", _unescape(raw)[:40]))
            pieces += [data[last:token.start()], b"<c " + (ref.group(0) if ref else b"") + b"/>"]
            last = token.end()
        if len(found) > MAX_PROBLEMS:
            raise Damaged("troppe celle illeggibili")
    if not pieces:
        return found, None
    pieces.append(data[last:])
    return found, b"".join(pieces)


def _ods_problems(data: bytes, repair: bool = False
                  ) -> tuple[dict[str, list[Problem]], bytes | None]:
    """The same for every table of an ODS ``content.xml`` (table name -> bad cells)."""
    if not repair and b"table:formula=" not in data and b'calcext:value-type="error"' not in data:
        return {}, None
    found: dict[str, list[Problem]] = {}
    current: list[Problem] = []
    pieces: list[bytes] = []
    last = row = 0
    next_row = next_col = 1
    count = 0
    for token in _ODS_TOKEN.finditer(data):
        text = token.group(0)
        if text.startswith(b"</"):
            continue
        if token.group(2) is not None or text.startswith(b"<table:table-row"):
            repeat = _ODS_ROWS.search(token.group(2) or b"")
            row, next_col = next_row, 1
            next_row = row + (int(repeat.group(1)) if repeat else 1)
            continue
        if not text.startswith((b"<table:table-cell", b"<table:covered")):  # a <table:table>
            name = _ODS_NAME.search(token.group(1) or b"")
            current = found.setdefault(_unescape(name.group(1)) if name else "", [])
            next_row = 1
            continue
        attrs = token.group(3) or b""
        repeat = _ODS_COLUMNS.search(attrs)
        col = next_col
        next_col = col + (int(repeat.group(1)) if repeat else 1)
        typed = _ODS_TYPE.search(attrs)
        if b'calcext:value-type="error"' in attrs:
            shown = _ODS_TEXT.match(data, token.end())
            problem = ("error", _unescape(shown.group(1)) if shown else "")
        elif b"table:formula=" in attrs and typed is None:
            problem = ("formula", "")
        elif repair and typed is not None and typed.group(1) in _ODS_VALUE_ATTR:
            kind = typed.group(1)
            value = re.search(_ODS_VALUE_ATTR[kind] + rb'="([^"]*)"', attrs)
            raw = value.group(1) if value else b""
            if (_finite(raw) if kind in (b"float", b"percentage", b"currency")
                    else raw in (b"true", b"false") if kind == b"boolean"
                    else bool(_DURATION.fullmatch(raw))):
                continue
            problem = ("unreadable", _unescape(raw)[:40])
            tag = text[:text.index(b"cell") + 4]  # the cell, without its typed value
            kept = b" " + repeat.group(0) if repeat else b""
            pieces += [data[last:token.start()], tag + kept + (token.group(4) or b"") + b">"]
            last = token.end()
        else:
            continue
        current.append((row, col, *problem))
        count += 1
        if count > MAX_PROBLEMS:
            raise Damaged("troppe celle illeggibili")
    if not pieces:
        return found, None
    pieces.append(data[last:])
    return found, b"".join(pieces)


class _Problems:
    """The bad cells of each sheet, the zip opened once (.xls has none to find: a FORMULA
    record always carries its last result)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.is_zip = zipfile.is_zipfile(path)
        self._ods: dict[str, list[Problem]] | None = None
        self._parts: dict[str, str] | None = None

    def of(self, sheet: str) -> list[Problem]:
        if not self.is_zip:
            return []
        with zipfile.ZipFile(self.path) as zf:
            if "content.xml" in zf.namelist():
                if self._ods is None:
                    self._ods = _ods_problems(_read(zf, "content.xml") or b"")[0]
                return self._ods.get(sheet, [])
            if self._parts is None:
                self._parts = _xlsx_sheet_parts(zf)
                # calamine can read a damaged part without noticing (a worksheet whose CRC
                # is wrong came back as rows): the parts every sheet depends on are checked
                for shared in ("xl/styles.xml", "xl/sharedStrings.xml"):
                    _read(zf, shared)
            part = self._parts.get(sheet)
            data = _read(zf, part) if part else None
            return _xlsx_problems(data)[0] if data else []


def _repaired(path: str, sheet: str | None) -> tuple[object, dict[str, list[Problem]]] | None:
    """The workbook again, from a copy in memory where the cells that calamine cannot read
    are emptied (of ``sheet`` in an xlsx, of every table in an ods: calamine reads them all
    when it opens the file), and those cells by sheet; None when no cell explains the
    refusal."""
    import python_calamine as pc

    if not zipfile.is_zipfile(path):
        return None
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if "content.xml" in names:
            problems, fixed = _ods_problems(_read(zf, "content.xml") or b"", repair=True)
            member = "content.xml"
        else:
            member = _xlsx_sheet_parts(zf).get(sheet or "") or ""
            data = _read(zf, member) if member else None
            if data is None:
                return None
            shared = _read(zf, "xl/sharedStrings.xml") or b""
            found, fixed = _xlsx_problems(data, shared.count(b"<si>") + shared.count(b"<si "))
            problems = {sheet or "": found}
        if fixed is None:
            return None
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
            for name in names:
                copy.writestr(name, fixed if name == member else _read(zf, name) or b"")
    buffer.seek(0)
    return pc.CalamineWorkbook.from_filelike(buffer), problems


def _read_sheet(wb: object, name: str, preview: int | None) -> tuple[tuple, list, int]:
    ws = wb.get_sheet_by_name(name)  # type: ignore[attr-defined]
    start = ws.start or (0, 0)
    rows = ws.to_python(skip_empty_area=True, nrows=preview) if preview else ws.to_python(
        skip_empty_area=True)
    return tuple(start), rows, ws.height


def _answer(request: dict) -> dict:
    import python_calamine as pc

    path = request["path"]
    repaired: dict[str, list[Problem]] = {}
    try:
        try:
            wb = pc.CalamineWorkbook.from_path(path)
        except pc.CalamineError as exc:  # an ods is read whole when opened
            again = _repaired(path, None) if not isinstance(exc, pc.PasswordError) else None
            if again is None:
                raise exc from None
            wb, repaired = again
    except pc.PasswordError:
        return {"error": "password", "detail": ""}
    except Damaged as exc:
        return {"error": "damaged", "detail": str(exc)[:300]}
    except Exception as exc:  # CalamineError, XmlError, ZipError, ValueError...
        return {"error": "unreadable", "detail": f"{type(exc).__name__}: {exc}"[:300]}
    sheets = []
    try:
        metas = wb.sheets_metadata
    except Exception:  # noqa: BLE001
        metas = []
    visible = {m.name: str(m.visible).rsplit(".", 1)[-1] == "Visible" for m in metas}
    worksheet = {m.name: str(m.typ).rsplit(".", 1)[-1] == "WorkSheet" for m in metas}
    wanted = request.get("sheet")
    preview = request.get("preview")
    problems = _Problems(path)
    for name in wb.sheet_names:
        if wanted is not None and name != wanted:
            continue
        if not worksheet.get(name, True):
            continue
        try:
            try:
                start, rows, height = _read_sheet(wb, name, preview)
            except pc.CalamineError as exc:  # a cell its type cannot hold refuses the sheet
                again = _repaired(path, name) if not isinstance(exc, pc.PasswordError) else None
                if again is None:
                    raise exc from None
                copy, fixed = again
                repaired.update(fixed)
                start, rows, height = _read_sheet(copy, name, preview)
            found = [] if preview else problems.of(name)
        except pc.PasswordError:
            return {"error": "password", "detail": ""}
        except Damaged as exc:
            return {"error": "damaged", "detail": str(exc)[:300]}
        except Exception as exc:  # noqa: BLE001
            return {"error": "unreadable", "detail": f"{name}: {type(exc).__name__}: {exc}"[:300]}
        cells = sorted(set(found) | set(repaired.get(name, ())))
        sheets.append({
            "name": name, "visible": visible.get(name, True), "start": start,
            "height": height, "rows": rows, "cell_problems": cells,
        })
    if wanted is not None and not sheets:
        return {"error": "no_sheet", "detail": wanted}
    return {"sheets": sheets}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    request = json.loads(args[0])
    _limit_memory(int(request.get("memory") or 3 * 1024**3))
    try:
        answer = _answer(request)
    except MemoryError:
        answer = {"error": "memory", "detail": ""}
    out = sys.stdout.buffer
    out.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
