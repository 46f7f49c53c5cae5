"""What every command-line verb shares: exit codes, the one-line error, the user's language,
the profile `--profile` names, JSON on stdout.

The verbs' modules (desktop.admin_commands, desktop.print_commands, desktop.security.commands,
desktop.sync.commands) import from here; desktop.cli imports them and runs one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.i18n import normalise_locale, translate
from desktop.paths import PROFILE_ENV, profile_dir

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """An error to print as one line; `code` is a message code of the core catalogue."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


def locale() -> str:
    return normalise_locale(os.environ.get("COMPLAINT_DESK_LANG") or os.environ.get("LANG"))


def t(code: str, **params: Any) -> str:
    return translate(code, locale(), **params)


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="DIR",
                        help=f"profile folder (default: ${PROFILE_ENV} or the user data folder)")
    return common


def open_args_profile(args: argparse.Namespace,
                      on_recovery_key: Callable[[str], None] | None = None) -> tuple[Path, Any]:
    """The profile the arguments name, opened. A profile created now shows its recovery key
    through `on_recovery_key` (once: for the branch safe)."""
    from desktop.logs import setup_logging
    from desktop.profile import open_profile

    folder = profile_dir(args.profile)
    store = open_profile(folder, on_recovery_key=on_recovery_key)
    setup_logging(folder)  # the profile's log, named by "see the log" messages
    return folder, store


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
