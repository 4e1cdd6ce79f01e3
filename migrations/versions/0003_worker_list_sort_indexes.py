"""worker list sort indexes

Every column the worker list sorts by gets an index, so sorting 100,000 files is an
index walk. Plain CREATE INDEX (no batch copy): recreating the worker table on SQLite
would drop the FTS triggers of 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 16:02:16
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_worker_name_surname": ["name", "surname"],
    "ix_worker_residence_comune": ["residence_comune"],
    "ix_worker_mobile": ["mobile"],
    "ix_worker_updated_at": ["updated_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "worker", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="worker")
