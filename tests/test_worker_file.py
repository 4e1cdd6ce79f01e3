"""The tabs of a worker's file: employment situation and diary."""

from __future__ import annotations

import datetime as dt

import pytest

from sportello.core.errors import ValidationError
from sportello.core.models import Vertenza, Worker
from sportello.core.services import worker_file as wf
from sportello.core.services.records import RecordConflict


@pytest.fixture
def worker_id(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w = Worker(codice_fiscale="RSSMRA80A01A479X", surname="Rossi", name="Mario")
        s.add(w)
        s.add(Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia"))
    return w.id


def test_employment_saved_then_conflicting_save_refused(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    empty = wf.employment(ctx, worker_id)
    assert empty.id is None
    vid = wf.vertenze(ctx)[0][0]
    saved = wf.save_employment(ctx, worker_id, wf.EmploymentForm(
        vertenza_id=vid, former_employer="Konecta Italia", qualifica_code="i", orario="p",
        cigs_start=dt.date(2026, 2, 1), cigs_end=dt.date(2027, 1, 31), profiling_index=0.62))
    assert saved.vertenza_title == "Konecta Asti"
    assert saved.form.qualifica_code == "I" and saved.form.orario == "P"
    stale = saved.version
    import dataclasses

    first = dataclasses.replace(saved.form, did_on=dt.date(2026, 3, 1))
    second = dataclasses.replace(saved.form, did_on=dt.date(2026, 3, 2))
    wf.save_employment(ctx, worker_id, first, expected_version=stale)
    with pytest.raises(RecordConflict):
        wf.save_employment(ctx, worker_id, second, expected_version=stale)
    assert wf.employment(ctx, worker_id).form.did_on == dt.date(2026, 3, 1)


@pytest.mark.parametrize(("field", "value"), [
    ("cigs_end", dt.date(2025, 1, 1)), ("profiling_index", 1.5), ("qualifica_code", "X"),
    ("orario", "Z"),
])
def test_employment_bad_values_name_the_field(ctx, worker_id, field, value) -> None:  # type: ignore[no-untyped-def]
    form = wf.EmploymentForm(cigs_start=dt.date(2026, 2, 1), **{field: value})
    with pytest.raises(ValidationError) as info:
        wf.save_employment(ctx, worker_id, form)
    assert info.value.field == field
    assert wf.employment(ctx, worker_id).id is None


def test_diary_newest_first_with_operator(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    wf.add_diary(ctx, worker_id, "colloquio", "Primo colloquio", "Interessato a corso AI",
                 at=dt.datetime(2026, 11, 2, 10, 0))
    wf.add_diary(ctx, worker_id, "telefonata", "Richiamato", None, at=dt.datetime(2026, 11, 20, 9))
    rows = wf.diary(ctx, worker_id)
    assert [r.subject for r in rows] == ["Richiamato", "Primo colloquio"]
    assert rows[0].operator_name == "Anna Amministratrice"
    with pytest.raises(ValidationError):
        wf.add_diary(ctx, worker_id, "nota", " ", "")
