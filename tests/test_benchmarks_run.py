"""Every benchmark still runs (`make bench QUICK=1`); timings are reported, never asserted here.

The benchmarks' seeded profiles are cached (bench/.cache) across runs, so a cache built by
one run must open in the next, whatever keyring that next run has: the suite's throwaway
keyring is gone when the suite ends (issue 10: `make test; make test; make bench QUICK=1`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import MODULES

ROOT = Path(__file__).resolve().parent.parent

BUILD = "from bench.data import seeded_profile; print(seeded_profile(40, progress=False))"
OPEN = """
from sqlalchemy import func, select
from bench.data import open_seeded
from desktop.store.models import ComplaintRow
store, ctx = open_seeded(40)
with store.read() as s:
    print(s.scalar(select(func.count()).select_from(ComplaintRow)))
store.close()
"""


def _python(code: str, *, keyring_home: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter with its own keyring (a plaintext file under `keyring_home`,
    chosen explicitly, as the suite's is) and the bench cache in `cache`."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "XDG_DATA_HOME": str(keyring_home), "COMPLAINT_DESK_BENCH_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_cached_bench_profile_opens_in_a_later_process_under_another_keyring(
        tmp_path: Path) -> None:
    cache = tmp_path / "bench-cache"
    built = _python(BUILD, keyring_home=tmp_path / "keyring-of-run-1", cache=cache)
    assert built.returncode == 0, built.stderr[-3000:]
    folder = Path(built.stdout.strip().splitlines()[-1])
    assert folder.parent == cache
    finished = (folder / ".complete").stat().st_mtime_ns
    # The first run's keyring holds nothing of the cached profile: its key is inside it.
    assert not any((tmp_path / "keyring-of-run-1").rglob("*.cfg"))

    opened = _python(OPEN, keyring_home=tmp_path / "keyring-of-run-2", cache=cache)
    assert opened.returncode == 0, opened.stderr[-3000:]
    assert opened.stdout.strip().splitlines()[-1] == "40"
    assert (folder / ".complete").stat().st_mtime_ns == finished  # reused, not built again


def test_a_cache_left_by_a_vanished_keyring_is_built_again(tmp_path: Path) -> None:
    """A cache written before keys lived in the profile (key in a keyring since gone)."""
    cache = tmp_path / "bench-cache"
    old = ("from pathlib import Path; from desktop.profile import open_profile; "
           f"open_profile(Path({str(cache / 'profile-40')!r})).close(); "
           f"(Path({str(cache / 'profile-40')!r}) / '.complete').touch()")
    made = _python(old, keyring_home=tmp_path / "keyring-gone", cache=cache)
    assert made.returncode == 0, made.stderr[-3000:]

    opened = _python(OPEN, keyring_home=tmp_path / "keyring-new", cache=cache)
    assert opened.returncode == 0, opened.stderr[-3000:]
    assert opened.stdout.strip().splitlines()[-1] == "40"


@pytest.mark.slow
def test_the_quick_benchmark_suite_runs_every_benchmark(tmp_path: Path) -> None:
    results = ROOT / "bench" / "results"
    before = set(results.glob("bench-quick-*.json"))
    # Its own keyring, gone after this test: the cache it builds or reuses must not need it.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    written = set(results.glob("bench-quick-*.json")) - before
    assert len(written) == 1
    report = json.loads(written.pop().read_text(encoding="utf-8"))
    assert report["failed"] == []
    modules = {row["module"] for row in report["rows"]}
    # bench_installed reports only where `make deb` built the bundle of this tree
    assert modules - {"bench_installed"} == set(MODULES) - {"bench_installed"}
    assert {"bench_core", "bench_reports", "bench_security", "bench_hq", "bench_ui"} <= modules
    for row in report["rows"]:
        assert (("median_ms" in row) or ("value_mb" in row) or ("value_count" in row)
                or row.get("skipped")), row
        if "floor_ms" in row:  # measured beside its floor: the ratio is ours ÷ the floor's
            # from the unrounded times, while the row keeps times and ratio to 3 decimals
            low = (row["median_ms"] - 0.0005) / (row["floor_ms"] + 0.0005)
            high = (row["median_ms"] + 0.0005) / (row["floor_ms"] - 0.0005)
            assert low * 0.99 - 0.0005 <= row["ratio"] <= high * 1.01 + 0.0005, row
    floored = {row["name"].split(" at ")[0] for row in report["rows"] if "floor_ms" in row}
    assert {"record a complaint", "search first page", "reports.receipt_roll80_warm",
            "reports.letter_a4_warm"} <= floored
