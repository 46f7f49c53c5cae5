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


# A profile holds customers' data and its keys: readable by its owner only. On Windows the
# profile lives in the user's own AppData, whose ACL already does this; modes are POSIX.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) as a folder only its owner may enter."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Make an empty file at `path` readable by its owner only, unless one exists."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass


def open_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """os.open with owner-only permissions for a file it creates."""
    return os.open(path, flags, PRIVATE_FILE_MODE)


def secure_tree(folder: Path) -> None:
    """Take group and other permissions off everything in a profile folder (a profile from
    before this version, or files another tool left). Read-only files stay read-only."""
    if os.name != "posix" or not folder.is_dir():
        return
    os.chmod(folder, PRIVATE_DIR_MODE)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), PRIVATE_DIR_MODE)
        for name in files:
            path = os.path.join(root, name)
            mode = os.lstat(path).st_mode
            if mode & 0o077 and not os.path.islink(path):
                os.chmod(path, (mode & 0o700) or 0o600)
