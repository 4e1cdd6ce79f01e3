"""Reaching people: delivery channels, .eml drafts, window envelopes, labels, QR codes,
remote appointments, reminders, and a team leader's actions on a whole cohort."""

from __future__ import annotations

import csv
import datetime as dt
import email
import io
from email import policy
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from test_letters import add_worker, office, pdf_text  # noqa: F401  (fixtures)

from sportello.core.context import Actor
from sportello.core.errors import NotFound, PermissionDenied, ValidationError
from sportello.core.letters import printouts, render
from sportello.core.models import (
    Appointment,
    AppointmentOutcome,
    AuditLog,
    EmploymentSituation,
    Letter,
    Pathway,
    Role,
    Worker,
)
from sportello.core.services import cohort, letters, reminders

TODAY = dt.date(2026, 11, 24)
MM = 72 / 25.4


def _region_worker(s, surname: str, name: str, **extra) -> Worker:  # type: ignore[no-untyped-def]
    """As imported from a Region's list: comune and phone, no street address or CAP."""
    w = add_worker(s, surname, name, address=None, **extra)
    w.residence_cap = None
    return w


@pytest.fixture
def cohort_ids(ctx, office):  # type: ignore[no-untyped-def]
    """Three workers of the vertenza: full address; e-mail only; nothing but the comune."""
    with ctx.write() as s:
        full = add_worker(s, "Rossi", "Mario", mobile="347 123 4567")
        mailed = _region_worker(s, "Bianchi", "Anna", sex="F", email="anna.bianchi@example.it",
                                mobile="+39 333 765 4321")
        bare = _region_worker(s, "Conte", "Luca", phone="0141 123456")
        ids = [full.id, mailed.id, bare.id]
        for wid in ids:
            s.add(EmploymentSituation(worker_id=wid, vertenza_id=office["vertenza"],
                                      cigs_start=dt.date(2026, 1, 1), cigs_end=dt.date(2026, 6, 30)))
        return ids


def _pages_text(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


# --------------------------------------------------------------------------- channels


def test_each_channel_names_what_it_lacks(ctx, office, cohort_ids) -> None:  # type: ignore[no-untyped-def]
    _full, mailed, bare = cohort_ids
    refs = letters.Refs(subject="Comunicazione", text="Testo della comunicazione.")
    # posta: the street and the CAP, and the way out
    with pytest.raises(letters.MissingData) as refused:
        letters.issue(ctx, "generica", bare, refs, today=TODAY, delivery="posta")
    message = str(refused.value)
    assert "indirizzo di residenza del lavoratore" in message
    assert "CAP di residenza del lavoratore" in message
    assert "oppure scegliere un'altra consegna" in message
    # e-mail and PEC: the address
    for channel, label in (("email", "e-mail del lavoratore (per l'invio per e-mail)"),
                           ("pec", "indirizzo PEC del lavoratore")):
        with pytest.raises(letters.MissingData, match=r"Dati mancanti: " + label.replace("(", r"\(").replace(")", r"\)")):
            letters.issue(ctx, "generica", bare, refs, today=TODAY, delivery=channel)
    with pytest.raises(ValidationError, match="Consegna non valida: «piccione»"):
        letters.issue(ctx, "generica", bare, refs, today=TODAY, delivery="piccione")
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Letter)) == 0  # nothing numbered
    # by hand: no address needed, and the receipt line is printed
    by_hand = letters.issue(ctx, "generica", bare, refs, today=TODAY, delivery="mano")
    text = pdf_text(by_hand.pdf)
    assert "Ricevuta il" in text and "Firma" in text and by_hand.delivery == "mano"
    assert "Conte" in text and "Asti" in text
    # the template's default: the pact is handed over at the counter
    assert letters.load_template("patto").delivery == "mano"
    assert letters.load_template("convocazione").delivery == "posta"
    with ctx.read() as s:
        row = s.get(Letter, by_hand.id)
        assert (row.delivery, row.delivery_status) == ("mano", None)
    assert mailed  # used below


def test_email_letter_is_an_eml_draft_with_the_pdf_then_marked_sent(ctx, office, cohort_ids,
                                                                    tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    full, mailed, _bare = cohort_ids
    refs = letters.Refs(subject="Documenti da portare", text="Le chiediamo di portare il CV.")
    issued = letters.issue(ctx, "generica", mailed, refs, today=TODAY, delivery="email")
    with ctx.read() as s:
        row = s.get(Letter, issued.id)
        assert (row.delivery, row.delivery_status, row.sent_at) == ("email", "predisposta", None)
    [path] = letters.write_eml([issued], tmp_path)
    assert path.suffix == ".eml"
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert msg["To"] == "anna.bianchi@example.it"
    assert msg["From"] == "cpi.asti@lavoro.example.it"
    assert "Documenti da portare" in msg["Subject"] and issued.protocol in msg["Subject"]
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(("plain",)).get_content()
    assert "Le chiediamo di portare il CV." in body
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == issued.file_name
    assert attachment.get_content() == issued.pdf  # the archived letter itself
    # PEC goes from the office's PEC mailbox
    pec = letters.issue(ctx, "generica", mailed, refs, today=TODAY, delivery="pec")
    assert email.message_from_bytes(pec.eml(), policy=policy.default)["From"] == \
        "cpi.asti@pec.lavoro.example.it"
    # marking: all or nothing, a paper letter refuses the lot
    paper = letters.issue(ctx, "generica", full, refs, today=TODAY, delivery="posta")
    with pytest.raises(ValidationError, match=rf"prot. {paper.protocol} è per posta"):
        letters.mark_sent(ctx, [issued.id, paper.id])
    with ctx.read() as s:
        assert s.get(Letter, issued.id).delivery_status == "predisposta"
    moment = dt.datetime(2026, 11, 24, 11, 0)
    assert letters.mark_sent(ctx, [issued.id, pec.id], when=moment) == 2
    assert letters.mark_sent(ctx, [issued.id]) == 0  # already sent: kept as it was
    with ctx.read() as s:
        row = s.get(Letter, issued.id)
        assert (row.delivery_status, row.sent_at) == ("inviata", moment)
        logged = s.scalars(select(AuditLog).where(AuditLog.entity == "letter",
                                                  AuditLog.entity_id == issued.id,
                                                  AuditLog.action == "update")).all()
        assert any("delivery_status" in (a.changes or {}) for a in logged)
    info = letters.info(ctx, issued.id)
    assert (info.delivery, info.delivery_status) == ("email", "inviata")
    with pytest.raises(ValidationError, match="non è da inviare per e-mail"):
        paper.eml()


def test_batch_auto_posts_mails_or_hands_and_counts(ctx, office, cohort_ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    full, mailed, bare = cohort_ids
    batch = letters.issue_batch(ctx, "generica", cohort_ids, subject="Avviso",
                                text="Avviso a tutti i lavoratori.", today=TODAY, delivery="auto")
    channels = {x.worker_id: x.delivery for x in batch.letters}
    assert channels == {full: "posta", mailed: "email", bare: "mano"}
    assert batch.by_channel == {"posta": 1, "mano": 1, "email": 1}
    assert batch.channel_summary == "1 per posta, 1 consegnate a mano, 1 per e-mail"
    assert [x.worker_id for x in batch.to_print] == [full, bare]
    assert len(batch.write_eml(tmp_path)) == 1
    # the same batch "by post" is refused for the two without an address: nothing numbered
    with pytest.raises(letters.MissingData, match="a 2 lavoratori su 3 mancano dati"):
        letters.issue_batch(ctx, "generica", cohort_ids, subject="Avviso", text="Testo",
                            today=TODAY, delivery="posta")
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Letter)) == 3


# --------------------------------------------------------------------------- the page


def _char_boxes(pdf: bytes, needle: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in points from the page's top-left of ``needle`` on page 1."""
    doc = pdfium.PdfDocument(pdf)
    page = doc[0]
    height = page.get_height()
    text = page.get_textpage()
    whole = text.get_text_range()
    start = whole.index(needle)
    boxes = [text.get_charbox(i) for i in range(start, start + len(needle))
             if not whole[i].isspace()]
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    top = height - max(b[3] for b in boxes)
    bottom = height - min(b[1] for b in boxes)
    return left, top, right, bottom


def test_recipient_sits_in_the_dl_window_with_fold_marks_and_qr(ctx, office, cohort_ids) -> None:  # type: ignore[no-untyped-def]
    full = cohort_ids[0]
    with ctx.write() as s:
        s.add(Appointment(worker_id=full, operator_id=office["operator2"],
                          office_id=ctx.actor.office_id, starts_at=dt.datetime(2026, 12, 7, 9, 30),
                          ends_at=dt.datetime(2026, 12, 7, 10, 0)))
    issued = letters.issue(ctx, "convocazione", full, today=TODAY)
    window = (render.WINDOW_LEFT, render.WINDOW_TOP, render.WINDOW_RIGHT, render.WINDOW_BOTTOM)
    for needle in ("Mario Rossi", "Via Roma 1", "14100 Asti (AT)"):
        left, top, right, bottom = _char_boxes(issued.pdf, needle)
        assert window[0] <= left and right <= window[2], (needle, left / MM, right / MM)
        assert window[1] <= top and bottom <= window[3], (needle, top / MM, bottom / MM)
    # nothing of the letter's text shows through the window: it starts below it
    _l, top, _r, _b = _char_boxes(issued.pdf, "Gentile Sig.")
    assert top > render.WINDOW_BOTTOM
    image = pdfium.PdfDocument(issued.pdf)[0].render(scale=200 / 72).to_pil().convert("L")
    px = 200 / 25.4

    def dark(x_mm: float, y_mm: float) -> bool:
        return min(image.getpixel((int(x_mm * px) + dx, int(y_mm * px) + dy))
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1)) < 160

    assert dark(7.5, 99) and dark(7.5, 198) and not dark(7.5, 148)  # the two fold marks
    # the QR code holds the protocol: its modules, sampled on the page, are the encoder's
    matrix = render.qr_matrix(render.qr_value(issued.protocol))
    n = len(matrix)
    cell = render.QR_SIZE / MM / n
    _l, _t, _r, date_bottom = _char_boxes(issued.pdf, "Asti, ")  # the date line above it
    y0 = int(date_bottom / MM * px) + 2
    box = [(x, y) for x in range(int(24 * px), int((26 + render.QR_SIZE / MM) * px))
           for y in range(y0, y0 + int(30 * px)) if image.getpixel((x, y)) < 128]
    qr_left = min(x for x, _y in box) / px
    qr_top = min(y for _x, y in box) / px
    found = [(row, col) for row in range(n) for col in range(n)
             if dark(qr_left + (col + 0.5) * cell, qr_top + (row + 0.5) * cell)]
    wanted = [(row, col) for row in range(n) for col in range(n) if matrix[row][col]]
    assert len(set(found) ^ set(wanted)) <= n  # anti-aliasing at a few module edges
    assert letters.find_by_protocol(ctx, render.qr_value(issued.protocol)) == issued.id
    assert letters.looks_like_protocol("Prot. 12/2026") and not letters.looks_like_protocol("Rossi")
    # a draft has no QR code and no protocol
    assert "Prot. n. —" in pdf_text(letters.preview(ctx, "convocazione", full, today=TODAY))


def test_address_labels_on_an_a4_sheet(ctx, office) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        ids = [add_worker(s, f"Cognome{i:02d}", "Nome", address=f"Via Lunga {i}",
                          born=dt.date(1980, 1, 1) + dt.timedelta(days=i)).id
               for i in range(30)]
        bare = _region_worker(s, "Senza", "Indirizzo").id
    pdf = letters.address_labels(ctx, ids, "3x8")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2  # 24 on the first sheet, 6 on the next
    spec = printouts.LABEL_FORMATS["3x8"]
    for i in (0, 1, 2, 3, 23):
        x, y = spec.origin(i)
        left, top, right, bottom = _char_boxes(pdf, f"Nome Cognome{i:02d}")
        label_top = render.PAGE_H - (y + spec.height)
        assert x + printouts.LABEL_PAD - 1 <= left and right <= x + spec.width - printouts.LABEL_PAD
        assert label_top <= top and bottom <= render.PAGE_H - y
    with pytest.raises(ValidationError, match="Indirizzo postale incompleto .* Senza Indirizzo"):
        letters.address_labels(ctx, [ids[0], bare])
    with pytest.raises(ValidationError, match="Formato di etichette sconosciuto"):
        letters.address_labels(ctx, ids, "9x9")


# --------------------------------------------------------------------------- remote


def test_remote_appointment_says_how_in_the_convocation(ctx, office, cohort_ids) -> None:  # type: ignore[no-untyped-def]
    full, mailed, bare = cohort_ids
    monday = dt.datetime(2027, 1, 11, 9, 30)
    with pytest.raises(ValidationError, match="link del collegamento"):
        letters.book_and_issue(ctx, "convocazione", full, operator_id=office["operator2"],
                               starts_at=monday, mode="video", delivery="posta")
    issued = letters.book_and_issue(ctx, "convocazione", mailed, operator_id=office["operator2"],
                                    starts_at=monday, mode="video", delivery="email",
                                    remote_link="https://meet.example.it/cpi-asti-42")
    text = pdf_text(issued.pdf)
    assert "videochiamata" in text and "https://meet.example.it/cpi-asti-42" in text
    assert "nessuna sede da raggiungere" in text
    phoned = letters.book_and_issue(ctx, "convocazione", bare, operator_id=office["operator2"],
                                    starts_at=monday + dt.timedelta(minutes=30), mode="telefono",
                                    delivery="mano")
    assert "La chiameremo al numero +39 0141 123456" in pdf_text(phoned.pdf)
    with pytest.raises(ValidationError, match="non è un numero di telefono valido"):
        letters.book_and_issue(ctx, "convocazione", full, operator_id=office["operator2"],
                               starts_at=monday + dt.timedelta(hours=1), mode="telefono",
                               remote_link="12")


# --------------------------------------------------------------------------- reminders


@pytest.fixture
def tomorrow(ctx, office, cohort_ids):  # type: ignore[no-untyped-def]
    day = dt.date(2027, 1, 11)
    with ctx.write() as s:
        s.get(Worker, cohort_ids[2]).mobile = "12345"  # typed wrong: only the landline is valid
        for i, wid in enumerate(cohort_ids):
            start = dt.datetime.combine(day, dt.time(9, 0)) + dt.timedelta(minutes=30 * i)
            s.add(Appointment(worker_id=wid, operator_id=office["operator2"],
                              office_id=ctx.actor.office_id, starts_at=start,
                              ends_at=start + dt.timedelta(minutes=30)))
    return day


def test_reminders_call_sheet_eml_sms_and_the_reminded_mark(ctx, tomorrow, cohort_ids,
                                                            tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    rows = reminders.for_day(ctx, tomorrow)
    assert [r.worker_name for r in rows] == ["Rossi Mario", "Bianchi Anna", "Conte Luca"]
    assert rows[0].phone.e164 == "+393471234567" and rows[0].phone.mobile
    assert rows[2].phone.display == "+39 0141 123456" and not rows[2].phone.mobile
    sheet = reminders.call_sheet(ctx, tmp_path / "chiamate.xlsx", tomorrow)
    ws = load_workbook(sheet).active
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [v[1] for v in values] == ["Rossi Mario", "Bianchi Anna", "Conte Luca"]
    assert values[0][3] == "+39 347 123 4567" and values[1][5] == "anna.bianchi@example.it"
    pdf = reminders.call_sheet(ctx, tmp_path / "chiamate.pdf", tomorrow).read_bytes()
    text = " ".join(_pages_text(pdf))
    assert "lunedì 11 gennaio 2027" in text and "+39 0141 123456" in text
    with pytest.raises(ValidationError, match=r"\.pdf o \.xlsx"):
        reminders.call_sheet(ctx, tmp_path / "chiamate.txt", tomorrow)
    path, written, skipped = reminders.sms_csv(ctx, tmp_path / "sms.csv", tomorrow)
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert lines[0] == ["numero", "messaggio"] and (written, skipped) == (2, 1)
    assert [x[0] for x in lines[1:]] == ["+393471234567", "+393337654321"]
    assert all(len(x[1]) <= 160 and "11 gennaio 2027 alle 9:00" in lines[1][1] for x in lines[1:])
    [eml] = reminders.eml_reminders(ctx, tmp_path / "eml", tomorrow)
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["To"] == "anna.bianchi@example.it"
    assert "alle 9:30" in msg.get_body(("plain",)).get_content()
    ids = [r.appointment_id for r in rows]
    assert reminders.mark_reminded(ctx, ids[:2], when=dt.datetime(2027, 1, 10, 16, 0)) == 2
    assert reminders.mark_reminded(ctx, ids[:2]) == 0
    assert [r.reminded_at is not None for r in reminders.for_day(ctx, tomorrow)] == \
        [True, True, False]
    with pytest.raises(NotFound):
        reminders.mark_reminded(ctx, [ids[0], 999_999])


def test_no_shows_with_and_without_a_reminder(ctx, tomorrow) -> None:  # type: ignore[no-untyped-def]
    rows = reminders.for_day(ctx, tomorrow)
    reminders.mark_reminded(ctx, [rows[0].appointment_id, rows[1].appointment_id])
    with ctx.write() as s:
        for r, outcome in zip(rows, (AppointmentOutcome.PRESENTE, AppointmentOutcome.ASSENTE,
                                     AppointmentOutcome.ASSENTE)):
            s.get(Appointment, r.appointment_id).outcome = outcome
    counts = reminders.no_show_counts(ctx)
    assert (counts.reminded, counts.reminded_missed) == (2, 1)
    assert (counts.not_reminded, counts.not_reminded_missed) == (1, 1)
    assert counts.rate_reminded == 0.5 and counts.rate_not_reminded == 1.0
    assert reminders.no_show_counts(ctx, since=tomorrow + dt.timedelta(days=1)).reminded == 0


# --------------------------------------------------------------------------- cohort


def _audit_rows(ctx, entity: str) -> dict[int, int]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return dict(s.execute(select(AuditLog.worker_id, func.count())
                              .where(AuditLog.entity == entity, AuditLog.action == "update")
                              .group_by(AuditLog.worker_id)).all())


def test_cohort_cigs_end_all_or_nothing_with_an_audit_row_per_file(ctx, office, cohort_ids) -> None:  # type: ignore[no-untyped-def]
    end = dt.date(2026, 12, 31)
    with ctx.write() as s:
        stranger = add_worker(s, "Senza", "Situazione").id
    with pytest.raises(ValidationError, match="Senza Situazione .* non ha una situazione "
                                              "occupazionale.*Nessun fascicolo"):
        cohort.set_benefit_end(ctx, [*cohort_ids, stranger], "cigs", end)
    with pytest.raises(ValidationError, match="la CIGS inizia il 01/01/2026"):
        cohort.set_benefit_end(ctx, cohort_ids, "cigs", dt.date(2025, 12, 31))
    with ctx.read() as s:
        assert {e.cigs_end for e in s.scalars(select(EmploymentSituation))} == {dt.date(2026, 6, 30)}
    assert _audit_rows(ctx, "employment_situation") == {}
    result = cohort.set_benefit_end(ctx, cohort_ids, "cigs", end)
    assert (result.files, result.changed) == (3, 3)
    with ctx.read() as s:
        assert {e.cigs_end for e in s.scalars(select(EmploymentSituation))} == {end}
        summary = s.scalars(select(AuditLog).where(AuditLog.action == "cohort_cigs_end")).one()
        assert summary.changes["workers"] == 3
    assert _audit_rows(ctx, "employment_situation") == {wid: 1 for wid in cohort_ids}
    assert cohort.set_benefit_end(ctx, cohort_ids, "cigs", end).changed == 0


def test_cohort_actions_are_for_team_leaders(ctx, office, cohort_ids) -> None:  # type: ignore[no-untyped-def]
    clerk = ctx.acting_as(Actor(office["operator2"], "gverdi", "Giulia Verdi", Role.OPERATORE,
                                ctx.actor.office_id))
    for action in (lambda c: cohort.reassign(c, cohort_ids, office["operator2"]),
                   lambda c: cohort.set_benefit_end(c, cohort_ids, "naspi", dt.date(2027, 1, 1)),
                   lambda c: cohort.start_pathway(c, cohort_ids, "gol5"),
                   lambda c: cohort.close_files(c, cohort_ids, "ritirato")):
        with pytest.raises(PermissionDenied, match="Solo un responsabile"):
            action(clerk)
    before = _audit_rows(ctx, "worker")
    assert cohort.reassign(ctx, cohort_ids, office["operator2"]).changed == 3
    after = _audit_rows(ctx, "worker")
    assert {w: after[w] - before.get(w, 0) for w in after} == {wid: 1 for wid in cohort_ids}
    started = cohort.start_pathway(ctx, cohort_ids, "gol5", start_on=TODAY)
    assert started.changed == 3
    with pytest.raises(ValidationError, match="Rossi Mario .* già su un percorso"):
        cohort.start_pathway(ctx, cohort_ids, "gol5", start_on=TODAY)
    with ctx.write() as s:
        s.get(Worker, cohort_ids[2]).status = "chiuso"
    with pytest.raises(ValidationError, match="Conte Luca .* è già chiuso"):
        cohort.close_files(ctx, cohort_ids, "ritirato", on=TODAY)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Pathway)
                        .where(Pathway.status != "attivo")) == 0
    closed = cohort.close_files(ctx, cohort_ids[:2], "ritirato", on=TODAY)
    assert closed.changed == 2
    with ctx.read() as s:
        assert [s.get(Worker, w).status for w in cohort_ids[:2]] == ["chiuso", "chiuso"]
        assert s.scalar(select(func.count()).select_from(Pathway)
                        .where(Pathway.outcome == "ritirato")) == 2


def test_caseload_per_operator(ctx, office, cohort_ids) -> None:  # type: ignore[no-untyped-def]
    cohort.reassign(ctx, cohort_ids[:2], office["operator2"])
    monday = dt.date(2026, 11, 23)
    with ctx.write() as s:
        s.add(Appointment(worker_id=cohort_ids[0], operator_id=office["operator2"],
                          office_id=ctx.actor.office_id, starts_at=dt.datetime(2026, 11, 26, 9),
                          ends_at=dt.datetime(2026, 11, 26, 9, 30)))
        s.add(Appointment(worker_id=cohort_ids[1], operator_id=office["operator2"],
                          office_id=ctx.actor.office_id, starts_at=dt.datetime(2026, 11, 20, 9),
                          ends_at=dt.datetime(2026, 11, 20, 9, 30)))  # past, no outcome
    loads = {c.operator_name: c for c in cohort.caseload(ctx, today=monday + dt.timedelta(days=1))}
    verdi = loads["Giulia Verdi"]
    assert (verdi.open_files, verdi.appointments_this_week, verdi.overdue) == (2, 1, 1)
    assert loads["Anna Amministratrice"].open_files == 0
