"""Hybrid logical clock: stamps that order events the same way on every device,
close to wall-clock time but never going backwards when a PC's clock does.

A stamp is the text `WWWWWWWWWWWWWWW.CCCCC` (milliseconds since the epoch and a
counter, zero-padded) so that sorting the text sorts the stamps.

A remote stamp moves the clock only when it is at most `max_drift_ms` ahead of the
trusted time (this PC's clock, or HQ's when known): one PC whose clock is set years
ahead cannot drag every other device's clock after it. The bound is policy data
(resources/security_policy.json, `clock.max_drift_seconds`); HQ refuses events beyond it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from threading import Lock

from desktop.domain.errors import DomainError, PolicyError
from desktop.resources import load_json

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


POLICY_FILE = "security_policy.json"


@cache
def max_drift_ms() -> int:
    """How far ahead of the trusted time a remote stamp may be (policy data), in ms."""
    section = load_json(POLICY_FILE).get("clock", {})
    seconds = section.get("max_drift_seconds") if isinstance(section, dict) else None
    if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds <= 0:
        raise PolicyError(detail="clock.max_drift_seconds must be a positive integer")
    return seconds * 1000


class ClockAhead(DomainError):
    """A remote stamp is further ahead of the trusted time than the policy allows;
    params: minutes (how far ahead, rounded up)."""

    code = "clock.remote_ahead"

    def __init__(self, ahead_ms: int) -> None:
        self.ahead_ms = ahead_ms
        super().__init__(minutes=minutes_ahead(ahead_ms))


def minutes_ahead(ms: int) -> int:
    return max(1, -(-ms // 60_000))


class HybridClock:
    """Issues stamps for local events and folds in stamps seen from other devices.

    `max_drift_ms` bounds `observe` (None: unbounded); `trusted_ms` is a better time than
    this PC's clock when one is known (HQ's, from its answers)."""

    def __init__(self, now_ms: Callable[[], int], last: Stamp | None = None, *,
                 max_drift_ms: int | None = None, trusted_ms: int | None = None) -> None:
        self._now_ms = now_ms
        self._last = last or Stamp(0, 0)
        self._lock = Lock()
        self._max_drift_ms = max_drift_ms
        self._trusted_ms = trusted_ms

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
        """Move past a stamp received from elsewhere, so later local events sort after it.
        Raises ClockAhead (and moves nothing) for a stamp beyond the drift bound."""
        with self._lock:
            now = self._now_ms()
            if self._max_drift_ms is not None:
                ahead = remote.wall_ms - max(now, self._trusted_ms or 0)
                if ahead > self._max_drift_ms:
                    raise ClockAhead(ahead)
            wall = max(now, self._last.wall_ms, remote.wall_ms)
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
