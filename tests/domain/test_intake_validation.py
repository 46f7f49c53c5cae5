"""Checking a whole intake form at once: every field's error, each next to its field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from stdnum.cn import ric

from desktop.domain.validation import check_intake, field_errors, validate_intake

TODAY = date(2026, 3, 1)
ID = "11010519491231002X"


def intake(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "customer": {"kind": "individual", "name": "张三", "id_type": "resident_id",
                     "id_number": ID, "phone": "13812345678", "address": "北京市朝阳区建国路88号",
                     "credit_code": "", "contact_person": "", "existing_id": None},
        "business_type": "B0201", "cause": "R0103",
        "description": "柜台排队两小时。\n无人解释。", "request": "道歉",
        "channel": "counter", "product": "", "amount": None, "incident_date": "",
        "extra_fields": {}, "contact_channel": "phone", "contact_time": "",
        "complained_about": "", "agent": None, "consent": True, "resolved_on_spot": False,
    }
    data.update(changes)
    return data


def fields_at_fault(data: dict[str, Any]) -> set[str]:
    return {err.field for err in validate_intake(data, today=TODAY)}


def test_a_complete_intake_passes_and_is_cleaned() -> None:
    checked = check_intake(intake(amount="1,200.5", incident_date="2026/2/27"), today=TODAY)
    assert checked.ok, [(e.field, e.code) for e in checked.errors]
    assert checked.cleaned["customer"]["phone"] == "+8613812345678"
    assert checked.cleaned["amount"] == Decimal("1200.50")
    assert checked.cleaned["incident_date"] == date(2026, 2, 27)
    assert checked.cleaned["description"] == "柜台排队两小时。\n无人解释。"


def test_every_wrong_field_is_reported_at_once() -> None:
    data = intake(description="  ", amount="-3", incident_date="2030-01-01", channel="pigeon")
    data["customer"] = {**data["customer"], "name": "", "id_number": ID[:-1] + "1", "phone": "123"}
    assert fields_at_fault(data) == {
        "customer.name", "customer.id_number", "customer.phone", "description", "amount",
        "incident_date", "channel",
    }


def test_errors_can_be_grouped_by_field_for_the_form() -> None:
    data = intake(request="")
    data["customer"] = {**data["customer"], "phone": ""}
    grouped = field_errors(validate_intake(data, today=TODAY))
    assert set(grouped) == {"request", "customer.phone"}
    assert grouped["request"][0].message("zh_CN") == "请填写此项。"
    assert grouped["request"][0].message("en") == "Please fill this in."


def test_unknown_category_codes_are_refused() -> None:
    assert fields_at_fault(intake(business_type="B77", cause="")) == {"business_type", "cause"}


def test_a_known_customer_may_leave_stored_fields_blank() -> None:
    data = intake()
    data["customer"] = {"kind": "individual", "name": "", "id_type": None, "id_number": "",
                        "phone": "", "address": "", "existing_id": "c-1"}
    assert validate_intake(data, today=TODAY) == []


def test_a_corporate_customer_needs_a_valid_credit_code_and_contact() -> None:
    data = intake()
    data["customer"] = {"kind": "corporate", "name": "某某科技有限公司", "credit_code": "91310000MA1FL4XQ10",
                        "contact_person": "李四", "phone": "021-61234567", "address": ""}
    assert fields_at_fault(data) == {"customer.credit_code"}
    data["customer"]["credit_code"] = "91310000MA1FL4XQ14"
    assert fields_at_fault(data) == set()


def test_an_agent_must_be_identified_and_say_how_they_are_related() -> None:
    agent = {"name": "王五", "id_type": "resident_id", "id_number": "110105194912310021",
             "phone": "13900001111", "relationship": "", "power_of_attorney": True}
    assert fields_at_fault(intake(agent=agent)) == {"agent.id_number", "agent.relationship"}


def test_loan_approval_delay_needs_the_loan_application_number() -> None:
    data = intake(business_type="B0201", cause="R0301")
    assert fields_at_fault(data) == {"extra_fields.loan_application_number",
                                     "extra_fields.application_date"}
    data["extra_fields"] = {"loan_application_number": "LA-2026-0001", "application_date": "2026-01-05",
                            "amount_applied": "800000"}
    checked = check_intake(data, today=TODAY)
    assert checked.ok
    assert checked.cleaned["extra_fields"]["amount_applied"] == "800000.00"


def test_valuation_dispute_needs_collateral_and_the_banks_figure() -> None:
    data = intake(business_type="B0201", cause="R0302",
                  extra_fields={"collateral_description": "住宅一套", "bank_valuation": "abc"})
    assert fields_at_fault(data) == {"extra_fields.bank_valuation"}


def test_a_bank_card_complaint_keeps_only_the_masked_card_number() -> None:
    data = intake(business_type="B0301", cause="R0901",
                  extra_fields={"card_number": "4111 1111 1111 1111", "transaction_date": "2026-02-20",
                                "transaction_amount": "300", "reported_to_police": "maybe"})
    checked = check_intake(data, today=TODAY)
    assert {e.field for e in checked.errors} == {"extra_fields.reported_to_police"}
    assert checked.cleaned["extra_fields"]["card_number"] == "411111******1111"


def test_a_group_complaint_has_at_most_five_representatives() -> None:
    assert fields_at_fault(intake(representatives=["a"] * 5)) == set()
    assert fields_at_fault(intake(representatives=["a"] * 6)) == {"representatives"}


def test_a_resident_id_born_tomorrow_is_refused() -> None:
    body = "1101052026030200"
    tomorrow = body + "1" + ric.calc_check_digit(body + "10")
    data = intake()
    data["customer"] = {**data["customer"], "id_number": tomorrow}
    assert fields_at_fault(data) == {"customer.id_number"}


def test_garbage_of_every_kind_gives_field_errors_not_a_crash() -> None:
    data: dict[str, Any] = {"customer": "x", "business_type": 5, "cause": None, "description": ["x"],
                            "request": {"a": 1}, "amount": object(), "extra_fields": "nope",
                            "agent": 7, "representatives": "many"}
    faults = fields_at_fault(data)
    assert {"customer.name", "business_type", "cause", "description", "request", "amount"} <= faults
