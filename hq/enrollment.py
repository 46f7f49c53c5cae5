"""Enrollment: one-time codes HQ hands to a branch, exchanged by a counter PC for a
device token, and the token check every later request goes through.

Codes and tokens are stored only as SHA-256 hashes: a copy of the database lets no
one act as a device. A code is used once; the same requester (same nonce and device
name) repeating a request whose answer was lost within ENROLL_RETRY_WINDOW_SECONDS
gets the same device back with a fresh token, and the lost token stops working.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from desktop.domain.chain import GENESIS
from desktop.sync.wire import ENROLL_RETRY_WINDOW_SECONDS, EnrollRequest, EnrollResponse
from hq import tables
from hq.errors import Conflict, Forbidden, InvalidRequest, NotAuthenticated, NotFound

# No 0/O or 1/I/L: the code is read aloud over the phone and typed in by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 4
CODE_GROUP_LENGTH = 4
DEFAULT_CODE_VALIDITY = timedelta(hours=72)

_branches = tables.branches
_devices = tables.devices
_codes = tables.enrollment_codes
_heads = tables.chain_heads


@dataclass(frozen=True, slots=True)
class Device:
    """An authenticated device, as the request handlers see it."""

    id: str
    branch_code: str
    number: int


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    """Codes are typed by hand: ignore case, spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch not in " -")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def issue_enrollment_code(
    conn: Connection, branch_code: str, now: datetime,
    validity: timedelta = DEFAULT_CODE_VALIDITY,
) -> str:
    """A fresh one-time code for `branch_code`, shown once (only its hash is kept).

    Raises NotFound when the branch does not exist.
    """
    if conn.execute(select(_branches.c.code).where(_branches.c.code == branch_code)).first() is None:
        raise NotFound("hq.branch.unknown", branch=branch_code)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    conn.execute(insert(_codes).values(
        code_hash=sha256_hex(raw), branch_code=branch_code, created_at=now,
        expires_at=now + validity,
    ))
    groups = [raw[i:i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH)]
    return "-".join(groups)


def enroll(conn: Connection, request: EnrollRequest, now: datetime) -> EnrollResponse:
    """Exchange an enrollment code for a device and its token.

    Raises Forbidden for an unknown or expired code (or a revoked device on retry)
    and Conflict for a code already used by another request.
    """
    if not request.device_name.isprintable():
        raise InvalidRequest("hq.request.invalid", field="device_name",
                             problem="only printable characters")
    code_hash = sha256_hex(normalise_code(request.code))
    code = conn.execute(
        select(_codes).where(_codes.c.code_hash == code_hash).with_for_update()
    ).first()
    if code is None:
        raise Forbidden("hq.enroll.code_invalid")
    if code.used_at is not None:
        return _repeat_enrollment(conn, request, code, now)
    if code.expires_at <= now:
        raise Forbidden("hq.enroll.code_expired")
    branch = conn.execute(
        select(_branches).where(_branches.c.code == code.branch_code).with_for_update()
    ).one()
    number = int(conn.execute(
        select(func.coalesce(func.max(_devices.c.number), 0))
        .where(_devices.c.branch_code == branch.code)
    ).scalar_one()) + 1
    device_id = f"{branch.code}-{number:03d}"
    token = new_token()
    conn.execute(insert(_devices).values(
        id=device_id, branch_code=branch.code, number=number, name=request.device_name,
        token_hash=sha256_hex(token), enrolled_at=now, token_issued_at=now,
    ))
    conn.execute(insert(_heads).values(
        branch_code=branch.code, device_id=device_id, head_hash=GENESIS, updated_at=now,
    ))
    conn.execute(update(_codes).where(_codes.c.code_hash == code_hash).values(
        used_at=now, device_id=device_id, device_name=request.device_name,
        nonce_hash=sha256_hex(request.enrollment_nonce) if request.enrollment_nonce else None,
    ))
    return EnrollResponse(device_id=device_id, device_number=number, branch_code=branch.code,
                          branch_name=branch.name, token=token)


def _repeat_enrollment(conn: Connection, request: EnrollRequest, code: Row[Any],
                       now: datetime) -> EnrollResponse:
    same_requester = (
        request.enrollment_nonce is not None
        and code.nonce_hash is not None
        and secrets.compare_digest(code.nonce_hash, sha256_hex(request.enrollment_nonce))
        and code.device_name == request.device_name
    )
    window = timedelta(seconds=ENROLL_RETRY_WINDOW_SECONDS)
    if not same_requester or now - code.used_at > window:
        raise Conflict("hq.enroll.code_used")
    device = conn.execute(
        select(_devices, _branches.c.name.label("branch_name"))
        .join(_branches, _branches.c.code == _devices.c.branch_code)
        .where(_devices.c.id == code.device_id)
    ).one()
    if device.revoked_at is not None:
        raise Forbidden("hq.auth.revoked")
    token = new_token()
    conn.execute(update(_devices).where(_devices.c.id == device.id).values(
        token_hash=sha256_hex(token), token_issued_at=now,
    ))
    return EnrollResponse(device_id=device.id, device_number=device.number,
                          branch_code=device.branch_code, branch_name=device.branch_name,
                          token=token)


def authenticate(conn: Connection, token: str | None) -> Device:
    """The device a bearer token belongs to.

    Raises NotAuthenticated when there is no token or it is unknown (or was replaced),
    Forbidden when the device has been revoked.
    """
    if not token:
        raise NotAuthenticated("hq.auth.missing")
    row = conn.execute(
        select(_devices.c.id, _devices.c.branch_code, _devices.c.number, _devices.c.revoked_at)
        .where(_devices.c.token_hash == sha256_hex(token))
    ).first()
    if row is None:
        raise NotAuthenticated("hq.auth.invalid")
    if row.revoked_at is not None:
        raise Forbidden("hq.auth.revoked")
    return Device(id=row.id, branch_code=row.branch_code, number=row.number)


def revoke_device(conn: Connection, device_id: str, now: datetime) -> None:
    """Stop a device's token from working (a lost or retired PC). Raises NotFound."""
    result = conn.execute(
        update(_devices).where(_devices.c.id == device_id, _devices.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if result.rowcount == 0:
        exists = conn.execute(select(_devices.c.id).where(_devices.c.id == device_id)).first()
        if exists is None:
            raise NotFound("hq.device.unknown", device=device_id)
