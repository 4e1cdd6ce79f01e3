"""Who acts, and the unit of work they act in: ``Actor``, ``Context``.

Every service takes a ``Context``: the engine, the session factory and the operator on
whose behalf it acts. ``ctx.write()`` is one transaction for one use case (audited as the
actor, see ``core.audit``); ``ctx.read()`` a read-only session. Building a Context (URL,
engine, migrations, audit hook) is the composition root's job (``core.bootstrap``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sportello.core import db


@dataclass(frozen=True)
class Actor:
    """The operator on whose behalf services act (plain data, no ORM)."""

    id: int
    username: str
    full_name: str
    role: str
    office_id: int


@dataclass
class Context:
    engine: Engine
    sessions: sessionmaker[Session]
    actor: Actor | None = None
    upgrade: db.UpgradeResult | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for one use case, audited as the current actor."""
        with db.write_session(self.sessions) as session:
            session.info["actor_id"] = self.actor.id if self.actor else None
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with db.read_session(self.sessions) as session:
            yield session

    def acting_as(self, actor: Actor | None) -> Context:
        return Context(self.engine, self.sessions, actor, self.upgrade)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Context:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
