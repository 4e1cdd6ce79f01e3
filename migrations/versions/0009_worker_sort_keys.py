"""worker list: one order on both engines, and an index for every order on PostgreSQL

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 04:30:00

The worker list sorts on folded keys (``text.worker_sort_keys``): ``sort_surname``
("surname name"), ``sort_name`` ("name surname"), ``sort_comune`` and ``sort_phone`` (the
mobile, else the landline: what the list shows). Before, the name and comune columns
sorted on the raw text (upper case before lower case, "Ștefan" after "Z" on SQLite), the
phone column on the mobile only, and empty values came first on SQLite and last on
PostgreSQL. On PostgreSQL the keys are in the "C" collation, which compares like SQLite.

Every order ends with the worker's id. SQLite's indexes carry it anyway; PostgreSQL's
did not, so each sort of 100,000 files sorted the whole table on disk. The sort indexes
are now (key, id) on both engines, and on PostgreSQL the keys that may be empty get a
second index in descending order with the empty ones last (``search.SORT_DESC_INDEXES``,
not in the models: SQLite reads one index both ways). They replace 0003's indexes on the
raw columns, 0008's SQLite index of the alphabetical order and the single-column indexes
on birth_date and status (the filters use the new ones).

Plain ALTER TABLE and CREATE INDEX (no batch copy): recreating the worker table on SQLite
would drop the FTS triggers of 0002. Dropping the columns on downgrade needs SQLite 3.35.

On PostgreSQL, filling the keys writes a new version of every worker row and the old ones
stay in the table's files until reused (a 100,000-file table of 39 MB took 83 MB).
``VACUUM FULL worker``, run on the server when nobody works, gives the space back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sportello.core.text import worker_sort_keys

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 2000
KEYS = {"sort_surname": 250, "sort_name": 250, "sort_comune": 100, "sort_phone": 40}
NOT_EMPTY = ("sort_surname", "sort_name")
NEW_INDEXES = {
    "ix_worker_sort_surname": ["sort_surname", "id"],
    "ix_worker_sort_name": ["sort_name", "id"],
    "ix_worker_codice_fiscale_id": ["codice_fiscale", "id"],
    "ix_worker_birth_date": ["birth_date", "id"],
    "ix_worker_sort_comune": ["sort_comune", "id"],
    "ix_worker_sort_phone": ["sort_phone", "id"],
    "ix_worker_status": ["status", "id"],
    "ix_worker_updated_at": ["updated_at", "id"],
}
# PostgreSQL only (search.SORT_DESC_INDEXES)
DESC_INDEXES = {
    "ix_worker_birth_date_desc": "birth_date",
    "ix_worker_sort_comune_desc": "sort_comune",
    "ix_worker_sort_phone_desc": "sort_phone",
}
OLD_INDEXES = {
    "ix_worker_name_surname": ["name", "surname"],
    "ix_worker_residence_comune": ["residence_comune"],
    "ix_worker_mobile": ["mobile"],
    "ix_worker_updated_at": ["updated_at"],
    "ix_worker_birth_date": ["birth_date"],
    "ix_worker_status": ["status"],
}
OLD_SQLITE_INDEX = ("ix_worker_alphabetical", ["search_text", "surname", "name", "id"])
TRGM_INDEX = "ix_worker_search_text_trgm"  # 0002's, when pg_trgm could be had


def _fill_keys(conn: sa.Connection) -> None:
    """The keys of every existing worker (derived data: no version bump).

    On PostgreSQL through a temporary table and one UPDATE, with the trigram index dropped
    meanwhile and built again after: the upgrade of 100,000 files took 36-43 s with the
    rows updated one by one and the index in place, 15-21 s this way (2-core machine
    shared with other work).
    """
    worker = sa.table("worker", *(sa.column(c) for c in (
        "id", "surname", "name", "residence_comune", "mobile", "phone", *KEYS)))
    postgres = conn.dialect.name == "postgresql"
    if postgres:
        conn.exec_driver_sql(
            "CREATE TEMPORARY TABLE worker_sort_keys (id integer PRIMARY KEY, "
            + ", ".join(f"{key} varchar({length})" for key, length in KEYS.items())
            + ") ON COMMIT DROP")
        target = sa.table("worker_sort_keys", *(sa.column(c) for c in ("id", *KEYS)))
        write = sa.insert(target).values({"id": sa.bindparam("b_id"),
                                          **{k: sa.bindparam(f"b_{k}") for k in KEYS}})
    else:
        write = (sa.update(worker).where(worker.c.id == sa.bindparam("b_id"))
                 .values({key: sa.bindparam(f"b_{key}") for key in KEYS}))
    last_id = 0
    while True:
        rows = conn.execute(sa.select(worker).where(worker.c.id > last_id)
                            .order_by(worker.c.id).limit(BATCH)).mappings().all()
        if not rows:
            break
        conn.execute(write, [{"b_id": row["id"],
                              **{f"b_{k}": v for k, v in worker_sort_keys(row).items()}}
                             for row in rows])
        last_id = rows[-1]["id"]
    if postgres:
        trigram = conn.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            f"AND indexname = '{TRGM_INDEX}'").scalar()
        if trigram:
            conn.exec_driver_sql(f"DROP INDEX {TRGM_INDEX}")
        conn.exec_driver_sql(
            "UPDATE worker SET " + ", ".join(f"{key} = k.{key}" for key in KEYS)
            + " FROM worker_sort_keys k WHERE worker.id = k.id")
        if trigram:
            conn.exec_driver_sql(trigram)


def upgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == "postgresql"
    for key, length in KEYS.items():
        type_ = sa.String(length, collation="C") if postgres else sa.String(length)
        if key in NOT_EMPTY:
            op.add_column("worker", sa.Column(key, type_, nullable=False, server_default=""))
        else:
            op.add_column("worker", sa.Column(key, type_, nullable=True))
    for name in OLD_INDEXES:  # first: the update below need not maintain them
        op.drop_index(name, table_name="worker")
    if conn.dialect.name == "sqlite":
        op.drop_index(OLD_SQLITE_INDEX[0], table_name="worker")
    _fill_keys(conn)
    for name, columns in NEW_INDEXES.items():
        op.create_index(name, "worker", columns)
    if postgres:
        for name, column in DESC_INDEXES.items():
            conn.exec_driver_sql(
                f"CREATE INDEX {name} ON worker ({column} DESC NULLS LAST, id DESC)")
        conn.exec_driver_sql("ANALYZE worker")  # the new columns' statistics, for the planner


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for name in DESC_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX {name}")
    for name in NEW_INDEXES:
        op.drop_index(name, table_name="worker")
    for name, columns in OLD_INDEXES.items():
        op.create_index(name, "worker", columns)
    if conn.dialect.name == "sqlite":
        op.create_index(OLD_SQLITE_INDEX[0], "worker", OLD_SQLITE_INDEX[1])
    for key in reversed(KEYS):
        op.drop_column("worker", key)
