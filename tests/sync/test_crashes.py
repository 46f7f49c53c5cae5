"""Crashes at the worst moments: the client killed mid-sync, HQ restarted mid-sync."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Callable

from desktop.domain.model import Actor
from desktop.services import complaints as uc
from desktop.sync.client import RetryPolicy
from desktop.sync.engine import push_outbox, sync_now
from desktop.sync.status import unsent_count
from tests.hq.conftest import LiveHq
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, HqProcess, assert_agree, client_for


def test_client_killed_right_after_hq_accepted_a_batch_loses_and_doubles_nothing(
        hq_process: tuple[HqProcess, LiveHq], make_branch: Callable[..., Branch],
        teller: Actor) -> None:
    _, live = hq_process
    a = make_branch(live).device("counter1")
    for _ in range(30):
        uc.record_complaint(a, teller, sample_intake())
    child = subprocess.run([sys.executable, "-m", "tests.sync.crash_client", str(a.store.path.parent)],
                           capture_output=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    # The first batch was marked sent; the second reached HQ but not the mark.
    assert unsent_count(a) == 20
    with client_for(a) as client:
        accepted, duplicates = push_outbox(a, client, batch_size=10)
    # The re-sent batch has the same key, so HQ answers it as the first time and stores
    # nothing twice: its digest below still counts every event once.
    assert accepted + duplicates == 20
    assert unsent_count(a) == 0
    assert_agree(a, a.business_date())


def test_hq_restarted_mid_sync_loses_nothing(hq_process: tuple[HqProcess, LiveHq],
                                             make_branch: Callable[..., Branch],
                                             teller: Actor) -> None:
    proc, live = hq_process
    a = make_branch(live).device("counter1")
    for _ in range(40):
        uc.record_complaint(a, teller, sample_intake())
    restarted = threading.Event()

    def restart_once(progress: object) -> None:
        if not restarted.is_set():
            restarted.set()
            proc.kill()
            threading.Timer(0.5, proc.start).start()

    patient = RetryPolicy(attempts=40, base_delay=0.2, max_delay=1.0)
    with client_for(a, retry=patient) as client:
        push_outbox(a, client, batch_size=10, progress=restart_once)
        report = sync_now(a, client)
    assert restarted.is_set()
    assert report.pushed == 0
    assert unsent_count(a) == 0
    assert_agree(a, a.business_date())
