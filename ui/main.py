"""The `complaint-desk` console script: desktop.cli parses and runs every command;
this module only adds how to open the window, so admin verbs never load Qt."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import cli


def open_window(profile: Path, demo: bool) -> int:
    from ui.app import run_app

    return run_app(profile, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, open_gui=open_window)


if __name__ == "__main__":
    sys.exit(main())
