"""The JR/T 0169 statistics of a branch, against a profile counted by hand (profile.py)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.analytics.statistics import BadStatisticsRequest, Figures
from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services.cases import worklist_count
from desktop.services.context import ServiceContext
from desktop.services.statistics import branch_statistics
from desktop.store.models import ComplaintRow
from tests.analytics.profile import APRIL_20, build_profile
from tests.conftest import SettableClock

MARCH_FIRST_HALF = (date(2026, 3, 1), date(2026, 3, 15))
MANAGER = Actor("M001", Role.MANAGER)


@pytest.fixture
def profile_ctx(ctx: ServiceContext, clock: SettableClock, teller: Actor,
                supervisor: Actor) -> ServiceContext:
    build_profile(ctx, clock, teller, supervisor)
    return ctx


def test_the_period_totals_are_the_hand_counted_ones(profile_ctx: ServiceContext) -> None:
    table = branch_statistics(profile_ctx, MANAGER, *MARCH_FIRST_HALF)
    assert table.total == Figures(received=5, concluded=3, upheld=1, partly_upheld=1,
                                  not_upheld=1, withdrawn=1, open=1, overdue=2)


def test_by_business_type_every_code_of_the_taxonomy_has_a_row(
        profile_ctx: ServiceContext) -> None:
    table = branch_statistics(profile_ctx, MANAGER, *MARCH_FIRST_HALF, by=["business_type"])
    rows = {row.key[0]: row.figures for row in table.rows}
    assert list(rows) == list(profile_ctx.taxonomy.categories["business_type"])
    assert rows["B0101"] == Figures(received=3, concluded=3, upheld=1, partly_upheld=1,
                                    not_upheld=1, overdue=1)
    assert rows["B0102"] == Figures(received=2, withdrawn=1, open=1, overdue=1)
    assert sum(f.received for f in rows.values()) == 5
    assert table.total.received == 5


def test_by_channel_and_cause_only_groups_that_hold_complaints(
        profile_ctx: ServiceContext) -> None:
    table = branch_statistics(profile_ctx, MANAGER, *MARCH_FIRST_HALF, by=["channel", "cause"])
    got = {row.key: (row.figures.received, row.figures.concluded) for row in table.rows}
    # The taxonomy's order, a complaint without a channel last.
    assert list(got) == [("C01", "R0101"), ("C01", "R0102"), ("", "R0101")]
    assert got == {("C01", "R0101"): (3, 2), ("C01", "R0102"): (1, 1), ("", "R0101"): (1, 0)}


def test_a_complaint_counts_in_the_period_it_was_received_in(profile_ctx: ServiceContext) -> None:
    april = branch_statistics(profile_ctx, MANAGER, date(2026, 4, 1), date(2026, 4, 30))
    assert april.total == Figures(received=1, open=1)
    # The period ends at midnight in Beijing: 1 March alone holds nothing, 2 March all five.
    assert branch_statistics(profile_ctx, MANAGER, date(2026, 3, 1), date(2026, 3, 1)
                             ).total.received == 0
    assert branch_statistics(profile_ctx, MANAGER, date(2026, 3, 2), date(2026, 3, 2)
                             ).total.received == 5


def test_the_totals_equal_the_worklist_counts(profile_ctx: ServiceContext) -> None:
    everything = branch_statistics(profile_ctx, MANAGER, date(2026, 1, 1), date(2026, 12, 31)).total

    def count(worklist: Worklist) -> int:
        return worklist_count(profile_ctx, WorklistQuery(worklist=worklist))

    repeats = 1  # F, open on the worklist, counted once with A
    assert everything.open == count(Worklist.BRANCH) - repeats
    assert everything.concluded == (count(Worklist.CLOSED) - everything.withdrawn
                                    + count(Worklist.AWAITING_CUSTOMER))
    assert everything.received == (count(Worklist.BRANCH) + count(Worklist.CLOSED)
                                   + count(Worklist.AWAITING_CUSTOMER)) - repeats
    assert everything.received == everything.concluded + everything.withdrawn + everything.open


def test_a_repeat_about_the_same_matter_counts_once(profile_ctx: ServiceContext) -> None:
    with profile_ctx.store.read() as s:
        received_in_march = s.scalar(select(func.count()).select_from(ComplaintRow)
                                     .where(ComplaintRow.received_at < APRIL_20))
        repeats = s.scalar(select(func.count()).select_from(ComplaintRow)
                           .where(ComplaintRow.repeat_of.is_not(None)))
    assert (received_in_march, repeats) == (6, 1)
    table = branch_statistics(profile_ctx, MANAGER, *MARCH_FIRST_HALF, by=["cause"])
    assert table.total.received == 5
    assert {r.key[0]: r.figures.received for r in table.rows}["R0101"] == 4  # A, C, D, E; not F


def test_a_teller_may_not_see_the_statistics(profile_ctx: ServiceContext, teller: Actor) -> None:
    with pytest.raises(PermissionDenied):
        branch_statistics(profile_ctx, teller, *MARCH_FIRST_HALF)


@pytest.mark.parametrize(("first", "last", "by", "code"), [
    (date(2026, 3, 15), date(2026, 3, 1), (), "analytics.bad_request.period_order"),
    (date(2000, 1, 1), date(2026, 3, 1), (), "analytics.bad_request.period_length"),
    (date(2026, 3, 1), date(2026, 3, 15), ("amount",), "analytics.bad_request.by"),
    (date(2026, 3, 1), date(2026, 3, 15), ("cause", "cause"), "analytics.bad_request.by"),
])
def test_a_bad_request_is_refused_in_both_languages(profile_ctx: ServiceContext, first: date,
                                                    last: date, by: tuple[str, ...],
                                                    code: str) -> None:
    with pytest.raises(BadStatisticsRequest) as err:
        branch_statistics(profile_ctx, MANAGER, first, last, by)
    assert err.value.code == code
    assert err.value.message("zh_CN") != err.value.message("en") != code
