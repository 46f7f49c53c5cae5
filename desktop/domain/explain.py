"""Every deadline the policy engine computes for one complaint, with the rule it comes from
and whether it is provisional (`complaint-desk admin policy explain`): what a compliance
officer checks the policy files against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.errors import DomainError
from desktop.domain.policy import DayCount, DeadlinePolicy, Period


@dataclass(frozen=True, slots=True)
class ExplainedDeadline:
    kind: str  # acknowledgement | decision | extension_<n> | summary_resolution | max_total
    due: datetime
    provisional: bool
    rule: str  # the policy rule id and what it says
    period: str  # e.g. "15 working days from receipt"
    approval: str = ""  # for an extension: branch | hq, and the roles


def _period(period: Period, start: str) -> str:
    unit = "working days" if period.count is DayCount.WORKING else "calendar days"
    return f"{period.days} {unit} from {start}"


def explain_deadlines(policy: DeadlinePolicy, received_at: datetime, business_type: str | None,
                      cause: str | None = None) -> list[ExplainedDeadline]:
    """The deadlines of a complaint received at `received_at` in this category, in order."""
    rule = policy.rule_for(business_type, cause)
    where = f"{policy.policy_id}:{rule.id} ({rule.label.get('en', rule.id)})"
    out: list[ExplainedDeadline] = []

    def add(kind: str, due: datetime, period: Period, start: str, approval: str = "") -> None:
        out.append(ExplainedDeadline(kind=kind, due=due, rule=where, period=_period(period, start),
                                     provisional=policy.is_provisional(received_at, due, period),
                                     approval=approval))

    if rule.acknowledgement is not None:
        add("acknowledgement", policy.acknowledgement_due(received_at, business_type, cause) or received_at,
            rule.acknowledgement, "receipt")
    if rule.summary_resolution is not None:
        add("summary_resolution",
            policy.summary_resolution_due(received_at, business_type, cause) or received_at,
            rule.summary_resolution, "receipt")
    due = policy.decision_due(received_at, business_type, cause)
    add("decision", due, rule.decision, "receipt")
    for ext in rule.extensions:
        try:
            due = policy.extension_target(received_at, due, ext.level, business_type, cause)
        except DomainError:
            break
        roles = ",".join(sorted(r.value for r in ext.approver_roles))
        period = ext.total if ext.total is not None else ext.extra
        assert period is not None
        start = "receipt" if ext.total is not None else "the previous deadline"
        add(f"extension_{ext.level}", due, period, start, f"{ext.approval}:{roles}")
    if rule.max_total is not None:
        cap = policy.end_of_day(policy.count_from(policy.local_day(received_at), rule.max_total))
        add("max_total", cap, rule.max_total, "receipt")
    return out
