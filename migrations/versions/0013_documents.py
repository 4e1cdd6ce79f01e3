"""documents in the file, and the incoming protocol

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-06 07:20:00

``document`` holds what a clerk attaches to a file (and, inside it, to a pact revision, a
pathway, a voucher, a business project or an appointment: ``owner_kind`` + ``owner_id``)
and what the office registers in its incoming protocol. The bytes are in
``document_chunk``, in pieces (bytea on PostgreSQL), so a 25 MB scan is written and read a
piece at a time. New tables only: nothing existing is copied.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_KINDS = ("'identita', 'cv', 'patto', 'inps', 'attestato', 'presenze', 'business-plan', "
          "'suap', 'altro'")
_OWNERS = ("'worker', 'service_pact', 'pathway', 'voucher', 'business_project', "
           "'appointment', 'tavolo_meeting'")
_CHANNELS = "'mano', 'posta', 'email', 'pec'"


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("owner_kind", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("original_name", sa.String(length=255), nullable=True),
        sa.Column("mime", sa.String(length=100), nullable=True),
        sa.Column("extension", sa.String(length=10), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.Integer(), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("protocol_year", sa.Integer(), nullable=True),
        sa.Column("protocol_number", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("sender", sa.String(length=200), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("channel", sa.String(length=10), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(f"kind IS NULL OR kind IN ({_KINDS})", name=op.f("ck_document_kind")),
        sa.CheckConstraint(f"owner_kind IS NULL OR owner_kind IN ({_OWNERS})",
                           name=op.f("ck_document_owner_kind")),
        sa.CheckConstraint(f"channel IS NULL OR channel IN ({_CHANNELS})",
                           name=op.f("ck_document_channel")),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"],
                                name=op.f("fk_document_worker_id_worker"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["uploaded_by"], ["operator.id"],
                                name=op.f("fk_document_uploaded_by_operator")),
        sa.ForeignKeyConstraint(["deleted_by"], ["operator.id"],
                                name=op.f("fk_document_deleted_by_operator")),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"],
                                name=op.f("fk_document_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("office_id", "protocol_year", "protocol_number",
                            name=op.f("uq_document_office_id_protocol_year_protocol_number")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_worker_id"), ["worker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_uploaded_at"), ["uploaded_at"],
                              unique=False)
        batch_op.create_index("ix_document_owner", ["owner_kind", "owner_id"], unique=False)
        batch_op.create_index("ix_document_worker_sha256", ["worker_id", "sha256"],
                              unique=False)
    op.create_table(
        "document_chunk",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"],
                                name=op.f("fk_document_chunk_document_id_document"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "seq", name=op.f("pk_document_chunk")),
    )


def downgrade() -> None:
    op.drop_table("document_chunk")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index("ix_document_worker_sha256")
        batch_op.drop_index("ix_document_owner")
        batch_op.drop_index(batch_op.f("ix_document_uploaded_at"))
        batch_op.drop_index(batch_op.f("ix_document_worker_id"))
    op.drop_table("document")
