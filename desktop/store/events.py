"""Writing events and keeping the complaint projection current, inside the caller's transaction.

Local events get the next hybrid-clock stamp and the next link of this device's
audit chain; events from other devices (pulled from HQ) are stored as they came
and move the clock past their stamp. Either way the complaint row is refolded
from all of its events before the transaction commits.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from desktop.domain.chain import GENESIS, event_hash_with_payload_json, payload_json
from desktop.domain.hlc import HybridClock, Stamp, max_drift_ms
from desktop.domain.model import ComplaintView, Event, EventKind, Role
from desktop.domain.projection import fold
from desktop.store.models import ComplaintRow, CustomerRow, EventRow, Setting
from desktop.store.risk import history_key, index_receipt_risk, receipt_risk, refresh_risk
from desktop.store.types import utc_text
from desktop.sync.payloads import check_payload

HLC_KEY = "hlc_last"
CHAIN_HEAD_KEY = "chain_head"


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def put_setting(session: Session, key: str, value: str) -> None:
    """Insert or replace one setting (a single UPSERT statement, no ORM round trip)."""
    put_settings(session, {key: value})


# Plain SQL, compiled once: SQLAlchemy cannot cache the compiled form of a SQLite
# ON CONFLICT construct, and compiling it each time cost a tenth of recording a complaint.
_UPSERT_SETTING = text('INSERT INTO settings ("key", value) VALUES (:key, :value) '
                       'ON CONFLICT ("key") DO UPDATE SET value = excluded.value')


def put_settings(session: Session, values: dict[str, str]) -> None:
    """Insert or replace several settings in one statement (executemany)."""
    session.connection().execute(_UPSERT_SETTING,
                                 [{"key": k, "value": v} for k, v in values.items()])
    for key in values:
        cached = session.identity_map.get(session.identity_key(Setting, key))
        if cached is not None:
            session.expire(cached)


def get_settings(session: Session, *keys: str) -> dict[str, str]:
    """Several settings in one query; missing keys are absent from the result."""
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
    return {key: value for key, value in rows}


def _clock(session: Session, now: datetime, last: str | None = None, *,
           trusted: datetime | None = None, bounded: bool = False) -> HybridClock:
    if last is None:
        last = get_setting(session, HLC_KEY)
    now_ms = int(now.timestamp() * 1000)
    return HybridClock(lambda: now_ms, Stamp.parse(last) if last else None,
                       max_drift_ms=max_drift_ms() if bounded else None,
                       trusted_ms=int(trusted.timestamp() * 1000) if trusted else None)


def row_to_event(row: EventRow) -> Event:
    return Event(
        id=row.id, complaint_id=row.complaint_id, kind=EventKind(row.kind), payload=row.payload,
        actor=row.actor, actor_role=Role(row.actor_role), device_id=row.device_id,
        branch_code=row.branch_code, hlc=row.hlc, occurred_at=row.occurred_at,
        business_date=row.business_date, prev_hash=row.prev_hash, hash=row.hash,
    )


# One statement, compiled once, for the local write path: the payload goes in as the canonical
# text the hash was computed over (serialised once, as the seeder does), not through the ORM.
_INSERT_LOCAL_EVENT = text(
    "INSERT INTO events (id, complaint_id, kind, payload, actor, actor_role, device_id, "
    "branch_code, hlc, occurred_at, business_date, prev_hash, hash, origin, sent) VALUES "
    "(:id, :complaint_id, :kind, :payload, :actor, :actor_role, :device_id, :branch_code, "
    ":hlc, :occurred_at, :business_date, :prev_hash, :hash, 'local', 0)")
_CHAIN_STATE = text(f"SELECT \"key\", value FROM settings WHERE \"key\" IN ('{HLC_KEY}', '{CHAIN_HEAD_KEY}')")


def _event_to_row(ev: Event, origin: str) -> EventRow:
    return EventRow(
        id=ev.id, complaint_id=ev.complaint_id, kind=ev.kind.value, payload=ev.payload,
        actor=ev.actor, actor_role=ev.actor_role.value, device_id=ev.device_id,
        branch_code=ev.branch_code, hlc=ev.hlc, occurred_at=ev.occurred_at,
        business_date=ev.business_date, prev_hash=ev.prev_hash, hash=ev.hash,
        origin=origin, sent=origin != "local",
    )


def append_local_event(
    session: Session,
    *,
    complaint_id: str,
    kind: EventKind,
    payload: dict[str, Any],
    actor: str,
    actor_role: Role,
    device_id: str,
    branch_code: str,
    now: datetime,
    business_date: date,
) -> Event:
    """Write one event of this device: stamped, chained and projected. Call inside Store.write().
    The payload must be what its kind's wire model (desktop.sync.payloads) allows, the same
    check HQ makes: raises pydantic.ValidationError otherwise (a programming error)."""
    check_payload(kind, payload)
    state: dict[str, str] = {key: value for key, value in
                             session.connection().execute(_CHAIN_STATE)}
    stamp = _clock(session, now, state.get(HLC_KEY, "")).tick()
    prev = state.get(CHAIN_HEAD_KEY, GENESIS)
    draft = Event(
        id=str(uuid.uuid4()), complaint_id=complaint_id, kind=kind, payload=payload,
        actor=actor, actor_role=actor_role, device_id=device_id, branch_code=branch_code,
        hlc=str(stamp), occurred_at=now, business_date=business_date, prev_hash=prev,
    )
    payload_text = payload_json(payload)
    ev = replace(draft, hash=event_hash_with_payload_json(draft, payload_text))
    conn = session.connection()
    conn.execute(_INSERT_LOCAL_EVENT, {
        "id": ev.id, "complaint_id": ev.complaint_id, "kind": ev.kind.value,
        "payload": payload_text, "actor": ev.actor, "actor_role": ev.actor_role.value,
        "device_id": ev.device_id, "branch_code": ev.branch_code, "hlc": ev.hlc,
        "occurred_at": utc_text(ev.occurred_at), "business_date": ev.business_date.isoformat(),
        "prev_hash": ev.prev_hash, "hash": ev.hash})
    put_settings(session, {HLC_KEY: str(stamp), CHAIN_HEAD_KEY: ev.hash})
    if kind is EventKind.RECEIVED:
        # A new complaint's receipt is its only event: its row is folded from it alone and
        # inserted in one statement, without the ORM's unit of work.
        view = fold([ev])
        if view is not None:
            risk, later = receipt_risk(session, complaint_id, view.customer_id,
                                       view.received_at, ev)
            done = conn.execute(insert(ComplaintRow),
                                {"id": complaint_id, **view_columns(view), "risk": risk})
            key = done.inserted_primary_key
            assert key is not None
            index_receipt_risk(session, int(key[0]), risk, later)
    else:
        refresh_projection(session, complaint_id)
    return ev


def store_remote_events(session: Session, events: list[Event], now: datetime, *,
                        trusted_now: datetime | None = None) -> int:
    """Store events written elsewhere (other devices, HQ); ones already here are skipped.
    Returns how many were new. Call inside Store.write(). Raises ClockAhead for an event
    stamped beyond the drift bound of `trusted_now` (HQ's time when known) or `now`."""
    if not events:
        return 0
    ids = [e.id for e in events]
    known = set(session.scalars(select(EventRow.id).where(EventRow.id.in_(ids))))
    clock = _clock(session, now, trusted=trusted_now, bounded=True)
    touched: set[str] = set()
    new = 0
    for ev in events:
        if ev.id in known:
            continue
        known.add(ev.id)
        clock.observe(Stamp.parse(ev.hlc))
        session.add(_event_to_row(ev, "remote"))
        touched.add(ev.complaint_id)
        if ev.kind is EventKind.RECEIVED:
            _upsert_customer(session, ev.payload.get("customer") or {}, ev.occurred_at)
        new += 1
    put_setting(session, HLC_KEY, str(clock.last))
    session.flush()
    for complaint_id in touched:
        refresh_projection(session, complaint_id)
    return new


def _upsert_customer(session: Session, data: dict[str, Any], when: datetime) -> None:
    cid = str(data.get("id", ""))
    if not cid:
        return
    row = session.get(CustomerRow, cid)
    if row is None:
        row = CustomerRow(id=cid, created_at=when)
        session.add(row)
    apply_customer_fields(row, data, when)


def apply_customer_fields(row: CustomerRow, data: dict[str, Any], when: datetime) -> None:
    for name, value in customer_columns(data, when).items():
        setattr(row, name, value)


def customer_columns(data: dict[str, Any], when: datetime) -> dict[str, Any]:
    """A customer row's columns (all but its id and creation time) from its fields in `data`."""
    id_number = str(data.get("id_number", ""))
    phone = str(data.get("phone", ""))
    credit_code = str(data.get("credit_code", ""))
    return {
        "kind": str(data.get("kind", "individual")),
        "name": str(data.get("name", "")),
        "id_type": data.get("id_type") or None,
        "id_number": id_number,
        "phone": phone,
        "address": str(data.get("address", "")),
        "credit_code": credit_code,
        "contact_person": str(data.get("contact_person", "")),
        "id_last4": last_digits(id_number or credit_code),
        "phone_last4": last_digits(phone),
        "updated_at": when,
    }


def last_digits(value: str, n: int = 4) -> str:
    chars = [c for c in value if c.isalnum()]
    return "".join(chars[-n:]).upper() if len(chars) >= n else ""


def complaint_events(session: Session, complaint_id: str) -> list[Event]:
    rows = session.scalars(
        select(EventRow).where(EventRow.complaint_id == complaint_id).order_by(EventRow.hlc, EventRow.id)
    )
    return [row_to_event(r) for r in rows]


def refresh_projection(session: Session, complaint_id: str,
                       events: list[Event] | None = None) -> ComplaintView | None:
    """Refold the complaint from its events (read from the store unless given: all of them)
    and write its row; None if its receipt is not here yet."""
    if events is None:
        events = complaint_events(session, complaint_id)
    view = fold(events)
    if view is None:
        return None
    row = None
    if len(events) > 1:
        row = session.scalar(select(ComplaintRow).where(ComplaintRow.id == complaint_id))
    before = None
    if row is None:
        row = ComplaintRow(id=complaint_id)
        session.add(row)
    else:
        before = history_key(row)
    write_view(row, view)
    session.flush()
    refresh_risk(session, row, events, before)
    return view


_ROW_COLUMNS = (
    "reference", "branch_code", "customer_id", "customer_name", "business_type", "cause",
    "business_channel", "product", "amount", "description", "request", "received_at",
    "decision_due", "received_by", "assignee", "escalation_level", "extensions", "resolved_at",
    "closed_at", "needs_review", "extension_notice_due", "repeat_of",
)


def write_view(row: ComplaintRow, view: ComplaintView) -> None:
    for name, value in view_columns(view).items():
        setattr(row, name, value)


def view_columns(view: ComplaintView) -> dict[str, Any]:
    """The complaint row's columns (all but its keys) as the projection `view` has them."""
    columns = {name: getattr(view, name) for name in _ROW_COLUMNS}
    open_dues = sorted(str(a["due"]) for a in view.corrective_actions if a.get("done_at") is None)
    columns.update(
        status=view.status.value,
        channel=view.channel.value,
        outcome=view.outcome.value if view.outcome else None,
        root_cause=view.root_cause,
        satisfaction=view.satisfaction,
        open_actions=len(open_dues),
        next_action_due=open_dues[0] if open_dues else None,
        updated_at=view.updated_at or view.received_at,
    )
    columns["details"] = {
        "extra_fields": view.extra_fields,
        "findings": view.findings,
        "remedy": view.remedy,
        "compensation": str(view.compensation) if view.compensation is not None else None,
        "satisfaction": view.satisfaction,
        "satisfaction_comment": view.satisfaction_comment,
        "withdrawn_at": view.withdrawn_at.isoformat() if view.withdrawn_at else None,
        "related": view.related,
        "review_reasons": view.review_reasons,
        "event_count": view.event_count,
        "extension_request": view.extension_request,
        "extension_declined": view.extension_declined,
        "late_extensions": view.late_extensions,
        "complained_staff": view.complained_staff,
        "complained_unit": view.complained_unit,
        "complained_unit_members": view.complained_unit_members,
        "legal_hold": view.legal_hold,
        "anonymised": view.anonymised,
        "corrective_actions": view.corrective_actions,
    }
    return columns
