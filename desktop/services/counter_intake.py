"""Taking a complaint at the counter as one use case: record it and, when it is settled on
the spot, resolve it, record the customer's satisfaction and close it — all in one write
transaction, with the intake's draft deleted in the same one. Either the whole sitting is
on the timeline or none of it is: a refused resolution leaves no half-settled complaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from desktop.domain.errors import ValidationError
from desktop.domain.model import Actor, Outcome
from desktop.domain.states import Action
from desktop.services import complaints
from desktop.services.context import ServiceContext
from desktop.services.intake import Intake, RepeatWarning
from desktop.store.models import DraftRow


@dataclass(frozen=True, slots=True)
class Settlement:
    """The decision given at the counter and the customer's answer to it."""

    outcome: Outcome
    findings: str
    verification: str = ""
    basis: str = ""
    basis_reference: str = ""
    remedy: str = ""
    compensation: Decimal | str | None = None
    # What the decision letter tells the customer (second person); required: the letter
    # prints it in place of the clerk's findings.
    customer_summary: str = ""
    satisfaction: int | None = None  # 1-5; None: the customer gave no score
    satisfaction_comment: str = ""


@dataclass(frozen=True, slots=True)
class Taken:
    complaint_id: str
    reference: str
    decision_due: datetime
    repeats: list[RepeatWarning]
    closed: bool  # settled at the counter: resolved and closed
    business_date: date | None = None  # the business date its receipt counts on
    after_close: bool = False  # recorded after its day's close: counts on the next business day


def _in_resolution(exc: ValidationError) -> complaints.IntakeRejected:
    """A settlement's field error, named by its path in the intake form (`resolution.<field>`)."""
    params = {k: v for k, v in exc.params.items() if k != "field"}
    path = f"resolution.{exc.field or 'findings'}"
    return complaints.IntakeRejected([ValidationError(exc.code, field=path, **params)])


def take_complaint(ctx: ServiceContext, actor: Actor, intake: Intake, *,
                   settlement: Settlement | None = None, draft_id: str | None = None) -> Taken:
    """Record the complaint of `intake`; with a `settlement`, resolve, record satisfaction and
    close it too; delete the draft `draft_id` — in one transaction.

    Raises IntakeRejected (every field error of the intake, or the first of the settlement as
    `resolution.<field>`, e.g. a blank customer-facing summary), PermissionDenied / ApprovalRequired (e.g. compensation above the
    threshold needs a supervisor: settle it on the case screen instead), Recused (the person
    complained about may not decide it). Nothing is written when it raises."""
    settling = settlement is not None
    form = complaints.checked_intake(ctx, actor, intake)
    form["resolved_on_spot"] = settling
    resolution: dict[str, object] = {}
    satisfaction: dict[str, object] | None = None
    if settlement is not None:
        try:
            if not settlement.customer_summary.strip():
                raise ValidationError("validation.required", field="customer_summary")
            resolution = complaints.resolution_payload(
                ctx, outcome=settlement.outcome, findings=settlement.findings,
                verification=settlement.verification, basis=settlement.basis,
                basis_reference=settlement.basis_reference, remedy=settlement.remedy,
                compensation=settlement.compensation,
                customer_summary=settlement.customer_summary)
            if settlement.satisfaction is not None:
                satisfaction = complaints.satisfaction_payload(settlement.satisfaction,
                                                               settlement.satisfaction_comment)
        except ValidationError as exc:
            raise _in_resolution(exc) from None
    with ctx.store.write() as s:
        recorded = complaints.write_complaint(s, ctx, actor, intake, form)
        cid = recorded.complaint_id
        if settling:
            complaints.act_in(s, ctx, actor, cid, Action.RESOLVE, dict(resolution))
            if satisfaction is not None:
                complaints.act_in(s, ctx, actor, cid, Action.RECORD_SATISFACTION, satisfaction)
            complaints.act_in(s, ctx, actor, cid, Action.CLOSE, {})
        if draft_id:
            draft = s.get(DraftRow, draft_id)
            if draft is not None:
                s.delete(draft)
    return Taken(complaint_id=cid, reference=recorded.reference,
                 decision_due=recorded.decision_due, repeats=recorded.repeats, closed=settling,
                 business_date=recorded.business_date, after_close=recorded.after_close)
