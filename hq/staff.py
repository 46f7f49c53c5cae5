"""HQ staff accounts for the office console: add, log in (password + TOTP), sessions.

Separate from branch staff and from device tokens. Passwords are hashed with argon2id;
every account has a TOTP second factor, each code accepted once (the replay guard keeps
the last step used); five failures in a row lock the account for fifteen minutes. The
TOTP secret is stored encrypted with HQ's key (hq.vault, the envelope encryption of
identity data), so a copy of the database alone cannot make codes.
Sessions are random cookie values of which only the SHA-256 is stored; a session ends
after `idle` without a request.

What can go wrong: InvalidRequest for a bad number, role, name or weak password;
Conflict for a number in use; LoginRefused (one message whatever was wrong, so a
guesser learns nothing) and AccountLocked at login.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from hq.errors import Conflict, HqError, InvalidRequest
from hq.office_tables import staff_accounts, staff_sessions
from hq.vault import Vault

STAFF_NUMBER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
MIN_PASSWORD_LENGTH = 12
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
IDLE_TIMEOUT = timedelta(minutes=15)
TOTP_ISSUER = "Complaint Desk HQ"
# RFC 6238 defaults; one step either side absorbs clock drift.
TOTP_PERIOD = 30
TOTP_DRIFT_STEPS = 1

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# A real hash of a random password: unknown numbers cost the same time as known ones.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class StaffRole(StrEnum):
    OFFICER = "officer"
    PANEL_MEMBER = "panel_member"
    ADMIN = "admin"
    AUDITOR = "auditor"


class LoginRefused(HqError):
    code = "hq.staff.login_refused"
    status = 401


class AccountLocked(HqError):
    code = "hq.staff.locked"
    status = 403


@dataclass(frozen=True, slots=True)
class StaffMember:
    number: str
    name: str
    role: StaffRole
    department: str


@dataclass(frozen=True, slots=True)
class NewStaffAccount:
    member: StaffMember
    totp_secret: str
    provisioning_uri: str


@dataclass(frozen=True, slots=True)
class ConsoleSession:
    token: str
    csrf_token: str
    member: StaffMember


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _totp_aad(number: str) -> str:
    # The associated data binds a sealed secret to its account: it cannot be moved to another.
    return f"staff-totp:{number}"


def _sealed_totp(conn: Connection, vault: Vault, number: str, secret: str,
                 now: datetime) -> dict[str, object]:
    key_id, aead = vault.new_data_key(conn, now)
    return {"totp_secret": None, "totp_data_key_id": key_id,
            "totp_sealed": vault.seal(aead, _totp_aad(number), secret.encode("ascii"))}


def _totp_secret(conn: Connection, vault: Vault, row: Any) -> str:
    if row.totp_sealed is None or row.totp_data_key_id is None:
        return str(row.totp_secret or "")  # from before schema 0007, not yet sealed
    return vault.open(conn, row.totp_data_key_id, _totp_aad(row.number),
                      bytes(row.totp_sealed)).decode("ascii")


def seal_totp_secrets(conn: Connection, vault: Vault, now: datetime) -> int:
    """Encrypt the TOTP secrets still stored in the clear (accounts made before schema
    0007); returns how many. Run by `complaint-desk-hq migrate`, `serve` and `rebuild`."""
    rows = conn.execute(select(staff_accounts.c.number, staff_accounts.c.totp_secret)
                        .where(staff_accounts.c.totp_sealed.is_(None),
                               staff_accounts.c.totp_secret.is_not(None))).all()
    for r in rows:
        conn.execute(update(staff_accounts).where(staff_accounts.c.number == r.number)
                     .values(**_sealed_totp(conn, vault, r.number, r.totp_secret, now)))
    return len(rows)


def add_staff(conn: Connection, number: str, *, name: str, role: str, department: str,
              password: str, now: datetime, vault: Vault) -> NewStaffAccount:
    """Create an HQ staff account with a fresh TOTP secret (shown to the admin once,
    stored encrypted under `vault`)."""
    if not STAFF_NUMBER_PATTERN.match(number):
        raise InvalidRequest("hq.staff.bad_number", number=number[:40])
    name, department = name.strip(), department.strip()
    if not name or len(name) > 100 or not name.isprintable():
        raise InvalidRequest("hq.staff.bad_name")
    if not department or len(department) > 64 or not department.isprintable():
        raise InvalidRequest("hq.staff.bad_department")
    try:
        staff_role = StaffRole(role)
    except ValueError:
        raise InvalidRequest("hq.staff.bad_role", role=role[:40]) from None
    if len(password) < MIN_PASSWORD_LENGTH or password.strip() != password:
        raise InvalidRequest("hq.staff.weak_password", length=MIN_PASSWORD_LENGTH)
    if conn.execute(select(staff_accounts.c.number)
                    .where(staff_accounts.c.number == number)).first():
        raise Conflict("hq.staff.exists", number=number)
    secret = pyotp.random_base32()
    conn.execute(insert(staff_accounts).values(
        number=number, name=name, role=staff_role.value, department=department,
        password_hash=_hasher.hash(password), last_totp_step=0,
        failed_logins=0, locked_until=None, created_at=now, disabled_at=None,
        **_sealed_totp(conn, vault, number, secret, now)))
    member = StaffMember(number, name, staff_role, department)
    uri = pyotp.TOTP(secret).provisioning_uri(name=number, issuer_name=TOTP_ISSUER)
    return NewStaffAccount(member, secret, uri)


def list_staff(conn: Connection) -> list[StaffMember]:
    rows = conn.execute(select(staff_accounts).where(staff_accounts.c.disabled_at.is_(None))
                        .order_by(staff_accounts.c.number))
    return [StaffMember(r.number, r.name, StaffRole(r.role), r.department) for r in rows]


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The TOTP time step `code` belongs to (within the drift window), or None."""
    code = code.strip().replace(" ", "")
    if not re.fullmatch(r"\d{6}", code):
        return None
    totp = pyotp.TOTP(secret, interval=TOTP_PERIOD)
    current = int(now.timestamp()) // TOTP_PERIOD
    for step in range(current - TOTP_DRIFT_STEPS, current + TOTP_DRIFT_STEPS + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def log_in(conn: Connection, vault: Vault, number: str, password: str, code: str,
           now: datetime) -> ConsoleSession:
    """Check password and TOTP code; on success open a session (cookie value returned).

    Raises AccountLocked while the account is locked, LoginRefused for anything wrong
    (the failure counts toward the lockout, and the fifth locks the account).
    """
    row = conn.execute(select(staff_accounts).where(staff_accounts.c.number == number)
                       .with_for_update()).first()
    if row is None or row.disabled_at is not None:
        _burn(password)
        raise LoginRefused()
    if row.locked_until is not None and row.locked_until > now:
        raise AccountLocked(minutes=max(1, int((row.locked_until - now).total_seconds() // 60)))
    password_ok = True
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        password_ok = False
    step = _matching_step(_totp_secret(conn, vault, row), code, now) if password_ok else None
    where = staff_accounts.c.number == number
    if step is None or step <= row.last_totp_step:
        failures = row.failed_logins + 1
        locked = now + LOCKOUT if failures >= MAX_FAILED_LOGINS else None
        conn.execute(update(staff_accounts).where(where).values(
            failed_logins=0 if locked else failures, locked_until=locked))
        if locked:
            raise AccountLocked(minutes=int(LOCKOUT.total_seconds() // 60))
        raise LoginRefused()
    values: dict[str, object] = {"failed_logins": 0, "locked_until": None,
                                 "last_totp_step": step}
    if row.totp_sealed is None:
        values.update(_sealed_totp(conn, vault, number, _totp_secret(conn, vault, row), now))
    if _hasher.check_needs_rehash(row.password_hash):
        values["password_hash"] = _hasher.hash(password)
    conn.execute(update(staff_accounts).where(where).values(**values))
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    conn.execute(insert(staff_sessions).values(
        token_hash=_digest(token), staff_number=number, csrf_token=csrf, created_at=now,
        last_seen_at=now, ended_at=None))
    return ConsoleSession(token, csrf, StaffMember(row.number, row.name, StaffRole(row.role),
                                                   row.department))


def _burn(password: str) -> None:
    try:
        _hasher.verify(_DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        pass


def session_for(conn: Connection, token: str | None, now: datetime,
                idle: timedelta = IDLE_TIMEOUT) -> ConsoleSession | None:
    """The open session of cookie value `token`, touched; None when unknown, ended or idle."""
    if not token or len(token) > 128:
        return None
    s, a = staff_sessions, staff_accounts
    row = conn.execute(
        select(s.c.csrf_token, s.c.last_seen_at, s.c.ended_at, a.c.number, a.c.name, a.c.role,
               a.c.department, a.c.disabled_at)
        .join(a, a.c.number == s.c.staff_number).where(s.c.token_hash == _digest(token))
    ).first()
    if row is None or row.ended_at is not None or row.disabled_at is not None:
        return None
    if now - row.last_seen_at > idle:
        conn.execute(update(s).where(s.c.token_hash == _digest(token)).values(ended_at=now))
        return None
    conn.execute(update(s).where(s.c.token_hash == _digest(token)).values(last_seen_at=now))
    return ConsoleSession(token, row.csrf_token,
                          StaffMember(row.number, row.name, StaffRole(row.role), row.department))


def log_out(conn: Connection, token: str, now: datetime) -> None:
    conn.execute(update(staff_sessions).where(staff_sessions.c.token_hash == _digest(token),
                                              staff_sessions.c.ended_at.is_(None))
                 .values(ended_at=now))
