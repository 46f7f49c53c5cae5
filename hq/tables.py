"""HQ's tables (SQLAlchemy 2 typed ORM). The hot paths use their Core `__table__`s.

The change sequence: every event and every reference document takes a number from
one increasing sequence (`seq`) under the change lock (hq.db.change_lock), so rows
become visible in sequence order and a pull cursor never skips a late commit.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC instant on every dialect (SQLite keeps no offset itself)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class BranchRow(Base):
    __tablename__ = "branches"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DeviceRow(Base):
    """An enrolled counter PC; only the SHA-256 of its token is kept."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("branch_code", "number"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    branch_code: Mapped[str] = mapped_column(ForeignKey("branches.code"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(128))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    token_issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class EnrollmentCodeRow(Base):
    """A one-time enrollment code (hashed); once used it remembers who used it,
    so the same requester can repeat a request whose answer was lost."""

    __tablename__ = "enrollment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    branch_code: Mapped[str] = mapped_column(ForeignKey("branches.code"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), nullable=True)
    nonce_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    device_name: Mapped[str | None] = mapped_column(String(128), nullable=True)


class EventRow(Base):
    """One timeline event as the branch sent it. `body` is the event's canonical JSON
    without its hash, with the identity members of its payload (desktop.sync.payloads.
    IDENTITY_MEMBERS) taken out: those are in `identity`, AES-GCM encrypted under data key
    `data_key_id` (hq.vault). Putting them back gives exactly the bytes the hash covers."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_branch_seq", "branch_code", "seq"),
        Index("ix_events_branch_date", "branch_code", "business_date"),
        # Only `received` events carry a reference: a partial index stays small and cheap.
        Index("ix_events_reference", "reference", postgresql_where=text("reference IS NOT NULL"),
              sqlite_where=text("reference IS NOT NULL")),
        # The few reopened complaints, for the reopened share (desktop.analytics.reopened).
        Index("ix_events_reopened", "complaint_id", postgresql_where=text("kind = 'reopened'"),
              sqlite_where=text("kind = 'reopened'")),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    branch_code: Mapped[str] = mapped_column(String(32))
    device_id: Mapped[str] = mapped_column(String(64))
    complaint_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str | None] = mapped_column(String(64), nullable=True)
    business_date: Mapped[date] = mapped_column(Date)
    hlc: Mapped[str] = mapped_column(String(21))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(UtcDateTime)
    identity: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    data_key_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class PushBatchRow(Base):
    """The answer given to a push batch, so a retried batch gets the same answer."""

    __tablename__ = "push_batches"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    accepted: Mapped[int] = mapped_column(Integer)
    duplicates: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReferenceDocumentRow(Base):
    """One published version of a reference document; also a change in the sequence.
    `branch_code` is "" for a document every branch reads, else the one branch whose part
    of a per-branch document (the roster) this row is."""

    __tablename__ = "reference_documents"
    __table_args__ = (UniqueConstraint("kind", "version", "branch_code",
                                       name="uq_reference_documents_kind_version_branch"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32))
    branch_code: Mapped[str] = mapped_column(String(32), server_default="")
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ChainHeadRow(Base):
    """The hash of the last event HQ holds from a device (HQ's own chain is per branch)."""

    __tablename__ = "chain_heads"

    branch_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    head_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ComplaintRow(Base):
    """HQ's view of one complaint: the fold of its events (desktop.domain.projection), kept
    in the transaction that stores them and rebuilt from them by `complaint-desk-hq rebuild`.
    No identity data: `customer_key` is a keyed hash (HMAC) of the customer's ID number or
    credit code, `phone_key` one of their phone number, for lookups (hq.vault)."""

    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_branch_received", "branch_code", "received_at"),
        Index("ix_complaints_branch_status", "branch_code", "status"),
        # Carries received_at and id, so the overdue / due-soon lists find their newest page
        # in the index alone (PostgreSQL; SQLite ignores INCLUDE).
        Index("ix_complaints_status_due", "status", "decision_due",
              postgresql_include=["received_at", "id"]),
        # The list with no filter: newest first, keyset paging.
        Index("ix_complaints_received_at_id", "received_at", "id"),
        Index("ix_complaints_category", "business_type", "cause"),
        Index("ix_complaints_received_date", "received_date"),
        Index("ix_complaints_closed_at", "closed_at"),
        Index("ix_complaints_customer_key", "customer_key"),
        Index("ix_complaints_repeat_of", "repeat_of"),
        Index("ix_complaints_next_action_due", "next_action_due"),
        Index("ix_complaints_phone_key", "phone_key"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    owner_device_id: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(24))
    business_channel: Mapped[str] = mapped_column(String(400))
    business_type: Mapped[str] = mapped_column(String(40))
    cause: Mapped[str] = mapped_column(String(40))
    product: Mapped[str] = mapped_column(String(400))
    amount: Mapped[str | None] = mapped_column(String(24), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_date: Mapped[date] = mapped_column(Date)
    decision_due: Mapped[datetime] = mapped_column(UtcDateTime)
    received_by: Mapped[str] = mapped_column(String(64))
    assignee: Mapped[str] = mapped_column(String(64))
    escalation_level: Mapped[int] = mapped_column(Integer)
    extensions: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    compensation: Mapped[str | None] = mapped_column(String(24), nullable=True)
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    review_reasons: Mapped[str] = mapped_column(Text)
    customer_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The complaint id of an earlier complaint about the same matter (null: a first complaint);
    # the regulator's statistics count a repeat once.
    repeat_of: Mapped[str | None] = mapped_column(String(64), nullable=True)
    root_cause: Mapped[str] = mapped_column(String(40), default="")
    open_actions: Mapped[int] = mapped_column(Integer, default=0)
    next_action_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    phone_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    event_count: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)


class DataKeyRow(Base):
    """A data key (AES-256) of the envelope encryption, wrapped by key-encryption key
    `kek_id` (a key file or a KMS outside the database: hq.vault)."""

    __tablename__ = "data_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kek_id: Mapped[str] = mapped_column(String(128))
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RosterRoleRow(Base):
    """Every (staff number, role) any published roster gave a branch: an event's actor must
    be one of them once the branch has a roster (an older role still covers events written
    offline before a change)."""

    __tablename__ = "roster_roles"

    branch_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    staff_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class ChangeCounterRow(Base):
    """SQLite only: the last number of the change sequence (PostgreSQL uses `change_seq`)."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)


def _core(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


# The Core tables, for the statements on the hot paths.
branches = _core(BranchRow)
devices = _core(DeviceRow)
enrollment_codes = _core(EnrollmentCodeRow)
events = _core(EventRow)
push_batches = _core(PushBatchRow)
reference_documents = _core(ReferenceDocumentRow)
chain_heads = _core(ChainHeadRow)
change_counter = _core(ChangeCounterRow)
complaints = _core(ComplaintRow)
data_keys = _core(DataKeyRow)
roster_roles = _core(RosterRoleRow)
