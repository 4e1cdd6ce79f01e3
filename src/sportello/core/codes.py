"""How stored codes read for people: one table per code list, in Italian.

No ORM and no Qt here, so that every side prints the same words: the services' messages,
the letters, the exports and, translated (context ``labels``), the windows. The keys are
the stored values (``models.PathwayKind`` is a ``StrEnum`` of them).
"""

from __future__ import annotations

# models.PathwayKind, as the file, the pathway lists, the patto and the exports call it.
PATHWAY_KINDS: dict[str, str] = {
    "gol1": "GOL 1 – Reinserimento lavorativo",
    "gol2": "GOL 2 – Aggiornamento (upskilling)",
    "gol3": "GOL 3 – Riqualificazione (reskilling)",
    "gol4": "GOL 4 – Lavoro e inclusione",
    "gol5": "GOL 5 – Ricollocazione collettiva",
    "autoimpiego": "Autoimpiego",
}


def pathway_kind_label(code: object) -> str:
    """The name of a pathway kind ("" for None, the code itself if unknown)."""
    if code is None:
        return ""
    return PATHWAY_KINDS.get(str(code), str(code))
