"""Printable letters: templates, the missing-data check, protocol numbers, archive, batches.

The PDFs are read back with pypdf (text, embedded fonts, pages) and rendered to PNG with
pdftoppm to check that nothing is printed over the margins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from sportello.core.codice_fiscale import encode
from sportello.core.letters import italian
from sportello.core.letters.template import TemplateError, parse
from sportello.core.models import (
    Appointment,
    AuditLog,
    Course,
    EmploymentSituation,
    Fund,
    FundKind,
    Letter,
    Office,
    Operator,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    ProtocolCounter,
    Role,
    ServicePact,
    TrainingProvider,
    Vertenza,
    Voucher,
    VoucherStatus,
    Worker,
)
from sportello.core.paths import resource
from sportello.core.services import agenda, letters, protocol, worker_file

TODAY = dt.date(2026, 11, 24)
MONDAY = dt.date(2026, 12, 7)  # the 8th is a holiday (Immacolata)


def logo_png() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((5, 5, 295, 295), fill=(31, 58, 95, 255))
    draw.rectangle((95, 120, 205, 220), fill=(255, 255, 255, 255))
    draw.polygon([(80, 125), (150, 65), (220, 125)], fill=(255, 255, 255, 255))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def add_worker(session, surname: str, name: str, sex: str = "M", born: dt.date = dt.date(1980, 5, 17),
               address: str | None = "Via Roma 1", **extra) -> Worker:  # type: ignore[no-untyped-def]
    worker = Worker(codice_fiscale=encode(surname, name, sex, born, "A479"), surname=surname,
                    name=name, sex=sex, birth_date=born, birth_place="Asti", birth_province="AT",
                    residence_address=address, residence_cap="14100", residence_comune="Asti",
                    residence_province="AT", **extra)
    session.add(worker)
    session.flush()
    return worker


@pytest.fixture
def office(ctx):  # type: ignore[no-untyped-def]
    """The office settings a letter prints from, one more operator and a vertenza."""
    with ctx.write() as s:
        o = s.get(Office, ctx.actor.office_id)
        o.address, o.phone = "Corso Dante 12", "0141 433210"
        o.email, o.pec = "cpi.asti@lavoro.example.it", "cpi.asti@pec.lavoro.example.it"
        o.signatory_name = "Dott.ssa Laura Bertolino"
        o.signatory_role = "La Responsabile del Centro per l'Impiego"
        o.logo = logo_png()
        op2 = Operator(office_id=o.id, username="gverdi", full_name="Giulia Verdi",
                       role=Role.OPERATORE)
        v = Vertenza(code="KON-AT", title="Konecta Asti: chiusura della sede",
                     company_name="Konecta Italia S.p.A.", comune="Asti", provincia="AT")
        s.add_all([op2, v])
        s.flush()
        return {"operator2": op2.id, "vertenza": v.id}


@pytest.fixture
def worker(ctx, office):  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w = add_worker(s, "Đorđević", "Łukasz", address="Via Ștefan cel Mare 7")
        s.add(EmploymentSituation(worker_id=w.id, vertenza_id=office["vertenza"],
                                  former_employer="Konecta Italia S.p.A."))
        s.add(Appointment(worker_id=w.id, operator_id=office["operator2"],
                          office_id=ctx.actor.office_id, starts_at=dt.datetime(2026, 12, 7, 9, 30),
                          ends_at=dt.datetime(2026, 12, 7, 10, 0), purpose="Colloquio di orientamento"))
        return w.id


def pdf_text(pdf: bytes) -> str:
    """The text of every page, with line breaks and runs of spaces made single spaces."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def pdf_fonts(pdf: bytes) -> dict[str, bool]:
    """Font name -> embedded, over pages and the form XObjects they draw."""
    found: dict[str, bool] = {}

    def walk(resources) -> None:  # type: ignore[no-untyped-def]
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return found


def counts(ctx) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return (s.scalar(select(func.count(Letter.id))),
                s.scalar(select(func.coalesce(func.sum(ProtocolCounter.last_number), 0))),
                s.scalar(select(func.count(Appointment.id))))


# --------------------------------------------------------------------------- formatting, templates


def test_italian_formatting() -> None:
    assert italian.long_date(dt.date(2026, 11, 23)) == "23 novembre 2026"
    assert italian.long_date(dt.date(2026, 12, 1)) == "1° dicembre 2026"
    assert italian.long_date_weekday(MONDAY) == "lunedì 7 dicembre 2026"
    assert italian.euro(125000) == "€ 1.250,00"
    assert italian.euro(5) == "€ 0,05"
    assert italian.percent(85.54) == "85,5%"
    assert italian.number(1234.0) == "1.234"
    assert italian.clock(dt.time(9, 5)) == "9:05"


def test_templates_listed_with_titles_and_needs() -> None:
    found = {t.name: t for t in letters.templates()}
    assert list(found) == list(letters.TEMPLATE_NAMES)
    assert found["convocazione"].title == "Convocazione a colloquio"
    assert found["convocazione"].needs == ("appointment",)
    assert found["patto"].needs == ("pact",)
    assert found["attestato"].needs == ("voucher",)
    assert found["esito"].needs == ("pathway",)
    assert found["generica"].needs == ("text",)
    assert found["voucher"].needs_labels == ("un voucher formativo",)
    assert not any(t.customised for t in found.values())


def test_leggimi_documents_every_placeholder() -> None:
    from sportello.core.letters import fields

    guide = resource("letters", "LEGGIMI.md").read_text(encoding="utf-8")
    assert [k for k in fields.LABELS if f"{{{k}}}" not in guide] == []
    assert resource("fonts", "LICENSE-dejavu.txt").is_file()


def test_template_errors_name_the_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "prova.txt"
    with pytest.raises(TemplateError, match=r"prova.txt», riga 4: segnaposto sconosciuto "
                                            r"\{lavoratore.nme\}"):
        parse("prova", "titolo: Prova\n---\n\nGentile {lavoratore.nme},\n", source)
    with pytest.raises(TemplateError, match=r"blocco sconosciuto \[tabella\]"):
        parse("prova", "titolo: Prova\n---\n[tabella]\nx\n", source)
    with pytest.raises(TemplateError, match="manca la riga ---"):
        parse("prova", "titolo: Prova\n", source)


def test_office_copy_of_a_template_wins(ctx, office, worker, _isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _isolated_home / "lettere"
    folder.mkdir(parents=True, exist_ok=True)
    text = resource("letters", "convocazione.txt").read_text(encoding="utf-8")
    (folder / "convocazione.txt").write_text(
        text.replace("Distinti saluti.", "Cordiali saluti dall'ufficio di Asti."), encoding="utf-8")
    info = {t.name: t for t in letters.templates()}["convocazione"]
    assert info.customised
    pdf = letters.preview(ctx, "convocazione", worker, today=TODAY)
    assert "Cordiali saluti dall'ufficio di Asti." in pdf_text(pdf)


# --------------------------------------------------------------------------- one letter


def test_missing_data_is_refused_listing_what(ctx, office) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w = add_worker(s, "Rossi", "Mario", address=None)
        s.get(Office, ctx.actor.office_id).signatory_name = None
        wid = w.id
    missing = letters.missing_fields(ctx, "convocazione", wid, today=TODAY)
    assert [m.label for m in missing] == [
        "indirizzo di residenza del lavoratore",
        "nome del firmatario (impostazioni dell'ufficio)",
        "un appuntamento prenotato",
    ]
    with pytest.raises(letters.MissingData) as info:
        letters.issue(ctx, "convocazione", wid, today=TODAY)
    message = str(info.value)
    assert "«Convocazione a colloquio» per Rossi Mario" in message and "Dati mancanti:" in message
    assert "indirizzo di residenza del lavoratore" in message
    assert "un appuntamento prenotato" in message
    assert info.value.missing[wid] == missing
    with pytest.raises(letters.MissingData):
        letters.preview(ctx, "convocazione", wid, today=TODAY)
    assert counts(ctx)[:2] == (0, 0)  # nothing written, no number used


def test_issue_protocol_archive_audit_and_identical_reprint(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    issued = letters.issue(ctx, "convocazione", worker, today=TODAY)
    assert issued.protocol == "1/2026"
    text = pdf_text(issued.pdf)
    for expected in ("Prot. n. 1/2026", "Asti, 24 novembre 2026", "Łukasz Đorđević",
                     "Via Ștefan cel Mare 7", "lunedì 7 dicembre 2026", "9:30", "Giulia Verdi",
                     "Centro per l'Impiego di Asti", "Dott.ssa Laura Bertolino",
                     "Gentile Sig. Đorđević,"):
        assert expected in text, expected
    assert "ANTEPRIMA" not in text
    fonts = pdf_fonts(issued.pdf)
    assert fonts and all(fonts.values()), fonts  # every font embedded
    assert all("DejaVuSans" in name for name in fonts), fonts  # no Helvetica
    assert len(PdfReader(io.BytesIO(issued.pdf)).pages) == 1

    with ctx.read() as s:
        row = s.get(Letter, issued.id)
        assert (row.protocol_number, row.protocol_year, row.template) == (1, 2026, "convocazione")
        assert row.sha256 == hashlib.sha256(row.pdf).hexdigest() == issued.sha256
        assert row.appointment_id is not None and row.operator_id == ctx.actor.id
        assert row.subject.startswith("Convocazione a colloquio individuale – lunedì 7 dicembre")
        assert s.scalar(select(func.count(AuditLog.id)).where(
            AuditLog.entity == "letter", AuditLog.action == "create")) == 1
    rows = worker_file.letters(ctx, worker)
    assert [(r.protocol, r.template) for r in rows] == [("1/2026", "convocazione")]

    assert letters.reprint(ctx, issued.id) == issued.pdf
    with ctx.read() as s:
        assert s.scalar(select(func.count(AuditLog.id)).where(
            AuditLog.action == "letter_reprint")) == 1
    second = letters.issue(ctx, "convocazione", worker, today=TODAY)
    assert second.protocol == "2/2026"
    assert letters.issue(ctx, "generica", worker, letters.Refs(subject="Auguri", text="Buon anno."),
                         today=dt.date(2027, 1, 4)).protocol == "1/2027"
    assert letters.info(ctx, issued.id).file_name == "2026-000001_Dordevic_Lukasz_convocazione.pdf"


def test_preview_writes_nothing_and_says_anteprima(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    pdf = letters.preview(ctx, "convocazione", worker, today=TODAY)
    text = pdf_text(pdf)
    assert "ANTEPRIMA" in text and "anteprima, non protocollata" in text
    assert "Prot. n. 1/" not in text
    assert counts(ctx)[:2] == (0, 0)
    assert letters.issue(ctx, "convocazione", worker, today=TODAY).protocol == "1/2026"


def test_every_template_prints(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        pact = ServicePact(worker_id=worker, revision=2, operator_id=ctx.actor.id,
                           gol_path=PathwayKind.GOL3_RIQUALIFICAZIONE, review_on=dt.date(2027, 3, 1),
                           commitments="partecipare al corso di processi digitali\n"
                                       "inviare almeno tre candidature al mese")
        provider = TrainingProvider(name="Astiss – Polo universitario di Asti",
                                    address="Piazzale De André", comune="Asti", provincia="AT",
                                    accreditation_code="ACC-123")
        fund = Fund(name="Fondo Nuove Competenze 2026", kind=FundKind.FONDO_NUOVE_COMPETENZE,
                    budget_cents=10_000_000, committed_cents=125000)
        s.add_all([pact, provider, fund])
        s.flush()
        course = Course(provider_id=provider.id, code="PD-01", title="Processi digitali e IA",
                        hours=40, seats=20, seats_taken=1, cost_cents=125000,
                        starts_on=dt.date(2026, 9, 1), ends_on=dt.date(2026, 10, 30),
                        min_attendance_pct=70, location="Asti, Piazzale De André",
                        certificate_type="Attestato di frequenza con profitto")
        s.add(course)
        s.flush()
        voucher = Voucher(worker_id=worker, course_id=course.id, fund_id=fund.id, code="V-2026-000001",
                          amount_cents=125000, status=VoucherStatus.CONCLUSO,
                          requested_on=dt.date(2026, 8, 1), approved_on=dt.date(2026, 8, 10),
                          hours_attended=34.5)
        pathway = Pathway(worker_id=worker, kind=PathwayKind.GOL1_REINSERIMENTO,
                          status=PathwayStatus.CONCLUSO, start_on=dt.date(2026, 2, 2),
                          end_on=dt.date(2026, 11, 20), outcome=PathwayOutcome.RICOLLOCATO)
        sportello = Appointment(worker_id=worker, operator_id=ctx.actor.id,
                                office_id=ctx.actor.office_id, service="sportello_unico",
                                starts_at=dt.datetime(2026, 12, 9, 11, 0),
                                ends_at=dt.datetime(2026, 12, 9, 11, 45),
                                purpose="Incontro sull'idea d'impresa")
        s.add_all([voucher, pathway, sportello])
        s.flush()
        voucher_id = voucher.id
    expected = {
        "convocazione": ["Convocazione a colloquio individuale"],
        "patto": ["PATTO DI SERVIZIO PERSONALIZZATO", "partecipare al corso di processi digitali",
                  "inviare almeno tre candidature al mese", "GOL 3 – Riqualificazione (reskilling)",
                  "Firma", "Per il Centro per l'Impiego, l'operatore", "Anna Amministratrice",
                  "1° marzo 2027", "nato ad Asti (AT) il 17 maggio 1980"],
        "voucher": ["€ 1.250,00", "V-2026-000001", "Processi digitali e IA", "10 agosto 2026",
                    "Fondo Nuove Competenze 2026", "70%"],
        "invito-sportello": ["Sportello Unico", "Mettersi in proprio", "SCIA al SUAP"],
        "attestato": ["ATTESTATO DI FREQUENZA", "«Processi digitali e IA»", "34,5", "40 ore",
                      "86,3%", "interessato"],
        "esito": ["GOL 1 – Reinserimento lavorativo", "ricollocazione lavorativa",
                  "20 novembre 2026"],
        "generica": ["Documenti da integrare", "Secondo paragrafo."],
    }
    refs = letters.Refs(subject="Documenti da integrare",
                        text="Le chiediamo di portare la DID.\n\nSecondo paragrafo.")
    for name, words in expected.items():
        pdf = letters.preview(ctx, name, worker, refs, today=TODAY)
        text = pdf_text(pdf)
        for word in words:
            assert word in text, (name, word)
    attestato = letters.issue(ctx, "attestato", worker, today=TODAY)
    assert attestato.protocol == "1/2026"
    with ctx.read() as s:
        assert s.get(Voucher, voucher_id).certificate_issued_on == TODAY


def test_attestato_refused_when_not_earned(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        provider = TrainingProvider(name="Ente")
        fund = Fund(name="Fondo GOL", kind=FundKind.GOL, budget_cents=1_000_000)
        s.add_all([provider, fund])
        s.flush()
        course = Course(provider_id=provider.id, title="Excel", hours=20, seats=5, cost_cents=1,
                        min_attendance_pct=70, ends_on=dt.date(2026, 6, 30))
        s.add(course)
        s.flush()
        s.add(Voucher(worker_id=worker, course_id=course.id, fund_id=fund.id, code="V-1",
                      amount_cents=1, status=VoucherStatus.CONCLUSO,
                      requested_on=dt.date(2026, 1, 1), hours_attended=9))
    with pytest.raises(letters.ValidationError, match=r"non è maturato: frequenza 45,0% su un "
                                                      r"minimo del 70%"):
        letters.issue(ctx, "attestato", worker, today=TODAY)
    assert counts(ctx)[:2] == (0, 0)


def test_attestato_refused_before_the_course_ends(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, major 6: 6 December for a course ending 9 December is refused, then issued."""
    with ctx.write() as s:
        provider = TrainingProvider(name="Ente")
        fund = Fund(name="Fondo GOL", kind=FundKind.GOL, budget_cents=1_000_000)
        s.add_all([provider, fund])
        s.flush()
        course = Course(provider_id=provider.id, title="Excel", hours=20, seats=5, cost_cents=1,
                        min_attendance_pct=70, starts_on=dt.date(2026, 11, 2),
                        ends_on=dt.date(2026, 12, 9))
        s.add(course)
        s.flush()
        # a voucher set to "concluso" before the rule existed, with enough attendance
        s.add(Voucher(worker_id=worker, course_id=course.id, fund_id=fund.id, code="V-1",
                      amount_cents=1, status=VoucherStatus.CONCLUSO,
                      requested_on=dt.date(2026, 10, 1), hours_attended=18))
    with pytest.raises(letters.ValidationError,
                       match=r"prima della fine del corso: il corso «Excel» termina il "
                             r"09/12/2026"):
        letters.issue(ctx, "attestato", worker, today=dt.date(2026, 12, 6))
    assert counts(ctx)[:2] == (0, 0)  # no protocol number used, nothing archived
    issued = letters.issue(ctx, "attestato", worker, today=dt.date(2026, 12, 9))
    assert issued.protocol.endswith("/2026") and issued.template == "attestato"


def test_invito_sportello_takes_the_next_sportello_unico_appointment(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, major 8: never an ordinary interview; refused when there is none."""
    from sportello.core.services import agenda

    today = dt.date(2026, 12, 6)
    # The worker fixture has an ordinary interview on 07/12 with Giulia Verdi: not eligible.
    with pytest.raises(letters.MissingData, match="appuntamento prenotato allo Sportello Unico"):
        letters.check(ctx, "invito-sportello", worker, today=today)
    ordinary = worker_file.appointments(ctx, worker)[0]
    with pytest.raises(letters.ValidationError, match=r"07/12/2026 alle 09:30 non è allo "
                                                      r"Sportello Unico"):
        letters.preview(ctx, "invito-sportello", worker,
                        letters.Refs(appointment_id=ordinary.id), today=today)
    later = agenda.book(ctx, worker_id=worker, operator_id=ctx.actor.id,
                        starts_at=dt.datetime(2026, 12, 17, 10, 0), service="sportello_unico",
                        purpose="Colloquio per l'autoimprenditorialità")
    sooner = agenda.book(ctx, worker_id=worker, operator_id=ctx.actor.id,
                         starts_at=dt.datetime(2026, 12, 10, 9, 0), service="sportello_unico")
    assert later.at_sportello_unico and not ordinary.at_sportello_unico
    text = pdf_text(letters.preview(ctx, "invito-sportello", worker, today=today))
    assert "10 dicembre 2026" in text and "Anna Amministratrice" in text
    assert "Giulia Verdi" not in text and "7 dicembre" not in text
    issued = letters.issue(ctx, "invito-sportello", worker, today=today)
    with ctx.read() as s:
        assert s.get(Letter, issued.id).appointment_id == sooner.id
    # the letter of an ordinary convocation still takes the next appointment of any kind
    assert "7 dicembre 2026" in pdf_text(letters.preview(ctx, "convocazione", worker, today=today))


def test_long_letter_numbers_its_pages(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    paragraph = ("Questo paragrafo di prova è lungo abbastanza da occupare alcune righe della "
                 "lettera e ripetuto molte volte riempie più di una pagina. ") * 4
    refs = letters.Refs(subject="Comunicazione", text="\n\n".join([paragraph] * 14))
    issued = letters.issue(ctx, "generica", worker, refs, today=TODAY)
    reader = PdfReader(io.BytesIO(issued.pdf))
    assert len(reader.pages) >= 2
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert f"Pagina {i} di {n}" in text
        if i > 1:
            assert "Prot. n. 1/2026" in text  # the running head of later pages
    single = letters.preview(ctx, "convocazione", worker, today=TODAY)
    assert "Pagina" not in pdf_text(single)  # a one-page letter has no page number


# --------------------------------------------------------------------------- margins, by eye and by pixel


def _png_pages(pdf: bytes, tmp_path: Path, dpi: int = 50) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) non installato")
    source = tmp_path / "lettera.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "pagina")],
                   check=True)
    return sorted(tmp_path.glob("pagina*.png"))


def test_nothing_is_printed_over_the_margins(ctx, office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    long_word = "Supercalifragilistichespiralidosamente" * 3
    with ctx.write() as s:
        w = add_worker(s, "Dell'Acqua-Vasconcelos de Albuquerque", "Maria Ștefania Łucja", sex="F",
                       address="Via dei Lunghissimi Nomi di Strada che non Finiscono Mai 123/B, "
                               "scala C, interno 14, presso la famiglia Đorđević-Kowalczyk")
        s.get(Office, ctx.actor.office_id).name = (
            "Centro per l'Impiego di Asti – Sede distaccata di Canelli e Nizza Monferrato "
            "per i lavoratori della Valle Belbo")
        wid = w.id
    refs = letters.Refs(subject="Oggetto lunghissimo " * 12, text=f"{long_word} " * 30)
    pdf = letters.issue(ctx, "generica", wid, refs, today=TODAY).pdf
    dpi = 50
    pages = _png_pages(pdf, tmp_path, dpi)
    assert pages
    left = int(25 / 25.4 * dpi) - 2  # 25 mm margin, minus a pixel of anti-aliasing
    right = int((210 - 20) / 25.4 * dpi) + 2
    # the fold marks for the DL envelope are printed in the left margin on purpose
    folds = {int(mm_ / 25.4 * dpi) + d for mm_ in (99, 198) for d in (-1, 0, 1)}
    for page in pages:
        img = Image.open(page).convert("L")
        width, height = img.size
        for x in list(range(left)) + list(range(right, width)):
            column = [img.getpixel((x, y)) for y in range(height) if y not in folds]
            assert min(column) > 235, f"{page.name}: inchiostro fuori dal margine a x={x}"


# --------------------------------------------------------------------------- protocol under concurrency


def test_protocol_numbers_unique_under_concurrency(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    """Counters issuing at the same moment never share a number (SQLite and PostgreSQL)."""
    threads, per_thread = 4, 3
    barrier = threading.Barrier(threads)
    numbers: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(per_thread):
                numbers.append(letters.issue(ctx, "convocazione", worker, today=TODAY).protocol_number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert not errors, errors
    assert sorted(numbers) == list(range(1, threads * per_thread + 1))
    with ctx.read() as s:
        stored = list(s.scalars(select(Letter.protocol_number).order_by(Letter.protocol_number)))
        assert stored == list(range(1, threads * per_thread + 1))
        assert s.get(ProtocolCounter, (ctx.actor.office_id, 2026)).last_number == threads * per_thread


def test_next_protocol_block_is_atomic_on_many_connections(ctx, office) -> None:  # type: ignore[no-untyped-def]
    """Bare counter: 8 threads x 10 blocks of 3 numbers, no overlap, no gap."""
    barrier = threading.Barrier(8)
    blocks: list[int] = []

    def work() -> None:
        barrier.wait()
        for _ in range(10):
            with ctx.write() as s:
                blocks.append(protocol.next_protocol(s, ctx.actor.office_id, 2026, 3))

    pool = [threading.Thread(target=work) for _ in range(8)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    taken = sorted(n for first in blocks for n in range(first, first + 3))
    assert taken == list(range(1, 241))


# --------------------------------------------------------------------------- batches and call-in


@pytest.fixture
def cohort(ctx, office):  # type: ignore[no-untyped-def]
    people = [("Rossi", "Mario", "M"), ("Kowalczyk", "Łukasz", "M"), ("Popescu", "Ștefan", "M"),
              ("Đorđević", "Jelena", "F"), ("D'Agostino", "Niccolò", "M"), ("Bianchi", "Laura", "F"),
              ("Müller", "Jürgen", "M"), ("Esposito", "Anna", "F")]
    with ctx.write() as s:
        ids = []
        for i, (surname, name, sex) in enumerate(people):
            w = add_worker(s, surname, name, sex, born=dt.date(1970 + i, 1 + i, 3 + i))
            s.add(EmploymentSituation(worker_id=w.id, vertenza_id=office["vertenza"]))
            ids.append(w.id)
    return ids


def test_batch_one_pdf_consecutive_numbers_files_and_fonts_once(ctx, office, cohort, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    result = letters.issue_batch(ctx, "generica", cohort, subject="Incontro informativo",
                                 text="La informiamo dell'incontro.", today=TODAY,
                                 progress=lambda d, t: seen.append((d, t)) is None)
    assert not result.cancelled
    assert [x.protocol for x in result.letters] == [f"{i}/2026" for i in range(1, 9)]
    assert seen[-1] == (16, 16) and len(seen) == 16
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == 8
    text = pdf_text(result.pdf)
    for name in ("Jelena Đorđević", "Ștefan Popescu", "Łukasz Kowalczyk", "Jürgen Müller"):
        assert name in text
    # One document: each font and the logo stored once, however many letters.
    raw = result.pdf
    assert raw.count(b"/FontFile2") == len(pdf_fonts(raw)) <= 4
    assert raw.count(b"/Subtype /Image") == 1
    # Each letter is stored on its own and reprints as stored.
    for issued in result.letters:
        assert letters.reprint(ctx, issued.id) == issued.pdf
        assert len(PdfReader(io.BytesIO(issued.pdf)).pages) == 1
    files = result.write_files(tmp_path / "una-per-lavoratore")
    assert len(files) == 8 and files[0].name.startswith("2026-000001_")
    with ctx.read() as s:
        assert {b for b in s.scalars(select(Letter.batch_id))} == {result.batch_id}
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.action == "letter_batch")) == 1


def test_batch_cancel_and_missing_data_leave_the_database_as_it_was(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    result = letters.issue_batch(ctx, "generica", cohort, subject="X", text="Y", today=TODAY,
                                 progress=lambda done, total: done < 5)
    assert result.cancelled and result.letters == [] and result.pdf is None
    assert counts(ctx)[:2] == (0, 0)
    with ctx.write() as s:
        s.get(Worker, cohort[2]).residence_address = None
    with pytest.raises(letters.MissingData, match=r"a 1 lavoratori su 8 mancano dati, nessuna "
                                                  r"lettera è stata emessa\.\n- Popescu Ștefan"):
        letters.issue_batch(ctx, "generica", cohort, subject="X", text="Y", today=TODAY)
    assert counts(ctx)[:2] == (0, 0)
    partial = letters.issue_batch(ctx, "generica", cohort, subject="X", text="Y", today=TODAY,
                                  skip_incomplete=True)
    assert len(partial.letters) == 7 and list(partial.skipped) == [cohort[2]]


def test_select_workers_of_a_vertenza_without_appointment(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        s.add(Appointment(worker_id=cohort[0], operator_id=ctx.actor.id, starts_at=dt.datetime(2026, 12, 9, 9),
                          ends_at=dt.datetime(2026, 12, 9, 9, 30)))
    now = dt.datetime(2026, 11, 24, 12)
    everyone = letters.select_workers(ctx, vertenza="kon-at", now=now)
    assert sorted(everyone) == sorted(cohort)
    free = letters.select_workers(ctx, vertenza="KON-AT", without_appointment=True, now=now)
    assert cohort[0] not in free and len(free) == 7
    assert letters.select_workers(ctx, vertenza="KON-AT", status="chiuso") == []
    with pytest.raises(letters.NotFound, match="Vertenza «XYZ» non trovata"):
        letters.select_workers(ctx, vertenza="XYZ")


def test_without_appointment_means_no_future_one_and_none_attended(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    """Who came to an interview days ago is not called in again; who missed it is."""
    now = dt.datetime(2026, 12, 6, 20, 0)
    past = dt.datetime(2026, 12, 1, 9, 0)
    with ctx.write() as s:
        for worker_id, outcome, status in ((cohort[0], "presente", "prenotato"),
                                           (cohort[1], "assente", "prenotato"),
                                           (cohort[2], "giustificato", "prenotato"),
                                           (cohort[3], None, "prenotato"),
                                           (cohort[4], None, "annullato")):
            s.add(Appointment(worker_id=worker_id, operator_id=ctx.actor.id, starts_at=past,
                              ends_at=past + dt.timedelta(minutes=30), outcome=outcome,
                              status=status))
        s.add(Appointment(worker_id=cohort[5], operator_id=ctx.actor.id,
                          starts_at=dt.datetime(2026, 12, 9, 9),
                          ends_at=dt.datetime(2026, 12, 9, 9, 30)))
    everyone = letters.select_workers(ctx, vertenza="KON-AT", now=now)
    free = letters.select_workers(ctx, vertenza="KON-AT", without_appointment=True, now=now)
    assert free == [w for w in everyone if w not in (cohort[0], cohort[5])]


def test_call_in_plan_is_shown_first_and_booked_exactly(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    op1, op2 = ctx.actor.id, office["operator2"]
    now = dt.datetime(2026, 12, 7, 10, 40)  # Monday morning, mid-session: no slot before now
    before = counts(ctx)
    plan = letters.plan_call_in(ctx, cohort[:5], [op1, op2], letters.days_from(MONDAY, 3),
                                now=now)
    assert counts(ctx) == before  # a plan writes nothing
    assert [(p.worker_id, p.operator_name, f"{p.starts_at:%d/%m %H:%M}-{p.ends_at:%H:%M}")
            for p in plan] == [
        (cohort[0], "Anna Amministratrice", "07/12 11:00-11:30"),
        (cohort[1], "Giulia Verdi", "07/12 11:00-11:30"),
        (cohort[2], "Anna Amministratrice", "07/12 11:30-12:00"),
        (cohort[3], "Giulia Verdi", "07/12 11:30-12:00"),
        (cohort[4], "Anna Amministratrice", "07/12 12:00-12:30"),
    ]
    assert plan[0].worker_name and plan[0].codice_fiscale
    # someone books at the counter one of the planned slots meanwhile: nothing is booked
    with ctx.write() as s:
        other = add_worker(s, "Verdi", "Giuseppe")
    agenda.book(ctx, worker_id=other.id, operator_id=op2, starts_at=dt.datetime(2026, 12, 7, 11, 30),
                now=now)
    with pytest.raises(agenda.SlotTaken, match="Il piano non è più valido"):
        letters.book_call_in(ctx, plan, today=TODAY, now=now)
    assert counts(ctx)[1] == before[1]  # no letter
    plan = letters.plan_call_in(ctx, cohort[:5], [op1, op2], letters.days_from(MONDAY, 3),
                                now=now)
    result = letters.book_call_in(ctx, plan, today=TODAY, now=now)
    assert [(r.worker_id, r.operator_id, r.starts_at, r.ends_at) for r in result.appointments] \
        == sorted([(p.worker_id, p.operator_id, p.starts_at, p.ends_at) for p in plan],
                  key=lambda t: t[2])
    hours = agenda.office_hours(ctx)
    for r in result.appointments:  # all inside the office's hours
        assert any(dt.datetime.combine(r.starts_at.date(), a) <= r.starts_at
                   and r.ends_at <= dt.datetime.combine(r.starts_at.date(), b)
                   for a, b in hours.spans(r.starts_at.date()))


def test_call_in_slots_follow_the_offices_slot_length(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import setup

    setup.set_office_hours(ctx, {"mon": "09:00-10:30", "wed": "14:00-16:00"}, 45)
    plan = letters.plan_call_in(ctx, cohort[:4], [ctx.actor.id], letters.days_from(MONDAY, 7),
                                now=dt.datetime(2026, 11, 24, 12))
    assert [f"{p.starts_at:%a %H:%M}-{p.ends_at:%H:%M}" for p in plan] == [
        "Mon 09:00-09:45", "Mon 09:45-10:30", "Wed 14:00-14:45", "Wed 14:45-15:30"]


def test_call_in_books_free_slots_and_prints_all_convocations(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    op1, op2 = ctx.actor.id, office["operator2"]
    with ctx.write() as s:  # op1 is already busy at 9:00 on Monday
        other = add_worker(s, "Verdi", "Giuseppe")
        s.add(Appointment(worker_id=other.id, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9),
                          ends_at=dt.datetime(2026, 12, 7, 9, 30)))
    now = dt.datetime(2026, 11, 24, 12)
    result = letters.call_in(ctx, cohort, [op1, op2], [MONDAY, MONDAY + dt.timedelta(days=1)],
                             today=TODAY, now=now)
    rows = result.appointments
    assert len(rows) == 8 and len(result.batch.letters) == 8
    assert all(r.starts_at.date() == MONDAY for r in rows)  # the 8th is a holiday
    assert not any(r.operator_id == op1 and r.starts_at.time() == dt.time(9) for r in rows)
    slots = {(r.operator_id, r.starts_at) for r in rows}
    assert len(slots) == 8  # nobody double-booked
    reader = PdfReader(io.BytesIO(result.batch.pdf))
    assert len(reader.pages) == 8
    first = reader.pages[0].extract_text()
    assert "lunedì 7 dicembre 2026" in first and "Prot. n. 1/2026" in first
    with ctx.read() as s:
        letter_appts = set(s.scalars(select(Letter.appointment_id)))
        assert letter_appts == {r.id for r in rows}


def test_call_in_refused_without_enough_slots_books_nothing(ctx, office, cohort) -> None:  # type: ignore[no-untyped-def]
    before = counts(ctx)
    with pytest.raises(letters.ValidationError, match=r"Posti liberi insufficienti: servono 8 "
                                                      r"appuntamenti, ci sono 0 posti liberi"):
        letters.call_in(ctx, cohort, [ctx.actor.id], [dt.date(2026, 12, 8)], today=TODAY,
                        now=dt.datetime(2026, 11, 24, 12))
    cancelled = letters.call_in(ctx, cohort, [ctx.actor.id], [MONDAY, dt.date(2026, 12, 9)],
                                today=TODAY, now=dt.datetime(2026, 11, 24, 12),
                                progress=lambda done, total: done < 10)
    assert cancelled.batch.cancelled
    assert counts(ctx) == before  # no booking, no letter, no number


def test_book_and_issue_refuses_a_taken_slot_or_a_holiday(ctx, office, worker) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import agenda

    op2 = office["operator2"]
    with pytest.raises(agenda.SlotTaken, match="Giulia Verdi ha già un appuntamento"):
        letters.book_and_issue(ctx, "convocazione", worker, operator_id=op2,
                               starts_at=dt.datetime(2026, 12, 7, 9, 45), today=TODAY)
    with pytest.raises(agenda.DayClosed, match="festivo"):
        letters.book_and_issue(ctx, "convocazione", worker, operator_id=op2,
                               starts_at=dt.datetime(2026, 12, 8, 9, 0), today=TODAY)
    assert counts(ctx)[:2] == (0, 0)
    issued = letters.book_and_issue(ctx, "convocazione", worker, operator_id=op2,
                                    starts_at=dt.datetime(2026, 12, 10, 11, 0), today=TODAY)
    assert "giovedì 10 dicembre 2026" in pdf_text(issued.pdf)


def test_a_long_panel_goes_on_over_the_page_without_losing_a_row() -> None:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from sportello.core.letters import render

    st = render.styles()
    rows = [(f"Voce {i}", f"Valore numero {i} " * (1 + i % 4)) for i in range(80)]
    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph("Prima del riquadro", st["corpo"]),
                                  render._box(rows), Paragraph("Dopo il riquadro", st["corpo"])])
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.getvalue())).pages]
    assert len(pages) >= 2
    text = "\n".join(pages)
    assert all(f"Voce {i}\n" in text or f"Voce {i} " in text for i in range(80))
    assert text.index("Voce 0") < text.index("Voce 79") < text.index("Dopo il riquadro")
