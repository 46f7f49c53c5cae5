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
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
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


SIGNAL_CODES = ("repeat_complainant", "amount_over", "elderly", "mentions_regulator",
                "mentions_media", "mentions_lawsuit", "previously_escalated", "group")
# The signals that read the customer's other complaints: they change when those do.
HISTORY_CODES = frozenset({"repeat_complainant", "previously_escalated"})


def assess(facts: IntakeFacts, today: date, rules: RiskRules | None = None) -> list[RiskSignal]:
    """The signals an intake raises, in a fixed order (`SIGNAL_CODES`)."""
    r = rules or risk_rules()
    return in_order(own_signals(facts, today, r) + history_signals(
        facts.earlier_within_days, facts.earlier_escalated, r))


def own_signals(facts: IntakeFacts, today: date, rules: RiskRules | None = None) -> list[RiskSignal]:
    """The signals of the complaint's own facts (amount, age, words, group)."""
    r = rules or risk_rules()
    found: list[RiskSignal] = []
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
    if facts.group:
        found.append(RiskSignal("group"))
    return found


def history_signals(earlier_within_days: int, earlier_escalated: bool,
                    rules: RiskRules | None = None) -> list[RiskSignal]:
    """The signals of the customer's earlier complaints (`HISTORY_CODES`)."""
    r = rules or risk_rules()
    found: list[RiskSignal] = []
    if earlier_within_days:
        found.append(RiskSignal("repeat_complainant", {"count": earlier_within_days,
                                                       "days": r.repeat_complainant_days}))
    if earlier_escalated:
        found.append(RiskSignal("previously_escalated"))
    return found


def in_order(signals: Sequence[RiskSignal]) -> list[RiskSignal]:
    return sorted(signals, key=lambda s: SIGNAL_CODES.index(s.code))


def receipt_facts(payload: Mapping[str, Any]) -> IntakeFacts:
    """The own facts of a complaint as its `received` event carries them (the history
    fields zero: `history_of` gives those)."""
    customer = payload.get("customer") or {}
    try:
        amount = Decimal(str(payload["amount"])) if payload.get("amount") not in (None, "") else None
    except (InvalidOperation, ValueError):
        amount = None
    return IntakeFacts(
        amount=amount, texts=tuple(str(payload.get(k) or "") for k in ("description", "request",
                                                                        "grounds")),
        id_type=customer.get("id_type") or None, id_number=str(customer.get("id_number") or ""),
        group=bool(payload.get("group")), earlier_within_days=0, earlier_escalated=False)


def history_of(received_at: datetime, others: Sequence[tuple[datetime, int]],
               rules: RiskRules | None = None) -> tuple[int, bool]:
    """(earlier complaints within the rule's days, one of the earlier ones escalated) of a
    complaint received at `received_at`, from (received at, escalation level) of the
    customer's other complaints: the same facts the intake reads, as of that receipt."""
    r = rules or risk_rules()
    since = received_at - timedelta(days=r.repeat_complainant_days)
    earlier = [(at, level) for at, level in others if at < received_at]
    return (sum(1 for at, _ in earlier if at >= since), any(level > 0 for _, level in earlier))


def signals_to_data(signals: Sequence[RiskSignal]) -> list[dict[str, Any]]:
    """Signals as stored on the complaint row (JSON)."""
    return [{"code": s.code, "params": dict(s.params)} for s in signals]


def signals_from_data(data: Any) -> tuple[RiskSignal, ...]:
    """Signals as stored (None or [] for none); codes this version does not know are left out."""
    return tuple(RiskSignal(str(d["code"]), dict(d.get("params") or {})) for d in data or ()
                 if str(d.get("code")) in SIGNAL_CODES)


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
