"""The tables of HQ's office console: staff accounts, their sessions and the audit log.

They share hq.tables' metadata (one schema, one Alembic history) but live apart from the
sync tables, which devices write and the console only reads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.tables import Base, UtcDateTime


class StaffAccountRow(Base):
    """An HQ staff account: argon2id password hash, TOTP secret, lockout counters.
    `last_totp_step` is the replay guard: a code is accepted once, for a later step only."""

    __tablename__ = "staff_accounts"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    department: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    totp_secret: Mapped[str] = mapped_column(String(64))
    last_totp_step: Mapped[int] = mapped_column(BigInteger, default=0)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class StaffSessionRow(Base):
    """A console session; only the SHA-256 of its cookie value is kept."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_number: Mapped[str] = mapped_column(ForeignKey("staff_accounts.number"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class AuditEntryRow(Base):
    """One console action: who, what, on what, when. Triggers refuse UPDATE and DELETE,
    so the log only grows. `detail` is JSON without identity data."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_staff_at", "staff_number", "at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    staff_number: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")


def _core(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


staff_accounts = _core(StaffAccountRow)
staff_sessions = _core(StaffSessionRow)
audit_log = _core(AuditEntryRow)
