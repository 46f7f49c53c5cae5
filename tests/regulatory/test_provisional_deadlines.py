"""Rule 11 on a branch: a case whose working-day deadline runs into a year the calendar does not
cover is provisional (case screen, worklist banner), and stops being so once HQ publishes that
year's calendar and the branch syncs — in the running program, without a restart."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from desktop.domain.model import Actor
from desktop.resources import load_json
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.deadlines import provisional_open_cases, view_is_provisional
from desktop.services.intake import Intake
from desktop.sync.engine import sync_now
from hq import admin
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, client_for


def _publish(hq: LiveHq, kind: str, content: object) -> None:
    with hq.engine.begin() as conn:
        admin.publish_reference(conn, kind, content, datetime.now(UTC))


def _synthetic_uk_calendar_with(year: int) -> dict[str, object]:
    """SYNTHETIC, for tests only: the shipped UK calendar declaring `year` covered with no
    holidays (no official date is invented)."""
    data = json.loads(json.dumps(load_json("calendars", "uk.json")))
    data["years"] = [*data["years"], year]
    data["source"] = "synthetic test calendar"
    return data


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
    branch = make_branch(sqlite_hq)
    ctx = branch.device("counter1", SettableClock(datetime(2026, 12, 18, 10, tzinfo=UTC)))
    _publish(sqlite_hq, "policy", load_json("policies", "uk_fca_disp.json"))
    with client_for(ctx) as client:
        sync_now(ctx, client)
    rec = uc.record_complaint(ctx, teller, _payment_intake())
    assert provisional_open_cases(ctx) == 1
    uc.withdraw(ctx, teller, rec.complaint_id, "客户撤回投诉。")
    assert provisional_open_cases(ctx) == 0
