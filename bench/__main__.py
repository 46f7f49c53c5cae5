"""`python -m bench [--quick] [--only NAME]`: run every benchmark, print one table, write JSON.

Each module bench/bench_*.py has `run(quick: bool) -> list[dict]` (rows made by
bench.timing.row). A target is met when the median (or the p95, for rows marked p95_target)
is within it and, for a row measured beside a floor or peer (`floor_ms`, `ratio`), when the
ratio is within `target_ratio`. Timings are reported, never asserted: CI runs the quick mode
only to prove every benchmark still runs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
# These first, in this order (the heavy UI and installed-bundle rows last); then any other
# bench/bench_*.py in name order, so a new module needs no edit here.
FIRST = ("bench_core", "bench_reports", "bench_security", "bench_hq")
LAST = ("bench_ui", "bench_installed")
MODULES = (*FIRST, *sorted(p.stem for p in HERE.glob("bench_*.py")
                           if p.stem not in FIRST + LAST), *LAST)


def _ratio_text(ratio: float) -> str:
    """0.4 -> "2.50× faster", 3.2 -> "3.20× slower" (than the floor or peer)."""
    if ratio <= 1:
        return f"{1 / ratio:.2f}× faster" if ratio else "∞× faster"
    return f"{ratio:.2f}× slower"


def verdict(r: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """(target, measured, floor, ratio, result) as printed in the table."""
    if "skipped" in r:
        return "", f"skipped: {r['skipped']}", "", "", "skipped"
    if "target_count" in r:  # a count, such as keys pressed (bench_counter)
        ok = r["value_count"] <= r["target_count"]
        unit = r.get("unit", "")
        return (f"≤ {r['target_count']} {unit}", f"{r['value_count']} {unit}", "", "",
                "ok" if ok else "short")
    if "target_mb" in r:
        ok = r["value_mb"] <= r["target_mb"]
        return f"{r['target_mb']} MB", f"{r['value_mb']} MB", "", "", "ok" if ok else "short"
    measured = r["p95_ms"] if r.get("p95_target") else r["median_ms"]
    shown = f"median {r['median_ms']:.2f} / p95 {r['p95_ms']:.2f} ms"
    ok = True
    targets = []
    if r.get("target_ms") is not None:
        targets.append(f"{r['target_ms']:g} ms{' p95' if r.get('p95_target') else ''}")
        ok = measured <= r["target_ms"]
    if r.get("target_p95_ms") is not None:  # a median target and a p95 one
        targets.append(f"p95 {r['target_p95_ms']:g} ms")
        ok = ok and r["p95_ms"] <= r["target_p95_ms"]
    floor = f"{r['floor_ms']:.2f} ms" if r.get("floor_ms") is not None else ""
    ratio = ""
    if r.get("ratio") is not None:
        ratio = _ratio_text(r["ratio"])
    if r.get("target_ratio") is not None:
        goal = r["target_ratio"]
        targets.append(f"≥ {1 / goal:.3g}× faster" if goal < 1 else f"≤ {goal:.3g}× floor")
        ok = ok and r.get("ratio") is not None and r["ratio"] <= r["target_ratio"]
    result = ("ok" if ok else "short") if targets else "(reference)"
    return ", ".join(targets), shown, floor, ratio, result


def table(rows: list[dict[str, Any]]) -> list[str]:
    """The printed table: one line per row, the floor and ratio columns beside the target."""
    width = max((len(r["name"]) for r in rows), default=10)
    lines = [f"{'benchmark':<{width}}  {'target':>28}  {'measured':<34} {'floor':>12}  "
             f"{'ratio':<15} result"]
    for r in rows:
        target, measured, floor, ratio, ok = verdict(r)
        lines.append(f"{r['name']:<{width}}  {target:>28}  {measured:<34} {floor:>12}  "
                     f"{ratio:<15} {ok}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small data, every benchmark, < 2 min")
    parser.add_argument("--only", action="append", help="run only these modules (e.g. bench_core)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[dict[str, Any]] = []
    failed: list[str] = []
    for name in args.only or MODULES:
        started = time.perf_counter()
        print(f"== {name}{' (quick)' if args.quick else ''}", flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.{name}":
                print("   (not present)")
                continue
            raise
        try:
            got = module.run(args.quick)
        except Exception:
            traceback.print_exc()
            failed.append(name)
            continue
        for r in got:
            r["module"] = name
        rows.extend(got)
        print(f"   {len(got)} rows in {time.perf_counter() - started:.1f} s", flush=True)
    print()
    print("\n".join(table(rows)))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"bench-{'quick-' if args.quick else ''}{stamp}.json"
    out.write_text(json.dumps({"when": stamp, "quick": args.quick, "machine": platform.platform(),
                               "cpus": os.cpu_count(), "rows": rows, "failed": failed},
                              ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwritten {out}")
    if failed:
        print(f"benchmarks that crashed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
