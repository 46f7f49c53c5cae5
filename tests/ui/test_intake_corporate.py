"""Rule 8 at the counter: a company's intake asks for its legal representative or principal
contact (name, ID document and number, phone), says under each field what is wrong as it is
typed, keeps the company on the customer step until it is right, records it, and the case
screen shows it masked."""

from __future__ import annotations

from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.ui.conftest import Counter
from tests.ui.keys import type_text
from tests.ui.test_case_view import open_case
from tests.ui.test_resolve_on_spot import fill_after_customer

REP_ID = "11010519491231002X"


def test_a_company_records_its_representative_and_the_case_shows_it_masked(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    customer = panel.steps[0]
    customer.corporate.setChecked(True)  # type: ignore[attr-defined]
    rep = customer.representative  # type: ignore[attr-defined]
    assert rep.isVisibleTo(customer) and rep.required  # the CBIRC policy requires it
    type_text("某某科技有限公司", customer.name)  # type: ignore[attr-defined]
    type_text("91310000MA1FL4XQ14", customer.credit_code)  # type: ignore[attr-defined]
    type_text("李四", customer.contact_person)  # type: ignore[attr-defined]
    type_text("13800138000", customer.phone)  # type: ignore[attr-defined]
    type_text("陈建国", rep.name)
    type_text("110105194912310021", rep.id_number)  # a wrong check digit
    type_text("13912345678", rep.phone)
    assert not panel.go_to(1)  # refused: the representative's ID number is wrong
    message = rep.rows["corporate_representative.id_number"].message
    counter.qtbot.waitUntil(lambda: message.isVisibleTo(rep), timeout=5_000)
    assert message.text()
    rep.id_number.clear()
    type_text(REP_ID, rep.id_number)
    assert panel.go_to(1)
    fill_after_customer(panel)
    summary = panel.steps[3].summary.toPlainText()  # type: ignore[attr-defined]
    assert "法定代表人" in summary and REP_ID in summary  # the review reads it back in full
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    assert panel.result is not None
    complaint_id = panel.result.complaint_id

    def stored(ctx: ServiceContext) -> object:
        return case_detail(ctx, complaint_id).received_payload["corporate_representative"]

    saved = counter.app.worker.call_now(stored)
    assert isinstance(saved, dict) and saved["name"] == "陈建国" and saved["id_number"] == REP_ID
    view = open_case(counter, main, complaint_id)
    shown = view.recorded.text()
    assert "法定代表人" in shown and REP_ID not in shown and "陈建国" not in shown
    assert REP_ID[-4:] in shown or "*" in shown
