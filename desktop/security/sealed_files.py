"""Attachment files sealed with AES-256-GCM, named by the SHA-256 of their content.

A sealed file is: magic `CDA1`, the fingerprint of the key that sealed it (8 bytes,
so a rotation can tell which files it has already moved), a 12-byte random nonce,
then the ciphertext and tag. The header and the content's SHA-256 are bound as
associated data, so a file renamed to another hash or edited in any byte fails to
open. Files are written to a temporary name, synced and renamed into place, then
made read-only.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.errors import DomainError
from desktop.paths import open_private

MAGIC = b"CDA1"
FINGERPRINT_BYTES = 8
NONCE_BYTES = 12
HEADER_BYTES = len(MAGIC) + FINGERPRINT_BYTES + NONCE_BYTES
ATTACHMENTS_DIR = "attachments"
_HEX = frozenset("0123456789abcdef")


class AttachmentDamaged(DomainError):
    """The sealed file does not open with this profile's key or does not match its name."""

    code = "attachment.damaged"


def key_fingerprint(key: bytes) -> bytes:
    return hashlib.sha256(b"complaint-desk key fingerprint" + key).digest()[:FINGERPRINT_BYTES]


def is_content_name(name: str) -> bool:
    return len(name) == 64 and set(name) <= _HEX


def seal(content: bytes, sha256: str, key: bytes) -> bytes:
    header = MAGIC + key_fingerprint(key)
    nonce = os.urandom(NONCE_BYTES)
    return header + nonce + AESGCM(key).encrypt(nonce, content, header + sha256.encode("ascii"))


def sealed_with(blob: bytes) -> bytes | None:
    """The fingerprint of the key that sealed `blob`, or None if it is not a sealed file."""
    if len(blob) < HEADER_BYTES or not blob.startswith(MAGIC):
        return None
    return blob[len(MAGIC):len(MAGIC) + FINGERPRINT_BYTES]


def unseal(blob: bytes, sha256: str, key: bytes) -> bytes:
    """The content of a sealed file. Raises AttachmentDamaged on a wrong key, an edited
    byte or a content that does not hash to its name."""
    if sealed_with(blob) != key_fingerprint(key):
        raise AttachmentDamaged(attachment=sha256[:12])
    header, nonce = blob[:len(MAGIC) + FINGERPRINT_BYTES], blob[len(MAGIC) + FINGERPRINT_BYTES:HEADER_BYTES]
    try:
        content = AESGCM(key).decrypt(nonce, blob[HEADER_BYTES:], header + sha256.encode("ascii"))
    except InvalidTag:
        raise AttachmentDamaged(attachment=sha256[:12]) from None
    if hashlib.sha256(content).hexdigest() != sha256:
        raise AttachmentDamaged(attachment=sha256[:12])
    return content


def write_read_only(path: Path, blob: bytes) -> None:
    """Put `blob` at `path` atomically and leave it read-only (replacing a read-only file too)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with os.fdopen(open_private(tmp), "wb") as f:
        f.write(blob)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, stat.S_IRUSR)  # the owner's, read-only
    if os.name == "nt" and path.exists():  # Windows refuses to replace a read-only file
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
    os.replace(tmp, path)


def sealed_files(folder: Path) -> Iterator[Path]:
    """The sealed attachment files of a profile folder."""
    directory = folder / ATTACHMENTS_DIR
    if not directory.is_dir():
        return
    for path in sorted(directory.iterdir()):
        if path.is_file() and is_content_name(path.name):
            yield path


def reseal_all(folder: Path, old_key: bytes, new_key: bytes) -> int:
    """Re-encrypt every attachment sealed with `old_key` under `new_key`; files already
    under the new key are left alone, so an interrupted rotation can simply run again.
    Returns how many files were rewritten. Raises AttachmentDamaged for a file that
    opens with neither key."""
    new_print = key_fingerprint(new_key)
    done = 0
    for path in sealed_files(folder):
        blob = path.read_bytes()
        if sealed_with(blob) == new_print:
            continue
        content = unseal(blob, path.name, old_key)
        write_read_only(path, seal(content, path.name, new_key))
        done += 1
    return done
