"""Shared measuring helpers: medians and p95 over repeated runs, and one result row shape.

A row is {"name", "target_ms", "median_ms", "p95_ms", ...} for times, or
{"name", "target_mb", "value_mb"} for memory; the runner prints them all in one table.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure(fn: Callable[[], Any], *, repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds per call of `fn`, after `warmup` unmeasured calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(name: str, target_ms: float, times: list[float], **extra: Any) -> dict[str, Any]:
    return {"name": name, "target_ms": target_ms, "median_ms": round(statistics.median(times), 3),
            "p95_ms": round(percentile(times, 0.95), 3), "runs": len(times), **extra}
