"""Shared measuring helpers: medians and p95 over repeated runs, floors measured beside the
product's own code, and one result row shape.

A row is {"name", "target_ms", "median_ms", "p95_ms", ...} for times, or
{"name", "target_mb", "value_mb"} for memory; the runner prints them all in one table.

A row measured beside a floor or a peer (plain sqlite3, a naive reportlab document, PouchDB)
also carries `floor_ms` (the floor's median), `ratio` (our median ÷ the floor's median: below
1 means faster than the floor) and, where the issue sets one, `target_ratio` (the highest
ratio that meets it: "≥ 2× faster than the peer" is 0.5, "within 4× of the floor" is 4).
Absolute times drift on a shared machine, so the two are measured alternately in the same
run (`alternate`: A B A B …), never one after the other.

A row that cannot be measured here says why: {"name", "skipped": reason}.
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


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def measure(fn: Callable[[], Any], *, repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds per call of `fn`, after `warmup` unmeasured calls."""
    for _ in range(warmup):
        fn()
    return [_timed(fn) for _ in range(repeat)]


def alternate(ours: Callable[[], Any], floor: Callable[[], Any], *, repeat: int,
              warmup: int = 1) -> tuple[list[float], list[float]]:
    """Milliseconds per call of `ours` and of `floor`, called alternately (A B A B …) so
    that load on the machine falls on both alike; `warmup` unmeasured calls of each first."""
    for _ in range(warmup):
        ours()
        floor()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        a.append(_timed(ours))
        b.append(_timed(floor))
    return a, b


def alternate_samples(ours: Callable[[], float], floor: Callable[[], float], *,
                      repeat: int) -> tuple[list[float], list[float]]:
    """As `alternate`, for work that times itself (a new process, a server round trip):
    each callable returns its own milliseconds."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        a.append(ours())
        b.append(floor())
    return a, b


def row(name: str, target_ms: float | None, times: list[float], *,
        floor: list[float] | None = None, target_ratio: float | None = None,
        floor_name: str | None = None, digits: int = 3, **extra: Any) -> dict[str, Any]:
    """One result row. `floor`: the floor's (or peer's) samples measured beside `times`;
    `target_ratio`: the highest median ratio (ours ÷ floor) that meets the target."""
    out: dict[str, Any] = {"name": name, "target_ms": target_ms,
                           "median_ms": round(statistics.median(times), digits),
                           "p95_ms": round(percentile(times, 0.95), digits), "runs": len(times)}
    if floor is not None:
        floor_median = statistics.median(floor)
        out["floor_ms"] = round(floor_median, digits)
        out["floor_p95_ms"] = round(percentile(floor, 0.95), digits)
        out["ratio"] = round(statistics.median(times) / floor_median, 3) if floor_median else None
        if floor_name:
            out["floor"] = floor_name
    if target_ratio is not None:
        out["target_ratio"] = target_ratio
    out.update(extra)
    return out


def skipped(name: str, reason: str, **extra: Any) -> dict[str, Any]:
    """A row that could not be measured on this machine, and why (printed in the table)."""
    return {"name": name, "skipped": reason, **extra}
