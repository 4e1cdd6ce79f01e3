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


def _times_to_window(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(window on screen, window ready) in seconds from process start; equal for the bare one."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )
    if out.returncode != 0:
        raise RuntimeError(f"child failed ({out.returncode}): {out.stderr[-2000:]}")
    marks = [float(line) for line in out.stdout.split() if line.replace(".", "").isdigit()]
    return marks[0] - start, marks[-1] - start


def bench_startup(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    env = _env(home)
    # One warm-up of each so that the OS file cache treats both alike.
    _times_to_window(_BARE_WINDOW, [], env)
    _times_to_window(_SPORTELLO_WINDOW, [str(db_path)], env)
    bare = statistics.median(_times_to_window(_BARE_WINDOW, [], env)[0] for _ in range(repeats))
    runs = [_times_to_window(_SPORTELLO_WINDOW, [str(db_path)], env) for _ in range(repeats)]
    shown = statistics.median(r[0] for r in runs)
    ready = statistics.median(r[1] for r in runs)
    return [
        Metric("startup_ratio", shown / bare, "x", "≤ 3.0",
               f"main window on screen {shown * 1000:.0f} ms / bare QMainWindow "
               f"{bare * 1000:.0f} ms (median of {repeats}, fresh processes)"),
        Metric("startup_ready_ratio", ready / bare, "x", "—",
               f"database open and areas built {ready * 1000:.0f} ms / bare QMainWindow "
               f"{bare * 1000:.0f} ms"),
    ]


# Drives the real main window in a fresh process and prints JSON figures.
_WORKERS_WINDOW = textwrap.dedent(
    """
    import json, os, statistics, sys, time
    from PySide6.QtWidgets import QApplication
    from sportello.gui.app import start

    def rss_mb():
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024

    window = start(sys.argv[1])
    app = QApplication.instance()
    window.resize(1366, 768)
    area = window.workers_area
    window.show_area(0)
    table, model = area.table, area.model
    for _ in range(5):
        app.processEvents()

    def settle():
        # what the keystroke queued runs: model reset, layout, and the paint that loads
        # the visible rows from the database
        app.processEvents()

    terms = ["ross", "nicc", "agost", "bianchi m", "marco", "ferr", "gius", "colombo",
             "via", "347", "lucia", "esposito", "ricci", "dagost", "moretti a"]
    cfs = [model.worker_row(r).codice_fiscale[:7] for r in (0, 100, 1000) if model.rowCount() > r]
    search_ms = []
    for rnd in range(3):
        for term in terms + [c.lower() for c in cfs]:
            area.search_box.setText(term)   # the debounce timer is what a keystroke starts;
            t0 = time.perf_counter()        # it is excluded: we time the work it triggers
            area.run_search(force=True)
            settle()
            search_ms.append((time.perf_counter() - t0) * 1000)
    area.search_box.setText("")
    area.run_search(force=True)
    settle()
    sort_ms = []
    header = table.horizontalHeader()
    from sportello.gui.worker_model import SORT_KEYS
    for rnd in range(3):
        for column, key in enumerate(SORT_KEYS):
            if key is None:
                continue
            for order in (1, 0):
                t0 = time.perf_counter()
                header.setSortIndicator(column, __import__("PySide6.QtCore").QtCore.Qt.SortOrder(order))
                settle()
                sort_ms.append((time.perf_counter() - t0) * 1000)
    for _ in range(20):  # scroll through some pages like a clerk would
        table.verticalScrollBar().setValue(table.verticalScrollBar().value() + 2000)
        settle()
    q = lambda xs: statistics.quantiles(xs, n=20)[-1]
    print(json.dumps({"search_p95": q(search_ms), "search_median": statistics.median(search_ms),
                      "sort_p95": q(sort_ms), "sort_median": statistics.median(sort_ms),
                      "rss_mb": rss_mb(), "rows": model.rowCount(), "searches": len(search_ms),
                      "sorts": len(sort_ms)}), flush=True)
    os._exit(0)  # skip Qt's teardown: only the figures matter here
    """
)

_BARE_RSS = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication(sys.argv)
    w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1366, 768); w.show()
    app.processEvents()
    with open("/proc/self/status") as fh:
        print(next(int(l.split()[1]) / 1024 for l in fh if l.startswith("VmRSS:")))
    """
)

_FLOOR_SQL = textwrap.dedent(
    """
    import sqlite3, statistics, sys, time
    con = sqlite3.connect(sys.argv[1])
    terms = ["ross", "nicc", "agost", "marco", "ferr", "gius", "colombo", "lucia", "ricci"]
    ms = []
    for _ in range(3):
        for t in terms:
            t0 = time.perf_counter()
            con.execute("SELECT id FROM worker WHERE search_text LIKE ? ORDER BY surname, name, id"
                        " LIMIT 30", (f"%{t}%",)).fetchall()
            ms.append((time.perf_counter() - t0) * 1000)
    print(statistics.quantiles(ms, n=20)[-1])
    """
)


def bench_workers_window(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    import json

    env = _env(home)
    out = subprocess.run([sys.executable, "-c", _WORKERS_WINDOW, str(db_path)], env=env,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    fig = json.loads(out.stdout.strip().splitlines()[-1])
    bare_rss = float(subprocess.run([sys.executable, "-c", _BARE_RSS], env=env, capture_output=True,
                                    text=True, check=True).stdout.strip())
    floor = float(subprocess.run([sys.executable, "-c", _FLOOR_SQL, str(db_path)], env=env,
                                 capture_output=True, text=True, check=True).stdout.strip())
    rows = fig["rows"]
    return [
        Metric("search_p95_ms_100k", fig["search_p95"], "ms", "≤ 50",
               f"search box to painted results, {fig['searches']} searches, median "
               f"{fig['search_median']:.1f} ms; floor: bare sqlite3 LIKE scan, first 30 rows, "
               f"p95 {floor:.1f} ms (ratio {fig['search_p95'] / floor:.2f})"),
        Metric("sort_ms_100k", fig["sort_p95"], "ms", "≤ 150",
               f"header click to painted rows over {rows:,} files, p95 of {fig['sorts']} sorts "
               f"(median {fig['sort_median']:.1f} ms)"),
        Metric("rss_mb_100k", fig["rss_mb"], "MB", "≤ 300",
               f"resident memory after searches, sorts and scrolling; bare QMainWindow+QTableView "
               f"{bare_rss:.0f} MB (ratio {fig['rss_mb'] / bare_rss:.2f})"),
    ]


BENCHES: dict[str, Callable[..., list[Metric]]] = {
    "startup_ratio": bench_startup,
    "workers_window": bench_workers_window,
}


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
        result = BENCHES[name](db_path, home, repeats)
        for metric in result:
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
