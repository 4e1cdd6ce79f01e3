"""Mapping profiles kept by the office: the shipped ones and those saved by clerks.

A profile (``exchange.profiles``) says which column of a sheet holds which field. The
shipped ones come with the program (``resources/profiles``); a clerk saves the mapping
confirmed in the import wizard under a name (table ``mapping_profile``). The import
proposes them, the export writes the workers in a profile's layout.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select

from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.exchange.profiles import (
    ImportSettings,
    Profile,
    normalise_header,
    profile_from_json,
    profile_from_settings,
    shipped_profiles,
)
from sportello.core.models import MappingProfile


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    origin: str  # "predefinito" or "utente"
    columns: int
    source: str | None


def list_profiles(ctx: Context) -> list[ProfileInfo]:
    """Shipped profiles first, then the ones saved by clerks."""
    found = [ProfileInfo(p.name, p.origin, len(p.columns), p.source) for p in shipped_profiles()]
    with ctx.read() as s:
        for row in s.scalars(select(MappingProfile).where(MappingProfile.kind == "workers")
                             .order_by(MappingProfile.name)):
            try:
                p = profile_from_json(row.definition)
            except ValidationError:
                continue
            found.append(ProfileInfo(row.name, "utente", len(p.columns), p.source))
    return found


def saved_profiles(ctx: Context) -> list[Profile]:
    """The workers profiles saved by clerks, oldest first (an unreadable one is left out)."""
    found = []
    with ctx.read() as s:
        for row in s.scalars(select(MappingProfile).where(MappingProfile.kind == "workers")
                             .order_by(MappingProfile.id)):
            try:
                found.append(profile_from_json(row.definition))
            except ValidationError:
                continue
    return found


def load_profile(ctx: Context, name: str) -> Profile:
    with ctx.read() as s:
        row = s.scalar(select(MappingProfile).where(MappingProfile.name == name))
        if row is not None:
            return profile_from_json(row.definition)
    folded = normalise_header(name)
    for p in shipped_profiles():
        if p.name == name or normalise_header(p.name) == folded:
            return p
    names = ", ".join(p.name for p in list_profiles(ctx))
    raise NotFound(f"Profilo «{name}» non trovato. Profili disponibili: {names}.")


def save_profile(ctx: Context, profile: Profile | ImportSettings, name: str | None = None) -> int:
    """Store (or replace) a clerk's profile in the database; returns its id."""
    if isinstance(profile, ImportSettings):
        if not name:
            raise ValidationError("Dare un nome al profilo.", "name")
        profile = profile_from_settings(name, profile)
    elif name:
        profile = dataclasses.replace(profile, name=name)
    name = profile.name.strip()
    if any(p.name == name for p in shipped_profiles()):
        raise ValidationError(f"«{name}» è il nome di un profilo predefinito: sceglierne un altro.",
                              "name")
    definition = profile_from_json(profile.to_json()).to_json()
    with ctx.write() as s:
        row = s.scalar(select(MappingProfile).where(MappingProfile.name == name))
        if row is None:
            row = MappingProfile(name=name, kind="workers", definition=definition)
            s.add(row)
        else:
            row.definition = definition
        s.flush()
        return row.id


def delete_profile(ctx: Context, name: str) -> None:
    with ctx.write() as s:
        row = s.scalar(select(MappingProfile).where(MappingProfile.name == name))
        if row is None:
            raise NotFound(f"Profilo «{name}» non trovato tra quelli salvati.")
        s.delete(row)
