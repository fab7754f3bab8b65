"""``RateLimiter``'s decisions, driven step by step on fake time through its public methods.

Found by mutation testing (``make mutate``) of ``limiter.py``: what a refusal's ``Retry-After`` pauses
(an HTTP date, the ``max_pause`` boundary), counting refusals, a pause recorded while a request
waits, and the window starting when its first request is actually sent, could change unnoticed.
"""

from __future__ import annotations

import asyncio
import email.utils
import math

import httpx
import pytest

from deepnote_overlay.limiter import RateBudget, RateLimiter, _Slots, _Ticket

from .helpers import FakeTime

MODES = ["sync", "async"]
OK = httpx.Response(200)


def limiter_on(fake_time: FakeTime, **options: float) -> RateLimiter:
    return RateLimiter(
        clock=fake_time.monotonic,
        wall_clock=fake_time.wall,
        sleep=fake_time.sleep,
        asleep=fake_time.asleep,
        **options,  # type: ignore[arg-type]
    )


def refusal(retry_after: str) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": retry_after})


def test_only_a_429_pauses_and_is_counted(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, httpx.Response(200)) is False
    assert (limiter.refusals, limiter.paused_until) == (0, -float("inf"))
    assert limiter.observe(ticket, refusal("3")) is True
    assert limiter.observe(ticket, refusal("3")) is True
    assert limiter.refusals == 2
    assert limiter.paused_until == 3.0


def test_a_retry_after_given_as_an_http_date_pauses_until_then(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, refusal(email.utils.formatdate(fake_time.wall() + 7, usegmt=True)))
    assert limiter.paused_until == 7.0


@pytest.mark.parametrize(("retry_after", "pauses"), [("20", True), ("20.5", False)])
def test_a_refusal_asking_more_than_max_pause_pauses_nothing(
    retry_after: str, pauses: bool, fake_time: FakeTime
) -> None:
    limiter = limiter_on(fake_time, max_pause=20.0)
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, refusal(retry_after)) is pauses
    assert limiter.refusals == (1 if pauses else 0)
    limiter.wait_turn()
    assert fake_time.waits == ([20.0] if pauses else [])


def test_each_pause_invalidates_the_turns_handed_out_before_it(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    first = limiter.wait_turn()
    limiter.observe(first, refusal("2"))
    second = limiter.wait_turn()  # after the first pause
    assert limiter._still_valid(second)
    limiter.observe(second, refusal("2"))
    assert not limiter._still_valid(second)


def test_a_window_starts_when_its_first_request_is_sent(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    ticket = limiter.wait_turn()  # reserved at 0 s...
    fake_time.sleep(2.0)
    limiter.sending(ticket)  # ...but sent at 2 s (it waited for a concurrency slot, say)
    limiter.observe(ticket, refusal("10"))
    # The window ran from 2 s to the reset at 12 s: 10 s, plus the 2% margin.
    assert limiter.window_length == pytest.approx(10.2)


def test_by_default_a_pause_of_up_to_60_seconds_is_kept(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, refusal("60")) is True
    assert limiter.observe(ticket, refusal("60.5")) is False


def test_by_default_a_window_is_estimated_at_60_seconds_at_most(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    ticket = limiter.wait_turn()
    fake_time.sleep(50.0)
    limiter.observe(ticket, refusal("55"))  # 105 s after the window began: longer than any window
    assert limiter.window_length == pytest.approx(60.25)  # 60 s, plus the margin (at most 0.25 s)


@pytest.mark.parametrize("spread", [0.0, 0.5, 1.0])
def test_spread_is_a_share_of_the_window(spread: float) -> None:
    assert RateLimiter(spread=spread).spread == spread


@pytest.mark.parametrize("spread", [-0.1, 1.5, 2.0])
def test_a_spread_outside_zero_to_one_is_refused(spread: float) -> None:
    with pytest.raises(ValueError) as caught:
        RateLimiter(spread=spread)
    assert str(caught.value) == f"spread must be between 0 and 1 (a share of the window), not {spread}"


async def test_a_released_concurrency_slot_is_one_slot() -> None:
    slots = _Slots(1)
    await slots.aacquire()
    slots.release()
    await slots.aacquire()  # the freed slot
    waiting = asyncio.create_task(slots.aacquire())
    await asyncio.sleep(0)
    assert not waiting.done(), "one slot, taken: the next request waits"
    slots.release()  # handed straight to the waiter
    await waiting
    assert slots.used == 1


# ------------------------------------------------------------------ found by the run at 75bf6ac


async def turn(limiter: RateLimiter, mode: str, *, resend: bool = False) -> _Ticket:
    if mode == "sync":
        return limiter.wait_turn(resend=resend)
    return await limiter.await_turn(resend=resend)


def known(fake_time: FakeTime, requests: int, per: float) -> RateLimiter:
    return limiter_on(fake_time, budget=RateBudget(requests=requests, per=per))  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
async def test_no_extra_wait_when_the_window_ends_just_as_the_first_answer_allows(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = known(fake_time, 2, 10.0)
    first = await turn(limiter, mode)
    fake_time.now = 0.2  # the first answer: the next window may start at 10.2, as planned
    limiter.observe(first, OK)
    limiter.observe(await turn(limiter, mode), OK)  # spread: sent at 0.255
    await turn(limiter, mode)
    assert fake_time.now == pytest.approx(10.2)
    assert fake_time.waits == [pytest.approx(0.055), pytest.approx(9.945)]  # no wait of 0 s after


@pytest.mark.parametrize("mode", MODES)
async def test_a_pause_recorded_while_waiting_for_the_first_answers_window_is_waited_out(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = known(fake_time, 2, 10.0)
    first, second = await turn(limiter, mode), await turn(limiter, mode)
    fake_time.now = 3.0
    limiter.observe(first, OK)
    sleeps: list[float] = []

    def sleep_and_refuse_the_second(seconds: float) -> None:
        sleeps.append(seconds)
        fake_time.sleep(seconds)
        if len(sleeps) == 2:  # while the third waits for 10 s after the first answer
            limiter.observe(second, refusal("5"))

    async def asleep(seconds: float) -> None:
        sleep_and_refuse_the_second(seconds)

    limiter._sleep, limiter._asleep = sleep_and_refuse_the_second, asleep
    await turn(limiter, mode)
    assert sleeps[:2] == [pytest.approx(7.2), pytest.approx(2.8)]
    assert fake_time.now >= 13.0 + 5.0  # the pause named during the wait was waited out too


@pytest.mark.parametrize("mode", MODES)
async def test_a_pause_recorded_while_a_request_waits_is_waited_out_too(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = limiter_on(fake_time)
    refused = await turn(limiter, mode)
    limiter.observe(refused, refusal("10"))
    sleeps: list[float] = []

    def sleep_and_get_refused_again(seconds: float) -> None:
        sleeps.append(seconds)
        fake_time.sleep(seconds)
        if len(sleeps) == 1:  # another request of the window is refused while this one sleeps
            limiter.observe(refused, refusal("5"))

    async def asleep(seconds: float) -> None:
        sleep_and_get_refused_again(seconds)

    limiter._sleep, limiter._asleep = sleep_and_get_refused_again, asleep
    await turn(limiter, mode)
    assert sleeps == [10.0, 5.0]


def test_a_resend_goes_at_once_not_spread_after_the_others(fake_time: FakeTime) -> None:
    limiter = known(fake_time, 2, 10.0)
    limiter.wait_turn()
    resent = limiter.wait_turn(resend=True)  # it sat out its retry wait already
    assert resent.start_at == 0.0 and fake_time.waits == []
    assert limiter.wait_turn().start_at == pytest.approx(10.2)  # but it counted against the window


def test_a_request_exactly_at_the_windows_end_opens_the_next_window(fake_time: FakeTime) -> None:
    limiter = known(fake_time, 3, 10.0)
    first = limiter.wait_turn()
    fake_time.now = 10.2  # window length: 10 s plus the 2% margin
    second = limiter.wait_turn()
    assert second.first and second.window == first.window + 1


def test_the_sending_of_a_windows_first_request_moves_when_the_next_window_opens(fake_time: FakeTime) -> None:
    limiter = known(fake_time, 1, 10.0)
    ticket = limiter.wait_turn()  # planned at 0 s...
    fake_time.now = 2.0
    limiter.sending(ticket)  # ... sent at 2 s: the server's window opens then
    limiter.observe(ticket, OK)
    limiter.wait_turn()
    assert fake_time.now == pytest.approx(12.2)  # 2 s + 10 s + the margin (not 10.2, nor 12.0)


def test_a_request_sent_after_its_window_was_forgotten_is_sent(fake_time: FakeTime) -> None:
    limiter = known(fake_time, 1, 1.0)
    late = limiter.wait_turn()  # waits long for a concurrency slot, say
    for _ in range(6):
        limiter.observe(limiter.wait_turn(), OK)  # six windows later, its window is forgotten
    limiter.sending(late)
    limiter.observe(late, OK)


def test_a_budget_grows_only_once_the_full_window_before_has_ended(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    limiter.budget, limiter.window_length = 1, 10.0  # learned from a refusal, say
    # Three requests at once: each beyond a full window opens the next ahead of time.
    assert [limiter._reserve(False, -math.inf)[1] for _ in range(3)] == [0.0, 10.0, 20.0]
    assert limiter.budget == 1  # the first window's answers are not in: nothing to learn yet


def test_a_late_answer_of_the_refused_window_raises_the_budget_learned(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    first, second, third = limiter.wait_turn(), limiter.wait_turn(), limiter.wait_turn()
    limiter.observe(first, OK)
    limiter.observe(second, refusal("5"))
    assert limiter.budget == 1
    limiter.observe(third, OK)  # answered late: the server let two through in that window
    assert limiter.budget == 2


def test_a_late_answer_after_a_refusal_with_nothing_passed_sets_the_budget(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    first, second = limiter.wait_turn(), limiter.wait_turn()
    limiter.observe(first, refusal("5"))  # another client used the window up: nothing learned
    assert limiter.budget is None
    limiter.observe(second, OK)
    assert limiter.budget == 1


@pytest.mark.parametrize(("answered_at", "window"), [(0.25, 10.2), (0.5, 10.5)])
def test_a_window_measured_within_a_quarter_second_of_whole_seconds_is_rounded(
    answered_at: float, window: float, fake_time: FakeTime
) -> None:
    limiter = limiter_on(fake_time)
    ticket = limiter.wait_turn()
    fake_time.now = answered_at
    limiter.observe(ticket, refusal("10"))  # the reset: 10 s after the refusal
    assert limiter.window_length == pytest.approx(window)


def test_the_limiters_repr_shows_its_settings_and_what_it_learned() -> None:
    limiter = RateLimiter(budget=RateBudget(requests=5, per=2.0), max_concurrency=3)
    assert repr(limiter) == (
        "RateLimiter(known_budget=RateBudget(requests=5, per=2.0), max_concurrency=3, budget=5, "
        "window_length=2.04, refusals=0)"
    )


def test_a_budget_of_another_type_is_refused_naming_its_type() -> None:
    with pytest.raises(TypeError) as caught:
        RateLimiter(budget=5)  # type: ignore[arg-type]
    assert str(caught.value) == "budget must be a RateBudget, not int"


async def test_a_waiter_cancelled_after_its_slot_was_handed_over_passes_it_on() -> None:
    slots = _Slots(1)
    await slots.aacquire()
    waiting = asyncio.create_task(slots.aacquire())
    await asyncio.sleep(0)
    slots.release()  # handed to the waiter: granted on the loop's next turn...
    waiting.cancel()  # ... but it is cancelled first
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await asyncio.sleep(0)  # the grant runs, sees the cancellation and passes the slot on
    assert slots.used == 0
    await asyncio.wait_for(slots.aacquire(), 1.0)
    assert slots.used == 1


def test_a_refusal_naming_the_reset_already_paused_for_invalidates_no_turn(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    limiter.observe(limiter.wait_turn(), refusal("10"))
    resent = limiter.wait_turn(resend=True)  # sat out its retry wait: goes at once
    cleared = limiter.wait_turn(resend=True)
    limiter.observe(resent, refusal("10"))  # refused again, naming the same reset: nothing new
    assert limiter._still_valid(cleared)
    assert limiter.paused_until == 10.0
