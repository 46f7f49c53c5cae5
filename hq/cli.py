"""`complaint-desk-hq`: run the HQ sync service and do the HQ office's chores.

  serve             migrate the database, then answer devices (several workers possible;
                    TLS with --ssl-certfile/--ssl-keyfile, uvicorn's own options)
  migrate           only bring the database schema up to date
  branch add|list   register a branch / list branches
  enrollment-code   print a one-time code a branch PC enrolls with
  devices           list enrolled devices
  revoke            stop a device's token from working
  publish           publish a reference document (taxonomy, policy, calendar, ...)
  decide            HQ's decision on an escalated complaint, sent back to its branch
  approve-extension approve (or --decline) an extension a branch asked HQ for
  staff add|list    HQ staff accounts of the office console (password + TOTP)
  rebuild           make HQ's complaint rows again from the events
  retention         list (dry run) or --apply the records retention rule to HQ's copy
  rotate-key        a new key-encryption key; every data key re-wrapped with it

Every verb takes --database URL (default: env COMPLAINT_DESK_HQ_DATABASE, else a SQLite
file in the platform's data folder) and --keys SPEC (see hq.vault; default: env
COMPLAINT_DESK_HQ_KEYS, else a key file beside a SQLite database). Every error is one line on stderr and exit code 1
(2 for a wrong command line); never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from desktop.domain.errors import DomainError
from desktop.domain.model import Outcome
from desktop.i18n import translate
from desktop.sync.wire import REFERENCE_KINDS
from hq import admin, complaints, enrollment, staff
from hq.app import DATABASE_ENV, TIME_ZONE_ENV
from hq.console.web import DEFAULT_TIME_ZONE
from hq.db import make_engine, migrate, normalise_url
from hq.staff import StaffRole
from hq.vault import KEYS_ENV, KeysUnavailable, Vault, kek_ids_in_use, open_key_store, rotate

PROG = "complaint-desk-hq"
KEEP_ALIVE_SECONDS = 75
SSL_KEY_PASSWORD_ENV = "COMPLAINT_DESK_HQ_SSL_KEY_PASSWORD"


def _(code: str, **params: Any) -> str:
    return translate(code, None, **params)


def default_database_url() -> str:
    """COMPLAINT_DESK_HQ_DATABASE, else hq.sqlite3 in the platform's user data folder."""
    from_env = os.environ.get(DATABASE_ENV)
    if from_env:
        return from_env
    import platformdirs

    folder = Path(platformdirs.user_data_dir("complaint-desk-hq", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hq.sqlite3'}"


class CliError(Exception):
    """A failure to report as one line on stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"{PROG}: {message}", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    database = _Parser(add_help=False)
    database.add_argument("--database", metavar="URL", default=None,
                          help=_("hq.cli.help.database"))
    database.add_argument("--keys", metavar="SPEC", default=None, help=_("hq.cli.help.keys"))
    parser = _Parser(prog=PROG, description=_("hq.cli.help.program"),
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True,
                                  parser_class=_Parser)

    serve = verbs.add_parser("serve", parents=[database], help=_("hq.cli.help.serve"),
                             description=_("hq.cli.help.serve"))
    serve.add_argument("--host", default="127.0.0.1", help=_("hq.cli.help.host"))
    serve.add_argument("--port", type=int, default=8765, help=_("hq.cli.help.port"))
    serve.add_argument("--workers", type=int, default=1, help=_("hq.cli.help.workers"))
    serve.add_argument("--time-zone", default=None, metavar="ZONE",
                       help=_("hq.cli.help.time_zone"))
    serve.add_argument("--ssl-certfile", type=Path, default=None, metavar="FILE",
                       help=_("hq.cli.help.ssl_certfile"))
    serve.add_argument("--ssl-keyfile", type=Path, default=None, metavar="FILE",
                       help=_("hq.cli.help.ssl_keyfile"))
    serve.add_argument("--ssl-ca-certs", type=Path, default=None, metavar="FILE",
                       help=_("hq.cli.help.ssl_ca_certs"))
    serve.set_defaults(run=_serve)

    verbs.add_parser("migrate", parents=[database], help=_("hq.cli.help.migrate"),
                     description=_("hq.cli.help.migrate")).set_defaults(run=_migrate)

    branch = verbs.add_parser("branch", help=_("hq.cli.help.branch"),
                              description=_("hq.cli.help.branch"))
    branch_verbs = branch.add_subparsers(dest="branch_verb", metavar="ACTION", required=True,
                                         parser_class=_Parser)
    add = branch_verbs.add_parser("add", parents=[database], help=_("hq.cli.help.branch_add"),
                                  description=_("hq.cli.help.branch_add"))
    add.add_argument("code", metavar="CODE", help=_("hq.cli.help.branch_code"))
    add.add_argument("--name", required=True, help=_("hq.cli.help.branch_name"))
    add.set_defaults(run=_branch_add)
    branch_verbs.add_parser("list", parents=[database], help=_("hq.cli.help.branch_list"),
                            description=_("hq.cli.help.branch_list")
                            ).set_defaults(run=_branch_list)

    code = verbs.add_parser("enrollment-code", parents=[database],
                            help=_("hq.cli.help.enrollment_code"),
                            description=_("hq.cli.help.enrollment_code"))
    code.add_argument("branch_code", metavar="BRANCH_CODE", help=_("hq.cli.help.branch_code"))
    code.add_argument("--valid-hours", type=int, default=72, help=_("hq.cli.help.valid_hours"))
    code.set_defaults(run=_enrollment_code)

    devices = verbs.add_parser("devices", parents=[database], help=_("hq.cli.help.devices"),
                               description=_("hq.cli.help.devices"))
    devices.add_argument("branch_code", metavar="BRANCH_CODE", nargs="?",
                         help=_("hq.cli.help.branch_code"))
    devices.set_defaults(run=_devices)

    revoke = verbs.add_parser("revoke", parents=[database], help=_("hq.cli.help.revoke"),
                              description=_("hq.cli.help.revoke"))
    revoke.add_argument("device_id", metavar="DEVICE_ID", help=_("hq.cli.help.device_id"))
    revoke.set_defaults(run=_revoke)

    publish = verbs.add_parser("publish", parents=[database], help=_("hq.cli.help.publish"),
                               description=_("hq.cli.help.publish"))
    publish.add_argument("kind", metavar="KIND", choices=REFERENCE_KINDS,
                         help=_("hq.cli.help.kind", kinds=", ".join(REFERENCE_KINDS)))
    publish.add_argument("file", metavar="FILE", type=Path, help=_("hq.cli.help.file"))
    publish.set_defaults(run=_publish)

    decide = verbs.add_parser("decide", parents=[database], help=_("hq.cli.help.decide"),
                              description=_("hq.cli.help.decide"))
    decide.add_argument("reference", metavar="REFERENCE", help=_("hq.cli.help.reference"))
    decide.add_argument("--branch", required=True, metavar="BRANCH_CODE",
                        help=_("hq.cli.help.decide_branch"))
    decide.add_argument("--outcome", required=True, choices=[o.value for o in Outcome],
                        help=_("hq.cli.help.outcome"))
    decide.add_argument("--findings", required=True, help=_("hq.cli.help.findings"))
    decide.add_argument("--verification", required=True, help=_("hq.cli.help.verification"))
    decide.add_argument("--customer-summary", required=True,
                        help=_("hq.cli.help.customer_summary"))
    decide.add_argument("--basis", default="", help=_("hq.cli.help.basis"))
    decide.add_argument("--basis-reference", default="", help=_("hq.cli.help.basis_reference"))
    decide.add_argument("--remedy", default="", help=_("hq.cli.help.remedy"))
    decide.add_argument("--compensation", default=None, help=_("hq.cli.help.compensation"))
    decide.add_argument("--officer", default="HQ", help=_("hq.cli.help.officer"))
    decide.set_defaults(run=_decide)

    approve = verbs.add_parser("approve-extension", parents=[database],
                               help=_("hq.cli.help.approve_extension"),
                               description=_("hq.cli.help.approve_extension"))
    approve.add_argument("reference", metavar="REFERENCE", help=_("hq.cli.help.reference"))
    approve.add_argument("--branch", required=True, metavar="BRANCH_CODE",
                         help=_("hq.cli.help.decide_branch"))
    approve.add_argument("--officer", required=True, help=_("hq.cli.help.officer"))
    approve.add_argument("--decline", action="store_true", help=_("hq.cli.help.decline"))
    approve.add_argument("--reason", default="", help=_("hq.cli.help.extension_reason"))
    approve.set_defaults(run=_approve_extension)
    _add_staff_verbs(verbs, database)
    _add_statistics_verb(verbs, database)
    verbs.add_parser("rebuild", parents=[database], help=_("hq.cli.help.rebuild"),
                     description=_("hq.cli.help.rebuild")).set_defaults(run=_rebuild)
    verbs.add_parser("rotate-key", parents=[database], help=_("hq.cli.help.rotate_key"),
                     description=_("hq.cli.help.rotate_key")).set_defaults(run=_rotate_key)
    retention = verbs.add_parser("retention", parents=[database], help=_("hq.cli.help.retention"),
                                 description=_("hq.cli.help.retention"))
    retention.add_argument("--apply", action="store_true", help=_("hq.cli.help.retention_apply"))
    retention.add_argument("--json", action="store_true", help=_("hq.cli.help.json"))
    retention.set_defaults(run=_retention)
    return parser


def _add_statistics_verb(verbs: Any, database: argparse.ArgumentParser) -> None:
    from desktop.analytics.output import add_statistics_options

    p = verbs.add_parser("statistics", parents=[database], help=_("hq.cli.help.statistics"),
                         description=_("hq.cli.help.statistics"))
    add_statistics_options(p)
    p.add_argument("--branch", action="append", default=[], metavar="CODE",
                   help="only this branch (repeatable; default every branch)")
    p.add_argument("--timezone", default="Asia/Shanghai", metavar="ZONE",
                   help="the time zone the period's days are in (default Asia/Shanghai)")
    p.set_defaults(run=_statistics)


def _add_staff_verbs(verbs: Any, database: argparse.ArgumentParser) -> None:
    staff_parser = verbs.add_parser("staff", help=_("hq.cli.help.staff"),
                                    description=_("hq.cli.help.staff"))
    staff_verbs = staff_parser.add_subparsers(dest="staff_verb", metavar="ACTION",
                                              required=True, parser_class=_Parser)
    add = staff_verbs.add_parser("add", parents=[database], help=_("hq.cli.help.staff_add"),
                                 description=_("hq.cli.help.staff_add"))
    add.add_argument("number", metavar="NUMBER", help=_("hq.cli.help.staff_number"))
    add.add_argument("--name", required=True, help=_("hq.cli.help.staff_name"))
    add.add_argument("--role", required=True, choices=[r.value for r in StaffRole],
                     help=_("hq.cli.help.staff_role"))
    add.add_argument("--department", required=True, help=_("hq.cli.help.staff_department"))
    add.set_defaults(run=_staff_add)
    staff_verbs.add_parser("list", parents=[database], help=_("hq.cli.help.staff_list"),
                           description=_("hq.cli.help.staff_list")).set_defaults(run=_staff_list)


def _now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Engine]:
    """The migrated database the verb works on, closed when the verb is done."""
    url = args.database or default_database_url()
    try:
        engine = make_engine(normalise_url(url))
    except (ArgumentError, ValueError):
        raise CliError(_("hq.cli.bad_database_url")) from None
    try:
        migrate(engine)
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _transaction(args: argparse.Namespace) -> Iterator[Connection]:
    with _database(args) as engine, engine.begin() as conn:
        yield conn


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    with _transaction(args) as conn:
        staff.seal_totp_secrets(conn, _vault(args), _now())
    url = normalise_url(args.database or default_database_url())
    try:
        with socket.create_server((args.host, args.port)):
            pass
    except OSError:
        raise CliError(_("hq.cli.port_in_use", host=args.host, port=args.port)) from None
    os.environ[DATABASE_ENV] = url
    os.environ[KEYS_ENV] = key_spec(args)
    os.environ[TIME_ZONE_ENV] = _time_zone(args.time_zone)
    tls = _tls_options(args)
    print(_("hq.cli.serving", scheme="https" if tls else "http", host=args.host,
            port=args.port), file=sys.stderr)
    # Keep idle connections open longer than clients and balancers do (httpx: 5 s), so
    # it is never the server that closes one just as a client sends on it.
    uvicorn.run("hq.app:app_from_environment", factory=True, host=args.host, port=args.port,
                workers=max(1, args.workers), proxy_headers=True,
                timeout_keep_alive=KEEP_ALIVE_SECONDS, **tls)
    return 0


def _time_zone(name: str | None) -> str:
    """--time-zone, else $COMPLAINT_DESK_HQ_TIME_ZONE, else Asia/Shanghai; checked here so a
    misspelt zone is one line, not a worker that fails to start."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = name or os.environ.get(TIME_ZONE_ENV) or DEFAULT_TIME_ZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CliError(_("hq.cli.bad_time_zone", zone=zone[:80])) from None
    return zone


def _tls_options(args: argparse.Namespace) -> dict[str, Any]:
    """uvicorn's TLS options from --ssl-certfile/--ssl-keyfile (both or neither) and
    --ssl-ca-certs (then every client must show a certificate those CAs signed); each file must be readable and the pair must load. The key file's
    password, if any, comes from $COMPLAINT_DESK_HQ_SSL_KEY_PASSWORD (never the command
    line, which other users can see)."""
    import ssl

    if args.ssl_certfile is None and args.ssl_keyfile is None:
        if args.ssl_ca_certs is not None:
            raise CliError(_("hq.cli.tls_needs_pair"))
        return {}
    if args.ssl_certfile is None or args.ssl_keyfile is None:
        raise CliError(_("hq.cli.tls_needs_pair"))
    password = os.environ.get(SSL_KEY_PASSWORD_ENV) or None
    options: dict[str, Any] = {"ssl_certfile": str(args.ssl_certfile),
                               "ssl_keyfile": str(args.ssl_keyfile)}
    try:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.ssl_certfile, args.ssl_keyfile, password)
        if args.ssl_ca_certs is not None:
            context.load_verify_locations(args.ssl_ca_certs)
    except (OSError, ssl.SSLError) as exc:
        raise CliError(_("hq.cli.tls_unusable", problem=type(exc).__name__)) from None
    if password:
        options["ssl_keyfile_password"] = password
    if args.ssl_ca_certs is not None:
        options.update(ssl_ca_certs=str(args.ssl_ca_certs), ssl_cert_reqs=ssl.CERT_REQUIRED)
    return options


def _migrate(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        # The one data step Alembic cannot do: it needs the keys (schema 0007).
        staff.seal_totp_secrets(conn, _vault(args), _now())
    print(_("hq.cli.migrated"))
    return 0


def _branch_add(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        admin.add_branch(conn, args.code, args.name, _now())
    print(_("hq.cli.branch_added", branch=args.code))
    return 0


def _branch_list(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        for code, name in admin.list_branches(conn):
            print(f"{code}\t{name}")
    return 0


def _enrollment_code(args: argparse.Namespace) -> int:
    if not 1 <= args.valid_hours <= 24 * 30:
        raise CliError(_("hq.cli.bad_valid_hours"))
    with _transaction(args) as conn:
        code = enrollment.issue_enrollment_code(conn, args.branch_code, _now(),
                                                timedelta(hours=args.valid_hours))
    print(code)
    return 0


def _devices(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        for device in admin.list_devices(conn, args.branch_code):
            state = _("hq.cli.device_revoked") if device.revoked else _("hq.cli.device_active")
            print(f"{device.id}\t{device.branch_code}\t{device.number}\t{device.name}\t{state}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        enrollment.revoke_device(conn, args.device_id, _now())
    print(_("hq.cli.revoked", device=args.device_id))
    return 0


def _publish(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise CliError(_("hq.cli.file_unreadable", path=path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CliError(_("hq.cli.bad_json", path=path)) from None
    with _transaction(args) as conn:
        version = admin.publish_reference(conn, args.kind, content, _now())
    print(_("hq.cli.published", kind=args.kind, version=version))
    return 0


def _decide(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        event = admin.decide_escalated_case(
            conn, args.branch, args.reference, outcome=Outcome(args.outcome),
            findings=args.findings,
            verification=args.verification, remedy=args.remedy,
            compensation=args.compensation, officer=args.officer, now=_now(),
            basis=args.basis, basis_reference=args.basis_reference,
            customer_summary=args.customer_summary,
        )
    print(_("hq.cli.decided", reference=args.reference, event=event.id))
    return 0


def _approve_extension(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        event = admin.decide_extension(conn, args.branch, args.reference, officer=args.officer,
                                       approve=not args.decline, reason=args.reason, now=_now())
    code = "hq.cli.extension_declined" if args.decline else "hq.cli.extension_approved"
    print(_(code, reference=args.reference, event=event.id,
            due=event.payload.get("new_due") or "-"))
    return 0


def _statistics(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from desktop.analytics.output import parse_statistics_args, write_statistics
    from hq.statistics import hq_statistics, published_taxonomy
    from reports.branding import load_bank_info

    req = parse_statistics_args(args, os.environ.get("COMPLAINT_DESK_LANG") or
                                os.environ.get("LANG") or "")
    try:
        zone = ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CliError(_("hq.cli.bad_timezone")) from None
    branches = sorted({b.strip().upper() for b in args.branch if b.strip()})
    now = _now()
    with _database(args) as engine, engine.connect() as conn:
        taxonomy = published_taxonomy(conn)
        table = hq_statistics(conn, req.first, req.last, zone, now, by=req.by, branches=branches,
                              taxonomy=taxonomy)
    bank = replace(load_bank_info(req.locale), branch_code="",
                   branch_name=translate("analytics.report.hq", req.locale))
    try:
        text = write_statistics(table, req.fmt, req.out, taxonomy=taxonomy, bank=bank,
                                locale=req.locale, made_at=now, zone=zone)
    except OSError as exc:
        raise CliError(translate("analytics.cli.cannot_write", req.locale, path=str(req.out),
                                 reason=exc.strerror or type(exc).__name__)) from None
    print(text if text else translate("analytics.cli.written", req.locale, path=str(req.out)))
    return 0


def _read_password() -> str:
    """From the terminal (asked twice, not echoed) or else the first line of stdin."""
    if sys.stdin.isatty():
        first = getpass.getpass(_("hq.cli.staff_password"))
        if getpass.getpass(_("hq.cli.staff_password_again")) != first:
            raise CliError(_("hq.cli.staff_password_mismatch"))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _staff_add(args: argparse.Namespace) -> int:
    password = _read_password()
    vault = _vault(args)
    with _transaction(args) as conn:
        account = staff.add_staff(conn, args.number, name=args.name, role=args.role,
                                  department=args.department, password=password, now=_now(),
                                  vault=vault)
    print(_("hq.cli.staff_added", number=account.member.number))
    print(_("hq.cli.staff_totp", secret=account.totp_secret))
    print(account.provisioning_uri)
    return 0


def _staff_list(args: argparse.Namespace) -> int:
    with _transaction(args) as conn:
        for member in staff.list_staff(conn):
            print(f"{member.number}\t{member.name}\t{member.role.value}\t{member.department}")
    return 0


def key_spec(args: argparse.Namespace) -> str:
    """--keys, else COMPLAINT_DESK_HQ_KEYS, else a key file beside a SQLite database (or in
    the platform's user data folder for PostgreSQL), made on first use."""
    spec = args.keys or os.environ.get(KEYS_ENV)
    if spec:
        return str(spec)
    url = make_url(normalise_url(args.database or default_database_url()))
    if url.get_backend_name() == "sqlite" and url.database:
        return f"file:{url.database}.keys.json"
    import platformdirs

    return f"file:{Path(platformdirs.user_data_dir('complaint-desk-hq', appauthor=False)) / 'keys.json'}"


def _vault(args: argparse.Namespace) -> Vault:
    try:
        return Vault(open_key_store(key_spec(args)))
    except KeysUnavailable as exc:
        raise CliError(_("hq.cli.keys_unavailable", problem=str(exc))) from None


def _rebuild(args: argparse.Namespace) -> int:
    vault = _vault(args)
    with _transaction(args) as conn:
        count = complaints.rebuild(conn, vault, _now())
        staff.seal_totp_secrets(conn, vault, _now())
    print(_("hq.cli.rebuilt", count=count))
    return 0


def _retention(args: argparse.Namespace) -> int:
    from hq import retention

    vault = _vault(args)
    now = _now()
    with _database(args) as engine:
        with engine.connect() as conn:
            due = retention.retention_cases(conn, now)
        done = {c.complaint_id for c in retention.apply_retention(engine, vault, now)} if args.apply else set()
    rows: list[dict[str, Any]] = [{"branch": c.branch_code, "reference": c.reference, "ended_at": c.ended_at.isoformat(),
             "retain_until": c.retain_until.isoformat(), "legal_hold": c.legal_hold,
             "action": c.action if c.complaint_id in done else "held" if c.legal_hold else "due"}
            for c in due]
    if args.json:
        print(json.dumps({"applied": bool(args.apply), "complaints": rows}, ensure_ascii=False))
        return 0
    for row in rows:
        print(f"{row['branch']}\t{row['reference']}\t{row['ended_at'][:10]}\t{row['retain_until']}"
              f"\t{row['action']}")
    held = sum(1 for r in rows if r["legal_hold"])
    if args.apply:
        print(_("hq.cli.retention_applied", count=len(done), held=held))
    else:
        print(_("hq.cli.retention_dry_run", count=len(rows) - held, held=held))
    return 0


def _rotate_key(args: argparse.Namespace) -> int:
    vault = _vault(args)
    with _transaction(args) as conn:
        count = rotate(conn, vault.keys)
    with _transaction(args) as conn:  # only once every data key is wrapped by the new one
        vault.keys.retire_unused(kek_ids_in_use(conn))
    print(_("hq.cli.rotated", count=count))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb; returns the exit code (0 done, 1 refused or failed, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except CliError as exc:
        message = str(exc)
    except DomainError as exc:
        message = exc.message()
    except OperationalError:
        message = _("hq.cli.database_unreachable")
    except SQLAlchemyError as exc:
        message = _("hq.cli.database_error", error=type(exc).__name__)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the promise is one line, never a traceback
        message = _("hq.cli.failed", error=type(exc).__name__)
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
