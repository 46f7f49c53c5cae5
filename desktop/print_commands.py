"""Admin verb `print` (docs/ARCHITECTURE.md §9): a case document or the day-end report to a PDF file.

The printing itself is desktop.services.printing (the counter's preview calls it too);
this module parses the verb, says who prints and writes the file.

  complaint-desk admin print receipt   REFERENCE --pdf FILE [--format roll80|a5|a4]
  complaint-desk admin print letter    REFERENCE --pdf FILE [--fields FILE.json]
  complaint-desk admin print extension REFERENCE --pdf FILE [--format a4|a5]
  complaint-desk admin print day-end   DATE      --pdf FILE [--format a4|a5]
  (each also takes --lang zh_CN|en, --staff NUMBER and --profile DIR)

Every print of a case document is put on the case's timeline (`document_printed`,
with its copy number); a reprint says 副本 / COPY. The file appears only once the
print is recorded, and nothing is recorded when the file cannot be written.

Who prints: --staff names an active account of this PC's roster (its role must hold
the print permission, and `report.day_end` for the day-end report). Without it the
print is recorded as staff "admin" acting with a branch supervisor's rights: the
emergency administrator role itself may not see cases (desktop/security's table).
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.command_line import EXIT_OK, CliError, locale, open_args_profile, t
from desktop.domain import documents
from desktop.domain.documents import FORMATS, document_name
from desktop.domain.errors import NotFound
from desktop.domain.model import Actor, Role
from desktop.i18n import LOCALES, normalise_locale
from desktop.security.permissions import require
from desktop.security.policy import Permission
from desktop.services.cases import complaint_id_of
from desktop.services.context import ServiceContext, load_context
from desktop.services.printing import (
    letter_texts,
    prepare_case_print,
    prepare_day_end_print,
    record_case_print,
)
from desktop.services.roster import active_staff

# What may be echoed back in "no such reference": letters and digits in dash-joined groups.
_REFERENCE_SHAPE = re.compile(r"[A-Za-z0-9]{1,12}(?:-[A-Za-z0-9]{1,12}){2,5}")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLI_STAFF = "admin"
CLI_ROLE = Role.SUPERVISOR  # the least role that may print case documents and the day-end report
DOCUMENT_OF_VERB = {"receipt": documents.RECEIPT, "letter": documents.LETTER,
                    "extension": documents.EXTENSION_NOTICE}


def add_commands(verbs: Any, common: argparse.ArgumentParser) -> None:
    p = verbs.add_parser("print", parents=[common], help=t("printing.cli.help.print"),
                         description="Print a complaint's receipt, decision letter or extension "
                                     "notice, or the day-end report, to a PDF file. Case documents "
                                     "are recorded on the complaint's timeline; a reprint says COPY.")
    kinds = p.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--pdf", required=True, metavar="FILE", type=Path,
                        help="where to write the PDF")
    shared.add_argument("--lang", choices=LOCALES, help="language of the document "
                        "(default: COMPLAINT_DESK_LANG or LANG, else zh_CN)")
    shared.add_argument("--staff", metavar="NUMBER",
                        help=f"who prints (a staff number on this PC's roster; default "
                             f"'{CLI_STAFF}' with a supervisor's print rights)")
    helps = {"receipt": "the acknowledgement receipt (customer and bank copy)",
             "letter": "the decision letter of a resolved complaint (A4)",
             "extension": "the notice of the latest deadline extension"}
    for verb, document in DOCUMENT_OF_VERB.items():
        k = kinds.add_parser(verb, parents=[common, shared], help=helps[verb], description=helps[verb])
        k.add_argument("reference", metavar="REFERENCE", help="the complaint's reference number")
        offered = FORMATS[document]
        k.add_argument("--format", choices=offered, default=offered[0],
                       help=f"paper (default {offered[0]})")
        if verb == "letter":
            k.add_argument("--fields", metavar="FILE.json", type=Path,
                           help="edited letter texts: a JSON object {field: text}; fields left "
                                "out are filled in from the complaint")
        k.set_defaults(handler=cmd_print_case, verb=verb)
    k = kinds.add_parser("day-end", parents=[common, shared], help="the day-end report of a date",
                         description="The day-end report: counts by status and category, received, "
                                     "resolved, overdue, due the next day, sync and reconciliation.")
    k.add_argument("date", metavar="DATE", help="business date, YYYY-MM-DD")
    k.add_argument("--format", choices=FORMATS[documents.DAY_END_REPORT], default="a4",
                   help="paper (default a4)")
    k.set_defaults(handler=cmd_print_day_end)


# -- helpers -------------------------------------------------------------------------------------

def _document_locale(args: argparse.Namespace) -> str:
    return normalise_locale(args.lang or locale())


def _actor(ctx: ServiceContext, staff: str | None) -> Actor:
    """The printing actor: a roster account, or the command line's default."""
    if not staff:
        return Actor(CLI_STAFF, CLI_ROLE)
    actor = active_staff(ctx, staff)
    if actor is None:
        number = staff.strip().upper()
        shown = number if number.isascii() and number.isalnum() else "?"
        raise CliError("printing.error.unknown_staff", number=shown)
    return actor


def _cannot_write(path: Path, exc: OSError) -> CliError:
    return CliError("printing.error.cannot_write", path=str(path),
                    reason=exc.strerror or type(exc).__name__)


def write_pdf(path: Path, pdf: bytes, record: Callable[[], None] = lambda: None) -> None:
    """Write `pdf` to `path` so that the file exists only if `record()` (the print event)
    succeeded, and nothing is recorded when the file cannot be written.

    Raises CliError("printing.error.cannot_write") and whatever `record` raises.
    """
    target = path.expanduser()
    if target.is_dir():
        raise _cannot_write(target, IsADirectoryError(21, os.strerror(21)))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        temporary.write_bytes(pdf)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        record()
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(target, exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _letter_fields(path: Path | None) -> dict[str, str] | None:
    if path is None:
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise CliError("printing.error.fields_file", path=str(path)) from None
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise CliError("printing.error.fields_file", path=str(path))
    return {str(k): v for k, v in raw.items()}


# -- verbs ---------------------------------------------------------------------------------------

def cmd_print_case(args: argparse.Namespace) -> int:
    document = DOCUMENT_OF_VERB[args.verb]
    lang = _document_locale(args)
    edited = _letter_fields(getattr(args, "fields", None))
    _, store = open_args_profile(args)
    try:
        ctx = load_context(store, locale=locale())
        actor = _actor(ctx, args.staff)
        require(actor, Permission.PRINT)
        try:
            complaint_id = complaint_id_of(ctx, args.reference)
        except NotFound:
            if _REFERENCE_SHAPE.fullmatch(args.reference.strip()):
                raise CliError("printing.error.no_such_reference",
                               reference=args.reference.strip()) from None
            # Not shaped like a reference (an ID number typed by mistake?): never echoed.
            raise CliError("printing.error.no_such_complaint") from None
        fields = None
        if edited is not None:
            fields = {**letter_texts(ctx, actor, complaint_id, lang)[1], **edited}
        printed = prepare_case_print(ctx, actor, document, complaint_id, locale=lang,
                                     fmt=args.format, fields=fields)
        write_pdf(args.pdf, printed.pdf, lambda: record_case_print(ctx, actor, printed))
    finally:
        store.close()
    print(t("printing.cli.printed", document=document_name(document, locale()),
            reference=printed.reference, copy=printed.copy_number, path=str(args.pdf)))
    return EXIT_OK


def cmd_print_day_end(args: argparse.Namespace) -> int:
    try:
        if not _DATE_SHAPE.fullmatch(args.date):
            raise ValueError(args.date)
        day = date.fromisoformat(args.date)
    except ValueError:
        raise CliError("printing.error.bad_date", value=args.date) from None
    lang = _document_locale(args)
    _, store = open_args_profile(args)
    try:
        ctx = load_context(store, locale=locale())
        printed = prepare_day_end_print(ctx, _actor(ctx, args.staff), day, locale=lang,
                                        fmt=args.format)
        write_pdf(args.pdf, printed.pdf)
    finally:
        store.close()
    print(t("printing.cli.day_end_printed", date=day.isoformat(), path=str(args.pdf)))
    return EXIT_OK

