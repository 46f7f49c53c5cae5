"""Rule 10: closed complaints past the policy's retention period lose their identity data by an
admin command (dry run first), a legal hold prevents it, every purge leaves an audit event, and
the audit chain still verifies afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from desktop.domain.model import EventKind
from desktop.security.audit import verify_store
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.retention import apply_retention, retention_cases, set_legal_hold
from desktop.store.models import CustomerRow, EventRow
from tests.conftest import SettableClock
from tests.services.intakes import DECISION_PARTS, VALID_ID, sample_intake

CLI = str(Path(sys.executable).parent / "complaint-desk")


def _closed(ctx: ServiceContext, teller: Actor, description: str = "柜员态度冷淡，电话13800138000") -> str:
    cid = uc.record_complaint(ctx, teller, sample_intake(description=description)).complaint_id
    uc.resolve(ctx, teller, cid, outcome="upheld", findings="属实", **DECISION_PARTS)  # type: ignore[arg-type]
    uc.close(ctx, teller, cid)
    return cid


def test_only_complaints_past_the_period_are_due_and_a_hold_keeps_one(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> None:
    old, held = _closed(ctx, teller), _closed(ctx, teller)
    open_case = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    set_legal_hold(ctx, supervisor, held, on=True, reason="诉讼中，法院调取")
    clock.advance(days=365 * 3 - 2)
    assert retention_cases(ctx) == []  # not yet three years
    clock.advance(days=3)
    due = {c.complaint_id: c for c in retention_cases(ctx)}
    assert set(due) == {old, held} and due[held].legal_hold and open_case not in due
    done = apply_retention(ctx)
    assert [c.complaint_id for c in done] == [old]
    view = case_detail(ctx, old).view
    assert view.anonymised and view.customer_name == ""
    kept = case_detail(ctx, held)
    assert not kept.view.anonymised and kept.view.customer_name == "王小明"
    assert kept.received_payload["customer"]["id_number"] == VALID_ID  # type: ignore[index]
    # one audit event per purge, and the chain still verifies
    audit = [e for e in case_detail(ctx, old).timeline if e.kind is EventKind.RETENTION_APPLIED]
    assert len(audit) == 1 and audit[0].payload["action"] == "anonymise"
    report = verify_store(ctx.store)
    assert report.ok, report.findings
    # the customer still has a held complaint: their identity stays until that one goes too
    with ctx.store.read() as s:
        assert s.scalar(select(CustomerRow.id_number)) == VALID_ID
    set_legal_hold(ctx, supervisor, held, on=False, reason="诉讼结束")
    assert [c.complaint_id for c in apply_retention(ctx)] == [held]
    with ctx.store.read() as s:
        # the customer's open complaint still needs their identity
        assert s.scalar(select(CustomerRow.id_number)) == VALID_ID
        payloads = [json.dumps(p, ensure_ascii=False) for p in s.scalars(
            select(EventRow.payload).where(EventRow.complaint_id.in_([old, held])))]
    assert payloads and not any(VALID_ID in p or "王小明" in p for p in payloads)
    assert verify_store(ctx.store).ok
    uc.withdraw(ctx, teller, open_case, "客户撤回")
    clock.advance(days=365 * 3 + 2)
    assert [c.complaint_id for c in apply_retention(ctx)] == [open_case]
    with ctx.store.read() as s:  # no complaint needs them any more: the customer is forgotten
        assert s.scalar(select(CustomerRow.id_number)) == ""
        assert s.scalar(select(CustomerRow.name)) == ""
    assert verify_store(ctx.store).ok


def test_numbers_in_free_text_go_too_and_a_purge_policy_removes_every_text(
        ctx: ServiceContext, clock: SettableClock, teller: Actor) -> None:
    kept_text, purged = _closed(ctx, teller), _closed(ctx, teller)
    clock.advance(days=365 * 3 + 2)
    apply_retention(ctx)  # anonymise: the text stays, the phone number in it goes
    text = case_detail(ctx, kept_text).view.description
    assert "柜员态度冷淡" in text and "13800138000" not in text
    ctx.policy = replace(ctx.policy, retention_action="purge")
    # a purge policy on a complaint that is still due
    uc2 = _closed(ctx, teller)
    clock.advance(days=365 * 3 + 2)
    apply_retention(ctx)
    assert case_detail(ctx, uc2).view.description == ""
    assert case_detail(ctx, uc2).view.findings == ""
    assert purged != uc2 and verify_store(ctx.store).ok


def test_tampering_with_an_anonymised_event_is_still_found(
        ctx: ServiceContext, clock: SettableClock, teller: Actor) -> None:
    cid = _closed(ctx, teller)
    clock.advance(days=365 * 3 + 2)
    apply_retention(ctx)
    with ctx.store.write() as s:
        row = s.scalar(select(EventRow).where(EventRow.complaint_id == cid,
                                              EventRow.kind == EventKind.RECEIVED.value))
        assert row is not None
        payload = dict(row.payload)
        payload["_anonymised"] = {"sha256": "0" * 64}
        row.payload = payload
    assert not verify_store(ctx.store).ok


def test_the_admin_command_is_a_dry_run_until_apply(ctx: ServiceContext, teller: Actor) -> None:
    cid = _closed(ctx, teller)
    reference = case_detail(ctx, cid).view.reference
    profile = str(ctx.store.path.parent)
    ctx.store.close()
    env = {**os.environ, "COMPLAINT_DESK_LANG": "en"}
    # the command runs on the system clock: the case was closed in 2026, the period ends in 2029
    dry = subprocess.run([CLI, "admin", "retention", "--profile", profile, "--json"],
                         capture_output=True, text=True, timeout=60, env=env)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["applied"] is False
    hold = subprocess.run([CLI, "admin", "legal-hold", reference, "--profile", profile,
                           "--reason", "regulator inquiry"], capture_output=True, text=True,
                          timeout=60, env=env)
    assert hold.returncode == 0, hold.stderr
    assert "Legal hold placed" in hold.stdout
    bad = subprocess.run([CLI, "admin", "legal-hold", "NOPE", "--profile", profile,
                          "--reason", "x"], capture_output=True, text=True, timeout=60, env=env)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
