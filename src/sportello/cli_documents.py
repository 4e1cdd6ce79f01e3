"""The command line's documents and protocol: ``attach``, ``documents``, ``protocol in|list``.

The bodies take a logged-in ``Context`` from ``cli`` (which owns the login, the exit codes
and the error messages); the parsers are added by ``add_parsers``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sportello.core.context import Context
    from sportello.core.services.documents import DocumentInfo

EXIT_OK = 0
Body = Callable[["Context", argparse.Namespace], int]


def _worker(ctx: Context, code: str) -> int:
    from sportello.core.errors import NotFound
    from sportello.core.services import workers

    worker_id = workers.find_by_cf(ctx, code)
    if worker_id is None:
        raise NotFound(f"Nessun fascicolo con codice fiscale {code.strip().upper()}.")
    return worker_id


def _size(n: int | None) -> str:
    if not n:
        return "-"
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} kB"
    return f"{n / 1_048_576:.1f} MB".replace(".", ",")


def _line(d: DocumentInfo) -> str:
    from sportello.core.codes import document_kind_label
    from sportello.core.exchange.attachments import described
    from sportello.core.services.documents import OWNER_LABELS

    when = d.uploaded_at.replace(tzinfo=dt.UTC).astimezone()
    parts = [f"n. {d.id}", document_kind_label(d.kind), d.original_name or "(senza file)",
             described(d.extension) if d.extension else "", _size(d.size),
             f"{when:%d/%m/%Y %H:%M}", d.uploaded_by or ""]
    if d.owner_kind != "worker":
        parts.append(f"{OWNER_LABELS.get(d.owner_kind, d.owner_kind)} n. {d.owner_id}")
    if d.protocol:
        parts.append(f"prot. {d.protocol} da {d.sender}")
    if d.deleted_at:
        parts.append("ELIMINATO")
    return " | ".join(p for p in parts if p)


def attach(ctx: Context, args: argparse.Namespace) -> int:
    from sportello.core.errors import NotFound
    from sportello.core.services import documents, pacts

    worker_id = _worker(ctx, args.worker)
    owner_kind, owner_id = "worker", None
    for option, kind in (("pathway", "pathway"), ("voucher", "voucher"),
                         ("business", "business_project"), ("appointment", "appointment")):
        if getattr(args, option) is not None:
            owner_kind, owner_id = kind, getattr(args, option)
    if args.pact is not None:
        found = next((p for p in pacts.revisions(ctx, worker_id) if p.revision == args.pact),
                     None)
        if found is None:
            raise NotFound(f"Il fascicolo non ha la revisione {args.pact} del patto.")
        owner_kind, owner_id = "service_pact", found.id
    info = documents.attach(ctx, worker_id, args.file, args.kind, note=args.note,
                            owner_kind=owner_kind, owner_id=owner_id, signed_on=args.on)
    print(f"Allegato: {_line(info)}")
    if info.signed_pact:
        print(f"Patto di servizio: {info.signed_pact}.")
    return EXIT_OK


def list_documents(ctx: Context, args: argparse.Namespace) -> int:
    from sportello.core.services import documents

    if args.save is not None:
        if not args.out:
            from sportello.core.errors import ValidationError

            raise ValidationError("Con --save indicare --out FILE.", "out")
        info = documents.get(ctx, args.save)
        out = documents.save_copy(ctx, args.save, Path(args.out))
        print(f"Copia di «{info.original_name}» salvata in {out}")
        return EXIT_OK
    if not args.worker:
        from sportello.core.errors import ValidationError

        raise ValidationError("Indicare --worker CF (o --save ID --out FILE).", "worker")
    rows = documents.list_documents(ctx, _worker(ctx, args.worker), kind=args.kind,
                                    include_deleted=args.deleted)
    if not rows:
        print("Nessun documento nel fascicolo.")
    for d in rows:
        print(_line(d))
    return EXIT_OK


def protocol(ctx: Context, args: argparse.Namespace) -> int:
    from sportello.core.services import documents

    if args.protocol_command == "in":
        worker_id = _worker(ctx, args.worker) if args.worker else None
        info = documents.register_incoming(
            ctx, sender=args.sender, subject=args.subject, channel=args.channel,
            received_on=args.received, worker_id=worker_id, file=args.file, kind=args.kind,
            note=args.note)
        print(f"Protocollo in entrata n. {info.protocol} del {info.received_on:%d/%m/%Y}: "
              f"{info.sender} – {info.subject}")
        return EXIT_OK
    if args.out:
        count = documents.export_register(ctx, Path(args.out), since=args.since,
                                          until=args.until)
        print(f"Registro di protocollo: {count} registrazioni in {args.out}")
        return EXIT_OK
    rows = documents.register(ctx, since=args.since, until=args.until)
    if not rows:
        print("Nessuna registrazione di protocollo nel periodo.")
    for r in rows:
        print(f"{r.protocol} | {r.direction} | {r.on:%d/%m/%Y} | {r.correspondent} | {r.subject}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                run: Callable[[Body], Callable[[argparse.Namespace], int]],
                date_arg: Callable[[str], object], id_arg: Callable[[str], int],
                parser_class: type[argparse.ArgumentParser]) -> None:
    """``run(body)`` makes a command of a body (``cli`` logs in and reports errors)."""
    from sportello.core.codes import DocumentKind, ProtocolChannel

    kinds = [k.value for k in DocumentKind]
    p = sub.add_parser("attach", help="allega un documento al fascicolo di un lavoratore")
    p.add_argument("file", metavar="FILE", help="PDF, JPEG, PNG, TIFF, ODT, DOCX o XLSX")
    p.add_argument("--worker", required=True, metavar="CF", help="codice fiscale del lavoratore")
    p.add_argument("--kind", required=True, choices=kinds, metavar="TIPO",
                   help="tipo di documento: " + ", ".join(kinds))
    p.add_argument("--note", metavar="TESTO", help="una nota sul documento")
    owner = p.add_mutually_exclusive_group()
    owner.add_argument("--pact", type=id_arg, metavar="REVISIONE",
                       help="scansione firmata di questa revisione del patto (una bozza diventa "
                       "firmata)")
    owner.add_argument("--pathway", type=id_arg, metavar="ID", help="del percorso (id)")
    owner.add_argument("--voucher", type=id_arg, metavar="ID", help="del voucher (id)")
    owner.add_argument("--business", type=id_arg, metavar="ID",
                       help="del progetto d'impresa (id)")
    owner.add_argument("--appointment", type=id_arg, metavar="ID",
                       help="dell'appuntamento (id)")
    p.add_argument("--on", type=date_arg, metavar="DATA",
                   help="con --pact: data della firma (predefinito: oggi)")
    p.set_defaults(func=run(attach))

    p = sub.add_parser("documents", help="elenca i documenti di un fascicolo o ne salva una copia")
    p.add_argument("--worker", metavar="CF", help="codice fiscale del lavoratore")
    p.add_argument("--kind", choices=kinds, metavar="TIPO", help="solo questo tipo")
    p.add_argument("--deleted", action="store_true", help="anche i documenti eliminati")
    p.add_argument("--save", type=id_arg, metavar="ID", help="salva una copia del documento ID")
    p.add_argument("--out", metavar="FILE", help="con --save: dove salvarla")
    p.set_defaults(func=run(list_documents))

    p = sub.add_parser("protocol", help="protocollo: registra in entrata, esporta il registro")
    actions = p.add_subparsers(dest="protocol_command", metavar="AZIONE", required=True,
                               parser_class=parser_class)
    q = actions.add_parser("in", help="registra un documento ricevuto col prossimo numero")
    q.add_argument("file", nargs="?", metavar="FILE", help="il documento ricevuto (facoltativo)")
    q.add_argument("--from", dest="sender", required=True, metavar="MITTENTE")
    q.add_argument("--subject", required=True, metavar="OGGETTO")
    q.add_argument("--worker", metavar="CF", help="nel fascicolo di questo lavoratore")
    q.add_argument("--channel", choices=[c.value for c in ProtocolChannel], default="posta",
                   help="come è arrivato (predefinito: posta)")
    q.add_argument("--received", type=date_arg, metavar="DATA",
                   help="data di ricezione (predefinito: oggi)")
    q.add_argument("--kind", choices=kinds, default="altro", metavar="TIPO",
                   help="tipo di documento (predefinito: altro)")
    q.add_argument("--note", metavar="TESTO")
    q = actions.add_parser("list", help="il registro di un periodo, in entrata e in uscita")
    q.add_argument("--since", type=date_arg, metavar="DATA", help="dal giorno")
    q.add_argument("--until", type=date_arg, metavar="DATA", help="fino al giorno incluso")
    q.add_argument("--out", metavar="FILE.xlsx", help="scrive il registro in Excel")
    p.set_defaults(func=run(protocol))
