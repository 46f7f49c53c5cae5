"""Counter speed (issue 12): the keys a teller presses for a standard walk-in complaint beyond
the data itself — a new individual customer, a housing loan application with no decision
(B0201 / R0301, its loan number and application date), ~45 Chinese characters of what
happened, what they ask for and the branch's recording reference — from the worklist to the
saved complaint, keyboard only. Target: at most 12 (before: about 40).

A scripted pytest-qt run (bench/walk_in_keys.py, on tests/ui's fixtures) drives the real
windows on a real profile in a process of its own and reports every navigation key it
pressed; the count does not depend on the machine, so quick and full runs are the same.

    python -m bench --only bench_counter
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_KEYS = 12


def walk_in_keys() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-keys-") as folder:
        out = Path(folder) / "keys.json"
        env = {**os.environ, "COMPLAINT_DESK_KEYS_OUT": str(out),
               "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
             "-p", "tests.ui.conftest", "--rootdir", str(ROOT), str(ROOT / "bench" / "walk_in_keys.py")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"the walk-in run failed:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}")
        got = json.loads(out.read_text(encoding="utf-8"))
    moves: list[str] = got["moves"]
    return {"name": "walk-in complaint, keyboard only: keys beyond the data",
            "target_count": TARGET_KEYS, "value_count": len(moves), "unit": "keys",
            "moves": moves, "characters": got["characters"]}


def run(quick: bool) -> list[dict[str, Any]]:
    del quick  # a count, the same in both modes
    return [walk_in_keys()]


if __name__ == "__main__":
    for r in run("--quick" in sys.argv):
        print(r)
