"""Masking identity data on paper and in logs (docs/ARCHITECTURE.md §7, §8)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.masking import (
    MaskPolicy,
    mask_address,
    mask_card,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_value,
    scrub,
)


def test_default_masks_match_the_printed_examples() -> None:
    assert mask_id_number("110101199003071234") == "110101********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_card("6222021234567891234") == "622202*********1234"


def test_phones_stored_in_international_form_print_in_national_form() -> None:
    assert mask_phone("+8613812345678") == "138****5678"
    assert mask_phone("+861012345678") == "010****5678"


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812345678", "138****5678"),            # CN mobile as typed at the counter
    ("+86 138 1234 5678", "138****5678"),      # CN mobile, E.164 as stored
    ("010-12345678", "010****5678"),           # Beijing landline: the trunk 0 is kept
    ("+862161234567", "021****4567"),          # Shanghai landline stored as E.164
    ("+447911123456", "+44 791****456"),       # UK mobile: national significant number 7911123456
    ("+44 20 7946 0958", "+44 207****958"),    # London landline
    ("+1 201-555-0123", "+1 201****123"),      # US
])
def test_phones_are_parsed_and_keep_a_foreign_country_code(phone: str, masked: str) -> None:
    """phonenumbers reads the number; a foreign one keeps +country code, and of the national
    significant number the first 3 and last 4 stay (fewer when that would show more than
    two thirds: a 10-digit number shows 3 + 3)."""
    assert mask_phone(phone) == masked


def test_the_home_region_decides_which_numbers_print_in_national_form() -> None:
    assert mask_phone("+12015550123", region="US") == "201****123"
    assert mask_phone("(201) 555-0123", region="US") == "201****123"
    assert mask_phone("020 7946 0958", region="GB") == "020****0958"
    assert mask_phone("+8613812345678", region="GB") == "+86 138****5678"


def test_a_phone_the_library_cannot_read_is_still_masked() -> None:
    assert mask_phone("+123") == "+1*3"
    assert mask_phone("12345") == "1**45"
    assert mask_phone("+44 7911 123456", MaskPolicy.from_dict({"phone": [0, 2]})) == "+44 ********56"


@pytest.mark.parametrize(("name", "masked"), [
    ("张三明", "张*明"), ("张三", "张*"), ("欧阳明", "欧阳*"), ("欧阳明月", "欧阳*月"),
    ("诸葛亮", "诸葛*"), ("张", "张*"), ("John Smith", "J*** S****"),
])
def test_names_keep_the_surname(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(("address", "masked"), [
    ("广东省深圳市南山区科技园1号", "广东省深圳市****"),
    ("北京市朝阳区建国路88号", "北京市****"),
    ("新疆维吾尔自治区乌鲁木齐市天山区解放路1号", "新疆维吾尔自治区乌鲁木齐市****"),
    ("湖北省恩施土家族苗族自治州恩施市", "湖北省恩施土家族苗族自治州****"),
    ("朝阳区建国路88号", "****"),
    ("10 Downing St, London, SW1A 2AA", "****, London"),
])
def test_addresses_keep_province_and_city_only(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_mask_policy_is_configurable() -> None:
    strict = MaskPolicy.from_dict({"id_number": [3, 2], "phone": [0, 4], "mask_char": "#",
                                   "name_keeps_last_character": False, "address_keeps_city": False})
    assert mask_id_number("110101199003071234", strict) == "110#############34"
    assert mask_phone("13812345678", strict) == "#######5678"
    assert mask_name("张三明", strict) == "张##"
    assert mask_address("广东省深圳市南山区", strict) == "广东省****"
    assert mask_value("card", "6222021234567891234", strict) == "622202*********1234".replace("*", "#")
    with pytest.raises(ValueError):
        MaskPolicy.from_dict({"phone": [-1, 4]})


def test_short_values_are_never_shown_almost_whole() -> None:
    assert mask_id_number("1234") == "1**4"
    assert mask_phone("12345") == "1**45"
    assert mask_id_number("") == ""


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_a_masked_number_keeps_its_length_and_hides_at_least_a_third(digits: str) -> None:
    for masked in (mask_id_number(digits), mask_card(digits)):
        assert len(masked) == len(digits)
        assert masked.count("*") >= len(digits) / 3
    national = mask_phone(digits).split(" ")[-1]  # a phone may gain its trunk 0 or lose a +country code
    assert national.count("*") >= len(national.lstrip("+")) / 3


@given(st.text(max_size=60))
def test_masking_anything_never_crashes(text: str) -> None:
    for kind in ("id_number", "phone", "card", "name", "address"):
        assert isinstance(mask_value(kind, text), str)


def test_scrub_removes_identity_numbers_from_log_text() -> None:
    line = ("customer 11010519491231002X called from 138-1234-5678 about card 6222021234567891234; "
            "ref BJ001-03-20261128-0042-8 amount 12345.67 on 2026-03-01")
    scrubbed = scrub(line)
    for secret in ("11010519491231002X", "138-1234-5678", "6222021234567891234"):
        assert secret not in scrubbed
    assert "BJ001-03-20261128-0042-8" in scrubbed and "12345.67" in scrubbed and "2026-03-01" in scrubbed


@given(st.text(alphabet="0123456789X +-", max_size=25), st.sampled_from(["id_number", "phone", "card"]))
def test_masking_an_already_masked_number_changes_nothing(text: str, kind: str) -> None:
    once = mask_value(kind, text)
    assert mask_value(kind, once) == once


@pytest.mark.parametrize(("kind", "value"), [
    ("name", "张三明"), ("name", "John Smith"), ("address", "广东省深圳市南山区科技园1号"),
    ("address", "10 Downing St, London"), ("phone", "+8613812345678"), ("phone", "+861012345678"),
])
def test_masking_names_addresses_and_phones_twice_changes_nothing(kind: str, value: str) -> None:
    once = mask_value(kind, value)
    assert mask_value(kind, once) == once
