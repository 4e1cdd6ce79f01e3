"""fund region

A regional fund (kind "regionale") pays only for workers of its Region; NULL is a fund
valid everywhere (Fondo Nuove Competenze, fondi interprofessionali, GOL and every fund
created before this revision). A plain nullable column: no batch copy.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("fund", sa.Column("region", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fund", schema=None) as batch_op:
        batch_op.drop_column("region")
