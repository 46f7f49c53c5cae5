"""Risk signals on the worklist: a compact marker column explained on hover, a filter by
signal (in SQL, so the count and the pages are the store's), and the case screen's line.

The profile's 郑国强 complained 40 and 13 days ago (tests/ui/conftest.py): the later one is
the only repeat complainant's complaint (every seeded complaint has a customer of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.risk import SIGNAL_CODES
from desktop.domain.worklist import RISK_ANY, Worklist, WorklistQuery
from desktop.services.cases import worklist_count
from desktop.services.context import ServiceContext
from tests.ui.conftest import Counter
from tests.ui.screens import geometry_problems, mnemonic_clashes
from tests.ui.test_case_view import open_case
from ui.worklist_model import CASE_ID_ROLE, COLUMNS
from ui.worklist_view import WORKLISTS

RISK = [name for name, _, _ in COLUMNS].index("risk")


def choose(counter: Counter, risk: str) -> None:
    panel = counter.main.worklist
    with counter.qtbot.waitSignal(panel.model.loaded, timeout=10_000):
        panel.risk_filter.setCurrentIndex(panel.risk_filter.findData(risk))


def test_the_filter_shows_only_complaints_with_the_chosen_signal(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.worklist
    with counter.qtbot.waitSignal(panel.model.loaded, timeout=10_000):
        panel.lists.setCurrentRow(WORKLISTS.index(Worklist.ALL))
    everything = panel.model.total
    assert panel.risk_filter.itemText(0) == "全部投诉" and panel.risk_filter.itemText(1) == "有风险信号"
    assert [panel.risk_filter.itemData(i) for i in range(panel.risk_filter.count())] == [
        "", RISK_ANY, *SIGNAL_CODES]

    choose(counter, RISK_ANY)

    def counted(ctx: ServiceContext) -> int:
        return worklist_count(ctx, WorklistQuery(worklist=Worklist.ALL, risk=RISK_ANY))

    flagged = counter.app.worker.call_now(counted)
    model = panel.model
    assert model.total == flagged and 0 < flagged < (everything or 0)
    counter.qtbot.waitUntil(lambda: model.line(0) is not None, timeout=10_000)
    shown = min(model.rowCount(), 20)
    counter.qtbot.waitUntil(lambda: all(model.line(r) for r in range(shown)), timeout=10_000)
    assert all(str(model.index(r, RISK).data()).startswith("⚠ ") for r in range(shown))
    assert all(model.index(r, RISK).data(Qt.ItemDataRole.ToolTipRole) for r in range(shown))

    choose(counter, "repeat_complainant")
    assert model.total == 1
    counter.qtbot.waitUntil(lambda: model.line(0) is not None, timeout=10_000)
    assert model.index(0, RISK).data() == "⚠ 1"
    assert model.index(0, RISK).data(Qt.ItemDataRole.ToolTipRole) == "该客户近 30 天内已投诉 1 次"
    assert model.headerData(RISK, Qt.Orientation.Horizontal) == "风险"
    complaint_id = model.index(0, 0).data(CASE_ID_ROLE)

    # Another list keeps the filter; "all complaints" drops it.
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        panel.lists.setCurrentRow(WORKLISTS.index(Worklist.CLOSED))
    assert model.query.risk == "repeat_complainant"
    choose(counter, "")
    assert model.query.risk == ""
    assert mnemonic_clashes(main) == [] and geometry_problems(main) == []

    view = open_case(counter, main, str(complaint_id))
    assert view.risk.isVisible()
    assert view.risk.text() == "风险信号：该客户近 30 天内已投诉 1 次"


def test_the_risk_column_and_filter_follow_the_language(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.worklist
    with counter.qtbot.waitSignal(panel.model.loaded, timeout=10_000):
        panel.lists.setCurrentRow(WORKLISTS.index(Worklist.ALL))
    choose(counter, "repeat_complainant")
    counter.app.set_language("en")
    counter.qtbot.waitUntil(lambda: panel.risk_filter.currentText() == "Repeat complainant",
                            timeout=3_000)
    assert panel.model.headerData(RISK, Qt.Orientation.Horizontal) == "Risk"
    counter.qtbot.waitUntil(lambda: panel.model.line(0) is not None, timeout=10_000)
    assert panel.model.index(0, RISK).data(Qt.ItemDataRole.ToolTipRole) == (
        "The customer complained 1 time within 30 days")
    assert mnemonic_clashes(main) == []
