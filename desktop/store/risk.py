"""Each complaint's risk signals (desktop.domain.risk), kept beside its projection in the
same transaction: on the complaint row (`risk`, what the screens show) and in
`complaint_risk` (code, row number: what the worklist filters on).

A complaint's own signals come from its `received` event (amount, words, the customer's
age on its business date, group); its history signals from the customer's other complaint
rows received before it (repeat complainant within the rule's days, one of them escalated).
So they depend only on events: a rebuild, or the same events synced in another order, gives
the same signals. When a complaint's receipt time, customer or escalation changes, the
history signals of the customer's complaints received after it are refreshed too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.domain.model import Event, EventKind
from desktop.domain.risk import (
    HISTORY_CODES,
    RiskSignal,
    history_of,
    history_signals,
    in_order,
    own_signals,
    receipt_facts,
    risk_rules,
    signals_from_data,
    signals_to_data,
)
from desktop.store.models import ComplaintRiskRow, ComplaintRow

# What the history signals of the customer's later complaints read of this one.
HistoryKey = tuple[str, Any, int]


def history_key(row: ComplaintRow) -> HistoryKey | None:
    if row.received_at is None:
        return None
    return (row.customer_id, row.received_at, row.escalation_level)


def own_of_receipt(payload: dict[str, Any], business_date: date) -> list[RiskSignal]:
    return own_signals(receipt_facts(payload), business_date, risk_rules())


def _own_and_history(session: Session, complaint_id: str, customer_id: str, received_at: Any,
                     receipt: Event) -> tuple[list[RiskSignal], list[tuple[str, Any, int]]]:
    """The complaint's signals, and (id, received at, escalation level) of the customer's
    other complaints they were read from."""
    rules = risk_rules()
    C = ComplaintRow
    others = [tuple(r) for r in session.execute(
        select(C.id, C.received_at, C.escalation_level).where(
            C.customer_id == customer_id, C.id != complaint_id)).all()]
    signals = in_order(own_of_receipt(receipt.payload, receipt.business_date) + history_signals(
        *history_of(received_at, [(at, level) for _, at, level in others], rules), rules))
    return signals, others


def receipt_risk(session: Session, complaint_id: str, customer_id: str, received_at: Any,
                 receipt: Event) -> tuple[list[dict[str, Any]], list[str]]:
    """A new complaint's signals as stored (for its row's insert), and the ids of the
    customer's complaints received after it (`index_receipt_risk` refreshes them)."""
    signals, others = _own_and_history(session, complaint_id, customer_id, received_at, receipt)
    return signals_to_data(signals), [oid for oid, at, _ in others if at > received_at]


def index_receipt_risk(session: Session, num: int, data: list[dict[str, Any]],
                       later: list[str]) -> None:
    """After a new complaint's row is inserted (row number `num`): its codes indexed, and the
    history signals of the customer's later complaints refreshed."""
    if data:
        session.execute(insert(ComplaintRiskRow), [{"code": d["code"], "num": num} for d in data])
    if later:
        for other in session.scalars(select(ComplaintRow).where(ComplaintRow.id.in_(later))):
            refresh_history(session, other)


def refresh_risk(session: Session, row: ComplaintRow, events: Sequence[Event],
                 before: HistoryKey | None) -> None:
    """Recompute `row`'s signals from its events and the customer's other complaints; then,
    if what they read of it changed since `before`, the history signals of the customer's
    complaints received after it (and of the earlier customer's, when the customer changed)."""
    receipt = next((e for e in sorted(events, key=lambda e: (e.hlc, e.id))
                    if e.kind is EventKind.RECEIVED), None)
    if receipt is None:
        return
    signals, others = _own_and_history(session, row.id, row.customer_id, row.received_at,
                                       receipt)
    _store(session, row, signals)
    if history_key(row) == before:
        return
    # Only complaints received after this one read it (a new complaint is usually the newest).
    since = row.received_at if before is None else min(row.received_at, before[1])
    later = [oid for oid, at, _ in others if at > since]
    C = ComplaintRow
    touched = list(session.scalars(select(C).where(C.id.in_(later)))) if later else []
    if before is not None and before[0] != row.customer_id:
        touched += session.scalars(select(C).where(C.customer_id == before[0])).all()
    for other in touched:
        refresh_history(session, other)


def refresh_history(session: Session, row: ComplaintRow) -> None:
    """`row`'s history signals again from the customer's other complaint rows, its own kept."""
    rules = risk_rules()
    C = ComplaintRow
    others = session.execute(select(C.received_at, C.escalation_level).where(
        C.customer_id == row.customer_id, C.id != row.id)).all()
    own = [s for s in signals_from_data(row.risk) if s.code not in HISTORY_CODES]
    _store(session, row, in_order(own + history_signals(
        *history_of(row.received_at, [(at, level) for at, level in others], rules), rules)))


def _store(session: Session, row: ComplaintRow, signals: list[RiskSignal]) -> None:
    data = signals_to_data(signals)
    if row.risk == data:
        return
    old = {str(d["code"]) for d in row.risk or ()}
    row.risk = data
    session.flush()
    new = {s.code for s in signals}
    if old - new:
        session.execute(delete(ComplaintRiskRow).where(ComplaintRiskRow.num == row.num,
                                                       ComplaintRiskRow.code.in_(old - new)))
    if new - old:
        session.execute(insert(ComplaintRiskRow), [{"code": c, "num": row.num}
                                                   for c in sorted(new - old)])


def rebuild_risk(session: Session, chunk: int = 5000) -> int:
    """Every complaint's signals again from the events and the complaint rows (a migration's
    backfill; after a change of the rules). Reads and writes only the columns it names, so it
    runs on the schema of the migration that calls it. Returns how many complaints it read."""
    from sqlalchemy import update

    from desktop.store.models import EventRow

    C, E = ComplaintRow, EventRow
    rules = risk_rules()
    session.execute(delete(ComplaintRiskRow))
    last, seen = 0, 0
    while True:
        rows = session.execute(select(C.num, C.id, C.customer_id, C.received_at)
                               .where(C.num > last).order_by(C.num).limit(chunk)).all()
        if not rows:
            return seen
        receipts: dict[str, tuple[tuple[str, str], Any, date]] = {}
        for cid, hlc, eid, payload, day in session.execute(
                select(E.complaint_id, E.hlc, E.id, E.payload, E.business_date).where(
                    E.kind == EventKind.RECEIVED.value, E.complaint_id.in_([r.id for r in rows]))):
            if cid not in receipts or (hlc, eid) < receipts[cid][0]:
                receipts[cid] = ((hlc, eid), payload, day)
        by_customer: dict[str, list[tuple[str, Any, int]]] = {}
        for cust, oid, at, level in session.execute(
                select(C.customer_id, C.id, C.received_at, C.escalation_level).where(
                    C.customer_id.in_({r.customer_id for r in rows}))):
            by_customer.setdefault(cust, []).append((oid, at, level))
        updates, codes = [], []
        for num, cid, cust, at in rows:
            if cid not in receipts:
                continue
            _, payload, day = receipts[cid]
            others = [(o_at, level) for oid, o_at, level in by_customer.get(cust, ()) if oid != cid]
            signals = in_order(own_of_receipt(payload, day)
                               + history_signals(*history_of(at, others, rules), rules))
            updates.append({"num": num, "risk": signals_to_data(signals)})
            codes += [{"code": s.code, "num": num} for s in signals]
        if updates:
            session.execute(update(C), updates)  # by primary key, only these two columns
        if codes:
            session.execute(insert(ComplaintRiskRow), codes)
        last, seen = rows[-1].num, seen + len(rows)
