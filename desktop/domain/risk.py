"""Risk signals (风险评估) as policy data (resources/risk_rules.json), each one explaining itself:
a message code and the parameters that say why it fired (never identity data).

- repeat complainant: the customer complained before within N days;
- amount over the threshold;
- an elderly customer, from the resident ID number's birth date (age configurable);
- the text mentions the regulator, the media or a lawsuit (keyword lists, zh and en);
- previously escalated: one of the customer's earlier complaints was escalated;
- a group complaint.
And for the dashboard: a category whose complaints rose week over week by the configured share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from stdnum.cn import ric

from desktop.i18n import translate
from desktop.resources import load_json

KEYWORD_KINDS = ("regulator", "media", "lawsuit")


@dataclass(frozen=True, slots=True)
class RiskRules:
    repeat_complainant_days: int
    amount_over: Decimal
    elderly_age: int
    keywords: Mapping[str, tuple[str, ...]]
    rise_share: float
    rise_min_count: int


@cache
def risk_rules() -> RiskRules:
    d = load_json("risk_rules.json")
    return rules_from_dict(d)


def rules_from_dict(d: Mapping[str, Any]) -> RiskRules:
    return RiskRules(
        repeat_complainant_days=int(d["repeat_complainant_days"]),
        amount_over=Decimal(str(d["amount_over"])), elderly_age=int(d["elderly_age"]),
        keywords={k: tuple(str(w) for w in d["keywords"].get(k, ())) for k in KEYWORD_KINDS},
        rise_share=float(d["category_rise"]["share"]),
        rise_min_count=int(d["category_rise"]["min_count"]))


@dataclass(frozen=True, slots=True)
class RiskSignal:
    code: str  # risk.<code> is its explanation
    params: Mapping[str, Any] = field(default_factory=dict)

    def explain(self, locale: str) -> str:
        return translate(f"risk.{self.code}", locale, **self.params)


@dataclass(frozen=True, slots=True)
class IntakeFacts:
    """What the signals read of an intake and of the customer's history."""

    amount: Decimal | None
    texts: Sequence[str]
    id_type: str | None
    id_number: str
    group: bool
    earlier_within_days: int  # the customer's complaints received within the rule's days
    earlier_escalated: bool


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _mentions(text: str, word: str) -> bool:
    """A Latin word as a whole word ("sue", not "issue"); Chinese anywhere in the text."""
    if word.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    return word in text


def age_on(id_number: str, today: date) -> int | None:
    """The age of the holder of a valid resident ID number on `today`; None otherwise."""
    try:
        born = ric.get_birth_date(ric.validate(id_number))
    except Exception:  # not a valid resident ID number: no age
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def assess(facts: IntakeFacts, today: date, rules: RiskRules | None = None) -> list[RiskSignal]:
    """The signals an intake raises, in a fixed order."""
    r = rules or risk_rules()
    found: list[RiskSignal] = []
    if facts.earlier_within_days:
        found.append(RiskSignal("repeat_complainant", {"count": facts.earlier_within_days,
                                                       "days": r.repeat_complainant_days}))
    if facts.amount is not None and facts.amount > r.amount_over:
        found.append(RiskSignal("amount_over", {"threshold": str(r.amount_over)}))
    if facts.id_type in (None, "resident_id") and facts.id_number:
        age = age_on(facts.id_number, today)
        if age is not None and age >= r.elderly_age:
            found.append(RiskSignal("elderly", {"age": age, "limit": r.elderly_age}))
    text = _fold("\n".join(facts.texts))
    for kind in KEYWORD_KINDS:
        word = next((w for w in r.keywords[kind] if _mentions(text, _fold(w))), None)
        if word is not None:
            found.append(RiskSignal(f"mentions_{kind}", {"word": word}))
    if facts.earlier_escalated:
        found.append(RiskSignal("previously_escalated"))
    if facts.group:
        found.append(RiskSignal("group"))
    return found


def rising_categories(this_week: Mapping[str, int], last_week: Mapping[str, int],
                      rules: RiskRules | None = None) -> list[tuple[str, int, int]]:
    """(category, last week, this week) of the categories that rose by the rule's share at
    least (and hold at least its minimum count this week), most risen first."""
    r = rules or risk_rules()
    out = []
    for code, now in this_week.items():
        before = last_week.get(code, 0)
        if now >= r.rise_min_count and now >= before * (1 + r.rise_share) and now > before:
            out.append((code, before, now))
    return sorted(out, key=lambda t: (-(t[2] - t[1]), t[0]))
