"""`python -m bench [--quick] [--only NAME]`: run every benchmark, print one table, write JSON.

Each module bench/bench_*.py has `run(quick: bool) -> list[dict]`. A target is met when the
median (or the p95, for rows marked p95_target) is within it. Timings are reported, never
asserted: CI runs the quick mode only to prove every benchmark still runs.
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

MODULES = ("bench_core", "bench_reports", "bench_security", "bench_hq", "bench_ui",
           "bench_installed")
RESULTS = Path(__file__).resolve().parent / "results"


def verdict(r: dict[str, Any]) -> tuple[str, str, str]:
    if "target_mb" in r:
        return f"{r['target_mb']} MB", f"{r['value_mb']} MB", "ok" if r["value_mb"] <= r["target_mb"] else "short"
    measured = r["p95_ms"] if r.get("p95_target") else r["median_ms"]
    shown = f"median {r['median_ms']:.2f} / p95 {r['p95_ms']:.2f} ms"
    return f"{r['target_ms']:g} ms{' p95' if r.get('p95_target') else ''}", shown, \
        "ok" if measured <= r["target_ms"] else "short"


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
    width = max((len(r["name"]) for r in rows), default=10)
    print()
    print(f"{'benchmark':<{width}}  {'target':>14}  {'measured':<34} result")
    for r in rows:
        target, measured, ok = verdict(r)
        print(f"{r['name']:<{width}}  {target:>14}  {measured:<34} {ok}")
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
