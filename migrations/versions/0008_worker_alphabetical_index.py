"""worker list in alphabetical order: an index on the folded name

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 02:20:00

The list's default order is alphabetical whatever the case and the accents
(``workers.SORT_COLUMNS["surname"]``: ``search_text``, which starts with the folded
"surname name", then surname, name and id). Without an index on those columns every
sort of 100,000 files sorted the whole table (p95 179 ms against 94 ms with the old
surname index). Plain CREATE INDEX: recreating the worker table on SQLite would drop the
FTS triggers of 0002.

SQLite only: on PostgreSQL a btree over ``search_text`` is taken by the planner for the
``LIKE '%word%'`` searches in place of the trigram index (seen on a small table), and the
shared server's sort order is measured separately.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NAME = "ix_worker_alphabetical"  # search.SORT_INDEX (kept out of the models' comparison)
COLUMNS = ["search_text", "surname", "name", "id"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(NAME, "worker", COLUMNS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index(NAME, table_name="worker")
