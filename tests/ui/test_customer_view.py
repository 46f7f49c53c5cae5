"""The customer's screen, reached from a case: every complaint of that customer (reference,
received, category, status word, deadline), identity masked, each line opening its case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.i18n import term
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, CustomerRow, EventRow
from tests.ui.conftest import Counter
from tests.ui.keys import press
from tests.ui.screens import geometry_problems, mnemonic_clashes
from tests.ui.test_case_view import open_case
from ui.case_view import CaseView
from ui.customer_view import CustomerView
from ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def a_customer_with_two_complaints(counter: Counter) -> tuple[list[str], CustomerRow]:
    """The complaint ids (newest first) and the stored customer of someone who complained
    more than once (the profile records 郑国强 twice)."""
    def find(ctx: ServiceContext) -> tuple[list[str], CustomerRow]:
        with ctx.store.read() as s:
            customer_id = s.scalar(select(ComplaintRow.customer_id).group_by(ComplaintRow.customer_id)
                                   .having(func.count() > 1).limit(1))
            assert customer_id is not None, "the profile has no customer with two complaints"
            ids = list(s.scalars(select(ComplaintRow.id).where(ComplaintRow.customer_id == customer_id)
                                 .order_by(ComplaintRow.received_at.desc())))
            customer = s.get(CustomerRow, customer_id)
            assert customer is not None
            s.expunge(customer)
            return ids, customer

    return counter.app.worker.call_now(find)


def _customer_screen(counter: Counter, main: MainWindow, view: CaseView) -> CustomerView:
    view.setFocus()
    press(Qt.Key.Key_H, CTRL_SHIFT)
    counter.qtbot.waitUntil(lambda: isinstance(main.tabs.currentWidget(), CustomerView), timeout=10_000)
    screen = main.tabs.currentWidget()
    assert isinstance(screen, CustomerView)
    counter.qtbot.waitUntil(lambda: screen.file is not None, timeout=10_000)
    return screen


def _texts(screen: CustomerView) -> str:
    cells = [str(screen.model.index(r, c).data() or "") for r in range(screen.model.rowCount())
             for c in range(screen.model.columnCount())]
    return " ".join([screen.heading.text(), screen.identity.text(), screen.summary.text(), *cells])


def test_the_case_screen_opens_the_customers_screen_with_all_their_complaints(counter: Counter) -> None:
    main = counter.log_in("T001")
    ids, customer = a_customer_with_two_complaints(counter)
    view = open_case(counter, main, ids[-1])
    assert view.customer_action in main.case_menu.actions()  # in the Case menu, shortcut shown
    assert view.customer_button.isVisible()

    screen = _customer_screen(counter, main, view)

    assert screen.customer_id == customer.id
    assert screen.model.rowCount() == len(ids)
    assert [screen.model.value(r).complaint_id for r in range(len(ids))] == ids  # type: ignore[union-attr]
    assert screen.file is not None
    newest = screen.file.complaints[0]
    assert screen.model.index(0, 0).data() == newest.reference
    assert screen.model.index(0, 3).data() == term("status", newest.status.value, "zh_CN")
    assert newest.status.value not in _texts(screen)  # a word, never the code
    assert all(screen.model.index(r, c).data() for r in range(len(ids)) for c in range(5))
    assert screen.heading.text() == customer.name
    shown = _texts(screen)
    for secret in (customer.id_number, customer.phone, customer.address):
        if secret:
            assert secret not in shown  # masked on this screen
    assert customer.id_number and customer.id_number[-4:] in screen.identity.text()
    assert mnemonic_clashes(main) == []
    assert geometry_problems(main) == []


def test_enter_on_a_line_opens_that_case_and_the_screen_is_reused(counter: Counter) -> None:
    main = counter.log_in("T001")
    ids, _customer = a_customer_with_two_complaints(counter)
    view = open_case(counter, main, ids[-1])
    screen = _customer_screen(counter, main, view)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(0, 0))
    press(Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: isinstance(main.tabs.currentWidget(), CaseView)
                            and main.tabs.currentWidget().complaint_id == ids[0],  # type: ignore[attr-defined]
                            timeout=10_000)
    newest = main.tabs.currentWidget()
    assert isinstance(newest, CaseView)
    counter.qtbot.waitUntil(lambda: newest.case_screen is not None, timeout=10_000)
    newest.show_customer()
    assert main.tabs.currentWidget() is screen  # one tab per customer
    assert sum(isinstance(main.tabs.widget(i), CustomerView) for i in range(main.tabs.count())) == 1


def test_the_customers_screen_follows_the_language(counter: Counter) -> None:
    main = counter.log_in("T001")
    ids, _customer = a_customer_with_two_complaints(counter)
    screen = _customer_screen(counter, main, open_case(counter, main, ids[0]))
    heading = screen.model.headerData(0, Qt.Orientation.Horizontal)
    assert heading == "投诉编号" and "投诉" in screen.summary.text()
    counter.app.set_language("en")
    counter.qtbot.waitUntil(lambda: screen.summary.text().startswith("Complaints:"), timeout=3_000)
    assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Reference"
    assert screen.file is not None
    assert screen.model.index(0, 3).data() == term("status", screen.file.complaints[0].status.value, "en")
    assert main.tabs.tabText(main.tabs.currentIndex()).startswith("Customer ")
    assert mnemonic_clashes(main) == []


def test_the_customers_full_details_show_on_that_screen_only_on_a_recorded_reveal(
        counter: Counter) -> None:
    main = counter.log_in("T001")
    ids, customer = a_customer_with_two_complaints(counter)
    screen = _customer_screen(counter, main, open_case(counter, main, ids[-1]))
    assert customer.phone and customer.phone not in screen.identity.text()
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(1, 0))  # the earlier complaint
    press(Qt.Key.Key_V, CTRL_SHIFT)
    counter.qtbot.waitUntil(lambda: customer.phone in screen.identity.text(), timeout=10_000)
    assert customer.id_number and customer.id_number in screen.identity.text()

    def viewed(ctx: ServiceContext) -> list[tuple[str, str, dict[str, object]]]:
        with ctx.store.read() as s:
            return [(e.complaint_id, e.actor, e.payload) for e in s.scalars(
                select(EventRow).where(EventRow.kind == "identity_viewed"))]

    recorded = counter.app.worker.call_now(viewed)
    assert [(c, a) for c, a, _p in recorded] == [(ids[-1], "T001")]
    assert recorded[0][2]["screen"] == "customer" and "phone" in recorded[0][2]["fields"]  # type: ignore[operator]
    assert mnemonic_clashes(main) == []


def test_the_customers_screen_shows_each_complaints_risk_signals_and_filters_on_them(
        counter: Counter) -> None:
    """郑国强 complained 40 and 13 days ago: the later complaint is a repeat within 30 days."""
    main = counter.log_in("T001")
    ids, _customer = a_customer_with_two_complaints(counter)
    screen = _customer_screen(counter, main, open_case(counter, main, ids[0]))
    risk = 5
    assert screen.model.headerData(risk, Qt.Orientation.Horizontal) == "风险"
    assert [screen.model.index(r, risk).data() for r in range(2)] == ["⚠ 1", ""]
    assert screen.model.index(0, risk).data(Qt.ItemDataRole.ToolTipRole) == "该客户近 30 天内已投诉 1 次"
    assert screen.model.index(1, risk).data(Qt.ItemDataRole.ToolTipRole) is None
    assert "有风险信号：1 件" in screen.summary.text()
    screen.risky_only.click()
    assert [screen.model.value(r).complaint_id for r in range(screen.model.rowCount())] == [ids[0]]  # type: ignore[union-attr]
    screen.risky_only.click()
    assert screen.model.rowCount() == 2
    counter.app.set_language("en")
    counter.qtbot.waitUntil(lambda: "with risk signals: 1" in screen.summary.text(), timeout=3_000)
    assert screen.model.index(0, risk).data(Qt.ItemDataRole.ToolTipRole) == (
        "The customer complained 1 time within 30 days")
    assert mnemonic_clashes(main) == []
