"""One set of field rules for forms, services and imports (issue: hardening, points 4–7 and
the closed-file part of 12): line breaks kept in free texts, control characters refused
where they come in and dropped where old ones go out, limits per field, and the same
verdict from the file window's service and the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.import_sheets import HEADERS, PEOPLE, code_of, worker_rows, write_xlsx
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.exchange import values
from sportello.core.models import Worker
from sportello.core.rules import fields
from sportello.core.services import agenda, export, imports, pathways, workers

CODE = code_of(PEOPLE[0])


def _form(**extra: object) -> workers.WorkerForm:
    return workers.WorkerForm(codice_fiscale=CODE, surname="Rossi", name="Mario", **extra)  # type: ignore[arg-type]


def _count(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count(Worker.id))) or 0


def test_free_texts_keep_their_line_breaks(ctx) -> None:  # type: ignore[no-untyped-def]
    notes = "Colloquio del 3/12:\r\n\r\n- disponibile a trasferte\n-   cerca part-time  \n\n\n\nFine."
    wid = workers.create(ctx, _form(notes=notes, skills="Excel\nInglese B2"))
    form = workers.get(ctx, wid, audit_open=False).form
    assert form.notes == "Colloquio del 3/12:\n\n- disponibile a trasferte\n- cerca part-time\n\n\nFine."
    assert form.skills == "Excel\nInglese B2"
    typed = workers.WorkerForm(codice_fiscale=CODE, surname="  Ros   si\n", name="Mario")
    assert workers.normalise_form(typed).surname == "Ros si"


@pytest.mark.parametrize("key", ["surname", "notes", "residence_address", "email", "mobile"])
def test_a_control_character_is_refused_naming_the_field(ctx, key: str) -> None:  # type: ignore[no-untyped-def]
    raw = {"surname": "Ros\x00si", "notes": "nota\x07", "residence_address": "Via\x1bRoma 1",
           "email": "mario\x0b@example.it", "mobile": "347\x08123456"}[key]
    with pytest.raises(ValidationError, match="caratteri di controllo") as refused:
        workers.create(ctx, _form(**({key: raw} if key != "surname" else {})) if key != "surname"
                       else workers.WorkerForm(codice_fiscale=CODE, surname=raw, name="Mario"))
    assert refused.value.field == key
    assert _count(ctx) == 0


@pytest.mark.parametrize("key, size", [("surname", 5000), ("residence_address", 6000),
                                       ("notes", 6000), ("email", 300)])
def test_lengths_are_checked_in_the_service(ctx, key: str, size: int) -> None:  # type: ignore[no-untyped-def]
    value = ("a" * (size - 12) + "@example.it") if key == "email" else "A" * size
    form = (workers.WorkerForm(codice_fiscale=CODE, surname=value, name="Mario") if key == "surname"
            else _form(**{key: value}))
    with pytest.raises(ValidationError, match="troppo lungo") as refused:
        workers.create(ctx, form)
    assert refused.value.field == key and _count(ctx) == 0


def test_an_appointment_purpose_has_a_limit_and_a_closed_file_is_not_convoked(ctx) -> None:  # type: ignore[no-untyped-def]
    wid = workers.create(ctx, _form())
    slot = agenda.next_free_slot(ctx, ctx.actor.id)
    assert slot is not None
    with pytest.raises(ValidationError, match="troppo lungo"):
        agenda.book(ctx, worker_id=wid, operator_id=ctx.actor.id, starts_at=slot.starts_at,
                    purpose="x" * 6000)
    pathways.close_file(ctx, wid, "ricollocato")
    with pytest.raises(ValidationError, match="chiuso"):
        agenda.book(ctx, worker_id=wid, operator_id=ctx.actor.id, starts_at=slot.starts_at)


RULE_CASES = [
    ("email", "mario@@rossi.it", values.email), ("email", "a@b", values.email),
    ("email", "mario.rossi@example.it", values.email), ("email", "mario rossi@example.it", values.email),
    ("mobile", "347-ABC-1234", lambda v: values.phone(v)[0]),
    ("mobile", "347 123 4567", lambda v: values.phone(v)[0]),
    ("mobile", "+39 347/1234567", lambda v: values.phone(v)[0]),
    ("mobile", "123", lambda v: values.phone(v)[0]),
    ("residence_cap", "1234", values.cap), ("residence_cap", "12345", values.cap),
    ("residence_province", "ATX", values.province), ("residence_province", "(at)", values.province),
    ("notes", "riga\x07", values.text),
]


@pytest.mark.parametrize("key, raw, convert", RULE_CASES, ids=[f"{k}:{r!r}" for k, r, _ in RULE_CASES])
def test_the_form_and_the_import_give_the_same_verdict(key: str, raw: str, convert) -> None:  # type: ignore[no-untyped-def]
    try:
        workers.normalise_form(_form(**{key: raw}))
        form_ok = True
    except ValidationError:
        form_ok = False
    try:
        convert(raw)
        import_ok = True
    except values.CellError:
        import_ok = False
    assert form_ok == import_ok


def test_a_birth_date_in_the_future_gets_the_same_refusal_from_the_form_and_the_import(
        ctx: Context, tmp_path: Path) -> None:
    born = PEOPLE[0][3]
    future = born.replace(year=born.year + 100)  # the same last two digits as in the CF
    with pytest.raises(ValidationError) as refused:
        workers.normalise_form(_form(birth_date=future))
    assert refused.value.field == "birth_date"
    row = worker_rows(PEOPLE[:1])[0]
    row[HEADERS.index("Data di nascita")] = future
    analysis = imports.analyse(ctx, write_xlsx(tmp_path / "futuro.xlsx", [HEADERS, row]))
    assert [(e.header, e.message) for e in analysis.errors] == [
        ("Data di nascita", str(refused.value))]
    assert fields.birth_date(born) == born


def test_every_limit_fits_its_database_column() -> None:
    for key, limit in fields.LIMITS.items():
        column = Worker.__table__.c[key]
        length = getattr(column.type, "length", None)
        if length is not None and key != "codice_fiscale":  # the CF is checked to 16 afterwards
            assert limit <= length, key


def test_an_old_control_character_does_not_break_the_exports(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A value stored before these rules (or by another program) is dropped of what xlsx
    cannot hold instead of crashing the export."""
    from sportello.core.services import audit_log, privacy

    wid = workers.create(ctx, _form(notes="nota pulita"))
    with ctx.write() as s:
        s.execute(text("UPDATE worker SET notes = :n, residence_address = :a WHERE id = :i"),
                  {"n": "nota\x07sporca", "a": "Via\x01Roma 1", "i": wid})
    out = export.export(ctx, "workers", tmp_path / "lavoratori.xlsx").path
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and "ViaRoma 1" in c for c in cells), cells
    assert audit_log.export_xlsx(ctx, None, tmp_path / "registro.xlsx").rows > 0
    assert privacy.access_request(ctx, wid, tmp_path / "accesso").xlsx.exists()
