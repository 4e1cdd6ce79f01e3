"""Read side for what the GUI shows that no core read service covers yet: plain SELECTs.

Nothing here writes. When a core read service covers one of these, the GUI should
call that instead and this function goes away. (The worker list itself comes from
``workers.list_ids`` and ``workers.rows``.)
"""

from __future__ import annotations

from sqlalchemy import select

from sportello.core import db
from sportello.core.context import Context
from sportello.core.models import Office, WorkerLanguage


def office_name(ctx: Context, office_id: int) -> str | None:
    with ctx.read() as s:
        return s.scalar(select(Office.name).where(Office.id == office_id))


def database_location(ctx: Context) -> str:
    """The SQLite file, or the server URL without its password."""
    path = db.sqlite_path(ctx.engine)
    return str(path) if path is not None else ctx.url


def worker_languages(ctx: Context, worker_id: int) -> list[tuple[str, str | None]]:
    """(language, level) of the languages recorded in a worker's file, by language."""
    with ctx.read() as s:
        query = (
            select(WorkerLanguage.language, WorkerLanguage.level)
            .where(WorkerLanguage.worker_id == worker_id)
            .order_by(WorkerLanguage.language)
        )
        return [(language, level) for language, level in s.execute(query)]
