"""Roles are enforced here, in the services; a hidden button is not a permission."""

from __future__ import annotations

from sportello.core.context import Actor
from sportello.core.errors import PermissionDenied
from sportello.core.models import Role

_RANK = {Role.OPERATORE: 1, Role.RESPONSABILE: 2, Role.AMMINISTRATORE: 3}
_LABEL = {
    Role.OPERATORE: "operatore",
    Role.RESPONSABILE: "responsabile",
    Role.AMMINISTRATORE: "amministratore",
}


def has_role(actor: Actor | None, role: Role) -> bool:
    return actor is not None and _RANK.get(Role(actor.role), 0) >= _RANK[role]


def require(actor: Actor | None, role: Role, what: str) -> Actor:
    """The actor, if at least ``role``; otherwise a refusal naming what was attempted."""
    if actor is None:
        raise PermissionDenied(f"Serve un operatore riconosciuto per {what}.")
    if not has_role(actor, role):
        raise PermissionDenied(
            f"Solo un {_LABEL[role]} (o un ruolo superiore) può {what}; "
            f"{actor.full_name} è {_LABEL.get(Role(actor.role), actor.role)}."
        )
    return actor
