"""Masking of identity data on paper (DESIGN §7, §8: PIPL Art. 28).

Every document masks the identity fields it is given, whether the caller masked
them already or not (masking is idempotent: a masked value masks to itself), and
scrubs free text — a description the customer dictated may hold an ID number or
a mobile number — so a full ID number never reaches a PDF.

The rules of the domain live in `desktop.domain.masking` (the configurable mask
policy); it is used when present. The fallbacks here apply the default policy:
ID first 6 + last 4, phone first 3 + last 4.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import cache
from types import ModuleType

MASK = "*"

# 15-19 characters: 15/18-digit resident IDs (last may be X) and bank card numbers.
_LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{5,9})(\d{3}[\dXx])(?![0-9A-Za-z])")
# Mainland mobile numbers, written plain or as 138-1234-5678 / 138 1234 5678.
_MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9])")


@cache
def _domain_masking() -> ModuleType | None:
    try:
        return importlib.import_module("desktop.domain.masking")
    except ImportError:
        return None


def _domain_rule(name: str) -> Callable[[str], str] | None:
    module = _domain_masking()
    rule = getattr(module, name, None) if module is not None else None
    return rule if callable(rule) else None


def _keep(value: str, head: int, tail: int) -> str:
    hidden = len(value) - head - tail
    if hidden <= 0:
        return value
    return value[:head] + MASK * hidden + (value[len(value) - tail:] if tail else "")


def mask_id_number(value: str) -> str:
    """An ID document or credit-code number as 110101********1234."""
    value = value.strip()
    rule = _domain_rule("mask_id_number")
    if rule is not None:
        return rule(value)
    if len(value) > 10:
        return _keep(value, 6, 4)
    if len(value) > 4:
        return _keep(value, 1, 2)
    return MASK * len(value)


def mask_phone(value: str) -> str:
    """A phone number as 138****5678."""
    value = value.strip()
    rule = _domain_rule("mask_phone")
    if rule is not None:
        return rule(value)
    if len(value) >= 11:
        return _keep(value, 3, 4)
    return _keep(value, 0, 4) if len(value) > 4 else MASK * len(value)


def _is_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def mask_name(value: str) -> str:
    """A person's name as 张*丰 / 张* / J*** S****."""
    value = value.strip()
    rule = _domain_rule("mask_name")
    if rule is not None:
        return rule(value)
    if _is_cjk(value):
        if len(value) <= 1:
            return value
        if len(value) == 2:
            return value[0] + MASK
        return _keep(value, 1, 1)
    return " ".join(_keep(word, 1, 0) for word in value.split())


def mask_address(value: str) -> str:
    """An address with only its region kept: 北京市朝阳区**** / ****, London."""
    value = value.strip()
    rule = _domain_rule("mask_address")
    if rule is not None:
        return rule(value)
    if not value or (value.endswith(MASK * 4) and len(value) <= 10):
        return value  # already masked
    if _is_cjk(value):
        head = min(6, len(value) // 2)
        return value[:head] + MASK * 4
    parts = [p.strip() for p in value.split(",") if p.strip()]
    return MASK * 4 + (", " + parts[-1] if len(parts) > 1 else "")


def scrub_free_text(text: str) -> str:
    """Mask ID/card numbers and mobile numbers that appear inside free text."""
    rule = _domain_rule("scrub_free_text")
    if rule is not None:
        return rule(text)
    text = _LONG_NUMBER.sub(lambda m: m[1] + MASK * len(m[2]) + m[3], text)
    return _MOBILE.sub(lambda m: m[1] + MASK * 4 + m[3], text)
