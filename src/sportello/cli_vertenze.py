"""``sportello vertenze`` and ``sportello vertenza …``: the vertenze from the command line.

``vertenze`` lists them with their figures; ``vertenza show CODE`` prints one with its
sites, parties, tavolo meetings and cohort exits; ``vertenza new|set|site|party|meeting|exit``
edit (team leaders and up: the service refuses an operator). ``cli`` builds the context
(login included) and hands it here with the parsed arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sportello.core.codes import (
    COHORT_EXITS,
    PARTY_KINDS,
    SAFETY_NETS,
    CohortExit,
    PartyKind,
    SafetyNet,
    code_label,
)
from sportello.core.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from sportello.core.context import Context

EXIT_OK = 0


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "-"


def list_vertenze(ctx: Context, _args: argparse.Namespace) -> int:
    from sportello.core.services import vertenze

    rows = vertenze.list_vertenze(ctx)
    if not rows:
        print("Nessuna vertenza.")
        return EXIT_OK
    header = ("codice", "titolo", "stato", "lavoratori", "aperti", "usciti", "da ricollocare",
              "ultimo tavolo", "prossimo")
    table = [header] + [
        (r.code, r.title, r.status, str(r.workers), str(r.open_files), str(r.exits),
         str(r.to_place), _day(r.last_meeting), _day(r.next_meeting)) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    numeric = {3, 4, 5, 6}
    for row in table:
        print("  ".join(cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
                        for i, cell in enumerate(row)).rstrip())
    return EXIT_OK


def _show(ctx: Context, vertenza_id: int) -> None:
    from sportello.core.services import vertenze

    d = vertenze.get_vertenza(ctx, vertenza_id)
    figures = vertenze.figures(ctx, vertenza_id)
    print(f"{d.code} – {d.title} ({d.status})")
    company = d.company_name
    ids = [f"CF {d.company_cf}" if d.company_cf else "", f"P.IVA {d.company_piva}"
           if d.company_piva else ""]
    if any(ids):
        company += " (" + ", ".join(i for i in ids if i) + ")"
    print(f"Azienda: {company}")
    if d.region:
        print(f"Regione: {d.region}")
    print(f"Apertura: {_day(d.opened_on)}; accordo firmato: {_day(d.agreement_on)}; "
          f"chiusura: {_day(d.closed_on)}")
    net = code_label(SAFETY_NETS, d.safety_net) or "non indicato"
    cigs = f", CIGS dal {_day(d.cigs_from)} al {_day(d.cigs_to)}" if d.cigs_from or d.cigs_to else ""
    print(f"Ammortizzatore: {net}{cigs}")
    expected = f" (previsti {d.workers_expected})" if d.workers_expected is not None else ""
    print(f"Lavoratori: {figures.workers}{expected}; fascicoli aperti {figures.open_files}; "
          f"usciti dalla coorte {figures.exits}; da ricollocare {figures.to_place}")
    if d.notes:
        print(f"Note: {d.notes}")
    print(f"Sedi ({len(d.sites)}):")
    for s in d.sites:
        where = f"{s.comune} ({s.provincia})" if s.provincia else s.comune
        address = f", {s.address}" if s.address else ""
        count = f": {s.workers_count} lavoratori" if s.workers_count is not None else ""
        print(f"  {where}{address}{count}")
    print(f"Parti al tavolo ({len(d.parties)}):")
    for p in d.parties:
        contact = f" – {p.contact}" if p.contact else ""
        print(f"  {code_label(PARTY_KINDS, p.kind)}: {p.name}{contact}")
    print(f"Incontri del tavolo ({len(d.meetings)}):")
    for m in d.meetings:
        where = "online" if m.online and not m.place else (
            f"{m.place} e online" if m.online else m.place or "")
        nxt = f"; prossimo: {_day(m.next_meeting_on)}" if m.next_meeting_on else ""
        print(f"  {_day(m.held_on)}, {where}{nxt}")
        if m.attendees:
            print(f"    Presenti: {'; '.join(m.attendees.splitlines())}")
        for label, text in (("Decisioni", m.decisions),
                            ("Verbale", m.minutes), ("Documenti", m.documents)):
            if text:
                body = text.replace("\n", "\n      ")
                print(f"    {label}: {body}")
    exits = Counter(c.cohort_exit for c in vertenze.cohort(ctx, vertenza_id) if c.cohort_exit)
    if exits:
        print("Uscite dalla coorte:")
        for code in CohortExit:
            if exits[code]:
                print(f"  {COHORT_EXITS[code]}: {exits[code]}")


def _vertenza_values(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option, key in (("title", "title"), ("company", "company_name"), ("cf", "company_cf"),
                        ("piva", "company_piva"), ("region", "region"),
                        ("safety_net", "safety_net"), ("opened", "opened_on"),
                        ("agreement", "agreement_on"), ("cigs_from", "cigs_from"),
                        ("cigs_to", "cigs_to"), ("closed", "closed_on"),
                        ("expected", "workers_expected"), ("notes", "notes")):
        value = getattr(args, option, None)
        if value is not None:
            values[key] = value
    if getattr(args, "reopen", False):
        values["closed_on"] = None
    return values


def _text_file(path: str | None, what: str) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Impossibile leggere il file {what} {path}: {exc}") from None


def _worker(ctx: Context, code: str) -> int:
    from sportello.core.services import workers

    found = workers.find_by_cf(ctx, code)
    if found is None:
        raise NotFound(f"Nessun fascicolo con codice fiscale {code.strip().upper()}.")
    return found


def vertenza(ctx: Context, args: argparse.Namespace) -> int:
    from sportello.core.services import vertenze

    action = args.vertenza_command
    if action == "exit":
        worker_id = _worker(ctx, args.worker)
        if args.clear:
            vertenze.set_cohort_exit(ctx, worker_id, None)
            print("Il lavoratore è di nuovo tra quelli da ricollocare.")
        else:
            if args.how is None:
                raise ValidationError("Indicare --how (come è uscito dalla coorte) o --clear.")
            vertenze.set_cohort_exit(ctx, worker_id, args.how, args.on or dt.date.today(),
                                     args.note)
            print(f"Uscita dalla coorte registrata: {COHORT_EXITS[args.how]}, "
                  f"{_day(args.on or dt.date.today())}.")
        return EXIT_OK
    if action == "new":
        values = _vertenza_values(args)
        new_id = vertenze.create_vertenza(ctx, code=args.code, **values)
        _show(ctx, new_id)
        return EXIT_OK
    vid = vertenze.vertenza_id(ctx, args.code)
    if action == "show":
        _show(ctx, vid)
    elif action == "set":
        values = _vertenza_values(args)
        if args.new_code is not None:
            values["code"] = args.new_code
        if not values:
            raise ValidationError("Nessuna modifica indicata (vedere sportello vertenza set -h).")
        vertenze.update_vertenza(ctx, vid, **values)
        _show(ctx, vid)
    elif action == "site":
        vertenze.add_site(ctx, vid, comune=args.comune, provincia=args.provincia,
                          address=args.address, workers_count=args.workers)
        print(f"Sede aggiunta: {args.comune}.")
    elif action == "party":
        vertenze.add_party(ctx, vid, kind=args.kind, name=args.name, contact=args.contact)
        print(f"Parte aggiunta al tavolo: {code_label(PARTY_KINDS, args.kind)} {args.name}.")
    elif action == "meeting":
        vertenze.add_meeting(
            ctx, vid, held_on=args.date, place=args.place, online=args.online,
            attendees=args.attendees, decisions=args.decisions,
            minutes=_text_file(args.minutes_file, "del verbale"), documents=args.documents,
            next_meeting_on=args.next)
        previous = vertenze.previous_meeting(ctx, vid, args.date)
        since = f" (il precedente: {_day(previous)})" if previous else " (il primo)"
        print(f"Incontro del tavolo del {_day(args.date)} registrato{since}.")
    return EXIT_OK


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser],
                date_arg: Callable[[str], dt.date], count_arg: Callable[[str], int],
                list_cmd: Callable[[argparse.Namespace], int],
                vertenza_cmd: Callable[[argparse.Namespace], int]) -> None:
    """The parsers of ``vertenze`` and ``vertenza``; ``cli`` passes its own argument types
    and the two commands (which open the context and call the functions above)."""
    p = sub.add_parser("vertenze", help="elenca le vertenze con i numeri: lavoratori, "
                       "fascicoli aperti, usciti dalla coorte, da ricollocare, tavolo")
    p.set_defaults(func=list_cmd)

    p = sub.add_parser("vertenza", help="una vertenza: mostra, crea, modifica, sedi, parti, "
                       "incontri del tavolo, uscite dalla coorte (le modifiche: responsabili)")
    actions = p.add_subparsers(dest="vertenza_command", metavar="AZIONE", parser_class=parser_class)
    p.set_defaults(func=vertenza_cmd)

    q = actions.add_parser("show", help="dati, sedi, parti, incontri e numeri di una vertenza")
    q.add_argument("code", metavar="CODICE")

    def data_options(q: argparse.ArgumentParser, required: bool) -> None:
        q.add_argument("--title", required=required, metavar="TITOLO")
        q.add_argument("--company", required=required, metavar="AZIENDA",
                       help="ragione sociale dell'azienda")
        q.add_argument("--cf", metavar="CF", help="codice fiscale dell'azienda")
        q.add_argument("--piva", metavar="PIVA", help="partita IVA dell'azienda (11 cifre)")
        q.add_argument("--region", metavar="REGIONE")
        q.add_argument("--safety-net", choices=list(SafetyNet), metavar="AMMORTIZZATORE",
                       help="; ".join(f"{k}: {v}" for k, v in SAFETY_NETS.items()))
        for option, what in (("--opened", "apertura"), ("--agreement", "accordo firmato"),
                             ("--cigs-from", "inizio della CIGS"), ("--cigs-to", "fine della CIGS"),
                             ("--closed", "chiusura della vertenza")):
            q.add_argument(option, type=date_arg, metavar="AAAA-MM-GG", help=what)
        q.add_argument("--expected", type=count_arg, metavar="N", help="lavoratori previsti")
        q.add_argument("--notes", metavar="TESTO")

    q = actions.add_parser("new", help="crea una vertenza")
    q.add_argument("code", metavar="CODICE")
    data_options(q, required=True)
    q = actions.add_parser("set", help="modifica i dati di una vertenza")
    q.add_argument("code", metavar="CODICE")
    q.add_argument("--code", dest="new_code", metavar="NUOVO_CODICE")
    data_options(q, required=False)
    q.add_argument("--reopen", action="store_true", help="toglie la data di chiusura")

    q = actions.add_parser("site", help="aggiunge una sede")
    q.add_argument("code", metavar="CODICE")
    q.add_argument("--comune", required=True)
    q.add_argument("--provincia", metavar="SIGLA")
    q.add_argument("--address", metavar="INDIRIZZO")
    q.add_argument("--workers", type=count_arg, metavar="N", help="lavoratori della sede")

    q = actions.add_parser("party", help="aggiunge una parte al tavolo")
    q.add_argument("code", metavar="CODICE")
    q.add_argument("--kind", required=True, choices=list(PartyKind), metavar="TIPO",
                   help=", ".join(PartyKind))
    q.add_argument("--name", required=True, metavar="NOME")
    q.add_argument("--contact", metavar="RECAPITO")

    q = actions.add_parser("meeting", help="registra un incontro del tavolo")
    q.add_argument("code", metavar="CODICE")
    q.add_argument("--date", required=True, type=date_arg, metavar="AAAA-MM-GG")
    q.add_argument("--place", metavar="LUOGO")
    q.add_argument("--online", action="store_true", help="incontro online")
    q.add_argument("--attendees", metavar="TESTO", help="chi era presente")
    q.add_argument("--decisions", metavar="TESTO", help="le decisioni prese")
    q.add_argument("--minutes-file", metavar="FILE.txt", help="il verbale, da un file UTF-8")
    q.add_argument("--documents", metavar="TESTO", help="documenti prodotti per l'incontro")
    q.add_argument("--next", type=date_arg, metavar="AAAA-MM-GG", help="prossimo incontro")

    q = actions.add_parser("exit", help="registra come un lavoratore è uscito dalla coorte "
                           "da ricollocare")
    q.add_argument("--worker", required=True, metavar="CF")
    q.add_argument("--how", choices=list(CohortExit), metavar="USCITA",
                   help="; ".join(f"{k}: {v}" for k, v in COHORT_EXITS.items()))
    q.add_argument("--on", type=date_arg, metavar="AAAA-MM-GG", help="data (predefinito: oggi)")
    q.add_argument("--note", metavar="TESTO")
    q.add_argument("--clear", action="store_true", help="lo rimette tra quelli da ricollocare")
