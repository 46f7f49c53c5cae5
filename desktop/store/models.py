"""The tables of a branch profile's database (SQLAlchemy 2 typed ORM).

The `complaints` table is the projection of `events`, rewritten in the same
transaction as each event. Search tables (FTS5 and the short-name index) are
created by migration 0002 and kept current by triggers, not mapped here.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.store.types import Money, UTCDateTime


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Profile-wide values: device identity, clock and chain heads, sync cursor."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BranchRow(Base):
    __tablename__ = "branches"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(400), default="")


class StaffRow(Base):
    __tablename__ = "staff"
    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    branch_code: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="roster")  # roster | local


class CustomerRow(Base):
    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    id_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    id_number: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    credit_code: Mapped[str] = mapped_column(String(32), default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    # Last four digits kept separately so "last digits of phone / ID" finds a customer by index.
    id_last4: Mapped[str] = mapped_column(String(4), default="")
    phone_last4: Mapped[str] = mapped_column(String(4), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_customers_id_number", "id_number"),
        Index("ix_customers_credit_code", "credit_code"),
        Index("ix_customers_phone", "phone"),
        Index("ix_customers_name", "name"),
        Index("ix_customers_id_last4", "id_last4"),
        Index("ix_customers_phone_last4", "phone_last4"),
    )


class ComplaintRow(Base):
    __tablename__ = "complaints"
    # An explicit integer key: the FTS index refers to it, and it survives VACUUM.
    num: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    customer_name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(30))
    business_type: Mapped[str] = mapped_column(String(40))
    cause: Mapped[str] = mapped_column(String(40))
    business_channel: Mapped[str] = mapped_column(String(40), default="")  # JR/T 0169 channel axis
    root_cause: Mapped[str] = mapped_column(String(40), default="")  # recorded at resolution
    # Its corrective actions not yet done, and the earliest due date among them (YYYY-MM-DD).
    open_actions: Mapped[int] = mapped_column(Integer, default=0)
    next_action_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)  # also in details
    product: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    request: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decision_due: Mapped[datetime] = mapped_column(UTCDateTime)
    received_by: Mapped[str] = mapped_column(String(32), default="")
    assignee: Mapped[str] = mapped_column(String(32), default="")
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_notice_due: Mapped[bool] = mapped_column(Boolean, default=False)
    # The complaint id of an earlier complaint about the same matter (null: a first complaint).
    repeat_of: Mapped[str | None] = mapped_column(String(64), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Its risk signals ([{code, params}], desktop.domain.risk), kept by desktop.store.risk;
    # `complaint_risk` indexes them for the worklist's filter.
    risk: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    # The rest of the projection (findings, remedy, satisfaction, links, review reasons ...).
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (
        # With the receipt time: the statistics find the open complaints not yet due at a
        # moment and received in a period from this index alone (migration 0012).
        Index("ix_complaints_status_due", "status", "decision_due", "received_at", "repeat_of"),
        Index("ix_complaints_due", "decision_due"),
        Index("ix_complaints_received", "received_at"),
        Index("ix_complaints_assignee_due", "assignee", "decision_due"),
        Index("ix_complaints_customer", "customer_id"),
        Index("ix_complaints_category", "business_type", "cause"),
        Index("ix_complaints_assignee_status", "assignee", "status"),
        Index("ix_complaints_customer_name", "customer_name"),
        Index("ix_complaints_extension_notice", "extension_notice_due"),
        Index("ix_complaints_repeat_of", "repeat_of"),
        Index("ix_complaints_next_action_due", "next_action_due"),
        Index("ix_complaints_statistics", "received_at", "repeat_of", "business_channel",
              "business_type", "cause", "status", "outcome", "decision_due", "resolved_at",
              "root_cause", "satisfaction"),
    )


class StatisticsCountRow(Base):
    """The statistics' figures of the complaints received in one UTC block of time (a day
    'YYYY-MM-DD', month 'YYYY-MM', quarter 'YYYY-Qn' or year 'YYYY') in one group of every
    breakdown, as each complaint will keep them (desktop.analytics.precount). Kept by
    triggers on `complaints` (migration 0012), so the quarter's table reads a few thousand
    of these instead of every complaint of the quarter."""

    __tablename__ = "statistics_counts"
    block: Mapped[str] = mapped_column(String(10), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), primary_key=True)  # business channel
    business_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    cause: Mapped[str] = mapped_column(String(40), primary_key=True)
    intake_channel: Mapped[str] = mapped_column(String(30), primary_key=True)
    branch: Mapped[str] = mapped_column(String(32), primary_key=True)
    root_cause: Mapped[str] = mapped_column(String(40), primary_key=True)
    # desktop.analytics.statistics.FIGURE_NAMES, in its order
    received: Mapped[int] = mapped_column(Integer)
    concluded: Mapped[int] = mapped_column(Integer)
    upheld: Mapped[int] = mapped_column(Integer)
    partly_upheld: Mapped[int] = mapped_column(Integer)
    not_upheld: Mapped[int] = mapped_column(Integer)
    withdrawn: Mapped[int] = mapped_column(Integer)
    open: Mapped[int] = mapped_column(Integer)
    overdue: Mapped[int] = mapped_column(Integer)

    __table_args__ = ({"sqlite_with_rowid": False},)


class ComplaintRiskRow(Base):
    """One risk signal of a complaint, by code: what the worklist filters on."""

    __tablename__ = "complaint_risk"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    num: Mapped[int] = mapped_column(Integer, primary_key=True)

    __table_args__ = (Index("ix_complaint_risk_num", "num"), {"sqlite_with_rowid": False})


class EventRow(Base):
    __tablename__ = "events"
    # Local write order: the outbox sends in this order and the audit chain follows it.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    complaint_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64))
    branch_code: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[str] = mapped_column(String(24))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    business_date: Mapped[date] = mapped_column(Date)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(10), default="local")  # local | remote
    sent: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_events_complaint_hlc", "complaint_id", "hlc"),
        Index("ix_events_unsent", "origin", "sent", "seq"),
        Index("ix_events_business_date", "business_date"),
        Index("ix_events_device_seq", "device_id", "seq"),
        # The few reopened complaints, for the reopened share (desktop.analytics.reopened).
        Index("ix_events_reopened", "complaint_id", sqlite_where=text("kind = 'reopened'")),
    )


class DailySequence(Base):
    """The last reference-number sequence handed out per business date on this device."""

    __tablename__ = "daily_sequences"
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class DraftRow(Base):
    """A half-filled intake form, saved every few seconds so a crash loses nothing."""

    __tablename__ = "drafts"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_number: Mapped[str] = mapped_column(String(32))
    step: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReferenceDocumentRow(Base):
    """Reference data HQ published (taxonomy, policy, calendar, letter templates, roster);
    it replaces the shipped default of the same kind."""

    __tablename__ = "reference_documents"
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[Any] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DayCloseRow(Base):
    """A completed day-end close: HQ and this branch agreed on the day's events."""

    __tablename__ = "day_closes"
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_by: Mapped[str] = mapped_column(String(32))
    event_count: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    resent: Mapped[int] = mapped_column(Integer, default=0)


class QuarantineRow(Base):
    """An event pulled from HQ that this client could not read or apply (an empty receipt,
    a stamp from a clock far ahead, a kind it does not know). It is kept here, outside the
    timeline, so sync goes on; a supervisor sees it and HQ is told through the sync result.
    `reason` is a message code, `detail` the kind of failure (never identity data)."""

    __tablename__ = "quarantined_events"
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    complaint_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    branch_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    business_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[Any] = mapped_column(JSON)
    quarantined_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_quarantine_business_date", "business_date"),)
