"""The dashboard's figures on the hand-counted profile (profile.py), the clock on 20 April."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.services.dashboard import branch_dashboard
from tests.analytics.profile import build_profile
from tests.conftest import SettableClock
from tests.services.intakes import sample_intake


def test_the_dashboard_figures(ctx: ServiceContext, clock: SettableClock, teller: Actor,
                               supervisor: Actor) -> None:
    build_profile(ctx, clock, teller, supervisor)
    figures = branch_dashboard(ctx, supervisor, weeks=8)
    weeks = {w.first: (w.received, w.decided) for w in figures.weeks}
    assert (min(weeks), max(weeks)) == (date(2026, 3, 2), date(2026, 4, 20))
    assert weeks[date(2026, 3, 2)] == (5, 2)  # A-E received; B and A decided that week
    assert weeks[date(2026, 4, 20)] == (1, 1)  # G received, E decided
    assert sum(r for r, _ in weeks.values()) == 6  # F is a repeat
    assert dict(figures.categories) == {"B01": 6}
    assert (figures.decided, figures.on_time) == (3, 2)
    assert figures.overdue_cases == 2  # D, and F (a repeat is still a case to work)
    assert (figures.open_actions, figures.overdue_action_cases) == (0, 0)
    with pytest.raises(PermissionDenied):
        branch_dashboard(ctx, teller)


def test_each_week_has_its_on_time_share_and_satisfaction(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> None:
    profile = build_profile(ctx, clock, teller, supervisor)
    uc.record_satisfaction(ctx, teller, profile.ids["E"], 2)  # E decided in April 20's week
    figures = branch_dashboard(ctx, supervisor, weeks=8)
    first, last = figures.weeks[0], figures.weeks[-1]
    assert (first.decided, first.on_time, first.on_time_share) == (2, 2, 1.0)  # B, A in time
    assert first.satisfaction is None  # nobody scored A or B
    assert (last.decided, last.on_time, last.on_time_share) == (1, 0, 0.0)  # E, late
    assert last.satisfaction == 2.0
    assert figures.weeks[3].on_time_share is None  # nothing decided that week
    assert figures.satisfaction == 2.0


def test_the_categories_week_by_week_and_the_reopened_share(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> None:
    profile = build_profile(ctx, clock, teller, supervisor)
    assert dict(branch_dashboard(ctx, supervisor).category_weeks) == {
        "B01": (5, 0, 0, 0, 0, 0, 0, 1)}
    uc.reopen(ctx, supervisor, profile.ids["A"], reason="客户补充材料", approver=supervisor)
    for _ in range(5):  # five loan complaints in April 20's week, none the week before
        uc.record_complaint(ctx, teller, sample_intake(business_type="B0201", cause="R0101"))
    figures = branch_dashboard(ctx, supervisor, weeks=8)
    assert dict(figures.category_weeks) == {"B01": (5, 0, 0, 0, 0, 0, 0, 1),
                                            "B02": (0, 0, 0, 0, 0, 0, 0, 5)}
    assert figures.categories_of(7) == (("B02", 5), ("B01", 1))
    assert figures.categories_of(0) == (("B01", 5),)
    assert figures.categories_of(None) == (("B01", 6), ("B02", 5))
    # B02 rose from none to five (the rule: +50 % and at least 5); B01's one is too few.
    assert figures.rising[7] == (("B02", 0, 5),)
    assert all(r == () for r in figures.rising[:7])
    # Decided once: A (reopened since), B, E; reopened: A.
    assert (figures.ever_decided, figures.reopened) == (3, 1)
    assert figures.reopened_share == 1 / 3
    assert (figures.decided, figures.on_time) == (2, 1)  # B in time, E late; A open again
