"""Every benchmark still runs (`make bench QUICK=1`); timings are reported, never asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_quick_benchmark_suite_runs_every_benchmark() -> None:
    results = ROOT / "bench" / "results"
    before = set(results.glob("bench-quick-*.json"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    written = set(results.glob("bench-quick-*.json")) - before
    assert len(written) == 1
    report = json.loads(written.pop().read_text(encoding="utf-8"))
    assert report["failed"] == []
    modules = {row["module"] for row in report["rows"]}
    assert modules == {"bench_core", "bench_reports", "bench_security", "bench_hq", "bench_ui"}
    for row in report["rows"]:
        assert ("median_ms" in row) or ("value_mb" in row), row
