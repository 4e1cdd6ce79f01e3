"""kill -9 of the command line in the middle of a large import, an export and a letter batch.

Each operation is first timed once, uninterrupted, on a scratch copy of the database; then it
is started again on the real one and killed (SIGKILL) at several moments spread over that
time: while Python starts, while the sheet is read, while rows are written, around the
commit. After every kill ``sportello check`` must pass and the data must be in one of the two
states a clerk can understand: the import wholly there or wholly absent, the batch's letters
all protocolled or none, the output file complete or not there at all (never half written).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from cli_login import cli_demo
from fixtures.import_sheets import region_list
from openpyxl import load_workbook
from pypdf import PdfReader

from sportello.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

ROWS = 3000
FRACTIONS = (0.15, 0.35, 0.55, 0.75, 0.9, 1.0)


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "sportello", "--db", str(db), *args]


def _timed_run(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - t0


def _killed_at(cmd: list[str], env: dict[str, str], delay: float) -> int | None:
    """Start ``cmd``, SIGKILL it after ``delay`` seconds; its exit code if it ended first."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=delay)
        return proc.returncode
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return None


def _check(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(db), "check"])
    out = capsys.readouterr().out
    assert code == 0 and "Database integro." in out, out


def _rows(db: Path, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    """A query on its own connection, closed at once: no connection of this process stays
    open on the file while the next command runs and is killed."""
    with closing(sqlite3.connect(db)) as con:
        return con.execute(sql, params).fetchall()


def _count(db: Path, sql: str, *params: object) -> int:
    return int(_rows(db, sql, *params)[0][0])


@pytest.fixture
def setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    db = tmp_path / "ufficio.db"
    assert cli_demo(db, "--workers", "150") == 0
    capsys.readouterr()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return db, env


def _delays(full: float) -> list[float]:
    return [round(full * f, 3) for f in FRACTIONS]


def test_kill_during_a_large_import(setting, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, env = setting
    sheet = region_list(tmp_path / "lista.xlsx", ROWS)
    base = _count(db, "SELECT count(*) FROM worker")
    scratch = tmp_path / "scratch.db"
    shutil.copy(db, scratch)
    args = ("import", str(sheet), "--vertenza", "KON-AT")
    full = _timed_run(_cli(scratch, *args), env)
    assert _count(scratch, "SELECT count(*) FROM worker") == base + ROWS

    states = []
    for delay in _delays(full):
        code = _killed_at(_cli(db, *args), env, delay)
        assert code in (None, 0)
        _check(db, capsys)
        workers = _count(db, "SELECT count(*) FROM worker")
        assert workers in (base, base + ROWS), f"killed at {delay} s: {workers - base} rows"
        # the import indexes its rows in one go: the search trigger is back, the index whole
        assert _count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                          "AND name = 'worker_fts_ai'") == 1
        assert _count(db, "SELECT count(*) FROM worker_fts WHERE worker_fts MATCH 'example'"
                      ) == _count(db, "SELECT count(*) FROM worker "
                                      "WHERE search_text LIKE '%example%'")
        states.append(workers == base + ROWS)
        if workers == base + ROWS:  # wholly there: every row with its employment situation
            assert _count(db, "SELECT count(DISTINCT worker_id) FROM employment_situation "
                              "WHERE vertenza_id = (SELECT id FROM vertenza WHERE code='KON-AT')"
                          ) >= ROWS
            break
    assert not all(states), "no kill landed before the commit: the test proved nothing"
    with capsys.disabled():  # shown with -s: the figures of the closing note
        print(f"import of {ROWS} rows: {len(states)} kills, {states.count(False)} before the "
              f"commit (nothing there), {states.count(True)} after (all there)")
    # Whatever happened, the next run finishes the job and the numbers are the full ones.
    assert subprocess.run(_cli(db, *args), env=env, capture_output=True).returncode == 0
    assert _count(db, "SELECT count(*) FROM worker") == base + ROWS
    _check(db, capsys)


def test_kill_during_an_export(setting, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, env = setting
    out = tmp_path / "lavoratori.xlsx"
    args = ("export", "workers", str(out))
    full = _timed_run(_cli(db, *args), env)
    expected = load_workbook(out, read_only=True).active.max_row
    workers = _count(db, "SELECT count(*) FROM worker")
    letters = _count(db, "SELECT count(*) FROM letter")
    seen_absent = False
    for delay in _delays(full):
        out.unlink(missing_ok=True)
        _killed_at(_cli(db, *args), env, delay)
        _check(db, capsys)
        if out.exists():  # complete, or not there at all
            assert load_workbook(out, read_only=True).active.max_row == expected
        else:
            seen_absent = True
    with capsys.disabled():
        print(f"export: {len(_delays(full))} kills, the file whole or absent each time")
    assert seen_absent, "no kill landed before the file was written: the test proved nothing"
    # an export only reads: the same workers and letters as before
    assert _count(db, "SELECT count(*) FROM worker") == workers
    assert _count(db, "SELECT count(*) FROM letter") == letters


def test_kill_during_a_letter_batch(setting, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, env = setting
    out = tmp_path / "lettere.pdf"
    args = ("letters", "generica", "--subject", "Incontro informativo", "--text",
            "La informiamo dell'incontro del 15 gennaio.", "--skip-incomplete", "--out", str(out))
    scratch = tmp_path / "scratch.db"
    shutil.copy(db, scratch)
    base = _count(db, "SELECT count(*) FROM letter")
    full = _timed_run(_cli(scratch, *args), env)
    batch = _count(scratch, "SELECT count(*) FROM letter") - base
    assert batch > 50
    out.unlink()

    states = []
    for delay in _delays(full):
        last = _count(db, "SELECT coalesce(max(id), 0) FROM letter")
        top = _count(db, "SELECT coalesce(max(protocol_number), 0) FROM letter")
        _killed_at(_cli(db, *args), env, delay)
        _check(db, capsys)
        numbers = [r[0] for r in _rows(
            db, "SELECT protocol_number FROM letter WHERE id > ? ORDER BY protocol_number", last)]
        assert len(numbers) in (0, batch), f"killed at {delay} s: {len(numbers)} letters"
        # all protocolled or none; the numbers follow on, none used twice, no gap
        assert numbers == list(range(top + 1, top + 1 + len(numbers)))
        states.append(len(numbers) == batch)
        if out.exists():  # the PDF is whole or absent
            assert len(PdfReader(out).pages) >= batch
            out.unlink()
    assert not all(states), "no kill landed before the commit: the test proved nothing"
    with capsys.disabled():
        print(f"letter batch of {batch}: {len(states)} kills, {states.count(False)} before the "
              f"commit (no number used), {states.count(True)} after (all protocolled)")
