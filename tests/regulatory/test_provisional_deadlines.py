"""Rule 11 on a branch: a case whose working-day deadline runs into a year the calendar does not
cover is provisional (case screen, worklist banner), and stops being so once HQ publishes that
year's calendar and the branch syncs — in the running program, without a restart. A deadline
the published calendar moves is counted again, and the case's timeline says so and why."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime

from desktop.domain.model import Actor, EventKind
from desktop.resources import load_json
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.services.deadlines import provisional_open_cases, view_is_provisional
from desktop.services.intake import Intake
from desktop.sync.engine import sync_now
from desktop.sync.payloads import branch_may_claim, check_payload
from hq import admin
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, client_for


def _publish(hq: LiveHq, kind: str, content: object) -> None:
    with hq.engine.begin() as conn:
        admin.publish_reference(conn, kind, content, datetime.now(UTC))


def _synthetic_uk_calendar_with(year: int, closed: date | None = None) -> dict[str, object]:
    """SYNTHETIC, for tests only: the shipped UK calendar declaring `year` covered, with no
    holidays or with one made-up closing day `closed` (no official date is invented)."""
    data = json.loads(json.dumps(load_json("calendars", "uk.json")))
    data["years"] = [*data["years"], year]
    data["source"] = "synthetic test calendar"
    if closed is not None:
        data["holidays"] = [*data["holidays"], {
            "date": closed.isoformat(), "name": {"zh_CN": "测试用休息日", "en": "Synthetic test closure"}}]
    return data


def _uk_counter(hq: LiveHq, make_branch: Callable[..., Branch], clock: SettableClock) -> ServiceContext:
    """A counter of a new branch that has synced the UK policy from HQ."""
    ctx = make_branch(hq).device("counter1", clock)
    _publish(hq, "policy", load_json("policies", "uk_fca_disp.json"))
    with client_for(ctx) as client:
        sync_now(ctx, client)
    return ctx


def _payment_intake() -> Intake:
    """A UK payment-services complaint (15 business days)."""
    return sample_intake(business_type="B0401", extra_fields={"transaction_date": "2026-12-17"})


def test_a_provisional_deadline_clears_once_hq_publishes_the_next_years_calendar(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    clock = SettableClock(datetime(2026, 12, 18, 10, tzinfo=UTC))
    ctx = branch.device("counter1", clock)
    _publish(sqlite_hq, "policy", load_json("policies", "uk_fca_disp.json"))
    with client_for(ctx) as client:
        sync_now(ctx, client)
    assert ctx.policy.policy_id == "uk_fca_disp"

    payment = uc.record_complaint(ctx, teller, _payment_intake())
    other = uc.record_complaint(ctx, teller, sample_intake())  # 8 weeks, calendar days
    assert payment.decision_due.year == 2027
    assert view_is_provisional(ctx, case_detail(ctx, payment.complaint_id).view)
    assert not view_is_provisional(ctx, case_detail(ctx, other.complaint_id).view)
    assert provisional_open_cases(ctx) == 1

    _publish(sqlite_hq, "calendar", _synthetic_uk_calendar_with(2027))
    with client_for(ctx) as client:
        report = sync_now(ctx, client)
    assert "calendar" in report.references
    assert ctx.policy.calendar.covers(datetime(2027, 1, 1).date())  # the running context counts with it
    assert not view_is_provisional(ctx, case_detail(ctx, payment.complaint_id).view)
    assert provisional_open_cases(ctx) == 0


def test_a_closed_case_never_counts_as_provisional(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    ctx = _uk_counter(sqlite_hq, make_branch, SettableClock(datetime(2026, 12, 18, 10, tzinfo=UTC)))
    rec = uc.record_complaint(ctx, teller, _payment_intake())
    assert provisional_open_cases(ctx) == 1
    uc.withdraw(ctx, teller, rec.complaint_id, "客户撤回投诉。")
    assert provisional_open_cases(ctx) == 0


def test_a_published_calendar_recounts_a_provisional_deadline_and_the_timeline_says_why(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    clock = SettableClock(datetime(2026, 12, 18, 10, tzinfo=UTC))  # a Friday
    ctx = _uk_counter(sqlite_hq, make_branch, clock)
    payment = uc.record_complaint(ctx, teller, _payment_intake())
    other = uc.record_complaint(ctx, teller, sample_intake())  # 8 weeks, calendar days
    counted_on_weekends = case_detail(ctx, payment.complaint_id).view.decision_due
    # 15 business days past the shipped 2026 holidays, 2027 on weekends alone: 12 January.
    assert counted_on_weekends.astimezone(ctx.policy.tz).date() == date(2027, 1, 12)
    other_due = case_detail(ctx, other.complaint_id).view.decision_due

    _publish(sqlite_hq, "calendar", _synthetic_uk_calendar_with(2027, closed=date(2027, 1, 5)))
    clock.advance(hours=1)
    with client_for(ctx) as client:
        sync_now(ctx, client)

    detail = case_detail(ctx, payment.complaint_id)
    assert detail.view.decision_due.astimezone(ctx.policy.tz).date() == date(2027, 1, 13)
    assert not view_is_provisional(ctx, detail.view)
    assert provisional_open_cases(ctx) == 0
    recounts = [e for e in detail.timeline if e.kind is EventKind.DEADLINE_RECOUNTED]
    assert len(recounts) == 1
    assert recounts[0].payload["reason"] == "calendar_published"
    assert datetime.fromisoformat(recounts[0].payload["previous_due"]) == counted_on_weekends
    assert datetime.fromisoformat(recounts[0].payload["new_due"]) == detail.view.decision_due
    assert case_detail(ctx, other.complaint_id).view.decision_due == other_due  # calendar days: unmoved
    assert not any(e.kind is EventKind.DEADLINE_RECOUNTED
                   for e in case_detail(ctx, other.complaint_id).timeline)

    # What HQ accepts from a branch: the program's own record, in the administrator's role.
    assert check_payload(EventKind.DEADLINE_RECOUNTED, recounts[0].payload)
    assert branch_may_claim(EventKind.DEADLINE_RECOUNTED, recounts[0].actor_role)
    with client_for(ctx) as client:  # a later sync recounts nothing again
        sync_now(ctx, client)
    assert sum(e.kind is EventKind.DEADLINE_RECOUNTED
               for e in case_detail(ctx, payment.complaint_id).timeline) == 1


def test_a_calendar_that_moves_nothing_only_clears_the_provisional_flag(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    ctx = _uk_counter(sqlite_hq, make_branch, SettableClock(datetime(2026, 12, 18, 10, tzinfo=UTC)))
    payment = uc.record_complaint(ctx, teller, _payment_intake())
    before = case_detail(ctx, payment.complaint_id).view.decision_due
    _publish(sqlite_hq, "calendar", _synthetic_uk_calendar_with(2027))
    with client_for(ctx) as client:
        sync_now(ctx, client)
    detail = case_detail(ctx, payment.complaint_id)
    assert detail.view.decision_due == before and not view_is_provisional(ctx, detail.view)
    assert not any(e.kind is EventKind.DEADLINE_RECOUNTED for e in detail.timeline)
