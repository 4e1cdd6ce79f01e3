"""The PyInstaller bundle finds its migrations, resources and the CF data like a checkout does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_frozen_bundle_migrates_fills_and_checks_a_database(tmp_path: Path) -> None:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        pytest.skip("PyInstaller non installato (pip install -e '.[test]')")
    build = subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "ERROR", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "packaging" / "sportello.spec")],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "Sportello" / ("Sportello.exe" if os.name == "nt" else "Sportello")
    env = {**os.environ, "SPORTELLO_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    db = tmp_path / "frozen.db"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), "--db", str(db), *args], capture_output=True, text=True,
                              timeout=300, env=env, cwd=tmp_path)

    demo = run("demo", "--workers", "30")  # migrations from the bundle, CF data, ATECO data
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "schema vuoto ->" in demo.stderr
    # the demo administrator's forced first password change, then a session, as a clerk does
    env.update(SPORTELLO_OPERATOR="admin", SPORTELLO_PASSWORD="sportello2026",
               SPORTELLO_NEW_PASSWORD="Frozen-2026")
    assert run("password").returncode == 0
    env.update(SPORTELLO_PASSWORD="Frozen-2026")
    login = run("login")
    assert login.returncode == 0 and "Accesso eseguito come admin" in login.stdout, login.stderr
    for name in ("SPORTELLO_OPERATOR", "SPORTELLO_PASSWORD", "SPORTELLO_NEW_PASSWORD"):
        env.pop(name)
    check = run("check")
    assert check.returncode == 0, check.stdout
    assert "Database integro." in check.stdout
    shown = subprocess.run([str(exe), "--db", str(db)], capture_output=True, text=True, timeout=120,
                           env={**env, "SPORTELLO_BENCH_EXIT_WHEN_SHOWN": "1"}, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr[-3000:]
    assert float(shown.stdout.strip().splitlines()[-1]) > 0  # the main window was shown
