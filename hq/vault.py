"""Identity data encrypted at HQ: envelope encryption with the `cryptography` library.

Each push batch gets a fresh data key (AES-256-GCM); the identity members of its
payloads are encrypted under it (the event id as associated data, so a ciphertext cannot
be moved to another event), and the data key is stored only wrapped by a key-encryption
key (KEK) that never enters the database: a key file, or a key-management service.

  COMPLAINT_DESK_HQ_KEYS = file:/etc/complaint-desk-hq/keys.json   (a path alone works too)
                         | kms:NAME[:ARGUMENT]   a plug-in: entry point NAME of the group
                           `complaint_desk_hq.kms`, called with ARGUMENT, returning KeyStore

Rotation (`complaint-desk-hq rotate-key`) makes a new KEK, re-wraps every data key with
it and then forgets the old KEK (once no data key needs it); the data itself is not
re-encrypted. Lookups by ID
number use `Vault.lookup_key`, by phone `Vault.phone_key` (HMAC-SHA256 under a separate
key that rotation keeps).

What can go wrong: KeysUnavailable when the key file cannot be read or made, or names
a KEK the database needs and the file lacks (the message names the file, never a key).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from datetime import datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, and_, insert, select, update

from desktop.domain.chain import canonical_json
from desktop.domain.model import Event, EventKind
from desktop.sync.payloads import IDENTITY_MEMBERS
from hq import tables

KEYS_ENV = "COMPLAINT_DESK_HQ_KEYS"
KMS_ENTRY_POINTS = "complaint_desk_hq.kms"
_NONCE = 12
SEAL_OVERHEAD = _NONCE + 16  # a sealed value's bytes beyond its plaintext: nonce and GCM tag
MAX_OPEN_DATA_KEYS = 4096
_data_keys = tables.data_keys
_events = tables.events


class KeysUnavailable(Exception):
    """The key-encryption keys cannot be had (file missing or damaged, KMS unknown)."""


class KeyStore(Protocol):
    """Where the key-encryption keys live. A KMS plug-in implements these four methods;
    no method ever hands a KEK itself out, only wrapped or unwrapped data keys."""

    def wrap(self, data_key: bytes) -> tuple[str, bytes]:
        """(id of the active KEK, `data_key` wrapped by it)."""
        ...

    def unwrap(self, kek_id: str, wrapped: bytes) -> bytes:
        """The data key; raises KeysUnavailable when `kek_id` is unknown or the wrap is damaged."""
        ...

    def lookup_secret(self) -> bytes:
        """The HMAC key of identity lookups (not rotated with the KEK)."""
        ...

    def rotate(self) -> str:
        """Make a new active KEK (older ones still unwrap); returns its id."""
        ...

    def retire_unused(self, in_use: set[str]) -> None:
        """Forget every KEK but the active one and those `in_use` (still wrapping a data key)."""
        ...


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class FileKeyStore:
    """KEKs in a JSON file readable by the service's account only (0600), made on first use:
    {"format": 1, "active": ID, "keks": {ID: base64}, "lookup": base64}."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not path.exists():
            if not create:
                raise KeysUnavailable(f"key file {path} does not exist")
            kek_id = _new_kek_id()
            self._write({"format": 1, "active": kek_id, "keks": {kek_id: _b64(AESGCM.generate_key(256))},
                         "lookup": _b64(secrets.token_bytes(32))})
        self._load()

    def _refresh(self) -> None:
        """Read the file again when another process (rotate-key) replaced it."""
        try:
            changed = _file_version(self.path) != self._mtime
        except OSError:
            raise KeysUnavailable(f"key file {self.path} cannot be read") from None
        if changed:
            self._load()

    def _load(self) -> None:
        try:
            self._mtime = _file_version(self.path)
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._active = str(data["active"])
            self._keks = {str(k): base64.b64decode(v) for k, v in data["keks"].items()}
            self._lookup = base64.b64decode(data["lookup"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            raise KeysUnavailable(f"key file {self.path} cannot be read") from None
        if self._active not in self._keks or len(self._lookup) < 16:
            raise KeysUnavailable(f"key file {self.path} is damaged")

    def _write_and_note(self, data: dict[str, object]) -> None:
        self._write(data)
        self._mtime = _file_version(self.path)

    def _write(self, data: dict[str, object]) -> None:
        """Replace the file atomically, owner-only from the first byte."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".keys-")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def _save(self) -> None:
        self._write_and_note({"format": 1, "active": self._active,
                     "keks": {k: _b64(v) for k, v in self._keks.items()},
                     "lookup": _b64(self._lookup)})

    def wrap(self, data_key: bytes) -> tuple[str, bytes]:
        self._refresh()
        nonce = secrets.token_bytes(_NONCE)
        wrapped = AESGCM(self._keks[self._active]).encrypt(nonce, data_key, b"hq-data-key")
        return self._active, nonce + wrapped

    def unwrap(self, kek_id: str, wrapped: bytes) -> bytes:
        if kek_id not in self._keks:
            self._refresh()
        kek = self._keks.get(kek_id)
        if kek is None:
            raise KeysUnavailable(f"key file {self.path} lacks a key the database needs")
        try:
            return AESGCM(kek).decrypt(wrapped[:_NONCE], wrapped[_NONCE:], b"hq-data-key")
        except InvalidTag:
            raise KeysUnavailable(f"a data key does not open with key file {self.path}") from None

    def lookup_secret(self) -> bytes:
        return self._lookup

    def rotate(self) -> str:
        self._refresh()
        kek_id = _new_kek_id()
        self._keks[kek_id] = AESGCM.generate_key(256)
        self._active = kek_id
        self._save()
        return kek_id

    def retire_unused(self, in_use: set[str]) -> None:
        self._refresh()
        self._keks = {k: v for k, v in self._keks.items() if k == self._active or k in in_use}
        self._save()


def _file_version(path: Path) -> tuple[int, int]:
    """Changes whenever the file is replaced (os.replace gives it a new inode)."""
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def _new_kek_id() -> str:
    return "kek-" + secrets.token_hex(8)


def open_key_store(spec: str | None, default_path: Path | None = None) -> KeyStore:
    """The key store `spec` names (see the module's docstring); without one, a key file at
    `default_path` (made on first use). Raises KeysUnavailable."""
    if not spec:
        if default_path is None:
            raise KeysUnavailable(f"no key store configured (set {KEYS_ENV})")
        return FileKeyStore(default_path)
    if spec.startswith("kms:"):
        name, _, argument = spec[4:].partition(":")
        found = [ep for ep in entry_points(group=KMS_ENTRY_POINTS) if ep.name == name]
        if not found:
            raise KeysUnavailable(f"no key-management plug-in named {name!r}")
        store: KeyStore = found[0].load()(argument)
        return store
    return FileKeyStore(Path(spec.removeprefix("file:")))


class Vault:
    """Encrypts and decrypts identity members under data keys stored wrapped in `data_keys`."""

    def __init__(self, keys: KeyStore) -> None:
        self.keys = keys
        self._open: dict[int, AESGCM] = {}
        self._lookup = keys.lookup_secret()

    def new_data_key(self, conn: Connection, now: datetime) -> tuple[int, AESGCM]:
        key = AESGCM.generate_key(256)
        kek_id, wrapped = self.keys.wrap(key)
        key_id = int(conn.execute(insert(_data_keys).values(kek_id=kek_id, wrapped=wrapped,
                                                            created_at=now)
                                  .returning(_data_keys.c.id)).scalar_one())
        return key_id, AESGCM(key)

    @staticmethod
    def seal(aead: AESGCM, event_id: str, plaintext: bytes) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return nonce + aead.encrypt(nonce, plaintext, event_id.encode("utf-8"))

    def open(self, conn: Connection, key_id: int, event_id: str, sealed: bytes) -> bytes:
        """The plaintext of `sealed`; raises KeysUnavailable when it does not open."""
        aead = self._open.get(key_id)
        if aead is None:
            row = conn.execute(select(_data_keys.c.kek_id, _data_keys.c.wrapped)
                               .where(_data_keys.c.id == key_id)).first()
            if row is None:
                raise KeysUnavailable("an encrypted event names a data key HQ does not hold")
            aead = AESGCM(self.keys.unwrap(row.kek_id, bytes(row.wrapped)))
            if len(self._open) >= MAX_OPEN_DATA_KEYS:
                self._open.clear()  # a long-running worker keeps a bounded cache
            self._open[key_id] = aead
        try:
            return aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], event_id.encode("utf-8"))
        except InvalidTag:
            raise KeysUnavailable("an encrypted event does not open with its data key") from None

    def lookup_key(self, id_number: str) -> str:
        """The keyed hash HQ finds a customer by: HMAC-SHA256 of the ID number (or credit
        code) in upper case without spaces."""
        text = "".join(id_number.split()).upper()
        return hmac.new(self._lookup, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def phone_key(self, phone: str) -> str | None:
        """The keyed hash HQ finds a customer's phone number by (None when `phone` has no
        digits): HMAC-SHA256 of its digits without China's country code, so "+86 139-1234-
        5678" and "13912345678" match; kept apart from `lookup_key` by a prefix."""
        digits = normal_phone(phone)
        if not digits:
            return None
        return hmac.new(self._lookup, b"phone:" + digits.encode("ascii"),
                        hashlib.sha256).hexdigest()


def normal_phone(phone: str) -> str:
    """The digits of `phone`, without a leading +86 / 0086 country code."""
    digits = "".join(ch for ch in phone if ch.isascii() and ch.isdigit())
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix):]
    return digits


def kek_ids_in_use(conn: Connection) -> set[str]:
    return set(conn.execute(select(_data_keys.c.kek_id).distinct()).scalars())


def rotate(conn: Connection, keys: KeyStore) -> int:
    """Make a new KEK and re-wrap every data key with it (inside the caller's transaction).
    Returns how many data keys were re-wrapped. After the transaction committed, call
    `keys.retire_unused(kek_ids_in_use(...))`: a KEK a concurrent push still used stays
    until the next rotation, so no data key is ever left without its KEK.

    Running servers see the new KEK at their next push (the key file is re-read when it
    changes; a KMS plug-in keeps its own state)."""
    keys.rotate()
    count = 0
    for row in conn.execute(select(_data_keys.c.id, _data_keys.c.kek_id, _data_keys.c.wrapped)).all():
        kek_id, wrapped = keys.wrap(keys.unwrap(row.kek_id, bytes(row.wrapped)))
        conn.execute(update(_data_keys).where(_data_keys.c.id == row.id)
                     .values(kek_id=kek_id, wrapped=wrapped))
        count += 1
    return count


def split_identity(event: Event, fields: dict[str, Any], body: bytes, *,
                   no_floats: bool = False) -> tuple[str, bytes | None]:
    """The body HQ stores in the clear (`fields`, canonical, without hash, is `body`) and
    the canonical JSON of the identity members it encrypts (None when there are none);
    `no_floats` as for canonical_json."""
    members = [m for m in IDENTITY_MEMBERS.get(event.kind, ()) if m in event.payload]
    if not members:
        return body.decode("utf-8"), None
    payload = dict(event.payload)
    identity = {m: payload.pop(m) for m in members}
    stored = canonical_json({**fields, "payload": payload}, no_floats=no_floats).decode("utf-8")
    return stored, canonical_json(identity, no_floats=no_floats)


def seal_plaintext(conn: Connection, vault: Vault, now: datetime) -> int:
    """Encrypt the identity members of events stored before HQ encrypted them (schema
    0001); returns how many events were sealed. Part of `complaint-desk-hq rebuild`."""
    kinds = [kind.value for kind in IDENTITY_MEMBERS]
    rows = conn.execute(select(_events.c.id, _events.c.body).where(
        and_(_events.c.kind.in_(kinds), _events.c.identity.is_(None)))).all()
    sealing: tuple[int, AESGCM] | None = None
    count = 0
    for row in rows:
        fields = json.loads(row.body)
        payload = fields["payload"]
        members = [m for m in IDENTITY_MEMBERS[EventKind(fields["kind"])] if m in payload]
        if not members:
            continue
        if sealing is None:
            sealing = vault.new_data_key(conn, now)
        identity = canonical_json({m: payload.pop(m) for m in members})
        conn.execute(update(_events).where(_events.c.id == row.id).values(
            body=canonical_json(fields).decode("utf-8"), data_key_id=sealing[0],
            identity=vault.seal(sealing[1], row.id, identity)))
        count += 1
    return count
