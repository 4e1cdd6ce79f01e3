"""audit log protected in the database: UPDATE and DELETE refused without a permit

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 01:10:00

The ORM guard in ``core.audit`` stops the program's own code; these triggers stop
everything else that talks SQL to the file or the server (a bulk API that skips the
ORM events, a tool, a script). Only a transaction that holds a row of
``audit_rewrite`` (a merge or an anonymisation, through ``audit.rewriting``) may change
or delete audit rows; that row is deleted before the transaction commits.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MESSAGE = "Il registro attività non si può modificare né cancellare."

SQLITE = [
    f"""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NOT EXISTS (SELECT 1 FROM audit_rewrite)
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        WHEN NOT EXISTS (SELECT 1 FROM audit_rewrite)
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
POSTGRESQL = [
    f"""CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM audit_rewrite) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$""",
    """CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_guard()""",
    # TRUNCATE skips row triggers: refuse it as a statement
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard()""",
]


def upgrade() -> None:
    op.create_table(
        "audit_rewrite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_rewrite")),
    )
    statements = SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRESQL
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_guard ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_guard()")
    op.drop_table("audit_rewrite")
