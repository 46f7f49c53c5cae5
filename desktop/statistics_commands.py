"""Admin verb `statistics` (docs/ARCHITECTURE.md §9, §14): the JR/T 0169 statistics of a period.

  complaint-desk admin statistics --from DATE --to DATE [--by channel,business_type,cause]
                                  [--format table|csv|xlsx|pdf] [--out FILE] [--lang zh_CN|en]
                                  [--staff NUMBER]

Who asks: --staff names an active account of this PC's roster whose role holds
`report.statistics`; without it the command line acts with a supervisor's reading rights.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.analytics.output import add_statistics_options, parse_statistics_args
from desktop.command_line import EXIT_OK, CliError, locale, open_args_profile, t
from desktop.domain.model import Actor, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.i18n import LOCALES, normalise_locale
from desktop.services.context import ServiceContext, load_context
from desktop.services.exports import FORMATS as EXPORT_FORMATS
from desktop.services.exports import export_worklist
from desktop.services.roster import active_staff
from desktop.services.statistics import write_branch_statistics

CLI_STAFF = "admin"
CLI_ROLE = Role.SUPERVISOR  # the least branch role holding report.statistics in the shipped policy


def add_commands(verbs: Any, common: argparse.ArgumentParser) -> None:
    p = verbs.add_parser("statistics", parents=[common], help=t("analytics.cli.help.statistics"),
                         description="The JR/T 0169 complaint statistics of a period: received, "
                                     "concluded by outcome, withdrawn, open and overdue, by "
                                     "channel, business type and cause.")
    add_statistics_options(p)
    p.add_argument("--staff", metavar="NUMBER", help="who asks (a staff number on this PC's roster)")
    p.set_defaults(handler=cmd_statistics)

    p = verbs.add_parser("export", parents=[common], help=t("analytics.cli.help.export"),
                         description="Export a worklist to CSV or XLSX, customers' names masked "
                                     "unless --with-identity (which needs export.identity and "
                                     "is written to the profile's log).")
    p.add_argument("--worklist", choices=[w.value for w in Worklist], default="all")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="xlsx")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--with-identity", action="store_true")
    p.add_argument("--lang", choices=LOCALES)
    p.add_argument("--staff", metavar="NUMBER", help="who exports (a staff number on this PC's roster)")
    p.set_defaults(handler=cmd_export)


def _actor(ctx: ServiceContext, staff: str | None) -> Actor:
    if not staff:
        return Actor(CLI_STAFF, CLI_ROLE)
    actor = active_staff(ctx, staff)
    if actor is None:
        number = staff.strip().upper()
        raise CliError("printing.error.unknown_staff",
                       number=number if number.isascii() and number.isalnum() else "?")
    return actor


def cmd_export(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        ctx = load_context(store, locale=locale())
        try:
            count = export_worklist(ctx, _actor(ctx, args.staff),
                                    WorklistQuery(worklist=Worklist(args.worklist)), args.out,
                                    args.format, with_identity=args.with_identity,
                                    locale=normalise_locale(args.lang or locale()))
        except OSError as exc:
            raise CliError("analytics.cli.cannot_write", path=str(args.out),
                           reason=exc.strerror or type(exc).__name__) from None
    finally:
        store.close()
    print(t("analytics.cli.exported", count=count, path=str(args.out)))
    return EXIT_OK


def cmd_statistics(args: argparse.Namespace) -> int:
    req = parse_statistics_args(args, locale())
    _, store = open_args_profile(args)
    try:
        ctx = load_context(store, locale=locale())
        try:
            text = write_branch_statistics(ctx, _actor(ctx, args.staff), req.first, req.last,
                                           req.by, req.fmt, req.out, req.locale)
        except OSError as exc:
            raise CliError("analytics.cli.cannot_write", path=str(args.out),
                           reason=exc.strerror or type(exc).__name__) from None
    finally:
        store.close()
    print(text if text else t("analytics.cli.written", path=str(args.out)))
    return EXIT_OK
