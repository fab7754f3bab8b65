"""How the rate limiter learns a budget, keeps to it and recovers from one learned too low (fake time)."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from deepnote_overlay.limiter import RateLimiter

from .helpers import FakeTime

OK = httpx.Response(200)


def refused(seconds: int) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": str(seconds)})


def limiter(fake_time: FakeTime) -> RateLimiter:
    return RateLimiter(clock=fake_time.monotonic, sleep=fake_time.sleep, asleep=fake_time.asleep)


def test_the_budget_is_what_passed_before_the_refusal_and_later_windows_keep_to_it(
    fake_time: FakeTime,
) -> None:
    limit = limiter(fake_time)
    tickets = [limit.wait_turn() for _ in range(4)]  # a burst: the limit is not known yet
    for ticket in tickets[:3]:
        limit.observe(ticket, OK)
    limit.observe(tickets[3], refused(10))
    assert (limit.budget, limit.window_length) == (3, 10.2)  # a 10 s window, plus a 2% margin
    assert fake_time.waits == []

    starts = [limit.wait_turn().start_at for _ in range(7)]
    # Each window takes 3, spread over 5% of it (0.17 s apart).
    assert [round(s, 2) for s in starts] == [10.0, 10.17, 10.34, 20.2, 20.37, 20.54, 30.4]


def test_more_refusals_of_the_same_window_shorten_the_pause_to_the_earliest_reset(
    fake_time: FakeTime,
) -> None:
    limit = limiter(fake_time)
    first, second = limit.wait_turn(), limit.wait_turn()
    limit.observe(first, refused(5))
    fake_time.now += 0.5
    limit.observe(second, refused(5))  # rounded up from its own moment: says 5.5, but 5 is known
    assert limit.paused_until == 5.0


def test_a_budget_learned_too_low_grows_by_one_per_full_window(fake_time: FakeTime) -> None:
    limit = limiter(fake_time)
    ticket = limit.wait_turn()
    limit.observe(ticket, OK)
    limit.observe(limit.wait_turn(), refused(1))  # another client had used the rest of the window
    assert limit.budget == 1
    windows = []
    for _ in range(16):
        ticket = limit.wait_turn()
        limit.observe(ticket, OK)
        windows.append(ticket.window)
    # Nothing refused any more: the window after the refusal is full at 1; once a full window has
    # ended, the next may take one more, and so on: never a jump of two.
    assert list(Counter(windows).values()) == [1, 1, 2, 3, 4, 5]
    assert limit.refusals == 1


def test_a_whole_second_reset_is_read_as_a_whole_second_window_until_that_proves_wrong(
    fake_time: FakeTime,
) -> None:
    limit = limiter(fake_time)
    first = limit.wait_turn()
    limit.observe(first, OK)
    fake_time.now = 0.1
    limit.observe(limit.wait_turn(), refused(1))  # measured: 0.1 s in, then 1 s: 1.1 s
    assert limit.window_length == 1.02  # a 1 s window, plus a 2% margin for the first arrival

    ticket = limit.wait_turn()  # the next window
    fake_time.now += 0.05
    limit.observe(ticket, refused(1))  # refused anyway: the rounding was wrong, measure plainly
    assert limit.window_length == pytest.approx(1.05)
