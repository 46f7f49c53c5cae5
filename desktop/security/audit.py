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

from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain.chain import GENESIS, event_hash, first_broken_link
from desktop.domain.model import Event
from desktop.store.db import Store
from desktop.store.events import CHAIN_HEAD_KEY, get_setting, row_to_event
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


def _finding(session: Session, device: str, events: list[Event], index: int, reason: str) -> BrokenLink:
    if index >= len(events):
        return BrokenLink(device, index + 1, reason, "", "", "")
    ev = events[index]
    reference = _references(session, {ev.complaint_id}).get(ev.complaint_id, "")
    return BrokenLink(device, index + 1, reason, reference, ev.kind.value, ev.complaint_id)


def _own_chain(session: Session, device: str, events: list[Event]) -> BrokenLink | None:
    broken = first_broken_link(events)
    if broken is not None:
        return _finding(session, device, events, broken[0], broken[1])
    head = get_setting(session, CHAIN_HEAD_KEY, GENESIS)
    last = events[-1].hash if events else GENESIS
    if head != last:
        return _finding(session, device, events, len(events), "head")
    return None


def _other_chain(session: Session, device: str, events: list[Event]) -> BrokenLink | None:
    # A device's clock stamps rise with every event it writes, so hlc gives its write order.
    ordered = sorted(events, key=lambda e: e.hlc)
    gap: BrokenLink | None = None
    previous: str | None = None
    for index, ev in enumerate(ordered):
        if ev.hash != event_hash(ev):
            return _finding(session, device, ordered, index, "hash")
        linked = ev.prev_hash == (previous if previous is not None else GENESIS)
        if gap is None and not linked:
            gap = _finding(session, device, ordered, index, "gap")
        previous = ev.hash
    return gap


def _events(rows: list[EventRow]) -> tuple[list[Event], int | None]:
    """The rows as events, and the position of the first one too damaged to read (an
    unknown kind or role written into the file), if any."""
    events: list[Event] = []
    for index, row in enumerate(rows):
        try:
            events.append(row_to_event(row))
        except (ValueError, TypeError, AttributeError):
            return events, index
    return events, None


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
            rows = list(s.scalars(select(EventRow).where(EventRow.device_id == device)
                                  .order_by(EventRow.seq)))
            events, unreadable = _events(rows)
            report.chains_checked += 1
            report.events_checked += len(rows)
            if unreadable is not None:
                row = rows[unreadable]
                reference = _references(s, {row.complaint_id}).get(row.complaint_id, "")
                finding: BrokenLink | None = BrokenLink(device, unreadable + 1, "hash", reference,
                                                        "?", row.complaint_id)
            elif device == own:
                finding = _own_chain(s, device, events)
            else:
                finding = _other_chain(s, device, events)
            if finding is not None:
                report.findings.append(finding)
    return report
