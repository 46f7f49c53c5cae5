"""Exporting the worklist from the app: off the GUI thread, names masked for a teller, the
file read back with openpyxl; cancelling leaves no file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services.cases import worklist_count
from tests.ui.conftest import Counter
from ui.worklist_view import WORKLISTS


def test_a_teller_exports_the_branch_list_masked(counter: Counter, tmp_path: Path) -> None:
    main = counter.log_in("T001")
    panel = main.worklist
    panel.show_filtered(Worklist.BRANCH)
    counter.wait_idle()
    assert panel.lists.currentRow() == WORKLISTS.index(Worklist.BRANCH)
    panel.exporter.folder = tmp_path / "out"
    panel.exporter.folder.mkdir()
    with counter.qtbot.waitSignal(panel.exporter.finished, timeout=30_000) as done:
        counter.qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    expected = counter.app.worker.call_now(
        lambda ctx: worklist_count(ctx, WorklistQuery(worklist=Worklist.BRANCH)))
    assert done.args == [expected]
    [written] = list((tmp_path / "out").glob("worklist-branch-*.xlsx"))
    rows = list(openpyxl.load_workbook(written, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == expected + 1
    assert all("*" in str(r[2]) for r in rows[1:])  # every name masked


def test_cancelling_an_export_leaves_no_file(counter: Counter, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    main = counter.log_in("T001")
    panel = main.worklist
    folder = tmp_path / "exports"
    folder.mkdir()
    panel.exporter.folder = folder
    from desktop.services import exports

    monkeypatch.setattr(exports, "PAGE", 5)
    original = exports.write_xlsx

    def slow_and_often(*args: object, **kwargs: object) -> int:
        kwargs["every"] = 1
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(exports, "write_xlsx", slow_and_often)
    panel.exporter.finished.connect(lambda _n: pytest.fail("the export was not cancelled"))
    with counter.qtbot.waitSignal(panel.exporter.cancelled, timeout=30_000):
        counter.qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
        assert panel.exporter.task is not None
        panel.exporter.task.cancel()
    counter.wait_idle()
    assert list(folder.iterdir()) == []
