"""What the acknowledgement receipt says, on any paper: its rows, sentences, contacts and
QR payload (laid out by reports.receipt on the roll, reports.receipt_sheet on sheets)."""

from __future__ import annotations

from desktop.domain.masking import MASKED, DocumentMasking
from desktop.i18n import normalise_locale
from reports.data import CustomerIdentity, ReceiptData, ReportError
from reports.formatting import format_date, format_datetime, label
from reports.identity import scrub_free_text

COPIES = ("customer", "bank")
QR_PREFIX = "CDR1"


def receipt_qr_payload(reference: str, verification_code: str, verification_url: str = "") -> str:
    """What the receipt's QR code carries: the bank's verification address when its branding
    file names one (`verification_url` with {reference} and {code}, URL-quoted), otherwise
    'CDR1|<reference>|<verification code>'.

    A scanner at any counter can split the latter on '|' and look the complaint up; the
    verification code tells a genuine receipt from a forged one. Raises ReportError for an
    address template with another placeholder.
    """
    if verification_url:
        from urllib.parse import quote

        try:
            return verification_url.format(reference=quote(reference, safe=""),
                                           code=quote(verification_code, safe=""))
        except (KeyError, IndexError, ValueError) as exc:
            raise ReportError("report.error.bank_info_invalid",
                              detail="verification_url") from exc
    return f"{QR_PREFIX}|{reference}|{verification_code}"


def customer_rows(customer: CustomerIdentity, locale: str,
                  masking: DocumentMasking = MASKED) -> list[tuple[str, str]]:
    """The complainant's rows of a field table, masked as `masking` says."""
    rows = [(label("field.customer", locale),
             masking.name_of(customer.name, corporate=customer.corporate))]
    if customer.id_number:
        rows.append((label("field.id_document", locale),
                     f"{customer.id_type} {masking.id_number_of(customer.id_number)}".strip()))
    if customer.phone:
        rows.append((label("field.phone", locale), masking.phone_of(customer.phone)))
    return rows


def contact_lines(data: ReceiptData, locale: str) -> list[str]:
    bank = data.bank
    sep = "：" if normalise_locale(locale) == "zh_CN" else ": "
    pairs = (
        ("contact.branch_phone", bank.branch_phone),
        ("contact.bank_hotline", bank.bank_hotline),
        ("contact.regulator_hotline", bank.regulator_hotline),
    )
    return [label(code, locale) + sep + number for code, number in pairs if number]


def field_rows(data: ReceiptData, locale: str) -> list[tuple[str, str]]:
    """The label / value rows under the title: reference, time, channel, category, staff,
    the complainant (masked as `data.masking` says)."""
    rows = [
        (label("field.reference", locale), data.reference),
        (label("field.received_at", locale), format_datetime(data.received_at, locale)),
    ]
    if data.channel:
        rows.append((label("field.channel", locale), data.channel))
    return [
        *rows,
        (label("field.category", locale), data.category),
        (label("field.staff", locale), data.staff_number),
        *customer_rows(data.customer, locale, data.masking),
    ]


def deadline_sentence(data: ReceiptData, locale: str) -> str:
    due = format_date(data.decision_due, locale)
    if data.decision_days:
        code = ("receipt.deadline_with_business_days" if data.decision_days_working
                else "receipt.deadline_with_days")
        return label(code, locale, due=due, days=data.decision_days)
    return label("receipt.deadline", locale, due=due)


def sections(data: ReceiptData, locale: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) under the rows: the complaint, the request, the deadline (and
    its extension), free text scrubbed of identity numbers."""
    deadline = [deadline_sentence(data, locale)]
    if data.extended_due is not None:
        deadline.append(label("receipt.extended_to", locale,
                              due=format_date(data.extended_due, locale)))
    return [
        (label("field.complaint", locale), [scrub_free_text(data.complaint_summary)]),
        (label("field.request", locale), [scrub_free_text(data.request_summary)]),
        (label("field.decision_due", locale), deadline),
    ]


def signers(locale: str) -> list[str]:
    return [label("sign.customer", locale), label("sign.staff", locale), label("field.date", locale)]
