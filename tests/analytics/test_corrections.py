"""Root cause and corrective actions (溯源整改): recorded at resolution, tracked to done on
their own list and on the worklist when overdue, counted by root cause, and synced to HQ."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.domain.model import Actor, Outcome, Role
from desktop.domain.root_causes import CorrectiveActionInput, root_causes
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services import complaints as uc
from desktop.services.cases import worklist_count
from desktop.services.context import ServiceContext
from desktop.services.corrections import complete_corrective_action, open_corrective_actions
from desktop.services.statistics import branch_statistics
from desktop.store.models import ComplaintRow, EventRow
from desktop.sync.engine import sync_now
from hq import tables
from hq.statistics import hq_statistics
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.services.intakes import DECISION_PARTS, sample_intake
from tests.sync.conftest import Branch, client_for

MANAGER = Actor("M001", Role.MANAGER)
TODAY = date(2026, 3, 2)  # the suite's clock: Monday 2 March 2026 in Beijing


def resolve_with(ctx: ServiceContext, actor: Actor, root_cause: str,
                 *actions: CorrectiveActionInput) -> str:
    cid = uc.record_complaint(ctx, actor, sample_intake()).complaint_id
    uc.resolve(ctx, actor, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS,
               root_cause=root_cause, corrective_actions=actions)
    return cid


def test_the_root_cause_list_is_data_in_both_languages() -> None:
    codes = [r.code for r in root_causes()]
    assert codes == ["product_design", "process_rules", "system", "staff_conduct", "disclosure",
                     "third_party", "other"]
    assert all(r.text("zh_CN") != r.text("en") for r in root_causes())


def test_actions_are_tracked_to_done_and_overdue_ones_reach_the_worklist(
        ctx: ServiceContext, clock: SettableClock, teller: Actor) -> None:
    cid = resolve_with(ctx, teller, "process_rules",
                       CorrectiveActionInput("修订排队叫号规则", "S001", TODAY + timedelta(days=7)),
                       CorrectiveActionInput("柜员服务培训", "t002", TODAY + timedelta(days=30)))
    lines = open_corrective_actions(ctx, teller)
    assert [(a.what, a.owner, a.due, a.overdue) for a in lines] == [
        ("修订排队叫号规则", "S001", date(2026, 3, 9), False),
        ("柜员服务培训", "T002", date(2026, 4, 1), False)]
    overdue = WorklistQuery(worklist=Worklist.ACTIONS_OVERDUE)
    assert worklist_count(ctx, overdue) == 0
    clock.advance(days=8)  # 10 March: the first is a day late
    assert [a.what for a in open_corrective_actions(ctx, teller, overdue_only=True)] == [
        "修订排队叫号规则"]
    assert worklist_count(ctx, overdue) == 1
    view = complete_corrective_action(ctx, teller, cid, lines[0].action_id, "已发布新规则")
    assert [a["done_by"] for a in view.corrective_actions] == ["T001", ""]
    assert worklist_count(ctx, overdue) == 0
    assert [a.what for a in open_corrective_actions(ctx, teller)] == ["柜员服务培训"]
    with pytest.raises(ValidationError) as err:
        complete_corrective_action(ctx, teller, cid, lines[0].action_id)
    assert err.value.code == "validation.corrective_action.already_done"
    with ctx.store.read() as s:
        row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == cid))
        assert row is not None
        assert (row.root_cause, row.open_actions, row.next_action_due) == (
            "process_rules", 1, "2026-04-01")


@pytest.mark.parametrize(("root_cause", "action", "code", "field"), [
    ("weather", None, "validation.root_cause.unknown", "root_cause"),
    ("system", CorrectiveActionInput(" ", "S001", TODAY), "validation.corrective_action.what",
     "corrective_actions.0.what"),
    ("system", CorrectiveActionInput("升级系统", "", TODAY), "validation.corrective_action.owner",
     "corrective_actions.0.owner"),
    ("system", CorrectiveActionInput("升级系统", "S001", TODAY - timedelta(days=1)),
     "validation.corrective_action.due", "corrective_actions.0.due"),
])
def test_a_bad_root_cause_or_action_is_refused_and_nothing_is_written(
        ctx: ServiceContext, teller: Actor, root_cause: str,
        action: CorrectiveActionInput | None, code: str, field: str) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    with ctx.store.read() as s:
        before = s.scalar(select(func.count()).select_from(EventRow))
    with pytest.raises(ValidationError) as err:
        uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS,
                   root_cause=root_cause, corrective_actions=[action] if action else [])
    assert (err.value.code, err.value.field) == (code, field)
    assert err.value.message("zh_CN") != err.value.message("en")
    with ctx.store.read() as s:
        assert s.scalar(select(func.count()).select_from(EventRow)) == before


def test_an_auditor_may_not_mark_an_action_done(ctx: ServiceContext, teller: Actor) -> None:
    cid = resolve_with(ctx, teller, "system", CorrectiveActionInput("升级系统", "S001", TODAY))
    action = open_corrective_actions(ctx, teller)[0]
    with pytest.raises(PermissionDenied):
        complete_corrective_action(ctx, Actor("A001", Role.AUDITOR), cid, action.action_id)


def test_statistics_by_root_cause(ctx: ServiceContext, teller: Actor) -> None:
    resolve_with(ctx, teller, "system")
    resolve_with(ctx, teller, "system")
    resolve_with(ctx, teller, "disclosure")
    uc.record_complaint(ctx, teller, sample_intake())  # open: no root cause yet
    table = branch_statistics(ctx, MANAGER, TODAY, TODAY, ["root_cause"])
    assert [(r.key[0], r.figures.received) for r in table.rows] == [
        ("system", 2), ("disclosure", 1), ("", 1)]  # the list's order, "not given" last


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hq(request: pytest.FixtureRequest) -> LiveHq:
    live: LiveHq = request.getfixturevalue(f"{request.param}_hq")
    return live


def test_hq_accepts_and_folds_root_cause_and_actions(
        hq: LiveHq, make_branch: Callable[[LiveHq], Branch]) -> None:
    branch = make_branch(hq)
    clock = SettableClock()
    ctx = branch.device("counter1", clock)
    teller = Actor("T001", Role.TELLER)
    cid = resolve_with(ctx, teller, "staff_conduct",
                       CorrectiveActionInput("约谈当事员工", "S001", TODAY + timedelta(days=3)),
                       CorrectiveActionInput("全员服务培训", "S001", TODAY + timedelta(days=20)))
    done = open_corrective_actions(ctx, teller)[0]
    complete_corrective_action(ctx, teller, cid, done.action_id)
    with client_for(ctx) as client:
        report = sync_now(ctx, client)
    assert report.pushed == 3
    c = tables.complaints.c
    with hq.engine.connect() as conn:
        row = conn.execute(select(c.root_cause, c.open_actions, c.next_action_due)
                           .where(c.id == cid)).one()
        by_cause = hq_statistics(conn, TODAY, TODAY, ctx.device.zone, clock(),
                                 by=["root_cause"], branches=[branch.code])
    assert tuple(row) == ("staff_conduct", 1, "2026-03-22")
    assert [(r.key[0], r.figures.received) for r in by_cause.rows] == [("staff_conduct", 1)]
