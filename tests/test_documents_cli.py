"""``sportello attach``, ``documents`` and ``protocol in|list``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from document_files import disguised_executable, write
from sportello.cli import main
from sportello.core.codice_fiscale import encode
from sportello.core.exchange.xlsx import rows_of

CF = encode("Gori", "Ettore", "M", dt.date(1971, 4, 2), "A479")
TODAY = dt.date.today()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import pacts, setup, workers

    path = tmp_path / "cli.db"
    with bootstrap(str(path)) as ctx:
        actor = setup.initialise(ctx, setup.OfficeData(code="CPI-AT", name="CPI di Asti"),
                                 setup.AdminData(username="admin", full_name="Anna Amministratrice",
                                                 password="prova1234"))
        ctx = ctx.acting_as(actor)
        worker = workers.create(ctx, workers.WorkerForm(codice_fiscale=CF, surname="Gori",
                                                        name="Ettore"))
        pacts.new_draft(ctx, worker, pacts.PactForm("ricerca attiva", None,
                                                    TODAY + dt.timedelta(days=90)))
    return str(path)


def test_attach_list_and_save_a_copy(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    scan = write(tmp_path, "carta-identita.jpg")
    code, out, err = _run(capsys, "--db", db, "attach", "--worker", CF.lower(), str(scan),
                          "--kind", "identita", "--note", "fronte e retro")
    assert code == 0, err
    assert "Allegato: n. 1 | Documento d'identità | carta-identita.jpg | immagine JPEG" in out
    code, out, _ = _run(capsys, "--db", db, "documents", "--worker", CF)
    assert code == 0 and "carta-identita.jpg" in out and "Anna Amministratrice" in out
    code, out, _ = _run(capsys, "--db", db, "documents", "--worker", CF, "--kind", "cv")
    assert code == 0 and out.strip() == "Nessun documento nel fascicolo."
    copy = tmp_path / "copia.jpg"
    code, out, _ = _run(capsys, "--db", db, "documents", "--save", "1", "--out", str(copy))
    assert code == 0 and copy.read_bytes() == scan.read_bytes()


def test_attach_refuses_a_disguised_program_and_a_wrong_kind(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "--db", db, "attach", "--worker", CF,
                          str(disguised_executable(tmp_path)), "--kind", "altro")
    assert code == 1 and "«fattura.pdf» è un programma eseguibile" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "attach", "--worker", CF, str(write(tmp_path, "foto.png")),
              "--kind", "foto"])
    assert usage.value.code == 2 and "--kind" in capsys.readouterr().err
    code, out, _ = _run(capsys, "--db", db, "documents", "--worker", CF)
    assert out.strip() == "Nessun documento nel fascicolo."


def test_the_signed_scan_of_the_patto_from_the_command_line(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "--db", db, "attach", "--worker", CF,
                          str(write(tmp_path, "scansione.pdf")), "--kind", "patto", "--pact", "1")
    assert code == 0, err
    assert f"Patto di servizio: revisione 1 firmata il {TODAY:%d/%m/%Y}." in out
    code, out, _ = _run(capsys, "--db", db, "pact", "list", "--worker", CF)
    assert f"revisione 1: firmato, firmato il {TODAY:%d/%m/%Y}" in out


def test_protocol_in_and_the_register(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "--db", db, "protocol", "in", "--from", "INPS Asti",
                          "--subject", "Comunicazione NASpI", "--worker", CF, "--channel", "pec",
                          "--kind", "inps", str(write(tmp_path, "scansione.pdf")))
    assert code == 0, err
    assert out.strip() == (f"Protocollo in entrata n. 1/{TODAY.year} del {TODAY:%d/%m/%Y}: "
                           "INPS Asti – Comunicazione NASpI")
    code, out, err = _run(capsys, "--db", db, "protocol", "in", "--from", "Ente Alfa",
                          "--subject", "Foglio presenze")
    assert code == 0 and f"n. 2/{TODAY.year}" in out
    code, out, _ = _run(capsys, "--db", db, "documents", "--worker", CF)
    assert f"prot. 1/{TODAY.year} da INPS Asti" in out
    register = tmp_path / "registro.xlsx"
    code, out, err = _run(capsys, "--db", db, "protocol", "list", "--since",
                          TODAY.isoformat(), "--out", str(register))
    assert code == 0 and "2 registrazioni" in out
    assert [r[0] for r in rows_of(register)] == ["Protocollo", f"1/{TODAY.year}",
                                                 f"2/{TODAY.year}"]
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "protocol", "in", "--from", "X"])
    assert usage.value.code == 2 and "--subject" in capsys.readouterr().err
