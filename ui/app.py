"""Starting the desktop app: the login window first, the database layer behind it.

`run_app()` imports only Qt and a few light modules before the login window is
on screen; the profile's database (SQLAlchemy, migrations, the policy) is
opened on the database worker after the window has painted, and the main
window's modules are loaded there too while the teller types their password.

What can go wrong: a profile that was never set up, or a database that cannot
be opened, is reported in the login window (login stays disabled).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.i18n import normalise_locale
from ui.context import AppContext, BranchInfo, Clock, utc_now
from ui.i18n import Languages, register_cjk_font
from ui.interaction import Interaction, error_text
from ui.login import LoginWindow
from ui.memory import lean_imports
from ui.settings import UiSettings
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.services.context import ServiceContext
    from ui.main_window import MainWindow

log = logging.getLogger("complaint_desk.ui.app")

# Set by the startup benchmark: print the moment the login window has painted, then quit.
STARTUP_PROBE_ENV = "COMPLAINT_DESK_STARTUP_PROBE"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with high-DPI scaling that follows the screen exactly."""
    lean_imports()  # before the database layer and the documents are imported
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Complaint Desk")
    app.setOrganizationName("ComplaintDesk")
    app.setApplicationDisplayName("Complaint Desk")
    return app


def make_context(profile: Path, *, demo: bool = False, clock: Clock = utc_now,
                 interaction: Interaction | None = None, language: str | None = None) -> AppContext:
    """The application context for `profile` (QApplication must exist). Nothing is opened yet."""
    lean_imports()
    settings = UiSettings.load(profile)
    chosen = language or settings.language or os.environ.get("COMPLAINT_DESK_LANG") or "zh_CN"
    languages = Languages(normalise_locale(chosen))
    languages.install()
    worker = DatabaseWorker()
    return AppContext(profile=profile, worker=worker, languages=languages, settings=settings,
                      interaction=interaction or Interaction(), clock=clock, demo=demo)


class AppController(QObject):
    """Owns the login window and the main window and moves between them."""

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.login = LoginWindow(app)
        self.main: MainWindow | None = None
        self._opening_started = False
        self.login.logged_in.connect(self._logged_in)
        self.login.quit_requested.connect(self._quit_from_login)
        app.worker.failed.connect(self._unhandled)

    def start(self) -> None:
        """Show the login window; open the profile as soon as it has painted."""
        self.login.show()
        self.login.raise_()
        QTimer.singleShot(0, self.open_profile)

    def open_profile(self) -> None:
        if self._opening_started:
            return
        self._opening_started = True
        app = self.app
        app.worker.open_profile(app.profile, clock=app.clock, locale=app.locale, demo=app.demo,
                                on_done=self._opened, on_error=self._open_failed, owner=self)

    def _opened(self, ctx: ServiceContext) -> None:
        self.app.branch = BranchInfo(branch_code=ctx.device.branch_code, timezone=ctx.device.timezone,
                                     idle_lock_minutes=_idle_minutes(ctx),
                                     recording_reference_channels=tuple(
                                         ctx.policy.recording_reference_channels))
        self.app.taxonomy = ctx.taxonomy
        self.login.retranslate()
        demo = self.app.demo

        def warm_up() -> str:
            import ui.main_window  # noqa: F401  (loaded while the teller types)

            if demo:
                from desktop.demo import DEMO_PASSWORD

                return DEMO_PASSWORD
            return ""

        self.app.worker.run(self, warm_up, self._demo_password)
        # The documents' font and layout are warmed when an intake reaches its review step
        # (ui.intake.panel), not here: a login would wait behind it, and it holds ~35 MB.

    def _demo_password(self, password: str) -> None:
        if password:
            self.login.show_demo_hint(password)

    def _open_failed(self, exc: BaseException) -> None:
        self.login.show_problem(error_text(exc, self.app.locale))

    def _logged_in(self, actor: Actor) -> None:
        if self.main is None:
            from ui.main_window import MainWindow

            self.main = MainWindow(self.app)
            self.main.quit_requested.connect(self.quit)
        self.app.save_settings()
        self.main.show()
        self.main.start_session(actor)
        self.login.hide()

    def _quit_from_login(self) -> None:
        if self.main is None or not self.main.isVisible():
            self.quit()

    def _unhandled(self, exc: BaseException) -> None:
        parent = self.main if self.main is not None and self.main.isVisible() else self.login
        self.app.interaction.error(parent, exc, self.app.locale)

    def quit(self) -> None:
        instance = QApplication.instance()
        if instance is not None:
            instance.quit()

    def shutdown(self) -> None:
        """Save the settings and let the worker finish queued writes (a last draft)."""
        try:
            self.app.save_settings()
        except OSError:
            log.warning("settings could not be saved")
        self.app.worker.shutdown()


def _idle_minutes(ctx: ServiceContext) -> int:
    """The idle-lock time the security policy sets (default 5 minutes while it sets none)."""
    from desktop.security.policy import security_policy

    value = (getattr(security_policy(), "idle_lock_minutes", None)
             or getattr(ctx.policy, "idle_lock_minutes", None) or ctx.extras.get("idle_lock_minutes"))
    try:
        return max(1, int(str(value))) if value else 5
    except (TypeError, ValueError):
        return 5


def _install_startup_probe(controller: AppController, started: float) -> None:
    """For the cold-start benchmark: report when the login window has painted, then quit."""
    from PySide6.QtCore import QEvent

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is controller.login and event.type() == QEvent.Type.Paint:
                print(f"login-painted {time.time():.6f} {time.perf_counter() - started:.6f}", flush=True)
                controller.login.removeEventFilter(self)
                QTimer.singleShot(0, controller.quit)
            return False

    probe = Probe(controller)
    controller.login.installEventFilter(probe)


def run_app(profile: Path, demo: bool = False) -> int:
    """Open the desktop app on the profile in `profile`; returns the exit code."""
    started = time.perf_counter()
    qt_app = make_application()
    register_cjk_font(qt_app)
    app = make_context(profile, demo=demo)
    controller = AppController(app)
    if os.environ.get(STARTUP_PROBE_ENV):
        _install_startup_probe(controller, started)
    controller.start()
    code = qt_app.exec()
    controller.shutdown()
    return int(code)
