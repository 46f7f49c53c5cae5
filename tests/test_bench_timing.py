"""The benchmark framework's floor rows: measured alternately, ratio and verdict as printed."""

from __future__ import annotations

from bench.__main__ import table, verdict
from bench.timing import alternate, row, skipped


def test_ours_and_the_floor_are_measured_alternately() -> None:
    calls: list[str] = []
    ours, floor = alternate(lambda: calls.append("A"), lambda: calls.append("B"), repeat=3,
                            warmup=1)
    assert calls == ["A", "B"] * 4
    assert len(ours) == len(floor) == 3


def test_a_floor_row_carries_the_floor_median_and_the_ratio() -> None:
    r = row("record", 5, [1.0, 2.0, 3.0], floor=[0.5, 1.0, 1.5], target_ratio=4)
    assert (r["median_ms"], r["floor_ms"], r["ratio"], r["target_ratio"]) == (2.0, 1.0, 2.0, 4)
    assert verdict(r)[2:] == ("1.00 ms", "2.00× slower", "ok")


def test_a_ratio_over_its_target_is_short_even_when_the_time_is_met() -> None:
    faster = row("letter", 60, [10.0], floor=[15.0], target_ratio=0.5)
    assert verdict(faster)[3:] == ("1.50× faster", "short")
    assert verdict(faster)[0] == "60 ms, ≥ 2× faster"
    assert verdict(row("letter", 60, [5.0], floor=[15.0], target_ratio=0.5))[4] == "ok"
    assert verdict(row("record", 1, [2.0], floor=[1.0], target_ratio=4))[4] == "short"


def test_a_skipped_row_says_why_in_the_table() -> None:
    lines = table([skipped("pouchdb push", "node is not installed"), row("x", 1, [0.5])])
    assert "skipped: node is not installed" in lines[1]
    assert lines[2].rstrip().endswith("ok")
