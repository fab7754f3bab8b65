"""``LimitedTransport`` on its own: a refusal pauses the next request, resends skip the pause, closing.

Found by mutation testing (``make mutate``) of ``limiter.py``: treating every request as the resend
of a refused one (so it skipped the pause), its error messages and closing the wrapped transports
could change without a test failing. Fake time: every wait is recorded, none is slept.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_overlay.limiter import LimitedTransport, RateLimiter

from .helpers import FakeTime
from .test_retry_details import RecordingTransport

URL = "https://api.test/v2/notebooks/x"


def limited(fake_time: FakeTime) -> LimitedTransport:
    """A limiter on fake time over a server that refuses its first request (Retry-After: 10)."""
    answered: list[int] = []

    def refusing_once(request: httpx.Request) -> httpx.Response:
        answered.append(1)
        return (
            httpx.Response(429, headers={"Retry-After": "10"}) if len(answered) == 1 else httpx.Response(200)
        )

    limiter = RateLimiter(
        clock=fake_time.monotonic, wall_clock=fake_time.wall, sleep=fake_time.sleep, asleep=fake_time.asleep
    )
    mock = httpx.MockTransport(refusing_once)
    return LimitedTransport(limiter, transport=mock, async_transport=mock)


async def send(mode: str, transport: LimitedTransport, request: httpx.Request) -> httpx.Response:
    if mode == "sync":
        return transport.handle_request(request)
    return await transport.handle_async_request(request)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_after_a_refusal_a_new_request_waits_and_the_refused_one_does_not(
    mode: str, fake_time: FakeTime
) -> None:
    transport = limited(fake_time)
    refused = httpx.Request("GET", URL)
    assert (await send(mode, transport, refused)).status_code == 429
    assert refused.extensions.get("deepnote_overlay.refused") is True
    # The refused request's resend (the retry policy already waited) goes at once...
    assert (await send(mode, transport, refused)).status_code == 200
    assert fake_time.waits == []
    assert "deepnote_overlay.refused" not in refused.extensions
    # ...a new request waits out the pause the refusal named.
    assert (await send(mode, transport, httpx.Request("GET", URL))).status_code == 200
    assert fake_time.waits == [10.0]


async def test_a_limited_transport_without_a_side_says_so(fake_time: FakeTime) -> None:
    limiter = RateLimiter(clock=fake_time.monotonic)
    bare = LimitedTransport(limiter)
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
