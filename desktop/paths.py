"""Where a profile folder is, without loading the database layer (the app's window opens
before anything heavy is imported)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

PROFILE_ENV = "COMPLAINT_DESK_PROFILE"


def profile_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--profile if given, else $COMPLAINT_DESK_PROFILE, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(PROFILE_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir("ComplaintDesk", "ComplaintDesk"))
