"""Seeded profiles for the benchmarks, cached under bench/.cache/ so the million-complaint
profile is written once per machine (a few minutes), not once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.demo import DEMO_BRANCH, DEMO_BRANCH_NAME, DEMO_PASSWORD, DEMO_STAFF
from desktop.profile import open_profile
from desktop.security.staff import add_staff
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.services.seed import seed
from desktop.store.db import Store

CACHE = Path(__file__).resolve().parent / ".cache"


def seeded_profile(complaints: int, *, progress: bool = True) -> Path:
    """A profile folder with `complaints` synthetic complaints and the demo staff; built once."""
    folder = CACHE / f"profile-{complaints}"
    done = folder / ".complete"
    if done.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)  # an interrupted build: start again
    store = open_profile(folder, demo=True)
    try:
        set_up_device(store, branch_code=DEMO_BRANCH, branch_name=DEMO_BRANCH_NAME, device_number=1)
        for number, name, role in DEMO_STAFF:
            add_staff(store, number=number, name=name, role=role, branch_code=DEMO_BRANCH,
                      password=DEMO_PASSWORD)
        ctx = load_context(store)

        def report(n: int, total: int) -> None:
            if progress and n % 100_000 == 0:
                print(f"  seeded {n}/{total}", flush=True)

        seed(ctx, complaints, progress=report, chunk=10_000)
    finally:
        store.close()
    done.touch()
    return folder


def open_seeded(complaints: int) -> tuple[Store, ServiceContext]:
    store = open_profile(seeded_profile(complaints), demo=True)
    return store, load_context(store)
