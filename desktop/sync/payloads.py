"""The payload of each event kind as a typed model: the one definition the branch writes
with (desktop.store.events.append_local_event checks every payload against it) and HQ
checks every pushed event with (hq.ingest). Part of the wire schema (desktop.sync.wire).

Values stay what the branch writes: times are ISO-8601 text with an offset, money is
decimal text, so a payload validated here is exactly the dict the event hash covers.
No model accepts keys it does not name (`extra="forbid"`): what no honest client
writes is refused rather than carried along.

What can go wrong: `check_payload` raises pydantic.ValidationError; its messages name
the field at fault, never its value.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from desktop.domain.model import Channel, CustomerKind, EventKind, IdDocumentType, Outcome, Role

MAX_EVENT_PAYLOAD_BYTES = 64 * 1024  # canonical JSON of one payload (HQ answers 413 past it)
_LONG = 8000  # MAX_LONG_TEXT (4000 characters) with room for a longer older limit
_SHORT = 400


def _aware_time(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("not an ISO-8601 time") from None
    if parsed.tzinfo is None:
        raise ValueError("a time without its UTC offset")
    return value


def _money(value: str) -> str:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError("not a decimal amount") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError("not a decimal amount")
    return value


# No control characters but line breaks and tabs (checked by pydantic's own regex engine).
_NO_CONTROLS = r"^[^\x00-\x08\x0b-\x1f]*$"


Time = Annotated[StrictStr, Field(max_length=40), AfterValidator(_aware_time)]
Money = Annotated[StrictStr, Field(max_length=20), AfterValidator(_money)]
Short = Annotated[StrictStr, Field(max_length=_SHORT, pattern=_NO_CONTROLS)]
Long = Annotated[StrictStr, Field(max_length=_LONG, pattern=_NO_CONTROLS)]
Code = Annotated[StrictStr, Field(min_length=1, max_length=40, pattern=_NO_CONTROLS)]
Reference = Annotated[StrictStr, Field(pattern=r"^[A-Z0-9]{2,12}-\d{2}-\d{8}-\d{4}-[0-9A-Z]$")]
StaffNumber = Annotated[StrictStr, Field(min_length=1, max_length=32, pattern=_NO_CONTROLS)]
ComplaintId = Annotated[StrictStr, Field(min_length=1, max_length=64, pattern=_NO_CONTROLS)]


class PayloadModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CustomerPayload(PayloadModel):
    """The customer as the branch stored them (identity fields: HQ keeps them encrypted)."""

    id: Code
    kind: CustomerKind
    name: Short
    id_type: IdDocumentType | None = None
    id_number: Short = ""
    phone: Short = ""
    address: Short = ""
    credit_code: Short = ""
    contact_person: Short = ""


class AgentPayload(PayloadModel):
    name: Short
    id_type: IdDocumentType | None = None
    id_number: Short = ""
    phone: Short = ""
    relationship: Short = ""
    power_of_attorney: StrictBool = False
    power_of_attorney_document: Short = ""


class RepresentativePayload(PayloadModel):
    name: Short | None = None
    id_type: IdDocumentType | None = None
    id_number: Short | None = None
    phone: Short | None = None


class CorporateRepresentativePayload(RepresentativePayload):
    """Who speaks for a corporate customer: its legal representative or principal contact."""

    capacity: Literal["legal_representative", "principal_contact", ""] = ""


class GroupPayload(PayloadModel):
    """A group complaint: its chosen representatives and how many people it speaks for."""

    representatives: list[RepresentativePayload] = Field(default_factory=list, max_length=20)
    people: Annotated[StrictInt, Field(ge=0, le=10_000_000)]


class ReceivedPayload(PayloadModel):
    reference: Reference
    channel: Channel
    business_channel: Short = ""
    business_type: Code
    cause: Code
    product: Short = ""
    amount: Money | None = None
    description: Long
    request: Long
    incident_date: Short = ""
    extra_fields: dict[Annotated[str, Field(max_length=64)], Short | StrictInt | None] = Field(
        default_factory=dict, max_length=60)
    contact_channel: Short = ""
    contact_time: Short = ""
    complained_about: Short = ""
    complained_staff: Short = ""  # the staff member complained about (recusal)
    complained_unit: Short = ""  # the branch's unit complained about, and its members then
    complained_unit_members: list[StaffNumber] = Field(default_factory=list, max_length=500)
    grounds: Long = ""
    recording_reference: Short = ""
    group: GroupPayload | None = None
    agent: AgentPayload | None = None
    corporate_representative: CorporateRepresentativePayload | None = None
    consent: StrictBool = False
    resolved_on_spot: StrictBool = False
    # The complaint id of an earlier complaint about the same matter: the regulator counts
    # a repeat once, so statistics count complaints whose repeat_of is null.
    repeat_of: ComplaintId | None = None
    customer: CustomerPayload
    received_at: Time
    decision_due: Time
    policy_id: Short = ""


class EmptyPayload(PayloadModel):
    """acknowledged, closed: the event itself says it all."""


class NotePayload(PayloadModel):
    text: Long


class ContactAttemptPayload(PayloadModel):
    channel: Short
    reached: StrictBool
    text: Long = ""
    extension_notice: StrictBool = False  # the customer was told of an extension


class AssignedPayload(PayloadModel):
    assignee: StaffNumber
    reason: Long = ""  # why the case moves away from its first handler
    previous: Short = ""


class EscalatedPayload(PayloadModel):
    level: Annotated[StrictInt, Field(ge=1, le=20)]
    reason: Long


class DeadlineExtendedPayload(PayloadModel):
    new_due: Time
    reason: Long
    level: Annotated[StrictInt, Field(ge=1, le=20)]
    approver: StaffNumber
    approver_role: Role
    notify_customer: StrictBool = True


class ExtensionRequestedPayload(PayloadModel):
    """An extension only HQ may approve, asked by the branch."""

    level: Annotated[StrictInt, Field(ge=1, le=20)]
    new_due: Time
    reason: Long
    notify_customer: StrictBool = True


class ExtensionDecidedPayload(PayloadModel):
    """HQ approves (new_due) or declines (reason) an extension request (HQ only)."""

    level: Annotated[StrictInt, Field(ge=1, le=20)]
    approved: StrictBool
    reason: Long = ""
    officer: StaffNumber
    new_due: Time | None = None
    notify_customer: StrictBool = True


class CorrectiveActionPayload(PayloadModel):
    """A corrective action a resolution sets (溯源整改): what, who owns it, when it is due."""

    id: Code
    what: Long
    owner: Short
    due: Annotated[StrictStr, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class CorrectiveActionDonePayload(PayloadModel):
    action_id: Code
    note: Long = ""


class ResolutionPayload(PayloadModel):
    """resolved (a branch) and hq_decision (HQ); `root_cause` a resources/root_causes.json code."""

    outcome: Outcome
    findings: Long
    verification: Long = ""
    basis: Long = ""  # basis and reasons of the decision (the policy may require it)
    basis_reference: Short = ""  # the rule or contract clause relied on
    # The findings as the letter tells them to the customer (second person); the letter's
    # findings section prints it in place of the clerk's `findings` notes.
    customer_summary: Long = ""
    remedy: Long = ""
    compensation: Money | None = None
    root_cause: Short = ""
    corrective_actions: list[CorrectiveActionPayload] = Field(default_factory=list, max_length=20)


class DocumentPrintedPayload(PayloadModel):
    document: Literal["receipt", "letter", "extension_notice", "holding_response", "day_end_report"]
    copy_number: Annotated[StrictInt, Field(ge=1, le=10_000, alias="copy")]


class SatisfactionPayload(PayloadModel):
    score: Annotated[StrictInt, Field(ge=1, le=5)]
    comment: Long = ""


class ReopenedPayload(PayloadModel):
    reason: Long
    approver: StaffNumber | None = None


class WithdrawnPayload(PayloadModel):
    reason: Long


class LinkedPayload(PayloadModel):
    related_reference: Reference


class AttachmentPayload(PayloadModel):
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    size: Annotated[StrictInt, Field(ge=0, le=1 << 40)]
    media_type: Short
    name: Short


class LegalHoldPayload(PayloadModel):
    on: StrictBool
    reason: Long


class RetentionAppliedPayload(PayloadModel):
    """The audit record of an anonymisation or purge: the digest of what each event held."""

    action: Short
    events: dict[Annotated[str, Field(max_length=64)],
                 Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]] = Field(max_length=100_000)
    retain_until: Short
    policy_id: Short = ""


_CustomerField = Literal["name", "phone"]
_IdentityField = Literal["id_number", "phone", "address", "credit_code", "name"]


class CustomerCorrectedPayload(PayloadModel):
    """A known customer's details the clerk confirmed as changed; `old` and `new` are
    identity data (HQ stores them encrypted)."""

    customer_id: Short
    fields: list[_CustomerField] = Field(min_length=1, max_length=2)
    old: dict[_CustomerField, Short]
    new: dict[_CustomerField, Short]


class IdentityViewedPayload(PayloadModel):
    """Which unmasked identity values someone chose to see, and on which screen."""

    fields: list[_IdentityField] = Field(min_length=1, max_length=5)
    screen: Short


class DeadlineRecountedPayload(PayloadModel):
    """A provisional deadline counted again on the calendar HQ published for its year."""

    previous_due: Time
    new_due: Time
    reason: Literal["calendar_published"] = "calendar_published"
    calendar_version: Annotated[StrictInt, Field(ge=0, le=1_000_000)] = 0


class IdentityExportedPayload(PayloadModel):
    """An export that carried customers' identity: what kind, which file format, how many
    rows and how many distinct customers (counts only, never the identity)."""

    export: Literal["worklist"]
    file_format: Literal["csv", "xlsx"]
    rows: Annotated[StrictInt, Field(ge=1, le=100_000_000)]
    customers: Annotated[StrictInt, Field(ge=0, le=100_000_000)]


PAYLOAD_MODELS: dict[EventKind, type[PayloadModel]] = {
    EventKind.RECEIVED: ReceivedPayload,
    EventKind.ACKNOWLEDGED: EmptyPayload,
    EventKind.NOTE: NotePayload,
    EventKind.CONTACT_ATTEMPT: ContactAttemptPayload,
    EventKind.ASSIGNED: AssignedPayload,
    EventKind.ESCALATED: EscalatedPayload,
    EventKind.DEADLINE_EXTENDED: DeadlineExtendedPayload,
    EventKind.RESOLVED: ResolutionPayload,
    EventKind.DOCUMENT_PRINTED: DocumentPrintedPayload,
    EventKind.SATISFACTION_RECORDED: SatisfactionPayload,
    EventKind.CLOSED: EmptyPayload,
    EventKind.REOPENED: ReopenedPayload,
    EventKind.WITHDRAWN: WithdrawnPayload,
    EventKind.LINKED: LinkedPayload,
    EventKind.ATTACHMENT_ADDED: AttachmentPayload,
    EventKind.HQ_DECISION: ResolutionPayload,
    EventKind.EXTENSION_REQUESTED: ExtensionRequestedPayload,
    EventKind.EXTENSION_DECIDED: ExtensionDecidedPayload,
    EventKind.LEGAL_HOLD: LegalHoldPayload,
    EventKind.RETENTION_APPLIED: RetentionAppliedPayload,
    EventKind.CUSTOMER_CORRECTED: CustomerCorrectedPayload,
    EventKind.IDENTITY_VIEWED: IdentityViewedPayload,
    EventKind.IDENTITY_EXPORTED: IdentityExportedPayload,
    EventKind.CORRECTIVE_ACTION_DONE: CorrectiveActionDonePayload,
    EventKind.DEADLINE_RECOUNTED: DeadlineRecountedPayload,
}

# Roles a branch device may write under, and what only HQ writes. The branch's local
# administrator (and records retention and the calendar recount, which act as it) writes only legal holds,
# retention records; it is no staff member of the roster.
BRANCH_ROLES = frozenset({Role.TELLER, Role.SUPERVISOR, Role.MANAGER})
ADMIN_KINDS = frozenset({EventKind.LEGAL_HOLD, EventKind.RETENTION_APPLIED,
                         EventKind.DEADLINE_RECOUNTED})
HQ_ONLY_KINDS = frozenset({EventKind.HQ_DECISION, EventKind.EXTENSION_DECIDED})


def branch_may_claim(kind: EventKind, role: Role) -> bool:
    """Whether a branch device may write an event of `kind` under `role`."""
    return role in BRANCH_ROLES or (role is Role.ADMIN and kind in ADMIN_KINDS)

# Where identity data sits in a payload: HQ stores these members encrypted.
IDENTITY_MEMBERS: dict[EventKind, tuple[str, ...]] = {
    EventKind.RECEIVED: ("customer", "agent", "group", "corporate_representative"),
    EventKind.CUSTOMER_CORRECTED: ("old", "new")}


def check_payload(kind: EventKind, payload: dict[str, Any]) -> PayloadModel:
    """The payload read by its kind's model; raises pydantic.ValidationError."""
    return PAYLOAD_MODELS[kind].model_validate(payload)
