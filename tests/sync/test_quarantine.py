"""A branch survives a bad event: what the client cannot apply is quarantined, sync and
day-end go on (issue 11, item 7). Real HQ on loopback, real profiles; the bad events are
written into HQ's database directly, past ingest's checks (tests/sync/hq_inject.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.domain.model import EventKind
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor
from desktop.store.events import HLC_KEY, get_setting
from desktop.sync.engine import close_day, local_digest, sync_now
from desktop.sync.quarantine import CANNOT_APPLY, UNREADABLE, quarantined_events
from tests.hq.conftest import LiveHq
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, HqProcess, client_for
from tests.sync.hq_inject import inject_at_hq

CLI = str(Path(sys.executable).parent / "complaint-desk")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_an_empty_receipt_is_quarantined_and_sync_and_day_end_go_on(
        backend: str, request: pytest.FixtureRequest, make_branch: Callable[..., Branch],
        teller: Actor) -> None:
    live: LiveHq = request.getfixturevalue(f"{backend}_hq")
    branch = make_branch(live)
    a, b = branch.device("counter1"), branch.device("counter2")
    forger = live.enroll(branch.code, "tampered PC")
    day = a.business_date()
    first = uc.record_complaint(b, teller, sample_intake()).complaint_id
    with client_for(b) as cb:
        sync_now(b, cb)
    bad = forger.chain.event(EventKind.RECEIVED, complaint_id="c-forged", payload={},
                             business_date=day)
    inject_at_hq(live.engine, bad)
    second = uc.record_complaint(b, teller, sample_intake()).complaint_id
    with client_for(b) as cb:
        sync_now(b, cb)  # b's good work lands at HQ after the bad event

    with client_for(a) as ca:
        report = sync_now(a, ca)
        assert (report.pulled, report.quarantined, report.quarantine_total) == (2, 1, 1)
        # Both of b's complaints arrived, the one after the bad event too.
        assert case_detail(a, first).view.reference and case_detail(a, second).view.reference
        [held] = quarantined_events(a)
        assert (held.event_id, held.kind, held.reason) == (bad.id, "received", CANNOT_APPLY)
        assert held.device_id == forger.info.device_id and held.business_date == day
        again = sync_now(a, ca)  # nothing doubled, nothing stuck
        assert (again.pulled, again.quarantined, again.quarantine_total) == (0, 0, 1)
        closed = close_day(a, ca, day, closed_by="S001")
    # HQ holds the bad event, and so does this branch (in quarantine): the day agrees.
    assert closed.quarantined == 1 and closed.resent == 0
    with client_for(a) as ca:
        theirs = ca.digest(day)
    assert (theirs.count, theirs.hash) == local_digest(a, day) == (closed.event_count, closed.digest)


def test_an_event_of_a_kind_this_client_does_not_know_is_quarantined(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    a, b = branch.device("counter1"), branch.device("counter2")
    forger = sqlite_hq.enroll(branch.code)
    strange = forger.chain.event(EventKind.NOTE, business_date=a.business_date())
    # A kind from a newer version, say.
    inject_at_hq(sqlite_hq.engine, strange, edit=lambda body: body.replace('"kind":"note"', '"kind":"frobnicated"'))
    cid = uc.record_complaint(b, teller, sample_intake()).complaint_id
    with client_for(b) as cb:
        sync_now(b, cb)
    with client_for(a) as ca:
        report = sync_now(a, ca)
    assert (report.pulled, report.quarantined) == (1, 1)
    assert case_detail(a, cid).view.status.value == "received"
    [held] = quarantined_events(a)
    assert (held.event_id, held.reason) == (strange.id, UNREADABLE)
    assert "kind" in held.detail


def test_an_event_from_a_clock_years_ahead_is_quarantined_and_does_not_drag_the_clock(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch]) -> None:
    branch = make_branch(sqlite_hq)
    a = branch.device("counter1")
    forger = sqlite_hq.enroll(branch.code)
    late = forger.chain.event(EventKind.NOTE, business_date=a.business_date())
    years_ahead = late.model_copy(update={"hlc": f"{4102444800000:015d}.00000"})  # 2100-01-01
    inject_at_hq(sqlite_hq.engine, years_ahead)
    with client_for(a) as ca:
        report = sync_now(a, ca)
    assert report.quarantined == 1
    [held] = quarantined_events(a)
    assert held.reason == "sync.quarantine.clock_ahead"
    with a.store.read() as s:
        stamp = get_setting(s, HLC_KEY)
    assert not stamp or int(stamp[:15]) < 4102444800000 - 10**12


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPLAINT_DESK_LANG": "en"}
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def test_admin_sync_day_end_and_quarantine_on_a_real_profile(
        hq_process: tuple[HqProcess, LiveHq], tmp_path: Path) -> None:
    _, live = hq_process
    code = live.new_branch()
    profile = str(tmp_path / "pc1")
    assert run("admin", "enroll", "--hq", live.base_url, "--code", live.enrollment_code(code),
               "--profile", profile).returncode == 0
    forger = live.enroll(code)
    bad = forger.chain.event(EventKind.RECEIVED, complaint_id="c-forged", payload={})
    inject_at_hq(live.engine, bad)
    synced = run("admin", "sync", "--profile", profile)
    assert synced.returncode == 0, synced.stderr
    assert "quarantine" in synced.stderr and "Traceback" not in synced.stderr
    closed = run("admin", "day-end", "--date", bad.business_date.isoformat(), "--profile", profile)
    assert closed.returncode == 0, closed.stderr
    assert "agree on 1 event " in closed.stdout and "quarantine" in closed.stderr
    shown = run("admin", "quarantine", "--profile", profile)
    assert shown.returncode == 0 and bad.id in shown.stdout and "received" in shown.stdout
