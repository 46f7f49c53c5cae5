"""The plain data each document is made from. The caller fills these from the
store and the reference data; no field is looked up from a database here.

Display strings (category, channel, ID type, approver) arrive already in the
document's language: the taxonomy and rosters are data the caller holds.
Identity fields may arrive in clear: every document masks them itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.domain.masking import DEFAULT_DOCUMENT_MASKING, DocumentMasking
from desktop.domain.model import Outcome


class ReportError(DomainError):
    """A document cannot be produced: a missing template, an unknown field, a bad format."""

    code = "report.error.generic"


@dataclass(frozen=True, slots=True, kw_only=True)
class BankInfo:
    """Who the document comes from; see `load_bank_info` (resources/branding/bank.json)."""

    bank_name: str
    branch_name: str
    branch_code: str = ""
    branch_phone: str = ""
    branch_address: str = ""
    bank_hotline: str = ""
    regulator_hotline: str = ""
    superior_office: str = ""  # who reviews a decision the customer disputes
    logo_path: Path | None = None
    # The address a receipt's QR code carries, with {reference} and {code} filled in
    # (the branding file's "verification_url"); empty: the reference and code as text.
    verification_url: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerIdentity:
    """The complainant as printed: each document masks it as its `masking` says (the
    policy's table per kind of document; a corporate customer's name is shown as it is)."""

    name: str
    id_type: str = ""  # e.g. 居民身份证 / Resident ID card
    id_number: str = ""
    phone: str = ""
    address: str = ""
    corporate: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptData:
    bank: BankInfo
    reference: str
    verification_code: str  # printed and carried in the QR code beside the reference
    received_at: datetime
    staff_number: str
    category: str
    customer: CustomerIdentity
    complaint_summary: str
    request_summary: str
    decision_due: date
    decision_days: int | None = None  # the policy's period, e.g. 15, shown beside the date
    decision_days_working: bool = False  # the period counts business days (UK payment services)
    channel: str = ""
    # A reprint after an extension: `decision_due` stays the original deadline, this is the
    # new one, printed as an added line.
    extended_due: date | None = None
    masking: DocumentMasking = DEFAULT_DOCUMENT_MASKING["receipt"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RemedyTerms:
    """The customer's remedies from the deadline policy (CN: 30 days to ask, 30 to decide)."""

    review_request_days: int
    review_decision_days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LetterData:
    bank: BankInfo
    reference: str
    customer: CustomerIdentity
    letter_date: date
    received_at: datetime
    category: str
    outcome: Outcome
    complaint_summary: str
    request_summary: str
    verification: str  # how the complaint was verified
    findings: str
    decision: str  # the decision with its basis and reasons
    remedy_terms: RemedyTerms
    remedy: str = ""
    compensation: Decimal | None = None
    currency: str = "CNY"
    staff_number: str = ""
    basis: str = ""  # the basis and reasons of the decision
    basis_reference: str = ""  # the specific rule or contract clause it rests on
    # The findings told to the customer (second person); printed in place of `findings`.
    customer_summary: str = ""
    handling_rules: str = ""  # what the case was handled under (the policy's own words)
    # The parts the policy requires (desktop.domain.policy LETTER_PARTS): the letter refuses
    # to render while one is empty or edited out.
    required_parts: tuple[str, ...] = ()
    # Resolved by the policy's summary-resolution limit (UK DISP 1.5: the end of the third
    # business day): the letter is a summary resolution communication, not a final response.
    summary_resolution: bool = False
    # Letters go to the customer: by default full name and postal address, numbers masked.
    masking: DocumentMasking = DEFAULT_DOCUMENT_MASKING["letter"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtensionNoticeData:
    bank: BankInfo
    reference: str
    customer: CustomerIdentity
    notice_date: date
    received_at: datetime
    category: str
    previous_due: date
    new_due: date
    reason: str
    approver: str  # e.g. 支行主管 S0012 / branch supervisor S0012
    extension_number: int = 1
    staff_number: str = ""
    # The policy's own wording of this notice, when it has one (UK payment services: the
    # holding reply, with the Financial Ombudsman Service); it replaces the generic body.
    policy_body: str = ""
    masking: DocumentMasking = DEFAULT_DOCUMENT_MASKING["notice"]


@dataclass(frozen=True, slots=True, kw_only=True)
class WorklistLine:
    """One complaint on the day-end lists (no identity data)."""

    reference: str
    category: str
    decision_due: datetime
    assignee: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncSummary:
    """The day-end sync and reconciliation with HQ (docs/ARCHITECTURE.md §5).

    `digests_match` is None when HQ could not be asked (offline close)."""

    last_sync_at: datetime | None
    pushed: int = 0
    pulled: int = 0
    unsent: int = 0
    local_events: int = 0
    hq_events: int | None = None
    resent: int = 0
    digests_match: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DayEndReportData:
    bank: BankInfo
    business_date: date
    generated_at: datetime
    operator: str  # staff number of whoever runs the close
    device: str = ""
    received: int = 0
    resolved: int = 0
    overdue: int = 0
    due_tomorrow: int = 0
    counts_by_status: Mapping[str, int] = field(default_factory=dict)  # Status value → count
    counts_by_category: Sequence[tuple[str, int]] = ()  # (category label, count)
    overdue_items: Sequence[WorklistLine] = ()
    due_tomorrow_items: Sequence[WorklistLine] = ()
    sync: SyncSummary | None = None
    close_run: int = 0  # which close of the day this report follows: 2 and more are re-runs
