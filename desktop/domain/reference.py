"""Complaint reference numbers: readable, unique without asking HQ, and typo-proof.

    BJ001-03-20261128-0042-8
    ^^^^^ ^^ ^^^^^^^^ ^^^^ ^
    branch code, device number, business date, daily sequence, check character

The check character is ISO 7064 MOD 37,36 (python-stdnum) over the characters
without hyphens, so any single mistyped character and any swap of two
neighbouring characters is caught. The store hands out the sequence; this module
only builds, reads and checks the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from stdnum.iso7064 import mod_37_36

from desktop.domain.errors import ValidationError

MAX_SEQUENCE = 9999
MAX_DEVICE_NUMBER = 99
_BRANCH = re.compile(r"^[A-Z0-9]{2,12}$")
_HYPHENATED = re.compile(r"^([A-Z0-9]{2,12})-(\d{2})-(\d{8})-(\d{4})-([0-9A-Z])$")
_COMPACT = re.compile(r"^([A-Z0-9]{2,12})(\d{2})(\d{8})(\d{4})([0-9A-Z])$")
_FIELD = "reference"


@dataclass(frozen=True, slots=True)
class ReferenceParts:
    branch_code: str
    device_number: int
    business_date: date
    sequence: int
    check: str

    def __str__(self) -> str:
        return (f"{self.branch_code}-{self.device_number:02d}-{self.business_date:%Y%m%d}"
                f"-{self.sequence:04d}-{self.check}")


def _body(branch_code: str, device_number: int, business_date: date, sequence: int) -> str:
    return f"{branch_code}{device_number:02d}{business_date:%Y%m%d}{sequence:04d}"


def make_reference(branch_code: str, device_number: int, business_date: date, sequence: int) -> str:
    """The reference of complaint number `sequence` taken on `device_number` of `branch_code`
    on `business_date`. Raises ValidationError (field "reference") for a branch code that is
    not 2–12 letters/digits, a device number outside 1–99 or a sequence outside 1–9999."""
    code = branch_code.strip().upper()
    if not _BRANCH.match(code):
        raise ValidationError("reference.branch_code", field=_FIELD)
    if not 1 <= device_number <= MAX_DEVICE_NUMBER:
        raise ValidationError("reference.device_number", field=_FIELD, max=MAX_DEVICE_NUMBER)
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise ValidationError("reference.sequence", field=_FIELD, max=MAX_SEQUENCE)
    if not 2000 <= business_date.year <= 9999:
        raise ValidationError("reference.date", field=_FIELD)
    body = _body(code, device_number, business_date, sequence)
    check = mod_37_36.calc_check_digit(body)
    return str(ReferenceParts(code, device_number, business_date, sequence, check))


def normalise_reference(text: str) -> str:
    """What a person typed, tidied: full-width characters folded, spaces dropped, upper case."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).upper()


def parse_reference(text: str) -> ReferenceParts:
    """Read a reference, hyphenated (`BJ001-03-20261128-0042-8`) or without any hyphen.

    Raises ValidationError with code `reference.format` when it is not shaped like a
    reference (hyphens must all be in their places or all left out), `reference.date`
    for an impossible date and `reference.check` when the check character does not
    match — a mistyped or swapped character.
    """
    if len(text) > 64:
        raise ValidationError("reference.format", field=_FIELD)
    value = normalise_reference(text)
    found = _HYPHENATED.match(value) or _COMPACT.match(value)
    if found is None:
        raise ValidationError("reference.format", field=_FIELD)
    branch, device, day, sequence, check = found.groups()
    try:
        business_date = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        raise ValidationError("reference.date", field=_FIELD) from None
    if not mod_37_36.is_valid(branch + device + day + sequence + check):
        raise ValidationError("reference.check", field=_FIELD)
    if int(device) < 1 or int(sequence) < 1:
        raise ValidationError("reference.format", field=_FIELD)
    return ReferenceParts(branch, int(device), business_date, int(sequence), check)


def is_valid_reference(text: str) -> bool:
    """True when `text` reads as a reference whose check character matches."""
    try:
        parse_reference(text)
    except ValidationError:
        return False
    return True
