"""worker_status_change: the dated history of a file's status, for monitoring at a past date

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-06 07:20:00

Until now a file kept only its current status (and, when closed, ``closed_on``): how many
files were open on the day of the last tavolo could not be told. From now on the services
that change the status (``file_status.record``: closing a file, suspending or reopening it)
add a row here in the same transaction. A file with no row on or before a date was open
then, if it had been created by that date.

Backfill, for the files already closed or suspended: one row with their current status,
dated ``closed_on`` when there is one (a closed file), otherwise the day of the file's last
change (a suspended file: when it was suspended is not kept anywhere else). Earlier
suspensions or reopenings left no trace and are not invented.

It also adds covering indexes for the monitoring figures (``INDEXES``): each count then
reads a narrow index instead of the whole table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

STATUSES = ("aperto", "sospeso", "chiuso")
# Covering indexes for the monitoring figures: each count reads an index instead of the
# table (the dashboard of 100,000 files on SQLite: 5.2 s -> see README, Benchmarks).
INDEXES = {
    "ix_worker_created_status": ("worker", ["created_at", "status"]),
    "ix_employment_situation_vertenza_worker": ("employment_situation",
                                                ["vertenza_id", "worker_id"]),
    "ix_service_pact_worker_signed": ("service_pact", ["worker_id", "signed_on"]),
    "ix_pathway_monitoring": ("pathway", ["worker_id", "kind", "start_on", "end_on",
                                          "created_at", "outcome"]),
    "ix_appointment_monitoring": ("appointment", ["worker_id", "starts_at", "status", "outcome"]),
}


def upgrade() -> None:
    op.create_table(
        "worker_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=30), nullable=True),
        sa.CheckConstraint(
            "status IS NULL OR status IN (" + ", ".join(f"'{s}'" for s in STATUSES) + ")",
            name="ck_worker_status_change_status"),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"], ondelete="CASCADE",
                                name="fk_worker_status_change_worker_id_worker"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"],
                                name="fk_worker_status_change_operator_id_operator"),
        sa.PrimaryKeyConstraint("id", name="pk_worker_status_change"),
    )
    op.create_index("ix_worker_status_change_worker_on", "worker_status_change",
                    ["worker_id", "changed_on", "id"])
    conn = op.get_bind()
    day = ("CAST(updated_at AS DATE)" if conn.dialect.name == "postgresql"
           else "date(updated_at)")
    conn.exec_driver_sql(
        "INSERT INTO worker_status_change (worker_id, status, changed_on, changed_at, reason) "
        f"SELECT id, status, COALESCE(closed_on, {day}), updated_at, closing_reason "
        "FROM worker WHERE status <> 'aperto' ORDER BY id")
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_index("ix_worker_status_change_worker_on", table_name="worker_status_change")
    op.drop_table("worker_status_change")
