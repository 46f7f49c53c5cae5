"""Admin verbs of sync: enroll, sync, day-end (docs/ARCHITECTURE.md §9)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from desktop.command_line import EXIT_ERROR, EXIT_OK, CliError, locale, open_args_profile, t
from desktop.services.context import load_context
from desktop.services.day_close import day_end_check
from desktop.sync.engine import SyncReport, close_day, sync_now
from desktop.sync.enrollment import connect, enroll, save_transport_settings
from desktop.sync.quarantine import quarantined_events
from desktop.sync.transport import TransportSettings, parse_pin


def add_commands(verbs: Any, common: argparse.ArgumentParser) -> None:
    p = verbs.add_parser("enroll", parents=[common], help=t("sync.cli.help.enroll"),
                         description="Exchange a one-time enrollment code issued by HQ "
                                     "(complaint-desk-hq enrollment-code BRANCH) for this PC's device "
                                     "token, kept in the keyring. Safe to repeat if the answer was lost.")
    p.add_argument("--hq", required=True, metavar="URL", help="HQ address, e.g. https://hq.example:8440")
    p.add_argument("--code", required=True, help="the one-time enrollment code")
    p.add_argument("--device-name", help="a name for this PC at HQ (default: the host name)")
    p.add_argument("--ca-bundle", metavar="FILE",
                   help="PEM file of the bank's CA certificates that HQ's https certificate chains to")
    p.add_argument("--pin", action="append", default=[], metavar="SHA256",
                   help="pin HQ's certificate: SHA-256 of its public key (SPKI) or of the certificate, "
                        "hex or base64; repeat for a spare key")
    p.add_argument("--allow-http", action="store_true",
                   help="allow a plain http:// HQ address on another computer (test networks only)")
    p.set_defaults(handler=cmd_enroll)

    p = verbs.add_parser("sync", parents=[common], help=t("sync.cli.help.sync"),
                         description="Push every unsent event to HQ, then pull what is new.")
    p.add_argument("--hq", metavar="URL", help="use this HQ address for this run only")
    p.set_defaults(handler=cmd_sync)

    p = verbs.add_parser("day-end", parents=[common], help=t("sync.cli.help.day_end"),
                         description="Sync, compare this branch's digest of the day with HQ's, re-send "
                                     "what is missing and record the close. Exits non-zero when HQ and "
                                     "the branch still disagree.")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="business date (default: today)")
    p.add_argument("--hq", metavar="URL", help="use this HQ address for this run only")
    p.add_argument("--staff", default="admin", help="who closes the day (staff number)")
    p.set_defaults(handler=cmd_day_end)

    p = verbs.add_parser("quarantine", parents=[common], help=t("sync.cli.help.quarantine"),
                         description="List the events pulled from HQ that this PC could not apply "
                                     "and keeps aside (sync goes on past them). Tell HQ, which owns "
                                     "the fix.")
    p.set_defaults(handler=cmd_quarantine)


def cmd_enroll(args: argparse.Namespace) -> int:
    from desktop.security.commands import print_recovery_key

    _, store = open_args_profile(args, on_recovery_key=print_recovery_key)
    try:
        transport = TransportSettings(ca_bundle=args.ca_bundle, pins=tuple(map(parse_pin, args.pin)),
                                      allow_http=args.allow_http)
        answer = enroll(store, args.hq, args.code, device_name=args.device_name, transport=transport)
        save_transport_settings(store, ca_bundle=args.ca_bundle, pins=args.pin,
                                allow_http=args.allow_http)
    finally:
        store.close()
    print(t("sync.cli.enrolled", number=answer.device_number, branch=answer.branch_code,
            name=answer.branch_name))
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        ctx = load_context(store)
        with connect(store, args.hq) as client:
            report = sync_now(ctx, client)
    finally:
        store.close()
    print(t("sync.cli.synced", pushed=report.pushed, duplicates=report.duplicates,
            pulled=report.pulled))
    return EXIT_ERROR if tell_sync_warnings(report) else EXIT_OK


def tell_sync_warnings(report: SyncReport) -> bool:
    """Print what a sync set aside or found wrong on stderr; True if this PC's events
    could not be sent (its clock is ahead of HQ's)."""
    if report.quarantined:
        print(t("sync.cli.quarantined", count=report.quarantined, total=report.quarantine_total),
              file=sys.stderr)
    if report.clock_offset_s is not None:
        print(t("sync.cli.clock_offset", minutes=round(abs(report.clock_offset_s) / 60)),
              file=sys.stderr)
    if report.clock_refused is not None:
        print(t("sync.cli.clock_refused", message=report.clock_refused.message(locale())),
              file=sys.stderr)
        return True
    return False


def cmd_day_end(args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise CliError("cli.bad_date", value=args.date) from None
    _, store = open_args_profile(args)
    try:
        ctx = load_context(store)
        day = day or ctx.business_date()
        check = day_end_check(ctx, day)
        print(t("sync.cli.day_end_precheck", overdue=check.overdue, unsent=check.unsent,
                drafts=check.open_drafts))
        with connect(store, args.hq) as client:
            report = close_day(ctx, client, day, closed_by=args.staff)
    finally:
        store.close()
    print(t("sync.cli.day_end_done", date=report.business_date.isoformat(), count=report.event_count,
            resent=report.resent))
    if report.rerun:
        print(t("sync.cli.day_end_rerun", date=report.business_date.isoformat(), run=report.run))
    tell_sync_warnings(report.sync)
    if report.quarantined:
        print(t("sync.cli.day_end_quarantined", count=report.quarantined), file=sys.stderr)
    return EXIT_OK


def cmd_quarantine(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        held = quarantined_events(load_context(store))
    finally:
        store.close()
    if not held:
        print(t("sync.cli.quarantine_empty"))
    for q in held:
        print(t("sync.cli.quarantine_row", when=q.quarantined_at.isoformat(timespec="seconds"),
                seq=q.seq, event=q.event_id, kind=q.kind or "-", complaint=q.complaint_id or "-",
                device=q.device_id or "-", reason=t(q.reason), detail=q.detail))
    return EXIT_OK
