"""Worker files: CF validation and decoding, duplicates, search/filter/sort, conflicts, merge."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from sportello.core import codice_fiscale as cf
from sportello.core.errors import PermissionDenied, ValidationError
from sportello.core.models import (
    AuditLog, DiaryEntry, EmploymentSituation, Operator, Role, ServicePact, Vertenza, Worker,
)
from sportello.core.services import workers
from sportello.core.services.records import RecordConflict

NICCOLO = cf.encode("Rossi", "Niccolò", "M", dt.date(1978, 4, 3), "A479")  # born in Asti
MARIA = cf.encode("D'Agostino", "Maria", "F", dt.date(1985, 12, 1), "L219")  # Torino


def form(**kw: object) -> workers.WorkerForm:
    base = workers.WorkerForm(codice_fiscale=NICCOLO, surname="Rossi", name="Niccolò")
    return dataclasses.replace(base, **kw)


def count_workers(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count(Worker.id)))


def test_wrong_cf_is_refused_naming_the_field_and_nothing_saved(ctx) -> None:  # type: ignore[no-untyped-def]
    bad = NICCOLO[:-1] + ("A" if NICCOLO[-1] != "A" else "B")
    with pytest.raises(ValidationError) as info:
        workers.create(ctx, form(codice_fiscale=bad))
    assert info.value.field == "codice_fiscale"
    assert count_workers(ctx) == 0


def test_cf_in_lower_case_with_spaces_fills_birth_data(ctx) -> None:  # type: ignore[no-untyped-def]
    spaced = " ".join([NICCOLO[:6], NICCOLO[6:11], NICCOLO[11:]]).lower()
    wid = workers.create(ctx, form(codice_fiscale=spaced, residence_province="at"))
    detail = workers.get(ctx, wid)
    assert detail.form.codice_fiscale == NICCOLO
    assert detail.form.birth_date == dt.date(1978, 4, 3)
    assert detail.form.sex == "M"
    assert detail.form.birth_place == "Asti" and detail.form.birth_province == "AT"
    assert detail.form.residence_province == "AT"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("birth_date", dt.date(1978, 4, 4), "data di nascita"),
        ("sex", "F", "sesso"),
        ("surname", "Bianchi", "cognome"),
        ("birth_place_code", "L219", "luogo di nascita"),
    ],
)
def test_mismatch_with_typed_data_is_explained(ctx, field, value, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        workers.create(ctx, form(**{field: value}))
    assert info.value.field == field
    assert words in str(info.value).lower()
    assert count_workers(ctx) == 0


def test_existing_cf_points_at_the_existing_file(ctx) -> None:  # type: ignore[no-untyped-def]
    wid = workers.create(ctx, form())
    with pytest.raises(workers.ExistingFile) as info:
        workers.create(ctx, form(codice_fiscale=NICCOLO.lower()))
    assert info.value.worker_id == wid
    assert workers.find_by_cf(ctx, NICCOLO.lower()) == wid


def test_similar_person_is_shown_before_creating(ctx) -> None:  # type: ignore[no-untyped-def]
    workers.create(ctx, form())
    # Same person typed with another CF (a typo in the surname gives another code).
    other = cf.encode("Rosi", "Niccolò", "M", dt.date(1978, 4, 3), "A479")
    with pytest.raises(workers.SimilarPeopleFound) as info:
        workers.create(ctx, form(codice_fiscale=other, surname="Rosi"))
    assert [c.codice_fiscale for c in info.value.candidates] == [NICCOLO]
    assert count_workers(ctx) == 1
    workers.create(ctx, form(codice_fiscale=other, surname="Rosi"), allow_similar=True)
    assert count_workers(ctx) == 2


def test_search_accent_case_and_substring(ctx) -> None:  # type: ignore[no-untyped-def]
    a = workers.create(ctx, form(mobile="347 123 4567"))
    b = workers.create(ctx, workers.WorkerForm(codice_fiscale=MARIA, surname="D'Agostino",
                                               name="Maria", email="maria.dagostino@example.it"))
    find = lambda text: workers.list_ids(ctx, workers.ListFilter(text=text))  # noqa: E731
    assert find("nicc") == [a]
    assert find("NICCOLO") == [a]
    assert find("agost") == [b]
    assert find(MARIA[:7].lower()) == [b]
    assert find("3471234") == [a]
    assert find("rossi nicc") == [a]
    assert find("zzzz") == []
    assert find("") == [b, a]  # D'Agostino before Rossi
    assert workers.list_ids(ctx, workers.ListFilter(), sort="surname", descending=True) == [a, b]
    assert [r.surname for r in workers.rows(ctx, [a, b])] == ["Rossi", "D'Agostino"]


def test_filters_status_vertenza_operator_deadline(ctx) -> None:  # type: ignore[no-untyped-def]
    a = workers.create(ctx, form())
    b = workers.create(ctx, workers.WorkerForm(codice_fiscale=MARIA, surname="D'Agostino", name="Maria"))
    today = dt.date(2026, 11, 24)
    with ctx.write() as s:
        v = Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta")
        s.add(v)
        s.flush()
        s.add(EmploymentSituation(worker_id=a, vertenza_id=v.id, cigs_start=dt.date(2026, 1, 1),
                                  cigs_end=today + dt.timedelta(days=20)))
        vid = v.id
    workers.set_status(ctx, b, "sospeso", "trasferito temporaneamente")
    lf = workers.ListFilter
    assert workers.list_ids(ctx, lf(vertenza_id=vid)) == [a]
    assert workers.list_ids(ctx, lf(status="sospeso")) == [b]
    assert workers.list_ids(ctx, lf(deadline_days=30, today=today)) == [a]
    assert workers.list_ids(ctx, lf(deadline_days=10, today=today)) == []
    assert set(workers.list_ids(ctx, lf(operator_id=ctx.actor.id))) == {a, b}


def test_conflicting_edit_is_refused_showing_both_versions(ctx) -> None:  # type: ignore[no-untyped-def]
    wid = workers.create(ctx, form())
    opened = workers.get(ctx, wid)
    workers.save(ctx, wid, opened.version, dataclasses.replace(opened.form, mobile="3470000001"))
    with pytest.raises(RecordConflict) as info:
        workers.save(ctx, wid, opened.version, dataclasses.replace(opened.form, mobile="3479999999"))
    assert info.value.theirs["mobile"] == "3470000001"
    assert info.value.mine["mobile"] == "3479999999"
    assert workers.get(ctx, wid).form.mobile == "3470000001"


def test_opening_a_file_is_audited(ctx) -> None:  # type: ignore[no-untyped-def]
    wid = workers.create(ctx, form())
    workers.get(ctx, wid)
    with ctx.read() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.worker_id == wid)).all()
    assert actions.count("open") == 1 and "create" in actions


def test_merge_keeps_all_history_and_needs_a_responsabile(ctx) -> None:  # type: ignore[no-untyped-def]
    keep = workers.create(ctx, form())
    other = cf.encode("Rosi", "Niccolò", "M", dt.date(1978, 4, 3), "A479")
    drop = workers.create(ctx, form(codice_fiscale=other, surname="Rosi", email="n.rossi@example.it"),
                          allow_similar=True)
    with ctx.write() as s:
        for wid in (keep, drop):
            s.add(DiaryEntry(worker_id=wid, kind="nota", subject=f"nota {wid}"))
            s.add(ServicePact(worker_id=wid, revision=1, status="firmato",
                              signed_on=dt.date(2026, 1, 10 + wid)))
        clerk = Operator(office_id=ctx.actor.office_id, username="clerk", full_name="Carlo Sportello",
                         role=Role.OPERATORE)
        s.add(clerk)
    from sportello.core.context import Actor

    as_clerk = ctx.acting_as(Actor(clerk.id, "clerk", "Carlo Sportello", "operatore", clerk.office_id))
    with pytest.raises(PermissionDenied):
        workers.merge(as_clerk, keep, drop)
    merged = workers.merge(ctx, keep, drop)
    assert merged.form.email == "n.rossi@example.it"  # empty field filled from the other file
    with ctx.read() as s:
        assert s.get(Worker, drop) is None
        assert len(s.scalars(select(DiaryEntry).where(DiaryEntry.worker_id == keep)).all()) == 2
        assert sorted(s.scalars(select(ServicePact.revision).where(ServicePact.worker_id == keep))) == [1, 2]
        row = s.scalars(select(AuditLog).where(AuditLog.action == "merge")).one()
        assert row.changes["unito"]["codice_fiscale"] == other
