"""Where a branch profile lives and how it is opened: the folder holding the database,
attachments and settings, encrypted with a key from the keyring (docs/ARCHITECTURE.md §6).

A new profile gets a random database key in the operating system's keyring and a
recovery key for the branch safe (handed to `on_recovery_key` once, or shown once by
`complaint-desk admin recovery-key`). An existing profile opens only with its key:
a missing keyring, a missing or wrong key, or an unencrypted file each raise a typed
error whose message names the recovery path. There is no plaintext fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from keyring.backend import KeyringBackend

from desktop.domain.errors import DomainError
from desktop.paths import PROFILE_ENV, create_private_file, private_dir, profile_dir, secure_tree
from desktop.security.encryption import (
    PlaintextDatabase,
    check_database_key,
    encrypt_plain_database,
    finish_rotation,
    is_plain_sqlite,
    key_opens,
    rotate_key,
    sqlcipher_connector,
)
from desktop.security.keyring_access import (
    KeyringUnavailable,
    KeySlot,
    platform_keyring,
    unsafe_file_keyring,
)
from desktop.security.profile_keys import (
    DEMO_KEY_STORE,
    KeyMissing,
    ProfileInfo,
    ProfileKeys,
    format_recovery_key,
    new_key,
    new_profile_info,
    parse_recovery_key,
    read_profile_info,
    write_profile_info,
)
from desktop.store.db import DATABASE_FILE, Store, open_store

__all__ = ["PROFILE_ENV", "open_profile", "profile_dir"]


# Receives the recovery key of a profile just created, to show or print it once.
RecoveryKeySink = Callable[[str], None]


class ProfileDamaged(KeyMissing):
    """The database exists but profile.json (which names its keyring entry) is gone."""

    code = "security.profile_info_missing"


@dataclass(frozen=True, slots=True)
class ProfileSecurity:
    """How a profile's key is kept, for the UI's banner: `unsafe` is the demo's file keyring."""

    key_store: str
    unsafe: bool


def _backend_for(folder: Path, info: ProfileInfo, backend: KeyringBackend | None) -> KeyringBackend:
    if info.key_store == DEMO_KEY_STORE:
        return unsafe_file_keyring(folder)
    return backend if backend is not None else platform_keyring()


def profile_keys(folder: Path, backend: KeyringBackend | None = None) -> ProfileKeys:
    """The key access of an existing profile. Raises KeyMissing when profile.json is gone
    (ProfileDamaged) and KeyringUnavailable when the keyring cannot be reached."""
    info = read_profile_info(folder)
    if info is None:
        raise ProfileDamaged()
    return ProfileKeys(folder=folder, info=info,
                       slot=KeySlot(_backend_for(folder, info, backend), info.profile_id))


def profile_security(folder: Path) -> ProfileSecurity | None:
    info = read_profile_info(folder)
    return None if info is None else ProfileSecurity(info.key_store, info.unsafe)


def _has_database(folder: Path) -> bool:
    path = folder / DATABASE_FILE
    return path.exists() and path.stat().st_size > 0


def _create_keys(folder: Path, backend: KeyringBackend | None, demo: bool,
                 key_in_profile: bool, on_recovery_key: RecoveryKeySink | None) -> ProfileKeys:
    if key_in_profile:
        chosen, info = unsafe_file_keyring(folder), new_profile_info(DEMO_KEY_STORE)
    elif demo:
        try:
            chosen, info = platform_keyring() if backend is None else backend, new_profile_info()
        except KeyringUnavailable:
            chosen, info = unsafe_file_keyring(folder), new_profile_info(DEMO_KEY_STORE)
    else:
        chosen, info = backend if backend is not None else platform_keyring(), new_profile_info()
    keys = ProfileKeys(folder=folder, info=info, slot=KeySlot(chosen, info.profile_id))
    key = new_key()
    # Keyring first: a crash before profile.json leaves an unused entry, never a lost key.
    keys.store_database_key(key)
    write_profile_info(folder, info)
    if on_recovery_key is not None:
        on_recovery_key(format_recovery_key(key))
        keys.mark_recovery_key_shown()
    return keys


def open_profile(folder: Path, *, keyring_backend: KeyringBackend | None = None,
                 on_recovery_key: RecoveryKeySink | None = None,
                 demo: bool = False, key_in_profile: bool = False) -> Store:
    """Open the profile's encrypted database, creating the profile, its key and the
    database (migrated to the newest schema) as needed.

    `keyring_backend` overrides the system keyring (tests, tools); `demo` lets a new
    demo profile keep its key in an unsafe file inside the profile when this computer
    has no keyring; `key_in_profile` makes a new profile of synthetic data (the
    benchmarks' cached profiles) keep its key in that unsafe file whatever keyring this
    computer has, so the profile opens under any keyring later. Raises KeyringUnavailable, KeyMissing (ProfileDamaged when
    profile.json is gone), WrongKey or PlaintextDatabase; each message says what to do.
    """
    private_dir(folder)
    if read_profile_info(folder) is None:
        if _has_database(folder):
            if is_plain_sqlite(folder / DATABASE_FILE):
                raise PlaintextDatabase()
            raise ProfileDamaged()
        keys = _create_keys(folder, keyring_backend, demo, key_in_profile, on_recovery_key)
    else:
        keys = profile_keys(folder, keyring_backend)
        finish_rotation(keys)
    key = keys.database_key()
    check_database_key(folder / DATABASE_FILE, key)
    # Owner-only from its first byte; SQLite gives its -wal and -shm files the same mode.
    create_private_file(folder / DATABASE_FILE)
    store = open_store(folder, connect=sqlcipher_connector(key))
    store.secrets = keys
    secure_tree(folder)
    return store


class RecoveryKeyWrong(DomainError):
    """The recovery key is well-formed but does not open this profile's database."""

    code = "security.recovery_key_wrong"


class NoProfileHere(DomainError):
    code = "security.no_profile"


def recover_profile(folder: Path, recovery_key: str, *,
                    keyring_backend: KeyringBackend | None = None) -> str | None:
    """Put the key back into the keyring from the recovery key kept in the branch safe
    (after a new keyring, a lost profile.json, a reinstalled PC).

    Returns a new recovery key when an interrupted key rotation had to be finished
    (the old paper is then void), else None. Raises RecoveryKeyInvalid (typo),
    RecoveryKeyWrong, NoProfileHere, PlaintextDatabase or KeyringUnavailable.
    """
    key = parse_recovery_key(recovery_key)
    path = folder / DATABASE_FILE
    if not _has_database(folder):
        raise NoProfileHere()
    if is_plain_sqlite(path):
        raise PlaintextDatabase()
    if not key_opens(path, key):
        raise RecoveryKeyWrong()
    info = read_profile_info(folder)
    if info is None:
        info = replace(new_profile_info(), recovery_key_shown=True)
        write_profile_info(folder, info)
    keys = ProfileKeys(folder=folder, info=info,
                       slot=KeySlot(_backend_for(folder, info, keyring_backend), info.profile_id))
    keys.store_database_key(key)
    pending = keys.pending_key()
    if pending is None or pending == key:
        keys.clear_pending_key()
        return None
    finish_rotation(keys)
    return format_recovery_key(keys.database_key())


def rotate_profile_key(folder: Path, *, keyring_backend: KeyringBackend | None = None) -> str:
    """Re-encrypt the profile (database and attachments) under a new random key and
    return its recovery key, which replaces the old one. Close the app on this PC
    first. Raises what open_profile raises when the current key is not usable."""
    keys = profile_keys(folder, keyring_backend)
    new = rotate_key(keys)
    keys.mark_recovery_key_shown()
    secure_tree(folder)  # the re-encrypted files are new files
    return format_recovery_key(new)


def encrypt_profile(folder: Path, *, keyring_backend: KeyringBackend | None = None) -> str:
    """Encrypt a profile whose database was written unencrypted (before this version):
    a new key in the keyring, the file exported into SQLCipher. Returns the recovery
    key. Raises NoProfileHere when there is no unencrypted database to convert."""
    path = folder / DATABASE_FILE
    if not is_plain_sqlite(path):
        raise NoProfileHere()
    info = new_profile_info()
    keys = ProfileKeys(folder=folder, info=info,
                       slot=KeySlot(_backend_for(folder, info, keyring_backend), info.profile_id))
    key = new_key()
    keys.store_database_key(key)
    encrypt_plain_database(path, key)
    write_profile_info(folder, replace(info, recovery_key_shown=True))
    secure_tree(folder)
    return format_recovery_key(key)
