"""``sportello pact list / new / revise / sign``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sportello.cli import main
from sportello.core.codice_fiscale import encode

CF = encode("Gori", "Ettore", "M", dt.date(1971, 4, 2), "A479")
TODAY = dt.date.today()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import pathways, setup, workers

    path = tmp_path / "cli.db"
    with bootstrap(str(path)) as ctx:
        actor = setup.initialise(ctx, setup.OfficeData(code="CPI-AT", name="CPI di Asti"),
                                 setup.AdminData(username="admin", full_name="Anna Amministratrice",
                                                 password="prova1234"))
        ctx = ctx.acting_as(actor)
        worker = workers.create(ctx, workers.WorkerForm(codice_fiscale=CF, surname="Gori",
                                                        name="Ettore"))
        pathways.open_pathway(ctx, worker, "gol2")
    return str(path)


def test_pact_new_sign_revise_and_list(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = _run(capsys, "--db", db, "pact", "list", "--worker", CF)
    assert code == 0 and "Nessun patto di servizio" in out
    impegni = tmp_path / "impegni.txt"
    impegni.write_text("partecipare al corso\ncercare lavoro attivamente\n", encoding="utf-8")
    review = TODAY + dt.timedelta(days=60)
    code, out, err = _run(capsys, "--db", db, "pact", "new", "--worker", CF.lower(),
                          "--commitments-file", str(impegni), "--review", f"{review:%Y-%m-%d}")
    assert code == 0, err
    # the pathway of the open pathway by default
    assert out.strip() == (f"Bozza del patto: revisione 1: bozza, non firmato; GOL 2 – "
                           f"Aggiornamento (upskilling); verifica il {review:%d/%m/%Y}")
    code, _out, err = _run(capsys, "--db", db, "pact", "new", "--worker", CF)
    assert code == 1 and "C'è già una bozza del patto (revisione 1)" in err
    tomorrow = TODAY + dt.timedelta(days=1)
    code, _out, err = _run(capsys, "--db", db, "pact", "sign", "--worker", CF,
                           "--on", f"{tomorrow:%Y-%m-%d}")
    assert code == 1 and "Data di firma" in err and "nel futuro" in err
    code, out, err = _run(capsys, "--db", db, "pact", "sign", "--worker", CF)
    assert code == 0 and f"Patto firmato: revisione 1: firmato, firmato il {TODAY:%d/%m/%Y}" in out
    code, _out, err = _run(capsys, "--db", db, "pact", "sign", "--worker", CF)
    assert code == 1 and "Nessuna bozza del patto" in err

    code, out, err = _run(capsys, "--db", db, "pact", "revise", "--worker", CF, "--path", "gol3")
    assert code == 0, err
    assert "revisione 2: bozza" in out and "GOL 3 – Riqualificazione" in out
    code, out, _err = _run(capsys, "--db", db, "pact", "list", "--worker", CF)
    assert out.splitlines()[0].startswith("revisione 2: bozza")
    assert out.splitlines()[1].startswith("revisione 1: firmato")  # in force until signed
    code, out, _err = _run(capsys, "--db", db, "pact", "sign", "--worker", CF)
    code, out, _err = _run(capsys, "--db", db, "pact", "list", "--worker", CF)
    assert [line.split(",")[0] for line in out.splitlines()] == [
        "revisione 2: firmato", "revisione 1: sostituito"]


def test_pact_refusals_and_usage(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = _run(capsys, "--db", db, "pact", "revise", "--worker", CF)
    assert code == 1 and "Nessun patto firmato in vigore" in err
    code, _out, err = _run(capsys, "--db", db, "pact", "new", "--worker", CF, "--review",
                           "2001-01-01")
    assert code == 1 and "Data di verifica: non può essere nel passato" in err
    code, _out, err = _run(capsys, "--db", db, "pact", "new", "--worker", CF,
                           "--commitments-file", str(tmp_path / "manca.txt"))
    assert code == 1 and "Impossibile leggere il file degli impegni" in err
    code, _out, err = _run(capsys, "--db", db, "pact", "list", "--worker", "RSSMRA80A01H501U")
    assert code == 1 and "Nessun fascicolo con codice fiscale RSSMRA80A01H501U" in err
    with pytest.raises(SystemExit) as info:
        main(["--db", db, "pact", "new", "--worker", CF, "--path", "gol9"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["--db", db, "pact", "sign"])
    assert info.value.code == 2
    code, _out, err = _run(capsys, "--db", db, "pact")
    assert code == 2 and "list, new, revise o sign" in err
