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
from typing import TYPE_CHECKING

from sportello import cli_reach
from sportello.core.paths import write_atomically

if TYPE_CHECKING:
    from sportello.core.context import Context
    from sportello.core.services.pacts import PactForm, PactInfo

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


def _require_database(database: str | None) -> None:
    """Refuse a SQLite path that does not exist: a typo in --db must not make a new database.

    Only ``init``, ``demo`` and the window's first run create one.
    """
    from sportello.core import db
    from sportello.core.errors import SportelloError

    url = db.resolve_url(database)
    path = db.sqlite_file(url)
    if path is not None and not path.exists():
        raise SportelloError(
            f"Il database {path} non esiste. Controllare --db (o SPORTELLO_DB); per crearne "
            f"uno nuovo: sportello --db {path} init")


def _context(args: argparse.Namespace, *, migrate: bool = True,  # type: ignore[no-untyped-def]
             create: bool = False, login: bool = True):
    """The database, upgraded, acting as the operator who logged in (``cli_auth``)."""
    from sportello import cli_auth
    from sportello.core.bootstrap import bootstrap

    if migrate and not create:  # without migrate (check) nothing is created: it reports itself
        _require_database(args.db)
    ctx = bootstrap(args.db, migrate=migrate)
    if ctx.upgrade and ctx.upgrade.changed:
        before = ctx.upgrade.before or "vuoto"
        note = f" (copia di sicurezza: {ctx.upgrade.backup})" if ctx.upgrade.backup else ""
        _print_err(f"Database aggiornato: schema {before} -> {ctx.upgrade.after}{note}")
    if login:
        try:
            ctx = ctx.acting_as(cli_auth.identify(ctx, args.operator))
        except BaseException:
            ctx.close()
            raise
    return ctx


def _logged_in(body: Callable[[Context, argparse.Namespace], int]
               ) -> Callable[[argparse.Namespace], int]:
    """A command whose body runs with the login done (commands kept in other modules)."""
    def command(args: argparse.Namespace) -> int:
        with _context(args) as ctx:
            return body(ctx, args)
    return command


# --------------------------------------------------------------------------- commands


def cmd_login(args: argparse.Namespace) -> int:
    from sportello import cli_auth

    with _context(args, login=False) as ctx:
        opened = cli_auth.login(ctx, args.operator, hours=args.hours)
        print(f"Accesso eseguito come {opened.actor.username} ({opened.actor.full_name}). "
              f"La sessione vale fino alle {opened.expires_local:%H:%M del %d/%m/%Y}; "
              "per chiuderla prima: sportello logout")
        return EXIT_OK


def cmd_logout(args: argparse.Namespace) -> int:
    from sportello import cli_auth

    with _context(args, login=False) as ctx:
        if cli_auth.logout(ctx):
            print("Sessione chiusa.")
        else:
            print("Nessuna sessione aperta per questo database.")
        return EXIT_OK


def cmd_password(args: argparse.Namespace) -> int:
    from sportello import cli_auth

    with _context(args, login=False) as ctx:
        actor = cli_auth.new_password(ctx, args.operator)
        print(f"Password di {actor.username} cambiata. Le sessioni aperte con la vecchia "
              "password sono chiuse.")
        return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # while Qt and the program load: gui.app.start turns it back on
    from sportello.gui.app import run

    return run(args.db)


def cmd_init(args: argparse.Namespace) -> int:
    from sportello.core.services import setup

    with _context(args, create=True, login=False) as ctx:
        print(f"Database pronto: {ctx.url}")
        if args.office_code or args.admin:
            if not (args.office_code and args.office_name and args.admin and args.admin_name):
                _print_err(
                    "Per configurare l'ufficio servono --office-code, --office-name, --admin e "
                    "--admin-name."
                )
                return EXIT_USAGE
            # SPORTELLO_ADMIN_PASSWORD: the name this variable had before the CLI login
            password = (os.environ.get("SPORTELLO_PASSWORD")
                        or os.environ.get("SPORTELLO_ADMIN_PASSWORD"))
            if password is None:
                if not sys.stdin.isatty():
                    _print_err("Password mancante: impostare SPORTELLO_PASSWORD.")
                    return EXIT_REFUSED
                password = getpass.getpass(f"Password di {args.admin}: ")
                if getpass.getpass("Ripetere la password: ") != password:
                    _print_err("Le due password non coincidono: nulla è stato configurato.")
                    return EXIT_REFUSED
            actor = setup.initialise(
                ctx,
                setup.OfficeData(code=args.office_code, name=args.office_name),
                setup.AdminData(username=args.admin, full_name=args.admin_name, password=password),
            )
            print(f"Ufficio {args.office_code} configurato; amministratore: {actor.username}")
        elif not setup.is_initialised(ctx):
            print("Ufficio non ancora configurato: lo chiederà il programma al primo avvio.")
        return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from sportello import cli_auth, demo
    from sportello.core.services import setup

    with _context(args, create=True, login=False) as ctx:
        if setup.is_initialised(ctx):  # only an empty database needs no login
            ctx = ctx.acting_as(cli_auth.identify(ctx, args.operator))
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


def cmd_check(args: argparse.Namespace) -> int:
    from sportello import cli_auth
    from sportello.core.services import maintenance, setup

    with _context(args, migrate=False, login=False) as ctx:
        # The check shows no personal data but needs a login like every command, except
        # where nobody could log in: a database not yet configured, or one whose operators
        # cannot be read (then the check is what says what is wrong).
        from sportello.core import db

        path = db.sqlite_path(ctx.engine)
        try:
            configured = (path is None or path.exists()) and setup.is_initialised(ctx)
        except Exception:  # noqa: BLE001 - unreadable: the check below says what is wrong
            configured = False
        if configured:
            ctx = ctx.acting_as(cli_auth.identify(ctx, args.operator))
        report = maintenance.check(ctx)
        for item in report.items:
            mark = "OK " if item.ok else "KO "
            print(f"{mark} {item.name}: {item.detail}")
        print("Database integro." if report.ok else "Database NON integro.")
        return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_export(args: argparse.Namespace) -> int:
    from sportello.core.services import export

    if args.kind == "monitoring":
        if args.profile:
            _print_err("--profile non si applica a 'export monitoring'.")
            return EXIT_USAGE
        from sportello import cli_monitoring

        with _context(args) as ctx:
            return cli_monitoring.export_workbook(ctx, args)
    if args.at or args.since:
        _print_err("--at e --since valgono solo per 'export monitoring'.")
        return EXIT_USAGE
    with _context(args) as ctx:
        result = export.export(ctx, args.kind, args.out, vertenza=args.vertenza,
                               profile=args.profile)
        layout = f", profilo «{args.profile}»" if args.profile else ""
        print(f"Esportate {result.rows} righe ({args.kind}{layout}) in {result.path}")
        return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from sportello import cli_monitoring

    with _context(args) as ctx:
        return cli_monitoring.report_pdf(ctx, args)


def cmd_template(args: argparse.Namespace) -> int:
    from sportello.core.services import export

    with _context(args) as ctx:
        path = export.blank_template(ctx, args.out, profile=args.profile)
        print(f"Modello vuoto scritto in {path}")
        return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from sportello.core.services import imports

    if args.undo is not None:
        if args.file:
            _print_err("Con --undo non si indica il file.")
            return EXIT_USAGE
        with _context(args) as ctx:
            done = imports.undo(ctx, args.undo)
            print(f"Importazione n. {done.exchange_id} annullata: {done.deleted} fascicoli "
                  f"eliminati, {done.restored} schede riportate ai valori precedenti.")
            return EXIT_OK
    if not args.file:
        _print_err("Indicare il file da importare (oppure --undo N).")
        return EXIT_USAGE
    with _context(args) as ctx:
        vertenza = None
        if args.vertenza:
            vertenza = imports.VertenzaChoice(args.vertenza, title=args.vertenza_title,
                                              company_name=args.company,
                                              create=bool(args.create_vertenza))
        analysis = imports.analyse(ctx, args.file, profile=args.profile, sheet=args.sheet,
                                   vertenza=vertenza,
                                   overwrite_conflicts=args.overwrite_conflicts,
                                   keep_extra=args.keep_extra)
        for line in analysis.summary():
            print(line)
        mapped = ", ".join(f"{c.letter} {c.header} -> {c.field}"
                           for c in analysis.settings.columns if c.field)
        print(f"Colonne: {mapped}")
        if args.report and (analysis.errors or analysis.warnings or analysis.conflicts):
            from sportello.core.exchange.report import write_error_report

            write_error_report(analysis, args.report)
            print(f"Rapporto degli errori scritto in {args.report}")
        for issue in analysis.errors:
            _print_err(f"ERRORE  {issue.text()}")
        for issue in analysis.warnings:
            _print_err(f"AVVISO  {issue.text()}")
        for conflict in analysis.conflicts:
            _print_err(f"CONFLITTO  {conflict.text()}")
        try:
            result = imports.apply(ctx, analysis, valid_only=args.valid_only,
                                   dry_run=args.dry_run,
                                   overwrite_conflicts=args.overwrite_conflicts)
        except imports.ImportRefused as exc:  # the errors are listed above
            _print_err(f"Errore: {str(exc).splitlines()[0]}")
            return EXIT_REFUSED
        print(result.summary())
        return EXIT_OK


def cmd_import_hires(args: argparse.Namespace) -> int:
    from sportello import cli_hires

    with _context(args) as ctx:
        return cli_hires.run(ctx, args, out=print, err=_print_err)


def cmd_import_profiles(args: argparse.Namespace) -> int:
    from sportello.core.services import profile_store

    with _context(args) as ctx:
        for info in profile_store.list_profiles(ctx):
            print(f"{info.name} ({info.origin}, {info.columns} colonne)")
        return EXIT_OK


FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates outside are typos, not plans


def _date_arg(value: str):  # type: ignore[no-untyped-def]
    """YYYY-MM-DD or DD/MM/YYYY (argparse type), within a plausible range of years."""
    import datetime as dt

    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise argparse.ArgumentTypeError(
                f"data fuori dall'intervallo ammesso: {value} (anni {FIRST_YEAR}-{LAST_YEAR})")
        return day
    raise argparse.ArgumentTypeError(f"data non valida: {value} (usare AAAA-MM-GG o GG/MM/AAAA)")


def _bounded_int(low: int, high: int, what: str):  # type: ignore[no-untyped-def]
    """An argparse type for a whole number from ``low`` to ``high``."""
    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what}: «{value[:40]}» non è un numero intero") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{what}: {number} fuori dall'intervallo {low}-{high}")
        return number
    return parse


_id_arg = _bounded_int(1, 2**63 - 1, "identificativo")


def cmd_audit(args: argparse.Namespace) -> int:
    from sportello.core.services import audit_log

    with _context(args) as ctx:
        flt = audit_log.AuditFilter(since=args.since, until=args.until, worker_cf=args.worker,
                                    operator_username=args.operator_name, action=args.action)
        if args.out:
            result = audit_log.export_xlsx(ctx, flt, args.out)
            print(f"Esportate {result.rows} righe del registro attività in {result.path}")
            return EXIT_OK
        page = audit_log.query(ctx, flt, limit=args.limit)
        for row in reversed(page.rows):
            who = row.operator_username or "-"
            what = row.action_label
            target = f"{row.entity or ''} {row.entity_id or ''}".strip()
            worker = f" [{row.worker_cf}]" if row.worker_cf else ""
            print(f"{row.id:>7}  {row.at_local:%d/%m/%Y %H:%M:%S}  {who:<14} {what:<22} "
                  f"{target}{worker}  {row.detail or ''}".rstrip())
            changes = row.changes_text()
            for line in changes.splitlines()[:20]:
                print(f"{'':>9}{line}")
        shown = len(page.rows)
        print(f"{shown} righe mostrate su {page.total}" + (
            " (le più recenti; --limit per vederne di più, --out per esportarle tutte)"
            if page.total > shown else "") + ".")
        return EXIT_OK


def _size(n: int) -> str:
    for unit in ("byte", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "byte" else f"{n:.1f} {unit}".replace(".", ",")
        n /= 1024  # type: ignore[assignment]
    return str(n)


def _backup_line(info) -> str:  # type: ignore[no-untyped-def]
    rows = sum(info.counts.values()) if info.counts else None
    verified = "verificata" if info.verified else "non verificata"
    what = f", {rows} righe" if rows is not None else ""
    return (f"{info.created_at:%d/%m/%Y %H:%M}  {info.kind_label:<26} {_size(info.size):>9}  "
            f"{verified}{what}  {info.path}")


def cmd_backup(args: argparse.Namespace) -> int:
    from sportello.core import db
    from sportello.core.services import backups

    if not db.is_sqlite(db.resolve_url(args.db)):
        raise backups.NotSqlite()
    with _context(args) as ctx:
        info = backups.create_backup(ctx, args.out)
        rows = sum(info.counts.values())
        print(f"Copia di sicurezza scritta e verificata (integrity_check, {rows} righe in "
              f"{len(info.counts)} tabelle): {info.path}")
        return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from sportello.core import db
    from sportello.core.services import backups

    if not db.is_sqlite(db.resolve_url(args.db)):
        raise backups.NotSqlite()
    with _context(args) as ctx:
        found = backups.list_backups(ctx)
        print(f"Cartella delle copie: {backups.backup_folder(ctx)}")
        for info in found:
            print(_backup_line(info))
        count = len(found)
        print("Nessuna copia di sicurezza." if not count else
              "1 copia di sicurezza." if count == 1 else f"{count} copie di sicurezza.")
        return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from sportello.core.bootstrap import bootstrap
    from sportello.core.errors import SportelloError
    from sportello.core.services import backups

    start = backups.startup_check(args.db)
    if start.postgres:
        raise backups.NotSqlite()
    # Checked before anything else: a bad file leaves the current database untouched.
    backups.inspect_candidate(args.file)
    if start.ok:
        ctx = _context(args)
    else:
        # The damaged database cannot say who is an administrator: the copy does.
        from sportello import cli_auth

        _print_err(f"Attenzione: {start.problem}")
        _print_err("Per ripristinare serve un amministratore della copia, con la password "
                   "che aveva allora.")
        username, password = cli_auth.credentials(args.operator)
        actor = backups.actor_from_file(args.file, username, password)
        if actor is None:
            raise SportelloError("Nella copia non c'è un amministratore attivo con questo "
                                 "nome utente e questa password: nulla è stato ripristinato.")
        ctx = bootstrap(args.db, migrate=False).acting_as(actor)
    try:
        result = backups.restore(ctx, args.file)
        print(f"Ripristinata la copia {result.restored_from} (schema {result.schema_before}"
              + (f" -> {result.schema_after}" if result.schema_after != result.schema_before
                 else "") + ").")
        print(f"Lo stato precedente è salvato in {result.safety.path}")
        return EXIT_OK
    finally:
        ctx.close()


def cmd_access_request(args: argparse.Namespace) -> int:
    from sportello.core.services import privacy

    with _context(args) as ctx:
        result = privacy.access_request(ctx, args.cf, args.out)
        total = sum(result.counts.values())
        print(f"Richiesta di accesso: {total} righe in {len(result.counts)} sezioni.")
        print(f"  Excel: {result.xlsx}")
        print(f"  PDF:   {result.pdf}")
        return EXIT_OK


def cmd_anonymise(args: argparse.Namespace) -> int:
    from sportello.core.services import privacy

    if args.older_than_days is not None and args.older_than_days < 0:
        _print_err("--older-than-days non può essere negativo.")
        return EXIT_USAGE
    with _context(args) as ctx:
        result = privacy.anonymise(ctx, older_than_days=args.older_than_days,
                                   dry_run=args.dry_run)
        when = f"{result.cutoff:%d/%m/%Y}"
        if args.dry_run:
            for c in result.candidates:
                print(f"  {c.worker_id:>7}  {c.codice_fiscale}  {c.full_name}  "
                      f"chiuso il {c.closed_on:%d/%m/%Y}")
            print(f"Prova: {len(result.candidates)} fascicoli chiusi entro il {when} sarebbero "
                  "anonimizzati. Nulla è stato modificato.")
        else:
            print(f"Anonimizzati {result.anonymised} fascicoli chiusi entro il {when}.")
        return EXIT_OK


# --------------------------------------------------------------------------- letters


def _datetime_arg(value: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    try:
        moment = dt.datetime.strptime(value.strip().replace(" ", "T"), "%Y-%m-%dT%H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"data e ora non valide: {value} (usare AAAA-MM-GGTHH:MM, es. 2026-12-07T09:30)"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"data fuori dall'intervallo ammesso: {value} (anni {FIRST_YEAR}-{LAST_YEAR})")
    return moment


_day_arg = _date_arg


def _operator_ids(ctx, usernames: Sequence[str]) -> list[int]:  # type: ignore[no-untyped-def]
    from sportello.core.errors import NotFound
    from sportello.core.services import setup

    ids = []
    for username in usernames:
        found = setup.default_actor(ctx, username)
        if found is None:
            raise NotFound(f"Operatore '{username}' inesistente o disattivato.")
        ids.append(found.id)
    return ids


def _letter_progress(what: str):  # type: ignore[no-untyped-def]
    last = [-1]

    def progress(done: int, total: int) -> bool:
        pct = done * 100 // max(total, 1)
        if pct != last[0] and (pct % 10 == 0 or done == total):
            last[0] = pct
            _print_err(f"  {what}: {pct}%")
        return True

    return progress


MAX_TEXT_FILE = 200_000  # bytes: a letter's text, not a book


def _letter_text(args: argparse.Namespace) -> str | None:
    if not args.text_file:
        return args.text
    from pathlib import Path

    from sportello.core.errors import SportelloError

    path = Path(args.text_file).expanduser()
    if not path.exists():
        raise SportelloError(f"Il file di testo {path} non esiste.")
    if not path.is_file():
        raise SportelloError(f"{path} non è un file di testo (è una cartella?).")
    if path.stat().st_size > MAX_TEXT_FILE:
        raise SportelloError(f"Il file di testo {path.name} è troppo grande per una lettera "
                             f"(oltre {MAX_TEXT_FILE // 1000} kB).")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SportelloError(f"Il file {path.name} non è un testo in UTF-8 (è un file binario, o "
                             "salvarlo come testo UTF-8).") from None
    if "\x00" in text:
        raise SportelloError(f"Il file {path.name} non è un file di testo.")
    return text


def _writable(out: str | None, folder: str | None = None) -> None:
    """Refuse, before a letter is numbered, an output that cannot be written.

    Protocol numbers are spent for good: a batch must not be numbered and archived and
    then fail on a folder that does not exist or a name that is a folder.
    """
    import tempfile

    from sportello.core import paths
    from sportello.core.errors import SportelloError

    targets = []
    if out:
        targets.append(paths.output_file(out).parent)
    if folder:
        targets.append(paths.output_folder(folder))
    for place in targets:
        try:
            with tempfile.NamedTemporaryFile(dir=place, prefix=".sportello-prova-"):
                pass
        except OSError as exc:
            raise SportelloError(f"Non si può scrivere in {place} ({exc.strerror or exc}): "
                                 "nessuna lettera è stata protocollata.") from None


def cmd_letter(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sportello.core.errors import NotFound
    from sportello.core.services import letters, workers

    _writable(args.out, args.eml_dir)
    with _context(args) as ctx:
        worker_id = workers.find_by_cf(ctx, args.worker)
        if worker_id is None:
            raise NotFound(f"Nessun fascicolo con codice fiscale {args.worker.strip().upper()}.")
        refs = letters.Refs(appointment_id=args.appointment, pathway_id=args.pathway,
                            pact_id=args.pact, voucher_id=args.voucher, subject=args.subject,
                            text=_letter_text(args))
        if args.with_operator and not args.when:
            _print_err("--with-operator vale solo con --when (l'appuntamento da prenotare).")
            return EXIT_USAGE
        if args.when and args.preview:
            _print_err("--preview non prenota: togliere --when o --preview.")
            return EXIT_USAGE
        if args.preview:
            pdf = letters.preview(ctx, args.template, worker_id, refs, delivery=args.delivery)
            out = Path(args.out or f"anteprima_{args.template}.pdf")
            write_atomically(out, pdf)
            print(f"Anteprima (non protocollata) salvata in {out}")
            return EXIT_OK
        if args.when:
            operator_id = (_operator_ids(ctx, [args.with_operator])[0] if args.with_operator
                           else ctx.actor.id if ctx.actor else None)
            if operator_id is None:
                raise NotFound("Indicare l'operatore dell'appuntamento con --with-operator.")
            from sportello.core.services import agenda

            try:
                issued = letters.book_and_issue(
                    ctx, args.template, worker_id, operator_id=operator_id, starts_at=args.when,
                    minutes=args.minutes, confirm_closed_day=args.confirm_closed_day,
                    delivery=args.delivery, mode=args.mode, remote_link=args.link)
            except agenda.DayClosed as exc:
                raise agenda.DayClosed(f"{exc} (opzione --confirm-closed-day)") from None
            print(f"Appuntamento prenotato: {args.when:%d/%m/%Y} ore {args.when:%H:%M}")
        else:
            issued = letters.issue(ctx, args.template, worker_id, refs, delivery=args.delivery)
        out = Path(args.out or issued.file_name)
        write_atomically(out, issued.pdf)
        print(f"Lettera prot. {issued.protocol} ({args.template}) per {issued.worker_name} "
              f"salvata in {out}")
        cli_reach.after_letters(args, [issued])
        return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sportello.core.services import letters

    booking = args.book_from is not None
    if (args.with_operator or args.book_days) and not booking:
        _print_err("--with-operator e --book-days valgono solo con --book-from.")
        return EXIT_USAGE
    if booking and not args.with_operator:
        _print_err("Per convocare indicare almeno un --with-operator.")
        return EXIT_USAGE
    _writable(args.out, args.each_dir)
    _writable(args.labels, args.eml_dir)
    with _context(args) as ctx:
        worker_ids = letters.select_workers(
            ctx, vertenza=args.vertenza, status=args.status,
            without_appointment=args.without_appointment or booking)
        if not worker_ids:
            print("Nessun lavoratore corrisponde alla selezione: nessuna lettera emessa.")
            return EXIT_OK
        if booking:
            first = args.book_from
            result = letters.call_in(
                ctx, worker_ids, _operator_ids(ctx, args.with_operator),
                letters.days_from(first, args.book_days or 14), minutes=args.minutes,
                template=args.template, progress=_letter_progress("convocazione"),
                delivery=args.delivery)
            batch = result.batch
            rows = result.appointments
            if rows:
                print(f"Prenotati {len(rows)} appuntamenti dal {rows[0].starts_at:%d/%m/%Y %H:%M} "
                      f"al {rows[-1].starts_at:%d/%m/%Y %H:%M}")
        else:
            batch = letters.issue_batch(
                ctx, args.template, worker_ids, subject=args.subject, text=_letter_text(args),
                skip_incomplete=args.skip_incomplete, progress=_letter_progress("lettere"),
                delivery=args.delivery)
        out = Path(args.out)
        write_atomically(out, batch.pdf or b"")
        print(f"{len(batch.letters)} lettere ({args.template}), prot. {batch.first_protocol} – "
              f"{batch.last_protocol}, in {out}")
        for worker_id, missing in batch.skipped.items():
            _print_err(f"  saltato il fascicolo {worker_id}: mancano "
                       f"{', '.join(m.label for m in missing)}")
        if args.each_dir:
            files = batch.write_files(args.each_dir)
            print(f"{len(files)} file, uno per lavoratore, in {args.each_dir}")
        cli_reach.after_letters(args, batch.letters, batch)
        cli_reach.write_labels(ctx, args, batch)
        return EXIT_OK


def cmd_reprint(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sportello.core.services import letters

    with _context(args) as ctx:
        letter_id = letters.find_by_protocol(ctx, args.protocol)
        info = letters.info(ctx, letter_id)
        out = Path(args.out or info.file_name)
        write_atomically(out, letters.reprint(ctx, letter_id))
        print(f"Ristampa della lettera prot. {info.protocol} salvata in {out}")
        return EXIT_OK


# --------------------------------------------------------------------------- patto di servizio


def _pact_worker(ctx: Context, code: str) -> int:
    from sportello.core.errors import NotFound
    from sportello.core.services import workers

    worker_id = workers.find_by_cf(ctx, code)
    if worker_id is None:
        raise NotFound(f"Nessun fascicolo con codice fiscale {code.strip().upper()}.")
    return worker_id


def _pact_line(p: PactInfo) -> str:
    from sportello.core.codes import pathway_kind_label

    signed = f"firmato il {p.signed_on:%d/%m/%Y}" if p.signed_on else "non firmato"
    path = pathway_kind_label(p.gol_path) if p.gol_path else "nessun percorso"
    review = f"verifica il {p.review_on:%d/%m/%Y}" if p.review_on else "nessuna verifica"
    return f"revisione {p.revision}: {p.status}, {signed}; {path}; {review}"


def _pact_form(args: argparse.Namespace, start: PactForm) -> PactForm:
    """The form of a new revision: the defaults (``start``) changed by the options."""
    import dataclasses
    from pathlib import Path

    changes: dict[str, object] = {}
    if args.path is not None:
        changes["gol_path"] = args.path
    if args.review is not None:
        changes["review_on"] = args.review
    if args.commitments_file is not None:
        try:
            changes["commitments"] = Path(args.commitments_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            from sportello.core.errors import ValidationError

            raise ValidationError(f"Impossibile leggere il file degli impegni "
                                  f"{args.commitments_file}: {exc}", "commitments") from None
    if args.notes is not None:
        changes["notes"] = args.notes
    return dataclasses.replace(start, **changes)


def cmd_pact(args: argparse.Namespace) -> int:
    from sportello.core.errors import NotFound
    from sportello.core.services import pacts

    if args.pact_command is None:
        _print_err("Indicare un'azione: list, new, revise o sign.")
        return EXIT_USAGE
    with _context(args) as ctx:
        worker_id = _pact_worker(ctx, args.worker)
        if args.pact_command == "list":
            rows = pacts.revisions(ctx, worker_id)
            if not rows:
                print("Nessun patto di servizio per questo fascicolo.")
            for p in rows:
                print(_pact_line(p))
            return EXIT_OK
        if args.pact_command == "sign":
            draft = next((p for p in pacts.revisions(ctx, worker_id) if p.is_draft), None)
            if draft is None:
                raise NotFound("Nessuna bozza del patto da segnare come firmata "
                               "(prima 'sportello pact new' o 'pact revise').")
            signed = pacts.sign(ctx, draft.id, draft.version, on=args.on)
            print(f"Patto firmato: {_pact_line(signed)}")
            return EXIT_OK
        form = _pact_form(args, pacts.defaults(ctx, worker_id))
        if args.pact_command == "new":
            made = pacts.new_draft(ctx, worker_id, form)
        else:
            made = pacts.revise(ctx, worker_id, form)
        print(f"Bozza del patto: {_pact_line(made)}")
        return EXIT_OK


# --------------------------------------------------------------------------- vertenze (cli_vertenze)


def cmd_vertenze(args: argparse.Namespace) -> int:
    from sportello import cli_vertenze

    with _context(args) as ctx:
        return cli_vertenze.list_vertenze(ctx, args)


def cmd_vertenza(args: argparse.Namespace) -> int:
    from sportello import cli_vertenze

    if args.vertenza_command is None:
        _print_err("Indicare un'azione: show, new, set, site, party, meeting o exit.")
        return EXIT_USAGE
    with _context(args) as ctx:
        return cli_vertenze.vertenza(ctx, args)


def _add_pact_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from sportello.core.models import PathwayKind

    p = sub.add_parser("pact", help="patto di servizio di un lavoratore: elenco, nuovo, "
                       "revisione, firma")
    actions = p.add_subparsers(dest="pact_command", metavar="AZIONE", parser_class=_Parser)

    def worker_option(q: argparse.ArgumentParser) -> None:
        q.add_argument("--worker", required=True, metavar="CF", help="codice fiscale del lavoratore")

    def form_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--path", choices=[k.value for k in PathwayKind], metavar="PERCORSO",
                       help="percorso GOL: gol1 … gol5 o autoimpiego (predefinito: quello del "
                       "percorso aperto)")
        q.add_argument("--review", type=_day_arg, metavar="AAAA-MM-GG",
                       help="data di verifica (predefinito: tra 90 giorni)")
        q.add_argument("--commitments-file", metavar="FILE.txt",
                       help="impegni del lavoratore da un file (UTF-8), uno per riga")
        q.add_argument("--notes", metavar="TESTO", help="note del patto")

    q = actions.add_parser("list", help="le revisioni del patto, dalla più recente")
    worker_option(q)
    q = actions.add_parser("new", help="redige un nuovo patto in bozza")
    worker_option(q)
    form_options(q)
    q = actions.add_parser("revise", help="nuova revisione in bozza del patto in vigore "
                           "(che resta in vigore finché la nuova non è firmata)")
    worker_option(q)
    form_options(q)
    q = actions.add_parser("sign", help="segna come firmata la bozza: diventa il patto in vigore")
    worker_option(q)
    q.add_argument("--on", type=_day_arg, metavar="AAAA-MM-GG",
                   help="data della firma (predefinito: oggi)")
    p.set_defaults(func=cmd_pact)


def _add_letter_parsers(sub) -> None:  # type: ignore[no-untyped-def]
    templates = ["convocazione", "patto", "voucher", "invito-sportello", "attestato", "esito",
                 "generica"]
    template_help = ("convocazione, patto, voucher, invito-sportello, attestato, esito o "
                     "generica (modelli in resources/letters)")

    def text_options(p) -> None:  # type: ignore[no-untyped-def]
        p.add_argument("--subject", metavar="OGGETTO", help="oggetto della lettera generica")
        group = p.add_mutually_exclusive_group()
        group.add_argument("--text", metavar="TESTO", help="testo della lettera generica")
        group.add_argument("--text-file", metavar="FILE.txt",
                           help="testo della lettera generica da un file (UTF-8)")

    p = sub.add_parser("letter", help="stampa una lettera protocollata per un lavoratore")
    p.add_argument("template", choices=templates, metavar="MODELLO", help=template_help)
    p.add_argument("--worker", required=True, metavar="CF", help="codice fiscale del lavoratore")
    p.add_argument("--out", metavar="FILE.pdf", help="file da scrivere (predefinito: nome con "
                   "anno, protocollo e lavoratore nella cartella corrente)")
    p.add_argument("--when", type=_datetime_arg, metavar="AAAA-MM-GGTHH:MM",
                   help="prenota l'appuntamento a quest'ora e stampa la sua convocazione "
                   "(senza: il prossimo appuntamento già prenotato)")
    p.add_argument("--with-operator", metavar="UTENTE",
                   help="operatore che terrà il colloquio (predefinito: chi agisce)")
    p.add_argument("--minutes", type=_bounded_int(5, 480, "--minutes"), default=None,
                   help="durata dell'appuntamento in minuti (predefinito: quella impostata "
                   "per l'ufficio)")
    p.add_argument("--confirm-closed-day", action="store_true",
                   help="prenota anche in un giorno di chiusura (fine settimana, festivo, "
                   "giorno senza orario d'apertura), sempre entro l'orario dell'ufficio")
    p.add_argument("--appointment", type=_id_arg, metavar="ID", help="appuntamento (id) della lettera")
    p.add_argument("--pathway", type=_id_arg, metavar="ID", help="percorso (id) della lettera")
    p.add_argument("--pact", type=_id_arg, metavar="ID", help="patto di servizio (id) della lettera")
    p.add_argument("--voucher", type=_id_arg, metavar="ID", help="voucher (id) della lettera")
    p.add_argument("--preview", action="store_true",
                   help="solo anteprima: nessun protocollo, nulla viene registrato")
    p.add_argument("--mode", choices=["presenza", "video", "telefono"], default="presenza",
                   help="con --when: colloquio in presenza o a distanza (video, telefono)")
    p.add_argument("--link", metavar="LINK_O_NUMERO",
                   help="con --mode video: il link; con telefono: il numero da chiamare "
                   "(predefinito: quello del fascicolo)")
    cli_reach.add_delivery_options(p, batch=False)
    text_options(p)
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser("letters", help="lettere per una selezione di lavoratori in un solo PDF "
                       "(con --book-from: convoca prenotando gli appuntamenti)")
    p.add_argument("template", choices=templates, metavar="MODELLO", help=template_help)
    p.add_argument("--vertenza", metavar="V", help="solo i lavoratori di questa vertenza (codice)")
    p.add_argument("--status", choices=["aperto", "sospeso", "chiuso"], metavar="STATO",
                   help="solo i fascicoli in questo stato: aperto, sospeso o chiuso")
    p.add_argument("--without-appointment", action="store_true",
                   help="solo chi non ha un appuntamento futuro né un colloquio a cui si è presentato "
                   "(sempre così con --book-from)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="il PDF da stampare")
    p.add_argument("--each-dir", metavar="CARTELLA", help="scrive anche un PDF per lavoratore")
    p.add_argument("--skip-incomplete", action="store_true",
                   help="salta i lavoratori a cui mancano dati invece di rifiutare tutto")
    p.add_argument("--book-from", type=_day_arg, metavar="AAAA-MM-GG",
                   help="convoca: prenota gli appuntamenti nei posti liberi da questo giorno")
    p.add_argument("--book-days", type=_bounded_int(1, 366, "--book-days"), metavar="N",
                   help="giorni di calendario in cui prenotare (predefinito 14)")
    p.add_argument("--with-operator", action="append", metavar="UTENTE",
                   help="operatore che terrà i colloqui (ripetibile)")
    p.add_argument("--minutes", type=_bounded_int(5, 480, "--minutes"), default=None,
                   help="durata di ogni colloquio in minuti (predefinito: quella impostata "
                   "per l'ufficio)")
    cli_reach.add_delivery_options(p, batch=True)
    text_options(p)
    p.set_defaults(func=cmd_letters)

    p = sub.add_parser("reprint", help="ristampa una lettera dall'archivio, identica")
    p.add_argument("protocol", metavar="NUMERO/ANNO", help="protocollo, es. 12/2026")
    p.add_argument("--out", metavar="FILE.pdf", help="file da scrivere")
    p.set_defaults(func=cmd_reprint)


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
        help="operatore che accede (chiede la password, o la legge da SPORTELLO_PASSWORD); "
        "senza: la sessione di 'sportello login', oppure SPORTELLO_OPERATOR per gli script",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_Parser)

    p = sub.add_parser("gui", help="apre la finestra del programma (predefinito)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "login", help="accede (chiede utente e password) e apre una sessione di 8 ore per "
        "questo utente del computer e questo database")
    p.add_argument("--hours", type=_bounded_int(1, 8, "--hours"), default=8,
                   help="durata della sessione in ore (da 1 a 8; predefinito 8)")
    p.set_defaults(func=cmd_login)
    p = sub.add_parser("logout", help="chiude la sessione aperta con 'sportello login'")
    p.set_defaults(func=cmd_logout)
    p = sub.add_parser(
        "password", help="cambia la propria password (chiede quella attuale e la nuova; per "
        "gli script: SPORTELLO_PASSWORD e SPORTELLO_NEW_PASSWORD)")
    p.set_defaults(func=cmd_password)

    p = sub.add_parser("init", help="crea o aggiorna il database")
    p.add_argument("--office-code", help="codice dell'ufficio (es. CPI-AT)")
    p.add_argument("--office-name", help="nome dell'ufficio")
    p.add_argument("--admin", help="nome utente del primo amministratore")
    p.add_argument("--admin-name", help="nome e cognome del primo amministratore")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="riempie un database vuoto con dati fittizi realistici")
    p.add_argument("--workers", type=_bounded_int(1, 1_000_000, "--workers"), default=300, help="numero di lavoratori (predefinito 300)")
    p.add_argument("--seed", type=int, default=2026, help="seme casuale (stessi dati a parità di seme)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("export", help="esporta un foglio Excel (.xlsx)")
    p.add_argument("kind", choices=["workers", "pathways", "vouchers", "funds", "courses",
                                    "appointments", "placements", "businesses", "monitoring"],
                   metavar="TIPO", help="workers, pathways, vouchers, funds, courses, appointments, "
                   "placements, businesses o monitoring (le cifre per il tavolo, con grafici)")
    p.add_argument("out", metavar="FILE.xlsx", help="file da scrivere")
    p.add_argument("--vertenza", metavar="V", help="solo i lavoratori di questa vertenza (codice)")
    p.add_argument("--profile", metavar="P",
                   help="i lavoratori nel formato di un profilo (es. il modello della Regione; "
                   "elenco: import-profiles)")
    _monitoring_dates(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="rapporto PDF su carta intestata (monitoring: le cifre "
                       "per il tavolo di crisi)")
    p.add_argument("kind", choices=["monitoring"], metavar="TIPO", help="monitoring")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="file da scrivere")
    p.add_argument("--vertenza", metavar="V", help="solo questa vertenza (codice)")
    _monitoring_dates(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("template", help="scrive un modello vuoto di elenco lavoratori (.xlsx) "
                       "con gli elenchi a discesa per i codici")
    p.add_argument("out", metavar="FILE.xlsx", help="file da scrivere")
    p.add_argument("--profile", metavar="P", help="nel formato di questo profilo")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "import", help="importa un elenco di lavoratori (.xlsx, .xlsm, .xls, .ods)",
        description="Importa i lavoratori da un foglio della Regione: il foglio e la riga di "
        "intestazione sono trovati da soli, le colonne associate per nome (o con --profile). "
        "Un foglio con errori non scrive nulla (codice di uscita 1, errori elencati con il "
        "numero di riga) a meno di --valid-only. Ogni importazione riceve un numero: "
        "'sportello import --undo N' la annulla per intero.")
    p.add_argument("file", nargs="?", metavar="FILE", help="il foglio da importare")
    p.add_argument("--profile", metavar="P", help="profilo di colonne (elenco: sportello import-profiles)")
    p.add_argument("--sheet", metavar="S", help="nome del foglio (predefinito: trovato da solo)")
    p.add_argument("--vertenza", metavar="V",
                   help="vertenza dei lavoratori (codice, titolo o numero)")
    p.add_argument("--create-vertenza", action="store_true",
                   help="crea la vertenza --vertenza se non esiste")
    p.add_argument("--vertenza-title", metavar="TITOLO", help="titolo della vertenza da creare")
    p.add_argument("--company", metavar="AZIENDA", help="azienda della vertenza da creare")
    p.add_argument("--dry-run", action="store_true",
                   help="prova: mostra cosa farebbe senza scrivere nulla")
    p.add_argument("--valid-only", action="store_true",
                   help="importa le righe valide e segnala le altre")
    p.add_argument("--overwrite-conflicts", action="store_true",
                   help="nei conflitti usa il valore del foglio invece di quello di Sportello")
    p.add_argument("--keep-extra", action="store_true",
                   help="conserva nei fascicoli, come dati aggiuntivi, le colonne che non "
                   "corrispondono a nessun dato di Sportello (predefinito: elencate e ignorate)")
    p.add_argument("--report", metavar="OUT.xlsx",
                   help="scrive una copia del foglio con le celle errate evidenziate")
    p.add_argument("--undo", type=_id_arg, metavar="N", help="annulla l'importazione numero N")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "import-hires", help="registra le assunzioni di un elenco della Regione (.xlsx, .xls, .ods)",
        description="Registra come inserimenti lavorativi le assunzioni di un estratto delle "
        "comunicazioni obbligatorie (codice fiscale, datore di lavoro, data di assunzione, tipo "
        "di contratto, ore, data di fine) sui fascicoli che trova, e chiude il percorso di "
        "ricollocazione come «ricollocato». Tutto o niente: un elenco con errori non scrive "
        "nulla (codice di uscita 1). Elenca i codici fiscali senza fascicolo.")
    p.add_argument("file", metavar="FILE", help="l'elenco delle assunzioni")
    p.add_argument("--dry-run", action="store_true",
                   help="prova: mostra cosa farebbe senza scrivere nulla")
    p.set_defaults(func=cmd_import_hires)

    p = sub.add_parser("import-profiles", help="elenca i profili di colonne per l'importazione")
    p.set_defaults(func=cmd_import_profiles)

    p = sub.add_parser("check", help="verifica l'integrità del database")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="copia di sicurezza verificata del database SQLite")
    p.add_argument("out", nargs="?", metavar="FILE",
                   help="dove scriverla (predefinito: la cartella delle copie)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="elenca le copie di sicurezza del database")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="ripristina una copia di sicurezza (solo amministratori)")
    p.add_argument("file", metavar="FILE", help="la copia da ripristinare (.db)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("access-request",
                       help="esporta tutti i dati di un lavoratore (richiesta di accesso, GDPR)")
    p.add_argument("cf", metavar="CF", help="codice fiscale del lavoratore")
    p.add_argument("--out", metavar="CARTELLA", required=True,
                   help="cartella dove scrivere il file Excel e il PDF")
    p.set_defaults(func=cmd_access_request)

    p = sub.add_parser("anonymise",
                       help="anonimizza i fascicoli chiusi oltre il periodo di conservazione")
    p.add_argument("--older-than-days", type=_bounded_int(1, 36_500, "--older-than-days"), metavar="N",
                   help="chiusi da almeno N giorni (predefinito: il periodo impostato, 5 anni)")
    p.add_argument("--dry-run", action="store_true",
                   help="elenca i fascicoli senza modificare nulla")
    p.set_defaults(func=cmd_anonymise)

    p = sub.add_parser("audit", help="consulta o esporta il registro delle attività")
    p.add_argument("--since", type=_date_arg, metavar="DATA", help="dal giorno (AAAA-MM-GG)")
    p.add_argument("--until", type=_date_arg, metavar="DATA", help="fino al giorno incluso")
    p.add_argument("--worker", metavar="CF", help="solo il fascicolo con questo codice fiscale")
    p.add_argument("--operator-name", metavar="UTENTE",
                   help="solo le azioni di questo operatore (nome utente)")
    p.add_argument("--action", metavar="AZIONE",
                   help="solo questa azione (es. login, login_failed, update, open, export)")
    p.add_argument("--limit", type=_bounded_int(1, 1_000_000, "--limit"), default=100, metavar="N",
                   help="righe da mostrare (predefinito 100, le più recenti)")
    p.add_argument("--out", metavar="FILE.xlsx", help="esporta le righe filtrate in Excel")
    p.set_defaults(func=cmd_audit)
    _add_letter_parsers(sub)
    _add_pact_parsers(sub)
    from sportello import cli_vertenze

    cli_vertenze.add_parsers(sub, _Parser, _date_arg, _bounded_int(0, 1_000_000, "numero"),
                             cmd_vertenze, cmd_vertenza)
    from sportello import cli_documents

    cli_documents.add_parsers(sub, _logged_in, _date_arg, _id_arg, _Parser)
    cli_reach.add_parsers(sub, {
        "sent": lambda a: cli_reach.cmd_sent(a, _context),
        "reminders": lambda a: cli_reach.cmd_reminders(a, _context),
        "cohort": lambda a: cli_reach.cmd_cohort(a, _context, _operator_ids),
        "caseload": lambda a: cli_reach.cmd_caseload(a, _context),
    }, _date_arg)
    return parser


def _version() -> str:
    from sportello import __version__

    return f"sportello {__version__}"


def _monitoring_dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", type=_date_arg, metavar="AAAA-MM-GG",
                   help="monitoring: le cifre a questa data (predefinito: oggi)")
    p.add_argument("--since", type=_date_arg, metavar="AAAA-MM-GG",
                   help="monitoring: a confronto con le cifre a questa data (la riunione "
                   "precedente del tavolo)")


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw[:1] == ["_sheet-child"]:  # frozen bundle: the isolated spreadsheet reader
        from sportello.core.exchange import _sheet_child

        return _sheet_child.main(raw[1:])
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
        if isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            _print_err(f"Errore: {exc.strerror or exc}{where}.")
            return EXIT_REFUSED
        if os.environ.get("SPORTELLO_DEBUG"):
            raise
        _print_err(f"Errore interno ({type(exc).__name__}): {_internal_error(exc)}")
        return EXIT_REFUSED


def _internal_error(exc: BaseException) -> str:
    """Keep the trace in the user's log file; tell the clerk where it is, not the trace."""
    import datetime as dt
    import traceback

    from sportello.core import paths

    try:
        log = paths.user_data_dir() / "errori.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} sportello "
                         f"{' '.join(sys.argv[1:])[:500]}\n")
            handle.write("".join(traceback.format_exception(exc)))
        return f"l'operazione non è riuscita; i dettagli sono in {log}."
    except OSError:
        return "l'operazione non è riuscita."


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
