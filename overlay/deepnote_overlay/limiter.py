"""A client-side rate limiter shared by every request of one client, sync and async.

Guarantees:

- One ``RateLimiter`` sits under every request of a client (``connect`` installs one per client;
  pass the same instance to several clients to share it). Sync and async requests, threads and
  event loops all see the same state.
- A 429 answer's ``Retry-After`` (or ``RateLimit-Reset``) pauses every request of the client until
  that reset, instead of each request learning it alone (several refusals of one window: the
  earliest reset they name, since each is rounded up from its own moment). A request already
  waiting for its turn when a new pause is recorded waits again.
- From the first refusal on, the limiter knows how many requests the server let through in that
  window (``budget``) and how long the window is; afterwards it admits at most ``budget`` requests
  per window, sent out over the first ``spread`` of the window (5% by default), so waiting
  requests resume spread out rather than all at once and the server refuses at most about one
  request per window
  (after a window filled without refusal the budget grows by one, so a budget learned too low
  recovers). Before any refusal nothing is held back: the limit is not known until the server says
  (Deepnote publishes none), so a burst's first window is refused beyond the limit; its refused
  requests are resent after the reset.
- ``budget=RateBudget(requests, per)``: a limit the caller knows. From the first request on, at
  most ``requests`` are sent per window of ``per`` seconds (plus a 2% margin, at most a quarter
  second, for the server's window starting when the first request arrives), so a limit that is
  right is never exceeded; and a window's requests wait until ``per`` after the previous window's
  first answer (the server's window had opened by then). A 429 still teaches the limiter (a lower budget, say while another
  client uses the same token, or a longer window); a budget lowered so grows back one a window, but
  never above ``requests``.
- A refusal that asks for more than ``max_pause`` seconds (the retry policy's ``max_retry_after``
  when installed by ``connect``) does not pause anything: the request's 429 is handed on at once.
- ``max_concurrency`` (optional) caps the requests in flight, counted while a request is sent and
  its answer's headers arrive.
- A request refused with 429 waits and is resent as the ``RetryPolicy`` says (for every method: the
  server did not act, so resending a POST creates nothing twice); that wait is the same reset, so
  its resend skips the pause it already sat out, but still counts against the window's budget.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import attrs
import httpx

from .retries import asyncio_sleep, retry_after_seconds

if TYPE_CHECKING:
    import asyncio

__all__ = ["LimitedTransport", "RateBudget", "RateLimiter"]

# The wait assumed for a 429 that says nothing about when to come back.
_DEFAULT_PAUSE = 1.0
# Added to a whole-second window estimate: the server's window starts when the first request
# arrives, a little after it left.
_WINDOW_MARGIN = 0.02
_MAX_WINDOW_MARGIN = 0.25
# Set on a request the server refused, so its resend (after the retry policy's wait) skips the pause.
_REFUSED = "deepnote_overlay.refused"


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0 or math.isinf(value):
        raise ValueError(f"{attribute.name} must be a finite number of seconds above zero, not {value!r}")


@attrs.frozen
class RateBudget:
    """A known rate limit: at most ``requests`` requests per window of ``per`` seconds."""

    requests: int = attrs.field(validator=attrs.validators.ge(1))
    per: float = attrs.field(validator=_positive)


@attrs.frozen
class _Ticket:
    window: int
    start_at: float
    generation: int
    first: bool = False
    """The first request of its window: the server's window starts when it arrives."""


class _Slots:
    """A counting semaphore that threads and event loops can wait on together."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._lock = threading.Lock()
        self._waiters: deque[Callable[[], None]] = deque()

    def acquire(self) -> None:
        with self._lock:
            if self.used < self.limit:
                self.used += 1
                return
            event = threading.Event()
            self._waiters.append(event.set)
        event.wait()  # release() handed its slot to us

    async def aacquire(self) -> None:
        import asyncio  # on first use, so sync-only programs never load asyncio

        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def grant() -> None:
            if future.cancelled():  # the waiter gave up after the slot was handed over: pass it on
                self.release()
            elif not future.done():
                future.set_result(None)

        def wake() -> None:
            loop.call_soon_threadsafe(grant)

        with self._lock:
            if self.used < self.limit:
                self.used += 1
                return
            self._waiters.append(wake)
        try:
            await future
        except asyncio.CancelledError:
            with self._lock:
                if wake in self._waiters:
                    self._waiters.remove(wake)
                    raise
            if future.done() and not future.cancelled():  # granted, then cancelled: give it back
                self.release()
            raise

    def release(self) -> None:
        with self._lock:
            if not self._waiters:
                self.used -= 1
                return
            wake = self._waiters.popleft()  # the slot goes straight to the next waiter
        wake()


class RateLimiter:
    """Pauses and paces one client's requests after the server refuses one with 429.

    ``budget`` paces them from the first request, when the limit is known.

    ``clock`` (monotonic seconds), ``wall_clock`` (Unix seconds, for HTTP-date ``Retry-After``),
    ``sleep`` and ``asleep`` can be replaced, for tests.
    """

    def __init__(
        self,
        *,
        budget: RateBudget | None = None,
        max_concurrency: int | None = None,
        spread: float = 0.05,
        max_pause: float = 60.0,
        max_window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        asleep: Callable[[float], Awaitable[None]] = asyncio_sleep,
    ) -> None:
        if max_concurrency is not None and max_concurrency < 1:
            raise ValueError(f"max_concurrency must be at least 1, not {max_concurrency}")
        if budget is not None and not isinstance(budget, RateBudget):
            raise TypeError(f"budget must be a RateBudget, not {type(budget).__name__}")
        if not 0 <= spread <= 1:
            raise ValueError(f"spread must be between 0 and 1 (a share of the window), not {spread}")
        self.max_concurrency = max_concurrency
        self.spread = spread
        self.max_pause = max_pause
        self.max_window = max_window
        self._clock = clock
        self._wall_clock = wall_clock
        self._sleep = sleep
        self._asleep = asleep
        self._slots = _Slots(max_concurrency) if max_concurrency is not None else None
        self._lock = threading.Lock()
        self.paused_until = -math.inf
        self.known_budget = budget
        self.budget: int | None = None if budget is None else budget.requests
        """Requests the server lets through per window: the known budget, or what a refusal showed."""
        self.window_length: float | None = None
        if budget is not None:
            self.window_length = budget.per + min(budget.per * _WINDOW_MARGIN, _MAX_WINDOW_MARGIN)
        self.refusals = 0
        self._generation = 0
        self._window = 0
        self._window_start: float | None = None
        self._admitted = 0
        # Answers per window id: a window opened ahead of time (for requests beyond a full one) is
        # current while the previous one's answers are still arriving.
        self._passed: dict[int, int] = {}
        self._starts: dict[int, float] = {}
        self._refused: set[int] = set()
        self._full: set[int] = set()
        self._rounding = True
        self._rounded_from: int | None = None
        self._learned_from: int | None = None
        self._resumed = False
        self._next_slot = -math.inf
        # When each window's first answer came: the server's window had started by then.
        self._answered: dict[int, float] = {}

    def __repr__(self) -> str:
        return (
            f"RateLimiter(known_budget={self.known_budget!r}, max_concurrency={self.max_concurrency!r}, "
            f"budget={self.budget!r}, "
            f"window_length={self.window_length!r}, refusals={self.refusals!r})"
        )

    # ------------------------------------------------------------------ decisions (under the lock)

    def _open_window(self, at: float) -> None:
        """Start a new window at ``at`` (possibly ahead of time, when the current one is full)."""
        if self.budget is not None and self._admitted >= self.budget:
            self._full.add(self._window)
        # The window before the closing one has ended and its answers are in: if it was full and
        # not refused, the budget may have been learned low (say, while another client shared the
        # token), so probe one more; a refusal sets it back. At worst one refusal a window.
        prior = self._window - 1
        ended = self._starts.get(prior, math.inf) + (self.window_length or math.inf) <= self._clock()
        ceiling = math.inf if self.known_budget is None else self.known_budget.requests
        if prior in self._full and prior not in self._refused and ended and self.budget is not None:
            self._full.discard(prior)
            if self.budget < ceiling:
                self.budget += 1
        self._window += 1
        self._window_start = self._starts[self._window] = at
        self._admitted = 0
        self._resumed = False
        recent = self._window - 4
        self._passed = {w: n for w, n in self._passed.items() if w >= recent}
        self._starts = {w: t for w, t in self._starts.items() if w >= recent}
        self._refused = {w for w in self._refused if w >= recent}
        self._full = {w for w in self._full if w >= recent}
        self._answered = {w: t for w, t in self._answered.items() if w >= recent}

    def _reserve(self, resend: bool, awake: float) -> tuple[_Ticket | None, float]:
        """This request's turn, counted against the window it falls in, and the wait until then.

        While paused nothing is reserved (the ticket is ``None``): the window after a pause opens
        only when the pause is over, when every answer of the refused window is in and counted.
        A ``resend`` of a refused request has waited out its pause already and skips it. ``awake``
        is the time the caller last slept until: a sleep counts as done even if the clock lags.
        Returns the ticket and the time to go at.
        """
        with self._lock:
            now = max(self._clock(), awake)
            if now < self.paused_until and not resend:
                return None, self.paused_until
            at = now if resend else max(now, self._next_slot)
            start = self._window_start
            length = self.window_length
            if start is not None and not self._resumed:
                at = max(at, start)  # a window opened ahead of time, for requests beyond a full one
            if start is None or self._resumed or (length is not None and at >= start + length):
                self._open_window(at)
            elif self.budget is not None and self._admitted >= self.budget:
                at = max(at, start + (length or 0.0))
                self._open_window(at)
            self._admitted += 1
            if self.budget is not None and self.window_length is not None:
                self._next_slot = at + self.window_length * self.spread / self.budget
            return _Ticket(self._window, at, self._generation, first=self._admitted == 1), at

    def _still_valid(self, ticket: _Ticket) -> bool:
        """No pause was recorded since ``ticket`` was reserved (a pause reopens the windows)."""
        with self._lock:
            return ticket.generation == self._generation

    def _held_until(self, ticket: _Ticket) -> float:
        """With a known budget: not before ``per`` after the previous window's first answer.

        Tickets are planned from when requests leave, but the server's window opens when the first
        one arrives, which can be later by more than the margin (connections being opened, a busy
        server). The first answer bounds that arrival, so no request is early for the server.
        """
        with self._lock:
            answered = self._answered.get(ticket.window - 1)
            if self.known_budget is None or answered is None:
                return -math.inf
            return answered + self.known_budget.per

    def observe(self, ticket: _Ticket, response: httpx.Response) -> bool:
        """Count an answer; a 429 pauses every request until the reset it names (``True`` then)."""
        with self._lock:
            window = ticket.window
            self._answered.setdefault(window, self._clock())
            if response.status_code != 429:
                passed = self._passed[window] = self._passed.get(window, 0) + 1
                if window == self._learned_from:
                    # An answer of the refused window, late (never above a budget the caller gave).
                    ceiling = passed if self.known_budget is None else self.known_budget.requests
                    self.budget = min(max(self.budget or 0, passed), ceiling)
                return False
            wait = retry_after_seconds(response.headers, now=self._wall_clock(), rate_limited=True)
            wait = _DEFAULT_PAUSE if wait is None else wait
            if wait > self.max_pause:
                return False
            self.refusals += 1
            now = self._clock()
            reset_at = now + wait
            first = window not in self._refused
            if first:
                # The first refusal of a window: what passed in it is the budget (none passing
                # says nothing: another client may have used it up). The window began at its
                # first request at the latest; a client that ran for long before its first
                # refusal cannot tell, so that estimate is capped (and corrected by a later
                # refusal, whose window start is then known).
                self._refused.add(window)
                passed = self._passed.get(window, 0)
                self._learned_from = window
                if passed:
                    self.budget = passed
                start = self._starts.get(window)
                if start is not None:
                    self.window_length = self._window_estimate(window, reset_at - start, wait)
            if first or now >= self.paused_until:
                if reset_at > self.paused_until:
                    self.paused_until = reset_at
                    self._generation += 1
                    self._resumed = True
            else:
                # More refusals of a window already paused for: each names the same reset, rounded
                # up to whole seconds from its own moment, so the earliest is the closest.
                self.paused_until = max(now, min(self.paused_until, reset_at))
            return True

    def _window_estimate(self, window: int, measured: float, wait: float) -> float:
        """The window's length: from its start to the reset, capped at ``max_window``.

        A reset given in whole seconds is rounded up from the moment of the refusal, so the
        measure overshoots by up to a second; when it is within a quarter second of a whole number
        of seconds, that whole number (plus 2%, at most a quarter second) is taken: rate-limit
        windows are whole seconds in practice.
        A refusal in a window planned with such an estimate turns the rounding off for good.
        """
        if self._rounded_from is not None and window > self._rounded_from:
            self._rounding = False
        estimate = max(wait, min(measured, self.max_window))
        whole = math.floor(estimate)
        if self._rounding and float(wait).is_integer() and whole >= max(wait, 1) and estimate - whole <= 0.25:
            self._rounded_from = window
            return whole + min(whole * _WINDOW_MARGIN, _MAX_WINDOW_MARGIN)
        return estimate

    def sending(self, ticket: _Ticket) -> None:
        """``ticket``'s request leaves now: the first of a window moves its start to this moment."""
        if not ticket.first:
            return
        with self._lock:
            now = self._clock()
            if now > self._starts.get(ticket.window, math.inf):
                self._starts[ticket.window] = now
                if ticket.window == self._window:
                    self._window_start = now

    # ------------------------------------------------------------------ waiting

    def wait_turn(self, *, resend: bool = False) -> _Ticket:
        """Block until this request may be sent (and, with ``max_concurrency``, hold a slot)."""
        awake = -math.inf
        while True:
            ticket, go_at = self._reserve(resend, awake)
            delay = go_at - max(self._clock(), awake)
            if delay > 0:
                self._sleep(delay)
                awake = go_at
            if ticket is not None and self._still_valid(ticket):
                held = self._held_until(ticket)  # a known budget's window, late at the server
                if held > max(self._clock(), awake):
                    self._sleep(held - max(self._clock(), awake))
                    awake = held
                if self._still_valid(ticket):
                    break
            resend = False  # a pause came while waiting: from now on, an ordinary request
        if self._slots is not None:
            self._slots.acquire()
        return ticket

    async def await_turn(self, *, resend: bool = False) -> _Ticket:
        """Async ``wait_turn``."""
        awake = -math.inf
        while True:
            ticket, go_at = self._reserve(resend, awake)
            delay = go_at - max(self._clock(), awake)
            if delay > 0:
                await self._asleep(delay)
                awake = go_at
            if ticket is not None and self._still_valid(ticket):
                held = self._held_until(ticket)  # a known budget's window, late at the server
                if held > max(self._clock(), awake):
                    await self._asleep(held - max(self._clock(), awake))
                    awake = held
                if self._still_valid(ticket):
                    break
            resend = False  # a pause came while waiting: from now on, an ordinary request
        if self._slots is not None:
            await self._slots.aacquire()
        return ticket

    def done(self) -> None:
        """The request is answered: free its concurrency slot."""
        if self._slots is not None:
            self._slots.release()


class LimitedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends through a sync and an async transport, each request waiting its turn at ``limiter``."""

    def __init__(
        self,
        limiter: RateLimiter,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.limiter = limiter
        self._transport = transport
        self._async_transport = async_transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._transport is None:
            raise RuntimeError("this LimitedTransport has no sync transport")
        ticket = self.limiter.wait_turn(resend=request.extensions.pop(_REFUSED, False))
        self.limiter.sending(ticket)
        try:
            response = self._transport.handle_request(request)
        finally:
            self.limiter.done()
        self._observe(ticket, request, response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._async_transport is None:
            raise RuntimeError("this LimitedTransport has no async transport")
        ticket = await self.limiter.await_turn(resend=request.extensions.pop(_REFUSED, False))
        self.limiter.sending(ticket)
        try:
            response = await self._async_transport.handle_async_request(request)
        finally:
            self.limiter.done()
        self._observe(ticket, request, response)
        return response

    def _observe(self, ticket: _Ticket, request: httpx.Request, response: httpx.Response) -> None:
        if self.limiter.observe(ticket, response):
            request.extensions[_REFUSED] = True

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    async def aclose(self) -> None:
        if self._async_transport is not None:
            await self._async_transport.aclose()
