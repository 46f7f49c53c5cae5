"""Rate limits one worker keeps in memory, per client address (behind a proxy: the
address uvicorn takes from X-Forwarded-For of a trusted proxy).

- failed enrollment attempts (a wrong, expired or used code): ENROLL_FAILURES per
  minute, then every enrollment from that address is answered 429 for the rest of the
  window — a code cannot be guessed by trying;
- requests with a bad device token: BAD_TOKENS per minute, then 429 likewise.

Successful requests never count. Each worker counts on its own, so N workers allow up
to N times the figures; the figures are per worker on purpose (no shared state).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from hq.errors import HqError

ENROLL_FAILURES = 10
BAD_TOKENS = 30
WINDOW_SECONDS = 60.0
MAX_TRACKED = 100_000  # addresses remembered at most (oldest windows are dropped first)


class TooManyRequests(HqError):
    code = "hq.rate_limited"
    status = 429


class FailureLimit:
    """At most `allowed` failures per address per window; `check` raises TooManyRequests
    once they are used up, `failed` counts one."""

    def __init__(self, allowed: int, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.allowed = allowed
        self.window = window
        self._clock = clock
        self._seen: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def check(self, address: str) -> None:
        with self._lock:
            started, count = self._current(address)
            if count >= self.allowed:
                retry = max(1, int(started + self.window - self._clock()) + 1)
                raise TooManyRequests(seconds=retry)

    def failed(self, address: str) -> None:
        with self._lock:
            started, count = self._current(address)
            self._seen[address] = (started, count + 1)
            if len(self._seen) > MAX_TRACKED:
                oldest = sorted(self._seen.items(), key=lambda item: item[1][0])
                for key, _ in oldest[: MAX_TRACKED // 10]:
                    del self._seen[key]

    def _current(self, address: str) -> tuple[float, int]:
        now = self._clock()
        started, count = self._seen.get(address, (now, 0))
        if now - started >= self.window:
            started, count = now, 0
        return started, count
