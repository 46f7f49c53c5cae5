"""A profile's keys: the random 256-bit database key in the keyring, the attachment key
derived from it, the key being rotated in, and the recovery key for the branch safe.

`profile.json` in the profile folder says which keyring entry belongs to the profile
(its id) and where that entry lives (the system keyring, or the demo's unsafe file).
It holds no secret. The recovery key is the database key written for people: 56
letters and digits in groups of four with a checksum, shown once when the profile is
created (and again after each key rotation, which replaces it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.errors import DomainError
from desktop.paths import open_private
from desktop.security.keyring_access import KeySlot

PROFILE_FILE = "profile.json"
KEY_BYTES = 32
DATABASE_KEY = "database-key"
NEXT_DATABASE_KEY = "database-key-next"
SYSTEM_KEY_STORE = "system"
DEMO_KEY_STORE = "demo-file-unsafe"
_CHECK_CHARS = 4


class KeyMissing(DomainError):
    """The keyring has no key for this profile: restore it with the recovery key."""

    code = "security.key_missing"


class RecoveryKeyInvalid(DomainError):
    """The recovery key was mistyped (checksum) or has the wrong length."""

    code = "security.recovery_key_invalid"


class RecoveryKeyAlreadyShown(DomainError):
    code = "security.recovery_key_already_shown"


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    """What profile.json holds: no secret, only which keyring entry to read."""

    profile_id: str
    key_store: str = SYSTEM_KEY_STORE
    encryption: str = "sqlcipher4"
    recovery_key_shown: bool = False

    @property
    def unsafe(self) -> bool:
        return self.key_store == DEMO_KEY_STORE


def read_profile_info(folder: Path) -> ProfileInfo | None:
    path = folder / PROFILE_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    known = {k: data[k] for k in ProfileInfo.__slots__ if k in data}
    return ProfileInfo(**known)


def write_profile_info(folder: Path, info: ProfileInfo) -> None:
    """Write profile.json atomically (a crash leaves the old or the new file, never half)."""
    path = folder / PROFILE_FILE
    tmp = path.with_suffix(".json.tmp")
    with os.fdopen(open_private(tmp), "w", encoding="utf-8") as f:
        f.write(json.dumps(asdict(info), indent=2) + "\n")
    os.replace(tmp, path)


def new_profile_info(key_store: str = SYSTEM_KEY_STORE) -> ProfileInfo:
    return ProfileInfo(profile_id=str(uuid.uuid4()), key_store=key_store)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _checksum(key: bytes) -> str:
    return base64.b32encode(hashlib.sha256(b"recovery" + key).digest())[:_CHECK_CHARS].decode()


def format_recovery_key(key: bytes) -> str:
    """The key as 14 groups of 4 characters (base32 + checksum), for paper."""
    text = base64.b32encode(key).decode().rstrip("=") + _checksum(key)
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The key a typed recovery key stands for; spaces, dashes and case do not matter.
    Raises RecoveryKeyInvalid on a wrong length or checksum (the text is never echoed)."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    body, check = compact[:-_CHECK_CHARS], compact[-_CHECK_CHARS:]
    if len(body) != 52:
        raise RecoveryKeyInvalid()
    try:
        key = base64.b32decode(body + "====")
    except ValueError:
        raise RecoveryKeyInvalid() from None
    if len(key) != KEY_BYTES or _checksum(key) != check:
        raise RecoveryKeyInvalid()
    return key


def attachment_key(database_key: bytes) -> bytes:
    """The attachments' AES-256-GCM key, derived from the database key (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"complaint-desk attachments v1").derive(database_key)


@dataclass
class ProfileKeys:
    """The key material of one profile folder, read from its keyring entry on demand."""

    folder: Path
    info: ProfileInfo
    slot: KeySlot

    def _read(self, name: str) -> bytes | None:
        value = self.slot.get(name)
        if not value:
            return None
        try:
            key = bytes.fromhex(value)
        except ValueError:
            return None
        return key if len(key) == KEY_BYTES else None

    def database_key(self) -> bytes:
        """The current database key. Raises KeyMissing when the keyring has none."""
        key = self._read(DATABASE_KEY)
        if key is None:
            raise KeyMissing(profile=self.info.profile_id)
        return key

    def has_database_key(self) -> bool:
        return self._read(DATABASE_KEY) is not None

    def store_database_key(self, key: bytes) -> None:
        self.slot.put(DATABASE_KEY, key.hex())

    def pending_key(self) -> bytes | None:
        """The key a rotation was moving to, if that rotation did not finish."""
        return self._read(NEXT_DATABASE_KEY)

    def store_pending_key(self, key: bytes) -> None:
        self.slot.put(NEXT_DATABASE_KEY, key.hex())

    def clear_pending_key(self) -> None:
        self.slot.delete(NEXT_DATABASE_KEY)

    def attachment_key(self) -> bytes:
        return attachment_key(self.database_key())

    def mark_recovery_key_shown(self) -> None:
        self.info = replace(self.info, recovery_key_shown=True)
        write_profile_info(self.folder, self.info)

    def recovery_key_once(self) -> str:
        """The recovery key, if it has never been shown; raises RecoveryKeyAlreadyShown
        otherwise (rotating the key issues a new one)."""
        if self.info.recovery_key_shown:
            raise RecoveryKeyAlreadyShown()
        text = format_recovery_key(self.database_key())
        self.mark_recovery_key_shown()
        return text
