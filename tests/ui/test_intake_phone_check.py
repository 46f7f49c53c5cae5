"""A known customer's phone typed differently from the file is asked about as soon as the
phone field is left, not first at save: the clerk says which is right, and a confirmed new
phone is recorded as its own `customer_corrected` event; "keep the file's" keeps it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.ui.conftest import Counter
from tests.ui.keys import press, type_text
from tests.ui.test_resolve_on_spot import fill_after_customer
from ui.intake.panel import IntakePanel

ON_FILE = "110101199003071233"  # 郑国强, phone 13912345678 (demo data)
NEW_PHONE = "13800138000"
TITLE = "电话与档案不一致"  # the question's title in the counter's Chinese


def _known_customer_with_phone(counter: Counter, phone: str) -> IntakePanel:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    customer = panel.steps[0]
    type_text("郑国强", customer.name)  # type: ignore[attr-defined]
    type_text(ON_FILE, customer.id_number)  # type: ignore[attr-defined]
    known = customer.known  # type: ignore[attr-defined]
    counter.qtbot.waitUntil(lambda: "郑国强" in known.text(), timeout=10_000)
    customer.phone.setFocus()  # type: ignore[attr-defined]
    type_text(phone)
    press(Qt.Key.Key_Return)  # on from the phone: the field is left
    counter.wait_idle()
    return panel


def _asked(counter: Counter) -> list[str]:
    return [text for title, text in counter.interaction.messages if title == TITLE]


def _saved_facts(counter: Counter, panel: IntakePanel) -> tuple[list[str], str, list[str]]:
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    assert panel.result is not None
    complaint_id = panel.result.complaint_id

    def facts(ctx: ServiceContext) -> tuple[list[str], str, list[str]]:
        detail = case_detail(ctx, complaint_id)
        corrected = [e for e in detail.timeline if e.kind.value == "customer_corrected"]
        return ([e.kind.value for e in detail.timeline], detail.customer.phone,
                list(corrected[0].payload["fields"]) if corrected else [])

    return counter.app.worker.call_now(facts)


def test_a_new_phone_is_confirmed_when_its_field_is_left_and_saved_as_its_own_event(
        counter: Counter) -> None:
    panel = _known_customer_with_phone(counter, NEW_PHONE)
    counter.qtbot.waitUntil(lambda: bool(_asked(counter)), timeout=10_000)
    asked = _asked(counter)
    assert len(asked) == 1 and "139****5678" in asked[0]  # the file's phone, masked
    assert "13912345678" not in asked[0]
    known = panel.steps[0].known  # type: ignore[attr-defined]
    assert "替换档案中的电话" in known.text()
    assert panel.go_to(1)
    fill_after_customer(panel)
    before = len(counter.interaction.messages)
    kinds, phone, fields = _saved_facts(counter, panel)
    assert counter.interaction.messages[before:] == []  # saving does not ask again
    assert kinds == ["received", "customer_corrected"] and fields == ["phone"]
    assert phone == "+86" + NEW_PHONE


def test_keeping_the_phone_on_file_clears_the_typed_one_and_changes_nothing(
        counter: Counter) -> None:
    counter.interaction.answer = False
    panel = _known_customer_with_phone(counter, NEW_PHONE)
    counter.qtbot.waitUntil(lambda: bool(_asked(counter)), timeout=10_000)
    assert panel.steps[0].phone.text() == ""  # type: ignore[attr-defined]
    assert panel.go_to(1)
    fill_after_customer(panel)
    kinds, phone, _fields = _saved_facts(counter, panel)
    assert kinds == ["received"] and phone == "+8613912345678"


def test_the_phone_on_file_typed_again_asks_nothing(counter: Counter) -> None:
    panel = _known_customer_with_phone(counter, "139 1234 5678")
    counter.wait_idle()
    assert _asked(counter) == []
    assert panel.go_to(1)
    fill_after_customer(panel)
    kinds, _phone, _fields = _saved_facts(counter, panel)
    assert kinds == ["received"]
