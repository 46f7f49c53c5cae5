"""Field validation: identity numbers, phones, names, text, amounts, dates, cards."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import ric, uscc

from desktop.domain.errors import ValidationError
from desktop.domain.validation import (
    MAX_AMOUNT,
    clean_text,
    required_text,
    validate_amount,
    validate_credit_code,
    validate_id_document,
    validate_masked_card,
    validate_past_date,
    validate_person_name,
    validate_phone,
    validate_resident_id,
)

TODAY = date(2026, 3, 1)


def resident_id(body17: str) -> str:
    """A resident ID number with its correct check character."""
    return body17 + ric.calc_check_digit(body17 + "0")


def credit_code(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17 + "0")


def code_of(check: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(ValidationError) as caught:
        check(*args, **kwargs)  # type: ignore[operator]
    return caught.value.code


# -- resident ID ------------------------------------------------------------------------------

@pytest.mark.parametrize("number", [
    "11010519491231002X", resident_id("44030419900307123"), resident_id("51010719970101002"),
    resident_id("11010120000229001"),  # born on a leap day
])
def test_valid_resident_ids_are_accepted(number: str) -> None:
    assert validate_resident_id(number, today=TODAY) == number


def test_resident_id_is_tidied_lower_x_spaces_and_full_width_digits() -> None:
    assert validate_resident_id("110105 19491231 002x", today=TODAY) == "11010519491231002X"
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "11010519491231002X")
    assert validate_resident_id(full_width, today=TODAY) == "11010519491231002X"


@pytest.mark.parametrize(("number", "code"), [
    ("11010519491231002", "validation.resident_id.length"),
    ("110105194912310021X", "validation.resident_id.length"),
    ("1101051949123100XX", "validation.resident_id.format"),
    ("110105194912310021", "validation.resident_id.checksum"),
    (resident_id("99010519491231002"), "validation.resident_id.region"),
    (resident_id("11010519491331002"), "validation.resident_id.birth_date"),
    (resident_id("11010520010229002"), "validation.resident_id.birth_date"),
    (resident_id("11010520270101002"), "validation.resident_id.birth_date"),
    ("", "validation.required"),
])
def test_invalid_resident_ids_say_what_is_wrong(number: str, code: str) -> None:
    assert code_of(validate_resident_id, number, today=TODAY) == code


def test_every_single_digit_typo_in_a_resident_id_is_caught() -> None:
    good = "11010519491231002X"
    for position in range(17):
        for digit in "0123456789":
            if digit != good[position]:
                typo = good[:position] + digit + good[position + 1:]
                with pytest.raises(ValidationError):
                    validate_resident_id(typo, today=TODAY)


def test_error_text_never_contains_the_id_number() -> None:
    bad = "110105194912310021"
    with pytest.raises(ValidationError) as caught:
        validate_resident_id(bad, field="customer.id_number", today=TODAY)
    err = caught.value
    assert bad not in str(err) and bad not in err.message("zh_CN") and bad not in repr(err.params)
    assert err.field == "customer.id_number"


def test_other_documents_need_5_to_30_letters_and_digits() -> None:
    assert validate_id_document("passport", "e 1234 5678") == "E12345678"
    assert code_of(validate_id_document, "passport", "E1") == "validation.id_number.format"
    assert code_of(validate_id_document, "passport", "E12#45678") == "validation.id_number.format"


# -- credit code, phone ------------------------------------------------------------------------

def test_unified_social_credit_codes_are_checked() -> None:
    good = credit_code("91310000MA1FL4XQ1")
    assert validate_credit_code(good.lower()) == good
    assert code_of(validate_credit_code, good[:-1]) == "validation.credit_code.length"
    wrong_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert code_of(validate_credit_code, wrong_check) == "validation.credit_code.checksum"
    assert code_of(validate_credit_code, "9131000OMA1FL4XQ1" + "4") == "validation.credit_code.format"


@pytest.mark.parametrize(("typed", "stored"), [
    ("13812345678", "+8613812345678"),
    ("138 1234 5678", "+8613812345678"),
    ("+86 138-1234-5678", "+8613812345678"),
    ("010-12345678", "+861012345678"),
    ("0755 2656 8888", "+8675526568888"),
    ("+44 20 7946 0958", "+442079460958"),
])
def test_mobile_and_landline_numbers_are_stored_in_international_form(typed: str, stored: str) -> None:
    assert validate_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "1381234567", "23812345678", "400-820-8888", "abc", "95588"])
def test_numbers_that_are_not_a_reachable_phone_are_refused(typed: str) -> None:
    assert code_of(validate_phone, typed) == "validation.phone.invalid"


# -- names and text ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["张三", "欧阳明月", "阿卜杜拉·买买提", "Mary-Jane O'Neil", "José Álvarez"])
def test_names_of_many_kinds_are_accepted(name: str) -> None:
    assert validate_person_name(name) == name


@pytest.mark.parametrize("name", ["张三3", "<script>", "😀", "···", "Robert'); DROP TABLE"])
def test_names_with_digits_or_symbols_are_refused(name: str) -> None:
    assert code_of(validate_person_name, name) == "validation.name.characters"


def test_a_name_with_a_right_to_left_override_is_cleaned() -> None:
    assert validate_person_name("张\u202e三") == "张三"
    assert validate_person_name("  张  三 ") == "张 三"


def test_single_line_fields_drop_controls_and_bidi_overrides() -> None:
    assert clean_text("a\x00b\x1bc\u0085d\u202ee\u2066f", field="product") == "abcdef"
    assert clean_text("line one\nline two\tend", field="product") == "line one line two end"


def test_long_text_keeps_newlines_and_tabs_but_not_other_controls() -> None:
    text = "第一行\r\n第二行\t缩进\x07\u202e尾"
    assert clean_text(text, field="description", max_length=100, multiline=True) == "第一行\n第二行\t缩进尾"


def test_too_long_text_is_refused_with_its_limit() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("字" * 201, field="product", max_length=200)
    assert caught.value.code == "validation.too_long" and caught.value.params["max"] == 200
    assert clean_text("字" * 200, field="product", max_length=200) == "字" * 200


def test_a_huge_paste_is_refused_quickly_and_clearly() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("x" * 5_000_000, field="description", max_length=4000, multiline=True)
    assert caught.value.code == "validation.too_long"


def test_required_text_refuses_what_cleans_to_nothing() -> None:
    assert code_of(required_text, " \u202e\x00 ", field="request") == "validation.required"
    assert code_of(clean_text, 42, field="request") == "validation.type"


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300),
       st.booleans())
def test_any_unicode_text_is_either_refused_clearly_or_cleaned_for_good(text: str, multiline: bool) -> None:
    try:
        cleaned = clean_text(text, field="description", max_length=200, multiline=multiline)
    except ValidationError as err:
        assert err.code == "validation.too_long"
        return
    assert len(cleaned) <= 200
    cleaned.encode("utf-8")  # no lone surrogates: storable as it is
    assert "\u202e" not in cleaned and "\x00" not in cleaned
    assert multiline or ("\n" not in cleaned and "\t" not in cleaned)
    # What is stored reads back the same when cleaned again.
    assert clean_text(cleaned, field="description", max_length=200, multiline=multiline) == cleaned


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=150))
def test_ordinary_text_is_stored_exactly_as_typed_apart_from_outer_spaces(text: str) -> None:
    cleaned = clean_text(text, field="description", max_length=200, multiline=True)
    assert cleaned == unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).strip())


@given(st.integers(10_000, 200_000))
def test_strings_of_any_size_never_crash_a_name(size: int) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_person_name("张" * size)
    assert caught.value.code == "validation.too_long"


# -- amounts ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "amount"), [
    ("1234.5", Decimal("1234.50")), ("1,234.56", Decimal("1234.56")), ("¥ 88", Decimal("88.00")),
    ("０.５", Decimal("0.50")), (Decimal("3.10"), Decimal("3.10")), (12, Decimal("12.00")),
    ("2.500", Decimal("2.50")), ("0", Decimal("0.00")),
])
def test_amounts_are_read_to_two_decimal_places(typed: object, amount: Decimal) -> None:
    assert validate_amount(typed) == amount


@pytest.mark.parametrize(("typed", "code"), [
    ("-5", "validation.amount.negative"), ("1.234", "validation.amount.decimals"),
    ("1e5", "validation.amount.format"), ("abc", "validation.amount.format"),
    ("NaN", "validation.amount.format"), (Decimal("Infinity"), "validation.amount.format"),
    (str(MAX_AMOUNT + 1), "validation.amount.too_large"), (True, "validation.amount.format"),
    ("", "validation.required"), ("9" * 5000, "validation.too_long"),
])
def test_bad_amounts_say_what_is_wrong(typed: object, code: str) -> None:
    assert code_of(validate_amount, typed) == code


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.text(max_size=80) | st.integers())
def test_any_amount_input_gives_a_clean_amount_or_a_clear_error(value: object) -> None:
    try:
        amount = validate_amount(value)
    except ValidationError as err:
        assert err.code.startswith("validation.")
    else:
        assert Decimal(0) <= amount <= MAX_AMOUNT
        assert amount == amount.quantize(Decimal("0.01"))


# -- dates and cards --------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["2026-02-27", "2026/2/27", "2026.02.27", "2026年2月27日", date(2026, 2, 27)])
def test_past_dates_are_read_in_common_forms(typed: object) -> None:
    assert validate_past_date(typed, field="incident_date", today=TODAY) == date(2026, 2, 27)


def test_a_date_in_the_future_is_refused_but_today_is_fine() -> None:
    assert validate_past_date("2026-03-01", field="d", today=TODAY) == TODAY
    assert code_of(validate_past_date, "2026-03-02", field="d", today=TODAY) == "validation.date.future"
    assert code_of(validate_past_date, "2026-02-30", field="d", today=TODAY) == "validation.date.format"
    assert code_of(validate_past_date, "1899-12-31", field="d", today=TODAY) == "validation.date.too_old"


def test_a_full_card_number_is_kept_only_masked() -> None:
    nineteen = "622202123456789123" + luhn.calc_check_digit("622202123456789123")
    assert validate_masked_card(nineteen) == "622202*********" + nineteen[-4:]
    assert validate_masked_card("4111 1111 1111 1111") == "411111******1111"
    assert validate_masked_card("622202******1234") == "622202******1234"
    assert validate_masked_card("622202xxxxxx1234") == "622202******1234"


def test_a_mistyped_or_malformed_card_number_is_refused() -> None:
    assert code_of(validate_masked_card, "4111111111111112") == "validation.card.checksum"
    assert code_of(validate_masked_card, "1234") == "validation.card.format"
    assert code_of(validate_masked_card, "6222**1234") == "validation.card.format"
