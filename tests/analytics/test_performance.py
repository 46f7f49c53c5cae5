"""Staff performance on the hand-counted profile (profile.py), and who may see whose.

Every complaint was received by T001, who keeps them, except E, which the supervisor S001
resolved and so still is T001's case: the assignee is who the figures count.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor, Role
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.services.performance import branch_performance
from tests.analytics.profile import build_profile
from tests.conftest import SettableClock

MARCH = (date(2026, 3, 1), date(2026, 3, 15))


@pytest.fixture
def profile_ctx(ctx: ServiceContext, clock: SettableClock, teller: Actor,
                supervisor: Actor) -> ServiceContext:
    ids = build_profile(ctx, clock, teller, supervisor).ids
    uc.record_satisfaction(ctx, teller, ids["B"], 4)
    uc.record_satisfaction(ctx, teller, ids["E"], 1)
    return ctx


def test_the_figures_of_a_teller(profile_ctx: ServiceContext, supervisor: Actor) -> None:
    [t001] = branch_performance(profile_ctx, supervisor, *MARCH)
    assert t001.staff_number == "T001"
    # A, B, C, D, E (F is a repeat); decided A (2 days), B (1 day), E (49 days, late).
    assert (t001.handled, t001.decided, t001.on_time, t001.upheld) == (5, 3, 2, 2)
    assert t001.on_time_share == pytest.approx(2 / 3)
    assert t001.upheld_share == pytest.approx(2 / 3)
    assert t001.median_days == pytest.approx(2.0, abs=0.01)
    assert t001.satisfaction == pytest.approx(2.5)
    # Upheld in full or in part: A (B0101 × R0101) and B (B0101 × R0102).
    assert t001.training_needs == (("B0101", "R0101", 1), ("B0101", "R0102", 1))


def test_a_teller_sees_their_own_figures_only(profile_ctx: ServiceContext,
                                              teller: Actor) -> None:
    assert [f.staff_number for f in branch_performance(profile_ctx, teller, *MARCH)] == ["T001"]
    other = Actor("T002", Role.TELLER)
    assert branch_performance(profile_ctx, other, *MARCH) == []  # T002 holds no case
    with pytest.raises(PermissionDenied):
        branch_performance(profile_ctx, other, *MARCH, staff=["T001"])


def test_an_administrator_sees_no_case_figures(profile_ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        branch_performance(profile_ctx, Actor("admin", Role.ADMIN), *MARCH)
