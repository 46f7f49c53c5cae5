"""Rule 1 (CBIRC Order 2020 No. 3): the second extension of an especially complex case is
approved by the superior office or a head-office senior manager, not at the branch. The
branch asks; HQ approves or declines with `complaint-desk-hq approve-extension`; the branch
gets the decision by pull. Real HQ on a loopback port, real CLI in its own process."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.model import EventKind
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.sync.engine import sync_now
from hq import admin
from hq.errors import Conflict
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.services.intakes import sample_intake
from tests.sync.conftest import HQ_CLI, Branch, client_for


def _hq_cli(hq: LiveHq, reference: str, ctx: ServiceContext,
            *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HQ_CLI, "approve-extension", reference, "--branch",
                           ctx.device.branch_code, *args, "--database", hq.database_url],
                          capture_output=True, text=True, timeout=60,
                          env={"COMPLAINT_DESK_LANG": "en", "PATH": "/usr/bin:/bin"})


def _requested_case(branch: Branch, teller: Actor,
                    supervisor: Actor) -> tuple[ServiceContext, str, str]:
    """A case extended once at the branch, with the second extension asked of HQ and synced."""
    ctx = branch.device("counter1", SettableClock(datetime.now(UTC)))
    rec = uc.record_complaint(ctx, teller, sample_intake())
    uc.extend_deadline(ctx, teller, rec.complaint_id, reason="案情复杂", approver=supervisor)
    uc.request_extension(ctx, supervisor, rec.complaint_id, reason="涉及多家机构，情况特别复杂")
    with client_for(ctx) as client:
        sync_now(ctx, client)
    return ctx, rec.complaint_id, rec.reference  # (HQ looks the case up by branch too)


def _pull(ctx: ServiceContext) -> None:
    with client_for(ctx) as client:
        sync_now(ctx, client)


def test_hq_approves_the_second_extension_and_the_branch_pulls_it(
        sqlite_hq: LiveHq, make_branch: Callable[[LiveHq], Branch], teller: Actor,
        supervisor: Actor, manager: Actor, hq_officer: Actor) -> None:
    ctx, cid, reference = _requested_case(make_branch(sqlite_hq), teller, supervisor)
    view = case_detail(ctx, cid).view
    first_due = view.decision_due
    assert view.extension_request is not None and view.extensions == 1  # "extension requested"
    for approver in (manager, hq_officer):  # neither the branch's manager nor anyone on this PC
        with pytest.raises(uc.ExtensionNeedsHq) as refused:
            uc.extend_deadline(ctx, teller, cid, reason="x", approver=approver)
        assert "总行" in refused.value.message("zh_CN")
    with pytest.raises(uc.ExtensionAlreadyRequested):
        uc.request_extension(ctx, supervisor, cid, reason="again")

    done = _hq_cli(sqlite_hq, reference, ctx, "--officer", "HQ007")
    assert done.returncode == 0, done.stderr
    assert "approved" in done.stdout
    _pull(ctx)
    detail = case_detail(ctx, cid)
    view = detail.view
    received_day = view.received_at.astimezone(ctx.device.zone).date()
    assert view.extensions == 2 and view.extension_request is None
    assert view.decision_due.astimezone(ctx.device.zone).date() == received_day + timedelta(days=60)
    assert view.decision_due > first_due
    assert view.extension_notice_due  # the complainant must now be told (rule 2)
    decided = [e for e in detail.timeline if e.kind is EventKind.EXTENSION_DECIDED]
    assert len(decided) == 1 and decided[0].actor == "HQ007" and decided[0].device_id == "HQ"
    # Nothing is left to approve: a second approval is refused, one line, exit 1.
    again = _hq_cli(sqlite_hq, reference, ctx, "--officer", "HQ007")
    assert again.returncode == 1 and again.stderr.count("\n") == 1
    assert "no extension request" in again.stderr


def test_hq_declines_with_a_reason_and_the_deadline_stays(
        sqlite_hq: LiveHq, make_branch: Callable[[LiveHq], Branch], teller: Actor,
        supervisor: Actor) -> None:
    ctx, cid, reference = _requested_case(make_branch(sqlite_hq), teller, supervisor)
    due = case_detail(ctx, cid).view.decision_due
    no_reason = _hq_cli(sqlite_hq, reference, ctx, "--officer", "HQ007", "--decline")
    assert no_reason.returncode == 1 and "reason" in no_reason.stderr
    assert no_reason.stderr.count("\n") == 1
    done = _hq_cli(sqlite_hq, reference, ctx, "--officer", "HQ007", "--decline",
                   "--reason", "材料已齐备，应在30日内办结")
    assert done.returncode == 0, done.stderr
    _pull(ctx)
    view = case_detail(ctx, cid).view
    assert view.decision_due == due and view.extensions == 1
    assert view.extension_request is None
    assert view.extension_declined == "材料已齐备，应在30日内办结"


def test_hq_cannot_approve_once_the_deadline_has_passed(
        sqlite_hq: LiveHq, make_branch: Callable[[LiveHq], Branch], teller: Actor,
        supervisor: Actor) -> None:
    ctx, cid, reference = _requested_case(make_branch(sqlite_hq), teller, supervisor)
    due = case_detail(ctx, cid).view.decision_due
    with sqlite_hq.engine.begin() as conn, pytest.raises(Conflict) as refused:
        admin.decide_extension(conn, ctx.device.branch_code, reference, officer="HQ007",
                               approve=True,
                               now=due + timedelta(minutes=1))
    assert refused.value.code == "hq.extension.deadline_passed"
    _pull(ctx)
    view = case_detail(ctx, cid).view
    assert view.decision_due == due and view.extension_request is not None
