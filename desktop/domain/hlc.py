"""Hybrid logical clock: stamps that order events the same way on every device,
close to wall-clock time but never going backwards when a PC's clock does.

A stamp is the text `WWWWWWWWWWWWWWW.CCCCC` (milliseconds since the epoch and a
counter, zero-padded) so that sorting the text sorts the stamps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock

_WALL_DIGITS = 15
_COUNTER_DIGITS = 5
_COUNTER_MAX = 10**_COUNTER_DIGITS - 1


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    wall_ms: int
    counter: int

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """Raises ValueError for anything that is not a stamp."""
        wall, sep, counter = text.partition(".")
        if not sep or len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS:
            raise ValueError("not a hybrid logical clock stamp")
        if not (wall.isdigit() and counter.isdigit()):
            raise ValueError("not a hybrid logical clock stamp")
        return cls(int(wall), int(counter))


class HybridClock:
    """Issues stamps for local events and folds in stamps seen from other devices."""

    def __init__(self, now_ms: Callable[[], int], last: Stamp | None = None) -> None:
        self._now_ms = now_ms
        self._last = last or Stamp(0, 0)
        self._lock = Lock()

    @property
    def last(self) -> Stamp:
        return self._last

    def tick(self) -> Stamp:
        with self._lock:
            wall = max(self._now_ms(), self._last.wall_ms)
            counter = self._last.counter + 1 if wall == self._last.wall_ms else 0
            self._last = _carry(wall, counter)
            return self._last

    def observe(self, remote: Stamp) -> Stamp:
        """Move past a stamp received from elsewhere, so later local events sort after it."""
        with self._lock:
            wall = max(self._now_ms(), self._last.wall_ms, remote.wall_ms)
            if wall == self._last.wall_ms == remote.wall_ms:
                counter = max(self._last.counter, remote.counter) + 1
            elif wall == self._last.wall_ms:
                counter = self._last.counter + 1
            elif wall == remote.wall_ms:
                counter = remote.counter + 1
            else:
                counter = 0
            self._last = _carry(wall, counter)
            return self._last


def _carry(wall: int, counter: int) -> Stamp:
    """Keep the counter within its digits: past the last one, the stamp moves on by a
    millisecond (still after every earlier stamp, and still sortable as text)."""
    if counter > _COUNTER_MAX:
        return Stamp(wall + 1, 0)
    return Stamp(wall, counter)
