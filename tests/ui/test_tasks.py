"""The one background runner: jobs run off the GUI thread; their progress, result or error
arrive on it; Cancel reaches a running job; a destroyed owner's callback is skipped."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.tasks import Task, TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner(threads=1, name="test")
    yield tasks
    tasks.shutdown()


def test_a_job_runs_off_the_gui_thread_and_its_result_arrives_on_it(qtbot: QtBot,
                                                                   runner: TaskRunner) -> None:
    ran_on: list[str] = []
    arrived_on: list[str] = []

    def job(_task: Task) -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        arrived_on.append(threading.current_thread().name)
        results.append(value)

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit(job, on_done=done)
    assert results == [42]
    assert ran_on[0].startswith("test") and ran_on[0] != threading.main_thread().name
    assert arrived_on == [threading.main_thread().name]
    assert runner.pending == 0


def test_progress_arrives_in_order_before_the_result(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[Any] = []

    def job(task: Task) -> str:
        for step in range(3):
            task.progress(step)
        return "done"

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit(job, on_progress=seen.append, on_done=seen.append)
    assert seen == [0, 1, 2, "done"]


def test_cancel_cuts_a_waiting_job_short(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    outcome: list[bool] = []

    def job(task: Task) -> bool:
        started.set()
        return task.wait(30)  # True: cancelled long before the 30 s are up

    task = runner.submit(job, on_done=outcome.append)
    assert task is not None
    assert started.wait(5)
    with qtbot.waitSignal(runner.idle, timeout=5000):
        task.cancel()
    assert outcome == [True]
    assert task.cancelled


def test_an_error_goes_to_its_handler_or_else_to_failed(qtbot: QtBot, runner: TaskRunner) -> None:
    handled: list[BaseException] = []

    def broken(_task: Task) -> None:
        raise ValueError("no such thing")

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit(broken, on_done=lambda _v: pytest.fail("no result expected"),
                      on_error=handled.append)
    assert [type(e) for e in handled] == [ValueError]
    with qtbot.waitSignal(runner.failed, timeout=5000) as unhandled:
        runner.submit(broken)
    assert isinstance(unhandled.args[0], ValueError)


def test_a_destroyed_owner_is_not_called_back_but_the_after_notice_still_comes(
        qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    gate = threading.Event()
    called: list[str] = []

    runner.submit(lambda _t: gate.wait(5), owner=owner, on_done=lambda _v: called.append("done"),
                  after=lambda: called.append("after"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    with qtbot.waitSignal(runner.idle, timeout=5000):
        gate.set()
    assert called == ["after"]


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_after_shutdown_no_job_is_taken(qtbot: QtBot) -> None:
    tasks = TaskRunner(threads=1, name="closing")
    last: list[str] = []
    tasks.submit(lambda _t: None)
    tasks.shutdown(last=lambda: last.append("closed"))
    assert last == ["closed"]
    assert tasks.submit(lambda _t: pytest.fail("must not run")) is None


def test_call_now_waits_for_the_jobs_before_it(runner: TaskRunner) -> None:
    order: list[str] = []
    runner.submit(lambda _t: order.append("first"))
    assert runner.call_now(lambda: order.append("second") or len(order)) == 2
    assert order == ["first", "second"]
