"""The command line for reaching people: delivery of letters, reminders, cohort actions.

``cli.py`` holds the parser lines and calls these bodies. Every command logs in through
``cli._context`` like the others; exit codes and messages follow ``cli``: 0 done, 1 refused
(the message says why and nothing was written), 2 usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sportello.core.context import Context
    from sportello.core.services.letters import BatchResult, IssuedLetter

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


# --------------------------------------------------------------------------- letters


def after_letters(args: argparse.Namespace, letters: list[IssuedLetter],
                  batch: BatchResult | None = None) -> None:
    """Print how the letters go, write their .eml drafts (``--eml-dir``)."""
    from sportello.core.services import letters as service

    by_email = [x for x in letters if x.email_to]
    if batch is not None and len(letters) > 1:
        print(f"Consegna: {batch.channel_summary}")
    elif letters and getattr(args, "delivery", None):
        print(f"Consegna: {letters[0].delivery}")
    if by_email:
        folder = getattr(args, "eml_dir", None)
        if folder:
            files = service.write_eml(by_email, folder)
            print(f"{len(files)} bozze e-mail (.eml, lettera allegata) in {folder}: inviarle dal "
                  "programma di posta dell'ufficio, poi 'sportello sent PROTOCOLLO…'")
        else:
            print(f"{len(by_email)} lettere da inviare per e-mail/PEC: indicare --eml-dir per "
                  "scriverne le bozze")


def write_labels(ctx: Context, args: argparse.Namespace, batch: BatchResult) -> None:
    from sportello.core import paths
    from sportello.core.services import letters as service

    if not getattr(args, "labels", None):
        return
    posted = [x.worker_id for x in batch.letters if x.delivery == "posta"]
    if not posted:
        print("Nessuna lettera per posta: nessuna etichetta.")
        return
    pdf = service.address_labels(ctx, posted, args.label_format)
    paths.write_atomically(paths.output_file(args.labels), pdf)
    print(f"{len(posted)} etichette ({args.label_format}) in {args.labels}")


def cmd_sent(args: argparse.Namespace, context: Callable[..., Context]) -> int:
    from sportello.core.services import letters

    with context(args) as ctx:
        ids = [letters.find_by_protocol(ctx, p) for p in args.protocol]
        changed = letters.mark_sent(ctx, ids)
        print(f"Segnate come inviate: {changed} lettere ({len(ids) - changed} lo erano già).")
        return EXIT_OK


# --------------------------------------------------------------------------- reminders


def cmd_reminders(args: argparse.Namespace, context: Callable[..., Context]) -> int:
    from sportello.core.services import reminders

    if not (args.sheet or args.eml_dir or args.sms or args.mark):
        print("Indicare almeno uno tra --sheet, --eml-dir, --sms e --mark.")
        return EXIT_USAGE
    with context(args) as ctx:
        rows = reminders.for_day(ctx, args.day)
        day = args.day or (dt.date.today() + dt.timedelta(days=1))
        print(f"{len(rows)} appuntamenti il {day:%d/%m/%Y}")
        if args.sheet:
            print(f"Foglio delle chiamate: {reminders.call_sheet(ctx, args.sheet, args.day)}")
        if args.eml_dir:
            files = reminders.eml_reminders(ctx, args.eml_dir, args.day)
            print(f"{len(files)} promemoria e-mail (.eml) in {args.eml_dir}")
        if args.sms:
            path, written, skipped = reminders.sms_csv(ctx, args.sms, args.day)
            print(f"{written} SMS in {path} ({skipped} senza un cellulare valido)")
        if args.mark:
            changed = reminders.mark_reminded(ctx, [r.appointment_id for r in rows])
            print(f"Segnati come avvisati: {changed} appuntamenti")
        return EXIT_OK


# --------------------------------------------------------------------------- cohort


def _cohort_ids(ctx: Context, args: argparse.Namespace) -> list[int]:
    from sportello.core.errors import NotFound, ValidationError
    from sportello.core.services import letters, workers

    if args.cf:
        ids = []
        for code in args.cf:
            found = workers.find_by_cf(ctx, code)
            if found is None:
                raise NotFound(f"Nessun fascicolo con codice fiscale {code.strip().upper()}: "
                               "nessuna modifica fatta.")
            ids.append(found)
        return ids
    if not (args.vertenza or args.status):
        raise ValidationError("Indicare il gruppo: --vertenza, --status o uno o più --cf.")
    return letters.select_workers(ctx, vertenza=args.vertenza, status=args.status)


def cmd_cohort(args: argparse.Namespace, context: Callable[..., Context],
               operator_ids: Callable[[Context, list[str]], list[int]]) -> int:
    from sportello.core import paths
    from sportello.core.services import cohort, export, letters

    with context(args) as ctx:
        ids = _cohort_ids(ctx, args)
        if not ids:
            print("Nessun fascicolo corrisponde alla selezione: nessuna modifica.")
            return EXIT_OK
        action = args.action
        if action == "reassign":
            result = cohort.reassign(ctx, ids, operator_ids(ctx, [args.to])[0])
        elif action in ("cigs-end", "naspi-end"):
            result = cohort.set_benefit_end(ctx, ids, action.split("-")[0], args.on)
        elif action == "pathway":
            result = cohort.start_pathway(ctx, ids, args.kind, start_on=args.start)
        elif action == "close":
            result = cohort.close_files(ctx, ids, args.outcome, on=args.on)
        elif action == "letter":
            cohort.require_leader(ctx, "stampare una lettera per un gruppo di fascicoli")
            batch = letters.issue_batch(ctx, args.template, ids, delivery=args.delivery)
            out = Path(args.out)
            paths.write_atomically(paths.output_file(out), batch.pdf or b"")
            print(f"{len(batch.letters)} lettere, prot. {batch.first_protocol} – "
                  f"{batch.last_protocol}, in {out}")
            after_letters(args, batch.letters, batch)
            return EXIT_OK
        else:  # export
            cohort.require_leader(ctx, "esportare un gruppo di fascicoli")
            done = export.export(ctx, "workers", args.out, worker_ids=ids)
            print(f"{done.rows} fascicoli esportati in {done.path}")
            return EXIT_OK
        print(f"{result.detail}: {result.changed} fascicoli modificati su {result.files}.")
        return EXIT_OK


def cmd_caseload(args: argparse.Namespace, context: Callable[..., Context]) -> int:
    from sportello.core.services import cohort

    with context(args) as ctx:
        rows = cohort.caseload(ctx)
    print(f"{'operatore':30} {'fascicoli aperti':>16} {'appuntamenti settimana':>22} "
          f"{'scaduti':>8}")
    for r in rows:
        print(f"{r.operator_name[:30]:30} {r.open_files:>16} {r.appointments_this_week:>22} "
              f"{r.overdue:>8}")
    return EXIT_OK


# --------------------------------------------------------------------------- parsers


def add_delivery_options(p: argparse.ArgumentParser, *, batch: bool) -> None:
    choices = ["posta", "mano", "email", "pec", "auto"]
    p.add_argument("--delivery", choices=choices, metavar="CANALE",
                   help="consegna: posta, mano, email, pec" + (
                       " o auto (posta se l'indirizzo è completo, altrimenti e-mail, altrimenti "
                       "a mano)" if batch else " o auto") + "; predefinita quella del modello")
    p.add_argument("--eml-dir", metavar="CARTELLA",
                   help="scrive qui le bozze .eml delle lettere per e-mail/PEC")
    if batch:
        p.add_argument("--labels", metavar="FILE.pdf",
                       help="etichette con l'indirizzo delle lettere per posta")
        p.add_argument("--label-format", choices=["3x8", "3x7", "2x7"], default="3x8",
                       help="foglio di etichette A4: 3x8 (70x37 mm), 3x7 (70x42,3 mm), "
                            "2x7 (99,1x38,1 mm)")


def add_parsers(sub, handlers: dict[str, Callable[[argparse.Namespace], int]],  # type: ignore[no-untyped-def]
                date_arg: Callable[[str], dt.date]) -> None:
    p = sub.add_parser("sent", help="segna come inviate le lettere per e-mail/PEC")
    p.add_argument("protocol", nargs="+", metavar="NUMERO/ANNO", help="protocollo, es. 12/2026")
    p.set_defaults(func=handlers["sent"])

    p = sub.add_parser("reminders", help="promemoria degli appuntamenti di domani: foglio "
                       "delle chiamate, e-mail, SMS")
    p.add_argument("--day", type=date_arg, metavar="AAAA-MM-GG",
                   help="giorno degli appuntamenti (predefinito: domani)")
    p.add_argument("--sheet", metavar="FILE.pdf|FILE.xlsx", help="foglio delle chiamate")
    p.add_argument("--eml-dir", metavar="CARTELLA", help="un promemoria .eml per persona")
    p.add_argument("--sms", metavar="FILE.csv", help="elenco per il gateway SMS (numero,messaggio)")
    p.add_argument("--mark", action="store_true", help="segna gli appuntamenti come avvisati")
    p.set_defaults(func=handlers["reminders"])

    p = sub.add_parser("cohort", help="azioni su un gruppo di fascicoli, tutto o niente "
                       "(responsabili)")
    actions = p.add_subparsers(dest="action", metavar="AZIONE", required=True)

    def selection(q) -> None:  # type: ignore[no-untyped-def]
        q.add_argument("--vertenza", metavar="V", help="i lavoratori di questa vertenza (codice)")
        q.add_argument("--status", choices=["aperto", "sospeso", "chiuso"], metavar="STATO")
        q.add_argument("--cf", action="append", metavar="CF", help="un fascicolo (ripetibile)")
        q.set_defaults(func=handlers["cohort"])

    q = actions.add_parser("reassign", help="assegna i fascicoli a un operatore")
    q.add_argument("--to", required=True, metavar="UTENTE")
    selection(q)
    for name, label in (("cigs-end", "CIGS"), ("naspi-end", "NASpI")):
        q = actions.add_parser(name, help=f"fissa la fine della {label}")
        q.add_argument("--on", required=True, type=date_arg, metavar="AAAA-MM-GG")
        selection(q)
    q = actions.add_parser("pathway", help="avvia un percorso")
    q.add_argument("--kind", required=True, metavar="PERCORSO",
                   help="gol1, gol2, gol3, gol4, gol5, autoimpiego")
    q.add_argument("--start", type=date_arg, metavar="AAAA-MM-GG")
    selection(q)
    q = actions.add_parser("close", help="chiude i fascicoli con un esito")
    q.add_argument("--outcome", required=True, metavar="ESITO")
    q.add_argument("--on", type=date_arg, metavar="AAAA-MM-GG")
    selection(q)
    q = actions.add_parser("letter", help="una lettera protocollata per ogni fascicolo")
    q.add_argument("template", metavar="MODELLO")
    q.add_argument("--out", required=True, metavar="FILE.pdf")
    add_delivery_options(q, batch=False)
    selection(q)
    q = actions.add_parser("export", help="esporta i fascicoli in Excel")
    q.add_argument("out", metavar="FILE.xlsx")
    selection(q)

    p = sub.add_parser("caseload", help="carico di lavoro di ogni operatore")
    p.set_defaults(func=handlers["caseload"])
