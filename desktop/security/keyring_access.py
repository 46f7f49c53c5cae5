"""The operating system's keyring, where each profile's database key lives (docs/ARCHITECTURE.md §6).

Production uses the platform's keyring (Windows Credential Manager, macOS Keychain,
Secret Service). `PYTHON_KEYRING_BACKEND` (or keyring's own configuration file) may
name another backend explicitly, and that choice is honoured. What is never done is a
silent fallback: where no real keyring exists (a headless Linux, where keyring would
otherwise pick a plaintext file or a failing stub), KeyringUnavailable is raised with
a message saying so. Only the demo profile stores its key in a file inside the
profile, and that file is named to say it is unsafe for real data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from desktop.domain.errors import DomainError

BACKEND_ENV = "PYTHON_KEYRING_BACKEND"
SERVICE_PREFIX = "complaint-desk"
UNSAFE_DEMO_KEYRING_FILE = "UNSAFE-demo-keyring-not-for-real-data.cfg"


class KeyringUnavailable(DomainError):
    """No usable keyring on this computer (params: backend — a class name, never a secret)."""

    code = "security.keyring_unavailable"


def _is_stand_in(backend: KeyringBackend) -> bool:
    """Backends keyring picks when the platform has none: a stub that fails, an empty
    chain, or keyrings.alt's files, which hold secrets next to the data they protect."""
    if isinstance(backend, fail.Keyring):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        return not backend.backends or all(_is_stand_in(b) for b in backend.backends)
    module = type(backend).__module__
    return module.startswith("keyrings.alt") or module == "keyring.backends.null"


def explicitly_chosen() -> bool:
    """True when an administrator (or the test configuration) named the backend."""
    if os.environ.get(BACKEND_ENV):
        return True
    try:
        return keyring.core.load_config() is not None
    except Exception:  # a broken keyringrc is not a choice
        return False


def platform_keyring() -> KeyringBackend:
    """The keyring to hold profile keys. Raises KeyringUnavailable where there is none."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring may fail while loading a backend
        raise KeyringUnavailable(backend=type(exc).__name__) from None
    if _is_stand_in(backend) and not explicitly_chosen():
        raise KeyringUnavailable(backend=type(backend).__name__)
    return backend


def unsafe_file_keyring(folder: Path) -> KeyringBackend:
    """A plaintext keyring file inside `folder`: only for the demo profile, never real data."""
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(folder / UNSAFE_DEMO_KEYRING_FILE)
    return backend


@dataclass(frozen=True, slots=True)
class KeySlot:
    """The keyring entry of one profile: service `complaint-desk:<profile id>`, with named
    values (the database key, a key being rotated in). Backend failures become
    KeyringUnavailable; values are hex strings and never appear in an error."""

    backend: KeyringBackend
    profile_id: str

    @property
    def service(self) -> str:
        return f"{SERVICE_PREFIX}:{self.profile_id}"

    def get(self, name: str) -> str | None:
        try:
            return self.backend.get_password(self.service, name)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(backend=type(exc).__name__) from None

    def put(self, name: str, value: str) -> None:
        try:
            self.backend.set_password(self.service, name, value)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(backend=type(exc).__name__) from None

    def delete(self, name: str) -> None:
        try:
            self.backend.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(backend=type(exc).__name__) from None
