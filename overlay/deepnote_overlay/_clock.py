"""The overlay's one source of time: monotonic and wall-clock readings, sleeps and jitter.

Guarantees:

- Every wait and every deadline in the overlay (retries, the rate limiter, run polling) reads time
  and sleeps through ``CLOCK``, looked up at each use, so replacing ``CLOCK`` changes all of them
  at once. That is the tests' seam (``monkeypatch.setattr(_clock, "CLOCK", FakeClock())``); no
  public signature takes a clock or a sleep function.
- ``asleep`` imports asyncio on first use, so sync-only programs never load it.
- ``clock()`` returns ``CLOCK`` as it is at the call: the transport modules import it by name
  (``from ._clock import clock``), since ``from . import _clock`` would also import the package
  itself, which mypy then checks in one cycle with every module the package imports.
"""

from __future__ import annotations

import random
import time

__all__ = ["CLOCK", "Clock", "clock"]


class Clock:
    """The real clock. A test double overrides the methods it needs."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back, for deadlines and elapsed times."""
        return time.monotonic()

    def time(self) -> float:
        """Unix seconds, for HTTP dates and reset times."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)

    def random(self) -> float:
        """Uniform in [0, 1), for jitter."""
        return random.random()


CLOCK = Clock()
"""The clock in use; tests replace it."""


def clock() -> Clock:
    """``CLOCK``, looked up now (tests replace it)."""
    return CLOCK
