"""Where a branch profile lives and how it is opened: the folder holding the database,
attachments and settings (DESIGN §6)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from desktop.store.db import Store, open_store

PROFILE_ENV = "COMPLAINT_DESK_PROFILE"


def profile_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--profile if given, else $COMPLAINT_DESK_PROFILE, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(PROFILE_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir("ComplaintDesk", "ComplaintDesk"))


def open_profile(folder: Path) -> Store:
    """Open the profile's database, creating and migrating it as needed."""
    folder.mkdir(parents=True, exist_ok=True)
    return open_store(folder)
