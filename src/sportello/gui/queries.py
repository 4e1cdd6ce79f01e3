"""Read side for lists the GUI shows: plain SELECTs of a few columns, plain rows back.

Nothing here writes. When a core read service covers one of these, the GUI should
call that instead and this function goes away.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select, tuple_

from sportello.core import db
from sportello.core.bootstrap import Context
from sportello.core.models import Office, Worker


class WorkerRow(NamedTuple):
    id: int
    surname: str
    name: str
    codice_fiscale: str
    residence_comune: str | None
    status: str


def workers_after(ctx: Context, after: WorkerRow | None, limit: int) -> list[WorkerRow]:
    """The next ``limit`` workers in (surname, name, id) order after ``after``.

    Keyset paging: each page costs the same however deep the list is scrolled, and
    the (surname, name) index serves both the order and the start point.
    """
    query = (
        select(
            Worker.id, Worker.surname, Worker.name, Worker.codice_fiscale,
            Worker.residence_comune, Worker.status,
        )
        .order_by(Worker.surname, Worker.name, Worker.id)
        .limit(limit)
    )
    if after is not None:
        query = query.where(
            tuple_(Worker.surname, Worker.name, Worker.id)
            > tuple_(after.surname, after.name, after.id)
        )
    with ctx.read() as s:
        return [WorkerRow(*row) for row in s.execute(query)]


def office_name(ctx: Context, office_id: int) -> str | None:
    with ctx.read() as s:
        return s.scalar(select(Office.name).where(Office.id == office_id))


def database_location(ctx: Context) -> str:
    """The SQLite file, or the server URL without its password."""
    path = db.sqlite_path(ctx.engine)
    return str(path) if path is not None else ctx.url
