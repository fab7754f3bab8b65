"""``RateLimiter``'s line: requests take their turns in the order they asked, on fake time.

An async sleep here lasts until the test moves the clock (``Stepped.advance``), so a sleeper can be
late to wake while another request asks: the one that asked later must not overtake it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from deepnote_overlay import _clock
from deepnote_overlay.limiter import _PLACE, LimitedTransport, RateBudget, RateLimiter, _Slots, _Turn

from .helpers import FakeTime

OK = httpx.Response(200)
URL = "https://api.test/v2/notebooks/x"


def refusal(retry_after: str) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": retry_after})


class Stepped(FakeTime):
    """Fake time whose async sleeps end only when ``advance`` reaches them."""

    def __init__(self) -> None:
        super().__init__()
        self.sleepers: list[tuple[float, asyncio.Future[None]]] = []

    async def asleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        future = asyncio.get_running_loop().create_future()
        self.sleepers.append((self.now + seconds, future))
        await future

    async def advance(self, to: float) -> None:
        self.now = to
        for at, future in self.sleepers:
            if at <= to and not future.done():
                future.set_result(None)
        self.sleepers = [(at, f) for at, f in self.sleepers if not f.done()]
        await settle()


@pytest.fixture
def stepped(monkeypatch: pytest.MonkeyPatch) -> Stepped:
    clock = Stepped()
    monkeypatch.setattr(_clock, "CLOCK", clock)
    return clock


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def started(coroutine: Coroutine[Any, Any, _Turn]) -> asyncio.Task[_Turn]:
    task = asyncio.ensure_future(coroutine)
    await settle()
    return task


def budget(requests: int, per: float) -> RateLimiter:
    return RateLimiter(budget=RateBudget(requests=requests, per=per))


def capped(fake_time: FakeTime) -> RateLimiter:
    """A burst of three at 0: one passed, two refused (reset at 10): capped to one a window."""
    limiter = RateLimiter()
    turns = [limiter.wait_turn() for _ in range(3)]
    limiter.observe(turns[0], OK)
    for refused in turns[1:]:
        limiter.observe(refused, refusal("10"))
    assert limiter.cap == 1
    return limiter


async def test_a_request_asking_when_a_budget_slot_frees_does_not_overtake_one_waiting_for_it(
    stepped: Stepped,
) -> None:
    limiter = budget(1, 10.0)
    limiter.done(await limiter.await_turn(), OK)  # the slot is free again at 10
    waiting = await started(limiter.await_turn())
    stepped.now = 10.0  # the slot is free, and the sleeper has not woken yet
    later = await started(limiter.await_turn())
    assert not later.done()  # it lines up behind the sleeper
    await stepped.advance(10.0)
    assert waiting.done() and not later.done()
    assert waiting.result().number == 2  # the first to ask went first
    limiter.done(waiting.result(), OK)
    await stepped.advance(20.0)
    assert later.result().number == 3


async def test_a_request_asking_at_a_capped_reset_does_not_overtake_one_waiting_for_it(
    stepped: Stepped,
) -> None:
    limiter = capped(stepped)
    waiting = await started(limiter.await_turn())  # the cap's pause is waited in line
    stepped.now = 10.0
    later = await started(limiter.await_turn())
    assert not later.done()
    await stepped.advance(10.0)
    assert waiting.result().number == 4 and not later.done()


async def test_a_resend_that_comes_while_the_first_in_line_sleeps_goes_before_it(stepped: Stepped) -> None:
    limiter = budget(1, 10.0)
    limiter.done(await limiter.await_turn(place=5), OK)  # the slot is free again at 10
    first = await started(limiter.await_turn())  # it asked first: first in line, asleep until 10
    resend = await started(limiter.await_turn(place=1))  # a resend keeps its earlier place
    await stepped.advance(10.0)
    assert resend.done() and not first.done()  # the lower place went when the slot freed
    assert resend.result().place == 1
    first.cancel()
    await settle()


async def test_a_sleeper_overtaken_by_resends_fails_at_once_when_its_next_turn_is_past_its_deadline(
    stepped: Stepped,
) -> None:
    limiter = budget(1, 10.0)
    limiter.done(await limiter.await_turn(place=5), OK)  # the slot is free again at 10
    first = await started(limiter.await_turn(deadline=15.0))  # first in line, asleep until 10
    resends = [await started(limiter.await_turn(place=place)) for place in (1, 2)]
    await stepped.advance(10.0)
    limiter.done(resends[0].result(), OK)  # the lowest place went at 10: the slot frees at 20
    await settle()
    # The second resend takes the next slot (20 at the soonest): the sleeper's turn comes after it,
    # past its deadline, so it is turned away now, at 10, not at its deadline.
    assert first.done() and isinstance(first.exception(), httpx.PoolTimeout)
    assert stepped.now == 10.0 and not resends[1].done()
    resends[1].cancel()
    await settle()


async def test_a_pause_a_success_may_lift_is_waited_out_of_line(stepped: Stepped) -> None:
    limiter = RateLimiter()
    refused, in_flight = limiter.wait_turn(), limiter.wait_turn()
    limiter.observe(refused, refusal("10"))  # one refusal: no cap
    sleeper = await started(limiter.await_turn())  # asleep until 10
    limiter.observe(in_flight, OK)  # the server let one through: the pause is lifted
    newcomer = await started(limiter.await_turn())
    assert newcomer.done() and not sleeper.done()  # not held behind the sleeper
    await stepped.advance(10.0)
    assert sleeper.done()


async def test_a_request_in_line_behind_a_longer_wait_than_its_deadline_fails_at_once(
    stepped: Stepped,
) -> None:
    limiter = budget(1, 10.0)
    limiter.done(await limiter.await_turn(), OK)
    first = await started(limiter.await_turn())  # first in line, until 10
    next_in_line = await started(limiter.await_turn())
    with pytest.raises(httpx.PoolTimeout, match="deadline"):
        await limiter.await_turn(deadline=10.0)  # its turn is after the first's, at 10 at the soonest
    hurried = await started(limiter.await_turn(deadline=15.0))  # 15 is after 10: it lines up
    assert not hurried.done()
    await stepped.advance(10.0)
    assert first.done()
    # The next in line waits for the slot (in flight: 20 at the soonest), so the hurried one, behind
    # it, fails now, at 10, not at its deadline.
    assert isinstance(hurried.exception(), httpx.PoolTimeout)
    assert stepped.now == 10.0 and not next_in_line.done()
    assert limiter._line.used == 1  # the next in line holds it, alone
    next_in_line.cancel()
    await settle()


async def test_the_first_in_line_cancelled_hands_the_line_on_at_once(stepped: Stepped) -> None:
    limiter = budget(1, 10.0)
    limiter.done(await limiter.await_turn(), OK)
    first = await started(limiter.await_turn())
    second = await started(limiter.await_turn())
    assert len(stepped.sleepers) == 1  # only the first in line waits on the clock
    first.cancel()
    await settle()
    assert len(stepped.sleepers) == 2  # the second now does
    await stepped.advance(10.0)
    assert second.result().sent_at == 10.0


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_resent_request_keeps_its_place_in_line(mode: str, fake_time: FakeTime) -> None:
    answers = iter([refusal("1"), OK, OK])
    mock = httpx.MockTransport(lambda request: next(answers))
    transport = LimitedTransport(RateLimiter(), transport=mock, async_transport=mock)

    async def send(request: httpx.Request) -> int:
        if mode == "sync":
            return transport.handle_request(request).status_code
        return (await transport.handle_async_request(request)).status_code

    refused, other = httpx.Request("GET", URL), httpx.Request("GET", URL)
    assert await send(refused) == 429
    assert await send(other) == 200
    assert await send(refused) == 200  # resent
    assert (refused.extensions[_PLACE], other.extensions[_PLACE]) == (1, 2)


def test_a_waiter_left_on_a_closed_event_loop_passes_on_the_slot_it_is_handed() -> None:
    slots = _Slots(1)
    assert slots.acquire(0) is None
    loop = asyncio.new_event_loop()
    abandoned = loop.create_task(slots.aacquire(1))
    loop.run_until_complete(asyncio.sleep(0))  # it lines up ...
    loop.close()  # ... and its loop is closed without cancelling it
    slots.release()  # its wake-up cannot be delivered
    assert slots.used == 0  # the slot was not lost with it
    assert slots.acquire(2) is None
    abandoned._log_destroy_pending = False  # type: ignore[attr-defined]  # left pending on purpose


class _Interrupted(threading.Event):
    """An event whose first wait is interrupted (as by Ctrl-C) right after ``before`` runs."""

    before: Callable[[], object] = staticmethod(lambda: None)
    interrupted = False

    def wait(self, timeout: float | None = None) -> bool:
        if not self.interrupted:
            self.interrupted = True
            type(self).before()
            raise KeyboardInterrupt
        return super().wait(timeout)


@pytest.mark.parametrize("handed_over", [False, True])
def test_a_sync_waiter_interrupted_leaves_the_line_or_passes_on_its_slot(
    handed_over: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots = _Slots(1)
    slots.acquire(0)
    monkeypatch.setattr(_Interrupted, "before", slots.release if handed_over else lambda: None)
    monkeypatch.setattr(threading, "Event", _Interrupted)
    with pytest.raises(KeyboardInterrupt):
        slots.acquire(1)
    monkeypatch.undo()
    if not handed_over:
        slots.release()  # the holder's slot: no waiter left to hand it to
    assert slots.used == 0


async def test_a_turn_handed_to_a_waiter_cancelled_before_it_resumes_frees_its_slot(stepped: Stepped) -> None:
    limiter = budget(2, 10.0)
    for _ in range(2):
        limiter.done(await limiter.await_turn(), OK)  # both slots free again at 10
    first = await started(limiter.await_turn())  # first in line, asleep until 10
    second = await started(limiter.await_turn())
    stepped.now = 10.0
    _, sleep = stepped.sleepers.pop()
    sleep.set_result(None)
    await asyncio.sleep(0)  # the first wakes and hands out the turns: its own and the second's
    second.cancel()  # before the second resumes with its turn
    await settle()
    assert first.done() and second.cancelled()
    assert sorted(limiter._free_at) == [20.0, float("inf")]  # its slot is free again, as if answered now


class Blocking(FakeTime):
    """Fake time whose sync sleeps block until ``wake`` is set (``asleep`` tells when one began)."""

    def __init__(self) -> None:
        super().__init__()
        self.asleep_now = threading.Event()
        self.wake = threading.Event()

    def sleep(self, seconds: float) -> None:
        self.asleep_now.set()
        self.wake.wait(timeout=30)  # a bound for a broken limiter, not a measure
        super().sleep(seconds)


def in_thread(fn: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(fn())
        except httpx.PoolTimeout as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_sync_request_behind_a_longer_wait_than_its_deadline_fails_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Blocking()
    monkeypatch.setattr(_clock, "CLOCK", clock)
    limiter = budget(1, 10.0)
    limiter.done(limiter.wait_turn(), OK)  # the slot is free again at 10
    first, _ = in_thread(limiter.wait_turn)
    assert clock.asleep_now.wait(timeout=30)  # first in line, asleep until 10
    hurried, outcome = in_thread(lambda: limiter.wait_turn(deadline=5.0))
    hurried.join(timeout=30)  # it fails without waiting for the first to go ...
    clock.wake.set()  # (else it goes once the first has: the outcome below says so)
    first.join()
    hurried.join()
    assert isinstance(outcome[0], httpx.PoolTimeout)
    assert clock.waits == [10.0]  # ... and it slept nothing


def test_a_sync_waiter_in_line_is_turned_away_when_the_first_has_to_wait_past_its_deadline() -> None:
    slots = _Slots(1)
    slots.acquire(0)
    slots.hold_until(10.0)
    waiting, outcome = in_thread(lambda: slots.acquire(1, 15.0))  # 15 is after 10: it lines up
    for _ in range(30_000):  # until it is in line (bounded: a broken line must not hang the suite)
        if slots._waiters or outcome:
            break
        threading.Event().wait(0.001)
    assert not outcome  # it waits
    slots.hold_until(15.0)  # the first will not go before 15: not before its deadline either
    waiting.join()
    assert isinstance(outcome[0], httpx.PoolTimeout)
    slots.release()
    assert slots.used == 0


async def test_the_line_turns_away_a_waiter_whose_turn_comes_too_late_and_goes_on(stepped: Stepped) -> None:
    limiter = budget(1, 10.0)
    limiter.done(await limiter.await_turn(), OK)  # the slot is free again at 10
    first = await started(limiter.await_turn())  # asleep until 10
    hurried = await started(limiter.await_turn(deadline=12.0))  # 12 is after 10: it lines up
    patient = await started(limiter.await_turn())
    await stepped.advance(10.0)  # the first goes; the slot is then in flight: 20 at the soonest
    assert first.done()
    assert isinstance(hurried.exception(), httpx.PoolTimeout)
    assert not patient.done() and [at for at, _ in stepped.sleepers] == [20.0]  # the patient one waits
    assert limiter._line.used == 1  # first in line, alone
    limiter.done(first.result(), OK)
    await stepped.advance(20.0)
    assert patient.result().sent_at == 20.0


async def test_the_sleepers_of_a_pause_line_up_again_by_place_when_it_ends(stepped: Stepped) -> None:
    limiter = budget(1, 1.0)
    limiter.done(await limiter.await_turn(), refusal("5"))  # one refusal: a pause a success may lift
    a, b, c = [await started(limiter.await_turn()) for _ in range(3)]  # asleep out of line until 5
    hurried = await started(limiter.await_turn(deadline=5.5))
    e = await started(limiter.await_turn())
    assert [at for at, _ in stepped.sleepers] == [5.0] * 5
    await stepped.advance(5.0)
    # a goes; b waits first in line for the slot (6); c and e line up behind it; the hurried one,
    # whose turn cannot come before 6, fails at once.
    assert a.done() and not (b.done() or c.done() or e.done())
    assert isinstance(hurried.exception(), httpx.PoolTimeout)
    sent = a.result()
    for at, waiting in ((6.0, b), (7.0, c), (8.0, e)):
        limiter.done(sent, OK)  # the slot is free again a second later
        await stepped.advance(at)
        sent = waiting.result()
        assert sent.sent_at == at
    assert limiter._line.used == 0  # no one holds the line, nor is owed it


async def test_a_waiter_woken_late_is_not_sent_after_its_deadline(stepped: Stepped) -> None:
    limiter = budget(2, 10.0)
    for _ in range(2):
        limiter.done(await limiter.await_turn(), OK)  # both slots free again at 10
    first = await started(limiter.await_turn())  # asleep until 10
    hurried = await started(limiter.await_turn(deadline=11.0))  # 11 is after 10: it lines up
    await stepped.advance(12.0)  # the first wakes late, past the other's deadline
    assert first.done()
    assert isinstance(hurried.exception(), httpx.PoolTimeout)  # a slot is free, but its time is up
    assert sorted(limiter._free_at) == [10.0, float("inf")]  # and it did not take it


async def test_a_line_handed_on_is_no_longer_held_until_its_first_ones_time() -> None:
    slots = _Slots(1)
    await slots.aacquire(0)
    slots.hold_until(10.0)
    second = asyncio.ensure_future(slots.aacquire(1))
    await asyncio.sleep(0)
    slots.release()  # handed to the second, which has said nothing yet about its wait
    third = asyncio.ensure_future(slots.aacquire(2, 5.0))
    await asyncio.sleep(0)
    assert not third.done()  # so it lines up, deadline and all
    await second
    slots.release()
    await third
    assert slots.used == 1


async def test_a_line_just_taken_is_not_yet_held_past_any_deadline() -> None:
    slots = _Slots(1)
    await slots.aacquire(0)  # taken; its holder has said nothing yet about its wait
    hurried = asyncio.ensure_future(slots.aacquire(1, 5.0))
    await asyncio.sleep(0)
    assert not hurried.done()  # it lines up, deadline and all
    slots.release()
    await hurried
    assert slots.used == 1
