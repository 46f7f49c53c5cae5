"""Deadline policies (docs/ARCHITECTURE.md §8): decision deadlines, extensions and their approvers,
withdrawal, review windows, summary resolution, retention — for CN, UK and US."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import PermissionDenied, PolicyError
from desktop.domain.model import Role
from desktop.domain.policy import (
    ApproverNotAllowed,
    DeadlineState,
    ExtensionNotAllowed,
    load_policy,
    policy_from_dict,
)
from desktop.resources import load_json

SHANGHAI = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")

CN = load_policy("cn_cbirc_2020")
UK = load_policy("uk_fca_disp")
US = load_policy("us_cfpb")
PAYMENTS = "B0402"  # remittances and transfers, under payment and settlement (B04)


def _cn_data() -> dict[str, Any]:
    return copy.deepcopy(load_json("policies", "cn_cbirc_2020.json"))


def at(tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def end_of(tz: ZoneInfo, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=tz)


# -- China ----------------------------------------------------------------------------------

def test_default_policy_is_the_cbirc_one() -> None:
    assert load_policy().policy_id == "cn_cbirc_2020"


def test_decision_is_due_at_the_end_of_the_15th_calendar_day() -> None:
    due = CN.decision_due(at(SHANGHAI, 2025, 3, 3, 10, 0))
    assert due == end_of(SHANGHAI, date(2025, 3, 18))


def test_receipt_day_is_read_in_the_policys_time_zone() -> None:
    # 17:30 UTC on 2 March is 01:30 on 3 March in Beijing.
    due = CN.decision_due(at(UTC, 2025, 3, 2, 17, 30))
    assert due == end_of(SHANGHAI, date(2025, 3, 18))


def test_calendar_day_deadline_is_not_moved_off_a_holiday_by_default() -> None:
    assert CN.decision_due(at(SHANGHAI, 2025, 9, 16, 9)) == end_of(SHANGHAI, date(2025, 10, 1))


def test_a_policy_may_move_a_deadline_falling_on_a_holiday_to_the_next_working_day() -> None:
    data = _cn_data()
    data["last_day_on_holiday"] = "next_working_day"
    policy = policy_from_dict(data)
    assert policy.decision_due(at(SHANGHAI, 2025, 9, 16, 9)) == end_of(SHANGHAI, date(2025, 10, 9))


def test_complex_case_extended_twice_is_due_on_day_60() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    first = CN.decision_due(received)
    second = CN.extended_due(received, first, 1, Role.SUPERVISOR)
    third = CN.extended_due(received, second, 2, Role.HQ_OFFICER)
    assert (second.date() - received.date()).days == 30
    assert (third.date() - received.date()).days == 60
    assert third == end_of(SHANGHAI, date(2025, 5, 2))


def test_there_is_no_third_extension() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    with pytest.raises(ExtensionNotAllowed) as caught:
        CN.extended_due(received, end_of(SHANGHAI, date(2025, 5, 2)), 3, Role.HQ_OFFICER)
    assert caught.value.params == {"level": 3, "max_level": 2}
    with pytest.raises(ExtensionNotAllowed):
        CN.extended_due(received, CN.decision_due(received), 0, Role.SUPERVISOR)


@pytest.mark.parametrize(("level", "role"), [
    (1, Role.TELLER), (2, Role.SUPERVISOR), (2, Role.TELLER), (1, Role.AUDITOR), (2, Role.MANAGER),
])
def test_an_approver_with_the_wrong_role_is_refused(level: int, role: Role) -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    current = CN.decision_due(received) if level == 1 else end_of(SHANGHAI, date(2025, 4, 2))
    with pytest.raises(ApproverNotAllowed) as caught:
        CN.extended_due(received, current, level, role)
    assert isinstance(caught.value, PermissionDenied)
    assert caught.value.code == "deadline.approver_role_not_allowed"


def test_an_unknown_role_name_is_refused_as_an_approver() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    with pytest.raises(ApproverNotAllowed):
        CN.extended_due(received, CN.decision_due(received), 1, "branch_cat")


def test_an_extension_never_passes_the_60_day_ceiling() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    late_first_due = end_of(SHANGHAI, date(2025, 4, 20))  # day 48
    assert CN.extended_due(received, late_first_due, 2, Role.HQ_OFFICER) == end_of(SHANGHAI, date(2025, 5, 2))


def test_an_extension_that_would_not_move_the_deadline_is_refused() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    with pytest.raises(ExtensionNotAllowed) as caught:
        CN.extended_due(received, end_of(SHANGHAI, date(2025, 4, 10)), 1, Role.SUPERVISOR)
    assert caught.value.code == "deadline.extension_not_later"


def test_extension_levels_say_the_customer_must_be_told() -> None:
    level = CN.extension_level(2)
    assert level.notify_customer
    assert Role.HQ_OFFICER in level.approver_roles
    assert CN.max_extension_level() == 2


def test_withdrawn_complaint_ends_the_same_day() -> None:
    assert CN.withdrawal_closes_on(at(SHANGHAI, 2025, 3, 4, 23, 50)) == date(2025, 3, 4)
    # 16:30 UTC is already the next day in Beijing.
    assert CN.withdrawal_closes_on(at(UTC, 2025, 3, 3, 16, 30)) == date(2025, 3, 4)


def test_customer_may_ask_for_a_review_within_30_days_and_gets_it_within_30() -> None:
    decided = at(SHANGHAI, 2025, 3, 18, 15)
    assert CN.review_request_due(decided) == end_of(SHANGHAI, date(2025, 4, 17))
    assert CN.review_decision_due(at(SHANGHAI, 2025, 4, 1, 9)) == end_of(SHANGHAI, date(2025, 5, 1))


def test_records_are_kept_three_years_after_closing() -> None:
    assert CN.retention_years == 3
    assert CN.retain_until(at(SHANGHAI, 2025, 6, 30, 12)) == date(2028, 6, 30)
    assert CN.retain_until(at(SHANGHAI, 2024, 2, 29, 12)) == date(2027, 3, 1)


def test_cbirc_sets_no_acknowledgement_or_summary_deadline() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    assert CN.acknowledgement_due(received) is None
    assert CN.summary_resolution_due(received) is None
    assert not CN.is_summary_resolution(received, received)


def test_cbirc_decision_notice_names_the_remedies_and_the_hotline() -> None:
    assert "12378" in CN.text("decision_remedies", "zh_CN")
    assert "30 days" in CN.text("decision_remedies", "en")
    assert CN.text("no_such_text") == ""


# -- time left --------------------------------------------------------------------------------

def test_time_left_is_on_time_then_due_soon_then_overdue() -> None:
    due = end_of(SHANGHAI, date(2025, 3, 18))
    early = CN.time_left(due, at(SHANGHAI, 2025, 3, 10, 9))
    assert early.state is DeadlineState.ON_TIME and early.days_left == 8
    soon = CN.time_left(due, at(SHANGHAI, 2025, 3, 15, 9))
    assert soon.state is DeadlineState.DUE_SOON and soon.days_left == 3
    last_minute = CN.time_left(due, at(SHANGHAI, 2025, 3, 18, 23, 59))
    assert last_minute.state is DeadlineState.DUE_SOON and last_minute.remaining > timedelta(0)
    late = CN.time_left(due, at(SHANGHAI, 2025, 3, 19, 0, 0))
    assert late.state is DeadlineState.OVERDUE
    assert late.remaining < timedelta(0) and late.days_left == -1


def test_time_left_counts_working_days_too() -> None:
    due = end_of(SHANGHAI, date(2025, 2, 10))
    left = CN.time_left(due, at(SHANGHAI, 2025, 1, 24, 9))
    assert left.working_days_left == 7


def test_due_soon_in_working_days_looks_past_a_bank_holiday() -> None:
    # UK: due soon with 5 business days left; Good Friday and Easter Monday do not count,
    # so 9 calendar days before Friday 25 April 2025 is already due soon.
    due = end_of(LONDON, date(2025, 4, 25))
    soon = UK.time_left(due, at(LONDON, 2025, 4, 16, 9))
    assert soon.state is DeadlineState.DUE_SOON and soon.working_days_left == 5
    assert soon.days_left == 9
    assert UK.time_left(due, at(LONDON, 2025, 4, 15, 9)).state is DeadlineState.ON_TIME


def test_naive_times_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        CN.decision_due(datetime(2025, 3, 3, 10))


# -- United Kingdom ---------------------------------------------------------------------------

def test_uk_final_response_is_due_8_weeks_after_receipt() -> None:
    due = UK.decision_due(at(LONDON, 2025, 1, 6, 11))
    assert due == end_of(LONDON, date(2025, 3, 3))
    assert UK.max_extension_level("B0201") == 0


def test_uk_payment_services_complaint_is_due_in_15_business_days_extendable_to_35() -> None:
    received = at(LONDON, 2025, 4, 16, 11)  # Good Friday, Easter Monday and 5 May fall inside
    due = UK.decision_due(received, PAYMENTS)
    assert due == end_of(LONDON, date(2025, 5, 12))
    assert UK.calendar.working_days_between(date(2025, 4, 16), date(2025, 5, 12)) == 15
    extended = UK.extended_due(received, due, 1, Role.SUPERVISOR, PAYMENTS)
    assert extended == end_of(LONDON, date(2025, 6, 10))
    assert UK.calendar.working_days_between(date(2025, 4, 16), date(2025, 6, 10)) == 35
    with pytest.raises(ExtensionNotAllowed):
        UK.extended_due(received, extended, 2, Role.MANAGER, PAYMENTS)


def test_uk_complaint_resolved_by_the_third_business_day_gets_a_summary_resolution() -> None:
    received = at(LONDON, 2025, 4, 17, 16)  # Thursday before Easter
    assert UK.summary_resolution_due(received) == end_of(LONDON, date(2025, 4, 24))
    assert UK.is_summary_resolution(received, at(LONDON, 2025, 4, 24, 17))
    assert not UK.is_summary_resolution(received, at(LONDON, 2025, 4, 25, 9))


def test_uk_acknowledgement_and_ombudsman_referral_window() -> None:
    assert UK.acknowledgement_due(at(LONDON, 2025, 3, 3, 9)) == end_of(LONDON, date(2025, 3, 10))
    assert UK.referral_due(at(LONDON, 2025, 8, 31, 12)) == end_of(LONDON, date(2026, 2, 28))
    assert UK.referral_body["en"] == "Financial Ombudsman Service"
    assert UK.review_request_due(at(LONDON, 2025, 3, 3, 9)) is None


# -- United States ----------------------------------------------------------------------------

def test_us_response_is_due_in_15_days_and_closure_in_60() -> None:
    received = at(NEW_YORK, 2025, 3, 3, 10)
    due = US.decision_due(received)
    assert due == end_of(NEW_YORK, date(2025, 3, 18))
    closing = US.extended_due(received, due, 1, Role.SUPERVISOR)
    assert closing == end_of(NEW_YORK, date(2025, 5, 2))
    with pytest.raises(ExtensionNotAllowed):
        US.extended_due(received, closing, 2, Role.MANAGER)


# -- rules by category ------------------------------------------------------------------------

def test_rules_are_matched_on_business_type_and_its_sub_codes() -> None:
    data = _cn_data()
    loans = copy.deepcopy(data["rules"][0])
    loans.update(id="loans", match={"business_type": ["B02"]},
                 decision={"days": 10, "count": "working"})
    data["rules"].insert(0, loans)
    policy = policy_from_dict(data)
    received = at(SHANGHAI, 2025, 1, 24, 9)
    assert policy.decision_due(received, "B0201") == end_of(SHANGHAI, date(2025, 2, 13))
    assert policy.decision_due(received, "B03") == end_of(SHANGHAI, date(2025, 2, 8))
    assert policy.decision_due(received) == end_of(SHANGHAI, date(2025, 2, 8))
    assert policy.rule_for("B02").id == "loans"


def test_a_payment_complaint_under_cbirc_is_still_15_days() -> None:
    received = at(SHANGHAI, 2025, 3, 3, 10)
    assert CN.decision_due(received, PAYMENTS) == CN.decision_due(received)


@given(st.datetimes(datetime(2025, 1, 1), datetime(2026, 10, 1), timezones=st.just(UTC)))
def test_any_receipt_moment_gets_day_15_then_30_then_60(received: datetime) -> None:
    day0 = received.astimezone(SHANGHAI).date()
    due = CN.decision_due(received)
    assert due > received and due.timetz().replace(tzinfo=None).isoformat() == "23:59:59"
    assert (CN.local_day(due) - day0).days == 15
    second = CN.extended_due(received, due, 1, Role.MANAGER)
    assert (CN.local_day(second) - day0).days == 30
    assert (CN.local_day(CN.extended_due(received, second, 2, Role.HQ_OFFICER)) - day0).days == 60


@given(st.datetimes(datetime(2025, 1, 1), datetime(2026, 10, 1), timezones=st.just(UTC)))
def test_any_uk_payment_complaint_gets_exactly_15_business_days(received: datetime) -> None:
    due = UK.decision_due(received, PAYMENTS)
    assert UK.calendar.working_days_between(UK.local_day(received), UK.local_day(due)) == 15
    assert UK.calendar.is_working_day(UK.local_day(due))


# -- loading ----------------------------------------------------------------------------------

@pytest.mark.parametrize("policy_id", ["cn_cbirc_2020", "uk_fca_disp", "us_cfpb"])
def test_every_shipped_policy_loads_with_both_languages(policy_id: str) -> None:
    policy = load_policy(policy_id)
    assert policy.name["zh_CN"] and policy.name["en"]
    for rule in policy.rules:
        assert rule.label["zh_CN"] and rule.label["en"]
    for key in policy.texts:
        assert policy.text(key, "zh_CN") and policy.text(key, "en")


@pytest.mark.parametrize("policy_id", ["../calendars/cn", "nope", ""])
def test_unknown_or_unsafe_policy_ids_are_refused(policy_id: str) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(policy_id)
    assert caught.value.code == "policy.unknown"


def _broken(change: str) -> dict[str, Any]:
    data = _cn_data()
    rule = data["rules"][0]
    if change == "no catch-all":
        rule["match"] = {"business_type": ["B02"]}
    elif change == "levels out of order":
        rule["extensions"][0]["level"] = 2
    elif change == "total and extra":
        rule["extensions"][0]["extra"] = {"days": 5}
    elif change == "unknown role":
        rule["extensions"][0]["approver_roles"] = ["janitor"]
    elif change == "bad time zone":
        data["timezone"] = "Mars/Olympus_Mons"
    elif change == "unknown count":
        rule["decision"]["count"] = "lunar"
    elif change == "label without english":
        rule["label"] = {"zh_CN": "一般投诉"}
    elif change == "missing decision":
        del rule["decision"]
    return data


@pytest.mark.parametrize("change", [
    "no catch-all", "levels out of order", "total and extra", "unknown role", "bad time zone",
    "unknown count", "label without english", "missing decision",
])
def test_a_malformed_policy_file_is_refused_with_a_policy_error(change: str) -> None:
    with pytest.raises(PolicyError):
        policy_from_dict(_broken(change))
