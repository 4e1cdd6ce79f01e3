"""``sportello letter`` / ``letters`` / ``reprint`` on a demo database."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from cli_login import cli_demo
from pypdf import PdfReader

from sportello.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    path = tmp_path / "demo.db"
    assert cli_demo(path, "--workers", "120") == 0, capsys.readouterr()
    with sqlite3.connect(path) as con:
        cf1, cf2 = [r[0] for r in con.execute(
            "SELECT codice_fiscale FROM worker WHERE residence_address IS NOT NULL "
            "ORDER BY id LIMIT 2")]
    return path, cf1, cf2


def test_letter_books_prints_refuses_and_reprints(demo, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, cf1, cf2 = demo
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "--db", str(db), "letter", "convocazione", "--worker", cf1,
                          "--when", "2027-01-11T09:30", "--with-operator", "m.gribaudo",
                          "--out", "conv.pdf")
    assert code == 0, err
    assert "Appuntamento prenotato: 11/01/2027 ore 09:30" in out
    assert "Lettera prot. 1/" in out and "salvata in conv.pdf" in out
    text = PdfReader("conv.pdf").pages[0].extract_text()
    assert "lunedì 11 gennaio 2027" in text and "Marco Gribaudo" in text

    code, _out, err = _run(capsys, "--db", str(db), "letter", "convocazione", "--worker", cf2,
                           "--when", "2027-01-11T09:45", "--with-operator", "m.gribaudo")
    assert code == 1 and "Marco Gribaudo ha già un appuntamento dalle 09:30" in err
    code, _out, err = _run(capsys, "--db", str(db), "letter", "convocazione", "--worker", cf2,
                           "--when", "2027-01-06T09:30", "--with-operator", "m.gribaudo")
    assert code == 1 and "festivo (Epifania" in err and "--confirm-closed-day" in err
    # never at night, never in the past, whatever the options
    for when, message in (("2027-01-11T03:00", "fuori dall'orario di apertura: il lunedì "
                                               "l'ufficio riceve 09:00–12:30"),
                          ("2020-03-02T09:00", "Non si prenota nel passato: 02/03/2020")):
        code, _out, err = _run(capsys, "--db", str(db), "letter", "convocazione", "--worker", cf2,
                               "--when", when, "--with-operator", "m.gribaudo",
                               "--confirm-closed-day")
        assert code == 1 and message in err, err

    # Without --when: the next appointment already booked.
    code, out, err = _run(capsys, "--db", str(db), "letter", "convocazione", "--worker", cf1,
                          "--out", "again.pdf")
    assert code == 0, err
    code, out, err = _run(capsys, "--db", str(db), "letter", "convocazione", "--worker", cf1,
                          "--preview", "--out", "bozza.pdf")
    assert code == 0 and "Anteprima (non protocollata)" in out
    assert "ANTEPRIMA" in PdfReader("bozza.pdf").pages[0].extract_text()

    code, out, _err = _run(capsys, "--db", str(db), "letter", "generica", "--worker", cf1,
                           "--subject", "Documenti", "--text", "Portare la DID.")
    assert code == 0
    protocol = out.split("prot. ")[1].split(" ")[0]
    written = Path(out.strip().rsplit(" in ", 1)[1])
    code, out, _err = _run(capsys, "--db", str(db), "reprint", protocol, "--out", "ristampa.pdf")
    assert code == 0 and f"prot. {protocol}" in out
    assert Path("ristampa.pdf").read_bytes() == written.read_bytes()
    code, _out, err = _run(capsys, "--db", str(db), "letter", "generica", "--worker", cf1)
    assert code == 1 and "Dati mancanti: oggetto della lettera, testo della lettera" in err
    code, _out, err = _run(capsys, "--db", str(db), "letter", "patto", "--worker", "RSSMRA80A01H501U")
    assert code == 1 and "Nessun fascicolo con codice fiscale RSSMRA80A01H501U" in err


def test_letters_call_in_a_vertenza_and_batch(demo, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, _cf1, _cf2 = demo
    out_pdf, each = tmp_path / "convocazioni.pdf", tmp_path / "una-per-lavoratore"
    code, out, err = _run(capsys, "--db", str(db), "letters", "convocazione", "--vertenza", "KON-AT",
                          "--book-from", "2027-01-11", "--book-days", "14",
                          "--with-operator", "l.bertolino", "--with-operator", "m.gribaudo",
                          "--out", str(out_pdf), "--each-dir", str(each))
    assert code == 0, err
    booked = int(out.split("Prenotati ")[1].split(" ")[0])
    assert booked > 0 and f"{booked} lettere (convocazione)" in out
    assert len(PdfReader(out_pdf).pages) == booked
    assert len(list(each.glob("*.pdf"))) == booked
    # Everyone now has an appointment: a second call-in finds nobody.
    code, out, _err = _run(capsys, "--db", str(db), "letters", "convocazione", "--vertenza",
                           "KON-AT", "--book-from", "2027-01-11", "--with-operator", "l.bertolino",
                           "--out", str(tmp_path / "x.pdf"))
    assert code == 0 and "Nessun lavoratore" in out

    code, out, err = _run(capsys, "--db", str(db), "letters", "generica", "--vertenza", "KON-IV",
                          "--status", "aperto", "--subject", "Incontro informativo",
                          "--text", "La informiamo dell'incontro del 15 gennaio.",
                          "--out", str(tmp_path / "generica.pdf"), "--skip-incomplete")
    assert code == 0, err
    reader = PdfReader(io.BytesIO((tmp_path / "generica.pdf").read_bytes()))
    assert "Incontro informativo" in reader.pages[0].extract_text()

    code, err = _usage(capsys, "--db", str(db), "letters", "convocazione", "--book-from",
                       "2027-01-11", "--out", "x.pdf")
    assert code == 2 and "--with-operator" in err
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db), "letters", "lettera-inesistente", "--out", "x.pdf"])
    assert info.value.code == 2


def _usage(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err
