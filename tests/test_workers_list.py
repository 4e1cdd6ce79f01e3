"""The worker list's order and filters.

Issue 11: alphabetical order by default, and the "senza percorso" filter. Issue 12, points
16 and 17: one order on SQLite and PostgreSQL for every column, read from an index.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from sportello.core import codice_fiscale as cf
from sportello.core import text as core_text
from sportello.core.models import Worker
from sportello.core.services import pathways, workers

SORT_KEYS = ("sort_surname", "sort_name", "sort_comune", "sort_phone")

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


# --------------------------------------------------------------------------- issue 12, points 16 and 17

# label: surname, name, birth date, comune of residence, mobile, landline
TRICKY = {
    "stefanescu": ("Ștefănescu", "Ioana", dt.date(1984, 3, 9), "FORLÌ", None, "0543 112233"),
    "stefani": ("Stefani", "élodie", dt.date(1991, 7, 1), "Forlimpopoli", "347 5550001", None),
    "rossi": ("ROSSI", "Mario", dt.date(1970, 1, 20), "asti", "333 1234567", "0141 999999"),
    "rossi_bis": ("Rossi", "MARIO", dt.date(1988, 11, 2), "Asti", None, None),
    "rossetti": ("Rossetti", "Anna", dt.date(1979, 5, 5), None, None, None),
    "de_luca": ("de Luca", "Zeno", dt.date(1966, 8, 30), "L'Aquila", "320 0000001", None),
    "zanetti": ("Zanetti", "ANDREA", dt.date(1990, 2, 2), "Alba", None, "0141 222333"),
}

# What a clerk expects, ascending: case, accents and apostrophes ignored, the same name
# in the order the files were made, empty values last.
EXPECTED = {
    "surname": ["de_luca", "rossetti", "rossi", "rossi_bis", "stefanescu", "stefani", "zanetti"],
    "name": ["zanetti", "rossetti", "stefani", "stefanescu", "rossi", "rossi_bis", "de_luca"],
    "birth_date": ["de_luca", "rossi", "rossetti", "stefanescu", "rossi_bis", "zanetti",
                   "stefani"],
    # alba, asti, asti, forli, forlimpopoli, laquila, (empty)
    "residence_comune": ["zanetti", "rossi", "rossi_bis", "stefanescu", "stefani", "de_luca",
                         "rossetti"],
    # what the Telefono column shows: the mobile, else the landline
    "phone": ["zanetti", "stefanescu", "de_luca", "rossi", "stefani", "rossi_bis", "rossetti"],
}
EMPTY = {"birth_date": {"stefani"}, "residence_comune": {"rossetti"},
         "phone": {"rossi_bis", "rossetti"}}


def _make_tricky(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    made = {}
    for label, (surname, name, born, comune, mobile, phone) in TRICKY.items():
        form = workers.WorkerForm(
            codice_fiscale=cf.encode(surname, name, "F", born, "A479"), surname=surname,
            name=name, residence_comune=comune, mobile=mobile, phone=phone)
        made[label] = workers.create(ctx, form, allow_similar=True)
    return made


def _descending(key: str, ascending: list[str]) -> list[str]:
    """Reversed, the empty ones still last (in reverse order of making, as the rest)."""
    empty = EMPTY.get(key, set())
    return [x for x in reversed(ascending) if x not in empty] + [
        x for x in reversed(ascending) if x in empty]


def test_every_column_sorts_as_a_clerk_expects_on_both_engines(ctx) -> None:  # type: ignore[no-untyped-def]
    made = _make_tricky(ctx)
    with ctx.write() as s:  # states, and a birth date missing (an old file typed by hand)
        s.get(Worker, made["stefani"]).birth_date = None
        s.get(Worker, made["rossi"]).status = "chiuso"
        s.get(Worker, made["zanetti"]).status = "sospeso"
        s.get(Worker, made["de_luca"]).status = "chiuso"
    by_id = {v: k for k, v in made.items()}

    def listed(key: str, descending: bool) -> list[str]:
        return [by_id[i] for i in workers.list_ids(ctx, workers.ListFilter(), key, descending)]

    wrong = {}
    for key, ascending in EXPECTED.items():
        for descending, expected in ((False, ascending), (True, _descending(key, ascending))):
            if listed(key, descending) != expected:
                wrong[key, descending] = listed(key, descending)
    assert wrong == {}
    # the columns without folding: id breaks the ties
    with ctx.read() as s:
        values = {w.id: (w.codice_fiscale, w.status, w.updated_at) for w in s.scalars(select(Worker))}
    for key, i in (("codice_fiscale", 0), ("status", 1), ("updated_at", 2)):
        ascending = sorted(values, key=lambda wid: (values[wid][i], wid))
        assert workers.list_ids(ctx, workers.ListFilter(), key) == ascending
        assert workers.list_ids(ctx, workers.ListFilter(), key, True) == ascending[::-1]
    # the Telefono column sorts on what it shows
    shown = [r.phone for r in workers.rows(ctx, workers.list_ids(ctx, workers.ListFilter(),
                                                                 "phone"))]
    assert shown == ["0141 222333", "0543 112233", "320 0000001", "333 1234567", "347 5550001",
                     None, None]
    # a search keeps the column's order
    found = workers.list_ids(ctx, workers.ListFilter(text="ross"), "phone")
    assert [by_id[i] for i in found] == ["rossi", "rossi_bis", "rossetti"]


def _plan(ctx, sql: str) -> str:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        if ctx.engine.dialect.name == "sqlite":
            return " ".join(str(r[-1]) for r in s.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
        # a handful of rows: make the planner cost them as if they were 100,000
        s.execute(text("SET LOCAL enable_seqscan = off"))
        s.execute(text("SET LOCAL enable_sort = off"))
        return " ".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}")))


def test_every_order_is_read_from_an_index(ctx) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL the tie-break on id made every sort a sort of the whole table."""
    _make_tricky(ctx)
    sorted_somewhere = {}
    for key in workers.SORT_COLUMNS:
        for descending in (False, True):
            with ctx.read() as s:
                stmt = workers.list_statement(s, workers.ListFilter(), key, descending)
                sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            plan = _plan(ctx, sql)
            if "TEMP B-TREE" in plan or "Sort" in plan or "INDEX" not in plan.upper():
                sorted_somewhere[key, descending] = plan
    assert sorted_somewhere == {}


def test_files_written_in_bulk_get_their_sort_keys(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Imports (new files, updates, undo) write through Core, not the ORM's listeners."""
    from fixtures.import_sheets import HEADERS, PEOPLE, code_of, worker_rows, write

    from sportello.core.services import imports

    def keys_are_current() -> None:
        with ctx.read() as s:
            stale = {w.codice_fiscale: w.sort_comune for w in s.scalars(select(Worker))
                     if {k: getattr(w, k) for k in SORT_KEYS} != core_text.worker_sort_keys(w)}
        assert stale == {}

    first = imports.import_file(ctx, write(tmp_path / "a.xlsx", [HEADERS, *worker_rows()]))
    assert first.inserted == len(PEOPLE)
    keys_are_current()
    rows = worker_rows()
    rows[0][4], rows[0][5] = "ALBA", "12051"
    second = imports.import_file(ctx, write(tmp_path / "b.xlsx", [HEADERS, *rows]))
    assert second.updated == 1
    keys_are_current()
    with ctx.read() as s:
        moved = s.scalars(select(Worker).where(Worker.codice_fiscale == code_of(PEOPLE[0]))).one()
        assert moved.sort_comune == "alba"
    imports.undo(ctx, second.exchange_id)
    keys_are_current()
    # the list sorts them like files typed by hand
    order = workers.rows(ctx, workers.list_ids(ctx, workers.ListFilter(), "name"))
    assert [r.name for r in order] == ["Ana", "Ciro", "Giuseppe", "Lucia", "Maria Grazia",
                                       "Mario"]
