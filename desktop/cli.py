"""Command-line entry points (docs/ARCHITECTURE.md §9), a stable contract that tests and admins rely on.

  complaint-desk [--profile DIR]                  open the desktop app
  complaint-desk demo [--profile DIR] [--complaints N]
  complaint-desk admin <verb> [--profile DIR] ... seed, list, show, and the verbs other
                                                  areas register (sync, print, verify ...)

Every error a user can cause is one clear line on stderr (in the user's language)
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop import admin_commands, policy_commands, print_commands, statistics_commands
from desktop.command_line import EXIT_ERROR, EXIT_OK, CliError, common_options, locale, t
from desktop.domain.errors import DomainError
from desktop.paths import profile_dir
from desktop.security import commands as security_commands
from desktop.sync import commands as sync_commands

log = logging.getLogger("complaint_desk.cli")


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="complaint-desk", parents=[common],
        description="Complaint Desk: record, follow and resolve customer complaints at a bank "
                    "branch counter. Without a command, opens the desktop app.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", parents=[common],
                          help="open the app on a demo branch with staff, data and a local HQ",
                          description="Create (once) a demo profile with a branch, one staff "
                                      "account per role and synthetic complaints, start a local HQ "
                                      "on loopback so sync works, then open the app.")
    demo.add_argument("--complaints", type=int, default=300, metavar="N",
                      help="how many synthetic complaints a new demo profile gets (default 300)")
    demo.add_argument("--no-gui", action="store_true",
                      help="prepare the demo profile and exit without opening the window")
    demo.add_argument("--with-hq", action="store_true",
                      help="with --no-gui: still create the local HQ and enroll (for tests)")
    admin = sub.add_parser("admin", help="administration verbs (run 'admin --help')",
                           description="Administration verbs for scripts and admins.")
    verbs = admin.add_subparsers(dest="verb", metavar="VERB", required=True)
    for area in (admin_commands, policy_commands, sync_commands, security_commands,
                 print_commands, statistics_commands):
        area.add_commands(verbs, common)
    return parser


def run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except CliError as exc:
        print(t(exc.code, **exc.params), file=sys.stderr)
        return EXIT_ERROR
    except DomainError as exc:
        print(exc.message(locale()), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, no traceback, no data
        path = _log_unexpected(exc, args)
        print(t("cli.unexpected", kind=type(exc).__name__, log=path), file=sys.stderr)
        return EXIT_ERROR


def _log_unexpected(exc: BaseException, args: argparse.Namespace) -> str:
    """Write an unexpected error to the profile's log: its kind and where it happened, not
    its text (an exception's text may carry a customer's data). Returns the log's path."""
    import traceback

    from desktop.logs import log_file, setup_logging

    path = log_file()
    if path is None:
        try:
            path = setup_logging(profile_dir(getattr(args, "profile", None)))
        except OSError:
            return "-"
    log.error("unexpected error of kind %s in\n%s", type(exc).__name__,
              "".join(traceback.format_tb(exc.__traceback__)).rstrip())
    return str(path)


# Opens the desktop window on a profile folder; provided by ui/ (desktop/ has no Qt).
OpenGui = Callable[[Path, bool], int]


def main(argv: Sequence[str] | None = None, open_gui: OpenGui | None = None) -> int:
    """Parse and run one command. `open_gui` is how the app window is opened; the
    `complaint-desk` console script (ui.main) passes it, so admin verbs never load Qt."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "demo"):
        return run(lambda a: _open(a, open_gui), args)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return run(handler, args)


def _open(args: argparse.Namespace, open_gui: OpenGui | None) -> int:
    folder = profile_dir(args.profile)
    demo = args.command == "demo"
    if not demo:
        return EXIT_OK if open_gui is None else open_gui(folder, False)
    from desktop.demo import prepare_demo

    gui = open_gui is not None and not args.no_gui
    hq = prepare_demo(folder, complaints=args.complaints, with_hq=gui or args.with_hq,
                      progress=lambda m: print(m, flush=True), locale=locale())
    try:
        return open_gui(folder, True) if gui and open_gui is not None else EXIT_OK
    finally:
        if hq is not None:
            hq.stop()


if __name__ == "__main__":
    sys.exit(main())
