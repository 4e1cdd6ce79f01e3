"""Sportello benchmarks: each metric is a ratio against a floor measured in the same run.

    python bench/run.py            # full sizes (100,000-worker database)
    python bench/run.py --quick    # small sizes, for a smoke run

Prints one ``name: value`` line per metric, then a Markdown table. Never used as a
timed assertion in tests: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Metric:
    name: str
    value: float
    unit: str
    goal: str
    detail: str


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["SPORTELLO_HOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    return env


def ensure_demo_db(path: Path, workers: int, home: Path) -> Path:
    """A demo database of ``workers`` files, built once and reused between runs."""
    if path.exists():
        return path
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sportello", "--db", str(path), "demo", "--workers", str(workers)],
        check=True, env=_env(home), stdout=subprocess.DEVNULL,
    )
    print(f"# demo database with {workers} workers built in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    return path


# Child programs print the time.time() at which their window was first painted.
_BARE_WINDOW = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication(sys.argv)
    w = QMainWindow()
    w.setCentralWidget(QTableView())
    w.resize(1366, 768)
    w.show()
    def shown():
        print(time.time(), flush=True)
        app.quit()
    QTimer.singleShot(0, shown)
    app.exec()
    """
)

_SPORTELLO_WINDOW = textwrap.dedent(
    """
    import os, sys
    os.environ["SPORTELLO_BENCH_EXIT_WHEN_SHOWN"] = "1"
    from sportello.gui.app import run
    sys.exit(run(sys.argv[1]))
    """
)


def _time_to_window(code: str, args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )
    if out.returncode != 0:
        raise RuntimeError(f"child failed ({out.returncode}): {out.stderr[-2000:]}")
    shown = float(out.stdout.strip().splitlines()[-1])
    return shown - start


def bench_startup(db_path: Path, home: Path, repeats: int) -> Metric:
    env = _env(home)
    # One warm-up of each so that the OS file cache treats both alike.
    _time_to_window(_BARE_WINDOW, [], env)
    _time_to_window(_SPORTELLO_WINDOW, [str(db_path)], env)
    bare = statistics.median(_time_to_window(_BARE_WINDOW, [], env) for _ in range(repeats))
    ours = statistics.median(
        _time_to_window(_SPORTELLO_WINDOW, [str(db_path)], env) for _ in range(repeats)
    )
    return Metric(
        "startup_ratio", ours / bare, "x", "≤ 3.0",
        f"main window on the demo db {ours * 1000:.0f} ms / bare QMainWindow {bare * 1000:.0f} ms "
        f"(median of {repeats}, fresh processes)",
    )


BENCHES: dict[str, Callable[..., Metric]] = {"startup_ratio": bench_startup}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--workers", type=int, help="size of the demo database (default 100000)")
    parser.add_argument("--db", type=Path, help="reuse this demo database")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these")
    args = parser.parse_args(argv)
    workers = args.workers or (2_000 if args.quick else 100_000)
    repeats = 3 if args.quick else 5
    home = Path(tempfile.mkdtemp(prefix="sportello-bench-"))
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = args.db or ensure_demo_db(out_dir / f"demo-{workers}.db", workers, home)

    metrics: list[Metric] = []
    for name in args.only or list(BENCHES):
        metric = BENCHES[name](db_path, home, repeats)
        metrics.append(metric)
        print(f"{metric.name}: {metric.value:.2f}", flush=True)

    print()
    print(f"| metric ({workers:,} workers) | value | goal | detail |")
    print("|---|---|---|---|")
    for m in metrics:
        print(f"| `{m.name}` | {m.value:.2f} {m.unit} | {m.goal} | {m.detail} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
