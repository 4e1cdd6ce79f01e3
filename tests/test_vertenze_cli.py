"""``sportello vertenze`` and ``sportello vertenza show|new|set|site|party|meeting|exit``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sportello.cli import main
from sportello.core.codice_fiscale import encode
from sportello.core.models import EmploymentSituation, TavoloMeeting, Worker
from test_pacts_cli import _run

CF = encode("Gori", "Ettore", "M", dt.date(1971, 4, 2), "A479")
PIVA = "01114601006"


@pytest.fixture
def db(tmp_path: Path) -> str:
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import operators, setup, vertenze

    path = tmp_path / "cli.db"
    with bootstrap(str(path)) as ctx:
        actor = setup.initialise(ctx, setup.OfficeData(code="CPI-AT", name="CPI di Asti"),
                                 setup.AdminData(username="admin", full_name="Anna Amministratrice",
                                                 password="prova1234"))
        ctx = ctx.acting_as(actor)
        operators.create_operator(ctx, operators.OperatorData(
            username="mario", full_name="Mario Operatore", password="sportello2026",
            role="operatore"))
        vid = vertenze.create_vertenza(ctx, code="KON-PC", title="Konecta Paycare",
                                       company_name="Konecta Paycare S.r.l. in liquidazione")
        with ctx.write() as s:
            for i, name in enumerate(["Gori", "Bini", "Nardi"]):
                code = CF if i == 0 else encode(name, "Anna", "F", dt.date(1980, 1, 1 + i), "D612")
                w = Worker(codice_fiscale=code, surname=name, name="Ettore" if i == 0 else "Anna")
                s.add(w)
                s.flush()
                s.add(EmploymentSituation(worker_id=w.id, vertenza_id=vid, is_current=True))
    return str(path)


def test_a_team_leader_edits_a_vertenza_from_the_command_line(db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "--db", db, "vertenza", "set", "KON-PC", "--piva", PIVA,
                          "--cf", PIVA, "--safety-net", "cigs_cessazione", "--opened",
                          "2025-11-20", "--cigs-from", "2026-01-01", "--cigs-to", "31/12/2026",
                          "--expected", "53", "--region", "Toscana")
    assert code == 0, err
    assert "Ammortizzatore: CIGS per cessazione di attività, CIGS dal 01/01/2026 al 31/12/2026" in out
    for comune, prov, n in (("Monteriggioni", "SI", "31"), ("Sesto Fiorentino", "FI", "22")):
        code, out, err = _run(capsys, "--db", db, "vertenza", "site", "KON-PC", "--comune", comune,
                              "--provincia", prov, "--workers", n)
        assert code == 0, err
    code, out, err = _run(capsys, "--db", db, "vertenza", "party", "kon-pc", "--kind", "regione",
                          "--name", "Regione Toscana", "--contact", "Unità di crisi")
    assert code == 0 and "Parte aggiunta al tavolo: Regione Regione Toscana." in out
    verbale = tmp_path / "verbale.txt"
    verbale.write_text("Si apre la seduta.\nLa Regione presenta il piano.\n", encoding="utf-8")
    code, out, err = _run(capsys, "--db", db, "vertenza", "meeting", "KON-PC", "--date",
                          "2026-02-10", "--place", "Firenze, Palazzo Strozzi Sacrati",
                          "--minutes-file", str(verbale), "--decisions", "Piano formativo",
                          "--next", "2026-05-12")
    assert code == 0 and "registrato (il primo)" in out, err
    code, out, err = _run(capsys, "--db", db, "vertenza", "meeting", "KON-PC", "--date",
                          "2026-05-12", "--online")
    assert code == 0 and "(il precedente: 10/02/2026)" in out, err
    code, out, err = _run(capsys, "--db", db, "vertenza", "exit", "--worker", CF.lower(),
                          "--how", "assunto_altrove", "--on", "2026-06-01", "--note", "Logistica")
    assert code == 0 and "Assunto altrove, 01/06/2026" in out, err

    code, out, err = _run(capsys, "--db", db, "vertenza", "show", "KON-PC")
    assert code == 0, err
    for line in ("KON-PC – Konecta Paycare (aperta)",
                 f"Azienda: Konecta Paycare S.r.l. in liquidazione (CF {PIVA}, P.IVA {PIVA})",
                 "Lavoratori: 3 (previsti 53); fascicoli aperti 3; usciti dalla coorte 1; "
                 "da ricollocare 2",
                 "  Monteriggioni (SI): 31 lavoratori", "  Sesto Fiorentino (FI): 22 lavoratori",
                 "  Regione: Regione Toscana – Unità di crisi",
                 "  12/05/2026, online", "  10/02/2026, Firenze, Palazzo Strozzi Sacrati; "
                 "prossimo: 12/05/2026", "    Verbale: Si apre la seduta.",
                 "  Assunto altrove: 1"):
        assert line in out.splitlines(), line
    code, out, err = _run(capsys, "--db", db, "vertenze")
    assert code == 0, err
    header, row = out.splitlines()
    assert header.split()[:3] == ["codice", "titolo", "stato"]
    assert row.split()[:3] == ["KON-PC", "Konecta", "Paycare"]
    assert row.split()[4:8] == ["3", "3", "1", "2"]
    assert row.split()[8:] == ["12/05/2026", "-"]


def test_bad_input_and_an_operator_are_refused(db, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = _run(capsys, "--db", db, "vertenza", "meeting", "KON-PC", "--date",
                           "2026-02-10")
    assert code == 1 and "luogo" in err
    code, _out, err = _run(capsys, "--db", db, "vertenza", "set", "KON-PC", "--piva", "123")
    assert code == 1 and "Partita IVA «123»" in err
    code, _out, err = _run(capsys, "--db", db, "vertenza", "show", "NOPE")
    assert code == 1 and "Nessuna vertenza con codice «NOPE»" in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "vertenza", "meeting", "KON-PC", "--date", "ieri"])
    assert usage.value.code == 2 and "data non valida: ieri" in capsys.readouterr().err
    monkeypatch.setenv("SPORTELLO_OPERATOR", "mario")
    monkeypatch.setenv("SPORTELLO_PASSWORD", "sportello2026")
    monkeypatch.setenv("SPORTELLO_NEW_PASSWORD", "mario-2026!")
    assert main(["--db", db, "password"]) == 0  # the forced first change of a new account
    monkeypatch.setenv("SPORTELLO_PASSWORD", "mario-2026!")
    code, out, err = _run(capsys, "--db", db, "vertenze")
    assert code == 0 and "KON-PC" in out, err  # an operator reads
    code, _out, err = _run(capsys, "--db", db, "vertenza", "meeting", "KON-PC", "--date",
                           "2026-02-10", "--online")
    assert code == 1 and "Solo un responsabile" in err
    from sportello.core.bootstrap import bootstrap

    with bootstrap(db) as ctx, ctx.read() as s:
        assert s.scalar(select(func.count(TavoloMeeting.id))) == 0


def test_a_vertenza_is_created_closed_and_reopened(db, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, "--db", db, "vertenza", "new", "tvb-cn", "--title",
                          "Tessiture Valle Belbo", "--company", "Tessiture Riunite S.r.l.",
                          "--opened", "2025-06-01", "--safety-net", "naspi")
    assert code == 0, err
    assert out.splitlines()[0] == "TVB-CN – Tessiture Valle Belbo (aperta)"
    assert "Ammortizzatore: NASpI" in out
    code, out, err = _run(capsys, "--db", db, "vertenza", "set", "TVB-CN", "--closed",
                          "2025-05-01")
    assert code == 1 and "Chiusura (01/05/2025) precede l'apertura" in err
    code, out, err = _run(capsys, "--db", db, "vertenza", "set", "TVB-CN", "--closed",
                          "2026-11-30")
    assert code == 0 and out.splitlines()[0].endswith("(chiusa)"), err
    code, out, err = _run(capsys, "--db", db, "vertenza", "set", "TVB-CN", "--reopen")
    assert code == 0 and out.splitlines()[0].endswith("(aperta)"), err
    code, _out, err = _run(capsys, "--db", db, "vertenza", "set", "TVB-CN")
    assert code == 1 and "Nessuna modifica" in err
    code, out, err = _run(capsys, "--db", db, "vertenza", "exit", "--worker", CF, "--how",
                          "pensione")
    assert code == 0, err
    code, out, err = _run(capsys, "--db", db, "vertenza", "exit", "--worker", CF, "--clear")
    assert code == 0 and "di nuovo tra quelli da ricollocare" in out, err
    code, out, _err = _run(capsys, "--db", db, "vertenze")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["KON-PC", "TVB-CN"]
