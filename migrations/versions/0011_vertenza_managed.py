"""the vertenza managed in the program: sites, parties, tavolo meetings, cohort exits

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06 07:15:00

A vertenza gains the company's partita IVA beside its codice fiscale, the safety net in
force (``codes.VertenzaSafetyNet``) and the CIGS dates; it gets its sites (``vertenza_site``),
the parties at its tavolo (``vertenza_party``) and the tavolo's meetings
(``tavolo_meeting``). A worker records how they left the cohort's "to place" count
(``cohort_exit``, ``codes.CohortExit``), when, and a note.

The vertenza table is small and has no triggers: on SQLite it is copied (batch mode) to
take its CHECK constraints. The worker table is not copied (that would drop the FTS
triggers of 0002): its new columns are added with plain ALTER TABLE, the CHECK on
``cohort_exit`` written into the column on SQLite and added as a constraint on
PostgreSQL. An index on employment_situation (vertenza_id, is_current, worker_id) lets
the cohort of a vertenza and its figures be read from the index alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SAFETY_NETS = ("cigs_cessazione", "cigs_riorganizzazione", "cigs_crisi",
               "contratto_solidarieta", "naspi", "altro")
PARTY_KINDS = ("regione", "comune", "azienda", "sindacato", "rsu", "ministero", "altro")
COHORT_EXITS = ("assunto_altrove", "rientro_capogruppo", "trasferimento",
                "mobilita_incentivata", "pensione", "irreperibile", "altro")


def _in(column: str, values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    return f"{column} IS NULL OR {column} IN ({listed})"


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
    ]


def _child(name: str, *columns: sa.Column | sa.Constraint) -> None:
    op.create_table(
        name,
        sa.Column("vertenza_id", sa.Integer(), nullable=False),
        *columns,
        *_versioned(),
        sa.ForeignKeyConstraint(["vertenza_id"], ["vertenza.id"],
                                name=op.f(f"fk_{name}_vertenza_id_vertenza"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )


def upgrade() -> None:
    with op.batch_alter_table("vertenza", schema=None) as batch_op:
        batch_op.add_column(sa.Column("company_piva", sa.String(length=11), nullable=True))
        batch_op.add_column(sa.Column("safety_net", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("cigs_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("cigs_to", sa.Date(), nullable=True))
        batch_op.create_check_constraint("safety_net", _in("safety_net", SAFETY_NETS))
        batch_op.create_check_constraint(
            "cigs_dates", "cigs_to IS NULL OR cigs_from IS NULL OR cigs_to >= cigs_from")

    _child("vertenza_site",
           sa.Column("comune", sa.String(length=100), nullable=False),
           sa.Column("provincia", sa.String(length=2), nullable=True),
           sa.Column("address", sa.String(length=200), nullable=True),
           sa.Column("workers_count", sa.Integer(), nullable=True),
           sa.CheckConstraint("workers_count IS NULL OR workers_count >= 0",
                              name=op.f("ck_vertenza_site_workers_count")))
    op.create_index(op.f("ix_vertenza_site_vertenza_id"), "vertenza_site", ["vertenza_id"])
    _child("vertenza_party",
           sa.Column("kind", sa.String(length=20), nullable=False),
           sa.Column("name", sa.String(length=200), nullable=False),
           sa.Column("contact", sa.String(length=200), nullable=True),
           sa.CheckConstraint(_in("kind", PARTY_KINDS), name=op.f("ck_vertenza_party_kind")))
    op.create_index(op.f("ix_vertenza_party_vertenza_id"), "vertenza_party", ["vertenza_id"])
    _child("tavolo_meeting",
           sa.Column("held_on", sa.Date(), nullable=False),
           sa.Column("place", sa.String(length=200), nullable=True),
           sa.Column("online", sa.Boolean(), nullable=False),
           sa.Column("attendees", sa.Text(), nullable=True),
           sa.Column("decisions", sa.Text(), nullable=True),
           sa.Column("minutes", sa.Text(), nullable=True),
           sa.Column("documents", sa.Text(), nullable=True),
           sa.Column("next_meeting_on", sa.Date(), nullable=True),
           sa.CheckConstraint("next_meeting_on IS NULL OR next_meeting_on > held_on",
                              name=op.f("ck_tavolo_meeting_next_after")))
    op.create_index("ix_tavolo_meeting_vertenza_held", "tavolo_meeting",
                    ["vertenza_id", "held_on"])

    op.create_index("ix_employment_situation_vertenza_current", "employment_situation",
                    ["vertenza_id", "is_current", "worker_id"])

    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("ALTER TABLE worker ADD COLUMN cohort_exit VARCHAR(30) "
                   f"CONSTRAINT ck_worker_cohort_exit CHECK ({_in('cohort_exit', COHORT_EXITS)})")
    else:
        op.add_column("worker", sa.Column("cohort_exit", sa.String(length=30), nullable=True))
        op.create_check_constraint("ck_worker_cohort_exit", "worker",
                                   _in("cohort_exit", COHORT_EXITS))
    op.add_column("worker", sa.Column("cohort_exit_on", sa.Date(), nullable=True))
    op.add_column("worker", sa.Column("cohort_exit_note", sa.Text(), nullable=True))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        op.drop_constraint("ck_worker_cohort_exit", "worker", type_="check")
    op.drop_column("worker", "cohort_exit_note")
    op.drop_column("worker", "cohort_exit_on")
    op.drop_column("worker", "cohort_exit")
    op.drop_index("ix_employment_situation_vertenza_current", table_name="employment_situation")
    op.drop_index("ix_tavolo_meeting_vertenza_held", table_name="tavolo_meeting")
    op.drop_table("tavolo_meeting")
    op.drop_index(op.f("ix_vertenza_party_vertenza_id"), table_name="vertenza_party")
    op.drop_table("vertenza_party")
    op.drop_index(op.f("ix_vertenza_site_vertenza_id"), table_name="vertenza_site")
    op.drop_table("vertenza_site")
    with op.batch_alter_table("vertenza", schema=None) as batch_op:
        batch_op.drop_constraint("cigs_dates", type_="check")
        batch_op.drop_constraint("safety_net", type_="check")
        batch_op.drop_column("cigs_to")
        batch_op.drop_column("cigs_from")
        batch_op.drop_column("safety_net")
        batch_op.drop_column("company_piva")
