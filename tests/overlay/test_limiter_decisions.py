"""``RateLimiter``'s decisions, driven step by step on fake time through its public methods.

Found by mutation testing (``make mutate``) of ``limiter.py``: what a refusal's ``Retry-After`` pauses
(an HTTP date, the ``max_pause`` boundary), counting refusals, a pause recorded while a request
waits, and the window starting when its first request is actually sent, could change unnoticed.
"""

from __future__ import annotations

import asyncio
import email.utils

import httpx
import pytest

from deepnote_overlay.limiter import RateLimiter, _Slots

from .helpers import FakeTime


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


def test_a_pause_recorded_while_a_request_waits_is_waited_out_too(fake_time: FakeTime) -> None:
    limiter = limiter_on(fake_time)
    refused = limiter.wait_turn()
    limiter.observe(refused, refusal("10"))
    sleeps: list[float] = []

    def sleep_and_get_refused_again(seconds: float) -> None:
        sleeps.append(seconds)
        fake_time.sleep(seconds)
        if len(sleeps) == 1:  # another request of the window is refused while this one sleeps
            limiter.observe(refused, refusal("5"))

    limiter._sleep = sleep_and_get_refused_again
    limiter.wait_turn()
    assert sleeps == [10.0, 5.0]


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
