"""``sportello export monitoring`` and ``sportello report monitoring``: the tavolo's figures.

The bodies of the two commands; ``cli`` parses the arguments, logs in and passes the
Context (``services.monitoring`` does the work, checks the dates and records the export).
"""

from __future__ import annotations

import argparse

from sportello.core.context import Context
from sportello.core.services import monitoring


def _scope(result_scope: str | None) -> str:
    return f"vertenza {result_scope}" if result_scope else "tutti i fascicoli"


def export_workbook(ctx: Context, args: argparse.Namespace) -> int:
    written = monitoring.export_workbook(ctx, args.out, vertenza=args.vertenza, at=args.at,
                                         since=args.since)
    print(f"Monitoraggio ({_scope(args.vertenza)}): {written.figures} cifre e "
          f"{written.people_sheets} fogli di persone in {written.path}")
    return 0


def report_pdf(ctx: Context, args: argparse.Namespace) -> int:
    written = monitoring.report_pdf(ctx, args.out, vertenza=args.vertenza, at=args.at,
                                    since=args.since)
    print(f"Rapporto di monitoraggio ({_scope(args.vertenza)}): {written.figures} cifre in "
          f"{written.path}")
    return 0
