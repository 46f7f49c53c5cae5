"""The entities of the complaint domain (docs/ARCHITECTURE.md §3) as plain, immutable values.

Nothing here touches a database or a widget: the store maps these to rows, the
UI shows them, the sync layer sends events over the wire.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


class Role(enum.StrEnum):
    TELLER = "teller"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    AUDITOR = "auditor"
    HQ_OFFICER = "hq_officer"
    ADMIN = "admin"


class Status(enum.StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self not in (Status.RESOLVED, Status.CLOSED, Status.WITHDRAWN)


# The stored values of the open statuses (for `status IN (...)` in SQL).
OPEN_STATES = tuple(s.value for s in Status if s.is_open)


class EventKind(enum.StrEnum):
    """What happened to a complaint; each is one entry on its timeline."""

    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    NOTE = "note"
    CONTACT_ATTEMPT = "contact_attempt"
    ASSIGNED = "assigned"
    ESCALATED = "escalated"
    DEADLINE_EXTENDED = "deadline_extended"
    RESOLVED = "resolved"
    DOCUMENT_PRINTED = "document_printed"
    SATISFACTION_RECORDED = "satisfaction_recorded"
    CLOSED = "closed"
    REOPENED = "reopened"
    WITHDRAWN = "withdrawn"
    LINKED = "linked"
    ATTACHMENT_ADDED = "attachment_added"
    HQ_DECISION = "hq_decision"
    EXTENSION_REQUESTED = "extension_requested"  # the branch asks HQ for an HQ-approved extension
    EXTENSION_DECIDED = "extension_decided"  # HQ only: approves or declines that request
    LEGAL_HOLD = "legal_hold"  # placed or released: a case on hold is never purged
    RETENTION_APPLIED = "retention_applied"  # the audit record of a purge / anonymisation
    # The clerk confirmed that a known customer's name or phone is now different (old → new).
    CUSTOMER_CORRECTED = "customer_corrected"
    IDENTITY_VIEWED = "identity_viewed"  # someone revealed a customer's unmasked identity data
    CORRECTIVE_ACTION_DONE = "corrective_action_done"  # one action of a resolution carried out
    # A provisional working-day deadline counted again on the calendar HQ published for its year.
    DEADLINE_RECOUNTED = "deadline_recounted"
    # Someone exported complaints with their customers' identity (the audit record: who, when,
    # what kind of export, how many customers; never the identity), on the first one exported.
    IDENTITY_EXPORTED = "identity_exported"


class Channel(enum.StrEnum):
    """How the complaint reached the bank (docs/ARCHITECTURE.md §3; JR/T 0169 channel codes live in the taxonomy)."""

    COUNTER = "counter"
    PHONE = "phone"
    WEB = "web"
    MOBILE_APP = "mobile_app"
    LETTER = "letter"
    REGULATOR_REFERRAL = "regulator_referral"


class Outcome(enum.StrEnum):
    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"


class CustomerKind(enum.StrEnum):
    INDIVIDUAL = "individual"
    CORPORATE = "corporate"


class IdDocumentType(enum.StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证, checked with stdnum.cn.ric
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Branch:
    code: str
    name: str
    phone: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class Staff:
    number: str
    name: str
    role: Role
    branch_code: str
    active: bool = True


@dataclass(frozen=True, slots=True)
class Actor:
    """The staff member acting, as authenticated by the security layer."""

    staff_number: str
    role: Role
    name: str = ""


@dataclass(frozen=True, slots=True)
class Agent:
    """Someone complaining on the customer's behalf (an heir, an attorney)."""

    name: str
    id_type: IdDocumentType
    id_number: str
    phone: str
    relationship: str
    power_of_attorney: bool = False  # seen at the counter (or attached as a scan)
    power_of_attorney_document: str = ""  # what it is, e.g. "notarised power of attorney"


@dataclass(frozen=True, slots=True)
class Customer:
    """An individual or a corporate customer. Identity fields are clear text here;
    they are masked by `desktop.domain.masking` before they reach paper or a log."""

    id: str
    kind: CustomerKind
    name: str
    id_type: IdDocumentType | None = None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    credit_code: str = ""  # 统一社会信用代码, corporate only
    contact_person: str = ""  # corporate only


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of a complaint's append-only timeline; also the unit of sync.

    `hlc` is the hybrid-logical-clock stamp that orders events identically on
    every device; `prev_hash` links this event to the previous one written by
    the same device (the audit chain).
    """

    id: str
    complaint_id: str
    kind: EventKind
    payload: dict[str, Any]
    actor: str
    actor_role: Role
    device_id: str
    branch_code: str
    hlc: str
    occurred_at: datetime
    business_date: date
    prev_hash: str = ""
    hash: str = ""


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a decision is due; `extensions` counts approved extensions so far."""

    decision_due: datetime
    extensions: int = 0


@dataclass(slots=True)
class ComplaintView:
    """The projection of a complaint's events: what the worklist and case view show."""

    id: str
    reference: str
    branch_code: str
    status: Status
    customer_id: str
    customer_name: str
    channel: Channel
    business_type: str
    cause: str
    received_at: datetime
    decision_due: datetime
    business_channel: str = ""  # JR/T 0169 channel axis code, when given
    product: str = ""
    amount: Decimal | None = None
    description: str = ""
    request: str = ""
    extra_fields: dict[str, str] = field(default_factory=dict)
    received_by: str = ""
    assignee: str = ""
    escalation_level: int = 0
    extensions: int = 0
    outcome: Outcome | None = None
    findings: str = ""
    remedy: str = ""
    compensation: Decimal | None = None
    satisfaction: int | None = None
    satisfaction_comment: str = ""
    closed_at: datetime | None = None
    resolved_at: datetime | None = None
    withdrawn_at: datetime | None = None
    related: list[str] = field(default_factory=list)
    repeat_of: str | None = None  # the complaint id of an earlier complaint about the same matter
    needs_review: bool = False
    review_reasons: list[str] = field(default_factory=list)
    updated_at: datetime | None = None
    event_count: int = 0
    # An extension asked of HQ and not yet decided: {"level", "new_due", "reason"}.
    extension_request: dict[str, Any] | None = None
    extension_declined: str = ""  # HQ's reason, when it declined the latest request
    # Every extension must be told to the customer: open until a notice is printed or a
    # contact attempt records that it was communicated (CBIRC Order 2020 No. 3 Art. 18).
    extension_notice_due: bool = False
    late_extensions: int = 0
    complained_staff: str = ""  # roster number of the staff member complained about (回避)
    complained_unit: str = ""  # the branch's unit complained about (回避) ...
    complained_unit_members: list[str] = field(default_factory=list)  # ... and its members then
    legal_hold: bool = False
    root_cause: str = ""  # resources/root_causes.json code, recorded at resolution
    # Corrective actions set at resolution: {"id", "what", "owner", "due", "done_at", "done_by"}.
    corrective_actions: list[dict[str, Any]] = field(default_factory=list)
    anonymised: bool = False  # its identity data removed after the retention period  # extensions refused by the fold because the deadline had passed
