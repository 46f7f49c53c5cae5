"""Staff accounts on this PC: argon2id password hashes, login with lockout, same-PC
approval by a supervisor, the roster from HQ and the local emergency administrator.

Lockout is policy data (resources/security_policy.json: 5 failures, 15 minutes by
default). A wrong staff number and a wrong password get the same message, and an
unknown number costs as much time as a known one. Nothing here logs or raises a
name, a password or a hash.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.model import Actor, Role
from desktop.domain.reference_files import MAX_STAFF_NUMBER
from desktop.security.permissions import require
from desktop.security.policy import Permission, SecurityPolicy, security_policy
from desktop.store.db import Store
from desktop.store.models import StaffRow

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


@cache
def _dummy_hash() -> str:
    """Verified against when the staff number is unknown, so both cases take as long."""
    return _hasher.hash("complaint-desk: no such staff member")


MIN_PASSWORD = security_policy().min_password_length
MAX_PASSWORD = 1024

ROSTER, LOCAL = "roster", "local"


class LoginFailed(DomainError):
    """Wrong staff number or password; the message never says which."""

    code = "login.failed"


class AccountLocked(DomainError):
    """Too many failed logins: the account opens again after `minutes` minutes."""

    code = "login.locked"


class WeakPassword(DomainError):
    code = "login.weak_password"


class ApprovalRefused(DomainError):
    """The approver's credentials are right but their role may not give this approval."""

    code = "security.approval_refused"


class RosterEntryInvalid(DomainError):
    code = "security.roster_entry_invalid"


def hash_password(password: str, policy: SecurityPolicy | None = None) -> str:
    """The argon2id hash of a new password. Raises WeakPassword when it is too short."""
    minimum = (policy or security_policy()).min_password_length
    if len(password) < minimum:
        raise WeakPassword(minimum=minimum)
    if len(password) > MAX_PASSWORD:
        raise ValidationError("validation.too_long", field="password", max=MAX_PASSWORD)
    return _hasher.hash(password)


def _staff_number(number: str) -> str:
    value = number.strip().upper() if isinstance(number, str) else ""
    if not value or len(value) > MAX_STAFF_NUMBER or not value.isprintable():
        raise ValidationError("validation.invalid", field="staff_number")
    return value


def add_staff(store: Store, *, number: str, name: str, role: Role, branch_code: str,
              password: str, source: str = ROSTER) -> None:
    """Create or replace a staff account with a new password (unlocked)."""
    digest = hash_password(password)
    key = _staff_number(number)
    with store.write() as s:
        row = s.get(StaffRow, key)
        if row is None:
            row = StaffRow(number=key)
            s.add(row)
        row.name, row.role, row.branch_code = name, role.value, branch_code
        row.password_hash, row.active, row.source = digest, True, source
        row.failed_logins, row.locked_until = 0, None


def add_local_admin(store: Store, *, number: str, name: str, branch_code: str,
                    password: str) -> None:
    """The local emergency administrator: manages accounts and keys when the roster from
    HQ cannot be had. It sees no complaint (see the permission table)."""
    add_staff(store, number=number, name=name, role=Role.ADMIN, branch_code=branch_code,
              password=password, source=LOCAL)


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds() / 60))


def authenticate(store: Store, number: str, password: str, now: datetime) -> Actor:
    """The actor for a correct staff number and password.

    Raises LoginFailed (wrong number or password, inactive account) and AccountLocked
    (too many failures: until the lock period has passed, even the right password is
    refused). The failure that reaches the limit starts the lock.
    """
    policy = security_policy()
    key = number.strip().upper() if isinstance(number, str) else ""
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        raise LoginFailed()
    with store.read() as s:
        row = s.get(StaffRow, key) if 0 < len(key) <= MAX_STAFF_NUMBER else None
        found = row is not None and row.active and bool(row.password_hash)
        digest = row.password_hash if row is not None and found else _dummy_hash()
        locked_until = row.locked_until if row is not None else None
    if found and locked_until is not None and now < locked_until:
        raise AccountLocked(minutes=_minutes_left(locked_until, now))
    try:
        # Outside any transaction: hashing takes tens of milliseconds.
        _hasher.verify(digest, password)
        ok = found
    except (VerificationError, InvalidHashError):
        ok = False
    if not found:
        raise LoginFailed()
    with store.write() as s:
        row = s.get(StaffRow, key)
        if row is None or not row.active:
            raise LoginFailed()
        if row.locked_until is not None and now >= row.locked_until:
            row.failed_logins, row.locked_until = 0, None  # the lock period has passed
        if not ok:
            row.failed_logins += 1
            if row.failed_logins >= policy.max_failed_logins:
                row.locked_until = now + policy.lock_period
        else:
            row.failed_logins, row.locked_until = 0, None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
        actor = Actor(staff_number=row.number, role=Role(row.role), name=row.name)
        locked = row.locked_until
    if not ok:
        if locked is not None:
            raise AccountLocked(minutes=_minutes_left(locked, now))
        raise LoginFailed()
    return actor


def approve(store: Store, number: str, password: str, permission: Permission,
            now: datetime) -> Actor:
    """A supervisor approves on this PC with their own credentials: the approver as an
    Actor, to hand to the use case (extend_deadline, reopen, resolve with compensation).

    Raises LoginFailed / AccountLocked as a login does (failures count towards the
    approver's lockout), and ApprovalRefused when their role may not give `permission`.
    """
    approver = authenticate(store, number, password, now)
    if not security_policy().allows(approver.role, permission):
        raise ApprovalRefused(permission=permission.value, role=approver.role.value)
    return approver


def unlock(store: Store, actor: Actor, number: str) -> None:
    """Clear a lockout before its period ends (supervisor or administrator).
    Raises NotPermitted for other roles and ValidationError for an unknown staff number."""
    require(actor, Permission.STAFF_UNLOCK)
    key = _staff_number(number)
    with store.write() as s:
        row = s.get(StaffRow, key)
        if row is None:
            raise ValidationError("validation.invalid", field="staff_number")
        row.failed_logins, row.locked_until = 0, None


def set_password(store: Store, actor: Actor, number: str, password: str) -> None:
    """An administrator sets a new password (and lifts any lock). Raises NotPermitted,
    WeakPassword, or ValidationError for an unknown staff number."""
    require(actor, Permission.STAFF_MANAGE)
    digest = hash_password(password)
    key = _staff_number(number)
    with store.write() as s:
        row = s.get(StaffRow, key)
        if row is None:
            raise ValidationError("validation.invalid", field="staff_number")
        row.password_hash, row.failed_logins, row.locked_until = digest, 0, None


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One staff member as HQ publishes them; HQ sends the argon2id hash, never a password."""

    number: str
    name: str
    role: Role
    branch_code: str
    password_hash: str
    active: bool = True


def apply_roster(store: Store, entries: Iterable[RosterEntry]) -> int:
    """Replace the roster part of the staff table with HQ's list; local accounts (the
    emergency administrator) stay. Staff missing from the list are deactivated, and
    lockout counters of staff who stay are kept. Returns how many entries were applied.
    Raises RosterEntryInvalid (nothing written) for an entry with a bad number or hash."""
    cleaned: dict[str, RosterEntry] = {}
    for position, entry in enumerate(entries):
        try:
            key = _staff_number(entry.number)
        except ValidationError:
            raise RosterEntryInvalid(position=position) from None
        if not entry.password_hash.startswith("$argon2id$"):
            raise RosterEntryInvalid(position=position)
        cleaned[key] = entry
    with store.write() as s:
        for old in s.scalars(select(StaffRow).where(StaffRow.source == ROSTER)):
            if old.number not in cleaned:
                old.active = False
        for key, entry in cleaned.items():
            found = s.get(StaffRow, key)
            if found is not None and found.source == LOCAL:
                continue  # a roster never takes over the local administrator's account
            row = found if found is not None else StaffRow(number=key, failed_logins=0)
            if found is None:
                s.add(row)
            row.name, row.role, row.branch_code = entry.name, entry.role.value, entry.branch_code
            row.password_hash, row.active, row.source = entry.password_hash, entry.active, ROSTER
    return len(cleaned)


def deactivate_staff(store: Store, actor: Actor, number: str) -> None:
    """Switch an account off at once (e.g. someone left); requires staff.manage."""
    require(actor, Permission.STAFF_MANAGE)
    with store.write() as s:
        s.execute(update(StaffRow).where(StaffRow.number == _staff_number(number)).values(active=False))
