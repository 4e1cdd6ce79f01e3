"""Migrations: schema equals models, data survives down/up, refusals, backups, search, wheel."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, delete, event, func, insert, inspect, select, text, update

from sportello.core import db, paths, search
from sportello.core import text as core_text
from sportello.core.models import (
    Attendance,
    Base,
    Course,
    CourseSession,
    EmploymentSituation,
    Fund,
    Office,
    TrainingProvider,
    Vertenza,
    Voucher,
    VoucherStatusChange,
    Worker,
)
from sportello.core.text import fold, worker_search_text

REPO = Path(__file__).resolve().parent.parent
CF_ROSSI = "RSSNCL80A01A479X"
CF_DAGOSTINO = "DGSMRA75C41L219K"
CF_BIANCHI = "BNCGPP62M12H501Z"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = db.make_engine(db_url)
    yield eng
    eng.dispose()


def _alembic(engine: Engine, action: str, revision: str) -> None:
    """Run ``alembic upgrade|downgrade revision`` the way ``db.upgrade_to_head`` does."""
    cfg = db.alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn.execution_options(sqlite_begin="EXCLUSIVE")
        getattr(command, action)(cfg, revision)
        if conn.in_transaction():
            conn.commit()
    engine.dispose()


def _diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        mc = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "include_name": search.include_name,
                  "target_metadata": Base.metadata},
        )
        return compare_metadata(mc, Base.metadata)


def _search_objects(engine: Engine) -> set[str]:
    """Search objects that exist: FTS table and triggers / trigram index and extension."""
    with engine.connect() as conn:
        if db.is_sqlite(engine):
            rows = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'worker\\_fts%' ESCAPE '\\'")
            )
        else:
            rows = conn.execute(
                text("SELECT indexname FROM pg_indexes WHERE indexname = :n"
                     " UNION SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'"),
                {"n": search.TRGM_INDEX},
            )
        return {r[0] for r in rows}


def _find(engine: Engine, words: str, limit: int | None = None) -> list[int]:
    with db.read_session(db.make_session_factory(engine)) as s:
        return list(s.scalars(search.search_worker_ids(s, words, limit)))


def _add_sample_data(engine: Engine) -> dict[str, int]:
    """One row of each family the migrations must carry: office, worker, vertenza, vouchers."""
    with db.write_session(db.make_session_factory(engine)) as s:
        office = Office(code="CPI-AT", name="Centro per l'Impiego di Asti")
        vertenza = Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia")
        s.add_all([office, vertenza])
        s.flush()
        worker = Worker(codice_fiscale=CF_ROSSI, surname="Rossi", name="Niccolò",
                        phone="347 123 4567", office_id=office.id)
        s.add(worker)
        s.add(EmploymentSituation(worker=worker, vertenza=vertenza, cigs_start=dt.date(2025, 1, 1),
                                  cigs_end=dt.date(2025, 12, 31), profiling_index=0.4))
        provider = TrainingProvider(name="Astiss", cf_piva="01234567890")
        fund = Fund(name="FNC 2025", kind="fnc", budget_cents=1_000_000, committed_cents=50_000)
        s.add_all([provider, fund])
        s.flush()
        course = Course(provider_id=provider.id, title="Processi digitali", hours=40.0,
                        seats=12, cost_cents=50_000)
        s.add(course)
        s.flush()
        session_ = CourseSession(course_id=course.id, starts_at=dt.datetime(2025, 3, 3, 9),
                                 hours=4.0)
        voucher = Voucher(worker_id=worker.id, course_id=course.id, fund_id=fund.id,
                          code="V-2025-001", amount_cents=50_000, requested_on=dt.date(2025, 2, 1))
        s.add_all([session_, voucher])
        s.flush()
        s.add(VoucherStatusChange(voucher_id=voucher.id, status="richiesto"))
        s.add(Attendance(session_id=session_.id, voucher_id=voucher.id, present=True,
                         hours_attended=4.0))
        s.flush()
        return {"worker": worker.id, "voucher": voucher.id, "office": office.id}


def _sample_data_present(engine: Engine, ids: dict[str, int]) -> None:
    with engine.connect() as conn:
        w = conn.execute(select(Worker.surname, Worker.name, Worker.office_id)
                         .where(Worker.id == ids["worker"])).one()
        assert tuple(w) == ("Rossi", "Niccolò", ids["office"])
        assert conn.scalar(select(Vertenza.code)) == "KON-AT"
        assert conn.scalar(select(EmploymentSituation.profiling_index)) == 0.4
        voucher = select(Voucher.code).where(Voucher.worker_id == ids["worker"])
        assert conn.scalar(voucher) == "V-2025-001"
        assert conn.scalar(select(func.count()).select_from(VoucherStatusChange)) == 1
        assert conn.scalar(select(Attendance.hours_attended)) == 4.0
        assert conn.scalar(select(Fund.committed_cents)) == 50_000


# --------------------------------------------------------------------------- schema


def test_migrations_build_exactly_the_models(engine: Engine) -> None:
    result = db.upgrade_to_head(engine)
    assert result.after == db.head_revision(engine) == db.SCHEMA_HEAD
    assert _diff(engine) == []
    # The same check through migrations/env.py (its include_name filter included).
    cfg = db.alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.check(cfg)  # raises AutogenerateDiffsDetected on any difference
    # The ignored objects are really there, not merely ignored.
    expected = ({"worker_fts", "worker_fts_ai", "worker_fts_ad", "worker_fts_au"}
                if db.is_sqlite(engine) else {search.TRGM_INDEX, "pg_trgm"})
    assert expected <= _search_objects(engine)


def test_every_revision_steps_down_and_up(engine: Engine) -> None:
    script = ScriptDirectory.from_config(db.alembic_config(engine))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert revisions[:2] == ["0001", "0002"]
    for rev in revisions:
        _alembic(engine, "upgrade", "+1")
        assert db.current_revision(engine) == rev
    for rev in reversed(revisions):
        _alembic(engine, "downgrade", "-1")
        below = script.get_revision(rev).down_revision
        assert db.current_revision(engine) == below
        if below == "0001":
            assert _search_objects(engine) == set()
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    for rev in revisions:
        _alembic(engine, "upgrade", "+1")
    assert db.current_revision(engine) == revisions[-1]
    assert _diff(engine) == []


def test_downgrade_to_0001_and_back_keeps_data(engine: Engine) -> None:
    db.upgrade_to_head(engine)
    ids = _add_sample_data(engine)
    assert _find(engine, "nicc") == [ids["worker"]]

    _alembic(engine, "downgrade", "0001")
    assert db.current_revision(engine) == "0001"
    assert _search_objects(engine) == set()
    _sample_data_present(engine, ids)
    assert _find(engine, "nicc") == [ids["worker"]]  # no index: LIKE still finds it

    # A row written while at 0001 without search_text (as older code did): the
    # upgrade fills the column and indexes it.
    with engine.begin() as conn:
        conn.execute(insert(Worker).values(codice_fiscale=CF_BIANCHI, surname="Bianchi",
                                           name="Giuseppe", privacy_consent=False,
                                           status="aperto"))
        conn.execute(update(Worker).where(Worker.codice_fiscale == CF_BIANCHI)
                     .values(search_text=None))

    db.upgrade_to_head(engine)
    assert db.current_revision(engine) == db.SCHEMA_HEAD
    _sample_data_present(engine, ids)
    assert _find(engine, "nicc") == [ids["worker"]]
    bianchi = _find(engine, "giusep")
    assert len(bianchi) == 1
    with engine.connect() as conn:
        assert conn.scalar(select(Worker.search_text).where(Worker.id == bianchi[0])) == (
            "bianchi giuseppe bncgpp62m12h501z"
        )
    assert _diff(engine) == []


def test_0005_appointments_kept_as_cpi_and_service_checked(engine: Engine) -> None:
    """Appointments booked before 0005 are the CPI's; only the two services are accepted."""
    _alembic(engine, "upgrade", "0004")
    with engine.begin() as conn:
        office = conn.execute(insert(Office).values(code="CPI-AT", name="CPI Asti", kind="cpi")
                              .returning(Office.id)).scalar_one()
        op_id = conn.execute(text(
            "INSERT INTO operator (office_id, username, full_name, role, active, "
            "must_change_password, failed_logins) VALUES (:o, 'anna', 'Anna Neri', "
            "'operatore', true, false, 0) RETURNING id"), {"o": office}).scalar_one()
        wid = conn.execute(insert(Worker).values(codice_fiscale=CF_ROSSI, surname="Rossi",
                                                 name="Nicola", privacy_consent=False,
                                                 status="aperto").returning(Worker.id)).scalar_one()
        conn.execute(text(
            "INSERT INTO appointment (worker_id, operator_id, office_id, starts_at, ends_at, "
            "status) VALUES (:w, :o, :f, :s, :e, 'prenotato')"),
            {"w": wid, "o": op_id, "f": office, "s": dt.datetime(2026, 12, 10, 9),
             "e": dt.datetime(2026, 12, 10, 9, 30)})
    db.upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT service FROM appointment")).scalars().all() == ["cpi"]
    with pytest.raises(Exception, match="(?i)check"), engine.begin() as conn:
        conn.execute(text("UPDATE appointment SET service = 'altro'"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE appointment SET service = 'sportello_unico'"))
    assert _diff(engine) == []
    _alembic(engine, "downgrade", "0004")
    with engine.connect() as conn:
        assert "service" not in {c["name"] for c in inspect(conn).get_columns("appointment")}
        assert conn.scalar(text("SELECT count(*) FROM appointment")) == 1


def test_0009_fills_the_sort_keys_of_the_files_already_there(engine: Engine) -> None:
    """Files written before 0009 sort by the new keys at once, and 0009 steps back down."""
    _alembic(engine, "upgrade", "0008")
    people = [  # codice fiscale, surname, name, comune, mobile, landline
        (CF_ROSSI, "ROSSI", "Niccolò", "FORLÌ", None, "0543 112233"),
        (CF_DAGOSTINO, "D'Agostino", "maria", None, "347 1234567", "0141 556677"),
        (CF_BIANCHI, "Ștefănescu", "Ana", "asti", None, None),
    ]
    with engine.begin() as conn:
        for code, surname, name, comune, mobile, phone in people:
            conn.execute(insert(Worker.__table__).values(
                codice_fiscale=code, surname=surname, name=name, residence_comune=comune,
                mobile=mobile, phone=phone, privacy_consent=False, status="aperto",
                search_text=core_text.worker_search_text({"surname": surname, "name": name})))
    db.upgrade_to_head(engine)
    keys = ("codice_fiscale", "sort_surname", "sort_name", "sort_comune", "sort_phone")
    with engine.connect() as conn:
        got = sorted(tuple(r) for r in conn.execute(select(*(Worker.__table__.c[k] for k in keys))))
    assert got == [
        (CF_BIANCHI, "stefanescu ana", "ana stefanescu", "asti", None),
        (CF_DAGOSTINO, "dagostino maria", "maria dagostino", None, "347 1234567"),
        (CF_ROSSI, "rossi niccolo", "niccolo rossi", "forli", "0543 112233"),
    ]
    assert _diff(engine) == []
    _alembic(engine, "downgrade", "0008")
    with engine.connect() as conn:
        assert not {"sort_surname", "sort_phone"} & {
            c["name"] for c in inspect(conn).get_columns("worker")}
        assert conn.scalar(select(func.count()).select_from(text("worker"))) == 3
        indexes = {i["name"] for i in inspect(conn).get_indexes("worker")}
    assert {"ix_worker_name_surname", "ix_worker_mobile"} <= indexes
    assert ("ix_worker_alphabetical" in indexes) == db.is_sqlite(engine)


def test_sqlite_migrations_run_with_foreign_keys_off_in_one_transaction(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url)
    seen: list[tuple[int, bool]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _spy(_conn, cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().startswith("CREATE"):
            raw = cursor.connection
            seen.append((raw.execute("PRAGMA foreign_keys").fetchone()[0], raw.in_transaction))

    db.upgrade_to_head(engine)
    assert seen and all(state == (0, True) for state in seen)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


# --------------------------------------------------------------------------- refusal and backups


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_unknown_revision_is_refused_and_file_untouched(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url)
    db.upgrade_to_head(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_dal_futuro'"))
    engine.dispose()
    path = db.sqlite_path(engine)
    assert path is not None
    before = _sha256(path)

    engine = db.make_engine(sqlite_url)
    with pytest.raises(db.SchemaTooNew, match="versione più recente"):
        db.upgrade_to_head(engine)
    engine.dispose()
    assert _sha256(path) == before
    assert list(paths.backups_dir().iterdir()) == []


def test_upgrading_a_database_with_data_takes_a_backup_first(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url)
    _alembic(engine, "upgrade", "0001")
    with engine.begin() as conn:
        conn.execute(insert(Vertenza).values(code="KON-AT", title="Konecta Asti",
                                             company_name="Konecta Italia", status="aperta"))
        conn.execute(insert(Worker).values(codice_fiscale=CF_ROSSI, surname="Rossi",
                                           name="Niccolò", privacy_consent=False, status="aperto"))

    result = db.upgrade_to_head(engine)
    engine.dispose()
    assert (result.before, result.after) == ("0001", db.SCHEMA_HEAD)
    assert result.backup is not None and result.backup.parent == paths.backups_dir()
    assert list(paths.backups_dir().iterdir()) == [result.backup]
    con = sqlite3.connect(result.backup)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert con.execute("SELECT surname, name FROM worker").fetchall() == [("Rossi", "Niccolò")]
        assert con.execute("SELECT code FROM vertenza").fetchall() == [("KON-AT",)]
    finally:
        con.close()


def test_a_fresh_database_is_migrated_without_backup(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url)
    result = db.upgrade_to_head(engine)
    engine.dispose()
    assert (result.before, result.backup) == (None, None)
    assert list(paths.backups_dir().iterdir()) == []


# --------------------------------------------------------------------------- search


def test_fold_and_search_text() -> None:
    assert fold("  Niccolò   ROSSI ") == "niccolo rossi"
    assert fold("D'Agostino") == fold("D’AGOSTINO") == "dagostino"
    assert fold("D´Amico") == "damico"
    assert fold("Łukasz Øster Straße") == "lukasz oster strasse"
    assert fold(None) == ""
    row = {"surname": "D'Agostino", "name": "Maria", "codice_fiscale": CF_DAGOSTINO,
           "phone": "0141 12.34.56", "mobile": "3471234567.0", "email": "Maria.D@Esempio.IT"}
    assert worker_search_text(row) == (
        "dagostino maria dgsmra75c41l219k 0141123456 3471234567 maria.d@esempio.it"
    )

    class Partial:
        surname = "Bianchi"
        name = "Giuseppe"

    assert worker_search_text(Partial()) == "bianchi giuseppe"
    assert len(worker_search_text({"surname": "x" * 300, "name": "y" * 300})) == 400
    assert search.query_words('NICCOLÒ "  347-123 -') == ["niccolo", '"', "347123", "-"]


@pytest.fixture
def people(engine: Engine) -> dict[str, int]:
    db.upgrade_to_head(engine)
    with db.write_session(db.make_session_factory(engine)) as s:
        rows = {
            "rossi": Worker(codice_fiscale=CF_ROSSI, surname="Rossi", name="Niccolò",
                            mobile="347 123 4567", email="nr80@esempio.it"),
            "dagostino": Worker(codice_fiscale=CF_DAGOSTINO, surname="D'Agostino", name="Maria",
                                phone="0141-556677"),
            "bianchi": Worker(codice_fiscale=CF_BIANCHI, surname="Bianchi", name="Giuseppe"),
        }
        s.add_all(rows.values())
        s.flush()
        return {key: w.id for key, w in rows.items()}


def test_orm_writes_keep_search_text_filled(engine: Engine, people: dict[str, int]) -> None:
    with engine.connect() as conn:
        texts = dict(conn.execute(select(Worker.id, Worker.search_text)).all())
    assert texts[people["rossi"]] == "rossi niccolo rssncl80a01a479x 3471234567 nr80@esempio.it"
    assert texts[people["dagostino"]] == "dagostino maria dgsmra75c41l219k 0141556677"
    # Unrelated edits do not rewrite it or bump the version twice.
    with db.write_session(db.make_session_factory(engine)) as s:
        w = s.get(Worker, people["bianchi"])
        w.notes = "telefonare"
    with engine.connect() as conn:
        assert conn.execute(select(Worker.version, Worker.search_text)
                            .where(Worker.id == people["bianchi"])).one() == (
            2, "bianchi giuseppe bncgpp62m12h501z")


SEARCH_CASES: list[tuple[str, set[str]]] = [
    ("nicc", {"rossi"}),
    ("NICCOLO", {"rossi"}),
    ("Niccolò", {"rossi"}),
    ("agost", {"dagostino"}),
    ("dagost", {"dagostino"}),
    ("D'Agost", {"dagostino"}),
    ("RSSNCL80", {"rossi"}),
    ("rssncl", {"rossi"}),
    ("dgsmra75c41l219k", {"dagostino"}),
    ("4567", {"rossi"}),
    ("347 123", {"rossi"}),
    ("0141-55", {"dagostino"}),
    ("rossi nicc", {"rossi"}),
    ("maria rossi", set()),
    ("esempio.it", {"rossi"}),
    ("gi", {"bianchi"}),  # two letters: LIKE
    ("ia", {"dagostino", "bianchi"}),
    ("ia ross", set()),  # LIKE and index words together: AND
    ("ni ross", {"rossi"}),
    ("xyzzy", set()),
    ("", {"rossi", "dagostino", "bianchi"}),
]

WEIRD_INPUT = ['"', '""', "*", "a(", "(", "AND", "OR", "NOT", "NEAR", "-", "-rossi", "rossi*",
               '"rossi', "^ross", "ross:", "%", "_", "\\", "a%b", "rossi AND OR",
               "' OR 1=1 --", "{x}", "[ab]", "NEAR(a b)", "rossi OR bianchi", '"""', "***", 'a"b',
               "zz\x00q",
               "(" * 200, "r" * 5000]


def test_search_finds_by_any_part(engine: Engine, people: dict[str, int]) -> None:
    wrong = {}
    for typed, who in SEARCH_CASES:
        found = set(_find(engine, typed))
        if found != {people[k] for k in who}:
            wrong[typed] = sorted(found)
    assert wrong == {}


def test_weird_input_never_raises(engine: Engine, people: dict[str, int]) -> None:
    results = {typed: _find(engine, typed) for typed in WEIRD_INPUT}
    # LIKE wildcards are escaped, FTS operators are quoted: all plain text to look for,
    # and no worker's search_text contains any of these.
    assert {typed: found for typed, found in results.items() if found} == {}
    # Nothing left after folding (control characters, apostrophes): as if nothing typed.
    assert _find(engine, "\x00 ' \t") == _find(engine, "") != []


def test_search_uses_the_index(engine: Engine, people: dict[str, int]) -> None:
    with db.read_session(db.make_session_factory(engine)) as s:
        stmt = search.search_worker_ids(s, "agost nicc")
        sql = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        if db.is_sqlite(engine):
            plan = " ".join(str(r[-1]) for r in s.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
            assert "VIRTUAL TABLE INDEX" in plan and "worker_fts" in plan
        else:
            # Three rows: as on a big table, neither read the whole table nor walk a whole
            # index in order, filtering (the planner's choices for three rows)
            s.execute(text("SET LOCAL enable_seqscan = off"))
            s.execute(text("SET LOCAL enable_indexscan = off"))
            plan = " ".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}")))
            assert search.TRGM_INDEX in plan


def test_words_are_matched_on_the_rows_read(engine: Engine, people: dict[str, int]) -> None:
    """PostgreSQL: without a limit, the typed words are matched while the rows are read
    (trigram bitmap, or a scan for short words), not collected as ids to look each up
    again, which took two to four times as long; the files found are the same."""
    if db.is_sqlite(engine):
        pytest.skip("PostgreSQL only: SQLite matches the words on the rows read already")
    with db.read_session(db.make_session_factory(engine)) as s:
        for words in ("ia", "gi ni", "i", "agost", "ross nicc", "ni ross"):
            one_pass = search.search_worker_ids(s, words)
            sql = one_pass.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
            plan = " ".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}")))
            assert "ANY" not in plan and "InitPlan" not in plan, plan
            # the same files as through the collected ids (the path taken with a limit)
            collected = search.search_worker_ids(s, words, limit=1000)
            assert list(s.scalars(one_pass)) == list(s.scalars(collected)), words
    assert set(_find(engine, "ia")) == {people["dagostino"], people["bianchi"]}


def test_search_orders_and_limits(engine: Engine, people: dict[str, int]) -> None:
    everyone = _find(engine, "")
    assert everyone == [people["bianchi"], people["dagostino"], people["rossi"]]
    assert _find(engine, "i", limit=2) == everyone[:2]


def test_search_follows_updates_and_deletes(engine: Engine, people: dict[str, int]) -> None:
    factory = db.make_session_factory(engine)
    with db.write_session(factory) as s:
        s.get(Worker, people["rossi"]).surname = "Bertolucci"
    assert _find(engine, "bertol") == [people["rossi"]]
    assert _find(engine, "rossi") == []
    assert _find(engine, "nicc") == [people["rossi"]]

    with db.write_session(factory) as s:
        s.delete(s.get(Worker, people["rossi"]))
    assert _find(engine, "bertol") == []
    assert _find(engine, "nicc") == []
    assert _find(engine, "rssncl") == []

    # Core writes that fill search_text themselves are indexed too.
    with engine.begin() as conn:
        values = {"codice_fiscale": CF_ROSSI, "surname": "Rossetti", "name": "Niccolò",
                  "privacy_consent": False, "status": "aperto"}
        conn.execute(insert(Worker).values(**values, search_text=worker_search_text(values)))
        conn.execute(delete(Worker).where(Worker.id == people["bianchi"]))
    assert len(_find(engine, "rossett nicc")) == 1
    assert _find(engine, "giusep") == []
    if db.is_sqlite(engine):
        with engine.connect() as conn:  # the FTS index agrees with its content table
            conn.exec_driver_sql(
                "INSERT INTO worker_fts(worker_fts, rank) VALUES ('integrity-check', 1)"
            )


# --------------------------------------------------------------------------- packaging


@pytest.mark.slow
def test_wheel_ships_migrations_and_finds_them(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("sportello-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for expected in ("sportello/migrations/env.py",
                         "sportello/migrations/script.py.mako",
                         "sportello/migrations/versions/0001_initial_schema.py",
                         "sportello/migrations/versions/0002_worker_search.py",
                         "sportello/core/search.py"):
            assert expected in names
        assert any(n.startswith("sportello/resources/") for n in names)
        site = tmp_path / "site"
        zf.extractall(site)

    # The unpacked wheel, ahead of the editable checkout on sys.path, migrates a database
    # with the migrations it carries.
    probe = (
        "from sportello.core import db, paths\n"
        "e = db.make_engine(db.resolve_url('probe.db'))\n"
        "r = db.upgrade_to_head(e)\n"
        "print(paths.shipped_dir('migrations'), paths.shipped_dir('resources'), r.after)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "SPORTELLO_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    migrations_dir, resources_dir, head = run.stdout.split()
    assert Path(migrations_dir) == site / "sportello" / "migrations"
    assert Path(resources_dir) == site / "sportello" / "resources"
    assert head == db.SCHEMA_HEAD


def test_0012_dates_the_status_of_the_files_already_closed_or_suspended(engine: Engine) -> None:
    """Files closed or suspended before 0012 get one dated row each; open ones none."""
    _alembic(engine, "upgrade", "0009")
    people = [  # codice fiscale, status, closed_on, closing reason, last change
        (CF_ROSSI, "chiuso", dt.date(2026, 3, 2), "ricollocato", dt.datetime(2026, 3, 5, 10)),
        (CF_DAGOSTINO, "sospeso", None, None, dt.datetime(2026, 5, 7, 11)),
        (CF_BIANCHI, "aperto", None, None, dt.datetime(2026, 6, 1, 9)),
    ]
    with engine.begin() as conn:
        for code, status, closed_on, reason, changed in people:
            conn.execute(insert(Worker.__table__).values(
                codice_fiscale=code, surname="Prova", name="Persona", privacy_consent=False,
                status=status, closed_on=closed_on, closing_reason=reason, created_at=changed,
                updated_at=changed))
    db.upgrade_to_head(engine)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT w.codice_fiscale, h.status, h.changed_on, h.reason FROM worker_status_change h "
            "JOIN worker w ON w.id = h.worker_id ORDER BY h.id")).all()
    assert [(r[0], r[1], r[2] if isinstance(r[2], dt.date) else dt.date.fromisoformat(r[2]), r[3])
            for r in rows] == [(CF_ROSSI, "chiuso", dt.date(2026, 3, 2), "ricollocato"),
                               (CF_DAGOSTINO, "sospeso", dt.date(2026, 5, 7), None)]
    assert _diff(engine) == []
    _alembic(engine, "downgrade", "0009")
    assert "worker_status_change" not in inspect(engine).get_table_names()
