"""Sportello benchmarks: each metric is a ratio against a floor measured in the same run.

    python bench/run.py            # full sizes (100,000-worker database)
    python bench/run.py --quick    # small sizes, for a smoke run

With $SPORTELLO_TEST_PG_URL (an admin URL of a PostgreSQL server, as for the tests) the
worker list's search and sort are measured on PostgreSQL too, in a database made for the
run with as many demo files as the SQLite one and dropped at the end.

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
    # the windows' settings (column order, geometry) in the bench's own folder, not the user's
    env["XDG_CONFIG_HOME"] = str(home / "config")
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
        Metric("startup_ready_ratio", ready / bare, "x", "≤ 5",
               f"window usable, the first page of the worker list painted, "
               f"{ready * 1000:.0f} ms / bare QMainWindow {bare * 1000:.0f} ms"),
    ]


# Drives the real main window in a fresh process and prints JSON figures.
_WORKERS_WINDOW = textwrap.dedent(
    """
    import json, os, statistics, sys, time
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from sportello.core.services import workers
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

    def rows_in():
        # the search is in and the rows on screen are read (since the operations runner
        # both happen off the UI thread; before, the first processEvents did it all)
        if getattr(model, "searching", False):
            return False
        loaded = getattr(model, "row_loaded", None)
        if loaded is None or model.rowCount() == 0:
            return True
        first = max(table.rowAt(0), 0)
        last = table.rowAt(table.viewport().height() - 1)
        return loaded(first) and (last < 0 or loaded(last))

    def settle():
        # what the keystroke queued runs: the search, model reset, layout, and the paint
        # that loads the visible rows from the database. While it waits the UI thread sits
        # in the event loop, as in the program (a polling loop here would compete with the
        # reading thread for the interpreter lock and slow it down).
        app.processEvents()
        signals = (model.modelReset, model.dataChanged, getattr(model, "searched", None))
        signals = [signal for signal in signals if signal is not None]
        loop = QEventLoop()
        def check(*_args):
            if rows_in():
                loop.quit()
        for signal in signals:
            signal.connect(check)
        if not rows_in():
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
        for signal in signals:
            signal.disconnect(check)
        app.processEvents()

    settle()  # the first search of the list is in
    # the start-up check runs in a thread of its own once the list is shown (before the
    # operations runner it ran before the window): the searches are timed after it
    import threading
    while any(t.name == "sportello-startup-check" and t.is_alive() for t in threading.enumerate()):
        app.processEvents()
        time.sleep(0.01)
    settle()

    terms = ["ross", "nicc", "agost", "bianchi m", "marco", "ferr", "gius", "colombo",
             "via", "347", "lucia", "esposito", "ricci", "dagost", "moretti a"]
    cfs = [row.codice_fiscale[:7] for row in workers.rows(
        window.ctx, [model.worker_id(r) for r in (0, 100, 1000) if model.rowCount() > r])]
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


def _window_figures(db: str, env: dict[str, str]) -> dict[str, float]:
    """Searches, sorts and scrolling in the real main window over ``db`` (path or URL)."""
    import json

    out = subprocess.run([sys.executable, "-c", _WORKERS_WINDOW, db], env=env,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_workers_window(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    env = _env(home)
    fig = _window_figures(str(db_path), env)
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


# The same floor on PostgreSQL: the same LIKE scan through bare psycopg.
_FLOOR_SQL_PG = textwrap.dedent(
    """
    import statistics, sys, time
    import psycopg
    con = psycopg.connect(sys.argv[1])
    terms = ["ross", "nicc", "agost", "marco", "ferr", "gius", "colombo", "lucia", "ricci"]
    ms = []
    for _ in range(3):
        for t in terms:
            t0 = time.perf_counter()
            con.execute("SELECT id FROM worker WHERE search_text LIKE %s ORDER BY surname, name, id"
                        " LIMIT 30", (f"%{t}%",)).fetchall()
            ms.append((time.perf_counter() - t0) * 1000)
    print(statistics.quantiles(ms, n=20)[-1])
    """
)

PG_ENV = "SPORTELLO_TEST_PG_URL"  # an admin URL, as for the tests (tests/conftest.py)


def bench_workers_window_pg(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    """``search_p95`` and ``sort`` of ``bench_workers_window`` on a PostgreSQL database of
    the same size, made by ``sportello demo`` in a database of its own, dropped at the end."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    workers = _workers_in(db_path)
    admin = make_url(os.environ[PG_ENV]).set(drivername="postgresql+psycopg")
    name = f"bench_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.set(database=name).render_as_string(hide_password=False)
    env = _env(home)
    try:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sportello", "--db", url, "demo", "--workers",
                        str(workers)], check=True, env=env, stdout=subprocess.DEVNULL)
        built = time.perf_counter() - t0
        # What autovacuum does a few minutes after a load: the planner's statistics, and
        # the visibility map that lets an index-only scan skip the table. Measured right
        # after the load instead, every sort read the whole table (relpages 0, no map).
        t0 = time.perf_counter()
        loaded = create_engine(url, isolation_level="AUTOCOMMIT")
        with loaded.connect() as conn:
            conn.execute(text("VACUUM ANALYZE"))
        loaded.dispose()
        vacuumed = time.perf_counter() - t0
        print(f"# PostgreSQL demo database with {workers} workers built in {built:.1f} s, "
              f"VACUUM ANALYZE {vacuumed:.1f} s", file=sys.stderr)
        fig = _window_figures(url, env)
        bare = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        floor = float(subprocess.run([sys.executable, "-c", _FLOOR_SQL_PG, bare], env=env,
                                     capture_output=True, text=True, check=True).stdout.strip())
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
    rows = fig["rows"]
    return [
        Metric("search_p95_ms_100k_pg", fig["search_p95"], "ms", "≤ 50",
               f"as search_p95_ms on PostgreSQL, {fig['searches']} searches, median "
               f"{fig['search_median']:.1f} ms; floor: bare psycopg LIKE scan, first 30 rows, "
               f"p95 {floor:.1f} ms (ratio {fig['search_p95'] / floor:.2f}); demo data "
               f"loaded in {built:.0f} s, then VACUUM ANALYZE ({vacuumed:.0f} s)"),
        Metric("sort_ms_100k_pg", fig["sort_p95"], "ms", "≤ 150",
               f"as sort_ms on PostgreSQL: header click to painted rows over {rows:,} files, "
               f"p95 of {fig['sorts']} sorts (median {fig['sort_median']:.1f} ms)"),
    ]


def _workers_in(db_path: Path) -> int:
    """How many worker files the SQLite demo database holds: the PostgreSQL one gets as many."""
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        return int(con.execute("SELECT count(*) FROM worker").fetchone()[0])
    finally:
        con.close()


# Holds the write lock of the SQLite file from another process, on request: for each "lock"
# line read, BEGIN IMMEDIATE and a write, "locked", the lock held for argv[2] seconds, then
# COMMIT and "released".
_LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
    for line in sys.stdin:
        if line.strip() != "lock":
            continue
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE office SET name = name")
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
        con.execute("COMMIT")
        print("released", flush=True)
    """
)

# Drives the real main window as a clerk does (QTest keys and clicks) while another process
# holds the write lock, and prints the longest gap of a 5 ms UI-thread heartbeat per step.
# Written against the window's public widgets only, so that it runs on older code too.
# The child programs wait with the event loop running, as the program does when idle:
_WAIT_UNTIL = textwrap.dedent(
    """
    def wait_until(cond, timeout=60.0):
        loop = QEventLoop()
        deadline = time.monotonic() + timeout
        poll = QTimer()
        poll.setInterval(2)
        poll.timeout.connect(lambda: (cond() or time.monotonic() > deadline) and loop.quit())
        poll.start()
        if not cond():
            loop.exec()
        poll.stop()
        if not cond():
            raise SystemExit("timed out waiting")
    """
)
_UI_BLOCK = textwrap.dedent(
    """
    import json, os, subprocess, sys, time
    from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sportello.gui.app import start

    db, hold, locker_code = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    window = start(db)
    app = QApplication.instance()
    window.resize(1366, 768)
    area = window.workers_area
    window.show_area(0)
    try:
        from sportello.gui import ops
        idle = ops.idle
    except ImportError:  # the code before the operations runner: everything is synchronous
        idle = lambda: True

    # {wait_until}
    wait_until(lambda: area.model.rowCount() > 0 and idle())
    # the start-up check runs in a thread of its own once the list is shown: the clerk's
    # steps are measured after it (before the operations runner it ran before the window)
    import threading
    wait_until(lambda: not any(t.name == "sportello-startup-check" and t.is_alive()
                               for t in threading.enumerate()))
    # then the areas not shown yet are built, one per turn, while the clerk reads the list
    wait_until(getattr(window, "all_areas_built", lambda: True))

    gaps = {"last": time.perf_counter(), "max": 0.0, "on": False}
    def beat():
        now = time.perf_counter()
        if gaps["on"]:
            gaps["max"] = max(gaps["max"], now - gaps["last"])
        gaps["last"] = now
    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(5)
    heart.timeout.connect(beat)
    heart.start()

    locker = subprocess.Popen([sys.executable, "-c", locker_code, db, str(hold)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    results, waits = {}, {}

    def step(name, act, done):
        locker.stdin.write("lock\\n"); locker.stdin.flush()
        assert locker.stdout.readline().strip() == "locked"  # not measured: the lock is taken
        gaps["max"], gaps["last"], gaps["on"] = 0.0, time.perf_counter(), True
        t0 = time.perf_counter()
        act()
        wait_until(lambda: done() and idle())
        waits[name] = (time.perf_counter() - t0) * 1000
        beat()  # the gap up to now counts too (a step that blocked until it was done)
        gaps["on"] = False
        results[name] = gaps["max"] * 1000
        assert locker.stdout.readline().strip() == "released"  # not measured either
        wait_until(idle)

    table = area.table
    table.setFocus()
    table.selectRow(10)
    worker_id = area.model.worker_id(10)
    opened = lambda: any(w.worker_id == worker_id for w in area.open_windows())
    step("open", lambda: QTest.keyClick(table, Qt.Key.Key_Return), opened)
    file_window = next(w for w in area.open_windows() if w.worker_id == worker_id)
    mobile = file_window.fields.widget("mobile")
    mobile.setFocus()
    mobile.clear()
    QTest.keyClicks(mobile, "347 %07d" % (int(time.time()) % 10_000_000))
    assert file_window.isWindowModified()
    step("save", lambda: QTest.mouseClick(file_window.save_button, Qt.MouseButton.LeftButton),
         lambda: not file_window.isWindowModified())
    file_window.close()
    window.activateWindow()
    box = area.search_box
    box.setFocus()
    def search():
        QTest.keyClicks(box, "ross")
    def searched():
        model = area.model
        return (model.list_filter.text == "ross" and not getattr(model, "searching", False)
                and (model.rowCount() == 0 or model.index(0, 0).data()))
    step("search", search, searched)
    sidebar = window.sidebar
    def click_row(row):
        rect = sidebar.visualItemRect(sidebar.item(row))
        QTest.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    def pause(ms):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
    def switch():
        # Agenda, Percorsi, Formazione, Sportello Unico, Import/Export, back to Lavoratori;
        # each shown until what it reads is in (a clerk looks at it)
        for row in (1, 2, 3, 4, 6, 0):
            click_row(row)
            pause(100)
            wait_until(idle)
    step("areas", switch, lambda: window.stack.currentIndex() == 0)
    locker.stdin.close()
    locker.wait()
    print(json.dumps({"gaps": results, "waits": waits}), flush=True)
    os._exit(0)
    """
).replace("# {wait_until}\n", _WAIT_UNTIL)


def bench_ui_block(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    """The longest UI-thread stall while another process holds the write lock for 3 s.

    The machine's other work stretches a stall now and then, so the clerk's four steps run
    in fresh processes a few times: the figure is the median of each run's longest gap."""
    import json
    import shutil

    hold = 3.0
    runs = 1 if repeats < 5 else 3
    gaps: dict[str, list[float]] = {}
    waits: dict[str, list[float]] = {}
    worst: list[float] = []
    for run in range(runs):
        # a copy: the steps write (an audited opening, a save) and the others must not see it
        folder = Path(tempfile.mkdtemp(prefix="sportello-uiblock-", dir=home))
        target = folder / db_path.name
        shutil.copyfile(db_path, target)
        try:
            out = subprocess.run(
                [sys.executable, "-c", _UI_BLOCK, str(target), str(hold), _LOCKER],
                env=_env(home), capture_output=True, text=True, timeout=600)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-3000:])
        fig = json.loads(out.stdout.strip().splitlines()[-1])
        for name, value in fig["gaps"].items():
            gaps.setdefault(name, []).append(value)
            waits.setdefault(name, []).append(fig["waits"][name])
        worst.append(max(fig["gaps"].values()))
        print(f"# ui_block run {run + 1}: " + ", ".join(
            f"{name} {value:.0f}" for name, value in fig["gaps"].items()), file=sys.stderr)
    med = statistics.median
    steps = ", ".join(f"{name} {med(gaps[name]):.0f} ms (done in {med(waits[name]):.0f} ms)"
                      for name in ("open", "save", "search", "areas"))
    return [Metric("ui_block_ms", med(worst), "ms", "≤ 100",
                   f"longest gap of a 5 ms UI-thread heartbeat while another process holds "
                   f"the write lock for {hold:.0f} s, median of {runs} runs (each run's "
                   f"longest: {', '.join(f'{w:.0f}' for w in worst)}); per step, medians: "
                   f"{steps}")]


# Issues 500 personalised convocations (one PDF) through the letters service, then sets the
# same texts with bare reportlab (same DejaVu fonts, same JPEG letterhead on every page).
_LETTERS = textwrap.dedent(
    """
    import datetime as dt, io, json, sys, time
    from pathlib import Path
    from PIL import Image, ImageDraw
    n = int(sys.argv[2])
    from sportello.core.bootstrap import bootstrap
    from sportello.core.codice_fiscale import encode
    from sportello.core.models import Appointment, Office, Worker
    from sportello.core.services import letters, setup
    from sportello.core.letters import render

    img = Image.new("RGB", (300, 300), "white")
    ImageDraw.Draw(img).ellipse((5, 5, 295, 295), fill=(31, 58, 95))
    buf = io.BytesIO(); img.save(buf, "PNG"); logo = buf.getvalue()
    ctx = bootstrap("sqlite:///" + sys.argv[1])
    actor = setup.initialise(ctx, setup.OfficeData(
        code="CPI-AT", name="Centro per l'Impiego di Asti", address="Corso Dante 12", comune="Asti",
        cap="14100", provincia="AT", phone="0141 433210", email="cpi.asti@lavoro.example.it",
        signatory_name="Dott.ssa Laura Bertolino", signatory_role="La Responsabile del CPI"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234"))
    ctx = ctx.acting_as(actor)
    names = [("Đorđević", "Łukasz"), ("Popescu", "Ștefan"), ("Rossi", "Niccolò"),
             ("D'Agostino", "Maria"), ("Müller", "Jürgen"), ("Kowalczyk", "Zofia")]
    with ctx.write() as s:
        s.get(Office, actor.office_id).logo = logo
        start = dt.datetime(2027, 1, 11, 9, 0)
        for i in range(n):
            sn, nm = names[i % len(names)]
            sn = f"{sn}{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}"
            w = Worker(codice_fiscale=encode(sn, nm, "M", dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28), "A479"),
                       surname=sn, name=nm, sex="M", residence_address=f"Via Roma {i + 1}",
                       residence_cap="14100", residence_comune="Asti", residence_province="AT")
            s.add(w); s.flush()
            at = start + dt.timedelta(days=i // 14, minutes=30 * (i % 14))
            s.add(Appointment(worker_id=w.id, operator_id=actor.id, starts_at=at,
                              ends_at=at + dt.timedelta(minutes=30), purpose="Colloquio"))
    ids = letters.select_workers(ctx)
    today = dt.date(2026, 12, 1)

    # The same texts, prepared outside the timing, for bare reportlab.
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    tpl = letters.load_template("convocazione")
    with ctx.read() as s:
        prepared = letters._prepare(s, ctx, tpl, ids, letters.Refs(), today=today,
                                    now=dt.datetime.combine(today, dt.time.min))
    head = letters._letterhead(prepared[0].sources.office)
    texts = []
    for p in prepared:
        f = letters._render_letter(tpl, p, head, "1/2026").letter
        paras = ["Prot. n. 1/2026 – Asti, 1° dicembre 2026", *f.recipient, "Oggetto: " + f.subject]
        for b in f.blocks:
            paras += list(b.items) + [f"{k}: {v}" for k, v in b.pairs]
        texts.append(paras)
    jpeg, w_px, h_px = render._logo_jpeg(logo)
    st = render.styles()

    def bare():
        out = io.BytesIO()
        def page(canv, doc):
            canv.drawImage(ImageReader(io.BytesIO(jpeg)), 25 * mm, 260 * mm, 22 * mm, 22 * mm)
            canv.setFont(render.FONT_BOLD, 14); canv.drawString(52 * mm, 275 * mm, head.name)
            canv.setFont(render.FONT, 8.5)
            canv.drawString(52 * mm, 270 * mm, head.address); canv.drawString(52 * mm, 266 * mm, head.contacts)
            canv.drawString(25 * mm, 15 * mm, head.name + " – " + head.address)
        doc = SimpleDocTemplate(out, leftMargin=25 * mm, rightMargin=20 * mm, topMargin=48 * mm,
                                bottomMargin=24 * mm)
        story = []
        for i, paras in enumerate(texts):
            if i:
                story.append(PageBreak())
            story += [Paragraph(t, st["corpo"]) for t in paras]
        doc.build(story, onFirstPage=page, onLaterPages=page)
        return out.getvalue()

    def ours():
        return letters.preview_batch(ctx, "convocazione", ids, today=today)

    bare(); ours()  # warm-up: fonts, template, caches
    letters.issue_batch(ctx, "convocazione", ids[:10], today=today)  # warm-up: QR, PDFium, SQL
    t_ours, t_bare = [], []
    for _ in range(int(sys.argv[3])):
        t0 = time.perf_counter(); pdf = ours(); t_ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter(); ref = bare(); t_bare.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    batch = letters.issue_batch(ctx, "convocazione", ids, today=today)
    t_issue = time.perf_counter() - t0
    import statistics
    print(json.dumps({"ours": statistics.median(t_ours), "bare": statistics.median(t_bare),
                      "issue": t_issue, "letters": len(ids), "kb": len(pdf) // 1024,
                      "bare_kb": len(ref) // 1024, "issued": len(batch.letters)}))
    """
)


def bench_letters(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    import json

    del db_path  # a database of its own: 500 workers with an appointment each
    count = 500 if repeats >= 5 else 100  # --quick: 100 letters
    target = Path(tempfile.mkdtemp(prefix="sportello-letters-")) / "letters.db"
    out = subprocess.run([sys.executable, "-c", _LETTERS, str(target), str(count),
                          str(max(1, repeats // 2))], env=_env(home), capture_output=True,
                         text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    fig = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        Metric("batch_issue_ratio_500", fig["issue"] / fig["ours"], "x", "≤ 1.5",
               f"issue_batch of {fig['letters']} convocations (protocol numbers, one archived "
               f"PDF per letter, the print PDF; each letter drawn once) {fig['issue']:.2f} s / "
               f"preview_batch of the same {fig['letters']} {fig['ours']:.2f} s"),
        Metric("letters_ratio_500", fig["ours"] / fig["bare"], "x", "≤ 1.3",
               f"{fig['letters']} convocations into one PDF through letters.preview_batch "
               f"(data, template, layout) {fig['ours']:.2f} s ({fig['kb']} KB) / the same texts "
               f"with bare reportlab, same fonts and letterhead, {fig['bare']:.2f} s "
               f"({fig['bare_kb']} KB); issue_batch with protocol numbers and one stored PDF "
               f"per letter: {fig['issue']:.2f} s"),
    ]


def bench_import(db_path: Path, home: Path, repeats: int, rows: int = 20_000) -> list[Metric]:
    """Full import (read, validate, upsert, commit) of a rows x 25 sheet / openpyxl read-only."""
    os.environ["SPORTELLO_HOME"] = str(home)
    from openpyxl import load_workbook

    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import imports, setup

    folder = Path(tempfile.mkdtemp(prefix="sportello-import-", dir=home))
    sys.path.insert(0, str(ROOT / "tests"))  # the tests' own sheet maker: one generator
    from fixtures.import_sheets import region_list

    sheet = region_list(folder / "lista.xlsx", rows)

    def openpyxl_pass() -> float:
        t0 = time.perf_counter()
        wb = load_workbook(sheet, read_only=True)
        for _row in wb.worksheets[0].iter_rows(values_only=True):
            pass
        wb.close()
        return time.perf_counter() - t0

    def full_import(i: int) -> float:
        ctx = bootstrap(f"sqlite:///{folder / f'import-{i}.db'}", backup=False)
        actor = setup.initialise(ctx, setup.OfficeData(code="CPI-AT", name="CPI Asti"),
                                 setup.AdminData(username="bench", full_name="Bench Mark",
                                                 password="prova1234"))
        ctx = ctx.acting_as(actor)
        try:
            t0 = time.perf_counter()
            result = imports.import_file(ctx, sheet)
            elapsed = time.perf_counter() - t0
            assert result.inserted == rows, result.summary()
            return elapsed
        finally:
            ctx.close()

    runs = max(1, min(repeats, 3))
    floor = statistics.median(openpyxl_pass() for _ in range(runs))
    mine = statistics.median(full_import(i) for i in range(runs))
    return [Metric("import_ratio_20k", mine / floor, "x", "≤ 0.25",
                   f"import of {rows:,} rows x 25 columns (read, validate, upsert, commit) "
                   f"{mine * 1000:.0f} ms / openpyxl read-only pass {floor * 1000:.0f} ms "
                   f"(median of {runs})")]


def bench_export(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    """``export workers`` of the demo database / a bare openpyxl write-only of the same values."""
    os.environ["SPORTELLO_HOME"] = str(home)
    from openpyxl import Workbook

    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import export, setup

    ctx = bootstrap(f"sqlite:///{db_path}", backup=False)
    ctx = ctx.acting_as(setup.default_actor(ctx))
    folder = Path(tempfile.mkdtemp(prefix="sportello-export-", dir=home))
    spec = export.KINDS["workers"]
    try:
        with ctx.read() as s:
            values = [tuple(row) for row in s.execute(spec.query(None))]
        headers = [c.header for c in spec.columns]

        def bare(i: int) -> float:
            t0 = time.perf_counter()
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Lavoratori")
            ws.append(headers)
            for row in values:
                ws.append(row)
            wb.save(folder / f"bare-{i}.xlsx")
            return time.perf_counter() - t0

        def ours(i: int) -> float:
            t0 = time.perf_counter()
            result = export.export(ctx, "workers", folder / f"ours-{i}.xlsx")
            elapsed = time.perf_counter() - t0
            assert result.rows == len(values)
            return elapsed

        runs = max(1, min(repeats, 3))
        floor = statistics.median(bare(i) for i in range(runs))
        mine = statistics.median(ours(i) for i in range(runs))
    finally:
        ctx.close()
    return [Metric(f"export_ratio_{_size(len(values))}", mine / floor, "x", "≤ 1.15",
                   f"export of {len(values):,} workers x {len(headers)} columns (query, types, "
                   f"formula guard, audit) {mine * 1000:.0f} ms / bare openpyxl write-only of "
                   f"the same values {floor * 1000:.0f} ms (median of {runs})")]


def bench_vertenze(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    """The Vertenze area's reads: the list with its figures (workers, open files, cohort
    exits, meetings; counted in SQL) and the cohort of the largest vertenza. Floor: a bare
    sqlite3 count, per vertenza, of the workers with their file's status and exit (no
    distinct, no meetings) on the same file."""
    import sqlite3

    os.environ["SPORTELLO_HOME"] = str(home)
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup, vertenze

    ctx = bootstrap(f"sqlite:///{db_path}", backup=False)
    ctx = ctx.acting_as(setup.default_actor(ctx))
    runs = max(3, repeats)
    try:
        def timed(call: Callable[[], object]) -> float:
            t0 = time.perf_counter()
            call()
            return time.perf_counter() - t0

        rows = vertenze.list_vertenze(ctx)  # warm the cache, as the bare query below is
        largest = max(rows, key=lambda r: r.workers)
        listing = statistics.median(timed(lambda: vertenze.list_vertenze(ctx)) for _ in range(runs))
        cohort = statistics.median(timed(lambda: vertenze.cohort(ctx, largest.id))
                                   for _ in range(runs))
        con = sqlite3.connect(db_path)
        bare_sql = ("SELECT es.vertenza_id, count(*), sum(w.status = 'aperto'), "
                    "count(w.cohort_exit) FROM employment_situation es "
                    "JOIN worker w ON w.id = es.worker_id "
                    "WHERE es.is_current AND es.vertenza_id IS NOT NULL GROUP BY es.vertenza_id")
        con.execute(bare_sql).fetchall()
        floor = statistics.median(timed(lambda: con.execute(bare_sql).fetchall())
                                  for _ in range(runs))
        con.close()
    finally:
        ctx.close()
    workers = sum(r.workers for r in rows)
    return [
        Metric(f"vertenze_list_ms_{_size(_workers_in(db_path))}", listing * 1000, "ms", "≤ 300",
               f"{len(rows)} vertenze with their figures over {workers:,} workers of a "
               f"vertenza, median of {runs}; floor: bare sqlite3 count per vertenza of the "
               f"workers, open files and exits {floor * 1000:.1f} ms "
               f"(ratio {listing / floor:.1f})"),
        Metric(f"vertenza_cohort_ms_{_size(_workers_in(db_path))}", cohort * 1000, "ms", "≤ 300",
               f"the Coorte tab of {largest.code}: {largest.workers:,} workers with their "
               f"cohort exit, by name, median of {runs}"),
    ]
# The Monitoraggio area in the real main window: from the click on its side bar entry to
# the figures painted (every vertenza, today against the previous meeting, as counted at
# start-up by monitoring.warm), then the same after each click on "Aggiorna" with nothing
# written, and after a write (counted anew); and the service alone, counting and kept.
_MONITORING_WINDOW = textwrap.dedent(
    """
    import json, os, statistics, sys, threading, time
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sportello.core.services import monitoring, workers
    from sportello.gui import ops
    from sportello.gui.app import start

    window = start(sys.argv[1])
    app = QApplication.instance()
    window.resize(1366, 768)

    # {wait_until}
    # as the clerk: the list is on screen, then the start-up check's thread (started by the
    # list's first page: it warms the Monitoraggio figures) has ended, the areas are built
    wait_until(lambda: window.workers_area.model.rowCount() > 0 and ops.idle(), 300)
    wait_until(lambda: not any(t.name == "sportello-startup-check" and t.is_alive()
                               for t in threading.enumerate()), 300)
    wait_until(lambda: getattr(window, "all_areas_built", lambda: True)() and ops.idle(), 300)
    index = next(i for i, a in enumerate(window.areas) if type(a).__name__ == "MonitoringArea")
    area = window.areas[index]

    def until_painted(shown_before):
        # the UI thread waits in the event loop, as in the program; done when the figures
        # read for this click are in the tree, then one more pass paints them
        loop = QEventLoop()
        def check():
            if area._shown is not shown_before and area.tree.topLevelItemCount() and ops.idle():
                loop.quit()
            else:
                QTimer.singleShot(2, check)
        QTimer.singleShot(0, check)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        area.tree.viewport().repaint()
        app.processEvents()

    item = window.sidebar.item(index)
    t0, c0 = time.perf_counter(), time.process_time()
    QTest.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    until_painted(None)
    first = (time.perf_counter() - t0) * 1000
    cpu = (time.process_time() - c0) * 1000  # every thread of the process: SQL and Qt
    def click_refresh():
        before = area._shown
        t0 = time.perf_counter()
        QTest.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
        until_painted(before)
        return (time.perf_counter() - t0) * 1000

    refresh = [click_refresh() for _ in range(5)]  # nothing written meanwhile
    # a file reopened and suspended again through its service (the database ends as it
    # was), "Aggiorna" after each change: the figures are counted anew
    ctx = window.ctx
    suspended = monitoring.people(ctx, "fascicoli.sospeso")[0].worker_id
    changed = []
    for status in ("aperto", "sospeso", "aperto", "sospeso"):
        workers.set_status(ctx, suspended, status)
        changed.append(click_refresh())
    since = monitoring.default_since(ctx)
    service, kept = [], []
    forget = getattr(monitoring, "forget", lambda: None)  # (the code before the cache)
    for _ in range(3):
        forget()
        t0 = time.perf_counter()
        monitoring.compare(ctx, since=since)
        service.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        monitoring.compare(ctx, since=since)
        kept.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"first": first, "cpu": cpu, "refresh": statistics.median(refresh),
                      "changed": statistics.median(changed),
                      "service": statistics.median(service), "kept": statistics.median(kept),
                      "figures": area.tree.topLevelItemCount()}), flush=True)
    os._exit(0)
    """
).replace("# {wait_until}\n", _WAIT_UNTIL)


def bench_monitoring(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    import json

    env = _env(home)
    runs = []
    for _ in range(max(1, min(repeats, 3))):  # fresh processes: the first open each time
        out = subprocess.run([sys.executable, "-c", _MONITORING_WINDOW, str(db_path)], env=env,
                             capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-3000:])
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = statistics.median(r["first"] for r in runs)
    refresh = statistics.median(r["refresh"] for r in runs)
    changed = statistics.median(r["changed"] for r in runs)
    service = statistics.median(r["service"] for r in runs)
    kept = statistics.median(r["kept"] for r in runs)
    each = ", ".join(f"{r['first']:.0f}" for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    load = os.getloadavg()[0]
    return [Metric(
        f"monitoring_ms_{_size(_workers_in(db_path))}", first, "ms", "≤ 300",
        f"side bar click to painted figures, every vertenza at today and at the previous "
        f"meeting ({runs[0]['figures']} breakdowns; counted at start-up, once the list shows, "
        f"by monitoring.warm), median of {len(runs)} fresh processes ({each}); CPU time of the "
        f"process meanwhile {cpu:.0f} ms (load average {load:.1f} at the end); after "
        f"'Aggiorna' {refresh:.0f} ms; 'Aggiorna' after a file's status changed (counted "
        f"anew) {changed:.0f} ms; the service alone (both dates, SQL) counting "
        f"{service:.0f} ms, from the cache {kept:.1f} ms")]


def bench_monitoring_export(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    """The workbook of a 1,000-worker vertenza / a bare openpyxl workbook of the same
    number of people rows.

    The demo's vertenze hold thousands of the 100,000 files, so the bench adds one of 1,000
    (``BENCH-1000``: every 100th file, through a past employment situation that leaves their
    own vertenza as it was) to its database the first time."""
    os.environ["SPORTELLO_HOME"] = str(home)
    from openpyxl import Workbook
    from sqlalchemy import func, select

    from sportello.core.bootstrap import bootstrap
    from sportello.core.models import EmploymentSituation, Vertenza, Worker
    from sportello.core.services import monitoring, setup

    ctx = bootstrap(f"sqlite:///{db_path}", backup=False)
    ctx = ctx.acting_as(setup.default_actor(ctx))
    folder = Path(tempfile.mkdtemp(prefix="sportello-monitoring-", dir=home))
    code = "BENCH-1000"
    try:
        with ctx.write() as s:
            if s.scalar(select(Vertenza.id).where(Vertenza.code == code)) is None:
                vertenza = Vertenza(code=code, title="Vertenza di prova (1.000 lavoratori)",
                                    company_name="Prova S.p.A.")
                s.add(vertenza)
                s.flush()
                ids = s.scalars(select(Worker.id).order_by(Worker.id)).all()[::100][:1000]
                s.add_all(EmploymentSituation(worker_id=i, vertenza_id=vertenza.id,
                                              is_current=False) for i in ids)
        with ctx.read() as s:
            size = s.scalar(select(func.count(func.distinct(EmploymentSituation.worker_id)))
                            .join(Vertenza).where(Vertenza.code == code))
        since = monitoring.default_since(ctx)
        runs = max(1, min(repeats, 3))
        timings, written = [], None
        for i in range(runs):
            t0 = time.perf_counter()
            written = monitoring.export_workbook(ctx, folder / f"ours-{i}.xlsx", vertenza=code,
                                                 since=since)
            timings.append(time.perf_counter() - t0)
        from openpyxl import load_workbook

        book = load_workbook(written.path, read_only=True)
        rows = [list(r) for name in book.sheetnames[3:]
                for r in book[name].iter_rows(values_only=True)]
        book.close()

        def bare(i: int) -> float:
            t0 = time.perf_counter()
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Persone")
            for row in rows:
                ws.append(row)
            wb.save(folder / f"bare-{i}.xlsx")
            return time.perf_counter() - t0

        floor = statistics.median(bare(i) for i in range(runs))
        mine = statistics.median(timings)
    finally:
        ctx.close()
    return [Metric(
        f"monitoring_export_s_{_size(_workers_in(db_path))}", mine, "s", "—",
        f"workbook of {code} ({size:,} workers): {written.figures} figures, "
        f"{written.people_sheets} people sheets ({len(rows):,} rows), charts and trend, median "
        f"of {runs}; a bare openpyxl write-only of the same people rows {floor:.2f} s "
        f"(ratio {mine / floor:.1f})")]


def bench_attach(db_path: Path, home: Path, repeats: int) -> list[Metric]:
    """Attaching a 10 MB PDF (read, hash, type check, store, commit) / ``shutil.copy`` of it."""
    import datetime as dt
    import shutil
    import sqlite3

    os.environ["SPORTELLO_HOME"] = str(home)
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import documents, setup, workers

    del db_path  # a database of its own: one file per attachment (a copy twice is refused)
    folder = Path(tempfile.mkdtemp(prefix="sportello-attach-", dir=home))
    sys.path.insert(0, str(ROOT / "tests"))  # the tests' own sample documents
    from document_files import big_pdf

    scan = big_pdf(folder / "scansione.pdf", 10)
    ctx = bootstrap(f"sqlite:///{folder / 'attach.db'}", backup=False)
    ctx = ctx.acting_as(setup.initialise(
        ctx, setup.OfficeData(code="CPI-AT", name="CPI Asti"),
        setup.AdminData(username="bench", full_name="Bench Mark", password="prova1234")))
    runs = max(3, repeats)
    from sportello.core.codice_fiscale import encode

    people = [workers.create(ctx, workers.WorkerForm(
        codice_fiscale=encode("Prova", f"Nome{chr(65 + i)}", "M", dt.date(1970, 1, 1 + i),
                              "A479"), surname="Prova", name=f"Nome{chr(65 + i)}"),
        allow_similar=True) for i in range(runs + 1)]
    try:
        documents.attach(ctx, people[-1], scan, "inps")  # warm-up: PDFium, statements
        shutil.copy(scan, folder / "warm.pdf")
        blobs = sqlite3.connect(folder / "blobs.db", isolation_level=None)  # the SQLite floor
        blobs.execute("PRAGMA journal_mode=WAL")
        blobs.execute("PRAGMA synchronous=NORMAL")
        blobs.execute("CREATE TABLE piece (doc INTEGER, seq INTEGER, data BLOB, "
                      "PRIMARY KEY (doc, seq))")

        def bare_sqlite(doc: int) -> float:
            t0 = time.perf_counter()
            blobs.execute("BEGIN")
            with scan.open("rb") as f:
                for seq, piece in enumerate(iter(lambda: f.read(1_048_576), b"")):
                    blobs.execute("INSERT INTO piece VALUES (?, ?, ?)", (doc, seq, piece))
            blobs.execute("COMMIT")
            return time.perf_counter() - t0

        mine, floor, sqlite_floor = [], [], []
        bare_sqlite(-1)
        for i in range(runs):
            t0 = time.perf_counter()
            documents.attach(ctx, people[i], scan, "inps")
            mine.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            shutil.copy(scan, folder / f"copia-{i}.pdf")
            floor.append(time.perf_counter() - t0)
            sqlite_floor.append(bare_sqlite(i))
        blobs.close()
    finally:
        ctx.close()
    ours, bare = statistics.median(mine), statistics.median(floor)
    in_sqlite = statistics.median(sqlite_floor)
    return [Metric("attach_ratio_10mb", ours / bare, "x", "≤ 3",
                   f"documents.attach of a {scan.stat().st_size / 1_048_576:.1f} MB PDF (read, "
                   f"SHA-256, type by content, PDFium check, stored in 1 MB pieces, commit) "
                   f"{ours * 1000:.0f} ms / shutil.copy of the same file {bare * 1000:.0f} ms "
                   f"(median of {runs}, SQLite WAL); bare sqlite3 insert of the same 1 MB "
                   f"pieces and commit {in_sqlite * 1000:.0f} ms (ratio "
                   f"{ours / in_sqlite:.2f}): the commit's WAL checkpoint writes the 10 MB "
                   f"again and syncs")]


def _size(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 else str(n)


BENCHES: dict[str, Callable[..., list[Metric]]] = {
    "startup_ratio": bench_startup,
    "workers_window": bench_workers_window,
    "workers_window_pg": bench_workers_window_pg,  # only with $SPORTELLO_TEST_PG_URL
    "ui_block_ms": bench_ui_block,
    "letters": bench_letters,  # letters_ratio_500 and batch_issue_ratio_500
    "import_ratio_20k": bench_import,
    "export_ratio_100k": bench_export,
    "vertenze": bench_vertenze,
    "monitoring_ms_100k": bench_monitoring,
    "monitoring_export_s_100k": bench_monitoring_export,
    "attach_ratio_10mb": bench_attach,
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
        if name == "workers_window_pg" and not os.environ.get(PG_ENV):
            print(f"# workers_window_pg skipped: no PostgreSQL server ({PG_ENV} not set)",
                  file=sys.stderr)
            continue
        if name == "import_ratio_20k" and args.quick:
            result = bench_import(db_path, home, repeats, rows=2_000)
        else:
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
