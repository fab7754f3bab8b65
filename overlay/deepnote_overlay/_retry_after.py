"""When the server says to come back (``Retry-After``, ``RateLimit-Reset``), and a request's deadline.

Guarantees:

- ``retry_after_seconds`` reads ``Retry-After`` as delta-seconds or an HTTP-date, and, for a 429
  only, ``RateLimit-Reset`` (delta-seconds); a number of at least ``UNIX_TIME_THRESHOLD`` is read
  as a Unix time. A header sent more than once counts by its largest readable value (the longest
  wait any of them asks for); ``Retry-After`` wins over ``RateLimit-Reset`` when both are readable.
  Unreadable values, and waits of zero or less (a time already past), count as not said.
- ``DEADLINE`` is the request extension that carries a monotonic deadline (``_clock.CLOCK``
  seconds) to the transports: ``remaining`` reads it, ``capped_timeouts`` shortens a request's
  httpx timeouts to it. This module imports nothing of the overlay but ``_clock``.
"""

from __future__ import annotations

import email.utils
import math

import httpx

from ._clock import clock

__all__ = ["DEADLINE", "UNIX_TIME_THRESHOLD", "capped_timeouts", "remaining", "retry_after_seconds"]

UNIX_TIME_THRESHOLD = 1_000_000_000.0
"""A wait in seconds at least this large (31 years) is a Unix time, not a number of seconds."""

DEADLINE = "deepnote_overlay.deadline"
"""Request extension: the ``clock().monotonic()`` time by which the request must be over.

The retry transport starts no wait that would end after it and caps each attempt's timeouts to the
time left; the rate limiter does not hold the request past it. A request whose deadline has passed
before it could be sent fails with ``httpx.PoolTimeout`` (nothing was sent).
"""


def retry_after_seconds(headers: httpx.Headers, *, now: float, rate_limited: bool) -> float | None:
    """The wait the server asked for, in seconds, or ``None`` when it did not say.

    ``now`` is a Unix time (for HTTP-dates and Unix-time resets). ``RateLimit-Reset`` says when the
    rate-limit window resets, so it only counts for a 429 (``rate_limited``).
    """
    asked = _largest(headers.get_list("retry-after"), now=now, dates=True)
    if asked is None and rate_limited:
        asked = _largest(headers.get_list("ratelimit-reset"), now=now, dates=False)
    return asked


def _largest(values: list[str], *, now: float, dates: bool) -> float | None:
    waits = [_seconds(value, now=now, dates=dates) for value in values]
    readable = [wait for wait in waits if wait is not None]
    return max(readable) if readable else None


def _seconds(value: str, *, now: float, dates: bool) -> float | None:
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        if not dates:
            return None
        try:
            seconds = email.utils.parsedate_to_datetime(text).timestamp() - now
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    else:
        if seconds >= UNIX_TIME_THRESHOLD:
            seconds -= now
    if not math.isfinite(seconds) or seconds <= 0:
        return None
    return seconds


def remaining(request: httpx.Request) -> float | None:
    """Seconds left until ``request``'s ``DEADLINE`` (zero or less: passed), or ``None`` without one."""
    deadline = request.extensions.get(DEADLINE)
    if deadline is None:
        return None
    return float(deadline) - clock().monotonic()


def capped_timeouts(timeouts: dict[str, float | None], left: float) -> dict[str, float | None]:
    """httpx's per-phase ``timeouts`` (``request.extensions["timeout"]``), none longer than ``left``."""
    return {phase: left if seconds is None else min(seconds, left) for phase, seconds in timeouts.items()}
