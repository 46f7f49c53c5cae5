"""Records retention at HQ (issue 13, rule 10): the branch's rule applied to HQ's own copy.

A closed or withdrawn complaint whose retention period under its policy (the one its
`received` event names; HQ's published policy and calendar when that is the one in force)
has passed loses, in HQ's events, the identity data and the free text the policy's
`retention_action` removes (desktop.domain.retention, the same function the branch uses),
unless a legal hold is on. Each touched event keeps its id, links and hash; its payload
records the digest of what it held (`_anonymised`), its identity members are sealed again
under a fresh data key (the old sealed copy is gone), and the complaint row loses its
customer lookup key. One entry in HQ's append-only audit log per complaint
(`retention.applied`, the reference, the action and the digests) is the record of it; that
entry is also what marks the complaint done. Each complaint is one transaction.

A device that pulls such an event later (a PC enrolled afterwards) gets the anonymised
payload: old history of a case long closed, read like the branch's own anonymised events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from desktop.domain.chain import canonical_json
from desktop.domain.model import EventKind, Status
from desktop.domain.policy import DEFAULT_POLICY_ID, DeadlinePolicy, load_policy
from desktop.domain.projection import fold
from desktop.domain.retention import ANONYMISED_MARK, payload_digest, stripped_payload
from desktop.sync.payloads import IDENTITY_MEMBERS
from hq import audit, tables
from hq.changes import restore_body
from hq.complaints import event_from_body
from hq.office_tables import audit_log
from hq.reference_data import policy_in_force
from hq.vault import Vault

ACTION = "retention.applied"
RETENTION_OFFICER = "retention"
_events = tables.events
_complaints = tables.complaints
_DONE_STATES = (Status.CLOSED.value, Status.WITHDRAWN.value)


@dataclass(frozen=True, slots=True)
class HqRetentionCase:
    complaint_id: str
    branch_code: str
    reference: str
    ended_at: datetime  # closed, or withdrawn
    retain_until: date
    legal_hold: bool
    action: str  # anonymise | purge


def _policies(conn: Connection) -> tuple[DeadlinePolicy, dict[str, DeadlinePolicy]]:
    in_force = policy_in_force(conn)
    return in_force, {in_force.policy_id: in_force}


def _policy_of(policy_id: str, known: dict[str, DeadlinePolicy]) -> DeadlinePolicy:
    if policy_id not in known:
        known[policy_id] = load_policy(policy_id)
    return known[policy_id]


def _done(conn: Connection) -> set[str]:
    return set(conn.execute(select(audit_log.c.target).where(audit_log.c.action == ACTION)).scalars())


def retention_cases(conn: Connection, now: datetime) -> list[HqRetentionCase]:
    """Closed or withdrawn complaints past their retention period that HQ has not yet
    anonymised, oldest first (those on legal hold included and marked, for the dry run)."""
    in_force, known = _policies(conn)
    done = _done(conn)
    rows = conn.execute(select(_complaints.c.id, _complaints.c.branch_code, _complaints.c.reference,
                               _complaints.c.closed_at, _complaints.c.withdrawn_at)
                        .where(_complaints.c.status.in_(_DONE_STATES))
                        .order_by(_complaints.c.received_at)).all()
    out: list[HqRetentionCase] = []
    for row in rows:
        ended = row.closed_at or row.withdrawn_at
        if ended is None or row.id in done:
            continue
        bodies = conn.execute(select(_events.c.body, _events.c.hash)
                              .where(_events.c.complaint_id == row.id)).all()
        timeline = [event_from_body(b.body, b.hash) for b in bodies]
        view = fold(timeline)
        if view is None:
            continue
        received = next((e for e in timeline if e.kind is EventKind.RECEIVED), None)
        policy_id = str((received.payload if received else {}).get("policy_id") or DEFAULT_POLICY_ID)
        policy = _policy_of(policy_id, known) if policy_id != in_force.policy_id else in_force
        until = policy.retain_until(ended)
        if until <= policy.local_day(now):
            out.append(HqRetentionCase(row.id, row.branch_code, row.reference, ended, until,
                                       view.legal_hold, policy.retention_action))
    return out


def _anonymise(conn: Connection, vault: Vault, case: HqRetentionCase, now: datetime) -> dict[str, str]:
    purge = case.action == "purge"
    digests: dict[str, str] = {}
    sealing = None
    rows = conn.execute(select(_events.c.id, _events.c.kind, _events.c.body, _events.c.identity,
                               _events.c.data_key_id)
                        .where(_events.c.complaint_id == case.complaint_id)).all()
    for row in rows:
        fields = json.loads(restore_body(conn, vault, row.id, row.body, row.identity, row.data_key_id))
        original = dict(fields["payload"])
        stripped = stripped_payload(original, purge)
        if stripped == original:
            continue
        digest = payload_digest(original)
        stripped[ANONYMISED_MARK] = {"sha256": digest, "action": case.action, "at": "hq"}
        members = [m for m in IDENTITY_MEMBERS.get(EventKind(row.kind), ()) if m in stripped]
        values: dict[str, Any] = {"identity": None, "data_key_id": None}
        if members:
            if sealing is None:
                sealing = vault.new_data_key(conn, now)
            identity = canonical_json({m: stripped.pop(m) for m in members})
            values = {"identity": vault.seal(sealing[1], row.id, identity), "data_key_id": sealing[0]}
        fields["payload"] = stripped
        conn.execute(update(_events).where(_events.c.id == row.id)
                     .values(body=canonical_json(fields).decode("utf-8"), **values))
        digests[row.id] = digest
    conn.execute(update(_complaints).where(_complaints.c.id == case.complaint_id)
                 .values(customer_key=None, phone_key=None))
    return digests


def apply_retention(engine: Engine, vault: Vault, now: datetime) -> list[HqRetentionCase]:
    """Anonymise (or purge) every due complaint not on legal hold, each in its own
    transaction with its audit entry; returns those done."""
    with engine.connect() as conn:
        cases = retention_cases(conn, now)
    done: list[HqRetentionCase] = []
    for case in cases:
        if case.legal_hold:
            continue
        with engine.begin() as conn:
            if case.complaint_id in _done(conn):
                continue  # another run did it meanwhile
            digests = _anonymise(conn, vault, case, now)
            audit.record(conn, RETENTION_OFFICER, ACTION, now, target=case.complaint_id,
                         reference=case.reference, branch=case.branch_code,
                         retention_action=case.action,
                         retain_until=case.retain_until.isoformat(), events=digests)
        done.append(case)
    return done


__all__ = ["ACTION", "HqRetentionCase", "apply_retention", "retention_cases"]
