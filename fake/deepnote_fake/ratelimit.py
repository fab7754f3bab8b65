"""The fake's rate limiter: a fixed window per caller, off unless a test sets a limit.

Beyond ``N`` requests in a window of ``window_s`` seconds (counted per ``Authorization`` header) the
caller gets 429 with ``Retry-After`` and ``RateLimit-Reset`` = the whole seconds (rounded up) until
the window resets. Windows follow the fake's clock, so a ``FakeClock`` makes them deterministic.
"""

from __future__ import annotations

import math
import threading

from .clock import Clock
from .errors import ApiError

__all__ = ["RateLimiter"]


class RateLimiter:
    """``limit`` is ``(N, window_seconds)`` or ``None`` (no limit); ``limited`` counts the 429s."""

    def __init__(self, clock: Clock, limit: tuple[int, float] | None = None) -> None:
        self.clock = clock
        self.limit = limit
        self.limited = 0
        self._windows: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> ApiError | None:
        """Count one request of ``key``; the 429 to send when it is over the limit, else ``None``."""
        limit = self.limit
        if limit is None:
            return None
        allowed, window = limit
        with self._lock:
            now = self.clock.now()
            start, count = self._windows.get(key, (now, 0))
            if now - start >= window:
                start, count = now, 0
            count += 1
            self._windows[key] = (start, count)
            if count <= allowed:
                return None
            self.limited += 1
            wait = str(max(1, math.ceil(start + window - now)))
            return ApiError(429, "Rate limit exceeded", {"Retry-After": wait, "RateLimit-Reset": wait})

    def reset_counters(self) -> None:
        with self._lock:
            self.limited = 0
