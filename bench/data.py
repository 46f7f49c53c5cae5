"""Seeded profiles for the benchmarks, cached under bench/.cache/ so the million-complaint
profile is written once per machine (a few minutes), not once per run.

A cached profile keeps its database key in a file inside the profile (synthetic data, as
the demo does without a keyring), never in this computer's keyring: the cache outlives
the keyring it was built under (the test suite's throwaway one, say) and still opens.
`COMPLAINT_DESK_BENCH_CACHE` names another cache folder (`make clean` removes the default).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from desktop.demo import DEMO_BRANCH, DEMO_BRANCH_NAME, DEMO_PASSWORD, DEMO_STAFF
from desktop.profile import open_profile, profile_security
from desktop.security.staff import add_staff
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.services.seed import seed
from desktop.store.db import Store

CACHE_ENV = "COMPLAINT_DESK_BENCH_CACHE"
DEFAULT_CACHE = Path(__file__).resolve().parent / ".cache"


def cache_folder() -> Path:
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE)


def _usable(folder: Path) -> bool:
    """Built to the end, with its key inside the profile (a cache written before that rule
    kept its key in a keyring that may be gone: it is built again)."""
    security = profile_security(folder)
    return (folder / ".complete").exists() and security is not None and security.unsafe


def seeded_profile(complaints: int, *, progress: bool = True) -> Path:
    """A profile folder with `complaints` synthetic complaints and the demo staff; built once."""
    folder = cache_folder() / f"profile-{complaints}"
    if _usable(folder):
        return folder
    if folder.exists():
        shutil.rmtree(folder)  # an interrupted or outdated build: start again
    store = open_profile(folder, key_in_profile=True)
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
    (folder / ".complete").touch()
    return folder


def open_seeded(complaints: int) -> tuple[Store, ServiceContext]:
    store = open_profile(seeded_profile(complaints))
    return store, load_context(store)
