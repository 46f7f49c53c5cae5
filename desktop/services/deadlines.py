"""Provisional deadlines (issue 13, rule 11): a deadline counted on the working-day calendar
that reaches into a year the calendar does not cover was counted on weekends alone. The
case screen and the worklist banner say so; once HQ publishes that year's calendar (a
`calendar` reference document the context loads) the same question answers no.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from desktop.domain.model import OPEN_STATES, ComplaintView, Status
from desktop.domain.policy import DeadlinePolicy, Period
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow


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


__all__ = ["acknowledgement_pending", "deadline_is_provisional", "provisional_open_cases", "view_is_provisional"]
