"""Taking a complaint at the counter is one use case and one transaction: recorded, and when
settled on the spot resolved, satisfaction recorded and closed — or nothing at all."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.domain.model import Actor, EventKind, Outcome, Role, Status
from desktop.security.permissions import ApprovalRequired
from desktop.security.policy import security_policy
from desktop.security.staff import add_staff
from desktop.services.cases import case_detail
from desktop.services.complaints import IntakeRejected, Recused
from desktop.services.context import ServiceContext
from desktop.services.counter_intake import Settlement, take_complaint
from desktop.services.drafts import latest_draft, save_draft
from desktop.store.models import ComplaintRow, CustomerRow, DailySequence, EventRow
from tests.services.intakes import DECISION_PARTS, sample_intake


def _counts(ctx: ServiceContext) -> tuple[int, ...]:
    with ctx.store.read() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0)
                     for t in (EventRow, ComplaintRow, CustomerRow, DailySequence))


def _settlement(**changes: object) -> Settlement:
    base = {"outcome": Outcome.UPHELD, "findings": "当场解释收费依据，客户表示理解。",
            "customer_summary": "您反映的收费问题，我行已当场向您说明收费依据。",
            **DECISION_PARTS, "satisfaction": 5}
    return Settlement(**{**base, **changes})  # type: ignore[arg-type]


def test_settled_at_the_counter_is_one_sitting_on_the_timeline(ctx: ServiceContext,
                                                               teller: Actor) -> None:
    save_draft(ctx, "d1", teller.staff_number, 4, {"form": {}})
    taken = take_complaint(ctx, teller, sample_intake(), settlement=_settlement(), draft_id="d1")
    detail = case_detail(ctx, taken.complaint_id)
    assert taken.closed and detail.view.status is Status.CLOSED
    assert [e.kind for e in detail.timeline] == [EventKind.RECEIVED, EventKind.RESOLVED,
                                                 EventKind.SATISFACTION_RECORDED, EventKind.CLOSED]
    assert detail.timeline[0].payload["resolved_on_spot"] is True
    assert detail.view.satisfaction == 5 and detail.view.outcome is Outcome.UPHELD
    assert detail.timeline[1].payload["customer_summary"] == _settlement().customer_summary
    assert latest_draft(ctx, teller.staff_number) is None  # the draft went in the same commit


def test_without_a_settlement_the_complaint_is_recorded_and_stays_open(ctx: ServiceContext,
                                                                       teller: Actor) -> None:
    taken = take_complaint(ctx, teller, sample_intake())
    view = case_detail(ctx, taken.complaint_id).view
    assert not taken.closed and view.status is Status.RECEIVED


def test_no_score_closes_without_a_satisfaction_event(ctx: ServiceContext, teller: Actor) -> None:
    taken = take_complaint(ctx, teller, sample_intake(), settlement=_settlement(satisfaction=None))
    kinds = [e.kind for e in case_detail(ctx, taken.complaint_id).timeline]
    assert kinds == [EventKind.RECEIVED, EventKind.RESOLVED, EventKind.CLOSED]


@pytest.mark.parametrize(("changes", "field"), [
    ({"findings": "  "}, "resolution.findings"),
    ({"customer_summary": " "}, "resolution.customer_summary"),
    ({"satisfaction": 9}, "resolution.satisfaction"),
    ({"compensation": "-5"}, "resolution.compensation"),
    ({"outcome": Outcome.NOT_UPHELD, "basis_reference": ""}, "resolution.basis_reference"),
])
def test_a_refused_settlement_records_nothing_and_names_its_field(
        ctx: ServiceContext, teller: Actor, changes: dict[str, object], field: str) -> None:
    save_draft(ctx, "d1", teller.staff_number, 4, {"form": {}})
    before = _counts(ctx)
    with pytest.raises(IntakeRejected) as err:
        take_complaint(ctx, teller, sample_intake(), settlement=_settlement(**changes),
                       draft_id="d1")
    assert err.value.field == field
    assert _counts(ctx) == before
    assert latest_draft(ctx, teller.staff_number) is not None  # what was typed is kept


def test_compensation_needing_approval_rolls_the_whole_sitting_back(ctx: ServiceContext,
                                                                    teller: Actor) -> None:
    above = security_policy().compensation_approval_above + Decimal("1")
    before = _counts(ctx)
    with pytest.raises(ApprovalRequired):
        take_complaint(ctx, teller, sample_intake(), settlement=_settlement(compensation=str(above)))
    assert _counts(ctx) == before  # no complaint, no reference number used up


def test_the_staff_complained_about_cannot_settle_it_and_nothing_is_recorded(
        ctx: ServiceContext, teller: Actor) -> None:
    add_staff(ctx.store, number=teller.staff_number, name="李娜", role=Role.TELLER,
              branch_code="BJ001", password="Counter-pass-2026!")
    before = _counts(ctx)
    with pytest.raises(Recused):
        take_complaint(ctx, teller, sample_intake(complained_staff=teller.staff_number),
                       settlement=_settlement())
    assert _counts(ctx) == before


def test_a_bad_intake_is_refused_before_the_settlement_is_looked_at(ctx: ServiceContext,
                                                                    teller: Actor) -> None:
    before = _counts(ctx)
    with pytest.raises(IntakeRejected) as err:
        take_complaint(ctx, teller, sample_intake(description=""), settlement=_settlement())
    assert err.value.field == "description"
    assert _counts(ctx) == before
