"""`complaint-desk admin verify`: SQLite integrity and each device's audit chain; a changed,
deleted or inserted event is named by reference, kind and position, never by identity data."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from desktop.cli import main
from desktop.domain.chain import GENESIS, event_hash
from desktop.domain.hlc import Stamp
from desktop.domain.model import Actor, Event, EventKind, Role
from desktop.security.audit import verify_store
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.store.events import row_to_event, store_remote_events
from desktop.store.models import EventRow
from tests.services.intakes import VALID_ID, sample_intake


@pytest.fixture
def history(ctx: ServiceContext, teller: Actor) -> str:
    """Two complaints, five events of this device; returns the first complaint's reference."""
    first = uc.record_complaint(ctx, teller, sample_intake())
    uc.acknowledge(ctx, teller, first.complaint_id)
    uc.add_note(ctx, teller, first.complaint_id, "已调取流水")
    second = uc.record_complaint(ctx, teller, sample_intake())
    uc.add_note(ctx, teller, second.complaint_id, "客户补充材料")
    return first.reference


def tamper(ctx: ServiceContext, sql: str, **params: object) -> None:
    with ctx.store.write() as s:
        s.execute(text(sql), params)


def only_finding(ctx: ServiceContext) -> tuple[int, str, str, str]:
    report = verify_store(ctx.store)
    assert not report.ok
    f = report.findings[0]
    return f.position, f.reason, f.kind, f.reference


def test_an_untouched_profile_verifies(ctx: ServiceContext, history: str) -> None:
    report = verify_store(ctx.store)
    assert report.ok, report
    assert report.events_checked == 5 and not report.integrity and not report.cipher


def test_a_changed_event_is_named(ctx: ServiceContext, history: str) -> None:
    tamper(ctx, "UPDATE events SET payload = json_set(payload, '$.text', '伪造') WHERE seq = 3")
    assert only_finding(ctx) == (3, "hash", "note", history)


def test_a_deleted_event_is_named_by_the_one_after_it(ctx: ServiceContext, history: str) -> None:
    tamper(ctx, "DELETE FROM events WHERE seq = 2")
    assert only_finding(ctx) == (2, "link", "note", history)


def test_an_inserted_event_breaks_the_link_of_the_next_even_with_a_valid_hash(
        ctx: ServiceContext, history: str) -> None:
    with ctx.store.write() as s:
        s.execute(text("UPDATE events SET seq = seq * 10"))
        first = row_to_event(s.scalars(select(EventRow).where(EventRow.seq == 10)).one())
        forged = replace(first, id="forged-event", kind=EventKind.NOTE, payload={"text": "补记"},
                         prev_hash=first.hash, hash="")
        forged = replace(forged, hash=event_hash(forged))
        s.add(EventRow(seq=15, id=forged.id, complaint_id=forged.complaint_id, kind="note",
                       payload=forged.payload, actor=forged.actor, actor_role=forged.actor_role.value,
                       device_id=forged.device_id, branch_code=forged.branch_code, hlc=forged.hlc,
                       occurred_at=forged.occurred_at, business_date=forged.business_date,
                       prev_hash=forged.prev_hash, hash=forged.hash))
    assert only_finding(ctx) == (3, "link", "acknowledged", history)


def test_events_removed_from_the_end_are_caught_by_the_chain_head(
        ctx: ServiceContext, history: str) -> None:
    tamper(ctx, "DELETE FROM events WHERE seq = 5")
    position, reason, _, _ = only_finding(ctx)
    assert (position, reason) == (5, "head")


def test_an_event_made_unreadable_is_reported_not_crashed_on(ctx: ServiceContext, history: str) -> None:
    tamper(ctx, "UPDATE events SET kind = 'bogus' WHERE seq = 4")
    position, reason, _, _ = only_finding(ctx)
    assert (position, reason) == (4, "hash")


def other_device_chain(ctx: ServiceContext, complaint_id: str, n: int) -> list[Event]:
    """`n` chained notes written by another device of the branch."""
    events: list[Event] = []
    previous = GENESIS
    for i in range(n):
        draft = Event(id=f"other-{i}", complaint_id=complaint_id, kind=EventKind.NOTE,
                      payload={"text": f"第{i}条"}, actor="T009", actor_role=Role.TELLER,
                      device_id="other-device", branch_code="BJ001", hlc=str(Stamp(int(ctx.now().timestamp() * 1000) + i, 0)),
                      occurred_at=ctx.now(), business_date=ctx.business_date(), prev_hash=previous)
        events.append(replace(draft, hash=event_hash(draft)))
        previous = events[-1].hash
    return events


def test_another_devices_partial_chain_is_a_note_but_a_changed_event_fails(
        ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    chain = other_device_chain(ctx, cid, 3)
    with ctx.store.write() as s:
        store_remote_events(s, [chain[0], chain[2]], ctx.now())  # the middle one never synced here
    report = verify_store(ctx.store)
    assert report.ok
    assert [(f.device_id, f.reason, f.position) for f in report.findings] == [("other-device", "gap", 2)]
    tamper(ctx, "UPDATE events SET payload = json_set(payload, '$.text', '改') WHERE id = 'other-2'")
    report = verify_store(ctx.store)
    assert not report.ok
    assert [(f.device_id, f.reason) for f in report.findings] == [("other-device", "hash")]


def run_verify(ctx: ServiceContext, capsys: pytest.CaptureFixture[str],
               monkeypatch: pytest.MonkeyPatch, *extra: str) -> tuple[int, str]:
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")
    code = main(["admin", "verify", "--profile", str(ctx.store.path.parent), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_verify_command_exits_zero_on_an_intact_profile(
        ctx: ServiceContext, history: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run_verify(ctx, capsys, monkeypatch)
    assert code == 0, out
    assert "intact" in out and "passed" in out


def test_verify_command_names_the_broken_link_without_identity_data(
        ctx: ServiceContext, history: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    tamper(ctx, "UPDATE events SET payload = json_set(payload, '$.description', '改') WHERE seq = 1")
    code, out = run_verify(ctx, capsys, monkeypatch)
    assert code != 0
    assert history in out and "#1" in out and "received" in out
    for secret in (VALID_ID, "13800138000", "王小明"):
        assert secret not in out
    code, out = run_verify(ctx, capsys, monkeypatch, "--json")
    data = json.loads(out)
    assert code != 0 and not data["ok"]
    assert data["findings"][0] | {"device_id": None} == {
        "device_id": None, "position": 1, "reason": "hash", "reference": history,
        "kind": "received", "failure": True}
