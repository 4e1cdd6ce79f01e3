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
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import zipfile

# A formula cell without a cached value: <c ...><f>...</f></c> with no <v>.
_XLSX_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_XLSX_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_HAS_VALUE = re.compile(rb"<v>[^<]")
_ODS_CELL = re.compile(rb"<table:table-cell\b([^>]*)>")


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimit; the OS refuses a 549 GB commit by itself
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


def _xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name, from workbook.xml and its relationships."""
    try:
        workbook = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
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
            text = name.group(1).decode("utf-8", "replace")
            text = (text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", '"').replace("&apos;", "'"))
            parts[text] = targets[rid.group(1)]
    return parts


def _formulas_without_value_xlsx(zf: zipfile.ZipFile, part: str, cap: int = 50) -> list[str]:
    """References of formula cells that carry no cached value (written by a program, never
    opened in Excel): calamine would read them as empty, silently losing data."""
    try:
        with zf.open(part) as fh:
            data = fh.read()
    except KeyError:
        return []
    if b"<f" not in data:
        return []
    found: list[str] = []
    for cell in _XLSX_CELL.finditer(data):
        body = cell.group(2)
        if not body or b"<f" not in body or b"<is>" in body or _HAS_VALUE.search(body):
            continue  # openpyxl writes an empty <v></v> after a formula it never computed
        ref = _XLSX_REF.search(cell.group(1))
        found.append(ref.group(1).decode() if ref else "?")
        if len(found) >= cap:
            break
    return found


def _formulas_without_value_ods(zf: zipfile.ZipFile, cap: int = 50) -> list[str]:
    try:
        with zf.open("content.xml") as fh:
            data = fh.read()
    except KeyError:
        return []
    if b"table:formula=" not in data:
        return []
    found: list[str] = []
    for cell in _ODS_CELL.finditer(data):
        attrs = cell.group(1)
        if b"table:formula=" in attrs and b"office:value-type=" not in attrs:
            formula = re.search(rb'table:formula="([^"]*)"', attrs)
            found.append(formula.group(1).decode("utf-8", "replace")[:60] if formula else "?")
            if len(found) >= cap:
                break
    return found


def _formula_check(path: str, sheet: str) -> list[str]:
    if not zipfile.is_zipfile(path):
        return []  # .xls: a FORMULA record always carries its last result
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if "content.xml" in names:
            return _formulas_without_value_ods(zf)
        part = _xlsx_sheet_parts(zf).get(sheet)
        return _formulas_without_value_xlsx(zf, part) if part else []


def _answer(request: dict) -> dict:
    import python_calamine as pc

    path = request["path"]
    try:
        wb = pc.CalamineWorkbook.from_path(path)
    except pc.PasswordError:
        return {"error": "password", "detail": ""}
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
    for name in wb.sheet_names:
        if wanted is not None and name != wanted:
            continue
        if not worksheet.get(name, True):
            continue
        try:
            ws = wb.get_sheet_by_name(name)
            start = ws.start or (0, 0)
            rows = ws.to_python(skip_empty_area=True, nrows=preview) if preview else ws.to_python(
                skip_empty_area=True)
            height = ws.height
        except pc.PasswordError:
            return {"error": "password", "detail": ""}
        except Exception as exc:  # noqa: BLE001
            return {"error": "unreadable", "detail": f"{name}: {type(exc).__name__}: {exc}"[:300]}
        sheets.append({
            "name": name, "visible": visible.get(name, True), "start": tuple(start),
            "height": height, "rows": rows,
            "formulas_without_value": [] if preview else _formula_check(path, name),
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
