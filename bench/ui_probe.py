"""The memory row of bench_ui: a window process as a teller uses it, then its resident size.

    COMPLAINT_DESK_PROBE_PASSWORD=... python -m bench.ui_probe PROFILE

Imports only what the app imports (no benchmark helpers, no demo module), logs in as
T001, shows every complaint in the worklist and scrolls it to the end, opens a case and
a new intake (with --receipt also the case's receipt in the print preview, which loads
the document layer), waits for the worker, and prints `rss-kb N rows M`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path


def wait(condition: Callable[[], bool], timeout: float = 300.0) -> None:
    from PySide6.QtCore import QCoreApplication, QThread

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        QThread.msleep(2)


def resident_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def probe(profile: Path, password: str, with_receipt: bool = False) -> int:
    from desktop.domain.worklist import Worklist
    from ui.app import AppController, make_application, make_context
    from ui.i18n import register_cjk_font
    from ui.worklist_model import CASE_ID_ROLE
    from ui.worklist_view import WORKLISTS

    qt = make_application()
    register_cjk_font(qt)
    app = make_context(profile)
    controller = AppController(app)
    controller.start()
    wait(lambda: app.worker.is_open and app.worker.pending == 0)
    controller.login.form.number.setText("T001")
    controller.login.form.password.setText(password)
    controller.login.form.submit()
    wait(lambda: controller.main is not None and controller.main.isVisible())
    main = controller.main
    assert main is not None
    worklist = main.worklist
    worklist.lists.setCurrentRow(WORKLISTS.index(Worklist.ALL))  # every complaint
    model = worklist.model
    wait(lambda: model.query.worklist.value == "all" and model.rowCount() > 1000
         and app.worker.pending == 0)
    table = worklist.table
    for fraction in (0.25, 0.5, 0.75, 1.0):
        table.scrollTo(model.index(int((model.rowCount() - 1) * fraction), 0))
        table.viewport().repaint()
        wait(lambda: app.worker.pending == 0)
        table.viewport().repaint()
    case = main.open_case(str(model.data(model.index(0, 0), CASE_ID_ROLE)))
    main.new_complaint()
    wait(lambda: app.worker.pending == 0)
    if with_receipt:  # the documents loaded: a receipt in the print preview
        from ui.print_preview import PrintPreviewDialog

        wait(lambda: case.case_screen is not None)
        case.print_receipt()
        wait(lambda: (d := case.findChild(PrintPreviewDialog)) is not None and d.document is not None)
        wait(lambda: app.worker.pending == 0)
    rss = resident_kb()
    print(f"rss-kb {rss} rows {model.rowCount()}", flush=True)
    main.close()
    app.worker.shutdown()
    return rss


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    probe(Path(sys.argv[1]), os.environ["COMPLAINT_DESK_PROBE_PASSWORD"],
          with_receipt="--receipt" in sys.argv[2:])
