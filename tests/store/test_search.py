"""Search finds a complaint by reference, 2-character name, last digits of phone or ID, and text."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import Actor
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services import complaints as uc
from desktop.services.cases import worklist_count, worklist_rows
from desktop.services.context import ServiceContext
from desktop.services.seed import seed
from desktop.store.queries import search_nums
from tests.services.intakes import sample_customer, sample_intake


def found_references(ctx: ServiceContext, query: str) -> list[str]:
    q = WorklistQuery(worklist=Worklist.ALL, search=query)
    return [r.reference for r in worklist_rows(ctx, q, 0, 50)]


def test_each_kind_of_query_finds_the_complaint(ctx: ServiceContext, teller: Actor) -> None:
    seed(ctx, 200)
    intake = replace(sample_intake(description="ATM吞卡后三天未归还银行卡，多次催促无果"),
                     customer=replace(sample_customer(), name="司马懿", phone="13912348765"))
    ref = uc.record_complaint(ctx, teller, intake).reference
    assert ref in found_references(ctx, ref)
    assert ref in found_references(ctx, ref[:17].lower())  # the beginning, any case
    assert ref in found_references(ctx, "司马")
    assert ref in found_references(ctx, "懿")
    assert ref in found_references(ctx, "8765")  # last 4 of the phone
    assert ref in found_references(ctx, sample_customer().id_number[-4:])
    assert ref in found_references(ctx, "吞卡后三天")
    assert ref in found_references(ctx, "13912348765")
    assert found_references(ctx, "完全不存在的词语") == []


def test_search_text_with_quotes_and_operators_is_taken_literally(ctx: ServiceContext,
                                                                  teller: Actor) -> None:
    uc.record_complaint(ctx, teller, sample_intake(description='客户说 "NEAR OR AND" 都不对'))
    with ctx.store.read() as s:
        assert len(search_nums(s, '"NEAR OR AND"')) == 1
        assert search_nums(s, "' OR 1=1 --") == []


def test_worklist_counts_match_pages(ctx: ServiceContext) -> None:
    seed(ctx, 300)
    for wl in Worklist:
        q = WorklistQuery(worklist=wl, staff_number="T001")
        total = worklist_count(ctx, q)
        rows = worklist_rows(ctx, q, 0, 1000)
        assert len(rows) == total, wl
    overdue = worklist_rows(ctx, WorklistQuery(worklist=Worklist.OVERDUE), 0, 1000)
    assert overdue, "the seed makes some cases overdue"
    assert all(r.decision_due < ctx.now() and r.status.is_open for r in overdue)


def test_worklist_pages_are_sorted_and_do_not_overlap(ctx: ServiceContext) -> None:
    seed(ctx, 120)
    q = WorklistQuery(worklist=Worklist.ALL)
    first = worklist_rows(ctx, q, 0, 50)
    second = worklist_rows(ctx, q, 50, 50)
    dues = [r.decision_due for r in first + second]
    assert dues == sorted(dues)
    assert not {r.id for r in first} & {r.id for r in second}
