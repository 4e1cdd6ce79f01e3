"""The command line: exit codes 0 / 1 / 2, Italian messages, database selection."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_login import cli_demo

from sportello.cli import main

ADMIN_ARGS = ["--office-code", "CPI-TO", "--office-name", "Centro per l'Impiego di Torino",
              "--admin", "m.rossi", "--admin-name", "Maria Rossi"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _usage_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    return int(info.value.code or 0), capsys.readouterr().err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.db"
    assert cli_demo(path, "--workers", "50") == 0, capsys.readouterr()
    return path


def test_init_creates_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sub" / "nuovo.db"
    code, out, _err = _run(capsys, "--db", str(path), "init")
    assert code == 0
    assert path.exists() and "Database pronto" in out
    assert "non ancora configurato" in out
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 0 and "Database integro." in out


def test_init_with_office_and_admin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ufficio.db"
    monkeypatch.delenv("SPORTELLO_PASSWORD", raising=False)
    code, _out, err = _run(capsys, "--db", str(path), "init", *ADMIN_ARGS)
    assert code == 1 and "SPORTELLO_PASSWORD" in err  # no terminal to ask on
    monkeypatch.setenv("SPORTELLO_PASSWORD", "torino2026")
    code, out, _err = _run(capsys, "--db", str(path), "init", *ADMIN_ARGS)
    assert code == 0 and "Ufficio CPI-TO configurato; amministratore: m.rossi" in out
    code, _out, err = _run(capsys, "--db", str(path), "init", *ADMIN_ARGS)
    assert code == 1 and "già stato configurato" in err
    code, _out, err = _run(capsys, "--db", str(path), "init", "--office-code", "X")
    assert code == 2 and "servono" in err
    # the demo uses the configured office instead of creating CPI-AT
    code, out, _err = _run(capsys, "--db", str(path), "--operator", "m.rossi", "demo",
                           "--workers", "12")
    assert code == 0 and "Ufficio: CPI-TO" in out and "Amministratore creato" not in out


def test_demo_then_check(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--db", str(demo_db), "check")
    assert code == 0, out
    assert out.count("OK ") >= 5 and "Database integro." in out
    code, _out, err = _run(capsys, "--db", str(demo_db), "demo", "--workers", "5")
    assert code == 1 and "contiene già 50 lavoratori" in err


def test_demo_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(tmp_path / "d.db"), "demo", "--workers", "50",
                          "--seed", "3")
    assert code == 0
    assert "Ufficio creato: CPI-AT" in out and "utente 'admin'" in out
    assert "lavoratori: 50" in out
    assert "50/50 lavoratori (100%)" in err


def test_check_random_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "casuale.db"
    path.write_bytes(os.urandom(64 * 1024))
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 1
    assert "non è un database SQLite" in out and "Database NON integro." in out
    # other commands refuse it with a readable message, not a traceback
    code, _out, err = _run(capsys, "--db", str(path), "init")
    assert code == 1 and "Errore del database" in err and "non è un database" in err


def test_check_corrupted_page(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size, pages = conn.execute("PRAGMA page_size").fetchone()[0], \
        conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with demo_db.open("r+b") as handle:
        handle.seek(page_size * (pages // 2))
        handle.write(os.urandom(page_size))
    code, out, _err = _run(capsys, "--db", str(demo_db), "check")
    assert code == 1 and "KO " in out and "Database NON integro." in out


def test_check_missing_file_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "assente.db"
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 1 and "non esiste" in out
    assert not path.exists()


def test_check_unmigrated_and_other_revisions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "vuoto.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE appunti (testo TEXT)")
    conn.commit()
    conn.close()
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 1 and "non è inizializzato" in out and "sportello init" in out

    path = tmp_path / "pronto.db"
    assert main(["--db", str(path), "init"]) == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'fffffffffff0'")
    conn.commit()
    conn.close()
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 1 and "versione più recente" in out
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 1 and "revisione 0001" in out


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _usage_exit(capsys, "sconosciuto")[0] == 2
    assert _usage_exit(capsys, "--non-esiste", "check")[0] == 2
    code, err = _usage_exit(capsys, "demo", "--workers", "tanti")
    assert code == 2 and "errore" in err
    code, err = _usage_exit(capsys, "--db", str(tmp_path / "x.db"), "demo", "--workers", "0")
    assert code == 2 and "--workers" in err and not (tmp_path / "x.db").exists()


def test_db_option_and_environment_select_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from_env = tmp_path / "da_ambiente.db"
    from_option = tmp_path / "da_opzione.db"
    monkeypatch.setenv("SPORTELLO_DB", str(from_env))
    code, out, _err = _run(capsys, "init")
    assert code == 0 and from_env.exists() and str(from_env) in out
    code, out, _err = _run(capsys, "--db", str(from_option), "init")  # the option wins
    assert code == 0 and from_option.exists() and str(from_option) in out
    code, out, _err = _run(capsys, "check")
    assert code == 0 and str(from_env) in out


def test_unknown_operator_is_refused(demo_db: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "x.xlsx"
    code, _out, err = _run(capsys, "--db", str(demo_db), "--operator", "nobody", "export",
                           "workers", str(out_file))
    assert code == 1 and "Nome utente o password errati" in err and not out_file.exists()
    code, out, _err = _run(capsys, "--db", str(demo_db), "--operator", "admin", "export",
                           "workers", str(out_file))
    assert code == 0 and "Esportate 50 righe" in out


def test_check_as_a_process_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "foto.jpg.db"
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(4096))
    env = {**os.environ, "SPORTELLO_HOME": str(tmp_path / "home")}
    env.pop("SPORTELLO_DB", None)
    done = subprocess.run([sys.executable, "-m", "sportello", "--db", str(path), "check"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "non è un database SQLite" in done.stdout


@pytest.mark.postgres
def test_demo_and_check_on_postgresql(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_demo(pg_url, "--workers", "50") == 0, capsys.readouterr()
    code, out, _err = _run(capsys, "--db", pg_url, "check")
    assert code == 0, out
    assert "Riferimenti tra tabelle: nessun riferimento orfano" in out


def test_a_typo_in_db_creates_nothing_and_new_files_are_private(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import stat

    typo = tmp_path / "sportelo.db"
    for command in (["export", "workers", str(tmp_path / "out.xlsx")], ["backups"],
                    ["audit"], ["letters", "generica", "--out", str(tmp_path / "l.pdf")]):
        capsys.readouterr()
        assert main(["--db", str(typo), *command]) == 1
        err = capsys.readouterr().err
        assert "non esiste" in err and "sportello --db" in err and "init" in err
        assert not typo.exists() and not (tmp_path / "out.xlsx").exists()
    new = tmp_path / "nuovo" / "sportello.db"
    assert main(["--db", str(new), "init"]) == 0
    assert new.exists()
    if os.name == "posix":
        assert stat.S_IMODE(new.stat().st_mode) == 0o600
