"""Risk signals of an intake before it is saved (desktop.domain.risk, rules as data): the
intake's own facts and the customer's history on this profile (by ID number or credit code)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desktop.domain.risk import IntakeFacts, RiskSignal, assess, risk_rules
from desktop.services.context import ServiceContext
from desktop.services.intake import Intake, find_customer_row
from desktop.store.models import ComplaintRow


def intake_risk(ctx: ServiceContext, intake: Intake) -> list[RiskSignal]:
    """The signals `intake` raises now. Reads only; never fails on an unknown customer."""
    rules = risk_rules()
    now = ctx.now()
    customer = intake.customer
    earlier, escalated = 0, False
    with ctx.store.read() as s:
        row = find_customer_row(s, {
            "existing_id": customer.existing_id,
            "id_number": customer.id_number, "credit_code": customer.credit_code,
            "id_type": customer.id_type.value if customer.id_type else None,
            "kind": customer.kind.value})
        if row is not None:
            C = ComplaintRow
            since = now - timedelta(days=rules.repeat_complainant_days)
            earlier = int(s.scalar(select(func.count()).select_from(C).where(
                C.customer_id == row.id, C.received_at >= since)) or 0)
            escalated = bool(s.scalar(select(func.count()).select_from(C).where(
                C.customer_id == row.id, C.escalation_level > 0)))
    facts = IntakeFacts(
        amount=intake.amount, texts=(intake.description, intake.request, intake.grounds),
        id_type=customer.id_type.value if customer.id_type else None,
        id_number=customer.id_number, group=intake.group is not None,
        earlier_within_days=earlier, earlier_escalated=escalated)
    return assess(facts, now.astimezone(ctx.device.zone).date(), rules)
