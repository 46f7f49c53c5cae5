"""Every check of the intake shows its message right under the field, as the teller types
(or, for a field left empty, when they try to move on)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import translate
from desktop.services.drafts import Draft
from tests.ui.conftest import Counter
from tests.ui.keys import type_text
from ui.intake.category_step import CODE_ROLE, CategoryTree
from ui.intake.form import draft_payload, empty_form
from ui.intake.panel import IntakePanel


def open_intake(counter: Counter) -> IntakePanel:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    return panel


def message_under(panel: IntakePanel, path: str) -> str:
    label = panel.findChild(QLabel, f"message:{path}")
    assert label is not None, f"no message line for {path}"
    return label.text() if label.isVisibleTo(panel) or label.text() else ""


def expected(code: str, **params: Any) -> str:
    return translate(code, "zh_CN", **params)


TYPED = [
    # (step, widget, field path, what is typed, message code, params)
    (0, "name", "customer.name", "张3", "validation.name.characters", {}),
    (0, "id_number", "customer.id_number", "110101199003071234", "validation.resident_id.checksum", {}),
    (0, "id_number", "customer.id_number", "12345", "validation.resident_id.length", {}),
    (0, "id_number", "customer.id_number", "990101199003071237", "validation.resident_id.region", {}),
    (0, "phone", "customer.phone", "12345", "validation.phone.invalid", {}),
    (2, "amount", "amount", "-5", "validation.amount.negative", {}),
    (2, "amount", "amount", "12.345", "validation.amount.decimals", {"places": 2}),
    (2, "amount", "amount", "twelve", "validation.amount.format", {}),
    (2, "incident_date", "incident_date", "2999-01-01", "validation.date.future", {}),
    (2, "incident_date", "incident_date", "2025-13-40", "validation.date.format", {}),
]


@pytest.mark.parametrize(("step", "widget", "path", "typed", "code", "params"), TYPED,
                         ids=[f"{t[2]}:{t[4]}" for t in TYPED])
def test_a_wrong_entry_shows_its_message_under_the_field(
        counter: Counter, step: int, widget: str, path: str, typed: str, code: str,
        params: dict[str, Any]) -> None:
    panel = open_intake(counter)
    field: QWidget = getattr(panel.steps[step], widget)
    type_text(typed, field)
    assert message_under(panel, path) == expected(code, field=path, **params)
    assert panel.messages()[path] == expected(code, field=path, **params)


def test_correcting_an_entry_clears_its_message(counter: Counter) -> None:
    panel = open_intake(counter)
    phone = panel.steps[0].phone  # type: ignore[attr-defined]
    type_text("1380013", phone)
    assert message_under(panel, "customer.phone")
    type_text("8000", phone)
    assert message_under(panel, "customer.phone") == ""


def test_a_company_needs_a_valid_unified_social_credit_code(counter: Counter) -> None:
    panel = open_intake(counter)
    customer = panel.steps[0]
    customer.corporate.setChecked(True)  # type: ignore[attr-defined]
    type_text("91350100M0001", customer.credit_code)  # type: ignore[attr-defined]
    assert message_under(panel, "customer.credit_code") == expected(
        "validation.credit_code.length", field="customer.credit_code")


def test_an_empty_required_field_is_named_when_moving_on(counter: Counter) -> None:
    panel = open_intake(counter)
    assert message_under(panel, "customer.name") == ""  # not before the teller tries to move on
    assert not panel.go_to(1)
    assert panel.current_step == 0
    assert message_under(panel, "customer.name") == expected("validation.required", field="customer.name")


def test_the_category_must_be_chosen_and_its_extra_fields_filled(counter: Counter) -> None:
    panel = open_intake(counter)
    category = panel.steps[1]
    panel._show_step(1)
    category.business_type.select_code("B0301")  # type: ignore[attr-defined]
    assert not panel.go_to(2)
    assert message_under(panel, "cause") == expected("validation.required", field="cause")
    assert message_under(panel, "extra_fields.card_number") == expected(
        "validation.required", field="extra_fields.card_number")
    card = category.extra_form.rows["extra_fields.card_number"].widget  # type: ignore[attr-defined]
    type_text("1234", card)
    assert message_under(panel, "extra_fields.card_number") == expected(
        "validation.card.format", field="extra_fields.card_number")


def test_what_happened_and_the_request_are_required(counter: Counter) -> None:
    panel = open_intake(counter)
    panel._show_step(2)
    assert not panel.go_to(3)
    assert message_under(panel, "description") == expected("validation.required", field="description")
    assert message_under(panel, "request") == expected("validation.required", field="request")


def test_the_customers_consent_is_required_before_saving(counter: Counter) -> None:
    panel = open_intake(counter)
    panel._show_step(3)
    panel.save()
    assert panel.result is None
    assert message_under(panel, "consent") == expected("validation.consent_required", field="consent")


def test_settling_at_the_counter_needs_findings_and_the_customers_confirmation(counter: Counter) -> None:
    panel = open_intake(counter)
    panel.set_resolve_on_spot(True)
    panel._show_step(4)
    panel.save()
    assert panel.result is None
    assert message_under(panel, "resolution.findings") == expected(
        "validation.required", field="resolution.findings")
    assert message_under(panel, "resolution.confirmed") != ""
    type_text("abc", panel.save_step.compensation)
    assert message_under(panel, "resolution.compensation") == expected(
        "validation.amount.format", field="resolution.compensation")


def channel_tree(panel: IntakePanel) -> CategoryTree:
    tree = panel.steps[1].business_channel  # type: ignore[attr-defined]
    assert isinstance(tree, CategoryTree)
    return tree


def test_the_business_channel_is_found_by_the_category_search_and_recorded(counter: Counter) -> None:
    panel = open_intake(counter)
    panel._show_step(1)
    category = panel.steps[1]
    type_text("ATM", category.search)  # type: ignore[attr-defined]
    tree = channel_tree(panel)
    shown = [tree.model().index(r, 0, tree.model().index(0, 0)).data() for r in
             range(tree.model().rowCount(tree.model().index(0, 0)))]
    assert tree.model().rowCount() == 1 and shown == ["C0201  自动柜员机（ATM）"]

    tree.select_code("C0201")

    assert panel.form_values()["business_channel"] == "C0201"
    assert message_under(panel, "business_channel") == ""
    tree.select_code("")  # "(not given)": the channel is optional
    assert panel.form_values()["business_channel"] == ""
    assert "business_channel" not in panel.messages()


def test_an_unknown_business_channel_is_named_under_its_field_until_one_is_chosen(
        counter: Counter) -> None:
    main = counter.log_in("T001")
    form = {**empty_form(), "business_channel": "C77"}  # a draft from an older taxonomy
    draft = Draft(id="draft-with-old-channel", staff_number="T001", step=1,
                  data=draft_payload(form, 1, {"business_channel"}), updated_at=datetime.now(UTC))
    panel = main.new_complaint(draft=draft)
    counter.wait_idle()

    assert panel.form_values()["business_channel"] == "C77"  # kept, not silently dropped
    assert message_under(panel, "business_channel") == expected(
        "validation.category.unknown", field="business_channel")
    assert not panel.go_to(2)

    tree = channel_tree(panel)
    index = tree.source.match(tree.source.index(0, 0), CODE_ROLE, "C01", 1,
                              Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    tree.setCurrentIndex(tree.proxy.mapFromSource(index))  # chosen with the keyboard
    assert panel.form_values()["business_channel"] == "C01"
    assert message_under(panel, "business_channel") == ""
