"""A client-side rate limiter shared by every request of one client, sync and async.

Guarantees:

- One ``RateLimiter`` sits under every request of a client (``connect`` installs one per client;
  pass the same instance to several clients to share it). Sync and async requests, threads and
  event loops all see the same state.
- A 429 that names its reset (``Retry-After``, else ``RateLimit-Reset``; see ``_retry_after``)
  pauses every request of the client until that reset, instead of each request learning it alone.
  Several refusals of requests sent before the pause began (one window) keep the earliest reset
  they name, since each is rounded up from its own moment; a later refusal starts a new pause. A
  request waiting for its turn when a new pause is recorded waits again.
- A pause ends early when a request already in flight is answered with anything but 429 while it
  lasts (unless a burst set a cap, below): the server is letting requests through, so the refusal
  was not the client's limit (a one-off, or scattered refusals among successes). A single refusal
  teaches nothing else: after its pause nothing is held back, so sparse refusals cost the refused
  request's own wait.
- A burst beyond the limit (a second refusal of the same window, the window running from the
  first request after the last pause) caps the following windows (as long, from their first
  request, as from the refused window's start to its reset, at most ``max_pause``) to what passed
  in the refused window (``cap``), so the requests held back go out a window at a time instead of
  all at the reset. A capped window that ends without a refusal doubles the cap, up to the most
  ever seen passing in a refused window and no further (the server showed its limit: probing past
  it would cost a refusal and a pause every other window); one that used less than the cap drops
  it, so the next burst measures the limit again. While capped, a success does not end a pause
  early (the burst showed a limit, and requests sent together arrive in any order). So a cap
  learned low (say while another client used the same token) recovers within a few windows, and
  at a steady limit the windows after the burst are not refused.
- A 429 that names no reset, or one more than ``max_pause`` seconds away (the retry policy's
  ``max_retry_after`` when installed by ``connect``), pauses nothing: the refused request alone
  waits (or gets its 429) as the retry policy says.
- ``budget=RateBudget(requests, per)``: a limit the caller knows. A request gets its turn only
  while fewer than ``requests`` others that got theirs are in flight or were answered within the
  last ``per`` seconds (each budget slot is free again ``per`` after its request's answer). So no
  window of ``per`` seconds at the server sees more than ``requests`` of them, however late they
  arrive: a request reaches the server after its turn and no later than its answer; were
  ``requests + 1`` to arrive within ``per`` of the first of them (at ``a``), the last to get its
  turn got it before ``a + per`` while each of the others was in flight or answered at ``a`` or
  later, so counted. A budget that is right is never refused. A 429 still pauses as above.
- Requests take their turns in the order they asked: each gets a place in line (a resend, after a
  429 or a failure, keeps the place its first attempt got), and only the first in line waits on
  the clock for a budget slot or a capped window; the others wait behind it, lowest place first.
  When its wait is over it lines up again among them, so a lower place that came meanwhile (a
  resend) goes first; whoever may go then goes at once, in place order. So requests queued early
  (say, runs being created) are not overtaken by requests that asked later (polls of the runs
  already created). A pause that a success may end (no cap) is waited out of line, so a pause
  lifted early holds back no one but its own sleepers; they line up again by place when it ends.
- ``max_concurrency`` (optional) caps the requests in flight, counted while a request is sent and
  its answer's headers arrive; its waiters are served in the same order.
- A waiter that is cancelled (or interrupted) leaves nothing behind: its place in line goes to the
  next one at once, and a slot or a turn handed to it just before is passed on (a turn's budget
  slot as if answered then), as is one handed to a waiter whose event loop is closed. A request
  that fails or is cancelled in flight frees its budget slot as if answered then.
- A request with a ``DEADLINE`` (``_retry_after``) is not held past it (except while it waits
  for a ``max_concurrency`` slot, which has no deadline): it fails with ``httpx.PoolTimeout``,
  unsent, as soon as its turn is known to come after it: when the pause, budget slot or capped
  window it would wait for ends no sooner, or when the first in line (whose turn comes before
  its own) has to wait that long, whether it joins the line then or waits in it already.
- Time is read and slept through ``_clock.CLOCK`` (looked up at each use).
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import math
import threading
from collections.abc import Callable, Generator

import attrs
import httpx

from ._clock import clock
from ._retry_after import DEADLINE, retry_after_seconds
from .bodies import TwoSided

__all__ = ["LimitedTransport", "RateBudget", "RateLimiter"]

# Set on a request that waited its turn: its resend (after a 429 or a failure) keeps its place in line.
_PLACE = "deepnote_overlay.place"


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0 or math.isinf(value):
        raise ValueError(f"{attribute.name} must be a finite number of seconds above zero, not {value!r}")


@attrs.frozen
class RateBudget:
    """A known rate limit: at most ``requests`` requests per window of ``per`` seconds."""

    requests: int = attrs.field(validator=attrs.validators.ge(1))
    per: float = attrs.field(validator=_positive)


@attrs.frozen
class _Turn:
    """One request's passage: its number in sending order, when it left, its budget slot, its window,
    its place in line."""

    number: int
    sent_at: float
    slot: int | None
    window: int = 0
    place: int = 0


@attrs.define(eq=False)
class _Waiter:
    """One request waiting for a slot: its place in line, its deadline, how to wake it (with
    ``True``: a slot, for the line the first place in it; a turn: it may go, the line moved on;
    ``False``: turned away, its deadline comes first)."""

    place: int
    deadline: float | None
    wake: Callable[[_Turn | bool], None]


def _too_late() -> httpx.PoolTimeout:
    return httpx.PoolTimeout("the request's deadline passes before the rate limiter lets it go")


def _place(waiter: _Waiter) -> int:
    return waiter.place


class _Slots:
    """A counting semaphore that threads and event loops can wait on together, lowest place first.

    ``decide`` (for the line): a released slot first goes to the waiters that may go now, each
    woken with its turn (``undo`` gives back one whose waiter gave up), and then to the first that
    must wait. ``hold_until(at)``: no slot frees before ``at``, so a waiter whose deadline is not
    after it is turned away (``httpx.PoolTimeout``), now or when it comes, until a slot is released.
    """

    def __init__(
        self,
        limit: int,
        decide: Callable[[float | None, int], _Turn | tuple[float, bool]] | None = None,
        undo: Callable[[_Turn], object] | None = None,
    ) -> None:
        self.limit = limit
        self.used = 0
        self.held_until = -math.inf
        self._decide = decide
        self._undo = undo
        self._lock = threading.Lock()
        self._waiters: list[_Waiter] = []  # by place

    def _take(self, waiter: _Waiter, again: bool) -> bool:
        """A free slot taken (``True``), else ``waiter`` queued for one released. ``again``: the
        waiter holds a slot and lines up again with it, which goes to the line in place order."""
        with self._lock:
            if not again:
                if self.used < self.limit:
                    self.used += 1
                    return True
                if waiter.deadline is not None and waiter.deadline <= self.held_until:
                    raise _too_late()
            bisect.insort(self._waiters, waiter, key=_place)
        if again:
            self.release()
        return False

    def hold_until(self, at: float) -> None:
        with self._lock:
            self.held_until = at
            late = [w for w in self._waiters if w.deadline is not None and w.deadline <= at]
            self._waiters = [w for w in self._waiters if w not in late]
        for waiter in late:
            waiter.wake(False)

    def acquire(self, place: int, deadline: float | None = None, again: bool = False) -> _Turn | None:
        """A slot (``None``) or, from ``decide``, a turn; raises ``httpx.PoolTimeout`` when turned away.

        ``again``: the caller holds a slot and lines up again with it (``release`` in place order).
        """
        event = threading.Event()
        verdicts: list[_Turn | bool] = []

        def wake(verdict: _Turn | bool) -> None:
            verdicts.append(verdict)
            event.set()

        waiter = _Waiter(place, deadline, wake)
        if self._take(waiter, again):
            return None
        try:
            event.wait()  # release() hands us a slot or a turn, or hold_until() turns us away
        except BaseException:  # interrupted (Ctrl-C): leave the line, or pass on what we were handed
            if not self._left(waiter):
                event.wait()  # handed something just now: it is on its way
                self._give_back(verdicts[0])
            raise
        return _granted(verdicts[0])

    async def aacquire(self, place: int, deadline: float | None = None, again: bool = False) -> _Turn | None:
        """Async ``acquire``."""
        import asyncio  # on first use, so sync-only programs never load asyncio

        loop = asyncio.get_running_loop()
        future: asyncio.Future[_Turn | bool] = loop.create_future()

        def grant(verdict: _Turn | bool) -> None:
            if future.cancelled():  # the waiter gave up after it was woken: pass on what it got
                self._give_back(verdict)
            else:
                future.set_result(verdict)

        def wake(verdict: _Turn | bool) -> None:
            try:
                loop.call_soon_threadsafe(grant, verdict)
            except RuntimeError:  # its event loop is closed, the waiter never to resume: pass it on
                self._give_back(verdict)

        waiter = _Waiter(place, deadline, wake)
        if self._take(waiter, again):
            return None
        try:
            verdict = await future
        except asyncio.CancelledError:
            if future.cancelled():  # still in line (else ``grant`` passes on what it brings)
                self._left(waiter)
            else:  # woken, then cancelled before it resumed
                self._give_back(future.result())
            raise
        return _granted(verdict)

    def _left(self, waiter: _Waiter) -> bool:
        """``waiter`` taken out of the line (``True``), unless it was woken already."""
        with self._lock:
            queued = waiter in self._waiters
            if queued:
                self._waiters.remove(waiter)
            return queued

    def _give_back(self, verdict: _Turn | bool) -> None:
        if isinstance(verdict, _Turn):
            assert self._undo is not None  # only ``decide`` hands out turns
            self._undo(verdict)
        elif verdict:
            self.release()

    def release(self) -> None:
        """Free a slot: to the waiters that may go now (with ``decide``), then to the next one."""
        woken: list[tuple[_Waiter, _Turn | bool]] = []
        with self._lock:
            self.held_until = -math.inf
            while self._waiters:
                waiter = self._waiters.pop(0)
                if self._decide is not None:
                    try:
                        verdict = self._decide(waiter.deadline, waiter.place)
                    except httpx.PoolTimeout:
                        woken.append((waiter, False))
                        continue
                    if isinstance(verdict, _Turn):
                        woken.append((waiter, verdict))
                        continue
                woken.append((waiter, True))  # the slot goes straight to it
                break
            else:
                self.used -= 1
        for waiter, given in woken:
            waiter.wake(given)


def _granted(verdict: _Turn | bool) -> _Turn | None:
    if verdict is False:
        raise _too_late()
    return verdict if isinstance(verdict, _Turn) else None


@attrs.frozen
class _Join:
    """A step of a request's wait: take a slot of ``slots``; its answer is the turn found with it."""

    slots: _Slots
    place: int
    deadline: float | None
    again: bool = False
    """Its holder lines up again (see ``_Slots.acquire``)."""

    def take(self) -> _Turn | None:
        return self.slots.acquire(self.place, self.deadline, self.again)

    async def atake(self) -> _Turn | None:
        return await self.slots.aacquire(self.place, self.deadline, self.again)


@attrs.frozen
class _Sleep:
    """A step of a request's wait: sleep ``seconds`` on the clock; its answer is ``None``."""

    seconds: float

    def take(self) -> None:
        clock().sleep(self.seconds)

    async def atake(self) -> None:
        await clock().asleep(self.seconds)


_Plan = Generator[_Sleep | _Join | _Turn, _Turn | None]
"""A request's wait: its steps, each sent its answer (``take`` / ``atake``), and last its turn."""


class RateLimiter:
    """Pauses every request of a client at a 429's reset; paces them after a burst, or from the
    first request when the limit is known.

    ``budget`` paces from the first request, when the limit is known; ``max_concurrency`` caps the
    requests in flight; ``max_pause`` is the longest reset honoured as a pause for everyone.
    """

    def __init__(
        self,
        *,
        budget: RateBudget | None = None,
        max_concurrency: int | None = None,
        max_pause: float = 60.0,
    ) -> None:
        if max_concurrency is not None and max_concurrency < 1:
            raise ValueError(f"max_concurrency must be at least 1, not {max_concurrency}")
        if budget is not None and not isinstance(budget, RateBudget):
            raise TypeError(f"budget must be a RateBudget, not {type(budget).__name__}")
        self.budget = budget
        self.max_concurrency = max_concurrency
        self.max_pause = max_pause
        self._slots = _Slots(max_concurrency) if max_concurrency is not None else None
        # The request waiting for its turn on the clock; the others line up behind it.
        self._line = _Slots(1, self._try_send, lambda turn: self.observe(turn, None))
        self._places = itertools.count(1)
        self._lock = threading.Lock()
        self.paused_until = -math.inf
        """Monotonic time until which no request is sent (``-inf``: not paused)."""
        self.refusals = 0
        """429s that paused (or would have paused) the client."""
        self._sent_before_pause = 0  # requests sent when the current pause began
        self._sent = 0
        self.cap: int | None = None
        """After a burst of refusals: the requests let through per window (what passed in the refused one)."""
        self._window = 0  # windows: from a first request (after a pause) to the next refusal, or capped
        self._window_open = False
        self._window_start = 0.0
        self._window_length = 0.0
        self._window_sent = 0
        self._window_refused = 0
        self._capped_from = -1
        self._passed: dict[int, int] = {}
        self._best = 1  # the most requests ever seen passing in a refused window (at least one)
        # Per budget slot: when it may carry a request again (``inf`` while its request is in flight).
        self._free_at = [-math.inf] * (budget.requests if budget is not None else 0)

    def __repr__(self) -> str:
        return (
            f"RateLimiter(budget={self.budget!r}, max_concurrency={self.max_concurrency!r}, "
            f"max_pause={self.max_pause!r}, refusals={self.refusals!r})"
        )

    # ------------------------------------------------------------------ decisions (under the lock)

    def _try_send(self, deadline: float | None, place: int) -> _Turn | tuple[float, bool]:
        """This request's turn if it may go now, else the seconds to wait before asking again and
        whether that is a pause (waited out of line).

        Raises ``httpx.PoolTimeout`` when the turn cannot come before ``deadline`` (monotonic).
        """
        with self._lock:
            now = clock().monotonic()
            go_at = self.paused_until
            slot = None
            if self._free_at:
                slot = min(range(len(self._free_at)), key=self._free_at.__getitem__)
                # A slot in flight frees ``per`` after its answer, which is ``per`` from now at the soonest.
                go_at = max(go_at, min(self._free_at[slot], now + self._per))
            # A pause a success may lift (no cap) is waited out of line, so a lift frees the line at once.
            paused = go_at > now and go_at == self.paused_until and self.cap is None
            if go_at <= now:
                go_at = self._capped_until(now)
            if deadline is not None and max(go_at, now) >= deadline:
                raise _too_late()
            if go_at > now:
                return go_at - now, paused
            if slot is not None:
                self._free_at[slot] = math.inf
            self._sent += 1
            self._window_sent += 1
            return _Turn(self._sent, now, slot, self._window, place)

    def _capped_until(self, now: float) -> float:
        """When the window's ``cap`` lets a request go (opening a window first when none is open)."""
        if self._window_open and self.cap is not None and now >= self._window_start + self._window_length:
            self._grow()
            self._window_open = False
        if not self._window_open:
            self._window += 1
            self._window_open, self._window_start, self._window_sent, self._window_refused = True, now, 0, 0
            self._passed = {w: n for w, n in self._passed.items() if w >= self._window - 2}
        if self.cap is not None and self._window_sent >= self.cap:
            return self._window_start + self._window_length
        return -math.inf

    def _grow(self) -> None:
        """A capped window ended (a refusal would have ended it sooner): a cap that held nothing
        back goes; one that did doubles, up to the most ever seen passing in a refused window (no
        further: the server showed its limit, and probing past it costs a refusal and a pause every
        other window)."""
        assert self.cap is not None  # called for capped windows only
        if self._window_sent < self.cap:
            self.cap = None
        else:
            self.cap = min(2 * self.cap, self._best)

    @property
    def _per(self) -> float:
        return self.budget.per if self.budget is not None else 0.0

    def observe(self, turn: _Turn, response: httpx.Response | None) -> bool:
        """Count ``turn``'s answer (``None``: it failed); a 429 pauses everyone (``True`` then)."""
        with self._lock:
            now = clock().monotonic()
            if turn.slot is not None:
                self._free_at[turn.slot] = now + self._per
            if response is None:
                return False
            if response.status_code != 429:
                passed = self._passed[turn.window] = self._passed.get(turn.window, 0) + 1
                if turn.window == self._capped_from and self.cap is not None:
                    self.cap = max(self.cap, passed)  # a late answer of the refused window
                    self._best = max(self._best, passed)
                if self.cap is None and now < self.paused_until:
                    self.paused_until = -math.inf  # the server lets requests through: not a limit
                return False
            wait = retry_after_seconds(response.headers, now=clock().time(), rate_limited=True)
            if wait is None or wait > self.max_pause:
                return False
            self.refusals += 1
            reset_at = now + wait
            if now < self.paused_until and turn.number <= self._sent_before_pause:
                # Another refusal of the paused window: each names the same reset, rounded up to
                # whole seconds from its own moment, so the earliest is the closest.
                self.paused_until = min(self.paused_until, reset_at)
            elif reset_at > self.paused_until:
                self.paused_until = reset_at
                self._sent_before_pause = self._sent
            if turn.window == self._window:
                self._learn(wait)
            return True

    def _learn(self, wait: float) -> None:
        """A refusal of the current window: it ends, and a second refusal (a burst beyond the limit)
        or one in a capped window caps the next windows to what passed in this one."""
        self._window_open = False
        self._window_refused += 1
        if self._window_refused < 2 and self.cap is None:
            return
        passed = self._passed.get(self._window, 0)
        self.cap, self._capped_from = max(passed, 1), self._window
        self._best = max(self._best, self.cap)  # at least one: a cap never falls to zero
        # From the window's first request to the (earliest) reset, no longer than the longest pause
        # kept. A reset in whole seconds is rounded up from the moment of the refusal, so a window
        # refused within its first second measures up to a second long: below ``wait`` + 1 s it is
        # taken as ``wait`` (plus 2%, at most a quarter second, for the server's window opening when
        # the first request arrives). A refused capped window measures again.
        measured = min(self.paused_until - self._window_start, self.max_pause)
        if float(wait).is_integer() and measured < wait + 1:
            measured = wait + min(wait * 0.02, 0.25)
        self._window_length = max(measured, wait)

    # ------------------------------------------------------------------ waiting

    def _at_once(self, deadline: float | None, place: int) -> _Turn | None:
        """The turn when no one is in line and the request may go now (most requests): no steps."""
        if self._slots is not None or self._line.used:
            return None
        decided = self._try_send(deadline, place)
        return decided if isinstance(decided, _Turn) else None

    def _plan(self, deadline: float | None, place: int | None) -> _Plan:
        """The steps of one request's wait (sleep, take a slot), then its turn (a new place in line
        unless ``place`` is given). No step when no one is in line and it may go now (most requests).

        With ``max_concurrency`` a slot first. Then the request lines up by ``place``.
        """
        place = next(self._places) if place is None else place
        if turn := self._at_once(deadline, place):
            yield turn
            return
        if self._slots is not None:
            yield _Join(self._slots, place, None)
        try:
            turn = yield from self._in_line(deadline, place)
        except BaseException:  # cancelled (or past its deadline) while waiting: nothing was sent
            self._release()
            raise
        yield turn

    def _in_line(self, deadline: float | None, place: int) -> Generator[_Sleep | _Join, _Turn | None, _Turn]:
        """Wait in line for the turn (a turn from the line: the request before it went and found
        this one's turn as well; ``None``: it is first in line).

        The first in line waits on the clock for a budget slot or a capped window (requests behind
        it whose deadline comes before its turn are turned away), then lines up again among the
        others, so a request with a lower place that came meanwhile goes first. A pause that a
        success may lift is waited out of line, then the request lines up anew.
        """
        granted = yield _Join(self._line, place, deadline)
        while granted is None:
            try:
                decided = self._try_send(deadline, place)
            except BaseException:
                self._line.release()
                raise
            if isinstance(decided, _Turn):
                self._line.release()
                return decided
            wait, paused = decided
            if paused:
                self._line.release()
                yield _Sleep(wait)
                granted = yield _Join(self._line, place, deadline)
                continue
            self._line.hold_until(clock().monotonic() + wait)
            try:
                yield _Sleep(wait)
            except BaseException:
                self._line.release()
                raise
            granted = yield _Join(self._line, place, deadline, again=True)
        return granted

    def wait_turn(self, deadline: float | None = None, place: int | None = None) -> _Turn:
        """Block until this request may be sent (with ``max_concurrency``, holding a slot first).

        ``deadline``: the monotonic time after which the request must not be held; see ``DEADLINE``.
        ``place``: its place in line (a resend keeps the one its first attempt got); else a new one.
        """
        with contextlib.closing(self._plan(deadline, place)) as plan:
            step = next(plan)
            while not isinstance(step, _Turn):
                step = plan.send(step.take())
            return step

    async def await_turn(self, deadline: float | None = None, place: int | None = None) -> _Turn:
        """Async ``wait_turn``."""
        with contextlib.closing(self._plan(deadline, place)) as plan:
            step = next(plan)
            while not isinstance(step, _Turn):
                step = plan.send(await step.atake())
            return step

    def _release(self) -> None:
        if self._slots is not None:
            self._slots.release()

    def done(self, turn: _Turn, response: httpx.Response | None) -> bool:
        """``turn``'s request is over (``response``: its answer, or ``None``): free its slots."""
        self._release()
        return self.observe(turn, response)


class LimitedTransport(TwoSided):
    """Sends through a sync and an async transport, each request waiting its turn at ``limiter``."""

    def __init__(
        self,
        limiter: RateLimiter,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(transport, async_transport)
        self.limiter = limiter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        side = self.sync_side()
        turn = self.limiter.wait_turn(request.extensions.get(DEADLINE), request.extensions.get(_PLACE))
        request.extensions[_PLACE] = turn.place
        response = None
        try:
            response = side.handle_request(request)
        finally:
            self.limiter.done(turn, response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        side = self.async_side()
        turn = await self.limiter.await_turn(request.extensions.get(DEADLINE), request.extensions.get(_PLACE))
        request.extensions[_PLACE] = turn.place
        response = None
        try:
            response = await side.handle_async_request(request)
        finally:
            self.limiter.done(turn, response)
        return response
