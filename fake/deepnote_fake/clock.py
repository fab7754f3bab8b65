"""Clocks for the fake Deepnote API.

The fake never reads time directly: every timestamp, run transition and rate-limit window comes
from a ``Clock``. ``MonotonicClock`` (the default) follows real time, so a served fake finishes runs
on its own; ``FakeClock`` only moves when a test calls ``advance``, so run progression and
rate-limit windows are deterministic in tests.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "FakeClock", "MonotonicClock"]


@runtime_checkable
class Clock(Protocol):
    """Anything with ``now() -> float`` (seconds; only differences matter)."""

    def now(self) -> float: ...


class MonotonicClock:
    """Real time via ``time.monotonic``: never goes backwards, unaffected by wall-clock changes."""

    def now(self) -> float:
        return time.monotonic()

    def __repr__(self) -> str:
        return "MonotonicClock()"


class FakeClock:
    """A manual clock: ``now()`` returns ``start`` plus everything passed to ``advance``.

    Thread-safe, because the server thread reads it while the test thread advances it.
    """

    def __init__(self, start: float = 1_000.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward; a negative step is refused because real time never goes back."""
        if seconds < 0:
            raise ValueError(f"cannot advance a clock by a negative amount ({seconds})")
        with self._lock:
            self._now += seconds

    def __repr__(self) -> str:
        return f"FakeClock(now={self.now()})"
