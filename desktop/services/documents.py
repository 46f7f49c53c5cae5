"""The documents' data made from the core's plain values: a case (CaseDetail), the deadline
policy, the taxonomy, the branch's time zone and the day-end figures.

No database and no Qt here: the CLI and the UI read the case through the services and
hand the values in; these functions choose what goes on paper and render it. Display
strings (category, channel, ID type, approver) come in the document's language from
the taxonomy and the `printing.*` message codes (resources/i18n/<locale>/printing.json).
Times are printed as wall-clock times in the branch's zone.

Errors: `DocumentNotAvailable` (a letter for a case without a decision, a notice for a
case never extended) and the renderers' `ReportError`; both are DomainErrors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, tzinfo
from string import Template
from typing import Any

from desktop.domain.categories import category_label
from desktop.domain.documents import (
    CASE_DOCUMENTS,
    DAY_END_REPORT,
    EXTENSION_NOTICE,
    FORMATS,
    HOLDING_RESPONSE,
    LETTER,
    RECEIPT,
    document_name,
)
from desktop.domain.documents import printing_text as t
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.masking import DEFAULT_DOCUMENT_MASKING
from desktop.domain.model import Event, EventKind, Outcome, Status
from desktop.domain.policy import DayCount, DeadlinePolicy
from desktop.domain.projection import event_order
from desktop.domain.taxonomy import Taxonomy
from desktop.domain.validation import clean_text
from desktop.services.cases import CaseDetail
from desktop.services.day_report import DayFigures, DueLine
from reports.branding import load_bank_info
from reports.data import (
    BankInfo,
    CustomerIdentity,
    DayEndReportData,
    ExtensionNoticeData,
    LetterData,
    ReceiptData,
    RemedyTerms,
    SyncSummary,
    WorklistLine,
)
from reports.day_end import render_day_end_report
from reports.formatting import format_date
from reports.identity import scrub_free_text
from reports.letter import customer_summary_opening, letter_fields, render_letter
from reports.notice import render_extension_notice
from reports.receipt import render_receipt

_DECIDED = (Status.RESOLVED, Status.CLOSED)
MAX_HOLDING_REASON = 1000


class DocumentNotAvailable(DomainError):
    """The case has no such document (yet), or not on that paper; the code says which."""

    code = "printing.error.not_resolved"


def device_name(branch_code: str, device_number: int, locale: str) -> str:
    """A counter PC as the day-end report names it: BJ001 第3号终端 / BJ001 counter PC 3."""
    return t("device", locale, branch=branch_code, number=device_number)


# -- shared pieces -------------------------------------------------------------------------------

def category_text(taxonomy: Taxonomy, business_type: str, cause: str, locale: str) -> str:
    """"Business type · cause" in `locale`; a code the taxonomy does not know is shown as it is."""

    business = category_label(taxonomy, "business_type", business_type, locale)
    why = category_label(taxonomy, "cause", cause, locale)
    if business and why:
        return t("category", locale, business_type=business, cause=why)
    return business or why


def customer_identity(detail: CaseDetail, locale: str) -> CustomerIdentity:
    """The complainant as the documents take it (in clear: every document masks it)."""
    c = detail.customer
    corporate = c.kind.value == "corporate"
    if corporate and c.credit_code:
        id_type, number = t("id_type.credit_code", locale), c.credit_code
    else:
        id_type = t(f"id_type.{c.id_type.value}", locale) if c.id_type else ""
        number = c.id_number
    return CustomerIdentity(name=c.name, id_type=id_type, id_number=number, phone=c.phone,
                            address=c.address, corporate=corporate)


def bank_of(detail: CaseDetail, locale: str, bank: BankInfo | None = None,
            policy: DeadlinePolicy | None = None) -> BankInfo:
    """The bank and branch the case belongs to (resources/branding/bank.json). Under
    `policy` the regulator's hotline is the policy's own (`regulator_hotline` text; none
    outside China, so no 12378 on a UK or US document)."""
    info = bank or load_bank_info(locale, detail.view.branch_code)
    if not info.branch_code:
        info = replace(info, branch_code=detail.view.branch_code)
    if policy is not None:
        info = replace(info, regulator_hotline=policy.text("regulator_hotline", locale))
    return info


def _events(detail: CaseDetail, *kinds: EventKind) -> list[Event]:
    return sorted((e for e in detail.timeline if e.kind in kinds), key=event_order)


def _local_date(value: datetime, zone: tzinfo) -> date:
    return value.astimezone(zone).date()


def verification_code(detail: CaseDetail) -> str:
    """The code printed beside the reference and in the QR code: the first 8 characters of the
    hash of the case's `received` event, so a receipt can be checked against the audit chain."""
    received = next(iter(_events(detail, EventKind.RECEIVED)), None)
    return (received.hash[:8] if received is not None and received.hash else "").upper()


# -- receipt -------------------------------------------------------------------------------------

def receipt_data(detail: CaseDetail, *, policy: DeadlinePolicy, taxonomy: Taxonomy, zone: tzinfo,
                 locale: str, bank: BankInfo | None = None) -> ReceiptData:
    """The acknowledgement receipt of the case: the original deadline with the policy's
    decision period, and once extended (a reprint) the new deadline as an added line."""
    view = detail.view
    period = policy.rule_for(view.business_type or None, view.cause or None).decision
    days, working = period.days, period.count is DayCount.WORKING
    original = detail.received_payload.get("decision_due")
    first_due = datetime.fromisoformat(str(original)) if original else view.decision_due
    extended = _local_date(view.decision_due, zone) if view.extensions else None
    return ReceiptData(
        bank=bank_of(detail, locale, bank, policy), reference=view.reference,
        verification_code=verification_code(detail),
        received_at=view.received_at.astimezone(zone), staff_number=view.received_by,
        category=category_text(taxonomy, view.business_type, view.cause, locale),
        customer=customer_identity(detail, locale),
        complaint_summary=view.description, request_summary=view.request,
        decision_due=_local_date(first_due, zone), decision_days=days,
        decision_days_working=working,
        channel=t(f"channel.{view.channel.value}", locale),
        extended_due=extended, masking=policy.document_masking("receipt"),
    )


# -- resolution letter ---------------------------------------------------------------------------

def letter_data(detail: CaseDetail, *, policy: DeadlinePolicy, taxonomy: Taxonomy, zone: tzinfo,
                locale: str, letter_date: date, staff_number: str = "",
                bank: BankInfo | None = None) -> LetterData:
    """The decision letter of a resolved (or closed) case, from its latest decision.

    Raises DocumentNotAvailable when the case has no decision (open, reopened, withdrawn).
    """
    view = detail.view
    if view.outcome is None or view.status not in _DECIDED:
        raise DocumentNotAvailable("printing.error.not_resolved", reference=view.reference)
    decisions = _events(detail, EventKind.RESOLVED, EventKind.HQ_DECISION)
    decided: Mapping[str, Any] = decisions[-1].payload if decisions else {}
    return LetterData(
        bank=bank_of(detail, locale, bank, policy), reference=view.reference,
        customer=customer_identity(detail, locale), letter_date=letter_date,
        received_at=view.received_at.astimezone(zone),
        category=category_text(taxonomy, view.business_type, view.cause, locale),
        outcome=Outcome(view.outcome),
        complaint_summary=view.description, request_summary=view.request,
        verification=str(decided.get("verification") or ""),
        findings=view.findings, decision=str(decided.get("decision") or ""),
        remedy_terms=RemedyTerms(
            review_request_days=policy.review_request.days if policy.review_request else 0,
            review_decision_days=policy.review_decision.days if policy.review_decision else 0),
        remedy=view.remedy, compensation=view.compensation, staff_number=staff_number,
        basis=str(decided.get("basis") or ""),
        basis_reference=str(decided.get("basis_reference") or ""),
        customer_summary=str(decided.get("customer_summary") or ""),
        handling_rules=policy.text("handling_rules", locale),
        required_parts=policy.required_letter_parts(view.outcome.value),
        summary_resolution=(view.outcome is Outcome.UPHELD and view.resolved_at is not None
                            and policy.is_summary_resolution(view.received_at, view.resolved_at,
                                                             view.business_type or None,
                                                             view.cause or None)),
        masking=policy.document_masking("letter"),
    )


def case_letter_fields(data: LetterData, policy: DeadlinePolicy, locale: str) -> dict[str, str]:
    """The letter's editable texts filled in from the case (reports.letter_fields). Under a
    policy without a review by a superior office (e.g. UK DISP: the ombudsman instead) the
    remedies section is the policy's own `decision_remedies` text, and for a complaint resolved
    in the summary-resolution period its `summary_resolution` text."""
    fields = letter_fields(data.outcome, data, locale)
    summary = policy.text("summary_resolution", locale) if data.summary_resolution else ""
    if summary:
        fields["remedies"] = summary.strip()
    elif policy.review_request is None or policy.review_decision is None:
        fields["remedies"] = Template(policy.text("decision_remedies", locale)).safe_substitute(
            time_limit_waiver=policy.text("time_limit_waiver", locale)).strip()
    return fields


def customer_summary_draft(detail: CaseDetail, *, zone: tzinfo, locale: str) -> str:
    """The customer-facing findings the resolve dialog starts from: the recorded facts (when
    the complaint came, what the customer asked for) told to the customer in the second
    person, for the clerk to complete; never the clerk's own notes."""
    view = detail.view
    return customer_summary_opening(_local_date(view.received_at, zone), view.request,
                                    locale=locale)


# -- extension notice ----------------------------------------------------------------------------

def extension_notice_data(detail: CaseDetail, *, taxonomy: Taxonomy, zone: tzinfo, locale: str,
                          notice_date: date, staff_number: str = "",
                          bank: BankInfo | None = None,
                          policy: DeadlinePolicy | None = None) -> ExtensionNoticeData:
    """The notice of the case's latest deadline extension (reason, approver, old and new date).
    Under a policy with a `holding_reply` text (UK payment services) the notice is that
    holding reply: the policy's wording with the reason and the new date filled in.

    Raises DocumentNotAvailable("printing.error.never_extended") for a case never extended.
    """
    view = detail.view
    extensions = _events(detail, EventKind.DEADLINE_EXTENDED)
    if not view.extensions or not extensions:
        raise DocumentNotAvailable("printing.error.never_extended", reference=view.reference)
    by_level = {int(e.payload.get("level", i + 1)): e for i, e in enumerate(extensions)}
    latest = by_level.get(view.extensions, extensions[-1])
    level = int(latest.payload.get("level", view.extensions))
    earlier = by_level.get(level - 1)
    if earlier is not None:
        previous_due = datetime.fromisoformat(str(earlier.payload["new_due"]))
    else:
        previous_due = datetime.fromisoformat(str(detail.received_payload.get(
            "decision_due", view.received_at.isoformat())))
    role = str(latest.payload.get("approver_role", ""))
    approver = str(latest.payload.get("approver", ""))
    return ExtensionNoticeData(
        bank=bank_of(detail, locale, bank, policy), reference=view.reference,
        customer=customer_identity(detail, locale), notice_date=notice_date,
        received_at=view.received_at.astimezone(zone),
        category=category_text(taxonomy, view.business_type, view.cause, locale),
        previous_due=_local_date(previous_due, zone),
        new_due=_local_date(datetime.fromisoformat(str(latest.payload["new_due"])), zone),
        reason=str(latest.payload.get("reason", "")),
        approver=t("approver", locale, role=t(f"role.{role}", locale) if role else "",
                   number=approver).strip(),
        extension_number=level, staff_number=staff_number,
        policy_body=_holding_reply(policy, locale, str(latest.payload.get("reason", "")),
                                   _local_date(datetime.fromisoformat(str(latest.payload["new_due"])), zone)),
        masking=(policy.document_masking("notice") if policy is not None
                 else DEFAULT_DOCUMENT_MASKING["notice"]),
    )


def _holding_reply(policy: DeadlinePolicy | None, locale: str, reason: str, new_due: date) -> str:
    text = policy.text("holding_reply", locale) if policy is not None else ""
    if not text:
        return ""
    return Template(text).safe_substitute(reason=scrub_free_text(reason.strip()).rstrip("。."),
                                          new_due=format_date(new_due, locale)).strip()


def holding_response_data(detail: CaseDetail, *, policy: DeadlinePolicy, taxonomy: Taxonomy,
                          zone: tzinfo, locale: str, notice_date: date, reason: str,
                          expected_by: date, staff_number: str = "",
                          bank: BankInfo | None = None) -> ExtensionNoticeData:
    """The holding response of a case not decided yet, under a policy with a `holding_response`
    text (UK DISP 1.6.2: by 8 weeks, why there is no final response yet, when it is expected,
    and the customer's right to go to the Financial Ombudsman Service now, with its leaflet).
    The deadline is not moved. Raises DocumentNotAvailable for a decided case or a policy
    without the text."""
    view = detail.view
    text = policy.text("holding_response", locale)
    if not text:
        raise DocumentNotAvailable("printing.error.no_holding_response", reference=view.reference)
    if not view.status.is_open:
        raise DocumentNotAvailable("printing.error.not_open", reference=view.reference)
    due = _local_date(view.decision_due, zone)
    body = Template(text).safe_substitute(
        reason=scrub_free_text(reason.strip()).rstrip("。."),
        new_due=format_date(expected_by, locale)).strip()
    return ExtensionNoticeData(
        bank=bank_of(detail, locale, bank, policy), reference=view.reference,
        customer=customer_identity(detail, locale), notice_date=notice_date,
        received_at=view.received_at.astimezone(zone),
        category=category_text(taxonomy, view.business_type, view.cause, locale),
        previous_due=due, new_due=expected_by, reason=reason, approver="",
        extension_number=0, staff_number=staff_number, policy_body=body,
        masking=policy.document_masking("notice"))


def holding_response_fields(fields: Mapping[str, str] | None, today: date) -> tuple[str, date]:
    """(reason, expected by) of a holding response as the clerk gave them. Raises
    ValidationError: `reason` empty (field reason), `expected_by` not a date (or before today)."""
    given = fields or {}
    reason = clean_text(given.get("reason", ""), field="reason", max_length=MAX_HOLDING_REASON,
                        multiline=True)
    if not reason.strip():
        raise ValidationError("validation.required", field="reason")
    try:
        expected_by = date.fromisoformat(str(given.get("expected_by", "")))
    except ValueError:
        raise ValidationError("validation.date.format", field="expected_by") from None
    if expected_by < today:
        raise ValidationError("validation.holding_response_date", field="expected_by")
    return reason, expected_by


# -- day-end report ------------------------------------------------------------------------------

def _worklist(lines: list[DueLine], taxonomy: Taxonomy, zone: tzinfo,
              locale: str) -> tuple[WorklistLine, ...]:
    return tuple(WorklistLine(reference=ln.reference,
                              category=category_text(taxonomy, ln.business_type, ln.cause, locale),
                              decision_due=ln.decision_due.astimezone(zone), assignee=ln.assignee)
                 for ln in lines)


def day_end_report_data(figures: DayFigures, *, taxonomy: Taxonomy, zone: tzinfo, locale: str,
                        generated_at: datetime, operator: str, device: str = "",
                        bank: BankInfo, close_run: int = 0) -> DayEndReportData:
    """The day-end report of `figures` (desktop.services.day_report.day_figures).

    The sync section: events of the day sent to HQ and received from it, what is still
    unsent, and whether the events held here are still those HQ agreed at the close
    (no close recorded: not reconciled)."""
    order = [s.value for s in Status]
    statuses = sorted(figures.counts_by_status.items(),
                      key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    close = figures.close
    sync = SyncSummary(
        last_sync_at=figures.last_sync_at.astimezone(zone) if figures.last_sync_at else None,
        pushed=figures.sent_events, pulled=figures.received_events, unsent=figures.unsent,
        local_events=figures.local_events, hq_events=close.event_count if close else None,
        resent=close.resent if close else 0, digests_match=figures.matches_close)
    return DayEndReportData(
        bank=bank, business_date=figures.business_date,
        generated_at=generated_at.astimezone(zone), operator=operator, device=device,
        received=figures.received, resolved=figures.resolved, overdue=figures.overdue,
        due_tomorrow=figures.due_next_day, counts_by_status=dict(statuses),
        counts_by_category=[(category_text(taxonomy, b, c, locale), n)
                            for b, c, n in figures.received_by_category],
        overdue_items=_worklist(figures.overdue_items, taxonomy, zone, locale),
        due_tomorrow_items=_worklist(figures.due_next_day_items, taxonomy, zone, locale),
        sync=sync, close_run=close_run,
    )


# -- rendering a case document -------------------------------------------------------------------

def render_case_document(document: str, detail: CaseDetail, *, policy: DeadlinePolicy,
                         taxonomy: Taxonomy, zone: tzinfo, today: date, locale: str,
                         copy_number: int, fmt: str | None = None, staff_number: str = "",
                         fields: Mapping[str, str] | None = None,
                         bank: BankInfo | None = None) -> bytes:
    """The PDF of `document` (RECEIPT, LETTER, EXTENSION_NOTICE or HOLDING_RESPONSE) for the case.

    `copy_number` is the print this will be (print_count + 1): above 1 every page says
    副本 / COPY. `fields` are a letter's edited texts (default: filled from the case), or a
    holding response's reason and expected date (HOLDING_RESPONSE_FIELDS, required).
    Raises DocumentNotAvailable, ReportError (a format the document is not offered in,
    an unknown letter field) and ValueError for an unknown document name.
    """
    offered = FORMATS.get(document)
    if offered is None or document not in CASE_DOCUMENTS:
        raise ValueError(f"not a case document: {document}")
    fmt = fmt or offered[0]
    if fmt not in offered:
        raise DocumentNotAvailable("printing.error.format_not_offered",
                                   document=document_name(document, locale), fmt=fmt)
    if document == RECEIPT:
        data = receipt_data(detail, policy=policy, taxonomy=taxonomy, zone=zone, locale=locale,
                            bank=bank)
        return render_receipt(data, fmt=fmt, locale=locale, copy_number=copy_number)
    if document == LETTER:
        letter = letter_data(detail, policy=policy, taxonomy=taxonomy, zone=zone, locale=locale,
                             letter_date=today, staff_number=staff_number, bank=bank)
        texts = dict(fields) if fields is not None else case_letter_fields(letter, policy, locale)
        return render_letter(letter, fields=texts, locale=locale, copy_number=copy_number)
    if document == HOLDING_RESPONSE:
        reason, expected_by = holding_response_fields(fields, today)
        holding = holding_response_data(detail, policy=policy, taxonomy=taxonomy, zone=zone,
                                        locale=locale, notice_date=today, reason=reason,
                                        expected_by=expected_by, staff_number=staff_number,
                                        bank=bank)
        return render_extension_notice(holding, fmt=fmt, locale=locale, copy_number=copy_number)
    notice = extension_notice_data(detail, taxonomy=taxonomy, zone=zone, locale=locale,
                                   notice_date=today, staff_number=staff_number, bank=bank,
                                   policy=policy)
    return render_extension_notice(notice, fmt=fmt, locale=locale, copy_number=copy_number)


def render_day_end(figures: DayFigures, *, taxonomy: Taxonomy, zone: tzinfo, locale: str,
                   generated_at: datetime, operator: str, device: str = "", fmt: str = "a4",
                   bank: BankInfo | None = None, branch_code: str = "", copy_number: int = 1) -> bytes:
    """The day-end report PDF; `copy_number` 2 and more (a re-run close) marks it 副本/COPY.
    Raises ReportError for a format other than a4/a5."""
    info = bank or load_bank_info(locale, branch_code or None)
    if not info.branch_code and branch_code:
        info = replace(info, branch_code=branch_code)
    data = day_end_report_data(figures, taxonomy=taxonomy, zone=zone, locale=locale,
                               generated_at=generated_at, operator=operator, device=device,
                               bank=info, close_run=copy_number)
    return render_day_end_report(data, fmt=fmt, locale=locale, copy_number=copy_number)


__all__ = [
    "CASE_DOCUMENTS",
    "DAY_END_REPORT",
    "EXTENSION_NOTICE",
    "FORMATS",
    "LETTER",
    "RECEIPT",
    "DocumentNotAvailable",
    "bank_of",
    "case_letter_fields",
    "category_text",
    "customer_identity",
    "customer_summary_opening",
    "day_end_report_data",
    "device_name",
    "document_name",
    "extension_notice_data",
    "holding_response_data",
    "holding_response_fields",
    "letter_data",
    "receipt_data",
    "render_case_document",
    "render_day_end",
    "verification_code",
]
