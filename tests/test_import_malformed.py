"""A corpus of more than 100 malformed inputs: each is refused with a clear Italian message
(a ``SportelloError``), never another exception, and the database stays as it was."""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures.import_sheets import HEADERS, worker_rows, write_ods, write_xls, write_xlsx
from sqlalchemy import func, select

from sportello.core.errors import SportelloError
from sportello.core.models import (
    AuditLog,
    EmploymentSituation,
    ExchangeRecord,
    ImportChange,
    Vertenza,
    Worker,
)
from sportello.core.services import imports

Maker = Callable[[Path], Path]


def _valid(path: Path) -> Path:
    return write_xlsx(path, [HEADERS, *worker_rows()])


def _bytes(name: str, data: bytes) -> Maker:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path
    return make


def _truncated(fmt: str, fraction: float) -> Maker:
    def make(tmp: Path) -> Path:
        full = {"xlsx": write_xlsx, "ods": write_ods, "xls": write_xls}[fmt](
            tmp / f"full.{fmt}", [HEADERS, *worker_rows()])
        data = full.read_bytes()
        path = tmp / f"cut.{fmt}"
        path.write_bytes(data[: max(1, int(len(data) * fraction))])
        return path
    return make


def _zip(name: str, members: dict[str, bytes], *, compress: bool = True) -> Maker:
    def make(tmp: Path) -> Path:
        path = tmp / name
        method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        with zipfile.ZipFile(path, "w", method) as z:
            for member, data in members.items():
                z.writestr(member, data)
        return path
    return make


def _patched_xlsx(name: str, patch: Callable[[dict[str, bytes]], None]) -> Maker:
    """A valid xlsx whose parts are then edited."""
    def make(tmp: Path) -> Path:
        src = _valid(tmp / "src.xlsx")
        with zipfile.ZipFile(src) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        patch(parts)
        path = tmp / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for member, data in parts.items():
                z.writestr(member, data)
        return path
    return make


def _corrupt_member(src: Path, dst: Path, member: str, where: float) -> Path:
    """A copy of ``src`` with six bytes of ``member``'s compressed stream flipped at ``where``
    (0..1) of its length: the zip's directory stays sound, the deflate stream does not."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo(member)
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    first = min(int(info.compress_size * where), info.compress_size - 1)
    for k in range(first, min(info.compress_size, first + 6)):
        data[start + k] ^= 0x5A
    dst.write_bytes(bytes(data))
    return dst


VALID = {"xlsx": lambda p: write_xlsx(p, [HEADERS, *worker_rows()]),
         "ods": lambda p: write_ods(p, [HEADERS, *worker_rows()])}
# the parts the reader needs: a corrupt deflate stream in one of them refuses the file
NEEDED = {"xlsx": ("xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                   "xl/styles.xml", "_rels/.rels"),
          "ods": ("content.xml", "META-INF/manifest.xml", "mimetype")}
WHERE = (0.0, 0.4, 0.9)


def _deflate(fmt: str, member: str, where: float) -> Maker:
    def make(tmp: Path) -> Path:
        src = VALID[fmt](tmp / f"src.{fmt}")
        return _corrupt_member(src, tmp / f"rotto.{fmt}", member, where)
    return make


def _sheet_xml(parts: dict[str, bytes]) -> str:
    return next(n for n in parts if n.startswith("xl/worksheets/sheet"))


def _encrypted_zip(tmp: Path) -> Path:
    src = _valid(tmp / "src.xlsx")
    data = bytearray(src.read_bytes())
    # set bit 0 (encrypted) of the general purpose flags in every local and central header
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(sig, start)) != -1:
            data[start + offset] |= 1
            start += 4
    path = tmp / "encrypted.xlsx"
    path.write_bytes(bytes(data))
    return path


def _ole_encrypted(tmp: Path) -> Path:
    path = tmp / "protetto.xlsx"
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    path.write_bytes(body + b"\0" * 2000 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    return path


def _ods_encrypted(tmp: Path) -> Path:
    return _zip("protetto.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"\x8a\x11garbage",
        "META-INF/manifest.xml": b'<manifest:manifest><manifest:file-entry manifest:full-path='
                                 b'"content.xml"><manifest:encryption-data/></manifest:file-entry>'
                                 b"</manifest:manifest>"})(tmp)


def _bomb(size: int, name: str = "bomba.xlsx") -> Maker:
    def make(tmp: Path) -> Path:
        path = tmp / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", b"<Types/>")
            z.writestr("xl/workbook.xml", b"<workbook/>")
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                chunk = b" " * (1 << 20)
                for _ in range(size // len(chunk)):
                    fh.write(chunk)
        return path
    return make


def _huge_cell(tmp: Path) -> Path:
    """A real cell at XFD1048576 (no dimension): calamine would allocate 549 GB."""
    def patch(parts: dict[str, bytes]) -> None:
        name = _sheet_xml(parts)
        xml = parts[name].replace(b"<dimension ref=", b"<dimensionX ref=")
        xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr">'
                          b"<is><t>x</t></is></c></row></sheetData>")
        parts[name] = xml
    return _patched_xlsx("enorme.xlsx", patch)(tmp)


def _dimension(ref: str) -> Maker:
    def patch(parts: dict[str, bytes]) -> None:
        name = _sheet_xml(parts)
        xml = parts[name]
        start = xml.index(b"<dimension")
        end = xml.index(b"/>", start) + 2
        parts[name] = xml[:start] + f'<dimension ref="{ref}"/>'.encode() + xml[end:]
    return _patched_xlsx(f"dim-{ref.replace(':', '-')}.xlsx", patch)


def _formula(col: int, formula: str, name: str) -> Maker:
    def make(tmp: Path) -> Path:
        rows = [HEADERS, *worker_rows()]
        rows[2][col] = formula
        return write_xlsx(tmp / name, rows)
    return make


def _rows_with(edit: Callable[[list[list[object]]], None], name: str,
               writer: Callable[..., Path] = write_xlsx) -> Maker:
    def make(tmp: Path) -> Path:
        rows = [HEADERS, *worker_rows()]
        edit(rows)
        return writer(tmp / name, rows)
    return make


def _set(row: int, col: int, value: object) -> Callable[[list[list[object]]], None]:
    def edit(rows: list[list[object]]) -> None:
        rows[row][col] = value
    return edit


def _corpus() -> dict[str, Maker]:
    rnd = random.Random(2026)
    corpus: dict[str, Maker] = {}
    # not a spreadsheet at all
    for i in range(12):
        corpus[f"random-bytes-{i}"] = _bytes(f"r{i}.xlsx", rnd.randbytes(rnd.randint(1, 5000)))
    corpus["empty-file"] = _bytes("vuoto.xlsx", b"")
    corpus["text"] = _bytes("testo.xls", "Codice fiscale;Cognome\nRSSMRA;Rossi\n".encode())
    corpus["html-as-xls"] = _bytes("export.xls", b"<html><table><tr><td>CF</td></tr></table></html>")
    corpus["pdf"] = _bytes("lista.xlsx", b"%PDF-1.4\n" + b"0" * 500)
    corpus["json"] = _bytes("lista.ods", b'{"a": 1}')
    corpus["ole-garbage"] = _bytes("vecchio.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rnd.randbytes(3000))
    corpus["pk-garbage"] = _bytes("rotto.xlsx", b"PK\x03\x04" + rnd.randbytes(2000))
    corpus["pk-short"] = _bytes("corto.xlsx", b"PK")
    corpus["utf16-text"] = _bytes("u.xls", "ciao,mondo".encode("utf-16"))
    # truncated
    for fmt in ("xlsx", "ods", "xls"):
        for frac in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99):
            corpus[f"truncated-{fmt}-{frac}"] = _truncated(fmt, frac)
    # encrypted / password-protected
    corpus["zip-encrypted-flag"] = _encrypted_zip
    corpus["ooxml-encrypted-ole"] = _ole_encrypted
    corpus["ods-encrypted"] = _ods_encrypted
    # zip bombs and huge sheets
    corpus["bomb-ratio"] = _bomb(64 * 1024**2)
    corpus["bomb-ods"] = _zip("bomba.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b" " * (60 * 1024**2)})
    corpus["huge-cell-XFD1048576"] = _huge_cell
    for ref in ("A1:XFD1048576", "A1:ZZ999999", "A1:XFD200000", "B2:AAA1000000"):
        corpus[f"dimension-{ref}"] = _dimension(ref)
    # containers that are not a workbook
    corpus["zip-empty"] = _zip("vuoto.xlsx", {"readme.txt": b"ciao"})
    corpus["docx"] = _zip("lettera.xlsx", {"[Content_Types].xml": b"<Types/>",
                                             "word/document.xml": b"<document/>"})
    corpus["odt"] = _zip("testo.ods", {"mimetype": b"application/vnd.oasis.opendocument.text",
                                        "content.xml": b"<x/>"})
    corpus["ods-no-content"] = _zip("senza.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    corpus["xlsx-garbage-xml"] = _patched_xlsx("xml.xlsx", lambda p: p.__setitem__(
        _sheet_xml(p), b"<worksheet><sheetData><row><c r=\"A1\"><v>1</v></row>"))
    corpus["xlsx-no-sheets"] = _patched_xlsx("nosheet.xlsx", lambda p: p.__setitem__(
        "xl/workbook.xml", b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main"><sheets/></workbook>'))
    corpus["xlsx-binary-sheet"] = _patched_xlsx("bin.xlsx", lambda p: p.__setitem__(
        _sheet_xml(p), bytes(range(256)) * 10))
    # empty or headless sheets
    corpus["empty-sheet"] = lambda tmp: write_xlsx(tmp / "vuoto.xlsx", [])
    corpus["header-only"] = lambda tmp: write_xlsx(tmp / "intestazione.xlsx", [HEADERS])
    corpus["no-header"] = lambda tmp: write_xlsx(tmp / "numeri.xlsx", [[1, 2, 3], [4, 5, 6]])
    corpus["header-only-ods"] = lambda tmp: write_ods(tmp / "intestazione.ods", [HEADERS])
    corpus["header-only-xls"] = lambda tmp: write_xls(tmp / "intestazione.xls", [HEADERS])
    corpus["no-cf-column"] = lambda tmp: write_xlsx(tmp / "senzacf.xlsx", [
        ["Cognome", "Nome", "Data di nascita"], ["Rossi", "Mario", "01/01/1980"]])
    # formulas without cached values (written by a program, never opened in Excel)
    for i, (col, formula) in enumerate([(0, "=A3"), (1, '=UPPER("rossi")'), (3, "=TODAY()"),
                                        (6, "=1+1"), (9, "=DATE(2024,1,8)")]):
        corpus[f"formula-{i}"] = _formula(col, formula, f"formula{i}.xlsx")
    # control characters
    for i, (col, value) in enumerate([(1, "Ros\x00si"), (2, "Ma\x07rio"), (0, "RSSMRA80D03\x1bA479Y"),
                                      (3, "03/04\x0b/1980"), (4, "As\x08ti"), (7, "O\x01"),
                                      (1, "\x7f"), (2, "Mario\x1f"), (6, "347\x02123")]):
        # openpyxl refuses them; .xls holds them as they are, .xlsx as Excel's _xHHHH_ escapes
        corpus[f"control-char-{i}"] = _rows_with(_set(2, col, value), f"ctrl{i}.xls", write_xls)
        escaped = "".join(f"_x{ord(c):04X}_" if ord(c) < 32 or ord(c) == 127 else c for c in value)
        corpus[f"control-char-xlsx-{i}"] = _rows_with(_set(2, col, escaped), f"ctrl{i}.xlsx")
    # wrong types in every column, in every writer that can hold them
    wrong = {
        0: [12345, 3.5, True, dt.date(2020, 1, 1), "NON UN CF"],
        1: [42, True, dt.date(2020, 1, 1), "1234"],
        2: [7.5, False, dt.date(1999, 9, 9), "!!!"],
        3: ["ieri", True, -5, 99999999, "31/13/1980", "2020-02-30"],
        4: [True, 123, dt.date(2020, 1, 1)],
        5: ["ABC", 12.5, True, dt.date(2020, 1, 1), "1234567"],
        6: [True, "abc", dt.date(2020, 1, 1), 12, 3.14],
        7: ["Z", 99, True, dt.date(2020, 1, 1)],
        8: ["X", 3, True],
        9: ["domani?", True, -1, "32/01/2024"],
    }
    for col, bad_values in wrong.items():
        for k, value in enumerate(bad_values):
            corpus[f"wrong-type-col{col}-{k}"] = _rows_with(_set(1 + k % 3, col, value),
                                                            f"wt{col}-{k}.xlsx")
    for col, value in [(1, 42), (3, "ieri"), (5, "ABC")]:
        corpus[f"wrong-type-xls-col{col}"] = _rows_with(_set(2, col, value), f"wt{col}.xls", write_xls)
        corpus[f"wrong-type-ods-col{col}"] = _rows_with(_set(2, col, value), f"wt{col}.ods", write_ods)
    corpus["future-birth"] = _rows_with(_set(1, 3, dt.date(2999, 1, 1)), "futuro.xlsx")
    corpus["too-long-surname"] = _rows_with(_set(1, 1, "A" * 300), "lungo.xlsx")
    corpus["missing-cf"] = _rows_with(_set(1, 0, None), "senza.xlsx")
    # a corrupt deflate stream in each part the reader needs, at its start, middle and end
    for fmt, members in NEEDED.items():
        for member in members:
            for where in WHERE:
                name = member.replace("/", "_")
                corpus[f"deflate-{fmt}-{name}-{where}"] = _deflate(fmt, member, where)
    corpus["a-directory"] = lambda tmp: (tmp / "cartella.xlsx").mkdir() or tmp / "cartella.xlsx"
    corpus["missing-file"] = lambda tmp: tmp / "non-esiste.xlsx"
    return corpus


CORPUS = _corpus()


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 100


def _state(ctx) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (
            Worker, EmploymentSituation, ExchangeRecord, ImportChange, AuditLog, Vertenza))


@pytest.fixture
def sqlite_ctx(sqlite_url: str):  # type: ignore[no-untyped-def]
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    context = bootstrap(sqlite_url)
    actor = setup.initialise(context, setup.OfficeData(code="CPI-AT", name="CPI Asti"),
                             setup.AdminData(username="admin", full_name="Anna Rossi",
                                             password="prova1234"))
    context = context.acting_as(actor)
    yield context
    context.close()


def test_every_malformed_input_is_refused_cleanly(sqlite_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_ctx
    # a valid import first, so that "unchanged" also means existing files untouched
    imports.import_file(ctx, _valid(tmp_path / "ok.xlsx"))
    before = _state(ctx)
    failures = []
    messages = {}
    for name, make in CORPUS.items():
        folder = tmp_path / name
        folder.mkdir()
        path = make(folder)
        try:
            imports.import_file(ctx, path, vertenza=imports.VertenzaChoice("NUOVA", create=True))
        except SportelloError as exc:
            text = str(exc)
            messages[name] = text
            if not text or "Traceback" in text or not any(
                    w in text.lower() for w in ("file", "foglio", "riga", "colonna", "profilo",
                                                "intestazione", "codice fiscale", "cartella")):
                failures.append(f"{name}: messaggio poco chiaro: {text!r}")
        except BaseException as exc:  # noqa: BLE001 - that is what the test is about
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
        else:
            failures.append(f"{name}: importato senza errori")
        if _state(ctx) != before:
            failures.append(f"{name}: il database è cambiato")
            before = _state(ctx)
    assert not failures, "\n".join(failures)
    assert "password" in messages["zip-encrypted-flag"]
    assert "password" in messages["ooxml-encrypted-ole"] and "password" in messages["ods-encrypted"]
    assert "zip bomb" in messages["bomb-ratio"]
    # a formula without a cached value is an error of its own row, not of the sheet
    assert "Riga 3, colonna A" in messages["formula-0"]
    assert "formula senza valore calcolato" in messages["formula-0"]
    assert "vuoto" in messages["empty-file"]
    assert "Riga 2, colonna D" in messages["wrong-type-col3-0"]
    assert "non esiste" in messages["missing-file"]


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_a_corrupt_deflate_stream_in_any_part_of_the_zip(sqlite_ctx, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """Every part of the package, damaged at its start, middle and end: the file is refused
    with the clear message (never zlib.error or another exception), or, when the part is one
    the reader never uses (document properties, theme), read with all of its data."""
    src = VALID[fmt](tmp_path / f"valido.{fmt}")
    with zipfile.ZipFile(src) as z:
        members = z.namelist()
    refused = []
    for member in members:
        for where in WHERE:
            path = _corrupt_member(src, tmp_path / f"{member.replace('/', '_')}-{where}.{fmt}",
                                   member, where)
            try:
                analysis = imports.analyse(sqlite_ctx, path)
            except SportelloError as exc:
                text = str(exc)
                assert path.name in text and "Traceback" not in text, (member, text)
                assert "danneggiato" in text or "non può essere letto" in text, (member, text)
                refused.append(member)
                continue
            assert (analysis.to_insert, analysis.errors) == (len(worker_rows()), []), member
    assert set(NEEDED[fmt]) <= set(refused)
    assert set(refused) <= set(NEEDED[fmt])  # the others hold no data: read in full


def test_the_child_survives_what_would_kill_the_app(tmp_path: Path) -> None:
    """A cell at XFD1048576 is refused by the isolated reader, and this process lives on."""
    from sportello.core.exchange import sheet_reader

    path = _huge_cell(tmp_path)
    with pytest.raises(sheet_reader.UnreadableFile):
        sheet_reader.read_sheet(path, "Lavoratori")
    assert io.BytesIO(b"still alive").read() == b"still alive"
