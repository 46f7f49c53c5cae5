"""Risk signals of an intake before it is saved (desktop.domain.risk, rules as data): the
intake's own facts and the customer's history on this profile (by ID number or credit code)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from desktop.domain.risk import RiskSignal, assess, receipt_facts, risk_rules
from desktop.services.context import ServiceContext
from desktop.services.intake import Intake, find_customer_row
from desktop.store.models import ComplaintRow


def intake_risk(ctx: ServiceContext, intake: Intake) -> list[RiskSignal]:
    """The signals `intake` raises now. Reads only; never fails on an unknown customer."""
    c = intake.customer
    return form_risk(ctx, {
        "customer": {"existing_id": c.existing_id, "kind": c.kind.value,
                     "id_type": c.id_type.value if c.id_type else None,
                     "id_number": c.id_number, "credit_code": c.credit_code},
        "amount": None if intake.amount is None else str(intake.amount),
        "description": intake.description, "request": intake.request, "grounds": intake.grounds,
        "group": intake.group is not None})


def form_risk(ctx: ServiceContext, form: Mapping[str, Any]) -> list[RiskSignal]:
    """The signals of an intake form as the wizard holds it (plain values; a half-filled
    form gives what it can). Reads only."""
    rules = risk_rules()
    now = ctx.now()
    customer = form.get("customer") or {}
    earlier, escalated = 0, False
    with ctx.store.read() as s:
        row = find_customer_row(s, {
            "existing_id": customer.get("existing_id"), "id_number": customer.get("id_number"),
            "credit_code": customer.get("credit_code"), "id_type": customer.get("id_type"),
            "kind": customer.get("kind")})
        if row is not None:
            C = ComplaintRow
            since = now - timedelta(days=rules.repeat_complainant_days)
            earlier = int(s.scalar(select(func.count()).select_from(C).where(
                C.customer_id == row.id, C.received_at >= since)) or 0)
            escalated = bool(s.scalar(select(func.count()).select_from(C).where(
                C.customer_id == row.id, C.escalation_level > 0)))
    facts = replace(receipt_facts(form), earlier_within_days=earlier, earlier_escalated=escalated)
    return assess(facts, now.astimezone(ctx.device.zone).date(), rules)
