"""Reading cases for the worklist and the case view: plain values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.domain.errors import NotFound
from desktop.domain.model import ComplaintView, Customer, Event, EventKind
from desktop.domain.projection import fold
from desktop.domain.risk import RiskSignal, signals_from_data
from desktop.domain.worklist import CaseRow, SortPosition, WorklistQuery
from desktop.services.context import ServiceContext
from desktop.services.customers import customer_of
from desktop.store.events import complaint_events
from desktop.store.models import ComplaintRow, CustomerRow
from desktop.store.queries import (
    count_worklist,
    worklist_page,
    worklist_page_after,
    worklist_positions,
)


@dataclass(frozen=True, slots=True)
class CaseDetail:
    view: ComplaintView
    customer: Customer
    timeline: list[Event]
    received_payload: dict[str, object]
    risk: tuple[RiskSignal, ...] = ()  # its stored risk signals (desktop.store.risk)


def _due_soon(ctx: ServiceContext) -> timedelta:
    """How far ahead "due soon" reaches now: counted in working days where the policy says so."""
    now = ctx.now()
    return ctx.policy.due_soon_until(now) - now


def _local_now(ctx: ServiceContext) -> datetime:
    """Now in the branch's zone: a worklist's calendar dates (corrective actions) are its days."""
    return ctx.now().astimezone(ctx.device.zone)


def worklist_count(ctx: ServiceContext, query: WorklistQuery) -> int:
    with ctx.store.read() as s:
        return count_worklist(s, query, _local_now(ctx), _due_soon(ctx))


def worklist_rows(ctx: ServiceContext, query: WorklistQuery, offset: int, limit: int) -> list[CaseRow]:
    with ctx.store.read() as s:
        return worklist_page(s, query, _local_now(ctx), _due_soon(ctx), offset, limit)


def worklist_rows_after(ctx: ServiceContext, query: WorklistQuery, after: SortPosition | None,
                        limit: int, offset: int = 0, *, walk_sort_index: bool = False) -> list[CaseRow]:
    """Keyset paging (desktop.store.queries.worklist_page_after): rows after `after`."""
    with ctx.store.read() as s:
        return worklist_page_after(s, query, _local_now(ctx), _due_soon(ctx), after, limit, offset,
                                   walk_sort_index=walk_sort_index)


def worklist_landmarks(ctx: ServiceContext, query: WorklistQuery,
                       every: int) -> list[tuple[int, SortPosition]]:
    """(row number, position) of every `every`-th row (desktop.store.queries.worklist_positions)."""
    with ctx.store.read() as s:
        return worklist_positions(s, query, _local_now(ctx), _due_soon(ctx), every)


def case_detail(ctx: ServiceContext, complaint_id: str) -> CaseDetail:
    """Everything the case view shows. Raises NotFound for an unknown complaint."""
    with ctx.store.read() as s:
        row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == complaint_id))
        if row is None:
            raise NotFound(what=complaint_id)
        events = complaint_events(s, complaint_id)
        c = s.get(CustomerRow, row.customer_id)
        risk = signals_from_data(row.risk)
    view = fold(events)
    if view is None or c is None:
        raise NotFound(what=complaint_id)
    customer = customer_of(c)
    received = next((e.payload for e in events if e.kind is EventKind.RECEIVED), {})
    return CaseDetail(view=view, customer=customer, timeline=events, received_payload=dict(received),
                      risk=risk)


def complaint_id_of(ctx: ServiceContext, reference: str) -> str:
    """The complaint id for a reference number. Raises NotFound."""
    with ctx.store.read() as s:
        cid = s.scalar(select(ComplaintRow.id).where(ComplaintRow.reference == reference.strip().upper()))
    if cid is None:
        raise NotFound(what=reference)
    return cid
