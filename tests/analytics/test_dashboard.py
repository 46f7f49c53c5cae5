"""The dashboard's figures on the hand-counted profile (profile.py), the clock on 20 April."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor
from desktop.services.context import ServiceContext
from desktop.services.dashboard import branch_dashboard
from tests.analytics.profile import build_profile
from tests.conftest import SettableClock


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
