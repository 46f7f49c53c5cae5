"""Checking a profile: SQLite's and SQLCipher's integrity checks and each device's audit chain.

This PC's own chain is checked strictly, in write order (EventRow.seq): every link,
every hash, and the chain head kept in settings, so a changed, deleted, inserted or
trailing-removed event is named. Events of other devices reach this PC only in part
(an HQ device acts on many branches), so their hashes are checked strictly and a gap
in their links is reported as a note, not a break; HQ checks complete chains on push.

A finding names the complaint's reference, the event kind and the position in the
chain: never a name, an ID number or any payload text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain.chain import GENESIS, event_hash, first_broken_link
from desktop.domain.model import Event, EventKind, Role
from desktop.store.db import Store
from desktop.store.events import CHAIN_HEAD_KEY, get_setting
from desktop.store.models import ComplaintRow, EventRow

_MAX_INTEGRITY_LINES = 20


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """The first event where a device's chain does not hold.

    `reason`: "hash" (the event's content was changed), "link" (an event before it was
    deleted, inserted or changed), "head" (events at the end were removed or added),
    "gap" (another device's events not all here: a note, not a failure).
    `position` counts from 1 in the device's write order; `reference` and `kind` name
    the event ("" when the chain ends early)."""

    device_id: str
    position: int
    reason: str
    reference: str
    kind: str
    complaint_id: str

    @property
    def is_failure(self) -> bool:
        return self.reason != "gap"


@dataclass(slots=True)
class VerifyReport:
    integrity: list[str] = field(default_factory=list)  # empty when SQLite says "ok"
    cipher: list[str] = field(default_factory=list)  # pages whose HMAC fails
    chains_checked: int = 0
    events_checked: int = 0
    findings: list[BrokenLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.cipher and not any(f.is_failure for f in self.findings)


def _integrity(session: Session) -> list[str]:
    rows = [str(r[0]) for r in session.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else rows[:_MAX_INTEGRITY_LINES]


def _cipher_integrity(session: Session) -> list[str]:
    try:
        rows = [str(r[0]) for r in session.execute(text("PRAGMA cipher_integrity_check"))]
    except Exception:  # a plain SQLite database (tools, benchmarks) has no such check
        return []
    return rows[:_MAX_INTEGRITY_LINES]


def _references(session: Session, complaint_ids: set[str]) -> dict[str, str]:
    if not complaint_ids:
        return {}
    rows = session.execute(select(ComplaintRow.id, ComplaintRow.reference)
                           .where(ComplaintRow.id.in_(complaint_ids)))
    return {cid: ref for cid, ref in rows}


def _finding(session: Session, device: str, position: int, reason: str,
             event: Event | None) -> BrokenLink:
    """A finding at `position` (0-based); `event` is the event there (None past the end)."""
    if event is None:
        return BrokenLink(device, position + 1, reason, "", "", "")
    reference = _references(session, {event.complaint_id}).get(event.complaint_id, "")
    return BrokenLink(device, position + 1, reason, reference, event.kind.value, event.complaint_id)


class _Unreadable(Exception):
    """An event row too damaged to read (an unknown kind or role written into the file)."""

    def __init__(self, position: int, complaint_id: str) -> None:
        super().__init__(position)
        self.position = position
        self.complaint_id = complaint_id


_COLUMNS = (EventRow.id, EventRow.complaint_id, EventRow.kind, EventRow.payload, EventRow.actor,
            EventRow.actor_role, EventRow.device_id, EventRow.branch_code, EventRow.hlc,
            EventRow.occurred_at, EventRow.business_date, EventRow.prev_hash, EventRow.hash)
_BATCH = 5_000


class _DeviceEvents:
    """One device's events in order, read in batches (a chain may hold millions); `last`
    is the event handed out most recently, so a finding can name it."""

    def __init__(self, session: Session, device: str, order: Any) -> None:
        self.session, self.device, self.order = session, device, order
        self.last: Event | None = None
        self.count = 0

    def __iter__(self) -> Iterator[Event]:
        stmt = (select(*_COLUMNS).where(EventRow.device_id == self.device).order_by(self.order)
                .execution_options(yield_per=_BATCH))
        for position, r in enumerate(self.session.execute(stmt)):
            try:
                ev = Event(id=r.id, complaint_id=r.complaint_id, kind=EventKind(r.kind),
                           payload=r.payload, actor=r.actor, actor_role=Role(r.actor_role),
                           device_id=r.device_id, branch_code=r.branch_code, hlc=r.hlc,
                           occurred_at=r.occurred_at, business_date=r.business_date,
                           prev_hash=r.prev_hash, hash=r.hash)
            except (ValueError, TypeError):
                raise _Unreadable(position, r.complaint_id) from None
            self.last, self.count = ev, position + 1
            yield ev


def _retention_records(session: Session) -> dict[str, str]:
    """event id → digest of its original payload, from every `retention_applied` record."""
    vouched: dict[str, str] = {}
    for payload in session.scalars(select(EventRow.payload).where(
            EventRow.kind == EventKind.RETENTION_APPLIED.value)):
        vouched.update({str(k): str(v) for k, v in (payload.get("events") or {}).items()})
    return vouched


def _vouched(records: dict[str, str]) -> Callable[[Event], bool]:
    def anonymised(ev: Event) -> bool:
        mark = ev.payload.get("_anonymised") if isinstance(ev.payload, dict) else None
        if not isinstance(mark, dict) or not mark.get("sha256"):
            return False
        return records.get(ev.id) == mark["sha256"]
    return anonymised


def _own_chain(session: Session, device: str) -> tuple[int, BrokenLink | None]:
    """This PC's chain in write order: links, hashes, then the head kept in settings."""
    events = _DeviceEvents(session, device, EventRow.seq)
    broken = first_broken_link(events, _vouched(_retention_records(session)))
    if broken is not None:
        return events.count, _finding(session, device, broken[0], broken[1], events.last)
    head = get_setting(session, CHAIN_HEAD_KEY, GENESIS)
    if head != (events.last.hash if events.last is not None else GENESIS):
        return events.count, _finding(session, device, events.count, "head", None)
    return events.count, None


def _other_chain(session: Session, device: str) -> tuple[int, BrokenLink | None]:
    # A device's clock stamps rise with every event it writes, so hlc gives its write order.
    events = _DeviceEvents(session, device, EventRow.hlc)
    gap: BrokenLink | None = None
    previous = GENESIS
    anonymised = _vouched(_retention_records(session))
    for position, ev in enumerate(events):
        if ev.hash != event_hash(ev) and not anonymised(ev):
            return events.count, _finding(session, device, position, "hash", ev)
        if gap is None and ev.prev_hash != previous:
            gap = _finding(session, device, position, "gap", ev)
        previous = ev.hash
    return events.count, gap


def verify_store(store: Store, own_device_id: str | None = None) -> VerifyReport:
    """Check the database file and every device's chain. `own_device_id` (default: the
    device id in settings) is the chain checked strictly. Raises only if the file
    cannot be read at all (a wrong key is refused earlier, when the profile opens)."""
    report = VerifyReport()
    with store.read() as s:
        report.integrity = _integrity(s)
        report.cipher = _cipher_integrity(s)
        own = own_device_id if own_device_id is not None else get_setting(s, "device_id")
        devices = sorted(set(s.scalars(select(EventRow.device_id).distinct())) | ({own} if own else set()))
        for device in devices:
            report.chains_checked += 1
            try:
                count, finding = _own_chain(s, device) if device == own else _other_chain(s, device)
            except _Unreadable as bad:
                count = bad.position + 1
                reference = _references(s, {bad.complaint_id}).get(bad.complaint_id, "")
                finding = BrokenLink(device, bad.position + 1, "hash", reference, "?", bad.complaint_id)
            report.events_checked += count
            if finding is not None:
                report.findings.append(finding)
    return report
