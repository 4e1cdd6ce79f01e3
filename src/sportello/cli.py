"""``sportello``: the GUI and every service from the command line.

Exit codes: 0 done, 1 refused (the message says why; nothing was written), 2 usage error.
Messages a clerk reads are in Italian.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse in Italian enough for a clerk; usage errors exit with 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: errore: {message}\n")


def _print_err(message: str) -> None:
    print(message, file=sys.stderr)


def _context(args: argparse.Namespace, *, migrate: bool = True):  # type: ignore[no-untyped-def]
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    ctx = bootstrap(args.db, migrate=migrate)
    if ctx.upgrade and ctx.upgrade.changed:
        before = ctx.upgrade.before or "vuoto"
        note = f" (copia di sicurezza: {ctx.upgrade.backup})" if ctx.upgrade.backup else ""
        _print_err(f"Database aggiornato: schema {before} -> {ctx.upgrade.after}{note}")
    if migrate:
        actor = setup.default_actor(ctx, args.operator)
        if args.operator and actor is None:
            ctx.close()
            from sportello.core.errors import SportelloError

            raise SportelloError(f"Operatore '{args.operator}' inesistente o disattivato.")
        ctx = ctx.acting_as(actor)
    return ctx


# --------------------------------------------------------------------------- commands


def cmd_gui(args: argparse.Namespace) -> int:
    from sportello.gui.app import run

    return run(args.db)


def cmd_init(args: argparse.Namespace) -> int:
    from sportello.core.services import setup

    ctx = _context(args)
    try:
        print(f"Database pronto: {ctx.url}")
        if args.office_code or args.admin:
            if not (args.office_code and args.office_name and args.admin and args.admin_name):
                _print_err(
                    "Per configurare l'ufficio servono --office-code, --office-name, --admin e "
                    "--admin-name."
                )
                return EXIT_USAGE
            password = os.environ.get("SPORTELLO_ADMIN_PASSWORD")
            if password is None:
                if not sys.stdin.isatty():
                    _print_err("Password mancante: impostare SPORTELLO_ADMIN_PASSWORD.")
                    return EXIT_REFUSED
                password = getpass.getpass("Password dell'amministratore: ")
            actor = setup.initialise(
                ctx,
                setup.OfficeData(code=args.office_code, name=args.office_name),
                setup.AdminData(username=args.admin, full_name=args.admin_name, password=password),
            )
            print(f"Ufficio {args.office_code} configurato; amministratore: {actor.username}")
        elif not setup.is_initialised(ctx):
            print("Ufficio non ancora configurato: lo chiederà il programma al primo avvio.")
        return EXIT_OK
    finally:
        ctx.close()


def cmd_demo(args: argparse.Namespace) -> int:
    from sportello.core.services import demo

    if args.workers < 1:
        _print_err("--workers deve essere almeno 1.")
        return EXIT_USAGE
    ctx = _context(args)
    try:
        last = [-1]

        def progress(done: int, total: int) -> bool:
            pct = done * 100 // max(total, 1)
            if pct != last[0] and (pct % 10 == 0 or done == total):
                last[0] = pct
                _print_err(f"  {done}/{total} lavoratori ({pct}%)")
            return True

        summary = demo.generate(ctx, workers=args.workers, seed=args.seed, progress=progress)
        for line in summary.lines():
            print(line)
        return EXIT_OK
    finally:
        ctx.close()


def cmd_check(args: argparse.Namespace) -> int:
    from sportello.core.services import maintenance

    ctx = _context(args, migrate=False)
    try:
        report = maintenance.check(ctx)
        for item in report.items:
            mark = "OK " if item.ok else "KO "
            print(f"{mark} {item.name}: {item.detail}")
        print("Database integro." if report.ok else "Database NON integro.")
        return EXIT_OK if report.ok else EXIT_REFUSED
    finally:
        ctx.close()


def cmd_export(args: argparse.Namespace) -> int:
    from sportello.core.exchange import export

    ctx = _context(args)
    try:
        result = export.export(ctx, args.kind, args.out, vertenza=args.vertenza)
        print(f"Esportate {result.rows} righe ({args.kind}) in {result.path}")
        return EXIT_OK
    finally:
        ctx.close()


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sportello",
        description="Sportello: fascicoli dei lavoratori per il Centro per l'Impiego e lo "
        "Sportello Unico. Senza comando apre la finestra del programma.",
    )
    parser.add_argument(
        "--db",
        metavar="PERCORSO_O_URL",
        help="file SQLite o URL SQLAlchemy (es. postgresql://utente@server/sportello); "
        "predefinito: $SPORTELLO_DB o il file nella cartella dati dell'utente",
    )
    parser.add_argument(
        "--operator", metavar="UTENTE",
        help="operatore per conto del quale agire (predefinito: il primo amministratore)",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_Parser)

    p = sub.add_parser("gui", help="apre la finestra del programma (predefinito)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("init", help="crea o aggiorna il database")
    p.add_argument("--office-code", help="codice dell'ufficio (es. CPI-AT)")
    p.add_argument("--office-name", help="nome dell'ufficio")
    p.add_argument("--admin", help="nome utente del primo amministratore")
    p.add_argument("--admin-name", help="nome e cognome del primo amministratore")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="riempie un database vuoto con dati fittizi realistici")
    p.add_argument("--workers", type=int, default=300, help="numero di lavoratori (predefinito 300)")
    p.add_argument("--seed", type=int, default=2026, help="seme casuale (stessi dati a parità di seme)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("export", help="esporta un foglio Excel (.xlsx)")
    p.add_argument("kind", choices=["workers", "pathways", "vouchers", "funds", "courses",
                                    "appointments", "placements", "businesses"],
                   metavar="TIPO", help="workers, pathways, vouchers, funds, courses, appointments, "
                   "placements o businesses")
    p.add_argument("out", metavar="FILE.xlsx", help="file da scrivere")
    p.add_argument("--vertenza", metavar="V", help="solo i lavoratori di questa vertenza (codice)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="verifica l'integrità del database")
    p.set_defaults(func=cmd_check)
    return parser


def _version() -> str:
    from sportello import __version__

    return f"sportello {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_gui)
    from sportello.core.errors import SportelloError

    try:
        return func(args)
    except SportelloError as exc:
        _print_err(f"Errore: {exc}")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        _print_err("Interrotto.")
        return EXIT_REFUSED
    except Exception as exc:  # a database that cannot be opened, a broken file...
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            _print_err(f"Errore del database: {_database_error(exc)}")
            return EXIT_REFUSED
        raise


# What SQLite and PostgreSQL say, in words a clerk can act on.
_DATABASE_ERRORS = (
    ("file is not a database", "il file indicato non è un database di Sportello (né un "
     "database SQLite)"),
    ("malformed", "il database è danneggiato: eseguire 'sportello check' e ripristinare "
     "l'ultima copia di sicurezza"),
    ("database is locked", "il database è occupato da un altro programma: riprovare tra poco"),
    ("unable to open database file", "impossibile aprire il file del database (percorso o "
     "permessi)"),
    ("readonly database", "il database è in sola lettura"),
    ("disk is full", "disco pieno"),
    ("connection refused", "il server del database non risponde"),
    ("password authentication failed", "utente o password del database errati"),
)


def _database_error(exc: BaseException) -> str:
    original = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    for needle, italian in _DATABASE_ERRORS:
        if needle in original.lower():
            return f"{italian} ({original})."
    return f"operazione non riuscita ({original})."


if __name__ == "__main__":
    sys.exit(main())
