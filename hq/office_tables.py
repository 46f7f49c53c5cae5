"""The tables of HQ's office console: staff accounts, their sessions and the audit log.

They share hq.tables' metadata (one schema, one Alembic history) but live apart from the
sync tables, which devices write and the console only reads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.tables import Base, UtcDateTime


class StaffAccountRow(Base):
    """An HQ staff account: argon2id password hash, TOTP secret, lockout counters.
    The TOTP secret is `totp_sealed`, AES-GCM encrypted under data key `totp_data_key_id`
    (hq.vault); `totp_secret` holds a plaintext one only for an account made before schema
    0007, until it is sealed (hq.staff.seal_totp_secrets).
    `last_totp_step` is the replay guard: a code is accepted once, for a later step only."""

    __tablename__ = "staff_accounts"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    department: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    totp_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    totp_data_key_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
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


class PanelRow(Base):
    """The expert panel of one escalated complaint (公正公平): its chair, the department
    complained about (no member may come from it), and, once concluded, HQ's decision."""

    __tablename__ = "expert_panels"

    complaint_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    complained_department: Mapped[str] = mapped_column(String(64))
    chair: Mapped[str] = mapped_column(ForeignKey("staff_accounts.number"))
    formed_by: Mapped[str] = mapped_column(String(32))
    formed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    concluded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    decision_event_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PanelMemberRow(Base):
    """A member of a panel (the chair is not one: the chair concludes, members opine).
    A member who declares a conflict is recused and no longer counts."""

    __tablename__ = "expert_panel_members"

    complaint_id: Mapped[str] = mapped_column(ForeignKey("expert_panels.complaint_id"),
                                              primary_key=True)
    staff_number: Mapped[str] = mapped_column(ForeignKey("staff_accounts.number"),
                                              primary_key=True, index=True)
    department: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recused_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    recusal_reason: Mapped[str] = mapped_column(String(500), default="")


class PanelOpinionRow(Base):
    """A member's independent opinion: written once, never changed."""

    __tablename__ = "expert_panel_opinions"

    complaint_id: Mapped[str] = mapped_column(ForeignKey("expert_panels.complaint_id"),
                                              primary_key=True)
    staff_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)


class IntakeApiKeyRow(Base):
    """An API key of one of the bank's own systems (web, app) for POST /api/v1/intake;
    only the SHA-256 of the key is kept."""

    __tablename__ = "intake_api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    system: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(24))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class IntakeRequestRow(Base):
    """A complaint recorded at HQ, by the console or the intake API: the caller's request
    id makes a repeated request return the first answer instead of a second complaint."""

    __tablename__ = "intake_requests"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    request_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    complaint_id: Mapped[str] = mapped_column(String(64))
    branch_code: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


def _core(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


staff_accounts = _core(StaffAccountRow)
staff_sessions = _core(StaffSessionRow)
audit_log = _core(AuditEntryRow)
panels = _core(PanelRow)
panel_members = _core(PanelMemberRow)
panel_opinions = _core(PanelOpinionRow)
intake_api_keys = _core(IntakeApiKeyRow)
intake_requests = _core(IntakeRequestRow)
