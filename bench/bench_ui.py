"""Counter UI targets (UI issue): cold start to the login window, login to a usable worklist,
moving between intake steps, and the window's memory with a million complaints.

- Cold start: a new process per run, from spawning it to the login window's first paint,
  compared with a bare PySide6 window measured the same way, alternately (issue 16: at most
  1.5× it; the rows carry the bare window's median as `floor_ms`).
  Both the app's own entry (`ui.app.run_app`) and the `complaint-desk` console script
  (which parses the command line in desktop.cli first) are measured.
- Login to usable worklist: from pressing Enter in the password field (argon2 check
  included) to the worklist's first page on screen, on a profile of N complaints.
- Intake steps: one move forward or back, including the repaint.
- Memory: resident set of a separate window process after login, the worklist scrolled
  to its end, a case and an intake open; and again once a receipt preview has loaded the
  document layer (reportlab, the CJK font, PDFium).

    python -m bench --only bench_ui [--quick]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.data import seeded_profile
from bench.timing import row

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PROBE_ENV = "COMPLAINT_DESK_STARTUP_PROBE"

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
w = QLabel("Complaint Desk")
class Probe(QObject):
    def eventFilter(self, o, e):
        if o is w and e.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
p = Probe()
w.installEventFilter(p)
w.show()
app.exec()
"""

APP_WINDOW = """
import sys
from pathlib import Path
from ui.app import run_app
sys.exit(run_app(Path(sys.argv[1])))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env[PROBE_ENV] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _time_to_paint(args: list[str], marker: str) -> float:
    """Milliseconds from spawning `args` until it prints a line starting with `marker`."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=_env(), cwd=ROOT, text=True)
    assert process.stdout is not None
    elapsed = float("nan")
    for line in process.stdout:
        if line.startswith(marker):
            elapsed = (time.perf_counter() - started) * 1000
            break
    process.stdout.close()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
    if elapsed != elapsed:  # NaN: it never painted
        raise RuntimeError(f"{args[1:3]} never showed its window")
    return elapsed


def cold_start(profile: Path, runs: int) -> list[dict[str, Any]]:
    """Bare window, app, console script, bare, app, script, …: each start beside the bare
    PySide6 window's (issue 16: at most 1.5× it)."""
    bare: list[float] = []
    app: list[float] = []
    script: list[float] = []
    for _ in range(runs):
        bare.append(_time_to_paint([PYTHON, "-c", BARE_WINDOW], "painted"))
        app.append(_time_to_paint([PYTHON, "-c", APP_WINDOW, str(profile)], "login-painted"))
        script.append(_time_to_paint([PYTHON, "-m", "ui.main", "--profile", str(profile)],
                                     "login-painted"))
    reference = "a bare PySide6 window, started the same way"
    return [
        row("cold start: bare PySide6 window (the reference)", None, bare),
        row("cold start to login window (ui.app)", None, app, floor=bare, target_ratio=1.5,
            floor_name=reference),
        row("cold start to login window (complaint-desk script)", None, script, floor=bare,
            target_ratio=1.5, floor_name=reference),
    ]


# -- in-process measurements (one QApplication, offscreen) ----------------------------------------

def _wait(condition: Any, timeout: float = 60.0) -> None:
    from PySide6.QtCore import QCoreApplication, QThread

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        QThread.msleep(1)


def _counter(profile: Path) -> Any:
    from ui.app import AppController, make_application, make_context
    from ui.i18n import register_cjk_font
    from ui.interaction import RecordingInteraction

    qt = make_application()
    register_cjk_font(qt)
    app = make_context(profile, interaction=RecordingInteraction())
    controller = AppController(app)
    controller.start()
    _wait(lambda: app.worker.is_open and app.worker.pending == 0)
    return controller


def _close(controller: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    if controller.main is not None:
        controller.main.close()
        controller.main.deleteLater()
    controller.login.close()
    controller.login.deleteLater()
    controller.app.worker.shutdown()
    QCoreApplication.processEvents()


def login_to_worklist(profile: Path, complaints: int, runs: int) -> dict[str, Any]:
    from desktop.demo import DEMO_PASSWORD

    times = []
    for _ in range(runs):
        controller = _counter(profile)
        login = controller.login
        login.form.number.setText("T001")
        login.form.password.setText(DEMO_PASSWORD)
        started = time.perf_counter()
        login.form.submit()
        _wait(lambda c=controller: c.main is not None and c.main.isVisible())
        model = controller.main.worklist.model
        _wait(lambda m=model: m.rowCount() > 0 and m.line(0) is not None)
        controller.main.worklist.table.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
        _close(controller)
    return row(f"login to usable worklist ({complaints:,} complaints)", 300, times)


def intake_steps(profile: Path, runs: int) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication

    from desktop.demo import DEMO_PASSWORD

    controller = _counter(profile)
    login = controller.login
    login.form.number.setText("T001")
    login.form.password.setText(DEMO_PASSWORD)
    login.form.submit()
    _wait(lambda: controller.main is not None and controller.main.isVisible())
    main = controller.main
    panel = main.new_complaint()
    customer = panel.steps[0]
    customer.name.setText("王小明")
    customer.id_number.setText("11010519491231002X")
    customer.phone.setText("13800138000")
    panel.steps[1].business_type.select_code("B0201")
    panel.steps[1].cause.select_code("R0101")
    _wait(lambda: controller.app.worker.pending == 0)
    times = []
    for i in range(runs + 2):
        target = 1 if panel.current_step == 0 else 0
        started = time.perf_counter()
        moved = panel.go_to(target)
        main.repaint()
        QCoreApplication.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        if not moved:
            raise RuntimeError(f"the intake did not move: {panel.messages()}")
        if i >= 2:  # the first two moves build the pages for the first time
            times.append(elapsed)
        _wait(lambda: controller.app.worker.pending == 0)
    _close(controller)
    return row("move between intake steps", 50, times)


# -- memory, in a process of its own (bench/ui_probe.py) ----------------------------------------

def memory(profile: Path, complaints: int, *, receipt: bool = False) -> dict[str, Any]:
    from desktop.demo import DEMO_PASSWORD

    env = {**_env(), "COMPLAINT_DESK_PROBE_PASSWORD": DEMO_PASSWORD}
    env.pop(PROBE_ENV)
    done = subprocess.run([PYTHON, "-m", "bench.ui_probe", str(profile),
                           *(["--receipt"] if receipt else [])],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("rss-kb")), None)
    if line is None:
        raise RuntimeError("memory probe failed: " + done.stderr.strip()[-400:])
    kb = int(line.split()[1])
    what = " and a receipt preview" if receipt else ""
    return {"name": f"GUI memory (RSS) with {complaints:,} complaints{what}", "target_mb": 200,
            "value_mb": round(kb / 1024, 1)}


def run(quick: bool) -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    complaints = 20_000 if quick else 1_000_000
    profile = seeded_profile(complaints)
    rows = cold_start(profile, 3 if quick else 10)
    rows.append(login_to_worklist(profile, complaints, 2 if quick else 5))
    rows.append(intake_steps(profile, 10 if quick else 40))
    rows.append(memory(profile, complaints))
    rows.append(memory(profile, complaints, receipt=True))
    return rows


if __name__ == "__main__":
    for r in run("--quick" in sys.argv):
        print(r)
