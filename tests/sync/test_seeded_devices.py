"""Seeded demo counters sync with one HQ: the seed's ids are derived from the device too
(issue 10), so two profiles seeded with the default seed never send HQ the same event id;
the content still comes from the seed alone."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from desktop.services.context import ServiceContext
from desktop.services.seed import seed
from desktop.store.models import ComplaintRow
from desktop.sync.engine import sync_now
from desktop.sync.status import unsent_count
from tests.hq.conftest import LiveHq
from tests.sync.conftest import Branch, assert_agree, client_for, local_ids

SEEDED = 40


def _descriptions(ctx: ServiceContext) -> list[str]:
    with ctx.store.read() as s:
        return sorted(s.scalars(select(ComplaintRow.description)))


def test_two_counters_seeded_with_the_default_seed_both_push_to_one_hq(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch]) -> None:
    branch = make_branch(sqlite_hq)
    a, b = branch.device("counter1"), branch.device("counter2")
    assert seed(a, SEEDED) == SEEDED and seed(b, SEEDED) == SEEDED
    mine, theirs = local_ids(a), local_ids(b)
    assert not set(mine) & set(theirs)
    assert _descriptions(a) == _descriptions(b)  # the same seed still gives the same data
    with client_for(a) as ca, client_for(b) as cb:
        first = sync_now(a, ca)
        second = sync_now(b, cb)  # refused before: "HQ already has an event with different content"
        sync_now(a, ca)  # and a takes b's work
    assert (first.pushed, first.duplicates) == (len(mine), 0)
    assert (second.pushed, second.duplicates) == (len(theirs), 0)
    assert unsent_count(a) == 0 and unsent_count(b) == 0
    assert sorted(local_ids(a)) == sorted(local_ids(b))
    for day in {a.business_date(), b.business_date()}:
        assert_agree(a, day)
        assert_agree(b, day)


def test_seeding_one_profile_twice_gives_new_ids(sqlite_hq: LiveHq,
                                                 make_branch: Callable[..., Branch]) -> None:
    a = make_branch(sqlite_hq).device("counter1")
    seed(a, 10)
    before = set(local_ids(a))
    assert seed(a, 10) == 10  # refused before: the same ids again (a UNIQUE constraint)
    after = local_ids(a)
    assert len(after) == len(set(after)) > len(before) and before < set(after)
    with client_for(a) as client:
        assert sync_now(a, client).pushed == len(local_ids(a))
