"""Search as you type over worker files: the query over ``worker.search_text``.

``worker.search_text`` holds one folded line per worker: "surname name cf phone mobile
email" (``text.worker_search_text``; folding, ``text.fold``, ignores case, accents and
apostrophes). A typed word made of digits and separators is reduced to its digits, as the
phone numbers in the column are.

How the column is kept filled:
- ORM writes: ``before_insert``/``before_update`` listeners on ``Worker`` in
  ``sportello.core.models``, so they are active whenever the models are.
- Bulk Core inserts and updates (demo data, large imports), which bypass the ORM
  events, call ``text.worker_search_text`` (and ``text.worker_sort_keys``) for each row themselves.

The worker list's sort keys (``worker_sort_keys``: ``sort_surname``, ``sort_name``,
``sort_comune``, ``sort_phone``) are kept the same way, by the same listeners and by the
same bulk writers, whenever they write ``search_text``.

Changing ``fold`` or ``worker_search_text`` needs a migration that recomputes the column
(as 0002 does); changing ``worker_sort_keys``, one that recomputes the keys (as 0009).

The index behind the query (migration 0002):
- SQLite: the FTS5 external-content table ``worker_fts`` with the ``trigram`` tokenizer,
  kept in sync by triggers on ``worker``; absent when this SQLite lacks FTS5 or trigram
  (< 3.34), and then the query falls back to LIKE;
- PostgreSQL: the ``pg_trgm`` GIN index ``ix_worker_search_text_trgm``, which serves
  LIKE/ILIKE '%word%' (absent when the extension cannot be created: LIKE then scans).
Neither is part of the models, so autogenerate must ignore them (``include_name`` below,
used by migrations/env.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    any_,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session, aliased

from sportello.core.models import Worker
from sportello.core.text import fold

FTS_TABLE = "worker_fts"
TRGM_INDEX = "ix_worker_search_text_trgm"
# PostgreSQL only (migration 0009): the worker list's columns that may be empty, in
# descending order with the empty ones last. A btree read backwards gives them first, so
# each needs an index of its own; SQLite reads one index both ways.
SORT_DESC_INDEXES = {
    "ix_worker_birth_date_desc": "birth_date",
    "ix_worker_sort_comune_desc": "sort_comune",
    "ix_worker_sort_phone_desc": "sort_phone",
}
MIN_TRIGRAM_CHARS = 3

_PHONE_WORD = re.compile(r"\+?[\d./()-]*\d[\d./()-]*")
_PHONE_DROP = re.compile(r"[^\d+]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # pasted junk; PostgreSQL refuses NUL in text


# --------------------------------------------------------------------------- query


MAX_WORDS = 16  # more words than a person types; a pasted page must not build a huge query


def query_words(raw: str | None) -> list[str]:
    """The typed text as folded words (empty words dropped).

    Every word must be found, so a word inside another one adds nothing and is dropped
    ("ros" with "rossi"), as are repeats; past ``MAX_WORDS`` the longest are kept. A
    paste of a thousand one-letter words thus stays a small query (SQLite refuses an
    expression tree deeper than 1,000).
    """
    words: list[str] = []
    for word in _CONTROL.sub(" ", raw or "").split():
        if _PHONE_WORD.fullmatch(word):
            word = _PHONE_DROP.sub("", word)
        word = fold(word)
        if word and word not in words:
            words.append(word)
    kept = [w for w in words if not any(w != other and w in other for other in words)]
    if len(kept) > MAX_WORDS:
        longest = set(sorted(kept, key=len, reverse=True)[:MAX_WORDS])
        kept = [w for w in kept if w in longest][:MAX_WORDS]
    return kept


def _fts_phrase(word: str) -> str:
    """A word as an FTS5 string: operators and specials inside quotes are plain text."""
    return '"' + word.replace('"', '""') + '"'


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def has_fts(session: Session) -> bool:
    """True when this SQLite database has the trigram index (migration 0002 made it)."""
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": FTS_TABLE},
    ).first()
    return found is not None


_fts = table(FTS_TABLE, column("rowid", Integer))


@contextmanager
def index_inserts_at_end(session: Session) -> Iterator[None]:
    """Workers inserted inside the block join the trigram index in one statement at its
    end, instead of one trigger call per row (an import of 20,000 rows: about 1.7 s less).

    SQLite only, inside the caller's write transaction: the insert trigger is dropped and
    created again from its own stored SQL, and SQLite's DDL is transactional, so an error,
    a cancel or a kill rolls it back with the rows. Only inserts may happen inside: an
    update of a row inserted here would ask the index to delete what it never held.
    Elsewhere (PostgreSQL, no FTS5) it does nothing.
    """
    if session.get_bind().dialect.name != "sqlite" or not has_fts(session):
        yield
        return
    trigger = f"{FTS_TABLE}_ai"
    ddl = session.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                               "AND name = :name"), {"name": trigger}).scalar()
    if ddl is None:
        yield
        return
    last = session.execute(text("SELECT coalesce(max(id), 0) FROM worker")).scalar()
    session.execute(text(f"DROP TRIGGER {trigger}"))
    yield
    session.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, search_text) "
                         "SELECT id, search_text FROM worker WHERE id > :last"), {"last": last})
    session.execute(text(ddl))


def search_worker_ids(
    session: Session, raw: str | None, limit: int | None = None
) -> Select[tuple[int]]:
    """Ids of the workers whose ``search_text`` contains every typed word.

    Words are folded like the column. Words of three characters or more go through the
    trigram index (SQLite FTS5 MATCH, PostgreSQL LIKE served by pg_trgm); shorter ones,
    and all words when SQLite has no FTS table, use LIKE on ``search_text``. Both sides
    are folded already, so plain LIKE (which pg_trgm serves like ILIKE, and which is three
    times cheaper than ILIKE when the planner scans). No words at
    all: every worker. Ordered by surname, name, id; ``limit`` caps the rows. Any input is
    safe: it only ever reaches the database as a bound parameter.

    The result is ``SELECT worker.id FROM worker WHERE ...``: callers may add conditions
    on ``Worker`` or use it as a subquery.
    """
    words = query_words(raw)
    stmt = select(Worker.id)
    if words and session.get_bind().dialect.name == "sqlite":
        stmt = stmt.where(*_sqlite_conditions(session, words))
    elif words and limit is None:
        # Matched on the rows read: pg_trgm's bitmap for words of three letters or more, a
        # scan for shorter ones. Collecting the ids first (below) and looking each up
        # again took two to four times as long (workers.list_ids at 100,000 files:
        # "ross" 25 -> 9 ms, "nicc" 30 -> 6 ms, "a" 267 -> 152 ms). A btree on the folded
        # words (text_pattern_ops) would serve only their starts: "ia" is found today in
        # 20,580 files, inside a word ("Bianchi"), and at the start of none.
        stmt = stmt.where(*(Worker.search_text.like(_like_pattern(w), escape="\\")
                            for w in words))
    elif words:
        # With a LIMIT the hits are collected first, in an ARRAY(...) init plan:
        # otherwise the planner may walk the whole surname index looking for them
        # (200 ms at 100,000).
        hit = aliased(Worker)
        hits = select(hit.id).where(
            *(hit.search_text.like(_like_pattern(w), escape="\\") for w in words)
        )
        stmt = stmt.where(Worker.id == any_(func.array(hits.correlate(None).scalar_subquery())))
    stmt = stmt.order_by(Worker.surname, Worker.name, Worker.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt


def _sqlite_conditions(session: Session, words: list[str]) -> list[ColumnElement[Any]]:
    conditions: list[ColumnElement[Any]] = []
    like_words = words
    long_words = [w for w in words if len(w) >= MIN_TRIGRAM_CHARS]
    if long_words and has_fts(session):
        match = " ".join(_fts_phrase(w) for w in long_words)  # juxtaposed phrases: AND
        matching = select(_fts.c.rowid).where(literal_column(FTS_TABLE).match(match))
        conditions.append(Worker.id.in_(matching))
        like_words = [w for w in words if len(w) < MIN_TRIGRAM_CHARS]
    for word in like_words:
        # Told that LIKE is selective, SQLite scans the table once and sorts the hits
        # instead of walking the surname index with a row lookup per worker (5x slower
        # when little matches). No type_: a Boolean would render "likelihood(...) = 1".
        like = Worker.search_text.like(_like_pattern(word), escape="\\")
        conditions.append(func.likelihood(like, literal_column("0.01")))
    return conditions


# --------------------------------------------------------------------------- autogenerate


def is_search_index_object(name: str | None, type_: str) -> bool:
    """The FTS table, its shadow tables and the trigram index (0002), and the PostgreSQL
    indexes of the descending orders (0009): built by migrations, not by the models."""
    if not name:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")
    if type_ == "index":
        return name == TRGM_INDEX or name in SORT_DESC_INDEXES
    return False


def include_name(name: str | None, type_: str, _parent_names: Mapping[str, Any]) -> bool:
    """Alembic ``include_name`` hook: leave the search index objects out of comparisons."""
    return not is_search_index_object(name, type_)
