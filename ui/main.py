"""The `complaint-desk` console script: desktop.cli parses and runs every command;
this module only adds how to open the window, so admin verbs never load Qt.

Opening the app (no command) takes a fast path that skips building the full command
parser: the login window should be on screen before the database layer is even imported.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def open_window(profile: Path, demo: bool) -> int:
    from ui.app import run_app

    return run_app(profile, demo=demo)


def _plain_open(argv: Sequence[str]) -> Path | None:
    """The profile folder when the arguments only open the app (`[--profile DIR]`), else None."""
    from desktop.paths import profile_dir

    args = list(argv)
    if not args:
        return profile_dir(None)
    if len(args) == 2 and args[0] == "--profile":
        return profile_dir(args[1])
    if len(args) == 1 and args[0].startswith("--profile="):
        return profile_dir(args[0].split("=", 1)[1])
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    folder = _plain_open(args)
    if folder is not None:
        return open_window(folder, False)
    from desktop import cli

    return cli.main(args, open_gui=open_window)


if __name__ == "__main__":
    sys.exit(main())
