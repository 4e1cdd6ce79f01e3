"""safety net type and the extra columns of imported lists

``employment_situation.safety_net``: the income support that covers the worker
(``codes.SafetyNet``: cigs, cigs_cessazione, naspi, nessuno), the Region's "Ammortizzatore
sociale" column; its dates stay in cigs_start/cigs_end and naspi_start/naspi_end. Batch
mode: SQLite adds the CHECK by copying the table (no triggers on it); PostgreSQL alters it
in place.

``worker.extra_values``: the columns of an imported list that Sportello has no field for,
kept when the clerk asks ({header: value}). A plain ADD COLUMN, no batch copy: recreating
the worker table on SQLite would drop the FTS triggers of 0002. Every existing worker has
none, so ``search_text`` (which now ends with those values) needs no recomputation.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 07:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employment_situation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("safety_net", sa.String(length=20), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_employment_situation_safety_net"),
            "safety_net IS NULL OR safety_net IN ('cigs', 'cigs_cessazione', 'naspi', 'nessuno')")
    op.add_column("worker", sa.Column("extra_values", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("worker", "extra_values")
    with op.batch_alter_table("employment_situation", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_employment_situation_safety_net"), type_="check")
        batch_op.drop_column("safety_net")
