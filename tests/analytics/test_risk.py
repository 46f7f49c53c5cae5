"""Risk signals at intake, each explaining itself, from rules kept as data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from desktop.domain.model import Actor
from desktop.domain.risk import rising_categories, risk_rules
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.services.intake import GroupComplaint
from desktop.services.risk import intake_risk
from tests.conftest import SettableClock
from tests.services.intakes import sample_customer, sample_intake

# The sample customer's ID number 11010519491231002X: born 31 December 1949.


def codes(ctx: ServiceContext, **changes: object) -> list[str]:
    return [s.code for s in intake_risk(ctx, sample_intake(**changes))]


def test_a_plain_intake_of_a_younger_new_customer_raises_nothing(ctx: ServiceContext) -> None:
    young = replace(sample_customer(), id_number="110101199003071234")
    assert codes(ctx, customer=young) == []


def test_an_elderly_customer_from_the_id_numbers_birth_date(ctx: ServiceContext) -> None:
    [signal] = intake_risk(ctx, sample_intake())
    assert (signal.code, dict(signal.params)) == ("elderly", {"age": 76, "limit": 65})
    assert signal.explain("zh_CN") == "老年客户（76 岁，65 岁及以上）"
    assert signal.explain("en") == "An elderly customer (76, 65 or over)"


def test_amount_keywords_and_group(ctx: ServiceContext) -> None:
    young = replace(sample_customer(), id_number="110101199003071234")
    signals = intake_risk(ctx, sample_intake(
        customer=young, amount=Decimal("50000.01"),
        description="如不解决将向银保监投诉并找记者曝光", request="Otherwise I will sue the bank.",
        group=GroupComplaint(representatives=(), people=30)))
    assert [(s.code, dict(s.params)) for s in signals] == [
        ("amount_over", {"threshold": "50000.00"}), ("mentions_regulator", {"word": "银保监"}),
        ("mentions_media", {"word": "记者"}), ("mentions_lawsuit", {"word": "sue"}), ("group", {})]
    assert codes(ctx, customer=young, amount=Decimal("50000.00")) == []  # over, not at
    # A whole word: "issue" holds "sue" but mentions no lawsuit.
    assert codes(ctx, customer=young, request="Please look into the issue.") == []


def test_a_repeat_complainant_within_the_days_and_earlier_escalation(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    clock.advance(days=10)
    signals = {s.code: s for s in intake_risk(ctx, sample_intake())}
    assert dict(signals["repeat_complainant"].params) == {"count": 1, "days": 30}
    assert signals["repeat_complainant"].explain("en") == (
        "The customer complained 1 time within 30 days")
    assert "previously_escalated" not in signals
    uc.escalate(ctx, supervisor, cid, "涉及多个部门")
    clock.advance(days=25)  # 35 days after: no longer a repeat within 30, still escalated before
    assert codes(ctx) == ["elderly", "previously_escalated"]


def test_a_category_rising_week_over_week_is_flagged() -> None:
    rules = risk_rules()
    assert (rules.rise_share, rules.rise_min_count) == (0.5, 5)
    got = rising_categories({"B01": 9, "B02": 6, "B03": 4, "B04": 5},
                            {"B01": 6, "B02": 5, "B03": 1})
    assert got == [("B04", 0, 5), ("B01", 6, 9)]  # B02 rose 20 %, B03 holds fewer than 5


def test_the_rules_are_data(ctx: ServiceContext) -> None:
    rules = replace(risk_rules(), elderly_age=80)
    from desktop.domain.risk import IntakeFacts, assess

    facts = IntakeFacts(amount=None, texts=(), id_type="resident_id",
                        id_number="11010519491231002X", group=False, earlier_within_days=0,
                        earlier_escalated=False)
    assert assess(facts, date(2026, 3, 2), rules) == []
    assert [s.code for s in assess(facts, date(2026, 3, 2))] == ["elderly"]
