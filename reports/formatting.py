"""Labels, dates, numbers and money as a reader of the chosen locale expects them.

Labels are message codes `report.*` in resources/i18n/<locale>/reports.json,
looked up through desktop.i18n so the documents and the core share one catalogue.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.i18n import normalise_locale, translate

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_CURRENCY_ZH = {"USD": "美元", "EUR": "欧元", "HKD": "港元", "GBP": "英镑", "JPY": "日元"}


def is_chinese(locale: str) -> bool:
    return normalise_locale(locale) == "zh_CN"


def label(code: str, locale: str, **params: Any) -> str:
    """The text of `report.<code>` in `locale`."""
    return translate(f"report.{code}", locale, **params)


def format_date(value: date, locale: str) -> str:
    """2024年3月5日 / 5 March 2024."""
    if is_chinese(locale):
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime, locale: str) -> str:
    """2024年3月5日 14:30 / 5 March 2024, 14:30 (local wall time as given)."""
    clock = f"{value.hour:02d}:{value.minute:02d}"
    if is_chinese(locale):
        return f"{format_date(value, locale)} {clock}"
    return f"{format_date(value, locale)}, {clock}"


def format_count(value: int, locale: str) -> str:
    """1,234 in both locales (Chinese banking documents group by thousands too)."""
    return f"{value:,}"


def format_money(amount: Decimal, locale: str, currency: str = "CNY") -> str:
    """人民币1,234.56元 / CNY 1,234.56. Rounds half up to the cent, as banks do."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    figure = f"{cents:,.2f}"
    if is_chinese(locale):
        if currency == "CNY":
            return f"人民币{figure}元"
        name = _CURRENCY_ZH.get(currency)
        return f"{figure}{name}" if name else f"{currency} {figure}"
    return f"{currency} {figure}"


def days_phrase(days: int, locale: str) -> str:
    """15日 / 15 days."""
    return label("days", locale, days=days)
