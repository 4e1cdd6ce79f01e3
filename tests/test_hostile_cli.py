"""Hostile and careless input on the command line: a clear message, exit 1 or 2, no trace,
and the database exactly as it was (issue: hardening, point 13 and neighbours)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_login import cli_demo

from sportello.cli import main

BIG = "9" * 20


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ostile") / "demo.db"
    assert cli_demo(path, "--workers", "12") == 0
    return path


def _state(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'worker_fts%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _cf(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT codice_fiscale FROM worker ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def _cases(tmp: Path, cf: str, *, make: bool = True) -> list[tuple[str, list[str], str]]:
    folder = tmp / "una-cartella"
    xlsx_folder = tmp / "cartella.xlsx"
    binary = tmp / "binario.txt"
    existing = tmp / "esiste.txt"
    blocker = tmp / "un-file"
    if make:  # collection only needs the names: it touches no disk
        folder.mkdir(exist_ok=True)
        xlsx_folder.mkdir(exist_ok=True)
        binary.write_bytes(bytes(range(256)) * 8)
        existing.write_text("già qui")
        blocker.write_text("x")
    letter = ["letter", "generica", "--worker", cf, "--subject", "Prova"]
    return [
        ("text file missing", [*letter, "--text-file", str(tmp / "assente.txt"),
                               "--out", str(tmp / "a.pdf")], "non esiste"),
        ("text file is a folder", [*letter, "--text-file", str(folder),
                                   "--out", str(tmp / "a.pdf")], "cartella"),
        ("text file is binary", [*letter, "--text-file", str(binary),
                                 "--out", str(tmp / "a.pdf")], "UTF-8"),
        ("access request onto a file", ["access-request", cf, "--out", str(existing)],
         "è un file"),
        ("undo id of 20 digits", ["import", "--undo", BIG], "fuori dall'intervallo"),
        ("appointment id of 20 digits", [*letter, "--text", "x", "--appointment", BIG],
         "fuori dall'intervallo"),
        ("protocol of 20 digits", ["reprint", f"{BIG}/2026"], "Protocollo non valido"),
        ("audit from year 9999", ["audit", "--since", "9999-12-31"], "fuori dall'intervallo"),
        ("convocation in year 9999", ["letter", "convocazione", "--worker", cf, "--when",
                                      "9999-12-31T09:30"], "fuori dall'intervallo"),
        ("retention of 99999999999 days", ["anonymise", "--older-than-days", "99999999999",
                                           "--dry-run"], "fuori dall'intervallo"),
        ("export under a file", ["export", "workers", str(blocker / "sotto" / "x.xlsx")],
         "Impossibile creare la cartella"),
        ("export onto a folder", ["export", "workers", str(xlsx_folder)], "è una cartella"),
        ("letters into a folder under a file", ["letters", "generica", "--subject", "x",
                                                "--text", "y", "--out", str(tmp / "l.pdf"),
                                                "--each-dir", str(blocker / "pdf")],
         "Impossibile creare la cartella"),
        ("letters onto a folder", ["letters", "generica", "--subject", "x", "--text", "y",
                                   "--out", str(folder)], "è una cartella"),
    ]


CASE_NAMES = [c[0] for c in _cases(Path("nowhere"), "X", make=False)]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_command_is_refused_cleanly(name: str, demo_db: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPORTELLO_DEBUG", raising=False)
    # logged in as a clerk is: one session, so a refused command writes nothing at all
    assert main(["--db", str(demo_db), "login"]) == 0
    monkeypatch.delenv("SPORTELLO_OPERATOR")
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    args, words = next((a, w) for n, a, w in _cases(tmp_path, _cf(demo_db)) if n == name)
    before = _state(demo_db)
    capsys.readouterr()
    try:
        code = main(["--db", str(demo_db), *args])
    except SystemExit as exc:  # argparse refuses with exit 2
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (1, 2), (code, out, err)
    assert "Traceback" not in err + out and "Errore interno" not in err
    assert words in err + out, err + out
    assert _state(demo_db) == before
    assert not (tmp_path / "l.pdf").exists()


def test_a_pasted_page_of_one_letter_words_is_a_small_search(demo_db: Path) -> None:
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup, workers

    ctx = bootstrap(str(demo_db))
    try:
        ctx = ctx.acting_as(setup.default_actor(ctx, None))
        words = " ".join("abcdefghilmnopqrstuvz"[i % 21] for i in range(1000))
        assert workers.list_ids(ctx, workers.ListFilter(text=words)) == []
        surname = workers.rows(ctx, workers.list_ids(ctx, workers.ListFilter()))[0].surname
        pasted = " ".join([surname] * 600 + [surname[:2]] * 600)
        assert workers.list_ids(ctx, workers.ListFilter(text=pasted))
    finally:
        ctx.close()
