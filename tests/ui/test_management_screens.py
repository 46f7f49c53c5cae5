"""The supervisor's screens of the management loop on a small hand-counted profile
(tests/analytics/profile.py, plus H with two corrective actions), the app's clock fixed on
1 May 2026: staff performance, the open corrective actions marked done, and the statistics
exported as XLSX, CSV and PDF from the app.

H: received and resolved on 20 April (root cause "process or rules"), its actions due on
25 April (overdue on 1 May) and on 20 May."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush

from desktop.demo import DEMO_BRANCH, DEMO_BRANCH_NAME, DEMO_PASSWORD, DEMO_STAFF
from desktop.domain.model import Actor, EventKind, Outcome, Role
from desktop.domain.root_causes import CorrectiveActionInput
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.profile import open_profile
from desktop.security.staff import add_staff
from desktop.services import complaints as uc
from desktop.services.cases import worklist_count
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.store.models import EventRow
from tests.analytics.profile import build_profile
from tests.conftest import SettableClock
from tests.services.intakes import DECISION_PARTS, sample_intake
from tests.ui.conftest import Counter
from tests.ui.screens import geometry_problems, mnemonic_clashes
from ui.corrective_actions import OVERDUE_FOREGROUND, DoneDialog
from ui.statistics_export import day_of

MAY_1 = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)  # 10:00 in Beijing
TELLER, SUPERVISOR = Actor("T001", Role.TELLER), Actor("S001", Role.SUPERVISOR)


@pytest.fixture(scope="module")
def small_template(tmp_path_factory: pytest.TempPathFactory, test_keyring: Path) -> Path:
    folder = tmp_path_factory.mktemp("small-profile") / "profile"
    store = open_profile(folder)
    try:
        set_up_device(store, branch_code=DEMO_BRANCH, branch_name=DEMO_BRANCH_NAME,
                      device_number=1)
        for number, name, role in DEMO_STAFF:
            add_staff(store, number=number, name=name, role=role, branch_code=DEMO_BRANCH,
                      password=DEMO_PASSWORD)
        clock = SettableClock()
        ctx = load_context(store, clock=clock)
        build_profile(ctx, clock, TELLER, SUPERVISOR)
        h = uc.record_complaint(ctx, TELLER, sample_intake()).complaint_id
        uc.resolve(ctx, TELLER, h, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS,
                   root_cause="process_rules", corrective_actions=(
                       CorrectiveActionInput("修订排队叫号规则", "S001", date(2026, 4, 25)),
                       CorrectiveActionInput("柜员服务培训", "T002", date(2026, 5, 20))))
    finally:
        store.close()
    return folder


@pytest.fixture
def make_small_counter(make_counter: Callable[..., Counter], small_template: Path,
                       tmp_path: Path) -> Callable[..., Counter]:
    """The app on a copy of the small profile, its clock on 1 May 2026."""
    folder = tmp_path / "small"
    shutil.copytree(small_template, folder)
    return lambda language="zh_CN": make_counter(folder, language, clock=lambda: MAY_1)


def set_day(edit: object, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))  # type: ignore[attr-defined]


# -- staff performance -------------------------------------------------------------------------

def test_staff_performance_shows_the_hand_counted_figures(
        make_small_counter: Callable[..., Counter], qtmodeltester: object) -> None:
    counter = make_small_counter()
    main = counter.log_in("S001")
    panel = main.open_staff_performance()
    assert panel is not None
    counter.wait_idle()  # this quarter's figures, asked for on opening
    assert day_of(panel.first) == date(2026, 4, 1)  # the app's clock: 1 May
    set_day(panel.first, date(2026, 3, 1))
    set_day(panel.last, date(2026, 3, 15))
    with counter.qtbot.waitSignal(panel.loaded, timeout=15_000):
        counter.qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    model = panel.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    # A-E (F a repeat); decided A (2 days), B (1), E (49, late); A and B upheld (in part).
    assert model.rowCount() == 1
    assert row[:8] == ["T001", "5", "3", "67%", "2.0", "67%", "0%", "—"]
    names = counter.app.categories()
    assert row[8].startswith(names.label("business_type", "B0101", "zh_CN"))
    assert "B0101" not in row[8]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "办结天数中位数"
    # April: H (same day, on time, upheld) and G (open).
    set_day(panel.first, date(2026, 4, 1))
    set_day(panel.last, date(2026, 4, 30))
    with counter.qtbot.waitSignal(panel.loaded, timeout=15_000):
        panel.refresh()
    row = [model.data(model.index(0, c)) for c in range(8)]
    assert row == ["T001", "2", "1", "100%", "0.0", "100%", "0%", "—"]


def test_a_teller_sees_their_own_figures_and_is_refused_anyone_elses(
        make_small_counter: Callable[..., Counter]) -> None:
    counter = make_small_counter()
    main = counter.log_in("T002")
    assert not main.dashboard_action.isVisible()
    assert not main.export_statistics_action.isVisible()
    assert main.open_statistics_export() is None
    panel = main.open_staff_performance()
    assert panel is not None
    counter.wait_idle()  # this quarter's figures, asked for on opening
    assert day_of(panel.first) == date(2026, 4, 1)  # the app's clock: 1 May
    assert "只能看到自己" in panel.note.text()
    set_day(panel.first, date(2026, 3, 1))
    with counter.qtbot.waitSignal(panel.loaded, timeout=15_000):
        panel.refresh()
    assert panel.model.rowCount() == 0  # T002 handles no complaint
    panel.staff.setText("T001")
    with counter.qtbot.waitSignal(panel.loaded, timeout=15_000):
        panel.refresh()
    assert panel.model.rowCount() == 0
    _title, text = counter.interaction.messages[-1]
    assert "柜员" in text and "统计" in text  # the role and the permission, in words


# -- corrective actions ------------------------------------------------------------------------

def test_the_open_corrective_actions_and_one_marked_done(
        make_small_counter: Callable[..., Counter], qtmodeltester: object) -> None:
    counter = make_small_counter()
    main = counter.log_in("S001")
    overdue = WorklistQuery(worklist=Worklist.ACTIONS_OVERDUE)
    assert counter.app.worker.call_now(lambda ctx: worklist_count(ctx, overdue)) == 1
    panel = main.open_corrective_actions()
    assert panel is not None
    counter.qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=15_000)
    model = panel.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    cells = [[model.data(model.index(r, c)) for c in range(5)] for r in range(2)]
    assert [c[1:] for c in cells] == [["流程或制度", "修订排队叫号规则", "S001", "2026-04-25"],
                                      ["流程或制度", "柜员服务培训", "T002", "2026-05-20"]]
    red = model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QBrush) and red.color().name() == OVERDUE_FOREGROUND
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ForegroundRole) is None
    assert panel.summary.text() == "2 项未完成，1 项逾期"
    panel.overdue_only.setChecked(True)
    counter.qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15_000)
    assert model.value(0) is not None and model.value(0).what == "修订排队叫号规则"  # type: ignore[union-attr]

    panel.table.selectRow(0)
    panel.mark_done()
    dialog = panel.dialog
    assert isinstance(dialog, DoneDialog)
    counter.qtbot.waitUntil(dialog.isVisible)
    assert mnemonic_clashes(dialog) == [] and geometry_problems(dialog) == []
    dialog.note.setPlainText("叫号规则已修订并张贴")
    dialog.accept()
    counter.qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=15_000)
    assert panel.summary.text() == "0 项未完成，0 项逾期"

    def recorded(ctx: ServiceContext) -> list[tuple[str, str, str, bool]]:
        with ctx.store.read() as s:
            return [(e.actor, e.payload["note"], e.origin, e.sent) for e in s.query(EventRow)
                    .filter(EventRow.kind == EventKind.CORRECTIVE_ACTION_DONE.value)]

    # One event, by the supervisor, with the note, in the outbox for HQ like any other.
    assert counter.app.worker.call_now(recorded) == [("S001", "叫号规则已修订并张贴", "local",
                                                      False)]
    assert counter.app.worker.call_now(lambda ctx: worklist_count(ctx, overdue)) == 0
    panel.overdue_only.setChecked(False)
    counter.qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15_000)
    assert model.value(0).what == "柜员服务培训"  # type: ignore[union-attr]


# -- statistics export -------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_statistics_exported_from_the_app(make_small_counter: Callable[..., Counter],
                                              tmp_path: Path, language: str) -> None:
    from ui.statistics_export import StatisticsExportDialog

    counter = make_small_counter(language)
    main = counter.log_in("S001")
    dashboard = main.open_dashboard()  # its button opens the same dialog as the menu
    assert dashboard is not None
    counter.qtbot.mouseClick(dashboard.export_button, Qt.MouseButton.LeftButton)
    dialog = main.findChild(StatisticsExportDialog)
    assert dialog is not None
    dialog.folder = tmp_path
    set_day(dialog.first, date(2026, 3, 1))
    set_day(dialog.last, date(2026, 3, 15))
    written: dict[str, Path] = {}
    for i, fmt in enumerate(("xlsx", "csv", "pdf")):
        dialog.format.setCurrentIndex(i)
        with counter.qtbot.waitSignal(dialog.written, timeout=20_000) as signal:
            counter.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        written[fmt] = signal.args[0]
    assert written["xlsx"] == tmp_path / "statistics-2026-03-01-2026-03-15.xlsx"
    sheet = openpyxl.load_workbook(written["xlsx"], read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    total = "合计" if language == "zh_CN" else "Total"
    assert rows[-1][0] == total and rows[-1][2:] == (5, 3, 1, 1, 1, 1, 1, 2)
    with written["csv"].open(encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[-1][0] == total and lines[-1][2:] == ["5", "3", "1", "1", "1", "1", "1", "2"]
    assert written["pdf"].read_bytes().startswith(b"%PDF")
    title, text = counter.interaction.messages[-1]
    if language == "zh_CN":
        assert title == "统计已导出" and text == f"统计已写入 {written['pdf']}"
    else:
        assert title == "Statistics exported"
        assert text == f"The statistics were written to {written['pdf']}"


def test_a_reversed_period_is_refused_and_nothing_is_written(
        make_small_counter: Callable[..., Counter], tmp_path: Path) -> None:
    counter = make_small_counter()
    main = counter.log_in("S001")
    dialog = main.open_statistics_export()
    assert dialog is not None
    counter.qtbot.waitUntil(dialog.isVisible)
    assert mnemonic_clashes(dialog) == [] and geometry_problems(dialog) == []
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder = out
    set_day(dialog.first, date(2026, 3, 15))
    set_day(dialog.last, date(2026, 3, 1))
    with counter.qtbot.waitSignal(dialog.failed, timeout=15_000) as signal:
        dialog.export()
    assert signal.args[0] == "统计期间的结束日期早于开始日期"
    assert list(out.iterdir()) == []
    assert counter.interaction.messages[-1] == ("统计未导出", signal.args[0])
