"""Issue 11: the worker list in alphabetical order by default, and the "senza percorso" filter."""

from __future__ import annotations

import datetime as dt

from sportello.core import codice_fiscale as cf
from sportello.core.services import pathways, workers

PEOPLE = [  # as typed and as imported: mixed case, accents, particles
    ("ROSSI", "MARIO", dt.date(1980, 4, 3)),
    ("de Luca", "Anna", dt.date(1981, 5, 4)),
    ("Đorđević", "Ana", dt.date(1990, 2, 14)),
    ("Bianchi", "Luca", dt.date(1975, 1, 2)),
    ("Esposito", "Ciro", dt.date(1972, 1, 5)),
]


def _make(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    made = {}
    for surname, name, born in PEOPLE:
        form = workers.WorkerForm(codice_fiscale=cf.encode(surname, name, "M", born, "A479"),
                                  surname=surname, name=name)
        made[surname] = workers.create(ctx, form, allow_similar=True)
    return made


def test_default_order_is_alphabetical_whatever_case_and_accents(ctx) -> None:  # type: ignore[no-untyped-def]
    made = _make(ctx)
    order = workers.list_ids(ctx, workers.ListFilter())
    by_id = {v: k for k, v in made.items()}
    assert [by_id[i] for i in order] == ["Bianchi", "de Luca", "Đorđević", "Esposito", "ROSSI"]
    backwards = workers.list_ids(ctx, workers.ListFilter(), descending=True)
    assert backwards == order[::-1]


def test_without_pathway_filter(ctx) -> None:  # type: ignore[no-untyped-def]
    made = _make(ctx)
    pathways.open_pathway(ctx, made["ROSSI"], "gol1")
    closed = pathways.open_pathway(ctx, made["Bianchi"], "gol2")
    pathways.close_pathway(ctx, closed.id, "formato")
    pathways.open_pathway(ctx, made["Esposito"], "gol3", status="proposto")
    found = set(workers.list_ids(ctx, workers.ListFilter(without_pathway=True)))
    assert found == {made["de Luca"], made["Đorđević"], made["Bianchi"]}  # a closed one counts as none
    assert workers.list_ids(ctx, workers.ListFilter(pathway_kind="gol1")) == [made["ROSSI"]]
