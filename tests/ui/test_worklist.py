"""The worklist: the lists a counter works from, one search box, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.worklist import Worklist
from tests.ui.conftest import Counter
from tests.ui.keys import press, type_text
from ui.worklist_model import CASE_ID_ROLE
from ui.worklist_view import WORKLISTS


def rows(counter: Counter) -> list[tuple[str, str]]:
    model = counter.main.worklist.model
    return [(str(model.data(model.index(r, 0))), str(model.data(model.index(r, 6))))
            for r in range(model.rowCount())]


def test_my_cases_are_the_ones_i_handle(counter: Counter) -> None:
    main = counter.log_in("T002")
    model = main.worklist.model
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        press(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier, main.worklist.table)
    assert main.worklist.current_worklist() is Worklist.MINE
    assert rows(counter) and all(handler == "T002" for _, handler in rows(counter))


def test_one_search_box_finds_a_complaint_by_its_reference(counter: Counter) -> None:
    main = counter.log_in("T001")
    model = main.worklist.model
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        main.worklist.lists.setCurrentRow(WORKLISTS.index(Worklist.ALL))
    reference = str(model.data(model.index(3, 0))).rstrip(" ⚑")
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, main.worklist.table)
    type_text(reference, main.worklist.search)
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        press(Qt.Key.Key_Return, widget=main.worklist.search)
    assert [r for r, _ in rows(counter)] in ([reference], [reference + " ⚑"])


def test_the_search_finds_customers_by_the_last_digits_of_their_phone(counter: Counter) -> None:
    main = counter.log_in("T001")

    def a_phone(ctx: object) -> tuple[str, str]:
        from sqlalchemy import select

        from desktop.store.models import ComplaintRow, CustomerRow

        with ctx.store.read() as s:  # type: ignore[attr-defined]
            row = s.execute(select(CustomerRow.phone, CustomerRow.name)
                            .join(ComplaintRow, ComplaintRow.customer_id == CustomerRow.id)
                            .limit(1)).one()
            return str(row[0]), str(row[1])

    phone, name = counter.app.worker.call_now(a_phone)
    model = main.worklist.model
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        main.worklist.lists.setCurrentRow(WORKLISTS.index(Worklist.ALL))
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        main.worklist.search.setText(phone[-4:])
    names = {str(model.data(model.index(r, 1))) for r in range(model.rowCount())}
    assert name in names


def test_enter_opens_the_selected_case(counter: Counter) -> None:
    main = counter.log_in("T001")
    model = main.worklist.model
    counter.qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    expected = model.data(model.index(0, 0), CASE_ID_ROLE)
    main.worklist.table.setFocus()
    press(Qt.Key.Key_Return, widget=main.worklist.table)
    assert [v.complaint_id for v in main.case_views()] == [expected]


def test_the_status_bar_shows_who_is_logged_in_and_what_is_unsent(counter: Counter) -> None:
    main = counter.log_in("S001")
    counter.qtbot.waitUntil(lambda: "?" not in main.status.unsent.text(), timeout=10_000)
    assert "张敏" in main.status.user.text() and "S001" in main.status.user.text()
    assert any(ch.isdigit() for ch in main.status.unsent.text())
    assert main.status.connection.text()  # online, offline, or not known yet
