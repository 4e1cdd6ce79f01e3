"""``sportello export monitoring`` and ``sportello report monitoring`` from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cli_login import cli_demo
from openpyxl import load_workbook
from pypdf import PdfReader

from sportello.cli import main
from sportello.core.services import monitoring

TODAY = dt.date.today()
SINCE = TODAY - dt.timedelta(days=60)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.db"
    assert cli_demo(path, "--workers", "80") == 0, capsys.readouterr()
    return path


def test_export_and_report_monitoring(demo_db: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tavolo.xlsx"
    code, said, err = _run(capsys, "--db", str(demo_db), "export", "monitoring", str(out),
                           "--vertenza", "KON-AT", "--since", f"{SINCE:%d/%m/%Y}")
    assert code == 0, err
    assert "vertenza KON-AT" in said and str(out) in said
    wb = load_workbook(out)
    summary = list(wb["Riepilogo"].iter_rows(values_only=True))
    assert ("Confronto con il", dt.datetime.combine(SINCE, dt.time())) in [r[:2] for r in summary]
    assert wb["Grafici"]._charts and wb["Andamento"]._charts

    pdf = tmp_path / "tavolo.pdf"
    code, said, err = _run(capsys, "--db", str(demo_db), "report", "monitoring", "--out",
                           str(pdf), "--at", TODAY.isoformat(), "--since", SINCE.isoformat())
    assert code == 0, err
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Tutti i fascicoli" in text and f"{SINCE:%d/%m/%Y}" in text
    assert "Fascicoli per stato" in text


def test_bad_dates_and_options_are_refused(demo_db: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    code, _out, err = _run(capsys, "--db", str(demo_db), "export", "monitoring", str(out),
                           "--at", SINCE.isoformat(), "--since", TODAY.isoformat())
    assert code == 1 and "segue" in err and not out.exists()
    code, _out, err = _run(capsys, "--db", str(demo_db), "export", "monitoring", str(out),
                           "--vertenza", "NESSUNA")
    assert code == 1 and "NESSUNA" in err and not out.exists()
    code, _out, err = _run(capsys, "--db", str(demo_db), "export", "workers", str(out),
                           "--since", SINCE.isoformat())
    assert code == 2 and "monitoring" in err and not out.exists()
    with pytest.raises(SystemExit) as info:
        main(["--db", str(demo_db), "report", "monitoring", "--out", str(tmp_path / "r.pdf"),
              "--at", "31/02/2026"])
    assert info.value.code == 2
    code, _out, err = _run(capsys, "--db", str(demo_db), "report", "monitoring", "--out",
                           str(tmp_path / "r.pdf"), "--at",
                           (TODAY + dt.timedelta(days=3)).isoformat())
    assert code == 1 and "futuro" in err


def test_the_report_compares_with_the_previous_tavolo_by_default(demo_db: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    ctx = bootstrap(f"sqlite:///{demo_db}")
    try:
        previous = monitoring.default_since(ctx.acting_as(setup.default_actor(ctx)),
                                            vertenza="KON-AT")
    finally:
        ctx.close()
    pdf = tmp_path / "tavolo.pdf"
    code, said, err = _run(capsys, "--db", str(demo_db), "report", "monitoring", "--out",
                           str(pdf), "--vertenza", "KON-AT")
    assert code == 0, err
    assert f"confronto con il {previous:%d/%m/%Y}" in said
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert f"{previous:%d/%m/%Y}" in text
