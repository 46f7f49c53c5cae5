"""The JR/T 0169 taxonomy as data: axes, labels in both languages, extra fields, checklists."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from desktop.domain.errors import NotFound, PolicyError
from desktop.domain.taxonomy import AXES, FieldType, load_taxonomy, taxonomy_from_dict
from desktop.resources import load_json

TAX = load_taxonomy()


def _data() -> dict[str, Any]:
    return copy.deepcopy(load_json("taxonomy", "jrt0169.json"))


def test_the_three_axes_hold_the_categories_design_lists() -> None:
    top = {axis: {c.text("en") for c in TAX.roots(axis)} for axis in AXES}
    assert {"Branch counter (on site)", "Self-service machine", "Electronic channels",
            "Third-party channel", "Middle and back office", "Other channel"} <= top["channel"]
    assert {"RMB savings", "Loans", "Bank cards", "Payment and settlement", "RMB currency management",
            "Personal financial information", "Other business"} <= top["business_type"]
    assert {"Service attitude and quality", "Facilities, equipment and systems",
            "Rules, processes and management", "Marketing", "Information disclosure", "Product returns",
            "Freedom of choice", "Contract terms", "Safety of funds", "Consumer information security",
            "Other cause"} <= top["cause"]
    electronic = {c.text("zh_CN") for c in TAX.children("channel", "C03")}
    assert electronic == {"网上银行", "电话银行", "手机银行", "网络平台", "短信"}


def test_every_label_checklist_and_field_is_complete_in_both_languages() -> None:
    for axis in AXES:
        assert TAX.axis_labels[axis]["zh_CN"] and TAX.axis_labels[axis]["en"]
        for cat in TAX.categories[axis].values():
            assert cat.label["zh_CN"].strip() and cat.label["en"].strip(), cat.code
            for item in cat.checklist:
                assert item["zh_CN"].strip() and item["en"].strip(), cat.code
    for rule in TAX.rules:
        for f in rule.fields:
            assert f.label["zh_CN"] and f.label["en"], f.key
            for _, label in f.options:
                assert label["zh_CN"] and label["en"]
        for item in rule.checklist:
            assert item["zh_CN"] and item["en"]


def test_a_category_knows_its_path_and_labels() -> None:
    assert [c.code for c in TAX.path("business_type", "B0201")] == ["B02", "B0201"]
    assert TAX.full_label("business_type", "B0201") == "贷款 / 个人住房贷款"
    assert TAX.label("cause", "R0301", "en") == "Approval delay"
    with pytest.raises(NotFound):
        TAX.category("cause", "R7777")


def test_search_finds_categories_by_either_language_or_keyword() -> None:
    assert [c.code for c in TAX.search("business_type", "信用卡")] == ["B0302"]
    assert "B0302" in [c.code for c in TAX.search("business_type", "CREDIT")]
    assert "B0201" in [c.code for c in TAX.search("business_type", "房贷")]
    assert [c.code for c in TAX.search("cause", "r030")] == ["R0301", "R0302", "R0303"]
    assert TAX.search("cause", "  ") == []


def test_loan_approval_delay_asks_for_the_loan_application_number() -> None:
    fields = {f.key: f for f in TAX.extra_fields("B0201", "R0301")}
    assert fields["loan_application_number"].required
    assert fields["loan_application_number"].type is FieldType.TEXT
    assert not fields["amount_applied"].required
    assert TAX.extra_fields("B0101", "R0301") == []


def test_valuation_dispute_asks_for_collateral_and_valuation_figures() -> None:
    fields = {f.key: f for f in TAX.extra_fields("B0202", "R0302")}
    assert fields["collateral_description"].required and fields["bank_valuation"].required
    assert fields["bank_valuation"].type is FieldType.MONEY


def test_a_bank_card_complaint_asks_for_the_masked_card_number_whatever_the_cause() -> None:
    for cause in ("R0101", "R0901", None):
        keys = {f.key: f for f in TAX.extra_fields("B0302", cause)}
        assert keys["card_number"].type is FieldType.MASKED_CARD and keys["card_number"].required


def test_fields_two_rules_share_appear_once_and_required() -> None:
    keys = [f.key for f in TAX.extra_fields("B0402", "R0902")]
    assert keys.count("transaction_date") == 1


def test_handling_checklist_gathers_business_type_cause_and_rule_steps() -> None:
    steps = TAX.checklist("B0201", "R0302", "en")
    assert "Pull the loan contract and the approval record" in steps
    assert "Pull the valuation report and the valuer's accreditation" in steps
    assert len(steps) == len(set(steps))
    assert TAX.checklist("B0201", "R0302", "zh_CN")[0] == "调阅贷款合同及审批记录"


def test_a_duplicate_code_is_refused() -> None:
    data = _data()
    data["axes"]["cause"]["categories"].append(data["axes"]["cause"]["categories"][0])
    with pytest.raises(PolicyError):
        taxonomy_from_dict(data)


def test_a_category_without_english_is_refused() -> None:
    data = _data()
    data["axes"]["channel"]["categories"][0]["label"] = {"zh_CN": "柜面", "en": " "}
    with pytest.raises(PolicyError):
        taxonomy_from_dict(data)


def test_an_extra_field_rule_on_an_unknown_code_is_refused() -> None:
    data = _data()
    data["extra_fields"][0]["business_type"] = "B7777"
    with pytest.raises(PolicyError):
        taxonomy_from_dict(data)
