"""The suite's markers mean what they say: `-m postgres` selects exactly the tests that
reach a real PostgreSQL server (tests/hq and tests/sync), `-m "not postgres"` none of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _collected(expression: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", expression,
                           "-p", "no:cacheprovider", "tests/hq", "tests/sync"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_the_postgres_marker_selects_exactly_the_postgresql_tests() -> None:
    marked = _collected("postgres")
    assert marked, "no test carries the postgres marker"
    assert all("postgres" in t.split("::")[-1] for t in marked), marked
    assert any(t.startswith("tests/hq/") for t in marked)
    assert "tests/sync/test_sync.py::test_devices_converge_on_postgresql_too" in marked
    unmarked = _collected("not postgres")
    assert unmarked and not any("postgres" in t.split("::")[-1] for t in unmarked)
    assert any("[sqlite]" in t for t in unmarked)
