"""The dated history of a file's status (``WorkerStatusChange``), written with the change.

Every service that changes ``Worker.status`` calls ``record`` in its own transaction, so
the history and the file never disagree; monitoring reads the status at a past date from
it (``monitoring``). Creating a file writes no row: a file with no row before a date was
open then.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from sportello.core.models import Worker, WorkerStatusChange


def record(session: Session, worker: Worker, status: str, on: dt.date,
           reason: str | None = None) -> None:
    """Set the file's status and add its dated row (nothing when the status is the same)."""
    if worker.status == status:
        return
    worker.status = status
    session.add(WorkerStatusChange(worker_id=worker.id, status=status, changed_on=on,
                                   operator_id=session.info.get("actor_id"), reason=reason))
