"""Excel exports: every kind, real types, header, filter, vertenza, and never a formula."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cli_login import cli_demo
from openpyxl import load_workbook

from sportello.cli import main
from sportello.core import codice_fiscale as cf
from sportello.core.exchange import xlsx
from sportello.core.services import export, workers


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("exp") / "demo.db"
    assert cli_demo(path, "--workers", "120") == 0
    return str(path)


@pytest.mark.parametrize("kind", sorted(export.KINDS))
def test_every_kind_exports_from_the_cli(demo_db: str, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.xlsx"
    assert main(["--db", demo_db, "export", kind, str(out)]) == 0
    wb = load_workbook(out)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header == [c.header for c in export.KINDS[kind].columns]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{ws.max_row}"
    assert ws.max_row > 1, f"{kind}: the demo data should fill it"
    for column, cell in zip(export.KINDS[kind].columns, ws[2], strict=True):
        if cell.value is None:
            continue
        if column.kind in ("date", "datetime"):
            assert isinstance(cell.value, dt.datetime), (column.header, cell.value)
        elif column.kind in ("euro", "number", "int"):
            assert isinstance(cell.value, (int, float)), (column.header, cell.value)
        else:
            assert isinstance(cell.value, str), (column.header, cell.value)


def test_workers_keep_cf_and_phone_as_text_and_filter_by_vertenza(demo_db: str, tmp_path: Path) -> None:
    all_out, asti_out = tmp_path / "all.xlsx", tmp_path / "asti.xlsx"
    assert main(["--db", demo_db, "export", "workers", str(all_out)]) == 0
    assert main(["--db", demo_db, "export", "workers", str(asti_out), "--vertenza", "KON-AT"]) == 0
    rows = list(xlsx.rows_of(all_out))[1:]
    asti = list(xlsx.rows_of(asti_out))[1:]
    assert 0 < len(asti) < len(rows)
    assert all(r[15] == "Konecta Asti" or "Asti" in str(r[15]) for r in asti)
    assert all(cf.is_valid(r[0]) for r in rows)
    phones = [r[12] for r in rows if r[12]]
    assert phones and all(isinstance(p, str) and not p.endswith(".0") for p in phones)


def test_unknown_vertenza_refused_and_no_file(demo_db: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.xlsx"
    assert main(["--db", demo_db, "export", "workers", str(out), "--vertenza", "NOPE"]) == 1
    assert "NOPE" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as usage:
        main(["--db", demo_db, "export", "nonsense", str(out)])
    assert usage.value.code == 2


def test_text_that_looks_like_a_formula_stays_text(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cf.encode("Rossi", "Mario", "M", dt.date(1980, 1, 1), "A479")
    workers.create(ctx, workers.WorkerForm(
        codice_fiscale=code, surname="Rossi", name="Mario",
        residence_address='=HYPERLINK("http://example.invalid","clic")', notes="-5 anni", mobile="+39 347 1234567"))
    out = tmp_path / "w.xlsx"
    export.export(ctx, "workers", out)
    ws = load_workbook(out).active
    address = ws.cell(2, 8)
    assert address.value == '=HYPERLINK("http://example.invalid","clic")'
    assert address.data_type == "s" and address.quotePrefix
    assert ws.cell(2, 13).value == "+39 347 1234567"  # a phone starting with + stays text
    import zipfile

    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_region_layout_and_blank_template_from_the_cli(demo_db: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    profile = "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore"
    out = tmp_path / "regione.xlsx"
    assert main(["--db", demo_db, "export", "workers", str(out), "--profile", profile]) == 0
    assert "profilo «Emilia-Romagna CIGS 2020" in capsys.readouterr().out
    rows = list(xlsx.rows_of(out))
    assert rows[0][:4] == ("Codice fiscale", "Cognome", "Nome", "Sesso") and len(rows[0]) == 21
    assert len(rows) == 121  # every demo worker
    assert main(["--db", demo_db, "export", "pathways", str(out), "--profile", profile]) == 1
    assert "solo all'esportazione dei lavoratori" in capsys.readouterr().err
    blank = tmp_path / "modello.xlsx"
    assert main(["--db", demo_db, "template", str(blank), "--profile", profile]) == 0
    wb = load_workbook(blank)
    assert [c.value for c in wb.worksheets[0][1]][:2] == ["Codice fiscale", "Cognome"]
    assert wb.worksheets[0].data_validations.dataValidation  # drop-down lists
