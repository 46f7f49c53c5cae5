"""The review step reads back the full values typed, and offers to link a repeat complaint
about the same matter to the earlier one (stored as repeat_of, counted once)."""

from __future__ import annotations

from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.ui.conftest import Counter
from tests.ui.keys import type_text
from tests.ui.test_resolve_on_spot import fill_after_customer, fill_complaint
from ui.intake.panel import IntakePanel

TYPED_ID = "110101198506120039"


def _save(counter: Counter, panel: IntakePanel) -> str:
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    assert panel.result is not None
    return panel.result.complaint_id


def test_review_shows_the_typed_values_in_full_and_links_a_repeat(counter: Counter) -> None:
    main = counter.log_in("T001")
    first_panel = main.new_complaint()
    counter.wait_idle()
    fill_complaint(counter, first_panel)
    review = first_panel.steps[3]
    summary = review.summary.toPlainText()  # type: ignore[attr-defined]
    assert TYPED_ID in summary and "13912345678" in summary and "李四" in summary
    assert not review.link_repeat.isVisibleTo(review)  # type: ignore[attr-defined]
    first = _save(counter, first_panel)
    counter.wait_idle()
    first_panel.discard()  # a saved intake closes

    panel = main.new_complaint()
    counter.wait_idle()
    fill_complaint(counter, panel)
    assert panel.go_to(3)
    review = panel.steps[3]
    link = review.link_repeat  # type: ignore[attr-defined]
    counter.qtbot.waitUntil(lambda: link.isVisibleTo(review), timeout=10_000)
    assert review.repeats.isVisibleTo(review)  # type: ignore[attr-defined]
    link.setChecked(True)
    second = _save(counter, panel)

    def repeat_of(ctx: ServiceContext, cid: str) -> str | None:
        return case_detail(ctx, cid).view.repeat_of

    assert counter.app.worker.call_now(lambda ctx: repeat_of(ctx, second)) == first
    assert counter.app.worker.call_now(lambda ctx: repeat_of(ctx, first)) is None


def test_a_known_id_shows_the_customer_on_file_and_a_new_name_is_confirmed(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    customer = panel.steps[0]
    type_text("郑国庆", customer.name)  # type: ignore[attr-defined]
    type_text("110101199003071233", customer.id_number)  # on file as 郑国强
    known = customer.known  # type: ignore[attr-defined]
    counter.qtbot.waitUntil(lambda: "郑国强" in known.text(), timeout=10_000)
    assert "139****5678" in customer.phone.placeholderText()  # type: ignore[attr-defined]
    assert "13912345678" not in known.text()
    assert customer.history_model.rowCount() >= 1  # type: ignore[attr-defined]
    assert panel.go_to(1)  # the phone on file is kept: not asked again
    fill_after_customer(panel)
    saved = _save(counter, panel)  # asked, and the answer is "what I typed is right"
    assert any("郑国强" in text for _title, text in counter.interaction.messages)

    def facts(ctx: ServiceContext) -> tuple[list[str], str]:
        detail = case_detail(ctx, saved)
        return [e.kind.value for e in detail.timeline], detail.customer.name

    kinds, name = counter.app.worker.call_now(facts)
    assert kinds == ["received", "customer_corrected"] and name == "郑国庆"


def test_a_customer_picked_with_find_is_not_asked_for_the_id_again(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    customer = panel.steps[0]
    type_text("110101199003071233", customer.search)  # type: ignore[attr-defined]
    customer.find_customer()  # type: ignore[attr-defined]
    results = customer.results  # type: ignore[attr-defined]
    counter.qtbot.waitUntil(lambda: results.isVisibleTo(customer), timeout=10_000)
    customer._picked(results.currentIndex())  # type: ignore[attr-defined]
    counter.qtbot.waitUntil(lambda: customer.name.text() == "郑国强", timeout=10_000)  # type: ignore[attr-defined]
    assert customer.id_number.text() == ""  # type: ignore[attr-defined]
    assert panel.go_to(1)  # "leave empty to keep": no ID number asked for
    fill_after_customer(panel)
    saved = _save(counter, panel)

    def stored(ctx: ServiceContext) -> tuple[str, str, list[str]]:
        detail = case_detail(ctx, saved)
        return (detail.customer.id_number, detail.customer.phone,
                [e.kind.value for e in detail.timeline])

    assert counter.app.worker.call_now(stored) == ("110101199003071233", "+8613912345678",
                                                   ["received"])
