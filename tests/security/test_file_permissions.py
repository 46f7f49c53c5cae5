"""A profile is its owner's only (issue 11, item 10): the folder 0700 and every file in it
0600 (attachments 0400) — the database and its WAL/SHM, profile.json, the demo's key file,
attachments, the log — also files made after the profile was opened, and an old profile's
loose modes are tightened when it is opened."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from desktop.demo import prepare_demo
from desktop.logs import setup_logging, stop_logging
from desktop.profile import open_profile
from desktop.security.keyring_access import UNSAFE_DEMO_KEYRING_FILE
from desktop.services import complaints as uc
from desktop.services.attachments import add_attachment
from desktop.services.context import Actor, load_context, set_up_device
from tests.security.files import png_bytes
from tests.services.intakes import sample_intake

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(os.stat(folder).st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(os.lstat(path).st_mode)
    return found


def assert_owner_only(folder: Path) -> None:
    for name, mode in modes(folder).items():
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"


def test_every_file_of_a_working_profile_is_the_owners_only(tmp_path: Path, teller: Actor) -> None:
    folder = tmp_path / "pc1"
    store = open_profile(folder)
    try:
        set_up_device(store, branch_code="BJ001", branch_name="示范支行", device_number=1)
        ctx = load_context(store)
        setup_logging(folder)
        logging.getLogger("complaint_desk.test").warning("a line in the log")
        cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
        upload = tmp_path / "scan.png"
        upload.write_bytes(png_bytes())
        add_attachment(ctx, teller, cid, upload)
        found = modes(folder)
        # Files made while the profile is open: the write-ahead log and its index, too.
        assert {"complaints.sqlite3-wal", "complaints.sqlite3-shm", "logs/complaint-desk.log",
                "profile.json"} <= set(found), sorted(found)
        assert found["."] == 0o700 and found["attachments"] == 0o700 and found["logs"] == 0o700
        assert found["complaints.sqlite3"] == 0o600 and found["complaints.sqlite3-wal"] == 0o600
        [sealed] = [n for n in found if n.startswith("attachments/")]
        assert found[sealed] == 0o400
        assert_owner_only(folder)
    finally:
        stop_logging()
        store.close()


def test_opening_an_old_profile_tightens_its_modes(tmp_path: Path) -> None:
    folder = tmp_path / "pc1"
    open_profile(folder).close()
    os.chmod(folder, 0o755)
    for path in folder.iterdir():
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    open_profile(folder).close()
    assert_owner_only(folder)


def test_the_demo_profile_and_its_key_file_are_the_owners_only(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    # A computer without a keyring: the demo keeps its key in a file inside the profile.
    previous = keyring.get_keyring()
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "load_config", lambda: None)
    keyring.set_keyring(fail.Keyring())
    try:
        folder = tmp_path / "demo"
        prepare_demo(folder, complaints=3, with_hq=False, progress=lambda _m: None)
    finally:
        keyring.set_keyring(previous)
    assert (folder / UNSAFE_DEMO_KEYRING_FILE).exists()
    assert_owner_only(folder)
