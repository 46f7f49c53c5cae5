"""The customer screen's data: one customer and every complaint they made, newest first,
whatever its state, and nobody else's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.errors import NotFound
from desktop.domain.model import Actor, Status
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.services.customers import customer_complaints
from tests.conftest import SettableClock
from tests.services.intakes import sample_customer, sample_intake


def test_the_customer_screen_lists_every_complaint_of_that_customer_newest_first(
        ctx: ServiceContext, teller: Actor, clock: SettableClock) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    uc.withdraw(ctx, teller, first.complaint_id, "客户撤回投诉。")
    clock.advance(days=3)
    second = uc.record_complaint(ctx, teller, sample_intake(description="第二次来柜台反映同一问题，仍无人处理。"))
    other = replace(sample_customer(), name="李四", id_number="110105198001010016", phone="13900139000")
    uc.record_complaint(ctx, teller, sample_intake(customer=other))

    customer_id = case_detail(ctx, first.complaint_id).customer.id
    found = customer_complaints(ctx, customer_id)

    assert found.customer.name == "王小明"
    assert [c.reference for c in found.complaints] == [second.reference, first.reference]
    assert [c.status for c in found.complaints] == [Status.RECEIVED, Status.WITHDRAWN]
    assert found.complaints[0].decision_due == second.decision_due
    assert found.complaints[0].received_at > found.complaints[1].received_at
    assert found.complaints[0].business_type and found.complaints[0].cause
    assert found.open == 1


def test_an_unknown_customer_is_not_found(ctx: ServiceContext, teller: Actor) -> None:
    uc.record_complaint(ctx, teller, sample_intake())
    with pytest.raises(NotFound):
        customer_complaints(ctx, "no-such-customer")
