"""``sportello export monitoring`` and ``sportello report monitoring``: the tavolo's figures.

The bodies of the two commands; ``cli`` parses the arguments, logs in and passes the
Context (``services.monitoring`` does the work, checks the dates and records the export).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sportello.core.context import Context
from sportello.core.services import monitoring


def _scope(vertenza: str | None) -> str:
    return f"vertenza {vertenza}" if vertenza else "tutti i fascicoli"


def export_workbook(ctx: Context, args: argparse.Namespace) -> int:
    written, since = _write(monitoring.export_workbook, ctx, args)
    print(f"Monitoraggio ({_scope(args.vertenza)}): {written.figures} cifre e "
          f"{written.people_sheets} fogli di persone in {written.path}{since}")
    return 0


def report_pdf(ctx: Context, args: argparse.Namespace) -> int:
    written, since = _write(monitoring.report_pdf, ctx, args)
    print(f"Rapporto di monitoraggio ({_scope(args.vertenza)}): {written.figures} cifre in "
          f"{written.path}{since}")
    return 0


def _write(write: Callable[..., monitoring.Written], ctx: Context,
           args: argparse.Namespace) -> tuple[monitoring.Written, str]:
    """Without ``--since`` the figures are compared with the tavolo's previous meeting (as
    the dashboard does; ``monitoring.default_since``)."""
    since = args.since
    if since is None:
        since = monitoring.default_since(ctx, at=args.at, vertenza=args.vertenza)
    written = write(ctx, args.out, vertenza=args.vertenza, at=args.at, since=since)
    return written, f" (confronto con il {since:%d/%m/%Y})"
