"""``LimitedTransport`` on its own: a refusal pauses the next request, deadlines, failures, closing.

Fake time: every wait is recorded, none is slept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from deepnote_overlay._retry_after import DEADLINE
from deepnote_overlay.limiter import LimitedTransport, RateBudget, RateLimiter

from .helpers import FakeTime
from .test_retry_details import RecordingTransport

URL = "https://api.test/v2/notebooks/x"


def limited(
    handler: Callable[[httpx.Request], httpx.Response] | None = None, **options: Any
) -> LimitedTransport:
    """A limiter over a server that refuses its first request (Retry-After: 10), or ``handler``."""
    answered: list[int] = []

    def refusing_once(request: httpx.Request) -> httpx.Response:
        answered.append(1)
        return (
            httpx.Response(429, headers={"Retry-After": "10"}) if len(answered) == 1 else httpx.Response(200)
        )

    mock = httpx.MockTransport(handler or refusing_once)
    return LimitedTransport(RateLimiter(**options), transport=mock, async_transport=mock)


async def send(mode: str, transport: LimitedTransport, request: httpx.Request) -> httpx.Response:
    if mode == "sync":
        return transport.handle_request(request)
    return await transport.handle_async_request(request)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_after_a_refusal_every_request_waits_for_the_reset(mode: str, fake_time: FakeTime) -> None:
    transport = limited()
    refused = httpx.Request("GET", URL)
    assert (await send(mode, transport, refused)).status_code == 429
    assert fake_time.waits == []
    assert (await send(mode, transport, httpx.Request("GET", URL))).status_code == 200
    assert fake_time.waits == [10.0]
    assert (await send(mode, transport, refused)).status_code == 200  # the pause is over
    assert fake_time.waits == [10.0]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_request_with_a_deadline_before_the_reset_fails_unsent(
    mode: str, fake_time: FakeTime
) -> None:
    sent: list[httpx.Request] = []

    def refusing(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(429, headers={"Retry-After": "10"})

    transport = limited(refusing)
    await send(mode, transport, httpx.Request("GET", URL))
    hurried = httpx.Request("GET", URL, extensions={DEADLINE: 4.0})
    with pytest.raises(httpx.PoolTimeout):
        await send(mode, transport, hurried)
    assert fake_time.waits == [] and len(sent) == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_request_that_fails_in_flight_frees_its_budget_slot_then(
    mode: str, fake_time: FakeTime
) -> None:
    def failing(request: httpx.Request) -> httpx.Response:
        fake_time.now += 1.0
        raise httpx.ReadTimeout("no answer")

    transport = limited(failing, budget=RateBudget(1, 5.0), max_concurrency=1)
    with pytest.raises(httpx.ReadTimeout):
        await send(mode, transport, httpx.Request("GET", URL))
    assert transport.limiter._try_send(None, 0) == (5.0, False)  # free 5 s after the failure, not never
    assert transport.limiter._slots is not None and transport.limiter._slots.used == 0


async def test_a_limited_transport_without_a_side_says_so(fake_time: FakeTime) -> None:
    bare = LimitedTransport(RateLimiter())
    request = httpx.Request("GET", URL)
    with pytest.raises(RuntimeError, match="^this LimitedTransport has no sync transport$"):
        bare.handle_request(request)
    with pytest.raises(RuntimeError, match="^this LimitedTransport has no async transport$"):
        await bare.handle_async_request(request)
    bare.close()
    await bare.aclose()  # nothing wrapped, nothing to close


async def test_closing_a_limited_transport_closes_what_it_wraps() -> None:
    sync_inner, async_inner = RecordingTransport(), RecordingTransport()
    transport: Any = LimitedTransport(RateLimiter(), transport=sync_inner, async_transport=async_inner)
    transport.close()
    await transport.aclose()
    assert (sync_inner.closed, async_inner.closed) == (["close"], ["aclose"])
