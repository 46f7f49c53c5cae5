from __future__ import annotations

import pytest

from reports.identity import mask_id_number, mask_phone, scrub_free_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证110101199003071234已挂失", "身份证110101********1234已挂失"),
        ("证号11010119900307123X。", "证号110101********123X。"),
        ("手机13812345678", "手机138****5678"),
        ("电话 +86 138-1234-5678 联系", "电话 138****5678 联系"),
        ("卡号6222021234567891234", "卡号622202*********1234"),
    ],
)
def test_numbers_in_free_text_are_masked(text: str, expected: str) -> None:
    assert scrub_free_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["受理编号110105-02-20240305-0042-K", "金额1,234.56元", "网点电话010-65001234", "客服95588"],
)
def test_references_amounts_and_bank_phones_are_left_alone(text: str) -> None:
    assert scrub_free_text(text) == text


def test_values_that_arrive_masked_stay_as_they_are() -> None:
    assert mask_id_number("110101********1234") == "110101********1234"
    assert mask_phone("138****5678") == "138****5678"


def test_a_masked_value_never_shows_more_when_masked_again() -> None:
    assert mask_id_number("1101011990030712*4").count("*") >= 8
