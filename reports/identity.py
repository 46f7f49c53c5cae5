"""Masking of identity data on paper (docs/ARCHITECTURE.md §7, §8: PIPL Art. 28).

Every document masks the identity fields it is given, whether the caller masked
them already or not, and masks ID, card and mobile numbers inside free text (a
description the customer dictated may hold one), so a full ID number never
reaches a PDF. The rules are `desktop.domain.masking`'s default policy, under
which a value that arrives already masked stays as it is.
"""

from __future__ import annotations

import re

from desktop.domain import masking

# A resident ID (17 digits + digit or X), a card number (13-19 digits), or a mainland
# mobile number (optionally +86, written plain or as 138-1234-5678), standing alone.
_LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{13,19})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z+])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])")


def mask_id_number(value: str) -> str:
    """An ID document or credit-code number as 110101********1234."""
    return masking.mask_id_number(value)


def mask_phone(value: str) -> str:
    """A phone number as 138****5678."""
    return masking.mask_phone(value)


def mask_name(value: str) -> str:
    """A person's name as 张*丰 / 张* / J*** S****."""
    return masking.mask_name(value)


def mask_address(value: str) -> str:
    """An address with only its province and city: 北京市**** / ****, London."""
    return masking.mask_address(value)


def _mask_long_number(match: re.Match[str]) -> str:
    text = match[0]
    is_id = len(text) == 18 or (len(text) == 15 and not text.startswith(("4", "5", "6")))
    return masking.mask_id_number(text) if is_id else masking.mask_card(text)


def scrub_free_text(text: str) -> str:
    """Free text with every ID, card and mobile number in it masked (not removed:
    the reader still sees that a number was there)."""
    text = _LONG_NUMBER.sub(_mask_long_number, text)
    return _MOBILE.sub(lambda m: masking.mask_phone(m[0]), text)
