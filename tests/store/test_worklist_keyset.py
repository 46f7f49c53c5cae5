"""Keyset paging of the worklist: a page read as "the rows after this row" is exactly the page
OFFSET would give, in every sort order and both directions, and the landmarks of a long
list let any page be reached from a nearby row."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.worklist import CaseRow, SortKey, Worklist, WorklistQuery, sort_position
from desktop.services.cases import (
    worklist_count,
    worklist_landmarks,
    worklist_rows,
    worklist_rows_after,
)
from desktop.services.context import ServiceContext
from desktop.services.seed import seed

PAGE = 7


@pytest.fixture
def seeded(ctx: ServiceContext) -> ServiceContext:
    seed(ctx, 200)
    return ctx


def ids(rows: list[CaseRow]) -> list[str]:
    return [r.id for r in rows]


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("worklist", [Worklist.ALL, Worklist.BRANCH])
def test_reading_after_the_last_row_of_a_page_gives_the_next_page(
        seeded: ServiceContext, sort: SortKey, descending: bool, worklist: Worklist) -> None:
    q = WorklistQuery(worklist=worklist, sort=sort, descending=descending)
    total = worklist_count(seeded, q)
    assert total > 3 * PAGE
    everything = worklist_rows(seeded, q, 0, total)
    pages, after = [], None
    while True:
        page = worklist_rows_after(seeded, q, after, PAGE)
        if not page:
            break
        pages.extend(page)
        after = sort_position(page[-1], sort)
    assert ids(pages) == ids(everything)


@pytest.mark.parametrize("sort", [SortKey.RECEIVED, SortKey.STATUS, SortKey.ASSIGNEE])
def test_reading_backwards_from_a_row_gives_the_rows_before_it(seeded: ServiceContext,
                                                               sort: SortKey) -> None:
    q = WorklistQuery(worklist=Worklist.ALL, sort=sort)
    everything = worklist_rows(seeded, q, 0, 1000)
    middle = len(everything) // 2
    before = worklist_rows_after(seeded, replace(q, descending=True),
                                 sort_position(everything[middle], sort), PAGE)
    assert ids(before[::-1]) == ids(everything[middle - PAGE:middle])


def test_skipping_rows_after_a_known_row_lands_where_offset_does(seeded: ServiceContext) -> None:
    q = WorklistQuery(worklist=Worklist.BRANCH, sort=SortKey.CUSTOMER)
    everything = worklist_rows(seeded, q, 0, 1000)
    known = sort_position(everything[10], SortKey.CUSTOMER)
    for walk in (False, True):  # by the status index and sort, or along the sort index
        page = worklist_rows_after(seeded, q, known, PAGE, 20, walk_sort_index=walk)
        assert ids(page) == ids(everything[31:31 + PAGE])


def test_cases_of_one_status_or_one_handler_come_soonest_deadline_first(seeded: ServiceContext) -> None:
    for sort, key in ((SortKey.STATUS, "status"), (SortKey.ASSIGNEE, "assignee")):
        rows = worklist_rows(seeded, WorklistQuery(worklist=Worklist.ALL, sort=sort), 0, 1000)
        order = [(getattr(r, key), r.decision_due, r.num) for r in rows]
        assert order == sorted(order)


def test_landmarks_name_every_nth_row_and_where_it_sits(seeded: ServiceContext) -> None:
    q = WorklistQuery(worklist=Worklist.ALL, sort=SortKey.RECEIVED, descending=True)
    everything = worklist_rows(seeded, q, 0, 1000)
    landmarks = worklist_landmarks(seeded, q, 25)
    assert [row for row, _ in landmarks] == list(range(24, len(everything), 25))
    for row, position in landmarks:
        assert position == sort_position(everything[row], SortKey.RECEIVED)
        following = worklist_rows_after(seeded, q, position, 3)
        assert ids(following) == ids(everything[row + 1:row + 4])


def test_a_position_of_another_sort_order_is_refused(seeded: ServiceContext) -> None:
    q = WorklistQuery(worklist=Worklist.ALL, sort=SortKey.STATUS)
    row = worklist_rows(seeded, WorklistQuery(worklist=Worklist.ALL), 0, 1)[0]
    with pytest.raises(ValueError):
        worklist_rows_after(seeded, q, sort_position(row, SortKey.DUE), PAGE)
