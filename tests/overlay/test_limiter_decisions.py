"""``RateLimiter``'s decisions, driven step by step on fake time through its methods.

What a refusal pauses (and for how long), when a pause ends early, what a known budget holds back,
deadlines, cancellation and the concurrency slots. Fake time: every wait is recorded, none is slept.
"""

from __future__ import annotations

import asyncio
import email.utils

import httpx
import pytest

from deepnote_overlay.limiter import RateBudget, RateLimiter, _Slots, _Turn

from .helpers import FakeTime

MODES = ["sync", "async"]
OK = httpx.Response(200)


def refusal(retry_after: str) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": retry_after})


async def turn(limiter: RateLimiter, mode: str, deadline: float | None = None) -> _Turn:
    if mode == "sync":
        return limiter.wait_turn(deadline)
    return await limiter.await_turn(deadline)


def test_only_a_429_that_names_its_reset_pauses_and_is_counted(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, OK) is False
    assert limiter.observe(ticket, httpx.Response(429)) is False  # no reset named: nothing to wait for
    assert (limiter.refusals, limiter.paused_until) == (0, -float("inf"))
    assert limiter.observe(ticket, refusal("3")) is True
    assert limiter.observe(ticket, httpx.Response(429, headers={"RateLimit-Reset": "2"})) is True
    assert limiter.refusals == 2
    assert limiter.paused_until == 2.0  # the same window: the earliest reset


def test_a_retry_after_given_as_an_http_date_pauses_until_then(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, refusal(email.utils.formatdate(fake_time.wall() + 7, usegmt=True)))
    assert limiter.paused_until == 7.0


@pytest.mark.parametrize(("retry_after", "pauses"), [("20", True), ("20.5", False)])
def test_a_refusal_asking_more_than_max_pause_pauses_nothing(
    retry_after: str, pauses: bool, fake_time: FakeTime
) -> None:
    limiter = RateLimiter(max_pause=20.0)
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, refusal(retry_after)) is pauses
    assert limiter.refusals == (1 if pauses else 0)
    limiter.wait_turn()
    assert fake_time.waits == ([20.0] if pauses else [])


def test_by_default_a_pause_of_up_to_60_seconds_is_kept(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, refusal("60")) is True
    fresh = RateLimiter()
    assert fresh.observe(fresh.wait_turn(), refusal("60.5")) is False


@pytest.mark.parametrize("mode", MODES)
async def test_a_pause_holds_back_every_request_until_the_reset_then_none(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = RateLimiter()
    limiter.observe(await turn(limiter, mode), refusal("5"))
    for _ in range(4):
        limiter.observe(await turn(limiter, mode), OK)
    assert fake_time.waits == [5.0]  # the first waits out the pause; after it nothing is held back


@pytest.mark.parametrize("mode", MODES)
async def test_a_pause_recorded_while_a_request_waits_is_waited_out_too(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = RateLimiter()
    refused = await turn(limiter, mode)
    limiter.observe(refused, refusal("10"))
    sleeps: list[float] = []
    real_sleep = fake_time.sleep

    def sleep_and_get_refused_again(seconds: float) -> None:
        sleeps.append(seconds)
        real_sleep(seconds)
        if len(sleeps) == 1:  # a request sent after the pause is refused while this one sleeps
            limiter.observe(_Turn(99, fake_time.now, None), refusal("5"))

    async def asleep(seconds: float) -> None:
        sleep_and_get_refused_again(seconds)

    fake_time.sleep, fake_time.asleep = sleep_and_get_refused_again, asleep  # type: ignore[method-assign]
    await turn(limiter, mode)
    assert sleeps == [10.0, 5.0]


def test_refusals_of_requests_sent_before_the_pause_keep_the_earliest_reset(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    first, second = limiter.wait_turn(), limiter.wait_turn()
    limiter.observe(first, refusal("5"))
    fake_time.now = 0.5
    limiter.observe(second, refusal("5"))  # rounded up from its own moment: says 5.5, but 5 is known
    assert limiter.paused_until == 5.0


def test_a_refusal_of_a_request_sent_after_the_pause_began_starts_a_new_pause(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    limiter.observe(limiter.wait_turn(), refusal("5"))
    fake_time.now = 5.0
    late = limiter.wait_turn()  # after the reset
    limiter.observe(late, refusal("7"))  # the next window is full too: a later reset
    assert limiter.paused_until == 12.0


@pytest.mark.parametrize("at", [5.0, 6.0])
def test_a_refusal_after_the_pause_of_a_request_sent_before_it_starts_a_new_pause(
    at: float, fake_time: FakeTime
) -> None:
    limiter = RateLimiter()
    refused, slow = limiter.wait_turn(), limiter.wait_turn()
    limiter.observe(refused, refusal("5"))
    fake_time.now = at  # the pause is over when the slow one is refused too
    limiter.observe(slow, refusal("3"))
    assert limiter.paused_until == at + 3


def test_a_late_answer_of_the_refused_window_after_the_cap_went_changes_nothing(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    turns = [limiter.wait_turn() for _ in range(5)]
    for ticket in turns[:2]:
        limiter.observe(ticket, OK)
    for ticket in turns[3:]:
        limiter.observe(ticket, refusal("5"))
    assert limiter.cap == 2
    fake_time.now = 5.0
    limiter.observe(limiter.wait_turn(), OK)  # one request in the capped window: the cap held nothing back
    fake_time.now = 20.0
    limiter.observe(limiter.wait_turn(), OK)
    assert limiter.cap is None
    limiter.observe(turns[2], OK)  # the refused window's last answer, very late
    assert limiter.cap is None


@pytest.mark.parametrize("order", ["sent after", "sent before"])
def test_a_success_answered_during_the_pause_ends_it(order: str, fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    first, second = limiter.wait_turn(), limiter.wait_turn()  # both in flight
    refused, other = (first, second) if order == "sent after" else (second, first)
    limiter.observe(refused, refusal("30"))
    assert limiter.paused_until == 30.0
    limiter.observe(other, OK)  # the server let another request through: the refusal was a one-off
    assert limiter.paused_until == -float("inf")
    limiter.wait_turn()
    assert fake_time.waits == []


def test_after_a_burst_a_success_does_not_end_the_pause(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    earlier, refused, also_refused = limiter.wait_turn(), limiter.wait_turn(), limiter.wait_turn()
    limiter.observe(refused, refusal("30"))
    limiter.observe(also_refused, refusal("30"))
    limiter.observe(earlier, OK)  # it passed before the window filled up: a limit, not a one-off
    assert limiter.paused_until == 30.0


@pytest.mark.parametrize("mode", MODES)
async def test_a_request_whose_deadline_comes_before_its_turn_fails_at_once_unsent(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = RateLimiter()
    limiter.observe(await turn(limiter, mode), refusal("10"))
    with pytest.raises(httpx.PoolTimeout) as caught:
        await turn(limiter, mode, deadline=9.0)
    assert str(caught.value) == "the request's deadline passes before the rate limiter lets it go"
    assert fake_time.waits == []
    await turn(limiter, mode, deadline=10.5)  # its turn comes first: it waits for it
    assert fake_time.waits == [10.0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("max_concurrency", [None, 2])
async def test_a_request_whose_deadline_is_now_is_not_sent(
    mode: str, max_concurrency: int | None, fake_time: FakeTime
) -> None:
    limiter = RateLimiter(max_concurrency=max_concurrency)
    with pytest.raises(httpx.PoolTimeout):
        await turn(limiter, mode, deadline=0.0)  # nothing holds it back, but its time is up
    assert (await turn(limiter, mode, deadline=0.5)).sent_at == 0.0


@pytest.mark.parametrize("mode", MODES)
async def test_with_max_concurrency_a_deadline_before_the_reset_fails_at_once_too(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = RateLimiter(max_concurrency=2)
    limiter.done(await turn(limiter, mode), refusal("10"))
    with pytest.raises(httpx.PoolTimeout):
        await turn(limiter, mode, deadline=5.0)
    assert fake_time.waits == []
    assert limiter._slots is not None and limiter._slots.used == 0  # its concurrency slot given back


# ------------------------------------------------------------------ a burst beyond the limit


def burst(fake_time: FakeTime, passing: int, refused: int, reset: str = "10") -> RateLimiter:
    """A burst sent at once: ``passing`` answered 200, then ``refused`` answered 429."""
    limiter = RateLimiter()
    turns = [limiter.wait_turn() for _ in range(passing + refused)]
    for ticket in turns[:passing]:
        limiter.observe(ticket, OK)
    for ticket in turns[passing:]:
        limiter.observe(ticket, refusal(reset))
    return limiter


def test_a_single_refusal_caps_nothing(fake_time: FakeTime) -> None:
    limiter = burst(fake_time, 3, 1)
    assert limiter.cap is None
    sent = [limiter.wait_turn().sent_at for _ in range(6)]
    assert sent == [10.0] * 6  # after the pause, everything at once


def test_a_burst_refused_beyond_the_limit_caps_the_next_windows_to_what_passed(fake_time: FakeTime) -> None:
    limiter = burst(fake_time, 3, 2)
    assert limiter.cap == 3
    sent = []
    for _ in range(7):
        ticket = limiter.wait_turn()
        limiter.observe(ticket, OK)
        sent.append(ticket.sent_at)
    # Windows of 10 s (from the burst to the reset, plus 2%) from the first request after the
    # pause; a full window passed without a refusal does not grow the cap past what the server showed.
    assert sent == [10.0, 10.0, 10.0, 20.2, 20.2, 20.2, 30.4]
    assert limiter.refusals == 2


def test_a_late_answer_of_the_refused_window_raises_the_cap(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    first, late, third, fourth = (limiter.wait_turn() for _ in range(4))
    limiter.observe(first, OK)
    limiter.observe(third, refusal("5"))
    limiter.observe(fourth, refusal("5"))
    assert limiter.cap == 1
    limiter.observe(late, OK)  # sent before the refused ones: the server let two through in that window
    assert (limiter.cap, limiter.paused_until) == (2, 5.0)


def test_late_answers_of_the_refused_window_count_for_two_windows_after_it(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    turns = [limiter.wait_turn() for _ in range(6)]  # window 1: two pass, two refused, two late
    for ticket in turns[:2]:
        limiter.observe(ticket, OK)
    for ticket in turns[4:]:
        limiter.observe(ticket, refusal("1"))
    assert limiter.cap == 2
    fake_time.now = 1.0  # window 2, full
    for _ in range(2):
        limiter.observe(limiter.wait_turn(), OK)
    fake_time.now = 2.1  # window 3
    limiter.observe(limiter.wait_turn(), OK)
    limiter.observe(turns[2], OK)  # answered during window 3: three passed in window 1
    assert limiter.cap == 3
    for _ in range(2):  # window 3, full at the new cap
        limiter.observe(limiter.wait_turn(), OK)
    fake_time.now = 3.2
    limiter.observe(limiter.wait_turn(), OK)  # window 4: window 1 is forgotten
    limiter.observe(turns[3], OK)  # counts from nothing: it does not raise the cap
    assert limiter.cap == 3


def test_a_cap_learned_low_doubles_back_to_the_most_seen_and_no_further(fake_time: FakeTime) -> None:
    limiter = burst(fake_time, 8, 2, reset="1")  # 8 per window seen once
    fake_time.now = 1.0
    low = [limiter.wait_turn() for _ in range(3)]  # another client took most of the next window
    limiter.observe(low[0], OK)
    limiter.observe(low[1], refusal("1"))
    limiter.observe(low[2], refusal("1"))
    assert limiter.cap == 1
    per_window: dict[float, int] = {}
    for _ in range(30):
        ticket = limiter.wait_turn()
        limiter.observe(ticket, OK)
        per_window[ticket.sent_at] = per_window.get(ticket.sent_at, 0) + 1
    assert list(per_window.values())[:6] == [1, 2, 4, 8, 8, 7]  # recovered within four windows


def test_a_burst_of_which_none_passed_caps_at_one_and_stays_there(fake_time: FakeTime) -> None:
    limiter = burst(fake_time, 0, 2, reset="1")  # another client had used the whole window
    assert limiter.cap == 1
    fake_time.now = 1.0
    limiter.observe(limiter.wait_turn(), OK)  # the capped window's one request
    fake_time.now = 3.0  # that window ended without a refusal
    assert isinstance(limiter._try_send(None, 0), _Turn)  # the cap did not fall to zero
    assert limiter.cap == 1  # nor grew past the most seen passing (one, at the least)


def test_a_cap_that_holds_nothing_back_goes(fake_time: FakeTime) -> None:
    limiter = burst(fake_time, 3, 2)
    limiter.observe(limiter.wait_turn(), OK)  # one request in the whole capped window
    fake_time.now = 25.0
    limiter.wait_turn()
    assert limiter.cap is None


@pytest.mark.parametrize(
    ("refused_at", "reset", "window"),
    [(0.9, "1", 1.02), (1.0, "1", 2.0), (1.5, "1", 2.5), (0.5, "1.5", 2.0), (0.5, "20", 20.25)],
)
def test_a_window_refused_within_its_first_second_is_as_long_as_the_whole_second_reset(
    refused_at: float, reset: str, window: float, fake_time: FakeTime
) -> None:
    limiter = RateLimiter()
    turns = [limiter.wait_turn() for _ in range(3)]
    limiter.observe(turns[0], OK)
    fake_time.now = refused_at
    for ticket in turns[1:]:
        limiter.observe(ticket, refusal(reset))
    assert limiter._window_length == pytest.approx(window)  # else as measured


def test_a_refused_window_is_measured_from_its_first_request(fake_time: FakeTime) -> None:
    fake_time.now = 3.0  # not from when the limiter was made
    limiter = burst(fake_time, 1, 2, reset="10")
    assert limiter._window_length == pytest.approx(10.2)


def test_a_capped_limiters_pause_is_not_lifted_by_a_later_success(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    turns = [limiter.wait_turn() for _ in range(4)]
    limiter.observe(turns[0], OK)
    limiter.observe(turns[1], refusal("10"))
    limiter.observe(turns[2], refusal("10"))
    assert limiter.cap == 1
    limiter.observe(turns[3], OK)  # sent after both refused ones: arrived first, at a real limit
    assert (limiter.cap, limiter.paused_until) == (2, 10.0)


# ------------------------------------------------------------------ a known budget


def budget(requests: int, per: float) -> RateLimiter:
    return RateLimiter(budget=RateBudget(requests=requests, per=per))


@pytest.mark.parametrize("mode", MODES)
async def test_a_known_budget_lets_a_slot_go_again_per_seconds_after_its_answer(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = budget(2, 10.0)
    first, second = await turn(limiter, mode), await turn(limiter, mode)
    fake_time.now = 3.0  # the answers come late: the server's window may have opened as late
    limiter.observe(first, OK)
    fake_time.now = 4.0
    limiter.observe(second, OK)
    third = await turn(limiter, mode)
    assert (third.sent_at, fake_time.waits) == (13.0, [9.0])
    limiter.observe(third, OK)
    assert (await turn(limiter, mode)).sent_at == 14.0


def test_a_slot_in_flight_frees_no_sooner_than_per_from_now(fake_time: FakeTime) -> None:
    limiter = budget(1, 10.0)
    first = limiter.wait_turn()
    assert limiter._try_send(None, 0) == (10.0, False)  # its answer is not in: at the soonest, 10 s from now
    fake_time.now = 12.0
    limiter.observe(first, OK)  # answered after 12 s
    assert limiter._try_send(None, 0) == (10.0, False)


def test_a_request_that_failed_frees_its_slot_as_if_answered_then(fake_time: FakeTime) -> None:
    limiter = budget(1, 5.0)
    failed = limiter.wait_turn()
    fake_time.now = 1.0
    assert limiter.done(failed, None) is False
    assert limiter.wait_turn().sent_at == 6.0


def test_a_429_pauses_a_limiter_with_a_known_budget_too_and_nothing_is_held_after(
    fake_time: FakeTime,
) -> None:
    limiter = budget(3, 1.0)
    limiter.observe(limiter.wait_turn(), OK)
    limiter.observe(limiter.wait_turn(), refusal("4"))  # another client used the rest of the window
    sent = []
    for _ in range(6):
        ticket = limiter.wait_turn()
        limiter.observe(ticket, OK)
        sent.append(ticket.sent_at)
    # After the reset the whole budget is there at once: nothing learned, nothing to recover from.
    assert sent == [4.0, 4.0, 4.0, 5.0, 5.0, 5.0]


def test_the_limiters_repr_shows_its_settings() -> None:
    limiter = RateLimiter(budget=RateBudget(requests=5, per=2.0), max_concurrency=3)
    assert repr(limiter) == (
        "RateLimiter(budget=RateBudget(requests=5, per=2.0), max_concurrency=3, max_pause=60.0, refusals=0)"
    )


def test_a_budget_of_another_type_is_refused_naming_its_type() -> None:
    with pytest.raises(TypeError) as caught:
        RateLimiter(budget=5)  # type: ignore[arg-type]
    assert str(caught.value) == "budget must be a RateBudget, not int"


# ------------------------------------------------------------------ cancelled waiters


class _HeldTime(FakeTime):
    """Fake time that stands still while ``held``: an async sleep only yields to the event loop."""

    held = False

    async def asleep(self, seconds: float) -> None:
        if self.held:
            await asyncio.sleep(0)
        else:
            await super().asleep(seconds)


async def test_cancelled_waiters_leave_no_place_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    from deepnote_overlay import _clock

    clock = _HeldTime()
    monkeypatch.setattr(_clock, "CLOCK", clock)
    limiter = budget(2, 1.0)
    for _ in range(2):
        limiter.done(await limiter.await_turn(), OK)  # the window is full until 1 s
    clock.held = True
    waiting = [asyncio.create_task(limiter.await_turn()) for _ in range(40)]
    for _ in range(3):
        await asyncio.sleep(0)
    assert not any(task.done() for task in waiting)
    for task in waiting:
        task.cancel()
    await asyncio.gather(*waiting, return_exceptions=True)
    clock.held = False
    clock.waits.clear()
    fresh = await limiter.await_turn()
    assert (fresh.sent_at, clock.waits) == (1.0, [1.0])  # the window's end, not 20 windows later


async def test_a_cancelled_concurrency_waiter_gives_its_slot_back(fake_time: FakeTime) -> None:
    limiter = RateLimiter(max_concurrency=1, budget=RateBudget(5, 1.0))
    holder = await limiter.await_turn()
    waiting = asyncio.ensure_future(limiter.await_turn())
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    limiter.done(holder, OK)
    await asyncio.wait_for(limiter.await_turn(), timeout=1)  # the slot was not lost
    assert limiter._free_at.count(float("inf")) == 1  # nor the cancelled waiter's budget slot


async def test_a_released_concurrency_slot_is_one_slot() -> None:
    slots = _Slots(1)
    await slots.aacquire(0)
    slots.release()
    await slots.aacquire(0)  # the freed slot
    waiting = asyncio.create_task(slots.aacquire(0))
    await asyncio.sleep(0)
    assert not waiting.done(), "one slot, taken: the next request waits"
    slots.release()  # handed straight to the waiter
    await waiting
    assert slots.used == 1


async def test_a_waiter_cancelled_after_its_slot_was_handed_over_passes_it_on() -> None:
    slots = _Slots(1)
    await slots.aacquire(0)
    waiting = asyncio.create_task(slots.aacquire(0))
    await asyncio.sleep(0)
    slots.release()  # handed to the waiter: granted on the loop's next turn...
    waiting.cancel()  # ... but it is cancelled first
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await asyncio.sleep(0)  # the grant runs, sees the cancellation and passes the slot on
    assert slots.used == 0
    await asyncio.wait_for(slots.aacquire(0), 1.0)
    assert slots.used == 1


async def test_a_waiter_cancelled_after_its_slot_reached_it_passes_it_on() -> None:
    slots = _Slots(1)
    await slots.aacquire(0)
    waiting = asyncio.create_task(slots.aacquire(1))
    await asyncio.sleep(0)
    slots.release()  # handed to the waiter ...
    await asyncio.sleep(0)  # ... which has it, but has not resumed yet
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert slots.used == 0


async def test_a_waiter_cancelled_in_line_leaves_it_at_once() -> None:
    slots = _Slots(1)
    await slots.aacquire(0)
    waiting = [asyncio.create_task(slots.aacquire(place)) for place in (1, 2)]
    await asyncio.sleep(0)
    waiting[0].cancel()
    await asyncio.gather(waiting[0], return_exceptions=True)
    assert [w.place for w in slots._waiters] == [2]  # its place is gone, not handed a slot later
    slots.release()
    await waiting[1]
    assert slots.used == 1


def _overlay_imports(module: object) -> set[str]:
    """The overlay modules ``module`` imports (``from . import x``, ``from .x import y``), anywhere."""
    import ast
    import inspect

    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):  # type: ignore[arg-type]
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module] if node.module else [alias.name for alias in node.names])
    return found


def test_the_limiter_sits_below_the_retries_and_the_parsing_below_both() -> None:
    from deepnote_overlay import _retry_after, limiter, retries

    assert _overlay_imports(_retry_after) == {"_clock"}
    assert _overlay_imports(limiter) == {"_clock", "_retry_after", "bodies"}  # never retries
    assert "limiter" in _overlay_imports(retries)
