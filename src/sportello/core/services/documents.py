"""Documents in the file, and the incoming protocol (*protocollo in entrata*).

This module is the only writer of ``document`` and ``document_chunk``. Rules:
- a document belongs to a file (``worker_id``) and, inside it, to one record named by
  ``owner_kind`` + ``owner_id`` (``codes.DocumentOwner``): the owner must exist and be of the
  same file. A new kind of owner is one entry in ``_OWNERS``;
- the type is read from the content (``exchange.attachments``): PDF, JPEG, PNG, TIFF, ODT,
  DOCX, XLSX; a disguised program, an empty file, a file over the limit (``max_bytes``,
  default 25 MB, ``Setting('documents')``) and a PDF that does not open are refused, naming
  the file; the same bytes twice in one file are refused, naming the copy already there;
- the bytes are stored in pieces in the transaction that creates the row, with their
  SHA-256 computed on the way: a kill -9 leaves the whole document or nothing;
- a scan of the signed patto attached to a draft revision signs it (date, operator, in the
  same transaction; ``pacts.sign_in``);
- an incoming document takes the office's next protocol number from the register the
  letters use (``services.protocol``): one sequence per office and year, both directions;
- attaching, viewing, saving a copy, printing and deleting are audited. Deleting is a soft
  delete, for team leaders; the bytes go when the file is anonymised (``purge_in``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from sportello.core import audit, permissions
from sportello.core.codes import (
    DocumentKind,
    DocumentOwner,
    ProtocolChannel,
    pathway_kind_label,
)
from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.exchange import attachments
from sportello.core.models import (
    Appointment,
    BusinessProject,
    Document,
    DocumentChunk,
    Letter,
    Office,
    Operator,
    PactStatus,
    Pathway,
    Role,
    ServicePact,
    TavoloMeeting,
    Setting,
    Voucher,
    Worker,
    utcnow,
)
from sportello.core.paths import replaced_atomically
from sportello.core.services import pacts
from sportello.core.services.protocol import next_protocol

SETTINGS_KEY = "documents"
DEFAULT_MAX_MB = 25
NOTE_MAX = 2000
TEXT_MAX = 200

# owner kind -> the model whose row it names. A record with ``worker_id`` takes documents of
# that file; one without (a tavolo meeting) takes documents of no file. A new kind: its
# value in codes.DocumentOwner (and in migration 0013's CHECK), one line here and a label.
_OWNERS: dict[str, Any] = {
    DocumentOwner.PACT: ServicePact,
    DocumentOwner.PATHWAY: Pathway,
    DocumentOwner.VOUCHER: Voucher,
    DocumentOwner.BUSINESS: BusinessProject,
    DocumentOwner.APPOINTMENT: Appointment,
    DocumentOwner.MEETING: TavoloMeeting,
}
OWNER_LABELS = {
    DocumentOwner.WORKER: "fascicolo",
    DocumentOwner.PACT: "patto di servizio",
    DocumentOwner.PATHWAY: "percorso",
    DocumentOwner.VOUCHER: "voucher",
    DocumentOwner.BUSINESS: "progetto d'impresa",
    DocumentOwner.APPOINTMENT: "appuntamento",
    DocumentOwner.MEETING: "incontro del tavolo",
}


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    worker_id: int | None
    owner_kind: str
    owner_id: int | None
    kind: str
    note: str | None
    original_name: str | None
    mime: str | None
    extension: str | None
    size: int | None
    sha256: str | None
    uploaded_by: str | None
    uploaded_at: dt.datetime
    deleted_at: dt.datetime | None
    protocol: str | None
    received_on: dt.date | None
    sender: str | None
    subject: str | None
    channel: str | None
    signed_pact: str | None = None  # "revisione N firmata il ..." when the scan signed it

    @property
    def has_content(self) -> bool:
        return bool(self.size)

    @property
    def is_pdf(self) -> bool:
        return self.extension == "pdf"

    @property
    def is_image(self) -> bool:
        return self.extension in ("jpg", "png", "tif")

    @property
    def file_name(self) -> str:
        """A name to save it under, with the extension of what it really is."""
        stem = Path(self.original_name or f"documento-{self.id}").stem or f"documento-{self.id}"
        return f"{stem}.{self.extension}" if self.extension else stem


# --------------------------------------------------------------------------- settings


def max_bytes(ctx: Context) -> int:
    with ctx.read() as s:
        row = s.get(Setting, SETTINGS_KEY)
    value = (row.value or {}).get("max_mb") if row is not None else None
    return int(value or DEFAULT_MAX_MB) * 1_048_576


def set_max_mb(ctx: Context, mb: int) -> None:
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "cambiare il limite dei documenti")
    if not 1 <= int(mb) <= 200:
        raise ValidationError("Il limite di un documento va da 1 a 200 MB.", "max_mb")
    with ctx.write() as s:
        row = s.get(Setting, SETTINGS_KEY)
        value = {**((row.value or {}) if row is not None else {}), "max_mb": int(mb)}
        if row is None:
            s.add(Setting(key=SETTINGS_KEY, value=value))
        else:
            row.value = value


# --------------------------------------------------------------------------- helpers


def _protocol(d: Document) -> str | None:
    if d.protocol_number is None:
        return None
    return f"{d.protocol_number}/{d.protocol_year}"


def _info(s: Session, d: Document, signed_pact: str | None = None) -> DocumentInfo:
    who = s.get(Operator, d.uploaded_by) if d.uploaded_by else None
    return DocumentInfo(d.id, d.worker_id, d.owner_kind, d.owner_id, d.kind, d.note,
                        d.original_name, d.mime, d.extension, d.size, d.sha256,
                        who.full_name if who else None, d.uploaded_at, d.deleted_at,
                        _protocol(d), d.received_on, d.sender, d.subject, d.channel,
                        signed_pact)


def _clean_text(value: str | None, limit: int, label: str, field: str) -> str | None:
    value = (value or "").strip() or None
    if value and len(value) > limit:
        raise ValidationError(f"{label}: al massimo {limit} caratteri (ora {len(value)}).", field)
    return value


def _check_kind(kind: str) -> str:
    if kind not in set(DocumentKind):
        raise ValidationError(
            f"Tipo di documento sconosciuto: «{kind}». Tipi: "
            + ", ".join(k.value for k in DocumentKind) + ".", "kind")
    return kind


def _owner(s: Session, worker_id: int | None, owner_kind: str, owner_id: int | None) -> Any:
    """The record the document belongs to (None for the file itself), checked: a record of
    a file (it has ``worker_id``) must be of this file; a record of no file (a meeting of
    a whole vertenza) takes documents with no file."""
    if owner_kind == DocumentOwner.WORKER:
        if worker_id is None:
            raise ValidationError("Indicare il fascicolo o ciò a cui si allega il documento.",
                                  "owner")
        return None
    model = _OWNERS.get(owner_kind)
    if model is None:
        raise ValidationError(f"Non si allegano documenti a «{owner_kind}».", "owner")
    label = OWNER_LABELS.get(owner_kind, owner_kind)
    row = s.get(model, owner_id) if owner_id is not None else None
    if row is None:
        raise NotFound(f"{label.capitalize()} non trovato.")
    if getattr(row, "worker_id", None) != worker_id:
        raise ValidationError(f"Il {label} n. {owner_id} non è di questo fascicolo.", "owner")
    return row


def _store_content(s: Session, doc: Document, path: Path, limit: int) -> tuple[int, str]:
    """Write the file's pieces under ``doc``; its size and SHA-256, computed on the way.

    (Hashing on a thread of its own beside the write was tried: 174 ms against 176 ms for
    10 MB, medians of 6 on the shared machine; not worth a thread.)
    """
    digest = hashlib.sha256()
    size = 0
    table = DocumentChunk.__table__
    for seq, piece in enumerate(attachments.chunks(path, limit)):
        digest.update(piece)
        size += len(piece)
        s.execute(insert(table).values(document_id=doc.id, seq=seq, data=piece))
    if size == 0:
        raise ValidationError(f"«{path.name}» è vuoto (0 byte): niente da allegare.", "file")
    return size, digest.hexdigest()


@dataclass(frozen=True)
class _Checked:
    path: Path
    detected: attachments.Detected
    limit: int


def _check_file(ctx: Context, file: Path | str) -> _Checked:
    """Everything about the file that needs no transaction: exists, size, type, PDF opens."""
    limit = max_bytes(ctx)
    path, _size = attachments.open_checked(file, limit)
    detected = attachments.detect(attachments.head_of(path), path.name)
    if detected.extension == "pdf":
        attachments.check_pdf(path, path.name)
    return _Checked(path, detected, limit)


def _add(s: Session, ctx: Context, checked: _Checked | None, **values: Any) -> Document:
    """The document row and, with a file, its bytes; duplicates in the file refused."""
    doc = Document(uploaded_by=ctx.actor.id if ctx.actor else None, uploaded_at=utcnow(),
                   **values)
    if checked is not None:
        doc.original_name = checked.path.name[:255]
        doc.mime, doc.extension = checked.detected.mime, checked.detected.extension
    s.add(doc)
    s.flush()
    if checked is not None:
        doc.size, doc.sha256 = _store_content(s, doc, checked.path, checked.limit)
        same_place = (Document.worker_id == doc.worker_id if doc.worker_id is not None
                      else (Document.owner_kind == doc.owner_kind)
                      & (Document.owner_id == doc.owner_id))
        twin = s.execute(
            select(Document.id, Document.original_name, Document.uploaded_at)
            .where(same_place, Document.sha256 == doc.sha256, Document.id != doc.id,
                   Document.deleted_at.is_(None))
            .limit(1)).first()
        if twin is not None:
            where = "nel fascicolo" if doc.worker_id is not None else "tra i suoi documenti"
            raise ValidationError(
                f"«{checked.path.name}» è già {where}: è identico a «{twin[1]}» "
                f"(documento n. {twin[0]}, allegato il {twin[2]:%d/%m/%Y}).", "file")
        s.flush()
    return doc


# --------------------------------------------------------------------------- writes


def attach(ctx: Context, worker_id: int | None, file: Path | str, kind: str, *,
           note: str | None = None, owner_kind: str = DocumentOwner.WORKER,
           owner_id: int | None = None, signed_on: dt.date | None = None) -> DocumentInfo:
    """Attach ``file`` to the worker's file (and to ``owner_kind``/``owner_id`` in it), or,
    with ``worker_id`` None, to a record of no file (``owner_kind``/``owner_id``).

    A document attached to a draft pact revision is its signed scan: the revision is signed
    on ``signed_on`` (default today) in the same transaction.
    """
    permissions.require(ctx.actor, Role.OPERATORE, "allegare un documento")
    _check_kind(kind)
    note = _clean_text(note, NOTE_MAX, "Note", "note")
    checked = _check_file(ctx, file)
    with ctx.write() as s:
        if worker_id is not None and s.get(Worker, worker_id) is None:
            raise NotFound("Fascicolo non trovato.")
        owner = _owner(s, worker_id, owner_kind, owner_id)
        signed = None
        if isinstance(owner, ServicePact):
            kind = DocumentKind.PATTO
            if owner.status == PactStatus.BOZZA:
                info = pacts.sign_in(s, ctx, owner, owner.version, on=signed_on,
                                     how=f" (scansione firmata «{checked.path.name}»)")
                signed = f"revisione {info.revision} firmata il {info.signed_on:%d/%m/%Y}"
        doc = _add(s, ctx, checked, worker_id=worker_id, owner_kind=owner_kind,
                   owner_id=owner.id if owner is not None else None, kind=kind, note=note)
        audit.record(s, "attach_document", entity="document", entity_id=doc.id,
                     worker_id=worker_id,
                     detail=f"{doc.original_name} ({attachments.described(doc.extension)}, "
                            f"{doc.size} byte, sha256 {doc.sha256[:12]}…)")
        return _info(s, doc, signed)


def register_incoming(ctx: Context, *, sender: str, subject: str,
                      channel: str = ProtocolChannel.POSTA, received_on: dt.date | None = None,
                      worker_id: int | None = None, file: Path | str | None = None,
                      kind: str = DocumentKind.ALTRO, note: str | None = None,
                      today: dt.date | None = None) -> DocumentInfo:
    """Protocollo in entrata: the office's next number, with date, sender and subject (and
    the document itself, when there is a file; in the worker's file when one is given)."""
    permissions.require(ctx.actor, Role.OPERATORE, "protocollare un documento in entrata")
    today = today or dt.date.today()
    received_on = received_on or today
    sender = _clean_text(sender, TEXT_MAX, "Mittente", "sender")
    subject = _clean_text(subject, TEXT_MAX, "Oggetto", "subject")
    if not sender:
        raise ValidationError("Mittente: obbligatorio per il protocollo.", "sender")
    if not subject:
        raise ValidationError("Oggetto: obbligatorio per il protocollo.", "subject")
    if channel not in set(ProtocolChannel):
        raise ValidationError(
            f"Canale sconosciuto: «{channel}» (mano, posta, email, pec).", "channel")
    if received_on > today:
        raise ValidationError(f"Data di ricezione: il {received_on:%d/%m/%Y} è nel futuro.",
                              "received_on")
    _check_kind(kind)
    note = _clean_text(note, NOTE_MAX, "Note", "note")
    checked = _check_file(ctx, file) if file is not None else None
    with ctx.write() as s:
        if worker_id is not None and s.get(Worker, worker_id) is None:
            raise NotFound("Fascicolo non trovato.")
        office_id = ctx.actor.office_id  # type: ignore[union-attr]
        if s.get(Office, office_id) is None:
            raise NotFound("Ufficio non trovato.")
        number = next_protocol(s, office_id, today.year)
        doc = _add(s, ctx, checked, worker_id=worker_id, owner_kind=DocumentOwner.WORKER,
                   kind=kind, note=note, office_id=office_id, protocol_year=today.year,
                   protocol_number=number, received_on=received_on, sender=sender,
                   subject=subject, channel=channel)
        audit.record(s, "protocol_in", entity="document", entity_id=doc.id, worker_id=worker_id,
                     detail=f"prot. {number}/{today.year} in entrata da {sender}: {subject}")
        return _info(s, doc)


def delete_document(ctx: Context, document_id: int, reason: str | None = None) -> DocumentInfo:
    """Soft delete (team leaders): hidden from the file, kept until anonymisation."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "eliminare un documento")
    with ctx.write() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound("Documento non trovato.")
        if doc.deleted_at is not None:
            raise ValidationError("Il documento è già eliminato.", "document")
        doc.deleted_at = utcnow()
        doc.deleted_by = ctx.actor.id if ctx.actor else None
        s.flush()
        audit.record(s, "delete_document", entity="document", entity_id=doc.id,
                     worker_id=doc.worker_id,
                     detail=f"{doc.original_name or doc.subject}"
                            + (f": {reason.strip()}" if reason and reason.strip() else ""))
        return _info(s, doc)


def purge_in(s: Session, worker_id: int) -> list[int]:
    """Remove every document of the file, bytes included (anonymisation); their ids. Protocol
    entries stay in the register without their personal content: number, date, channel."""
    ids = list(s.scalars(select(Document.id).where(Document.worker_id == worker_id)))
    if not ids:
        return []
    s.execute(delete(DocumentChunk).where(DocumentChunk.document_id.in_(ids)))
    protocolled = Document.protocol_number.is_not(None)
    s.execute(Document.__table__.update()
              .where(Document.id.in_(ids), protocolled)
              .values(worker_id=None, original_name=None, note=None, sender="(anonimizzato)",
                      subject="(anonimizzato)", size=None, sha256=None, mime=None,
                      extension=None, version=Document.version + 1))
    s.execute(delete(Document).where(Document.id.in_(ids), ~protocolled))
    return ids


def copy_name(doc: Document) -> str:
    """The name of a document's copy in an access request's folder."""
    stem = Path(doc.original_name or "documento").stem[:80] or "documento"
    return f"{doc.id:05d}-{stem}.{doc.extension or 'bin'}"


def write_all(s: Session, worker_id: int, folder: Path) -> list[Path]:
    """Every document of the file with bytes (deleted ones too: still held) into ``folder``,
    a piece at a time (the access request)."""
    written = []
    docs = list(s.scalars(select(Document).where(Document.worker_id == worker_id,
                                                 Document.size.is_not(None))
                          .order_by(Document.id)))
    if docs:
        folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        target = folder / copy_name(doc)
        with replaced_atomically(target) as tmp, open(tmp, "wb") as f:
            for piece in _pieces(s, doc.id):
                f.write(piece)
        written.append(target)
    return written


# --------------------------------------------------------------------------- read side


def list_documents(ctx: Context, worker_id: int | None, *, kind: str | None = None,
                   owner_kind: str | None = None, owner_id: int | None = None,
                   include_deleted: bool = False) -> list[DocumentInfo]:
    """The file's documents, newest first (``kind`` and owner filter them); with
    ``worker_id`` None, those of a record of no file (``owner_kind``/``owner_id``)."""
    stmt = select(Document).where(Document.worker_id.is_(None) if worker_id is None
                                  else Document.worker_id == worker_id)
    if kind:
        stmt = stmt.where(Document.kind == kind)
    if owner_kind:
        stmt = stmt.where(Document.owner_kind == owner_kind)
        if owner_id is not None:
            stmt = stmt.where(Document.owner_id == owner_id)
    if not include_deleted:
        stmt = stmt.where(Document.deleted_at.is_(None))
    if worker_id is None and owner_id is None:
        raise ValidationError("Indicare il fascicolo o ciò a cui sono allegati i documenti.",
                              "owner")
    with ctx.read() as s:
        if worker_id is not None and s.get(Worker, worker_id) is None:
            raise NotFound("Fascicolo non trovato.")
        docs = list(s.scalars(stmt.order_by(Document.uploaded_at.desc(), Document.id.desc())))
        return [_info(s, d) for d in docs]


@dataclass(frozen=True)
class OwnerChoice:
    owner_kind: str
    owner_id: int | None
    label: str


def owner_choices(ctx: Context, worker_id: int) -> list[OwnerChoice]:
    """What a document of this file can belong to: the file itself, then its pact
    revisions, pathways, vouchers, business projects and appointments."""
    found = [OwnerChoice(DocumentOwner.WORKER, None, "Fascicolo")]
    with ctx.read() as s:
        for p in s.scalars(select(ServicePact).where(ServicePact.worker_id == worker_id)
                           .order_by(ServicePact.revision.desc())):
            what = ("bozza da firmare" if p.status == PactStatus.BOZZA
                    else f"firmato il {p.signed_on:%d/%m/%Y}" if p.signed_on else p.status)
            found.append(OwnerChoice(DocumentOwner.PACT, p.id,
                                     f"Patto di servizio, revisione {p.revision} ({what})"))
        for p in s.scalars(select(Pathway).where(Pathway.worker_id == worker_id)
                           .order_by(Pathway.id.desc())):
            since = f", dal {p.start_on:%d/%m/%Y}" if p.start_on else ""
            found.append(OwnerChoice(DocumentOwner.PATHWAY, p.id,
                                     f"Percorso {pathway_kind_label(p.kind)}{since}"))
        for v in s.scalars(select(Voucher).where(Voucher.worker_id == worker_id)
                           .order_by(Voucher.id.desc())):
            found.append(OwnerChoice(DocumentOwner.VOUCHER, v.id,
                                     f"Voucher {v.code or v.id} ({v.status})"))
        for b in s.scalars(select(BusinessProject).where(BusinessProject.worker_id == worker_id)
                           .order_by(BusinessProject.id.desc())):
            found.append(OwnerChoice(DocumentOwner.BUSINESS, b.id, f"Progetto «{b.title}»"))
        for a in s.scalars(select(Appointment).where(Appointment.worker_id == worker_id)
                           .order_by(Appointment.starts_at.desc()).limit(20)):
            found.append(OwnerChoice(DocumentOwner.APPOINTMENT, a.id,
                                     f"Appuntamento del {a.starts_at:%d/%m/%Y %H:%M}"))
    return found


def get(ctx: Context, document_id: int) -> DocumentInfo:
    with ctx.read() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound("Documento non trovato.")
        return _info(s, doc)


_PURPOSES = {"view": ("view_document", "visualizzato"), "save": ("save_document", "copia salvata"),
             "print": ("print_document", "stampato"), "open": ("view_document",
                                                               "aperto con il visualizzatore")}


def _pieces(s: Session, document_id: int) -> Iterator[bytes]:
    seq = 0
    while True:
        piece = s.scalar(select(DocumentChunk.data).where(DocumentChunk.document_id == document_id,
                                                          DocumentChunk.seq == seq))
        if piece is None:
            return
        yield piece
        seq += 1


def _readable(s: Session, ctx: Context, document_id: int, purpose: str) -> Document:
    permissions.require(ctx.actor, Role.OPERATORE, "consultare un documento")
    doc = s.get(Document, document_id)
    if doc is None:
        raise NotFound("Documento non trovato.")
    if doc.deleted_at is not None:
        raise ValidationError("Il documento è stato eliminato.", "document")
    if not doc.size:
        raise ValidationError("Questa registrazione di protocollo non ha un file allegato.",
                              "document")
    action, what = _PURPOSES[purpose]
    audit.record(s, action, entity="document", entity_id=doc.id, worker_id=doc.worker_id,
                 detail=f"{doc.original_name}: {what}")
    return doc


def save_copy(ctx: Context, document_id: int, out: Path | str, *,
              purpose: str = "save") -> Path:
    """The document's bytes to ``out``, a piece at a time, checked against its SHA-256
    (written under a temporary name and renamed: never half a file). Audited."""
    out = Path(out)
    if out.is_dir():
        raise ValidationError(f"«{out}» è una cartella: indicare il nome del file.", "out")
    with ctx.write() as s:
        doc = _readable(s, ctx, document_id, purpose)
        digest = hashlib.sha256()
        try:
            with replaced_atomically(out) as tmp, open(tmp, "wb") as f:
                for piece in _pieces(s, doc.id):
                    digest.update(piece)
                    f.write(piece)
                f.flush()
                if digest.hexdigest() != doc.sha256:
                    raise ValidationError(
                        f"Il documento n. {doc.id} non corrisponde alla sua impronta SHA-256: "
                        "è danneggiato nel database.", "document")
        except OSError as exc:
            raise ValidationError(f"«{out}»: non si riesce a scrivere ({exc.strerror}).",
                                  "out") from None
    return out


def content(ctx: Context, document_id: int, *, purpose: str = "view") -> bytes:
    """The whole document, for a preview (off the UI thread). Audited."""
    with ctx.write() as s:
        doc = _readable(s, ctx, document_id, purpose)
        data = b"".join(_pieces(s, doc.id))
    if hashlib.sha256(data).hexdigest() != doc.sha256:
        raise ValidationError(
            f"Il documento n. {document_id} non corrisponde alla sua impronta SHA-256: è "
            "danneggiato nel database.", "document")
    return data


def verify_hashes(s: Session) -> list[str]:
    """Documents whose stored pieces do not match their SHA-256 (empty: all good)."""
    bad = []
    for doc_id, name, sha in s.execute(select(Document.id, Document.original_name,
                                              Document.sha256)
                                       .where(Document.sha256.is_not(None))):
        digest = hashlib.sha256()
        for piece in _pieces(s, doc_id):
            digest.update(piece)
        if digest.hexdigest() != sha:
            bad.append(f"documento n. {doc_id} ({name})")
    return bad


# --------------------------------------------------------------------------- the register


@dataclass(frozen=True)
class RegisterRow:
    protocol: str
    number: int
    year: int
    direction: str  # "entrata" | "uscita"
    on: dt.date
    correspondent: str  # sender (in) or recipient (out)
    subject: str
    channel: str
    worker: str
    codice_fiscale: str


def _local(stamp: dt.datetime) -> dt.date:
    return stamp.replace(tzinfo=dt.UTC).astimezone().date()


def register(ctx: Context, *, since: dt.date | None = None,
             until: dt.date | None = None) -> list[RegisterRow]:
    """The protocol register of the actor's office, both directions, by number."""
    permissions.require(ctx.actor, Role.OPERATORE, "consultare il protocollo")
    office_id = ctx.actor.office_id  # type: ignore[union-attr]
    if since and until and until < since:
        raise ValidationError("Il periodo finisce prima di cominciare.", "until")
    rows: list[RegisterRow] = []
    with ctx.read() as s:
        incoming = (select(Document, Worker.surname, Worker.name, Worker.codice_fiscale)
                    .outerjoin(Worker, Worker.id == Document.worker_id)
                    .where(Document.office_id == office_id,
                           Document.protocol_number.is_not(None)))
        outgoing = (select(Letter, Worker.surname, Worker.name, Worker.codice_fiscale)
                    .outerjoin(Worker, Worker.id == Letter.worker_id)
                    .where(Letter.office_id == office_id))
        if since:  # a day's margin on the UTC stamps; the local day is checked below
            incoming = incoming.where(Document.received_on >= since)
            outgoing = outgoing.where(Letter.issued_at >= dt.datetime.combine(
                since - dt.timedelta(days=1), dt.time.min))
        if until:
            incoming = incoming.where(Document.received_on <= until)
            outgoing = outgoing.where(Letter.issued_at < dt.datetime.combine(
                until + dt.timedelta(days=2), dt.time.min))
        for d, surname, name, cf in s.execute(incoming):
            rows.append(RegisterRow(_protocol(d) or "", d.protocol_number, d.protocol_year,
                                    "entrata", d.received_on, d.sender or "", d.subject or "",
                                    d.channel or "", f"{surname} {name}" if surname else "",
                                    cf or ""))
        for letter, surname, name, cf in s.execute(outgoing):
            on = _local(letter.issued_at)
            if (since and on < since) or (until and on > until):
                continue
            who = f"{surname} {name}" if surname else ""
            rows.append(RegisterRow(f"{letter.protocol_number}/{letter.protocol_year}",
                                    letter.protocol_number, letter.protocol_year, "uscita", on,
                                    who, letter.subject or letter.template, "", who, cf or ""))
    rows.sort(key=lambda r: (r.year, r.number))
    return rows


REGISTER_COLUMNS = (("Protocollo", 12), ("Direzione", 10), ("Data", 12),
                    ("Mittente / destinatario", 32), ("Oggetto", 48), ("Canale", 10),
                    ("Fascicolo", 28), ("Codice fiscale", 18))


def export_register(ctx: Context, out: Path | str, *, since: dt.date | None = None,
                    until: dt.date | None = None) -> int:
    """The register of a period to ``out`` (.xlsx, no formulas); audited. Rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from sportello.core.exchange.xlsx import looks_like_formula, save_atomically, sheet_text

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il file di destinazione deve avere estensione .xlsx.", "out")
    rows = register(ctx, since=since, until=until)
    wb = Workbook()
    ws = wb.active
    ws.title = "Protocollo"
    ws.append([title for title, _w in REGISTER_COLUMNS])
    for i, (_t, width) in enumerate(REGISTER_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        ws.cell(1, i).font = Font(bold=True)
    for r in rows:
        ws.append([r.protocol, r.direction, r.on, r.correspondent, r.subject, r.channel,
                   r.worker, r.codice_fiscale])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.value = sheet_text(cell.value)
                if looks_like_formula(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
            elif isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(REGISTER_COLUMNS))}{len(rows) + 1}"
    try:
        save_atomically(wb, out)
    except OSError as exc:
        raise ValidationError(f"«{out}»: non si riesce a scrivere ({exc.strerror}).",
                              "out") from None
    period = (f"{since:%d/%m/%Y}" if since else "inizio") + " – " + (
        f"{until:%d/%m/%Y}" if until else "oggi")
    with ctx.write() as s:
        audit.record(s, "export", entity="protocol",
                     detail=f"registro di protocollo {period}: {len(rows)} righe in {out.name}")
    return len(rows)


# --------------------------------------------------------------------------- for the lists


def workers_without(kind: str) -> Any:
    """A condition on ``Worker``: no (live) document of ``kind`` in the file."""
    return ~select(Document.id).where(Document.worker_id == Worker.id, Document.kind == kind,
                                      Document.deleted_at.is_(None)).exists()
