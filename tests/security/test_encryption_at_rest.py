"""The profile encrypted at rest: no identity data in the files' bytes, the key only in the
keyring, clear refusals without it, recovery and rotation that keep every record readable."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import select

from desktop.domain.errors import DomainError
from desktop.domain.model import Actor
from desktop.profile import (
    ProfileDamaged,
    RecoveryKeyWrong,
    encrypt_profile,
    open_profile,
    profile_keys,
    profile_security,
    recover_profile,
    rotate_profile_key,
)
from desktop.security.encryption import PlaintextDatabase, WrongKey, key_opens
from desktop.security.keyring_access import (
    UNSAFE_DEMO_KEYRING_FILE,
    KeyringUnavailable,
    platform_keyring,
)
from desktop.security.profile_keys import (
    DATABASE_KEY,
    KeyMissing,
    RecoveryKeyInvalid,
    format_recovery_key,
    parse_recovery_key,
    read_profile_info,
)
from desktop.services import complaints as uc
from desktop.services.attachments import add_attachment, open_attachment
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.store.db import DATABASE_FILE, Store
from desktop.store.models import ComplaintRow
from tests.security.files import png_bytes
from tests.services.intakes import VALID_ID, sample_intake

PHONE = "13800138000"
NAME = "王小明"
DESCRIPTION = "在柜台排队一小时无人办理，工作人员态度冷淡。"
SECRET_WORD = "Quetzalcoatl-ledger-7731"


def profile_folder(store: Store) -> Path:
    return store.path.parent


def delete_key(folder: Path) -> None:
    info = read_profile_info(folder)
    assert info is not None
    keyring.delete_password(f"complaint-desk:{info.profile_id}", DATABASE_KEY)


def test_database_wal_and_attachments_hold_no_identity_data_in_clear(
        ctx: ServiceContext, teller: Actor, tmp_path: Path) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake(description=DESCRIPTION + SECRET_WORD))
    uc.add_note(ctx, teller, rec.complaint_id, f"客户电话 {PHONE} 已核实")
    scan = tmp_path / "scan.png"
    scan.write_bytes(png_bytes(f"{NAME} {VALID_ID} {PHONE} {SECRET_WORD}".encode()))
    add_attachment(ctx, teller, rec.complaint_id, scan)
    folder = profile_folder(ctx.store)
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".cfg")]
    assert (folder / DATABASE_FILE).exists() and any(p.name.endswith("-wal") for p in files)
    assert any(p.parent.name == "attachments" for p in files)
    needles = [VALID_ID.encode(), PHONE.encode(), NAME.encode("utf-8"),
               DESCRIPTION[:8].encode("utf-8"), SECRET_WORD.encode(), b"SQLite format 3"]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} in clear in {path.name}"
    # ... while search, which runs inside the encrypted file, still finds the words.
    with ctx.store.read() as s:
        assert s.scalar(select(ComplaintRow.reference).where(ComplaintRow.id == rec.complaint_id))
    from sqlalchemy import text
    with ctx.store.read() as s:
        hits = s.execute(text("SELECT rowid FROM complaint_search WHERE complaint_search MATCH :q"),
                         {"q": '"' + SECRET_WORD + '"'}).all()
    assert len(hits) == 1


def test_the_key_lives_in_the_keyring_not_in_the_profile_folder(store: Store) -> None:
    folder = profile_folder(store)
    key = profile_keys(folder).database_key()
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key not in data and key.hex().encode() not in data
    assert read_profile_info(folder) is not None  # names the keyring entry, holds no secret


def test_the_raw_file_does_not_open_as_plain_sqlite(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_opening_without_the_key_fails_with_the_recovery_path(store: Store) -> None:
    folder = profile_folder(store)
    store.close()
    delete_key(folder)
    with pytest.raises(KeyMissing) as caught:
        open_profile(folder)
    assert "admin recover --recovery-key" in caught.value.message("en")
    assert "recover --recovery-key" in caught.value.message("zh_CN")


def test_a_wrong_key_in_the_keyring_is_refused_not_overwritten(store: Store) -> None:
    folder = profile_folder(store)
    store.close()
    keys = profile_keys(folder)
    right = keys.database_key()
    keys.store_database_key(bytes(32))
    with pytest.raises(WrongKey):
        open_profile(folder)
    assert key_opens(folder / DATABASE_FILE, right)


@pytest.fixture
def no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A computer without a keyring: keyring falls back to a failing stub, nobody chose one."""
    previous = keyring.get_keyring()
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "load_config", lambda: None)
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_no_keyring_is_a_clear_error_and_never_a_plaintext_profile(
        no_system_keyring: None, tmp_path: Path) -> None:
    folder = tmp_path / "headless"
    with pytest.raises(KeyringUnavailable) as caught:
        open_profile(folder)
    assert "keyring" in caught.value.message("en").lower()
    assert not (folder / DATABASE_FILE).exists()


def test_a_plaintext_file_keyring_picked_automatically_is_not_trusted(
        no_system_keyring: None, tmp_path: Path) -> None:
    stand_in = PlaintextKeyring()
    stand_in.file_path = str(tmp_path / "auto.cfg")
    keyring.set_keyring(stand_in)
    with pytest.raises(KeyringUnavailable):
        platform_keyring()


def test_only_the_demo_profile_falls_back_to_an_unsafe_file_inside_the_profile(
        no_system_keyring: None, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    store = open_profile(folder, demo=True)
    store.close()
    assert (folder / UNSAFE_DEMO_KEYRING_FILE).exists()
    security = profile_security(folder)
    assert security is not None and security.unsafe
    open_profile(folder).close()  # reopened from the same file, still without a system keyring


def test_a_demo_profile_uses_the_system_keyring_when_there_is_one(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    open_profile(folder, demo=True).close()
    assert not (folder / UNSAFE_DEMO_KEYRING_FILE).exists()
    security = profile_security(folder)
    assert security is not None and not security.unsafe


def test_recovery_key_round_trips_and_catches_typos() -> None:
    key = bytes(range(32))
    text = format_recovery_key(key)
    assert len(text.split("-")) == 14
    assert parse_recovery_key(text.lower().replace("-", " ")) == key
    typo = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(RecoveryKeyInvalid):
        parse_recovery_key(typo)
    with pytest.raises(RecoveryKeyInvalid):
        parse_recovery_key(text[:-5])


def test_recovery_key_is_given_once_at_creation_and_restores_a_lost_key(
        tmp_path: Path, teller: Actor) -> None:
    shown: list[str] = []
    folder = tmp_path / "branch"
    store = open_profile(folder, on_recovery_key=shown.append)
    set_up_device(store, branch_code="BJ001", branch_name="网点", device_number=1)
    rec = uc.record_complaint(load_context(store), teller, sample_intake())
    store.close()
    assert len(shown) == 1
    with pytest.raises(DomainError):  # shown already: not again
        reopened = open_profile(folder)
        try:
            reopened.secrets.recovery_key_once()
        finally:
            reopened.close()
    delete_key(folder)
    (folder / "profile.json").unlink()
    with pytest.raises(ProfileDamaged):
        open_profile(folder)
    with pytest.raises(RecoveryKeyWrong):
        recover_profile(folder, format_recovery_key(bytes(32)))
    assert recover_profile(folder, shown[0]) is None
    store = open_profile(folder)
    assert case_detail(load_context(store), rec.complaint_id).view.reference == rec.reference
    store.close()


def test_rotation_keeps_every_record_and_attachment_readable(
        ctx: ServiceContext, teller: Actor, tmp_path: Path) -> None:
    recs = [uc.record_complaint(ctx, teller, sample_intake()) for _ in range(3)]
    scan = tmp_path / "scan.png"
    scan.write_bytes(png_bytes(b"letter"))
    info = add_attachment(ctx, teller, recs[0].complaint_id, scan)
    folder = profile_folder(ctx.store)
    old = profile_keys(folder).database_key()
    ctx.store.close()

    recovery = rotate_profile_key(folder)

    new = profile_keys(folder).database_key()
    assert new != old and parse_recovery_key(recovery) == new
    assert not key_opens(folder / DATABASE_FILE, old)
    store = open_profile(folder)
    again = load_context(store)
    for rec in recs:
        assert case_detail(again, rec.complaint_id).view.reference == rec.reference
    assert open_attachment(again, teller, recs[0].complaint_id, info.sha256) == scan.read_bytes()
    store.close()


def test_a_rotation_cut_short_finishes_on_the_next_open(
        ctx: ServiceContext, teller: Actor, tmp_path: Path) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    scan = tmp_path / "scan.png"
    scan.write_bytes(png_bytes(b"statement"))
    info = add_attachment(ctx, teller, rec.complaint_id, scan)
    folder = profile_folder(ctx.store)
    ctx.store.close()
    keys = profile_keys(folder)
    keys.store_pending_key(bytes(range(32)))  # the first step of a rotation, then a crash

    store = open_profile(folder)
    again = load_context(store)
    assert case_detail(again, rec.complaint_id).view.reference == rec.reference
    assert open_attachment(again, teller, rec.complaint_id, info.sha256) == scan.read_bytes()
    store.close()
    keys = profile_keys(folder)
    assert keys.database_key() == bytes(range(32)) and keys.pending_key() is None


def test_an_unencrypted_database_is_refused_then_encrypted_on_request(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    from desktop.store.db import open_store

    plain = open_store(folder)  # as written before encryption existed
    set_up_device(plain, branch_code="BJ001", branch_name="网点", device_number=1)
    plain.close()
    with pytest.raises(PlaintextDatabase):
        open_profile(folder)
    recovery = encrypt_profile(folder)
    assert not (folder / DATABASE_FILE).read_bytes().startswith(b"SQLite format 3")
    store = open_profile(folder)
    assert load_context(store).device.branch_code == "BJ001"
    store.close()
    assert parse_recovery_key(recovery) == profile_keys(folder).database_key()


def test_a_database_error_does_not_carry_the_values_it_was_given(store: Store) -> None:
    from sqlalchemy import text as sql
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as caught, store.write() as s:
        s.execute(sql("INSERT INTO settings (key, value) VALUES (:k, :v)"), {"k": "x", "v": VALID_ID})
        s.execute(sql("INSERT INTO settings (key, value) VALUES (:k, :v)"), {"k": "x", "v": VALID_ID})
    assert "UNIQUE" in str(caught.value)
    assert VALID_ID not in str(caught.value)
