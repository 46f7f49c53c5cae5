"""Each complaint's risk signals stored when it is recorded and when the facts they read
change, derived from events only: a rebuild and another device's copy give the same ones,
and the worklist filters on them in SQL."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from desktop.domain.model import Actor
from desktop.domain.worklist import RISK_ANY, Worklist, WorklistQuery
from desktop.profile import open_profile
from desktop.services import complaints as uc
from desktop.services.cases import case_detail, worklist_count, worklist_rows
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.services.customers import customer_complaints
from desktop.services.risk import intake_risk
from desktop.store.events import complaint_events, store_remote_events
from desktop.store.models import ComplaintRiskRow, ComplaintRow
from desktop.store.risk import rebuild_risk
from tests.conftest import SettableClock
from tests.services.intakes import sample_customer, sample_intake

YOUNG = replace(sample_customer(), name="李雷", id_number="110101199003071233",
                phone="13900139000")


def stored(ctx: ServiceContext) -> dict[str, list[tuple[str, dict[str, object]]]]:
    """reference → [(code, params)] as the complaint rows hold them."""
    with ctx.store.read() as s:
        rows = s.execute(select(ComplaintRow.reference, ComplaintRow.risk)).all()
    return {ref: [(d["code"], d["params"]) for d in risk or ()] for ref, risk in rows}


def indexed(ctx: ServiceContext) -> set[tuple[str, str]]:
    """(reference, code) as complaint_risk indexes them."""
    with ctx.store.read() as s:
        return set(s.execute(select(ComplaintRow.reference, ComplaintRiskRow.code).join(
            ComplaintRiskRow, ComplaintRiskRow.num == ComplaintRow.num)).tuples())


def test_the_signals_shown_at_intake_are_the_ones_stored(ctx: ServiceContext, teller: Actor) -> None:
    intake = sample_intake(amount=Decimal("60000"), description="再不处理我就去法院起诉")
    before = intake_risk(ctx, intake)
    rec = uc.record_complaint(ctx, teller, intake)
    assert [s.code for s in before] == ["amount_over", "elderly", "mentions_lawsuit"]
    assert stored(ctx)[rec.reference] == [(s.code, dict(s.params)) for s in before]
    assert indexed(ctx) == {(rec.reference, s.code) for s in before}
    assert case_detail(ctx, rec.complaint_id).risk == tuple(before)
    assert case_detail(ctx, rec.complaint_id).risk[0].explain("en") == "The amount is over 50000.00"


def test_a_later_repeat_and_an_escalation_change_the_later_complaints_signals(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake(customer=YOUNG))
    clock.advance(days=3)
    second = uc.record_complaint(ctx, teller, sample_intake(customer=YOUNG))
    assert stored(ctx) == {first.reference: [],
                           second.reference: [("repeat_complainant", {"count": 1, "days": 30})]}
    uc.escalate(ctx, supervisor, first.complaint_id, "涉及多个部门")
    assert stored(ctx)[first.reference] == []  # its own escalation is not an earlier one
    assert stored(ctx)[second.reference] == [("repeat_complainant", {"count": 1, "days": 30}),
                                             ("previously_escalated", {})]
    assert indexed(ctx) == {(second.reference, "repeat_complainant"),
                            (second.reference, "previously_escalated")}
    file = customer_complaints(ctx, case_detail(ctx, first.complaint_id).view.customer_id)
    assert [[s.code for s in c.risk] for c in file.complaints] == [
        ["repeat_complainant", "previously_escalated"], []]  # newest first


def test_a_rebuild_gives_the_same_signals(ctx: ServiceContext, clock: SettableClock,
                                          teller: Actor, supervisor: Actor) -> None:
    a = uc.record_complaint(ctx, teller, sample_intake())
    clock.advance(days=1)
    uc.escalate(ctx, supervisor, a.complaint_id, "涉及多个部门")
    uc.record_complaint(ctx, teller, sample_intake(description="我已联系记者"))
    uc.record_complaint(ctx, teller, sample_intake(customer=YOUNG))
    kept, kept_index = stored(ctx), indexed(ctx)
    with ctx.store.write() as s:
        s.execute(ComplaintRow.__table__.update().values(risk=None))
        assert rebuild_risk(s, chunk=2) == 3
    assert stored(ctx) == kept and indexed(ctx) == kept_index
    assert len(kept_index) == 5  # elderly ×2, a repeat, escalated before, media; none for YOUNG


def test_another_device_gets_the_same_signals_whatever_order_the_events_come_in(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor,
        tmp_path: Path) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake(customer=YOUNG))
    clock.advance(days=2)
    uc.escalate(ctx, supervisor, first.complaint_id, "涉及多个部门")
    second = uc.record_complaint(ctx, teller, sample_intake(customer=YOUNG))
    with ctx.store.read() as s:
        events = {cid: complaint_events(s, cid) for cid in (first.complaint_id, second.complaint_id)}
    other = open_profile(tmp_path / "other")
    try:
        set_up_device(other, branch_code="BJ001", branch_name="示范银行北京东城支行", device_number=4)
        there = load_context(other, clock=clock)
        with other.write() as s:  # the later complaint first, then the earlier one's events
            store_remote_events(s, events[second.complaint_id], clock())
        assert stored(there) == {second.reference: []}
        with other.write() as s:
            store_remote_events(s, list(reversed(events[first.complaint_id])), clock())
        assert stored(there) == stored(ctx)
        assert indexed(there) == indexed(ctx)
    finally:
        other.close()


def test_the_worklist_filters_by_signal_in_sql(ctx: ServiceContext, clock: SettableClock,
                                               teller: Actor) -> None:
    elderly = uc.record_complaint(ctx, teller, sample_intake())
    media = uc.record_complaint(ctx, teller, sample_intake(customer=YOUNG, request="否则找媒体"))
    uc.record_complaint(ctx, teller, sample_intake(
        customer=replace(YOUNG, name="韩梅梅", id_number="110101199512120021", phone="13700137000")))

    def refs(risk: str) -> list[str]:
        q = WorklistQuery(worklist=Worklist.ALL, risk=risk)
        rows = worklist_rows(ctx, q, 0, 50)
        assert worklist_count(ctx, q) == len(rows)
        return sorted(r.reference for r in rows)

    assert refs(RISK_ANY) == sorted([elderly.reference, media.reference])
    assert refs("elderly") == [elderly.reference]
    assert refs("mentions_media") == [media.reference]
    assert refs("group") == []
    assert len(refs("")) == 3
    [row] = worklist_rows(ctx, WorklistQuery(worklist=Worklist.ALL, risk="mentions_media"), 0, 5)
    assert [(s.code, dict(s.params)) for s in row.risk] == [("mentions_media", {"word": "媒体"})]
