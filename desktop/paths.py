"""Where a profile folder is, without loading the database layer (the app's window opens
before anything heavy is imported)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

PROFILE_ENV = "COMPLAINT_DESK_PROFILE"
APP_FOLDER = "ComplaintDesk"


def default_profile_dir() -> Path:
    """The platform's user data folder for the program: ~/.local/share/ComplaintDesk on Linux,
    %LOCALAPPDATA%\\ComplaintDesk on Windows (no app-author level, as the README says)."""
    return Path(PlatformDirs(APP_FOLDER, appauthor=False).user_data_dir)


def profile_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--profile if given, else $COMPLAINT_DESK_PROFILE, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(PROFILE_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_profile_dir()
