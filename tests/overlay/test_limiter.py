"""The client-side rate limiter: one pause for all of a client's requests, sparse refusals, concurrency.

The loopback tests run the fake on real time with a fixed window of 1 s (its ``Retry-After`` is in
whole seconds), so each costs two or three seconds; the rest use fake time or a MockTransport.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_fake import SEED_NOTEBOOK_ID, FakeDeepnote, ServerHandle, running_server
from deepnote_overlay import AsyncDeepnote, RateLimitError
from deepnote_overlay.limiter import RateLimiter
from deepnote_overlay.lowlevel import acall, call, connect

from .helpers import NOTEBOOK_ID, FakeTime, mock_client, notebook_json

LIMIT = 10


@pytest.fixture
def limited_server() -> Iterator[ServerHandle]:
    with running_server(FakeDeepnote(rate_limit=(LIMIT, 1.0))) as server:
        yield server


def windows(server: ServerHandle) -> list[Counter[int | str | None]]:
    """The statuses the fake sent, per fixed window (the fake opens one at the first request after)."""
    result: list[Counter[int | str | None]] = []
    start = None
    for record in sorted(server.state.requests, key=lambda r: r.at):
        if start is None or record.at - start >= 1.0:
            start = record.at
            result.append(Counter())
        result[-1][record.status] += 1
    return result


async def test_gathered_calls_all_succeed_and_only_the_first_burst_is_refused(
    limited_server: ServerHandle,
) -> None:
    client = connect(limited_server.token, base_url=limited_server.base_url)
    answers = await asyncio.gather(
        *(acall(get_notebook, client=client, notebook_id=SEED_NOTEBOOK_ID) for _ in range(3 * LIMIT))
    )
    assert len(answers) == 3 * LIMIT
    per_window = windows(limited_server)
    # The limit is unknown, so the first burst is refused beyond it; that burst caps the next
    # windows to what passed, so each is filled, not overrun (one refusal a window is tolerated: a
    # loaded machine may shift a request across a boundary, and the cap probes one more).
    assert per_window[0] == Counter({200: LIMIT, 429: 2 * LIMIT})
    assert all(w[429] <= 1 for w in per_window[1:])
    assert sum(w[200] for w in per_window) == 3 * LIMIT


async def test_runs_refused_with_429_are_resent_and_each_created_once(limited_server: ServerHandle) -> None:
    async with AsyncDeepnote(limited_server.token, base_url=limited_server.base_url) as dn:
        created = await asyncio.gather(*(dn.runs.start(SEED_NOTEBOOK_ID) for _ in range(25)))
    state = limited_server.state
    assert len({run.id for run in created}) == 25
    assert sorted(state.runs) == sorted(run.id for run in created)  # none lost, none twice
    accepted = [r for r in state.requests if r.method == "POST" and r.status == 202]
    assert len(accepted) == 25 and state.rate_limited >= 15  # the first burst beyond the limit


def test_a_pause_learned_by_one_request_holds_back_the_others_sync_and_async(fake_time: FakeTime) -> None:
    limiter = RateLimiter()
    ticket = limiter.wait_turn()
    assert limiter.observe(ticket, httpx.Response(429, headers={"Retry-After": "5"}))
    assert fake_time.waits == []

    limiter.wait_turn()  # a sync request waits for the reset ...
    assert fake_time.waits == [5.0]
    limiter.observe(limiter.wait_turn(), httpx.Response(429, headers={"RateLimit-Reset": "3"}))
    asyncio.run(limiter.await_turn())  # ... and so does an async one, on the same state
    assert fake_time.waits == [5.0, 3.0]


def test_the_refused_request_waits_once_the_limiter_adds_no_wait(fake_time: FakeTime) -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "4"})])

    def handler(request: httpx.Request) -> httpx.Response:
        return next(answers, None) or httpx.Response(200, json={"notebook": notebook_json()})

    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [4.0]  # the retry policy's wait; the pause ended with it


def test_a_one_off_429_costs_the_refused_requests_wait_and_nothing_more(fake_time: FakeTime) -> None:
    answered = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal answered
        answered += 1
        if answered == 2:  # one success, then a single refusal; never again
            return httpx.Response(429, headers={"Retry-After": "1"})
        return httpx.Response(200, json={"notebook": notebook_json()})

    client = mock_client(handler, fake_time.policy())
    for _ in range(32):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [1.0] and fake_time.now == 1.0  # not one call a window afterwards


def test_scattered_429s_cost_only_their_own_waits(fake_time: FakeTime) -> None:
    answered = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal answered
        answered += 1
        if answered % 7 == 3:  # every seventh answer is a refusal, whatever the rate
            return httpx.Response(429, headers={"Retry-After": "2"})
        return httpx.Response(200, json={"notebook": notebook_json()})

    client = mock_client(handler, fake_time.policy())
    for _ in range(60):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [2.0] * 10  # each refused request's own wait; no pacing learned


async def test_a_refusal_among_requests_the_server_lets_through_pauses_no_one(fake_time: FakeTime) -> None:
    """Gathered calls: one is refused while later ones pass, so the pause it set is lifted."""
    answered = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal answered
        answered += 1
        refused = answered == 1
        await asyncio.sleep(0.01 if refused else 0.02)  # the refusal comes back first
        if refused:
            return httpx.Response(429, headers={"Retry-After": "30"})
        return httpx.Response(200, json={"notebook": notebook_json()})

    client = mock_client(handler, fake_time.policy(max_retries=0))  # type: ignore[arg-type]
    outcomes = await asyncio.gather(
        *(acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID) for _ in range(5)),
        return_exceptions=True,
    )
    assert [type(o).__name__ for o in outcomes].count("RateLimitError") == 1
    await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)  # after the others passed
    assert fake_time.waits == []  # not held until the reset the refusal named


def test_a_pause_above_the_cap_is_not_waited(fake_time: FakeTime) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"message": "slow down"}, headers={"Retry-After": "600"})

    client = mock_client(handler, fake_time.policy())
    for _ in range(2):
        with pytest.raises(RateLimitError) as caught:
            call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        assert caught.value.retry_after == 600
    assert fake_time.waits == []


def test_max_concurrency_caps_requests_in_flight_across_threads() -> None:
    lock = threading.Lock()
    in_flight = peak = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.01)
        with lock:
            in_flight -= 1
        return httpx.Response(200, json={"notebook": notebook_json()})

    client = mock_client(handler, None, max_concurrency=3)
    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(lambda _: call(get_notebook, client=client, notebook_id=NOTEBOOK_ID), range(30)))
    assert peak == 3


async def test_max_concurrency_caps_async_requests_in_flight() -> None:
    in_flight = peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.005)
        in_flight -= 1
        return httpx.Response(200, json={"notebook": notebook_json()})

    client = mock_client(handler, None, max_concurrency=4)  # type: ignore[arg-type]
    await asyncio.gather(*(acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID) for _ in range(40)))
    assert peak == 4


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="max_concurrency"):
        RateLimiter(max_concurrency=0)
    with pytest.raises(ValueError, match="max_concurrency"):
        connect("t", limiter=False, max_concurrency=2)
    with pytest.raises(ValueError, match="max_concurrency"):
        connect("t", limiter=RateLimiter(), max_concurrency=2)


async def test_sync_and_async_requests_of_one_client_share_the_pause(limited_server: ServerHandle) -> None:
    client = connect(limited_server.token, base_url=limited_server.base_url)

    def sync_calls() -> None:
        for _ in range(LIMIT):
            call(get_notebook, client=client, notebook_id=SEED_NOTEBOOK_ID)

    thread = asyncio.get_running_loop().run_in_executor(None, sync_calls)
    await asyncio.gather(
        *(acall(get_notebook, client=client, notebook_id=SEED_NOTEBOOK_ID) for _ in range(2 * LIMIT)), thread
    )
    per_window = windows(limited_server)
    assert sum(w[200] for w in per_window) == 3 * LIMIT  # every call passed, none failed
