"""The acknowledgement receipt offered after a complaint is saved.

The document itself comes from `reports.receipt.render_receipt` (reportlab, no Qt);
this module gathers its data on the database worker. Printing with a preview is
the printing module's (ui/printing*.py); until it is installed the counter can
save the receipt as a PDF and print that.

What can go wrong: reports/ missing or a ReportError (shown to the user as a
message); every print or save is put on the complaint's timeline.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.services.context import Actor, ServiceContext

RECEIPT = "receipt"


@dataclass(frozen=True, slots=True)
class ReceiptFile:
    reference: str
    pdf: bytes
    copy_number: int


def printing_available() -> bool:
    """True once the printing module (print preview and Qt print dialog) is installed."""
    return importlib.util.find_spec("ui.printing") is not None


def reports_available() -> bool:
    return importlib.util.find_spec("reports.receipt") is not None


def verification_code(ctx: ServiceContext, complaint_id: str) -> str:
    """The code printed beside the reference: the first 8 characters of the hash of the
    complaint's `received` event, so a receipt can be checked against the audit chain."""
    from desktop.store.events import complaint_events

    with ctx.store.read() as s:
        events = complaint_events(s, complaint_id)
    received = next((e for e in events if e.kind.value == "received"), None)
    return (received.hash[:8] if received is not None and received.hash else "").upper()


def receipt_pdf(ctx: ServiceContext, actor: Actor, complaint_id: str, locale: str) -> ReceiptFile:
    """Render the receipt of `complaint_id` and put the print on its timeline (a reprint is a
    COPY). Runs on the database worker. Raises ReportError / NotFound (DomainErrors)."""
    from dataclasses import replace

    from desktop.services.cases import case_detail
    from desktop.services.complaints import print_count, record_print
    from reports.branding import load_bank_info
    from reports.data import CustomerIdentity, ReceiptData
    from reports.receipt import render_receipt
    from ui.categories import category_label
    from ui.labels import CHANNEL, ID_TYPE, label

    detail = case_detail(ctx, complaint_id)
    view, customer = detail.view, detail.customer
    bank = load_bank_info(locale, view.branch_code)
    if not bank.branch_code:
        bank = replace(bank, branch_code=view.branch_code)
    copy_number = print_count(ctx, complaint_id, RECEIPT) + 1
    category = " · ".join(t for t in (category_label("business_type", view.business_type, locale),
                                      category_label("cause", view.cause, locale)) if t)
    rule = ctx.policy.rule_for(view.business_type, view.cause)
    data = ReceiptData(
        bank=bank, reference=view.reference,
        verification_code=verification_code(ctx, complaint_id),
        received_at=view.received_at, staff_number=view.received_by, category=category,
        customer=CustomerIdentity(
            name=customer.name,
            id_type=label(ID_TYPE, customer.id_type.value) if customer.id_type else "",
            id_number=customer.id_number or customer.credit_code, phone=customer.phone,
            address=customer.address, corporate=customer.kind.value == "corporate"),
        complaint_summary=view.description, request_summary=view.request,
        decision_due=view.decision_due.astimezone(ctx.device.zone).date(),
        decision_days=rule.decision.days,
        channel=label(CHANNEL, str(detail.received_payload.get("channel", ""))),
    )
    pdf = render_receipt(data, fmt="a4", locale=locale, copy_number=copy_number)
    record_print(ctx, actor, complaint_id, document=RECEIPT, copy_number=copy_number)
    return ReceiptFile(reference=view.reference, pdf=pdf, copy_number=copy_number)
