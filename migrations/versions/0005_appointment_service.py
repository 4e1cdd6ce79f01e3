"""appointment service: CPI counter or Sportello Unico

An appointment now says whom the person meets: the CPI's counter ("cpi", every existing
appointment) or the Sportello Unico ("sportello_unico"). The "Invito allo Sportello Unico"
letter takes the person's next Sportello Unico appointment, never an ordinary interview.
Batch mode: SQLite adds the CHECK by copying the table (foreign keys are off during
migrations, see db.upgrade_to_head); PostgreSQL alters it in place.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("service", sa.String(length=20), server_default="cpi",
                                      nullable=False))
        batch_op.create_check_constraint(
            op.f("ck_appointment_service"),
            "service IS NULL OR service IN ('cpi', 'sportello_unico')")


def downgrade() -> None:
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_appointment_service"), type_="check")
        batch_op.drop_column("service")
