"""Hybrid logical clock: stamps never go backwards, whatever the PC's clock does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.hlc import HybridClock, Stamp

WALLS = st.integers(0, 10**14)


@given(st.lists(st.one_of(st.tuples(st.just("tick"), WALLS),
                          st.tuples(st.just("observe"), WALLS, st.integers(0, 99), WALLS)),
                max_size=50))
def test_stamps_only_ever_increase_even_when_the_clock_jumps_back(steps: list[tuple[int | str, ...]]) -> None:
    now = [0]
    clock = HybridClock(lambda: now[0])
    previous = clock.last
    for step in steps:
        if step[0] == "tick":
            now[0] = int(step[1])
            stamp = clock.tick()
        else:
            _, remote_wall, remote_counter, wall = step
            now[0] = int(wall)
            remote = Stamp(int(remote_wall), int(remote_counter))
            stamp = clock.observe(remote)
            assert stamp > remote
        assert stamp > previous
        assert str(stamp) > str(previous)  # sorting the text sorts the stamps
        previous = stamp


@given(WALLS, st.integers(0, 99_999))
def test_a_stamp_reads_back_from_its_text(wall: int, counter: int) -> None:
    stamp = Stamp(wall, counter)
    assert Stamp.parse(str(stamp)) == stamp


@pytest.mark.parametrize("text", ["", "123.45", "000000000000001.0000a", "x" * 21, "000000000000001-00001"])
def test_text_that_is_not_a_stamp_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Stamp.parse(text)


def test_counter_overflow_moves_to_the_next_millisecond_and_stays_sortable() -> None:
    from desktop.domain.hlc import HybridClock, Stamp

    clock = HybridClock(lambda: 1000, Stamp(1000, 99_999))
    nxt = clock.tick()
    assert nxt == Stamp(1001, 0)
    assert str(Stamp(1000, 99_999)) < str(nxt)
    assert Stamp.parse(str(nxt)) == nxt
