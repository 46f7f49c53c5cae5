"""Staff accounts on this PC: argon2id password hashes and login.

The roster comes from HQ; a local emergency administrator can be added on the PC.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.domain.errors import DomainError
from desktop.domain.model import Role
from desktop.services.context import Actor
from desktop.store.db import Store
from desktop.store.models import StaffRow

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters

MIN_PASSWORD = 8


class LoginFailed(DomainError):
    """Wrong staff number or password; the message never says which."""

    code = "login.failed"


class WeakPassword(DomainError):
    code = "login.weak_password"


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise WeakPassword(minimum=MIN_PASSWORD)
    return _hasher.hash(password)


def add_staff(store: Store, *, number: str, name: str, role: Role, branch_code: str,
              password: str, source: str = "roster") -> None:
    """Create or replace a staff account with a new password."""
    digest = hash_password(password)
    with store.write() as s:
        row = s.get(StaffRow, number)
        if row is None:
            row = StaffRow(number=number)
            s.add(row)
        row.name, row.role, row.branch_code = name, role.value, branch_code
        row.password_hash, row.active, row.source = digest, True, source
        row.failed_logins, row.locked_until = 0, None


def authenticate(store: Store, number: str, password: str, now: datetime) -> Actor:
    """The actor for a correct staff number and password. Raises LoginFailed otherwise."""
    with store.read() as s:
        row = s.get(StaffRow, number.strip())
        if row is None or not row.active or not row.password_hash:
            raise LoginFailed()
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise LoginFailed() from None
        return Actor(staff_number=row.number, role=Role(row.role), name=row.name)
