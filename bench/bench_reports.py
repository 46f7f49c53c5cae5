"""Benchmarks of the printed documents (docs/ARCHITECTURE.md §7; targets in this module).

`run(quick)` returns one row per measurement: {"name", "target_ms", "median_ms", "p95_ms"}.
The roll receipt and the letter are timed alternately (A B A B) with a naive reportlab
platypus document of the same text, font and page size (bench/naive_reports.py): their rows
carry `floor_ms` and `ratio` (issue 16: receipt ≥ 3× faster, letter ≥ 2×).
Warm rows time a render in this process after one untimed render; the cold row
starts a fresh interpreter each time and times `import reports` plus the first
receipt (interpreter start-up itself excluded), i.e. a counter PC's first print
when the app did not call `reports.warm_up()` at start.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.naive_reports import render_naive, same_text_and_size  # noqa: E402
from bench.timing import alternate, row  # noqa: E402
from reports import (  # noqa: E402
    render_day_end_report,
    render_extension_notice,
    render_letter,
    render_receipt,
)
from reports.paper import PAPERS  # noqa: E402
from reports.samples import (  # noqa: E402
    day_end_data,
    letter_data,
    notice_data,
    receipt_data,
    worklist,
)


def _day_end() -> Any:
    """The day-end report with 20 overdue complaints (a busy branch's close)."""
    return day_end_data(overdue=20, overdue_items=worklist(20), due_tomorrow=5,
                        due_tomorrow_items=worklist(5))


def _row(name: str, target_ms: float, samples: list[float], **extra: Any) -> dict[str, Any]:
    return row(name, target_ms, samples, digits=2, **extra)


def _vs_naive(name: str, target_ms: float, render: Callable[[], bytes], body_size: float,
              rounds: int, target_ratio: float) -> dict[str, Any]:
    """Our render A B A B beside a naive platypus document of the same text and page size
    (bench/naive_reports.py); the row's ratio is ours ÷ naive."""
    pages, size = same_text_and_size(render())
    ours, naive = alternate(render, lambda: render_naive(pages, size, body_size),
                            repeat=rounds, warmup=1)
    return _row(name, target_ms, ours, floor=naive, target_ratio=target_ratio,
                floor_name="naive reportlab platypus document, same text, font and size")


def _warm(render: Callable[[], bytes], rounds: int) -> list[float]:
    render()  # untimed: first-use costs belong to the cold row
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        render()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


_COLD_SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
import reports
from reports.samples import receipt_data
reports.render_receipt(receipt_data(), fmt="roll80")
print((time.perf_counter() - start) * 1000)
"""


def _cold(rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", _COLD_SCRIPT.format(root=str(ROOT))],
                             check=True, capture_output=True, text=True, timeout=120, cwd=ROOT)
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return samples


def run(quick: bool) -> list[dict[str, Any]]:
    """Measure every document; `quick` takes fewer rounds (for CI smoke runs)."""
    rounds = 10 if quick else 60
    receipt, letter, notice, day_end = receipt_data(), letter_data(), notice_data(), _day_end()
    return [
        # issue 16: the receipt at least 3× faster than the naive one, the letter 2×
        _vs_naive("reports.receipt_roll80_warm", 30, lambda: render_receipt(receipt, fmt="roll80"),
                  PAPERS["roll80"].body_size, rounds, 1 / 3),
        _row("reports.receipt_a5_warm", 30, _warm(lambda: render_receipt(receipt, fmt="a5"), rounds)),
        _row("reports.receipt_a4_reprint_warm", 30,
             _warm(lambda: render_receipt(receipt, fmt="a4", copy_number=2), rounds)),
        _vs_naive("reports.letter_a4_warm", 60, lambda: render_letter(letter),
                  PAPERS["a4"].body_size, rounds, 0.5),
        _row("reports.extension_notice_a4_warm", 60,
             _warm(lambda: render_extension_notice(notice), rounds)),
        _row("reports.day_end_report_a4_warm", 120,
             _warm(lambda: render_day_end_report(day_end), max(3, rounds // 3))),
        _row("reports.first_receipt_cold", 200, _cold(3 if quick else 10)),
    ]


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(f"{result['name']:40s} target {result['target_ms']:>5} ms"
              f"  median {result['median_ms']:>7} ms  p95 {result['p95_ms']:>7} ms")
