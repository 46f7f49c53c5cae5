"""The profile database encrypted at rest with SQLCipher (docs/ARCHITECTURE.md §6).

Every connection is opened through `sqlcipher3` and given the profile's raw 256-bit
key as its first statement (a raw key skips the passphrase derivation, so opening a
connection stays cheap). Pages, the WAL and the FTS index inside the file are all
encrypted; temporary tables stay in memory. The key is never part of a URL, a log
line or an error message.

Key rotation re-encrypts the attachments, then rekeys the database, then swaps the
key in the keyring; the next key is saved in the keyring first, so a rotation cut
short finishes on the next open instead of losing anything.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop.domain.errors import DomainError
from desktop.security.profile_keys import ProfileKeys, attachment_key, new_key
from desktop.security.sealed_files import reseal_all
from desktop.store.db import BUSY_TIMEOUT_MS, DATABASE_FILE, ConnectionFactory

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


class WrongKey(DomainError):
    """The key in the keyring does not open this profile's database."""

    code = "security.wrong_key"


class PlaintextDatabase(DomainError):
    """The profile's database file is not encrypted; it is not opened as it is."""

    code = "security.plaintext_database"


def _keyed(path: str, key: bytes) -> Any:
    conn = sqlcipher3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                              isolation_level=None)
    # A wrong key is reported by us, once, in the user's language; not by SQLCipher on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


class _SQLCipherConnector:
    """Opens SQLCipher connections with a key; `dbapi` tells SQLAlchemy whose errors to wrap."""

    dbapi = sqlcipher3

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, path: str) -> Any:
        return _keyed(path, self._key)

    def __repr__(self) -> str:  # never the key
        return "<SQLCipher connector>"


def sqlcipher_connector(key: bytes) -> ConnectionFactory:
    """A ConnectionFactory for desktop.store.db.open_store that opens SQLCipher with `key`."""
    return _SQLCipherConnector(key)


def is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(PLAIN_SQLITE_HEADER)) == PLAIN_SQLITE_HEADER
    except FileNotFoundError:
        return False


def key_opens(path: Path, key: bytes) -> bool:
    """Whether `key` decrypts the database at `path` (a missing or empty file: yes)."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    conn = _keyed(str(path), key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def check_database_key(path: Path, key: bytes) -> None:
    """Raise PlaintextDatabase or WrongKey unless `key` opens the database at `path`."""
    if is_plain_sqlite(path):
        raise PlaintextDatabase()
    if not key_opens(path, key):
        raise WrongKey()


def rekey(path: Path, old: bytes, new: bytes) -> None:
    """Re-encrypt the whole database file from `old` to `new` (SQLCipher PRAGMA rekey).
    No other connection may be open on the file (close the app first)."""
    conn = _keyed(str(path), old)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    if not key_opens(path, new):
        raise WrongKey()


def finish_rotation(keys: ProfileKeys) -> bool:
    """Complete a rotation whose next key is waiting in the keyring; False if none is.

    Idempotent: attachments already moved are skipped, a database already rekeyed is
    left alone. Raises WrongKey if the database opens with neither key.
    """
    pending = keys.pending_key()
    if pending is None:
        return False
    current = keys.database_key()
    if pending != current:
        reseal_all(keys.folder, attachment_key(current), attachment_key(pending))
        path = keys.folder / DATABASE_FILE
        if not key_opens(path, pending):
            if not key_opens(path, current):
                raise WrongKey()
            rekey(path, current, pending)
        keys.store_database_key(pending)
    keys.clear_pending_key()
    return True


def rotate_key(keys: ProfileKeys) -> bytes:
    """Replace the profile's key with a new random one, keeping every record and
    attachment readable. Returns the new key (its recovery key replaces the old one).
    The database must be closed everywhere while this runs."""
    finish_rotation(keys)  # an earlier interrupted rotation first
    check_database_key(keys.folder / DATABASE_FILE, keys.database_key())
    keys.store_pending_key(new_key())
    finish_rotation(keys)
    return keys.database_key()


def _remove_side_files(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.unlink()


def encrypt_plain_database(path: Path, key: bytes) -> None:
    """Turn an unencrypted profile database into an encrypted one with `key`
    (sqlcipher_export into a new file, then an atomic swap). The old plaintext may
    linger in free disk blocks: the disk itself should be encrypted too.
    SQLite errors pass through for a damaged source file."""
    target = path.with_name(path.name + ".encrypting")
    if target.exists():
        target.unlink()
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    if not key_opens(target, key):
        raise WrongKey()
    _remove_side_files(path)
    os.replace(target, path)
