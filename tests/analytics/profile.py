"""A small branch profile whose statistics are counted by hand (the figures in the tests).

Received on Monday 2 March 2026 (Beijing), all in March's first half unless said:
  A  B0101 / R0101, channel C01: upheld on 4 March, closed
  B  B0101 / R0102, channel C01: partly upheld on 3 March
  C  B0102 / R0101, no channel:  withdrawn on 4 March
  D  B0102 / R0101, channel C01: still open on 20 April, long past its deadline
  E  B0101 / R0101, channel C01: not upheld on 20 April, after its deadline
  F  the same customer again about A's matter (repeat_of A), left open: not counted again
  G  B0101 / R0101, channel C02: received 20 April (outside March), open
The clock then stands at 20 April 2026, 10:00 Beijing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.model import Actor, Outcome
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from tests.conftest import SettableClock
from tests.services.intakes import DECISION_PARTS, sample_intake

APRIL_20 = datetime(2026, 4, 20, 2, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Profile:
    ids: dict[str, str]  # letter → complaint id


def build_profile(ctx: ServiceContext, clock: SettableClock, teller: Actor,
                  supervisor: Actor) -> Profile:
    def record(business_type: str, cause: str, channel: str, repeat_of: str | None = None) -> str:
        intake = sample_intake(business_type=business_type, cause=cause,
                               business_channel=channel, repeat_of=repeat_of)
        return uc.record_complaint(ctx, teller, intake).complaint_id

    ids = {"A": record("B0101", "R0101", "C01"), "B": record("B0101", "R0102", "C01"),
           "C": record("B0102", "R0101", ""), "D": record("B0102", "R0101", "C01"),
           "E": record("B0101", "R0101", "C01")}
    ids["F"] = record("B0101", "R0101", "C01", repeat_of=ids["A"])
    clock.advance(days=1)
    uc.resolve(ctx, teller, ids["B"], outcome=Outcome.PARTLY_UPHELD, findings="部分属实",
               **DECISION_PARTS)
    clock.advance(days=1)
    uc.resolve(ctx, teller, ids["A"], outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS)
    uc.close(ctx, teller, ids["A"])
    uc.withdraw(ctx, teller, ids["C"], "客户撤回")
    clock.current = APRIL_20
    uc.resolve(ctx, supervisor, ids["E"], outcome=Outcome.NOT_UPHELD, findings="不属实",
               **DECISION_PARTS)
    ids["G"] = record("B0101", "R0101", "C02")
    return Profile(ids)
