"""Fixtures for driving the real widgets on a real profile (pytest-qt, offscreen).

One profile is prepared per test session through the core (device, the five demo
staff accounts, seeded complaints) and copied for each test, so every test starts
from the same data and may change it freely.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from desktop.demo import (
    DEMO_BRANCH,
    DEMO_BRANCH_NAME,
    DEMO_PASSWORD,
    DEMO_STAFF,
    DemoHq,
    prepare_demo,
    write_demo_roster,
)
from desktop.domain.model import Actor, CustomerKind, IdDocumentType, Role
from desktop.profile import open_profile
from desktop.security.staff import add_staff
from desktop.services.complaints import record_complaint
from desktop.services.context import load_context, set_up_device
from desktop.services.intake import CustomerInput, Intake
from desktop.services.seed import seed
from desktop.store.db import Store
from ui.app import AppController, make_context
from ui.context import AppContext
from ui.i18n import register_cjk_font
from ui.interaction import RecordingInteraction
from ui.main_window import MainWindow

SEEDED_COMPLAINTS = 40
DEMO_COMPLAINTS = 30
PASSWORD = DEMO_PASSWORD


@pytest.fixture(scope="session")
def profile_template(tmp_path_factory: pytest.TempPathFactory, test_keyring: Path) -> Path:
    folder = tmp_path_factory.mktemp("ui-profile") / "profile"
    store = open_profile(folder)
    try:
        set_up_device(store, branch_code=DEMO_BRANCH, branch_name=DEMO_BRANCH_NAME, device_number=1)
        for number, name, role in DEMO_STAFF:
            add_staff(store, number=number, name=name, role=role, branch_code=DEMO_BRANCH,
                      password=PASSWORD)
        write_demo_roster(store)  # the branch's units, as in the demo
        ctx = load_context(store)
        seed(ctx, SEEDED_COMPLAINTS, staff=[n for n, _, r in DEMO_STAFF
                                           if r in (Role.TELLER, Role.SUPERVISOR)])
        # Whatever the seed draws: one case long overdue and one due in two days.
        for days_ago in (40, 13):
            record_received(store, datetime.now(UTC) - timedelta(days=days_ago))
    finally:
        store.close()
    return folder


@pytest.fixture
def profile(profile_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "profile"
    shutil.copytree(profile_template, target)
    return target


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, test_keyring: Path) -> Path:
    """A demo branch (`complaint-desk demo`): enrolled with its own local HQ, complaints not
    sent yet. Prepared once; its HQ is stopped and each test gets a copy of both."""
    folder = tmp_path_factory.mktemp("demo-branch") / "profile"
    hq = prepare_demo(folder, complaints=DEMO_COMPLAINTS)
    assert hq is not None
    hq.stop()
    return folder


@dataclass
class DemoBranch:
    """A copy of the demo branch and its running local HQ (a real server on loopback)."""

    folder: Path
    hq: DemoHq

    def stop_hq(self) -> None:
        self.hq.stop()

    def start_hq(self) -> None:
        """Start the branch's HQ again (the profile is told if it had to take another port)."""
        hq = prepare_demo(self.folder)
        assert hq is not None
        self.hq = hq


@pytest.fixture
def demo_branch(demo_template: Path, tmp_path: Path) -> Iterator[DemoBranch]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    hq = prepare_demo(folder)
    assert hq is not None
    branch = DemoBranch(folder, hq)
    yield branch
    branch.hq.stop()


def record_received(store: Store, received_at: datetime) -> str:
    """A complaint received at `received_at` (the core's own use case, with its clock then)."""
    ctx = load_context(store, clock=lambda: received_at)
    intake = Intake(customer=CustomerInput(kind=CustomerKind.INDIVIDUAL, name="郑国强",
                                           id_type=IdDocumentType.RESIDENT_ID,
                                           id_number="110101199003071233", phone="13912345678"),
                    business_type="B0101", cause="R0101", description="等候时间过长。",
                    request="要求改进。", consent=True, recording_reference="1号窗口 09:00-09:30")
    return record_complaint(ctx, Actor("T001", Role.TELLER, "李娜"), intake).complaint_id


@dataclass
class Counter:
    """The app as a teller meets it: the controller (login + main window) and its context."""

    qtbot: QtBot
    app: AppContext
    controller: AppController
    interaction: RecordingInteraction

    @property
    def main(self) -> MainWindow:
        assert self.controller.main is not None
        return self.controller.main

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: self.app.worker.pending == 0, timeout=15_000)

    def log_in(self, number: str = "T001", password: str = PASSWORD) -> MainWindow:
        """Log in through the login window with the keyboard, and wait for the worklist."""
        login = self.controller.login
        self.qtbot.waitUntil(lambda: self.app.worker.is_open, timeout=15_000)
        login.form.number.clear()
        self.qtbot.keyClicks(login.form.number, number)
        self.qtbot.keyClicks(login.form.password, password)
        self.qtbot.keyClick(login.form.password, "\r")
        self.qtbot.waitUntil(lambda: self.controller.main is not None and self.main.isVisible(),
                             timeout=15_000)
        self.wait_idle()
        return self.main


@pytest.fixture
def make_counter(qtbot: QtBot, qapp: object, profile: Path) -> Iterator[Callable[..., Counter]]:
    """Start the app on `profile` (or another folder); each counter is shut down afterwards."""
    started: list[Counter] = []
    register_cjk_font(qapp)  # type: ignore[arg-type]

    def start(folder: Path | None = None, language: str = "zh_CN",
              clock: Callable[[], datetime] | None = None) -> Counter:
        """The app on `folder` (else the test's profile), in `language`, on `clock` if given."""
        interaction = RecordingInteraction()
        app = make_context(folder or profile, interaction=interaction, language=language,
                           **({} if clock is None else {"clock": clock}))
        controller = AppController(app)
        controller.start()
        counter = Counter(qtbot, app, controller, interaction)
        started.append(counter)
        return counter

    yield start
    for counter in started:
        stop(counter)


def stop(counter: Counter) -> None:
    """Close the windows and the worker as quitting the app does (whatever is left of them)."""
    controller = counter.controller
    for window in (controller.main, controller.login):
        if window is not None and shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    counter.app.worker.shutdown()
    counter.app.languages.uninstall()
    # Collect the test's reference cycles (pyqtgraph's charts hold many) now, while Qt's
    # objects still live, rather than at a moment of the next test's choosing.
    gc.collect()


@pytest.fixture
def counter(make_counter: Callable[..., Counter]) -> Counter:
    return make_counter()
