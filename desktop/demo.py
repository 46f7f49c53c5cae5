"""The demo profile behind `make run`: a branch, one staff account per role, synthetic
complaints. Prepared once; later runs reuse it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.model import Role
from desktop.profile import open_profile
from desktop.security.staff import add_staff
from desktop.services.context import DeviceNotSetUp, load_context, set_up_device
from desktop.services.seed import seed

DEMO_BRANCH = "BJ001"
DEMO_BRANCH_NAME = "示范银行北京东城支行"
DEMO_PASSWORD = "demo-pass-2026"
# (staff number, name, role): documented in README.md
DEMO_STAFF = (
    ("T001", "李娜", Role.TELLER),
    ("T002", "王强", Role.TELLER),
    ("S001", "张敏", Role.SUPERVISOR),
    ("M001", "陈刚", Role.MANAGER),
    ("A001", "赵静", Role.AUDITOR),
)


def prepare_demo(folder: Path, *, complaints: int = 300,
                 progress: Callable[[str], None] = lambda _m: None) -> None:
    """Create the demo profile in `folder` unless it exists already."""
    # Without a keyring on this computer, the demo keeps its key in a file inside the
    # profile, labelled unsafe (desktop.profile); a real profile never does.
    store = open_profile(folder, demo=True)
    try:
        try:
            load_context(store)
            return
        except DeviceNotSetUp:
            pass
        progress(f"Preparing the demo profile in {folder} ...")
        set_up_device(store, branch_code=DEMO_BRANCH, branch_name=DEMO_BRANCH_NAME, device_number=1)
        for number, name, role in DEMO_STAFF:
            add_staff(store, number=number, name=name, role=role, branch_code=DEMO_BRANCH,
                      password=DEMO_PASSWORD)
        ctx = load_context(store)
        seed(ctx, complaints, staff=[n for n, _, r in DEMO_STAFF if r in (Role.TELLER, Role.SUPERVISOR)])
        progress(f"Demo profile ready: {complaints} complaints.")
    finally:
        store.close()
