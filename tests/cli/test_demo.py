"""`make run`'s demo profile: a branch, staff, data, and a local HQ it syncs with."""

from __future__ import annotations

from pathlib import Path

from desktop.demo import DEMO_PASSWORD, DEMO_STAFF, prepare_demo, start_demo_hq
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.profile import open_profile
from desktop.security.staff import authenticate
from desktop.services.cases import worklist_count
from desktop.services.context import load_context
from desktop.sync.engine import sync_now
from desktop.sync.enrollment import connect
from desktop.sync.status import unsent_count


def test_demo_profile_syncs_with_its_local_hq_and_is_reused(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    hq = prepare_demo(folder, complaints=25)
    assert hq is not None
    try:
        store = open_profile(folder, demo=True)
        ctx = load_context(store)
        for number, _name, role in DEMO_STAFF:
            assert authenticate(store, number, DEMO_PASSWORD, ctx.now()).role is role
        assert worklist_count(ctx, WorklistQuery(worklist=Worklist.ALL)) == 25
        with connect(store) as client:
            report = sync_now(ctx, client)
        assert report.pushed > 0
        assert unsent_count(ctx) == 0
        store.close()
    finally:
        hq.stop()
    # A second run reuses the profile and starts the HQ again.
    again = prepare_demo(folder, complaints=25)
    assert again is not None
    try:
        store = open_profile(folder, demo=True)
        ctx = load_context(store)
        assert worklist_count(ctx, WorklistQuery(worklist=Worklist.ALL)) == 25
        with connect(store) as client:
            assert client.reachable()
        store.close()
    finally:
        again.stop()


def test_a_port_taken_since_last_time_moves_the_demo_hq(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    first = prepare_demo(folder, complaints=2)
    assert first is not None
    try:
        # While the first HQ holds its port, a second start must pick another.
        second = start_demo_hq(folder, int(first.url.rsplit(":", 1)[1]))
        try:
            assert second.url != first.url
        finally:
            second.stop()
    finally:
        first.stop()


def test_killing_the_app_ends_its_demo_hq(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    import httpx

    folder = tmp_path / "demo"
    script = ("import sys, time\n"
              "from pathlib import Path\n"
              "from desktop.demo import prepare_demo\n"
              "hq = prepare_demo(Path(sys.argv[1]), complaints=2)\n"
              "print(hq.url, flush=True)\n"
              "time.sleep(600)\n")
    app = subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE,
                           text=True)
    assert app.stdout is not None
    url = app.stdout.readline().strip()
    assert httpx.get(f"{url}/api/v1/health", timeout=5).status_code == 200
    os.kill(app.pid, signal.SIGKILL)
    app.wait(10)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/api/v1/health", timeout=1)
        except httpx.HTTPError:
            return  # the HQ went with the app
        time.sleep(0.2)
    raise AssertionError("the demo HQ outlived the app that started it")


def test_the_demo_reports_its_progress_in_the_chosen_language(tmp_path: Path) -> None:
    lines: dict[str, list[str]] = {"zh_CN": [], "en": []}
    for locale, said in lines.items():
        prepare_demo(tmp_path / locale, complaints=3, with_hq=False, progress=said.append,
                     locale=locale)
    assert lines["en"] == [f"Preparing the demo profile in {tmp_path / 'en'} ...",
                           "Demo profile ready. Synthetic complaints: 3."]
    assert lines["zh_CN"] == [f"正在 {tmp_path / 'zh_CN'} 中准备演示配置……",
                              "演示配置已就绪，合成投诉 3 件。"]
