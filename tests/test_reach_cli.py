"""The command line of issue 17 on a fresh install: a Region's cohort without street
addresses called in with a mix of channels, tomorrow's reminders, the CIGS moved at once."""

from __future__ import annotations

import csv
import datetime as dt
import email
from email import policy
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from test_letters import add_worker, office  # noqa: F401  (fixtures)

from sportello.cli import main
from sportello.core.models import EmploymentSituation, Letter, Worker


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cohort_called_in_by_mixed_channels_reminded_and_cigs_moved(
        ctx, office, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("one engine is enough for the command line")
    with ctx.write() as s:
        people = []
        for i, (surname, mail, mobile) in enumerate((
                ("Rossi", None, "347 111 2222"), ("Bianchi", "b@example.it", "333 765 4321"),
                ("Conte", None, None), ("Ferrari", "f@example.it", None))):
            w = add_worker(s, surname, "Paolo", address=None if i else "Via Roma 1",
                           email=mail, mobile=mobile, born=dt.date(1975, 3, 1 + i))
            if i:
                w.residence_cap = None  # the Region's list: comune and phone only
            people.append(w.id)
            s.add(EmploymentSituation(worker_id=w.id, vertenza_id=office["vertenza"],
                                      cigs_start=dt.date(2026, 1, 1), cigs_end=dt.date(2026, 9, 30)))
    db = ctx.engine.url.database
    out_pdf, eml_dir = tmp_path / "conv.pdf", tmp_path / "eml"
    # posta only: refused, naming what the post needs, nothing booked or numbered
    code, _out, err = _run(capsys, "--db", db, "letters", "convocazione", "--vertenza", "KON-AT",
                           "--book-from", "2027-01-11", "--with-operator", "gverdi",
                           "--delivery", "posta", "--out", str(out_pdf))
    assert code == 1 and "indirizzo di residenza del lavoratore" in err, err
    code, out, err = _run(capsys, "--db", db, "letters", "convocazione", "--vertenza", "KON-AT",
                          "--book-from", "2027-01-11", "--with-operator", "gverdi",
                          "--delivery", "auto", "--out", str(out_pdf), "--eml-dir", str(eml_dir),
                          "--labels", str(tmp_path / "etichette.pdf"))
    assert code == 0, err
    assert "Consegna: 1 per posta, 1 consegnate a mano, 2 per e-mail" in out
    assert "2 bozze e-mail" in out and "1 etichette (3x8)" in out
    assert len(PdfReader(out_pdf).pages) == 4
    drafts = sorted(eml_dir.glob("*.eml"))
    assert len(drafts) == 2
    msg = email.message_from_bytes(drafts[0].read_bytes(), policy=policy.default)
    assert msg["To"] in ("b@example.it", "f@example.it")
    assert next(msg.iter_attachments()).get_content()[:5] == b"%PDF-"
    with ctx.read() as s:
        mailed = s.scalars(select(Letter).where(Letter.delivery == "email")).all()
        protocols = [f"{x.protocol_number}/{x.protocol_year}" for x in mailed]
    code, out, err = _run(capsys, "--db", db, "sent", *protocols)
    assert code == 0 and "Segnate come inviate: 2 lettere" in out, err

    # the day before: call sheet, SMS list, e-mail reminders, the reminded mark
    code, out, err = _run(capsys, "--db", db, "reminders", "--day", "2027-01-11",
                          "--sheet", str(tmp_path / "chiamate.xlsx"), "--sms",
                          str(tmp_path / "sms.csv"), "--eml-dir", str(tmp_path / "prom"), "--mark")
    assert code == 0, err
    assert "4 appuntamenti il 11/01/2027" in out and "2 SMS" in out
    assert "Segnati come avvisati: 4 appuntamenti" in out
    rows = list(csv.reader((tmp_path / "sms.csv").open(encoding="utf-8")))
    assert [r[0] for r in rows[1:]] == ["+393337654321", "+393471112222"]  # by time

    # the ministry extends the CIGS for the whole vertenza
    code, out, err = _run(capsys, "--db", db, "cohort", "cigs-end", "--vertenza", "KON-AT",
                          "--on", "2026-12-31")
    assert code == 0 and "4 fascicoli modificati su 4" in out, err
    with ctx.read() as s:
        assert set(s.scalars(select(EmploymentSituation.cigs_end))) == {dt.date(2026, 12, 31)}
    code, out, err = _run(capsys, "--db", db, "cohort", "reassign", "--vertenza", "KON-AT",
                          "--to", "gverdi")
    assert code == 0 and "assegnati a Giulia Verdi" in out, err
    code, out, err = _run(capsys, "--db", db, "caseload")
    assert code == 0 and "Giulia Verdi" in out
    code, out, err = _run(capsys, "--db", db, "cohort", "export", str(tmp_path / "g.xlsx"),
                          "--cf", "XXXXXX00X00X000X")
    assert code == 1 and "Nessun fascicolo con codice fiscale" in err
    with ctx.read() as s:
        assert {w.assigned_operator_id for w in s.scalars(select(Worker))} == {office["operator2"]}
