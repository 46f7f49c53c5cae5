"""Reference numbers: branch + device + business date + daily sequence + check character."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.reference import (
    ReferenceParts,
    is_valid_reference,
    make_reference,
    parse_reference,
)

TYPED = string.digits + string.ascii_uppercase + "-"
SAMPLES = [
    make_reference("BJ001", 3, date(2026, 11, 28), 42),
    make_reference("SH0A9", 99, date(2025, 1, 1), 9999),
    make_reference("ZZ", 1, date(2030, 12, 31), 1),
    make_reference("GZ12345678AB", 10, date(2025, 10, 8), 700),
]


def test_reference_reads_branch_device_date_sequence_and_check() -> None:
    ref = make_reference("bj001", 3, date(2026, 11, 28), 42)
    assert ref.startswith("BJ001-03-20261128-0042-")
    assert len(ref.rsplit("-", 1)[1]) == 1
    assert parse_reference(ref) == ReferenceParts("BJ001", 3, date(2026, 11, 28), 42, ref[-1])
    assert str(parse_reference(ref)) == ref


def test_reference_typed_without_hyphens_in_lower_case_or_full_width_is_understood() -> None:
    ref = SAMPLES[0]
    assert parse_reference(ref.replace("-", "").lower()) == parse_reference(ref)
    full_width = "".join(chr(ord(c) + 0xFEE0) if c != "-" else c for c in ref)
    assert parse_reference(f"  {full_width} ") == parse_reference(ref)


@pytest.mark.parametrize("ref", SAMPLES)
def test_every_single_character_change_is_detected(ref: str) -> None:
    for position, original in enumerate(ref):
        for typed in TYPED:
            if typed != original:
                changed = ref[:position] + typed + ref[position + 1:]
                assert not is_valid_reference(changed), changed


@pytest.mark.parametrize("ref", SAMPLES)
def test_every_swap_of_neighbouring_characters_is_detected(ref: str) -> None:
    for position in range(len(ref) - 1):
        swapped = ref[:position] + ref[position + 1] + ref[position] + ref[position + 2:]
        if swapped != ref:
            assert not is_valid_reference(swapped), swapped


@pytest.mark.parametrize("ref", SAMPLES)
def test_a_dropped_or_doubled_character_is_detected(ref: str) -> None:
    for position in range(len(ref)):
        assert not is_valid_reference(ref[:position] + ref[position + 1:])
        assert not is_valid_reference(ref[:position] + ref[position] + ref[position:])


@given(st.from_regex(r"[A-Z0-9]{2,12}", fullmatch=True), st.integers(1, 99),
       st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.integers(1, 9999))
def test_any_reference_made_reads_back_to_its_parts(branch: str, device: int, day: date,
                                                     seq: int) -> None:
    parts = parse_reference(make_reference(branch, device, day, seq))
    assert (parts.branch_code, parts.device_number, parts.business_date, parts.sequence) == (
        branch, device, day, seq)


@given(st.text(max_size=80))
def test_parsing_arbitrary_text_gives_a_clear_error_or_a_reference(text: str) -> None:
    try:
        parts = parse_reference(text)
    except ValidationError as err:
        assert err.code.startswith("reference.") and err.field == "reference"
    else:
        assert is_valid_reference(str(parts))


@pytest.mark.parametrize(("text", "code"), [
    ("BJ001-03-20261128-0042", "reference.format"),
    ("BJ001-03-2026-1128-0042-K", "reference.format"),
    ("BJ00103-20261128-0042-K", "reference.format"),
    ("BJ001-03-20261131-0042-K", "reference.date"),
    ("x" * 1000, "reference.format"),
])
def test_malformed_references_say_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_reference(text)
    assert caught.value.code == code


def test_a_wrong_check_character_says_so() -> None:
    ref = SAMPLES[0]
    wrong = ref[:-1] + ("A" if ref[-1] != "A" else "B")
    with pytest.raises(ValidationError) as caught:
        parse_reference(wrong)
    assert caught.value.code == "reference.check"


@pytest.mark.parametrize(("branch", "device", "seq", "code"), [
    ("B", 1, 1, "reference.branch_code"),
    ("BJ-01", 1, 1, "reference.branch_code"),
    ("BJ001", 0, 1, "reference.device_number"),
    ("BJ001", 100, 1, "reference.device_number"),
    ("BJ001", 1, 0, "reference.sequence"),
    ("BJ001", 1, 10000, "reference.sequence"),
])
def test_making_a_reference_from_bad_parts_is_refused(branch: str, device: int, seq: int,
                                                      code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_reference(branch, device, date(2026, 1, 5), seq)
    assert caught.value.code == code
