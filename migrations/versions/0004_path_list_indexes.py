"""pathway and voucher list indexes

The Percorsi and Formazione lists show the newest first (pathway.start_on, voucher
requested_on, then id): with these indexes a page of 200 out of 100,000 is an index walk
instead of a sort of the whole table. Plain CREATE INDEX, no batch copy.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 18:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_pathway_start_on": ("pathway", ["start_on", "id"]),
    "ix_voucher_requested_on": ("voucher", ["requested_on", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
