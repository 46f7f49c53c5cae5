"""Provisional deadlines (issue 13, rule 11): a deadline counted on the working-day calendar
that reaches into a year the calendar does not cover was counted on weekends alone. The
case screen and the worklist banner say so; once HQ publishes that year's calendar (a
`calendar` reference document the context loads) the same question answers no, and
`apply_reference_data` counts each such open deadline again on it: a `deadline_recounted`
event (old and new deadline, why) on the case's timeline whenever the date moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from desktop.domain.documents import HOLDING_RESPONSE
from desktop.domain.model import OPEN_STATES, Actor, ComplaintView, Event, EventKind, Role, Status
from desktop.domain.policy import DeadlinePolicy, DeadlineState, Period
from desktop.domain.states import Action, check_transition
from desktop.services.context import ServiceContext, reload_reference_data
from desktop.store.events import append_local_event
from desktop.store.models import ComplaintRow, EventRow, ReferenceDocumentRow

# The program itself recounts, as the branch's administrator (records retention does the same).
CALENDAR_ACTOR = Actor("calendar", Role.ADMIN, "published calendar")


def _periods(policy: DeadlinePolicy, business_type: str | None, cause: str | None,
             extensions: int) -> list[Period]:
    """The periods a deadline with `extensions` granted was counted with."""
    rule = policy.rule_for(business_type or None, cause or None)
    periods = [rule.decision]
    for ext in rule.extensions[:extensions]:
        period = ext.total if ext.total is not None else ext.extra
        if period is not None:
            periods.append(period)
    return periods


def deadline_is_provisional(policy: DeadlinePolicy, received_at: datetime, due: datetime,
                            business_type: str | None, cause: str | None, extensions: int = 0) -> bool:
    """True when `due` depends on holidays of a year the policy's calendar does not cover."""
    return any(policy.is_provisional(received_at, due, period)
               for period in _periods(policy, business_type, cause, extensions))


def view_is_provisional(ctx: ServiceContext, view: ComplaintView) -> bool:
    """Whether the case's decision deadline is provisional under the policy in force."""
    return deadline_is_provisional(ctx.policy, view.received_at, view.decision_due,
                                   view.business_type, view.cause, view.extensions)


def acknowledgement_pending(ctx: ServiceContext, view: ComplaintView) -> datetime | None:
    """When a case still only received must be acknowledged, under a policy rule with an
    acknowledgement period (UK DISP 1.6.1: promptly, here 5 business days); else None."""
    if view.status is not Status.RECEIVED:
        return None
    return ctx.policy.acknowledgement_due(view.received_at, view.business_type or None,
                                          view.cause or None)


@dataclass(frozen=True, slots=True)
class HoldingResponseDue:
    """A holding response the case is owed (UK DISP 1.6.2): by when, and whether one was printed."""

    due: datetime
    printed: bool


def holding_response_pending(ctx: ServiceContext, view: ComplaintView,
                             timeline: list[Event]) -> HoldingResponseDue | None:
    """The holding response an open case is owed once its date is due soon or has passed,
    under a policy rule with a `holding_response` period and text; else None."""
    if not view.status.is_open:
        return None
    due = ctx.policy.holding_response_due(view.received_at, view.business_type or None,
                                          view.cause or None)
    if due is None or ctx.policy.time_left(due, ctx.now()).state is DeadlineState.ON_TIME:
        return None
    printed = any(e.kind is EventKind.DOCUMENT_PRINTED and e.payload.get("document") == HOLDING_RESPONSE
                  for e in timeline)
    return HoldingResponseDue(due=due, printed=printed)


def _first_uncovered_year(policy: DeadlinePolicy, today: date) -> int:
    year = today.year
    while policy.calendar.covers(date(year, 1, 1)):
        year += 1
    return year


def provisional_open_cases(ctx: ServiceContext) -> int:
    """How many open cases have a provisional decision deadline (the worklist banner).

    Only deadlines from the first year the calendar does not cover on can be provisional,
    so the store is asked for those alone and each is checked against its rule."""
    policy = ctx.policy
    year = _first_uncovered_year(policy, policy.local_day(ctx.now()))
    start = datetime.combine(date(year, 1, 1), time(), tzinfo=policy.tz)
    with ctx.store.read() as s:
        rows = s.execute(select(ComplaintRow.received_at, ComplaintRow.decision_due,
                                ComplaintRow.business_type, ComplaintRow.cause,
                                ComplaintRow.extensions)
                         .where(ComplaintRow.status.in_(OPEN_STATES),
                                ComplaintRow.decision_due >= start)).all()
    return sum(1 for received, due, business_type, cause, extensions in rows
               if deadline_is_provisional(policy, received, due, business_type, cause, extensions or 0))


@dataclass(frozen=True, slots=True)
class Recounted:
    """An open case whose provisional deadline the published calendar moved."""

    complaint_id: str
    reference: str
    previous_due: datetime
    new_due: datetime


def counted_due(policy: DeadlinePolicy, received_at: datetime, business_type: str | None,
                cause: str | None, extensions: int = 0) -> datetime:
    """The decision deadline `policy` gives a case received at `received_at` with
    `extensions` levels granted (each counted as the policy counts it)."""
    due = policy.decision_due(received_at, business_type or None, cause or None)
    for level in range(1, extensions + 1):
        due = policy.extension_target(received_at, due, level, business_type or None, cause or None)
    return due


def recount_provisional_deadlines(ctx: ServiceContext, before: DeadlinePolicy) -> list[Recounted]:
    """Count again, on the calendar now in `ctx.policy`, every open deadline that was
    provisional under `before` (the policy in force until HQ's calendar arrived); each one
    that moves gets a `deadline_recounted` event. Only cases this PC recorded are recounted
    here, so two counters of a branch never both write the same recount."""
    policy = ctx.policy
    year = _first_uncovered_year(before, before.local_day(ctx.now()))
    start = datetime.combine(date(year, 1, 1), time(), tzinfo=before.tz)
    done: list[Recounted] = []
    with ctx.store.write() as s:
        version = s.get(ReferenceDocumentRow, "calendar")
        mine = (select(EventRow.complaint_id)
                .where(EventRow.kind == EventKind.RECEIVED.value,
                       EventRow.device_id == ctx.device.device_id))
        rows = s.scalars(select(ComplaintRow).where(
            ComplaintRow.status.in_(OPEN_STATES), ComplaintRow.decision_due >= start,
            ComplaintRow.id.in_(mine))).all()
        now = ctx.now()
        for row in rows:
            extensions = row.extensions or 0
            if not deadline_is_provisional(before, row.received_at, row.decision_due,
                                           row.business_type, row.cause, extensions):
                continue
            if deadline_is_provisional(policy, row.received_at, row.decision_due,
                                       row.business_type, row.cause, extensions):
                continue  # the calendar published does not cover its year either
            new_due = counted_due(policy, row.received_at, row.business_type, row.cause, extensions)
            if new_due == row.decision_due or now > row.decision_due:
                continue
            check_transition(Status(row.status), Action.RECOUNT_DEADLINE, CALENDAR_ACTOR.role)
            done.append(Recounted(row.id, row.reference, row.decision_due, new_due))
            append_local_event(
                s, complaint_id=row.id, kind=EventKind.DEADLINE_RECOUNTED,
                payload={"previous_due": row.decision_due.isoformat(),
                         "new_due": new_due.isoformat(), "reason": "calendar_published",
                         "calendar_version": version.version if version is not None else 0},
                actor=CALENDAR_ACTOR.staff_number, actor_role=CALENDAR_ACTOR.role,
                device_id=ctx.device.device_id, branch_code=ctx.device.branch_code, now=now,
                business_date=ctx.business_date(now))
    return done


def apply_reference_data(ctx: ServiceContext, kinds: set[str] | frozenset[str]) -> list[Recounted]:
    """Put what HQ published (`kinds` of reference documents a pull brought) into the
    running program; a new calendar recounts the provisional deadlines it now covers."""
    if not {"policy", "calendar", "taxonomy"} & set(kinds):
        return []
    before = ctx.policy
    reload_reference_data(ctx)
    if "calendar" not in kinds:
        return []
    return recount_provisional_deadlines(ctx, before)


__all__ = [
    "HoldingResponseDue",
    "Recounted",
    "acknowledgement_pending",
    "apply_reference_data",
    "counted_due",
    "deadline_is_provisional",
    "holding_response_pending",
    "provisional_open_cases",
    "recount_provisional_deadlines",
    "view_is_provisional",
]
