"""A rate limiter given the limit (``RateBudget``) keeps to it from the first request.

The loopback tests run the fake on real time with a fixed window of 1 s, so each costs two or three
seconds; the rest use fake time.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator

import attrs
import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_fake import SEED_NOTEBOOK_ID, FakeDeepnote, ServerHandle, running_server
from deepnote_overlay import AsyncDeepnote, RateBudget, RateLimiter
from deepnote_overlay.lowlevel import acall, connect

from .helpers import FakeTime
from .test_limiter_decisions import turn

LIMIT = 10
OK = httpx.Response(200)


@pytest.fixture
def limited_server() -> Iterator[ServerHandle]:
    with running_server(FakeDeepnote(rate_limit=(LIMIT, 1.0))) as server:
        yield server


def statuses_per_window(server: ServerHandle) -> list[Counter[int | str | None]]:
    """The statuses the fake sent, per fixed window (the fake opens one at the first request after)."""
    result: list[Counter[int | str | None]] = []
    start = None
    for record in sorted(server.state.requests, key=lambda r: r.at):
        if start is None or record.at - start >= 1.0:
            start = record.at
            result.append(Counter())
        result[-1][record.status] += 1
    return result


def refused(seconds: int) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": str(seconds)})


async def test_gathered_calls_with_the_known_budget_are_never_refused(limited_server: ServerHandle) -> None:
    limiter = RateLimiter(budget=RateBudget(requests=LIMIT, per=1.0))
    client = connect(limited_server.token, base_url=limited_server.base_url, limiter=limiter)
    answers = await asyncio.gather(
        *(acall(get_notebook, client=client, notebook_id=SEED_NOTEBOOK_ID) for _ in range(3 * LIMIT))
    )
    assert len(answers) == 3 * LIMIT
    per_window = statuses_per_window(limited_server)
    # Without the budget the first window refuses 2 x LIMIT (see test_limiter.py); with it, none.
    assert limited_server.state.rate_limited == 0
    assert [w[200] for w in per_window] == [LIMIT, LIMIT, LIMIT]
    assert limiter.refusals == 0


async def test_runs_with_the_known_budget_are_created_once_without_a_refusal(
    limited_server: ServerHandle,
) -> None:
    limiter = RateLimiter(budget=RateBudget(requests=LIMIT, per=1.0))
    async with AsyncDeepnote(limited_server.token, base_url=limited_server.base_url, limiter=limiter) as dn:
        created = await asyncio.gather(*(dn.runs.start(SEED_NOTEBOOK_ID) for _ in range(25)))
    state = limited_server.state
    assert sorted(state.runs) == sorted(run.id for run in created)  # 25 runs, none twice
    assert len(state.runs) == 25
    assert state.rate_limited == 0
    assert all(w[202] <= LIMIT for w in statuses_per_window(limited_server))


def test_the_known_budget_paces_from_the_first_request(fake_time: FakeTime) -> None:
    limiter = RateLimiter(budget=RateBudget(requests=3, per=10.0))
    starts = []
    for _ in range(7):
        ticket = limiter.wait_turn()
        fake_time.now += 0.25  # each answer takes a quarter second
        limiter.observe(ticket, OK)
        starts.append(ticket.sent_at)
    # 3 at once, then each slot again 10 s after its answer: nothing refused first.
    assert starts == [0.0, 0.25, 0.5, 10.25, 10.5, 10.75, 20.5]
    assert limiter.refusals == 0


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_window_waits_for_the_previous_windows_answers_plus_the_window(
    mode: str, fake_time: FakeTime
) -> None:
    limiter = RateLimiter(budget=RateBudget(requests=2, per=10.0))
    first, second = await turn(limiter, mode), await turn(limiter, mode)
    fake_time.now = 3.0  # the answers come late: the server may have opened its window as late
    limiter.observe(first, OK)
    limiter.observe(second, OK)
    third = await turn(limiter, mode)
    assert third.sent_at == pytest.approx(13.0)  # 10 s after the first answer, not after it left
    assert fake_time.waits == [pytest.approx(10.0)]


def test_a_refusal_pauses_a_known_budget_which_is_whole_again_after_the_reset(fake_time: FakeTime) -> None:
    limiter = RateLimiter(budget=RateBudget(requests=3, per=1.0))
    limiter.observe(limiter.wait_turn(), OK)
    limiter.observe(limiter.wait_turn(), refused(1))  # another client used the rest of the window
    per_second: Counter[float] = Counter()
    for _ in range(9):
        ticket = limiter.wait_turn()
        limiter.observe(ticket, OK)
        per_second[ticket.sent_at] += 1
    assert list(per_second.values()) == [3, 3, 3]  # recovered in the first window after the pause


@pytest.mark.parametrize(
    ("requests", "per", "message"),
    [
        (0, 1.0, "requests"),
        (5, 0.0, "per"),
        (5, -1.0, "per"),
        (5, float("inf"), "per"),
        (5, float("nan"), "per"),
    ],
)
def test_a_budget_that_cannot_be_kept_is_refused_naming_the_field(
    requests: int, per: float, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        RateBudget(requests=requests, per=per)


def test_a_budget_is_a_frozen_value() -> None:
    budget = RateBudget(requests=20, per=1.0)
    assert budget == RateBudget(20, 1.0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        budget.requests = 30  # type: ignore[misc]
    with pytest.raises(TypeError, match="RateBudget"):
        RateLimiter(budget=(20, 1.0))  # type: ignore[arg-type]
