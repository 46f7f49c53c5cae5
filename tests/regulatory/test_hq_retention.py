"""Rule 10 at HQ: `complaint-desk-hq retention [--apply]` applies the branch's retention rule
to HQ's copy — a dry run first that changes nothing, legal holds respected, one audit entry per
anonymised complaint, the same digests the branch records, and a second run that does nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop.domain.model import Actor, EventKind
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.retention import apply_retention as branch_retention
from desktop.services.retention import set_legal_hold
from desktop.sync.engine import sync_now
from hq import casework
from hq.office_tables import audit_log
from hq.retention import ACTION
from hq.tables import complaints, events
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.services.intakes import DECISION_PARTS, VALID_ID, sample_intake
from tests.sync.conftest import Branch, client_for

HQ_CLI = str(Path(sys.executable).parent / "complaint-desk-hq")
PHONE_IN_TEXT = "13912345678"


def _hq(hq: LiveHq, keys: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HQ_CLI, *args, "--database", hq.database_url, "--keys", f"file:{keys}"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COMPLAINT_DESK_LANG": "en"})


def _closed(ctx: object, teller: Actor) -> str:
    cid = uc.record_complaint(ctx, teller, sample_intake(  # type: ignore[arg-type]
        description=f"柜员态度冷淡，客户留下电话{PHONE_IN_TEXT}")).complaint_id
    uc.resolve(ctx, teller, cid, outcome="upheld", findings="属实", **DECISION_PARTS)  # type: ignore[arg-type]
    uc.close(ctx, teller, cid)  # type: ignore[arg-type]
    return cid


def _audit_entries(hq: LiveHq) -> list[tuple[str, dict[str, object]]]:
    with hq.engine.connect() as conn:
        return [(r.target, json.loads(r.detail)) for r in conn.execute(
            select(audit_log.c.target, audit_log.c.detail).where(audit_log.c.action == ACTION))]


def _bodies(hq: LiveHq, complaint_id: str) -> str:
    with hq.engine.connect() as conn:
        return "\n".join(conn.execute(select(events.c.body).where(events.c.complaint_id == complaint_id))
                         .scalars())


def test_hq_applies_the_retention_rule_with_a_dry_run_legal_holds_and_an_audit_entry_each(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor, supervisor: Actor,
        tmp_path: Path) -> None:
    keys = tmp_path / "hq-keys.json"  # the live HQ's key file (tests.hq.conftest.make_vault)
    assert sqlite_hq.vault is not None
    branch = make_branch(sqlite_hq)
    clock = SettableClock(datetime(2022, 3, 1, 2, tzinfo=UTC))  # closed more than 3 years ago
    ctx = branch.device("counter1", clock)
    old, held = _closed(ctx, teller), _closed(ctx, teller)
    open_case = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    set_legal_hold(ctx, supervisor, held, on=True, reason="诉讼中，法院调取")
    with client_for(ctx) as client:
        sync_now(ctx, client)
    before = _bodies(sqlite_hq, old)
    assert PHONE_IN_TEXT in before

    dry = _hq(sqlite_hq, keys, "retention", "--json")
    assert dry.returncode == 0, dry.stderr
    listed = {c["reference"]: c for c in json.loads(dry.stdout)["complaints"]}
    references = {cid: case_detail(ctx, cid).view.reference for cid in (old, held, open_case)}
    assert set(listed) == {references[old], references[held]}
    assert listed[references[held]]["action"] == "held" and listed[references[old]]["action"] == "due"
    assert _bodies(sqlite_hq, old) == before and _audit_entries(sqlite_hq) == []  # nothing changed

    applied = _hq(sqlite_hq, keys, "retention", "--apply")
    assert applied.returncode == 0, applied.stderr
    assert "Retention applied to 1 complaint at HQ" in applied.stdout
    with sqlite_hq.engine.connect() as conn:
        gone = casework.identity_of(conn, sqlite_hq.vault, old)
        kept = casework.identity_of(conn, sqlite_hq.vault, held)
        keys_left = dict(conn.execute(select(complaints.c.id, complaints.c.customer_key)).all())
    assert gone["customer"]["name"] == "" and gone["customer"]["id_number"] == ""
    assert kept["customer"]["id_number"] == VALID_ID  # on legal hold: whole
    assert keys_left[old] is None and keys_left[held] is not None
    assert PHONE_IN_TEXT not in _bodies(sqlite_hq, old)
    assert PHONE_IN_TEXT in _bodies(sqlite_hq, held)
    entries = _audit_entries(sqlite_hq)
    assert [target for target, _ in entries] == [old]
    detail = entries[0][1]
    assert detail["reference"] == references[old] and detail["retention_action"] == "anonymise"
    assert VALID_ID not in json.dumps(detail, ensure_ascii=False)  # the record holds no identity

    # The branch applies the same rule: its audit record names the same digests for the same events.
    clock.current = datetime.now(UTC)
    branch_retention(ctx)
    record = next(e for e in case_detail(ctx, old).timeline if e.kind is EventKind.RETENTION_APPLIED)
    assert record.payload["events"] == detail["events"]

    # A counter PC enrolled later pulls the branch's history: the sync goes through.
    newcomer = branch.device("counter2", SettableClock(datetime.now(UTC)))
    with client_for(newcomer) as client:
        report = sync_now(newcomer, client)
    assert report.pulled > 0 and report.quarantined == 0

    again = _hq(sqlite_hq, keys, "retention", "--apply")
    assert again.returncode == 0 and "Retention applied to 0 complaints" in again.stdout
    assert len(_audit_entries(sqlite_hq)) == 1


def test_hq_retention_errors_are_one_line(tmp_path: Path) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    out = subprocess.run([HQ_CLI, "retention", "--database", url, "--keys", f"file:{tmp_path / 'k.json'}"],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "COMPLAINT_DESK_LANG": "en"})
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("complaint-desk-hq: ")
