"""API keys of the bank's own systems (web, mobile app) for POST /api/v1/intake: issued
once (only the SHA-256 is kept), revocable, each tied to the channel its system is."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from desktop.domain.model import Channel
from hq.errors import InvalidRequest, NotAuthenticated, NotFound
from hq.office_tables import intake_api_keys

KEY_PREFIX = "cdik_"


@dataclass(frozen=True, slots=True)
class IntakeSystem:
    id: str
    system: str
    channel: Channel
    created_at: datetime
    revoked_at: datetime | None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_key(conn: Connection, system: str, channel: str, now: datetime) -> tuple[str, str]:
    """(key id, the key itself: shown once) for `system` sending complaints of `channel`."""
    system = system.strip()
    if not system or len(system) > 64 or not system.isprintable():
        raise InvalidRequest("hq.intake.bad_system")
    if channel not in (Channel.WEB.value, Channel.MOBILE_APP.value):
        raise InvalidRequest("hq.intake.bad_channel", channel=channel[:20])
    key_id = secrets.token_hex(8)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    conn.execute(insert(intake_api_keys).values(
        id=key_id, system=system, channel=channel, key_hash=_digest(key), created_at=now,
        revoked_at=None))
    return key_id, key


def authenticate(conn: Connection, key: str | None) -> IntakeSystem:
    """The system `key` belongs to; NotAuthenticated (401) for a missing, unknown or
    revoked key (device tokens and console sessions are not intake keys)."""
    if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
        raise NotAuthenticated("hq.intake.key_invalid")
    row = conn.execute(select(intake_api_keys)
                       .where(intake_api_keys.c.key_hash == _digest(key))).first()
    if row is None or row.revoked_at is not None:
        raise NotAuthenticated("hq.intake.key_invalid")
    return IntakeSystem(row.id, row.system, Channel(row.channel), row.created_at, None)


def systems(conn: Connection) -> list[IntakeSystem]:
    return [IntakeSystem(r.id, r.system, Channel(r.channel), r.created_at, r.revoked_at)
            for r in conn.execute(select(intake_api_keys).order_by(intake_api_keys.c.created_at))]


def revoke_key(conn: Connection, key_id: str, now: datetime) -> None:
    done = conn.execute(update(intake_api_keys).where(intake_api_keys.c.id == key_id,
                                                      intake_api_keys.c.revoked_at.is_(None))
                        .values(revoked_at=now))
    if done.rowcount == 0:
        raise NotFound("hq.intake.no_key", key=key_id[:20])
