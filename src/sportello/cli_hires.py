"""``sportello import-hires FILE [--dry-run]``: the Region's list of hires, from the command
line (``services.hires_import``; the login and the dispatch are in ``cli``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sportello.core.context import Context
from sportello.core.services import hires_import
from sportello.core.services.imports import ImportRefused

EXIT_OK, EXIT_REFUSED = 0, 1


def run(ctx: Context, args: argparse.Namespace, *, out: Callable[[str], None],
        err: Callable[[str], None]) -> int:
    """Analyse, print what the list holds, then record it (or refuse it whole)."""
    analysis = hires_import.analyse(ctx, args.file)
    for line in analysis.summary():
        out(line)
    for issue in analysis.errors:
        err(f"ERRORE  {issue.text()}")
    try:
        result = hires_import.apply(ctx, analysis, dry_run=args.dry_run)
    except ImportRefused as exc:
        err(f"Errore: {str(exc).splitlines()[0]}")
        return EXIT_REFUSED
    out(result.summary())
    return EXIT_OK
