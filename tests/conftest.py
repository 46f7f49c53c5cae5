"""Fixtures shared by the whole suite: a real profile folder with a real SQLite file,
a settable clock, and one actor per role."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

# Headless everywhere: every test that touches Qt draws offscreen, set here, not by the user,
# on one screen the size of a branch counter's (1366×768), so window sizes are tested as there.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile="
                      + os.path.join(os.path.dirname(os.path.abspath(__file__)), "counter_screen.json"))

from desktop.domain.model import Actor, Role
from desktop.profile import open_profile
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.store.db import Store

# A Monday morning in Beijing, away from holidays.
START = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


@dataclass
class SettableClock:
    """The injectable clock: tests move time forward instead of sleeping."""

    current: datetime = START

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> datetime:
        self.current += timedelta(**kwargs)
        return self.current


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_profile(tmp_path / "profile")
    set_up_device(s, branch_code="BJ001", branch_name="示范银行北京东城支行", device_number=3)
    yield s
    s.close()


@pytest.fixture
def ctx(store: Store, clock: SettableClock) -> ServiceContext:
    return load_context(store, clock=clock)


@pytest.fixture
def teller() -> Actor:
    return Actor("T001", Role.TELLER, "李娜")


@pytest.fixture
def supervisor() -> Actor:
    return Actor("S001", Role.SUPERVISOR, "张敏")


@pytest.fixture
def manager() -> Actor:
    return Actor("M001", Role.MANAGER, "陈刚")


@pytest.fixture
def hq_officer() -> Actor:
    return Actor("HQ01", Role.HQ_OFFICER, "总行消保")


# -- keyring (issue 6) -------------------------------------------------------------------------
# Profiles keep their database key in the keyring. The whole suite uses a real backend,
# keyrings.alt's plaintext file, in a private temporary folder: chosen explicitly through
# PYTHON_KEYRING_BACKEND (as an administrator would) and found by child processes too,
# because XDG_DATA_HOME (where that backend keeps its file) points into the same folder.
@pytest.fixture(scope="session", autouse=True)
def test_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    folder = tmp_path_factory.mktemp("keyring")
    previous = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
        mp.setenv("XDG_DATA_HOME", str(folder))
        backend = PlaintextKeyring()
        keyring.set_keyring(backend)
        yield Path(backend.file_path).parent
    keyring.set_keyring(previous)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that reaches PostgreSQL carries the `postgres` marker, so
    `-m "not postgres"` leaves exactly those out (the HQ backends' parametrised fixture
    marks its PostgreSQL case itself, tests/hq/conftest.py)."""
    for item in items:
        if "postgres_database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
