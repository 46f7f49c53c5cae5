"""Deadline policies: when a decision is due, who may extend it, when the customer may
ask for a review, how long records are kept — all read from `resources/policies/*.json`.

No period is hard-coded here; a policy file names its time zone and working-day
calendar (`desktop.domain.calendar`) and holds a list of rules matched on the
complaint's business type and cause (first match wins; a rule without `match`
takes everything). Days are counted from the day after receipt, in the policy's
time zone, and a deadline is the end (23:59:59) of the due day.

File shape (see `cn_cbirc_2020.json` for a complete one)::

    {"id", "name": {zh_CN, en}, "source", "timezone", "calendar",
     "last_day_on_holiday": "keep" | "next_working_day",
     "due_soon": {"days": 3, "count": "calendar" | "working"},
     "withdrawal": "same_day", "retention_years": 3, "repeat_window_days": 180,
     "review": {"request_within": PERIOD, "decide_within": PERIOD} | null,
     "referral": {"months": 6, "body": {zh_CN, en}} | null,
     "rules": [{"id", "label", "match": {"business_type": [...], "cause": [...]},
                "decision": PERIOD, "max_total": PERIOD | null,
                "acknowledgement": PERIOD | null, "summary_resolution": PERIOD | null,
                "extensions": [{"level": 1, "total": PERIOD | "extra": PERIOD,
                                "approval": "branch" | "hq",
                                "approver_roles": [...], "notify_customer": true, "label"}]}],
     "decision_letter": {"required_parts": [...], "required_for_outcome": {OUTCOME: [...]}},
     "texts": {"<key>": {zh_CN, en}}}

An extension level approved at `"hq"` cannot be approved on the branch's PC: the branch
requests it and it takes effect when HQ's decision event arrives (desktop.services.extensions).
No extension is allowed once the deadline has passed (an overdue case stays overdue).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.domain.calendar import (
    WorkingCalendar,
    add_months,
    add_years_at_least,
    calendar_from_dict,
    load_calendar,
)
from desktop.domain.errors import DomainError, PermissionDenied, PolicyError
from desktop.domain.masking import DEFAULT_DOCUMENT_MASKING, DocumentMasking
from desktop.domain.model import Role
from desktop.domain.reference_files import (
    DayCount,
    DecisionLetterSpec,
    ExtensionSpec,
    IntakeSpec,
    MatchSpec,
    PeriodSpec,
    PolicyFile,
    ReferralSpec,
    ReviewSpec,
    RuleSpec,
    check,
)
from desktop.resources import load_json

DEFAULT_POLICY_ID = "cn_cbirc_2020"
END_OF_DAY = time(23, 59, 59)
_ID_PATTERN = re.compile(r"^[a-z0-9_]{1,60}$")


class DeadlineState(enum.StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class ExtensionNotAllowed(DomainError):
    """The policy has no such extension level, or it would not move the deadline later."""

    code = "deadline.extension_beyond_policy"


class ExtensionAfterDeadline(DomainError):
    """The deadline has already passed: a late extension would hide the breach."""

    code = "deadline.extension_after_due"


class ApproverNotAllowed(PermissionDenied):
    """The approver's role is not one the policy names for this extension level."""

    code = "deadline.approver_role_not_allowed"


@dataclass(frozen=True, slots=True)
class Period:
    days: int
    count: DayCount = DayCount.CALENDAR


@dataclass(frozen=True, slots=True)
class ExtensionLevel:
    """One step of extension: either `total` days from receipt or `extra` days past the current due day."""

    level: int
    approver_roles: frozenset[Role]
    total: Period | None
    extra: Period | None
    notify_customer: bool
    label: Mapping[str, str]
    approval: str = "branch"  # "hq": only an HQ decision event puts it into effect

    @property
    def needs_hq(self) -> bool:
        return self.approval == "hq"


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    id: str
    label: Mapping[str, str]
    business_types: tuple[str, ...]  # empty: any; a code also matches its sub-codes
    causes: tuple[str, ...]
    decision: Period
    extensions: tuple[ExtensionLevel, ...]
    max_total: Period | None
    acknowledgement: Period | None
    summary_resolution: Period | None
    holding_response: Period | None = None  # a holding response is due by then (UK DISP 1.6.2)

    def matches(self, business_type: str | None, cause: str | None) -> bool:
        return _code_matches(self.business_types, business_type) and _code_matches(self.causes, cause)


def _code_matches(codes: tuple[str, ...], value: str | None) -> bool:
    if not codes:
        return True
    return bool(value) and any(str(value).startswith(code) for code in codes)


@dataclass(frozen=True, slots=True)
class TimeLeft:
    """How a deadline stands at a moment: `remaining` and `days_left` are negative once overdue."""

    state: DeadlineState
    remaining: timedelta
    days_left: int
    working_days_left: int


@dataclass(frozen=True, slots=True)
class DeadlinePolicy:
    policy_id: str
    name: Mapping[str, str]
    source: str
    timezone: str
    calendar: WorkingCalendar
    rules: tuple[DeadlineRule, ...]
    due_soon: Period
    roll_forward_last_day: bool
    retention_years: int
    repeat_window_days: int
    review_request: Period | None
    review_decision: Period | None
    referral_months: int | None
    referral_body: Mapping[str, str]
    texts: Mapping[str, Mapping[str, str]]
    letter_parts: tuple[str, ...] = ()
    retention_action: str = "anonymise"  # or "purge": identity and all free text removed
    # What the intake must record (CBIRC Art. 7 and 13): data, not code.
    max_group_representatives: int = 5
    agent_needs_power_of_attorney: bool = True
    recording_reference_channels: tuple[str, ...] = ()
    corporate_needs_representative: bool = False
    letter_parts_by_outcome: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Per kind of document (masking.DOCUMENT_KINDS), which identity fields it prints masked.
    masking: Mapping[str, DocumentMasking] = field(default_factory=dict)

    # -- helpers ---------------------------------------------------------------------------

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def due_soon_days(self) -> int:
        return self.due_soon.days

    def local_day(self, moment: datetime) -> date:
        """The calendar day `moment` falls on in the policy's time zone.
        Raises ValueError for a naive datetime (a programming error, not a user's)."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("deadline arithmetic needs timezone-aware datetimes")
        return moment.astimezone(self.tz).date()

    def end_of_day(self, day: date) -> datetime:
        return datetime.combine(day, END_OF_DAY, tzinfo=self.tz)

    def count_from(self, day: date, period: Period) -> date:
        """The day `period` after `day` (which itself is not counted)."""
        if period.count is DayCount.WORKING:
            return self.calendar.add_working_days(day, period.days)
        due = day + timedelta(days=period.days)
        if self.roll_forward_last_day:
            due = self.calendar.next_working_day(due)
        return due

    def rule_for(self, business_type: str | None = None, cause: str | None = None) -> DeadlineRule:
        """The first rule matching the category. Raises PolicyError if none does
        (a policy file should end with a rule without `match`)."""
        for rule in self.rules:
            if rule.matches(business_type, cause):
                return rule
        raise PolicyError("policy.invalid", detail="no rule matches")

    def text(self, key: str, locale: str = "zh_CN") -> str:
        """A letter or notice text the policy carries (e.g. remedies open to the customer); '' if none."""
        texts = self.texts.get(key) or {}
        return texts.get(locale) or texts.get("en") or ""

    # -- deadlines -------------------------------------------------------------------------

    def decision_due(self, received_at: datetime, business_type: str | None = None,
                     cause: str | None = None) -> datetime:
        """When the decision must be made and told to the customer."""
        rule = self.rule_for(business_type, cause)
        return self.end_of_day(self.count_from(self.local_day(received_at), rule.decision))

    def acknowledgement_due(self, received_at: datetime, business_type: str | None = None,
                            cause: str | None = None) -> datetime | None:
        rule = self.rule_for(business_type, cause)
        if rule.acknowledgement is None:
            return None
        return self.end_of_day(self.count_from(self.local_day(received_at), rule.acknowledgement))

    def holding_response_due(self, received_at: datetime, business_type: str | None = None,
                             cause: str | None = None) -> datetime | None:
        """When a case not decided by then is owed a holding response (the policy's
        `holding_response` text, UK DISP 1.6.2); None where the rule or the policy has none."""
        rule = self.rule_for(business_type, cause)
        if rule.holding_response is None or not self.text("holding_response", "en"):
            return None
        return self.end_of_day(self.count_from(self.local_day(received_at), rule.holding_response))

    def max_extension_level(self, business_type: str | None = None, cause: str | None = None) -> int:
        return len(self.rule_for(business_type, cause).extensions)

    def extension_level(self, level: int, business_type: str | None = None,
                        cause: str | None = None) -> ExtensionLevel:
        """Extension step `level` (1-based). Raises ExtensionNotAllowed past the policy's last level."""
        rule = self.rule_for(business_type, cause)
        if not 1 <= level <= len(rule.extensions):
            raise ExtensionNotAllowed(level=level, max_level=len(rule.extensions))
        return rule.extensions[level - 1]

    def extended_due(self, received_at: datetime, current_due: datetime, level: int,
                     approver_role: Role | str, business_type: str | None = None,
                     cause: str | None = None, *, now: datetime | None = None) -> datetime:
        """The deadline after extension `level`, approved by someone in `approver_role`.

        Raises ExtensionNotAllowed when the level is beyond the policy or would not
        move the deadline later (the rule's `max_total` caps it), ApproverNotAllowed
        when the policy does not let that role approve this level, and
        ExtensionAfterDeadline when `now` is past the current deadline.
        """
        ext = self.extension_level(level, business_type, cause)
        try:
            role = Role(approver_role)
        except ValueError:
            raise ApproverNotAllowed(level=level, role=str(approver_role)[:20]) from None
        if role not in ext.approver_roles:
            raise ApproverNotAllowed(level=level, role=role.value)
        return self.extension_target(received_at, current_due, level, business_type, cause, now=now)

    def extension_target(self, received_at: datetime, current_due: datetime, level: int,
                         business_type: str | None = None, cause: str | None = None, *,
                         now: datetime | None = None) -> datetime:
        """The latest deadline extension `level` may set (whoever approves it).
        Raises ExtensionNotAllowed / ExtensionAfterDeadline as `extended_due` does."""
        ext = self.extension_level(level, business_type, cause)
        if now is not None and now > current_due:
            raise ExtensionAfterDeadline(level=level)
        rule = self.rule_for(business_type, cause)
        received = self.local_day(received_at)
        current = self.local_day(current_due)
        if ext.total is not None:
            new = self.count_from(received, ext.total)
        else:
            assert ext.extra is not None  # the loader insists on one of the two
            new = self.count_from(current, ext.extra)
        if rule.max_total is not None:
            new = min(new, self.count_from(received, rule.max_total))
        if new <= current:
            raise ExtensionNotAllowed("deadline.extension_not_later", level=level)
        return self.end_of_day(new)

    def due_soon_until(self, now: datetime) -> datetime:
        """Deadlines before this moment are "due soon" (counted in working days where the policy says so)."""
        today = self.local_day(now)
        if self.due_soon.count is DayCount.WORKING:
            return self.end_of_day(self.calendar.add_working_days(today, self.due_soon.days))
        return self.end_of_day(today + timedelta(days=self.due_soon.days))

    def counts_on_calendar(self, period: Period) -> bool:
        """Whether a period's result depends on the calendar's holidays."""
        return period.count is DayCount.WORKING or self.roll_forward_last_day

    def is_provisional(self, start: datetime, end: datetime, period: Period | None = None) -> bool:
        """True when a deadline from `start` to `end` depends on holidays of a year the calendar
        does not cover: it was counted on weekends alone and may move once HQ publishes the year."""
        if period is not None and not self.counts_on_calendar(period):
            return False
        first, last = self.local_day(start), self.local_day(end)
        return any(not self.calendar.covers(date(year, 1, 1)) for year in range(first.year, last.year + 1))

    def document_masking(self, kind: str) -> DocumentMasking:
        """Which identity fields a `kind` of document (receipt, letter, notice, day_end)
        prints masked: the policy's `masking` table, else the default for the kind."""
        if kind not in DEFAULT_DOCUMENT_MASKING:
            raise ValueError(f"unknown document kind {kind!r}")
        return self.masking.get(kind, DEFAULT_DOCUMENT_MASKING[kind])

    def required_letter_parts(self, outcome: str) -> tuple[str, ...]:
        """The parts a decision letter must carry for `outcome` (policy data)."""
        extra = self.letter_parts_by_outcome.get(str(outcome), ())
        return self.letter_parts + tuple(p for p in extra if p not in self.letter_parts)

    def time_left(self, due: datetime, now: datetime) -> TimeLeft:
        """Whether `due` is on time, due soon (within the policy's `due_soon` days) or overdue at `now`."""
        today = self.local_day(now)
        due_day = self.local_day(due)
        remaining = due - now
        if now > due:
            state = DeadlineState.OVERDUE
        else:
            if self.due_soon.count is DayCount.WORKING:
                soon_from = self.calendar.add_working_days(due_day, -self.due_soon.days)
            else:
                soon_from = due_day - timedelta(days=self.due_soon.days)
            state = DeadlineState.DUE_SOON if today >= soon_from else DeadlineState.ON_TIME
        return TimeLeft(state=state, remaining=remaining, days_left=(due_day - today).days,
                        working_days_left=self.calendar.working_days_between(today, due_day))

    def withdrawal_closes_on(self, withdrawn_at: datetime) -> date:
        """A withdrawal ends the case on the day it is received (in the policy's time zone)."""
        return self.local_day(withdrawn_at)

    def summary_resolution_due(self, received_at: datetime, business_type: str | None = None,
                               cause: str | None = None) -> datetime | None:
        """Resolved by then, a complaint gets a summary resolution communication (UK DISP); None if no such rule."""
        rule = self.rule_for(business_type, cause)
        if rule.summary_resolution is None:
            return None
        return self.end_of_day(self.count_from(self.local_day(received_at), rule.summary_resolution))

    def is_summary_resolution(self, received_at: datetime, resolved_at: datetime,
                              business_type: str | None = None, cause: str | None = None) -> bool:
        limit = self.summary_resolution_due(received_at, business_type, cause)
        return limit is not None and resolved_at <= limit

    def review_request_due(self, decision_received_at: datetime) -> datetime | None:
        """Last moment the customer may ask the superior office to review a decision; None if no review."""
        if self.review_request is None:
            return None
        return self.end_of_day(self.count_from(self.local_day(decision_received_at), self.review_request))

    def review_decision_due(self, review_requested_at: datetime) -> datetime | None:
        if self.review_decision is None:
            return None
        return self.end_of_day(self.count_from(self.local_day(review_requested_at), self.review_decision))

    def referral_due(self, final_response_at: datetime) -> datetime | None:
        """Last day the customer may refer the case to the ombudsman (e.g. 6 months); None if none."""
        if self.referral_months is None:
            return None
        return self.end_of_day(add_months(self.local_day(final_response_at), self.referral_months))

    def retain_until(self, closed_at: datetime) -> date:
        """The first day a closed complaint's records may be deleted."""
        return add_years_at_least(self.local_day(closed_at), self.retention_years)


# -- loading ---------------------------------------------------------------------------------

def _required_period(spec: PeriodSpec) -> Period:
    return Period(days=spec.days, count=spec.count)


def _period(spec: PeriodSpec | None) -> Period | None:
    return None if spec is None else _required_period(spec)


def _extension(spec: ExtensionSpec) -> ExtensionLevel:
    return ExtensionLevel(level=spec.level, approver_roles=frozenset(spec.approver_roles),
                          total=_period(spec.total), extra=_period(spec.extra),
                          notify_customer=spec.notify_customer, label=spec.label,
                          approval=spec.approval)


def _rule(spec: RuleSpec) -> DeadlineRule:
    match = spec.match or MatchSpec()
    return DeadlineRule(
        id=spec.id, label=spec.label,
        business_types=tuple(match.business_type), causes=tuple(match.cause),
        decision=_required_period(spec.decision),
        extensions=tuple(_extension(e) for e in spec.extensions),
        max_total=_period(spec.max_total),
        acknowledgement=_period(spec.acknowledgement),
        summary_resolution=_period(spec.summary_resolution),
        holding_response=_period(spec.holding_response),
    )


def policy_from_dict(data: Mapping[str, Any], calendar: WorkingCalendar | None = None) -> DeadlinePolicy:
    """Build a policy from its JSON form. `calendar` overrides the shipped calendar the
    file names (HQ may publish both). Raises PolicyError (detail naming the field path) for
    anything malformed: unknown time zone, role or count, missing label language, no
    catch-all rule. The shape is `reference_files.PolicyFile` (resources/schemas/policy.schema.json)."""
    spec = check(PolicyFile, data, "policy.invalid")
    review = spec.review or ReviewSpec()
    referral = spec.referral or ReferralSpec()
    letter = spec.decision_letter or DecisionLetterSpec()
    intake = spec.intake or IntakeSpec()
    return DeadlinePolicy(
        policy_id=spec.id,
        name=spec.name,
        source=spec.source,
        timezone=spec.timezone,
        calendar=calendar if calendar is not None else load_calendar(spec.calendar),
        rules=tuple(_rule(r) for r in spec.rules),
        due_soon=_required_period(spec.due_soon),
        roll_forward_last_day=spec.last_day_on_holiday == "next_working_day",
        retention_years=spec.retention_years,
        repeat_window_days=spec.repeat_window_days,
        review_request=_period(review.request_within),
        review_decision=_period(review.decide_within),
        referral_months=referral.months,
        referral_body=referral.body or {},
        texts=spec.texts,
        letter_parts=tuple(letter.required_parts),
        letter_parts_by_outcome={k: tuple(v) for k, v in letter.required_for_outcome.items()},
        retention_action=spec.retention_action,
        max_group_representatives=intake.max_group_representatives,
        agent_needs_power_of_attorney=intake.agent_needs_power_of_attorney,
        recording_reference_channels=tuple(intake.recording_reference_channels),
        corporate_needs_representative=intake.corporate_needs_representative,
        masking={kind: DocumentMasking.from_dict(row.model_dump())
                 for kind, row in spec.masking.items()},
    )


def load_policy(policy_id: str = DEFAULT_POLICY_ID) -> DeadlinePolicy:
    """The shipped policy `resources/policies/<policy_id>.json` with the calendar it names.
    Raises PolicyError (code `policy.unknown`) when there is no such file."""
    if not _ID_PATTERN.match(policy_id):
        raise PolicyError("policy.unknown", policy=policy_id[:60])
    try:
        data = load_json("policies", f"{policy_id}.json")
    except FileNotFoundError:
        raise PolicyError("policy.unknown", policy=policy_id) from None
    return policy_from_dict(data)


__all__ = [
    "DEFAULT_POLICY_ID",
    "ApproverNotAllowed",
    "DayCount",
    "DeadlinePolicy",
    "DeadlineRule",
    "DeadlineState",
    "ExtensionAfterDeadline",
    "ExtensionLevel",
    "ExtensionNotAllowed",
    "Period",
    "TimeLeft",
    "calendar_from_dict",
    "load_policy",
    "policy_from_dict",
]
