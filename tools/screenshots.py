"""Render the counter's main screens to PNGs in docs/screenshots/ with the demo data.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--language zh_CN|en|both]

A fresh demo profile (no HQ) is made in a temporary folder, the real windows
are driven offscreen with the keyboard as a teller would, and each screen is
grabbed: login, worklist, the five intake steps, the case view and the lock screen.
A second demo profile with its local HQ gives the supervisor's screens: a sync with
HQ under way, the day-end close's pre-check, the dashboard, and the first page of the
statistics report (the PDF `complaint-desk admin statistics` writes, drawn by PDFium).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# One offscreen screen the size of a branch counter's, as the tests use (tests/counter_screen.json).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile=" + str(
    Path(__file__).resolve().parent.parent / "tests" / "counter_screen.json"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)  # the counter's screen: the window as it is there, maximised


def wait_until(condition: Callable[[], bool], timeout_ms: int = 90_000) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > timeout_ms:
            raise TimeoutError("the screen did not get ready in time")
        QCoreApplication.processEvents()
        QTest.qWait(20)


def settle(ms: int = 150) -> None:
    QTest.qWait(ms)
    QCoreApplication.processEvents()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def grab_with_dialog(window: QWidget, dialog: QWidget, path: Path) -> None:
    """The window with a dialog over it, where it stands on the screen (one picture)."""
    settle()
    picture = window.grab()
    painter = QPainter(picture)
    offset = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(offset, dialog.grab())
    painter.end()
    picture.save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def type_into(widget: QWidget, text: str) -> None:
    """Type `text` as key presses (any script: QTest's own helper only knows ASCII)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def render(profile: Path, out: Path, language: str, suffix: str) -> None:
    from desktop.demo import DEMO_PASSWORD
    from ui.app import AppController, make_context
    from ui.interaction import RecordingInteraction

    app = make_context(profile, demo=True, interaction=RecordingInteraction(), language=language)
    app.settings.auto_sync_minutes = 0  # no HQ here: no passing "connecting" on the pictures
    controller = AppController(app)
    controller.start()
    wait_until(lambda: app.worker.is_open and app.worker.pending == 0)
    login = controller.login
    login.form.number.setText("T001")
    settle()
    grab(login, out / f"01-login{suffix}.png")

    type_into(login.form.password, DEMO_PASSWORD)
    QTest.keyClick(login.form.password, Qt.Key.Key_Return)
    wait_until(lambda: controller.main is not None and controller.main.isVisible())
    main = controller.main
    assert main is not None
    main.resize(*SIZE)
    wait_until(lambda: main.worklist.model.rowCount() > 0 and app.worker.pending == 0)
    grab(main, out / f"02-worklist{suffix}.png")

    panel = main.new_complaint()
    wait_until(lambda: app.worker.pending == 0)
    customer = panel.steps[0]
    type_into(customer.name, "刘建国")  # type: ignore[attr-defined]
    type_into(customer.id_number, "11010519491231002X")  # type: ignore[attr-defined]
    type_into(customer.phone, "138 0013 8000")  # type: ignore[attr-defined]
    type_into(customer.address, "北京市东城区东长安街1号")  # type: ignore[attr-defined]
    grab(main, out / f"03-intake-customer{suffix}.png")

    panel.next_step()
    category = panel.steps[1]
    type_into(category.search, "贷款")  # type: ignore[attr-defined]
    settle()
    category.business_type.select_code("B0201")  # type: ignore[attr-defined]
    category.cause.select_code("R0301")  # type: ignore[attr-defined]
    settle()
    samples = {"date": "2026-02-10", "money": "1200000", "integer": "3",
               "masked_card": "622202******1234", "text": "LN20260210-0042"}
    for spec in category._extra_specs:  # type: ignore[attr-defined]
        row = category.extra_form.rows[f"extra_fields.{spec.key}"]  # type: ignore[attr-defined]
        if spec.required and spec.type.value in samples:
            type_into(row.widget, samples[spec.type.value])
    grab(main, out / f"04-intake-category{suffix}.png")

    panel.next_step()
    details = panel.steps[2]
    type_into(details.incident_date, "2026-02-10")  # type: ignore[attr-defined]
    type_into(details.description,  # type: ignore[attr-defined]
              "二月十日提交的住房贷款申请至今没有审批结果，多次电话询问均被告知继续等待。")
    type_into(details.product, "个人住房贷款")  # type: ignore[attr-defined]
    type_into(details.amount, "1200000")  # type: ignore[attr-defined]
    type_into(details.request, "要求尽快给出审批结论并书面说明延误原因。")  # type: ignore[attr-defined]
    type_into(details.contact_time, "工作日 18:00 以后")  # type: ignore[attr-defined]
    type_into(details.recording_reference, "3号窗口 09:00-09:30")  # type: ignore[attr-defined]
    grab(main, out / f"05-intake-details{suffix}.png")

    panel.next_step()
    wait_until(lambda: app.worker.pending == 0)
    review = panel.steps[3]
    review.consent.setChecked(True)  # type: ignore[attr-defined]
    grab(main, out / f"06-intake-review{suffix}.png")

    panel.next_step()
    panel.save()
    wait_until(lambda: panel.result is not None and app.worker.pending == 0)
    grab(main, out / f"07-intake-saved{suffix}.png")

    result = panel.result
    assert result is not None
    view = main.open_case(result.complaint_id)
    wait_until(lambda: view.case_screen is not None and app.worker.pending == 0)
    main.tabs.setCurrentWidget(view)
    grab(main, out / f"08-case{suffix}.png")

    main.lock()
    grab(main, out / f"09-lock{suffix}.png")

    main.close()
    controller.login.close()
    app.worker.shutdown()
    app.languages.uninstall()  # the next run's language is not shadowed by this one's


def log_in(profile: Path, language: str, staff: str) -> tuple[object, object]:
    """The app on `profile` in `language`, `staff` logged in; (context, controller)."""
    from desktop.demo import DEMO_PASSWORD
    from ui.app import AppController, make_context
    from ui.interaction import RecordingInteraction

    app = make_context(profile, demo=True, interaction=RecordingInteraction(), language=language)
    app.settings.auto_sync_minutes = 0  # the sync below is the one on the picture
    controller = AppController(app)
    controller.start()
    wait_until(lambda: app.worker.is_open and app.worker.pending == 0)
    login = controller.login
    login.form.number.setText(staff)
    type_into(login.form.password, DEMO_PASSWORD)
    QTest.keyClick(login.form.password, Qt.Key.Key_Return)
    wait_until(lambda: controller.main is not None and controller.main.isVisible())
    return app, controller


def render_supervisor(profile: Path, out: Path, language: str, suffix: str) -> None:
    """A supervisor's screens on a branch PC enrolled with the demo's local HQ: the sync
    uploading the demo's events, the day-end pre-check, the dashboard and the statistics."""
    from ui.app import AppController
    from ui.context import AppContext

    app, controller = log_in(profile, language, "S001")
    assert isinstance(app, AppContext) and isinstance(controller, AppController)
    main = controller.main
    assert main is not None
    main.resize(*SIZE)
    wait_until(lambda: main.worklist.model.rowCount() > 0 and app.worker.pending == 0)
    bar = main.status.sync_bar
    assert main.sync_now()
    wait_until(lambda: bar.isVisible() and 0 < bar.value() < bar.maximum(), 60_000)
    grab(main, out / f"10-syncing{suffix}.png")
    wait_until(lambda: main.sync.running is None and app.worker.pending == 0, 120_000)

    dialog = main.close_day()
    assert dialog is not None
    wait_until(dialog.confirm_button.isEnabled, 60_000)
    grab_with_dialog(main, dialog, out / f"11-day-end{suffix}.png")
    dialog.reject()
    settle()

    dashboard = main.open_dashboard()
    assert dashboard is not None
    wait_until(lambda: dashboard.figures is not None and app.worker.pending == 0, 60_000)
    grab(main, out / f"12-dashboard{suffix}.png")
    render_statistics(app, out, language, suffix)

    main.close()
    controller.login.close()
    app.worker.shutdown()
    app.languages.uninstall()  # the next run's language is not shadowed by this one's


def render_statistics(app: object, out: Path, language: str, suffix: str) -> None:
    """Page 1 of the statistics report of the last quarter by business type (the PDF the
    app's export and the command line write), drawn as the print preview draws it."""
    from datetime import timedelta

    from desktop.services.context import ServiceContext
    from desktop.services.statistics import write_branch_statistics
    from ui.context import AppContext
    from ui.print_preview import render_pages

    assert isinstance(app, AppContext)
    actor = app.staff.require()
    pdf = app.profile / "statistics-screenshot.pdf"

    def report(ctx: ServiceContext) -> None:
        today = ctx.business_date()
        write_branch_statistics(ctx, actor, today - timedelta(days=90), today,
                                ("business_type",), "pdf", pdf, language)

    app.worker.call_now(report)
    path = out / f"13-statistics-report{suffix}.png"
    render_pages(pdf.read_bytes(), 1.6)[0].save(str(path))
    pdf.unlink()
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("zh_CN", "en", "both"), default="both")
    parser.add_argument("--complaints", type=int, default=300)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from desktop.demo import prepare_demo
    from ui.app import make_application
    from ui.i18n import register_cjk_font

    qt_app = make_application()
    register_cjk_font(qt_app)
    languages = ("zh_CN", "en") if args.language == "both" else (args.language,)
    with tempfile.TemporaryDirectory(prefix="complaint-desk-screens-") as tmp:
        for language in languages:
            suffix = "" if language == "zh_CN" else "-en"
            profile = Path(tmp) / f"demo-{language}"
            prepare_demo(profile, complaints=args.complaints, with_hq=False)
            render(profile, args.out, language, suffix)
            branch = Path(tmp) / f"branch-{language}"
            hq = prepare_demo(branch, complaints=args.complaints, with_hq=True)
            try:
                render_supervisor(branch, args.out, language, suffix)
            finally:
                if hq is not None:
                    hq.stop()
    qt_app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
