"""Masking identity data for paper and logs (PIPL Art. 28: ID numbers and accounts are sensitive).

The mask policy is configuration (HQ may publish a stricter one): how many
leading and trailing characters of an ID number, phone number and card number
stay visible, and how names and addresses are shortened. The defaults follow
docs/ARCHITECTURE.md §8: ID 110101********1234, phone 138****5678 (a foreign one keeps its
country code: +44 791****3456), card 622202******1234,
name 张*明 / 张*, address keeps its province and city.

`scrub()` removes ID, phone and card numbers from free text before it is logged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

_DEFAULT_MASK_CHAR = "*"
_ADDRESS_TAIL = "****"
# Two-character surnames, so that 欧阳明 masks to 欧阳* and not 欧**.
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 司徒 夏侯 长孙 宇文 轩辕 "
    "澹台 端木 申屠 太史 呼延 南宫 独孤 闻人 西门 公冶 濮阳 淳于 单于 钟离 赫连".split()
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PROVINCE = re.compile(r"^(.{2,10}?(?:省|自治区|特别行政区))")
_CITY = re.compile(r"^(.{2,10}?(?:市|自治州|地区|盟))")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Keep:
    """Characters left visible at the start and at the end."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class MaskPolicy:
    id_number: Keep = Keep(6, 4)
    phone: Keep = Keep(3, 4)
    card: Keep = Keep(6, 4)
    name_keeps_last_character: bool = True  # 张*明 (True) or 张** (False)
    address_keeps_city: bool = True  # 广东省深圳市**** (True) or 广东省**** (False)
    mask_char: str = _DEFAULT_MASK_CHAR

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MaskPolicy:
        """A policy from settings, e.g. {"id_number": [6, 4], "phone": [3, 4], "mask_char": "*"};
        missing keys keep their defaults. Raises ValueError for negative or non-numeric counts."""
        default = cls()

        def keep(key: str, fallback: Keep) -> Keep:
            if key not in data:
                return fallback
            first, last = (int(n) for n in data[key])
            if first < 0 or last < 0:
                raise ValueError(f"{key}: counts must not be negative")
            return Keep(first, last)

        mask_char = str(data.get("mask_char", default.mask_char))
        if len(mask_char) != 1:
            raise ValueError("mask_char must be one character")
        return cls(
            id_number=keep("id_number", default.id_number),
            phone=keep("phone", default.phone),
            card=keep("card", default.card),
            name_keeps_last_character=bool(data.get("name_keeps_last_character", True)),
            address_keeps_city=bool(data.get("address_keeps_city", True)),
            mask_char=mask_char,
        )


DEFAULT_MASK_POLICY = MaskPolicy()

# The kinds of paper a policy's `masking` table speaks of (docs/ARCHITECTURE.md §8).
DOCUMENT_KINDS = ("receipt", "letter", "notice", "day_end")
IDENTITY_FIELDS = ("name", "address", "id_number", "phone")


@dataclass(frozen=True, slots=True)
class DocumentMasking:
    """Which identity fields a kind of document prints masked (True) or in full (False).

    Letters and notices go to the customer by post: by default they carry the full name
    and postal address; ID and phone numbers stay masked on every document."""

    name: bool = True
    address: bool = True
    id_number: bool = True
    phone: bool = True

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentMasking:
        """From a policy's table row, e.g. {"name": false, "address": false}; missing
        fields stay masked."""
        return cls(**{key: bool(data.get(key, True)) for key in IDENTITY_FIELDS})

    def name_of(self, value: str, *, corporate: bool = False) -> str:
        value = value.strip()
        return value if corporate or not self.name else mask_name(value)

    def address_of(self, value: str) -> str:
        return value.strip() if not self.address else mask_address(value)

    def id_number_of(self, value: str) -> str:
        return value.strip() if not self.id_number else mask_id_number(value)

    def phone_of(self, value: str) -> str:
        return value.strip() if not self.phone else mask_phone(value)


MASKED = DocumentMasking()
# What each kind prints when the policy's table does not name it.
DEFAULT_DOCUMENT_MASKING: Mapping[str, DocumentMasking] = {
    "receipt": MASKED,
    "letter": DocumentMasking(name=False, address=False),
    "notice": DocumentMasking(name=False, address=False),
    "day_end": MASKED,
}


def _keep_ends(value: str, keep: Keep, mask_char: str) -> str:
    """Mask the middle of `value`, keeping its length; at least a third of it stays hidden
    (so a short or truncated number is never shown almost whole)."""
    first, last = keep.first, keep.last
    must_hide = max(1, -(-len(value) // 3))
    while len(value) - first - last < must_hide and (first or last):
        if first >= last:
            first -= 1
        else:
            last -= 1
    hidden = len(value) - first - last
    return value[:first] + mask_char * hidden + (value[len(value) - last:] if last else "")


def _compact(value: str, mask_char: str, *, digits_only: bool = False) -> str:
    """The characters that matter, mask characters included so that masking twice changes nothing."""
    return "".join(ch for ch in value
                   if ch == mask_char or (ch.isdigit() if digits_only else ch.isalnum()))


def mask_id_number(value: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """110101199003071234 → 110101********1234 (separators dropped; already masked stays so)."""
    return _keep_ends(_compact(value, policy.mask_char).upper(), policy.id_number, policy.mask_char)


def mask_card(value: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """6222021234567891234 → 622202*********1234; an already masked number stays masked."""
    return _keep_ends(_compact(value, policy.mask_char, digits_only=True), policy.card, policy.mask_char)


def mask_phone(value: str, policy: MaskPolicy = DEFAULT_MASK_POLICY, *, region: str = "CN") -> str:
    """A phone number with its national significant number masked (phonenumbers parses it).

    A number of `region` is shown in national form: 13812345678 or +8613812345678 → 138****5678,
    +861012345678 → 010****5678 (a landline keeps its trunk 0). Another country's number keeps
    its country code: +447911123456 → +44 791****3456, +12015550123 → +1 201***0123.
    A value phonenumbers cannot read (or one already masked) is masked as a run of digits."""
    mask_char = policy.mask_char
    prefix, national = _phone_parts(value.strip(), region, mask_char)
    return prefix + _keep_ends(national, policy.phone, mask_char)


# "+44 " in front of an already masked foreign number ("+44 791****3456").
_MASKED_COUNTRY_CODE = re.compile(r"^\+(\d{1,3}) ")


def _phone_parts(text: str, region: str, mask_char: str) -> tuple[str, str]:
    """(prefix kept as it is, digits to mask) of a phone number."""
    if mask_char not in text:
        try:
            parsed = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is not None and phonenumbers.is_possible_number(parsed):
            if parsed.country_code == phonenumbers.country_code_for_region(region):
                national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
                return "", _compact(national, mask_char, digits_only=True)
            nsn = phonenumbers.national_significant_number(parsed)
            return f"+{parsed.country_code} ", nsn
    else:
        known = _MASKED_COUNTRY_CODE.match(text)
        if known:
            return known.group(0), _compact(text[known.end():], mask_char, digits_only=True)
    digits = _compact(text, mask_char, digits_only=True)
    return ("+" if text.startswith("+") else ""), digits


def mask_name(value: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """张三明 → 张*明, 张三 → 张*, 欧阳明 → 欧阳*, John Smith → J*** S****."""
    name = value.strip()
    if not name:
        return ""
    m = policy.mask_char
    if _CJK.match(name) and " " not in name:
        surname = name[:2] if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else name[:1]
        given = name[len(surname):]
        if len(given) >= 2 and policy.name_keeps_last_character:
            return surname + m * (len(given) - 1) + given[-1]
        return surname + m * max(len(given), 1)
    return " ".join(word[:1] + m * (len(word) - 1) for word in name.split())


def mask_address(value: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """Keep the province and city, hide the rest: 广东省深圳市南山区科技园1号 → 广东省深圳市****.
    A western address keeps its digit-free parts after the first: "10 Downing St, London" → "****, London"."""
    text = value.strip()
    if not text:
        return ""
    if _CJK.match(text):
        kept = ""
        province = _PROVINCE.match(text)
        if province:
            kept = province.group(1)
        if policy.address_keeps_city or not kept:
            city = _CITY.match(text[len(kept):])
            if city:
                kept += city.group(1)
        return kept + _ADDRESS_TAIL
    parts = [p.strip() for p in text.split(",")]
    tail = [p for p in parts[1:] if p and not _DIGIT.search(p)]
    if not policy.address_keeps_city:
        tail = tail[-1:]
    return ", ".join([_ADDRESS_TAIL, *tail])


_MASKERS = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "card": mask_card,
    "name": mask_name,
    "address": mask_address,
}


def mask_value(kind: str, value: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """Mask `value` as `kind` (id_number, phone, card, name, address). Raises KeyError for another kind."""
    return _MASKERS[kind](value, policy)


# An 18-character resident ID, a 15-digit old ID, a Chinese mobile number, or a 13–19 digit card
# number, each standing alone (not inside a longer run of digits or letters).
_SCRUB = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{13,19}|\+?86[- ]?1\d{2}[- ]?\d{4}[- ]?\d{4}|1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?![0-9A-Za-z])"
)


def scrub(text: str) -> str:
    """Replace anything in `text` that looks like an ID, phone or card number with [redacted]
    — for log lines and exception text, where identity data must never appear."""
    return _SCRUB.sub("[redacted]", text)
