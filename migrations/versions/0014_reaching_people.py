"""reaching people: delivery channels of letters, remote and reminded appointments

A letter records how it reaches the person (posta, consegna a mano, e-mail, PEC; NULL for
the letters issued before, all on paper) and, for e-mail and PEC, whether its .eml draft
is only written ("predisposta") or sent ("inviata", with the moment the clerk marked it).
An appointment is in person or remote (video link or phone number in ``remote_link``) and
records when the person was reminded. Batch mode: SQLite adds the CHECKs by copying the
tables (foreign keys are off during migrations); PostgreSQL alters them in place.

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-06 07:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivery", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("delivery_status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("sent_at", sa.DateTime(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_letter_delivery"),
            "delivery IS NULL OR delivery IN ('posta', 'mano', 'email', 'pec')")
        batch_op.create_check_constraint(
            op.f("ck_letter_delivery_status"),
            "delivery_status IS NULL OR delivery_status IN ('predisposta', 'inviata')")
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mode", sa.String(length=10), server_default="presenza",
                                      nullable=False))
        batch_op.add_column(sa.Column("remote_link", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("reminded_at", sa.DateTime(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_appointment_mode"),
            "mode IS NULL OR mode IN ('presenza', 'video', 'telefono')")


def downgrade() -> None:
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_appointment_mode"), type_="check")
        batch_op.drop_column("reminded_at")
        batch_op.drop_column("remote_link")
        batch_op.drop_column("mode")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_letter_delivery_status"), type_="check")
        batch_op.drop_constraint(op.f("ck_letter_delivery"), type_="check")
        batch_op.drop_column("sent_at")
        batch_op.drop_column("delivery_status")
        batch_op.drop_column("delivery")
